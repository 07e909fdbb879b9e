"""Who claims and who relays: names as texts write them, resolved to one actor each.

`alias_key` makes the spellings of one name meet (case, dots, `the`, plurals,
`U.S.`/`US`/`United States`); the actor table in `data/actors.toml` joins names
that no spelling rule could (`CIT` and its full name). Unnamed claimants
(`two Russian sources`, `a US official`) become actors of kind `anonymous`, with
the side that the words of their name give, if the `[sides]` table knows them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from tollbook.db import insert_ignoring_conflicts
from tollbook.errors import ManifestError
from tollbook.manifest import ActorEntry
from tollbook.models import Actor, ActorAlias, Claim, ClaimRelay, Figure
from tollbook.vocab import ActorKind

_COUNTRY_PHRASES = (
    (re.compile(r"\bunited\s+states(?:\s+of\s+america)?\b"), "us"),
    (re.compile(r"\bunited\s+kingdom\b"), "uk"),
    (re.compile(r"\bunited\s+nations\b"), "un"),
)
# A name with the short form it is known by: "Department of Disaster Affairs (DoDA)".
_SHORT_FORM = re.compile(r"^(.*\S)\s*\(([A-Z][A-Za-z]{1,9})\)$")
_LITTLE_WORDS = frozenset({"the", "of", "a", "an", "for", "on", "in", "at", "by", "to", "'s"})
_COUNT_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "several", "some", "multiple", "many", "various", "other", "unnamed", "anonymous",
        "senior", "another", "their", "his", "her", "its", "our",
    }
)  # fmt: skip
# Head nouns of claimants who are not named: "sources", "a US official", "a doctor".
_ANONYMOUS_HEADS = frozenset(
    {
        "source", "official", "insider", "person", "people", "resident", "witness",
        "associate", "relative", "doctor", "medic", "commander", "officer", "diplomat",
        "journalist", "reporter", "analyst", "activist", "member", "spokesman",
        "spokeswoman", "spokesperson", "expert", "investigator", "fighter", "soldier",
        "survivor", "local", "friend", "family", "colleague", "veteran", "figure",
        "contractor", "mercenary", "volunteer",
    }
)  # fmt: skip


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("’", "'").replace("‘", "'")


# Words whose final "s" is not a plural.
_INVARIANT = frozenset({"news", "media", "series", "species", "politics", "arms", "headquarters"})


def _singular(word: str) -> str:
    if word in _INVARIANT:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    text = _fold(text)
    # Dots inside abbreviations go first, so "u.s." and "us" meet.
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text).replace(".", " ")
    for pattern, replacement in _COUNTRY_PHRASES:
        text = pattern.sub(replacement, text)
    text = re.sub(r"'s\b", " ", text)
    return [w for w in re.split(r"[^\w-]+", text) if w]


def alias_key(name: str) -> str:
    """The normalised form under which every spelling of a name is looked up."""
    words = [_singular(w) for w in _tokens(name) if w not in _LITTLE_WORDS]
    return " ".join(words)


def _content_words(name: str) -> list[str]:
    return [
        _singular(w)
        for w in _tokens(name)
        if w not in _LITTLE_WORDS and w not in _COUNT_WORDS and not w.isdigit()
    ]


def is_anonymous(name: str) -> bool:
    """True for claimants described rather than named: `two Russian sources`."""
    words = _content_words(name)
    if not words:
        return False
    if words[-1] in _ANONYMOUS_HEADS:
        return True
    # "two of the Russians", "the Americans": a people standing for unnamed members.
    stripped = re.sub(r"^(?:\W*(?:\w+\s+of\s+)?(?:the|a|an)\s+)", "", name.strip(), flags=re.I)
    parts = stripped.split()
    return (
        bool(parts)
        and all(p[:1].isupper() and p.endswith("s") for p in parts)
        and (len(parts) <= 2 and any(w in _COUNT_WORDS for w in _tokens(name)))
    )


def anonymous_key(name: str) -> str:
    """One key for the ways an unnamed group is written: counts and `of the` dropped,
    and a bare people (`the Russians`) read as sources of that people."""
    words = _content_words(name)
    if words and words[-1] not in _ANONYMOUS_HEADS:
        words.append("source")
    return " ".join(words)


def display_name(name: str) -> str:
    """A claimant's name cleaned for display: outer punctuation and articles dropped."""
    text = " ".join(name.split()).strip(" ,;:\"'“”‘’«»()[]")
    # A lower-case "the" is an article; a capital one may be part of a name ("The Times").
    text = re.sub(r"^(?:the|a|an|A|An)\s+", "", text)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def anonymous_display_name(name: str) -> str:
    """`two of the Russians` -> `Russian sources`; `a US official` -> `US official`."""
    text = re.sub(r"^The\s+", "", display_name(name))
    text = re.sub(
        r"^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|multiple|"
        r"many|various|other|another|\d+)\s+)*(?:of\s+(?:the|those|these)\s+)?",
        "",
        text,
        flags=re.I,
    )
    words = text.split()
    if words and all(w[:1].isupper() for w in words) and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
        words.append("sources")
    result = " ".join(words) or text
    return result[:1].upper() + result[1:]


@dataclass
class Sides:
    """Which side the words of a name point to, from the `[sides]` table."""

    words: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, Iterable[str]]) -> Sides:
        words: dict[str, str] = {}
        for side, names in table.items():
            for name in names:
                words[alias_key(name)] = side
        return cls(words)

    def of(self, name: str) -> str | None:
        tokens = [_singular(w) for w in _tokens(name)]
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                side = self.words.get(" ".join(tokens[i : i + size]))
                if side is not None:
                    return side
        return None


@dataclass
class ActorTable:
    """The known actors of `actors.toml`, by every alias key."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    sides: Sides = field(default_factory=Sides)

    @classmethod
    def from_entries(
        cls, actors: Iterable[ActorEntry], sides: Mapping[str, Iterable[str]] | None = None
    ) -> ActorTable:
        table = cls(sides=Sides.from_table(sides or {}))
        for entry in actors:
            for key in entry_keys(entry):
                other = table.entries.get(key)
                if other is not None and other.name != entry.name:
                    raise ManifestError(
                        f"actors {other.name!r} and {entry.name!r} share the alias {key!r}"
                    )
                table.entries[key] = entry
        return table

    def named_at_end(self, name: str) -> ActorEntry | None:
        """The table actor a longer name ends with: "the ministry's spokesperson Jane
        Roe" is Jane Roe, "a Russian investigative group, the CIT" is the CIT.

        The end of an English noun phrase is its head; titles and appositions come
        first. Descriptions of unnamed people are left alone, so "two unnamed army
        officials" never becomes the army.
        """
        if is_anonymous(name):
            return None
        words = alias_key(name).split()
        for start in range(1, len(words)):
            entry = self.entries.get(" ".join(words[start:]))
            if entry is not None:
                return entry
        return None


def entry_keys(entry: ActorEntry) -> list[str]:
    """Every key a table actor is found under: its names' alias keys and lookup keys."""
    names = (entry.name, *entry.aliases)
    return list(dict.fromkeys(k for n in names for k in (alias_key(n), lookup_key(n)) if k))


def lookup_key(name: str) -> str:
    """The alias key a claimant name is looked up under (anonymous names by their kind)."""
    return anonymous_key(name) if is_anonymous(name) else alias_key(name)


class ActorResolver:
    """Finds or creates the actor for a name, inside the caller's transaction.

    Creation uses INSERT ... ON CONFLICT DO NOTHING on the unique name and alias,
    so two loaders that meet a new name at once end up with one actor.
    """

    def __init__(self, session: Session, table: ActorTable | None = None) -> None:
        self.session = session
        self.table = table or ActorTable()
        self._cache: dict[str, int] = {}

    def resolve(self, name: str | None) -> int | None:
        if name is None:
            return None
        if name in self._cache:  # most names recur: skip normalising them again
            return self._cache[name]
        if not alias_key(name):
            return None
        paired = _SHORT_FORM.match(name)
        if paired is not None:
            actor_id = self._resolve_pair(paired.group(1), paired.group(2))
            self._cache[name] = actor_id
            return actor_id
        key = lookup_key(name)
        actor_id = self._cache.get(key) or self._find(key) or self._create(name, key)
        self._cache[key] = self._cache[name] = actor_id
        return actor_id

    def _resolve_pair(self, name: str, short: str) -> int:
        """``Department of Disaster Affairs (DoDA)``: one actor, found by either
        spelling, created under the long name, with the short form as an alias."""
        key, short_key = lookup_key(name), alias_key(short)
        entry = self.table.entries.get(key) or self.table.entries.get(short_key)
        if entry is not None:
            actor_id = self.ensure(entry)
        else:
            found = self._cache.get(key) or self._find(key) or self._find(short_key)
            actor_id = found or self._create(name, key)
        self._add_aliases(actor_id, [key, short_key])
        self._cache[key] = actor_id
        return actor_id

    def forget(self) -> None:
        """Drop what was learned: after a rollback, cached actors may not exist."""
        self._cache.clear()

    def _find(self, key: str) -> int | None:
        found: int | None = self.session.scalar(
            select(ActorAlias.actor_id).where(ActorAlias.alias == key)
        )
        return found

    def _create(self, name: str, key: str) -> int:
        entry = self.table.entries.get(key) or self.table.named_at_end(name)
        if entry is not None:
            actor_id = self.ensure(entry)
        else:
            anonymous = is_anonymous(name)
            actor_id = self._ensure_actor(
                anonymous_display_name(name) if anonymous else display_name(name),
                kind=ActorKind.ANONYMOUS if anonymous else ActorKind.OTHER,
                side=self.table.sides.of(name),
                description=None,
            )
        self._add_aliases(actor_id, [key])
        return actor_id

    def ensure(self, entry: ActorEntry) -> int:
        """Create a table actor (or update its kind and side) with all its aliases."""
        actor_id = self._ensure_actor(
            entry.name, kind=entry.kind, side=entry.side, description=entry.description
        )
        self.session.execute(
            update(Actor)
            .where(Actor.id == actor_id)
            .values(kind=entry.kind, side=entry.side, description=entry.description)
        )
        keys = entry_keys(entry)
        # An alias that already names another actor (met in a text before the table
        # listed it) joins this actor, with everything that actor claimed.
        for other in (
            self.session.scalars(
                select(ActorAlias.actor_id).where(
                    ActorAlias.alias.in_(keys), ActorAlias.actor_id != actor_id
                )
            )
            .unique()
            .all()
        ):
            self._merge(other, into=actor_id)
        self._add_aliases(actor_id, keys)
        self._cache.clear()
        return actor_id

    def _merge(self, old: int, *, into: int) -> None:
        self.session.execute(update(Claim).where(Claim.claimant_id == old).values(claimant_id=into))
        self.session.execute(
            update(Figure).where(Figure.claimant_id == old).values(claimant_id=into)
        )
        self.session.execute(
            update(ClaimRelay).where(ClaimRelay.actor_id == old).values(actor_id=into)
        )
        self.session.execute(
            update(ActorAlias).where(ActorAlias.actor_id == old).values(actor_id=into)
        )
        self.session.execute(delete(Actor).where(Actor.id == old))

    def _ensure_actor(
        self, name: str, *, kind: ActorKind, side: str | None, description: str | None
    ) -> int:
        stmt = insert_ignoring_conflicts(Actor, self.session).values(
            name=name, kind=kind, side=side, description=description
        )
        self.session.execute(stmt)
        actor_id = self.session.scalar(select(Actor.id).where(Actor.name == name))
        assert actor_id is not None
        return actor_id

    def _add_aliases(self, actor_id: int, keys: Iterable[str]) -> None:
        rows = [{"alias": k, "actor_id": actor_id} for k in dict.fromkeys(keys) if k]
        if rows:
            self.session.execute(insert_ignoring_conflicts(ActorAlias, self.session), rows)
