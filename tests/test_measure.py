"""The framing measures assembled per article and per topic, on the seeds: invariants every
number must keep (its evidence points at the words), and hand-checked findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import SEEDS, article

from framing.analyse.genre import GenreSignals, classify_genre
from framing.analyse.topics import default_topics
from framing.lexicon import load_lexicons
from framing.models import Article, Briefing, Framing, Match
from framing.pipeline import build_briefing


def evidence(framing: Framing) -> list[Any]:
    """Every piece of evidence with sentence_id/start/end, from every measure."""
    items: list[Any] = [m for f in framing.frames for m in f.matches]
    for actor in framing.actors:
        items += [*actor.mentions_evidence, *actor.labels, *actor.evaluative]
    return [
        *items,
        *framing.quotes,
        *framing.anonymous_sources,
        *framing.scare_quotes,
        *framing.first_person,
        *framing.hedges,
        *framing.boosters,
        *framing.prescriptions,
        *framing.loaded,
    ]


def test_every_piece_of_evidence_points_at_its_words(seeds_briefing: Briefing) -> None:
    for a in seeds_briefing.articles:
        texts = {s.id: s.text for s in a.sentences} | {"title": a.title, "dek": a.dek}
        items = evidence(a.framing)
        assert items, a.id
        for item in items:
            words = texts[item.sentence_id][item.start : item.end]
            if isinstance(item, Match):
                assert words == item.text, (a.id, item)
            else:
                assert words.strip(), (a.id, item)


def test_counts_and_rates_agree_with_the_evidence(seeds_briefing: Briefing) -> None:
    for a in seeds_briefing.articles:
        f = a.framing
        assert [frame.key for frame in f.frames][-1] == "other" and len(f.frames) == 15
        for frame in f.frames:
            assert frame.count == len(frame.matches)
            assert frame.per_1000 == round(frame.count * 1000 / f.words, 2)
        assert set(f.dominant_frames) <= {frame.key for frame in f.frames if frame.present}
        for actor in f.actors:
            assert actor.mentions == len(actor.mentions_evidence) > 0
        assert (
            f.tone.n
            == len(f.tone.sentence_ids)
            == f.tone.positive + f.tone.negative + (f.tone.neutral)
        )


def test_topic_figures_are_the_articles_evidence_on_the_topic_sentences(
    seeds_briefing: Briefing,
) -> None:
    articles = {a.id: a for a in seeds_briefing.articles}
    for topic in seeds_briefing.topics:
        for coverage in topic.articles:
            whole, part = articles[coverage.article_id].framing, coverage.framing
            ids = set(coverage.sentence_ids)
            assert {e.sentence_id for e in evidence(part)} <= ids
            on_topic = [e for e in evidence(whole) if e.sentence_id in ids]
            assert len(evidence(part)) == len(on_topic)
            assert part.genre == whole.genre
            assert part.words <= whole.words


def test_genres_of_the_seeds(seeds_briefing: Briefing) -> None:
    def genre(prefix: str) -> str:
        return str(article(seeds_briefing, prefix).framing.genre.label)

    assert genre("jfeed") == "news"  # reports, quotes Netanyahu, Katz and Putin
    assert genre("analysis") == "analysis"  # its own section label says so
    assert genre("russia-sides") == "opinion"  # "this author", loaded words throughout
    assert genre("washington-institute") == "opinion"  # "Israel should reevaluate …", ×5
    assert genre("the-buzz") == "opinion"  # a blog post that ends on three prescriptions
    reasons = article(seeds_briefing, "analysis").framing.genre.reasons
    assert reasons[0] == "labelled “analysis” by its source"


def test_genre_rules_on_counts() -> None:
    def judge(**counts: int) -> str:
        base = dict(
            words=1000,
            named_quotes=0,
            anonymous_sources=0,
            first_person=0,
            prescriptions=0,
            hedges=0,
            boosters=0,
            loaded=0,
        )
        return classify_genre("", GenreSignals(**(base | counts))).label

    assert judge(named_quotes=4) == "news"
    assert judge(named_quotes=4, prescriptions=1) == "news"  # one "should" is a remark
    assert judge(first_person=3, prescriptions=2) == "analysis"
    assert judge(prescriptions=3) == "opinion"
    assert judge(prescriptions=2, loaded=4) == "news"
    assert judge(hedges=8) == "news"  # news is the default: hedging alone is not analysis
    assert classify_genre("Op-Ed", GenreSignals(1000, 5, 0, 0, 0, 0, 0, 0)).label == "opinion"


def test_who_is_quoted_and_how_hamas_is_labelled(seeds_briefing: Briefing) -> None:
    jfeed = article(seeds_briefing, "jfeed").framing
    speakers = {q.speaker for q in jfeed.quotes}
    assert {"Benjamin Netanyahu", "Israel Katz", "Vladimir Putin"} <= speakers
    buzz = article(seeds_briefing, "the-buzz").framing
    hamas = next(a for a in buzz.actors if a.name == "Hamas")
    labels = {label.text: label.quoted for label in hamas.labels}
    assert labels["a founder and political leader of the militant group"] is False
    assert labels["Hamas terrorists"] is True  # the Israeli ministry's words, in its quote
    assert any(q.speaker_type == "organisation" for q in buzz.quotes)


def test_briefing_records_the_lexicons(seeds_briefing: Briefing) -> None:
    assert [lex.name for lex in seeds_briefing.lexicons] == [
        "frames",
        "actors",
        "entities",
        "sourcing",
        "stance",
        "loaded",
        "align",
        "variants",
        "stories",
    ]


def test_a_users_lexicon_adds_an_actor(tmp_path: Path) -> None:
    (tmp_path / "actors.toml").write_text(
        '[actors.Wagner]\nkind = "group"\naliases = ["Wagner", "Wagner Group"]\n'
    )
    briefing = build_briefing([SEEDS], default_topics(), lexicons=load_lexicons(tmp_path))
    russia_sides: Article = article(briefing, "russia-sides")
    wagner = next(a for a in russia_sides.framing.actors if a.name == "Wagner")
    assert wagner.mentions >= 1
    assert ("actors", str(tmp_path / "actors.toml")) in {
        (lex.name, lex.source) for lex in briefing.lexicons
    }


def test_headline_and_dek_are_measured_but_not_counted_as_words(seeds_briefing: Briefing) -> None:
    institute = article(seeds_briefing, "washington-institute").framing
    assert "title" in {p.sentence_id for p in institute.prescriptions}  # "It's Time for …"
    russia_sides = article(seeds_briefing, "russia-sides").framing
    assert "title" in {m.sentence_id for m in russia_sides.loaded}  # "… Mortal Enemies"
    body = sum(
        len(s.text.split())
        for s in article(seeds_briefing, "russia-sides").sentences
        if not s.heading
    )
    assert russia_sides.words == body
