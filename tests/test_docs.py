"""The documented Briefing JSON and the real one agree, key for key, in both directions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, ROOT, SEEDS

from framing.analyse.topics import default_topics
from framing.pipeline import build_briefing
from framing.serialise import to_json

DOC = ROOT / "docs" / "briefing.md"


DATA_MAPS = ("provenance", "extra")
"""Objects keyed by data (field or column names), not by schema keys."""


def _json_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {
            k for name, v in value.items() if name not in DATA_MAPS for k in _json_keys(v)
        }
    if isinstance(value, list):
        return {k for item in value for k in _json_keys(item)}
    return set()


def _documented_keys(path: Path) -> set[str]:
    return set(re.findall(r"^\| `(\w+)` \|", path.read_text(encoding="utf-8"), re.MULTILINE))


def test_every_key_is_documented_and_every_documented_key_exists(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")  # so that `excluded` has an entry
    copy = tmp_path / "copy.txt"  # and `duplicates`
    copy.write_bytes((SEEDS / "the-buzz-russia-big-plans-israel-hamas-war.txt").read_bytes())
    inputs = [SEEDS, DATA / "claims", tmp_path / "empty.txt", copy]  # claims: an omission
    briefing = json.loads(to_json(build_briefing(inputs, default_topics())))
    actual, documented = _json_keys(briefing), _documented_keys(DOC)
    assert not actual - documented, "keys missing from docs/briefing.md: add them"
    assert not documented - actual, "documented keys the JSON lacks: this would break users"


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\s*(make \w+|framing .+)$", quick_start, re.MULTILINE)
    assert commands[:2] == ["make brief", "make test"]


TEMPLATES_DOC = ROOT / "docs" / "templates.md"
BRIEFING_LISTS = ("articles", "shown_articles", "topics", "excluded", "duplicates", "lexicons")


def _context_keys(value: Any, top: bool = True) -> set[str]:
    """Keys of the template context, not descending into the Briefing's own lists."""
    if isinstance(value, dict):
        return set(value) | {
            key
            for name, item in value.items()
            if not (top and name in BRIEFING_LISTS)
            for key in _context_keys(item, top=False)
        }
    if isinstance(value, list):
        return {key for item in value for key in _context_keys(item, top=False)}
    return set()


def test_template_context_is_documented_both_ways() -> None:
    from framing.report.context import report_context

    briefing = build_briefing([SEEDS, DATA / "claims"], default_topics())
    context = report_context(json.loads(to_json(briefing)))
    assert json.loads(json.dumps(context)) == context  # JSON types only, no default= hook
    actual, documented = _context_keys(context), _documented_keys(TEMPLATES_DOC)
    assert not actual - documented, "context keys missing from docs/templates.md: add them"
    assert not documented - actual, "documented keys the context lacks: would break templates"


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The "Use from Python" example, run as a user would from a project folder."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "seeds").symlink_to(SEEDS)
    (tmp_path / "report_templates").symlink_to(ROOT / "report_templates")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert json.loads((tmp_path / "briefing.json").read_text())["title"] == "Seeds"
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
