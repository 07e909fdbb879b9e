"""Tolls and disagreements on the seed texts' hand-annotated figures, on both backends.

The texts are loaded with support.gold_extractor, so these tests pin down claim
identity and the disagreement logic on the true figures; test_end_to_end.py
checks the same questions with the real extraction engine.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from support import DATA, fake_extractor, gold_extractor, write
from tollbook import compare
from tollbook.errors import NotFoundError
from tollbook.load import load_paths

GOLD = gold_extractor(DATA / "gold" / "seeds.gold.jsonl", DATA / "seeds")


@pytest.fixture
def seeded(session: Session) -> Session:
    summary = load_paths(session, [DATA], extractor=GOLD)
    assert summary.count("new") == 5
    return session


def killed(session: Session, **filters: str) -> list[tuple[str, str, str]]:
    return [
        (t.group, t.claimant, t.interval)
        for t in compare.tolls(session, outcome="killed", **filters)  # type: ignore[arg-type]
    ]


def test_anonymous_claim_relayed_by_three_documents_is_one_claim(seeded: Session) -> None:
    (claim,) = [
        t for t in compare.tolls(seeded, outcome="killed") if t.claimant == "Russian sources"
    ]
    assert (claim.interval, claim.documents) == ("≥200", 3)
    assert claim.carried_by == ["blog-much-bigger", "news-scores-of-russians", "news-up-to-200"]


def test_spellings_and_table_aliases_meet_in_one_claimant(seeded: Session) -> None:
    us = [t.interval for t in compare.tolls(seeded, outcome="killed", claimant="US military")]
    assert sorted(us) == ["0", "100", "≥100"]  # "U.S.-led coalition" is a table alias


def test_claimant_filter_takes_an_alias(seeded: Session) -> None:
    assert killed(seeded, claimant="SOHR") == killed(
        seeded, claimant="Syrian Observatory for Human Rights"
    )
    assert ("pro_government", "Syrian Observatory for Human Rights", "68") in killed(
        seeded, claimant="SOHR"
    )


def test_unknown_claimant_is_a_clear_error(seeded: Session) -> None:
    with pytest.raises(NotFoundError, match="no claimant matches"):
        killed(seeded, claimant="Nobody At All")


def test_group_filter_includes_sub_groups(seeded: Session) -> None:
    groups = {group for group, _, _ in killed(seeded, group="pro_government")}
    assert groups == {"pro_government", "russian_pmc"}


def test_tolls_are_sorted_by_group_then_interval(seeded: Session) -> None:
    rows = [t for t in compare.tolls(seeded, outcome="killed") if t.group == "russian_pmc"]
    lows = [t.low if t.low is not None else -1 for t in rows]
    assert lows == sorted(lows)


def test_figures_about_other_incidents_are_left_out(seeded: Session) -> None:
    claimants = {claimant for _, claimant, _ in killed(seeded)}
    assert "Fontanka" not in claimants  # 73 contractors killed over a longer period


def test_each_unattributed_figure_stays_its_documents_own(seeded: Session) -> None:
    unattributed = [
        t for t in compare.tolls(seeded, outcome="killed") if t.claimant == compare.UNATTRIBUTED
    ]
    assert all(t.documents == 1 for t in unattributed)


def test_independent_counts_claimants_backing_one_figure(seeded: Session) -> None:
    at_least_200 = [t for t in compare.tolls(seeded, outcome="killed") if t.interval == "≥200"]
    assert {t.independent for t in at_least_200} == {len(at_least_200)}
    assert len(at_least_200) >= 3


def test_russian_pmc_claims_from_5_to_334_are_one_disagreement(seeded: Session) -> None:
    rows = [
        r
        for r in compare.disagreements(seeded, outcome="killed")
        if r.group == "russian_pmc" and r.kind == "between claimants"
    ]
    assert rows[0].spread == round(334 / 5, 2)
    intervals = {r.interval for r in rows}
    assert {"5", "334", "218", "≥200", "80–100", "14", "10–20", "≤15"} <= intervals
    by_claimant = {r.claimant: r.position for r in rows}
    assert (
        by_claimant["Maria Zakharova"] < by_claimant["Der Spiegel"] < by_claimant["Viktor Alksnis"]
    )
    assert (rows[-1].claimant, rows[-1].interval) == ("Viktor Alksnis", "334")


def test_sub_group_figure_below_the_whole_is_no_disagreement(seeded: Session) -> None:
    rows = compare.disagreements(seeded, outcome="killed", group="pro_government")
    sohr = [r for r in rows if r.claimant == "Syrian Observatory for Human Rights"]
    assert [r.interval for r in sohr] == ["68"]  # its 15 PMCs is not set against its 68


def test_parts_of_a_total_do_not_contradict_the_total(seeded: Session) -> None:
    kinds = {(r.kind, r.claimant) for r in compare.disagreements(seeded, outcome="killed")}
    assert ("self-contradiction", "Syrian Observatory for Human Rights") not in kinds


def test_disagreements_come_largest_spread_first(seeded: Session) -> None:
    spreads = [r.spread for r in compare.disagreements(seeded)]
    order = [s if s is not None else float("inf") for s in spreads]
    assert order == sorted(order, reverse=True)


def test_min_ratio_drops_smaller_spreads(seeded: Session) -> None:
    rows = compare.disagreements(seeded, outcome="killed", min_ratio=10)
    assert {r.group for r in rows} == {"russian_pmc"}


def test_claimant_contradicting_itself_is_flagged(session: Session, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "12 people died, the mayor said.")
    write(tmp_path / "b.txt", "40 people died, the mayor said.")
    write(tmp_path / "groups.toml", '[[groups]]\nkey = "everyone"\nphrases = ["people"]\n')
    load_paths(
        session, [tmp_path, tmp_path / "a.txt", tmp_path / "b.txt"], extractor=fake_extractor
    )
    rows = compare.disagreements(session)
    assert {(r.kind, r.claimant, r.position) for r in rows} >= {
        ("self-contradiction", "Mayor", 1),
        ("self-contradiction", "Mayor", 2),
    }


def test_hostile_filter_values_are_only_data(seeded: Session) -> None:
    hostile = "x' OR '1'='1"
    with pytest.raises(NotFoundError):
        list(compare.tolls(seeded, claimant=hostile))
    assert list(compare.tolls(seeded, group=hostile)) == []
    assert list(compare.claims(seeded, source="wikipedia-long", group=hostile)) == []


def test_claims_give_each_figure_with_its_sentence(seeded: Session) -> None:
    rows = list(compare.claims(seeded, source="news-up-to-200"))
    assert all(r.number in r.sentence for r in rows)
    relayed = [r for r in rows if r.via]
    assert relayed and relayed[0].via == ["Bloomberg News"]


def test_alternatives_in_one_statement_are_not_a_self_contradiction(
    session: Session, tmp_path: Path
) -> None:
    def dozens_or_hundreds(text: str, event_date: object) -> list:  # type: ignore[type-arg]
        figures = fake_extractor(text, None)  # type: ignore[arg-type]
        first = figures[0]
        other = dataclasses.replace(
            first, start=first.end + 1, end=first.end + 2, low=300, high=999
        )
        return [first, other]  # one sentence, one claimant, two figures

    write(tmp_path / "a.txt", "12 people died, the mayor said.")
    write(tmp_path / "groups.toml", '[[groups]]\nkey = "everyone"\nphrases = ["people"]\n')
    load_paths(session, [tmp_path], extractor=dozens_or_hundreds)
    assert [r for r in compare.disagreements(session) if r.kind == "self-contradiction"] == []
