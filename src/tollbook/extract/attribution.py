"""Who asserts a figure and through whom: claimant, relay chain, stance, hedge and
the date of the claim.

Reporting cues of a sentence are found once: a reporting verb with its subject
(``X said``, ``X was quoted as saying``, ``, X said.``, ``, said X``), ``according
to X``, ``X, citing Y,``, ``Y told X``, ``X quoted Y as saying``, ``making claims
of``.  A figure takes the nearest cue before it in its clause, else the nearest
after it; a quotation takes the speaker outside it as a relay; a sentence with no
cue continues the account of the sentence before it; a heading that names an
account (``Government version``) is the last resort.  Headlines have no claimant.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from tollbook.extract.dates import resolve
from tollbook.extract.doc import BlockKind, Candidate, DateMention, Doc
from tollbook.extract.lexicon import (
    ACCOUNT_NOUNS,
    AUXILIARIES,
    DENY_WORDS,
    DISPUTE_WORDS,
    FINITE_VERBS,
    GENERIC_LISTENERS,
    HEDGE_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    WEEKDAYS,
    word_set,
)
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Stance

Span = tuple[int, int]  # character offsets

_QUOTES = frozenset('"“”″«»„')
_CLOSERS = frozenset(",;:()[]—–.!?")
_SUBJECT_WINDOW = 28
_DATE_WINDOW = 40
_CUE_SCAN = 40  # cues looked at after a figure before giving up
_NEAR_WINDOW = 15  # tokens either side of a figure read for stance and hedges
_SKIP_BEFORE_VERB = word_set("""
    also later earlier then previously initially officially repeatedly publicly further
    separately subsequently now already first again reportedly has have had was were is
    are be been being been only just still since recently originally similarly likewise
    """)
_STOP_IN_SUBJECT = word_set("""
    than because that when while where if although though whereas unless until since
    whether but
    """)
# Prepositions that open an adverbial aside: they start a chunk of their own.
_ASIDE_PREPOSITIONS = word_set("during despite following after before via through amid throughout")
_BE_FORMS = word_set("is are was were be been being am")
_PREPOSITION_LIKE = PREPOSITIONS | frozenset(["of", "for", "to"])
_ADVERBIAL_OPENERS = PREPOSITIONS | word_set("""
    additionally similarly meanwhile however moreover furthermore separately also then
    later earlier contrary notwithstanding shortly according yet still instead overall
    initially previously subsequently finally thus hence nevertheless nonetheless
    indeed besides elsewhere today yesterday tonight last this next and but so
    """)
_TIME_NOUNS = word_set(
    "day days week weeks month months year years morning afternoon evening night weekend hours time"
)
_PARTICIPLE_CUES = frozenset(
    [
        "saying",
        "claiming",
        "stating",
        "reporting",
        "alleging",
        "noting",
        "adding",
        "writing",
        "estimating",
        "citing",
        "quoting",
        "making",
        "putting",
        "confirming",
        "naming",
    ]
)
_GROUND_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "report",
        "reports",
        "rumors",
        "rumours",
        "allegations",
        "allegation",
        "estimate",
        "estimates",
        "figure",
        "figures",
        "toll",
        "tolls",
    ]
)
_CHAIN_VERBS = frozenset(["began", "begun", "continued", "went", "tried", "started", "to", "on"])


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue of a sentence."""

    position: int  # token index of the cue word
    speaker: Span | None
    relays: tuple[Span, ...] = ()  # outermost first
    post: bool = False  # the claim stands before the cue: ", X said."
    date: DateMention | None = None
    relay_only: bool = False  # "according to X" after a speaker's own cue
    either: bool = False  # "according to X" holds the claim before or after it


@dataclass(frozen=True, slots=True)
class Claim:
    claimant: str | None
    span: Span | None
    via: tuple[str, ...] = ()
    date: DateMention | None = None


_NO_CLAIM = Claim(None, None)


class _Reader:
    """Token helpers over one sentence."""

    def __init__(self, doc: Doc, sentence: int) -> None:
        self.doc = doc
        self.sentence = sentence
        self.toks: list[Token] = doc.tokens(sentence)
        self.n = len(self.toks)
        s = doc.sentences[sentence]
        self.dates = doc.dates_between(s.start, s.end)
        self.date_starts = [d.start for d in self.dates]
        self.date_tokens: set[int] = set()
        if self.dates:
            j = 0
            for k, tok in enumerate(self.toks):
                while j < len(self.dates) and self.dates[j].end <= tok.start:
                    j += 1
                if j < len(self.dates) and self.dates[j].start <= tok.start < self.dates[j].end:
                    self.date_tokens.add(k)

    def low(self, k: int) -> str:
        return self.toks[k].lower if 0 <= k < self.n else ""

    def text(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < self.n else ""

    def span(self, first: int, last: int) -> Span:
        return self.toks[first].start, self.toks[last].end

    def is_cap(self, k: int) -> bool:
        return 0 <= k < self.n and self.toks[k].text[:1].isupper()

    def date_in(self, first: int, last: int) -> DateMention | None:
        """The last date that starts within tokens ``first..last`` (at most 40 tokens)."""
        first = max(first, last - _DATE_WINDOW, 0)
        last = min(last, self.n - 1)
        if first > last or not self.dates:
            return None
        start, end = self.toks[first].start, self.toks[last].end
        i = bisect.bisect_left(self.date_starts, end) - 1
        if i >= 0 and self.dates[i].start >= start:
            return self.dates[i]
        return None


def _chunk_back(r: _Reader, end: int) -> int:
    """First token of the phrase that ends at ``end``, scanning back to a boundary."""
    first = end + 1
    j = end
    while j >= 0 and end - j < _SUBJECT_WINDOW:
        tok = r.toks[j]
        if tok.kind is TokenKind.PUNCT:
            if tok.text in _QUOTES or tok.text in _CLOSERS:
                break
            j -= 1
            continue
        if j in r.date_tokens or tok.kind is TokenKind.URL:
            break
        lw = tok.lower
        if lw in ("citing", "quoting"):
            first = j
            break
        if lw in _STOP_IN_SUBJECT or (
            (lw in REPORTING_VERBS or lw in FINITE_VERBS) and not r.is_cap(j)
        ):
            break
        if lw in _ASIDE_PREPOSITIONS:
            first = j
            break
        if lw in WEEKDAYS:
            break
        first = j
        if tok.text in ("The", "A", "An") and j > 0 and r.text(j - 1) not in _QUOTES:
            break  # a capitalized article mid-sentence opens a name
        j -= 1
    return first


def _is_adverbial(r: _Reader, first: int, last: int) -> bool:
    if first > last:
        return True
    lw = r.low(first)
    if lw in _ADVERBIAL_OPENERS or (lw.endswith("ly") and last == first):
        return True
    if (
        lw.endswith("ing")
        and first < last
        and (
            r.low(first + 1) in _PREPOSITION_LIKE
            or r.low(first + 1) in ("the", "a", "an", "this", "that")
        )
    ):
        return True  # "Relying on this report", "Speaking to reporters"
    return any(
        k in r.date_tokens or r.low(k) in _TIME_NOUNS or r.low(k) in WEEKDAYS
        for k in range(first, last + 1)
    )


def _has_list(r: _Reader, first: int, last: int) -> bool:
    return any(r.low(k) in ("and", "or") for k in range(first, last + 1))


def _subject(r: _Reader, verb: int, *, post: bool) -> tuple[Span | None, tuple[Span, ...]]:
    """The claimant before a reporting verb, and relays named beside it."""
    k = verb - 1
    while k >= 0 and (r.low(k) in _SKIP_BEFORE_VERB or r.low(k) in _CHAIN_VERBS):
        k -= 1
    comma_before_verb = k >= 0 and r.text(k) == ","
    if comma_before_verb:
        k -= 1
    if k < 0:
        return None, ()
    first = _chunk_back(r, k)
    if first > k:
        return None, ()
    if post:
        return _trim(r, first, k), ()
    chunks = [(first, k)]
    in_list = r.low(first) in ("and", "or") or _has_list(r, first, k)
    # walk back over comma-separated pieces that belong to the subject
    while True:
        head_first = chunks[0][0]
        before = head_first - 1
        if before < 1 or r.text(before) != ",":
            break
        prev_last = before - 1
        prev_first = _chunk_back(r, prev_last)
        if prev_first > prev_last or _is_adverbial(r, prev_first, prev_last):
            break
        piece_first = r.low(head_first)
        joins = (
            (comma_before_verb and len(chunks) == 1)
            or piece_first in _PREPOSITION_LIKE
            or piece_first in ("citing", "quoting", "who", "which", "and")
            or in_list
        )
        if not joins:
            break
        chunks.insert(0, (prev_first, prev_last))
        if len(chunks) > 4:
            break
    # an aside of a preposition or a citation is not the claimant
    relays: tuple[Span, ...] = ()
    kept: list[tuple[int, int]] = []
    for c_first, c_last in chunks:
        lw = r.low(c_first)
        if lw in ("citing", "quoting") and c_first < c_last:
            relays = tuple(x for x in (_trim(r, a, b) for a, b in kept if a <= b) if x)
            kept = [(c_first + 1, c_last)]
            continue
        if lw in _PREPOSITION_LIKE and (kept or len(chunks) > 1):
            continue
        if lw in ("who", "which", "whose") and kept:
            continue
        kept.append((c_first, c_last))
    if not kept:
        return None, ()
    span = _trim(r, kept[0][0], kept[-1][1])
    return span, relays


def _trim(r: _Reader, first: int, last: int) -> Span | None:
    """The claimant span without a leading article, a "named X" lead-in or a
    trailing "'s report"."""
    for k in range(first, last):
        if r.low(k) in ("named", "called") and r.is_cap(k + 1):
            first = k + 1
            break
    while first <= last and (
        r.low(first) in ("the", "a", "an", "and", ",", "some")
        or r.low(first) in _PREPOSITION_LIKE
        or r.toks[first].kind is TokenKind.PUNCT
    ):
        first += 1
    while last >= first and r.toks[last].kind is TokenKind.PUNCT:
        last -= 1
    # "X's report", "the military's official statement" -> X
    for k in range(first, last + 1):
        word = r.toks[k].text
        if (
            word.endswith(("'s", "’s", "′s"))
            and k < last
            and all(r.low(x) in REPORT_NOUNS or not r.is_cap(x) for x in range(k + 1, last + 1))
            and r.low(last) in REPORT_NOUNS
        ):
            start = r.toks[first].start
            return (start, r.toks[k].end - 2) if r.toks[k].end - 2 > start else None
    if first > last:
        return None
    return r.span(first, last)


def _phrase_after(r: _Reader, k: int, *, stop_at_date: bool = False) -> tuple[int, int]:
    """Token range of the noun phrase starting at ``k`` (``according to X``, ``told X``)."""
    first = k
    last = k - 1
    for j in range(k, min(r.n, k + _SUBJECT_WINDOW)):
        tok = r.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in (",", ";", ".", ")", "(", ":", "?", "!") or tok.text in _QUOTES:
                break
            continue
        if tok.kind is not TokenKind.WORD and j not in r.date_tokens:
            if tok.kind is TokenKind.NUM and j == k:
                last = j
                continue
            if tok.kind is TokenKind.NUM:
                last = j
                continue
            break
        if stop_at_date and (j in r.date_tokens or lw in WEEKDAYS):
            break
        if lw in ("that", "who", "which", "when", "as", "while", "because", "if"):
            break
        if j > k and lw in REPORTING_VERBS and lw not in ("quoted", "cited") and not r.is_cap(j):
            break
        last = j
    return first, last


def _split_relay(
    r: _Reader, first: int, last: int
) -> tuple[Span | None, tuple[Span, ...], DateMention | None]:
    """``an insider source quoted on 19 February by X`` -> speaker, (X,), date."""
    for k in range(first, last + 1):
        if r.low(k) in ("quoted", "cited", "reported") and k > first:
            by = next((x for x in range(k + 1, min(last + 1, k + 8)) if r.low(x) == "by"), -1)
            speaker = _trim(r, first, k - 1)
            date_mention = r.date_in(k, last)
            if by >= 0 and by < last:
                relay = _trim(r, by + 1, last)
                return speaker, ((relay,) if relay else ()), date_mention
            return speaker, (), date_mention
    return _trim(r, first, last), (), r.date_in(first, last)


def _listener(r: _Reader, k: int) -> Span | None:
    """The relay in ``told X``: a named outlet or person, not ``reporters``."""
    first, last = _phrase_after(r, k, stop_at_date=True)
    while last >= first and r.low(last) in ("on", "in", "at", "by", "last", "this"):
        last -= 1
    while first <= last and r.low(first) in ("the", "a", "an"):
        first += 1
    if first > last or (r.low(first) in GENERIC_LISTENERS and not r.is_cap(first)):
        return None
    if not any(r.is_cap(x) for x in range(first, last + 1)):
        return None
    for x in range(first, last + 1):
        if r.low(x) in PREPOSITIONS and x > first:
            last = x - 1
            break
    return _trim(r, first, last)


def _clause_subject(r: _Reader, before: int) -> Span | None:
    """Subject of the sentence's main clause: the noun phrase before its first verb."""
    first = 0
    # skip a leading adverbial chunk
    comma = next((k for k in range(min(before, 12)) if r.text(k) == ","), -1)
    if comma > 0 and _is_adverbial(r, 0, comma - 1):
        first = comma + 1
    last = first - 1
    for k in range(first, min(before, first + 12)):
        lw = r.low(k)
        if r.toks[k].kind is not TokenKind.WORD or lw in AUXILIARIES or lw in REPORTING_VERBS:
            break
        if lw.endswith("ed") or lw in ("have", "has", "had", "will", "would", "may", "might"):
            break
        last = k
    return _trim(r, first, last) if last >= first else None


def _is_post(r: _Reader, verb: int) -> bool:
    """Whether the claim stands before the verb: ``..., two of the sources said.``

    The verb then ends its clause, followed at most by a short adverbial
    (``on Monday``, ``in a statement``, ``told the agency``)."""
    for j in range(verb + 1, min(r.n, verb + 7)):
        tok = r.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in ".;!?":
                return True
            if tok.text == ",":
                return not (j == verb + 1 and r.text(j + 1) in _QUOTES)  # "commented, “..."
            if tok.text in _QUOTES:
                return j > verb + 1 and r.text(j - 1) in ".,"
            continue
        if tok.kind is TokenKind.NUM or lw in ("that", "there", "to"):
            return False
        if lw in AUXILIARIES or lw in ("may", "might", "could", "would", "will", "can"):
            return False
        if lw in REPORTING_VERBS and not r.is_cap(j):
            return False
    return verb + 1 >= r.n


def find_cues(doc: Doc, sentence: int) -> list[Cue]:
    """Every reporting cue of one sentence, in text order."""
    r = _Reader(doc, sentence)
    cues: list[Cue] = []
    k = 0
    while k < r.n:
        tok = r.toks[k]
        lw = tok.lower
        if tok.kind is not TokenKind.WORD:
            k += 1
            continue
        if lw == "according" and r.low(k + 1) == "to":
            first, last = _phrase_after(r, k + 2)
            speaker, relays, when = _split_relay(r, first, last)
            if speaker is not None:
                cues.append(
                    Cue(
                        k,
                        speaker,
                        relays,
                        post=k > 0 and r.text(k - 1) == ",",
                        date=when,
                        either=True,
                    )
                )
            k = last + 1
            continue
        if lw == "per" and r.text(k - 1) == "(":
            first, last = _phrase_after(r, k + 1)
            speaker = _trim(r, first, last)
            if speaker is not None:
                cues.append(Cue(k, speaker, post=True))
            k = last + 1
            continue
        if lw not in REPORTING_VERBS or (tok.text[:1].isupper() and k > 0):
            k += 1
            continue
        cue = _verb_cue(r, k)
        before = k - 1
        while before >= 0 and r.low(before) in _SKIP_BEFORE_VERB:
            before -= 1
        shares_subject = r.low(before) in ("and", "but", "or") or (
            r.text(before) == "," and lw in _PARTICIPLE_CUES and lw not in ("citing", "quoting")
        )
        if shares_subject and cues and cue is not None and not cue.post:
            # "X confirmed 10 deaths and estimated 20", "X said ..., adding that 40 ...":
            # the verbs share X
            last_cue = cues[-1]
            cue = Cue(k, last_cue.speaker, last_cue.relays, False, cue.date or last_cue.date)
        if cue is not None:
            cues.append(cue)
        k += 1
    # an "according to X" after a speaker's own cue relays that speaker
    out = []
    spoken = False
    for cue in cues:
        if r.low(cue.position) == "according" and cue.post and spoken:
            out.append(Cue(cue.position, cue.speaker, cue.relays, True, cue.date, relay_only=True))
        else:
            out.append(cue)
            spoken = True
    return out


def _verb_cue(r: _Reader, k: int) -> Cue | None:
    """A cue at the reporting verb ``k``, or ``None`` when the word is no cue here."""
    lw = r.low(k)
    prev = r.low(k - 1)
    nxt = r.low(k + 1)
    if prev in ("the", "a", "an", "his", "her", "their", "its", "these", "those", "this", "that"):
        return None  # a noun: "the reported death toll"
    if (
        nxt == "to"
        and prev in _BE_FORMS
        and lw
        in (
            "said",
            "reported",
            "believed",
            "thought",
            "claimed",
            "alleged",
            "estimated",
        )
    ):
        return None  # "20 are said to have died": a hedge, not a speaker
    if lw in ("named", "called") and r.is_cap(k + 1):
        return None  # "an informant named X"
    if lw in ("put", "puts", "putting") and not any(
        r.low(x) in ("toll", "number", "figure", "casualties", "deaths", "dead")
        for x in range(k + 1, k + 5)
    ):
        return None
    if lw in ("making",) and nxt not in ("claims", "claim"):
        return None
    if prev == "making":
        return None  # "making claims of": the cue is "making"
    passive = prev in _BE_FORMS or (prev in ("also", "later", "then") and r.low(k - 2) in _BE_FORMS)
    if lw in ("quoted", "cited"):
        return _quote_cue(r, k, passive=passive)
    if passive:
        return None
    when = r.date_in(0, k)
    if lw in _PARTICIPLE_CUES:
        if prev == "as":
            return None  # "quoted as saying": the quoting verb is the cue
        if r.text(k - 1) == "," or k == 0:
            return Cue(k, _clause_subject(r, k), date=when)
        # "with some posts on social media making claims of ...": the absolute subject
        first = _chunk_back(r, k - 1)
        with_at = max((x for x in range(first, k) if r.low(x) == "with"), default=-1)
        if with_at >= 0 and with_at + 1 < k:
            return Cue(k, _trim(r, with_at + 1, k - 1), date=when)
        span, relays = _subject(r, k, post=False)
        return Cue(k, span, relays, date=when)
    # inverted: ", said two officials who asked not to be named"
    if (
        lw in ("said", "says", "told")
        and (r.text(k - 1) == "," or r.text(k - 1) in _QUOTES)
        and (
            r.is_cap(k + 1)
            or nxt in ("the", "a", "an", "one", "two", "three", "several", "officials")
        )
    ):
        first, last = _phrase_after(r, k + 1)
        span = _trim(r, first, last)
        if span is not None:
            return Cue(k, span, post=True, date=when)
    post = _is_post(r, k)
    span, relays = _subject(r, k, post=post)
    if span is None and not post:
        return None
    if lw in ("told", "tells", "telling"):
        listener = _listener(r, k + 1)
        if listener is not None:
            relays = (*relays, listener)
    return Cue(k, span, relays, post=post, date=when if not post else r.date_in(k, r.n - 1) or when)


def _quote_cue(r: _Reader, k: int, *, passive: bool) -> Cue | None:
    """``X was quoted (by Y) as saying``, ``Y quoted X as saying``, ``Y cited X as saying``."""
    when = r.date_in(0, k)
    if passive:
        aux = k - 1
        while aux >= 0 and r.low(aux) in AUXILIARIES | {"also", "later", "then"}:
            aux -= 1
        span, relays = _subject(r, aux + 1, post=False)
        if r.low(k + 1) == "by":
            first, last = _phrase_after(r, k + 2, stop_at_date=True)
            relay = _trim(r, first, last)
            if relay is not None:
                relays = (*relays, relay)
        return Cue(k, span, relays, date=when) if span is not None else None
    # active: the object is the speaker
    as_at = next((x for x in range(k + 1, min(r.n, k + 14)) if r.low(x) == "as"), -1)
    if as_at < 0:
        return None
    speaker = _trim(r, k + 1, as_at - 1)
    outer, relays = _subject(r, k, post=False)
    chain = (*relays, outer) if outer is not None else relays
    return Cue(k, speaker, chain, date=when) if speaker is not None else None


# --- choosing the claim of a figure -------------------------------------------------------


class _Attributor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues: dict[int, list[Cue]] = {}
        self.accounts: dict[int, Claim] = {}
        self.with_figures = {c.sentence for c in doc.candidates}
        self.quote_claims: dict[int, Claim] = {}
        self.tables: dict[int, _CueTable] = {}

    def table(self, sentence: int) -> _CueTable:
        cached = self.tables.get(sentence)
        if cached is None:
            cached = _CueTable(self.cues_of(sentence), self.doc.tokens(sentence))
            self.tables[sentence] = cached
        return cached

    def cues_of(self, sentence: int) -> list[Cue]:
        cached = self.cues.get(sentence)
        if cached is None:
            cached = [] if self.doc.is_headline(sentence) else find_cues(self.doc, sentence)
            self.cues[sentence] = cached
        return cached

    def text(self, span: Span) -> str:
        return self.doc.text[span[0] : span[1]]

    def claim_of(self, sentence: int, cue: Cue) -> Claim:
        """The claim a cue makes, with a pronoun speaker resolved."""
        via = tuple(self.text(s) for s in cue.relays)
        if cue.speaker is None:
            return Claim(None, None, via, cue.date)
        word = self.text(cue.speaker)
        if word.lower() in PRONOUNS:
            before = self.account(sentence - 1)
            if before.claimant is not None:
                return Claim(
                    before.claimant, before.span, (*before.via, *via), cue.date or before.date
                )
        return Claim(word, cue.speaker, via, cue.date)

    def same_section(self, a: int, b: int) -> bool:
        doc = self.doc
        return doc.block_of(a).section == doc.block_of(b).section

    def account(self, sentence: int) -> Claim:
        """The claim a sentence continues, for the sentence after it."""
        if sentence < 0:
            return _NO_CLAIM
        cached = self.accounts.get(sentence)
        if cached is not None:
            return cached
        # walk back over sentences that only continue an account, then fill forward
        chain = []
        s = sentence
        base = _NO_CLAIM
        while s >= 0:
            if s in self.accounts:
                base = self.accounts[s]
                break
            if self.doc.is_headline(s):
                self.accounts[s] = _NO_CLAIM
                base = _NO_CLAIM
                break
            own = self._own_claim(s)
            if own is not None:
                self.accounts[s] = own
                base = own
                break
            if (
                s not in self.with_figures
                and self.doc.quote_at(self.doc.sentences[s].start) is None
            ):
                self.accounts[s] = _NO_CLAIM
                base = _NO_CLAIM
                break
            chain.append(s)
            if s == 0 or not self.same_section(s, s - 1):
                base = _NO_CLAIM
                break
            s -= 1
        for s in reversed(chain):
            quoted = self._quote_claim(s)
            base = quoted if quoted is not None else base
            self.accounts[s] = base
        return self.accounts.get(sentence, base)

    def _own_claim(self, sentence: int) -> Claim | None:
        cues = [c for c in self.cues_of(sentence) if not c.relay_only and c.speaker is not None]
        if not cues:
            return None
        quote = self.doc.quote_at(self.doc.sentences[sentence].start)
        if quote is not None:
            return self._quote_claim(sentence)
        return self.claim_of(sentence, cues[0])

    def _quote_claim(self, sentence: int) -> Claim | None:
        """The speaker of the quotation the sentence opens with, if it does."""
        doc = self.doc
        quote = doc.quote_at(doc.sentences[sentence].start)
        if quote is None:
            return None
        return self.quote_speaker(quote)

    def quote_speaker(self, quote: tuple[int, int]) -> Claim:
        """Who speaks a quotation: a cue outside it in the sentence that opens it
        (``X said, “...``, ``“...,” X said``), else the account before it."""
        cached = self.quote_claims.get(quote[0])
        if cached is not None:
            return cached
        doc = self.doc
        opener = doc.sentence_at(quote[0])
        claim = _NO_CLAIM
        if opener is not None:
            table = self.table(opener)
            i = bisect.bisect_left(table.speaker_chars, quote[0])
            j = bisect.bisect_left(table.speaker_chars, quote[1])
            if i > 0:
                claim = self.claim_of(opener, table.speakers[i - 1])
            elif j < len(table.speakers) and table.speaker_chars[j] <= quote[1] + 40:
                claim = self.claim_of(opener, table.speakers[j])
            elif (
                doc.sentences[opener].start >= quote[0] - 1
                and opener > 0
                and self.same_section(opener, opener - 1)
            ):
                claim = self.account(opener - 1)
        self.quote_claims[quote[0]] = claim
        return claim

    def heading_claim(self, sentence: int) -> Claim:
        doc = self.doc
        section = doc.block_of(sentence).section
        if section < 0:
            return _NO_CLAIM
        block = doc.blocks[section]
        words = doc.text[block.start : block.end].split()
        if not 2 <= len(words) <= 8:
            return _NO_CLAIM
        lowered = [w.lower().strip(":,.") for w in words]
        if lowered[0] == "according" and len(words) > 2 and lowered[1] == "to":
            first_word = 2
            last_word = len(words)
        elif lowered[-1] in ACCOUNT_NOUNS or (
            len(words) > 2 and lowered[-2] in ACCOUNT_NOUNS and lowered[-1] in ("on",)
        ):
            first_word = 0
            last_word = len(words) - 1
            for i, w in enumerate(lowered):
                if w in ACCOUNT_NOUNS:
                    last_word = i
                    break
        else:
            return _NO_CLAIM
        if last_word <= first_word:
            return _NO_CLAIM
        start = block.start + doc.text[block.start : block.end].index(words[first_word])
        # end of the last claimant word
        offset = block.start
        end = start
        for i, w in enumerate(words[:last_word]):
            pos = doc.text.index(w, offset, block.end)
            offset = pos + len(w)
            if i >= first_word:
                end = offset
        text = doc.text[start:end].strip()
        for suffix in ("'s", "’s", "′s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
                end -= len(suffix)
        if text.lower().startswith("the "):
            text = text[4:]
            start += 4
        return Claim(text or None, (start, end) if text else None)

    def field_claim(self, cand: Candidate) -> Claim | None:
        """``Deaths: at least 40 (state media)``: the parenthesis names the claimant."""
        doc = self.doc
        toks = doc.tokens(cand.sentence)
        k = cand.mention.last + 1
        if k < len(toks) and toks[k].lower in (
            "killed",
            "dead",
            "deaths",
            "wounded",
            "injured",
            "missing",
            "captured",
            "casualties",
        ):
            k += 1
        if k >= len(toks) or toks[k].text != "(":
            return None
        close = next((x for x in range(k + 1, min(len(toks), k + 12)) if toks[x].text == ")"), -1)
        if close <= k + 1:
            return None
        first = k + 1
        while first < close and toks[first].lower in (
            "per",
            "according",
            "to",
            "source",
            ":",
            "the",
            "via",
            "by",
        ):
            first += 1
        if first >= close:
            return None
        span = (toks[first].start, toks[close - 1].end)
        return Claim(doc.text[span[0] : span[1]], span)

    def claim_for(self, cand: Candidate) -> Claim:
        doc = self.doc
        sentence = cand.sentence
        if doc.is_headline(sentence):
            return _NO_CLAIM
        if doc.block_of(sentence).kind is BlockKind.FIELD:
            field = self.field_claim(cand)
            if field is not None:
                return field
        p = cand.mention.first
        table = self.table(sentence)
        quote = doc.quote_at(cand.mention.start)
        claim = self._speaker_claim(sentence, table, quote, p)
        # "X said ..., according to Y": Y relays X's claim
        r = bisect.bisect_right(table.relay_positions, p)
        if r < len(table.relays) and claim.claimant is not None:
            relay = table.relays[r]
            outer = self.text(relay.speaker) if relay.speaker else None
            if outer and outer != claim.claimant and outer not in claim.via:
                return Claim(
                    claim.claimant, claim.span, (outer, *claim.via), claim.date or relay.date
                )
        return claim

    def _speaker_claim(
        self, sentence: int, table: _CueTable, quote: tuple[int, int] | None, p: int
    ) -> Claim:
        if quote is not None:
            lo = bisect.bisect_left(table.speaker_chars, quote[0])
            hi = bisect.bisect_left(table.speaker_chars, quote[1])
            chosen = table.nearest(p, lo, hi)
            outer = self.quote_speaker(quote)
            if chosen is None:
                if outer.claimant is not None:
                    return outer
                chosen = table.nearest(p)
                if chosen is None:
                    return self.continued(sentence)
                return self.claim_of(sentence, chosen)
            claim = self.claim_of(sentence, chosen)
            if outer.claimant is not None and outer.claimant != claim.claimant:
                via = (*outer.via, outer.claimant, *claim.via)
                return Claim(claim.claimant, claim.span, via, claim.date or outer.date)
            return claim
        chosen = table.nearest(p)
        if chosen is None:
            return self.continued(sentence)
        return self.claim_of(sentence, chosen)

    def continued(self, sentence: int) -> Claim:
        doc = self.doc
        if (
            sentence > 0
            and self.same_section(sentence, sentence - 1)
            and not doc.is_headline(sentence - 1)
        ):
            before = self.account(sentence - 1)
            if before.claimant is not None:
                return before
        return self.heading_claim(sentence)


class _CueTable:
    """The cues of one sentence indexed by position, so that each figure finds its
    cue by bisection rather than by reading every cue."""

    def __init__(self, cues: list[Cue], toks: list[Token]) -> None:
        self.speakers = [c for c in cues if not c.relay_only and (c.speaker or c.relays)]
        self.speaker_positions = [c.position for c in self.speakers]
        self.speaker_chars = [toks[c.position].start for c in self.speakers]
        self.relays = [c for c in cues if c.relay_only and c.speaker is not None]
        self.relay_positions = [c.position for c in self.relays]

    def nearest(self, p: int, lo: int = 0, hi: int | None = None) -> Cue | None:
        """The cue whose claim holds token ``p``: the last cue before it that opens a
        claim (``X said that ...``), else the first after it that closes one
        (``..., X said.``), else the last before it."""
        top = len(self.speakers) if hi is None else hi
        i = bisect.bisect_left(self.speaker_positions, p, lo, top)
        before = self.speakers[i - 1] if i > lo else None
        if before is not None and (not before.post or before.either):
            return before
        for k in range(i, min(top, i + _CUE_SCAN)):
            cue = self.speakers[k]
            if cue.post or cue.either:
                return cue
        return before


def _stance(doc: Doc, cand: Candidate) -> Stance:
    """``disputes`` or ``denies`` when the figure is named as a rejected claim
    (``the claim of 200 dead was an exaggeration``, ``denied reports that 100 ...``)."""
    toks = doc.tokens(cand.sentence)
    k = cand.mention.first - 1
    while k >= 0 and toks[k].lower in ("the", "a", "of", "“", '"', "″"):
        k -= 1
    grounded = k >= 0 and toks[k].lower in _GROUND_NOUNS
    if not grounded and k >= 1 and toks[k].lower == "that":
        grounded = toks[k - 1].lower in _GROUND_NOUNS  # "denied reports that 100 ..."
    if not grounded:
        return Stance.ASSERTS
    near = toks[max(0, cand.mention.first - _NEAR_WINDOW) : cand.mention.last + _NEAR_WINDOW]
    words = {t.lower for t in near}
    if words & DENY_WORDS:
        return Stance.DENIES
    if words & DISPUTE_WORDS:
        return Stance.DISPUTES
    return Stance.ASSERTS


def _hedged(doc: Doc, cand: Candidate) -> bool:
    if cand.hedged:
        return True
    toks = doc.tokens(cand.sentence)
    near = toks[max(0, cand.mention.first - _NEAR_WINDOW) : cand.mention.last + _NEAR_WINDOW]
    return any(t.lower in HEDGE_WORDS for t in near)


def _claim_date(doc: Doc, mention: DateMention | None) -> date | None:
    if mention is None or mention.month is None:
        return None
    fallback = doc.reference_date.year if doc.reference_date else None
    if mention.year is None and doc.event_date is None and fallback is None:
        years = [d.year for d in doc.dates if d.year is not None and d.start < mention.start]
        fallback = years[-1] if years else None
    return resolve(mention, doc.event_date, fallback)


def attribute(doc: Doc) -> None:
    """Pipeline component: claimant, relays, stance, hedge and claim date of every candidate."""
    attributor = _Attributor(doc)
    publisher = doc.publisher.lower() if doc.publisher else None
    for cand in doc.candidates:
        claim = attributor.claim_for(cand)
        via = tuple(
            v
            for v in claim.via
            if v and v != claim.claimant and (publisher is None or v.lower() != publisher)
        )
        cand.claimant = claim.claimant
        cand.claimant_span = claim.span
        cand.via = via
        cand.stance = _stance(doc, cand)
        cand.hedged = _hedged(doc, cand)
        cand.claim_mention = claim.date
        cand.claim_date = _claim_date(doc, claim.date)
