"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 19:33:36.522456
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "government",
                "military",
                "armed_group",
                "ngo",
                "media",
                "company",
                "anonymous",
                "other",
                name="actor_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("side", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("name", name=op.f("uq_actors_name")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("key", name=op.f("uq_events_key")),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_aliases_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_actor_aliases_alias")),
    )
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_aliases_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("author", sa.String(length=300), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "encyclopedia",
                "news",
                "blog",
                "official",
                "social",
                "other",
                name="source_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "loaded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_sources_event_id_events"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
        sa.UniqueConstraint("sha256", name=op.f("uq_sources_sha256")),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_event_id"), ["event_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("claimant_id", sa.Integer(), nullable=True),
        sa.Column("claimant_text", sa.String(length=300), nullable=True),
        sa.Column(
            "stance",
            sa.Enum(
                "asserts",
                "disputes",
                "denies",
                name="stance",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("claim_date", sa.Date(), nullable=True),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "sentence_start < sentence_end", name=op.f("ck_claims_sentence_span_nonempty")
        ),
        sa.CheckConstraint(
            "sentence_start >= 0", name=op.f("ck_claims_sentence_start_nonnegative")
        ),
        sa.ForeignKeyConstraint(
            ["claimant_id"],
            ["actors.id"],
            name=op.f("fk_claims_claimant_id_actors"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_claims_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_claimant_id"), ["claimant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_source_id"), ["source_id"], unique=False)

    op.create_table(
        "claim_relays",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("position >= 1", name=op.f("ck_claim_relays_position_positive")),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_claim_relays_actor_id_actors"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_relays_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_relays")),
    )
    with op.batch_alter_table("claim_relays", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_relays_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "killed",
                "wounded",
                "casualties",
                "missing",
                "captured",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("low", sa.BigInteger(), nullable=True),
        sa.Column("high", sa.BigInteger(), nullable=True),
        sa.Column(
            "qualifier",
            sa.Enum(
                "exact",
                "approx",
                "at_least",
                "more_than",
                "at_most",
                "up_to",
                "range",
                "vague",
                name="qualifier",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("group_text", sa.String(length=300), nullable=True),
        sa.Column("group_key", sa.String(length=64), nullable=False),
        sa.Column(
            "scope",
            sa.Enum(
                "event", "other", name="scope", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("number_start", sa.Integer(), nullable=False),
        sa.Column("number_end", sa.Integer(), nullable=False),
        sa.Column("number_text", sa.String(length=200), nullable=False),
        sa.CheckConstraint("high IS NULL OR high >= 0", name=op.f("ck_figures_high_nonnegative")),
        sa.CheckConstraint(
            "low IS NULL OR high IS NULL OR low <= high", name=op.f("ck_figures_low_not_above_high")
        ),
        sa.CheckConstraint("low IS NULL OR low >= 0", name=op.f("ck_figures_low_nonnegative")),
        sa.CheckConstraint(
            "number_start < number_end", name=op.f("ck_figures_number_span_nonempty")
        ),
        sa.CheckConstraint("number_start >= 0", name=op.f("ck_figures_number_start_nonnegative")),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_figures_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figures")),
    )
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figures_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_figures_outcome_group_key"), ["outcome", "group_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figures_outcome_group_key"))
        batch_op.drop_index(batch_op.f("ix_figures_claim_id"))

    op.drop_table("figures")
    with op.batch_alter_table("claim_relays", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_relays_actor_id"))

    op.drop_table("claim_relays")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_source_id"))
        batch_op.drop_index(batch_op.f("ix_claims_claimant_id"))

    op.drop_table("claims")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_event_id"))

    op.drop_table("sources")
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_aliases_actor_id"))

    op.drop_table("actor_aliases")
    op.drop_table("events")
    op.drop_table("actors")
