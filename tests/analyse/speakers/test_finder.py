"""analyse.speakers.finder: who says a quote, on a hand-parsed Doc (no model)."""

from __future__ import annotations

import pytest

from newsprism.analyse.speakers.finder import Speakers, last_speaker, sentence_end

#: "Mayor Anna Lindqvist spoke on Tuesday . She said the harbour would reopen .", parsed by hand.
WORDS = ["Mayor", "Anna", "Lindqvist", "spoke", "on", "Tuesday", ".", "She", "said", "the", "harbour", "would",
         "reopen", "."]
PARSE = {
    "heads": [2, 2, 3, 3, 3, 4, 3, 8, 8, 10, 12, 12, 8, 8],
    "deps": ["compound", "compound", "nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "det", "nsubj", "aux",
             "ccomp", "punct"],
    "tags": ["NNP", "NNP", "NNP", "VBD", "IN", "NNP", ".", "PRP", "VBD", "DT", "NN", "MD", "VB", "."],
    "pos": ["PROPN", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "AUX", "VERB",
            "PUNCT"],
    "lemmas": ["Mayor", "Anna", "Lindqvist", "speak", "on", "Tuesday", ".", "she", "say", "the", "harbour", "would",
               "reopen", "."],
}
ENTS = ["O", "B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O", "O", "O", "O", "O", "O", "O", "O"]


@pytest.fixture
def doc(hand_doc):  # type: ignore[no-untyped-def]
    return hand_doc(WORDS, ENTS, **PARSE)


def test_speakers_last_speaker_resolves_a_pronoun_to_the_person_before_it(doc) -> None:  # type: ignore[no-untyped-def]
    speakers = Speakers(doc, [(0, len(doc.text))])
    speaker, verb = last_speaker(speakers, 0, len(doc.text))
    assert (speaker.text, verb.text) == ("Anna Lindqvist", "said")  # "She" stands for her, not "Mayor"


def test_speakers_last_speaker_only_after_since_and_outside_quotes(doc) -> None:  # type: ignore[no-untyped-def]
    said = doc.text.index("said")
    speakers = Speakers(doc, [(0, len(doc.text))])
    assert last_speaker(speakers, 0, len(doc.text), since=said + 4) == (None, None)  # no reporting verb after it
    assert last_speaker(speakers, 0, said) == (None, None)  # "spoke" reports nothing
    speakers.quoted = [(doc.text.index("She"), len(doc.text))]  # a verb inside a quote reports nothing
    assert last_speaker(speakers, 0, len(doc.text)) == (None, None)


def test_speakers_sentence_end_and_paragraph_of(doc) -> None:  # type: ignore[no-untyped-def]
    first_end = doc.text.index(".") + 1
    assert sentence_end(doc, 5) == first_end and sentence_end(doc, len(doc.text)) == len(doc.text)
    speakers = Speakers(doc, [(0, first_end), (first_end + 1, len(doc.text))])
    assert [speakers.paragraph_of(c) for c in (0, first_end, first_end + 3)] == [0, 0, 1]


def test_speakers_a_letters_maker_is_the_first_person_signing_it(hand_doc) -> None:  # type: ignore[no-untyped-def]
    # "The letter was signed by Nordvik Group exec Kari Mo . The letter said nothing .", parsed as the model
    # may: the title and the name hung on the verb, not on the body after "by"
    words = ["The", "letter", "was", "signed", "by", "Nordvik", "Group", "exec", "Kari", "Mo", ".", "The", "letter",
             "said", "nothing", "."]
    doc = hand_doc(
        words, ["O"] * 5 + ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"] + ["O"] * 6,
        heads=[1, 3, 3, 3, 3, 6, 4, 3, 9, 7, 3, 12, 13, 13, 13, 13],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "conj", "compound", "npadvmod",
              "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
        tags=["DT", "NN", "VBD", "VBN", "IN", "NNP", "NNP", "NN", "NNP", "NNP", ".", "DT", "NN", "VBD", "NN", "."],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN",
             "VERB", "PRON", "PUNCT"],
        lemmas=["the", "letter", "be", "sign", "by", "Nordvik", "Group", "exec", "Kari", "Mo", ".", "the", "letter",
                "say", "nothing", "."])
    speakers = Speakers(doc, [(0, len(doc.text))])
    assert speakers.statement_maker(doc[12], len(doc.text)).text == "Kari Mo"  # not "Nordvik Group"
