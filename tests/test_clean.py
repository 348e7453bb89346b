"""The cleaner: metadata lines, boilerplate, captions, repeats, offsets."""

from __future__ import annotations

import pytest

from newsprism.clean import _parse_time, article_id, clean
from newsprism.records import RawDocument
from newsprism.settings import Settings

S = Settings()

BODY = (
    "The council of Ostrava Nova voted on Monday to close the old tram depot, "
    "ending a debate that had lasted for more than three years in the town."
)
BODY2 = (
    "Mayor Ilse Brandt said the site would be turned into housing for about 400 "
    "families, and that work could start in the spring of next year."
)


def doc(text: str, **kw: object) -> RawDocument:
    return RawDocument(source="t.txt", format=kw.pop("format", "text"), encoding="utf-8",  # type: ignore[arg-type]
                       text=text, **kw)  # type: ignore[arg-type]


def reasons(a) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.reason for r in a.removals]


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
    ],
    ids=["promo", "copyright", "copyright-bracketed", "newsletter", "share", "advert", "messenger"],
)
def test_clean_removes_boilerplate_with_reason(line: str, reason: str, outlet: str | None) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    removed = [r for r in a.removals if r.reason == reason]
    assert [r.text for r in removed] == [line]
    assert a.outlet == outlet


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


def test_clean_zone_inferred_from_outlet() -> None:
    a = clean(doc(f"T\n\n2023.09.18 10:34:01\n\n{BODY}", url="https://pulse.mk.co.kr/news/1"), S)
    assert a.outlet == "Pulse by Maeil Business Newspaper"
    assert a.published is not None and a.published.isoformat() == "2023-09-18T10:34:01+09:00"
    assert a.time_zone is not None and a.time_zone.zone == "Asia/Seoul" and a.time_zone.inferred


def test_clean_zone_given_is_not_inferred() -> None:
    a = clean(doc(BODY, format="json", title="T", published="2025-03-11T10:20:00+01:00"), S)
    assert a.time_zone is not None and not a.time_zone.inferred and a.time_zone.zone == "+01:00"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://edition.cnn.com/2017/x", "CNN"),
        ("https://www.cnn.com/2017/x", "CNN"),
        ("https://money.cnn.com/2017/x", "CNN"),
        ("http://usa.chinadaily.com.cn/a", "China Daily"),
        ("https://www.bbc.co.uk/news/1", "BBC"),
        ("https://news.unknown-paper.example/a", "unknown-paper.example"),
    ],
)
def test_clean_outlet_from_domain(url: str, outlet: str) -> None:
    assert clean(doc(BODY, format="json", title="T", url=url), S).outlet == outlet


def test_clean_user_outlet_mapping() -> None:
    s = Settings(outlets={"unknown-paper.example": "The Unknown Paper"})
    a = clean(doc(BODY, format="json", title="T", url="https://news.unknown-paper.example/a"), s)
    assert a.outlet == "The Unknown Paper"


def test_clean_language_detected() -> None:
    fr = ("Le conseil municipal a voté lundi la fermeture de l'ancien dépôt de tramways, "
          "mettant fin à un débat qui durait depuis plus de trois ans dans la ville.")
    assert clean(doc(f"Titre\n\n{fr}"), S).language == "fr"
    assert clean(doc(f"Title\n\n{BODY}"), S).language == "en"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023.09.18 10:34:01", "2023-09-18T10:34:01"),
        ("2017-09-15T00:00:00", "2017-09-15T00:00:00"),
        ("2017-09-15 17:52", "2017-09-15T17:52:00"),
        ("Tue, 11 Mar 2025 10:20:00 +0100", "2025-03-11T10:20:00+01:00"),
        ("2025-03-11T10:20:00Z", "2025-03-11T10:20:00+00:00"),
    ],
)
def test_clean_parse_time(value: str, iso: str) -> None:
    t = _parse_time(value)
    assert t is not None and t.isoformat() == iso


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
