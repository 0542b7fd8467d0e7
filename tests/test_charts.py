"""The profile charts: geometry from the seeds' context, placed as inline SVG, drawn in the PDF."""

from __future__ import annotations

import functools
import io
import itertools
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pypdf
import pytest

from framing.report.charts import frame_multiples, measure_multiples, profile_charts, tone_bars
from framing.report.context import report_context
from framing.report.render import make_environment, render_pdf

Json = dict[str, Any]


@pytest.fixture(scope="module")
def profiles(seeds_json: Json) -> list[Json]:
    result: list[Json] = report_context(seeds_json)["profiles"]
    return result


@pytest.fixture(scope="module")
def twelve(profiles: list[Json]) -> list[Json]:
    """Twelve outlets with long names that need escaping, cycling the seeds' measures."""
    return [
        profiles[i % len(profiles)]
        | {"label": f"{profiles[i % len(profiles)]['label']} & Partners <Media Group> no. {i}"}
        for i in range(12)
    ]


def render(macro: str, chart: Json) -> str:
    """A chart macro's output, through the package's own environment (autoescape on)."""
    template = make_environment().from_string(
        '{% import "_charts.html" as c %}{{ c.' + macro + "(chart) }}"
    )
    return template.render(chart=chart)


def tree(html: str) -> ET.Element:
    """The macro output parsed as XML: it must be well formed for that."""
    return ET.fromstring(f"<div>{html}</div>")


def rows(svg: ET.Element, kind: str = "bar") -> list[ET.Element]:
    """The row groups of a chart (`bar` for bar panels, `tone-row` for tone), top to bottom."""
    return [g for g in svg.iter("g") if kind in g.get("class", "").split()]


def width(row: ET.Element) -> float:
    """The drawn length of a bar row: 0 when no bar is drawn (a zero value)."""
    rect = row.find("rect")
    return float(rect.get("width", 0)) if rect is not None else 0.0


def first_name(row: ET.Element) -> str:
    """The full name a row's tooltip starts with: "JFeed" in "JFeed — Political: 1.7 (…)"."""
    return (row.findtext("title") or "").split(" — ")[0].split(":")[0]


def second_name(row: ET.Element) -> str:
    """The name a bar row's tooltip gives second, in full: the frame in "JFeed — Political:
    1.7 (…)", the outlet in "Hedges — JFeed: 2.6 (…)"."""
    return (row.findtext("title") or "").split(" — ")[1].split(":")[0]


def charts_svgs(root: ET.Element) -> list[ET.Element]:
    return [s for s in root.iter("svg") if s.get("class") == "chart"]


@functools.cache
def dejavu() -> Any:
    """DejaVu Sans, the report's first font (styles.css), from the system's font directory."""
    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not path.exists():
        pytest.skip("DejaVu Sans is not installed")
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # comes with WeasyPrint

    return TTFont(path)


def advance(text: str, size: float) -> float:
    """The width of `text` set in DejaVu Sans at `size` units."""
    font = dejavu()
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    return float(sum(metrics[cmap[ord(c)]][0] for c in text) * size / font["head"].unitsPerEm)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- frames ---------------------------------------------------------------------------------


def test_one_frame_panel_per_outlet_on_one_shared_scale(profiles: list[Json]) -> None:
    root = tree(render("frame_multiples", frame_multiples(profiles)))
    figures = root.findall(".//figure")
    assert [f.findtext("figcaption") for f in figures] == [p["label"] for p in profiles]
    present = [
        f["label"]
        for f in profiles[0]["frames"]
        if any(g["present"] for p in profiles for g in p["frames"] if g["key"] == f["key"])
    ]
    panels = [rows(svg) for svg in charts_svgs(root)]
    # The same frames, in the same order, in every panel: exactly those present somewhere.
    orders = {tuple(second_name(row) for row in panel) for panel in panels}
    assert len(orders) == 1
    order = orders.pop()
    assert sorted(order) == sorted(present)
    totals = [
        sum(f["per_1000"] for p in profiles for f in p["frames"] if f["label"] == label)
        for label in order
    ]
    assert totals == sorted(totals, reverse=True)  # most cued across outlets first
    # One scale: every bar's length is the same multiple of its rate, across all panels.
    lengths = [
        (width(row), frame["per_1000"])
        for profile, panel in zip(profiles, panels, strict=True)
        for row in panel
        for frame in profile["frames"]
        if frame["label"] == second_name(row)
    ]
    scale = max(length for length, _ in lengths) / max(rate for _, rate in lengths)
    assert all(abs(length - scale * rate) <= 0.06 for length, rate in lengths)
    axes = {ET.tostring(a) for a in root.iter("g") if a.get("class") == "axis"}
    assert len(axes) == 1


def test_dominant_frames_are_drawn_darker(profiles: list[Json]) -> None:
    chart = frame_multiples(profiles)
    root = tree(render("frame_multiples", chart))
    for profile, svg in zip(profiles, charts_svgs(root), strict=True):
        for row in rows(svg):
            dominant = "dominant" in row.get("class", "").split()
            assert dominant == (second_name(row) in profile["dominant_frames"])
    fills = {e["kind"]: e["fill"] for e in chart["legend"]}
    for row in (r for svg in charts_svgs(root) for r in rows(svg) if r.find("rect") is not None):
        kind = row.get("class", "").split()[1]
        assert row.find("rect").get("fill") == fills[kind]  # type: ignore[union-attr]
    # Greyscale print: dominant, present and below-threshold bars stay far apart in lightness.
    dark, mid, light = (luminance(fills[k]) for k in ("dominant", "present", "cue"))
    assert mid - dark > 0.25 and light - mid > 0.25


def test_frames_present_nowhere_are_named_not_drawn(profiles: list[Json]) -> None:
    chart = frame_multiples(profiles)
    shown = {row["tip"].split(" — ")[1].split(":")[0] for row in chart["panels"][0]["rows"]}
    for frame in profiles[0]["frames"]:
        somewhere = any(
            f["present"] for p in profiles for f in p["frames"] if f["key"] == frame["key"]
        )
        assert (frame["label"] in shown) == somewhere
        assert (frame["label"] in chart["note"]) == (not somewhere)


# --- measures -------------------------------------------------------------------------------


def test_one_measure_panel_per_measure_outlets_in_report_order(profiles: list[Json]) -> None:
    root = tree(render("measure_multiples", measure_multiples(profiles)))
    captions = [f.findtext("figcaption") for f in root.findall(".//figure")]
    assert captions == [m["label"] for m in profiles[0]["measures"]]
    for svg in charts_svgs(root):
        assert [second_name(row) for row in rows(svg)] == [p["label"] for p in profiles]
        # The seeds' names, "The Washington Institute" the longest, are drawn in full.
        assert [row.findall("text")[0].text for row in rows(svg)] == [p["label"] for p in profiles]


def test_anonymous_sourcing_bars_are_proportional(profiles: list[Json]) -> None:
    root = tree(render("measure_multiples", measure_multiples(profiles)))
    figure = next(
        f for f in root.findall(".//figure") if f.findtext("figcaption") == "Anonymous sourcing"
    )
    rates = [next(m for m in p["measures"] if m["key"] == "anonymous_sources") for p in profiles]
    lengths = [width(row) for row in rows(figure)]
    most = max(range(len(profiles)), key=lambda i: rates[i]["per_1000"])
    assert profiles[most]["label"] == "Unknown outlet 2"  # the seed that leans on unnamed sources
    assert max(range(len(lengths)), key=lambda i: lengths[i]) == most
    for length, rate in zip(lengths, rates, strict=True):
        assert abs(length - lengths[most] * rate["per_1000"] / rates[most]["per_1000"]) <= 0.1
        assert (length == 0) == (rate["count"] == 0)


# --- tone -----------------------------------------------------------------------------------


def test_tone_bar_splits_each_outlets_sentences(profiles: list[Json]) -> None:
    (svg,) = charts_svgs(tree(render("tone_bars", tone_bars(profiles))))
    assert len(rows(svg, "tone-row")) == len(profiles)
    for profile, row in zip(profiles, rows(svg, "tone-row"), strict=True):
        tone = profile["tone"]
        *segments, outline = row.findall("rect")
        widths = {s.get("class"): float(s.get("width", 0)) for s in segments}
        total = float(outline.get("width", 0))
        for kind in ("negative", "neutral", "positive"):
            assert abs(widths.get(kind, 0.0) - total * tone[kind] / tone["n"]) <= 0.06
        assert row.findall("text")[-1].text == f"{tone['mean']:+.2f}"
        assert first_name(row) == profile["label"]
    desc = svg.findtext("desc", "")
    for profile in profiles:
        tone = profile["tone"]
        assert f"{profile['label']}: {tone['negative']} negative, {tone['neutral']} neutral" in desc


def test_text_reaches_aa_contrast_and_tone_reads_in_greyscale(profiles: list[Json]) -> None:
    charts = profile_charts(profiles)
    html = render("frame_multiples", charts["frames"]) + render(
        "measure_multiples", charts["measures"]
    )
    for text in tree(html).iter("text"):  # every bar-panel text sits on white
        assert contrast(text.get("fill", ""), "#ffffff") >= 4.5, text.text
    for row in charts["tone"]["rows"]:
        for segment in row["segments"]:
            assert contrast(segment["count_fill"], segment["fill"]) >= 4.5, segment["kind"]
    shades = sorted(luminance(e["fill"]) for e in charts["tone"]["legend"])
    assert all(b - a > 0.25 for a, b in itertools.pairwise(shades))


# --- text alternatives and layout -----------------------------------------------------------


def test_every_chart_has_a_title_and_a_desc_stating_its_values(profiles: list[Json]) -> None:
    charts = profile_charts(profiles)
    root = tree(
        render("frame_multiples", charts["frames"])
        + render("measure_multiples", charts["measures"])
        + render("tone_bars", charts["tone"])
    )
    svgs = charts_svgs(root)
    assert len(svgs) == len(profiles) + len(profiles[0]["measures"]) + 1
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for svg in svgs:
        assert svg.get("role") == "img" and svg.get("width") == "100%"
        assert re.fullmatch(r"0 0 \d+(\.\d+)? \d+(\.\d+)?", svg.get("viewBox", ""))
        title, desc = svg[0], svg[1]
        assert (title.tag, desc.tag) == ("title", "desc")
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        for row in rows(svg):  # each drawn value is stated in the description
            assert f": {row.findall('text')[1].text} (" in (desc.text or "")
    tone = svgs[-1].findtext("desc", "")
    assert all(f"mean {p['tone']['mean']:+.2f}" in tone for p in profiles)


def test_twelve_long_named_outlets_still_lay_out(twelve: list[Json]) -> None:
    charts = profile_charts(twelve)
    html = render("measure_multiples", charts["measures"]) + render("tone_bars", charts["tone"])
    root = tree(html)  # would not parse if "&" or "<" in a name went out unescaped
    for svg in charts_svgs(root):
        groups = rows(svg) or rows(svg, "tone-row")
        names = [second_name(g) for g in rows(svg)] or [first_name(g) for g in groups]
        assert names == [p["label"] for p in twelve]
        spans = [
            (float(r.get("y", 0)), float(r.get("y", 0)) + float(r.get("height", 0)))
            for g in groups
            for r in g.findall("rect")[-1:]
        ]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlap
        baselines = [float(g.findall("text")[0].get("y", 0)) for g in groups]
        assert all(b - a >= 14 for a, b in itertools.pairwise(baselines))  # labels apart
        height = float(svg.get("viewBox", "").split()[3])
        assert max(float(t.get("y", 0)) for t in svg.iter("text")) <= height
        for label in (g.findall("text")[0] for g in groups):  # right-aligned on the column
            assert (label.text or "").endswith("…")
            assert advance(label.text or "", float(svg.get("font-size", 0))) <= float(
                label.get("x", 0)
            )


# --- the PDF --------------------------------------------------------------------------------


def test_charts_draw_in_the_pdf(profiles: list[Json], caplog: pytest.LogCaptureFixture) -> None:
    charts = profile_charts(profiles)
    body = render("measure_multiples", charts["measures"]) + render("tone_bars", charts["tone"])
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charts</title>'
        f"</head><body>{body}</body></html>"
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf(html)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for row in charts["tone"]["rows"]:  # outlet names as drawn, counts and means
        assert row["label"] in text and row["mean"] in text
        assert all(s["count"] in text for s in row["segments"])
    assert "Anonymous sourcing" in text and "Mean" in text
    # The text alternatives are for screen readers, not drawn on the page.
    assert "by outlet (scale" not in text
