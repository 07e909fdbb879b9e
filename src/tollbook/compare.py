"""Who says how many: claims across documents, and where they cannot all be true.

A *claim* is an original assertion, identified by (event, claimant, outcome,
group key, low, high, stance): the same anonymous source relayed by five
outlets is one claim carried by five documents. A figure stated by a document
on its own authority is a claim of that document, never merged with another's.

Grouping and interval arithmetic run in SQL; Python only orders the few claims
of the disagreements found.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    null,
    select,
    union_all,
    values,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from tollbook.actors import lookup_key
from tollbook.catalog import find_event, find_source
from tollbook.errors import NotFoundError
from tollbook.groups import Taxonomy
from tollbook.models import Actor, ActorAlias, Claim, ClaimRelay, Event, Figure, Source
from tollbook.schemas import ClaimRecord, DisagreementRecord, TollRecord
from tollbook.vocab import Outcome, Scope, Stance

UNATTRIBUTED = "(unattributed)"
# The event "key" of sources that belong to no event.
NO_EVENT = ""


@dataclass(frozen=True)
class Filters:
    """What users narrow a question down by; every value reaches SQL as a bound parameter."""

    event: str | None = None
    outcome: Outcome | None = None
    group: str | None = None
    claimant: str | None = None
    source: str | None = None
    scope: Scope | None = Scope.EVENT


def interval_text(low: int | None, high: int | None) -> str:
    """`68`, `80–100`, `≥200`, `≤15`, or `?` for a figure with neither end."""
    if low is not None and high is not None:
        return f"{low:,}" if low == high else f"{low:,}–{high:,}"
    if low is not None:
        return f"≥{low:,}"
    if high is not None:
        return f"≤{high:,}"
    return "?"


def _key_list(session: Session, column: Any) -> ColumnElement[str]:
    """The distinct values of a column in a group, comma-separated, on either backend."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(distinct(column), literal(","))
    return func.group_concat(distinct(column))


def _split_keys(value: str | None) -> list[str]:
    return sorted(value.split(",")) if value else []


def _claimant_ids(session: Session, name: str) -> list[int]:
    """Actors a user means by a name: any alias spelling, else a part of a name."""
    by_alias = session.scalars(
        select(ActorAlias.actor_id).where(ActorAlias.alias == lookup_key(name))
    ).all()
    if by_alias:
        return list(by_alias)
    by_name = session.scalars(
        select(Actor.id).where(Actor.name.icontains(name, autoescape=True))
    ).all()
    if not by_name:
        raise NotFoundError(f"no claimant matches {name!r}; `tollbook actors` lists them")
    return list(by_name)


def _where(session: Session, filters: Filters, taxonomy: Taxonomy) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.scope is not None:
        conditions.append(Figure.scope == filters.scope)
    if filters.event == NO_EVENT:
        conditions.append(Source.event_id.is_(None))
    elif filters.event is not None:
        conditions.append(Source.event_id == find_event(session, filters.event).id)
    if filters.outcome is not None:
        conditions.append(Figure.outcome == filters.outcome)
    if filters.group is not None:
        conditions.append(Figure.group_key.in_(sorted(taxonomy.descendants(filters.group))))
    if filters.claimant is not None:
        conditions.append(Claim.claimant_id.in_(_claimant_ids(session, filters.claimant)))
    if filters.source is not None:
        conditions.append(Source.id == find_source(session, filters.source).id)
    return conditions


def claim_identities(
    session: Session, filters: Filters, taxonomy: Taxonomy
) -> Select[*tuple[Any, ...]]:
    """Figures grouped into original claims, one row each, in SQL."""
    # A figure without a claimant is its document's own claim: it never merges with others.
    claimant_key = func.coalesce(Claim.claimant_id, -Source.id)
    identity = (
        Source.event_id,
        claimant_key,
        Figure.outcome,
        Figure.group_key,
        Figure.low,
        Figure.high,
        Figure.subcount,
        Claim.stance,
    )
    return (
        select(
            Source.event_id.label("event_id"),
            func.min(Claim.claimant_id).label("claimant_id"),
            Figure.outcome.label("outcome"),
            Figure.group_key.label("group_key"),
            Figure.low.label("low"),
            Figure.high.label("high"),
            Figure.subcount.label("part"),
            Claim.stance.label("stance"),
            func.min(Figure.qualifier).label("qualifier"),
            func.min(Figure.number_text).label("figure"),
            func.min(Figure.group_text).label("group_text"),
            func.max(cast(Claim.hedged, Integer)).label("hedged"),
            func.count(distinct(Source.id)).label("documents"),
            _key_list(session, Source.key).label("carried_by"),
            func.min(func.coalesce(Claim.claim_date, Source.published)).label("earliest"),
            func.min(Claim.id).label("first_claim"),
            func.max(Claim.id).label("last_claim"),
        )
        .select_from(Figure)
        .join(Claim, Figure.claim_id == Claim.id)
        .join(Source, Claim.source_id == Source.id)
        .where(*_where(session, filters, taxonomy))
        .group_by(*identity)
    )


def _toll_query(session: Session, filters: Filters, taxonomy: Taxonomy) -> Select[*tuple[Any, ...]]:
    claims = claim_identities(session, filters, taxonomy).subquery("claims")
    same_figure = [claims.c.event_id, claims.c.outcome, claims.c.group_key]
    same_figure += [claims.c.low, claims.c.high, claims.c.part, claims.c.stance]
    return (
        select(
            claims,
            Event.key.label("event"),
            Actor.name.label("claimant"),
            Actor.kind.label("claimant_kind"),
            Actor.side.label("claimant_side"),
            func.count().over(partition_by=same_figure).label("independent"),
        )
        .outerjoin(Event, Event.id == claims.c.event_id)
        .outerjoin(Actor, Actor.id == claims.c.claimant_id)
        .order_by(
            Event.key,
            claims.c.outcome,
            claims.c.group_key,
            claims.c.low.is_(None).desc(),
            claims.c.low,
            claims.c.high.is_(None),
            claims.c.high,
            Actor.name,
        )
    )


def _toll_record(row: object) -> TollRecord:
    r = row._mapping  # type: ignore[attr-defined]
    return TollRecord(
        event=r["event"],
        outcome=r["outcome"],
        group=r["group_key"],
        group_text=r["group_text"],
        claimant=r["claimant"] or UNATTRIBUTED,
        claimant_kind=r["claimant_kind"],
        claimant_side=r["claimant_side"],
        figure=r["figure"],
        interval=interval_text(r["low"], r["high"]),
        low=r["low"],
        high=r["high"],
        qualifier=r["qualifier"],
        part=bool(r["part"]),
        stance=r["stance"],
        hedged=bool(r["hedged"]),
        documents=r["documents"],
        carried_by=_split_keys(r["carried_by"]),
        earliest=r["earliest"],
        independent=r["independent"],
    )


def tolls(
    session: Session,
    *,
    event: str | None = None,
    outcome: Outcome | str | None = None,
    group: str | None = None,
    claimant: str | None = None,
    scope: Scope | None = Scope.EVENT,
) -> Iterator[TollRecord]:
    """Which sources give which toll: one row per original claim, sorted by group and interval."""
    filters = Filters(
        event=event,
        outcome=Outcome(outcome) if outcome else None,
        group=group,
        claimant=claimant,
        scope=scope,
    )
    taxonomy = Taxonomy.from_database(session)
    result = session.execute(
        _toll_query(session, filters, taxonomy), execution_options={"yield_per": 1000}
    )
    for row in result:
        yield _toll_record(row)


# --- disagreements -----------------------------------------------------------------
#
# A claim bounds a group's toll from both ends only when it is about that very group
# and is not a part of a total; a claim about a narrower group, or a sub-count, only
# says "at least this many". Claims cannot all be true where the largest lower bound
# exceeds the smallest upper bound.


def _ancestry(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(group, proper ancestor) pairs of the taxonomy."""
    return [(key, above) for key in taxonomy.parents for above in taxonomy.ancestors(key)[1:]]


def _ancestry_table(pairs: Sequence[tuple[str, str]]) -> Any:
    """The pairs as a CTE of bound values (SQLite takes VALUES only in this form)."""
    columns = ColumnClause("descendant", String), ColumnClause("ancestor", String)
    return values(*columns, name="ancestry").data(list(pairs)).cte("ancestry")


def _upper_bound(figure_high: Any, subcount: Any) -> Any:
    return case((subcount.is_(True), null()), else_=figure_high)


def _conflicting_groups(
    session: Session, filters: Filters, taxonomy: Taxonomy
) -> list[tuple[int | None, str, str]]:
    """(event, outcome, group) wherever the claims about a group cannot all hold."""
    asserted = (
        select(
            Source.event_id,
            Figure.outcome,
            Figure.group_key,
            Figure.low,
            _upper_bound(Figure.high, Figure.subcount).label("high"),
        )
        .select_from(Figure)
        .join(Claim, Figure.claim_id == Claim.id)
        .join(Source, Claim.source_id == Source.id)
        .where(Claim.stance == Stance.ASSERTS, *_where(session, filters, taxonomy))
        .subquery("asserted")
    )
    parts: list[Select[Any]] = [
        select(
            asserted.c.event_id,
            asserted.c.outcome,
            asserted.c.group_key.label("grp"),
            asserted.c.low,
            asserted.c.high,
        )
    ]
    pairs = _ancestry(taxonomy)
    if pairs:
        ancestry = _ancestry_table(pairs)
        parts.append(
            select(
                asserted.c.event_id,
                asserted.c.outcome,
                ancestry.c.ancestor.label("grp"),
                asserted.c.low,
                cast(null(), BigInteger).label("high"),
            ).join(ancestry, ancestry.c.descendant == asserted.c.group_key)
        )
    bounds = union_all(*parts).subquery("bounds")
    query = (
        select(bounds.c.event_id, bounds.c.outcome, bounds.c.grp)
        .group_by(bounds.c.event_id, bounds.c.outcome, bounds.c.grp)
        .having(func.max(bounds.c.low) > func.min(bounds.c.high))
    )
    return [(e, o, g) for e, o, g in session.execute(query)]


@dataclass(frozen=True)
class _Bounds:
    """A claim as the interval it allows for one group's toll."""

    record: TollRecord
    low: float
    high: float


def _bounds(toll: TollRecord, group: str) -> _Bounds:
    low = float(toll.low) if toll.low is not None else 0.0
    bounded = toll.group == group and not toll.part and toll.high is not None
    return _Bounds(toll, low, float(toll.high) if bounded else math.inf)  # type: ignore[arg-type]


def positions(claims: Iterable[_Bounds]) -> list[list[_Bounds]]:
    """Split claims into the fewest positions whose claims share a possible count.

    Greedy interval stabbing (optimal for intervals): the smallest upper bound is
    a count every claim starting at or below it allows; those claims form one
    position, and the rest are split the same way.
    """
    remaining = sorted(claims, key=lambda c: (c.high, c.low))
    found: list[list[_Bounds]] = []
    while remaining:
        point = remaining[0].high
        found.append([c for c in remaining if c.low <= point])
        remaining = [c for c in remaining if c.low > point]
    return found


def _relevant(claims: list[_Bounds]) -> list[_Bounds]:
    """Lower bounds only matter where they exceed some claim's upper bound."""
    ceiling = min((c.high for c in claims), default=math.inf)
    return [c for c in claims if not math.isinf(c.high) or c.low > ceiling]


def _spread(found: list[list[_Bounds]]) -> float | None:
    largest_low = max(c.low for position in found for c in position)
    smallest_high = min(c.high for position in found for c in position)
    if smallest_high <= 0:
        return None  # a zero against a positive count: no finite ratio
    return round(largest_low / smallest_high, 2)


def _rows(kind: str, group: str, found: list[list[_Bounds]]) -> list[DisagreementRecord]:
    spread = _spread(found)
    rows = []
    for number, position in enumerate(found, start=1):
        for claim in sorted(position, key=lambda c: (c.low, c.high, c.record.claimant)):
            toll = claim.record
            rows.append(
                DisagreementRecord(
                    event=toll.event,
                    outcome=toll.outcome,
                    group=group,
                    kind=kind,
                    spread=spread,
                    position=number,
                    claimant=toll.claimant,
                    claimant_side=toll.claimant_side,
                    figure=toll.figure,
                    interval=toll.interval,
                    claim_group=toll.group,
                    carried_by=toll.carried_by,
                )
            )
    return rows


def _event_key(keys: dict[int, str], event_id: int | None) -> str:
    return NO_EVENT if event_id is None else keys[event_id]


def _asserted_tolls(
    session: Session, taxonomy: Taxonomy, event: str | None, outcome: str, group: str
) -> list[TollRecord]:
    narrowed = Filters(event=event, outcome=Outcome(outcome), group=group)
    query = _toll_query(session, narrowed, taxonomy)
    records = (_toll_record(row) for row in session.execute(query))
    return [t for t in records if t.stance == Stance.ASSERTS]


def disagreements(
    session: Session,
    *,
    event: str | None = None,
    outcome: Outcome | str | None = None,
    group: str | None = None,
    min_ratio: float | None = None,
) -> list[DisagreementRecord]:
    """Where claims cannot all be true, most divergent first.

    Three kinds: claims about one group (and its sub-groups) by different
    claimants whose intervals do not overlap; a claimant contradicting itself;
    a claimant giving a sub-group more than it gives the whole group. Claims
    about unclassified victims are compared only when asked for by --group.
    """
    filters = Filters(event=event, outcome=Outcome(outcome) if outcome else None)
    taxonomy = Taxonomy.from_database(session)
    event_keys = dict(session.execute(select(Event.id, Event.key)).all())
    found: list[list[DisagreementRecord]] = []

    for event_id, outcome_value, grp in _conflicting_groups(session, filters, taxonomy):
        if (group is not None and grp != group) or (group is None and grp not in taxonomy.parents):
            continue
        tolls_here = _asserted_tolls(
            session, taxonomy, _event_key(event_keys, event_id), outcome_value, grp
        )
        split = positions(_relevant([_bounds(t, grp) for t in tolls_here]))
        if len(split) > 1:
            found.append(_rows("between claimants", grp, split))
    found.extend(_self_contradictions(session, filters, taxonomy, group, event_keys))

    def divergence(rows: list[DisagreementRecord]) -> float:
        return math.inf if rows[0].spread is None else rows[0].spread

    result: list[DisagreementRecord] = []
    for rows in sorted(found, key=divergence, reverse=True):
        if min_ratio is None or divergence(rows) >= min_ratio:
            result.extend(rows)
    return result


def _self_contradictions(
    session: Session,
    filters: Filters,
    taxonomy: Taxonomy,
    group: str | None,
    event_keys: dict[int, str],
) -> Iterator[list[DisagreementRecord]]:
    """A claimant at odds with itself: figures for one group that do not overlap, or
    a sub-group given more than its parent group."""
    claims = claim_identities(session, filters, taxonomy).subquery("claims")
    asserted = claims.c.claimant_id.is_not(None) & (claims.c.stance == Stance.ASSERTS)
    upper = _upper_bound(claims.c.high, claims.c.part)
    key = (claims.c.event_id, claims.c.outcome, claims.c.group_key, claims.c.claimant_id)
    at_odds = (
        select(*key)
        .where(asserted)
        .group_by(*key)
        .having(
            func.max(claims.c.low) > func.min(upper),
            # Alternatives within one statement ("dozens or hundreds") are not a
            # claimant contradicting itself; two statements are.
            func.min(claims.c.first_claim) < func.max(claims.c.last_claim),
        )
    )
    names = dict(session.execute(select(Actor.id, Actor.name)).all())
    for event_id, outcome_value, grp, claimant_id in session.execute(at_odds).all():
        if group is not None and grp != group:
            continue
        tolls_here = _asserted_tolls(
            session, taxonomy, _event_key(event_keys, event_id), outcome_value, grp
        )
        mine = [
            _bounds(t, grp)
            for t in tolls_here
            if t.claimant == names[claimant_id] and t.group == grp
        ]
        split = positions(mine)
        if len(split) > 1:
            yield _rows("self-contradiction", grp, split)

    pairs = _ancestry(taxonomy)
    if not pairs:
        return
    ancestry = _ancestry_table(pairs)
    part, whole = claims.alias("part"), claims.alias("whole")
    larger = (
        select(
            part.c.event_id, part.c.outcome, whole.c.group_key, part.c.group_key, part.c.claimant_id
        )
        .join(ancestry, ancestry.c.descendant == part.c.group_key)
        .join(
            whole,
            and_(
                whole.c.group_key == ancestry.c.ancestor,
                whole.c.claimant_id == part.c.claimant_id,
                whole.c.event_id == part.c.event_id,
                whole.c.outcome == part.c.outcome,
            ),
        )
        .where(
            part.c.claimant_id.is_not(None),
            part.c.stance == Stance.ASSERTS,
            whole.c.stance == Stance.ASSERTS,
            whole.c.part.is_(False),
            part.c.low > whole.c.high,
        )
        .distinct()
    )
    for event_id, outcome_value, parent, child, claimant_id in session.execute(larger).all():
        if group is not None and group not in (parent, child):
            continue
        tolls_here = _asserted_tolls(
            session, taxonomy, _event_key(event_keys, event_id), outcome_value, parent
        )
        theirs = [t for t in tolls_here if t.claimant == names[claimant_id]]
        wholes = [_bounds(t, parent) for t in theirs if t.group == parent and not t.part]
        parts = [_bounds(t, parent) for t in theirs if t.group == child]
        yield _rows("subgroup exceeds group", parent, [wholes, parts])


# --- claims, for auditing -----------------------------------------------------------


def claims(
    session: Session,
    *,
    event: str | None = None,
    outcome: Outcome | str | None = None,
    group: str | None = None,
    claimant: str | None = None,
    source: str | None = None,
    scope: Scope | None = None,
) -> Iterator[ClaimRecord]:
    """Every figure with the sentence it came from, in document order."""
    filters = Filters(
        event=event,
        outcome=Outcome(outcome) if outcome else None,
        group=group,
        claimant=claimant,
        source=source,
        scope=scope,
    )
    taxonomy = Taxonomy.from_database(session)
    sentence = func.substr(
        Source.text, Claim.sentence_start + 1, Claim.sentence_end - Claim.sentence_start
    )
    relays = _key_list_ordered(session)
    query = (
        select(
            Source.key,
            Event.key,
            Figure,
            Claim,
            Actor.name,
            sentence,
            relays,
        )
        .select_from(Figure)
        .join(Claim, Figure.claim_id == Claim.id)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Event, Event.id == Source.event_id)
        .outerjoin(Actor, Actor.id == Claim.claimant_id)
        .where(*_where(session, filters, taxonomy))
        .order_by(Source.key, Figure.number_start, Figure.id)
    )
    result = session.execute(query, execution_options={"yield_per": 1000})
    for source_key, event_key, figure, claim, claimant_name, text, via in result:
        yield ClaimRecord(
            source=source_key,
            event=event_key,
            number=figure.number_text,
            outcome=figure.outcome,
            interval=interval_text(figure.low, figure.high),
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            group_text=figure.group_text,
            group=figure.group_key,
            part=figure.subcount,
            claimant=claimant_name,
            claimant_text=claim.claimant_text,
            via=_relay_names(via),
            scope=figure.scope,
            stance=claim.stance,
            hedged=claim.hedged,
            claim_date=claim.claim_date,
            start=figure.number_start,
            end=figure.number_end,
            sentence=" ".join((text or "").split()),
        )


_RELAY_SEPARATOR = "\x1f"


def _key_list_ordered(session: Session) -> ColumnElement[str]:
    """A claim's relay chain, in order, as one string (a correlated subquery)."""
    position_and_name = ClaimRelay.position, Actor.name
    inner = (
        select(*position_and_name)
        .join(Actor, Actor.id == ClaimRelay.actor_id)
        .where(ClaimRelay.claim_id == Claim.id)
        .order_by(ClaimRelay.position)
        .correlate(Claim)
        .subquery()
    )
    return select(func.aggregate_strings(inner.c.name, _RELAY_SEPARATOR)).scalar_subquery()


def _relay_names(value: str | None) -> list[str]:
    return value.split(_RELAY_SEPARATOR) if value else []
