"""clean: paragraphs, offsets back to the source and near-repeats (invented text)."""

from __future__ import annotations

from newsprism.clean import clean

from .helpers import BODY, BODY2, S, doc


def test_clean_removes_near_exact_repeat_and_names_the_original() -> None:
    curly = BODY.replace("'", "’") + " "
    text = f"Title\n\n{BODY.replace('old', 'old')}\n\n{BODY2}\n\n{curly.replace('town', 'town ')}"
    a = clean(doc(text), S)
    assert a.paragraphs == (BODY, BODY2)
    rep = [r for r in a.removals if r.reason == "repeated-paragraph"]
    assert len(rep) == 1 and rep[0].detail == "repeats paragraph 1"


def test_clean_keeps_similar_but_different_paragraphs() -> None:
    other = BODY.replace("Monday", "Friday").replace("three years", "a decade").replace("old", "new")
    a = clean(doc(f"Title\n\n{BODY}\n\n{other}"), S)
    assert a.paragraphs == (BODY, other)


def test_clean_offsets_map_back_to_source() -> None:
    text = "Title\n\n  Residents  of\u00a0the   town  ‘fled’ at   night,\n the mayor said.  \n\nSecond   one here."
    a = clean(doc(text), S)
    assert a.paragraphs == ("Residents of the town 'fled' at night, the mayor said.", "Second one here.")
    body = a.text
    for word in ("Residents", "fled", "mayor said", "Second one"):
        start = body.index(word)
        s, e = a.offsets.span_to_source(start, start + len(word))
        assert " ".join(text[s:e].split()).replace("‘", "'").replace("’", "'") == word


def test_clean_lines_are_paragraphs_without_blank_lines() -> None:
    a = clean(doc(f"{BODY}\n{BODY2}", format="jsonl", title="Depot to close"), S)
    assert a.paragraphs == (BODY, BODY2)
