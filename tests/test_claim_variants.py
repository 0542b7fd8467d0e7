"""How outlets' wordings of one claim differ: agree, adds_detail, contradict, and the variant
table. The sentences are news wordings of one fact as different outlets write them; the last
ones are BASIL's (Fox News, The New York Times, HuffPost; tuning-half events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.compare.claim_variants import relation, variant_table
from framing.compare.variant_rules import VariantRules, load_variant_rules
from framing.errors import FramingError
from framing.shared_claims import Difference


@pytest.fixture(scope="module")
def rules() -> VariantRules:
    return load_variant_rules()


def test_one_casualty_figure_against_two_marks_the_odd_one(rules: VariantRules) -> None:
    texts = [
        "An Israeli airstrike on a school in Gaza killed 12 people, the Health Ministry said.",
        "A dozen people were killed when an Israeli airstrike hit a school in Gaza.",
        "The Israeli strike on the Gaza school killed 15 people, the Health Ministry said.",
    ]
    label, differences = relation(texts, rules)
    assert label == "contradict"
    assert differences == (Difference("number", 2, ("15",), ("12", "A dozen")),)


def test_a_bound_allows_a_higher_figure(rules: VariantRules) -> None:
    texts = [
        "At least 12 people were killed in the strike, officials said.",
        "The strike killed 15 people, officials said.",
    ]
    assert relation(texts, rules) == (
        "adds_detail",
        (Difference("qualifier", 0, ("At least",)),),
    )


def test_amounts_in_words_units_and_scales_read_as_their_value(rules: VariantRules) -> None:
    same = ["The ceasefire talks lasted ten days.", "The ceasefire talks lasted 10 days."]
    assert relation(same, rules) == ("agree", ())
    bail = [
        "A judge set his bail at $750,000 on Monday.",
        "A judge set his bail at 750,000 dollars on Monday.",
        "A judge set his bail at $1 million on Monday.",
    ]
    label, differences = relation(bail, rules)
    assert label == "contradict"
    assert differences == (
        Difference("number", 2, ("$1 million",), ("$750,000", "750,000 dollars")),
    )


def test_a_number_counting_something_else_is_detail_not_conflict(rules: VariantRules) -> None:
    texts = [
        "Unemployment fell to 4 percent in May, the lowest rate in 20 years.",
        "Unemployment fell to 4 percent in May, the lowest rate in two decades.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert [(d.kind, d.member, d.words) for d in differences] == [
        ("number", 0, ("20",)),
        ("number", 1, ("two",)),
    ]


def test_a_negation_against_an_assertion_contradicts(rules: VariantRules) -> None:
    texts = [
        "Israel did not condemn the settler attack on the village of Huwara.",
        "Israel condemned the settler attack on the village of Huwara.",
    ]
    assert relation(texts, rules) == (
        "contradict",
        (Difference("negation", 1, ("condemned",), ("did not condemn",)),),
    )


def test_refused_and_refrained_from_read_as_did_not(rules: VariantRules) -> None:
    texts = [
        "Russian President Vladimir Putin has refused to condemn Hamas for its attack on Israel.",
        "The Kremlin has refrained from condemning Hamas for the attack on Israel.",
        "Putin did not condemn Hamas for the attack on Israel.",
    ]
    assert relation(texts, rules) == ("agree", ())
    label, differences = relation([*texts[1:], "The Kremlin condemned Hamas."], rules)
    assert label == "contradict"
    assert differences[0] == Difference(
        "negation", 2, ("condemned",), ("has refrained from condemning", "did not condemn")
    )


def test_not_only_denies_nothing(rules: VariantRules) -> None:
    texts = [
        "The sanctions target not only Iranian banks but also its oil exports.",
        "The sanctions target Iranian banks and oil exports.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert differences == (Difference("qualifier", 0, ("only",)),)  # but no negation


def test_opposite_verbs_about_the_same_thing_contradict(rules: VariantRules) -> None:
    texts = [
        "The Senate approved the border bill by a vote of 52 to 48.",
        "The Senate rejected the border bill by a vote of 52 to 48.",
    ]
    assert relation(texts, rules) == (
        "contradict",
        (Difference("opposite", 1, ("rejected",), ("approved",)),),
    )
    both = [
        "The shekel fell against the dollar as Israeli stocks rose.",
        "Israeli stocks rose while the shekel fell against the dollar.",
    ]
    assert relation(both, rules) == ("agree", ())


def test_time_and_place_only_one_outlet_gives_are_its_detail(rules: VariantRules) -> None:
    texts = [
        "Israeli troops raided the hospital, the largest in the enclave.",
        "Israeli troops raided the hospital, the largest in the territory.",
        "Israeli troops raided the hospital on Tuesday in Gaza City, reportedly the largest.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert differences == (
        Difference("name", 2, ("Gaza City",)),
        Difference("qualifier", 2, ("Tuesday", "reportedly")),
    )


def test_words_the_others_share_are_not_detail_of_the_one_lacking_them(
    rules: VariantRules,
) -> None:
    texts = [
        "Hamas released two hostages on Friday, the group said.",
        "Hamas freed two hostages on Friday, the group said.",
        "Hamas released two hostages, the group said.",
    ]
    assert relation(texts, rules) == ("agree", ())


def test_names_read_through_the_aligner_and_initials(rules: VariantRules) -> None:
    texts = [
        "The U.S. sent two aircraft carriers to the eastern Mediterranean.",
        "The United States sent two aircraft carriers to the eastern Mediterranean.",
    ]
    assert relation(texts, rules) == ("agree", ())
    manner = [
        "Mary Cheney criticized her sister's opposition to same-sex marriage.",
        "Mary Cheney sharply criticized her sister's opposition to same-sex marriage.",
    ]
    assert relation(manner, rules) == (
        "adds_detail",
        (Difference("qualifier", 1, ("sharply",)),),
    )


def test_basil_years_of_different_events_do_not_conflict(rules: VariantRules) -> None:
    texts = [  # BASIL event_042, HuffPost and The New York Times
        'The New York Times reported the charges against Grimm "will include mail fraud and '
        "wire fraud and focus on his conduct in connection with a health food restaurant he "
        "owned on the Upper East Side of Manhattan after he left the Federal Bureau of "
        'Investigation in 2006," citing someone familiar with the case.',
        "The charges against Mr. Grimm, 44, a Republican who was first elected in 2010 and "
        "represents Staten Island and part of Brooklyn, were expected to include mail fraud "
        "and wire fraud, and to focus largely on his conduct in connection with a health food "
        "restaurant he owned on the Upper East Side of Manhattan after he left the Federal "
        "Bureau of Investigation in 2006, two of the people said.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert Difference("number", 1, ("44", "2010", "two")) in differences


def test_basil_a_hedge_one_outlet_adds(rules: VariantRules) -> None:
    texts = [  # BASIL event_031, Fox News and The New York Times
        "“I am not pro-gay marriage,” Liz Cheney reportedly said.",
        "“I am not pro-gay marriage,” Liz Cheney said in a statement responding to an "
        "apparent push poll against her in Wyoming.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert Difference("qualifier", 0, ("reportedly",)) in differences
    assert Difference("name", 1, ("Wyoming",)) in differences


def test_basil_a_text_reporting_claim_and_rebuttal_does_not_contradict(
    rules: VariantRules,
) -> None:
    texts = [  # BASIL event_022, HuffPost and The New York Times
        "Last week, Rep. Ryan dismissed the bishops’ critique, erroneously claiming the letters "
        "didn’t represent “all the bishops,” a point the USCCB media office denied.",
        "Mr. Ryan claimed in a recent interview that those letters did not speak for all "
        "bishops, but the conference responded that those letters do indeed represent the "
        "bishops’ collective opinion.",
    ]
    label, differences = relation(texts, rules)
    assert label == "adds_detail"
    assert not [d for d in differences if d.kind == "negation"]


def test_basil_numbers_of_different_nouns_and_a_name_after_a_quote(rules: VariantRules) -> None:
    women = [  # BASIL event_077, Fox News and The New York Times
        "The Post interviewed three other women who were teenagers at the time.",
        "The paper found three other women who said they had been pursued by Mr. Moore. The "
        "Post interviewed more than 30 people in reporting its account.",
    ]
    assert relation(women, rules)[0] == "adds_detail"
    added = [  # BASIL event_042, HuffPost and Fox News
        '"When the dust settles, he will be vindicated," McGinley added.',
        '"When the dust settles, he will be vindicated," the statement said.',
    ]
    assert relation(added, rules) == ("adds_detail", (Difference("name", 0, ("McGinley",)),))


def test_variant_table_columns_read_back_each_text() -> None:
    texts = [
        "Putin has refused to condemn Hamas for the attack.",
        "Putin has declined to condemn Hamas for the attack on Israel.",
        "The Kremlin has refrained from condemning Hamas.",
    ]
    table = variant_table(texts)
    for m, text in enumerate(texts):
        assert "".join(v.readings[m] for v in table) == text
    assert [v.readings for v in table] == [
        ("Putin ", "Putin ", "The Kremlin "),
        ("has ", "has ", "has "),
        ("refused to condemn ", "declined to condemn ", "refrained from condemning "),
        ("Hamas ", "Hamas ", "Hamas."),
        ("for the attack.", "for the attack ", ""),
        ("", "on Israel.", ""),
    ]
    assert [v.same for v in table] == [False, True, False, True, False, False]
    assert variant_table(texts) == table


def test_variant_table_merges_agreeing_words_into_phrases() -> None:
    texts = [
        "At least 12 people were killed in the strike, officials said.",
        "A dozen people were killed in the strike, officials said.",
        "Fifteen people were killed in the strike, officials said.",
    ]
    table = variant_table(texts)
    assert [v.readings for v in table] == [
        ("At least 12 ", "A dozen ", "Fifteen "),
        ("people were killed in the strike, officials said.",) * 3,
    ]


def test_a_user_file_extends_the_lists(tmp_path: Path) -> None:
    (tmp_path / "variants.toml").write_text('[opposites]\npairs = [["hire", "fire"]]\n')
    texts = ["The company hired 200 workers.", "The company fired 200 workers."]
    assert relation(texts, load_variant_rules())[0] == "agree"
    assert relation(texts, load_variant_rules(tmp_path))[0] == "contradict"


def test_a_broken_or_incomplete_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "variants.toml").write_text("[opposites\n")
    with pytest.raises(FramingError, match="broken lexicon file"):
        load_variant_rules(tmp_path)
    (tmp_path / "variants.toml").write_text('replace = true\n[words]\nfunction = ["a"]\n')
    with pytest.raises(FramingError, match="bad or missing value"):
        load_variant_rules(tmp_path)
