"""The range chart: one row per claim, a mark per kind of interval, safe and stable SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from tollbook.chart import NO_SIDE, SVG_NS, Scale, range_chart, shape_of, side_colours
from tollbook.schemas import TollRecord
from tollbook.vocab import Outcome, Qualifier, Stance

# Short enough that no label is shortened: every character must come through as text.
HOSTILE = "<script>alert(1)</script>\"'&"


def toll(low: int | None, high: int | None, **overrides: Any) -> TollRecord:
    values: dict[str, Any] = {
        "event": "e",
        "outcome": Outcome.KILLED,
        "group": "civilians",
        "group_text": "civilians",
        "claimant": "Ministry of Health",
        "claimant_kind": None,
        "claimant_side": "government",
        "figure": "some figure",
        "interval": "?",
        "low": low,
        "high": high,
        "qualifier": Qualifier.EXACT,
        "part": False,
        "stance": Stance.ASSERTS,
        "hedged": False,
        "documents": 1,
        "carried_by": ["news-a"],
        "earliest": None,
        "independent": 1,
    }
    values.update(overrides)
    return TollRecord(**values)


# One claim of every kind of mark: (low, high, qualifier, the mark's class).
KINDS = [
    (68, 68, Qualifier.EXACT, "exact"),
    (100, 100, Qualifier.APPROX, "approx"),
    (10, 20, Qualifier.RANGE, "range"),
    (200, None, Qualifier.MORE_THAN, "at-least"),
    (None, 15, Qualifier.AT_MOST, "at-most"),
    (None, None, Qualifier.VAGUE, "unknown"),
]
SPREAD = [
    toll(low, high, qualifier=qualifier, claimant=f"claimant {n}", claimant_side=side)
    for n, ((low, high, qualifier, _), side) in enumerate(
        zip(KINDS, ["government", "rebels", None, "government", "rebels", None], strict=True)
    )
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def claim_marks(root: ET.Element) -> dict[int, ET.Element]:
    """The mark of each claim row, by row number, found by the ids the chart sets."""
    found = {}
    for element in root.iter():
        match = re.search(r"-claim-(\d+)-[a-z-]+$", element.get("id", ""))
        if match:
            found[int(match.group(1))] = element
    return found


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text")]


def test_the_chart_is_one_well_formed_svg_element() -> None:
    svg = range_chart(SPREAD, title="Killed")
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = parse(svg)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert root.get("viewBox")


def test_one_row_per_claim() -> None:
    root = parse(range_chart(SPREAD, title="Killed"))
    marks = claim_marks(root)
    assert sorted(marks) == list(range(len(SPREAD)))
    assert len([e for e in root.iter() if "claim" in e.get("class", "").split()]) == len(SPREAD)
    for number, claim in enumerate(SPREAD):
        assert claim.claimant in texts(root), number


@pytest.mark.parametrize(("low", "high", "qualifier", "shape"), KINDS)
def test_each_kind_of_figure_gets_its_own_mark(
    low: int | None, high: int | None, qualifier: Qualifier, shape: str
) -> None:
    claim = toll(low, high, qualifier=qualifier)
    assert shape_of(claim) == shape
    (mark,) = claim_marks(parse(range_chart([claim], title="One"))).values()
    assert mark.get("class") == f"claim {shape}"


def _points(element: ET.Element) -> list[tuple[float, float]]:
    """Every (x, y) the element draws at: its paths and placed markers (not marker shapes)."""
    shapes = {id(p) for d in element.iter(f"{{{SVG_NS}}}defs") for p in d.iter()}
    points = []
    for child in element.iter():
        if id(child) in shapes:
            continue
        if child.tag == f"{{{SVG_NS}}}path":
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", child.get("d", ""))]
            points += list(zip(numbers[::2], numbers[1::2], strict=True))
        if child.tag == f"{{{SVG_NS}}}use":
            points.append((float(child.get("x", 0)), float(child.get("y", 0))))
    return points


def test_at_least_points_right_and_at_most_points_left() -> None:
    root = parse(range_chart(SPREAD, title="Killed"))
    marks = claim_marks(root)
    ends = {
        int(m.group(1)): e for e in root.iter() if (m := re.search(r"-end-(\d+)$", e.get("id", "")))
    }
    at_least, at_most = 3, 4
    assert marks[at_least].get("class") == "claim at-least"
    assert marks[at_most].get("class") == "claim at-most"
    # The bar marks the figure; the arrow runs from it towards the open end.
    figure_x = _points(ends[at_least])[0][0]
    assert min(x for x, _ in _points(marks[at_least])) >= figure_x - 1
    assert max(x for x, _ in _points(marks[at_least])) > figure_x + 50
    figure_x = _points(ends[at_most])[0][0]
    assert max(x for x, _ in _points(marks[at_most])) <= figure_x + 1
    assert min(x for x, _ in _points(marks[at_most])) < figure_x - 50


def test_a_range_spans_from_low_to_high_and_a_dot_sits_between() -> None:
    claims = [toll(10, 20, qualifier=Qualifier.RANGE), toll(15, 15)]
    marks = claim_marks(parse(range_chart(claims, title="Two")))
    range_xs = [x for x, _ in _points(marks[0])]
    dot_x = next(x for x, _ in _points(marks[1]))
    assert min(range_xs) < dot_x < max(range_xs)


@pytest.mark.parametrize(
    "claims",
    [
        [toll(0, 0)],
        [toll(0, 0), toll(5, 334)],
        [toll(None, 0, qualifier=Qualifier.AT_MOST)],
        [toll(0, None, qualifier=Qualifier.AT_LEAST)],
        [toll(0, 5, qualifier=Qualifier.RANGE), toll(None, None)],
        [toll(None, None)],
        [toll(1_000_000, None), toll(1, 1)],
        [],
    ],
    ids=[
        "zero",
        "zero-and-span",
        "at-most-zero",
        "at-least-zero",
        "zero-range",
        "no-number",
        "huge",
        "empty",
    ],
)
def test_zero_open_and_missing_figures_do_not_crash(claims: list[TollRecord]) -> None:
    root = parse(range_chart(claims, title="Edge cases"))
    assert len(claim_marks(root)) == len(claims)


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([5, 334], "log"),
        ([0, 5, 334], "symlog"),
        ([80, 100, 148], "linear"),
        ([0, 0], "linear"),
        ([], "linear"),
    ],
)
def test_the_axis_is_logarithmic_when_figures_span_a_decade(values: list[int], kind: str) -> None:
    scale = Scale.for_values(values)
    assert scale.kind == kind
    assert scale.left < min(values, default=0) <= max(values, default=0) < scale.right


def test_hostile_labels_are_escaped_text() -> None:
    claim = toll(
        5,
        5,
        claimant=HOSTILE,
        claimant_side=HOSTILE,
        group=HOSTILE,
        group_text=HOSTILE,
        figure=HOSTILE,
        carried_by=[HOSTILE],
    )
    svg = range_chart([claim], title=HOSTILE, group_labels={HOSTILE: HOSTILE})
    assert "<script" not in svg
    root = parse(svg)
    assert not [e for e in root.iter() if "script" in e.tag]
    assert HOSTILE in texts(root)  # the claimant, word for word, as text
    assert any(HOSTILE in t for t in texts(root) if t != HOSTILE)  # in the row note
    # Tooltips and the chart's title carry it as text too.
    titles = ["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}title")]
    assert HOSTILE in titles and any(HOSTILE in t for t in titles if t != HOSTILE)


def test_dollar_signs_are_not_mathtext() -> None:
    claimant = r"$\frac{1}{$ and $x^2$"
    root = parse(range_chart([toll(3, 3, claimant=claimant)], title="$5"))
    assert claimant in texts(root)


def test_the_same_claims_give_the_same_bytes() -> None:
    assert range_chart(SPREAD, title="Killed") == range_chart(SPREAD, title="Killed")


def test_two_charts_share_no_ids() -> None:
    first = {e.get("id") for e in parse(range_chart(SPREAD, title="A")).iter()} - {None}
    second = {e.get("id") for e in parse(range_chart(SPREAD, title="B")).iter()} - {None}
    assert first and second and not first & second


def test_references_stay_inside_the_chart() -> None:
    svg = range_chart(SPREAD, title="Killed")
    ids = {e.get("id") for e in parse(svg).iter()}
    references = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)
    assert references
    assert {a or b for a, b in references} <= ids
    assert "http" not in re.sub(r'xmlns(?::\w+)?="[^"]*"', "", svg)


def test_sides_keep_their_colours_and_unknown_sides_are_grey() -> None:
    colours = side_colours(["rebels", None, "government", "rebels"])
    assert colours == side_colours(["government", "rebels"])
    assert colours[None] == NO_SIDE
    assert len({colours["rebels"], colours["government"], colours[None]}) == 3
    svg = range_chart(SPREAD, title="Killed", colours=colours)
    assert colours["rebels"].lower() in svg.lower()
    assert colours["government"].lower() in svg.lower()


def test_rows_carry_claimant_figure_and_documents() -> None:
    claim = toll(
        200, None, claimant="Russian sources", figure="More than 200", carried_by=["a", "b", "c"]
    )
    words = " ".join(texts(parse(range_chart([claim], title="Killed"))))
    assert "Russian sources" in words
    assert "“More than 200”" in words
    assert "a, b +1 more" in words
