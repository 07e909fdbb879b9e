"""Number expressions: digits, words, ranges, vague amounts and zeros, with the
qualifier glued to them, minus the numbers that are not counts (dates, times,
units, names of weapons and units, citation markers, money, years, rates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.doc import BlockKind, Doc, Mention
from tollbook.extract.lexicon import (
    FORCE_BEFORE,
    IDENTIFIER_BEFORE,
    MONEY_BEFORE,
    MONTHS,
    NO_DATA_NOUNS,
    NOMINAL_PREDICATES,
    PEOPLE_NOUNS,
    QUALIFIERS_BEFORE,
    RATE_AFTER,
    RATE_NOUNS,
    SCALE_WORDS,
    TENS_WORDS,
    UNIT_AFTER,
    UNIT_WORDS,
    VAGUE_OF_SCALE,
    VAGUE_WORDS,
    WEEKDAYS,
)
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Qualifier

_MAX_DIGITS = 15  # a count of people never needs more; int() on huge strings is slow
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_PLAIN_RE = re.compile(r"\d+")
_DECIMAL_RE = re.compile(r"\d+\.\d+")

# Sentences worth reading: a casualty word (or a count noun) and something numeric.
# Sentences worth reading: a casualty word (or a count noun) and something numeric.
# Plain substring tests run at C speed; they only need to let every figure through.
_CASUALTY_STEMS = (
    "kill",
    "dead",
    "death",
    "died",
    "die",
    "wound",
    "injur",
    "casualt",
    "fatalit",
    "missing",
    "toll",
    "bod",
    "corpse",
    "lives",
    "perish",
    "execut",
    "slain",
    "massacr",
    "slaughter",
    "captur",
    "hostage",
    "prisoner",
    "captive",
    "abduct",
    "kidnap",
    "hurt",
    "maimed",
    "drown",
    "murder",
    "eliminat",
    "lost",
    "lynch",
    "behead",
    "shot",
    "gunned",
    "number",
    "figure",
    "tally",
    "count ",  # "the final count to be ...", not "country"
    "count,",
    "count.",
    "total",
    "unaccounted",
    "losses",
    "trapped",
    "buried",
    "yet to be",
    "victim",
    "hospital",
    "treated",
    "treating",
    "recover",
    "retriev",
    "brought out",
    "pulled out",
    "exhum",
    # a toll named before and given again: "It stood at 131", "raised this to 978"
    "stood at",
    "stands at",
    "rose to",
    "risen to",
    "reached",
    "climbed",
    "crossed",
    "passed",
    "raised",
    "revised",
    "corrected",
    "taken alive",
    "captured alive",
    "suffered",
    "sustained",
    "estimate",
    "put it at",
    "puts it at",
    "putting it at",
)
_NUMBER_STEMS = (
    "no",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "teen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "dozen",
    "score",
    "million",
    "couple",
)
_DIGIT_RE = re.compile(r"\d")
_MODEL_RE = re.compile(r"[A-Z]\w*\s\d+-\d")


def worth_reading(text: str, start: int, end: int) -> bool:
    """A cheap test that a sentence may hold a figure at all."""
    low = text[start:end].lower()
    if not any(stem in low for stem in _CASUALTY_STEMS):
        return False
    return bool(_DIGIT_RE.search(low)) or any(stem in low for stem in _NUMBER_STEMS)


_NOT_ZERO_AFTER = frozenset(
    ["more", "fewer", "less", "longer", "sooner", "further", "other", "matter", "doubt", "sign"]
)


_NUMBER_STARTERS = (
    frozenset(UNIT_WORDS)
    | frozenset(TENS_WORDS)
    | frozenset(VAGUE_WORDS)
    | frozenset(
        ["a", "an", "another", "half", "several", "few", "tens", "no", "none", "nobody", "zero"]
    )
)


@dataclass(frozen=True, slots=True)
class _Core:
    first: int
    last: int
    low: int
    high: int
    qualifier: Qualifier  # EXACT, APPROX or VAGUE
    zero: bool = False


def _is_number_word(lower: str) -> bool:
    if lower in UNIT_WORDS or lower in TENS_WORDS:
        return True
    if "-" in lower:
        tens, _, unit = lower.partition("-")
        return tens in TENS_WORDS and unit in UNIT_WORDS and 0 < UNIT_WORDS[unit] < 10
    return False


def _word_value(lower: str) -> int:
    if lower in UNIT_WORDS:
        return UNIT_WORDS[lower]
    if lower in TENS_WORDS:
        return TENS_WORDS[lower]
    tens, _, unit = lower.partition("-")
    return TENS_WORDS[tens] + UNIT_WORDS[unit]


def _digits(toks: list[Token], i: int, text: str) -> _Core | None:
    t = toks[i]
    raw = t.text
    if sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
        return None
    before = text[t.start - 1] if t.start > 0 else " "
    if before.isalpha() or before == "_":
        return None
    if before in "-/" and t.start >= 2 and text[t.start - 2].isalpha():
        return None  # T-72, MQ-9
    after = text[t.end] if t.end < len(text) else " "
    after2 = text[t.end + 1] if t.end + 1 < len(text) else " "
    if _THOUSANDS_RE.fullmatch(raw) or _PLAIN_RE.fullmatch(raw):
        value: float = int(raw.replace(",", ""))
    elif _DECIMAL_RE.fullmatch(raw):
        value = float(raw)
    else:
        return None
    if after.isalpha() or after == "_":
        if after == "s" and not after2.isalnum() and value in (100, 1000) and i + 1 < len(toks):
            low, high = VAGUE_WORDS["hundreds" if value == 100 else "thousands"]
            return _Core(i, i + 1, low, high, Qualifier.VAGUE)
        return None
    if after == "-" and after2.isalpha():
        suffix = toks[i + 2].lower if i + 2 < len(toks) else ""
        if suffix not in ("plus", "odd"):
            return None  # 500-strong, 12-year-old; "-plus" is read as a post qualifier
    last = i
    if i + 1 < len(toks) and toks[i + 1].lower in SCALE_WORDS:
        value *= SCALE_WORDS[toks[i + 1].lower]
        last = i + 1
    elif (
        value != int(value)
        and i + 3 < len(toks)
        and toks[i + 1].lower in ("to", "–", "-", "—", "or")
        and toks[i + 3].lower in SCALE_WORDS
    ):
        value *= SCALE_WORDS[toks[i + 3].lower]  # "1.5 to 2 million": the scale is shared
    if value != int(value):
        return None  # a decimal that is not a count
    v = int(value)
    return _Core(i, last, v, v, Qualifier.EXACT)


def _words(toks: list[Token], i: int) -> _Core | None:
    n = len(toks)
    lower = toks[i].lower

    def at(k: int) -> str:
        return toks[k].lower if k < n else ""

    if lower in ("no", "none", "nobody", "zero"):
        if at(i + 1) in _NOT_ZERO_AFTER:
            return None
        data = next((k for k in range(i + 1, i + 4) if at(k) in NO_DATA_NOUNS), -1)
        if (
            lower == "no"
            and data >= 0
            and not (at(data + 1) == "of" and at(data + 2) in NOMINAL_PREDICATES)
        ):
            return None  # "no consolidated figure has been published": no count at all,
            # but "no reports of injuries" is a count of none
        if lower == "no" and at(i + 1) == "." and i + 2 < n and toks[i + 2].kind is TokenKind.NUM:
            return None  # "No. 5"
        if lower == "no" and at(i + 1) == "one":
            return _Core(i, i + 1, 0, 0, Qualifier.EXACT, zero=True)
        return _Core(i, i, 0, 0, Qualifier.EXACT, zero=True)
    if lower in ("a", "an", "another"):
        nxt = at(i + 1)
        if nxt in SCALE_WORDS:
            v = SCALE_WORDS[nxt]
            return _Core(i, i + 1, v, v, Qualifier.EXACT)
        if nxt == "dozen":
            return _Core(i, i + 1, 12, 12, Qualifier.APPROX)
        if lower == "another":
            return None  # only "another dozen", "another hundred"
        if nxt == "couple":
            k = i + 3 if at(i + 2) == "of" else i + 2
            if at(k) in SCALE_WORDS:
                v = 2 * SCALE_WORDS[at(k)]
                return _Core(i, k, v, v, Qualifier.APPROX)
            return None
        if nxt == "few" and at(i + 2) in SCALE_WORDS:
            s = SCALE_WORDS[at(i + 2)]
            return _Core(i, i + 2, 2 * s, 9 * s, Qualifier.VAGUE)
        return None
    if lower == "half" and at(i + 1) == "a" and at(i + 2) == "dozen":
        return _Core(i, i + 2, 6, 6, Qualifier.APPROX)
    if lower in ("several", "few") and at(i + 1) in SCALE_WORDS:
        s = SCALE_WORDS[at(i + 1)]
        return _Core(i, i + 1, 2 * s, 10 * s - 1, Qualifier.VAGUE)
    if lower in ("tens", "hundreds") and at(i + 1) == "of" and (lower, at(i + 2)) in VAGUE_OF_SCALE:
        low, high = VAGUE_OF_SCALE[(lower, at(i + 2))]
        return _Core(i, i + 2, low, high, Qualifier.VAGUE)
    if lower in VAGUE_WORDS:
        low, high = VAGUE_WORDS[lower]
        return _Core(i, i, low, high, Qualifier.VAGUE)
    if not _is_number_word(lower):
        return None
    total = 0
    current = 0
    last = i
    previous = ""  # "unit", "tens", "hundred", "scale"
    qualifier = Qualifier.EXACT
    k = i
    while k < n:
        w = toks[k].lower
        if (
            _is_number_word(w)
            and "-" not in w
            and w in UNIT_WORDS
            and previous in ("", "tens", "hundred", "scale", "and")
        ):
            if previous == "tens" and UNIT_WORDS[w] >= 10:
                break
            current += UNIT_WORDS[w]
            previous = "unit"
        elif _is_number_word(w) and previous in ("", "hundred", "scale", "and"):
            current += _word_value(w)
            previous = "tens" if w in TENS_WORDS else "unit"
        elif w == "hundred" and previous in ("unit", "tens") and current < 100:
            current *= 100
            previous = "hundred"
        elif w in SCALE_WORDS and w != "hundred" and previous in ("unit", "tens", "hundred"):
            total += current * SCALE_WORDS[w]
            current = 0
            previous = "scale"
        elif w == "dozen" and previous == "unit":
            current *= 12
            qualifier = Qualifier.APPROX
            last = k
            break
        elif (
            w == "and"
            and previous in ("hundred", "scale")
            and k + 1 < n
            and _is_number_word(toks[k + 1].lower)
        ):
            previous = "and"
            k += 1
            continue
        else:
            break
        last = k
        k += 1
    value = total + current
    return _Core(i, last, value, value, qualifier)


def _core(toks: list[Token], i: int, text: str, blocked: set[int]) -> _Core | None:
    if i >= len(toks) or i in blocked:
        return None
    kind = toks[i].kind
    if kind is TokenKind.NUM:
        return _digits(toks, i, text)
    if kind is TokenKind.WORD:
        core = _words(toks, i)
        if core is not None and core.last in blocked:
            return None
        return core
    return None


_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
for _words_q, _qualifier_q in QUALIFIERS_BEFORE:
    _QUALIFIERS_BY_LAST.setdefault(_words_q[-1], []).append((_words_q, _qualifier_q))


def _qualifier_before(toks: list[Token], first: int) -> tuple[int, Qualifier] | None:
    if first < 1:
        return None
    for words, qualifier in _QUALIFIERS_BY_LAST.get(toks[first - 1].lower, ()):
        size = len(words)
        start = first - size
        if start < 0:
            continue
        if all(toks[start + j].lower == words[j] for j in range(size)):
            return start, qualifier
    return None


def _apply(qualifier: Qualifier, core: _Core) -> tuple[int | None, int | None]:
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return core.low, None
    if qualifier in (Qualifier.AT_MOST, Qualifier.UP_TO):
        return None, core.high
    return core.low, core.high


def _adjacent(toks: list[Token], a: int, b: int) -> bool:
    return toks[a].end == toks[b].start


def _is_trap(
    toks: list[Token], first: int, last: int, core: _Core, text: str, ranged: bool
) -> bool:
    n = len(toks)

    def low(k: int) -> str:
        return toks[k].lower.rstrip(".") if 0 <= k < n else ""

    nxt, nxt2 = low(last + 1), low(last + 2)
    prev, prev2 = low(first - 1), low(first - 2)
    if prev == "[" and nxt == "]":
        return True  # a citation marker
    if nxt in UNIT_AFTER or nxt in ("%", "percent", "strong"):
        return True
    # 10:30, not "July 8: 13 dead" (a time has no space around its colon)
    if (
        nxt == ":"
        and 0 <= last + 2 < n
        and toks[last + 2].kind is TokenKind.NUM
        and _adjacent(toks, last, last + 1)
        and _adjacent(toks, last + 1, last + 2)
    ):
        return True
    if (
        prev == ":"
        and 0 <= first - 2 < n
        and toks[first - 2].kind is TokenKind.NUM
        and _adjacent(toks, first - 2, first - 1)
        and _adjacent(toks, first - 1, first)
    ):
        return True
    if prev in IDENTIFIER_BEFORE or prev in MONEY_BEFORE:
        return True
    if _age_after_name(toks, first, last, core):
        return True
    if (
        prev == ""
        and first > 0
        and toks[first - 1].text == "."
        and prev2 in ("no", "nos", "vol", "p", "pp", "fig", "art")
    ):
        return True
    if prev == "of" and prev2 in FORCE_BEFORE:
        return True
    if nxt in RATE_AFTER and nxt2 in RATE_NOUNS and low(last + 3) not in _TIME_SHIFTS:
        return True  # "40 a day", not "25 a day earlier"
    if low(last + 2) in RATE_AFTER and low(last + 3) in RATE_NOUNS and nxt in PEOPLE_NOUNS:
        return True
    if nxt in ("in", "out") and (
        (
            0 <= last + 2 < n
            and (toks[last + 2].kind is TokenKind.NUM or _is_number_word(nxt2))
            and not _YEAR_RE.fullmatch(toks[last + 2].text)
        )
        or nxt2 == "of"
    ):
        return True  # one in five, 5 out of 10; not "3 in 2012"
    if (
        prev in ("in", "of")
        and first >= 2
        and (toks[first - 2].kind is TokenKind.NUM or _is_number_word(prev2))
        and prev2 != ""
    ):
        return prev != "of" or low(first - 3) == "out"
    # a bare year
    tok = toks[core.first]
    return (
        not ranged
        and core.first == core.last
        and tok.kind is TokenKind.NUM
        and len(tok.text) == 4
        and 1800 <= core.low <= 2100
        and first == core.first
        and nxt not in PEOPLE_NOUNS
        and nxt not in NOMINAL_PREDICATES
    )


def _age_after_name(toks: list[Token], first: int, last: int, core: _Core) -> bool:
    """``Jo Park, 31, said``, ``said Ana Ruiz, now 31, who``: an age in commas
    after a full name."""
    k = first - 1
    if 0 <= k < len(toks) and toks[k].lower == "now":
        k -= 1
    return (
        core.low < _MAX_AGE
        and k >= 2
        and toks[k].text == ","
        and all(
            toks[x].text[:1].isupper() and toks[x].kind is TokenKind.WORD for x in (k - 2, k - 1)
        )
        and last + 1 < len(toks)
        and toks[last + 1].text in (",", ")")
    )  # a full name before it: "Aleppo, 120, Idlib, 80" counts people


_MAX_AGE = 120
_YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
_TIME_SHIFTS = frozenset(["earlier", "later", "before", "after", "ago"])
_Reading = tuple[int, int, int | None, int | None, Qualifier]  # first, last, low, high, qualifier
_DASH_MARKS = ("–", "—")


def _qualifier_at(toks: list[Token], k: int) -> tuple[int, Qualifier | None]:
    """A qualifier starting at token ``k``: where the number after it starts, and it."""
    for words, qualifier in QUALIFIERS_BEFORE:
        if all(k + j < len(toks) and toks[k + j].lower == w for j, w in enumerate(words)):
            return k + len(words), qualifier
    return k, None


def _bounded_range(toks: list[Token], core: _Core, text: str, blocked: set[int]) -> _Reading | None:
    """``between 10 and 20``, ``between 12 and more than 20``, ``from at least 90 to 1,200``."""
    if core.zero:
        return None
    opener = core.first - 1
    lead_q = _qualifier_before(toks, core.first)
    if lead_q is not None and toks[opener].lower not in ("between", "from"):
        opener = lead_q[0] - 1
    if opener < 0 or toks[opener].lower not in ("between", "from"):
        return None
    joiner = "and" if toks[opener].lower == "between" else "to"
    k = core.last + 1
    if k + 1 >= len(toks) or toks[k].lower not in (joiner, "-", *_DASH_MARKS):
        return None
    start, q2 = _qualifier_at(toks, k + 1)
    second = _core(toks, start, text, blocked)
    if second is None or second.zero:
        return None
    low = (
        None
        if lead_q is not None and lead_q[1] in (Qualifier.AT_MOST, Qualifier.UP_TO)
        else core.low
    )
    high = None if q2 in (Qualifier.MORE_THAN, Qualifier.AT_LEAST) else second.high
    return opener, second.last, low, high, Qualifier.RANGE


def _joined_range(toks: list[Token], core: _Core, text: str, blocked: set[int]) -> _Reading | None:
    """``80–100``, ``20-30``, ``200 to 300``, ``two or three``, ``1.5 to 2 million``;
    ``dozens or hundreds`` stay two figures."""
    k = core.last + 1
    if core.zero or k + 1 >= len(toks):
        return None
    sep = toks[k]
    dash = sep.text in _DASH_MARKS or (
        sep.text == "-" and _adjacent(toks, k - 1, k) and _adjacent(toks, k, k + 1)
    )
    if not dash and sep.lower not in ("to", "or"):
        return None
    second = _core(toks, k + 1, text, blocked)
    if second is None or second.zero:
        return None
    vague = Qualifier.VAGUE in (core.qualifier, second.qualifier)
    if sep.lower == "or" and vague:
        return None
    low, high = core.low, core.high
    scale_word = toks[second.last].lower
    if second.last > second.first and scale_word in SCALE_WORDS and core.last == core.first:
        scale = SCALE_WORDS[scale_word]
        if core.low < second.low and core.low * scale <= second.low:
            low, high = core.low * scale, core.high * scale  # "200-300 thousand"
    if second.low > high or vague:
        return core.first, second.last, low, second.high, Qualifier.RANGE
    return None


def _qualified_number(toks: list[Token], core: _Core) -> _Reading:
    """One number with the qualifier glued before it (``more than``, ``about``) or
    after it (``150+``, ``150-plus``, ``40-odd``, ``20 or more``, ``100 or so``)."""
    first, last = core.first, core.last
    qualifier = core.qualifier
    low: int | None = core.low
    high: int | None = core.high
    if core.zero:
        return first, last, low, high, qualifier
    lead_q = _qualifier_before(toks, first)
    if lead_q is not None:
        first, qualifier = lead_q
        low, high = _apply(qualifier, core)
    n = len(toks)
    after = toks[last + 1].lower if last + 1 < n else ""
    following = toks[last + 2].lower if last + 2 < n else ""
    if after == "+" and _adjacent(toks, last, last + 1):
        return first, last + 1, core.low, None, Qualifier.MORE_THAN
    if (after == "-" and following == "plus") or (after == "or" and following == "more"):
        more = Qualifier.MORE_THAN if following == "plus" else Qualifier.AT_LEAST
        return first, last + 2, core.low, None, more
    if (after == "-" and following == "odd") or (after == "or" and following == "so"):
        return first, last + 2, low, high, Qualifier.APPROX
    if after == "odd":
        return first, last + 1, low, high, Qualifier.APPROX
    if after == "at" and lead_q is None:
        # "two hundred at least", "fifteen at the most"
        k = last + 2 + (following == "the")
        word = toks[k].lower if k < n else ""
        if word == "least" and following != "the":
            return first, k, core.low, None, Qualifier.AT_LEAST
        if word == "most":
            return first, k, None, core.high, Qualifier.AT_MOST
    return first, last, low, high, qualifier


def _block_models(toks: list[Token], blocked: set[int], text: str) -> None:
    """A name with a hyphenated number is a model, no count: ``Tupolev 154-200``,
    ``Airbus 320-200`` (a capitalized word right before, not opening the sentence)."""
    if len(toks) < 5 or not _MODEL_RE.search(text, toks[0].start, toks[-1].end):
        return
    for k in range(2, len(toks) - 2):
        if (
            toks[k].kind is TokenKind.NUM
            and toks[k + 1].text == "-"
            and toks[k + 2].kind is TokenKind.NUM
            and _adjacent(toks, k, k + 1)
            and _adjacent(toks, k + 1, k + 2)
            and toks[k - 1].kind is TokenKind.WORD
            and toks[k - 1].text[:1].isupper()
            and toks[k - 1].lower not in MONTHS
            and toks[k - 1].lower not in WEEKDAYS
        ):
            blocked.update((k, k + 2))


def read_numbers(doc: Doc, sentence: int) -> list[Mention]:
    """Every number expression of one sentence that may count people."""
    toks = doc.tokens(sentence)
    text = doc.text
    s = doc.sentences[sentence]
    blocked: set[int] = set()
    dates = doc.dates_between(s.start, s.end)
    if dates:
        j = 0
        for k, tok in enumerate(toks):
            while j < len(dates) and dates[j].end <= tok.start:
                j += 1
            if j < len(dates) and dates[j].start <= tok.start < dates[j].end:
                d = dates[j]
                bare_year = d.month is None and not d.lead
                if not bare_year:
                    blocked.add(k)
    out: list[Mention] = []
    n = len(toks)
    _block_models(toks, blocked, text)
    i = 0
    while i < n:
        tok = toks[i]
        if tok.kind is not TokenKind.NUM and (
            tok.kind is not TokenKind.WORD
            or (
                tok.lower not in _NUMBER_STARTERS
                and not ("-" in tok.lower and _is_number_word(tok.lower))
            )
        ):
            i += 1  # most tokens cannot open a number: skip them cheaply
            continue
        core = _core(toks, i, text, blocked)
        if core is None:
            i += 1
            continue
        found = (
            _bounded_range(toks, core, text, blocked)
            or _joined_range(toks, core, text, blocked)
            or _qualified_number(toks, core)
        )
        first, last, low, high, qualifier = found
        ranged = qualifier is Qualifier.RANGE
        if core.zero or not _is_trap(toks, first, last, core, text, ranged):
            out.append(
                Mention(
                    start=toks[first].start,
                    end=toks[last].end,
                    first=first,
                    last=last,
                    core=core.first,
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    zero=core.zero,
                )
            )
        i = last + 1
    return out


def find_numbers(doc: Doc) -> None:
    """Pipeline component: number mentions of every sentence that may hold a figure."""
    text = doc.text
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block]
        if block.kind is BlockKind.FIELD or worth_reading(text, sentence.start, sentence.end):
            mentions = read_numbers(doc, sentence.index)
            if mentions:
                doc.mentions[sentence.index] = mentions
