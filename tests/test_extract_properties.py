"""Properties of extraction that hold for any text: it never raises, every offset
slices the text it reports, intervals are ordered, and time grows linearly."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import ExtractedFigure, pipeline
from tollbook.extract.pipeline import extract as guarded_extract
from tollbook.extract.pipeline import run


def extract(text: str) -> list[ExtractedFigure]:
    """The pipeline without its last-resort guard, so that any failure shows."""
    run(text)
    return guarded_extract(text)


DETERMINISTIC = settings(
    derandomize=True, deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)

# Words that steer the text into the extractor's rules, mixed with arbitrary text.
VOCABULARY = [
    "killed",
    "were",
    "died",
    "dead",
    "wounded",
    "injured",
    "missing",
    "No",
    "no one",
    "at least",
    "more than",
    "up to",
    "between",
    "and",
    "to",
    "–",
    "-",
    "dozens",
    "scores",
    "hundreds",
    "one hundred",
    "a couple hundred",
    "twenty-five",
    "1,429",
    "80–100",
    "200",
    "10^30",
    "1000000000000000000000000000000",
    "said",
    "told",
    "according to",
    "citing",
    "the",
    "toll",
    "death toll",
    "at",
    "stood at",
    "including",
    "of them",
    "“",
    "”",
    '"',
    "″",
    "«",
    "»",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "[38]",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "| ",
    " |",
    "---\n",
    "Deaths:",
    "On 7 February 2018",
    "in October",
    "since 2015",
    "U.S.",
    "Lt. Gen.",
    "p.m.",
    "T-72",
    "https://example.com/100-killed",
    "If",
    "would mean",
    "?",
    "…",
    "\u00a0",
    "\u200a",
    "𝟙𝟚",
]
fragments = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12))
steered_text = st.lists(fragments, max_size=60).map(" ".join)


def check_figures(text: str, figures: list[ExtractedFigure]) -> None:
    starts = [f.start for f in figures]
    assert starts == sorted(starts)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.number
        assert f.sentence_start <= f.start and f.end <= f.sentence_end <= len(text)
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
        if f.group_span is not None:
            assert text[f.group_span[0] : f.group_span[1]] == f.group
        if f.claimant_span is not None:
            assert text[f.claimant_span[0] : f.claimant_span[1]]


@DETERMINISTIC
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    check_figures(text, extract(text))


@DETERMINISTIC
@given(steered_text)
def test_steered_text_keeps_every_invariant(text: str) -> None:
    check_figures(text, extract(text))


@DETERMINISTIC
@given(st.integers(min_value=0, max_value=10**40), st.sampled_from(["killed", "dead", "wounded"]))
def test_huge_numbers(value: int, word: str) -> None:
    text = f"At least {value:,} people were {word}. {value} {word}."
    check_figures(text, extract(text))


@DETERMINISTIC
@given(st.sampled_from(list(".,;:!?-–—“”\"″'()[]|#*>…")), st.integers(min_value=1, max_value=3000))
def test_repeated_punctuation(mark: str, count: int) -> None:
    text = f"Ten people were killed {mark * count} and {mark * count} 5 died."
    check_figures(text, extract(text))


def test_guard_logs_and_returns_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, event_date: object = None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "run", broken)
    assert guarded_extract("Ten people died.") == []


def test_one_megabyte_single_line() -> None:
    unit = (
        "Officials said at least 12 people were killed and “dozens” injured, according to police; "
    )
    text = unit * (1_000_000 // len(unit))
    figures = extract(text)
    check_figures(text, figures)
    assert len(figures) > 1000


ADVERSARIAL = [
    "a." * 50,
    "“" * 100,
    "no " * 100,
    "1 2 3 4 killed " * 10,
    "U.S. " * 50,
    "a.a.a.a.a.a.a.a.a" * 10,
    "said, " * 50,
    "killed, including " * 30,
    "| a | 1 |\n" * 20,
    "- 5 dead\n" * 20,
    "February 7 " * 30,
    "the death toll at " * 30,
    "x" * 500,
    "AB CD: 12 died.\n\nEF: it stood at 14.\n\n" * 10,  # transcript turns, a pronoun toll
    "1. PERU: Floods kill 30\n\nThe toll crossed 30.\n\n" * 10,  # numbered story headings
    "The Armed Forces of Utopia (AFU) said 12 died. The AFU said 14 died. " * 10,
    "Date: 4 March – 19 June 2016\n" * 10,
    "In the ministry's tally, 40 died, as did 3. " * 10,
]


@pytest.mark.parametrize("unit", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_time_grows_linearly(unit: str) -> None:
    def timed(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            extract(text)
            best = min(best, time.perf_counter() - start)
        return best

    small = unit * 40
    large = small * 4
    t_small = max(timed(small), 1e-3)
    t_large = timed(large)
    assert t_large < 12 * t_small, (t_small, t_large)
