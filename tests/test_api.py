"""api.Prism: the read methods write nothing; the writers store what they compute."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from _support import SETTINGS, STREAM_START, needs_model
from newsprism import Prism, Settings
from newsprism.errors import NotFoundError


def test_api_read_methods_compute_in_memory_and_write_nothing(prism: Prism, demo: Path) -> None:
    prism.ingest([str(demo)])
    before = prism.version()
    listed = prism.stories()
    detail = prism.story(listed[0].story_id)
    copies = prism.copies()
    assert prism.version() == before  # neither copies nor stories were stored
    assert prism.store.stories().memberships == () and prism.store.copies().groups == ()
    prism.update_stories()
    assert prism.version().stories != before.stories
    assert prism.stories() == listed and prism.story(listed[0].story_id) == detail and prism.copies() == copies


def _rows(prism: Prism, table: str) -> int:
    return int(prism.store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_api_dossier_of_unanalysed_articles_raises_and_writes_nothing(prism: Prism, demo: Path) -> None:
    prism.ingest([str(demo)])
    prism.update_stories()
    sid = prism.stories()[0].story_id
    before = prism.version()
    with pytest.raises(NotFoundError, match=rf"articles of story {sid} have not been analysed; run `newsprism "
                                             r"analyse` \(or `newsprism run`\) first"):
        prism.dossier(sid)
    assert prism.version() == before and _rows(prism, "analyses") == 0  # nothing analysed on the way


@needs_model
def test_api_dossier_builds_in_memory_and_update_dossier_stores(web_db: str, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    shutil.copy(web_db, db)
    with Prism(db=db, settings=Settings.load(SETTINGS).replace(embeddings=True)) as prism:
        prism.store.conn.executescript("DELETE FROM dossiers; DELETE FROM claims_fts; DELETE FROM claim_vectors;")
        sid = max(prism.stories(), key=lambda s: s.size).story_id
        built = prism.dossier(sid)
        assert (_rows(prism, "dossiers"), _rows(prism, "claims_fts"), _rows(prism, "claim_vectors")) == (0, 0, 0)
        stored = prism.update_dossier(sid)
        assert stored == built and _rows(prism, "dossiers") == 1
        assert _rows(prism, "claims_fts") == len(built.groups) and _rows(prism, "claim_vectors") > 0
        word = re.findall(r"[A-Za-z]{4,}", built.summary[0].text)[0]
        assert any(hit.story_id == sid for hit in prism.store.search_claims(word))
        assert prism.dossier(sid) == built  # read back from the store


def test_api_stories_lists_stories(filled: Prism) -> None:
    rows = filled.stories()
    assert sorted(r.size for r in rows) == [2, 3, 4]
    ferry = next(r for r in rows if r.size == 4)
    assert "Aurora Vale" in (ferry.title or "")
    assert ferry.independent_sources == 4
    assert ferry.first is not None and ferry.last is not None and ferry.first < ferry.last


def test_api_stories_reads_the_stories_table(db: str, story_stream) -> None:
    with Prism(settings=Settings(db=db, stories={"threshold": 1.1, "revive_threshold": 1.1})) as strict:
        arts, _ = story_stream()
        with strict.store.atomic():
            for a in arts:
                strict.store.add_article(a, STREAM_START)
        assert len(strict.stories()) == len(arts)  # nothing clears a cosine above 1: every article alone


def test_api_stories_update_is_incremental(filled: Prism, stream_article) -> None:
    before = {r.story_id: r.article_ids for r in filled.stories()}
    extra = stream_article("Aurora Vale ferry refloated at Skelby by Arnhal tugs",
                           "Tugs from Arnhal refloated the grounded ferry Aurora Vale off Skelby at high tide; "
                           "the coastguard said the hull was intact.", 30)
    filled.store.add_article(extra, STREAM_START)
    after = {r.story_id: r.article_ids for r in filled.stories()}
    assert set(after) == set(before)
    grown = [sid for sid in after if len(after[sid]) == len(before[sid]) + 1]
    assert len(grown) == 1 and extra.article_id in after[grown[0]]


def test_api_stories_story_by_prefix(filled: Prism) -> None:
    sid = filled.stories()[0].story_id
    detail = filled.story(sid[:7])
    assert detail.summary.story_id == sid
    assert len(detail.articles) == detail.summary.size == len(detail.origins)
