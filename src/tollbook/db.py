"""Engines, URL resolution, sessions and the migration helpers behind `tollbook init`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, Table, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from tollbook.errors import DatabaseError, SchemaError

ENV_VAR = "TOLLBOOK_DATABASE_URL"
DEFAULT_URL = "sqlite:///tollbook.db"
# Long enough for a concurrent loader to finish one source's transaction.
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "tollbook_write"


def resolve_url(value: str | None = None) -> URL:
    """The database URL from an explicit value, else the environment, else the default.

    A value without ``://`` is a path to a SQLite file.
    """
    raw = value or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser()))
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(f"cannot parse database URL {raw!r}: {exc}") from None
    if url.drivername == "postgresql":
        # psycopg 3 is the driver tollbook installs; plain postgresql:// means it too.
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event open transactions (see make_engine) instead of
    # the sqlite3 module's implicit, deferred ones.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # With write-ahead logging, NORMAL syncs at checkpoints rather than at every
    # commit: a crashed or killed process still loses nothing committed, and the
    # database cannot be corrupted; only a power cut may drop the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_engine(url: URL | str | None = None) -> Engine:
    """An engine for a URL; SQLite gets foreign keys, a busy timeout and explicit BEGINs."""
    if not isinstance(url, URL):
        url = resolve_url(url)
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use database URL {url.render_as_string()}: {exc}") from None
    return engine


def describe(engine: Engine) -> str:
    """The engine's URL for messages, with any password hidden."""
    return engine.url.render_as_string(hide_password=True)


def one_line(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background links."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the migrations shipped with tollbook."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("tollbook.migrations")))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "tollbook ships at least one migration"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at, or None when it has no tollbook schema yet."""
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {describe(engine)}: {one_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise DatabaseError(f"database {describe(engine)}: {one_line(exc)}") from None


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Upgrade a database to a revision; returns (revision before, revision after)."""
    before = current_revision(engine)
    _check_known(before)
    try:
        command.upgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot upgrade {describe(engine)}: {one_line(exc)}") from None
    if engine.url.get_backend_name() == "sqlite":
        # WAL lets readers work while a loader writes; the mode is stored in the file.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA journal_mode=WAL")
        finally:
            raw.close()
    after = current_revision(engine)
    assert after is not None
    return before, after


def downgrade(engine: Engine, revision: str) -> None:
    try:
        command.downgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot downgrade {describe(engine)}: {one_line(exc)}") from None


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise SchemaError(
            f"database schema is at revision {revision}, newer than this tollbook knows; "
            "upgrade tollbook"
        )


def require_schema(engine: Engine) -> None:
    """Raise a SchemaError telling the user what to do unless the schema is at head."""
    url = engine.url
    on_disk = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    # Connecting would create an empty file; a reading command should not.
    if on_disk and not Path(str(url.database)).exists():
        raise SchemaError(f"database file {url.database} does not exist: run `tollbook init`")
    revision = current_revision(engine)
    if revision is None:
        if "sources" in inspect(engine).get_table_names():
            raise SchemaError(
                f"database {describe(engine)} has tables but no tollbook schema version"
            )
        raise SchemaError(f"database {describe(engine)} is not initialised: run `tollbook init`")
    _check_known(revision)
    head = head_revision()
    if revision != head:
        raise SchemaError(
            f"database schema is at revision {revision}, older than this tollbook ({head}): "
            "run `tollbook init` to upgrade it"
        )


@contextmanager
def open_engine(url: URL | str | None = None, *, check_schema: bool = True) -> Iterator[Engine]:
    """An engine that is disposed of afterwards, checked to be at the current schema."""
    engine = make_engine(url)
    try:
        if check_schema:
            require_schema(engine)
        yield engine
    finally:
        engine.dispose()


@contextmanager
def writing(session: Session) -> Iterator[Session]:
    """A transaction that will write.

    On SQLite it begins with ``BEGIN IMMEDIATE``: a loader then waits its turn for
    the write lock up front, instead of failing at its first write because another
    process committed since its transaction began reading.
    """
    with session.begin():
        session.connection(execution_options={WRITE_OPTION: True})
        yield session


def session(engine: Engine) -> Session:
    """A session whose objects stay readable after commit, for rendering results."""
    return Session(engine, expire_on_commit=False)


def insert_ignoring_conflicts(model: type[Any], session: Session) -> Any:
    """An INSERT ... ON CONFLICT DO NOTHING for the session's backend.

    Concurrent loaders may create the same actor or source at once; the unique
    constraints decide who wins and the loser carries on without an error.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(model).on_conflict_do_nothing()
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(model).on_conflict_do_nothing()
    raise DatabaseError(f"tollbook supports SQLite and PostgreSQL, not {dialect}")


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """`count` new primary keys for `table`, inside the caller's write transaction.

    Knowing the ids up front lets parent and child rows go in as plain
    executemany INSERTs. On SQLite the transaction holds the write lock, so the
    largest id cannot move; on PostgreSQL the table's sequence hands them out.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": count},
        )
        return [int(value) for (value,) in rows]
    largest = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(largest + 1, largest + count + 1))


class IdReserve:
    """Primary keys for one table, taken from a block reserved ahead on PostgreSQL.

    A block of sequence values costs one round trip instead of one per
    transaction; values of a block left unused are gaps, which ids may have.
    SQLite has no sequence: each transaction reads the largest id under its lock.
    """

    def __init__(self, table: Table, block: int = 1024) -> None:
        self.table = table
        self.block = block
        self._free: list[int] = []

    def take(self, session: Session, count: int) -> list[int]:
        if session.connection().dialect.name != "postgresql":
            return reserve_ids(session, self.table, count)
        while len(self._free) < count:
            self._free.extend(reserve_ids(session, self.table, max(count, self.block)))
        taken, self._free = self._free[:count], self._free[count:]
        return taken


def analyze(session: Session) -> None:
    """Refresh the planner's statistics after a load, so it picks the indexes."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        for table in ("figures", "claims", "sources", "actors", "claim_relays"):
            connection.exec_driver_sql(f"ANALYZE {table}")
    else:
        # A sample of rows per index is enough for the planner and keeps this quick.
        connection.exec_driver_sql("PRAGMA analysis_limit=2000")
        connection.exec_driver_sql("ANALYZE")
