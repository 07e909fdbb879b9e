"""The scorer: each rule of the guideline's "Scoring an extractor against gold" section,
on small hand-made gold and extracted figures, and the seed targets end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tollbook.evaluate import GoldFigure, GoldFormatError, evaluate, load_gold, same_words, score
from tollbook.extract import ExtractedFigure
from tollbook.vocab import Outcome, Qualifier, Scope, Stance

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Police said 12 people were killed and 30 injured. Later 5 more died."
DOC = "a.txt"


def gold(number: str, quote: str, **fields: Any) -> GoldFigure:
    record: dict[str, Any] = {
        "doc": DOC,
        "quote": quote,
        "number": number,
        "outcome": "killed",
        "low": int(number) if number.isdigit() else None,
        "high": int(number) if number.isdigit() else None,
        "qualifier": "exact",
        "group": None,
        "claimant": None,
        "via": [],
        "scope": "event",
        "optional": False,
    }
    record.update(fields)
    return GoldFigure.model_validate(record)


def figure(number: str, *, at: int = 0, **fields: Any) -> ExtractedFigure:
    start = TEXT.index(number, at)
    values: dict[str, Any] = {
        "start": start,
        "end": start + len(number),
        "number": number,
        "outcome": Outcome.KILLED,
        "low": int(number),
        "high": int(number),
        "qualifier": Qualifier.EXACT,
        "group": None,
        "claimant": None,
        "via": (),
        "scope": Scope.EVENT,
        "stance": Stance.ASSERTS,
        "hedged": False,
        "sentence_start": 0,
        "sentence_end": len(TEXT),
    }
    values.update(fields)
    return ExtractedFigure(**values)


def run(golds: list[GoldFigure], figures: list[ExtractedFigure]) -> Any:
    return score(golds, {DOC: figures}, {DOC: TEXT})


def test_overlap_and_same_outcome_match() -> None:
    report = run([gold("12", "said 12 people")], [figure("12")])
    assert (report.true_positives, report.false_positives, report.false_negatives) == (1, 0, 0)


def test_partial_overlap_is_enough() -> None:
    wide = figure("12")
    wide = ExtractedFigure(**{**_fields(wide), "start": wide.start - 5, "number": "said 12"})
    assert run([gold("12", "said 12 people")], [wide]).true_positives == 1


def test_no_overlap_is_a_miss_and_a_false_positive() -> None:
    report = run([gold("12", "said 12 people")], [figure("30", outcome=Outcome.KILLED)])
    assert (report.true_positives, report.false_positives, report.false_negatives) == (0, 1, 1)


def test_other_outcome_does_not_match() -> None:
    report = run([gold("12", "said 12 people")], [figure("12", outcome=Outcome.WOUNDED)])
    assert (report.true_positives, report.false_positives, report.false_negatives) == (0, 1, 1)


def test_number_is_located_inside_the_quote() -> None:
    text = "5 died. Later 5 more died."
    second = text.index("5", 1)
    golds = [gold("5", "Later 5 more")]
    first_five = ExtractedFigure(**{**_fields(figure("5")), "start": 0, "end": 1})
    second_five = ExtractedFigure(**{**_fields(figure("5")), "start": second, "end": second + 1})
    assert score(golds, {DOC: [first_five]}, {DOC: text}).true_positives == 0
    assert score(golds, {DOC: [second_five]}, {DOC: text}).true_positives == 1


def test_each_gold_matches_one_extracted() -> None:
    report = run([gold("12", "said 12 people")], [figure("12"), figure("12")])
    assert (report.true_positives, report.false_positives) == (1, 1)


def test_assignment_is_one_to_one_and_maximal() -> None:
    # Both golds overlap the wide figure; only one overlaps the narrow one.
    golds = [gold("12", "said 12 people"), gold("12 people", "said 12 people", low=12, high=12)]
    wide = ExtractedFigure(
        **{**_fields(figure("12")), "end": TEXT.index("people") + 6, "number": "12 people"}
    )
    report = run(golds, [wide, figure("12")])
    assert (report.true_positives, report.false_positives, report.false_negatives) == (2, 0, 0)


def test_strict_needs_equal_interval() -> None:
    report = run(
        [gold("12", "said 12 people", low=12, high=None, qualifier="at_least")], [figure("12")]
    )
    assert (report.true_positives, report.strict_true_positives) == (1, 0)
    assert report.strict_f1 == 0.0 and report.f1 == 1.0


def test_gold_other_matched_by_event_is_a_false_positive() -> None:
    report = run([gold("5", "Later 5 more", scope="other")], [figure("5")])
    assert (report.true_positives, report.false_positives, report.false_negatives) == (0, 1, 0)
    assert report.false_positive_figures[0].reason == "gold scope is other"


def test_extracted_other_is_not_scored() -> None:
    report = run([gold("12", "said 12 people")], [figure("12"), figure("5", scope=Scope.OTHER)])
    assert (report.true_positives, report.false_positives, report.extracted_other) == (1, 0, 1)


def test_extracted_other_on_event_gold_is_a_miss() -> None:
    report = run([gold("12", "said 12 people")], [figure("12", scope=Scope.OTHER)])
    assert (report.true_positives, report.false_negatives) == (0, 1)


def test_optional_gold_is_neither_hit_nor_miss() -> None:
    found = run([gold("12", "said 12 people", optional=True)], [figure("12")])
    missed = run([gold("12", "said 12 people", optional=True)], [])
    assert (found.true_positives, found.false_positives, found.false_negatives) == (0, 0, 0)
    assert (missed.true_positives, missed.false_positives, missed.false_negatives) == (0, 0, 0)


def test_optional_gold_yields_to_a_scored_gold() -> None:
    golds = [gold("12", "said 12 people", optional=True), gold("12", "Police said 12")]
    report = run(golds, [figure("12")])
    assert (report.true_positives, report.false_negatives) == (1, 0)


@pytest.mark.parametrize(
    ("gold_text", "extracted", "expected"),
    [
        (
            "Syrian Observatory for Human Rights",
            "UK-based Syrian Observatory for Human Rights",
            True,
        ),
        ("U.S. military", "U.S.-led coalition", True),
        ("Russian military doctor", "ties to the unit", False),
        ("two of the Russians", "two Russians", True),
        ("Der Spiegel", "Der Spiegel′s", True),
        ("contractors", "contractor", True),
        ("US official and Russian sources", "one US official", True),
        ("US official and Russian sources", "an official", False),
        (None, None, True),
        (None, "police", False),
        ("police", None, False),
        ("the", "The", True),
    ],
    ids=[
        "extra-words",
        "half-the-words",
        "too-few",
        "little-words",
        "possessive",
        "plural",
        "half-of-longer-gold",
        "under-half",
        "null-null",
        "null-gold",
        "null-extracted",
        "only-little-words",
    ],
)
def test_word_overlap_rule(gold_text: str | None, extracted: str | None, expected: bool) -> None:
    assert same_words(gold_text, extracted) is expected


def test_claimant_group_and_qualifier_accuracy() -> None:
    golds = [
        gold("12", "said 12 people", claimant="Police", group="people"),
        gold("30", "and 30 injured", outcome="wounded", claimant="Police", group="people"),
    ]
    figures = [
        figure("12", claimant="police", group="people"),
        figure(
            "30", outcome=Outcome.WOUNDED, claimant=None, group="people", qualifier=Qualifier.APPROX
        ),
    ]
    report = run(golds, figures)
    assert (report.claimant_accuracy, report.group_accuracy, report.qualifier_accuracy) == (
        0.5,
        1.0,
        0.5,
    )
    (wrong,) = report.wrong_fields
    assert wrong.fields == {"claimant": ("Police", None), "qualifier": ("exact", "approx")}


def test_no_matches_gives_no_accuracy() -> None:
    report = run([gold("12", "said 12 people")], [])
    assert report.claimant_accuracy is None
    assert report.precision == 0.0 and report.recall == 0.0 and report.f1 == 0.0


def test_unlocated_gold_is_a_miss_with_a_reason() -> None:
    report = run([gold("12", "not in the text 12")], [figure("12")])
    assert report.false_negatives == 1
    assert report.misses[0].reason == "quote or number not found in the text"
    assert report.unlocated


def test_summary_lines() -> None:
    lines = run([gold("12", "said 12 people")], [figure("12")]).summary_lines()
    assert len(lines) == 6
    assert lines[1].startswith("match   P 1.000  R 1.000  F1 1.000")
    assert lines[3].startswith("claimant accuracy")


def _fields(f: ExtractedFigure) -> dict[str, Any]:
    return {name: getattr(f, name) for name in f.__dataclass_fields__}


# --- loading gold ---------------------------------------------------------------------------

GOOD = {
    "doc": DOC,
    "quote": "said 12 people",
    "number": "12",
    "outcome": "killed",
    "low": 12,
    "high": 12,
    "qualifier": "exact",
    "group": None,
    "claimant": None,
    "via": [],
    "scope": "event",
    "optional": False,
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "g.jsonl", [json.dumps(GOOD), "", json.dumps(GOOD)])
    assert [g.number for g in load_gold(path)] == ["12", "12"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({**GOOD, "outcome": "exploded"}), "outcome"),
        (json.dumps({**GOOD, "low": 20}), "low 20 is above high 12"),
        (json.dumps({**GOOD, "number": "99"}), "not inside quote"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "quote"}), "quote"),
    ],
    ids=[
        "bad-json",
        "not-object",
        "bad-outcome",
        "low-above-high",
        "number-outside-quote",
        "missing-field",
    ],
)
def test_load_gold_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_lines(tmp_path / "g.jsonl", [json.dumps(GOOD), line])
    with pytest.raises(GoldFormatError, match="line 2") as raised:
        load_gold(path)
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_evaluate_reads_texts_and_scores(tmp_path: Path) -> None:
    (tmp_path / DOC).write_text(TEXT, encoding="utf-8")
    path = write_lines(
        tmp_path / "g.jsonl", [json.dumps({**GOOD, "claimant": "Police", "group": "people"})]
    )
    report = evaluate(path, tmp_path)
    assert (report.true_positives, report.claimant_accuracy, report.group_accuracy) == (1, 1.0, 1.0)


# --- the targets on the seeds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_report() -> Any:
    return evaluate(ROOT / "data" / "gold" / "seeds.gold.jsonl", ROOT / "data" / "seeds")


def test_seeds_strict_f1_target(seeds_report: Any) -> None:
    assert seeds_report.strict_f1 >= 0.90


def test_seeds_claimant_target(seeds_report: Any) -> None:
    assert seeds_report.claimant_accuracy >= 0.85


def test_seeds_group_target(seeds_report: Any) -> None:
    assert seeds_report.group_accuracy >= 0.85


def test_seeds_qualifier_target(seeds_report: Any) -> None:
    assert seeds_report.qualifier_accuracy >= 0.90


def test_seeds_gold_is_all_located(seeds_report: Any) -> None:
    assert seeds_report.unlocated == []


# --- the development set -----------------------------------------------------------------------
# Eight texts about other incidents, annotated without looking at the extractor. Measured:
# strict F1 0.991, claimant 1.000, group 0.991, qualifier 1.000; asserted with a small margin.


@pytest.fixture(scope="module")
def dev_report() -> Any:
    return evaluate(ROOT / "data" / "dev" / "dev.gold.jsonl", ROOT / "data" / "dev")


def test_dev_strict_f1(dev_report: Any) -> None:
    assert dev_report.strict_f1 >= 0.97


def test_dev_claimant_accuracy(dev_report: Any) -> None:
    assert dev_report.claimant_accuracy >= 0.96


def test_dev_group_accuracy(dev_report: Any) -> None:
    assert dev_report.group_accuracy >= 0.95


def test_dev_qualifier_accuracy(dev_report: Any) -> None:
    assert dev_report.qualifier_accuracy >= 0.97


def test_dev_gold_is_all_located(dev_report: Any) -> None:
    assert dev_report.unlocated == []


# --- the second held-out set ---------------------------------------------------------------------
# Eight more texts about other incidents (data/holdout/README.md), studied in round 3 to find
# which general mechanisms failed. Measured: strict F1 0.986 (P 1.000, R 0.972), claimant
# 0.971, group 0.971, qualifier 1.000; asserted with a small margin.


@pytest.fixture(scope="module")
def holdout_report() -> Any:
    return evaluate(ROOT / "data" / "holdout" / "holdout.gold.jsonl", ROOT / "data" / "holdout")


def test_holdout_strict_f1(holdout_report: Any) -> None:
    assert holdout_report.strict_f1 >= 0.97


def test_holdout_precision(holdout_report: Any) -> None:
    assert holdout_report.strict_precision >= 0.98


def test_holdout_claimant_accuracy(holdout_report: Any) -> None:
    assert holdout_report.claimant_accuracy >= 0.95


def test_holdout_group_accuracy(holdout_report: Any) -> None:
    assert holdout_report.group_accuracy >= 0.95


def test_holdout_qualifier_accuracy(holdout_report: Any) -> None:
    assert holdout_report.qualifier_accuracy >= 0.98


def test_holdout_gold_is_all_located(holdout_report: Any) -> None:
    assert holdout_report.unlocated == []


# --- the final set -----------------------------------------------------------------------------
# Ten more texts (data/final/README.md), blind in round 3 (strict F1 0.777, claimant 0.780,
# group 0.811, qualifier 0.976) and studied in round 4 for the mechanisms that failed.
# Measured after round 4: strict F1 0.988 (P 0.988, R 0.988), claimant 0.988, group 0.950,
# qualifier 0.994; asserted with a small margin.


@pytest.fixture(scope="module")
def final_report() -> Any:
    return evaluate(ROOT / "data" / "final" / "final.gold.jsonl", ROOT / "data" / "final")


def test_final_strict_f1(final_report: Any) -> None:
    assert final_report.strict_f1 >= 0.97


def test_final_precision(final_report: Any) -> None:
    assert final_report.strict_precision >= 0.97


def test_final_recall(final_report: Any) -> None:
    assert final_report.strict_recall >= 0.97


def test_final_claimant_accuracy(final_report: Any) -> None:
    assert final_report.claimant_accuracy >= 0.97


def test_final_group_accuracy(final_report: Any) -> None:
    assert final_report.group_accuracy >= 0.93


def test_final_qualifier_accuracy(final_report: Any) -> None:
    assert final_report.qualifier_accuracy >= 0.98


def test_final_gold_is_all_located(final_report: Any) -> None:
    assert final_report.unlocated == []
