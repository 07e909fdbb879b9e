"""Records built from trusted database values (typed as the database returns them)
behave like validated ones."""

import datetime as dt

from tollbook.schemas import TollRecord
from tollbook.vocab import ActorKind, Outcome, Qualifier, Stance

VALUES = {
    "event": "battle-x",
    "outcome": Outcome.KILLED,
    "group": "civilians",
    "group_text": "civilians",
    "claimant": "Health Ministry",
    "claimant_kind": ActorKind.GOVERNMENT,
    "claimant_side": None,
    "figure": "about 100",
    "interval": "100",
    "low": 100,
    "high": 100,
    "qualifier": Qualifier.APPROX,
    "part": False,
    "stance": Stance.ASSERTS,
    "hedged": False,
    "documents": 2,
    "carried_by": ["a", "b"],
    "earliest": dt.date(2020, 1, 2),
    "independent": 1,
}


def test_a_trusted_record_equals_the_validated_one():
    assert TollRecord.trusted(**VALUES) == TollRecord.model_validate(VALUES)


def test_a_trusted_record_dumps_as_the_validated_one():
    trusted = TollRecord.trusted(**VALUES).model_dump(mode="json")
    assert trusted == TollRecord.model_validate(VALUES).model_dump(mode="json")


def test_a_trusted_record_counts_every_field_as_set():
    assert TollRecord.trusted(**VALUES).model_fields_set == set(VALUES)


def test_trusted_records_do_not_share_their_values():
    first, second = TollRecord.trusted(**VALUES), TollRecord.trusted(**dict(VALUES))
    first.low = 5
    assert second.low == 100
