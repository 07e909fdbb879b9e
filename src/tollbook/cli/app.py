"""The Typer application: global options and the one place errors become messages."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from tollbook.db import ENV_VAR, one_line
from tollbook.errors import TollbookError

DEBUG_VAR = "TOLLBOOK_DEBUG"
# The order a newcomer meets the commands in: try it, fill it, ask it, take it away.
HELP_ORDER = (
    "demo", "init", "load", "sources", "events", "actors", "tolls", "disagreements",
    "claims", "show", "export", "report", "extract", "eval",
)  # fmt: skip


class TollbookGroup(TyperGroup):
    """Runs a command; a TollbookError becomes `Error: <message>` and exit code 1.

    Anything else that escapes is a bug: it is reported on one line too, and
    TOLLBOOK_DEBUG=1 shows the traceback.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        known = {name: i for i, name in enumerate(HELP_ORDER)}
        return sorted(self.commands, key=lambda name: (known.get(name, len(known)), name))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TollbookError as exc:
            fail(str(exc))
        except SQLAlchemyError as exc:
            fail(f"database error: {one_line(exc)}")
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # `tollbook ... | head` closes the pipe early; that is not an error.
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as exc:
            if os.environ.get(DEBUG_VAR):
                raise
            fail(
                f"unexpected {type(exc).__name__}: {exc} "
                f"(set {DEBUG_VAR}=1 to see where; please report it)"
            )


def fail(message: str) -> None:
    """Print one error line on stderr and exit with code 1."""
    first = " ".join(message.split()) or "failed"
    typer.echo(f"Error: {first}", err=True)
    raise typer.Exit(1)


@dataclass
class State:
    db: str | None = None


app = typer.Typer(
    cls=TollbookGroup,
    name="tollbook",
    help="Who says how many people were killed or wounded, and where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar=ENV_VAR,
            help="Database: a SQLAlchemy URL or a SQLite file path; tollbook.db if not given.",
            show_envvar=True,
        ),
    ] = None,
) -> None:
    """Who says how many people were killed or wounded, and where sources disagree.

    Example: tollbook demo
    """
    ctx.obj = State(db=db)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_object(State)
    return obj if obj is not None else State()
