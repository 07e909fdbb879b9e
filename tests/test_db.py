"""Engines, URLs, schema checks and migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, insert, text
from sqlalchemy.exc import IntegrityError

from support import dump
from tollbook import db
from tollbook.errors import DatabaseError, SchemaError
from tollbook.models import Base, Claim, Event, Source


def test_plain_path_means_a_sqlite_file(tmp_path: Path) -> None:
    url = db.resolve_url(str(tmp_path / "x.db"))
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "x.db")


def test_plain_postgresql_url_uses_psycopg() -> None:
    assert db.resolve_url("postgresql://u@h/d").drivername == "postgresql+psycopg"


def test_environment_variable_gives_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(db.ENV_VAR, "sqlite:///elsewhere.db")
    assert db.resolve_url(None).database == "elsewhere.db"


def test_default_url_is_tollbook_db_in_the_working_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(db.ENV_VAR, raising=False)
    assert db.resolve_url(None).render_as_string() == "sqlite:///tollbook.db"


def test_unparseable_url_is_a_database_error() -> None:
    with pytest.raises(DatabaseError, match="cannot parse"):
        db.resolve_url("no-such-driver+://x/y")


def test_missing_sqlite_file_asks_for_init_without_creating_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(SchemaError, match="tollbook init"), db.open_engine(str(path)):
        pass
    assert not path.exists()


def test_empty_database_asks_for_init(db_url: str) -> None:
    engine = db.make_engine(db_url)
    with engine.connect():
        pass  # creates the SQLite file, still without tables
    with pytest.raises(SchemaError, match="not initialised: run `tollbook init`"):
        db.require_schema(engine)
    engine.dispose()


def test_older_schema_asks_for_init(db_url: str) -> None:
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0001")
    with pytest.raises(SchemaError, match=r"older than this tollbook.*tollbook init"):
        db.require_schema(engine)
    engine.dispose()


def test_newer_schema_asks_to_upgrade_tollbook(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(SchemaError, match="newer than this tollbook"):
        db.require_schema(engine)
    with pytest.raises(SchemaError, match="newer than this tollbook"):
        db.upgrade(engine)


def test_upgrade_reports_the_revisions(db_url: str) -> None:
    engine = db.make_engine(db_url)
    assert db.upgrade(engine) == (None, db.head_revision())
    assert db.upgrade(engine) == (db.head_revision(), db.head_revision())
    engine.dispose()


def test_models_and_migrations_do_not_drift(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def _seed_rows(engine: Engine) -> None:
    """An event, a source, a claim and a figure, written as by revision 0003.

    Figures of later revisions also carry their claim's identity; the migration
    fills it in, so seeding the older shape tests that too.
    """
    with engine.begin() as connection:
        event_id = connection.execute(
            insert(Event).values(key="e", name="E", date=dt.date(2020, 1, 2)).returning(Event.id)
        ).scalar_one()
        source_id = connection.execute(
            insert(Source)
            .values(
                key="s",
                sha256="0" * 64,
                text="Ten people died.",
                event_id=event_id,
                published=dt.date(2020, 1, 3),
            )
            .returning(Source.id)
        ).scalar_one()
        claim_id = connection.execute(
            insert(Claim)
            .values(
                source_id=source_id,
                stance="disputes",
                hedged=True,
                sentence_start=0,
                sentence_end=16,
            )
            .returning(Claim.id)
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO figures (claim_id, outcome, low, high, qualifier, group_key, scope,"
                " subcount, number_start, number_end, number_text) VALUES (:claim, 'killed',"
                " 10, 10, 'exact', 'unclassified', 'event', :no, 0, 3, 'Ten')"
            ),
            {"claim": claim_id, "no": False},
        )


def test_upgrade_with_data_fills_each_figures_claim_identity(engine: Engine) -> None:
    db.downgrade(engine, "0003")
    _seed_rows(engine)
    db.upgrade(engine)
    with engine.connect() as connection:
        figure = connection.execute(text("SELECT * FROM figures")).mappings().one()
        source_id, event_id = connection.execute(text("SELECT id, event_id FROM sources")).one()
    assert (figure["source_id"], figure["event_id"]) == (source_id, event_id)
    assert (figure["stance"], bool(figure["hedged"])) == ("disputes", True)
    assert str(figure["dated"]) == "2020-01-03"  # no claim date: the publication date


def test_downgrade_and_upgrade_round_trip_keeps_data(engine: Engine) -> None:
    db.downgrade(engine, "0003")
    _seed_rows(engine)
    db.upgrade(engine)
    before = dump(engine)
    db.downgrade(engine, "0001")
    db.upgrade(engine)
    assert dump(engine) == before


def test_downgrade_to_base_removes_every_table(engine: Engine) -> None:
    db.downgrade(engine, "base")
    with engine.connect() as connection:
        names = set(connection.dialect.get_table_names(connection))  # type: ignore[attr-defined]
    assert names <= {"alembic_version"}
    db.upgrade(engine)
    db.require_schema(engine)


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(Claim).values(
                source_id=999, stance="asserts", hedged=False, sentence_start=0, sentence_end=1
            )
        )


def _seeded(engine: Engine) -> None:
    db.downgrade(engine, "0003")
    _seed_rows(engine)
    db.upgrade(engine)


def _insert_figure(engine: Engine, **changes: object) -> None:
    """Insert one figure beside the seeded one, with raw SQL so only the database checks it."""
    with engine.connect() as connection:
        claim_id, source_id = connection.execute(text("SELECT id, source_id FROM claims")).one()
    row: dict[str, object] = {
        "claim_id": claim_id, "source_id": source_id, "stance": "asserts", "hedged": False,
        "outcome": "killed", "low": 1, "high": 2, "qualifier": "range",
        "group_key": "unclassified", "scope": "event", "subcount": False, "number_start": 5,
        "number_end": 8, "number_text": "1-2",
    }  # fmt: skip
    row.update(changes)
    columns = ", ".join(row)
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO figures ({columns}) VALUES ({', '.join(':' + c for c in row)})"),
            row,
        )


def test_a_well_formed_figure_row_is_accepted(engine: Engine) -> None:
    _seeded(engine)
    _insert_figure(engine)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("low", -1),
        ("number_end", 0),
        ("outcome", "maimed"),
        ("qualifier", "roughly"),
        ("stance", "shrugs"),
        ("source_id", 999),
    ],
    ids=[
        "negative-count", "empty-span", "unknown-outcome", "unknown-qualifier",
        "unknown-stance", "unknown-source",
    ],
)  # fmt: skip
def test_check_constraints_refuse_bad_figures(engine: Engine, column: str, value: object) -> None:
    _seeded(engine)
    with pytest.raises(IntegrityError):
        _insert_figure(engine, **{column: value})


def test_low_above_high_is_refused(engine: Engine) -> None:
    _seeded(engine)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE figures SET low = 20, high = 10"))


def test_sqlite_database_uses_write_ahead_logging(tmp_path: Path) -> None:
    engine = db.make_engine(str(tmp_path / "w.db"))
    db.upgrade(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
