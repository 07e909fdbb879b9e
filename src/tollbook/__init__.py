"""tollbook: who says how many people were killed or wounded, and where sources disagree."""

__version__ = "0.1.0"
