"""Casualty-figure extraction: text -> spans -> figures (being built)."""
