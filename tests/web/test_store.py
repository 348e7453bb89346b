"""web.store: the web face's read-only view of the store, live across writers."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from _support import DEMO, error_shape
from newsprism import Prism, Settings
from newsprism.web import create_app


def test_web_dossier_is_read_from_the_store_not_recomputed(client: TestClient, web_db: str, story_id: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The run stored every dossier; a server started with other settings (here none, the run had
    # examples/newsprism.toml) reads it back: aligning claims again would fail.
    expected = client.get(f"/api/stories/{story_id}/dossier").json()

    def no_alignment(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the server recomputed a dossier the run had stored")

    monkeypatch.setattr("newsprism.claims.align", no_alignment)
    with TestClient(create_app(Settings(db=web_db))) as fresh:
        assert fresh.get(f"/api/stories/{story_id}/dossier").json() == expected
        assert fresh.get(f"/stories/{story_id}").status_code == 200


def _digest(db: str) -> str:
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        p = Path(db + suffix)
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_web_reading_writes_nothing(client: TestClient, story_id: str, web_db: str) -> None:
    client.get("/")  # the thread's connection is open and the store migrated
    before = _digest(web_db)
    for url in ["/", f"/stories/{story_id}", "/api/stories", f"/api/stories/{story_id}/dossier", "/articles",
                "/entities", "/search?q=spillway", "/api/search?q=dam"]:
        assert client.get(url).status_code == 200
    assert _digest(web_db) == before


def test_web_new_stories_show_without_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "live.db")
    with Prism(db=db) as writer:
        writer.ingest([str(DEMO / "wire-nordpress.txt")])
        with TestClient(create_app(Settings(db=db))) as c:
            assert c.get("/api/stories").json() == []  # ingested, stories not computed yet
            assert "No stories yet" in c.get("/").text
            writer.update_stories()
            stories = c.get("/api/stories").json()
            assert len(stories) == 1 and stories[0]["size"] == 1
            writer.ingest([str(DEMO)])
            writer.update_stories()
            stories = c.get("/api/stories").json()
            assert sum(s["size"] for s in stories) == 8
            n = len(stories)
            assert f"{n} {'story' if n == 1 else 'stories'} of 8 articles." in c.get("/").text


def test_web_unanalysed_story_has_no_dossier_yet(tmp_path: Path) -> None:
    db = str(tmp_path / "plain.db")
    with Prism(db=db) as writer:
        writer.ingest([str(DEMO)])
        writer.update_stories()  # stored, but not analysed
        sid = writer.stories()[0].story_id
    with TestClient(create_app(Settings(db=db))) as c:
        body = error_shape(c.get(f"/api/stories/{sid}/dossier"), 409)
        assert "not analysed" in body["error"] and "newsprism analyse" in body["error"]
        page = c.get(f"/stories/{sid}")
        assert page.status_code == 200 and "not analysed" in page.text
        assert "not analysed" in c.get(f"/stories/{sid}/counts").text
