"""Casualty-figure extraction: text -> spans -> figures.

>>> [f.number for f in extract("At least 12 people were killed.")]
['At least 12']
"""

from tollbook.extract.figure import ExtractedFigure
from tollbook.extract.pipeline import PIPELINE, extract

__all__ = ["PIPELINE", "ExtractedFigure", "extract"]
