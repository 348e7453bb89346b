"""The store: idempotent ingest, revisions, raw input kept, FTS, migrations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsprism import Prism
from newsprism.errors import InputError, NotFoundError
from newsprism.records import Statement
from newsprism.store import MIGRATIONS, SCHEMA_VERSION, Store

P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")


def write(tmp_path: Path, name: str, obj: dict[str, object]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(obj), encoding="utf-8")
    return str(path)


def test_store_ingesting_twice_adds_nothing(prism: Prism, tmp_path: Path) -> None:
    f = write(tmp_path, "a.json", {"title": "Ferry held", "text": P, "url": "https://x.example/a"})
    first = prism.ingest([f])
    second = prism.ingest([f])
    assert len(first.added) == 1 and second.added == () and second.present == first.added
    assert prism.store.count() == 1


def test_store_changed_article_at_same_url_is_a_revision(prism: Prism, tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", {"title": "Ferry held", "text": P, "url": "https://x.example/a"})
    b = write(tmp_path, "b.json", {"title": "Ferry held", "text": P + " It sailed at noon.",
                                   "url": "https://x.example/a"})
    (first,) = prism.ingest([a]).added
    (second,) = prism.ingest([b]).revised
    assert [s.article_id for s in prism.articles()] == [second]
    assert len(prism.articles(include_superseded=True)) == 2
    newer = prism.article(second)
    assert newer.revision == 2 and newer.revision_of == first
    assert prism.article(first).superseded


def test_store_keeps_raw_input_for_reprocessing(prism: Prism, tmp_path: Path) -> None:
    obj = {"title": "Ferry held", "text": P}
    f = write(tmp_path, "a.json", obj)
    (aid,) = prism.ingest([f]).added
    article = prism.article(aid)
    assert article.raw_id is not None
    assert json.loads(prism.store.raw(article.raw_id)) == obj


def test_store_full_text_search(prism: Prism, tmp_path: Path) -> None:
    f = write(tmp_path, "a.json", {"title": "Ferry held", "text": P})
    g = write(tmp_path, "b.json", {"title": "Budget vote", "text": "The council approved the budget " * 5})
    prism.ingest([f, g])
    assert [a.title for a in prism.search("harbour")] == ["Ferry held"]


def test_store_fts_is_laid_out_for_datasette(db: str, prism: Prism) -> None:
    # Datasette's detect_fts finds a virtual table whose SQL names content="articles".
    sql = sqlite3.connect(db).execute(
        "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert 'content="articles"' in sql and "FTS5" in sql


def test_store_wal_mode_and_schema_version(db: str, prism: Prism) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    names = [r[0] for r in conn.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert names[0] == "0001_articles"


def test_store_reopening_applies_no_migration(db: str, prism: Prism) -> None:
    assert Store(db).migrate() == []


def test_store_round_trips_an_article(prism: Prism, tmp_path: Path) -> None:
    text = f"Ferry held\n\n2025.02.04 18:30:00\n\n{P}\n\nShare this article\n\nBy Kari Holm"
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    (aid,) = prism.ingest([str(f)]).added
    a = prism.article(aid)
    assert a.title == "Ferry held" and a.byline == ("Kari Holm",) and a.paragraphs == (P,)
    assert [r.reason for r in a.removals] == ["title", "dateline", "boilerplate", "byline"]
    assert a.published is not None and a.published.isoformat() == "2025-02-04T18:30:00+00:00"
    s, e = a.offsets.span_to_source(0, len(P))
    assert a.source_text[s:e] == P


def test_store_round_trips_the_main_event_with_its_rules(prism: Prism, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from newsprism.records import Analysis, Event, EventPart

    (aid,) = prism.ingest([write(tmp_path, "a.json", {"title": "Ferry held", "text": P})]).added
    event = Event(aid, who=EventPart("The harbour master", 0, 18, "body", "subject"),
                  where=EventPart("Skelby", 22, 28, "body", "place phrase in the lead"), when_value="2025-02-04")
    prism.store.add_analysis(Analysis(aid, "test", (), (), (), (), (), event), datetime.now(UTC))
    stored = prism.store.analysis(aid)
    assert stored is not None and stored.event == event
    assert stored.event.where is not None and stored.event.where.rule == "place phrase in the lead"
    # a row written before answers had rules reads with an empty rule
    prism.store.conn.execute("UPDATE analyses SET event = json_remove(event, '$.where.rule') WHERE article_id = ?",
                             (aid,))
    older = prism.store.analysis(aid)
    assert older is not None and older.event.where is not None
    assert (older.event.where.text, older.event.where.rule) == ("Skelby", "")


def test_store_article_by_id_or_unique_prefix(prism: Prism, tmp_path: Path) -> None:
    ids = []
    for n in range(12):
        r = prism.ingest([write(tmp_path, f"a{n}.json", {"title": f"Ferry {n} sails",
                                                         "text": f"The ferry number {n} sailed on time today."})])
        ids.extend(r.added)
    store = prism.store
    assert {a.article_id for a in store.articles_by_id([*ids[:3], "nosuch"])} == set(ids[:3])
    for aid in ids:
        assert store.article(aid).article_id == aid
        unique = next(aid[:k] for k in range(1, 17) if sum(i.startswith(aid[:k]) for i in ids) == 1)
        assert store.article(unique).article_id == aid
    shared = next(i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1)
    with pytest.raises(NotFoundError, match="ambiguous"):
        store.article(shared)
    with pytest.raises(NotFoundError, match="no article 'zz'"):
        store.article("zz")


def test_store_version_changes_with_articles_analyses_and_stories(prism: Prism, tmp_path: Path) -> None:
    v0 = prism.version()
    prism.ingest([write(tmp_path, "a.json", {"title": "Ferry sails", "text": "The ferry sailed on time today."})])
    v1 = prism.version()
    assert v1.articles != v0.articles and v1.stories == v0.stories and v1.updated
    prism.update_stories()
    v2 = prism.version()
    assert v2.stories != v1.stories and v2.articles == v1.articles


class _WritesAFile:
    """A crafted pickle payload: unpickling it would call pathlib's write_text."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (self.path.write_text, ("pwned",))


def test_store_cached_dossier_round_trips_records_and_refuses_other_pickles(prism: Prism, tmp_path: Path) -> None:
    import pickle
    from datetime import UTC, datetime

    from newsprism.records import Problem, TimeZoneNote

    store = prism.store
    value = (Problem("a.txt", "bad"), TimeZoneNote("Europe/Oslo", True, "outlet"), datetime(2025, 2, 4, tzinfo=UTC))
    store.cache_dossier("s1", "k1", value)
    assert store.cached_dossier("s1", "k1") == value
    assert store.cached_dossier("s1", "other") is None
    target = tmp_path / "written.txt"
    store.conn.execute("INSERT OR REPLACE INTO dossiers (story_id, fingerprint, dossier) VALUES (?, ?, ?)",
                       ("s2", "k2", pickle.dumps(_WritesAFile(target))))
    assert store.cached_dossier("s2", "k2") is None  # counts as no cache: the story is rebuilt
    assert not target.exists()


def test_store_claim_search_replaces_a_storys_groups(prism: Prism) -> None:
    store = prism.store
    store.index_claims("s1", [Statement("The ferry was held at the harbour wall.", (), "agreed", 3, "g1"),
                              Statement("Twelve passengers were aboard.", (), "conflict", 2, "g2")])
    store.index_claims("s2", [Statement("The council approved the harbour budget.", (), "single", 1, "g9")])
    assert {(h.story_id, h.group_id) for h in store.search_claims("harbour")} == {("s1", "g1"), ("s2", "g9")}
    hit = store.search_claims("passengers")[0]
    assert (hit.story_id, hit.group_id, hit.status, hit.sources) == ("s1", "g2", "conflict", 2)
    store.index_claims("s1", [Statement("The ferry sailed at noon.", (), "single", 1, "g3")])  # the dossier was rebuilt
    assert store.search_claims("passengers") == []
    assert [h.group_id for h in store.search_claims("ferry")] == ["g3"]
    with pytest.raises(InputError):
        prism.search_claims('"unbalanced')


def test_store_claim_search_migration_empties_the_dossier_cache(db: str, prism: Prism) -> None:
    # A store from before 0006: its cached dossiers were never indexed, so they are dropped and rebuilt.
    prism.store.cache_dossier("s1", "k1", ("a dossier",))
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DROP TABLE claims_fts")
        conn.execute("DELETE FROM migrations WHERE name = '0006_claim_search'")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    prism.close()
    store = Store(db)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.cached_dossier("s1", "k1") is None
    assert store.search_claims("dossier") == []
    store.close()


def test_store_dossier_line_round_trips_and_is_none_when_missing_or_unreadable(prism: Prism) -> None:
    from newsprism.records import DossierLine

    store = prism.store
    line = DossierLine("Ferry held at the harbour \u2013 \"wall\"", 3, 2, 1, "2025-02-04")
    store.cache_dossier("s1", "k1", ("a dossier",), line)
    assert store.dossier_line("s1", "k1") == line
    assert store.dossier_line("s1", "other") is None  # another fingerprint: the story changed
    store.cache_dossier("s2", "k2", ("a dossier",))  # no line given
    assert store.dossier_line("s2", "k2") is None
    store.set_dossier_line("s2", "k2", DossierLine("Undated", 1, 1, 0, None))
    assert store.dossier_line("s2", "k2") == DossierLine("Undated", 1, 1, 0, None)
    store.conn.execute("UPDATE dossiers SET line = '{\"headline\": 1' WHERE story_id = 's1'")
    assert store.dossier_line("s1", "k1") is None  # unreadable: the dossier is read instead
    assert store.cached_dossier("s1", "k1") == ("a dossier",)


def test_store_dossier_lines_migration_keeps_the_cached_dossiers(db: str, prism: Prism) -> None:
    # A store from before 0007: its dossiers stay cached, without lines (read from the dossier, then kept).
    prism.store.cache_dossier("s1", "k1", ("a dossier",))
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("ALTER TABLE dossiers DROP COLUMN line")
        conn.execute("DELETE FROM migrations WHERE name = '0007_dossier_lines'")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    prism.close()
    store = Store(db)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.cached_dossier("s1", "k1") == ("a dossier",)
    assert store.dossier_line("s1", "k1") is None


