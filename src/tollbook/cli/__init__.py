"""tollbook's command line: thin Typer commands over the library API."""

from __future__ import annotations

from tollbook.cli import database, listing  # noqa: F401  (registers the commands)
from tollbook.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
