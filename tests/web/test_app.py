"""The web face (`newsprism serve`): every API route, every error, the pages,
and the security rules (escaping, CSP, body limit, token, read-only)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from _parses import cached_model
from _support import ROOT, TOKEN, error_shape
from newsprism import Prism, Settings
from newsprism.web import create_app


def _lines(result: Any) -> list[Any]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# ------------------------------------------------------------ the API gives the CLI's JSON


def test_web_api_stories_same_as_cli(client: TestClient, cli: Callable[..., Any], web_db: str) -> None:
    assert client.get("/api/stories").json() == _lines(cli("stories", "--db", web_db, "--json"))


def test_web_api_story_and_dossier_same_as_cli(client: TestClient, cli: Callable[..., Any], web_db: str,
                                               story_id: str) -> None:
    story = cli("story", story_id, "--db", web_db, "--json")
    assert client.get(f"/api/stories/{story_id}").json() == json.loads(story.stdout)
    dossier = cli("dossier", story_id, "--db", web_db, "--format", "json")
    assert client.get(f"/api/stories/{story_id}/dossier").json() == json.loads(dossier.stdout)


def test_web_api_articles_same_as_cli(client: TestClient, cli: Callable[..., Any], web_db: str) -> None:
    rows = client.get("/api/articles").json()
    assert rows == _lines(cli("articles", "--db", web_db, "--json"))
    assert client.get("/api/articles?limit=2&offset=1").json() == rows[1:3]
    one = client.get(f"/api/articles/{rows[0]['id']}").json()
    assert one == json.loads(cli("show", rows[0]["id"], "--db", web_db, "--json").stdout)
    assert "entities" in one and "quotes" in one


def test_web_api_entities_same_as_cli(client: TestClient, cli: Callable[..., Any], web_db: str,
                                      story_id: str) -> None:
    rows = client.get("/api/entities?limit=1000").json()
    assert rows == _lines(cli("entities", "--db", web_db, "--json"))
    assert client.get(f"/api/entities/{rows[0]['id']}").json() == rows[0]
    of_story = client.get(f"/api/entities?story={story_id}&limit=1000").json()
    assert of_story == _lines(cli("entities", "--db", web_db, "--story", story_id, "--json"))


def test_web_api_search_finds_articles_stories_and_entities(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "spillway"}).json()
    assert found["query"] == "spillway" and found["articles"] and found["stories"]
    assert all("spillway" in (a["title"] or "").lower() or a["id"] for a in found["articles"])
    assert any(e["name"] == "Varnholm" for e in client.get("/api/search", params={"q": "varnholm"}).json()["entities"])


def _claim_word(client: TestClient, story_id: str) -> tuple[str, str]:
    """A claim group's text in the stored dossier, and a long word of it."""
    rows = client.get(f"/api/stories/{story_id}/dossier").json()["groups"]
    text = next(g["text"] for g in rows if any(len(w) > 6 and w.isalpha() for w in g["text"].split()))
    return text, max((w for w in text.split() if w.isalpha()), key=len)


def test_web_api_search_finds_claim_groups(client: TestClient, story_id: str) -> None:
    text, word = _claim_word(client, story_id)
    found = client.get("/api/search", params={"q": word, "limit": 1000}).json()
    hits = [c for c in found["claims"] if c["text"] == text]
    assert hits and hits[0]["story_id"] == story_id and hits[0]["group_id"] and hits[0]["sources"] >= 1
    assert all(word.lower() in c["text"].lower() for c in found["claims"])
    assert client.get("/api/search", params={"q": "zzqxnotaword"}).json()["claims"] == []


def test_web_search_page_lists_claims(client: TestClient, story_id: str) -> None:
    text, word = _claim_word(client, story_id)
    html = client.get("/search", params={"q": word}).text
    listed = html.split('class="results claims-found"')[1].split("</ul>")[0]
    assert f'href="/stories/{story_id}"' in listed and str(escape(text)) in listed


def test_web_api_story_filters(client: TestClient, story_id: str) -> None:
    everything = client.get("/api/stories").json()
    big = next(s for s in everything if s["id"] == story_id)
    assert [s["id"] for s in client.get("/api/stories", params={"outlet": big["outlets"][0]}).json()] == [story_id]
    assert client.get("/api/stories", params={"outlet": "No Such Outlet"}).json() == []
    assert client.get("/api/stories", params={"from": "2030-01-01"}).json() == []
    assert client.get("/api/stories", params={"to": "1990-01-01"}).json() == []
    assert story_id in [s["id"] for s in client.get("/api/stories", params={"from": big["first_published"][:10]}).json()]
    assert story_id in [s["id"] for s in client.get("/api/stories", params={"q": "spillway"}).json()]
    assert client.get("/api/stories", params={"q": "zeppelin"}).json() == []
    entity = client.get("/api/entities").json()[0]["id"]
    assert story_id in [s["id"] for s in client.get("/api/stories", params={"entity": entity}).json()]


def test_web_api_version_and_openapi(client: TestClient) -> None:
    v = client.get("/api/version").json()
    assert set(v) == {"articles", "analyses", "stories", "updated"} and v["updated"]
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/dossier", "/api/articles",
            "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}", "/api/search"} <= paths
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "GET /api/search" in docs.text and "/openapi.json" in docs.text


# ------------------------------------------------------------ errors: one shape


@pytest.mark.parametrize(("url", "status"), [
    ("/api/stories/nosuchstory", 404),
    ("/api/stories/nosuchstory/dossier", 404),
    ("/api/articles/nosucharticle", 404),
    ("/api/entities/person:nobody", 404),
    ("/api/nothing-here", 404),
    ("/api/stories?limit=0", 400),
    ("/api/stories?limit=abc", 400),
    ("/api/stories?from=yesterday", 400),
    ("/api/stories?entity=person:nobody", 404),
    ("/api/search", 400),
    ("/api/search?q=", 400),
    ("/api/search?q=%20%20", 400),
], ids=["story", "dossier", "article", "entity", "route", "limit-0", "limit-text", "bad-date", "bad-entity",
        "no-query", "empty-query", "blank-query"])
def test_web_api_errors_have_one_shape(client: TestClient, url: str, status: int) -> None:
    error_shape(client.get(url), status)


def test_web_api_error_message_names_what_is_missing(client: TestClient) -> None:
    body = error_shape(client.get("/api/articles/nosucharticle"), 404)
    assert "no article 'nosucharticle'" in body["error"]


def test_web_api_method_not_allowed(client: TestClient) -> None:
    error_shape(client.delete("/api/stories"), 405)


@pytest.mark.parametrize("q", ['"', '"unbalanced', "*", "NEAR(", "NEAR(dam", "dam AND", "OR", "title:", "nocol:dam",
                               "dam*", '"spillway gate"', "NEAR(spillway gate, 5)", "(", ")", "^", "-dam", "dam's"],
                         ids=lambda q: q)
def test_web_search_fts_syntax_never_500(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 400:
        assert "not a valid full-text query" in error_shape(r, 400)["error"]
    page = client.get("/search", params={"q": q})
    assert page.status_code in (200, 400)
    filtered = client.get("/", params={"q": q})
    assert filtered.status_code in (200, 400)


def test_web_search_prefix_and_phrase_answer(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "spill*"}).json()["articles"]
    assert client.get("/api/search", params={"q": '"spillway gate"'}).json()["articles"]


def test_web_page_errors_are_html_with_status(client: TestClient) -> None:
    r = client.get("/stories/nosuchstory")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "no story" in r.text


# ------------------------------------------------------------ ingest over HTTP


def _article(n: int) -> dict[str, Any]:
    return {"newsprism": 1, "url": f"https://www.example.com/web-test/{n}", "outlet": "The Test Courier",
            "title": f"Ferry number {n} resumes service on the Esk", "published": "2025-04-01T10:00:00+02:00",
            "paragraphs": [f"The ferry number {n} resumed its crossings of the Esk on Tuesday after repairs to "
                           "its ramp, the harbour master said. Passengers waited for an hour in the rain."]}


def test_web_ingest_off_without_token(web_db: str, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=web_db))) as c:
        body = error_shape(c.post("/api/articles", json=_article(1)), 403)
    assert "NEWSPRISM_TOKEN" in body["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0LXRva2Vu", "Bearer", TOKEN],
                         ids=["none", "wrong", "basic", "empty", "no-scheme"])
def test_web_ingest_needs_the_bearer_token(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = client.post("/api/articles", json=_article(2), headers=headers)
    error_shape(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_web_ingest_adds_then_finds_present(tmp_path: Path) -> None:
    db = str(tmp_path / "ingest.db")
    Prism(db=db).close()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(Settings(db=db), token=TOKEN)) as c:
        r = c.post("/api/articles", json=[_article(3), _article(4)], headers=auth)
        assert r.status_code == 201 and len(r.json()["added"]) == 2 and r.json()["ok"] is True
        again = c.post("/api/articles", json=_article(3), headers=auth)
        assert again.status_code == 200 and again.json()["present"] == [r.json()["added"][0]]
        assert [a["title"] for a in c.get("/api/articles").json()] == [_article(3)["title"], _article(4)["title"]]
        error_shape(c.post("/api/articles", content=b"{not json", headers=auth), 400)
        error_shape(c.post("/api/articles", json={"url": "https://x.example/"}, headers=auth), 400)


def test_web_body_size_limit(client: TestClient) -> None:
    big = json.dumps({**_article(5), "paragraphs": ["word " * 20000]}).encode()
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    assert error_shape(client.post("/api/articles", content=big, headers=auth), 413)["error"] == \
        "request body over 65536 bytes"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what streams in
        for i in range(0, len(big), 8192):
            yield big[i:i + 8192]

    error_shape(client.post("/api/articles", content=chunks(), headers=auth), 413)


# ------------------------------------------------------------ pages, escaping, headers


def test_web_pages_render(client: TestClient, story_id: str) -> None:
    article = client.get("/api/articles").json()[0]["id"]
    entity = client.get("/api/entities").json()[0]["id"]
    for url in ["/", "/?page=1", f"/stories/{story_id}", f"/stories/{story_id}/counts", "/articles",
                f"/articles/{article}", f"/articles/{article}?field=body&start=0&end=20", "/entities",
                f"/entities/{entity}", "/search?q=spillway", "/docs", "/fragments/updated"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])


def test_web_dossier_page_shows_dossier_sections(client: TestClient, story_id: str) -> None:
    html = client.get(f"/stories/{story_id}").text
    for heading in ("What happened", "Where sources disagree", "Sources", "Source × claim", "Copy tree"):
        assert heading in html
    assert 'class="cite"' in html and 'hx-target="#reader"' in html


def test_web_article_page_marks_the_cited_span(client: TestClient) -> None:
    a = client.get(f"/api/articles/{client.get('/api/articles').json()[0]['id']}").json()
    text = "\n\n".join(a["paragraphs"])
    start, end = 0, text.index(" ", 20)
    html = client.get(f"/articles/{a['id']}", params={"field": "body", "start": start, "end": end}).text
    assert f'<mark class="cited" id="cited">{text[start:end]}</mark>' in html


def test_web_security_headers_on_every_response(client: TestClient, story_id: str) -> None:
    for url in ["/", f"/stories/{story_id}", "/api/stories", "/api/nothing", "/static/htmx.min.js", "/docs"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_web_pages_have_no_inline_script(client: TestClient, story_id: str) -> None:
    for url in ["/", f"/stories/{story_id}", "/docs", "/search?q=dam", *_hostile_pages(client)]:
        html = client.get(url).text
        tags = _Tags()
        tags.feed(html)
        assert all(dict(attrs).get("src", "").startswith("/static/") for tag, attrs in tags.seen if tag == "script")
        assert not [(tag, name) for tag, attrs in tags.seen for name, _v in attrs if name.startswith("on")], url
        assert not [tag for tag, attrs in tags.seen if "style" in dict(attrs) or tag in ("style", "iframe", "svg")]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


def _hostile_pages(client: TestClient) -> list[str]:
    ids = [a["id"] for a in client.get("/api/articles").json() if "Tormund Dam flood page defaced" in (a["title"] or "")
           or "fake flood page" in (a["title"] or "")]
    assert len(ids) == 2
    story = client.get("/api/search", params={"q": "prankster"}).json()["stories"][0]["id"]
    return [f"/articles/{i}" for i in ids] + [f"/stories/{story}", "/", "/articles", "/search?q=prankster",
                                             "/?q=prankster"]


def test_web_hostile_markup_is_escaped(client: TestClient) -> None:
    for url in _hostile_pages(client):
        html = client.get(url).text
        for raw in ("<script>alert", "<script>document", "<img src=x", "<svg onload", "<iframe", "<b>Daily</b>",
                    "<script src=https://evil"):
            assert raw not in html, (url, raw)
        assert 'href="javascript:' not in html.lower()


def test_web_links_only_for_http_urls(client: TestClient) -> None:
    html = client.get(_hostile_pages(client)[0]).text
    assert "javascript:alert(document.domain)" in html  # shown as text
    assert not re.search(r'href="\s*javascript:', html, re.I)


# ------------------------------------------------------------ the store: read-only, live


def test_web_refuses_a_missing_store(tmp_path: Path, cli: Callable[..., Any]) -> None:
    result = cli("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'none.db'}: no store there; create one with `newsprism ingest --db " \
                            f"{tmp_path / 'none.db'} ...`\n"
    assert not (tmp_path / "none.db").exists()


def test_web_serve_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch, db: str,
                                             cli: Callable[..., Any]) -> None:
    import uvicorn

    Prism(db=db).close()
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    assert cli("serve", "--db", db).exit_code == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000


@pytest.mark.parametrize(("host", "status"), [("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200),
                                              ("localhost", 200), ("evil.example", 400), ("evil.example:8000", 400),
                                              ("127.0.0.1.evil.example", 400)], ids=lambda v: str(v))
def test_web_loopback_server_answers_only_local_names(web_db: str, host: str, status: int) -> None:
    from newsprism.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(Settings(db=web_db), allowed_hosts=LOOPBACK_HOSTS)) as c:
        r = c.get("/api/version", headers={"Host": host})
    assert r.status_code == status
    if status == 400:
        assert error_shape(r, 400)["error"] == f"host {host!r} is not served here; use http://127.0.0.1"


def test_web_static_htmx_is_vendored() -> None:
    static = ROOT / "src" / "newsprism" / "web" / "static"
    assert (static / "htmx.min.js").stat().st_size > 10_000 and "Zero-Clause BSD" in (static / "htmx.LICENSE").read_text()


def test_web_dossier_names_sources_as_every_renderer_does(client: TestClient, story_id: str) -> None:
    from html import unescape

    d = client.get(f"/api/stories/{story_id}/dossier").json()
    html = client.get(f"/stories/{story_id}").text
    heads = re.search(r'<table class="matrix sortable"><thead><tr>(.*?)</tr>', html, re.S)
    assert heads is not None
    cells = re.findall(r'<th data-sort="mark">(.*?)</th>', heads.group(1))
    assert "<" not in "".join(cells)  # every name escaped
    assert [unescape(c) for c in cells] == [c["name"] for c in d["matrix"]["columns"]]


def test_web_run_serve_serves_after_the_run(monkeypatch: pytest.MonkeyPatch, web_db: str, tmp_path: Path,
                                            cli: Callable[..., Any]) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    import shutil

    db = tmp_path / "copy.db"
    with Prism(db=web_db) as p:  # everything in the main file
        p.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(web_db, db)
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "ferry.json").write_text(json.dumps(_article(9)), encoding="utf-8")
    with cached_model():  # the new article's parse, from tests/data/parses.spacy
        result = cli("run", str(tmp_path / "new"), "--db", str(db), "--out", str(tmp_path / "out"), "--serve",
                     "--port", "8123", "-q")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "index.html").exists()
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    with TestClient(seen["app"]) as c:
        assert c.get("/api/stories", headers={"Host": "127.0.0.1:8123"}).json()
