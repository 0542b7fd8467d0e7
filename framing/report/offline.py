"""Reports load nothing: the check on what a template writes, and the Content-Security-Policy
that every HTML report carries.

Two walls, because neither holds alone. The check reads the rendered output the way a browser
does (HTML entities and CSS escapes decoded, tabs and backslashes in URLs as the URL parser
treats them) and refuses a template that would load anything remote, with a message that names
it. It looks only where markup loads things (attributes, `<style>`, `<script>`): article text is
escaped data that lands in text nodes, and a news sentence quoting code must never stop a run.
The policy is the wall for whatever the check cannot foresee: the browser itself refuses every
request (`default-src 'none'`), runs only framing's own script (by hash), and takes images and
fonts only from `data:` URLs. A meta refresh is a navigation, which no CSP governs: only the
check stops it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from framing.report.catalog import BUILTIN_DIR

SCRIPTS = (BUILTIN_DIR / "filters.js",)
"""The only scripts a report runs: the built-in filters, inlined by `{% include %}`."""


def script_hash(text: str) -> str:
    """The CSP source that allows exactly the inline script `text`."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


ALLOWED_SCRIPTS = frozenset(script_hash(path.read_text(encoding="utf-8")) for path in SCRIPTS)
POLICY = "; ".join(
    (
        "default-src 'none'",  # no request of any kind: fetch, frames, media, objects, workers
        "img-src data:",
        "font-src data:",
        "style-src 'unsafe-inline'",  # the report's own <style> and style attributes
        f"script-src {' '.join(sorted(ALLOWED_SCRIPTS))}",
        "base-uri 'none'",  # not covered by default-src
        "form-action 'none'",  # nor this
    )
)
POLICY_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'


@dataclass(frozen=True, slots=True)
class Refusal:
    """What a template wrote that a report may not hold, and the text to find it by."""

    kind: str  # "remote", "script" or "refresh": what the fix is
    problem: str  # "loads a remote URL, http://…", said after "the template"
    needle: str  # the output's line that has it, to find the template line by


_Problem = tuple[str, str]
"""A `Refusal` before it is located: (kind, problem)."""


def find_refusal(text: str, *, markdown: bool = False) -> Refusal | None:
    """The first thing in rendered `text` that would load something remote or run a script
    the policy does not allow, or None. For Markdown, `\\<` is text the `md` filter escaped."""
    if markdown:
        found = _MARKDOWN_IMAGE.search(text)
        if found:
            url = found.group(1)
            return Refusal("remote", f"loads a remote image, {url}", url)
        text = text.replace("\\<", "\\&lt;")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker.refusal


def with_policy(page: str) -> str:
    """`page` with the policy's <meta> first in its head, before anything that could load."""
    finder = _HeadFinder()
    for start in range(0, len(page), 4096):  # the head is near the top: stop once it is found
        finder.feed(page[start : start + 4096])
        if finder.done:
            break
    at = finder.insertion_point(page)
    return page[:at] + POLICY_META + page[at:]


_REMOTE = re.compile(
    r"""(?:^|[\x00-\x20,;=('"<])((?:https?|ftp|wss?):[^\x00-\x20'")>]*|//[^\x00-\x20'")>/][^\x00-\x20'")>]*)""",
    re.IGNORECASE,
)
# Namespace names (`xmlns='http://www.w3.org/2000/svg'` inside a data: SVG) are never loaded.
_NAMESPACES = re.compile(r"https?://www\.w3\.org/(?:2000/svg|1999/xlink|1999/xhtml)\b")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?\s*((?:(?:https?|ftp):)?//[^\s)>]+)", re.I)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|(.))", re.DOTALL)


def remote_url(value: str) -> str | None:
    """The first remote URL in an attribute value or CSS, read as a browser's URL parser reads
    it: tabs and line breaks dropped, backslashes as slashes, `http:host` without slashes."""
    url = _NAMESPACES.sub("", re.sub(r"[\t\n\r]", "", value)).replace("\\", "/")
    found = _REMOTE.search(url)
    return found.group(1) if found else None


def css_decoded(css: str) -> str:
    """CSS with its escapes (`\\68 ttp`, `\\"`, line continuations) read as characters."""

    def character(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "�"
        return "" if match.group(2) else match.group(3)

    return _CSS_ESCAPE.sub(character, css)


# Attributes that hold text, never a URL a browser loads: where article text may go.
_TEXT_ATTRIBUTES = frozenset(
    {"abbr", "alt", "class", "content", "for", "headers", "id", "label", "lang", "name"}
    | {"placeholder", "role", "summary", "title", "value"}
)
_TEXT_PREFIXES = ("aria-", "data-", "xmlns")
_LINKS = frozenset({"a", "area"})  # an href there is followed only when the reader clicks


class _Checker(HTMLParser):
    """Walks the output as markup and keeps the first `Refusal`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refusal: Refusal | None = None
        self._raw_text: list[str] | None = None  # inside <script> or <style>
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = (self.get_starttag_text() or tag).splitlines()
        for name, value in attrs:
            line = next((line for line in raw if name in line.lower()), raw[0])
            self._refuse(_attribute_problem(tag, name, value or "", dict(attrs)), line)
        if tag in ("script", "style"):
            self._raw_text, self._tag = [], tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_text = None

    def handle_data(self, data: str) -> None:
        if self._raw_text is not None:
            self._raw_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._raw_text is None or tag != self._tag:
            return
        text, self._raw_text = "".join(self._raw_text), None
        lines = [line for line in text.splitlines() if line.strip()] or ["<" + tag]
        if tag == "style":
            culprit = next((line for line in lines if _css_problem(html.unescape(line))), lines[0])
            self._refuse(_css_problem(html.unescape(text)), culprit)
        elif script_hash(text) not in ALLOWED_SCRIPTS:
            self._refuse(("script", "has a script of its own"), lines[0])

    def _refuse(self, problem: _Problem | None, needle: str) -> None:
        if problem and self.refusal is None:
            self.refusal = Refusal(*problem, needle)


def _attribute_problem(
    tag: str, name: str, value: str, attrs: dict[str, str | None]
) -> _Problem | None:
    """What is wrong with one attribute, if anything."""
    if name.startswith("on") and name != "open":
        return ("script", f"has an inline event handler ({name}=)")
    if name == "srcdoc":
        inner = find_refusal(value)
        return (inner.kind, f"frames a document that {inner.problem}") if inner else None
    if name == "style":
        return _css_problem(value)
    if tag == "script" and name == "src":
        return ("script", f"loads a script file, {value}")
    if tag == "meta" and "http-equiv" in attrs:
        return _meta_problem(str(attrs["http-equiv"]).lower(), name, value)
    if name in _TEXT_ATTRIBUTES or name.startswith(_TEXT_PREFIXES):
        return None
    if tag in _LINKS and name == "href":
        return None
    return _remote(remote_url(value))


def _meta_problem(equiv: str, name: str, value: str) -> _Problem | None:
    if equiv == "refresh":
        return ("refresh", "refreshes or redirects the page (<meta http-equiv=refresh>)")
    return _remote(remote_url(value)) if name == "content" else None


def _css_problem(css: str) -> _Problem | None:
    return _remote(remote_url(css_decoded(css)))


def _remote(url: str | None) -> _Problem | None:
    return ("remote", f"loads a remote URL, {url}") if url else None


class _HeadFinder(HTMLParser):
    """Where the policy goes: just inside an opening <head>, else right after the doctype (the
    parser then opens the head with it), so that it comes before anything that could load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.start: tuple[int, int] | None = None  # (line, column) of the doctype's end
        self.head: tuple[int, int] | None = None  # of the end of an opening <head> tag
        self.done = False  # the head was opened, or an element or text opened it implicitly

    def handle_decl(self, decl: str) -> None:
        if not self.done:
            line, column = self.getpos()
            self.start = (line, column + len(f"<!{decl}>"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or tag == "html":
            return
        if tag == "head":
            line, column = self.getpos()
            self.head = (line, column + len(self.get_starttag_text() or ""))
        self.done = True

    def handle_data(self, data: str) -> None:
        self.done = self.done or bool(data.strip())

    def insertion_point(self, page: str) -> int:
        """The character offset in `page` to insert at."""
        position = self.head or self.start
        return _index(page, position) if position else 0


def _index(page: str, position: tuple[int, int]) -> int:
    """A parser (line, column) as an offset into `page`."""
    line, column = position
    starts = [0] + [m.end() for m in re.finditer("\n", page)]
    return starts[line - 1] + column
