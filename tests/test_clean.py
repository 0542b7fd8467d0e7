"""The cleaner on the raw seeds (the hard case) and on small realistic fixtures."""

from __future__ import annotations

import pytest
from conftest import DATA, SEEDS, article

from framing.ingest.clean import clean, reduce_links
from framing.ingest.corpus import load_corpus
from framing.models import Briefing, Metadata, Source

# Lines of page boilerplate in each seed: none may survive as body text.
BOILERPLATE = {
    "jfeed": [
        "Join our newsletter to receive updates",
        "We respect your privacy",
        "Stay Connected With Us",
        "Follow our social channels",
        "WhatsApp Updates",
        "Join our news group",
        "Follow on X (Twitter)",
        "@JFeedIsraelNews",
        "Follow on Instagram",
        "@jfeednews",
        "Never miss a story",
    ],
    "analysis": [
        "Analysis |",
        "Anshel Pfeffer",
        "Send in e-mail",
        "President Vladimir Putin meets Jewish representatives",
        "Credit: Reuters",
        "Putin shakes hands with Israeli Prime Minister Benjamin Netanyahu, right",
        "A Russian warship fires cruise missile at Syria on October 7",
        "Click the alert icon",
        "Automatic approval of subscriber comments",
        "Already signed up",
        "הקלטות",
        "Jewish Law Above All",
        "Why I’m Turning My Back",
        "Travelers looking at the Departures board",
        "Down and Out",
        "Beatrice Grannò",
        "The Reality Behind",
        "The Mossad hit team in Dubai",
        "Dystopian",
        "28.12.22",
        "Comeback Kid",
    ],
    "russia-sides": [],
    "the-buzz": [
        "Topic:",
        "Blog Brand",
        "Visiting Senior Research Fellow",
        "Image Credit",
    ],
    "washington": [
        "Also available in",
        "العربية",
        "Also published in",
        "19FortyFive",
        "ABOUT THE AUTHORS",
        "Anna Borshchevskaya is a senior fellow",
        "Articles & Testimony",
        "originally published",
        "RECOMMENDED",
        "BRIEF ANALYSIS",
        "Women's Dress in Iran",
        "Houthi Ship Attacks",
        "Mushtaq Abd Manaf",
        "Noam Raydan",
        "End of the Beginning",
        "Assaf Orion",
        "Matthew Levitt",
        "TOPICS",
        "Great Power Competition (/",
        "REGIONS & COUNTRIES",
        "Palestinians",
        "https://",
        "/experts/",
    ],
}

# Body sentences that must be kept, including the ones that look like boilerplate.
BODY = {
    "jfeed": [
        "Amid the escalating crisis between U.S. President Donald Trump and his Ukrainian",
        "He emphasized:",
        '"We demand the complete demilitarization of southern Syria',
        "Israel, however, has refrained from officially supporting Ukraine",
    ],
    "analysis": [
        "The Pentagon announced on Wednesday",
        "Netanyahu knew what Putin needed to hear from him",
        "It may not be a formal military alliance",
    ],
    "russia-sides": [
        "When Hamas attacked Israel on October 7",
        "According to the Friedrich Naumann Foundation,",
        "made a beeline to Moscow—also after the October 7 attack,",
        "Public opinion in Israel has been drifting away from Russia",
    ],
    "the-buzz": [
        "The recent official visit to Moscow",
        "What’s in it for Russia?",
        "If Russia can help to resolve it, it should be given a chance.",
        # The dek repeats this body sentence word for word: the body copy stays.
        "Russia has diplomatic relationships with all the parties involved",
    ],
    "washington": [
        "In the ongoing Israel-Hamas war, Russia is—predictably—backing Hamas.",
        "He subsequently compared Israel's blockade of Gaza to Nazi Germany's siege of Leningrad.",
        "Middle Ground in the Middle East—With Bias",
        "according to the latest satellite imagery. And it should come as no surprise",
        "Israel has engaged in a difficult balancing act; trying to maintain",
        "As U.S. President Biden said on October 20, Putin and Hamas share",
        "and one it should support.",
    ],
}

DEKS = {
    "jfeed": "Amid the crisis between Trump and Zelensky, Netanyahu sent his military secretary",
    "analysis": "While U.S. gives Russia the cold shoulder in Syria",
    "russia-sides": "Moscow is reverting to its old, Soviet-style",
    "the-buzz": "Russia has diplomatic relationships with all the parties involved",
    "washington": "As Russia leans into support for Israel's enemies",
}


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_no_boilerplate_in_body(seeds_briefing: Briefing, prefix: str) -> None:
    body = article(seeds_briefing, prefix).body
    for line in BOILERPLATE[prefix]:
        assert line not in body


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_body_kept(seeds_briefing: Briefing, prefix: str) -> None:
    body = article(seeds_briefing, prefix).body
    for text in BODY[prefix]:
        assert text in body


@pytest.mark.parametrize("prefix", sorted(DEKS))
def test_dek_is_metadata_not_body_duplicate(seeds_briefing: Briefing, prefix: str) -> None:
    found = article(seeds_briefing, prefix)
    assert found.dek.startswith(DEKS[prefix])
    assert found.body.count(DEKS[prefix]) == (1 if prefix == "the-buzz" else 0)


def test_every_removed_line_has_a_reason(seeds_briefing: Briefing) -> None:
    for found in seeds_briefing.articles:
        assert found.removed
        assert all(r.reason and r.text.strip() and r.line > 0 for r in found.removed)


def test_removed_and_kept_account_for_every_line() -> None:
    """Nothing silently disappears: each non-blank raw line is kept or listed as removed."""
    for source in load_corpus([SEEDS]).sources:
        document = clean(source)
        removed = {
            n for r in document.removed for n in range(r.line, r.line + r.text.count("\n") + 1)
        }
        lines = [n for n, line in enumerate(source.text.splitlines(), 1) if line.strip()]
        kept = [n for n in lines if n not in removed]
        assert len(kept) == len(document.paragraphs) + _merged_lines(source.text)


def _merged_lines(text: str) -> int:
    """A link split over two raw lines is mended into one paragraph."""
    return text.count("-2023-)\n\n11-13/")


def test_reasons_name_the_kind_of_boilerplate(seeds_briefing: Briefing) -> None:
    reasons = {r.reason for a in seeds_briefing.articles for r in a.removed}
    for expected in (
        "newsletter or subscription prompt",
        "social media prompt",
        "image caption or credit",
        "related-article teaser",
        "repeated title",
        "byline",
        "author bio",
        "line in another script",
        "dek (kept as metadata)",
    ):
        assert expected in reasons


def test_headings_kept_as_headings(seeds_briefing: Briefing) -> None:
    headings = [s.text for s in article(seeds_briefing, "washington").sentences if s.heading]
    assert headings == [
        "Middle Ground in the Middle East—With Bias",
        "Middle East in Chaos Helps the Cause",
        "Looking Beyond Western Analysis",
        "Israel Should Take New Stance",
    ]


def test_metadata_found_in_the_page_without_a_manifest() -> None:
    raw = (SEEDS / "washington-institute-putin-alignment-middle-east.txt").read_text()
    document = clean(Source("w", "w.txt", raw, Metadata()))
    assert document.meta.title.startswith("Putin's Alignment in Middle East")
    assert document.meta.author == "Anna Borshchevskaya"
    assert document.meta.date == "2023-11-27"
    raw = (SEEDS / "analysis-israels-hushed-military-ties-with-russia.txt").read_text()
    document = clean(Source("a", "a.txt", raw, Metadata()))
    assert (document.meta.author, document.meta.genre) == ("Anshel Pfeffer", "analysis")
    assert document.meta.date == ""  # the caption's "October 10, 2007" is the photo's date


NEWS = (DATA / "news-no-dek.txt").read_text(encoding="utf-8")


def test_news_lede_is_not_taken_for_a_dek() -> None:
    document = clean(Source("n", "n.txt", NEWS, Metadata()))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Negotiators from Israel and Hamas returned")
    assert document.meta.dek == ""
    assert document.meta.author == "Jane Roe"


def test_inline_newsletter_prompt_does_not_end_the_article() -> None:
    document = clean(Source("n", "n.txt", NEWS, Metadata()))
    assert [r.reason for r in document.removed if "newsletter" in r.text] == [
        "newsletter or subscription prompt"
    ]
    assert document.paragraphs[-1].text.startswith("“We are cautiously hopeful,”")


@pytest.mark.parametrize(
    ("raw", "reduced"),
    [
        ("the [latest \\(https://x.org/a\\)](https://x.org/a) news", "the latest news"),
        ("a balancing act (<https://theins.ru/en/x>); trying", "a balancing act; trying"),
        ("see https://example.com/page.", "see."),
        ("by [Anna B \\(/experts/anna-b\\)](#)", "by Anna B"),
        ("Also published in *19FortyFive*", "Also published in 19FortyFive"),
    ],
)
def test_links_reduce_to_anchor_text(raw: str, reduced: str) -> None:
    assert reduce_links(raw) == reduced


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    raw = (DATA / "clean" / "hard-wrapped.txt").read_text(encoding="utf-8")
    document = clean(Source("w", "w.txt", raw, Metadata()))
    assert document.meta.title == "Washington's strategy gap in Syria"
    assert [p.text[:40] for p in document.paragraphs] == [
        "It is hard to see how the administration",
        "Last week, fighters loyal to the governm",
        "The Pentagon says its mission is unchang",
    ]
    assert document.paragraphs[0].text.endswith("the territory the militias took back.")
    assert [r.reason for r in document.removed] == ["title (kept as metadata)"]


def test_long_lines_without_a_full_stop_are_body() -> None:
    """Quotations that end with their source's name are not page furniture."""
    raw = (DATA / "clean" / "quotes-with-sources.txt").read_text(encoding="utf-8")
    document = clean(Source("q", "q.txt", raw, Metadata(), frozenset({"title"})))
    assert len(document.paragraphs) == 4 and document.removed == ()
    assert document.paragraphs[0].text.endswith("future.” Reuters")
