"""Chart geometry for the report: bars, ticks and text alternatives, precomputed as JSON data.

Templates never compute, so every coordinate an inline SVG needs is worked out here, in SVG
user units, from the Profile dicts of the report context (docs/templates.md). The macros in
templates/_charts.html only place it; the same SVG then draws in the browser and in the PDF.

Panels are `WIDTH` units wide, about their rendered width on a phone and in a three-across
PDF grid, so `FONT` units of text read at about 11 px wherever the SVG is scaled to 100%.
Fonts are inherited from the page; text widths are reckoned in DejaVu Sans, its first font
(Verdana, its model, is as wide), and long labels are cut with an ellipsis, the full text
kept in `<title>`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]

WIDTH = 320
FONT = 11
SMALL = 9.5  # tick labels and column heads
LABEL_WIDTH = 150  # the label column: "The Washington Institute" fits
GAP = 6
BARS_X = LABEL_WIDTH + GAP
VALUE_ROOM = 36  # right of the longest bar: room for "104.2"; bars get 128 units
ROW = 16
BAR = 10
TOP = 4
AXIS = 18

# From styles.css: accent, the coverage blues, muted and the warning brown. Each pair is
# (fill, stroke). In greyscale they read dark / mid / white-with-outline, and every text
# colour on them reaches 4.5:1.
STYLES = {
    "dominant": ("#1f4e8c", "#1f4e8c"),
    "present": ("#9dc0e6", "#2b5d9b"),
    "cue": ("#ffffff", "#57606a"),
    "measure": ("#2b5d9b", "#2b5d9b"),
    "negative": ("#8a4b00", "#8a4b00"),
    "neutral": ("#eceff2", "#57606a"),  # the stroke outlines its legend swatch
    "positive": ("#9dc0e6", "#9dc0e6"),
}
# DejaVu Sans advance widths in em, measured from its glyphs and rounded up to 0.05, so
# that a label reckoned to fit does fit; any other character counts as WIDEST.
ADVANCES = {
    0.3: "'ijlIJ",
    0.35: " ,./:;\\|f’",
    0.4: "-()[]t!r",
    0.5: '"*_`–',
    0.55: "sz?c“”",
    0.6: "LFkvxyP",
    0.65: "TYaoeESbdghnpqu$0123456789{}é",
    0.7: "KAVBRXZC",
    0.85: "UHNDGOQ&w#+<=>^~",
    1.0: "M%mW@…—",
}
WIDEST = 1.0
EM = {char: em for em, chars in ADVANCES.items() for char in chars}
INK = "#1b1f24"
INK_ON = {"negative": "#ffffff", "neutral": INK, "positive": INK}  # count text on a segment


@dataclass(frozen=True)
class Bar:
    """One row of a bar panel before layout: what it shows, not where it goes."""

    label: str  # full text, fitted to the label column at layout
    value: float
    kind: str  # a key of STYLES
    said: str  # the value in words, for the panel's <desc>
    tip: str  # the row's tooltip: `said` with the names the panel leaves implicit


def profile_charts(profiles: list[Json]) -> Json:
    """The three profile charts of a report, under `frames`, `measures` and `tone`."""
    return {
        "frames": frame_multiples(profiles),
        "measures": measure_multiples(profiles),
        "tone": tone_bars(profiles),
    }


# --- frames: one panel per outlet, one shared scale -----------------------------------------


def frame_multiples(profiles: list[Json], ident: str = "chart-frames") -> Json:
    """Small multiples of frame cues per 1,000 words, one panel per outlet.

    All panels share one scale and one frame order (most cued across outlets first), so a
    reader compares outlets by bar length. Only frames present in at least one outlet get a
    row; the others are named in `note`. `ident` prefixes the SVG ids (unique per page).
    """
    shown = _shown_frames(profiles)
    values = [f["per_1000"] for p in profiles for f in p["frames"] if f["key"] in shown]
    top, ticks = _scale(max(values, default=0.0))
    drawn = profiles if shown else []  # with no frame to draw, the note says it all
    panels = [_frame_panel(f"{ident}-{i}", p, shown, top, ticks) for i, p in enumerate(drawn)]
    codebook = profiles[0]["frames"] if profiles else []
    hidden = [f["label"] for f in codebook if f["key"] not in shown]
    return {
        "panels": panels,
        "legend": _legend(
            [
                ("dominant", "Dominant frame"),
                ("present", "Present (at or above its threshold)"),
                ("cue", "Cues below the threshold"),
            ]
        ),
        "note": _frames_note(shown, hidden),
    }


def _shown_frames(profiles: list[Json]) -> list[str]:
    """Keys of the frames present in any outlet, most cued overall first, then codebook order."""
    if not profiles:
        return []
    order = [f["key"] for f in profiles[0]["frames"]]
    totals = {key: 0.0 for key in order}
    present: set[str] = set()
    for profile in profiles:
        for frame in profile["frames"]:
            totals[frame["key"]] += frame["per_1000"]
            if frame["present"]:
                present.add(frame["key"])
    return sorted(present, key=lambda key: (-totals[key], order.index(key)))


def _frame_panel(
    ident: str, profile: Json, shown: list[str], top: float, ticks: list[float]
) -> Json:
    frames = {f["key"]: f for f in profile["frames"]}
    title = (
        f"{profile['label']}: frame cues per 1,000 words "
        f"(scale 0 to {_tick(top)}, shared by all outlets)"
    )
    bars = [_frame_bar(profile, frames[key]) for key in shown]
    return _bar_panel(ident, profile["label"], title, bars, top, ticks)


def _frame_bar(profile: Json, frame: Json) -> Bar:
    dominant = frame["label"] in profile["dominant_frames"]
    kind = "dominant" if dominant else "present" if frame["present"] else "cue"
    state = {"dominant": ", dominant", "present": ", present", "cue": ""}[kind]
    said = f"{frame['label']}: {_value(frame['per_1000'])} ({_count(frame['count'], 'cue')}{state})"
    return Bar(frame["label"], frame["per_1000"], kind, said, f"{profile['label']} — {said}")


def _frames_note(shown: list[str], hidden: list[str]) -> str:
    if not shown:
        return "No frame reaches its threshold in any outlet."
    order = "Frames in order of their cues across all outlets; one scale for all panels."
    if not hidden:
        return order
    return f"{order} Present in no outlet, not drawn: {', '.join(hidden)}."


# --- measures: one panel per measure, outlets in one order ----------------------------------


def measure_multiples(profiles: list[Json], ident: str = "chart-measures") -> Json:
    """Small multiples of the counted measures per 1,000 words, one panel per measure.

    Each panel has its own scale (a hedge and a quote are not comparable), with the outlets
    in report order in every panel so a reader finds an outlet at the same place.
    """
    measures = profiles[0]["measures"] if profiles else []
    panels = []
    for i, measure in enumerate(measures):
        bars = [_measure_bar(p["label"], measure["label"], p["measures"][i]) for p in profiles]
        top, ticks = _scale(max(bar.value for bar in bars))
        title = f"{measure['label']} per 1,000 words, by outlet (scale 0 to {_tick(top)})"
        panels.append(_bar_panel(f"{ident}-{i}", measure["label"], title, bars, top, ticks))
    return {
        "panels": panels,
        "legend": [],
        "note": "Per 1,000 words. Each panel has its own scale: compare outlets within a panel.",
    }


def _measure_bar(outlet: str, measure: str, value: Json) -> Bar:
    said = f"{outlet}: {_value(value['per_1000'])} ({_count(value['count'], 'instance')})"
    return Bar(outlet, value["per_1000"], "measure", said, f"{measure} — {said}")


# --- bar panel layout -------------------------------------------------------------------------


def _bar_panel(
    ident: str, caption: str, title: str, bars: list[Bar], top: float, ticks: list[float]
) -> Json:
    """A horizontal bar panel: one row per bar, labels left, values right of the bars."""
    span = WIDTH - BARS_X - VALUE_ROOM
    axis_y = TOP + len(bars) * ROW
    rows = []
    for i, bar in enumerate(bars):
        y = TOP + i * ROW
        width = round(span * bar.value / top, 1)
        fill, stroke = STYLES[bar.kind]
        rows.append(
            {
                "label": _fit(bar.label, LABEL_WIDTH),
                "tip": bar.tip,
                "kind": bar.kind,
                "text_y": _baseline(y + ROW / 2, FONT),
                "x": BARS_X,
                "y": y + (ROW - BAR) / 2,
                "width": width,
                "height": BAR,
                "fill": fill,
                "stroke": stroke,
                "value": _value(bar.value),
                "value_x": round(BARS_X + width + 3, 1),
                "zero": bar.value == 0,
            }
        )
    return {
        "id": ident,
        "caption": caption,
        "title": title,
        "desc": "; ".join(bar.said for bar in bars) + "." if bars else "Nothing to draw.",
        "width": WIDTH,
        "height": axis_y + AXIS,
        "font_size": FONT,
        "small": SMALL,
        "label_x": LABEL_WIDTH,
        "rows": rows,
        "axis": {"x1": BARS_X, "x2": BARS_X + span, "y": axis_y, "top": TOP},
        "ticks": [
            {"x": round(BARS_X + span * t / top, 1), "label": _tick(t), "y": axis_y + 12}
            for t in ticks
        ],
    }


def _scale(peak: float) -> tuple[float, list[float]]:
    """A round axis maximum at or above `peak`, with its 2 to 5 ticks from 0.

    Steps are 1, 2, 2.5 or 5 times a power of ten, the smallest giving at most 4 intervals.
    """
    if peak <= 0:
        return 1.0, [0.0, 1.0]
    power = 10 ** math.floor(math.log10(peak / 4))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if math.ceil(peak / (s * power)) <= 4)
    intervals = math.ceil(peak / step)
    return step * intervals, [step * k for k in range(intervals + 1)]


# --- tone: one 100% stacked bar per outlet --------------------------------------------------

TONE_ROW = 20
TONE_BAR = 14
TONE_HEAD = 16
TONE_BARS_END = WIDTH - 42  # leaves room for the mean, "-0.08"


def tone_bars(profiles: list[Json], ident: str = "chart-tone") -> Json:
    """Per outlet, its scored sentences split negative / neutral / positive, mean beside."""
    span = TONE_BARS_END - BARS_X
    rows = [_tone_row(p, TONE_HEAD + i * TONE_ROW, span) for i, p in enumerate(profiles)]
    axis_y = TONE_HEAD + len(profiles) * TONE_ROW
    return {
        "id": ident,
        "title": "Tone of the scored sentences, by outlet (share of sentences; mean VADER score)",
        "desc": "; ".join(_tone_text(p) for p in profiles) + "." if profiles else "No outlet.",
        "width": WIDTH,
        "height": axis_y + AXIS,
        "font_size": FONT,
        "small": SMALL,
        "label_x": LABEL_WIDTH,
        "mean_x": WIDTH - 2,
        "head_y": _baseline(TONE_HEAD / 2, SMALL),
        "rows": rows,
        "axis": {"x1": BARS_X, "x2": TONE_BARS_END, "y": axis_y, "top": TONE_HEAD},
        "ticks": [
            {"x": round(BARS_X + span * share, 1), "label": label, "y": axis_y + 12}
            for share, label in ((0, "0%"), (0.5, "50%"), (1, "100%"))
        ],
        "legend": _legend(
            [("negative", "Negative"), ("neutral", "Neutral"), ("positive", "Positive")]
        ),
        "note": "Sentences scored by VADER (≤ −0.05 negative, ≥ 0.05 positive); "
        "low validity for news, read with the sentences.",
    }


def _tone_row(profile: Json, y: float, span: float) -> Json:
    tone = profile["tone"]
    x = float(BARS_X)
    segments = []
    for kind in ("negative", "neutral", "positive"):
        width = round(span * tone[kind] / tone["n"], 1) if tone["n"] else 0.0
        fill, _ = STYLES[kind]
        digits = str(tone[kind])
        segments.append(
            {
                "kind": kind,
                "x": round(x, 1),
                "width": width,
                "fill": fill,
                "count": digits if width >= _width(digits, FONT) + 4 else "",
                "count_x": round(x + width / 2, 1),
                "count_fill": INK_ON[kind],
                "tip": f"{profile['label']}: {_count(tone[kind], 'sentence')} {kind}",
            }
        )
        x += width
    return {
        "label": _fit(profile["label"], LABEL_WIDTH),
        "tip": _tone_text(profile),
        "y": y + (TONE_ROW - TONE_BAR) / 2,
        "height": TONE_BAR,
        "text_y": _baseline(y + TONE_ROW / 2, FONT),
        "x": BARS_X,
        "width": span,
        "segments": [s for s in segments if s["width"]],
        "mean": f"{tone['mean']:+.2f}" if tone["n"] else "—",
    }


def _tone_text(profile: Json) -> str:
    tone = profile["tone"]
    if not tone["n"]:
        return f"{profile['label']}: no sentence scored"
    return (
        f"{profile['label']}: {tone['negative']} negative, {tone['neutral']} neutral, "
        f"{tone['positive']} positive of {_count(tone['n'], 'sentence')}, "
        f"mean {tone['mean']:+.2f}"
    )


# --- text -------------------------------------------------------------------------------------


def _legend(entries: list[tuple[str, str]]) -> list[Json]:
    return [
        {"kind": kind, "label": label, "fill": STYLES[kind][0], "stroke": STYLES[kind][1]}
        for kind, label in entries
    ]


def _fit(text: str, width: float) -> str:
    """`text` cut with "…" to fit `width` units at `FONT` size.

    Cut at a character, not a word: "The Washington Po…" and "The Washington Ti…" stay apart."""
    if _width(text, FONT) <= width:
        return text
    room = width - _width("…", FONT)
    end = len(text)
    while end and _width(text[:end], FONT) > room:
        end -= 1
    return text[:end].rstrip(" ,;:-") + "…"


def _width(text: str, size: float) -> float:
    """How wide `text` sets at `size` units in DejaVu Sans, at most."""
    return sum(EM.get(char, WIDEST) for char in text) * size


def _baseline(middle: float, size: float) -> float:
    """The y of a text baseline that centres its lowercase on `middle`.

    Computed rather than left to dominant-baseline, which WeasyPrint only approximates:
    this way the text sits at the same place in the browser and in the PDF."""
    return round(middle + 0.35 * size, 1)


def _value(per_1000: float) -> str:
    return f"{per_1000:.1f}" if per_1000 else "0"


def _tick(value: float) -> str:
    return f"{value:g}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
