"""analyse.event.dateline: the dateline that opens a lead, and what is not one (the model's cached parses)."""

from __future__ import annotations

from _support import main_event_of
from newsprism.analyse import analyse


def test_a_dash_inside_a_sentence_is_no_dateline(make_article) -> None:
    a = make_article("Mayor Lena Dahl met the head of NATO - the Western alliance - in Halden on Tuesday.")
    ev = analyse([a])[0].event
    assert ev.who is not None and ev.what is not None  # "NATO -" does not hide the subject
    assert ev.where is None or ev.where.text != "NATO"


def test_main_event_a_caption_before_the_dateline_is_no_lead(make_article) -> None:
    a = make_article("Hundreds of thousands of people lined the street to watch the floats in Halden, Jan 1, 2018. "
                     "[Photo/IC]\n\nHALDEN, Ill. — Floral floats rolled under sunny skies as the parade drew "
                     "thousands of revelers.", title="Sun, fun, flowers as parade rolls in Halden")
    ev = main_event_of(a)
    assert ev.who is not None and ev.who.text == "Floral floats"
