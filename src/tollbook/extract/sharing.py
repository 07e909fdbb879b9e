"""Numbers that share the predicate of a figure before them in the sentence.

A figure's predicate may serve several numbers: the items of a list after a colon or a
dash (``30 people drowned: 18 passengers, 9 crew and 3 rescuers``), numbers
coordinated with the object (``killed 12 soldiers and 3 civilians``), a ranking
(``followed by Y with 120``), a toll given again (``and by nightfall to 62``, ``up
from 25``), a comparison (``, as did 87 civilians``) and a clause whose predicate is
left out (``60 died in the east and 23 in the west``).
Every scan is bounded to a window of tokens, so the work stays linear.
"""

from __future__ import annotations

from tollbook.extract.clause import (
    DASHES,
    NP_WINDOW,
    QUOTE_MARKS,
    Link,
    Sentence,
    np_word,
    object_np,
    qualified,
    regroup,
)
from tollbook.extract.doc import Mention
from tollbook.extract.lexicon import (
    NOMINAL_PREDICATES,
    PREDICATE_ADVERBS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SUBORDINATORS,
    TRANSITIVE_VERBS,
    VICTIM_PREDICATES,
    K,
)
from tollbook.extract.tokens import TokenKind
from tollbook.vocab import Outcome, Qualifier

_LIST_HEADS: dict[str, Outcome] = {**NOMINAL_PREDICATES, "victims": K, "dead": K}
_ELLIPSIS_AFTER = frozenset(["more", "others", "other", "further", "additional"])
_GAP_COORDINATORS = frozenset(["and", "or", "but", "while", "then", ","])
_ELLIPTIC_VERBS = frozenset(["did", "were", "was", "had", "have", "do", "does"])
_LIST_WINDOW = 60
_SHARE_WINDOW = 16


def _list_head(
    sent: Sentence, index: int, mentions: list[Mention], links: dict[int, Link]
) -> Link | None:
    """The items of a list after a colon or a dash share what stands before it: a
    casualty noun (``listed the dead by nationality: 82 Kenyans, 63 Peruvians and
    three Danes``) or a figure (``30 people drowned: 18 passengers, 9 crew
    and 3 rescuers``, ``the toll reached 52 — 40 villagers and 12 soldiers``)."""
    m = mentions[index]
    j = m.first - 1
    while j >= 0 and m.first - j < _LIST_WINDOW:
        tok = sent.toks[j]
        if tok.text == ":" or tok.text in DASHES or _spaced_hyphen(sent, j):
            break
        if tok.kind is TokenKind.PUNCT and tok.text not in (",", "-", *QUOTE_MARKS):
            return None
        if (
            tok.kind is TokenKind.WORD
            and j not in sent.covered
            and (sent.verbish(j) or tok.lower in _LIST_HEADS)
        ):
            return None
        j -= 1
    else:
        return None
    if j < 1:
        return None
    for x in range(j - 1, max(-1, j - 8), -1):
        tok = sent.toks[x]
        if tok.kind is TokenKind.PUNCT:
            break
        outcome = _LIST_HEADS.get(tok.lower)
        if outcome is not None and x not in sent.covered:
            return Link(outcome)
    # the figure before the colon: mentions between it and this one are list items
    b = index - 1
    while b >= 0 and mentions[b].last >= j:
        b -= 1
    if b < 0 or b not in links or j - mentions[b].last > _SHARE_WINDOW:
        return None
    if any(sent.text(x) in (";", ":") for x in range(mentions[b].last + 1, j)):
        return None
    link = links[b]
    return Link(link.outcome, -1, None, None, link.hedged)


def _spaced_hyphen(sent: Sentence, k: int) -> bool:
    """A hyphen with a space either side, written for a dash: ``rose to 30 - 20 adults``."""
    toks = sent.toks
    return (
        toks[k].text == "-"
        and 0 < k < sent.n - 1
        and toks[k - 1].end < toks[k].start
        and toks[k].end < toks[k + 1].start
    )


def _gap(sent: Sentence, a: int, b: int) -> list[str]:
    return [sent.low(x) for x in range(a, b)]


def _conjunct(sent: Sentence, before: Mention, link: Link, m: Mention) -> bool:
    """A number coordinated with the object of a predicate before it: ``killed 12
    soldiers and 3 civilians``, ``the deaths of 12 staff and at least seven
    patients``, ``the dead included ten officers and two rescuers``."""
    if link.predicate < 0 or link.predicate > before.first:
        return False
    k = m.first - 1
    if sent.low(k) in ("and", "or"):
        k -= 1 + (sent.text(k - 1) == ",")
    elif sent.text(k) == ",":
        k -= 1
    else:
        return False
    if k - before.last > NP_WINDOW:
        return False
    for x in range(before.last + 1, k + 1):
        tok = sent.toks[x]
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS or tok.text in "-'’":
                continue
            return False
        lw = tok.lower
        if lw in VICTIM_PREDICATES or lw in TRANSITIVE_VERBS:
            return False
        if not (np_word(sent, x) or lw in PREPOSITIONS or lw in ("of", "the", "a", "an")):
            return False
    # "killed 300 people, and 40,000 people lost their homes": a subject of its own
    group, _ = object_np(sent, m.last + 1)
    after = group[1] + 1 if group else m.last + 1
    while sent.low(after) in PREPOSITIONS or (after in sent.covered) or np_word(sent, after):
        after += 1
        if after > m.last + NP_WINDOW:
            break
    return not sent.verbish(after)


def _gapped(sent: Sentence, after: int, m: Mention) -> bool:
    """A number that stands for a clause whose predicate is left out, after a
    coordinator: ``60 people died in the east and 23 in the west``,
    ``11 died on Tuesday, four the next day, then two``, ``at least 30 and probably
    more than 50``, ``..., and, given the crowd, no more than 50``.

    ``after`` is the first token past the figure before it and its predicate."""
    k = m.last + 1
    while sent.low(k) in _ELLIPSIS_AFTER:
        k += 1
    nxt = sent.low(k)
    if sent.is_word(k) and not (
        nxt in PREPOSITIONS
        or nxt in _GAP_COORDINATORS
        or (nxt == "the" and sent.low(k + 1) in ("next", "following"))
    ):
        return False  # the number has a noun or a verb of its own
    if sent.text(k) in ("(", "-", *DASHES):
        return False
    for x in range(k, min(sent.n, k + NP_WINDOW)):
        if sent.low(x) in _GAP_COORDINATORS or not sent.is_word(x):
            break
        if sent.verbish(x) or sent.low(x) in VICTIM_PREDICATES or sent.low(x) in NOMINAL_PREDICATES:
            return False  # "and 1,200 in the region were left homeless": a clause of its own
    coordinator = next((x for x in range(after, m.first) if sent.low(x) in _GAP_COORDINATORS), -1)
    if coordinator < 0 or sent.low(m.first - 1) in PREPOSITIONS:
        return False  # "..., with 300 in the region without power": no clause left out
    if any(x in sent.covered for x in range(coordinator + 1, m.first)):
        return False
    # the figure's own clause runs on to the coordinator: no new clause or claim
    if any(
        sent.low(x) in REPORTING_VERBS
        or sent.low(x) in VICTIM_PREDICATES
        or sent.low(x) in NOMINAL_PREDICATES
        or sent.low(x) in RELATIVE_PRONOUNS
        or sent.low(x) in SUBORDINATORS
        for x in range(after, coordinator)
    ):
        return False
    # between the coordinator and the number: adverbs, after an aside in commas
    start = coordinator + 1
    last_comma = max((x for x in range(start, m.first) if sent.text(x) == ","), default=-1)
    if last_comma >= 0:
        start = last_comma + 1
    return m.first - start <= 4 and not any(
        (sent.verbish(x) and sent.low(x) not in PREDICATE_ADVERBS) or x in sent.covered
        for x in range(start, m.first)
    )


def share_predicates(
    sent: Sentence, mentions: list[Mention], links: dict[int, Link], skip: set[int]
) -> None:
    """Numbers that share the predicate of a figure before them in the sentence:

    - the items of a list after a colon or a dash (see ``_list_head``);
    - a number coordinated with the object (``killed 12 soldiers and 3 civilians``);
    - a ranking, ``X accounted for 300 of the deaths, followed by Y with 120 and Z
      with 45``;
    - a toll given again, ``raised the toll to 40, and by nightfall to 62``;
    - a clause whose predicate is left out, ``12 bodies were found in the cellar and
      nine more in the yard``.
    """
    previous = -1  # index of the last linked mention
    for index, m in enumerate(mentions):
        if index in links:
            previous = index
            continue
        if m.zero or index in skip:
            continue
        listed = _list_head(sent, index, mentions, links)
        if listed is not None:
            group, thing = object_np(sent, m.last + 1)
            if not thing:
                links[index] = regroup(listed, group) if group else listed
                previous = index
            continue
        if previous < 0:
            continue
        before = mentions[previous]
        link = links[previous]
        if (
            sent.low(m.first - 1) == "from"
            and sent.low(m.first - 2) in ("up", "down")
            and previous == index - 1
        ):
            # "the toll stood at 31, up from 25 a day earlier": the toll before
            links[index] = Link(link.outcome, -1, None, None, link.hedged)
            previous = index
            continue
        if sent.low(m.first - 2) in ("as", "so") and sent.low(m.first - 1) in _ELLIPTIC_VERBS:
            # "..., as did 87 civilians": the same predicate, said again
            group, thing = object_np(sent, m.last + 1)
            if not thing:
                links[index] = Link(link.outcome, -1, group, None, link.hedged)
                previous = index
            continue
        if _conjunct(sent, before, link, m):
            group, thing = object_np(sent, m.last + 1)
            if not thing:
                floor = (
                    Qualifier.AT_LEAST
                    if before.qualifier is Qualifier.EXACT
                    and qualified(before, link, sent)[0] is Qualifier.AT_LEAST
                    else None
                )  # "confirmed the deaths of 12 and 7": both are floors
                links[index] = Link(link.outcome, link.predicate, group, None, link.hedged, floor)
                previous = index
            continue
        after = max(before.last, link.predicate) + 1
        if m.first - after > _SHARE_WINDOW:
            continue  # too far to share a predicate (and keeps the work linear)
        between = _gap(sent, after, m.first)
        plain = not any(
            w in VICTIM_PREDICATES or w in NOMINAL_PREDICATES or w in REPORTING_VERBS
            for w in between
        ) and not any(sent.verbish(x) and sent.low(x) != "followed" for x in range(after, m.first))
        nxt = sent.low(m.last + 1)
        bare = not sent.is_word(m.last + 1) or nxt in ("and", "or") or nxt in PREPOSITIONS
        shared = False
        if not plain:
            shared = _gapped(sent, after, m)
        elif sent.low(m.first - 1) == "with" and bare and len(between) <= 8:
            # a ranking: "followed by Y with 120", "and Z with 45"
            shared = "followed" in between or sent.low(before.first - 1) == "with"
        elif (
            sent.low(m.first - 1) in ("to", "at")
            and sent.low(before.first - 1) == sent.low(m.first - 1)
            and link.predicate < before.first
            and ("and" in between or "then" in between)
            and len(between) <= 8
        ):
            shared = True  # the toll given again
        else:
            shared = _gapped(sent, after, m)
        if shared:
            links[index] = Link(link.outcome, -1, None, None, link.hedged)
            previous = index
