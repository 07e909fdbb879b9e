"""The victim group when the predicate's own noun phrase names none.

The linking step already records the noun phrase of each number; this component
fills the gaps with general constructions: ``on the coalition side``,
``deaths among civilians``, and the group of the figure before it in the same
sentence (``80 troops were killed and 200 wounded``).
"""

from __future__ import annotations

from tollbook.extract.doc import Doc
from tollbook.extract.lexicon import DETERMINERS, PREPOSITIONS, SUBORDINATORS
from tollbook.extract.tokens import TokenKind

_SIDE_WINDOW = 8


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


def assign_groups(doc: Doc) -> None:
    """Pipeline component: fill missing groups from the context of the sentence."""
    previous_group: tuple[int, int] | None = None
    previous_sentence = -1
    for cand in doc.candidates:
        if cand.sentence != previous_sentence:
            previous_group = None
            previous_sentence = cand.sentence
            block = doc.block_of(cand.sentence)
            if block.group_start >= 0 and block.group_end > block.group_start:
                previous_group = (block.group_start, block.group_end)
        if cand.group is None and cand.predicate >= 0:
            cand.group = _side_or_among(doc, cand.sentence, cand.predicate)
        if cand.group is None:
            cand.group = previous_group
        if cand.group is not None and not cand.subcount:
            previous_group = cand.group
