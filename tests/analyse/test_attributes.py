"""newsprism_attributes: the stock attribute ruler's annotations."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

from _support import needs_model
from newsprism import Settings
from newsprism.analyse import load_model


def _ruled(words: list[str], tags: list[str], nlp: Any, component: Any) -> list[tuple[str, str, str]]:
    doc = component(Doc(nlp.vocab, words=words, tags=tags))
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_attributes_set_what_the_attribute_ruler_sets() -> None:
    from newsprism.analyse.attributes import Attributes

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NNS"}]], {"POS": "NOUN", "MORPH": "Number=Plur"})
    ruler.add([[{"TAG": {"IN": ["VBZ", "VBP"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"IN": ["cats", "dogs"]}, "TAG": "NNS"}]], {"LEMMA": "pet"})
    ruler.add([[{"TAG": {"NOT_IN": ["NNS", "_SP"]}}]], {"MORPH": "Other=Yes"})  # no value to file it under
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    ruler.add([[{"TAG": "NNS"}], [{"LOWER": "ferries"}]], {"POS": "PROPN"})  # a later rule wins
    words = ["Cats", "ai", "n't", "gon", "na", "\n\n", "ferries", "Dogs", "sail"]
    tags = ["NNS", "VBZ", "RB", "VBG", "TO", "_SP", "NN", "NNS", "VB"]
    component = Attributes(ruler)
    assert _ruled(words, tags, nlp, component) == _ruled(words, tags, nlp, ruler)
    assert _ruled(words, tags, nlp, component)[0] == ("PROPN", "Number=Plur", "pet")
    # a second doc, its rows seen before (read from the memo) and new ones
    words2, tags2 = [*words, "cats", "ain", "sail"], [*tags, "NNS", "VBZ", "NN"]
    assert len(component._memo) == len(words)
    assert _ruled(words2, tags2, nlp, component) == _ruled(words2, tags2, nlp, ruler)
    assert len(component._memo) == len(words) + 2  # "cats" is "Cats" again


def test_attributes_run_the_predicate_patterns_only_where_a_word_may_start_one() -> None:
    from newsprism.analyse.attributes import Attributes

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"TAG": {"IN": ["VBZ", "VBP"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"})
    ruler.add([[{"LOWER": {"IN": ["y'", "y"]}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"TAG": {"IN": ["EX"]}}, {"LOWER": {"IN": ["is", "was"]}}]], {"MORPH": "Ex=Yes"})  # no LOWER first
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    component = Attributes(ruler)
    assert len(component._first_tests) == 3
    plain = (["There", "was", "gon", "na", "be", "rain"], ["EX", "VBD", "VBG", "TO", "VB", "NN"])
    assert not component._may_start({nlp.vocab.strings.add(w.lower()) for w in plain[0]})
    assert _ruled(*plain, nlp, component) == _ruled(*plain, nlp, ruler)
    for words, tags in ((["He", "ai", "n't", "nothin'"], ["PRP", "VBZ", "RB", "NN"]),
                        (["Y'", "all", "was", "nuthin'"], ["PRP", "DT", "VBD", "NN"]),
                        (["ai", "y"], ["VBP", "NN"])):
        assert component._may_start({nlp.vocab.strings.add(w.lower()) for w in words})
        assert _ruled(words, tags, nlp, component) == _ruled(words, tags, nlp, ruler)
    assert _ruled(["ai", "n't"], ["VBZ", "RB"], nlp, component)[0][2] == "be"


@needs_model
def test_attributes_replace_the_models_attribute_ruler() -> None:
    nlp = load_model(Settings())
    assert "newsprism_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    stock = spacy.load(Settings().spacy_model)
    text = "She ain't gon na sail: the ferries' crews said they'd wait.\n\nWe're OK,  he wrote."
    ours, theirs = nlp(text), stock(text)
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == [
        (t.tag_, t.pos_, str(t.morph), t.lemma_) for t in theirs]
