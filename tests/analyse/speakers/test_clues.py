"""analyse.speakers.clues: the token helpers, on a hand-parsed Doc (no model)."""

from __future__ import annotations

import pytest

from newsprism.analyse.speakers.clues import (
    first_pronoun_after,
    honorific_fits,
    name_after,
    negated,
    reporting,
    same_person_pronoun,
    strip_the,
)

#: "Mr. Ola Berg said no . Kari Mo and her husband left .", parsed by hand.
WORDS = ["Mr.", "Ola", "Berg", "said", "no", ".", "Kari", "Mo", "and", "her", "husband", "left", "."]
PARSE = {
    "heads": [2, 2, 3, 3, 3, 3, 7, 11, 7, 10, 7, 11, 11],
    "deps": ["compound", "compound", "nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "cc", "poss", "conj",
             "ROOT", "punct"],
    "tags": ["NNP", "NNP", "NNP", "VBD", "UH", ".", "NNP", "NNP", "CC", "PRP$", "NN", "VBD", "."],
    "pos": ["PROPN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT", "PROPN", "PROPN", "CCONJ", "PRON", "NOUN", "VERB",
            "PUNCT"],
    "lemmas": ["Mr.", "Ola", "Berg", "say", "no", ".", "Kari", "Mo", "and", "her", "husband", "leave", "."],
}
ENTS = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]


@pytest.fixture
def doc(hand_doc):  # type: ignore[no-untyped-def]
    return hand_doc(WORDS, ENTS, **PARSE)


def test_clues_reporting_verbs_and_negation(doc) -> None:  # type: ignore[no-untyped-def]
    said, left = doc[3], doc[11]
    assert reporting(said) and not reporting(left)
    assert not negated(said)


def test_clues_honorifics_and_sexed_pronouns(doc) -> None:  # type: ignore[no-untyped-def]
    toks = list(doc)
    assert name_after(toks, 1) == ["ola", "berg"]  # the name after "Mr."
    assert first_pronoun_after(toks, doc[7]) == "f"  # "Kari Mo and her husband"
    assert first_pronoun_after(toks, doc[2]) is None  # no pronoun after "Berg" in its sentence
    berg = doc.ents[0]
    assert honorific_fits(berg, "he") and not honorific_fits(berg, "she")  # "Mr." right before
    assert same_person_pronoun("she", "her") and not same_person_pronoun("he", "her")


def test_clues_strip_the_drops_a_title_before_a_name(doc) -> None:  # type: ignore[no-untyped-def]
    assert strip_the(doc[0:3]).text == "Ola Berg"
    assert strip_the(doc[6:8]).text == "Kari Mo"
