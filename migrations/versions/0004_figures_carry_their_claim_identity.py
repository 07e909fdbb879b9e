"""figures carry their claim identity

Each figure gets copies of its claim's source, event, claimant, stance, hedge and
date, with one index in claim-identity order, so tolls and disagreements group one
table instead of joining figures, claims and sources.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 21:53:49.878156
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("claimant_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("stance", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("hedged", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("dated", sa.Date(), nullable=True))

    op.execute(
        "UPDATE figures SET"
        " source_id = (SELECT c.source_id FROM claims c WHERE c.id = figures.claim_id),"
        " claimant_id = (SELECT c.claimant_id FROM claims c WHERE c.id = figures.claim_id),"
        " stance = (SELECT c.stance FROM claims c WHERE c.id = figures.claim_id),"
        " hedged = (SELECT c.hedged FROM claims c WHERE c.id = figures.claim_id)"
    )
    op.execute(
        "UPDATE figures SET event_id = "
        "(SELECT s.event_id FROM sources s WHERE s.id = figures.source_id)"
    )
    op.execute(
        "UPDATE figures SET dated = (SELECT coalesce(c.claim_date, s.published) "
        "FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = figures.claim_id)"
    )

    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.alter_column("source_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("stance", existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column("hedged", existing_type=sa.Boolean(), nullable=False)
        batch_op.create_check_constraint(
            op.f("ck_figures_stance"), "stance IN ('asserts', 'disputes', 'denies')"
        )
        batch_op.create_index(
            "ix_figures_identity",
            ["event_id", "outcome", "group_key", "low", "high", "subcount", "stance",
             "claimant_id", "source_id"],
            unique=False,
        )  # fmt: skip
        batch_op.create_index(batch_op.f("ix_figures_source_id"), ["source_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_figures_event_id_events"),
            "events",
            ["event_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_figures_source_id_sources"),
            "sources",
            ["source_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_figures_claimant_id_actors"),
            "actors",
            ["claimant_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_figures_claimant_id_actors"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_figures_source_id_sources"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_figures_event_id_events"), type_="foreignkey")
        batch_op.drop_constraint(op.f("ck_figures_stance"), type_="check")
        batch_op.drop_index(batch_op.f("ix_figures_source_id"))
        batch_op.drop_index("ix_figures_identity")
        batch_op.drop_column("dated")
        batch_op.drop_column("hedged")
        batch_op.drop_column("stance")
        batch_op.drop_column("claimant_id")
        batch_op.drop_column("event_id")
        batch_op.drop_column("source_id")
