"""Who says how many: claims across documents, and where they cannot all be true.

A *claim* is an original assertion, identified by (event, claimant, outcome,
group key, low, high, part of a total, stance): the same anonymous source
relayed by five outlets is one claim carried by five documents. A figure stated
by a document on its own authority is a claim of that document, never merged
with another's.

Grouping and interval arithmetic run in SQL, over the figures table alone (each
figure carries its claim's identity, see models.Figure); Python only splits the
claims of each disagreement into positions and builds the records.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    String,
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
        conditions.append(Figure.event_id.is_(None))
    elif filters.event is not None:
        conditions.append(Figure.event_id == find_event(session, filters.event).id)
    if filters.outcome is not None:
        conditions.append(Figure.outcome == filters.outcome)
    if filters.group is not None:
        conditions.append(Figure.group_key.in_(sorted(taxonomy.descendants(filters.group))))
    if filters.claimant is not None:
        conditions.append(Figure.claimant_id.in_(_claimant_ids(session, filters.claimant)))
    if filters.source is not None:
        conditions.append(Figure.source_id == find_source(session, filters.source).id)
    return conditions


def _id_list(session: Session, column: Any) -> ColumnElement[str]:
    """The distinct ids of a column in a group, comma-separated, on either backend."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(distinct(cast(column, String)), literal(","))
    return func.group_concat(distinct(column))


def claim_identities(
    session: Session, filters: Filters, taxonomy: Taxonomy
) -> Select[*tuple[Any, ...]]:
    """Figures grouped into original claims, one row each, from the figures table alone."""
    # A figure without a claimant is its document's own claim: it never merges with others.
    claimant_key = func.coalesce(Figure.claimant_id, -Figure.source_id)
    identity = (
        Figure.event_id,
        Figure.outcome,
        Figure.group_key,
        Figure.low,
        Figure.high,
        Figure.subcount,
        Figure.stance,
        claimant_key,
    )
    return (
        select(
            Figure.event_id.label("event_id"),
            func.min(Figure.claimant_id).label("claimant_id"),
            Figure.outcome.label("outcome"),
            Figure.group_key.label("group_key"),
            Figure.low.label("low"),
            Figure.high.label("high"),
            Figure.subcount.label("part"),
            Figure.stance.label("stance"),
            func.min(Figure.qualifier).label("qualifier"),
            func.min(Figure.number_text).label("figure"),
            func.min(Figure.group_text).label("group_text"),
            func.max(cast(Figure.hedged, Integer)).label("hedged"),
            func.count(distinct(Figure.source_id)).label("documents"),
            _id_list(session, Figure.source_id).label("carried_by"),
            func.min(Figure.dated).label("earliest"),
            func.min(Figure.claim_id).label("first_claim"),
            func.max(Figure.claim_id).label("last_claim"),
        )
        .where(*_where(session, filters, taxonomy))
        .group_by(*identity)
    )


@dataclass
class Names:
    """What records show for ids: event keys, actors, source keys; read once per question."""

    session: Session
    events: dict[int, str] = field(default_factory=dict)
    actors: dict[int, tuple[str, Any, str | None]] = field(default_factory=dict)
    # Source keys by id as an id list writes it ("12"), so lists need no int() per id.
    sources: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, session: Session) -> Names:
        names = cls(session)
        names.events = {i: k for i, k in session.execute(select(Event.id, Event.key))}
        names.actors = {
            i: (n, k, s) for i, n, k, s in session.execute(
                select(Actor.id, Actor.name, Actor.kind, Actor.side)
            )
        }  # fmt: skip
        return names

    def source_keys(self, ids: str | None) -> list[str]:
        """The keys of a comma-separated list of source ids, sorted."""
        if not ids:
            return []
        wanted = ids.split(",")
        try:
            return sorted([self.sources[i] for i in wanted])
        except KeyError:
            missing = [int(i) for i in wanted if i not in self.sources]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            query = select(Source.id, Source.key).where(Source.id.in_(chunk))
            self._add(self.session.execute(query))
        return sorted([self.sources[i] for i in wanted])

    def _add(self, rows: Iterable[Any]) -> None:
        self.sources.update((str(i), key) for i, key in rows)

    def load_all_sources(self, event_id: int | None = None) -> None:
        query = select(Source.id, Source.key)
        if event_id is not None:
            query = query.where(Source.event_id == event_id)
        self._add(self.session.execute(query))


_DOCUMENT = (UNATTRIBUTED, None, None)


def _toll(r: Any, names: Names, independent: int = 1) -> TollRecord:
    """A claim row as a record; rows come from the database, so no validation."""
    # None is no key of either table: no event, the document's own claim.
    claimant, claimant_kind, claimant_side = names.actors.get(r.claimant_id, _DOCUMENT)
    low, high = r.low, r.high
    return TollRecord.trusted(
        event=names.events.get(r.event_id),
        outcome=r.outcome,
        group=r.group_key,
        group_text=r.group_text,
        claimant=claimant,
        claimant_kind=claimant_kind,
        claimant_side=claimant_side,
        figure=r.figure,
        interval=interval_text(low, high),
        low=low,
        high=high,
        qualifier=r.qualifier,
        part=bool(r.part),
        stance=r.stance,
        hedged=bool(r.hedged),
        documents=r.documents,
        carried_by=names.source_keys(r.carried_by),
        earliest=r.earliest,
        independent=independent,
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
    """Which sources give which toll: one row per original claim, sorted by event, group
    and interval. `independent` counts the claimants giving the same figure."""
    filters = Filters(
        event=event,
        outcome=Outcome(outcome) if outcome else None,
        group=group,
        claimant=claimant,
        scope=scope,
    )
    taxonomy = Taxonomy.from_database(session)
    claims = claim_identities(session, filters, taxonomy).subquery("claims")
    same_figure = [claims.c.event_id, claims.c.outcome, claims.c.group_key]
    same_figure += [claims.c.low, claims.c.high, claims.c.part, claims.c.stance]
    query = select(
        claims, func.count().over(partition_by=same_figure).label("independent")
    ).order_by(
        claims.c.event_id,
        claims.c.outcome,
        claims.c.group_key,
        claims.c.low.is_(None).desc(),
        claims.c.low,
        claims.c.high.is_(None),
        claims.c.high,
        claims.c.claimant_id,
    )
    names = Names.read(session)
    names.load_all_sources(find_event(session, event).id if event else None)
    with _roomy(session):
        for row in _stream(session, query):
            yield _toll(row, names, row.independent)


def _stream(session: Session, query: Any) -> Any:
    """Rows of a large query in batches (a server-side cursor on PostgreSQL), as plain
    Core rows: these questions read columns, never ORM objects."""
    return session.connection().execute(query, execution_options={"yield_per": 2000})


@contextmanager
def _roomy(session: Session) -> Iterator[None]:
    """Give PostgreSQL's sorts memory enough not to spill a million rows to disk
    (for the current transaction only)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.set_config("work_mem", "64MB", True)))
    yield


# --- disagreements -----------------------------------------------------------------
#
# A claim bounds a group's toll from both ends only when it is about that very group
# and is not a part of a total; a claim about a narrower group, or a sub-count, only
# says "at least this many". Claims cannot all be true where the largest lower bound
# exceeds the smallest upper bound.


def _lineage(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(group, proper ancestor) pairs of the taxonomy."""
    return [(key, above) for key in taxonomy.parents for above in taxonomy.ancestors(key)[1:]]


def _lineage_table(pairs: Sequence[tuple[str, str]]) -> Any:
    """The pairs as a CTE of bound values (SQLite takes VALUES only in this form)."""
    columns = ColumnClause("descendant", String), ColumnClause("ancestor", String)
    return values(*columns, name="lineage").data(list(pairs)).cte("lineage")


def _upper_bound(high: Any, part: Any) -> Any:
    return case((part.is_(True), null()), else_=high)


def _conflict_rows(
    session: Session, filters: Filters, taxonomy: Taxonomy, group: str | None = None
) -> Any:
    """Every asserted claim of every (event, outcome, group) whose claims cannot all hold,
    with the group it is compared in, in one statement.

    A claim counts in its own group with both bounds, and in each ancestor group
    with its lower bound only.
    """
    asserted = claim_identities(session, filters, taxonomy).where(Figure.stance == Stance.ASSERTS)
    ident = asserted.cte("ident")
    pairs = _lineage(taxonomy)
    lineage = _lineage_table(pairs) if pairs else None

    own_bounds = select(
        ident.c.event_id,
        ident.c.outcome,
        ident.c.group_key.label("grp"),
        ident.c.low,
        _upper_bound(ident.c.high, ident.c.part).label("high"),
    )
    parts: list[Any] = [own_bounds]
    if lineage is not None:
        parts.append(
            select(
                ident.c.event_id,
                ident.c.outcome,
                lineage.c.ancestor.label("grp"),
                ident.c.low,
                cast(null(), BigInteger).label("high"),
            ).join(lineage, lineage.c.descendant == ident.c.group_key)
        )
    bounds = union_all(*parts).subquery("bounds")
    # Ids start at 1, so 0 stands for "no event": a plain column joins by equality,
    # which both backends can hash or index (IS NOT DISTINCT FROM they cannot).
    event_key = func.coalesce(bounds.c.event_id, 0).label("event_key")
    conflicts = (
        select(event_key, bounds.c.outcome, bounds.c.grp)
        .where(*([bounds.c.grp == group] if group is not None else []))
        .group_by(event_key, bounds.c.outcome, bounds.c.grp)
        .having(func.max(bounds.c.low) > func.min(bounds.c.high))
        .cte("conflicts")
    )

    def same_place(grp: Any) -> Any:
        return (
            (conflicts.c.event_key == func.coalesce(ident.c.event_id, 0))
            & (conflicts.c.outcome == ident.c.outcome)
            & (conflicts.c.grp == grp)
        )

    rows: list[Any] = [
        select(ident, conflicts.c.grp).join(conflicts, same_place(ident.c.group_key))
    ]
    if lineage is not None:
        rows.append(
            select(ident, conflicts.c.grp)
            .join(lineage, lineage.c.descendant == ident.c.group_key)
            .join(conflicts, same_place(lineage.c.ancestor))
        )
    every = union_all(*rows).subquery("every")
    return select(every).order_by(every.c.event_id, every.c.outcome, every.c.grp)


@dataclass(frozen=True)
class _Bounds:
    """A claim as the interval it allows for one group's toll."""

    record: TollRecord
    low: float
    high: float
    row: Any = None


def _bounds(toll: TollRecord, group: str, row: Any = None) -> _Bounds:
    low = float(toll.low) if toll.low is not None else 0.0
    bounded = toll.group == group and not toll.part and toll.high is not None
    return _Bounds(toll, low, float(toll.high) if bounded else math.inf, row)  # type: ignore[arg-type]


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
                DisagreementRecord.trusted(
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


def _between_claimants(group: str, claims: list[_Bounds]) -> list[DisagreementRecord]:
    split = positions(_relevant(claims))
    return _rows("between claimants", group, split) if len(split) > 1 else []


def _self_contradictions(group: str, claims: list[_Bounds]) -> Iterator[list[DisagreementRecord]]:
    """A claimant at odds with itself: figures for one group that do not overlap, said in
    different statements, or a sub-group given more than the whole group."""
    by_claimant: dict[int, list[_Bounds]] = defaultdict(list)
    for claim in claims:
        if claim.row.claimant_id is not None:
            by_claimant[claim.row.claimant_id].append(claim)
    for mine in by_claimant.values():
        own = [c for c in mine if c.record.group == group]
        # Alternatives within one statement ("dozens or hundreds") are no contradiction.
        statements = {c.row.first_claim for c in own} | {c.row.last_claim for c in own}
        split = positions(own)
        if len(split) > 1 and len(statements) > 1:
            yield _rows("self-contradiction", group, split)
        wholes = [c for c in own if not math.isinf(c.high)]
        ceiling = min((c.high for c in wholes), default=math.inf)
        larger = [c for c in mine if c.record.group != group and c.low > ceiling]
        if larger:
            yield _rows("subgroup exceeds group", group, [wholes, larger])


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
    about unclassified victims are set against each other only when --group
    asks for them.
    """
    filters = Filters(event=event, outcome=Outcome(outcome) if outcome else None)
    taxonomy = Taxonomy.from_database(session)
    names = Names.read(session)
    names.load_all_sources(find_event(session, event).id if event else None)
    found: list[list[DisagreementRecord]] = []
    with _roomy(session):
        claim_rows = _stream(session, _conflict_rows(session, filters, taxonomy, group))
        # The rows come ordered by place, so one place's claims are in memory at a time.
        for (_event, _outcome, grp), place in groupby(
            claim_rows, key=lambda r: (r.event_id, r.outcome, r.grp)
        ):
            claims = [_bounds(_toll(row, names), grp, row) for row in place]
            comparable = group is not None or grp in taxonomy.parents
            if comparable and (between := _between_claimants(grp, claims)):
                found.append(between)
            found.extend(_self_contradictions(grp, claims))

    def divergence(rows: list[DisagreementRecord]) -> float:
        return math.inf if rows[0].spread is None else rows[0].spread

    result: list[DisagreementRecord] = []
    for rows in sorted(found, key=lambda r: (-divergence(r), r[0].event or "", r[0].group)):
        if min_ratio is None or divergence(rows) >= min_ratio:
            result.extend(rows)
    return result


# --- claims, for auditing -----------------------------------------------------------


_RELAY_SEPARATOR = "\x1f"


def _relay_chain() -> Any:
    """A claim's relay chain, in order, as one string (a correlated subquery)."""
    chain = (
        select(ClaimRelay.position, Actor.name)
        .join(Actor, Actor.id == ClaimRelay.actor_id)
        .where(ClaimRelay.claim_id == Figure.claim_id)
        .order_by(ClaimRelay.position)
        .correlate(Figure)
        .subquery()
    )
    return select(func.aggregate_strings(chain.c.name, _RELAY_SEPARATOR)).scalar_subquery()


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
    query = (
        select(
            Source.key.label("source"),
            Figure.event_id,
            Figure.claimant_id,
            Figure.number_text,
            Figure.outcome,
            Figure.low,
            Figure.high,
            Figure.qualifier,
            Figure.group_text,
            Figure.group_key,
            Figure.subcount,
            Figure.scope,
            Figure.stance,
            Figure.hedged,
            Figure.number_start,
            Figure.number_end,
            Claim.claimant_text,
            Claim.claim_date,
            sentence.label("sentence"),
            _relay_chain().label("via"),
        )
        .select_from(Figure)
        .join(Claim, Figure.claim_id == Claim.id)
        .join(Source, Figure.source_id == Source.id)
        .where(*_where(session, filters, taxonomy))
        .order_by(Source.key, Figure.number_start, Figure.id)
    )
    names = Names.read(session)
    for r in _stream(session, query):
        claimant_name = names.actors[r.claimant_id][0] if r.claimant_id is not None else None
        yield ClaimRecord.trusted(
            source=r.source,
            event=names.events.get(r.event_id) if r.event_id is not None else None,
            number=r.number_text,
            outcome=r.outcome,
            interval=interval_text(r.low, r.high),
            low=r.low,
            high=r.high,
            qualifier=r.qualifier,
            group_text=r.group_text,
            group=r.group_key,
            part=r.subcount,
            claimant=claimant_name,
            claimant_text=r.claimant_text,
            via=r.via.split(_RELAY_SEPARATOR) if r.via else [],
            scope=r.scope,
            stance=r.stance,
            hedged=r.hedged,
            claim_date=r.claim_date,
            start=r.number_start,
            end=r.number_end,
            sentence=" ".join((r.sentence or "").split()),
        )
