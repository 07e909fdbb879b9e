"""The closed vocabularies tollbook stores: outcomes, qualifiers, kinds, stances.

They are shared by the schema (CHECK constraints), the Pydantic records and the
extraction pipeline, so each word is spelled in exactly one place.
"""

from enum import StrEnum


class Outcome(StrEnum):
    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"
    MISSING = "missing"
    CAPTURED = "captured"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    UP_TO = "up_to"
    RANGE = "range"
    VAGUE = "vague"


class Scope(StrEnum):
    EVENT = "event"
    OTHER = "other"


class Stance(StrEnum):
    ASSERTS = "asserts"
    DISPUTES = "disputes"
    DENIES = "denies"


class SourceKind(StrEnum):
    ENCYCLOPEDIA = "encyclopedia"
    NEWS = "news"
    BLOG = "blog"
    OFFICIAL = "official"
    SOCIAL = "social"
    OTHER = "other"


class ActorKind(StrEnum):
    PERSON = "person"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    NGO = "ngo"
    MEDIA = "media"
    COMPANY = "company"
    ANONYMOUS = "anonymous"
    OTHER = "other"
