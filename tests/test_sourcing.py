"""Sourcing: quotes and their speakers, anonymous sources, scare quotes, the author's voice.

The seed expectations were written down by reading each article in full (see each test)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from framing.analyse.sourcing import Sourcing
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import Quote


@pytest.fixture(scope="module")
def sourcing() -> Sourcing:
    return Sourcing(load_lexicons()["sourcing"])


@pytest.fixture(scope="module")
def seeds(
    seed_sentences: dict[str, tuple[TokenizedSentence, ...]],
) -> dict[str, tuple[TokenizedSentence, ...]]:
    return seed_sentences


def article(
    seeds: dict[str, tuple[TokenizedSentence, ...]], prefix: str
) -> tuple[TokenizedSentence, ...]:
    return next(v for k, v in seeds.items() if k.startswith(prefix))


def paragraphs(*paras: Sequence[str]) -> tuple[TokenizedSentence, ...]:
    """Sentences numbered like the segmenter's: p<paragraph>-s<index>."""
    return tokenized(
        (f"p{p}-s{s}", text, False)
        for p, para in enumerate(paras, start=1)
        for s, text in enumerate(para, start=1)
    )


def sentences(*texts: str) -> tuple[TokenizedSentence, ...]:
    return paragraphs(texts)


def direct(sourcing: Sourcing, text: Sequence[TokenizedSentence]) -> tuple[Quote, ...]:
    """The direct quotations: what the quote-mark tests are about."""
    return tuple(q for q in sourcing.quotes(text) if q.form == "direct")


def reported(sourcing: Sourcing, text: Sequence[TokenizedSentence]) -> list[tuple[str, ...]]:
    """(form, speaker, speaker_type, verb, clause) of each indirect or sourced attribution."""
    return [
        (q.form, q.speaker, q.speaker_type, q.verb, q.text)
        for q in sourcing.quotes(text)
        if q.form != "direct"
    ]


def who(quotes: Sequence[Quote]) -> list[tuple[str, str, str]]:
    return [(q.speaker, q.speaker_type, q.verb) for q in quotes]


# --- the seeds ----------------------------------------------------------------------------


def test_jfeed_quotes_netanyahu_and_katz_after_colon_sentences(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    # "He emphasized:" / "He further stated:" follow "Netanyahu declared …"; "Defense Minister
    # Israel Katz confirmed:" / "He added:"; Putin "accused Jerusalem of committing
    # 'massacres against Palestinians'" (he = Vladimir Putin, named the sentence before).
    text = article(seeds, "jfeed")
    quotes = direct(sourcing, text)
    assert who(quotes) == [
        ("Benjamin Netanyahu", "person", "emphasized"),
        ("Benjamin Netanyahu", "person", "stated"),
        ("Israel Katz", "person", "confirmed"),  # "Defense Minister Israel Katz": titles left out
        ("Israel Katz", "person", "added"),
        ("Vladimir Putin", "person", "accused"),
    ]
    assert [q.sentence_id for q in quotes] == ["p8-s1", "p10-s1", "p12-s1", "p14-s1", "p15-s4"]
    assert quotes[0].text.startswith("We demand the complete demilitarization")
    # "civilian" nuclear program: a label, not a quote
    assert [m.text for m in sourcing.scare_quotes(text)] == ["civilian"]
    # the "we"/"our" of the quoted ministers is not the author's
    assert sourcing.first_person(text) == ()
    assert sourcing.anonymous(text) == ()


def test_mortal_enemies_anonymous_diplomats_and_the_author(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    text = article(seeds, "russia-sides")
    quotes = direct(sourcing, text)
    assert who(quotes) == [
        ("an Israeli ambassador", "anonymous", "says"),
        ("Sergey Karaganov", "person", "told the author"),
        ("a former Israeli senior diplomat with experience", "anonymous", "said"),
        # the next sentence's quotation, with no verb of its own, continues the speaker
        ("a former Israeli senior diplomat with experience", "anonymous", ""),
        ("an Israeli diplomatic source", "anonymous", "said"),
        ("Putin", "person", "called"),
    ]
    assert quotes[1].text == "will cease to exist"
    assert quotes[3].sentence_id == "p14-s4"
    anonymous = {(m.sentence_id, m.text) for m in sourcing.anonymous(text)}
    assert {
        ("p3-s2", "on condition of anonymity"),
        ("p13-s2", "Israeli officials"),
        ("p13-s3", "an Israeli diplomat"),
        ("p15-s4", "another Israeli diplomat"),
        ("p18-s1", "U.S. intelligence sources"),
        ("p18-s3", "an Israeli diplomatic source"),
        ("p20-s1", "intelligence sources"),
        ("p18-s1", "Ukrainian sources"),  # "quoting Ukrainian sources they deem reliable"
    } <= anonymous
    first = [(m.sentence_id, m.text) for m in sourcing.first_person(text)]
    assert ("p11-s1", "this author") in first
    assert ("p13-s2", "me") in first
    assert ("p18-s1", "this author") in first
    labels = {m.text for m in sourcing.scare_quotes(text)}
    assert {"neo-Nazis", "terrorist International", "de-Nazification", "philo-Semite"} <= labels
    assert not labels & {q.text for q in quotes}


def test_buzz_quotes_a_ministry_spokesperson_and_zakharova(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    text = article(seeds, "the-buzz")
    quotes = direct(sourcing, text)
    assert who(quotes) == [
        # an unnamed spokesperson speaks for the institution
        ("A spokesperson for Israel’s foreign ministry", "organisation", "called"),
        ("Maria Zakharova", "person", "called for"),  # "…spokesperson Maria Zakharova"
    ]
    assert quotes[0].text.startswith("obscene step that gives support to terrorism")
    assert [q.verb_type for q in quotes] == ["neutral", "emphatic"]
    # "quartet" follows Zakharova's "has called for": her word, attributed, not a scare quote
    assert {m.text for m in sourcing.scare_quotes(text)} == {"humanitarian truce"}
    # the claim of an unnamed report: "it has been reported that …"
    assert [m.text for m in sourcing.anonymous(text)] == ["it has been reported"]


def test_haaretz_analysis_has_foreign_sources_and_labels_only(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    text = article(seeds, "analysis-israels")
    assert direct(sourcing, text) == ()
    assert [(m.sentence_id, m.text) for m in sourcing.anonymous(text)] == [
        ("p9-s2", "according to foreign sources"),
        ("p10-s3", "according to foreign sources"),
    ]
    # the Pentagon's "technical details" is a fragment far from "announced": a label
    # "de-confliction" follows "The Pentagon announced": the Pentagon's word, attributed
    assert [m.text for m in sourcing.scare_quotes(text)] == ["technical details"]


def test_washington_institute_quotes_no_one_and_cites_unnamed_reports(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    text = article(seeds, "washington-institute")
    assert direct(sourcing, text) == ()
    # "Most recent reports of a potential transfer …": a claim resting on unnamed reports
    assert [m.text for m in sourcing.anonymous(text)] == ["recent reports"]
    assert sourcing.first_person(text) == ()


def test_quote_offsets_point_at_the_quoted_words(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    for text in seeds.values():
        by_id = {s.id: s.text for s in text}
        for quote in direct(sourcing, text):
            assert quote.text.startswith(by_id[quote.sentence_id][quote.start : quote.end])


# --- the usual news patterns ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind", "verb"),
    [
        (
            "“We will rebuild every home,” Mayor Anna Kovac said.",
            "Anna Kovac",
            "person",
            "said",
        ),
        (
            'Anna Kovac said: "We will rebuild every home in this city."',
            "Anna Kovac",
            "person",
            "said",
        ),
        (
            "“We will rebuild every home,” said Anna Kovac, the mayor of the town.",
            "Anna Kovac",
            "person",
            "said",
        ),
        (
            "According to the Interior Ministry, “the situation is under control everywhere.”",
            "the Interior Ministry",
            "organisation",
            "According to",
        ),
        (
            "A senior official told this author that “the talks have completely collapsed now.”",
            "A senior official",
            "anonymous",
            "told this author",
        ),
        (
            "“The strikes go on until the threat is removed” the ministry said in a statement.",
            "the ministry",
            "organisation",
            "said",
        ),
        (
            "“There was no such impropriety,” Robert F. Bauer, the White House counsel, said.",
            "Robert F. Bauer",
            "person",
            "said",
        ),
        (
            "“We are not going anywhere, not now and not ever,” the Kremlin insisted on Friday.",
            "the Kremlin",
            "organisation",
            "insisted",
        ),
        (
            "“This was a mistake we cannot repeat,” officials familiar with the talks said.",
            "officials familiar",
            "anonymous",
            "said",
        ),
    ],
)
def test_news_attribution_patterns(
    sourcing: Sourcing, sentence: str, speaker: str, kind: str, verb: str
) -> None:
    (quote,) = direct(sourcing, sentences(sentence))
    assert (quote.speaker, quote.speaker_type, quote.verb) == (speaker, kind, verb)


def test_evaluative_verbs_are_categorised(sourcing: Sourcing) -> None:
    text = sentences(
        "“The border was never closed to aid convoys,” the minister claimed.",
        "“We made mistakes in the first week of the war,” the general admitted.",
        "“There will be no ceasefire until the hostages are home,” Katz insisted.",
    )
    assert [q.verb_type for q in direct(sourcing, text)] == [
        "distancing",
        "concession",
        "emphatic",
    ]


def test_a_quote_split_over_sentences_is_one_quote(sourcing: Sourcing) -> None:
    text = sentences(
        "“We will not stop.",
        "We will rebuild everything they destroyed,” Mayor Anna Kovac said.",
    )
    (quote,) = direct(sourcing, text)
    assert quote.text == "We will not stop. We will rebuild everything they destroyed"
    assert (quote.sentence_id, quote.start, quote.end) == ("p1-s1", 1, len(text[0].text))
    assert quote.speaker == "Anna Kovac"


def test_a_quote_continues_into_a_paragraph_opening_with_a_quote_mark(
    sourcing: Sourcing,
) -> None:
    # news style: a quote running on leaves its paragraph open and reopens the next one
    text = paragraphs(
        [
            "“We will not stop until every family is home,” Mayor Anna Kovac said.",
            "“Not one family will be left behind.",
        ],
        ["“We will rebuild every street.”"],
    )
    quotes = direct(sourcing, text)
    assert [q.text for q in quotes] == [
        "We will not stop until every family is home",
        "Not one family will be left behind. We will rebuild every street.",
    ]
    assert who(quotes)[1] == ("Anna Kovac", "person", "")
    assert quotes[1].sentence_id == "p1-s2"


def test_a_stray_quote_mark_is_not_a_quote(sourcing: Sourcing) -> None:
    text = paragraphs(
        ["“A Republican involved with the project said it is airing in Miami."], ["Next."]
    )
    assert direct(sourcing, text) == ()


def test_pronoun_speaker_resolves_to_the_one_person_named(sourcing: Sourcing) -> None:
    text = sentences(
        "Prime Minister Jane Doe visited the border town on Monday.",
        "“We stand with every family here,” she said.",
    )
    assert who(direct(sourcing, text)) == [("Jane Doe", "person", "said")]


def test_pronoun_speaker_stays_as_written_when_ambiguous(sourcing: Sourcing) -> None:
    text = sentences(
        "President Vladimir Putin met Prime Minister Benjamin Netanyahu in Moscow.",
        "“The meeting was useful for both sides,” he said.",
    )
    assert who(direct(sourcing, text)) == [("he", "person", "said")]


def test_he_said_after_a_named_quote_continues_that_speaker(sourcing: Sourcing) -> None:
    text = sentences(
        "“This is about the White House, not the candidate,” Issa said, adding that he wants "
        "to know what Clinton was empowered to say.",
        "“They've answered a question and it begs many more answers,” he said.",
    )
    assert [q.speaker for q in direct(sourcing, text)] == ["Issa", "Issa"]


def test_scare_quotes_are_labels_not_quotes(sourcing: Sourcing) -> None:
    text = sentences(
        "The “special military operation” entered its third year, with “precise” and “limited” "
        "strikes."
    )
    assert direct(sourcing, text) == ()
    labels = sourcing.scare_quotes(text)
    assert [(m.term, m.category) for m in labels] == [
        ("special military operation", "scare_quote"),
        ("precise", "scare_quote"),
        ("limited", "scare_quote"),
    ]
    assert text[0].text[labels[0].start : labels[0].end] == "special military operation"


def test_a_title_after_a_preposition_is_not_a_quote(sourcing: Sourcing) -> None:
    text = sentences(
        "“I appreciate that and I respect that,” Netanyahu said on NBC’s “Meet the Press.”"
    )
    assert [q.text for q in direct(sourcing, text)] == ["I appreciate that and I respect that"]
    assert [m.text for m in sourcing.scare_quotes(text)] == []  # a show's title


def test_long_unattributed_quotation_is_kept_without_speaker(sourcing: Sourcing) -> None:
    text = sentences(
        "Federal law makes it a crime to promise “any employment, position, compensation or "
        "other benefit” for political activity."
    )
    assert who(direct(sourcing, text)) == [("", "unattributed", "")]


def test_we_inside_a_quote_is_the_speakers_not_the_authors(sourcing: Sourcing) -> None:
    text = sentences(
        "“We will win this war, and our people know it,” the general said.",
        "We should be sceptical of such promises, in my view.",
        "The US and its allies disagree.",
    )
    found = [(m.sentence_id, m.text, m.category) for m in sourcing.first_person(text)]
    assert found == [("p1-s2", "We", "plural"), ("p1-s2", "my", "singular")]


def test_world_war_i_is_not_the_author(sourcing: Sourcing) -> None:
    assert sourcing.first_person(sentences("The treaty ended World War I in 1919.")) == ()


def test_anonymous_sourcing_phrases(sourcing: Sourcing) -> None:
    text = sentences(
        "An Israeli official, speaking on condition of anonymity, said the talks had stalled.",
        "The plan was drafted in March, according to foreign sources.",
        "Officials familiar with the matter said the deal was close.",
        "A source close to the Kremlin denied it.",
        "The drones were reportedly supplied by Iran.",
        "The prime minister said the talks would continue.",
    )
    found = [(m.sentence_id, m.text) for m in sourcing.anonymous(text)]
    assert found == [
        ("p1-s1", "An Israeli official"),
        ("p1-s1", "on condition of anonymity"),
        ("p1-s2", "according to foreign sources"),
        ("p1-s3", "Officials familiar with"),
        ("p1-s4", "A source close to"),
    ]
    text = sentences(
        "Informed sources said the talks had stalled.",
        "Kyiv quoted Ukrainian sources it deems reliable.",
        "Open-source analysts disagree.",
    )
    found = [(m.sentence_id, m.text) for m in sourcing.anonymous(text)]
    assert found == [("p1-s1", "Informed sources"), ("p1-s2", "Ukrainian sources")]


def test_on_tuesday_is_no_speaker(sourcing: Sourcing) -> None:
    text = sentences(
        "On Tuesday, the minister, who spoke after the vote, said: “This is a dark day for all.”"
    )
    # "the minister" with a title word: a known person, named earlier in a real article
    assert who(direct(sourcing, text)) == [("the minister", "person", "said")]


# --- indirect speech and "according to" ----------------------------------------------------


def test_indirect_speech_with_and_without_that(sourcing: Sourcing) -> None:
    # BASIL-style news sentences (fox/nyt), speakers named, anonymous and institutional
    text = sentences(
        "In a statement Friday, Mr. Sestak said Mr. Clinton had conveyed the suggestion.",
        "President Trump announced Sunday that Defense Secretary James Mattis will be leaving.",
        "The official told Fox News that the data center is likely a repository.",
        "Sestak's opponent, Republican Pat Toomey, questioned why it took so long.",
    )
    assert reported(sourcing, text) == [
        ("indirect", "Sestak", "person", "said", "Mr. Clinton had conveyed the suggestion"),
        (
            "indirect",
            "Trump",
            "person",
            "announced",
            "Defense Secretary James Mattis will be leaving",
        ),
        (
            "indirect",
            "The official",
            "anonymous",
            "told",
            "the data center is likely a repository",
        ),
        # the phrase as written: no other mention names him more fully
        ("indirect", "Republican Pat Toomey", "person", "questioned", "why it took so long"),
    ]


def test_post_posed_speaker_and_according_to(sourcing: Sourcing) -> None:
    text = sentences(
        "The package was intercepted at a mail facility in Midtown, police officials said.",
        "Joe Hagin is expected to leave his post in July, Politico reported.",
        "According to a senior official, the talks were suspended on Monday.",
        "The plant will be finished next year, according to Reuters.",
    )
    assert reported(sourcing, text) == [
        (
            "indirect",
            "police officials",
            "anonymous",
            "said",
            "The package was intercepted at a mail facility in Midtown",
        ),
        (
            "indirect",
            "Politico",
            "organisation",
            "reported",
            "Joe Hagin is expected to leave his post in July",
        ),
        (
            "according_to",
            "a senior official",
            "anonymous",
            "According to",
            "the talks were suspended on Monday",
        ),
        (
            "according_to",
            "Reuters",
            "organisation",
            "according to",
            "The plant will be finished next year",
        ),
    ]
    quote = sourcing.quotes(text)[2]
    assert text[2].text[quote.start : quote.end] == quote.text


def test_no_report_without_a_clause(sourcing: Sourcing) -> None:
    text = sentences(
        "Representative Steve Stockman threatened Monday to file articles of impeachment if the "
        "president acts.",
        "On one occasion, Trump Jr. tweeted a link to a cache of leaked emails.",
        "In March 2022, the Assembly demanded a withdrawal.",
        "She called the provision a bridge too far and asked the committee to vote.",
        "Putin is the subject of a warrant for alleged war crimes committed in Ukraine.",
        "Mr. Sestak said in a statement.",
    )
    assert reported(sourcing, text) == []


def test_a_participle_and_a_coordinated_verb_take_the_clause_subject(sourcing: Sourcing) -> None:
    text = sentences(
        "Christie initially supported the standards but said recently that he no longer "
        "supports them.",
        "The Obama administration tried Saturday to marshal new evidence, arguing that the "
        "program is simply an internal system.",
        "Some provisions have drawn criticism from both conservative and liberal groups that "
        "argue the language is overly broad.",
    )
    assert [(q.speaker, q.verb) for q in sourcing.quotes(text)] == [
        ("Christie", "said"),
        ("The Obama administration", "arguing"),
        ("liberal groups", "argue"),
    ]


def test_a_quoted_fragment_in_reported_speech_is_one_direct_quote(sourcing: Sourcing) -> None:
    text = sentences("Warner also stressed that there “needs to be other Americans in the room.”")
    assert [(q.form, q.speaker, q.verb) for q in sourcing.quotes(text)] == [
        ("direct", "Warner", "stressed")
    ]


def test_indirect_speech_in_the_seeds(
    sourcing: Sourcing, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> None:
    # read in full: "According to Reuters, Israel is pressuring …"; "Israeli officials told
    # me …"; "U.S. intelligence sources told this author …"
    jfeed = reported(sourcing, article(seeds, "jfeed"))
    assert ("according_to", "Reuters", "organisation", "According to") in [r[:4] for r in jfeed]
    russia = [r[:4] for r in reported(sourcing, article(seeds, "russia-sides"))]
    assert ("indirect", "Israeli officials", "anonymous", "told me") in russia
    assert ("indirect", "U.S. intelligence sources", "anonymous", "told this author") in russia


# --- speakers across breaks ------------------------------------------------------------------


def test_verb_speaker_inversion_after_a_quotation(sourcing: Sourcing) -> None:
    text = paragraphs(
        ["Even Steele himself conceded the point in an interview on Sunday."],
        ["“The party will come back from this stronger than before,” summarized Senor."],
    )
    assert who(direct(sourcing, text)) == [("Senor", "person", "summarized")]


def test_a_statement_introduces_the_quotation(sourcing: Sourcing) -> None:
    text = sentences(
        "Steele issued a statement saying: “I regret my remarks about the war.”",
        "Thursday night, the MedStar Washington Hospital Center issued a statement saying "
        "Scalise “underwent a second surgery related to his injuries.”",
        "Senator Chuck Schumer said in a statement: “These indictments are further proof.”",
    )
    assert who(direct(sourcing, text)) == [
        ("Steele", "person", "saying"),
        ("the MedStar Washington Hospital Center", "organisation", "saying"),
        ("Chuck Schumer", "person", "said"),
    ]


def test_speaker_named_with_of_and_an_apposition(sourcing: Sourcing) -> None:
    text = sentences(
        "“These indictments are further proof of what everyone but the president seems to "
        "understand,” Senator Chuck Schumer of New York, the Democratic "
        "leader, said, adding that Mr. Trump should cancel the meeting."
    )
    assert [(q.form, q.speaker, q.verb) for q in sourcing.quotes(text)] == [
        ("direct", "Chuck Schumer", "said"),
        ("indirect", "Chuck Schumer", "adding"),
    ]
