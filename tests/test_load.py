"""Loading texts: one transaction per source, and loading twice changes nothing.

These tests use a stand-in extractor (support.fake_extractor) so they test the
storage of figures, not their extraction; test_end_to_end.py loads with the real one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from support import DATA, dump, fake_extractor, write
from tollbook.errors import InputError, ManifestError
from tollbook.load import load_paths
from tollbook.models import Actor, Claim, ClaimRelay, Event, Figure, Source


def load(session: Session, *paths: Path, **options: object):  # type: ignore[no-untyped-def]
    return load_paths(session, list(paths), extractor=fake_extractor, **options)  # type: ignore[arg-type]


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_seed_manifest_loads_five_sources_with_metadata(session: Session) -> None:
    summary = load(session, DATA)
    assert summary.count("new") == 5
    source = session.scalar(select(Source).where(Source.key == "news-up-to-200"))
    assert source is not None
    assert source.published == dt.date(2018, 2, 14)
    assert source.kind == "news"
    assert source.event is not None and source.event.key == "battle-of-khasham"
    assert source.event.date == dt.date(2018, 2, 7)


def test_stored_text_is_the_file_text_unmodified(session: Session) -> None:
    load(session, DATA)
    for source in session.scalars(select(Source)):
        path = DATA / "seeds" / source.file_name  # type: ignore[operator]
        assert source.text == path.read_text(encoding="utf-8")


def test_loading_twice_changes_nothing(engine: Engine, session: Session, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Headline\n12 people died, the mayor said.")
    first = load(session, tmp_path)
    before = dump(engine)
    second = load(session, tmp_path)
    assert (first.count("new"), second.count("unchanged"), second.figures) == (1, 1, 0)
    assert dump(engine) == before
    assert second.line() == "1 source: 0 new, 1 unchanged; 0 figures stored"


def test_same_text_under_another_name_is_unchanged(session: Session, tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.txt", "12 people died.")
    write(tmp_path / "two" / "b.txt", "12 people died.")
    load(session, tmp_path / "one")
    summary = load(session, tmp_path / "two" / "b.txt")
    assert summary.count("unchanged") == 1
    assert count(session, Source) == 1


def test_bare_file_gets_its_title_from_the_first_line(session: Session, tmp_path: Path) -> None:
    load(session, write(tmp_path / "Flood Report.txt", "\nRiver floods town\n\n9 people died."))
    source = session.scalars(select(Source)).one()
    assert (source.key, source.title, source.publisher) == (
        "flood-report",
        "River floods town",
        None,
    )


def test_different_texts_with_one_file_name_both_load(session: Session, tmp_path: Path) -> None:
    load(session, write(tmp_path / "x" / "report.txt", "3 people died."))
    load(session, write(tmp_path / "y" / "report.txt", "4 people died."))
    keys = sorted(session.scalars(select(Source.key)))
    assert keys[0] == "report" and keys[1].startswith("report-") and len(keys) == 2


def test_figures_in_one_sentence_share_one_claim_with_its_relay(
    session: Session, tmp_path: Path
) -> None:
    load(session, write(tmp_path / "a.txt", "5 people died, the governor said."))
    claim = session.scalars(select(Claim)).one()
    assert claim.claimant is not None and claim.claimant.name == "Governor"
    assert [r.actor.name for r in claim.relays] == ["Wire Agency"]
    assert [f.low for f in claim.figures] == [5]


def test_claimant_spelled_two_ways_is_one_actor(session: Session, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "5 people died, the U.S. military said.")
    write(tmp_path / "b.txt", "7 people died, the US military said.")
    load(session, tmp_path)
    assert session.scalars(select(Actor.name).where(Actor.name.like("%military"))).all() == [
        "U.S. military"
    ]
    assert count(session, Claim) == 2


def test_manifest_change_updates_metadata_only(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", "12 people died.")
    manifest = write(tmp_path / "sources.toml", '[[sources]]\nfile = "a.txt"\ntitle = "Old"\n')
    load(session, tmp_path)
    figures_before = dump(engine)["figures"]
    write(manifest, '[[sources]]\nfile = "a.txt"\ntitle = "New"\n')
    summary = load(session, tmp_path)
    assert summary.count("updated") == 1
    assert session.scalar(select(Source.title)) == "New"
    assert dump(engine)["figures"] == figures_before


def test_folder_with_bad_files_loads_the_good_ones(session: Session, tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "3 people died.")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "binary.txt", b"\x00\x01\x02")
    write(tmp_path / "latin.txt", "Café: 3 people died.".encode("latin-1"))
    summary = load(session, tmp_path)
    assert summary.count("new") == 1
    assert sorted(Path(s.path).name for s in summary.failed) == [
        "binary.txt",
        "empty.txt",
        "latin.txt",
    ]
    assert count(session, Source) == 1


def test_readme_and_hidden_files_in_a_folder_are_not_texts(
    session: Session, tmp_path: Path
) -> None:
    write(tmp_path / "README.md", "3 people died.")
    write(tmp_path / ".cache" / "x.txt", "4 people died.")
    write(tmp_path / "story.md", "5 people died.")
    assert load(session, tmp_path).count("new") == 1
    assert session.scalars(select(Source.key)).all() == ["story"]


def test_missing_path_fails_before_anything_is_written(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", "3 people died.")
    before = dump(engine)
    with pytest.raises(InputError, match="no such file or folder"):
        load(session, tmp_path / "a.txt", tmp_path / "nope.txt")
    assert dump(engine) == before


def test_manifest_naming_an_unknown_event_writes_nothing(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", "3 people died.")
    write(tmp_path / "sources.toml", '[[sources]]\nfile = "a.txt"\nevent = "nowhere"\n')
    before = dump(engine)
    with pytest.raises(ManifestError, match="names event 'nowhere'"):
        load(session, tmp_path)
    assert dump(engine) == before


def test_source_whose_figures_are_refused_is_not_half_stored(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    def broken(text: str, event_date: dt.date | None):  # type: ignore[no-untyped-def]
        figures = fake_extractor(text, event_date)
        if "bad" in text:  # a figure whose sentence span is empty: the schema refuses it
            figures = [dataclasses.replace(f, sentence_end=f.sentence_start) for f in figures]
        return figures

    write(tmp_path / "a.txt", "3 people died.")
    write(tmp_path / "b.txt", "bad: 4 people died.")
    summary = load_paths(session, [tmp_path], extractor=broken)
    assert (summary.count("new"), len(summary.failed)) == (1, 1)
    assert "refused" in (summary.failed[0].error or "")
    assert count(session, Source) == 1
    assert count(session, Claim) == 1


def test_absurdly_large_numbers_are_not_stored(session: Session, tmp_path: Path) -> None:
    load(session, write(tmp_path / "a.txt", f"{10**30} people died. 7 people died."))
    assert session.scalars(select(Figure.low)).all() == [7]


def test_events_from_a_manifest_are_stored_once(session: Session) -> None:
    load(session, DATA)
    load(session, DATA / "sources.toml")
    assert session.scalars(select(Event.key)).all() == ["battle-of-khasham"]
    assert count(session, ClaimRelay) == 0


def test_parallel_extraction_stores_what_one_process_stores(tmp_path: Path) -> None:
    from tollbook import db

    for number in range(6):
        write(tmp_path / "texts" / f"t{number}.txt", f"{number + 1} people died, the mayor said.")
    results = []
    for jobs, name in ((1, "one"), (2, "two")):
        engine = db.make_engine(f"sqlite:///{tmp_path / name}.db")
        db.upgrade(engine)
        with db.session(engine) as session:
            summary = load_paths(session, [tmp_path / "texts"], extractor=fake_extractor, jobs=jobs)
        assert summary.count("new") == 6
        results.append(dump(engine))
        engine.dispose()
    assert results[0] == results[1]
