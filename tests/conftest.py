"""Shared fixtures.

The tests mirror ``src/newsprism``: module ``newsprism.a.b`` is tested in ``tests/a/test_b.py``, a
top-level module ``newsprism.x`` (or a package's ``__init__``) in ``tests/test_x.py``. Modules that only
re-export (``newsprism/__init__``, ``__main__``, ``web/__init__``) have no file. Beside them:
``tests/whole/`` runs the whole pipeline through the CLI, ``Prism`` and the web face (the demo, bad and
hostile input, golden files, the import layers), ``tests/acceptance/`` reads the corpora in
``../shared``, and ``tests/benchmarks/`` tests the benchmark scripts' own helpers.

The record factories are fixtures here, each returning its factory function (pytest's "factories as
fixtures"): a test names ``make_article``, ``hand_doc``, ``story_article``, ``story_analysis``,
``flood_story``, ``stream_article`` or ``story_stream`` and calls it. A parametrize list holds plain
inputs and the test builds its records. ``_support.py`` keeps what tests import: paths, the model
marker, the invented texts the factories build from, and assertion helpers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from typer.testing import CliRunner

from _support import ELECTION, FERRY, FLOOD_EXTRA, FLOOD_OTHER, FLOOD_TIMES, FLOOD_WIRE, FOOTBALL, MONDAY, STREAM_START
from newsprism import Prism, Settings
from newsprism.analyse import add_ruler
from newsprism.claims import align
from newsprism.cli import app
from newsprism.dossier import build
from newsprism.records import (
    Analysis,
    Article,
    Caption,
    Copies,
    CopyGroup,
    CopyLink,
    Dossier,
    Entity,
    Event,
    Mention,
    Quantity,
    WireCredit,
)
from newsprism.resolve import load_packs
from newsprism.settings import DossierSettings

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current output (review the diff).")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME, or rewrite it with --update-golden."""

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{path} missing: run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8")

    return check


def dead_links(page: str) -> list[str]:
    """Every ``href="#..."`` of an HTML page whose target id the page lacks
    or holds more than once."""
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    once = {i for i, n in ids.items() if n == 1}
    return [h for h in re.findall(r'href="#([^"]+)"', page) if h not in once]


@pytest.fixture(name="dead_links")
def dead_links_fixture() -> Callable[[str], list[str]]:
    """The link checker: ``dead_links(page)`` lists the dead in-page links."""
    return dead_links


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def prism(db: str) -> Prism:
    p = Prism(db=db, settings=Settings())
    yield p
    p.close()


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the real CLI in-process; stdout and stderr apart."""

    def run(*args: str, input: str | bytes | None = None) -> CliResult:
        result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def demo() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def blank() -> spacy.language.Language:
    """A blank English pipeline with newsprism's entity ruler (the alias packs): no model."""
    nlp = spacy.blank("en")
    add_ruler(nlp, load_packs())
    return nlp


# ---------------------------------------------------------------- record factories


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    """``make_article(body, title=None, published=MONDAY, captions=(), article_id="a1")``: a cleaned
    Article of blank-line separated paragraphs, without a store."""

    def make(body: str, title: str | None = None, published: datetime | None = MONDAY,
             captions: tuple[str, ...] = (), article_id: str = "a1") -> Article:
        return Article(
            article_id=article_id, source="test", format="text", encoding="utf-8", url=None, outlet=None,
            outlet_evidence=None, title=title, byline=(), credit=None, published=published, updated=None,
            time_zone=None, language="en", paragraphs=tuple(body.split("\n\n")),
            captions=tuple(Caption(c, 0, len(c)) for c in captions), removals=(), flags=(), description=None,
            source_text=body,
        )

    return make


@pytest.fixture(scope="session")
def hand_doc() -> Callable[..., Doc]:
    """``hand_doc(words, ents, heads=None, deps=None, tags=None, pos=None, lemmas=None)``: a Doc built by
    hand on a blank English vocabulary (a new one each call), its words one space apart: words, IOB entity
    tags, and optionally a parse, parts of speech and lemmas."""

    def make(words: list[str], ents: list[str], heads: list[int] | None = None, deps: list[str] | None = None,
             tags: list[str] | None = None, pos: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
        return Doc(spacy.blank("en").vocab, words=words, spaces=[True] * (len(words) - 1) + [False], heads=heads,
                   deps=deps, tags=tags, pos=pos, lemmas=lemmas, ents=ents)

    return make


@pytest.fixture(scope="session")
def story_article() -> Callable[[str, list[str], datetime, str, str], Article]:
    """``story_article(aid, sentences, published, outlet, title)``: an article of one paragraph, the
    sentences joined by spaces, its id its source."""

    def make(aid: str, sentences: list[str], published: datetime, outlet: str, title: str) -> Article:
        body = " ".join(sentences)
        return Article(aid, aid, "text", "utf-8", None, outlet, None, title, (), None, published, None, None, "en",
                       (body,), (), (), (), None, body)

    return make


@pytest.fixture(scope="session")
def story_analysis() -> Callable[[str, list[str]], Analysis]:
    """``story_analysis(aid, sentences)``: the analysis of a :func:`story_article` of flood sentences: its
    sentences, the place Varnholm and the number of residents of the first sentence."""

    def make(aid: str, sentences: list[str]) -> Analysis:
        spans, pos = [], 0
        for s in sentences:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        body = " ".join(sentences)
        mentions = [Mention(aid, "Varnholm", "GPE", body.index("Varnholm"), body.index("Varnholm") + 8,
                            entity_id="varnholm")]
        n = sentences[0].split(" residents")[0]
        value = float(n.split()[1].replace(",", ""))
        quantities = [Quantity(aid, n, 0, len(n), value, value, None, None, None, None, True, None, "residents")]
        return Analysis(aid, "test", tuple(spans), tuple(mentions), (), tuple(quantities), (), Event(aid))

    return make


@pytest.fixture(scope="session")
def flood_story(story_article: Callable[..., Article], story_analysis: Callable[..., Analysis]
                ) -> Callable[..., tuple[Dossier, list[Article]]]:
    """``flood_story(settings=None)``: the dossier of a three-article flood story (a wire story, its copy
    and an independent report with another number and markup in its text), and its articles."""

    def make(settings: DossierSettings | None = None) -> tuple[Dossier, list[Article]]:
        indie = [FLOOD_OTHER, FLOOD_EXTRA]
        arts = [story_article("wire", [FLOOD_WIRE], FLOOD_TIMES[0], "Nordic Press Agency", "Dam gate fails"),
                story_article("copy", [FLOOD_WIRE], FLOOD_TIMES[1], "Valley <b>Courier</b>", "Varnholm evacuated"),
                story_article("indie", indie, FLOOD_TIMES[2], "Northern Observer", "<script>x</script> 2,000 leave")]
        ana = [story_analysis(a.article_id, [FLOOD_WIRE] if a.article_id != "indie" else indie) for a in arts]
        ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("wire", "copy", "indie"))]
        copies = Copies((CopyLink("wire", "copy", "copy", 1.0, 1.0, 40),),
                        (CopyGroup("g1", ("wire", "copy"), "wire", "NPA", "wire credit"),),
                        (WireCredit("wire", "NPA"),))
        al = align(arts, ana, ents, copies)
        return build("s1", arts, ana, ents, copies, al, settings), arts

    return make


@pytest.fixture(scope="session")
def stream_article() -> Callable[..., Article]:
    """``stream_article(title, body, hours, *, outlet="Outlet", flags=())``: an article of the stream,
    published ``hours`` after STREAM_START, its id a hash of title and hours."""

    def make(title: str, body: str, hours: float, *, outlet: str = "Outlet", flags: tuple[str, ...] = ()) -> Article:
        aid = hashlib.sha256(f"{title}{hours}".encode()).hexdigest()[:16]
        return Article(
            article_id=aid, source=f"{aid}.txt", format="text", encoding="utf-8", url=None, outlet=outlet,
            outlet_evidence="test", title=title, byline=(), credit=None,
            published=STREAM_START + timedelta(hours=hours), updated=None, time_zone=None, language="en",
            paragraphs=(body,), captions=(), removals=(), flags=flags, description=None, source_text=body,
        )

    return make


@pytest.fixture(scope="session")
def story_stream(stream_article: Callable[..., Article]) -> Callable[[], tuple[list[Article], dict[str, str]]]:
    """``story_stream()``: interleaved articles of three events (FERRY, ELECTION, FOOTBALL), with the gold
    event of each article id."""

    def make() -> tuple[list[Article], dict[str, str]]:
        out, gold = [], {}
        for event, items, start in (("ferry", FERRY, 0), ("election", ELECTION, 1), ("football", FOOTBALL, 2)):
            for i, (title, body) in enumerate(items):
                a = stream_article(title, body, start + 5 * i, outlet=f"{event}-{i}")
                out.append(a)
                gold[a.article_id] = event
        return out, gold

    return make


@pytest.fixture
def filled(prism: Prism, story_stream: Callable[[], tuple[list[Article], dict[str, str]]]) -> Prism:
    """The ``prism`` fixture's store holding the stream of three events (``story_stream``), not analysed."""
    arts, _ = story_stream()
    with prism.store.atomic():
        for a in arts:
            prism.store.add_article(a, STREAM_START)
    return prism


#: Invented hostile articles: markup and script URLs that must show as text and never run.
HOSTILE = [
    {"newsprism": 1, "url": "javascript:alert(document.domain)", "outlet": "\"><img src=x onerror=alert('outlet')>",
     "title": "Tormund Dam flood page defaced <script>document.title='pwned';alert('title')</script>",
     "published": "2025-03-12T09:00:00+01:00", "language": "en",
     "paragraphs": [
         "VARNHOLM, March 12 - A prankster posted <script>alert('body')</script> on a page about the Tormund Dam "
         "flood in Varnholm, the Esk Water Authority said on Wednesday.",
         "The Esk Water Authority said \"><img src=x onerror=alert('img')> was also pasted into the page's comments, "
         "and that 1,200 residents of Varnholm had been evacuated after the spillway gate failed.",
         "Officials asked readers not to follow a link reading javascript:alert(1) that appeared beside it."]},
    {"newsprism": 1, "url": "https://www.kessford.example/flood-pranks", "outlet": "Kessford <b>Daily</b> Web",
     "title": "\"><svg onload=alert('svg')> Varnholm residents warned about fake flood page",
     "published": "2025-03-12T11:30:00+01:00", "language": "en",
     "captions": ["<iframe src=javascript:alert('caption')></iframe> The spillway gate of Tormund Dam."],
     "paragraphs": [
         "Residents of Varnholm were warned on Wednesday about a fake page on the Tormund Dam flood that tried to "
         "run <script src=https://evil.example/x.js></script> in readers' browsers.",
         "The Esk Water Authority said the spillway gate failure forced 1,200 people from their homes."]},
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of the demo corpus plus the hostile articles, run end to end
    (ingest, analyse, copies, stories) on the cached parses of their texts (tests/_parses.py)."""
    import json
    import shutil

    from _parses import cached_model

    base = tmp_path_factory.mktemp("web")
    corpus = base / "corpus"
    shutil.copytree(DEMO, corpus)
    (corpus / "hostile.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    settings = Settings.load(ROOT / "examples" / "newsprism.toml")
    db = base / "web.db"
    with cached_model(), Prism(db=db, settings=settings) as prism:
        result = prism.run([str(corpus)], base / "report")
        assert not result.failed and not result.ingest.problems
    return str(db)
