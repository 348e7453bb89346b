"""The store's schema: named migrations, applied in order; a store records which it has."""

from __future__ import annotations

import sqlite3

#: Named migrations, applied in order; a store records which it has.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles",
        """
        CREATE TABLE raw_inputs (
            raw_id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL          -- zlib-compressed bytes as read
        );
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL UNIQUE,
            url TEXT,
            outlet TEXT,
            outlet_evidence TEXT,
            title TEXT,
            byline TEXT NOT NULL,       -- JSON list
            credit TEXT,
            published TEXT,             -- ISO 8601 with offset
            updated TEXT,
            time_zone TEXT,             -- JSON {zone, inferred, reason}
            language TEXT,
            body TEXT NOT NULL,         -- paragraphs joined by blank lines
            paragraphs TEXT NOT NULL,   -- JSON list
            captions TEXT NOT NULL,     -- JSON list of {text, start, end}
            flags TEXT NOT NULL,        -- JSON list
            description TEXT,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            raw_id TEXT REFERENCES raw_inputs(raw_id),
            item INTEGER,
            source_text TEXT NOT NULL,
            offsets TEXT NOT NULL,      -- JSON [[clean, source], ...]
            revision_of TEXT,
            revision INTEGER NOT NULL DEFAULT 1,
            superseded INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE removals (
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            seq INTEGER NOT NULL,
            reason TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            detail TEXT,
            PRIMARY KEY (article_id, seq)
        );
        CREATE INDEX removals_reason ON removals(reason);
        CREATE VIRTUAL TABLE articles_fts USING FTS5 (
            title, body, content="articles", content_rowid="rowid"
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body)
            VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body)
            VALUES (new.rowid, new.title, new.body);
        END;
        """,
    ),
    (
        "0002_copies_stories",
        """
        CREATE TABLE copy_links (
            source TEXT NOT NULL REFERENCES articles(article_id),  -- the likelier original
            target TEXT NOT NULL REFERENCES articles(article_id),
            kind TEXT NOT NULL,             -- identical | copy | rewrite
            jaccard REAL NOT NULL,
            containment REAL NOT NULL,      -- shared / shingles of the shorter text
            shared INTEGER NOT NULL,        -- shared shingles
            PRIMARY KEY (source, target)
        );
        CREATE INDEX copy_links_target ON copy_links(target);
        CREATE TABLE copy_groups (
            group_id TEXT PRIMARY KEY,
            origin TEXT NOT NULL REFERENCES articles(article_id),
            wire TEXT,
            reason TEXT NOT NULL,
            article_ids TEXT NOT NULL       -- JSON list, origin first
        );
        CREATE TABLE wire_credits (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            wire TEXT NOT NULL
        );
        CREATE TABLE story_members (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            story_id TEXT NOT NULL,
            how TEXT NOT NULL,              -- opened | joined | revived | copy
            similarity REAL NOT NULL,
            seq INTEGER NOT NULL            -- order of assignment
        );
        CREATE INDEX story_members_story ON story_members(story_id);
        CREATE TABLE story_merges (
            merged TEXT PRIMARY KEY,        -- a story id that lives on in ``into_story``
            into_story TEXT NOT NULL,
            article_id TEXT NOT NULL,       -- the bridging article
            similarity REAL NOT NULL,
            seq INTEGER NOT NULL
        );
        CREATE TABLE derived_state (
            name TEXT PRIMARY KEY,          -- copies | stories
            articles TEXT NOT NULL          -- fingerprint of the articles it was computed over
        );
        """,
    ),
    (
        "0003_analysis",
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            model TEXT NOT NULL,            -- spaCy pipeline and version
            analysed_at TEXT NOT NULL,
            sentences TEXT NOT NULL,        -- JSON [[start, end], ...] into the body
            event TEXT NOT NULL,            -- JSON {who, what, when, where, when_value}
            quotes TEXT NOT NULL,           -- JSON list of Quote fields
            quantities TEXT NOT NULL,       -- JSON list of Quantity fields
            times TEXT NOT NULL             -- JSON list of TimeExpression fields
        );
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            seq INTEGER NOT NULL,
            field TEXT NOT NULL,            -- body | title | caption:N
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            kind TEXT NOT NULL,             -- name | description
            pack_id TEXT,
            metonymic INTEGER NOT NULL,
            entity_id TEXT,
            stands_for TEXT,
            PRIMARY KEY (article_id, seq)
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE entities (
            entity_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            label TEXT NOT NULL,
            variants TEXT NOT NULL,         -- JSON list, commonest first
            mentions INTEGER NOT NULL,
            articles TEXT NOT NULL,         -- JSON list of article ids
            relations TEXT NOT NULL,        -- JSON [{kind, target}]
            nato_name TEXT,
            source TEXT NOT NULL            -- pack | text
        );
        CREATE INDEX entities_label ON entities(label);
        """,
    ),
    (
        "0004_claim_vectors",
        """
        CREATE TABLE claim_vectors (        -- sentence embeddings of claims, a cache
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            field TEXT NOT NULL,            -- body | title | caption:N
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,           -- float16, little-endian
            PRIMARY KEY (article_id, field, start, "end", model)
        );
        """,
    ),
    (
        "0005_incremental_runs",
        """
        CREATE INDEX articles_raw ON articles(raw_id);
        CREATE TABLE dossiers (             -- built dossiers, a cache: rebuilt when their inputs change
            story_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,      -- hash of the story's articles, analyses, entities and copies
            dossier BLOB NOT NULL           -- the Dossier record, pickled
        );
        """,
    ),
    (
        "0006_claim_search",
        """
        CREATE VIRTUAL TABLE claims_fts USING FTS5 (  -- the claim groups of stored dossiers, for search
            text,                           -- the group's representative claim
            story_id UNINDEXED, group_id UNINDEXED,
            status UNINDEXED,               -- agreed | single | conflict | more-specific | ...
            sources UNINDEXED               -- independent origins
        );
        DELETE FROM dossiers;               -- a cache: rebuilt (and so indexed) by the next writer
        """,
    ),
    (
        "0007_dossier_lines",
        """
        ALTER TABLE dossiers ADD COLUMN line TEXT;  -- the index's line of the dossier (JSON); NULL: not yet
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers hold semicolons)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out
