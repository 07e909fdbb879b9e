"""The HTML report: per event and outcome, a range chart, the disagreements and every claim.

One self-contained page (styles and charts inline, nothing fetched) that reads the
same for the same data: no timestamps, deterministic SVG. Every value that came
from a document is escaped; the only markup not escaped is what this module and
`chart.range_chart` build.
"""

from __future__ import annotations

import html
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tollbook import __version__
from tollbook.catalog import list_events, list_sources
from tollbook.chart import NO_SIDE, NO_SIDE_LABEL, notes, range_chart, side_colours
from tollbook.compare import disagreements, tolls
from tollbook.groups import Taxonomy
from tollbook.render import html_table
from tollbook.schemas import DisagreementRecord, EventRecord, TollRecord
from tollbook.vocab import Outcome

NO_EVENT = "Sources without an event"

_STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1f2328; background: #fff; margin: 0; }
header, main, footer { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .25rem; border-bottom: 2px solid #1f2328; }
h3 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.5rem 0 .4rem; text-transform: uppercase; letter-spacing: .04em;
     color: #57606a; }
h5 { font-size: .95rem; margin: 1rem 0 .3rem; }
.lead { font-size: 1.05rem; margin: .25rem 0; }
.meta, .muted { color: #57606a; }
nav ul { margin: .25rem 0; padding-left: 1.25rem; }
a { color: #0550ae; }
details { margin: .75rem 0; }
summary { cursor: pointer; font-weight: 600; }
figure.chart { margin: .5rem 0 1rem; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: #57606a; }
.table-wrap { overflow-x: auto; margin-bottom: 1rem; }
table { border-collapse: collapse; font-size: .85rem; min-width: 40rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; vertical-align: top;
         text-align: left; }
th { background: #f6f8fa; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
          vertical-align: baseline; margin-right: .3em; }
.none { color: #1a7f37; }
footer { margin-top: 3rem; padding-bottom: 2rem; color: #57606a; font-size: .85rem; }
"""

_READING_GUIDE = """<details class="guide">
<summary>How to read the charts</summary>
<p>Each row is one <em>claim</em>: a claimant's figure, however many documents repeat it.
The claimant is on the left; on the right, the figure as written and the documents carrying
it.</p>
<ul>
<li>A filled dot is an exact figure; a hollow dot an approximate one (“about 100”).</li>
<li>A bar is a range (“between 10 and 20”, or a vague word such as “scores”).</li>
<li>A dashed arrow pointing right starts at an <em>at least</em> figure (“more than 200”);
one pointing left ends at an <em>at most</em> figure (“up to 200”).</li>
<li>Colours show the claimant's side. Where figures span more than a tenfold range the axis is
logarithmic, with 0 at the far left.</li>
</ul>
<p>Hover over a mark for the details of the claim.</p>
</details>
"""

_CLAIM_COLUMNS = [
    "Group",
    "About (as written)",
    "Claimant",
    "Side",
    "Figure (as written)",
    "Interval",
    "Qualifier",
    "Notes",
    "Carried by",
    "Earliest",
]
_DISAGREEMENT_COLUMNS = [
    "Position",
    "Claimant",
    "Side",
    "Figure (as written)",
    "Interval",
    "About group",
    "Carried by",
]
_OUTCOME_ORDER = {outcome: number for number, outcome in enumerate(Outcome)}


@dataclass
class Section:
    """The claims of one event and outcome, and the disagreements among them."""

    event: str | None
    outcome: Outcome
    claims: list[TollRecord]
    disagreements: list[DisagreementRecord]

    @property
    def anchor(self) -> str:
        return f"{event_anchor(self.event)}--{self.outcome.value}"


def event_anchor(event: str | None) -> str:
    # Event keys are slugs, which never start with "_"; the page escapes them all the same.
    return event or "_no-event"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _sections(claims: Iterable[TollRecord], found: Iterable[DisagreementRecord]) -> list[Section]:
    by_key: dict[tuple[str | None, Outcome], Section] = {}
    for toll in claims:
        key = (toll.event, toll.outcome)
        if key not in by_key:
            by_key[key] = Section(toll.event, toll.outcome, [], [])
        by_key[key].claims.append(toll)
    for row in found:
        section = by_key.get((row.event, row.outcome))
        if section is not None:
            section.disagreements.append(row)
    return sorted(
        by_key.values(),
        key=lambda s: (s.event is None, s.event or "", _OUTCOME_ORDER[s.outcome]),
    )


def _blocks(rows: Sequence[DisagreementRecord]) -> list[list[DisagreementRecord]]:
    """Split disagreement rows into one list per disagreement: each starts at position 1."""
    blocks: list[list[DisagreementRecord]] = []
    for row in rows:
        previous = blocks[-1][-1] if blocks else None
        same = previous is not None and (previous.kind, previous.group) == (row.kind, row.group)
        if same and previous is not None and row.position >= previous.position:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    out.write('<div class="table-wrap">\n')
    html_table(columns, rows, out)
    out.write("</div>\n")
    return out.getvalue()


def _claim_rows(claims: Sequence[TollRecord], labels: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "Group": labels.get(t.group, t.group),
            "About (as written)": t.group_text,
            "Claimant": t.claimant,
            "Side": t.claimant_side,
            "Figure (as written)": t.figure,
            "Interval": t.interval,
            "Qualifier": t.qualifier.value.replace("_", " "),
            "Notes": notes(t),
            "Carried by": t.carried_by,
            "Earliest": t.earliest,
        }
        for t in claims
    ]


def _spread_text(spread: float | None) -> str:
    if spread is None:
        return "a count of zero against a positive count"
    return f"the highest lower bound is {spread:g} times the lowest upper bound"


def _disagreements_html(section: Section, labels: dict[str, str]) -> str:
    parts = ["<h4>Disagreements</h4>\n"]
    blocks = _blocks(section.disagreements)
    if not blocks:
        parts.append(
            '<p class="none">None found: the claims asserted here can all be true at once.</p>\n'
        )
        return "".join(parts)
    parts.append(
        '<p class="muted">Claims in one position share a possible count; claims in different '
        "positions cannot all be true.</p>\n"
    )
    for block in blocks:
        first = block[0]
        group = labels.get(first.group, first.group)
        parts.append(
            f"<h5>{_e(first.kind.capitalize())}: {_e(group)}</h5>\n"
            f'<p class="muted">{len({r.position for r in block})} positions; '
            f"{_e(_spread_text(first.spread))}.</p>\n"
        )
        rows = [
            {
                "Position": r.position,
                "Claimant": r.claimant,
                "Side": r.claimant_side,
                "Figure (as written)": r.figure,
                "Interval": r.interval,
                "About group": labels.get(r.claim_group, r.claim_group),
                "Carried by": r.carried_by,
            }
            for r in block
        ]
        parts.append(_table(_DISAGREEMENT_COLUMNS, rows))
    return "".join(parts)


def _figures_range(claims: Sequence[TollRecord]) -> str:
    values = [v for t in claims for v in (t.low, t.high) if v is not None]
    if not values:
        return ""
    low, high = min(values), max(values)
    return f", figures from {low:,} to {high:,}" if low != high else f", all of {low:,}"


def _section_html(
    section: Section,
    labels: dict[str, str],
    colours: dict[str | None, str],
    event_name: str,
) -> str:
    claimants = len({t.claimant for t in section.claims})
    title = f"{event_name}: {section.outcome.value}"
    chart = range_chart(section.claims, title=title, colours=colours, group_labels=labels)
    count = len(_blocks(section.disagreements))
    return (
        f'<section id="{_e(section.anchor)}">\n'
        f"<h3>{_e(section.outcome.value.capitalize())}</h3>\n"
        f'<p class="lead">{_count(len(section.claims), "claim")} by '
        f"{_count(claimants, 'claimant')}{_e(_figures_range(section.claims))}; "
        f"{_count(count, 'disagreement')}.</p>\n"
        f'<figure class="chart">\n{chart}\n'
        f"<figcaption>{_e(title)}: one row per claim. "
        "Dot: exact (hollow: approximate); bar: range; arrow right: at least; "
        "arrow left: at most.</figcaption>\n</figure>\n"
        f"{_disagreements_html(section, labels)}"
        f"<h4>All claims</h4>\n"
        f"{_table(_CLAIM_COLUMNS, _claim_rows(section.claims, labels))}"
        "</section>\n"
    )


def _event_heading(key: str | None, events: dict[str, EventRecord]) -> tuple[str, str]:
    """The event's name and a line of what is known about it."""
    if key is None:
        return NO_EVENT, ""
    event = events.get(key)
    if event is None:
        return key, ""
    facts = [f"{event.date.day} {event.date:%B %Y}" if event.date else None, event.place]
    facts.append(_count(event.sources, "source"))
    return event.name, " · ".join(f for f in facts if f)


def _legend_html(colours: dict[str | None, str], sides: set[str | None]) -> str:
    items = [
        f'<span class="swatch" style="background:{_e(colours.get(side, NO_SIDE))}"></span>'
        f"{_e(side or NO_SIDE_LABEL)}"
        for side in sorted(sides, key=lambda s: (s is None, s or ""))
    ]
    return '<p class="muted">Sides: ' + " &nbsp; ".join(items) + "</p>\n"


def build_report(
    session: Session,
    *,
    event: str | None = None,
    outcome: Outcome | str | None = None,
) -> str:
    """The report as one self-contained HTML page, for all events and outcomes or those asked."""
    outcome = Outcome(outcome) if outcome else None
    claims = list(tolls(session, event=event, outcome=outcome))
    found = disagreements(session, event=event, outcome=outcome)
    sections = _sections(claims, found)
    labels = Taxonomy.from_database(session).labels
    events = {e.key: e for e in list_events(session)}
    sources = sum(1 for _ in list_sources(session, event=event))
    sides = {t.claimant_side for t in claims}
    colours = side_colours(sides)

    scope = []
    if event is not None:
        scope.append(f"event {_e(_event_heading(event, events)[0])}")
    if outcome is not None:
        scope.append(f"outcome {_e(outcome.value)}")
    page = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>tollbook report</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<header>\n"
        "<h1>Casualty claims compared</h1>\n"
        f'<p class="lead">Generated from {_count(sources, "source")}, '
        f"{_count(len(claims), 'claim')}" + (f" ({'; '.join(scope)})" if scope else "") + ".</p>\n"
        '<p class="muted">A claim is an original assertion of a figure, counted once however '
        "many documents carry it.</p>\n"
    ]
    if sections:
        page.append("<nav>\n<strong>Contents</strong>\n<ul>\n")
        for section in sections:
            name = _event_heading(section.event, events)[0]
            count = len(_blocks(section.disagreements))
            page.append(
                f'<li><a href="#{_e(section.anchor)}">{_e(name)}: '
                f"{_e(section.outcome.value)}</a> "
                f'<span class="muted">({_count(len(section.claims), "claim")}, '
                f"{_count(count, 'disagreement')})</span></li>\n"
            )
        page.append("</ul>\n</nav>\n")
        page.append(_READING_GUIDE)
        page.append(_legend_html(colours, sides))
    page.append("</header>\n<main>\n")
    if not sections:
        page.append("<p>No claims match: load sources with <code>tollbook load</code>.</p>\n")
    for key, of_event in groupby(sections, key=lambda s: s.event):
        name, facts = _event_heading(key, events)
        page.append(
            f'<section class="event" id="event-{_e(event_anchor(key))}">\n<h2>{_e(name)}</h2>\n'
        )
        if facts:
            page.append(f'<p class="meta">{_e(facts)}</p>\n')
        page.extend(_section_html(section, labels, colours, name) for section in of_event)
        page.append("</section>\n")
    page.append(f"</main>\n<footer>Made with tollbook {_e(__version__)}.</footer>\n")
    page.append("</body>\n</html>\n")
    return "".join(page)


def write_report(
    session: Session,
    path: str | os.PathLike[str],
    *,
    event: str | None = None,
    outcome: Outcome | str | None = None,
) -> Path:
    """Write the report to `path` atomically: readers see the old page or the new, never half."""
    target = Path(path)
    page = build_report(session, event=event, outcome=outcome)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(page)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
