"""Render the report context to HTML (jinja2) and the HTML to PDF (WeasyPrint), offline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateError, select_autoescape

from framing.context import report_context
from framing.errors import FramingError

TEMPLATE = "briefing.html"
TEMPLATE_DIR = Path(str(resources.files("framing").joinpath("templates")))


def make_environment() -> Environment:
    """The jinja2 environment: autoescaped (article text is data), strict about typos."""
    env = Environment(
        loader=PackageLoader("framing", "templates"),
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


def render_html(briefing: dict[str, Any]) -> str:
    """The self-contained HTML report of a Briefing JSON."""
    try:
        return make_environment().get_template(TEMPLATE).render(report_context(briefing))
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"{getattr(error, 'filename', None) or TEMPLATE}" + (
            f", line {line}" if line else ""
        )
        raise FramingError(f"template error: {error}", where, "fix the template") from None


def render_pdf(html: str) -> bytes:
    """Print `html` to PDF. Nothing is fetched but data: URLs and the package's own files."""
    from weasyprint import HTML  # imported here: it takes a second and needs Pango

    return bytes(
        HTML(string=html, base_url=str(TEMPLATE_DIR), url_fetcher=_local_fetcher()).write_pdf()
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
