"""newsprism_lemmas: the stock lemmatizer's lemmas."""

from __future__ import annotations

import spacy

from _support import needs_model
from newsprism import Settings
from newsprism.analyse import load_model


@needs_model
def test_lemmas_are_the_stock_lemmatizers() -> None:
    nlp = load_model(Settings())
    assert "newsprism_lemmas" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    stock = spacy.load(Settings().spacy_model)
    text = ("The ferries were running late; Vesteria's ministers said they'd been told the boats wouldn't sail.\n\n"
            "Gon na be a long winter, said the mayor, who ain't happy. Ships, shipping and shipped goods piled up.")
    ours, theirs = nlp(text), stock(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert "be" in [t.lemma_ for t in ours] and "ship" in [t.lemma_ for t in ours]
    assert nlp("").text == ""


def test_lemmas_leave_a_pipeline_without_spacys_lemmatizer() -> None:
    from newsprism.analyse.lemmas import use_lemmas

    blank = spacy.blank("en")
    assert not use_lemmas(blank) and blank.pipe_names == []
    blank.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True})
    assert not use_lemmas(blank) and blank.pipe_names == ["lemmatizer"]  # it overwrites: left as it is
