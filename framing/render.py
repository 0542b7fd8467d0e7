"""Render the report context to HTML (jinja2) and the HTML to PDF (WeasyPrint), offline."""

from __future__ import annotations

import traceback
from importlib import resources
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

from framing.context import report_context
from framing.errors import FramingError

TEMPLATE = "briefing.html"
TEMPLATE_DIR = Path(str(resources.files("framing").joinpath("templates")))


def make_environment(template_dir: Path | None = None) -> Environment:
    """The jinja2 environment: autoescaped (article text is data), strict about typos.

    Templates in `template_dir` come first, then the built-in ones, which a custom template
    can also reach as `builtin:NAME` to extend the template it replaces.
    """
    builtin = PackageLoader("framing", "templates")
    custom = [FileSystemLoader(template_dir)] if template_dir else []
    env = Environment(
        loader=ChoiceLoader([*custom, PrefixLoader({"builtin": builtin}, delimiter=":"), builtin]),
        # Name every extension we render: select_autoescape's default skips ".j2" (TRAPS.md).
        autoescape=select_autoescape(["html", "htm", "xml", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(pct=format_percent, num=format_number)
    return env


def format_percent(share: float) -> str:
    """0.4483 -> "45%"; a share above zero never shows as "0%"."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{share * 100:.0f}%"


def format_number(value: float, digits: int = 1) -> str:
    """A score with a fixed number of decimals."""
    return f"{value:.{digits}f}"


def render_html(briefing: dict[str, Any], template: Path | None = None) -> str:
    """The self-contained HTML report of a Briefing JSON, with `template` or the built-in one."""
    env = make_environment(template.parent if template else None)
    name = template.name if template else TEMPLATE
    try:
        return env.get_template(name).render(report_context(briefing))
    except TemplateNotFound as error:
        raise FramingError(
            f"template {error.name!r} not found", str(template or name), _NOT_FOUND_HINT
        ) from None
    except TemplateError as error:
        raise FramingError(
            f"template error: {error}", _location(error, name), _hint(error)
        ) from None


_NOT_FOUND_HINT = (
    'check the path; to extend the built-in one, use {% extends "builtin:briefing.html" %}'
)


def _location(error: TemplateError, name: str) -> str:
    """`file, line N` of the failing template line, from the error or jinja's traceback."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return f"{error.filename or error.name or name}, line {error.lineno}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else name


def _hint(error: TemplateError) -> str:
    if isinstance(error, TemplateSyntaxError):
        return "fix the template syntax"
    return "use only the keys documented in docs/templates.md"


def render_pdf(html: str) -> bytes:
    """Print `html` to PDF. Nothing is fetched but data: URLs and the package's own files."""
    try:
        from weasyprint import HTML  # imported here: it takes a second and needs Pango
    except (ImportError, OSError) as error:
        raise FramingError(f"cannot load WeasyPrint: {error}", fix=_PANGO_HINT) from None
    return bytes(
        HTML(string=html, base_url=str(TEMPLATE_DIR), url_fetcher=_local_fetcher()).write_pdf()
    )


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
    return path.is_relative_to(TEMPLATE_DIR.resolve().parent)
