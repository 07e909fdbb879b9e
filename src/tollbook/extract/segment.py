"""Layout and sentences: blocks (title, headings, paragraphs, list items, fields),
sentences inside them, and quotation spans.

Works line by line over the raw text, so every span stays an offset pair into it.
Markdown markers (``#``, ``-``, ``>``, ``1.``) and YAML front matter are kept out
of the content spans (its title is a title, its summary a paragraph); link targets
stay in the text and are tokenized as URLs.  An indented line under an infobox field
continues its value, and an infobox line ("Date: 3 May") is never wrapped prose; a
numbered line standing alone ("2. WEATHER", "3. PERU: Floods kill 30") is a heading;
a table row's "Source" cell, a list item's bold label and a transcript turn's speaker
("AMINA YUSUF: ...") are kept for later components.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections import Counter
from datetime import date

from tollbook.extract.dates import DATE_RE
from tollbook.extract.doc import Block, BlockKind, Doc, Sentence
from tollbook.extract.lexicon import PEOPLE_NOUNS, word_set

_LINE_RE = re.compile(r"[^\n]*\n?")
_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]+")
_LIST_RE = re.compile(r"(?:[-*+•▪◦‣]|\d{1,3}[.)])[ \t]+")
_QUOTE_BLOCK_RE = re.compile(r"(?:>[ \t]?)+")
_SETEXT_RE = re.compile(r"(?:=+|-{2,})[ \t]*")
_FRONT_RE = re.compile(r"---[ \t]*")
_FRONT_END_RE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_KEY_RE = re.compile(r"([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*")
_ISO_RE = re.compile(r"['\"]?(\d{4})-(\d{2})-(\d{2})")
_BOLD_LABEL_RE = re.compile(r"(?:\*\*|__)([A-Za-z][\w ,/&'-]{0,40}?)(?::(?:\*\*|__)|(?:\*\*|__):)")
_SUMMARY_KEYS = frozenset(["summary", "description", "abstract", "excerpt", "subtitle", "lede"])
_TABLE_RULE_RE = re.compile(r"\|?[ \t]*:?-{2,}")
# "Deaths: at least 40", "| casualties2 = 68 killed", "Killed | 40"
_FIELD_RE = re.compile(
    r"\|?[ \t]*(?P<label>[A-Za-z][A-Za-z0-9 ,/&()'-]{0,48}?)[ \t]*(?:[:=\t]|\|)[ \t]*(?=\S)"
)
_FIELD_WORDS_RE = re.compile(
    r"(?i)\b(?:deaths?|dead|killed|casualt\w*|fatalit\w*|injur\w*|wounded|missing|"
    r"captured|losses|victims|tolls?|prisoners|hostages?|captives|abducted|kidnapped)\b"
)
# "Rebels: 45+ killed": a value that opens with a count and its casualty word
_COUNTED_VALUE_RE = re.compile(
    r"(?i)(?:(?:about|around|some|over|nearly|almost|approximately|at least|more than|up to)"
    r"[ \t]+)?(?:\*\*)?(?:[\d,.–+-]+|no|none)(?:\*\*)?\+?[ \t]+(?:killed|dead|deaths?|wounded|"
    r"injured|missing|captured|casualties|fatalities)\b"
)
_SOURCE_COLUMN_RE = re.compile(
    r"(?i)(?:\*\*)?(?:sources?|claimants?|according to|reported by|attribution|cited by)(?:\*\*)?"
)
# an infobox line: a short capitalized label, then a colon or a tab ("Date: 23 May")
_KEY_VALUE_RE = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}(?::[ \t]|\t)")
# "AMINA YUSUF:", "DANA REED (host):", "Q:": a transcript speaker's label
_SPEAKER_RE = re.compile(
    r"(?P<name>[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*){0,3})"
    r"(?:[ \t]*\((?P<role>[A-Za-z ]{1,20})\))?[ \t]*:[ \t]+"
)
# Labels that are no speakers: "CLAIM:", "UPDATE:", "WHAT WE KNOW:".
_NOT_SPEAKERS = word_set("""
    note update claim rating editor's warning source sources correction verdict fact
    context ps nb url breaking live what who how why when where we our the of and is
    summary background analysis a
    """)
_HOST_ROLES = frozenset(
    ["host", "interviewer", "presenter", "anchor", "moderator", "q", "question", "co-host"]
)
_MIN_TURNS = 3
_MAX_NAMED_SPEAKERS = 12  # speakers whose name is looked up as the text writes it
_NAME_REACH = 20_000  # characters of the text searched for it
_GROUP_LABEL_RE = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}")
_TERMINAL = frozenset('.!?;:,"”’)]»″…')
_MAX_HEADING_WORDS = 14
_MAX_HEADING_CHARS = 110

# Sentence ends: terminal punctuation, closing quotes or brackets, citation markers.
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’″»)\]]*(?:\[\d{1,3}\])*(?=\s|$)")
_TITLE_ABBREVIATIONS = word_set("""
    mr mrs ms dr lt gen col capt cpt sgt maj cpl pvt adm gov sen rep rev st jr sr prof
    mt ft brig cmdr cdr gens messrs hon fr supt insp det no nos vol vols fig approx
    est vs inc ltd co corp dept univ ave blvd rd pres sec gov cmdt lieut sgts ret
    """)
_MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
_SENTENCE_STARTERS = word_set("""
    the a an in it he she they we i but on at this that there however according after
    as when while meanwhile his her their its its some many most several no one two
    """)
_OPEN_QUOTES = frozenset("“«„‟")
_CLOSE_QUOTES = frozenset("”»")
_QUOTE_RE = re.compile(r"[“”«»„‟\"″]")
_HEADER_BLOCKS = 6  # the top of a text, where its title, byline and dateline stand
_FIRST_PERSON_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")
_NAME = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w&'’.-]*){0,6}"
_STATEMENT = r"(?i:statement|press[ \t]+release|news[ \t]+release|communiqu[eé])"
# "X statement on ...", "Statement by the X on ...": who the statement speaks for
_AUTHOR_RES = (
    re.compile(rf"(?P<name>{_NAME})[ \t]+{_STATEMENT}\b"),
    re.compile(rf"\b{_STATEMENT}[ \t]+(?:by|from)[ \t]+(?:the[ \t]+)?(?P<name>{_NAME})"),
)
# Words before "statement" that say what kind of statement, not whose: "Joint statement".
_STATEMENT_KINDS = frozenset(["joint", "final", "official", "full", "public", "new", "further"])
_STATEMENT_LINE_RE = re.compile(rf"[ \t*_]*{_STATEMENT}\b")
_MAX_NAME_WORDS = 6
_NAME_JOINERS = frozenset(["of", "the", "for", "and", "du", "de", "des", "la", "le", "del"])
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'-]{1,40}(?:,[^()\n]{0,40})?\((?P<outlet>[A-Za-z][\w .&'-]{1,40})\)\s*[-–—]"
)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line break."""
    out = []
    for m in _LINE_RE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end()
        while end > m.start() and text[end - 1] in "\r\n":
            end -= 1
        out.append((m.start(), end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding ``**``/``__`` so a bold line reads as a heading."""
    while (
        end - start >= 4
        and text[start : start + 2] in ("**", "__")
        and text[end - 2 : end] == text[start : start + 2]
    ):
        start, end = _strip(text, start + 2, end - 2)
    return start, end


def _front_matter(doc: Doc, lines: list[tuple[int, int]]) -> tuple[int, list[Block]]:
    """YAML front matter: the title line becomes a title block; the date is kept."""
    text = doc.text
    first = 0
    while first < len(lines) and lines[first][0] == lines[first][1]:
        first += 1
    if first >= len(lines):
        return 0, []
    s, e = lines[first]
    if text.startswith("\ufeff", s):
        s += 1
    if not _FRONT_RE.fullmatch(text, s, e):
        return 0, []
    blocks: list[Block] = []
    for i in range(first + 1, min(len(lines), first + 200)):
        ls, le = lines[i]
        if _FRONT_END_RE.fullmatch(text, ls, le):
            return i + 1, blocks
        key = _KEY_RE.match(text, ls, le)
        if not key:
            continue
        name = key.group(1).lower()
        vs, ve = _strip(text, key.end(), le)
        if vs < ve and text[vs] in "'\"" and text[ve - 1] == text[vs]:
            vs, ve = vs + 1, ve - 1
        if name in ("title", "headline") and vs < ve:
            blocks.append(Block(vs, ve, BlockKind.TITLE, -1))
        elif name in _SUMMARY_KEYS:
            summary = _folded_value(text, lines, i, vs, ve)
            if summary is not None:
                section = next((k for k, b in enumerate(blocks) if b.kind is BlockKind.TITLE), -1)
                blocks.append(Block(*summary, BlockKind.PARAGRAPH, section))
        elif name in ("date", "published", "pubdate", "created", "updated"):
            iso = _ISO_RE.match(text, vs, ve)
            if iso and doc.reference_date is None:
                with contextlib.suppress(ValueError):
                    doc.reference_date = date(int(iso[1]), int(iso[2]), int(iso[3]))
    return 0, []  # no closing line: not front matter


def _folded_value(
    text: str, lines: list[tuple[int, int]], index: int, vs: int, ve: int
) -> tuple[int, int] | None:
    """The text of a front-matter value: on its line, or on the indented lines under
    a ``>`` or ``|`` marker."""
    if text[vs:ve] not in (">", "|", ">-", "|-", ">+", "|+"):
        return (vs, ve) if vs < ve else None
    start = end = -1
    for ls, le in lines[index + 1 : index + 40]:
        if ls == le or not text[ls].isspace():
            break
        s, e = _strip(text, ls, le)
        if s < e:
            start = s if start < 0 else start
            end = e
    return (start, end) if start >= 0 else None


def _is_heading_like(text: str, start: int, end: int, *, first: bool = False) -> bool:
    limit = 2 if first else 1
    if end - start > _MAX_HEADING_CHARS * limit or end <= start:
        return False
    if text[end - 1] in _TERMINAL and not (
        text[end - 1] in '”"″' and end - start > 1 and text[end - 2] not in ".!?"
    ):
        return False
    return text.count(" ", start, end) < _MAX_HEADING_WORDS * limit


def segment(doc: Doc) -> None:
    """Pipeline component: blocks, sentences and quotation spans."""
    text = doc.text
    lines = _lines(text)
    body_start, blocks = _front_matter(doc, lines)
    section = max((k for k, b in enumerate(blocks) if b.kind is BlockKind.TITLE), default=-1)
    para: list[int] | None = None  # [start, end] of the paragraph being collected
    speaker = (-1, -1)  # who speaks the paragraph, in a transcript
    turns = _speaker_turns(text, lines, body_start)
    header: list[tuple[int, int]] | None = None  # cells of the last table header row
    header_line = -3
    prev_blank = True

    def close_paragraph() -> None:
        nonlocal para
        if para is not None:
            blocks.append(
                Block(
                    para[0],
                    para[1],
                    BlockKind.PARAGRAPH,
                    section,
                    speaker_start=speaker[0],
                    speaker_end=speaker[1],
                )
            )
            para = None

    for index in range(body_start, len(lines)):
        ls, le = lines[index]
        s, e = _strip(text, ls, le)
        if s == e:
            close_paragraph()
            prev_blank = True
            continue
        quote = _QUOTE_BLOCK_RE.match(text, s, e)
        if quote:
            s, e = _strip(text, quote.end(), e)
            if s == e:
                close_paragraph()
                prev_blank = True
                continue
        next_blank = (
            index + 1 >= len(lines)
            or lines[index + 1][0] == lines[index + 1][1]
            or (text[lines[index + 1][0] : lines[index + 1][1]].isspace())
        )
        if _SETEXT_RE.fullmatch(text, s, e) and para is not None and e - s >= 2:
            # the paragraph line above was a Setext heading
            hs, he = para
            para = None
            blocks.append(Block(hs, he, BlockKind.HEADING, section))
            section = len(blocks) - 1
            prev_blank = True
            continue
        if _TABLE_RULE_RE.match(text, s, e) and set(text[s:e]) <= set("|-: \t"):
            continue
        cells = _cells(text, s, e) if text[s] == "|" else []
        if len(cells) >= 2:
            close_paragraph()
            if header is None or header_line < index - 2:
                header = cells
                blocks.extend(_row_blocks(text, cells, None, section))
            else:
                blocks.extend(_row_blocks(text, cells, header, section))
            header_line = index
            prev_blank = False
            continue
        if _TABLE_RULE_RE.match(text, s, e):
            continue
        heading = _MD_HEADING_RE.match(text, s, e)
        if heading:
            close_paragraph()
            hs, he = _strip(text, heading.end(), e)
            while he > hs and text[he - 1] == "#":
                he -= 1
            hs, he = _strip(text, hs, he)
            kind = BlockKind.TITLE if not blocks else BlockKind.HEADING
            blocks.append(Block(hs, he, kind, section))
            section = len(blocks) - 1
            prev_blank = True
            continue
        listed = _LIST_RE.match(text, s, e)
        if listed and prev_blank and _is_section_label(text, listed, e, lines, index, next_blank):
            # "2. WEATHER" or "3. PERU: Floods kill 30" over a digest item: a
            # numbered section heading, no list
            close_paragraph()
            blocks.append(Block(listed.end(), e, BlockKind.HEADING, section))
            section = len(blocks) - 1
            prev_blank = next_blank
            continue
        if listed:
            close_paragraph()
            cs, ce = _strip(text, listed.end(), e)
            field = _field(text, cs, ce)
            if field is not None:
                blocks.append(Block(cs, ce, BlockKind.FIELD, section, field))
            else:
                casualty = _casualty_section(text, blocks, section)
                grouped = _group_field(text, cs, ce, casualty, section)
                label = _BOLD_LABEL_RE.match(text, cs, ce)
                if grouped is None and label:
                    # "- **Missing:** the families of 150 workers ...": an item whose
                    # bold label may say what its first sentence counts
                    grouped = Block(cs, ce, BlockKind.LIST_ITEM, section, label.end(), cs)
                blocks.append(grouped or Block(cs, ce, BlockKind.LIST_ITEM, section))
            prev_blank = False
            continue
        field_end = _field(text, s, e)
        grouped = (
            None
            if field_end is not None
            else _group_field(text, s, e, _casualty_section(text, blocks, section), section)
        )
        if field_end is not None or grouped is not None:
            close_paragraph()
            blocks.append(grouped or Block(s, e, BlockKind.FIELD, section, field_end or -1))
            prev_blank = False
            continue
        if (
            para is None
            and not prev_blank
            and s > ls
            and blocks
            and blocks[-1].kind is BlockKind.FIELD
            and blocks[-1].label_end > 0
        ):
            # an indented line under an infobox field continues its value:
            # "Deaths  40 soldiers" / "        12 police officers"
            above = blocks[-1]
            label_start = above.label_start if above.label_start >= 0 else above.start
            blocks.append(Block(s, e, BlockKind.FIELD, section, above.label_end, label_start))
            continue
        hs, he = _strip_emphasis(text, s, e)
        if _infobox_heading(text, hs, he, lines[index + 1] if index + 1 < len(lines) else None):
            # "Casualties and losses" over infobox lines, with no blank line around it
            close_paragraph()
            blocks.append(Block(hs, he, BlockKind.HEADING, section))
            section = len(blocks) - 1
            prev_blank = False
            continue
        if (
            para is None
            and _is_heading_like(text, hs, he, first=not blocks)
            and (prev_blank or next_blank)
            and not (
                not next_blank
                and text[lines[index + 1][0] : lines[index + 1][1]].lstrip()[:1].islower()
            )
        ):
            kind = BlockKind.TITLE if not blocks else BlockKind.HEADING
            blocks.append(Block(hs, he, kind, section))
            section = len(blocks) - 1
            prev_blank = next_blank
            continue
        turn = turns.get(index)
        if turn is not None:
            # "YUSUF: No women were killed.": a turn of a transcript, its label apart
            close_paragraph()
            content, speaker = turn
            para = [content, e]
        elif (
            para is not None
            and text[para[1] - 1] not in '.!?:"”’)]″'
            and (text[s].islower() or para[1] - para[0] >= 50)
            and not _KEY_VALUE_RE.match(text, s, e)  # "Date: 23 May": an infobox line
        ):
            para[1] = e  # a hard-wrapped line continues the paragraph
        else:
            close_paragraph()
            para = [s, e]
        prev_blank = False
    close_paragraph()
    doc.blocks = blocks
    doc.sentences = _sentences(text, blocks)
    doc.set_quotes(_quotes(text, blocks))
    _dateline(doc)
    _author(doc)


def _speaker_turns(
    text: str, lines: list[tuple[int, int]], body_start: int
) -> dict[int, tuple[int, tuple[int, int]]]:
    """The turns of a transcript: lines that open with a speaker's name in capitals
    (``AMINA YUSUF:``, ``REED:``, ``DANA REED (host):``), at least three of
    them by two speakers or more.  For each turn's line: where its words start and
    who speaks them, as the text writes the name best (``Amina Yusuf``), or
    ``(-1, -1)`` for the host, whose questions claim nothing."""
    found: dict[int, re.Match[str]] = {}
    for index in range(body_start, len(lines)):
        s, e = _strip(text, *lines[index])
        m = _SPEAKER_RE.match(text, s, e)
        if m and not {w.lower() for w in m.group("name").split()} & _NOT_SPEAKERS:
            found[index] = m
    hosts = {
        m.group("name").split()[-1]
        for m in found.values()
        if (m.group("role") and m.group("role").strip().lower() in _HOST_ROLES)
        or m.group("name").strip().lower() in _HOST_ROLES
    }
    turns = Counter(m.group("name").split()[-1] for m in found.values())
    guests = [n for name, n in turns.items() if name not in hosts]
    if len(found) < _MIN_TURNS or len(turns) < 2 or max(guests, default=0) < 2:
        return {}  # two speakers or more, and a guest who speaks twice
    full: dict[str, str] = {}
    for m in found.values():
        name = m.group("name").strip()
        if len(name) > len(full.get(name.split()[-1], "")):
            full[name.split()[-1]] = name
    spans: dict[str, tuple[int, int]] = {}
    out: dict[int, tuple[int, tuple[int, int]]] = {}
    for index, m in found.items():
        surname = m.group("name").split()[-1]
        if surname in hosts:
            out[index] = (m.end(), (-1, -1))
            continue
        if surname not in spans:
            written = None
            if len(spans) < _MAX_NAMED_SPEAKERS:  # each search reads the text's opening
                pattern = re.compile(r"\s+".join(map(re.escape, full[surname].split())), re.I)
                written = next(
                    (w for w in pattern.finditer(text, 0, _NAME_REACH) if not w.group().isupper()),
                    None,
                )
            spans[surname] = written.span() if written else m.span("name")
        out[index] = (m.end(), spans[surname])
    return out


def _is_section_label(
    text: str,
    marker: re.Match[str],
    end: int,
    lines: list[tuple[int, int]],
    index: int,
    next_blank: bool,
) -> bool:
    """A numbered line standing alone over its section, not followed by another
    numbered line: a short label in capitals ("1. NEPAL", "3) SPORT"), or a
    headline with a blank line under it ("2. PERU: Mine collapse kills 13")."""
    if not text[marker.start()].isdigit():
        return False
    following = next((ln for ln in lines[index + 1 : index + 4] if ln[0] < ln[1]), None)
    if following is not None:
        ns, ne = _strip(text, *following)
        if ns < ne and _LIST_RE.match(text, ns, ne):
            return False
    letters = [ch for ch in text[marker.end() : end] if ch.isalpha()]
    if len(letters) < 2:
        return False
    if all(ch.isupper() for ch in letters) and text.count(" ", marker.end(), end) < 5:
        return True
    return next_blank and _is_heading_like(text, marker.end(), end)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of a Markdown table row ``| a | b |``."""
    out = []
    pos = start + 1 if text[start] == "|" else start
    while pos < end:
        bar = text.find("|", pos, end)
        stop = end if bar < 0 else bar
        out.append(_strip(text, pos, stop))
        if bar < 0:
            break
        pos = bar + 1
    return [c for c in out if c[0] <= c[1]]


def _row_blocks(
    text: str,
    cells: list[tuple[int, int]],
    header: list[tuple[int, int]] | None,
    section: int,
) -> list[Block]:
    """A table row as fields: under a header of casualty words, each cell is a field
    labelled by its column; a row "| Deaths | 40 |" is a field labelled by its first cell."""
    out: list[Block] = []
    if len(cells) >= 2 and _FIELD_WORDS_RE.search(text, cells[0][0], cells[0][1]):
        s, e = cells[1][0], cells[-1][1]
        if s < e:
            out.append(Block(s, e, BlockKind.FIELD, section, cells[0][1], cells[0][0]))
        return out
    if header is None:
        return out
    row = cells[0]
    if DATE_RE.match(text, row[0], row[1]) or not any(ch.isalpha() for ch in text[row[0] : row[1]]):
        row = (-1, -1)  # a row per day ("28 Sept, 22:00") or per hour names no victims
    source = next(
        (
            cells[i]
            for i, (hs, he) in enumerate(header)
            if i < len(cells) and _SOURCE_COLUMN_RE.fullmatch(text, hs, he)
        ),
        (-1, -1),
    )
    for i, (s, e) in enumerate(cells[1:], start=1):
        if i >= len(header) or s >= e:
            continue
        hs, he = header[i]
        if _FIELD_WORDS_RE.search(text, hs, he):
            out.append(
                Block(s, e, BlockKind.FIELD, section, he, hs, row[0], row[1], source[0], source[1])
            )
    return out


def _infobox_heading(text: str, start: int, end: int, following: tuple[int, int] | None) -> bool:
    """A short casualty heading line ("Casualties and losses") right over "Label: value" lines."""
    if end > start and text[end - 1] == ":":
        end -= 1  # "Casualties and losses:"
    if following is None or end - start > 40 or not _is_heading_like(text, start, end):
        return False
    if text.count(" ", start, end) > 4 or any(ch.isdigit() for ch in text[start:end]):
        return False
    if _FIELD_WORDS_RE.search(text, start, end) is None:
        return False
    fs, fe = _strip(text, following[0], following[1])
    return fs < fe and _FIELD_RE.match(text, fs, fe) is not None


def _casualty_section(text: str, blocks: list[Block], section: int) -> bool:
    """Whether the heading a line sits under is about casualties ("Casualties and losses")."""
    if section < 0 or section >= len(blocks):
        return False
    heading = blocks[section]
    return _FIELD_WORDS_RE.search(text, heading.start, heading.end) is not None


def _group_field(
    text: str, start: int, end: int, casualty_section: bool, section: int
) -> Block | None:
    """An infobox line "Rebels: 45 killed (army claim)": the label names the victims.

    Only under a casualty heading, or when the label is a word for people."""
    m = _FIELD_RE.match(text, start, end)
    if m is None or m.group("label").count(" ") > 3:
        return None
    label_start, label_end = _strip(text, m.start("label"), m.end("label"))
    if not _GROUP_LABEL_RE.fullmatch(text, label_start, label_end):
        return None
    if _FIELD_WORDS_RE.search(text, label_start, label_end):
        return None
    if not _COUNTED_VALUE_RE.match(text, m.end(), end):
        return None
    head = text[label_start:label_end].rsplit(None, 1)[-1].lower()
    if not casualty_section and head not in PEOPLE_NOUNS:
        return None
    return Block(start, end, BlockKind.FIELD, section, m.end(), label_start, label_start, label_end)


def _field(text: str, start: int, end: int) -> int | None:
    """End of the label when the line is "Label: value" about casualties."""
    m = _FIELD_RE.match(text, start, end)
    if m is None:
        return None
    label = m.group("label")
    if label.count(" ") > 5 or not _FIELD_WORDS_RE.search(label):
        return None
    if not any(ch.isdigit() for ch in text[m.end() : end]) and not re.search(
        r"(?i)\b(?:no|none|nil|zero|dozens|scores|hundreds|thousands|one|two|three|"
        r"four|five|six|seven|eight|nine|ten)\b",
        text[m.end() : end],
    ):
        return None
    return m.end()


def _is_abbreviation(text: str, dot: int, block_end: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation rather than a sentence."""
    start = dot
    while start > 0 and dot - start < 12 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    nxt = dot + 1
    while nxt < block_end and text[nxt].isspace():
        nxt += 1
    following = text[nxt] if nxt < block_end else ""
    if not word:
        return False
    if "." in word:  # U.S., p.m., e.g.
        rest = text[nxt : nxt + 20].split(" ", 1)[0].strip("\"'“”‘’″").lower()
        return rest not in _SENTENCE_STARTERS or not following.isupper()
    if word in _TITLE_ABBREVIATIONS:
        return True
    if word in _MONTH_ABBREVIATIONS:
        return following.isdigit()
    return len(word) == 1 and text[dot - 1].isupper()  # an initial: "John F. Smith"


def _sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for b_index, block in enumerate(blocks):
        start = block.start
        if block.kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.FIELD):
            out.append(Sentence(block.start, block.end, b_index, len(out)))
            continue
        for m in _BOUNDARY_RE.finditer(text, block.start, block.end):
            end = m.end()
            nxt = end
            while nxt < block.end and text[nxt].isspace():
                nxt += 1
            if nxt < block.end:
                ch = text[nxt]
                if ch.islower() or ch in ",;:)":
                    continue
                dot = m.start() if text[m.start()] == "." else -1
                if dot >= 0 and m.group() == "." and _is_abbreviation(text, dot, block.end):
                    continue
            s, e = _strip(text, start, end)
            if s < e:
                out.append(Sentence(s, e, b_index, len(out)))
            start = end
        s, e = _strip(text, start, block.end)
        if s < e:
            out.append(Sentence(s, e, b_index, len(out)))
    return out


def _quotes(text: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """Quotation spans, paired within each block; unpaired marks are ignored."""
    spans: list[tuple[int, int]] = []
    for block in blocks:
        opened = -1
        for m in _QUOTE_RE.finditer(text, block.start, block.end):
            ch = m.group()
            pos = m.start()
            if ch in _OPEN_QUOTES:
                if opened < 0:
                    opened = pos
            elif ch in _CLOSE_QUOTES:
                if opened >= 0:
                    spans.append((opened, pos + 1))
                    opened = -1
            elif opened >= 0:
                spans.append((opened, pos + 1))
                opened = -1
            else:
                opened = pos
    return spans


def _author(doc: Doc) -> None:
    """The organisation a statement speaks for: named by its title ("X statement on
    ...", "Press release from X"), or standing alone over a line that says it is a
    statement ("POLICE SERVICE" over "PRESS RELEASE - FOR IMMEDIATE DISTRIBUTION"),
    when the text is in its first person ("we", "our")."""
    text = doc.text
    header = [
        b for b in doc.blocks[:_HEADER_BLOCKS] if b.kind in (BlockKind.TITLE, BlockKind.HEADING)
    ]
    author = next(
        (
            m.span("name")
            for b in header
            for pattern in _AUTHOR_RES
            for m in pattern.finditer(text, b.start, b.end)
            if m.group("name").lower() not in _STATEMENT_KINDS
        ),
        None,
    )
    if author is None:
        author = _name_over_statement(doc, header)
    if author is None:
        producer = _producer(doc)
        if producer is not None:
            doc.author = producer  # the text says who speaks through it
        return
    voice = 0
    for block in doc.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            for m in _FIRST_PERSON_RE.finditer(text, block.start, block.end):
                voice += doc.quote_at(m.start()) is None
            if voice >= 2:
                doc.author = author
                return


_PRODUCED_BY_RE = re.compile(
    r"\bThis (?:update|report|bulletin|situation report|snapshot|brief|briefing note|document)"
    r" (?:is|was|has been) (?:produced|published|issued|prepared|compiled) by (?:the )?"
    r"(?P<name>[A-Z][^,.;:\n]*?(?:\s\([A-Za-z]{2,10}\))?)"
    r"(?=\s+(?:in collaboration|in partnership|in cooperation|with|on behalf|together)\b"
    r"|[,.;:])"
)


def _producer(doc: Doc) -> tuple[int, int] | None:
    """``This update is produced by the Office for Relief (OFR) ...`` near the top: the
    organisation the update speaks for, whatever person it is written in."""
    paragraphs = [b for b in doc.blocks[: _HEADER_BLOCKS + 2] if b.kind is BlockKind.PARAGRAPH]
    for block in paragraphs[:4]:
        m = _PRODUCED_BY_RE.search(doc.text, block.start, block.end)
        if m is not None:
            return m.span("name")
    return None


def _name_over_statement(doc: Doc, header: list[Block]) -> tuple[int, int] | None:
    """A name standing alone right above a "PRESS RELEASE" or "STATEMENT" line, as
    the body writes it when it does ("Harbor Aid" for "HARBOR AID")."""
    text = doc.text
    for above, below in itertools.pairwise(header):
        if not _STATEMENT_LINE_RE.match(text, below.start, below.end):
            continue
        name = text[above.start : above.end]
        words = name.split()
        if not 1 <= len(words) <= _MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
            return None
        if not all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words):
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        written = next(
            (m for m in pattern.finditer(text, below.end) if not m.group().isupper()), None
        )
        return written.span() if written else (above.start, above.end)
    return None


def _dateline(doc: Doc) -> None:
    """The outlet named in a wire dateline publishes the text: it is no relay."""
    for block in doc.blocks[:6]:
        if block.kind is BlockKind.PARAGRAPH:
            m = _DATELINE_RE.match(doc.text, block.start, min(block.end, block.start + 120))
            if m:
                doc.publisher = m.group("outlet").strip()
            return
