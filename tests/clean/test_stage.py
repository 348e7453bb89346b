"""clean: the stage end to end: title, dateline, byline, removals, the article id (invented text)."""

from __future__ import annotations

import pytest

from newsprism.clean import article_id, clean

from .helpers import BODY, BODY2, S, doc, reasons


def test_clean_plain_text_title_dateline_byline() -> None:
    text = f"Depot to close\n\n2025.03.11 08:15:00 | 2025.03.11 09:02:30\n\n{BODY}\n\n{BODY2}\n\nBy Anna Berg and Tomas Ek"
    a = clean(doc(text), S)
    assert a.title == "Depot to close"
    assert a.byline == ("Anna Berg", "Tomas Ek")
    assert a.published is not None and a.published.isoformat() == "2025-03-11T08:15:00+00:00"
    assert a.updated is not None and a.updated.isoformat() == "2025-03-11T09:02:30+00:00"
    assert a.time_zone is not None and a.time_zone.inferred and "assumed UTC" in a.time_zone.reason
    assert a.paragraphs == (BODY, BODY2)
    assert reasons(a) == ["title", "dateline", "byline"]


@pytest.mark.parametrize(
    ("line", "reason", "outlet"),
    [
        ("Follow The Harbour Gazette on Google News", "promo", "The Harbour Gazette"),
        ("© 2025 Nordic Press Agency. All rights reserved.", "copyright", "Nordic Press Agency"),
        ("[ⓒ Daily Example &, All rights reserved]", "copyright", "Daily Example"),
        ("Subscribe to our newsletter for daily updates", "boilerplate", None),
        ("Share this article", "boilerplate", None),
        ("Advertisement", "boilerplate", None),
        ("Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
         "boilerplate", None),
        ("Archives Select Month " + " ".join(f"{m} 2019" for m in ("May", "April", "March", "February", "January"))
         + " December 2018 November 2018", "boilerplate", None),
    ],
    ids=["promo", "copyright", "copyright-bracketed", "newsletter", "share", "advert", "messenger", "archive-menu"],
)
def test_clean_removes_boilerplate_with_reason(line: str, reason: str, outlet: str | None) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    removed = [r for r in a.removals if r.reason == reason]
    assert [r.text for r in removed] == [line]
    assert a.outlet == outlet


def test_clean_keeps_a_paragraph_that_lists_months_in_a_sentence() -> None:
    months = ("The river flooded in May 2019, April 2019, March 2019, January 2019, December 2018 "
              "and November 2018, the council said.")
    a = clean(doc(f"Title\n\n{BODY}\n\n{months}"), S)
    assert months in a.paragraphs


def test_clean_keeps_a_real_paragraph_that_mentions_subscribing() -> None:
    long = ("Residents who subscribe to the council's flood alerts were told to sign up again "
            "after the system failed, officials said on Tuesday, adding that the new service "
            "would send text messages to every registered phone in the valley.")
    a = clean(doc(f"Title\n\n{BODY}\n\n{long}"), S)
    assert long in a.paragraphs


def test_clean_caption_kept_once_and_ui_residue_cut() -> None:
    cap = "Boats on the river on Tuesday. [Photo by Harbour Gazette]"
    text = f"Title\n\n{cap}Enlarge image\n\n{cap}\n\n{BODY}\n\n{BODY2}"
    a = clean(doc(text), S)
    assert [c.text for c in a.captions] == [cap]
    assert a.paragraphs == (BODY, BODY2)
    assert reasons(a) == ["title", "caption", "ui-residue", "caption-repeat"]
    residue = next(r for r in a.removals if r.reason == "ui-residue")
    assert text[residue.start:residue.end] == "Enlarge image"


def test_clean_title_repeated_as_first_line_is_logged() -> None:
    a = clean(doc(f"Depot to close\n{BODY}", format="json", title="Depot to close"), S)
    assert reasons(a) == ["title-repeat"]


def test_clean_wire_credit_line() -> None:
    a = clean(doc(f"Xinhua | Updated: 2017-09-15 17:52\n{BODY}", format="json", title="T"), S)
    assert a.credit == "Xinhua"
    assert a.updated is not None and a.updated.isoformat().startswith("2017-09-15T17:52")


def test_clean_flags_a_page_without_body_as_empty() -> None:
    text = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."
    a = clean(doc(text, format="json", title="The first shots"), S)
    assert a.paragraphs == ()
    assert "empty" in a.flags
    assert reasons(a) == ["boilerplate"]


def test_clean_article_id_is_a_content_hash() -> None:
    a = doc(BODY, format="json", title="T", url="https://a.example/1")
    b = doc(BODY, format="json", title="T", url="https://b.example/1")
    assert article_id(a) == article_id(doc(BODY, format="json", title="T", url="https://a.example/1"))
    assert article_id(a) != article_id(b)


def test_clean_loses_nothing() -> None:
    """Every source line is body, caption or a logged removal."""
    cap = "Boats on the river. (Photo: Jo Lind)"
    text = (f"Title\n\n2025.03.11 08:15\n\n{cap}\n\n{BODY}\n\nShare this article\n\n{BODY2}\n\n"
            f"{BODY}\n\nBy Jo Lind\n\nFollow Example News on Google News")
    a = clean(doc(text), S)
    kept = set(a.paragraphs) | {c.text for c in a.captions} | {r.text for r in a.removals}
    for block in text.split("\n\n"):
        assert block in kept, block
