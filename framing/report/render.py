"""Render the report context to HTML (jinja2) and the HTML to PDF (WeasyPrint), offline."""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from framing.errors import FramingError
from framing.report.catalog import BUILTIN, BUILTIN_DIR, ReportTemplate
from framing.report.context import report_context
from framing.report.offline import find_refusal, with_policy


def make_environment(template_dir: Path | None = None) -> Environment:
    """The jinja2 environment: sandboxed, autoescaped (article text is data), strict about
    typos. A template is code that someone else may have written (a downloaded corpus, a
    cloned folder): in the sandbox it formats the context and cannot reach Python.

    Templates in `template_dir` come first, then the built-in ones, which a custom template
    can also reach as `builtin:NAME` to extend the template it replaces.
    """
    builtin = PackageLoader("framing.report", "templates")
    custom = [FileSystemLoader(template_dir)] if template_dir else []
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([*custom, PrefixLoader({"builtin": builtin}, delimiter=":"), builtin]),
        # Name every extension we render: select_autoescape's default skips ".j2" (TRAPS.md).
        autoescape=select_autoescape(["html", "htm", "xml", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(pct=format_percent, num=format_number, md=escape_markdown)
    return env


def format_percent(share: float) -> str:
    """0.4483 -> "45%"; a share above zero never shows as "0%"."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{share * 100:.0f}%"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[<|])")
_MARKDOWN_LINE_START = re.compile(r"^([#>+-]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Text made literal in Markdown (GitHub-flavoured): its markup characters escaped,
    table pipes too, line breaks joined, and a leading heading/quote/list marker defused."""
    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))
    # "# x" -> "\# x"; "1. x" -> "1\. x" (a backslash before a digit would show)
    return _MARKDOWN_LINE_START.sub(
        lambda m: m.group(1) + "\\" if m.group(1).isdigit() else "\\" + m.group(1), flat
    )


def format_number(value: float, digits: int = 1) -> str:
    """A score with a fixed number of decimals."""
    return f"{value:.{digits}f}"


def render_html(briefing: dict[str, Any], template: ReportTemplate = BUILTIN) -> str:
    """The report of a Briefing JSON rendered with `template`: self-contained HTML carrying
    a Content-Security-Policy that allows no request (or the Markdown of a .md template).
    A template that would load anything remote, or run a script of its own, is refused."""
    text = _rendered(briefing, template)
    markdown = "md" in template.formats
    refusal = find_refusal(text, markdown=markdown)
    if refusal is not None:
        raise FramingError(
            f"the template {refusal.problem}: {_REFUSED[refusal.kind][0]}",
            _line_of(refusal.needle, template),
            _REFUSED[refusal.kind][1],
        )
    return text if markdown else with_policy(text)


_REFUSED = {  # kind of refusal: (why, how to fix)
    "remote": (
        "reports load nothing",
        "put it inline: CSS in a <style> element, images and fonts as data: URLs",
    ),
    "script": (
        "a report runs only framing's own filters script (its Content-Security-Policy blocks "
        "any other)",
        'remove it; <script>{% include "builtin:filters.js" %}</script> adds the filters',
    ),
    "refresh": ("a report stays where the reader opened it", "remove the <meta>"),
}


def _rendered(briefing: dict[str, Any], template: ReportTemplate) -> str:
    """`template` rendered in the sandbox, its errors located at the template line."""
    env = make_environment(None if template.layer == "built-in" else template.folder)
    try:
        return env.get_template(template.entry).render(report_context(briefing))
    except TemplateNotFound as error:
        raise FramingError(
            f"template {error.name!r} not found", _location(error, template), _NOT_FOUND_HINT
        ) from None
    except TemplateError as error:
        raise FramingError(
            f"template error: {error}", _location(error, template), _hint(error)
        ) from None


_NOT_FOUND_HINT = (
    "check the file name next to the template; to extend the built-in briefing, "
    '{% extends "builtin:briefing.html" %}'
)


def _line_of(needle: str, template: ReportTemplate) -> str:
    """`file, line N` of the first template file in the folder holding the output line
    `needle` (as written there, before jinja), else the entry file."""
    needle = needle.strip()
    for path in sorted(template.folder.rglob("*")) if needle else []:
        if path.is_file() and path.suffix in (".html", ".md", ".css", ".j2", ".js"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if needle in line:
                    return f"{path}, line {number}"
    return str(template.path)


def _location(error: TemplateError, template: ReportTemplate) -> str:
    """`file, line N` of the failing template line, from the error or jinja's traceback."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return f"{error.filename or error.name or template.path}, line {error.lineno}"
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if Path(f.filename).suffix in (".html", ".md", ".j2", ".css")
    ]
    return f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else str(template.path)


def _hint(error: TemplateError) -> str:
    if isinstance(error, TemplateSyntaxError):
        return "fix the template syntax"
    if isinstance(error, SecurityError):
        return "templates run sandboxed: they format the documented context, nothing else"
    return "use only the keys documented in docs/templates.md"


def render_pdf(html: str, page_css: str = "") -> bytes:
    """Print `html` to PDF. Nothing is fetched but data: URLs and the package's own files.
    `page_css` is a default page size (from a template.toml) the document's CSS overrides."""
    try:
        from weasyprint import CSS, HTML  # imported here: it takes a second and needs Pango
    except (ImportError, OSError) as error:
        raise FramingError(f"cannot load WeasyPrint: {error}", fix=_PANGO_HINT) from None
    document = HTML(string=html, base_url=str(BUILTIN_DIR), url_fetcher=_local_fetcher())
    stylesheets = [CSS(string=page_css)] if page_css else []
    return bytes(document.write_pdf(stylesheets=stylesheets))


_PANGO_HINT = (
    "install its system libraries: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 fonts-dejavu-core"
)


def _local_fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses the network and any file outside the package."""
    from weasyprint import URLFetcher

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or _is_package_file(url):
                return super().fetch(url, headers)
            raise ValueError(f"framing fetches nothing outside the report: {url}")

    return LocalOnlyFetcher(allowed_protocols={"data", "file"}, allow_redirects=False)


def _is_package_file(url: str) -> bool:
    if not url.startswith("file://"):
        return False
    path = Path(url.removeprefix("file://").split("?")[0]).resolve()
    return path.is_relative_to(BUILTIN_DIR.resolve().parent)
