"""The range chart: every claim about a toll as a mark on one axis, as inline-ready SVG.

One row per claim: a dot for an exact figure (hollow when approximate), a bar for
a range, an arrow for an open end (pointing right from "at least", left from "at
most"), coloured by the claimant's side and labelled with the claimant, the
figure as written and the documents carrying it.

The SVG is deterministic (fixed hash salt, no date, text kept as text) and its
ids carry a prefix of its own, so several charts can sit in one HTML page.
Claimant names and group texts come from documents: matplotlib writes them as
escaped XML text and never parses them as mathtext.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes

# Figure, not pyplot: no backend, no global figure registry, nothing opens a window.
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator
from matplotlib.transforms import blended_transform_factory

from tollbook.schemas import TollRecord
from tollbook.vocab import Qualifier, Stance

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Okabe-Ito (readable with colour-blindness), then three more; grey means no side known.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C564B",
    "#7B3294",
    "#A6761D",
)
NO_SIDE = "#8A8A8A"
NO_SIDE_LABEL = "no side recorded"

# What each kind of mark means, for the legend and the SVG classes.
SHAPES = {
    "exact": "exact figure",
    "approx": "approximate figure",
    "range": "range",
    "at-least": "at least (open above)",
    "at-most": "at most (open below)",
    "unknown": "? no number",
}

# No date, creator or links in <metadata>: the same claims give the same bytes.
_METADATA: dict[str, str | None] = {"Date": None, "Creator": None, "Format": None, "Type": None}

_ROW_INCHES = 0.26
_PLOT_INCHES = 5.2
_LABEL_CHARS = 42
_CARRIERS_SHOWN = 2


def side_colours(sides: Iterable[str | None]) -> dict[str | None, str]:
    """A colour per claimant side, by the sides' sorted order; grey for no side.

    Compute it once over every chart of a page so a side keeps its colour throughout.
    """
    named = sorted({s for s in sides if s is not None})
    colours: dict[str | None, str] = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(named)}
    colours[None] = NO_SIDE
    return colours


def shape_of(toll: TollRecord) -> str:
    """Which mark a claim gets: a key of SHAPES."""
    if toll.low is not None and toll.high is not None:
        if toll.low == toll.high:
            return "approx" if toll.qualifier == Qualifier.APPROX else "exact"
        return "range"
    if toll.low is not None:
        return "at-least"
    if toll.high is not None:
        return "at-most"
    return "unknown"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def carriers_text(carried_by: Sequence[str]) -> str:
    shown = [shorten(key, 36) for key in carried_by[:_CARRIERS_SHOWN]]
    more = len(carried_by) - len(shown)
    return ", ".join(shown) + (f" +{more} more" if more > 0 else "")


def notes(toll: TollRecord) -> list[str]:
    """What the mark alone does not say: the claim is part of a total, disputed, hedged."""
    found = []
    if toll.part:
        found.append("part of a total")
    if toll.stance != Stance.ASSERTS:
        found.append(str(toll.stance.value))
    if toll.hedged:
        found.append("hedged")
    return found


def row_note(toll: TollRecord) -> str:
    """The text right of a row: the figure as written, then its documents."""
    figure = f"“{shorten(toll.figure, 30)}”"
    extra = notes(toll)
    if extra:
        figure += f" ({', '.join(extra)})"
    return f"{figure} · {carriers_text(toll.carried_by)}"


def tooltip(toll: TollRecord) -> str:
    parts = [f"{toll.claimant}: “{toll.figure}” ({toll.interval})"]
    if toll.group_text:
        parts.append(f"about “{toll.group_text}”")
    parts.extend(notes(toll))
    parts.append("carried by " + ", ".join(toll.carried_by))
    return "; ".join(parts)


@dataclass(frozen=True)
class Scale:
    """The x axis: log when figures span a decade or more (symlog when one is zero)."""

    kind: str  # "linear", "log" or "symlog"
    left: float
    right: float

    @classmethod
    def for_values(cls, values: Sequence[int]) -> Scale:
        if not values:
            return cls("linear", -0.5, 10.0)
        largest = max(max(values), 1)
        positive = [v for v in values if v > 0]
        spans_decade = bool(positive) and largest / min(positive) >= 10
        if not spans_decade:
            return cls("linear", -0.03 * largest, largest * 1.25)
        if len(positive) < len(values):
            return cls("symlog", -0.25, largest * 2.2)
        return cls("log", min(positive) / 1.8, largest * 2.2)


def _number(value: float, _position: object = None) -> str:
    if value < 0 or (0 < value < 1):
        return ""
    return f"{value:,.0f}"


def _ticks(scale: Scale) -> list[float]:
    if scale.kind == "linear":
        return []
    top = math.ceil(math.log10(scale.right))
    ticks = [float(m * 10**e) for e in range(top + 1) for m in (1, 2, 5)]
    ticks = [t for t in ticks if scale.left <= t <= scale.right]
    if scale.kind == "symlog":
        ticks.insert(0, 0.0)
    return ticks


def _draw_mark(
    ax: Axes, toll: TollRecord, y: float, scale: Scale, colour: str, number: int
) -> None:
    """One claim's mark, with the id `claim-<number>-<shape>` the page and tests find it by."""
    shape = shape_of(toll)
    mark: Artist
    # The ends that exist, as floats; open ends are drawn to the axis edge.
    low = float(toll.low) if toll.low is not None else scale.left
    high = float(toll.high) if toll.high is not None else scale.right
    if shape in ("exact", "approx"):
        (mark,) = ax.plot(
            [low],
            [y],
            marker="o",
            markersize=7,
            markeredgewidth=1.6,
            markeredgecolor=colour,
            markerfacecolor=colour if shape == "exact" else "white",
            linestyle="none",
            zorder=3,
        )
    elif shape == "range":
        (mark,) = ax.plot(
            [low, high],
            [y, y],
            color=colour,
            linewidth=6,
            solid_capstyle="butt",
            zorder=3,
        )
    elif shape in ("at-least", "at-most"):
        known, edge = (low, high) if shape == "at-least" else (high, low)
        mark = FancyArrowPatch(
            (known, y),
            (edge, y),
            arrowstyle="-|>,head_length=7,head_width=4",
            mutation_scale=1,
            linewidth=2.2,
            linestyle=(0, (4, 2)),
            color=colour,
            shrinkA=0,
            shrinkB=0,
            zorder=3,
        )
        ax.add_patch(mark)
        # A bar at the figure itself, where the open end starts.
        (end,) = ax.plot(
            [known], [y], marker="|", markersize=11, markeredgewidth=2.2, color=colour, zorder=3
        )
        end.set_gid(f"end-{number}")
    else:
        mark = ax.text(
            0.5,
            y,
            "?",
            transform=blended_transform_factory(ax.transAxes, ax.transData),
            ha="center",
            va="center",
            color=colour,
            fontweight="bold",
        )
    mark.set_gid(f"claim-{number}-{shape}")


def _side_handles(colours: Mapping[str | None, str], sides: set[str | None]) -> list[Artist]:
    return [
        Patch(color=colours.get(side, NO_SIDE), label=side or NO_SIDE_LABEL)
        for side in sorted(sides, key=lambda s: (s is None, s or ""))
    ]


def _shape_handles(shapes: set[str]) -> list[Artist]:
    """A key to the marks the chart uses, in the order of SHAPES."""
    grey = "#444444"
    dashed = (0, (4, 2))
    handles = {
        "exact": Line2D([], [], marker="o", color=grey, linestyle="none"),
        "approx": Line2D([], [], marker="o", color=grey, markerfacecolor="white", linestyle="none"),
        "range": Line2D([], [], color=grey, linewidth=6),
        "at-least": Line2D([], [], color=grey, marker=">", linestyle=dashed),
        "at-most": Line2D([], [], color=grey, marker="<", linestyle=dashed),
        "unknown": Line2D([], [], linestyle="none"),
    }
    for shape, handle in handles.items():
        handle.set_label(SHAPES[shape])
    return [handles[shape] for shape in SHAPES if shape in shapes]


def _legend(
    figure: Figure, ax: Axes, colours: Mapping[str | None, str], claims: Sequence[TollRecord]
) -> None:
    """One key below the plot: columns of sides, then a column of the marks used.

    A legend fills column by column, so the sides are padded to whole columns and
    each part starts with a bold heading.
    """
    shapes = _shape_handles({shape_of(t) for t in claims})
    sides = _side_handles(colours, {t.claimant_side for t in claims})
    height = max(len(shapes), 3) + 1

    def blank(label: str = "") -> Artist:
        return Line2D([], [], linestyle="none", label=label)

    entries = [blank("Claimant's side"), *sides]
    entries += [blank() for _ in range(-len(entries) % height)]
    headings = {0, len(entries)}
    entries += [blank("Figure"), *shapes]
    legend = figure.legend(
        handles=entries,
        loc="upper left",
        bbox_to_anchor=(0, 0),
        bbox_transform=ax.transAxes,
        ncols=math.ceil(len(entries) / height),
        frameon=False,
        fontsize=8,
        handlelength=2.6,
        borderaxespad=3.8,
    )
    for number, text in enumerate(legend.get_texts()):
        if number in headings:
            text.set_fontweight("bold")


def range_chart(
    tolls: Sequence[TollRecord],
    *,
    title: str,
    colours: Mapping[str | None, str] | None = None,
    group_labels: Mapping[str, str] | None = None,
) -> str:
    """An SVG element (no XML prolog) charting each claim's interval, one row per claim.

    Claims are grouped under a heading per group, in the order they come. `colours`
    maps claimant sides to colours (default: `side_colours` of these claims);
    `group_labels` names group keys.
    """
    if colours is None:
        colours = side_colours(t.claimant_side for t in tolls)
    by_group: dict[str, list[TollRecord]] = {}
    for toll in tolls:
        by_group.setdefault(toll.group, []).append(toll)
    rows: list[TollRecord | str] = []
    for group, group_tolls in by_group.items():
        rows += [(group_labels or {}).get(group, group.replace("_", " ")), *group_tolls]
    claims = [row for row in rows if isinstance(row, TollRecord)]
    scale = Scale.for_values([v for t in claims for v in (t.low, t.high) if v is not None])

    with matplotlib.rc_context(
        {
            "svg.fonttype": "none",  # text stays text: searchable, and no shared glyph ids
            "svg.hashsalt": "tollbook",
            "text.parse_math": False,  # "$" in a claimant's name is not mathtext
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
            "font.size": 9,
        }
    ):
        figure = Figure(figsize=(_PLOT_INCHES, _ROW_INCHES * max(len(rows), 1) + 0.4))
        ax = figure.add_axes((0, 0, 1, 1))
        _set_axes(ax, scale, len(rows), claims, title)
        _draw_rows(ax, rows, scale, colours)
        if claims:
            _legend(figure, ax, colours, claims)
        else:
            ax.text(0.5, 0.5, "no claims", transform=ax.transAxes, ha="center", va="center")
        out = io.BytesIO()
        figure.savefig(out, format="svg", bbox_inches="tight", pad_inches=0.1, metadata=_METADATA)
    return _finish(out.getvalue(), claims, title)


def _set_axes(ax: Axes, scale: Scale, rows: int, claims: Sequence[TollRecord], title: str) -> None:
    if scale.kind == "symlog":
        ax.set_xscale("symlog", linthresh=1.0, linscale=0.6)
    else:
        ax.set_xscale(scale.kind)
    ax.set_xlim(scale.left, scale.right)
    ax.set_ylim(max(rows, 1) - 0.5, -0.5)
    if scale.kind != "linear":
        ax.xaxis.set_major_locator(FixedLocator(_ticks(scale)))
        ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(_number))
    ax.tick_params(axis="x", top=True, labeltop=True, colors="#333333")
    ax.tick_params(axis="y", length=0, pad=6, colors="#222222")
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    for spine in ("left", "right"):
        ax.spines[spine].set_visible(False)
    for spine in ("top", "bottom"):
        ax.spines[spine].set_color("#999999")
    outcomes = sorted({str(t.outcome.value) for t in claims})
    quantity = f"number {outcomes[0]}" if len(outcomes) == 1 else "number"
    note = {"log": " (log scale)", "symlog": " (log scale, 0 at left)", "linear": ""}[scale.kind]
    ax.set_xlabel(quantity + note, color="#333333")
    ax.set_title(shorten(title, 90), loc="left", fontsize=11, fontweight="bold", pad=24)


def _draw_rows(
    ax: Axes, rows: Sequence[TollRecord | str], scale: Scale, colours: Mapping[str | None, str]
) -> None:
    """Group headings and claim marks, top to bottom; claimants label the rows on the left,
    the figure as written and its documents on the right."""
    across = blended_transform_factory(ax.transAxes, ax.transData)
    ticks: list[int] = []
    labels: list[str] = []
    number = 0
    for y, row in enumerate(rows):
        if isinstance(row, str):
            if y:
                ax.axhline(y - 0.5, color="#BBBBBB", linewidth=0.8)
            heading = ax.text(
                0.005, y, shorten(row, 70), transform=across, va="center", fontweight="bold"
            )
            heading.set_gid(f"group-{y}")
            continue
        ax.axhline(y, color="#EEEEEE", linewidth=0.8, zorder=1)
        _draw_mark(ax, row, y, scale, colours.get(row.claimant_side, NO_SIDE), number)
        note = ax.text(
            1.01, y, row_note(row), transform=across, va="center", fontsize=8, color="#444444"
        )
        note.set_gid(f"note-{number}")
        ticks.append(y)
        labels.append(shorten(row.claimant, _LABEL_CHARS))
        number += 1
    ax.set_yticks(ticks, labels)


_URL_REF = re.compile(r"url\(#([^)]+)\)")
_CLAIM_ID = re.compile(r"^claim-(\d+)-([a-z-]+)$")


def _finish(svg: bytes, claims: Sequence[TollRecord], title: str) -> str:
    """Prefix every id, class the claim marks, add tooltips, drop the XML prolog."""
    # Ids unique to this chart, so several charts can share a page; stable for one title.
    prefix = "c" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:10]
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    href = f"{{{XLINK_NS}}}href"
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if name == "id":
                element.set("id", f"{prefix}-{value}")
            elif name == href and value.startswith("#"):
                element.set(name, f"#{prefix}-{value[1:]}")
            elif "url(#" in value:
                element.set(name, _URL_REF.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value))
        match = _CLAIM_ID.match(element.get("id", "").removeprefix(f"{prefix}-"))
        if match:
            element.set("class", f"claim {match.group(2)}")
            note = ET.Element(f"{{{SVG_NS}}}title")
            note.text = tooltip(claims[int(match.group(1))])
            element.insert(0, note)
    root.set("role", "img")
    label = ET.Element(f"{{{SVG_NS}}}title")
    label.text = title
    root.insert(0, label)
    return ET.tostring(root, encoding="unicode")
