"""tollbook's command line: thin Typer commands over the library API."""

from __future__ import annotations

from tollbook.cli import (  # noqa: F401  (each module registers its commands)
    database,
    demo,
    exports,
    extraction,
    listing,
    questions,
)
from tollbook.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
