"""Shared fixtures: every database test runs on a SQLite file and on PostgreSQL.

PostgreSQL tests use the server named by TOLLBOOK_TEST_POSTGRES_URL, each in a
schema of its own that is dropped afterwards. Without that variable they are
skipped with a message saying how to run them; CI always sets it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from support import POSTGRES_VAR
from tollbook import db
from tollbook.cli import app

BACKENDS = ["sqlite", "postgresql"]


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_VAR)


@contextlib.contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file in `folder`, or a PostgreSQL schema
    of its own on the test server, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'tollbook.db'}"
        return
    base = postgres_url()
    if not base:
        if os.environ.get("TOLLBOOK_REQUIRE_POSTGRES"):
            pytest.fail(f"TOLLBOOK_REQUIRE_POSTGRES is set but {POSTGRES_VAR} is not")
        pytest.skip(f"set {POSTGRES_VAR} to run the PostgreSQL tests")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(db.resolve_url(base))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = db.resolve_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each backend."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def backend(db_url: str) -> str:
    return make_url(db_url).get_backend_name()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a database upgraded to the current schema."""
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with db.session(engine) as session:
        yield session


Invoke = Callable[..., Result]


@pytest.fixture
def cli(db_url: str) -> Invoke:
    """Run the tollbook command line against the test database."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, ["--db", db_url, *args], input=input, env=env)

    return invoke


@pytest.fixture
def cli_ready(cli: Invoke) -> Invoke:
    """The command line on an initialised database."""
    result = cli("init")
    assert result.exit_code == 0, result.output
    return cli
