"""Resolving claimant names to actors: spellings, the actor table, anonymous sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from support import fake_extractor, write
from tollbook.actors import ActorResolver, ActorTable, alias_key, is_anonymous, lookup_key
from tollbook.errors import ManifestError
from tollbook.load import load_paths
from tollbook.manifest import ActorEntry
from tollbook.models import Actor, Claim
from tollbook.vocab import ActorKind


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("U.S. military", "US military"),
        ("the United States military", "U.S. military"),
        ("The Syrian Observatory", "Syrian observatory"),
        ("Russian officials", "Russian official"),
        ("Reuters", "reuters"),
        ("the ministry’s spokesman", "Ministry's spokesman"),
    ],
    ids=["dots", "united-states", "the-and-case", "plural", "case", "possessive"],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert alias_key(one) == alias_key(other)


def test_different_names_keep_different_keys() -> None:
    assert alias_key("US military") != alias_key("US official")


@pytest.mark.parametrize(
    "name",
    ["two Russian sources", "a US official", "two of the Russians", "their associates",
     "a Russian military doctor", "Syrian military sources", "an insider source"],
)  # fmt: skip
def test_described_claimants_are_anonymous(name: str) -> None:
    assert is_anonymous(name)


@pytest.mark.parametrize(
    "name", ["Maria Zakharova", "Reuters", "U.S. military", "Security Service of Ukraine"]
)
def test_named_claimants_are_not_anonymous(name: str) -> None:
    assert not is_anonymous(name)


def test_counted_and_bare_anonymous_sources_are_one_claimant() -> None:
    keys = {
        lookup_key(n) for n in ("two Russian sources", "Russian sources", "two of the Russians")
    }
    assert len(keys) == 1


def test_unknown_name_becomes_an_actor_with_side_from_the_table(session: Session) -> None:
    table = ActorTable.from_entries([], {"russia": ["Russian"]})
    with session.begin():
        resolver = ActorResolver(session, table)
        actor_id = resolver.resolve("two Russian sources")
        assert resolver.resolve("Russian sources") == actor_id
    actor = session.get(Actor, actor_id)
    assert actor is not None
    assert (actor.name, actor.kind, actor.side) == (
        "Russian sources",
        ActorKind.ANONYMOUS,
        "russia",
    )


def test_table_alias_resolves_to_the_canonical_actor(session: Session) -> None:
    entry = ActorEntry(name="Conflict Intelligence Team", kind="ngo", aliases=["CIT"])
    with session.begin():
        resolver = ActorResolver(session, ActorTable.from_entries([entry]))
        assert resolver.resolve("CIT") == resolver.resolve("the Conflict Intelligence Team")
    assert session.scalars(select(Actor.name)).all() == ["Conflict Intelligence Team"]


def test_two_actors_sharing_an_alias_is_a_table_mistake() -> None:
    entries = [ActorEntry(name="A", aliases=["X"]), ActorEntry(name="B", aliases=["X"])]
    with pytest.raises(ManifestError, match="share the alias 'x'"):
        ActorTable.from_entries(entries)


def test_a_later_table_alias_takes_over_an_actor_met_before(
    session: Session, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", "5 people died, the CIT said.")
    load_paths(session, [tmp_path / "a.txt"], extractor=fake_extractor)
    write(
        tmp_path / "actors.toml",
        '[[actors]]\nname = "Conflict Intelligence Team"\nkind = "ngo"\naliases = ["CIT"]\n',
    )
    load_paths(session, [tmp_path / "actors.toml"], extractor=fake_extractor)
    claimant = session.scalar(select(Actor.name).join(Claim, Claim.claimant_id == Actor.id))
    assert claimant == "Conflict Intelligence Team"
    assert session.scalar(select(func.count()).where(Actor.name == "CIT")) == 0


@pytest.mark.parametrize(
    "written",
    [
        "the ministry's spokesperson Jane Roe",
        "Outgoing health minister Jane Roe",
        "a monitoring group, the Jane Roe",
    ],
)
def test_a_title_or_apposition_before_a_table_name_resolves_to_it(
    session: Session, written: str
) -> None:
    entry = ActorEntry(name="Jane Roe", kind="person")
    with session.begin():
        resolver = ActorResolver(session, ActorTable.from_entries([entry]))
        assert resolver.resolve(written) == resolver.resolve("Jane Roe")


def test_unnamed_officials_do_not_become_the_institution_they_serve(session: Session) -> None:
    entry = ActorEntry(name="Army", kind="military", aliases=["army"])
    with session.begin():
        resolver = ActorResolver(session, ActorTable.from_entries([entry]))
        assert resolver.resolve("two unnamed army officials") != resolver.resolve("the army")


def test_a_name_with_its_short_form_is_one_actor_found_by_either(session: Session) -> None:
    with session.begin():
        resolver = ActorResolver(session)
        paired = resolver.resolve("Department of Relief Affairs (DoRA)")
        assert resolver.resolve("Department of Relief Affairs") == paired
        assert resolver.resolve("DoRA") == paired
    assert session.scalars(select(Actor.name)).all() == ["Department of Relief Affairs"]


def test_a_short_form_finds_the_table_actor(session: Session) -> None:
    entry = ActorEntry(name="Relief Monitor", kind="ngo", aliases=["RM"])
    with session.begin():
        resolver = ActorResolver(session, ActorTable.from_entries([entry]))
        assert resolver.resolve("the monitoring office (RM)") == resolver.resolve("Relief Monitor")
