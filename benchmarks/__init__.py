"""Runnable benchmarks that print figures; see benchmarks/README.md."""
