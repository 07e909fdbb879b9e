"""The extraction pipeline: small components run in order over one document."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from tollbook.extract.attribution import attribute
from tollbook.extract.dates import find_dates
from tollbook.extract.doc import Candidate, Doc
from tollbook.extract.figure import ExtractedFigure
from tollbook.extract.groups import assign_groups
from tollbook.extract.numbers import find_numbers
from tollbook.extract.predicates import link_predicates
from tollbook.extract.scope import assign_scope, infer_event_date
from tollbook.extract.segment import segment

Component = Callable[[Doc], None]
_log = logging.getLogger(__name__)

PIPELINE: tuple[tuple[str, Component], ...] = (
    ("segment", segment),
    ("dates", find_dates),
    ("event_date", infer_event_date),
    ("numbers", find_numbers),
    ("predicates", link_predicates),
    ("groups", assign_groups),
    ("attribution", attribute),
    ("scope", assign_scope),
)


def _clean(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    return start, end


def _figure(doc: Doc, cand: Candidate) -> ExtractedFigure:
    m = cand.mention
    s = doc.sentences[cand.sentence]
    group = None
    group_span = None
    if cand.group is not None:
        group_span = _clean(doc.text, cand.group)
        group = doc.text[group_span[0] : group_span[1]] or None
        if group is None:
            group_span = None
    return ExtractedFigure(
        start=m.start,
        end=m.end,
        number=doc.text[m.start : m.end],
        outcome=cand.outcome,
        low=cand.low,
        high=cand.high,
        qualifier=cand.qualifier,
        group=group,
        claimant=cand.claimant,
        via=cand.via,
        scope=cand.scope,
        stance=cand.stance,
        hedged=cand.hedged,
        sentence_start=s.start,
        sentence_end=s.end,
        claim_date=cand.claim_date,
        group_span=group_span,
        claimant_span=cand.claimant_span,
        subcount=cand.subcount,
    )


def run(text: str, event_date: date | None = None) -> Doc:
    """Run every component over ``text`` and return the annotated document."""
    doc = Doc(text, event_date=event_date)
    for _name, component in PIPELINE:
        component(doc)
    return doc


def extract(text: str, *, event_date: date | None = None) -> list[ExtractedFigure]:
    """Casualty figures of ``text``, sorted by where their number starts.

    ``event_date`` is the date of the incident the text is about (from a manifest);
    when ``None`` it is inferred from the dates the text mentions most.

    Never raises for a ``str``: should a component fail on some unforeseen input,
    the failure is logged and no figures are returned for that text.
    """
    try:
        doc = run(text, event_date)
    except Exception:  # a last resort: the property tests run the pipeline unguarded
        _log.exception("extraction failed on a text of %d characters", len(text))
        return []
    seen: set[tuple[int, int, str]] = set()
    figures = []
    for cand in doc.candidates:
        key = (cand.mention.start, cand.mention.end, cand.outcome.value)
        if key in seen:
            continue
        seen.add(key)
        figures.append(_figure(doc, cand))
    figures.sort(key=lambda f: (f.start, f.end, f.outcome.value))
    return figures
