"""The relational schema: events, sources, actors, claims and casualty figures.

Offsets are half-open ``[start, end)`` character positions into ``Source.text``,
which is stored exactly as decoded and never modified, so every figure can be
traced back to the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tollbook.vocab import ActorKind, Outcome, Qualifier, Scope, SourceKind, Stance

# Every constraint gets a predictable name, so a later migration can drop it.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def vocabulary(enum_class: type[enum.Enum], name: str) -> Enum:
    """A closed word list stored as text with a CHECK constraint on every backend."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


IntPK = Annotated[int, mapped_column(primary_key=True)]
Slug = Annotated[str, mapped_column(String(120), unique=True)]
Label = Annotated[str, mapped_column(String(300))]
ShortText = Annotated[str | None, mapped_column(String(300))]
Offset = Annotated[int, mapped_column()]
# Counts are BIGINT: a text may state any number, and the schema should not be the limit.
Count = Annotated[int | None, mapped_column(BigInteger)]


class Event(Base):
    """An incident that sources report on, such as one battle or one airstrike."""

    __tablename__ = "events"

    id: Mapped[IntPK]
    key: Mapped[Slug]
    name: Mapped[Label]
    date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[ShortText]

    sources: Mapped[list[Source]] = relationship(back_populates="event")


class Source(Base):
    """One document, stored with its original text and the hash of its bytes."""

    __tablename__ = "sources"
    __table_args__ = (Index(None, "event_id"),)

    id: Mapped[IntPK]
    key: Mapped[Slug]
    file_name: Mapped[ShortText]
    title: Mapped[str | None] = mapped_column(String(500))
    publisher: Mapped[ShortText]
    author: Mapped[ShortText]
    published: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2000))
    kind: Mapped[SourceKind | None] = mapped_column(vocabulary(SourceKind, "source_kind"))
    language: Mapped[str | None] = mapped_column(String(16))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )

    event: Mapped[Event | None] = relationship(back_populates="sources")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class Actor(Base):
    """Who claims or relays a figure: a person, a ministry, an outlet, an anonymous source."""

    __tablename__ = "actors"

    id: Mapped[IntPK]
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[ActorKind] = mapped_column(
        vocabulary(ActorKind, "actor_kind"), default=ActorKind.OTHER
    )
    side: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )


class ActorAlias(Base):
    """Another way of writing an actor's name, stored normalised (see tollbook.actors)."""

    __tablename__ = "actor_aliases"
    __table_args__ = (Index(None, "actor_id"),)

    id: Mapped[IntPK]
    alias: Mapped[str] = mapped_column(String(300), unique=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Claim(Base):
    """One sentence of one source in which a claimant asserts, disputes or denies figures."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("sentence_start >= 0", "sentence_start_nonnegative"),
        CheckConstraint("sentence_start < sentence_end", "sentence_span_nonempty"),
        Index(None, "source_id"),
        Index(None, "claimant_id"),
    )

    id: Mapped[IntPK]
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    # NULL claimant: the document itself asserts the figures.
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    claimant_text: Mapped[ShortText]
    stance: Mapped[Stance] = mapped_column(vocabulary(Stance, "stance"), default=Stance.ASSERTS)
    hedged: Mapped[bool] = mapped_column(default=False)
    claim_date: Mapped[dt.date | None] = mapped_column(Date)
    sentence_start: Mapped[Offset]
    sentence_end: Mapped[Offset]

    source: Mapped[Source] = relationship(back_populates="claims")
    claimant: Mapped[Actor | None] = relationship()
    relays: Mapped[list[ClaimRelay]] = relationship(
        back_populates="claim",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ClaimRelay.position",
    )
    figures: Mapped[list[Figure]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True
    )


class ClaimRelay(Base):
    """One link of a relay chain; position 1 is the relay nearest the reader."""

    __tablename__ = "claim_relays"
    __table_args__ = (
        CheckConstraint("position >= 1", "position_positive"),
        Index(None, "actor_id"),
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="RESTRICT"))

    claim: Mapped[Claim] = relationship(back_populates="relays")
    actor: Mapped[Actor] = relationship()


class Figure(Base):
    """A number of people killed, wounded, missing or captured, as an interval.

    A figure also carries copies of what identifies its claim (source, event,
    claimant, stance, hedge, date), so that grouping a million figures into
    claims reads one table along one index instead of joining three. The loader
    writes them with the claim; every later change to the originals updates them.
    """

    __tablename__ = "figures"
    __table_args__ = (
        CheckConstraint("low IS NULL OR low >= 0", "low_nonnegative"),
        CheckConstraint("high IS NULL OR high >= 0", "high_nonnegative"),
        CheckConstraint("low IS NULL OR high IS NULL OR low <= high", "low_not_above_high"),
        CheckConstraint("number_start >= 0", "number_start_nonnegative"),
        CheckConstraint("number_start < number_end", "number_span_nonempty"),
        Index(None, "claim_id"),
        Index(None, "source_id"),
        Index(None, "outcome", "group_key"),
        # The claim identity, in the order tolls and disagreements group by.
        Index(
            "ix_figures_identity",
            "event_id",
            "outcome",
            "group_key",
            "low",
            "high",
            "subcount",
            "stance",
            "claimant_id",
            "source_id",
        ),
    )

    id: Mapped[IntPK]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    stance: Mapped[Stance] = mapped_column(vocabulary(Stance, "stance"), default=Stance.ASSERTS)
    hedged: Mapped[bool] = mapped_column(default=False)
    # The claim's date, else its source's publication date.
    dated: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[Outcome] = mapped_column(vocabulary(Outcome, "outcome"))
    low: Mapped[Count]
    high: Mapped[Count]
    qualifier: Mapped[Qualifier] = mapped_column(vocabulary(Qualifier, "qualifier"))
    group_text: Mapped[str | None] = mapped_column(String(300))
    group_key: Mapped[str] = mapped_column(String(64), default="unclassified")
    scope: Mapped[Scope] = mapped_column(vocabulary(Scope, "scope"), default=Scope.EVENT)
    # Part of a total the same text gives: a lower bound on its group's toll.
    subcount: Mapped[bool] = mapped_column(default=False, server_default=false())
    number_start: Mapped[Offset]
    number_end: Mapped[Offset]
    number_text: Mapped[str] = mapped_column(String(200))

    claim: Mapped[Claim] = relationship(back_populates="figures")


class Group(Base):
    """A key of the victim-group taxonomy (`russian_pmc` under `pro_government`)."""

    __tablename__ = "groups"
    __table_args__ = (Index(None, "parent_id"),)

    id: Mapped[IntPK]
    key: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[ShortText]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))


class GroupPhrase(Base):
    """A phrase naming a group, stored as its folded, singular words."""

    __tablename__ = "group_phrases"
    __table_args__ = (Index(None, "group_id"),)

    id: Mapped[IntPK]
    phrase: Mapped[str] = mapped_column(String(300), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
