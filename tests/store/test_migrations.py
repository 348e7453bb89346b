"""store.migrations: the schema, its named migrations and what they keep."""

from __future__ import annotations

import sqlite3

from newsprism import Prism
from newsprism.store import MIGRATIONS, SCHEMA_VERSION, Store


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
