"""Victim groups: the group text a figure gives, classified into a small taxonomy.

The taxonomy is data (`[[groups]]` in `data/groups.toml`, stored in the database):
keys with a parent and the phrases that name them. A group text is classified by
the longest phrase found in it, word by word, so `contract soldiers, mostly
Russians` and `Russian PMCs` can both land in one key while `pro-government
fighters` lands in its parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tollbook.actors import _singular
from tollbook.db import insert_ignoring_conflicts
from tollbook.errors import ManifestError
from tollbook.manifest import GroupEntry
from tollbook.models import Figure, Group, GroupPhrase

UNCLASSIFIED = "unclassified"


def phrase_words(text: str) -> tuple[str, ...]:
    """Words of a group text or phrase, folded and singular: `U.S. Troops` -> (us, troop)."""
    text = text.casefold().replace("’", "'")
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)
    text = re.sub(r"'s\b", " ", text)
    return tuple(_singular(w) for w in re.split(r"[^\w-]+", text) if w)


@dataclass
class Taxonomy:
    """Group keys with their parents, and the phrases that name each key."""

    parents: dict[str, str | None] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Group texts repeat across figures; each is classified once.
    _classified: dict[str | None, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[GroupEntry]) -> Taxonomy:
        taxonomy = cls()
        for entry in entries:
            taxonomy.parents[entry.key] = entry.parent
            taxonomy.labels[entry.key] = entry.label or entry.key.replace("_", " ")
            for phrase in entry.phrases:
                words = phrase_words(phrase)
                if words:
                    taxonomy.phrases[words] = entry.key
        taxonomy.check()
        return taxonomy

    @classmethod
    def from_database(cls, session: Session) -> Taxonomy:
        taxonomy = cls()
        parent = Group.__table__.alias("parent")
        rows = session.execute(
            select(Group.key, Group.label, parent.c.key).outerjoin(
                parent, Group.parent_id == parent.c.id
            )
        )
        for key, label, parent_key in rows:
            taxonomy.parents[key] = parent_key
            taxonomy.labels[key] = label or key.replace("_", " ")
        for phrase, key in session.execute(
            select(GroupPhrase.phrase, Group.key).join(Group, GroupPhrase.group_id == Group.id)
        ):
            taxonomy.phrases[tuple(phrase.split())] = key
        return taxonomy

    def check(self) -> None:
        for key, parent in self.parents.items():
            if parent is not None and parent not in self.parents:
                raise ManifestError(f"group {key!r} has parent {parent!r}, which is not a group")
            seen = {key}
            while parent is not None:
                if parent in seen:
                    raise ManifestError(f"group {key!r} is its own ancestor")
                seen.add(parent)
                parent = self.parents.get(parent)

    def depth(self, key: str) -> int:
        depth, parent = 0, self.parents.get(key)
        while parent is not None:
            depth, parent = depth + 1, self.parents.get(parent)
        return depth

    def ancestors(self, key: str) -> list[str]:
        """The key and every group above it, nearest first."""
        chain = [key]
        parent = self.parents.get(key)
        while parent is not None:
            chain.append(parent)
            parent = self.parents.get(parent)
        return chain

    def descendants(self, key: str) -> set[str]:
        """The key and every group under it."""
        found = {key}
        changed = True
        while changed:
            changed = False
            for child, parent in self.parents.items():
                if parent in found and child not in found:
                    found.add(child)
                    changed = True
        return found

    def classify(self, group_text: str | None) -> str:
        """The key of the longest phrase in the text; `unclassified` when none matches."""
        if group_text in self._classified:
            return self._classified[group_text]
        key = self._classify(group_text)
        self._classified[group_text] = key
        return key

    def _classify(self, group_text: str | None) -> str:
        if not group_text:
            return UNCLASSIFIED
        words = phrase_words(group_text)
        best: tuple[int, int, int] | None = None
        best_key = UNCLASSIFIED
        longest = max((len(p) for p in self.phrases), default=0)
        for start in range(len(words)):
            for size in range(min(longest, len(words) - start), 0, -1):
                key = self.phrases.get(words[start : start + size])
                if key is None:
                    continue
                # Longer phrase first, then the more specific group, then the earlier one.
                rank = (size, self.depth(key), -start)
                if best is None or rank > best:
                    best, best_key = rank, key
                break
        return best_key


def store_taxonomy(session: Session, taxonomy: Taxonomy) -> bool:
    """Add or update the taxonomy's groups and phrases; True when anything changed."""
    before = Taxonomy.from_database(session)
    merged = Taxonomy(
        parents={**before.parents, **taxonomy.parents},
        labels={**before.labels, **taxonomy.labels},
        phrases={**before.phrases, **taxonomy.phrases},
    )
    merged.check()
    if merged == before:
        return False
    session.execute(
        insert_ignoring_conflicts(Group, session),
        [{"key": k, "label": merged.labels.get(k)} for k in merged.parents],
    )
    ids: Mapping[str, int] = dict(session.execute(select(Group.key, Group.id)).all())
    for key, parent in merged.parents.items():
        session.execute(
            update(Group)
            .where(Group.key == key)
            .values(label=merged.labels.get(key), parent_id=ids[parent] if parent else None)
        )
    for words, key in merged.phrases.items():
        phrase = " ".join(words)
        if before.phrases.get(words) == key:
            continue
        if words in before.phrases:
            session.execute(
                update(GroupPhrase).where(GroupPhrase.phrase == phrase).values(group_id=ids[key])
            )
        else:
            session.execute(
                insert_ignoring_conflicts(GroupPhrase, session).values(
                    phrase=phrase, group_id=ids[key]
                )
            )
    return True


def reclassify(session: Session, taxonomy: Taxonomy) -> int:
    """Give stored figures the group keys the taxonomy gives their texts; returns how many moved.

    Works on the distinct group texts, which are few, not on every figure.
    """
    moved = 0
    texts = session.scalars(select(Figure.group_text).distinct())
    for text in list(texts):
        key = taxonomy.classify(text)
        condition = Figure.group_text.is_(None) if text is None else Figure.group_text == text
        result = session.execute(
            update(Figure).where(condition, Figure.group_key != key).values(group_key=key)
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    return moved
