"""The main job (`newsprism run`) and `newsprism dossier` on the demo corpus."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from _support import DEMO, SETTINGS
from newsprism import Prism, Settings


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
    assert {w.story_id for w in result.stories} == {s.story_id for s in stories}
    index = (base / "out" / "index.html").read_text(encoding="utf-8")
    for w in result.stories:
        assert w.html.exists() and w.json.exists()
        assert f'href="{w.story_id}.html"' in index
        assert json.loads(w.json.read_text(encoding="utf-8"))["story_id"] == w.story_id


def _flood(result) -> dict:  # type: ignore[no-untyped-def]
    dossiers = [json.loads(w.json.read_text(encoding="utf-8")) for w in result.stories]
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
    pages = "".join(w.html.read_text(encoding="utf-8") for w in result.stories)
    assert "alert(&#x27;owned&#x27;)" in pages or "alert('owned')" not in pages
    assert "<script" not in pages.lower() and "<img" not in pages.lower()
    assert "&lt;script&gt;" in pages


def test_run_html_every_citation_lands_on_its_text(report, dead_links) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    for html_path in (w.html for w in result.stories):
        page = html_path.read_text(encoding="utf-8")
        assert 'href="#c-' in page
        assert dead_links(page) == [], html_path.name


def test_run_html_quote_and_caption_citations_land(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    page = next(w.html for w in result.stories if w.story_id == d["story_id"]).read_text(encoding="utf-8")
    quote = d["quotes"][0]["quotes"][0]["citation"]
    anchor = f"c-{quote['article_id']}-{quote['field'].replace(':', '-')}-{quote['start']}-{quote['end']}"
    assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    assert '<p class="caption">Caption: ' in page and 'href="#c-' in page and "-caption-0-" in page


def test_run_html_text_reads_plain_until_a_citation_is_followed(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    page = result.stories[0].html.read_text(encoding="utf-8")
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    # marks carry no colour of their own; a colour is given only to the spans of a :target
    assert ("mark", "background:none;color:inherit") in [(sel.strip(), body) for sel, body in rules]
    lit = [sel for sel, body in rules if "mark" in sel and "background:none" not in body]
    assert lit and all(":target" in sel for sel in lit)


def _names_of_copies(d: dict) -> dict[str, str]:  # type: ignore[type-arg]
    outlet = {s["article_id"]: s["outlet"] for s in d["sources"]}
    return {s["article_id"]: f"{s['role']} of {outlet[s['copy_of']]}" for s in d["sources"] if s["copy_of"]}


def test_run_html_copies_named_for_the_json_copy_of_outlet(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    page = next(w.html for w in result.stories if w.story_id == d["story_id"]).read_text(encoding="utf-8")
    rows = {m.group(2): m.group(1) for m in re.finditer(r'<td>((?:copy|rewrite) of [^<]*)</td><td><a href="#a-(\w+)"',
                                                          page)}
    assert rows and rows == _names_of_copies(d)
    assert set(rows.values()) == {"copy of Nordic Press Agency", "rewrite of Nordic Press Agency"}


def test_run_exclusives_and_matrix_name_each_origin_once(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    page = next(w.html for w in result.stories if w.story_id == d["story_id"]).read_text(encoding="utf-8")
    wire = next(e for e in d["exclusives"] if e["origin"].startswith("wire:"))
    assert wire["name"] == "Nordic Press Agency"
    assert "<h3>Nordic Press Agency, with its copies and rewrites (" in page
    names = [c["name"] for c in d["matrix"]["columns"]]
    # an outlet is one source however many articles it publishes: one column for Esk Valley Radio
    assert len(names) == len(set(names)) and names.count("Esk Valley Radio") == 1 and "Esk Valley Radio (2)" not in names
    assert "<h3>Kessford Daily</h3>" not in page


def test_run_markdown_names_outlets_never_ids_in_the_tables(report) -> None:  # type: ignore[no-untyped-def]
    base, result, _ = report
    d = _flood(result)
    with Prism(db=base / "r.db", settings=Settings.load(SETTINGS)) as prism:
        from newsprism.render.markdown import dossier_markdown

        md = dossier_markdown(prism.dossier(d["story_id"]))
    sources = md.split("## Sources", 1)[1].split("\n## ", 1)[0]
    copies = md.split("## Copies", 1)[1].split("\n## ", 1)[0]
    headings = [line for line in md.splitlines() if line.startswith("### ")]
    for part in (sources, copies, *headings):
        assert not any(s["article_id"] in part for s in d["sources"]), part
        assert "wire:" not in part and "article:" not in part
    assert "copy of Nordic Press Agency" in sources and "1 articles" not in md


def test_run_matrix_cells_cut_at_a_word_with_an_ellipsis(report) -> None:  # type: ignore[no-untyped-def]
    _base, result, _ = report
    d = _flood(result)
    page = next(w.html for w in result.stories if w.story_id == d["story_id"]).read_text(encoding="utf-8")
    table = page.split("<h2>Source &times; claim</h2>", 1)[1].split("</table>", 1)[0]
    cells = [html.unescape(c) for c in re.findall(r"<tr><td>([^<]*)</td>", table)]
    cut = [c for c in cells if c.endswith("\u2026")]
    assert cut and all(len(c) <= 120 and c[-2] != " " for c in cut)
    full = {" ".join(s["text"].split()) for s in d["groups"]}
    for c in cut:  # the cut ends where a word of the full statement ends
        stem = c[:-1]
        assert any(f.startswith(stem) and f[len(stem)] in " ,;:.-" for f in full), c


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
    Prism(db).close()
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
        again = prism.dossier(result.stories[0].story_id)  # from the cache: nothing new is stored
        assert prism.store.conn.execute("SELECT COUNT(*) FROM claim_vectors").fetchone()[0] == stored
        assert again.independent_sources == d["independent_sources"]
