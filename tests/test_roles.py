"""Who is quoted: each speaker's role and side, the report's table, and the finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from framing.analyse.sourcing import Sourcing
from framing.analyse.topics import default_topics
from framing.compare.source_findings import who_is_quoted
from framing.lexicon import load_lexicons, tokenized
from framing.models import Briefing, Quote
from framing.pipeline import build_briefing


@pytest.fixture(scope="module")
def sourcing() -> Sourcing:
    lexicons = load_lexicons()
    return Sourcing(lexicons["sourcing"], lexicons["actors"])


def _quotes(sourcing: Sourcing, *texts: str) -> list[Quote]:
    sentences = tokenized((f"s{i}", text, False) for i, text in enumerate(texts))
    return [q for q in sourcing.quotes(sentences) if q.speaker_type != "unattributed"]


def _role(sourcing: Sourcing, *texts: str) -> tuple[str, str, str]:
    quote = _quotes(sourcing, *texts)[-1]
    return quote.speaker, quote.role, quote.side


# BASIL development sentences (Fox News, The New York Times, HuffPost), excerpted.
def test_a_titled_politician_is_an_official_of_the_party_named(sourcing: Sourcing) -> None:
    assert _role(
        sourcing,
        "“I’m in shock,” said Representative Patrick T. McHenry, Republican of North Carolina.",
    ) == ("Patrick T. McHenry", "official", "Republican")
    assert _role(
        sourcing,
        "Sen. Mark Warner, the top Democrat on the Senate Intelligence Committee, also said he is "
        "concerned that Putin will take “full advantage of an ill-prepared” Trump.",
    ) == ("Mark Warner", "official", "Democrat")


def test_the_role_named_at_first_mention_holds_for_later_quotes(sourcing: Sourcing) -> None:
    speaker, role, side = _role(
        sourcing,
        "Maine Gov. Paul LePage (R) said Wednesday that he has no plans to resign.",
        "“I will no longer speak to the press ever again after today,” LePage told reporters.",
    )
    assert (speaker, role, side) == ("Paul LePage", "official", "Republican")
    assert _role(
        sourcing,
        "Within minutes of the indictment, Senate Minority Leader Chuck Schumer, D-N.Y., urged "
        "Trump to call off the Putin meeting.",
        "“Cancel the Putin meeting. Now,” Schumer tweeted Friday.",
    )[1:] == ("official", "Democrat")


def test_unnamed_sources_experts_ordinary_people_and_organisations(sourcing: Sourcing) -> None:
    assert (
        _role(sourcing, "A government source told Fox News the FBI was analyzing the stamps.")[1]
        == "anonymous"
    )
    assert _role(
        sourcing,
        "“This is a very bad deal for workers,” said John Smith, a professor of economics at Yale.",
    )[1:] == ("expert", "")
    assert (
        _role(
            sourcing, "“I was terrified,” said Mary Jones, a resident of the town, on Friday night."
        )[1]
        == "ordinary"
    )
    assert _role(
        sourcing,
        "The Washington Post reported that Grimm is likely to turn himself in once the "
        "indictment is unsealed.",
    )[1:] == ("organisation", "")


def test_sides_come_from_the_actors_lexicon(sourcing: Sourcing) -> None:
    assert _role(sourcing, "Israeli officials said the strikes would continue for weeks.")[1:] == (
        "anonymous",
        "Israel",
    )
    assert _role(sourcing, "A Hamas spokesman said the group had accepted the terms of the deal.")[
        1:
    ] == ("official", "Hamas")
    assert (
        _role(
            sourcing,
            "“If they come to a reasonable agreement, I would support that,” Trump told reporters.",
        )[2]
        == "United States"
    )


def test_an_unattributed_quote_has_no_role(sourcing: Sourcing) -> None:
    sentences = tokenized(
        [("s0", "“This is a long quotation that nobody is said to have said.”", False)]
    )
    (quote,) = sourcing.quotes(sentences)
    assert (quote.speaker_type, quote.role, quote.side) == ("unattributed", "", "")


def test_the_report_table_counts_roles_per_outlet(
    seeds_html: str, seeds_json: dict[str, Any]
) -> None:
    table = BeautifulSoup(seeds_html, "html.parser").find("table", class_="who-is-quoted")
    assert isinstance(table, Tag)
    head = [th.get_text(strip=True) for th in table.select("thead th")]
    assert head[:3] == ["Outlet", "Attributed", "Officials"]
    assert head[-2:] == ["Share anonymous", "Sides named"]
    rows = {tr.th.get_text(strip=True): tr for tr in table.select("tbody tr") if tr.th}
    labels = list(dict.fromkeys(a["label"] for a in seeds_json["articles"]))
    assert list(rows) == labels
    for label, row in rows.items():
        quotes = [
            q for a in seeds_json["articles"] if a["label"] == label for q in a["framing"]["quotes"]
        ]
        cells = [td.get_text(strip=True) for td in row.find_all("td")]
        attributed = [q for q in quotes if q["role"]]
        assert cells[0] == str(len(attributed))
        assert cells[1] == str(sum(q["role"] == "official" for q in attributed))
        anonymous = sum(q["role"] == "anonymous" for q in attributed)
        share = f"{round(100 * anonymous / len(attributed))}%" if attributed else "—"
        assert cells[-2] == share


OFFICIAL = [
    "“We will not negotiate under fire,” said Defense Minister Tom Baker.",
    "Sen. Ann Green said the government would send more troops to the border this month.",
    "“The border is secure and it will stay that way,” a White House spokesman said on Monday.",
    "Police Chief Dan Ruiz said officers had arrested four men near the station.",
    "“Our forces acted lawfully,” said Gen. Mark Stone, the army commander.",
    "Mayor Lisa Park said the city would open two shelters for the families.",
]
OTHERS = [
    "“We heard the blasts all night,” said Maria Lopez, a resident of the town.",
    "“Nobody came to help us when the water rose,” said Omar Haddad, a father of three.",
    "“The policy will cost more than it saves,” said Jane Doe, a professor of economics at Yale.",
    "“Prices have doubled since the spring,” said Ken Lee, an analyst at a Boston bank.",
    "“I voted for change and got none,” said Ruth Cole, a retired teacher and voter in Ohio.",
    "Mayor Lisa Park said the city would open two shelters for the families.",
]

VALLEY = [
    "“The river took our barn and half the herd,” said Tom Reed, a farmer outside the town.",
    "“We slept in the car for three nights,” said Ana Cruz, a mother of two.",
    "“Flood defences were built for a smaller storm,” said Paul Kim, a researcher at MIT.",
    "“Insurers will raise premiums across the valley,” said Lena Fox, an economist in Denver.",
    "“My shop is gone and so are my savings,” said Raj Patel, a local shop owner and witness.",
    "Sen. Ann Green said the state would pay for the repairs to the bridge this year.",
]


@pytest.fixture(scope="module")
def leaning(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    """Three outlets on one story: one quotes officials only, two mostly other people."""
    folder: Path = tmp_path_factory.mktemp("roles")
    manifest = []
    outlets = (("Daily Wire", OFFICIAL), ("Town Gazette", OTHERS), ("Valley News", VALLEY))
    for name, lines in outlets:
        slug = name.lower().replace(" ", "-")
        (folder / f"{slug}.txt").write_text("Floods hit the border town\n\n" + "\n\n".join(lines))
        manifest.append(f'[[article]]\nfile = "{slug}.txt"\noutlet = "{name}"\n')
    (folder / "sources.toml").write_text("\n".join(manifest))
    return build_briefing([folder], default_topics())


def test_the_finding_names_the_outlet_leaning_on_officials(leaning: Briefing) -> None:
    finding = who_is_quoted(leaning)
    assert finding is not None
    assert finding.kind == "who_is_quoted"
    assert finding.text.startswith("Daily Wire quotes officials in 6 of its 6 attributions")
    assert finding.text.endswith("1 of 6 (Town Gazette) and 1 of 6 (Valley News).")
    daily = next(a for a in leaning.articles if a.label == "Daily Wire")
    assert {e.article_id for e in finding.evidence} == {daily.id}
    assert finding in leaning.findings


def test_no_finding_when_the_outlets_quote_alike(leaning: Briefing) -> None:
    others = tuple(a for a in leaning.articles if a.label != "Daily Wire")
    assert who_is_quoted(Briefing(**{**_fields(leaning), "articles": others})) is None


def _fields(briefing: Briefing) -> dict[str, Any]:
    return {name: getattr(briefing, name) for name in briefing.__dataclass_fields__}
