"""``newsprism_lemmas``: the pipeline's own rule or lookup lemmatizer, each distinct word once.

spaCy's ``Lemmatizer`` walks every token in Python and asks its tables for a lemma that
depends on nothing but the token's text, part of speech and morphology (``rule`` mode) or
its text alone (``lookup``). This component reads those three as arrays, asks the same
lemmatizer once per distinct (text, part of speech, morphology) and writes the lemmas
back in one call: the same lemmas in less time (measured in ``docs/performance.md``).
The stock lemmatizer stays in the pipeline, disabled, holding the tables this one reads.
"""

from __future__ import annotations

from typing import Any

LEMMAS = "newsprism_lemmas"
#: Modes whose lemma is a function of (text, part of speech, morphology) alone.
_PURE_MODES = frozenset({"rule", "lookup"})


class Lemmas:
    """Lemmas of the tokens without one, from ``lemmatizer`` (not overwriting, as it does not)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        memo, strings, lemmatize = self._memo, doc.vocab.strings, self.lemmatizer.lemmatize
        for i in (lemmas == 0).nonzero()[0].tolist():
            key = (int(rows[i, 0]), int(rows[i, 1]), int(rows[i, 2]))
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


def _make(nlp: Any, name: str) -> Lemmas:
    return Lemmas(nlp.get_pipe("lemmatizer"))


def use_lemmas(nlp: Any) -> bool:
    """Put ``newsprism_lemmas`` in the place of the pipeline's ``lemmatizer`` (left in, disabled)
    when that is spaCy's own (the generic or the English one: another language's may read more of
    a token) in a mode whose lemmas :class:`Lemmas` reproduces, not overwriting lemmas set before
    it; True when it did (or had)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    if LEMMAS in nlp.component_names:
        return True
    if "lemmatizer" not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe("lemmatizer")
    if type(stock) not in (Lemmatizer, EnglishLemmatizer) or stock.mode not in _PURE_MODES or stock.overwrite:
        return False
    if LEMMAS not in Language.factories:
        Language.factory(LEMMAS, func=_make)
    stock._validate_tables()  # as its first call would: its tables are there
    nlp.add_pipe(LEMMAS, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return True
