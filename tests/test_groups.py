"""Classifying victim-group texts into the taxonomy of data/groups.toml."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from support import DATA
from tollbook.errors import ManifestError
from tollbook.groups import UNCLASSIFIED, Taxonomy, store_taxonomy
from tollbook.manifest import GroupEntry, read_data_file

SEED_TAXONOMY = Taxonomy.from_entries(read_data_file(DATA / "groups.toml").groups)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Russian PMCs", "russian_pmc"),
        ("contract soldiers, mostly Russians", "russian_pmc"),
        ("Wagner mercenaries", "russian_pmc"),
        ("Syrian pro-government fighters", "pro_government"),
        ("U.S. troops", "us_forces"),
        ("SDF fighter", "sdf"),
        ("civilians", "civilians"),
        ("men", UNCLASSIFIED),
        (None, UNCLASSIFIED),
    ],
)
def test_seed_group_texts_classify(text: str | None, key: str) -> None:
    assert SEED_TAXONOMY.classify(text) == key


def test_longest_phrase_wins() -> None:
    taxonomy = Taxonomy.from_entries(
        [
            GroupEntry(key="soldiers", phrases=["soldiers"]),
            GroupEntry(key="child_soldiers", parent="soldiers", phrases=["child soldiers"]),
        ]
    )
    assert taxonomy.classify("twelve child soldiers") == "child_soldiers"
    assert taxonomy.classify("Soldiers") == "soldiers"


def test_ancestors_and_descendants_follow_parents() -> None:
    assert SEED_TAXONOMY.ancestors("russian_pmc") == ["russian_pmc", "pro_government"]
    assert SEED_TAXONOMY.descendants("pro_government") == {"pro_government", "russian_pmc"}


def test_unknown_parent_is_a_table_mistake() -> None:
    with pytest.raises(ManifestError, match="parent 'army'"):
        Taxonomy.from_entries([GroupEntry(key="tank_crews", parent="army")])


def test_cycle_is_a_table_mistake() -> None:
    with pytest.raises(ManifestError, match="its own ancestor"):
        Taxonomy.from_entries([GroupEntry(key="a", parent="b"), GroupEntry(key="b", parent="a")])


def test_taxonomy_round_trips_through_the_database(session: Session) -> None:
    with session.begin():
        assert store_taxonomy(session, SEED_TAXONOMY)
    with session.begin():
        stored = Taxonomy.from_database(session)
        assert not store_taxonomy(session, SEED_TAXONOMY)  # nothing new the second time
    assert stored.parents == SEED_TAXONOMY.parents
    assert stored.classify("Wagner mercenaries") == "russian_pmc"
