"""The report's layout in a real browser: at a desktop width and at the narrowest window
headless Chromium opens (500 px; a 390 px phone was checked by hand, in a frame), the page is never
wider than the window and every table sits in its own box (which scrolls when the table is
wider), so no column is cut off the page. Checked on the seeds (one story) and on a report of
two stories (the claims fixture)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from test_offline import chromium  # noqa: F401 - the fixture

from framing.analyse.topics import default_topics
from framing.pipeline import build_briefing
from framing.report.render import render_html
from framing.serialise import to_json

PROBE = """<script>
const width = window.innerWidth;
const boxes = [...document.querySelectorAll('.table-wrap')];
document.body.insertAdjacentHTML('beforeend', '<pre id="layout">' + JSON.stringify({
  width: width,
  page: document.documentElement.scrollWidth,
  tables: document.querySelectorAll('table').length,
  unboxed: [...document.querySelectorAll('table')].filter(t => !t.closest('.table-wrap')).length,
  past_edge: boxes.filter(b => b.getBoundingClientRect().right > width + 1).length,
}) + '</pre>');
</script>"""


def measured(browser: str, html: str, width: int, folder: Path) -> dict[str, Any]:
    """What the probe saw in `html` (its content policy removed, so the probe may run)."""
    page = folder / f"page-{width}.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={folder / f'profile-{width}'}", f"--window-size={width},900",
            "--virtual-time-budget=2000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    found = re.search(r'<pre id="layout">(.*?)</pre>', dom)
    assert found, "the probe did not run"
    result: dict[str, Any] = json.loads(found.group(1))
    return result


@pytest.fixture(scope="module")
def two_stories_html() -> str:
    return render_html(json.loads(to_json(build_briefing([DATA / "claims"], default_topics()))))


@pytest.mark.parametrize("width", [1280, 500])
@pytest.mark.parametrize("report", ["seeds", "two stories"])
def test_every_table_fits_or_scrolls_in_its_own_box(
    chromium: str,  # noqa: F811 - the fixture
    seeds_html: str,
    two_stories_html: str,
    report: str,
    width: int,
    tmp_path: Path,
) -> None:
    html = seeds_html if report == "seeds" else two_stories_html
    seen = measured(chromium, html, width, tmp_path)
    assert seen["width"] == width
    assert seen["tables"] > 3 and seen["unboxed"] == 0
    assert seen["page"] <= seen["width"], seen  # no horizontal scroll of the whole page
    assert seen["past_edge"] == 0, seen
