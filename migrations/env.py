"""Alembic environment: the engine comes from tollbook (or `alembic -x url=...`)."""

from __future__ import annotations

from alembic import context

from tollbook.db import make_engine
from tollbook.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    owned = engine is None
    if owned:
        engine = make_engine(context.get_x_argument(as_dictionary=True).get("url"))
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
    finally:
        if owned:
            engine.dispose()


if context.is_offline_mode():
    raise SystemExit("tollbook migrations run online only: pass -x url=... or use `tollbook init`")
run_migrations_online()
