"""analyse.doctext: a Doc's text joined once."""

from __future__ import annotations

import spacy

from newsprism.analyse.doctext import KEY, text_of


def test_doctext_is_the_docs_text_joined_once() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The mayor said:  \u201cWe will rebuild.\u201d\n\nIt rained.")
    first = text_of(doc)
    assert first == doc.text and doc.user_data[KEY] is first
    assert text_of(doc) is first  # read back, not joined again
    with doc.retokenize() as retokenizer:  # a merge keeps the text it was read from
        retokenizer.merge(doc[0:2])
    assert text_of(doc) == doc.text
