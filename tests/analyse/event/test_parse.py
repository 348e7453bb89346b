"""analyse.event.parse: reading a headline in sentence case."""

from __future__ import annotations

from newsprism.analyse.event import sentence_case


def test_sentence_case_lowers_title_case_words_the_body_does_not_capitalise() -> None:

    body = ("HALDEN, Norway -- Rebels struck the Harbour Depot in the northern city of Halden on Monday, "
            "officials of the Norwegian Coast Guard said.")
    title = "Rebels Strike Harbour Depot in Northern City of Halden"
    cased = sentence_case(title, body)
    assert cased == "Rebels strike Harbour Depot in northern city of Halden"
    assert len(cased) == len(title)  # spans found in it are spans of the title
    assert sentence_case("Rebels strike harbour depot in Halden", body) is None  # not Title Case
    assert sentence_case("Rebels Hit Depot", body) is None  # too few long words to tell


def test_sentence_case_knows_a_name_with_a_possessive_or_a_full_stop() -> None:

    assert sentence_case("Council Blocks Dahl's Harbour Plan", "The council voted against the plan Dahl made.") \
        == "Council blocks Dahl's harbour plan"
    assert sentence_case("Storm Floods Villages Near Halden", "Water reached the villages near Halden.") \
        == "Storm floods villages near Halden"
    # days and months are names whatever the body writes ("March" is a verb too and follows the body)
    assert sentence_case("Regulator Clears Shipping Firm Days After Tuesday's Vote In October", "No date here.") \
        == "Regulator clears shipping firm days after Tuesday's vote In October"
    assert sentence_case("Crowds March Through Halden Streets", "They walked to Halden.") \
        == "Crowds march through Halden streets"
