"""One sentence read as a clause: its tokens with the number mentions indexed, the
words that may stand in a noun phrase, the victims' noun phrase after a number, and
how a number is tied to its casualty predicate (a ``Link``).

These are the primitives that ``predicates`` (one number and its predicate) and
``sharing`` (numbers that share the predicate of another) both read.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.doc import Mention
from tollbook.extract.lexicon import (
    AT_LEAST_VERBS,
    ATTRIBUTIVE_PREDICATES,
    AUXILIARIES,
    FINITE_VERBS,
    MODALS_HEDGED,
    MODALS_OTHER,
    MULTIWORD_PREDICATES,
    NP_OPENERS,
    OBJECT_STARTERS,
    OF_NOUNS,
    PREDICATE_ADVERBS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SUBORDINATORS,
    THING_NOUNS,
    TIME_NOUNS,
    TRANSITIVE_VERBS,
    VICTIM_PREDICATES,
)
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Outcome, Qualifier

QUOTE_MARKS = frozenset("\"'“”‘’″′«»„*")  # quotation and Markdown emphasis marks: read through
DASHES = frozenset(["—", "–", "--"])
_TEMPORAL = frozenset(
    [
        "last",
        "this",
        "next",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "earlier",
        "later",
        "late",
        "early",
        "previously",
        "recently",
        "since",
    ]
)
_RELATIONAL_NOUNS = frozenset(
    [
        "members",
        "member",
        "relatives",
        "families",
        "residents",
        "citizens",
        "nationals",
        "employees",
        "staff",
        "crew",
        "officers",
        "personnel",
        "wives",
        "husbands",
        "sons",
        "daughters",
        "children",
        "parents",
        "supporters",
        "fans",
        "students",
        "followers",
    ]
)
_REFLEXIVES = frozenset(
    ["myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves"]
)
PARTITIVE_DETERMINERS = frozenset(["the", "those", "its", "their", "his", "her", "our"])
NP_WINDOW = 10


@dataclass(frozen=True, slots=True)
class Link:
    """How a number is tied to a casualty predicate."""

    outcome: Outcome
    predicate: int = -1  # token index of the predicate word
    group: tuple[int, int] | None = None  # token indices, inclusive
    also: Outcome | None = None  # "No troops were killed or wounded": a second figure
    hedged: bool = False
    post_qualifier: Qualifier | None = None
    needs_context: bool = False


_MULTIWORD_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Outcome]]] = {}
for _words_m, _outcome_m in MULTIWORD_PREDICATES.items():
    _MULTIWORD_BY_FIRST.setdefault(_words_m[0], []).append((_words_m, _outcome_m))


class Sentence:
    """The tokens of one sentence with the number mentions indexed by token."""

    def __init__(self, toks: list[Token], mentions: list[Mention]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.mentions = mentions
        self.starts = {m.first: m for m in mentions}
        self.covered: set[int] = set()
        # "the three storms": a number after a determiner names a known set, no count
        self.definite: set[int] = set()
        for m in mentions:
            self.covered.update(range(m.first, m.last + 1))
            if m.first > 0 and toks[m.first - 1].lower in PARTITIVE_DETERMINERS:
                self.definite.update(range(m.first, m.last + 1))
        # "40 of the roughly 300 residents": the second number is the whole, not a toll
        self.partitive: set[int] = set()
        ends = {m.last for m in mentions}
        for m in mentions:
            j = m.first - 1
            while j >= 0 and toks[j].lower in PARTITIVE_DETERMINERS:
                j -= 1
            if j >= 1 and toks[j].lower == "of" and j - 1 in ends:
                self.partitive.add(m.first)

    def low(self, k: int) -> str:
        return self.toks[k].lower if 0 <= k < self.n else ""

    def text(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < self.n else ""

    def is_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.toks[k].kind is TokenKind.WORD

    def multiword(self, k: int) -> tuple[Outcome, int] | None:
        """A multiword predicate starting at ``k``: its outcome and last token."""
        for words, outcome in _MULTIWORD_BY_FIRST.get(self.low(k), ()):
            if all(self.low(k + j) == w for j, w in enumerate(words[1:], start=1)):
                return outcome, k + len(words) - 1
        return None

    def starts_object(self, k: int) -> bool:
        """Whether token ``k`` opens an object noun phrase (an active verb before it)."""
        if k >= self.n:
            return False
        tok = self.toks[k]
        return tok.kind is TokenKind.NUM or k in self.starts or tok.lower in OBJECT_STARTERS

    def verbish(self, k: int) -> bool:
        """A finite verb or clause word that ends a noun phrase."""
        if not 0 <= k < self.n:
            return False
        tok = self.toks[k]
        lw = tok.lower
        if lw in AUXILIARIES or lw in MODALS_HEDGED or lw in MODALS_OTHER:
            return True
        if lw in RELATIVE_PRONOUNS or lw in SUBORDINATORS:
            return True
        capitalized = tok.text[:1].isupper() and k > 0
        if not capitalized and (lw in REPORTING_VERBS or lw in FINITE_VERBS):
            return True
        return lw.endswith("ed") and not capitalized and self.starts_object(k + 1)


def is_participle(lower: str) -> bool:
    return len(lower) > 5 and lower.endswith("ing") and lower not in ("including",)


def np_word(sent: Sentence, k: int) -> bool:
    if not 0 <= k < sent.n:
        return False
    tok = sent.toks[k]
    if tok.kind is not TokenKind.WORD:
        return False
    lw = tok.lower
    if lw in PREPOSITIONS and lw != "of":
        return False
    if lw in ("and", "or", "of"):
        return False
    if is_participle(lw) or lw in _TEMPORAL or lw in _REFLEXIVES:
        return False
    return not sent.verbish(k)


def names_more(sent: Sentence, k: int) -> bool:
    """A prepositional phrase that says more about who the victims are: ``with``
    (``patients with burns``), ``from``, ``at`` or ``of`` a named body (``rescuers from
    the Red Cross``, ``students at the State University``)."""
    if sent.low(k) == "with":
        return True
    return (
        sent.low(k) in ("from", "at", "of")
        and sent.text(k + 1 + (sent.low(k + 1) == "the"))[:1].isupper()
    )


def regroup(link: Link, group: tuple[int, int]) -> Link:
    if group[0] > group[1]:
        return link
    return Link(
        link.outcome,
        link.predicate,
        group,
        link.also,
        link.hedged,
        link.post_qualifier,
        link.needs_context,
    )


def object_np(sent: Sentence, k: int) -> tuple[tuple[int, int] | None, bool]:
    """The victims' noun phrase after a number that is a verb's object, and whether
    it counts things rather than people.  After ``of them`` (``11 of them marines``,
    ``186 of whom were children``) the noun phrase names the part."""
    if sent.low(k) == "of":
        k += 1
        if sent.low(k) in ("them", "whom", "those", "these"):
            k += 1 + (sent.low(k + 1) in ("were", "was", "are", "is"))
    first = last = -1
    thing = False
    attributive_end = -1
    for j in range(k, min(sent.n, k + 10)):
        tok = sent.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS and first < 0:
                continue
            break
        if tok.kind is not TokenKind.WORD or j in sent.starts:
            break
        if lw in ("and", "or"):
            if first < 0 or (j + 1) in sent.starts or not np_word(sent, j + 1):
                break  # "100,000 and probably more": the number has no noun
            continue
        if lw == "of" and last >= 0 and sent.low(last) in _RELATIONAL_NOUNS:
            continue  # "members of the city's fire brigade", "citizens of X and Y"
        if lw == "from" and last >= 0 and names_more(sent, j):
            continue  # "two rescuers from the Red Cross": who they are
        if lw in VICTIM_PREDICATES and lw not in ATTRIBUTIVE_PREDICATES:
            break
        if lw in TRANSITIVE_VERBS or not np_word(sent, j):
            break
        if lw in PREDICATE_ADVERBS and lw not in ("all", "both", "each"):
            break  # "three of them critically": how, not who
        if lw in ATTRIBUTIVE_PREDICATES:
            attributive_end = j
        if lw in THING_NOUNS and not tok.text[:1].isupper():
            thing = True
        if lw.endswith(("'s", "’s")) and first < 0:
            thing = True  # "one researcher's count": the number counts an owner
        if first < 0 and lw in NP_OPENERS:
            continue
        if first < 0:
            first = j
        last = j
    if first < 0 or any(sent.low(x) in TIME_NOUNS for x in range(first, last + 1)):
        return None, thing  # "at 50,000 the same day": a time, nobody named
    if attributive_end >= first:
        first = attributive_end + 1
    return ((first, last) if first <= last else None), thing


def qualified(m: Mention, link: Link, sent: Sentence) -> tuple[Qualifier, int | None, int | None]:
    qualifier, low, high = m.qualifier, m.low, m.high
    if qualifier is Qualifier.EXACT and not m.zero:
        if link.post_qualifier is Qualifier.AT_MOST:
            return Qualifier.AT_MOST, None, m.high
        if link.post_qualifier is Qualifier.AT_LEAST:
            return Qualifier.AT_LEAST, m.low, None
        if link.post_qualifier is Qualifier.MORE_THAN:
            return Qualifier.MORE_THAN, m.low, None
        k = m.first - 1
        if sent.low(k) == "name" and sent.low(k - 1) == "by":
            k -= 2
        if sent.low(k) == "of" and sent.low(k - 1) in OF_NOUNS:
            k -= 2 + (sent.low(k - 2) == "the")  # "confirmed the deaths of three"
        if sent.low(k) in AT_LEAST_VERBS:
            return Qualifier.AT_LEAST, m.low, None
    return qualifier, low, high
