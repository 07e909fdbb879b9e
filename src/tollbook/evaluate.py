"""Score extracted figures against hand-annotated gold, as the annotation guideline says.

An extracted figure *matches* a gold figure when both are in the same document,
the extracted ``[start, end)`` overlaps the gold ``number`` located inside the gold
``quote``, and the outcome is the same; each gold figure matches at most one
extracted figure (a maximum-weight one-to-one assignment that prefers scored gold
and equal intervals).  A *strict* match also has equal ``low`` and ``high``.
Gold figures of scope ``other`` must not be reported as ``event``: an extracted
``event`` figure that matches one is a false positive.  Extracted ``other``
figures are not scored.  Optional gold figures count neither way.

Example::

    report = evaluate("data/gold/seeds.gold.jsonl", "data/seeds")
    print("\\n".join(report.summary_lines()))
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tollbook.extract import ExtractedFigure, extract
from tollbook.vocab import Outcome, Qualifier, Scope

__all__ = [
    "EvalReport",
    "FieldMismatch",
    "FigureIssue",
    "GoldFigure",
    "GoldFormatError",
    "evaluate",
    "load_gold",
    "same_words",
    "score",
]


class GoldFormatError(ValueError):
    """A line of a gold file is not a valid gold figure."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}, line {line}: {message}")
        self.path = path
        self.line = line


class GoldFigure(BaseModel):
    """One hand-annotated figure: one line of a ``.gold.jsonl`` file."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    doc: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    number: str = Field(min_length=1)
    outcome: Outcome
    low: int | None
    high: int | None
    qualifier: Qualifier
    group: str | None = None
    claimant: str | None = None
    via: tuple[str, ...] = ()
    scope: Scope = Scope.EVENT
    optional: bool = False

    @model_validator(mode="after")
    def _interval(self) -> GoldFigure:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        if self.number not in self.quote and self.number.lower() not in self.quote.lower():
            raise ValueError(f"number {self.number!r} is not inside quote {self.quote!r}")
        return self


class FigureIssue(BaseModel):
    """A missed gold figure or a false positive, with where it stands."""

    doc: str
    start: int
    end: int
    number: str
    outcome: Outcome
    low: int | None
    high: int | None
    qualifier: Qualifier
    group: str | None
    claimant: str | None
    via: tuple[str, ...] = ()
    scope: Scope = Scope.EVENT
    sentence: str
    reason: str = ""


class FieldMismatch(BaseModel):
    """A matched figure with at least one field that differs from the gold."""

    doc: str
    start: int
    end: int
    number: str
    fields: dict[str, tuple[str | None, str | None]]  # field -> (gold, extracted)
    sentence: str


class EvalReport(BaseModel):
    """Counts, precision/recall/F1 and field accuracies of one scoring run."""

    docs: int
    gold_scored: int
    gold_optional: int
    gold_other: int
    extracted_event: int
    extracted_other: int
    true_positives: int
    false_positives: int
    false_negatives: int
    strict_true_positives: int
    precision: float
    recall: float
    f1: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    claimant_correct: int
    group_correct: int
    qualifier_correct: int
    claimant_accuracy: float | None
    group_accuracy: float | None
    qualifier_accuracy: float | None
    misses: list[FigureIssue] = []
    false_positive_figures: list[FigureIssue] = []
    wrong_fields: list[FieldMismatch] = []
    unlocated: list[str] = []

    def summary_lines(self) -> list[str]:
        """Six short lines for the end of ``tollbook eval``."""

        def acc(value: float | None, correct: int) -> str:
            if value is None:
                return "n/a"
            return f"{value:.3f} ({correct}/{self.true_positives})"

        return [
            f"docs {self.docs}: gold {self.gold_scored} scored, {self.gold_optional} optional, "
            f"{self.gold_other} other; extracted {self.extracted_event} event, "
            f"{self.extracted_other} other",
            f"match   P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(TP {self.true_positives}, FP {self.false_positives}, FN {self.false_negatives})",
            f"strict  P {self.strict_precision:.3f}  R {self.strict_recall:.3f}  "
            f"F1 {self.strict_f1:.3f}  (TP {self.strict_true_positives})",
            f"claimant accuracy  {acc(self.claimant_accuracy, self.claimant_correct)}",
            f"group accuracy     {acc(self.group_accuracy, self.group_correct)}",
            f"qualifier accuracy {acc(self.qualifier_accuracy, self.qualifier_correct)}",
        ]


def load_gold(path: str | Path) -> list[GoldFigure]:
    """Gold figures of a JSON-lines file; blank lines are skipped.

    Raises :class:`GoldFormatError` naming the line of the first bad record.
    """
    name = str(path)
    out: list[GoldFigure] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(name, number, f"not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise GoldFormatError(name, number, "not a JSON object")
            try:
                out.append(GoldFigure.model_validate(record))
            except ValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in err['loc']) or 'record'}: {err['msg']}"
                    for err in exc.errors()
                )
                raise GoldFormatError(name, number, problems) from exc
    return out


# --- the word-overlap rule for claimants and groups ------------------------------------------

_LITTLE_WORDS = frozenset(
    (
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "either",
        "both",
        "some",
        "all",
        "any",
        "as",
        "into",
        "about",
    )
)
_SPLIT_RE = re.compile(r"[^\w]+")
_POSSESSIVE_RE = re.compile(r"['’′]s\b")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    lowered = _POSSESSIVE_RE.sub("", text.lower().replace(".", ""))
    return [_singular(w) for w in _SPLIT_RE.split(lowered) if w and w not in _LITTLE_WORDS]


def same_words(gold: str | None, extracted: str | None) -> bool:
    """The guideline's rule: at least half of the gold words are found in the
    extracted text (case, dots, plurals and little words ignored); ``None`` matches
    ``None`` only."""
    if gold is None or extracted is None:
        return gold is None and extracted is None
    wanted = _words(gold)
    if not wanted:
        return gold.strip().lower() == extracted.strip().lower()
    found = set(_words(extracted))
    return 2 * sum(w in found for w in wanted) >= len(wanted)


# --- matching ----------------------------------------------------------------------------------


def _locate(text: str, gold: GoldFigure) -> tuple[int, int] | None:
    at = text.find(gold.quote)
    if at < 0:
        return None
    inner = gold.quote.find(gold.number)
    if inner < 0:
        inner = gold.quote.lower().find(gold.number.lower())
    if inner < 0:
        return None
    return at + inner, at + inner + len(gold.number)


def _assign(weights: list[list[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns (Hungarian method); ``-1`` for
    a row left unassigned.  Zero weight means "no edge"."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return [-1] * rows
    size = max(rows, cols)
    top = max(max(r) for r in weights)
    cost = [
        [top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(size)]
        for i in range(size)
    ]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result = [-1] * rows
    for j in range(1, size + 1):
        i = p[j] - 1
        if 0 <= i < rows and j - 1 < cols and weights[i][j - 1] > 0:
            result[i] = j - 1
    return result


def _components(edges: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite match graph: (gold rows, extracted cols)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, e in edges:
        parent[find(("g", g))] = find(("e", e))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for node in list(parent):
        root = find(node)
        side, index = node
        (groups[root][0] if side == "g" else groups[root][1]).append(index)
    return [(sorted(g), sorted(e)) for g, e in groups.values()]


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 240)
    right_nl = text.find("\n", end)
    right_dot = text.find(". ", end)
    candidates = [x for x in (right_nl, right_dot + 1 if right_dot >= 0 else -1) if x >= 0]
    right = min([*candidates, end + 240, len(text)])
    return text[max(left, 0) : right].strip()


def _issue_from_extracted(doc: str, text: str, f: ExtractedFigure, reason: str) -> FigureIssue:
    return FigureIssue(
        doc=doc,
        start=f.start,
        end=f.end,
        number=f.number,
        outcome=f.outcome,
        low=f.low,
        high=f.high,
        qualifier=f.qualifier,
        group=f.group,
        claimant=f.claimant,
        via=f.via,
        scope=f.scope,
        sentence=text[f.sentence_start : f.sentence_end],
        reason=reason,
    )


def _issue_from_gold(
    doc: str, text: str, g: GoldFigure, span: tuple[int, int] | None, reason: str
) -> FigureIssue:
    start, end = span if span is not None else (-1, -1)
    return FigureIssue(
        doc=doc,
        start=start,
        end=end,
        number=g.number,
        outcome=g.outcome,
        low=g.low,
        high=g.high,
        qualifier=g.qualifier,
        group=g.group,
        claimant=g.claimant,
        via=g.via,
        scope=g.scope,
        sentence=_sentence_around(text, start, end) if span else g.quote,
        reason=reason,
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(
    gold: Sequence[GoldFigure],
    extracted: Mapping[str, Sequence[ExtractedFigure]],
    texts: Mapping[str, str],
) -> EvalReport:
    """Score ``extracted`` (by document name) against ``gold`` over ``texts``."""
    by_doc: dict[str, list[GoldFigure]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    docs = sorted(set(by_doc) | set(extracted))
    tp = fp = fn = strict = 0
    claimant_ok = group_ok = qualifier_ok = 0
    extracted_event = extracted_other = 0
    misses: list[FigureIssue] = []
    false_pos: list[FigureIssue] = []
    wrong: list[FieldMismatch] = []
    unlocated: list[str] = []
    for doc in docs:
        text = texts.get(doc, "")
        golds = by_doc.get(doc, [])
        spans = [_locate(text, g) for g in golds]
        for g, span in zip(golds, spans, strict=True):
            if span is None:
                unlocated.append(f"{doc}: {g.quote!r}")
        figures = list(extracted.get(doc, ()))
        events = [f for f in figures if f.scope is Scope.EVENT]
        extracted_event += len(events)
        extracted_other += len(figures) - len(events)
        edges: dict[tuple[int, int], float] = {}
        for gi, (g, span) in enumerate(zip(golds, spans, strict=True)):
            if span is None:
                continue
            for ei, f in enumerate(events):
                if f.outcome is g.outcome and f.start < span[1] and span[0] < f.end:
                    if g.optional:
                        weight = 1.0
                    elif g.scope is Scope.OTHER:
                        weight = 0.5
                    else:
                        weight = 4.0 + (1.0 if (f.low, f.high) == (g.low, g.high) else 0.0)
                    edges[(gi, ei)] = weight
        pair: dict[int, int] = {}
        for rows, cols in _components(edges):
            weights = [[edges.get((r, c), 0.0) for c in cols] for r in rows]
            for r_index, c_index in enumerate(_assign(weights)):
                if c_index >= 0:
                    pair[rows[r_index]] = cols[c_index]
        matched_extracted = {ei: gi for gi, ei in pair.items()}
        for gi, (g, span) in enumerate(zip(golds, spans, strict=True)):
            if g.optional or g.scope is Scope.OTHER:
                continue
            matched = pair.get(gi)
            if matched is None:
                fn += 1
                reason = "quote or number not found in the text" if span is None else "missed"
                misses.append(_issue_from_gold(doc, text, g, span, reason))
                continue
            f = events[matched]
            tp += 1
            fields: dict[str, tuple[str | None, str | None]] = {}
            if (f.low, f.high) == (g.low, g.high):
                strict += 1
            else:
                fields["interval"] = (f"{g.low}..{g.high}", f"{f.low}..{f.high}")
            if same_words(g.claimant, f.claimant):
                claimant_ok += 1
            else:
                fields["claimant"] = (g.claimant, f.claimant)
            if same_words(g.group, f.group):
                group_ok += 1
            else:
                fields["group"] = (g.group, f.group)
            if f.qualifier is g.qualifier:
                qualifier_ok += 1
            else:
                fields["qualifier"] = (g.qualifier.value, f.qualifier.value)
            if fields:
                wrong.append(
                    FieldMismatch(
                        doc=doc,
                        start=f.start,
                        end=f.end,
                        number=f.number,
                        fields=fields,
                        sentence=text[f.sentence_start : f.sentence_end],
                    )
                )
        for ei, f in enumerate(events):
            gi_match = matched_extracted.get(ei)
            if gi_match is None:
                fp += 1
                false_pos.append(_issue_from_extracted(doc, text, f, "no gold figure"))
            elif golds[gi_match].scope is Scope.OTHER and not golds[gi_match].optional:
                fp += 1
                false_pos.append(_issue_from_extracted(doc, text, f, "gold scope is other"))
    gold_scored = sum(1 for g in gold if not g.optional and g.scope is Scope.EVENT)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    strict_precision = _ratio(strict, tp + fp)
    strict_recall = _ratio(strict, tp + fn)
    return EvalReport(
        docs=len(docs),
        gold_scored=gold_scored,
        gold_optional=sum(1 for g in gold if g.optional),
        gold_other=sum(1 for g in gold if not g.optional and g.scope is Scope.OTHER),
        extracted_event=extracted_event,
        extracted_other=extracted_other,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        strict_true_positives=strict,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        strict_precision=strict_precision,
        strict_recall=strict_recall,
        strict_f1=_f1(strict_precision, strict_recall),
        claimant_correct=claimant_ok,
        group_correct=group_ok,
        qualifier_correct=qualifier_ok,
        claimant_accuracy=claimant_ok / tp if tp else None,
        group_accuracy=group_ok / tp if tp else None,
        qualifier_accuracy=qualifier_ok / tp if tp else None,
        misses=misses,
        false_positive_figures=false_pos,
        wrong_fields=wrong,
        unlocated=unlocated,
    )


def evaluate(
    gold_path: str | Path,
    texts_dir: str | Path,
    *,
    event_dates: Mapping[str, date] | None = None,
) -> EvalReport:
    """Extract every document the gold names from ``texts_dir`` (UTF-8) and score it."""
    gold = load_gold(gold_path)
    folder = Path(texts_dir)
    texts: dict[str, str] = {}
    extracted: dict[str, list[ExtractedFigure]] = {}
    for doc in sorted({g.doc for g in gold}):
        text = (folder / doc).read_text(encoding="utf-8")
        texts[doc] = text
        when = event_dates.get(doc) if event_dates else None
        extracted[doc] = extract(text, event_date=when)
    return score(gold, extracted, texts)
