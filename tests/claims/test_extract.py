"""claims.extract: the claims of an article with their values."""

from __future__ import annotations

from newsprism.claims import extract

from .helpers import A, _pair


def test_claims_extract_sentences_with_their_values() -> None:
    arts, ana = _pair()
    claims = extract(arts[0], ana[0])
    assert [c.text for c in claims] == A
    assert claims[0].entities == ("varnholm", "tormund-dam") and claims[0].places == ("varnholm", "tormund-dam")
    assert [q.text for q in claims[0].quantities] == ["About 1,200"]
    assert claims[0].attribution is None


def test_tokens_each_call_a_list_of_its_own():
    from newsprism.claims.extract import tokens

    text = "The ministers reported talks in the capital, not the deals"
    first = tokens(text)
    assert first == ["minister", "report", "talk", "capital", "deal"]
    first.append("changed")  # the caller's list: the words kept for the text do not change
    assert tokens(text) == ["minister", "report", "talk", "capital", "deal"]
    assert tokens(text) is not tokens(text)
