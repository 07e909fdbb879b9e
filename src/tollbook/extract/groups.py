"""The victim group when the predicate's own noun phrase names none.

The linking step already records the noun phrase of each number; this component
fills the gaps with general constructions: ``on the coalition side``,
``deaths among civilians``, the label of an infobox line (``Rebels: 45 killed``),
``25 of them`` (the victims named before), ``its own losses`` (the subject's), and
the group of the figure before it in the same sentence when the figure plainly
refers back (``80 troops were killed and 200 wounded``, ``another 12``).
"""

from __future__ import annotations

from tollbook.extract.doc import Block, BlockKind, Candidate, Doc
from tollbook.extract.lexicon import (
    AUXILIARIES,
    DEATH_MANNER_ADJECTIVES,
    DETERMINERS,
    FINITE_VERBS,
    PEOPLE_NOUNS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SUBORDINATORS,
)
from tollbook.extract.tokens import Token, TokenKind

_SIDE_WINDOW = 8
_SAME_KIND_BEFORE = frozenset(["another", "further", "remaining", "more", "of"])
_OWN_LOSSES = frozenset(["losses", "dead", "casualties", "toll", "fatalities"])
_MORE = frozenset(["more", "others", "other", "further", "additional"])
_COORDINATORS = frozenset(["and", "while", "but", "whereas"])
_GENERIC_PEOPLE = frozenset(["people", "persons", "person", "individuals"])
_ALL_ROWS = frozenset(["total", "totals", "overall", "all", "grand total", "sum", "combined"])


def _side_or_among(doc: Doc, sentence: int, predicate: int) -> tuple[int, int] | None:
    """``on the coalition side`` / ``on either side`` / ``among civilians`` after the predicate."""
    toks = doc.tokens(sentence)
    n = len(toks)
    for j in range(predicate + 1, min(n, predicate + _SIDE_WINDOW)):
        lw = toks[j].lower
        if toks[j].kind is TokenKind.PUNCT:
            return None
        if lw == "on":
            for x in range(j + 1, min(n, j + 5)):
                if toks[x].lower in ("side", "sides"):
                    first = j + 1 + (toks[j + 1].lower == "the")
                    return toks[first].start, toks[x].end
                if toks[x].kind is not TokenKind.WORD:
                    break
            return None
        if lw == "among":
            first = j + 1
            while first < n and toks[first].lower in ("the", "those"):
                first += 1
            last = first - 1
            for x in range(first, min(n, first + 5)):
                w = toks[x].lower
                if toks[x].kind is not TokenKind.WORD or w in PREPOSITIONS or w in SUBORDINATORS:
                    break
                if w in DETERMINERS and x > first:
                    break
                last = x
            return (toks[first].start, toks[last].end) if last >= first else None
    return None


def _shares_group(doc: Doc, cand: Candidate) -> bool:
    """Whether a figure with no victims of its own names the same ones as the figure
    before it: an ellipsis right after the number (``80 were killed and 200
    wounded``, ``... and 14 more``), or a part of the total (``including 45 who
    died``).  A clause of its own (``and 900 are missing``) names nobody."""
    toks = doc.tokens(cand.sentence)
    m = cand.mention
    before = toks[m.first - 1].lower if m.first > 0 else ""
    if cand.subcount:
        return before in ("including", "incl", "among")
    if cand.predicate < 0 or cand.predicate == m.last + 1:
        return True
    # "another 12 were unaccounted for", "a total of 30 had died", "60 who were wounded",
    # "18 more were wounded", "and one, a local man, was captured": no noun of its own
    k = m.last + 1
    while k < len(toks) and toks[k].lower in _MORE:
        k += 1
    nxt = toks[k].text.lower() if k < len(toks) else ""
    same_kind = k > m.last + 1 or nxt in (",", "who", "whom")
    return before in _SAME_KIND_BEFORE or same_kind


def _own_clause(doc: Doc, cand: Candidate) -> bool:
    """A coordinated clause whose subject is the bare number: ``six workers were
    killed and four were missing``: the same victims as the clause before."""
    toks = doc.tokens(cand.sentence)
    m = cand.mention
    before = toks[m.first - 1].lower if m.first > 0 else ""
    after = toks[m.last + 1].lower if m.last + 1 < len(toks) else ""
    return before in _COORDINATORS and after in AUXILIARIES and not cand.subcount


def _pronoun_of(doc: Doc, cand: Candidate) -> bool:
    """``40 of them``, ``some of those``: the victims are the ones named before."""
    toks = doc.tokens(cand.sentence)
    k = cand.mention.last + 1
    if k + 1 >= len(toks) or toks[k].lower != "of":
        return False
    word = toks[k + 1].lower
    if word == "them":
        return True
    # "of those" stands alone ("12 of those were hurt"), not before its noun ("of those
    # abducted")
    after = toks[k + 2] if k + 2 < len(toks) else None
    return word in ("those", "these") and (
        after is None or after.kind is not TokenKind.WORD or after.lower in AUXILIARIES
    )


def _owner_group(doc: Doc, cand: Candidate) -> tuple[int, int] | None:
    """``The army put its own losses at 31``: the victims belong to the subject."""
    toks = doc.tokens(cand.sentence)
    m = cand.mention
    for j in range(max(0, m.first - 8), m.first):
        if toks[j].lower in ("its", "their") and j + 2 < len(toks):
            k = j + 1 + (toks[j + 1].lower == "own")
            if toks[k].lower in _OWN_LOSSES:
                return _subject_span(toks, j)
    return None


def _subject_span(toks: list[Token], limit: int) -> tuple[int, int] | None:
    """The noun phrase the sentence opens with, up to its verb before ``limit``."""
    first = 0
    while first < limit and toks[first].lower in ("the", "a", "an"):
        first += 1
    last = first - 1
    for k in range(first, min(limit, first + 6)):
        tok = toks[k]
        lw = tok.lower
        if tok.kind is not TokenKind.WORD or lw in AUXILIARIES or lw in PREPOSITIONS:
            break
        if (
            k > first
            and not tok.text[:1].isupper()
            and (lw in REPORTING_VERBS or lw in FINITE_VERBS or lw.endswith("ed"))
        ):
            break
        last = k
    if last < first:
        return None
    return toks[first].start, toks[last].end


def _people_label(doc: Doc, block: Block) -> tuple[int, int] | None:
    """An infobox label that is a word for people (``Hostages: 30``) names them."""
    start = block.label_start if block.label_start >= 0 else block.start
    label = doc.text[start : block.label_end]
    words = label.split()
    if not words or len(words) > 3:
        return None
    last = words[-1].strip(":=|*").lower()
    if last not in PEOPLE_NOUNS:
        return None
    stripped = label.rstrip().rstrip(":=|*").rstrip()
    return start + len(label) - len(label.lstrip()), start + len(stripped)


def _names_victims(doc: Doc, group: tuple[int, int] | None) -> bool:
    """Whether a group says who the victims are: ``people`` alone does not, so a
    figure that leaves its noun out (``80 people were killed and 200 wounded``)
    names nobody, while ``80 soldiers were killed and 200 wounded`` names soldiers."""
    if group is None:
        return False
    return doc.text[group[0] : group[1]].strip().lower() not in _GENERIC_PEOPLE


def _only_manner(doc: Doc, group: tuple[int, int] | None) -> bool:
    """Whether a group is only words for how people died (``sudden and unexpected``)."""
    if group is None:
        return False
    words = doc.text[group[0] : group[1]].replace(",", " ").lower().split()
    return bool(words) and all(w in DEATH_MANNER_ADJECTIVES or w in ("and", "or") for w in words)


def assign_groups(doc: Doc) -> None:
    """Pipeline component: fill missing groups from the context of the sentence."""
    previous_group: tuple[int, int] | None = None
    previous_sentence = -1
    last_named: tuple[int, tuple[int, int]] | None = None  # sentence and group
    for cand in doc.candidates:
        field_group = None
        if cand.sentence != previous_sentence:
            previous_group = None
            previous_sentence = cand.sentence
        block = doc.block_of(cand.sentence)
        if block.group_start >= 0 and block.group_end > block.group_start:
            field_group = (block.group_start, block.group_end)
            if doc.text[block.group_start : block.group_end].strip(" *_:").lower() in _ALL_ROWS:
                field_group = None  # a table's "Total" row counts everyone
        elif block.kind is BlockKind.FIELD and block.label_end > 0:
            field_group = _people_label(doc, block)
        if _only_manner(doc, cand.group):
            cand.group = None  # "740 excess deaths": no word for whom
        if cand.group is None and cand.predicate >= 0:
            cand.group = _side_or_among(doc, cand.sentence, cand.predicate)
        if cand.group is None:
            cand.group = field_group
        if (
            cand.group is None
            and last_named is not None
            and cand.sentence - last_named[0] <= 1
            and _pronoun_of(doc, cand)
            and _names_victims(doc, last_named[1])
        ):
            cand.group = last_named[1]
        if cand.group is None:
            cand.group = _owner_group(doc, cand)
        if (
            cand.group is None
            and (_shares_group(doc, cand) or _own_clause(doc, cand))
            and _names_victims(doc, previous_group)
        ):
            cand.group = previous_group
        if cand.group is not None and not cand.subcount:
            previous_group = cand.group
        if cand.group is not None:
            last_named = (cand.sentence, cand.group)
