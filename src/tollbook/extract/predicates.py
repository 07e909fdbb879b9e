"""The casualty predicate: which number expressions count killed, wounded, missing
or captured people, and which words name the victims.

A number becomes a figure through one of these constructions, tried in order:

- object of a casualty verb: ``killing about ten U.S. personnel``, ``the deaths of 30``,
  ``holding 40 tourists hostage``, ``took 20 patients to hospital``, ``named 12 victims``;
- subject of a casualty predicate, through the victims' noun phrase, an aside (``, six
  of them children,``, ``, a local man,``, ``, along with their driver,``), a
  participle or prepositional phrase (``37 hostages from eight countries``), a
  relative clause with or without "who" (``the teams it had sent below``), auxiliaries
  or a first verb phrase of the same subject: ``68 fighters were killed``, ``200
  soldiers, mostly X, died``, ``200 dead``, ``none of the guards who went in died``,
  ``three gunmen fled and were killed``, ``listed 31 sailors as missing``, ``14
  friends I had lost``, ``three wounded soldiers died``;
- the value of a toll, also when a pronoun stands for it or it follows its value:
  ``put the death toll in the fighting at about 100``, ``It stood at 131``, ``raised
  this to 978``, ``brings to 24 the number of victims``;
- a part of the casualties named before a comma: ``Of the dead, 32 were children``;
- the value of an infobox field or a bold list label: ``Deaths: at least 40``;
- a coordinated number sharing a predicate after it: ``dozens or hundreds were killed``;
- a number sharing the predicate of a figure before it (``sharing``), or a sub-count
  (``including 45``);
- more of what was counted before: ``another dozen were recovered downstream``.

The whole after a part (``one of the two women died``), the people an act leaves
alive (``rescued 12``, ``seven of the miners were brought out alive``) and a figure
said not to follow (``did not mean that 30 died``) are no figures.  A count of
confirmed cases (``confirmed dead``, ``one death confirmed``) is a floor.  Every scan
is bounded to a window of tokens, so the work is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.clause import (
    DASHES,
    NP_WINDOW,
    PARTITIVE_DETERMINERS,
    QUOTE_MARKS,
    Link,
    Sentence,
    is_participle,
    names_more,
    np_word,
    object_np,
    qualified,
    regroup,
)
from tollbook.extract.doc import BlockKind, Candidate, Doc, Mention
from tollbook.extract.lexicon import (
    APPOSITIVE_GROUP_OPENERS,
    AT_LEAST_VERBS,
    ATTRIBUTIVE_PREDICATES,
    AUXILIARIES,
    COPULAS,
    COUNT_NOUNS,
    EVENT_NOUNS,
    HEDGE_ADVERBS,
    HYPOTHETICAL_OPENERS,
    HYPOTHETICAL_PHRASES,
    IMPLICATION_VERBS,
    IRREGULAR_PARTICIPLES,
    MODALS_HEDGED,
    MODALS_OTHER,
    NEGATIONS,
    NO_DATA_NOUNS,
    NOMINAL_PREDICATES,
    NP_OPENERS,
    OF_NOUNS,
    PEOPLE_NOUNS,
    PREDICATE_ADVERBS,
    PREPOSITIONS,
    RECOVERY_VERBS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SUBCOUNT_CUES,
    SUBORDINATORS,
    THING_NOUNS,
    TOLL_ADJECTIVES,
    TOLL_LINKS,
    TOLL_MODIFIERS,
    TOLL_NOUNS,
    TOLL_REPORTING_VERBS,
    TRANSITIVE_PARTICIPLES,
    TRANSITIVE_VERBS,
    VICTIM_PREDICATES,
    C,
    K,
    M,
    W,
)
from tollbook.extract.sharing import share_predicates
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Outcome, Qualifier

_BOUNDARY = frozenset([";", ":", ".", "?", "!", "…"])
_LIFE_TAKERS = frozenset(
    [
        "claimed",
        "claiming",
        "claims",
        "claim",
        "took",
        "taking",
        "takes",
        "take",
        "cost",
        "costing",
        "costs",
    ]
)
_PASSIVE_REPORT = frozenset(
    [
        "reported",
        "said",
        "believed",
        "thought",
        "feared",
        "confirmed",
        "known",
        "presumed",
        "understood",
        "estimated",
        "alleged",
        "expected",
        "assumed",
    ]
)
_FIELD_OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    ("casualt", C),
    ("losses", C),
    ("injur", W),
    ("wound", W),
    ("missing", M),
    ("captur", Outcome.CAPTURED),
    ("prisoner", Outcome.CAPTURED),
    ("hostage", Outcome.CAPTURED),
    ("captive", Outcome.CAPTURED),
    ("abduct", Outcome.CAPTURED),
    ("kidnap", Outcome.CAPTURED),
    ("death", K),
    ("dead", K),
    ("kill", K),
    ("fatalit", K),
    ("victim", K),
    ("toll", K),
)
_NOT_TOLL_BEFORE_LINK = frozenset(["according", "due", "owing", "thanks", "close", "up", "next"])
_TOLL_VERBS = frozenset(
    [
        "stood",
        "stands",
        "stand",
        "rose",
        "risen",
        "rising",
        "climbed",
        "climbing",
        "increased",
        "jumped",
        "put",
        "puts",
        "putting",
        "raised",
        "raising",
        "brought",
        "bringing",
        "revised",
    ]
)
_ABOVE_LINKS = frozenset(
    [
        "exceed",
        "exceeds",
        "exceeded",
        "exceeding",
        "surpass",
        "surpasses",
        "surpassed",
        "surpassing",
        "top",
        "tops",
        "topped",
        "topping",
        "pass",
        "passes",
        "passed",
        "passing",
        "cross",
        "crosses",
        "crossed",
        "crossing",
        "past",
        "beyond",
    ]
)
# Verbs that move a toll to a new value: "raised it to 60", "bringing to 24 the number".
_REVISE_VERBS = frozenset(
    [
        "raised",
        "raising",
        "raises",
        "revised",
        "revising",
        "corrected",
        "correcting",
        "lowered",
        "lowering",
        "updated",
        "put",
        "putting",
        "puts",
        "brought",
        "bringing",
        "brings",
        "bring",
        "took",
        "taking",
        "takes",
        "pushed",
        "pushing",
        "increased",
        "cut",
    ]
)
_ANAPHORS = frozenset(["it", "this", "that"])
_UNDER = frozenset(["under", "beneath", "underneath", "alive"])
_SURVIVAL_WORDS = frozenset(["alive", "survived", "rescued", "freed", "escaped", "unharmed"])
_FURTHER = frozenset(["another", "further", "additional"])
_PLACE_PREPOSITIONS = frozenset(["from", "in", "across", "throughout"])
# Subjects that open a relative clause with no "that": "the friends I lost".
_RELATIVE_SUBJECTS = frozenset(["i", "we", "you", "he", "she", "they", "it"])
_TREATMENT_AFTER = frozenset(["for", "in", "at"])
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch", "ic")
# Verbs whose object survived: "rescued 12", "freed 30 of the hostages".
_SURVIVOR_VERBS = frozenset(
    ["rescued", "rescuing", "freed", "freeing", "released", "evacuated", "saved", "discharged"]
)
_LOSE_VERBS = frozenset(["lost", "lose", "loses", "losing"])
_HOLD_VERBS = frozenset(
    ["hold", "holds", "holding", "held", "take", "takes", "taking", "took", "seized", "seizing"]
)
_TREAT_VERBS = frozenset(["treated", "treating", "treat", "treats"])
_HOSTAGE_WORDS = frozenset(["hostage", "hostages", "captive", "captives", "prisoner", "prisoners"])
_CARRY_VERBS = frozenset(
    [
        "took",
        "taken",
        "taking",
        "rushed",
        "rushing",
        "transported",
        "transporting",
        "ferried",
        "airlifted",
        "brought",
        "bringing",
    ]
)
# Words that open an aside inside a victims' noun phrase: ", including 5,".
_ASIDE_OPENERS = frozenset(
    ["including", "among", "incl", "excluding", "many", "most", "all", "along", "together", "as"]
)
# Predicates that can follow a noun as a reduced relative: "the 12 people killed".
_AS_PREDICATES: dict[str, Outcome] = {
    w: VICTIM_PREDICATES[w] for w in ("dead", "killed", "missing", "wounded", "injured", "captured")
}
_REDUCED_RELATIVES = (
    TRANSITIVE_PARTICIPLES | frozenset(NOMINAL_PREDICATES) | frozenset(["missing", "trapped"])
)
_COUNT_DETERMINERS = frozenset(["the", "this", "that", "its", "their"])
_MODAL_HEADS = frozenset(phrase[0] for phrase in HYPOTHETICAL_PHRASES)
_POSTMOD_WINDOW = 16
_VERB_WINDOW = 9
_APPOSITIVE_WINDOW = 30
_TOLL_WINDOW = 24
_BEYOND_WINDOW = 12


@dataclass(frozen=True, slots=True)
class _Coordinated:
    partner: int  # token index where the partner number starts


_SUBCOUNT_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _words_s in SUBCOUNT_CUES:
    _SUBCOUNT_BY_LAST.setdefault(_words_s[-1], []).append(_words_s)


def _closing(sent: Sentence, k: int, opener: str) -> int:
    """Index of the mark that closes an aside opened at ``k``, or -1."""
    closer = {"(": ")", ",": ","}.get(opener, opener)
    for j in range(k + 1, min(sent.n, k + _APPOSITIVE_WINDOW)):
        t = sent.text(j)
        if t == closer or (opener in DASHES and t in DASHES):
            return j
        if t in _BOUNDARY:
            return -1
    return -1


def _group_end_in_aside(sent: Sentence, start: int, stop: int) -> int:
    """Last noun-phrase token of an aside like ", mostly conscripts fighting for X,"."""
    last = -1
    for j in range(start, stop):
        tok = sent.toks[j]
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS:
                continue
            break
        lw = tok.lower
        if is_participle(lw) or (lw in PREPOSITIONS and lw != "of") or sent.verbish(j):
            break
        if lw in ("who", "which", "that"):
            break
        last = j
    return last


class _Scan:
    """State of one forward scan from a number to its predicate."""

    def __init__(self) -> None:
        self.group_first = -1
        self.group_last = -1
        self.after_attributive = -1  # group restarts after "wounded" in "his wounded men"
        self.hedged = False
        self.negated = False
        self.thing = False
        self.confirmed = False  # "were confirmed killed"

    def add(self, k: int) -> None:
        if self.group_first < 0:
            self.group_first = k
        self.group_last = k

    def group(self) -> tuple[int, int] | None:
        if self.group_first < 0:
            return None
        first = max(self.group_first, self.after_attributive)
        return (first, self.group_last) if first <= self.group_last else None


def _finish(
    sent: Sentence, scan: _Scan, outcome: Outcome, pred: int, last: int, *, auxiliary: bool
) -> Link | None:
    """Checks after the predicate: active voice, negation, a second predicate, a
    qualifier after it (``were killed at the most``)."""
    if scan.thing:
        return None
    word = sent.low(pred)
    if word == "buried" and sent.low(last + 1) in _UNDER and _present(sent, pred):
        outcome = M  # "dozens are buried under the mud": trapped, not yet found dead
    if (
        not auxiliary
        and word in TRANSITIVE_PARTICIPLES
        and last == pred
        and sent.starts_object(pred + 1)
    ):
        return None  # "500 fighters killed 20 civilians": the number is the agent
    if scan.negated and not any(
        sent.low(j) in ("but", "instead", "rather") for j in range(last + 1, min(sent.n, last + 25))
    ):
        return None
    also = None
    if sent.low(last + 1) in ("or", "and"):
        second = sent.low(last + 2)
        other = VICTIM_PREDICATES.get(second) or NOMINAL_PREDICATES.get(second)
        if other is not None and other is not outcome:
            also = other
    post = None
    words = [sent.low(last + j) for j in range(1, 4)]
    if words[:3] == ["at", "the", "most"] or words[:2] == ["at", "most"]:
        post = Qualifier.AT_MOST
    elif words[:2] == ["at", "least"]:
        post = Qualifier.AT_LEAST
    elif scan.confirmed or sent.low(pred) in AT_LEAST_VERBS or words[0] in AT_LEAST_VERBS:
        # "were confirmed killed", "had been confirmed dead", "one death confirmed":
        # a count of confirmed cases is a floor
        post = Qualifier.AT_LEAST
    return Link(outcome, pred, scan.group(), also, scan.hedged, post)


def _present(sent: Sentence, pred: int) -> bool:
    """Whether the predicate at ``pred`` is in the present: ``are (still) buried``."""
    k = pred - 1
    while sent.low(k) in PREDICATE_ADVERBS:
        k -= 1
    return sent.low(k) in ("is", "are", "remain", "remains")


def _verb_phase(sent: Sentence, k: int, scan: _Scan) -> Link | None:
    """After the subject: relative pronoun, auxiliaries, adverbs, then the predicate."""
    auxiliary = False
    relative = sent.low(k) in RELATIVE_PRONOUNS
    if relative:
        k += 1
    for j in range(k, min(sent.n, k + _VERB_WINDOW)):
        tok = sent.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS:
                continue
            return None
        multi = sent.multiword(j)
        if multi is not None:
            return _finish(sent, scan, multi[0], j, multi[1], auxiliary=True)
        if lw in VICTIM_PREDICATES:
            return _finish(sent, scan, VICTIM_PREDICATES[lw], j, j, auxiliary=auxiliary)
        if lw in AUXILIARIES or lw in COPULAS or lw in ("to", "have"):
            auxiliary = True
            continue
        if lw in MODALS_HEDGED:
            scan.hedged = True
            auxiliary = True
            continue
        if lw in MODALS_OTHER:
            return None  # future or hypothetical
        if lw in NEGATIONS:
            scan.negated = True
            continue
        if (
            lw in _TREAT_VERBS
            and auxiliary
            and any(sent.low(x) in _TREATMENT_AFTER for x in range(j + 1, min(sent.n, j + 7)))
        ):
            # "two firefighters were treated on site for minor injuries": hurt
            return _finish(sent, scan, W, j, j, auxiliary=True)
        if lw in _PASSIVE_REPORT and auxiliary:
            if lw != "reported" and lw != "confirmed":
                scan.hedged = True
            scan.confirmed = scan.confirmed or lw == "confirmed"
            continue
        if lw in PREDICATE_ADVERBS:
            if lw in HEDGE_ADVERBS:
                scan.hedged = True
            continue
        if lw == "among" and auxiliary:
            # "were among the dead", "were among the Bolivian dead"
            nxt = j + 1 + (sent.low(j + 1) in ("the", "those"))
            for x in range(nxt, min(sent.n, nxt + 3)):
                outcome = NOMINAL_PREDICATES.get(sent.low(x)) or (
                    K if sent.low(x) == "victims" else None
                )
                if outcome is not None:
                    return _finish(sent, scan, outcome, x, x, auxiliary=True)
                if not np_word(sent, x):
                    break
        if lw in REPORTING_VERBS or lw in SUBORDINATORS or not sent.is_word(j):
            return None
        return _beyond(sent, j, scan, relative=relative)
    return None


def _beyond(sent: Sentence, verb: int, scan: _Scan, *, relative: bool) -> Link | None:
    """The predicate past another verb of the same subject: a second verb phrase
    (``three gunmen had fled into a house and were killed there``), or the main verb
    after a relative clause (``none of the guards who went in died``)."""
    for x in range(verb + 1, min(sent.n, verb + _BEYOND_WINDOW)):
        tok = sent.toks[x]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS:
                continue
            return None
        if (
            x in sent.covered
            or lw in REPORTING_VERBS
            or lw in SUBORDINATORS
            or lw in RELATIVE_PRONOUNS
            or lw in MODALS_OTHER
        ):
            return None
        if lw == "and":
            k = x + 1
            auxiliary = False
            while sent.low(k) in AUXILIARIES or sent.low(k) in PREDICATE_ADVERBS:
                auxiliary = auxiliary or sent.low(k) in AUXILIARIES
                k += 1
            multi = sent.multiword(k)
            if multi is not None:
                return _finish(sent, scan, multi[0], k, multi[1], auxiliary=True)
            outcome = VICTIM_PREDICATES.get(sent.low(k))
            if outcome is None:
                return None
            return _finish(sent, scan, outcome, k, k, auxiliary=auxiliary)
        before = sent.low(x - 1)
        after_noun = sent.is_word(x - 1) and not (
            before in PREPOSITIONS or before in AUXILIARIES or before in ("and", "or", "to", "not")
        )
        if relative and after_noun and lw in VICTIM_PREDICATES:
            return _finish(sent, scan, VICTIM_PREDICATES[lw], x, x, auxiliary=False)
        if relative and after_noun and lw in AUXILIARIES:
            return _verb_phase(sent, x, scan)  # "the tourists who stayed there were hurt"
    return None


def _postmodifier_phase(sent: Sentence, k: int, scan: _Scan) -> Link | _Coordinated | None:
    """A participle or prepositional phrase between the victims and the predicate:
    ``two men fighting informally with pro-government forces were killed``, ``37
    hostages from eight countries and one worker died`` (a number in the phrase counts
    what it names; a number after "and" is a second subject)."""
    skip_to = -1
    for j in range(k, min(sent.n, k + _POSTMOD_WINDOW)):
        if j <= skip_to:
            continue
        tok = sent.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in QUOTE_MARKS or tok.text in "-/&'":
                continue
            return None
        if j in sent.starts and sent.low(j - 1) in PREPOSITIONS:
            skip_to = sent.starts[j].last  # "from eight countries"
            continue
        if lw in ("and", "or") and (j + 1) in sent.starts:
            return _Coordinated(j + 1)
        if j in sent.covered:
            return None
        if tok.kind is not TokenKind.WORD:
            if tok.kind is TokenKind.NUM:
                continue  # a name with a number: "on board Flight 17", "an Airbus 320-200"
            return None
        multi = sent.multiword(j)
        if multi is not None:
            return _finish(sent, scan, multi[0], j, multi[1], auxiliary=True)
        if lw in VICTIM_PREDICATES and j > k:
            return _finish(sent, scan, VICTIM_PREDICATES[lw], j, j, auxiliary=False)
        if (
            lw in AUXILIARIES
            or lw in COPULAS
            or lw in MODALS_HEDGED
            or lw in MODALS_OTHER
            or lw in RELATIVE_PRONOUNS
        ):
            return _verb_phase(sent, j, scan)
        if lw in SUBORDINATORS or (lw in REPORTING_VERBS and lw not in ("reporting",)):
            return None
        if j > k and sent.verbish(j):
            return None
    return None


def _forward(sent: Sentence, m: Mention) -> Link | _Coordinated | None:
    """The number as the subject (or head) of a casualty predicate after it."""
    if sent.low(m.first - 1) in _PLACE_PREPOSITIONS and np_word(sent, m.first - 2):
        return None  # "hostages from eight countries were killed": what the phrase names
    scan = _Scan()
    k = m.last + 1
    partitive = sent.low(k) == "of"
    if partitive:
        k += 1
        j = k
        while sent.low(j) in PARTITIVE_DETERMINERS:
            j += 1
        if j in sent.partitive:
            k = sent.starts[j].last + 1  # "40 of the roughly 300 residents were killed"
    steps = 0
    while k < sent.n and steps < NP_WINDOW:
        tok = sent.toks[k]
        lw = tok.lower
        if k in sent.starts:
            return None
        if tok.kind is TokenKind.PUNCT:
            t = tok.text
            if t in QUOTE_MARKS:
                k += 1
                continue
            if t == "," and (k + 1) in sent.starts:
                close = _closing(sent, k, t)
                if close < 0 or not _appositive(sent, k + 1, close):
                    return _Coordinated(k + 1)
            if t in (",", "(") or t in DASHES:
                return _aside(sent, k, scan)
            return None
        if tok.kind is not TokenKind.WORD:
            return None
        if m.zero and k <= m.last + 3 and lw in NO_DATA_NOUNS and sent.low(k + 1) == "of":
            scan = _Scan()  # "no (immediate) reports of injuries": a count of none
            k += 2
            continue
        if lw in ("and", "or") and (k + 1) in sent.starts:
            return _Coordinated(k + 1)
        if (
            lw == "as"
            and sent.low(k + 1) == "well"
            and sent.low(k + 2) == "as"
            and (k + 3) in sent.starts
        ):
            return _Coordinated(k + 3)
        if lw == "lives" and (
            sent.low(m.first - 1) in _LIFE_TAKERS
            or sent.low(k + 1) == "lost"
            or (
                sent.low(k + 1) in ("were", "have", "had")
                and "lost" in (sent.low(k + 2), sent.low(k + 3))
            )
        ):
            return Link(K, k, scan.group())
        multi = sent.multiword(k)
        if multi is not None:
            return _finish(sent, scan, multi[0], k, multi[1], auxiliary=True)
        if (
            lw in ATTRIBUTIVE_PREDICATES
            and np_word(sent, k + 1)
            and sent.low(k + 1) not in NOMINAL_PREDICATES
            and sent.low(k + 1) not in VICTIM_PREDICATES
        ):
            # "dozens of his wounded men": the adjective is the predicate, unless a
            # verb says what happened to them ("three wounded soldiers died later")
            scan.add(k)
            end = k + 1
            while (
                end < sent.n
                and np_word(sent, end)
                and sent.low(end) not in VICTIM_PREDICATES
                and end - k < 5
            ):
                scan.thing = scan.thing or sent.low(end) in THING_NOUNS
                scan.add(end)
                end += 1
            if scan.thing:
                return None
            later = _verb_phase(sent, end, _Scan())
            if later is not None and later.outcome is not ATTRIBUTIVE_PREDICATES[lw]:
                return Link(later.outcome, later.predicate, (k, end - 1), later.also, later.hedged)
            scan.after_attributive = k + 1
            return Link(ATTRIBUTIVE_PREDICATES[lw], k, scan.group())
        if lw in NOMINAL_PREDICATES or lw in VICTIM_PREDICATES:
            outcome = NOMINAL_PREDICATES.get(lw) or VICTIM_PREDICATES[lw]
            if sent.low(k - 1) == "the" and sent.low(k - 2) == "of":
                # "one of the wounded later died": the noun names the group; a later
                # predicate, if any, says what happened to them
                later = _verb_phase(sent, k + 1, _Scan())
                if later is not None and later.outcome is not outcome:
                    return Link(later.outcome, later.predicate, None, later.also, later.hedged)
            if partitive:
                # "12 of those killed were foreign nationals", "two of the 12 people
                # killed were children": the complement names them; "seven of the 30
                # miners trapped were brought out alive": they are not among them
                if _survive(sent, k + 1):
                    return None
                named = _complement(sent, k + 1)
                if named is not None:
                    return Link(outcome, k, named)
            return _finish(sent, scan, outcome, k, k, auxiliary=False)
        if lw in THING_NOUNS and not tok.text[:1].isupper():
            scan.thing = True
        if (
            lw == "as"
            and sent.low(k + 1) in _AS_PREDICATES
            and (scan.group_last < 0 or sent.low(scan.group_last) in PEOPLE_NOUNS)
        ):
            # "listed 31 sailors as missing", "declared 30 soldiers as dead"
            return Link(_AS_PREDICATES[sent.low(k + 1)], k + 1, scan.group())
        if (
            lw in AUXILIARIES
            or lw in COPULAS
            or lw in MODALS_HEDGED
            or lw in MODALS_OTHER
            or lw in RELATIVE_PRONOUNS
        ):
            return _verb_phase(sent, k, scan)
        if lw in PREDICATE_ADVERBS and lw not in ("all", "both", "each"):
            return _verb_phase(sent, k, scan)
        if is_participle(lw) or (lw in PREPOSITIONS and lw != "of"):
            if scan.thing:
                return None
            found = _postmodifier_phase(sent, k, scan)
            if isinstance(found, _Coordinated):
                return found
            if found is not None and found.group is None and m.zero:
                # "nobody in the school was hurt", "no one sleeping there had died"
                found = regroup(found, (k, _postmodifier_end(sent, k, found.predicate)))
            elif found is not None and found.group is not None and names_more(sent, k):
                # "four patients with chronic conditions died", "two rescuers from the
                # Civil Defence Agency died"
                end = _postmodifier_end(sent, k, found.predicate)
                found = regroup(found, (found.group[0], end))
            return found
        if lw in ("and", "or", "of"):
            if not np_word(sent, k + 1) and sent.low(k + 1) not in ("the", "a", "an"):
                return None
            k += 1
            continue
        if lw in _RELATIVE_SUBJECTS and scan.group_first >= 0 and not scan.thing:
            return _contact_relative(sent, k, scan)
        if not np_word(sent, k):
            if scan.group_first >= 0 and sent.verbish(k) and not scan.thing:
                return _beyond(sent, k, scan, relative=False)  # "30 gunmen fled and died"
            return None
        if lw not in NP_OPENERS or scan.group_first >= 0:
            scan.add(k)
        k += 1
        steps += 1
    return None


def _contact_relative(sent: Sentence, pronoun: int, scan: _Scan) -> Link | None:
    """A relative clause with no "that", opened by its subject: its verb may say what
    befell the victims (``14 friends I had lost``, ``the two men they shot``), else
    the main verb follows it (``none of the teams it had sent below had been hurt``)."""
    j = pronoun + 1
    while sent.low(j) in AUXILIARIES or sent.low(j) in PREDICATE_ADVERBS:
        j += 1
    verb = sent.low(j)
    head = sent.low(scan.group_last)
    if verb in TRANSITIVE_VERBS or (verb in _LOSE_VERBS and head in PEOPLE_NOUNS):
        outcome = TRANSITIVE_VERBS.get(verb, K)
        return Link(outcome, j, scan.group(), hedged=scan.hedged)
    for x in range(j + 1, min(sent.n, j + _VERB_WINDOW)):
        if sent.low(x) in AUXILIARIES or sent.low(x) in VICTIM_PREDICATES:
            return _verb_phase(sent, x, scan)
        if not sent.is_word(x) or sent.verbish(x):
            return None
    return None


def _survive(sent: Sentence, k: int) -> bool:
    """Whether the clause from ``k`` says its subject came out alive: ``were brought
    out alive``, ``survived``, ``were rescued``."""
    for j in range(k, min(sent.n, k + _POSTMOD_WINDOW)):
        if sent.low(j) in _SURVIVAL_WORDS:
            return True
        if sent.text(j) in _BOUNDARY or sent.text(j) == ",":
            return False
    return False


def _postmodifier_end(sent: Sentence, k: int, predicate: int) -> int:
    """Last token of a postmodifier that starts at ``k`` and ends before the verb."""
    end = k
    for j in range(k, min(predicate, sent.n)):
        lw = sent.low(j)
        if (
            lw in AUXILIARIES
            or lw in MODALS_HEDGED
            or lw in MODALS_OTHER
            or lw in RELATIVE_PRONOUNS
            or lw in PREDICATE_ADVERBS
            or sent.toks[j].kind is TokenKind.PUNCT
        ):
            break
        end = j
    return end


def _complement(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The noun phrase after a copula at ``k``: ``were foreign nationals``, ``might
    have been bystanders``, ``were students at the State University``."""
    if sent.low(k) in MODALS_HEDGED:
        k += 1 + (sent.low(k + 1) == "have")
    elif sent.low(k) in ("been", "be"):
        return None
    if sent.low(k) not in ("were", "was", "are", "is", "been", "be"):
        return None
    first = k + 1
    last = first - 1
    for j in range(first, min(sent.n, first + 10)):
        lw = sent.low(j)
        if lw in ("at", "from", "of") and last >= first and names_more(sent, j):
            continue  # "students at the State University": who they are
        if not np_word(sent, j) or lw in VICTIM_PREDICATES or lw in NOMINAL_PREDICATES:
            break
        if (lw.endswith(("ed", "ing")) or lw in IRREGULAR_PARTICIPLES) and not sent.text(j)[
            :1
        ].isupper():
            return None  # a passive, "were treated in car parks", "were flown out", names nobody
        if lw in NP_OPENERS and last < first:
            first = j + 1
            continue
        last = j
    return (first, last) if first <= last else None


def _aside(sent: Sentence, k: int, scan: _Scan) -> Link | None:
    """An aside inside the subject: ``, mostly civilians,`` / ``— including 5 —`` / ``(...)``."""
    opener = sent.text(k)
    first_word = sent.low(k + 1)
    if opener == "," and first_word in ("who", "which"):
        # ", who had been repairing the roof, were killed": the predicate may stand in
        # the relative clause or after it
        inner = _verb_phase(sent, k + 1, scan)
        if inner is not None:
            return inner
    close = _closing(sent, k, opener)
    if close < 0:
        return None
    if (
        opener == ","
        and not is_participle(first_word)
        and first_word not in ("who", "which")
        and first_word not in APPOSITIVE_GROUP_OPENERS
        and first_word not in _ASIDE_OPENERS
        and not _appositive(sent, k + 1, close)
    ):
        return None
    if first_word in APPOSITIVE_GROUP_OPENERS and scan.group_first >= 0:
        end = _group_end_in_aside(sent, k + 1, close)
        if end > k + 1:
            scan.group_last = end
    if scan.thing:
        return None
    nxt = close + 1
    if sent.low(nxt) in ("and", "or") and (nxt + 1) in sent.starts:
        return None
    return _verb_phase(sent, nxt, scan)


def _appositive(sent: Sentence, first: int, close: int) -> bool:
    """An aside that renames the subject or gives a part of it, with no verb:
    ``one, a local man, was killed``, ``one, John Smith, was captured``,
    ``twelve soldiers, three of them medics, were killed``."""
    if first >= close:
        return False
    if first in sent.starts:
        m = sent.starts[first]
        return sent.low(m.last + 1) == "of" and sent.low(m.last + 2) in ("them", "whom", "those")
    if not (sent.text(first)[:1].isupper() or sent.low(first) in ("a", "an")):
        return False
    return all(
        sent.is_word(x) and not sent.verbish(x) and x not in sent.covered
        for x in range(first, close)
    )


def _object(sent: Sentence, m: Mention) -> Link | None:
    """The number as the object of a casualty verb before it."""
    k = m.first - 1
    while k >= 0 and sent.text(k) in QUOTE_MARKS:
        k -= 1
    if sent.low(k) in _FURTHER or (sent.low(k) == "further" and sent.low(k - 1) == "a"):
        k -= 1 + (sent.low(k - 1) in ("a", "an"))  # "wounded another 17", "killed a further 9"
    if k < 0:
        return None
    lw = sent.low(k)
    outcome = TRANSITIVE_VERBS.get(lw)
    if lw == "dead" and sent.low(k - 1) == "shot":
        outcome = K
    if lw == "down" and sent.low(k - 1) == "gunned":
        outcome = K
    if outcome is None and lw == "of" and sent.low(k - 1) in OF_NOUNS:
        outcome = OF_NOUNS[sent.low(k - 1)]
        k -= 1
    if outcome is None and lw in _LOSE_VERBS:
        # "the army had lost 34 soldiers": lost people are dead, lost tanks are not
        group, thing = object_np(sent, m.last + 1)
        if thing or group is None or sent.low(group[1]) not in PEOPLE_NOUNS:
            return None
        return Link(K, k, group)
    if outcome is None and lw in ("and", ","):
        # "took a priest, his driver and a dozen worshippers hostage"
        verb = next(
            (
                x
                for x in range(k - 1, max(-1, k - NP_WINDOW - 4), -1)
                if sent.low(x) in _HOLD_VERBS or sent.text(x) in _BOUNDARY
            ),
            -1,
        )
        if verb >= 0 and sent.low(verb) in _HOLD_VERBS:
            held = _held(sent, m, verb)
            if held is not None:
                return held
    if outcome is None and lw in _HOLD_VERBS:
        held = _held(sent, m, k)
        if held is not None or lw not in _CARRY_VERBS:
            return held
    if outcome is None and lw in AT_LEAST_VERBS:
        # "police have named 12 victims", "identified 30 of the dead"
        group, thing = object_np(sent, m.last + 1)
        head = sent.low(group[1]) if group else sent.low(m.last + 1)
        if thing or head not in ("victims", "dead"):
            return None
        return Link(K, k, group)
    if outcome is None and lw in _CARRY_VERBS:
        return _to_hospital(sent, m, k)
    if outcome is None and lw in _TREAT_VERBS:
        # "hospitals treated more than 300 people": people treated were hurt
        group, thing = object_np(sent, m.last + 1)
        head = sent.low(group[1]) if group else ""
        if thing or not (head in PEOPLE_NOUNS or head in ("patients", "wounded", "injured")):
            return None
        return Link(W, k, group)
    if outcome is None:
        return None
    group, thing = object_np(sent, m.last + 1)
    if thing:
        return None
    # "killed and wounded dozens": killed and wounded not told apart
    other = TRANSITIVE_VERBS.get(sent.low(k - 2)) if sent.low(k - 1) in ("and", "or") else None
    if other is not None and {other, outcome} == {K, W}:
        outcome = C
    return Link(outcome, k, group)


_PRONOUN_GROUPS = frozenset(["them", "whom", "those", "it", "they", "which", "these"])


def _held(sent: Sentence, m: Mention, verb: int) -> Link | None:
    """``holding 40 tourists hostage``, ``took 30 engineers captive``: the
    people the verb holds as hostages."""
    for j in range(m.last + 1, min(sent.n, m.last + NP_WINDOW)):
        lw = sent.low(j)
        if lw in _HOSTAGE_WORDS:
            # "holding 40 tourists hostage"; "holding 40 hostages": the hostages
            group = (m.last + 1, j - 1) if j > m.last + 1 else (j, j)
            return Link(Outcome.CAPTURED, j, group)
        if not np_word(sent, j) and lw not in ("and", "or"):
            return None
    return None


def _to_hospital(sent: Sentence, m: Mention, verb: int) -> Link | None:
    """``ambulances took 20 patients to hospital``, ``rushed 12 people to three
    hospitals``: the people carried to hospital were hurt."""
    j = m.last + 1
    while j < min(sent.n, m.last + NP_WINDOW) and sent.low(j) != "to" and np_word(sent, j):
        if sent.low(j) in THING_NOUNS:
            return None
        j += 1
    if sent.low(j) != "to":
        return None
    group = (m.last + 1, j - 1) if j > m.last + 1 else None
    for x in range(j + 1, min(sent.n, j + 4)):
        if sent.low(x) in ("hospital", "hospitals"):
            return Link(W, verb, group)
        if not (sent.low(x) in ("a", "the", "local", "nearby", "several") or x in sent.covered):
            return None
    return None


def _with_group(sent: Sentence, m: Mention, link: Link) -> Link:
    """Drop a pronoun group ("64 of them"); a toll's number may name the victims after it."""
    group = link.group
    if group is not None and group[0] == group[1] and sent.low(group[0]) in _PRONOUN_GROUPS:
        group = None
    if group is None and link.predicate < m.first:
        group, thing = object_np(sent, m.last + 1)
        if thing:
            group = None
    if group == link.group:
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


def _modifiers_before(sent: Sentence, anchor: int) -> tuple[int, int] | None:
    """Words naming the victims right before a toll noun: ``civilian fatalities``."""
    last = anchor - 1
    while last >= 0 and sent.low(last) in TOLL_MODIFIERS:
        last -= 1
    first = last + 1
    j = last
    while j >= 0 and anchor - j <= 4 and np_word(sent, j) and sent.low(j) not in NP_OPENERS:
        if (
            sent.low(j) in COUNT_NOUNS
            or sent.low(j) in TOLL_ADJECTIVES
            or sent.low(j) in AT_LEAST_VERBS
        ):
            break  # "the real toll", "the verified toll": which count, not whose
        first = j
        j -= 1
    if first > last:
        return None
    for x in range(first, last + 1):
        # "Harbour blast toll": the modifiers name the incident, not the victims
        word = sent.text(x)
        if sent.low(x).removesuffix("'s").removesuffix("’s") in EVENT_NOUNS:
            return None  # "the quake's toll"
        if word[:1].isupper() and not word.lower().endswith(_DEMONYM_ENDINGS):
            return None
    return first, last


def _above(link: Link, qualifier: Qualifier | None) -> Link:
    """``the toll exceeded 50``: more than the number."""
    if qualifier is None:
        return link
    return Link(
        link.outcome,
        link.predicate,
        link.group,
        link.also,
        link.hedged,
        qualifier,
        link.needs_context,
    )


def _toll(sent: Sentence, m: Mention) -> Link | None:
    """The number as the value of a toll: ``the death toll ... at about 100``."""
    k = m.first - 1
    while k >= 0 and sent.text(k) in QUOTE_MARKS:
        k -= 1
    if sent.low(k) == "the" and sent.low(k - 1) == "into" and m.qualifier is Qualifier.VAGUE:
        k -= 1  # "the toll could run into the thousands"
    if k < 0 or sent.low(k) not in TOLL_LINKS or sent.low(k - 1) in _NOT_TOLL_BEFORE_LINK:
        return None
    # a preposition links only within its clause; a verb ("stood at") may cross an aside
    crosses_commas = sent.low(k) not in ("at", "to", "of") or sent.low(k - 1) in _TOLL_VERBS
    above = Qualifier.MORE_THAN if sent.low(k) in _ABOVE_LINKS else None
    j = k - 1
    while j >= 0 and k - j <= _TOLL_WINDOW:
        tok = sent.toks[j]
        lw = tok.lower
        if (j in sent.covered and j not in sent.definite) or tok.text in _BOUNDARY - {":"}:
            return None
        if tok.text == "," and not crosses_commas:
            # "put civilian casualties, killed and wounded together, at 200": an aside
            opened = next((x for x in range(j - 1, max(-1, j - 8), -1) if sent.text(x) == ","), -1)
            if opened < 1 or not (
                sent.low(opened - 1) in TOLL_NOUNS or sent.low(opened - 1) in COUNT_NOUNS
            ):
                return None
            j = opened - 1
            continue
        if lw in _ANAPHORS and j >= k - 4 and object_np(sent, m.last + 1)[0] is None:
            # "It stood at 131", "raised this to 978", "corrected it within hours to
            # 231": the toll named before (not "it passed 30 villages")
            anaphoric = _anaphoric_toll(sent, j, k)
            if anaphoric is not None:
                return _above(anaphoric, above)
        if (
            lw in REPORTING_VERBS
            and lw not in TOLL_REPORTING_VERBS
            and lw not in COUNT_NOUNS  # "Published estimates run from ...": a noun
            and tok.kind is TokenKind.WORD
        ):
            return None
        if lw == "toll":
            outcome = TOLL_MODIFIERS.get(sent.low(j - 1), K)
            group = _modifiers_before(sent, j - 1 if sent.low(j - 1) in TOLL_MODIFIERS else j)
            if above is None and any(sent.low(x) in AT_LEAST_VERBS for x in range(j - 3, j)):
                above = Qualifier.AT_LEAST  # "the confirmed toll rose to 85": a floor
            return _above(Link(outcome, j, group), above)
        if lw in ("fatalities", "deaths", "casualties", "injuries") or (
            lw in ("dead", "injured", "wounded", "missing") and sent.low(j - 1) == "the"
        ):
            if sent.low(j + 1) == "of" and j + 2 == m.first:
                return None  # "deaths of 30": read as an object
            if (
                lw in ("dead", "injured", "wounded", "missing")
                and sent.low(j - 2) == "of"
                and sent.low(k) in AUXILIARIES
            ):
                return None  # "most of the dead were over 70": who they were, not how many
            if above is None and any(sent.low(x) in AT_LEAST_VERBS for x in range(j - 2, j)):
                above = Qualifier.AT_LEAST  # "confirmed deaths: 1,204"
            return _above(Link(TOLL_NOUNS.get(lw, W), j, _modifiers_before(sent, j)), above)
        if lw in COUNT_NOUNS:
            for x in range(j + 1, min(j + 6, k)):
                word = sent.low(x)
                found = (
                    K if word == "victims" else TOLL_NOUNS.get(word) or VICTIM_PREDICATES.get(word)
                )
                if found is not None:
                    outcome = found
                    group = None
                    if sent.low(j + 1) == "of" and x - 1 >= j + 2:
                        group = (j + 2 + (sent.low(j + 2) in ("the",)), x - 1)
                        if group[0] > group[1]:
                            group = None
                    return _above(Link(outcome, x, group), above)
            before = sent.low(j - 1)
            if before in ("death", "body"):
                return _above(Link(K, j, None), above)
            if before == "casualty":
                return _above(Link(C, j, None), above)
            d = j - 1
            while (
                d > j - 3
                and sent.low(d) not in _COUNT_DETERMINERS
                and sent.low(d) != "a"
                and np_word(sent, d)
            ):
                d -= 1  # "the final count", "the official overall figure"
            opens = j <= 2 and lw.endswith("s") and all(sent.is_word(x) for x in range(j))
            if (
                sent.low(d) in _COUNT_DETERMINERS
                or (sent.low(d) == "a" and sent.low(d - 1) in REPORTING_VERBS)
                or opens
            ) and _bare_value(sent, m):
                # "the final count stood at 40", "cited a figure of 174", "Published
                # estimates run from 46,000 to 316,000": the toll named before
                return _above(Link(K, j, None, needs_context=True), above)
            return None
        j -= 1
    return None


def _bare_value(sent: Sentence, m: Mention) -> bool:
    """A toll's value names no other things: not ``a survey of 5,200 households``."""
    group, thing = object_np(sent, m.last + 1)
    if thing:
        return False
    if group is None:
        return True
    head = sent.low(group[1])
    return (
        head in PEOPLE_NOUNS
        or head in NOMINAL_PREDICATES
        or head == "victims"
        or sent.text(group[1])[:1].isupper()  # "up to 200 Russians"
    )


def _anaphoric_toll(sent: Sentence, pronoun: int, link: int) -> Link | None:
    """A pronoun for the toll named before, as the subject of a toll verb (``It stood
    at 131``, ``by then it had reached 135``) or the object of a revising verb
    (``raised this to 978``, ``corrected it within hours to 231``)."""
    if sent.low(pronoun - 1) in _REVISE_VERBS:
        return Link(K, pronoun - 1, None, needs_context=True)
    if sent.low(pronoun) != "it" or sent.low(pronoun - 1) in PREPOSITIONS:
        return None
    verb = pronoun + 1
    while verb < link and (sent.low(verb) in AUXILIARIES or sent.low(verb) in PREDICATE_ADVERBS):
        verb += 1
    word = sent.low(verb)
    if (
        verb == link
        and word in TOLL_LINKS
        and word not in PREPOSITIONS
        and word not in AUXILIARIES  # "it was one of the worst"
    ) or (verb == link - 1 and (word in _TOLL_VERBS or word in TOLL_LINKS)):
        return Link(K, verb, None, needs_context=True)
    return None


def _inverted_toll(sent: Sentence, m: Mention, link: int) -> Link | None:
    """``This brings to 24 the number of victims``, ``raising to 30 the toll``: the
    count named after its new value."""
    if sent.low(link) != "to" or sent.low(link - 1) not in _REVISE_VERBS:
        return None
    k = m.last + 1
    if sent.low(k) not in _COUNT_DETERMINERS:
        return None
    k += 1
    while k < m.last + 5 and sent.low(k) not in COUNT_NOUNS and np_word(sent, k):
        k += 1
    if sent.low(k) not in COUNT_NOUNS:
        return None
    if sent.low(k + 1) != "of":
        return Link(K, k, None, needs_context=sent.low(k) != "toll")
    # "the number of victims", "of people killed"; not "the number of attacks"
    first = k + 2 + (sent.low(k + 2) == "the")
    for x in range(first, min(sent.n, first + 6)):
        word = sent.low(x)
        found = (
            K if word == "victims" else NOMINAL_PREDICATES.get(word) or VICTIM_PREDICATES.get(word)
        )
        if found is not None:
            return Link(found, x, (first, x) if word == "victims" else None)
        if not (np_word(sent, x) or sent.low(x) in RELATIVE_PRONOUNS or sent.low(x) in AUXILIARIES):
            break
    return None


def _field(doc: Doc, sentence: int) -> Outcome | None:
    """The outcome a label gives: an infobox field's (``Deaths: 40``), or a list
    item's bold label for the sentence it opens (``**Missing:** 150 workers ...``)."""
    block = doc.block_of(sentence)
    if block.kind is BlockKind.LIST_ITEM:
        if block.label_end < 0 or doc.sentences[sentence].start > block.label_end:
            return None
    elif block.kind is not BlockKind.FIELD:
        return None
    label_start = block.label_start if block.label_start >= 0 else block.start
    label = doc.text[label_start : block.label_end].lower()
    for stem, outcome in _FIELD_OUTCOMES:
        if stem in label:
            return outcome
    return None


def _field_floor(doc: Doc, sentence: int) -> bool:
    """A field labelled as a count of confirmed cases: ``Confirmed deaths:``."""
    block = doc.block_of(sentence)
    label_start = block.label_start if block.label_start >= 0 else block.start
    return any(
        word.strip(",:()").lower() in AT_LEAST_VERBS
        for word in doc.text[label_start : block.label_end].split()
    )


def _subcount_cue(sent: Sentence, m: Mention) -> bool:
    """``including 45``, ``among them two``, ``six of them``, and a number opening
    a bracket after a figure: ``87 killed (40 from disease)``."""
    if sent.text(m.first - 1) == "(" and any(
        x in sent.covered for x in range(max(0, m.first - 4), m.first - 1)
    ):
        return True
    for words in _SUBCOUNT_BY_LAST.get(sent.low(m.first - 1), ()):
        start = m.first - len(words)
        if start >= 0 and all(sent.low(start + j) == w for j, w in enumerate(words)):
            return True
    return sent.low(m.last + 1) == "of" and sent.low(m.last + 2) in (
        "them",
        "whom",
        "which",
        "those",
    )


def _listed_after(sent: Sentence, before: Mention, m: Mention) -> bool:
    """Whether ``m`` is the next item of a list after ``before`` and its noun:
    ``20 soldiers and 10 civilians``, ``five Danes, four Swedes``."""
    group, _ = object_np(sent, before.last + 1)
    k = group[1] + 1 if group else before.last + 1
    if sent.text(k) == ",":
        k += 1
    if sent.low(k) in ("and", "or"):
        k += 1
    return k == m.first and k > before.last + 1


def _fronted_part(sent: Sentence, m: Mention) -> Link | None:
    """``Of the dead, 32 were children``, ``Among the injured, 12 were police``: a part
    of the casualties named before the comma; the complement says who they are."""
    k = m.first - 1
    if sent.text(k) != ",":
        return None
    noun = sent.low(k - 1)
    outcome = K if noun == "victims" else NOMINAL_PREDICATES.get(noun)
    if outcome is None or sent.low(k - 2) != "the" or sent.low(k - 3) not in ("of", "among"):
        return None
    if k - 3 > 0 and sent.text(k - 4) not in (",", ";", "and"):
        return None
    return Link(outcome, k - 1, _complement(sent, m.last + 1))


def _more_recovered(sent: Sentence, m: Mention) -> bool:
    """``another dozen were recovered downstream``, ``eight more were found on Tuesday``: more
    of what was counted before, the bodies recovered (the outcome comes from there)."""
    another = any(sent.low(x) in ("another", "further") for x in range(m.first - 1, m.core + 1))
    k = m.last + 1
    if sent.low(k) == "more":
        another, k = True, k + 1
    if not another or sent.low(k) not in AUXILIARIES:
        return False
    while sent.low(k) in AUXILIARIES or sent.low(k) in PREDICATE_ADVERBS:
        k += 1
    return sent.low(k) in RECOVERY_VERBS


def _implied_not(sent: Sentence, m: Mention) -> bool:
    """``the empty coffins did not mean that 30 people had died``: a figure the sentence
    says does not follow."""
    that = next(
        (x for x in range(m.first - 1, max(-1, m.first - 5), -1) if sent.low(x) == "that"), -1
    )
    if that < 1 or sent.low(that - 1) not in IMPLICATION_VERBS:
        return False
    return any(sent.low(x) in NEGATIONS for x in range(max(0, that - 4), that - 1))


def is_hypothetical(toks: list[Token]) -> bool:
    """A sentence that supposes or asks rather than reports: ``If so many had been
    killed``, ``To believe 200 were killed would mean ...``, ``Were 200 killed?``."""
    if any(t.text == "?" for t in toks[-3:]):
        return True
    words = [t.lower for t in toks if t.kind is TokenKind.WORD]
    if not words:
        return False
    if any(tuple(words[: len(opener)]) == opener for opener in HYPOTHETICAL_OPENERS):
        return True
    for i, word in enumerate(words):
        if word in _MODAL_HEADS:
            for phrase in HYPOTHETICAL_PHRASES:
                if tuple(words[i : i + len(phrase)]) == phrase:
                    return True
    return _inverted_conditional(toks)


_INVERTED_SUBJECTS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "it", "they", "we", "he", "she", "i"]
)


def _inverted_conditional(toks: list[Token]) -> bool:
    """``had the highway been cut earlier, 8,000 troops might have been trapped``: a
    counterfactual condition (``had`` before its subject) with a modal perfect."""
    lows = [t.lower for t in toks]
    if "had" not in lows:
        return False
    condition = any(
        w == "had"
        and i + 1 < len(lows)
        and lows[i + 1] in _INVERTED_SUBJECTS
        and (i == 0 or lows[i - 1] in ("that", ",", "and", "but"))
        for i, w in enumerate(lows)
    )
    if not condition:
        return False
    return any(
        w in ("would", "might", "could") and lows[i + 1 : i + 2] == ["have"]
        for i, w in enumerate(lows[:-1])
    )


def _candidate(
    m: Mention, sentence: int, link: Link, sent: Sentence, outcome: Outcome, *, part: bool
) -> Candidate:
    qualifier, low, high = qualified(m, link, sent)
    group = None
    if link.group is not None:
        first, last = link.group
        if sent.low(first) not in _PRONOUN_GROUPS:
            group = (sent.toks[first].start, sent.toks[last].end)
    return Candidate(
        mention=m,
        sentence=sentence,
        outcome=outcome,
        qualifier=qualifier,
        low=low,
        high=high,
        group=group,
        predicate=link.predicate,
        hedged=link.hedged,
        needs_context=link.needs_context,
        subcount=part or _subcount_cue(sent, m) or sent.low(m.first - 1) == "remaining",
    )


def link_sentence(doc: Doc, sentence: int, mentions: list[Mention]) -> list[Candidate]:
    """Candidates of one sentence: each number tied to its casualty predicate."""
    toks = doc.tokens(sentence)
    if is_hypothetical(toks):
        return []
    sent = Sentence(toks, mentions)
    field_outcome = _field(doc, sentence)
    links: dict[int, Link] = {}
    partners: dict[int, int] = {}
    survivors = {
        index
        for index, m in enumerate(mentions)
        if sent.low(m.first - 1) in _SURVIVOR_VERBS or _implied_not(sent, m)
    }  # "rescued 12 of those abducted": survivors, not a toll
    for index, m in enumerate(mentions):
        if index in survivors:
            continue
        found = _object(sent, m) or _inverted_toll(sent, m, m.first - 1)
        if found is None:
            forward = _forward(sent, m)
            if isinstance(forward, _Coordinated):
                # "the toll rose to 41, dozens still missing": a toll's value is
                # no coordinated subject
                found = _toll(sent, m)
                if found is None:
                    partners[index] = forward.partner
            else:
                found = forward
        if found is None and index not in partners:
            found = _toll(sent, m) or _fronted_part(sent, m)
        if found is None and index not in partners and field_outcome is not None:
            found = Link(field_outcome)
            if _field_floor(doc, sentence):
                found = _above(found, Qualifier.AT_LEAST)  # "Confirmed deaths: 1,204"
        if found is not None:
            links[index] = _with_group(sent, m, found)
    # coordinated numbers share the predicate found after the last of them
    by_first = {m.first: i for i, m in enumerate(mentions)}
    for index in sorted(partners, reverse=True):
        partner = by_first.get(partners[index])
        if sent.low(mentions[index].first - 1) in _PLACE_PREPOSITIONS:
            continue  # "hostages from eight countries and one worker died": no subject
        if partner is not None and partner in links and index not in links:
            shared = links[partner]
            m = mentions[index]
            group, thing = object_np(sent, m.last + 1)
            if not thing:
                links[index] = Link(
                    shared.outcome, shared.predicate, group, shared.also, shared.hedged
                )
    # a whole after "N of the": a figure only when its own noun phrase holds the
    # predicate ("two of the 12 people killed"), not the clause ("... were killed",
    # "one of the two women in the group died")
    for index, m in enumerate(mentions):
        link = links.get(index)
        if (
            link is not None
            and m.first in sent.partitive
            and link.predicate > m.last
            and (
                sent.low(link.predicate) not in _REDUCED_RELATIVES
                or any(
                    sent.low(x) in AUXILIARIES or sent.low(x) in MODALS_HEDGED
                    for x in range(m.last + 1, link.predicate)
                )
            )
        ):
            del links[index]
    share_predicates(sent, mentions, links, survivors)
    for index, m in enumerate(mentions):
        if index not in links and index not in survivors and _more_recovered(sent, m):
            links[index] = Link(K, -1, None, needs_context=True)
    # sub-counts take the outcome of the total stated before them; so do the numbers
    # listed with one ("including 20 soldiers and 10 civilians")
    last_linked = -1
    previous_part = -1
    parts: set[int] = set()
    for index, m in enumerate(mentions):
        if index in links:
            last_linked = index
            continue
        listed = previous_part == index - 1 and _listed_after(sent, mentions[index - 1], m)
        if (
            m.zero
            or last_linked < 0
            or index in survivors
            or not (listed or _subcount_cue(sent, m))
        ):
            continue
        head = links[last_linked]
        group, thing = object_np(sent, m.last + 1)
        if thing:
            continue
        head_mention = mentions[last_linked]
        post = (
            Qualifier.AT_LEAST
            if qualified(head_mention, head, sent)[0] is Qualifier.AT_LEAST
            else None
        )
        links[index] = Link(head.outcome, -1, group, None, head.hedged, post)
        previous_part = index
        parts.add(index)
    out: list[Candidate] = []
    for index, m in enumerate(mentions):
        link = links.get(index)
        if link is None:
            continue
        if m.zero and link.also is not None:
            out.append(_candidate(m, sentence, link, sent, link.outcome, part=False))
            out.append(_candidate(m, sentence, link, sent, link.also, part=False))
            continue
        outcome = link.outcome
        if link.also is not None and {outcome, link.also} == {K, W}:
            outcome = C
        out.append(_candidate(m, sentence, link, sent, outcome, part=index in parts))
    return out


def link_predicates(doc: Doc) -> None:
    """Pipeline component: candidates for every sentence with number mentions."""
    for sentence in sorted(doc.mentions):
        doc.candidates.extend(link_sentence(doc, sentence, doc.mentions[sentence]))
    _resolve_context(doc)


def _resolve_context(doc: Doc) -> None:
    """``the number could be up to 200``: the outcome of the figure just before."""
    kept: list[Candidate] = []
    previous: Candidate | None = None
    for cand in doc.candidates:
        if cand.needs_context:
            if previous is None or not cand.sentence - 3 <= previous.sentence <= cand.sentence:
                continue
            cand.outcome = previous.outcome
            cand.needs_context = False
        else:
            previous = cand
        kept.append(cand)
    doc.candidates = kept
