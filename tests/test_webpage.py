"""Reading saved web pages: the article body without the page around it, and stated metadata."""

from __future__ import annotations

import socket
import tomllib
from pathlib import Path
from typing import Any

import pytest
import trafilatura

from framing.errors import FramingError
from framing.ingest.clean import body_text, clean
from framing.ingest.corpus import load_corpus
from framing.ingest.webpage import WebPage, read_webpage
from framing.models import Metadata, Source

HTML = Path(__file__).resolve().parent / "data" / "html"

# The article body of news-page.html, paragraph by paragraph, as the reader must return it.
BODY = (
    "Turkey and Russia traded sharp warnings on Sunday over a wave of drone strikes in north-west"
    " Syria, exposing the strain on a four-year-old ceasefire that both governments have"
    " described as the only barrier against a new refugee exodus towards the Turkish border.",
    "The Turkish defence ministry said three of its observation posts south of Idlib had come"
    " under fire from Syrian government positions on Saturday night, and that its forces had"
    " “responded in kind”. Hours later, the Russian military’s reconciliation centre in Syria"
    " accused Turkish-backed militias of shelling villages near Saraqib and called on Ankara to"
    " “honour its obligations” under the March 2020 agreement.",
    "Neither side reported casualties among its own troops, but the White Helmets, the civil"
    " defence group that operates in opposition-held areas, said at least seven civilians had"
    " been killed in the district of Jisr al-Shughur since Thursday.",
    "“What we are seeing is two patrons testing each other’s patience through proxies,” said"
    " Selin Aydın, a senior researcher at the Istanbul Centre for Regional Studies. “Moscow wants"
    " Ankara to clear the M4 highway of armed groups, as it promised in 2020. Ankara wants Moscow"
    " to restrain Damascus. Neither has delivered, and both know it.”",
    "The Kremlin spokesman, Dmitry Peskov, told reporters in Moscow that President Vladimir Putin"
    " and President Recep Tayyip Erdoğan had discussed Syria by telephone last week and agreed"
    " that “the Astana format remains the main mechanism” for managing the conflict.",
    "Ankara’s calculation",
    "For Turkey, which hosts more than three million Syrian refugees, the priority is keeping the"
    " front line frozen. Any offensive by government forces on Idlib, home to about four million"
    " people, could push hundreds of thousands more towards the border at a time when"
    " anti-refugee sentiment is high ahead of local elections.",
    "In a speech to members of his party in Ankara, Erdoğan struck a defiant tone.",
    "“We will not allow a new wave of migration to be engineered on our southern border. Whoever"
    " fires on our soldiers will receive the answer they deserve.”",
    "Diplomats in Ankara said Turkish officials had privately asked Moscow to rein in Syrian air"
    " force sorties over Jabal al-Zawiya, where most of the recent strikes have landed. A western"
    " diplomat, who spoke on condition of anonymity, said the exchange of warnings was “loud but"
    " carefully calibrated”, adding that neither capital wanted the truce to collapse before"
    " talks planned for June.",
    "Analysts say the situation remains fragile. Russia’s attention and air power have been drawn"
    " to Ukraine since 2022, leaving fewer aircraft at its Hmeimim base, while Turkey has"
    " expanded its own drone operations against Kurdish-led forces further east. “The old bargain"
    " still holds, but it is being renegotiated every night,” Aydın said.",
    "The next round of Astana talks between Russia, Turkey and Iran is expected to take place in"
    " the Kazakh capital next month.",
)
HEADING = BODY[5]
BLOCK_QUOTE = BODY[8]

# Everything on news-page.html that is not article body.
NOT_BODY = (
    "Turkey and Russia trade warnings as Idlib truce frays",  # the headline: metadata
    "By Elif Demir",  # byline
    "Middle East",  # kicker
    "Photograph:",  # caption
    "We use cookies",
    "Accept all",
    "Manage preferences",
    "Home",
    "Opinion",
    "Subscribe",
    "Advertisement",
    "Sign up for the Middle East Briefing",
    "in your inbox",
    "We respect your privacy",
    "Share on X",
    "Email this article",
    "Related articles",
    "Erdoğan signals openness to talks with Assad",
    "Inside Hmeimim",
    "UN warns aid crossings",
    "Comments (3)",
    "ankara_watcher",
    "Nobody in Ankara believes",
    "Another excellent piece of reporting",
    "paying for this game",
    "Log in to join",
    "About us",
    "Privacy policy",
    "All rights reserved",
    "©",
    "dataLayer",
    "gtag",
    "loadAds",
    "font-family",
    "min-height",
    "http",
)

NO_METADATA_BODY = (
    "A convoy of 40 lorries carrying food and medical supplies crossed into north-west Syria from"
    " Turkey on Tuesday, the first to pass through the Bab al-Hawa crossing since the middle of"
    " the month.",
    "United Nations officials said the delay had been caused by a dispute over inspection"
    " procedures at the border, which was settled after talks between Turkish officials and the"
    " UN office in Gaziantep on March 3, 2024.",
    "“Every day that a crossing stays shut, clinics in Idlib run closer to empty,” said a UN"
    " spokesperson, who asked that the statement be attributed to the organisation rather than"
    " to an individual.",
    "The UN estimates that more than four million people in the region depend on humanitarian"
    " aid, most of them displaced from other parts of the country during more than a decade of"
    " war.",
)

ANKARA_POLL = (("Justice and Development Party", 41), ("Republican People's Party", 33))

LEDE = "Turkish and Russian officials met in Ankara on Tuesday to discuss the Idlib truce."
MORE = (
    "The talks, the first since March, were held behind closed doors at the foreign ministry,"
    " and neither side issued a statement afterwards, diplomats said."
)


@pytest.fixture(scope="module")
def news_html() -> str:
    return (HTML / "news-page.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def news(news_html: str) -> WebPage:
    return read_webpage(news_html, "news-page.html")


@pytest.fixture(scope="module")
def bare() -> WebPage:
    return read_webpage((HTML / "no-metadata.html").read_text(encoding="utf-8"), "no-metadata")


@pytest.fixture(scope="module")
def untitled() -> WebPage:
    return read_webpage(f"<html><body><p>{LEDE}</p><p>{MORE}</p></body></html>", "untitled")


def paragraphs(page: WebPage) -> list[str]:
    return page.text.split("\n\n")


def handed_to_cleaner(page: WebPage) -> Source:
    """The page as ingest would hand it to the cleaner: text plus what the page states."""
    return Source(
        id="p",
        path="news-page.html",
        text=page.text,
        declared=Metadata(
            title=page.title,
            author=page.author,
            date=page.date,
            outlet=page.sitename,
            url=page.url,
        ),
        declared_keys=frozenset({"title", "author", "date", "outlet", "url"}),
    )


def test_every_body_paragraph_in_order(news: WebPage) -> None:
    assert paragraphs(news) == list(BODY)


@pytest.mark.parametrize(
    "expected",
    [
        BODY[0],  # first paragraph (the lede)
        BODY[3],  # a quote from a named source
        HEADING,  # a heading inside the article, on its own
        BLOCK_QUOTE,  # the block quote, as a paragraph
        BODY[-1],  # last paragraph
    ],
)
def test_key_paragraphs_stand_alone(news: WebPage, expected: str) -> None:
    assert expected in paragraphs(news)


def test_links_reduced_to_their_text(news: WebPage) -> None:
    assert "under the March 2020 agreement." in news.text
    assert "idlib-ceasefire" not in news.text


@pytest.mark.parametrize("boilerplate", NOT_BODY)
def test_page_furniture_left_out(news: WebPage, boilerplate: str) -> None:
    assert boilerplate not in news.text


def test_paragraphs_separated_by_one_blank_line(news: WebPage) -> None:
    assert "\n\n\n" not in news.text
    assert news.text == news.text.strip()
    for paragraph in paragraphs(news):
        assert paragraph
        assert "\n" not in paragraph
        assert paragraph == " ".join(paragraph.split())


def test_metadata_as_the_page_states_it(news: WebPage) -> None:
    assert news.title == "Turkey and Russia trade warnings as Idlib truce frays"
    assert news.author == "Elif Demir, James Hartley"
    assert news.date == "2024-05-06"  # article:published_time; modified time and URL differ
    assert news.sitename == "The Meridian Post"
    assert news.url == (
        "https://www.meridianpost.com/world/middle-east/2024/05/05/turkey-russia-idlib-truce"
    )
    assert news.description == (
        "Ankara and Moscow are testing the limits of their 2020 ceasefire deal in north-west"
        " Syria as drone strikes and troop movements multiply."
    )
    assert news.language == "en"


def test_no_date_guessed_from_urls(news_html: str) -> None:
    """Without a stated date, the dates in the canonical URL and og:image are not taken."""
    undated = news_html
    for stated in (
        '<meta property="article:published_time" content="2024-05-06T08:30:00+03:00">',
        '<meta property="article:modified_time" content="2024-05-07T14:05:00+03:00">',
        '<time class="published" datetime="2024-05-06T08:30:00+03:00">6 May 2024</time>',
    ):
        assert stated in undated
        undated = undated.replace(stated, "")
    page = read_webpage(undated, "undated.html")
    assert "/2024/05/05/" in page.url
    assert page.date == ""


def test_no_site_name_made_from_the_url(news_html: str) -> None:
    unnamed = news_html.replace("og:site_name", "og:unused").replace("twitter:site", "unused")
    page = read_webpage(unnamed, "unnamed.html")
    assert page.url.startswith("https://www.meridianpost.com/")
    assert page.sitename == ""


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ('<html lang="en-GB">', "en"),
        ('<html lang="TR">', "tr"),
        ('<html><head><meta http-equiv="Content-Language" content="fr-FR"></head>', "fr"),
        ('<html><head><meta property="og:locale" content="de_DE"></head>', "de"),
        ('<html lang="">', ""),
        ('<html lang="x-klingon">', ""),
    ],
)
def test_declared_language_as_two_letters(declared: str, expected: str) -> None:
    page = read_webpage(f"{declared}<body>{''.join(f'<p>{p}</p>' for p in BODY)}</body>", "x")
    assert page.language == expected


def test_page_without_metadata_leaves_it_unknown(bare: WebPage) -> None:
    assert bare.title == "Aid convoy reaches Idlib after two-week delay"  # its <h1>
    assert (bare.author, bare.date, bare.sitename, bare.url) == ("", "", "", "")
    assert (bare.description, bare.language) == ("", "")


def test_page_without_metadata_keeps_its_body(bare: WebPage) -> None:
    assert paragraphs(bare) == list(NO_METADATA_BODY)


def test_headline_inside_the_article_is_not_body() -> None:
    html = f"<html><body><article><h1>Idlib talks resume</h1><p>{LEDE}</p><p>{MORE}</p>"
    page = read_webpage(f"{html}</article></body></html>", "x")
    assert page.title == "Idlib talks resume"
    assert paragraphs(page) == [LEDE, MORE]


def test_section_heading_is_not_taken_for_the_title() -> None:
    """Without <title>, <h1> or title meta, trafilatura would name the page after its <h2>."""
    html = "".join(f"<h2>{p}</h2>" if p == HEADING else f"<p>{p}</p>" for p in BODY)
    page = read_webpage(f"<html><body><article>{html}</article></body></html>", "x")
    assert page.title == ""
    assert paragraphs(page) == list(BODY)


@pytest.mark.parametrize(
    "html",
    [
        (HTML / "index-page.html").read_text(encoding="utf-8"),
        "",
        "   \n",
        "<html><head><title>Nothing here</title></head><body></body></html>",
    ],
    ids=["index page", "empty", "blank", "empty body"],
)
def test_no_article_is_an_error(html: str) -> None:
    with pytest.raises(FramingError) as caught:
        read_webpage(html, "saved/world.html")
    assert caught.value.where == "saved/world.html"
    assert caught.value.what == "no article text found in the page"
    assert caught.value.fix


def test_same_page_same_result(news_html: str, news: WebPage) -> None:
    assert read_webpage(news_html, "news-page.html") == news


def test_never_touches_the_network(news_html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("read_webpage tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert read_webpage(news_html, "news-page.html").text == "\n\n".join(BODY)


def test_cleaner_keeps_every_body_paragraph(news: WebPage) -> None:
    document = clean(handed_to_cleaner(news))
    assert [p.text for p in document.paragraphs] == list(BODY)
    assert [p.text for p in document.paragraphs if p.kind == "heading"] == [HEADING]
    assert document.removed == ()
    assert document.meta.outlet == "The Meridian Post"


def test_cleaner_keeps_the_body_of_a_page_without_metadata(bare: WebPage) -> None:
    document = clean(handed_to_cleaner(bare))
    assert [p.text for p in document.paragraphs] == list(NO_METADATA_BODY)


def test_page_without_title_keeps_its_lede(untitled: WebPage) -> None:
    assert untitled.title == ""
    assert paragraphs(untitled) == [LEDE, MORE]


def test_cleaner_keeps_the_lede_of_a_page_without_title(untitled: WebPage) -> None:
    document = clean(handed_to_cleaner(untitled))
    assert [p.text for p in document.paragraphs] == [LEDE, MORE]


# Every saved page in tests/data/html, with what its body must keep and drop (see the file).
EXPECTATIONS = tomllib.loads((HTML / "expectations.toml").read_text(encoding="utf-8"))["page"]


def comparable(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def analysed_body(file: str) -> str | None:
    """The body `framing analyze` reads from the page, or None when the page is skipped."""
    corpus = load_corpus([HTML / file])
    return body_text(clean(corpus.sources[0])) if corpus.sources else None


@pytest.fixture(scope="module", params=EXPECTATIONS, ids=[p["file"] for p in EXPECTATIONS])
def expected(request: pytest.FixtureRequest) -> tuple[dict[str, Any], str | None]:
    page: dict[str, Any] = request.param
    return page, analysed_body(page["file"])


def test_every_listed_page_is_in_the_folder() -> None:
    listed = {page["file"] for page in EXPECTATIONS}
    assert listed == {path.name for path in HTML.glob("*.html")}


def test_article_pages_are_read_and_index_pages_skipped(
    expected: tuple[dict[str, Any], str | None],
) -> None:
    page, body = expected
    assert (body is not None) == page.get("article", True)


def test_body_keeps_what_must_stay(expected: tuple[dict[str, Any], str | None]) -> None:
    page, body = expected
    text = comparable(body or "")
    assert [s for s in page["keep"] if comparable(s) not in text] == []


def test_body_drops_the_page_around_it(expected: tuple[dict[str, Any], str | None]) -> None:
    page, body = expected
    text = comparable(body or "")
    assert [s for s in page["drop"] if comparable(s) in text] == []


def test_at_least_as_good_as_trafilatura_defaults(
    expected: tuple[dict[str, Any], str | None],
) -> None:
    """What trafilatura.extract keeps with its defaults we keep; what it drops we drop."""
    page, body = expected
    theirs = comparable(trafilatura.extract((HTML / page["file"]).read_text("utf-8")) or "")
    ours = comparable(body or "")
    assert [s for s in page["keep"] if comparable(s) in theirs and comparable(s) not in ours] == []
    assert [s for s in page["drop"] if comparable(s) not in theirs and comparable(s) in ours] == []


def test_story_in_a_layout_table_is_read() -> None:
    """An older CMS sets the story in a table cell; tables are not read as text, layout ones are."""
    page = read_webpage((HTML / "synthetic-table-layout.html").read_text("utf-8"), "t.html")
    assert "Her sister replied by pulling no punches." in paragraphs(page)
    assert "Enzi says he will run for fourth term despite primary challenge" not in page.text


def test_data_table_stays_out_of_the_text() -> None:
    rows = "".join(f"<tr><td>{name}</td><td>{share}%</td></tr>" for name, share in ANKARA_POLL)
    story = [f"<p>{p}</p>" for p in BODY]
    story.insert(3, f"<table>{rows}</table>")
    page = read_webpage(f"<html><body><article>{''.join(story)}</article></body></html>", "x")
    assert paragraphs(page) == list(BODY)


def test_every_update_of_a_live_blog_is_read() -> None:
    page = read_webpage((HTML / "synthetic-liveblog.html").read_text("utf-8"), "live.html")
    assert page.text.count("Share this update") == 0
    assert "Arizona hasn't been the only state pushing a bill" in page.text  # second update
    assert "Jeff Flake and John McCain, called on Brewer to veto it" in page.text  # last update


def test_headline_run_together_with_dateline_and_byline() -> None:
    """One block holding date, headline and byline (split by <br>) keeps date and byline apart."""
    head = "<p>Posted: May 6, 2024<br><b>Idlib talks resume</b><br>By Elif Demir</p>"
    title = "<head><title>Idlib talks resume</title></head>"
    page = read_webpage(f"<html>{title}<body>{head}<p>{LEDE}</p><p>{MORE}</p></body></html>", "x")
    assert "Idlib talks resume" not in page.text
    assert paragraphs(page)[-2:] == [LEDE, MORE]
