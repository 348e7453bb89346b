"""api.Prism: the read methods write nothing; the writers store what they compute."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _support import SETTINGS, STREAM_START
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


#: Prism's public methods that write to the store (refused on a read-only one); every other one reads.
WRITERS = frozenset({"ingest", "analyse", "run", "update_copies", "update_stories", "update_dossier", "close"})


def _reads(prism: Prism, story_id: str, article_id: str) -> dict[str, Callable[[], Any]]:
    """A call of every public read method of ``prism``."""
    return {
        "articles": prism.articles, "article": lambda: prism.article(article_id[:8]),
        "search": lambda: prism.search("ferry"), "search_claims": lambda: prism.search_claims("ferry"),
        "version": prism.version, "ingest_report": prism.ingest_report,
        "analysis": lambda: prism.analysis(article_id), "entities": prism.entities,
        "entity": lambda: prism.entity("varnholm"), "copies": prism.copies, "stories": prism.stories,
        "story": lambda: prism.story(story_id[:7]), "story_job": lambda: prism.story_job(story_id),
        "dossier": lambda: prism.dossier(story_id), "claim_embedder": lambda: callable(prism.claim_embedder()),
    }


def _outcome(call: Callable[[], Any]) -> object:
    try:
        return call()
    except NotFoundError as exc:  # an unanalysed article, an unknown entity: a reader's answer too
        return str(exc)


def test_api_every_read_method_works_on_a_read_only_store_and_writes_nothing(filled: Prism, db: str) -> None:
    # copies and stories not stored yet, nothing analysed: the reads compute what they need in memory
    sid, aid = filled.stories()[0].story_id, filled.articles()[0].article_id
    public = {name for name, value in vars(Prism).items() if callable(value) and not name.startswith("_")}
    reads = _reads(filled, sid, aid)
    assert public == set(reads) | WRITERS  # a new public method is listed as a read or a writer
    changes = filled.store.conn.total_changes
    writer = {name: _outcome(call) for name, call in reads.items()}
    assert filled.store.conn.total_changes == changes  # not one row written
    assert "have not been analysed" in str(writer["dossier"]) and "no entity" in str(writer["entity"])
    with Prism(db=db, readonly=True) as reader:  # SQLite refuses any write on this connection
        assert {name: _outcome(call) for name, call in _reads(reader, sid, aid).items()} == writer


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
