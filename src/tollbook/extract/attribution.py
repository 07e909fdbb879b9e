"""Who asserts a figure and through whom: claimant, relay chain, stance, hedge and
the date of the claim.

Reporting cues of a sentence are found once: a reporting verb with its subject
(``X said``, ``X was quoted as saying``, ``, X said.``, ``, said X``, ``X told the
paper he believed``), ``according to X``, ``X, citing Y,``, ``Y told X``, ``X quoted Y
as saying``, ``making claims of``, ``figures released by X``, ``X found that``, a
report as subject (``published estimates range from ...``), a figure renamed as
someone's count (``212, the ministry's latest figure``, ``In the government's final
tally, ...``, ``135, the figure the government uses``).  A figure takes the
nearest cue before it in its clause, else the nearest after it up to a semicolon; a
cue in brackets speaks only inside them; a quotation takes the speaker outside it as
a relay.  A sentence with no cue continues the account of the sentence before it in
its paragraph when the figure or a count opens its main clause and it does not move
on in time; else a named organisation that did what the figure counts (``The coast
guard pulled 12 bodies ...``) counts it first-hand; a heading that names an account
(``Government version``, ``The fire service: at least 12``) is the last resort.
Infobox lines take the source in their parenthesis, table rows their "Source"
column, and continue no account.  In a transcript, a guest's turn is the guest's
claim.  Headlines have no claimant.  "We" is the organisation a statement speaks
for, the speaker of a quotation or a turn, else the writers, whose own figures have
no claimant; a surname alone is the full name the text gave first, and an acronym the
name it was defined for.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from tollbook.extract.dates import resolve
from tollbook.extract.doc import Block, BlockKind, Candidate, DateMention, Doc
from tollbook.extract.lexicon import (
    ACCOUNT_NOUNS,
    AUXILIARIES,
    DENY_WORDS,
    DISPUTE_WORDS,
    EVENT_NOUNS,
    FINITE_VERBS,
    GENERIC_LISTENERS,
    HEDGE_WORDS,
    PERSONAL_TITLES,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    TIME_NOUNS,
    TOLL_LINKS,
    TOLL_REPORTING_VERBS,
    TRANSITIVE_VERBS,
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
    could would might may can cannot not never n't did does do will
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
_TIME_NOUNS = TIME_NOUNS
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
        "insisting",
        "acknowledging",
        "admitting",
        "conceding",
        "announcing",
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
_EMPHASIS = frozenset("*_")
_FIELD_CASUALTY_WORDS = word_set(
    "killed dead deaths wounded injured missing captured casualties fatalities"
)
_FIELD_SOURCE_LEADS = word_set("per according to source sources the via by :")
# Words of a parenthesis that name no source: "(later estimate)", "(Tuesday night)"
_NOT_SOURCES = word_set("""
    later earlier initial first final latest updated revised official provisional total
    estimate morning afternoon evening night midday noon today yesterday so far current
    key main overall daily weekly running
    """)
_SAME_SOURCE = "\x00same"  # a marker: "(same source)" repeats the line before
_TOLL_OBJECTS = word_set("""
    toll tolls number numbers figure figures count counts tally tallies casualties deaths
    dead losses killed wounded injured missing
    """)
_PLURAL_NOUN_MODIFIERS = word_set("""
    early initial first latest new recent local official preliminary unconfirmed
    conflicting varying other some many several media press news earlier later final
    independent separate previous
    """)
_GIVEN_BY = word_set("given released issued provided compiled published announced reported")
_TIME_MODIFIERS = word_set("early late last this next mid the same following previous that")
_OPENING_TOKENS = 6
_POST_WINDOW = 12  # "..., X said in comments quoted by the radio station Y."
_PARENTHESIS_WINDOW = 16
_DATE_LEADS = word_set("on in by at late early since until then and as of")
_TRAILING_TIME = word_set("late early on in at last this")
_REPORT_SUBJECTS = word_set("""
    estimates reports figures counts tallies data records statistics accounts
    """)
_HEADING_FIGURE_RE = re.compile(
    r"(?P<name>[A-Z][^:\n]{1,60}?):[ \t]*(?:(?:about|around|some|roughly|nearly|close to|"
    r"at least|at most|up to|more than|over|almost|as many as|an estimated)[ \t]+)?\d"
)
# Who speaks for an organisation ("its researchers") and what it speaks through.
_MEMBER_NOUNS = word_set("""
    researchers investigators staff officials spokesman spokeswoman spokesperson
    spokespeople experts monitors analysts team members representatives officers
    """)
_OUTLET_NOUNS = word_set("""
    agency channel newspaper television broadcaster radio website outlet paper
    """)
# What an organisation or a team publishes: "their study", "its survey".
_WORK_NOUNS = word_set("""
    study studies survey surveys review research paper report reports analysis estimate
    estimates investigation findings
    """)
_TRAILING_REPORT_NOUNS = word_set("""
    breakdown report statement tally count update estimate assessment survey bulletin
    """)
_STUDY_NOUNS = _TRAILING_REPORT_NOUNS | word_set("analysis study review investigation audit")
_NAME_PARTICLES = word_set("al el de da di du la le van von der bin ibn abu")
_DOCUMENT_NOUNS = word_set("""
    list report statement study document letter post tweet bulletin communique release
    """)
# Counts that belong to whoever keeps them: "the ministry's tally", "one researcher's count".
_OWNED_COUNTS = word_set("""
    count counts tally tallies toll tolls figure figures estimate estimates list numbers
    """)
_OWNER_STOPS = word_set("the a an by in on at of according to from for with and but")
# Verbs by which someone makes a figure theirs: "the figure the government still uses".
_ENDORSING_VERBS = word_set("""
    uses used gives gave cites cited accepts accepted reports reported publishes published
    recognises recognizes recognised recognized
    """)
_COUNT_HEADS = word_set("toll tolls number count tally total figure")
_DEATH_NOUNS = word_set("deaths death killings fatalities casualties losses")
_COUNT_QUALIFIERS = word_set(
    "more than over at least about some nearly around almost up to roughly approximately"
)
# Reporting verbs in -s that are never plural nouns: "..., the office says."
# Words that are verbs or nouns: after a name they are nouns ("the Ogun state government").
_NOUN_HOMOGRAPHS = word_set("state states report reports record records count counts")
_COUNTED_NOUNS = word_set("death bodies body victims people persons")
_ONLY_VERBS = word_set("says tells adds insists warns explains believes admits alleges concludes")
_FINDING_VERBS = word_set("found finds find showed shows show")
_NO_SPEAKERS = frozenset(["none", "nobody", "no one", "no", "zero", "all", "some", "many"])
_POSSESSIVES = word_set("its their his her our my your")
_FIRST_PERSON = frozenset(["we", "us", "i", "me"])
_OWN = ("our ", "my ")
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

    def is_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.toks[k].kind is TokenKind.WORD

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
            if tok.text == "-" and r.text(j - 1) and r.toks[j - 1].end < tok.start:
                break  # "**3 May** - Police say": a spaced hyphen written for a dash
            j -= 1  # emphasis marks inside a name: "the prison service, **NPS**,"
            continue
        if j in r.date_tokens or tok.kind is TokenKind.URL:
            break
        lw = tok.lower
        if lw in ("citing", "quoting"):
            first = j
            break
        if lw in _STOP_IN_SUBJECT or (
            (lw in REPORTING_VERBS or lw in FINITE_VERBS)
            and not r.is_cap(j)
            and not (j == end and lw.endswith("s"))  # "hospital records,": a noun
            and r.low(j - 1) not in ("the", "a", "an")  # "the state broadcaster"
            and not _inside_name(r, j)
            # "the eastern state of X", "a count of bodies": a noun before "of"
            and not (lw in _NOUN_HOMOGRAPHS and r.low(j + 1) == "of")
        ):
            if r.text(j - 1) in ("who", "that") and j - 1 > 0:
                j -= 1  # "a nurse who saw the victims": a relative clause inside the phrase
                continue
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


def _inside_name(r: _Reader, k: int) -> bool:
    """A verb-like word inside a name: ``Mato Grosso do Sul``, ``the Ogun state
    government``, ``the Lagos state hospital``."""
    if k < 2 or not r.is_cap(k - 1):
        return False
    return r.is_cap(k + 1) or r.low(k) in _NOUN_HOMOGRAPHS


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


def _has_verb(r: _Reader, first: int, last: int) -> bool:
    return any(
        r.low(x) in AUXILIARIES
        or ((r.low(x) in FINITE_VERBS or r.low(x).endswith("ed")) and not r.is_cap(x))
        for x in range(first, last + 1)
    )


def _skip_time_back(r: _Reader, k: int) -> int:
    """Token before a trailing time adverbial (``late on Friday``, ``on 20 February``)."""
    j = k
    while j >= 0 and (
        j in r.date_tokens
        or r.low(j) in WEEKDAYS
        or r.low(j) in _TIME_NOUNS
        or r.low(j) in ("late", "early", "last", "this", "next", "that")
    ):
        j -= 1
    if j == k or not any(
        x in r.date_tokens or r.low(x) in WEEKDAYS or r.low(x) in _TIME_NOUNS
        for x in range(j + 1, k + 1)
    ):
        return k
    while j >= 0 and r.low(j) in ("on", "in", "at", "by", "late", "early", "during"):
        j -= 1
    return j


def _previous_comma(r: _Reader, k: int) -> int:
    """The comma that opens the aside ending at token ``k``, or -1."""
    for j in range(k, max(-1, k - _SUBJECT_WINDOW), -1):
        t = r.text(j)
        if t == ",":
            return j
        if t in _CLOSERS or t in _QUOTES:
            return -1
    return -1


def _antecedent(r: _Reader, comma: int) -> Span | None:
    """The noun phrase a relative pronoun after ``comma`` stands for:
    ``a statement carried by its news agency, which said`` -> ``its news agency``."""
    last = comma - 1
    first = last + 1
    j = last
    while j >= 0 and last - j < 8:
        tok = r.toks[j]
        if tok.kind is not TokenKind.WORD:
            break
        lw = tok.lower
        if lw in PREPOSITIONS or lw in _PREPOSITION_LIKE or lw in REPORTING_VERBS:
            break
        if lw in FINITE_VERBS or (lw.endswith("ed") and not r.is_cap(j)):
            break
        first = j
        j -= 1
    return _trim(r, first, last) if first <= last else None


def _is_name(r: _Reader, first: int, last: int) -> bool:
    """A personal or proper name: every word capitalized (``al-``, ``de`` allowed)."""
    words = [x for x in range(first, last + 1) if r.toks[x].kind is TokenKind.WORD]
    if not words or r.low(words[0]) in ("the", "a", "an"):
        return False
    for x in words:
        text = r.toks[x].text
        if text[:1].isupper():
            continue
        if "-" in text and text.split("-", 1)[1][:1].isupper():
            continue
        if r.low(x) in _NAME_PARTICLES:
            continue
        return False
    return True


def _manner_adverb(r: _Reader, k: int) -> bool:
    """``formally``, ``so far``: an adverb between a subject and its verb."""
    lw = r.low(k)
    if lw == "far" and r.low(k - 1) == "so":
        return True
    if lw == "so" and r.low(k + 1) == "far":
        return True
    return len(lw) > 4 and lw.endswith("ly") and not r.is_cap(k) and r.is_word(k)


def _opens_aside(r: _Reader, comma: int) -> bool:
    """``, who visited the site,``, ``, speaking on condition of anonymity,``: a
    relative clause or a participle phrase between a subject and its verb."""
    opener = r.low(comma + 1)
    return r.text(comma + 1) in ("who", "which", "whose") or (
        len(opener) > 5
        and opener.endswith("ing")
        and opener not in ("citing", "quoting", "according")
        and opener not in PREPOSITIONS
        and not r.is_cap(comma + 2)  # "outgoing U.S. official X" is no aside
    )


def _subject(r: _Reader, verb: int, *, post: bool) -> tuple[Span | None, tuple[Span, ...]]:
    """The claimant before a reporting verb, and relays named beside it.

    Asides between the subject and its verb are read for what they are: a relative
    clause (``, which has teams in the area,``) is skipped, ``, quoted by
    X,`` names a relay, ``, citing Y,`` names the claimant; a name in apposition
    (``X's mayor, Jane Doe,``) is the claimant; a relative pronoun (``..., which
    said``) stands for the noun phrase before it."""
    k = verb - 1
    while k >= 0 and (
        r.low(k) in _SKIP_BEFORE_VERB or r.low(k) in _CHAIN_VERBS or _manner_adverb(r, k)
    ):
        k -= 1
    k = _skip_time_back(r, k)
    if r.text(k) == ")":
        # "The Armed Forces of Utopia (AFU) released": the name before its
        # bracketed short form
        opened = next((x for x in range(k - 1, max(-1, k - 8), -1) if r.text(x) == "("), -1)
        if opened > 0:
            k = opened - 1
    if k > 0 and r.low(k) in PRONOUNS and r.toks[k - 1].kind is TokenKind.WORD:
        return r.span(k, k), ()  # "X told the paper he believed ...": "he" alone
    comma_before_verb = k >= 0 and r.text(k) == ","
    if comma_before_verb:
        k -= 1
    extra_relays: list[Span] = []
    while comma_before_verb and k >= 0:
        comma = _previous_comma(r, k)
        if comma < 1:
            break
        opener = r.low(comma + 1)
        if opener in PREPOSITIONS:
            # ", speaking to reporters at the mine, in the province, said": an aside
            # whose last piece is a prepositional phrase
            earlier = _previous_comma(r, comma - 1)
            if (
                earlier >= 1
                and _opens_aside(r, earlier)
                and not _is_adverbial(r, _chunk_back(r, earlier - 1), earlier - 1)
            ):
                comma, opener = earlier, r.low(earlier + 1)
        aside = _opens_aside(r, comma)
        if aside and comma + 1 < k:
            # ", who visited the site,", ", speaking on condition of anonymity,": the
            # subject stands before the aside
            k = comma - 1
            continue
        if opener in ("quoted", "cited") and r.low(comma + 2) == "by":
            relay = _trim(r, comma + 3, k)
            if relay is not None:
                extra_relays.insert(0, relay)
            k = comma - 1
            continue
        break
    if k < 0:
        return None, ()
    if r.text(k) in ("which", "who") and k > 0 and r.text(k - 1) == ",":
        antecedent = _antecedent(r, k - 1)
        return antecedent, tuple(extra_relays)
    first = _chunk_back(r, k)
    if r.low(first) == "by" and r.low(first - 1) in ("cited", "quoted") and first + 1 <= k:
        # "a spokesman cited by the news agency said": the agency relays the spokesman
        relay = _trim(r, first + 1, k)
        if relay is not None:
            extra_relays.insert(0, relay)
        k = first - 2
        if k < 0:
            return None, ()
        first = _chunk_back(r, k)
    while first <= k and r.low(first) in _TIME_NOUNS:
        first += 1  # "By Tuesday night the agency" -> the agency
    if first > k:
        return None, ()
    if (
        comma_before_verb
        and not extra_relays
        and r.low(first) not in ("citing", "quoting")
        and _is_adverbial(r, first, k)
        and not (first >= 2 and r.text(first - 1) == ",")
    ):
        return None, ()  # "Two weeks on, published estimates range ...": no subject
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
        if prev_first > prev_last:
            break
        citing = r.low(prev_first) in ("citing", "quoting")
        if not citing and _is_adverbial(r, prev_first, prev_last):
            break
        if in_list and not citing and _has_verb(r, prev_first, prev_last):
            break  # "X said 14 died, and the UN said": a clause, no list of speakers
        piece_first = r.low(head_first)
        joins = (
            (comma_before_verb and len(chunks) == 1)
            or piece_first in _PREPOSITION_LIKE
            or piece_first in ("citing", "quoting", "and")
            or r.text(head_first) in ("who", "which")
            or citing
            or in_list
        )
        if not joins:
            break
        chunks.insert(0, (prev_first, prev_last))
        if len(chunks) > 4:
            break
    # an aside of a preposition or a citation is not the claimant
    cited: tuple[int, int] | None = None
    kept: list[tuple[int, int]] = []
    for c_first, c_last in chunks:
        lw = r.low(c_first)
        if lw in ("citing", "quoting") and c_first < c_last:
            cited = (c_first + 1, c_last)
            continue
        if lw in _PREPOSITION_LIKE and (kept or len(chunks) > 1):
            continue
        if r.text(c_first) in ("who", "which", "whose") and kept:
            continue
        kept.append((c_first, c_last))
    if cited is not None:
        # "X, citing Y, said" and "citing Y, X said": Y claims, X relays
        relays = [
            x
            for x in (_trim(r, a, b) for a, b in kept if a <= b)
            if x is not None and r.doc.text[x[0] : x[1]].lower() not in PRONOUNS
        ]
        return _trim(r, cited[0], cited[1]), (*relays, *extra_relays)
    if not kept:
        return None, ()
    if len(kept) == 2 and not in_list:
        # "X's mayor, Jane Doe," / "Jane Doe, a minister in the government,": the name
        names = [c for c in kept if _is_name(r, *c)]
        if len(names) == 1:
            return _trim(r, *names[0]), tuple(extra_relays)
    span = _trim(r, kept[0][0], kept[-1][1])
    return span, tuple(extra_relays)


def _trim(r: _Reader, first: int, last: int) -> Span | None:
    """The claimant span without a leading article, a "named X" lead-in or a
    trailing "'s report"."""
    for k in range(first, last):
        if r.low(k) in ("named", "called") and r.is_cap(k + 1):
            first = k + 1
            break
    if r.low(first) in PREPOSITIONS and first < last:
        # "In late June the agency", "By noon officials": a leading phrase of
        # time runs into the subject with no comma
        k = first + 1
        while k < last and (
            k in r.date_tokens
            or r.low(k) in WEEKDAYS
            or r.low(k) in _TIME_NOUNS
            or r.low(k) in _TIME_MODIFIERS
        ):
            k += 1
        if any(
            x in r.date_tokens or r.low(x) in WEEKDAYS or r.low(x) in _TIME_NOUNS
            for x in range(first + 1, k)
        ):
            first = k
        else:
            for k in range(first + 1, min(last, first + 5)):
                if r.low(k) in ("the", "a", "an") and r.text(k - 1) not in ("of",):
                    first = k
                    break
    for k in range(first + 1, last + 1):
        if r.text(k) in ("who", "which", "whose", "that"):
            last = k - 1  # "a nurse who treated the wounded" -> a nurse
            break
    while first <= last and (
        r.low(first) in ("the", "a", "an", "and", ",", "some")
        or r.text(first) in ("which", "who", "whom")
        or r.low(first) in _PREPOSITION_LIKE
        or r.toks[first].kind is TokenKind.PUNCT
    ):
        first += 1
    while last >= first and (
        r.toks[last].kind is TokenKind.PUNCT or r.low(last) in _PREPOSITION_LIKE
    ):
        last -= 1  # "Amnesty's report of (30 June)": no dangling preposition
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
    for k in range(first + 1, last):
        if r.low(k) in _TRAILING_REPORT_NOUNS and r.low(k + 1) in ("from", "by"):
            first = k + 2  # "an early count from the fire service" -> the fire service
            while first <= last and r.low(first) in ("the", "a", "an"):
                first += 1
            break
    if r.low(first) in _STUDY_NOUNS:
        # "An analysis of death records by researchers at X found": the researchers
        by = next((x for x in range(first + 1, last) if r.low(x) == "by"), -1)
        if by > 0 and r.is_word(by + 1) and r.low(by + 1) not in _BY_MANNER:
            first = by + 1
            while first <= last and r.low(first) in ("the", "a", "an"):
                first += 1
    if (
        last > first
        and r.low(last) in _TRAILING_REPORT_NOUNS
        and r.toks[last - 1].kind is TokenKind.WORD
        and not r.low(last - 1).endswith(("ed", "al", "ary", "ial"))
        and r.low(last - 1) not in _PLURAL_NOUN_MODIFIERS
        and r.low(last - 1) not in _POSSESSIVES  # "their survey": whose, not what
    ):
        last -= 1  # "a hospital breakdown" -> hospital
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
        if tok.text in ("that", "who", "which", "when", "as", "while", "because", "if"):
            break
        if (
            j > k
            and lw in REPORTING_VERBS
            and lw not in ("quoted", "cited")
            and not r.is_cap(j)
            and r.low(j + 1) != "by"  # "a list released by X": one noun phrase
        ):
            break
        last = j
    return first, last


_BY_MANNER = word_set("name names phone telephone email e-mail hand mistake error accident far")
_AGENT_ENDS = TOLL_LINKS - {"of", "at", "to", ":", "="}


def _agent(r: _Reader, k: int) -> Span | None:
    """The agent of a passive reporting verb, from ``k`` after its "by" to the next
    verb: ``reported by the agency rose`` -> the agency; not a date (``by Monday``)."""
    if k >= r.n or k in r.date_tokens or r.low(k) in WEEKDAYS or r.low(k) in _TIME_NOUNS:
        return None
    if r.low(k) in _BY_MANNER or r.toks[k].kind is not TokenKind.WORD:
        return None  # "identified by name", "confirmed by phone"
    first, last = _phrase_after(r, k, stop_at_date=True)
    for j in range(first + 1, last + 1):
        lw = r.low(j)
        if r.toks[j].kind is TokenKind.NUM or (
            not r.is_cap(j)
            and (
                lw in FINITE_VERBS or lw in AUXILIARIES or lw in _AGENT_ENDS or lw in _FINDING_VERBS
            )
        ):
            last = j - 1
            break
    return _trim(r, first, last) if first <= last else None


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
    for x in range(first + 1, last + 1):
        if r.low(x) in PRONOUNS:
            last = x - 1  # "told the paper he believed": the listener ends there
            break
    if first > last or (r.low(first) in GENERIC_LISTENERS and not r.is_cap(first)):
        return None
    if not any(r.is_cap(x) for x in range(first, last + 1)):
        return None
    for x in range(first, last + 1):
        if (r.low(x) in PREPOSITIONS or r.low(x) in ("the", "a", "an")) and x > first:
            last = x - 1  # "told the Herald the toll was higher": the listener ends there
            break
    return _trim(r, first, last)


def _clause_subject(r: _Reader, before: int, start: int = 0) -> Span | None:
    """Subject of the sentence's main clause: the noun phrase before its first verb."""
    first = start
    # skip a leading adverbial chunk
    comma = next((k for k in range(start, min(before, start + 12)) if r.text(k) == ","), -1)
    if comma > start and _is_adverbial(r, start, comma - 1):
        first = comma + 1
    last = first - 1
    for k in range(first, min(before, first + 12)):
        lw = r.low(k)
        if r.toks[k].kind is not TokenKind.WORD or lw in AUXILIARIES:
            break
        if (
            (lw in REPORTING_VERBS or lw in FINITE_VERBS or lw.endswith("ed"))
            and not r.is_cap(k)
            and not (k > first and r.low(k + 1) == "by")  # "a team led by X": one phrase
        ):
            break  # "the Department of State said": a capitalized "State" is a name
        if lw in ("have", "has", "had", "will", "would", "may", "might"):
            break
        last = k
    if last < first:
        return None
    named = _appositive_name(r, last + 1)
    if named is not None and not _is_name(r, first, last):
        return named  # "The anthropologist who led the survey, Jane Roe, has said"
    return _trim(r, first, last)


def _appositive_name(r: _Reader, k: int) -> Span | None:
    """A name between commas after the subject, before its verb: ``, Jane Roe, said``."""
    open_comma = next((x for x in range(k, min(r.n, k + 12)) if r.text(x) == ","), -1)
    if open_comma < 0:
        return None
    close = next(
        (x for x in range(open_comma + 1, min(r.n, open_comma + 6)) if r.text(x) == ","), -1
    )
    if close < 0 or not _is_name(r, open_comma + 1, close - 1):
        return None
    after = r.low(close + 1)
    if after in AUXILIARIES or after in REPORTING_VERBS or after in FINITE_VERBS:
        return r.span(open_comma + 1, close - 1)
    return None


def _is_post(r: _Reader, verb: int) -> bool:
    """Whether the claim stands before the verb: ``..., two of the sources said.``

    The verb then ends its clause, followed at most by a short adverbial
    (``on Monday``, ``in a statement``, ``told the agency``)."""
    for j in range(verb + 1, min(r.n, verb + _POST_WINDOW)):
        tok = r.toks[j]
        lw = tok.lower
        if tok.kind is TokenKind.PUNCT:
            if tok.text in ".;!?":
                return True
            if tok.text == ",":
                if j == verb + 1 and _aside_then_claim(r, j) >= 0:
                    return False  # "X claimed, in a video, to have killed 30"
                return not (j == verb + 1 and r.text(j + 1) in _QUOTES)  # "commented, “..."
            if tok.text in _QUOTES:
                return j > verb + 1 and r.text(j - 1) in ".,"
            continue
        if tok.kind is TokenKind.NUM or lw in ("that", "there", "to"):
            return False
        if lw in AUXILIARIES or lw in ("may", "might", "could", "would", "will", "can"):
            return False
        if (
            lw in REPORTING_VERBS
            and not r.is_cap(j)
            and r.low(j + 1) != "by"  # "said in remarks quoted by X" stays a closing cue
            and r.low(j - 1) not in _PREPOSITION_LIKE  # "said in comments": a noun
            and r.low(j - 1) not in ("a", "an", "the")
        ):
            return False
    return verb + 1 >= r.n


def _aside_then_claim(r: _Reader, comma: int) -> int:
    """An aside after a reporting verb, then what it reports: ``said, in a statement,
    that ...``, ``claimed, in a video posted online, to have killed``: the comma that
    closes the aside, else -1."""
    for j in range(comma + 1, min(r.n, comma + _POST_WINDOW)):
        if r.text(j) == ",":
            return j if r.low(j + 1) in ("that", "to") else -1
        if r.toks[j].kind is TokenKind.PUNCT and r.text(j) not in _EMPHASIS:
            return -1
    return -1


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
            inner = r.low(k - 1) == "that" or (r.text(k - 1) == "," and r.low(k - 2) == "that")
            outer_speaker = cues[-1].speaker if cues else None
            if speaker is not None and inner and outer_speaker is not None:
                # "X wrote that, according to doctors, ...": the doctors claim,
                # X relays them
                outer = cues[-1]
                chain = (*outer.relays, outer_speaker, *relays)
                cues.append(Cue(k, speaker, chain, date=when or outer.date))
            elif speaker is not None:
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
        if (
            lw in _GIVEN_BY
            and r.low(k + 1) == "by"
            and any(
                r.low(x) in REPORT_NOUNS or r.low(x) in _DOCUMENT_NOUNS
                for x in range(max(0, k - 4), k)
            )
        ):
            # "The latest figures, released by the governor, were 40 dead"
            first, last = _phrase_after(r, k + 2, stop_at_date=True)
            while last >= first and r.low(last) in _TRAILING_TIME:
                last -= 1
            speaker = _agent(r, k + 2)
            if speaker is not None:
                cues.append(Cue(k, speaker, either=True))
                last = next(
                    (j for j in range(first, last + 1) if r.toks[j].end >= speaker[1]), last
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
        # "the inquiry found that", "a study by X found 740 deaths"
        finding = lw in _FINDING_VERBS and (
            r.low(k + 1) == "that" or (_number_follows(r, k + 1) and _study_subject(r, k))
        )
        if (lw not in REPORTING_VERBS and not finding) or (tok.text[:1].isupper() and k > 0):
            k += 1
            continue
        cue = _verb_cue(r, k)
        before = k - 1
        while before >= 0 and r.low(before) in _SKIP_BEFORE_VERB:
            before -= 1
        shares_subject = r.low(before) in ("and", "but", "or") or (
            r.text(before) == "," and lw in _PARTICIPLE_CUES and lw not in ("citing", "quoting")
        )
        if (
            not shares_subject
            and cue is not None
            and cue.speaker is not None
            and cues
            and r.text(before) == ","
        ):
            # "The army denied the raid, said ...": the phrase before the comma is the
            # object of the verb before it, and the verbs share that verb's subject
            start = bisect.bisect_left(r.toks, cue.speaker[0], key=lambda t: t.start)
            while start > 0 and r.low(start - 1) in ("the", "a", "an", "its", "their"):
                start -= 1
            shares_subject = (
                start > 0
                and start - 1 == cues[-1].position
                and r.low(start - 1) not in ("citing", "quoting")
            )
        if lw in ("citing", "quoting") and r.text(k - 1) == "," and cues and cues[-1].post:
            # "..., the paper reported, citing the mayor.": the mayor claims, the paper
            # relays
            first, last = _phrase_after(r, k + 1)
            cited = _trim(r, first, last)
            outer_speaker = cues[-1].speaker
            if cited is not None and outer_speaker is not None:
                outer = cues.pop()
                relays = (*outer.relays, outer_speaker)
                cue = Cue(k, cited, relays, post=True, date=outer.date)
        elif shares_subject and cues and cue is not None and not cue.post:
            # "X confirmed 10 deaths and estimated 20", "X said ..., adding that 40 ...":
            # the verbs share X
            last_cue = cues[-1]
            cue = Cue(k, last_cue.speaker, last_cue.relays, False, cue.date or last_cue.date)
        elif shares_subject and r.low(before) in ("and", "or", "but"):
            # "The posts repeat the figure, or assert that ...": the clause's subject
            subject = _clause_subject(r, before)
            cue = Cue(k, subject, date=cue.date if cue else None) if subject else None
        if cue is not None:
            cues.append(cue)
            if r.text(k + 1) == ",":
                # "claimed, in a video posted online, to have ...": no cue in the aside
                k = max(k, _aside_then_claim(r, k + 1))
        k += 1
    extra = [c for c in (_report_subject(r), *_count_owners(r)) if c is not None]
    if extra:
        cues.extend(extra)
        cues.sort(key=lambda c: c.position)
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


def _count_owners(r: _Reader) -> list[Cue]:
    """Whose count holds the figures of its clause: ``In the government's final tally,
    168 died``, ``the ministry's count stood at 153``, ``212, the ministry's latest
    figure``, ``By one researcher's count, ...``, ``135, the figure the government
    uses``."""
    out = []
    for k in range(1, r.n - 1):
        word = r.text(k)
        if word.endswith(("'s", "’s")) and len(word) > 3:
            noun = k + 1
            while noun < min(r.n, k + 4) and r.low(noun) not in _OWNED_COUNTS and r.is_word(noun):
                noun += 1
            if r.low(noun) not in _OWNED_COUNTS:
                continue
            first = k
            while (
                first > max(0, k - 5)
                and r.is_word(first - 1)
                and r.low(first - 1) not in _OWNER_STOPS
                and not (r.low(first - 1) in REPORTING_VERBS and not r.is_cap(first - 1))
            ):
                first -= 1
            owner = r.low(k)[:-2]
            if owner in EVENT_NOUNS or owner in WEEKDAYS or owner in _TIME_NOUNS:
                continue  # "the quake's toll", "Monday's count": no one's
            out.append(Cue(noun, (r.toks[first].start, r.toks[k].end - 2), either=True))
        elif (
            r.low(k) in _OWNED_COUNTS
            and r.low(k - 1) in ("the", "a")
            and r.text(k - 2) == ","
            and r.toks[k - 3].kind is TokenKind.NUM
        ):
            # "135, the figure the government still uses": the subject of the relative
            verb = next(
                (x for x in range(k + 1, min(r.n, k + 7)) if r.low(x) in _ENDORSING_VERBS), -1
            )
            last = verb - 1
            while last > k + 1 and (r.low(last) in _SKIP_BEFORE_VERB or _manner_adverb(r, last)):
                last -= 1  # "the figure the government still uses"
            subject = _trim(r, k + 1, last) if last > k else None
            if subject is not None and not _has_verb(r, k + 1, verb - 1):
                out.append(Cue(k, subject, post=True))
    return out


def _report_subject(r: _Reader) -> Cue | None:
    """A report as the subject of a clause with no reporting verb: ``published
    estimates range from 20 to 90``, ``Local reports put ...``: the report claims."""
    start = 0
    comma = next((x for x in range(min(r.n, 12)) if r.text(x) == ","), -1)
    if comma > 0 and _is_adverbial(r, 0, comma - 1):
        start = comma + 1
    for x in range(start, min(r.n - 1, start + 5)):
        tok = r.toks[x]
        if tok.kind is not TokenKind.WORD:
            return None
        if (
            tok.lower in REPORTING_VERBS
            and tok.lower not in _REPORT_SUBJECTS
            and not (tok.lower.endswith("ed") and r.low(x + 1) in _REPORT_SUBJECTS)
        ):
            return None  # a verb; "published estimates" is a noun phrase
        if tok.lower in _REPORT_SUBJECTS:
            nxt = r.toks[x + 1]
            if (
                nxt.kind is not TokenKind.WORD
                or nxt.lower in _PREPOSITION_LIKE
                or nxt.lower in ("from", "by", "and", "or")
            ):
                return None
            span = _trim(r, start, x)
            return Cue(x, span, either=True) if span is not None else None
    return None


def _interviewer(r: _Reader, k: int) -> Span | None:
    """``said ... in an interview with the Times``: the outlet that relays the claim."""
    for j in range(k + 1, min(r.n - 2, k + _NEAR_WINDOW)):
        if r.text(j) in (".", ";", "?", "!") or r.low(j) == "that":
            return None
        if r.low(j) in ("interview", "interviews") and r.low(j + 1) == "with":
            return _listener(r, j + 2)
    return None


def _date_before(r: _Reader, k: int) -> DateMention | None:
    """The date of a claim whose verb is at ``k``: one that opens the sentence (``On
    3 March, X wrote``) or stands right before the verb (``X on Sunday said``),
    not a date inside the subject (``the raid on 2 June, which X say killed``)."""
    when = r.date_in(0, k)
    if when is None:
        return None
    first = bisect.bisect_left(r.toks, when.start, key=lambda t: t.start)
    if any(r.low(x) in ("which", "who", "when", "where") for x in range(first, k)):
        return None  # "one in 1862 in which he said 204 died": the date of that incident
    if k - first <= 4 or (
        first <= _OPENING_TOKENS
        and all(r.low(x) in _DATE_LEADS or r.toks[x].kind is TokenKind.PUNCT for x in range(first))
        and not any(r.text(x) == ";" for x in range(first, k))  # "In 2005 X attacked; Y said"
    ):
        return when
    return None


def _number_follows(r: _Reader, k: int) -> bool:
    """Whether a number in digits starts at token ``k``, a qualifier before it or not."""
    for j in range(k, min(r.n, k + 4)):
        if r.toks[j].kind is TokenKind.NUM:
            return True
        if r.low(j) not in _COUNT_QUALIFIERS:
            return False
    return False


def _study_subject(r: _Reader, verb: int) -> bool:
    """Whether the phrase before ``verb`` is a study, review or count (``An analysis
    of death records by researchers found``), which finds what it counts."""
    first = _chunk_back(r, verb - 1)
    while first < verb and r.low(first) in ("the", "a", "an", "their", "its", "one", "new"):
        first += 1
    return first < verb and r.low(first) in _STUDY_NOUNS


def _count_follows(r: _Reader, k: int) -> bool:
    """Whether a count of people in digits starts at token ``k`` (a qualifier before
    it): ``admitted 85 wounded``, not ``admitted 40 deaths``."""
    for j in range(k, min(r.n, k + 4)):
        if r.toks[j].kind is TokenKind.NUM:
            return r.low(j + 1) not in _DEATH_NOUNS
        if r.low(j) not in _COUNT_QUALIFIERS:
            return False
    return False


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
    if lw in ("spoke", "spoken", "speaks") and nxt not in ("of", "about"):
        return None  # "spoke to reporters": only "spoke of 40 dead" gives a figure
    if nxt in _FIELD_CASUALTY_WORDS or (
        lw.endswith("ed") and prev in _FIELD_CASUALTY_WORDS | _COUNTED_NOUNS
    ):
        return None  # "the persons reported missing", "one death confirmed": participles
    if lw.startswith("admit") and _count_follows(r, k + 1):
        return None  # "two hospitals admitted 85 wounded": admission, not a confession
    if lw == "state" and (r.is_cap(k - 1) or r.text(k + 1) in (",", ".", ";", ")")):
        return None  # a noun: "in neighbouring Kano state, according to ..."
    if lw == "state" and not (
        nxt == "that"
        or (k + 1 < r.n and r.toks[k + 1].kind is TokenKind.NUM)
        or r.text(k + 1) in _QUOTES
    ):
        return None  # a noun: "the ministry's state secretary", "state media"
    if lw in TOLL_REPORTING_VERBS and not any(
        r.low(x) in _TOLL_OBJECTS or r.toks[x].kind is TokenKind.NUM
        for x in range(k + 1, min(r.n, k + 6))
    ):
        return None
    if (
        lw.endswith("s")
        and lw not in _ONLY_VERBS
        and (
            prev.endswith("ed")
            or prev in _PLURAL_NOUN_MODIFIERS
            or r.text(k + 1) in (",", ".", ";")
            or nxt == "of"
        )
    ):
        return None  # a noun: "published estimates", "early reports", "estimates of"
    if lw in ("making",) and nxt not in ("claims", "claim"):
        return None
    if prev == "making":
        return None  # "making claims of": the cue is "making"
    passive = not lw.endswith("ing") and (
        prev in _BE_FORMS or (prev in ("also", "later", "then") and r.low(k - 2) in _BE_FORMS)
    )
    if lw not in ("quoted", "cited") and lw.endswith("ed") and nxt == "by":
        # "the toll reported by the agency rose", "figures released by X": the agent
        agent = _agent(r, k + 2)
        if agent is not None:
            return Cue(k, agent, date=_date_before(r, k))
    if lw in ("quoted", "cited"):
        quoted = _quote_cue(r, k, passive=passive)
        if quoted is not None or passive or lw == "quoted":
            return quoted
        # "X cited a figure of 174": X claims it
    if passive:
        return None
    when = _date_before(r, k)
    if lw in _PARTICIPLE_CUES:
        if prev == "as":
            return None  # "quoted as saying": the quoting verb is the cue
        if r.text(k - 1) == "," or k == 0 or prev in _DOCUMENT_NOUNS:
            # "X issued a statement naming 9 victims": X names them through it
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
        lw in ("said", "says")
        and (r.text(k - 1) == "," or r.text(k - 1) in _QUOTES)
        and (
            r.is_cap(k + 1)
            or nxt in ("the", "a", "an", "one", "two", "three", "several", "officials")
        )
    ):
        first, last = _phrase_after(r, k + 1)
        span = _trim(r, first, last)
        clause = any(
            r.low(x) in AUXILIARIES or (r.low(x) in FINITE_VERBS and not r.is_cap(x))
            for x in range(first, last + 1)
        )  # ", said the militia had set it alight": a clause, said's object
        if span is not None and not clause:
            return Cue(k, span, post=True, date=when)
    post = _is_post(r, k)
    span, relays = _subject(r, k, post=post)
    if span is not None and r.doc.text[span[0] : span[1]].lower() in _NO_SPEAKERS:
        span = None  # "Missing: none reported": a count, nobody who reports
    if span is None and not post:
        return None
    if lw in ("told", "tells", "telling"):
        listener = _listener(r, k + 1)
        if listener is not None:
            relays = (*relays, listener)
    interviewer = _interviewer(r, k)
    if interviewer is not None:
        relays = (*relays, interviewer)
    # a post cue's date follows it ("..., the army said on Monday"); a date before it
    # dates the figure, not the claim
    return Cue(k, span, relays, post=post, date=r.date_in(k, r.n - 1) if post else when)


def _quote_cue(r: _Reader, k: int, *, passive: bool) -> Cue | None:
    """``X was quoted (by Y) as saying``, ``Y quoted X as saying``, ``Y cited X as saying``."""
    when = _date_before(r, k)
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
        self.first_figure: dict[int, int] = {}
        for c in doc.candidates:
            self.first_figure.setdefault(c.sentence, c.mention.first)
        self.quote_claims: dict[int, Claim] = {}
        self.tables: dict[int, _CueTable] = {}
        self.field_claims: dict[int, Claim] = {}
        self.readers: dict[int, _Reader] = {}
        self.clauses: dict[int, _MainClause] = {}

    def reader(self, sentence: int) -> _Reader:
        cached = self.readers.get(sentence)
        if cached is None:
            cached = self.readers[sentence] = _Reader(self.doc, sentence)
        return cached

    def main_clause(self, sentence: int) -> _MainClause:
        cached = self.clauses.get(sentence)
        if cached is None:
            cached = self.clauses[sentence] = _main_clause(self.reader(sentence))
        return cached

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
        quote = self.doc.quote_at(cue.speaker[0])
        if word.lower() in _FIRST_PERSON and quote is not None:
            # "“I counted 14 friends I had lost,” said X": the speaker of the quotation
            outer = self.quote_speaker(quote)
            if outer.claimant is not None:
                return Claim(outer.claimant, outer.span, (*outer.via, *via), cue.date or outer.date)
        if word.lower() in PRONOUNS and word.lower() not in _FIRST_PERSON:
            earlier = [
                c
                for c in self.table(sentence).speakers
                if c.position < cue.position
                and c.speaker is not None
                and self.text(c.speaker).lower() not in PRONOUNS
            ]
            if earlier:
                # "X told the paper he believed ...": the speaker named before
                return self.claim_of(sentence, earlier[-1])
            subject = None if cue.post else _clause_subject(self.reader(sentence), cue.position)
            if (
                subject is not None
                and subject[1] <= cue.speaker[0]
                and self.text(subject).lower() not in PRONOUNS
            ):
                # "X reached the same result: in its report it says ...": the subject
                return Claim(self.text(subject), subject, via, cue.date)
            before = self.account(sentence - 1)
            if before.claimant is None:
                before = self._previous_subject(sentence)  # "The board said ... It found"
            if before.claimant is not None:
                return Claim(
                    before.claimant, before.span, (*before.via, *via), cue.date or before.date
                )
        owned = self._owner_claim(sentence, cue.speaker)
        if owned is not None:
            return Claim(owned.claimant, owned.span, (*owned.via, *via), cue.date)
        return Claim(word, cue.speaker, via, cue.date)

    def _owner_claim(self, sentence: int, speaker: Span) -> Claim | None:
        """``Its researchers confirmed ...``, ``its news agency said ...``: members and
        outlets of an organisation speak for it; the organisation is the subject of
        the sentence, else the source the text was following."""
        words = self.text(speaker).split()
        if len(words) < 2 or words[0].lower() not in ("its", "their"):
            return None
        head = words[-1].lower()
        if head not in _MEMBER_NOUNS and head not in _OUTLET_NOUNS and head not in _WORK_NOUNS:
            return None
        via = (" ".join(words[1:]),) if head in _OUTLET_NOUNS else ()
        subject = _clause_subject(self.reader(sentence), len(self.doc.tokens(sentence)))
        if (
            subject is not None
            and subject[1] <= speaker[0]
            and self.text(subject).lower() not in PRONOUNS
        ):
            return Claim(self.text(subject), subject, via)
        before = self.account(sentence - 1) if sentence > 0 else _NO_CLAIM
        if before.claimant is None or not self.same_section(sentence, sentence - 1):
            before = self.heading_claim(sentence)
        if before.claimant is None:
            before = self._previous_subject(sentence)
        if before.claimant is None:
            return None
        return Claim(before.claimant, before.span, via)

    def _previous_subject(self, sentence: int) -> Claim:
        """``A team led by X surveyed 900 families. Their survey estimated ...``:
        the subject of the sentence before, in the same paragraph."""
        doc = self.doc
        if sentence < 1 or doc.sentences[sentence].block != doc.sentences[sentence - 1].block:
            return _NO_CLAIM
        r = self.reader(sentence - 1)
        subject = _clause_subject(r, r.n)
        if subject is None or self.text(subject).lower() in PRONOUNS:
            return _NO_CLAIM
        return Claim(self.text(subject), subject)

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
            opens_quote = self.doc.quote_at(self.doc.sentences[s].start) is not None
            if not opens_quote and (
                s not in self.with_figures or not self._continues(s, self.first_figure[s])
            ):
                # a sentence with no figure, or whose figure starts an account of its
                # own ("In March, a similar attack killed 14"), carries no account on
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
        named = _HEADING_FIGURE_RE.match(doc.text, block.start, block.end)
        if named is not None and named.group("name").count(" ") < 5:
            # "The fire service: at least 12": the section gives that source's figure
            start, end = named.span("name")
            if doc.text.startswith(("The ", "the "), start):
                start += 4
            return Claim(doc.text[start:end], (start, end))
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
        if last_word <= first_word or all(
            w in _NOT_SOURCES or w in _PLURAL_NOUN_MODIFIERS for w in lowered[first_word:last_word]
        ):
            return _NO_CLAIM  # "Current figures", "Latest estimates": no source named
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

    def field_claim(self, cand: Candidate) -> Claim:
        """``Deaths: at least 40 (state media)``: the parenthesis names the claimant.

        The parenthesis after the figure's own item (``45 (Monday night)`` is a
        time, not a source), else the one closing the line for all its items, else a
        source named in the label (``Previous tolls from the governor:``).  ``(same
        source)`` repeats the claimant of the field line before.  An infobox line
        continues no account: with no source it has no claimant."""
        doc = self.doc
        toks = doc.tokens(cand.sentence)
        n = len(toks)
        k = cand.mention.last + 1
        while k < n and toks[k].text in _EMPHASIS:
            k += 1
        if k < n and toks[k].lower in _FIELD_CASUALTY_WORDS:
            k += 1
        opened = k if k < n and toks[k].text == "(" else -1
        if opened < 0:
            # the parenthesis that closes the line speaks for every item of it
            last = n - 1
            while last > k and (toks[last].kind is TokenKind.NUM or toks[last].text in "[]."):
                last -= 1
            if last > k and toks[last].text == ")":
                stop = max(k - 1, last - _PARENTHESIS_WINDOW)
                opened = next((x for x in range(last - 1, stop, -1) if toks[x].text == "("), -1)
        claim = self._parenthesis_claim(cand.sentence, opened) if opened >= 0 else None
        if claim is None:
            claim = self._label_claim(cand.sentence)
        if claim is None:
            claim = self._column_claim(cand.sentence)
        if claim is None:
            claim = self._caption_claim(cand.sentence)
        if claim is None:
            return _NO_CLAIM
        if claim.claimant == _SAME_SOURCE:
            before = self.field_claims.get(cand.sentence - 1)
            claim = before if before is not None else _NO_CLAIM
        self.field_claims[cand.sentence] = claim
        return claim

    def _parenthesis_claim(self, sentence: int, opened: int) -> Claim | None:
        doc = self.doc
        toks = doc.tokens(sentence)
        close = next(
            (x for x in range(opened + 1, min(len(toks), opened + 16)) if toks[x].text == ")"), -1
        )
        if close <= opened + 1:
            return None
        first = opened + 1
        if toks[first].kind is TokenKind.NUM:
            return None  # "(40 from disease)": a part of the count, no source
        while first < close and toks[first].lower in _FIELD_SOURCE_LEADS:
            first += 1
        stop = next((x for x in range(first, close) if toks[x].text in ",;"), close)
        last = stop - 1
        while last >= first and toks[last].lower in ACCOUNT_NOUNS:
            last -= 1  # "(separatist claim)" -> separatist
        words = [t.lower for t in toks[first : last + 1]]
        if not words or all(w in _NOT_SOURCES or w in WEEKDAYS for w in words):
            # "(later estimate)", "(Monday night)": no source named
            return None
        if words in (["same", "source"], ["same"], ["ibid"], ["idem"]):
            return Claim(_SAME_SOURCE, None)
        if any(x in self.reader_dates(sentence) for x in range(first, last + 1)):
            return None
        via: tuple[str, ...] = ()
        if stop < close and toks[stop + 1].lower == "via" and stop + 2 < close:
            via = (doc.text[toks[stop + 2].start : toks[close - 1].end],)
        span = (toks[first].start, toks[last].end)
        return Claim(doc.text[span[0] : span[1]], span, via)

    def _caption_claim(self, sentence: int) -> Claim | None:
        """A table's source: named in brackets at the end of the caption above it
        (``Table 1. Casualties by district (Relief Office, 21 March)``) or on a
        ``Source:`` line right under it."""
        doc = self.doc
        text = doc.text
        index = doc.sentences[sentence].block
        if not _in_table(text, doc.blocks[index]):
            return None
        first = index
        while first > 0 and _in_table(text, doc.blocks[first - 1]):
            first -= 1
        last = index
        while last + 1 < len(doc.blocks) and _in_table(text, doc.blocks[last + 1]):
            last += 1
        if first > 0:
            above = doc.blocks[first - 1]
            m = _CAPTION_SOURCE_RE.search(text, above.start, above.end)
            if m is not None and above.end - above.start <= _MAX_CAPTION_CHARS:
                name = m.span("name")
                if not doc.dates_between(*name):
                    return Claim(text[name[0] : name[1]], name)
        if last + 1 < len(doc.blocks):
            below = doc.blocks[last + 1]
            m = _SOURCE_LINE_RE.match(text, below.start, below.end)
            if m is not None:
                return Claim(m.group("name"), m.span("name"))
        return None

    def _column_claim(self, sentence: int) -> Claim | None:
        """A table row's cell under its "Source" column (``army, final search`` ->
        ``army``)."""
        block = self.doc.block_of(sentence)
        if block.source_start < 0:
            return None
        text = self.doc.text
        start, end = block.source_start, block.source_end
        comma = text.find(",", start, end)
        if comma > start:
            end = comma
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if text.startswith(("the ", "The "), start, end):
            start += 4
        return Claim(text[start:end], (start, end)) if start < end else None

    def _label_claim(self, sentence: int) -> Claim | None:
        """``Previous tolls from the governor: 45``: a source named in the label."""
        doc = self.doc
        block = doc.block_of(sentence)
        toks = doc.tokens(sentence)
        label_start = block.label_start if block.label_start >= 0 else block.start
        for x, tok in enumerate(toks):
            if tok.start >= block.label_end:
                break
            if tok.start < label_start:
                continue
            if tok.lower in ("from", "by", "per") or (
                tok.lower == "according" and x + 1 < len(toks) and toks[x + 1].lower == "to"
            ):
                first = x + 1 + (tok.lower == "according")
                while first < len(toks) and toks[first].lower in ("the", "a", "an"):
                    first += 1
                last = first - 1
                while (
                    last + 1 < len(toks)
                    and toks[last + 1].end <= block.label_end
                    and toks[last + 1].kind is TokenKind.WORD
                ):
                    last += 1
                if last >= first:
                    span = (toks[first].start, toks[last].end)
                    return Claim(doc.text[span[0] : span[1]], span)
        return None

    def reader_dates(self, sentence: int) -> set[int]:
        return self.reader(sentence).date_tokens

    def claim_for(self, cand: Candidate) -> Claim:
        doc = self.doc
        sentence = cand.sentence
        if doc.is_headline(sentence):
            return _NO_CLAIM
        if doc.block_of(sentence).kind is BlockKind.FIELD:
            return self.field_claim(cand)
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
                    return self.continued(sentence, p)
                return self.claim_of(sentence, chosen)
            claim = self.claim_of(sentence, chosen)
            if outer.claimant is not None and outer.claimant != claim.claimant:
                via = (*outer.via, outer.claimant, *claim.via)
                return Claim(claim.claimant, claim.span, via, claim.date or outer.date)
            return claim
        chosen = table.nearest(p)
        if chosen is None:
            return self.continued(sentence, p)
        return self.claim_of(sentence, chosen)

    def _quotes_unattributed(self, sentence: int) -> bool:
        """A sentence that quotes someone without saying who: the speaker before."""
        s = self.doc.sentences[sentence]
        i = bisect.bisect_left(self.doc._quote_starts, s.start)
        return (
            i < len(self.doc.quotes)
            and self.doc.quotes[i][0] < s.end
            and not self.table(sentence).speakers
        )

    def _continues(self, sentence: int, p: int) -> bool:
        """Whether a sentence with no cue goes on with the account of the sentence
        before it, in the same paragraph (or quotation), for its figure at token ``p``."""
        doc = self.doc
        return (
            sentence > 0
            and (
                doc.sentences[sentence].block == doc.sentences[sentence - 1].block
                or self._quotes_unattributed(sentence)
            )
            and self.same_section(sentence, sentence - 1)
            and not doc.is_headline(sentence - 1)
            and self._goes_on(sentence, p)
        )

    def _goes_on(self, sentence: int, p: int) -> bool:
        """Whether the figure at ``p`` or a count (``The official number of injured
        stood at 120``) is what the main clause is about, and the sentence does not open
        at a new time (``In early March the toll was put at ...``: another report)."""
        r = self.reader(sentence)
        if _opens_with_time(r):
            return False
        if self.main_clause(sentence).opens(p):
            return True
        # a count continues the account unless it is dated or moves on ("The
        # announced toll had stood at 40 on Monday", "was later raised to 50")
        return _count_subject(r) and not any(
            k in r.date_tokens
            or r.low(k) in WEEKDAYS
            or r.low(k) in _TIME_NOUNS
            or r.low(k) in _MOVES_ON
            for k in range(r.n)
        )

    def continued(self, sentence: int, p: int) -> Claim:
        """The claim of a figure whose sentence has no cue: the account before it in
        the same paragraph, when the figure or a count opens the main clause (``The
        remaining 23 ...``, ``In X itself, 18 people died``) and the sentence does not
        move on in time (``was later revised to``); else a named organisation that did
        what it counts; else the heading's account."""
        if self._continues(sentence, self.first_figure.get(sentence, p)):
            # the sentence goes on with the account: so do all its figures
            before = self.account(sentence - 1)
            if before.claimant is not None:
                return before
        agent = self.agent_claim(sentence, p)
        if agent.claimant is not None:
            return agent
        speaker = self.speaker_claim(sentence)
        return speaker if speaker.claimant is not None else self.heading_claim(sentence)

    def speaker_claim(self, sentence: int) -> Claim:
        """In a transcript, what a guest says with no source is the guest's claim."""
        block = self.doc.block_of(sentence)
        if block.speaker_start < 0:
            return _NO_CLAIM
        span = (block.speaker_start, block.speaker_end)
        return Claim(self.text(span), span)

    def agent_claim(self, sentence: int, p: int) -> Claim:
        """``The coast guard pulled 12 bodies from the sea``, ``The city ambulance
        service took 20 patients to hospital``: a named organisation that did what the
        figure counts, with no one reporting it, counts it first-hand.  (A casualty
        verb's subject, ``The army killed 12``, is the killer, no source.)"""
        doc = self.doc
        r = self.reader(sentence)
        block = doc.block_of(sentence)
        start = 0
        if block.label_end > 0 and doc.sentences[sentence].start < block.label_end:
            start = next((k for k in range(r.n) if r.toks[k].start >= block.label_end), r.n)
            while start < r.n and r.toks[start].kind is TokenKind.PUNCT:
                start += 1
        subject = _clause_subject(r, p, start)
        if subject is None:
            return _NO_CLAIM
        words = [w for w in self.text(subject).split() if w.lower() not in _NAME_LEADS]
        if len(words) < 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
            return _NO_CLAIM  # a name of two words or more, no sentence-initial capital
        verb = bisect.bisect_left(r.toks, subject[1], key=lambda t: t.start)
        if r.is_cap(verb) or r.low(verb + (r.text(verb) == ",")) in ("and", "or"):
            return _NO_CLAIM  # "took a priest, Jon Doe, and a dozen others": an object
        if any(r.low(x) in TRANSITIVE_VERBS or r.low(x) in REPORTING_VERBS for x in range(verb, p)):
            return _NO_CLAIM
        return Claim(self.text(subject), subject)


_MOVES_ON = word_set("later subsequently afterwards afterward eventually since")
_TIME_OPENERS = word_set("on in by at during late early later after before until")


_MAX_CAPTION_CHARS = 160
# "(Relief Office, 21 March 2023)" closing a caption; "Source: Relief Office" under a table
_CAPTION_SOURCE_RE = re.compile(
    r"\((?:source:\s*)?(?P<name>[A-Z][^(),;]{1,60}?)(?:[,;][^()]*)?\)\s*$", re.I
)
_SOURCE_LINE_RE = re.compile(
    r"\**sources?:\**\s*(?:the\s+)?(?P<name>[^,.;()\n]{2,80}?)\s*(?:[,.;(]|$)", re.I
)


def _in_table(text: str, block: Block) -> bool:
    """Whether a block is a cell of a Markdown table row."""
    line_start = text.rfind("\n", 0, block.start) + 1
    return block.kind is BlockKind.FIELD and text.startswith("|", line_start)


def _opens_with_time(r: _Reader) -> bool:
    """A sentence that opens with a time: ``In early March``, ``On 9 May``,
    ``Late on Friday``, ``In the afternoon``."""
    if r.low(0) not in _TIME_OPENERS:
        return False
    for k in range(1, min(r.n, 6)):
        if k in r.date_tokens or r.low(k) in WEEKDAYS or r.low(k) in _TIME_NOUNS:
            return True
        if r.toks[k].kind is not TokenKind.WORD or r.low(k) in AUXILIARIES:
            return False
    return False


def _count_subject(r: _Reader) -> bool:
    """A main clause about a count: ``The official number of injured stood at ...``."""
    start = 0
    comma = next((x for x in range(min(r.n, 12)) if r.text(x) == ","), -1)
    if comma > 0 and _is_adverbial(r, 0, comma - 1):
        start = comma + 1
    return any(r.low(x) in _COUNT_HEADS for x in range(start, min(r.n, start + 4)))


@dataclass(frozen=True, slots=True)
class _MainClause:
    """Where a sentence's main clause may hold its subject: after adverbial openers
    (``In the old town, where roofs fell, 9 died``), before any verb or any word
    that moves on in time."""

    limit: int  # token index of the first verb, time shift or non-adverbial chunk
    segment_starts: tuple[int, ...]  # where each comma-separated chunk begins

    def opens(self, p: int) -> bool:
        """Whether the number at token ``p`` is the subject of the main clause."""
        if p > self.limit:
            return False
        i = bisect.bisect_right(self.segment_starts, p) - 1
        return p - self.segment_starts[max(i, 0)] <= 4


def _main_clause(r: _Reader) -> _MainClause:
    starts = [0]
    start = 0
    for k in range(r.n):
        tok = r.toks[k]
        lw = tok.lower
        if tok.text in (",", ";", "—", "–"):
            if start < k and not (
                _is_adverbial(r, start, k - 1) or r.low(start) in _CLAUSE_OPENERS
            ):
                return _MainClause(k, tuple(starts))
            start = k + 1
            starts.append(start)
            continue
        if lw in _MOVES_ON:
            return _MainClause(k - 1, tuple(starts))
        if tok.kind is not TokenKind.WORD:
            continue
        opener = r.low(start)
        if (
            lw in AUXILIARIES
            or lw in REPORTING_VERBS
            or lw in FINITE_VERBS
            or (lw.endswith("ed") and not r.is_cap(k))
        ) and not (opener in _CLAUSE_OPENERS or opener in _ADVERBIAL_OPENERS):
            return _MainClause(k, tuple(starts))  # a verb: the subject stands before it
    return _MainClause(r.n, tuple(starts))


_CLAUSE_OPENERS = word_set(
    "where when while whereas as because although though after before of among"
)


def _brackets(toks: list[Token]) -> list[int]:
    """For each token, where the innermost bracket holding it opens, -1 outside."""
    out = []
    opened: list[int] = []
    for k, tok in enumerate(toks):
        if tok.text == "(":
            opened.append(k)
        out.append(opened[-1] if opened else -1)
        if tok.text == ")" and opened:
            opened.pop()
    return out


class _CueTable:
    """The cues of one sentence indexed by position, so that each figure finds its
    cue by bisection rather than by reading every cue."""

    def __init__(self, cues: list[Cue], toks: list[Token]) -> None:
        self.breaks = [k for k, t in enumerate(toks) if t.text in (",", ";", "(", ")")]
        self.semicolons = [k for k in self.breaks if toks[k].text == ";"]
        self.brackets = _brackets(toks)
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
        # a cue inside brackets speaks only for what the brackets hold
        b = i - 1
        while b >= max(lo, i - _CUE_SCAN) and not self._reaches(self.speakers[b], p):
            b -= 1
        before = self.speakers[b] if b >= max(lo, i - _CUE_SCAN) else None
        following = [c for c in self.speakers[i : min(top, i + _CUE_SCAN)] if self._reaches(c, p)]
        after = following[0] if following else None
        if (
            before is not None
            and before.either
            and after is not None
            and (after.post or after.either)
            and self._broken(before.position, p)
            and not self._broken(p, after.position)
        ):
            # "40 dead according to X, and 25 according to Y": Y, in the figure's clause
            return after
        if before is not None and (not before.post or before.either):
            return before
        for cue in following:
            if self._broken(p, cue.position, clause=True):
                break  # "X took 20 patients to hospital; ..., according to Y"
            if cue.post or cue.either:
                return cue
        return before

    def _reaches(self, cue: Cue, p: int) -> bool:
        bracket = self.brackets[cue.position]
        return bracket < 0 or bracket == self.brackets[p]

    def _broken(self, a: int, b: int, *, clause: bool = False) -> bool:
        """Whether a comma, semicolon or bracket (with ``clause``, a semicolon) stands
        between tokens ``a`` and ``b``."""
        marks = self.semicolons if clause else self.breaks
        i = bisect.bisect_right(marks, a)
        return i < len(marks) and marks[i] < b


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


_FULL_NAME_RE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]* ){1,3}[A-Z][\w'’-]*")
_NAME_LEADS = word_set("the a an on in at by for of and but as")


_GIVEN = "given:"  # index keys of first names, apart from surnames


def _name_index(doc: Doc) -> dict[str, Span]:
    """For each surname, where the text first gives it with a given name: one pass."""
    text = doc.text
    index: dict[str, Span] = {}
    for m in _FULL_NAME_RE.finditer(text):
        words = m.group().split()
        start = m.start()
        while words and (
            words[0].lower().rstrip(".") in PERSONAL_TITLES or words[0].lower() in _NAME_LEADS
        ):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if len(words) >= 2:
            index.setdefault(words[-1].lower(), (start, m.end()))
            # many names go by their first word ("Sutarno Adi Wijaya" is "Sutarno")
            index.setdefault(_GIVEN + words[0].lower(), (start, m.end()))
    return index


def _surname(claim: Claim) -> str | None:
    """The claimant as a surname alone, a title before it or not (``Mr Smith``)."""
    if claim.claimant is None:
        return None
    words = claim.claimant.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in PERSONAL_TITLES:
        words = words[1:]
    word = words[0]
    if len(words) != 1 or not word[:1].isupper() or word.isupper() or word.lower() in PRONOUNS:
        return None  # not "DPR" or "UN": an acronym is no surname
    return word


def _full_name(doc: Doc, claim: Claim, names: dict[str, Span] | None) -> Claim:
    """A person named by surname alone (``Kovac``, ``Mr Smith``) after the text
    gave the full name (``Anna Kovac``): the full name, as first written."""
    surname = _surname(claim)
    if names is None or surname is None or claim.span is None:
        return claim
    span = names.get(surname.lower()) or names.get(_GIVEN + surname.lower())
    if span is None or span[0] >= claim.span[0]:
        return claim
    return Claim(doc.text[span[0] : span[1]], span, claim.via, claim.date)


_DEFINED_ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|du|de|des|la|le)[ \t]+(?:the[ \t]+)?)?){1,7})"
    r"\(([A-Z]{2,6})\)"
)


def _acronym_index(doc: Doc) -> dict[str, Span]:
    """``The Armed Forces of Utopia (AFU)``: for each acronym the text
    defines, the name it stands for (its capitals spell the acronym), written with
    the acronym as the text first gave both."""
    index: dict[str, Span] = {}
    for m in _DEFINED_ACRONYM_RE.finditer(doc.text):
        words = m.group(1).split()
        capitals = [w for w in words if w[:1].isupper() and w not in ("The", "A", "An")]
        acronym = m.group(2)
        if "".join(w[0] for w in capitals) != acronym:
            continue
        start = m.start(1) + m.group(1).index(capitals[0])
        index.setdefault(acronym, (start, m.end()))
    return index


def _expand(doc: Doc, claim: Claim, acronyms: dict[str, Span]) -> Claim:
    """An acronym claimant (``AFU``) after the text defined it: the full name."""
    if claim.claimant is None or claim.span is None:
        return claim
    span = acronyms.get(claim.claimant.strip())
    if span is None or span[0] >= claim.span[0]:
        return claim
    return Claim(doc.text[span[0] : span[1]], span, claim.via, claim.date)


_SHORT_FORM_RE = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{1,9})\)")


def _with_short_form(doc: Doc, claim: Claim) -> Claim:
    """``the national disaster agency (NDA)``: the name with the short form the text
    gives it in brackets, so that either spelling finds the claimant."""
    if claim.span is None:
        return claim
    m = _SHORT_FORM_RE.match(doc.text, claim.span[1])
    if m is None or sum(c.isupper() for c in m.group(1)) < 2:
        return claim
    span = (claim.span[0], m.end())
    return Claim(doc.text[span[0] : span[1]], span, claim.via, claim.date)


_ANTECEDENT_WINDOW = 40  # claimants looked back over, so long texts stay linear
_DEFINITE_BEFORE_RE = re.compile(r"(?:\b(?:the|this|that)\s+)$", re.I)


def _antecedent_claim(doc: Doc, claim: Claim, earlier: list[Claim]) -> Claim:
    """``the agency`` after the text named ``the national disaster agency (NDA)``
    as a claimant: the one named last whose name has that noun."""
    if claim.claimant is None or claim.span is None or " " in claim.claimant:
        return claim
    noun = claim.claimant
    if not noun.isalpha() or not noun.islower() or noun in PRONOUNS:
        return claim
    if not _DEFINITE_BEFORE_RE.search(doc.text, max(0, claim.span[0] - 6), claim.span[0]):
        return claim
    for before in reversed(earlier[-_ANTECEDENT_WINDOW:]):
        name = before.claimant
        if name is not None and name != noun and noun in name.lower().split():
            return Claim(name, before.span, claim.via, claim.date)
    return claim


def _in_own_voice(doc: Doc, cand: Candidate, claim: Claim) -> Claim:
    """In an organisation's statement, what the text says with no source, or says
    as "we" (``we reported``, ``our review counted``), the organisation claims; in
    any other text "we" are its writers, and the text itself asserts it."""
    if doc.is_headline(cand.sentence):
        return claim
    name = claim.claimant.lower() if claim.claimant else None
    if name is not None and name not in _FIRST_PERSON and not name.startswith(_OWN):
        return claim
    block = doc.block_of(cand.sentence)
    if block.speaker_start >= 0 and name is not None:
        # "I", "we" in a transcript: whoever speaks the turn
        start, end = block.speaker_start, block.speaker_end
        return Claim(doc.text[start:end], (start, end), claim.via, claim.date)
    if doc.author is None:
        # the writers' own voice: the text itself asserts it
        return claim if name is None else Claim(None, None, claim.via, claim.date)
    start, end = doc.author
    return Claim(doc.text[start:end], doc.author, claim.via, claim.date)


def attribute(doc: Doc) -> None:
    """Pipeline component: claimant, relays, stance, hedge and claim date of every candidate."""
    attributor = _Attributor(doc)
    publisher = doc.publisher.lower() if doc.publisher else None
    head: tuple[int, Claim] | None = None  # the last figure's sentence and claim
    names: dict[str, Span] | None = None
    acronyms: dict[str, Span] | None = None
    named: list[Claim] = []  # the claimants so far, in text order
    for cand in doc.candidates:
        if cand.subcount and head is not None and head[0] == cand.sentence:
            claim = head[1]  # a part of a total is claimed with the total
        else:
            claim = attributor.claim_for(cand)
        head = (cand.sentence, claim)
        claim = _in_own_voice(doc, cand, claim)
        if names is None and _surname(claim) is not None:
            names = _name_index(doc)  # built once, on the first surname alone
        claim = _full_name(doc, claim, names)
        if claim.claimant is not None and claim.claimant.isupper():
            if acronyms is None:
                acronyms = _acronym_index(doc)  # built once, on the first acronym
            claim = _expand(doc, claim, acronyms)
        claim = _with_short_form(doc, claim)
        claim = _antecedent_claim(doc, claim, named)
        if claim.claimant is not None and (not named or named[-1] != claim):
            named.append(claim)
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
