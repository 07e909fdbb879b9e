"""tollbook: who says how many people were killed or wounded, and where sources disagree.

The library behind the `tollbook` command: every function takes a SQLAlchemy
session and returns Pydantic records.
"""

from tollbook.compare import claims, disagreements, tolls
from tollbook.extract import ExtractedFigure, extract
from tollbook.load import load_paths

__version__ = "0.1.0"

__all__ = [
    "ExtractedFigure",
    "__version__",
    "claims",
    "disagreements",
    "extract",
    "load_paths",
    "tolls",
]
