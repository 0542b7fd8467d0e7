"""Reports load nothing and run no code they were not meant to: the check on what templates
write, the Content-Security-Policy every HTML carries, and both tried in headless Chromium
against a loopback listener (as an attacker would: disguised loads, hostile article fields)."""

from __future__ import annotations

import base64
import hashlib
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from framing.cli import cli
from framing.report.offline import ALLOWED_SCRIPTS, POLICY, find_refusal, with_policy
from framing.report.render import render_html

HOST = "127.0.0.1:9"  # stands for the listener's address in the payloads below

# Remote loads a template might hide, each as an attacker would write it; all but the ping
# (sent only on a click) made Chromium fetch from a loopback listener before the policy.
DISGUISED = {
    "entity": '<img src="&#104;ttp://HOST/entity">',
    "css-escape-url": '<style>body { background: url("\\68ttp://HOST/css-escape-url") }</style>',
    "css-escape-import": '<style>@import "\\68ttp://HOST/css-escape-import";</style>',
    "image-set": "<div style=\"background-image: image-set('http://HOST/image-set' 1x); "
    'width: 9px; height: 9px">x</div>',
    "poster": '<video poster="http://HOST/poster"></video>',
    "ping": '<a href="#top" ping="http://HOST/ping">top</a>',
    "srcdoc": '<iframe srcdoc="<img src=&quot;http://HOST/srcdoc&quot;>"></iframe>',
    "fetch": '<script>fetch("http://HOST/fetch")</script>',
    "new-image": '<script>new Image().src = "http://HOST/new-image";</script>',
    "protocol-relative": '<link rel="stylesheet" href="//HOST/protocol-relative">',
    "srcset": '<img srcset="a.png 1x, http://HOST/srcset 2x">',
    "svg-image": '<svg><image href="http://HOST/svg-image" width="5" height="5"/></svg>',
    "object": '<object data="http://HOST/object"></object>',
    "tab-in-scheme": '<img src="h&#9;ttp://HOST/tab-in-scheme">',
}
REFRESH = '<meta http-equiv="refresh" content="0; url=http://HOST/refresh">'
"""A navigation, which no CSP governs (Chromium follows it under `default-src 'none'`): only
the check stops it."""

SENTENCE = (
    "The ministry said its web page, which sets src=https://cdn.example.org/x.js in its code, "
    "was hacked by Russian groups last week."
)


@pytest.mark.parametrize("name", [*DISGUISED, "refresh"])
def test_every_disguised_load_is_refused_by_the_check(name: str) -> None:
    payload = DISGUISED.get(name, REFRESH).replace("HOST", HOST)
    refusal = find_refusal(f"<!doctype html><title>t</title><body>{payload}</body>")
    assert refusal is not None, payload
    assert HOST in refusal.problem or "script" in refusal.problem or "refresh" in refusal.problem


@pytest.mark.parametrize(
    "markup",
    [
        f"<p>{SENTENCE}</p>",
        "<p>url(http://x.org/a.png) and @import 'http://x.org' in a sentence</p>",
        '<p title="see http://x.org/a.js">a quoted address in a text attribute</p>',
        '<meta name="description" content="src=https://x.org/x.js">',
        '<a href="https://www.reuters.com/world/">the source, for the reader to follow</a>',
        '<img src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\'/>" alt="">',
        "<details open><summary>All sentences</summary></details>",
        '<svg viewBox="0 0 10 10"><rect fill="#123456" width="5" height="5"/></svg>',
    ],
)
def test_text_and_harmless_markup_pass(markup: str) -> None:
    assert find_refusal(f"<!doctype html><title>t</title>{markup}") is None


def test_markdown_images_are_checked_but_escaped_text_is_not() -> None:
    assert find_refusal("# T\n![logo](https://x.org/logo.png)\n", markdown=True) is not None
    escaped = "- \\<img src=http://x.org/a.png\\> said the ministry\n"
    assert find_refusal(escaped, markdown=True) is None


def test_the_policy_comes_first_in_the_head() -> None:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    head = "<!doctype html>\n<html lang=en>\n<head>\n<title>t</title>"
    assert with_policy(head).startswith(f"<!doctype html>\n<html lang=en>\n<head>{meta}\n")
    bare = "<!doctype html><title>t</title>"
    assert with_policy(bare) == f"<!doctype html>{meta}\n<title>t</title>"
    assert with_policy("<p>no head</p>").startswith(meta)
    assert with_policy("words first <b>x</b>").startswith(meta)  # before text opens the body


def test_every_html_carries_the_policy(seeds_html: str, seeds_json: dict[str, Any]) -> None:
    head = BeautifulSoup(seeds_html, "html.parser").head
    assert head is not None
    first = head.find(True)
    assert first is not None and first.get("http-equiv") == "Content-Security-Policy"
    assert first.get("content") == POLICY
    assert "default-src 'none'" in POLICY and "connect-src" not in POLICY  # none: the default
    examples = Path(__file__).resolve().parent.parent / "report_templates"
    from framing.report.catalog import find_template

    summary = render_html(seeds_json, find_template("executive-summary", examples))
    assert f'content="{POLICY}"' in summary
    digest = render_html(seeds_json, find_template("markdown-digest", examples))
    assert "Content-Security-Policy" not in digest  # Markdown is not HTML


def test_the_builtin_script_is_the_one_the_policy_allows(seeds_html: str) -> None:
    scripts = BeautifulSoup(seeds_html, "html.parser").find_all("script")
    assert len(scripts) == 1
    digest = hashlib.sha256(scripts[0].string.encode()).digest()
    assert f"'sha256-{base64.b64encode(digest).decode()}'" in ALLOWED_SCRIPTS


# --- In the browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium. CI installs it and sets FRAMING_BROWSER_TESTS=required, so these
    tests never pass there by being skipped."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("FRAMING_BROWSER_TESTS") == "required":
            pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return found


class Listener(http.server.ThreadingHTTPServer):
    """A loopback HTTP server that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                listener.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"x")

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server_port}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def open_page(chromium: str, page: Path, profile: Path) -> tuple[str, str]:
    """The DOM of `page` after Chromium opened it and ran its scripts (3 s of virtual time),
    and Chromium's log, where the console reports what the policy blocked."""
    result = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--enable-logging=stderr",
            "--v=0", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout, result.stderr


VIOLATION = "violates the following Content Security Policy directive"


def test_the_policy_stops_every_disguised_load_in_chromium(
    chromium: str, listener: Listener, tmp_path: Path
) -> None:
    """The second wall: the same loads, past the check, opened in Chromium. Without the policy
    the listener hears them (the test can see a load); with it, nothing."""
    body = "\n".join(DISGUISED.values()).replace("HOST", listener.host)
    page = f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"
    bare, guarded = tmp_path / "bare.html", tmp_path / "guarded.html"
    bare.write_text(page)
    guarded.write_text(with_policy(page))
    open_page(chromium, bare, tmp_path / "p1")
    heard = {path.strip("/") for path in listener.requests}
    assert heard >= set(DISGUISED) - {"ping", "protocol-relative", "srcset"}, heard
    listener.requests.clear()
    _, log = open_page(chromium, guarded, tmp_path / "p2")
    assert listener.requests == []
    assert log.count(VIOLATION) >= len(DISGUISED) - 3  # Chromium says what it blocked


def test_the_builtin_filters_run_under_the_policy(
    chromium: str, seeds_html: str, tmp_path: Path
) -> None:
    page = tmp_path / "briefing.html"
    page.write_text(seeds_html)
    dom, log = open_page(chromium, page, tmp_path / "p")
    form = BeautifulSoup(dom, "html.parser").select_one("form.filters")  # filters.js ran
    assert form is not None and form.select("input[type=checkbox]")
    assert VIOLATION not in log  # the report needs nothing its policy refuses


PAYLOADS = {
    "title": f'{SENTENCE} <script>document.title="PWNED"</script>{{{{ 7*7 }}}}',
    "outlet": '<img src=x onerror="document.body.dataset.pwned=1">',
    "author": "{{ lipsum.__globals__ }}",
}
BODIES = {
    "Daily": (
        "Russian officials met Hamas leaders in Moscow on Monday, the foreign ministry said. "
        f"{SENTENCE} <script>document.body.dataset.pwned=2</script> "
        '<img src="http://LISTENER/body"> Analysts in Israel said the talks showed how far the '
        "Kremlin has moved since the war began, and officials in Washington said they were "
        "watching the visit closely. The delegation also discussed Syria and the hostages."
    ),
    "Weekly": (
        "A Hamas delegation was received in Moscow this week, where Russia's deputy foreign "
        "minister said the group should be part of any settlement in Gaza. Israel protested the "
        "visit, calling it an obscene step that rewards terrorism. The Kremlin said it keeps "
        "contacts with all sides, and Syria's envoy joined part of the talks on the hostages."
    ),
}


def test_hostile_article_fields_stay_literal_in_chromium(
    chromium: str, listener: Listener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XSS and Jinja payloads in every article field, and a sentence quoting code, brief fine
    and stay text: no script ran, no request was made, {{ 7*7 }} is not 49. The folder also
    brings a report_templates/briefing/ that would run a command: a plain brief ignores it."""
    hostile = tmp_path / "report_templates" / "briefing"
    hostile.mkdir(parents=True)
    (hostile / "template.toml").write_text('entry = "t.html"\n')
    (hostile / "t.html").write_text('{{ lipsum.__globals__["os"].system("touch PWNED") }}')
    for outlet, body in BODIES.items():
        front = "\n".join(f"{key}: '{value} {outlet}'" for key, value in PAYLOADS.items())
        (tmp_path / "corpus" / outlet).mkdir(parents=True)
        (tmp_path / "corpus" / outlet / "talks.md").write_text(
            f"---\n{front}\n---\n{body.replace('LISTENER', listener.host)}\n"
        )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["brief", "corpus", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert "Using template" not in result.stderr and not (tmp_path / "PWNED").exists()
    page, _ = open_page(chromium, tmp_path / "out" / "briefing.html", tmp_path / "p")
    dom = BeautifulSoup(page, "html.parser")
    assert dom.body is not None and "data-pwned" not in str(dom.body.attrs)
    assert dom.title is not None and dom.title.get_text() != "PWNED"
    text = dom.get_text()
    for literal in PAYLOADS.values():  # the body's copy of SENTENCE loses its bare URL
        assert literal in text, literal  # to the cleaner; the title keeps it
    assert listener.requests == []
