"""The SQLite store: schema, migrations, records <-> rows. The only module
that touches the database; stages never do I/O.

SQLite in WAL mode; one transaction per batch, a savepoint per input so a
failed input leaves nothing behind; full-text search (FTS5) over titles and
bodies, laid out as sqlite-utils does so that Datasette's search box finds it.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import itertools
import json
import os
import pickle
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import NotFoundError, StoreError
from .records import (
    AnalysesSince,
    Analysis,
    Article,
    ArticleMentions,
    Caption,
    ClaimHit,
    ClaimKey,
    ClaimVector,
    Copies,
    CopyGroup,
    CopyLink,
    DossierLine,
    Entity,
    Event,
    EventPart,
    Membership,
    Mention,
    Merge,
    OffsetMap,
    Quantity,
    Quote,
    Relation,
    Removal,
    Statement,
    Stories,
    Tally,
    TimeExpression,
    TimeZoneNote,
    WireCredit,
)
from .records import ArticleSummary as ArticleSummary  # re-exported: its old home
from .records import StoreVersion as StoreVersion  # re-exported: its old home

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


#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


class Store:
    """A newsprism database file.

    Args:
        path: the SQLite file.
        readonly: open for reading only: the file must exist and be a
            newsprism store of this schema version, and nothing is written
            to it (a reader never waits on a writer: SQLite's WAL mode).

    A file that exists but is not a newsprism store (another SQLite
    database, or not SQLite at all) is refused untouched.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        _check_file(self.path, readonly)
        try:
            if readonly:
                self.conn = _connect_readonly(self.path)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self._check_newsprism()
            if readonly:
                self._check_version()
                self.conn.execute("PRAGMA query_only=ON")
            else:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsprism store ({exc})") from None

    def _check_newsprism(self) -> None:
        """Refuse an SQLite database that another program made."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if self.readonly:
                raise StoreError(f"{self.path}: empty, not a newsprism store yet; create one with "
                                 "`newsprism ingest`")
            return
        first = MIGRATIONS[0][0]
        if "migrations" in tables and self.conn.execute(
                "SELECT 1 FROM migrations WHERE name = ?", (first,)).fetchone():
            return
        raise StoreError(f"{self.path}: an SQLite database but not a newsprism store (no newsprism "
                         "tables); left untouched; give another --db")

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this newsprism "
                             f"({SCHEMA_VERSION}); upgrade newsprism")
        if version < SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by an older newsprism (schema {version}); a writing "
                             "command (`newsprism ingest`, `analyse` or `run`) upgrades it")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ schema

    def migrate(self) -> list[str]:
        """Apply the migrations this store lacks; return their names."""
        c = self.conn
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return []  # up to date: open without writing (another writer may hold the lock)
        c.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        done = {r[0] for r in c.execute("SELECT name FROM migrations")}
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsprism "
                f"({SCHEMA_VERSION}); upgrade newsprism"
            )
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.atomic():
                for statement in _statements(sql):
                    c.execute(statement)
                c.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (name,))
            applied.append(name)
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return applied

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ transactions

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one: all or nothing."""
        c = self.conn
        if c.in_transaction:
            name = f"sp{id(object())}"
            c.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                c.execute(f"ROLLBACK TO {name}")
                c.execute(f"RELEASE {name}")
                raise
            c.execute(f"RELEASE {name}")
        else:
            c.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                c.execute("ROLLBACK")
                raise
            c.execute("COMMIT")

    # ------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,))
        return row.fetchone() is not None

    def add_raw(self, raw_id: str, source: str, data: bytes) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO raw_inputs VALUES (?, ?, ?, ?)",
            (raw_id, source, len(data), zlib.compress(data, 6)),
        )

    def articles_of_raw(self, raw_id: str) -> list[str]:
        """The current articles cleaned from the raw input with this content hash."""
        return [r[0] for r in self.conn.execute(
            "SELECT article_id FROM articles WHERE raw_id = ? AND superseded = 0 ORDER BY rowid", (raw_id,))]

    def analyses_by_id(self, ids: list[str]) -> dict[str, Analysis]:
        """The stored analyses of these articles (those analysed)."""
        out: dict[str, Analysis] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT * FROM analyses WHERE article_id IN ({marks})", chunk):
                out[row["article_id"]] = self._analysis(row)
        return out

    def cached_dossier(self, story_id: str, fingerprint: str) -> object | None:
        """A dossier built before from inputs with this fingerprint, if any.

        It is read back with an unpickler that builds only newsprism's own
        records (dataclasses and enums) and the standard date types, so a store
        someone else crafted cannot run code; anything else counts as no cache."""
        row = self.conn.execute("SELECT dossier FROM dossiers WHERE story_id = ? AND fingerprint = ?",
                                (story_id, fingerprint)).fetchone()
        if row is None:
            return None
        try:
            found: object = _RecordUnpickler(io.BytesIO(bytes(row[0]))).load()
            return found
        except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError,
                ValueError):
            return None

    def cache_dossier(self, story_id: str, fingerprint: str, dossier: object,
                      line: DossierLine | None = None) -> None:
        """Store a built dossier, and the report index's line of it when given."""
        data = pickle.dumps(dossier, protocol=pickle.HIGHEST_PROTOCOL)
        self.conn.execute("INSERT OR REPLACE INTO dossiers (story_id, fingerprint, dossier, line) "
                          "VALUES (?, ?, ?, ?)", (story_id, fingerprint, data, _line_json(line)))

    def dossier_line(self, story_id: str, fingerprint: str) -> DossierLine | None:
        """The index line of the dossier cached with this fingerprint, without
        reading the dossier; None when there is no such dossier or it has no
        line (cached before lines were kept, or unreadable): read the dossier then."""
        row = self.conn.execute("SELECT line FROM dossiers WHERE story_id = ? AND fingerprint = ?",
                                (story_id, fingerprint)).fetchone()
        if row is None or row[0] is None:
            return None
        try:
            v = json.loads(row[0])
            line = DossierLine(str(v["headline"]), int(v["articles"]), int(v["independent_sources"]),
                               int(v["disagreements"]), None if v["first"] is None else str(v["first"]))
        except (ValueError, TypeError, KeyError):
            return None
        return line

    def set_dossier_line(self, story_id: str, fingerprint: str, line: DossierLine) -> None:
        """Keep the index line of a dossier cached without one."""
        self.conn.execute("UPDATE dossiers SET line = ? WHERE story_id = ? AND fingerprint = ?",
                          (_line_json(line), story_id, fingerprint))

    def index_claims(self, story_id: str, groups: Iterable[Statement]) -> None:
        """Replace the story's searchable claim groups with the dossier's (``Dossier.groups``):
        each group's id, text, status and independent sources, as :meth:`search_claims` returns them."""
        self.conn.execute("DELETE FROM claims_fts WHERE story_id = ?", (story_id,))
        self.conn.executemany("INSERT INTO claims_fts (text, story_id, group_id, status, sources) "
                              "VALUES (?, ?, ?, ?, ?)",
                              ((g.text, story_id, g.group_id, g.status, g.sources) for g in groups))

    def search_claims(self, query: str, limit: int = 20) -> list[ClaimHit]:
        """Claim groups of stored dossiers whose text matches an FTS5 query, best first."""
        rows = self.conn.execute(
            "SELECT story_id, group_id, text, status, sources FROM claims_fts WHERE claims_fts MATCH ? "
            "ORDER BY rank LIMIT ?", (query, limit))
        return [ClaimHit(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]

    def raw(self, raw_id: str) -> bytes:
        row = self.conn.execute("SELECT data FROM raw_inputs WHERE raw_id = ?", (raw_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"raw input {raw_id} is not in {self.path}")
        return zlib.decompress(row[0])

    def add_article(self, article: Article, ingested_at: datetime) -> str:
        """Store an article; return ``added``, ``present`` or ``revised``."""
        if self.has_article(article.article_id):
            return "present"
        c = self.conn
        revision_of, revision = None, 1
        if article.url:
            prior = c.execute(
                "SELECT article_id, revision FROM articles WHERE url = ? AND superseded = 0 "
                "ORDER BY revision DESC LIMIT 1",
                (article.url,),
            ).fetchone()
            if prior:
                revision_of, revision = prior[0], prior[1] + 1
                c.execute("UPDATE articles SET superseded = 1 WHERE url = ?", (article.url,))
        row = _to_row(article)
        row.update(revision_of=revision_of, revision=revision, ingested_at=ingested_at.isoformat())
        cols = ", ".join(f'"{k}"' for k in row)
        c.execute(f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(row))})",
                  tuple(row.values()))
        c.executemany(
            'INSERT INTO removals (article_id, seq, reason, text, start, "end", detail) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article.article_id, i, r.reason, r.text, r.start, r.end, r.detail)
             for i, r in enumerate(article.removals)],
        )
        return "revised" if revision_of else "added"

    def article(self, ref: str) -> Article:
        """An article by id or by a unique prefix of its id."""
        rows = self.conn.execute("SELECT * FROM articles WHERE article_id = ?", (ref,)).fetchall()
        if not rows and ref:  # a prefix: a range of the unique index, never a scan of the table
            upper = ref[:-1] + chr(ord(ref[-1]) + 1)
            rows = self.conn.execute("SELECT * FROM articles WHERE article_id >= ? AND article_id < ? LIMIT 2",
                                     (ref, upper)).fetchall()
        if not rows:
            raise NotFoundError(f"no article {ref!r} in {self.path}; list them with "
                                "`newsprism articles`")
        if len(rows) > 1:
            raise NotFoundError(f"article id prefix {ref!r} is ambiguous; give more characters")
        return self._article(rows[0])

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        """The articles with these exact ids (those that exist), in no set order."""
        out: list[Article] = []
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            out.extend(self._article(r) for r in self.conn.execute(
                f"SELECT * FROM articles WHERE article_id IN ({marks})", chunk).fetchall())
        return out

    def _article(self, row: sqlite3.Row) -> Article:
        removals = self.conn.execute(
            'SELECT reason, text, start, "end", detail FROM removals WHERE article_id = ? '
            "ORDER BY seq",
            (row["article_id"],),
        ).fetchall()
        return _from_row(row, removals)

    def iter_articles(self, include_superseded: bool = False) -> Iterator[Article]:
        where = "" if include_superseded else "WHERE superseded = 0"
        for row in self.conn.execute(f"SELECT * FROM articles {where} ORDER BY rowid"):
            yield self._article(row)

    def summaries(self, include_superseded: bool = False) -> list[ArticleSummary]:
        where = "" if include_superseded else "WHERE superseded = 0"
        out = []
        for r in self.conn.execute(
            "SELECT article_id, outlet, title, published, language, paragraphs, flags, url, "
            f"source, revision FROM articles {where} ORDER BY published IS NULL, published, rowid"
        ):
            out.append(ArticleSummary(r[0], r[1], r[2], r[3], r[4], len(json.loads(r[5])),
                                      tuple(json.loads(r[6])), r[7], r[8], r[9]))
        return out

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "removals", "raw_inputs", "entities"):
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def removal_counts(self) -> tuple[Tally, ...]:
        """Removals per reason, most first."""
        rows = self.conn.execute(
            "SELECT reason, count(*) FROM removals GROUP BY reason ORDER BY count(*) DESC")
        return tuple(Tally(r[0], r[1]) for r in rows)

    def flag_counts(self) -> tuple[Tally, ...]:
        """Current articles per flag, most first."""
        rows = self.conn.execute(
            "SELECT j.value, count(*) FROM articles, json_each(articles.flags) j "
            "WHERE superseded = 0 GROUP BY j.value ORDER BY count(*) DESC")
        return tuple(Tally(r[0], r[1]) for r in rows)

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Article ids whose title or body match an FTS5 query, best first."""
        rows = self.conn.execute(
            "SELECT a.article_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))
        return [r[0] for r in rows]

    def version(self) -> StoreVersion:
        """What the store holds now, in a few cheap counts (see :class:`StoreVersion`)."""
        # counts and largest rowids only, read from indexes: a revision, a
        # reanalysis (INSERT OR REPLACE) and new entities all take new rowids
        row = self.conn.execute(
            "SELECT (SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM articles), "
            "(SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM analyses), "
            "(SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM entities), "
            "(SELECT coalesce(group_concat(name || '=' || articles, ';'), '') "
            " FROM (SELECT * FROM derived_state ORDER BY name)), "
            "(SELECT ingested_at FROM articles ORDER BY rowid DESC LIMIT 1), "
            "(SELECT analysed_at FROM analyses ORDER BY rowid DESC LIMIT 1)").fetchone()
        updated = max((t for t in (row[4], row[5]) if t), default=None)
        return StoreVersion(row[0], f"{row[1]}|{row[2]}", row[3], updated)

    def integrity(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------ copies and stories

    def articles_fingerprint(self) -> str:
        """Changes whenever the set of current articles changes."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(max(rowid), 0), coalesce(sum(rowid), 0) FROM articles "
            "WHERE superseded = 0").fetchone()
        return f"{row[0]}:{row[1]}:{row[2]}"

    def analyses_fingerprint(self) -> str:
        """Changes whenever an analysis is added or replaced."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(max(rowid), 0), coalesce(sum(rowid), 0) FROM analyses").fetchone()
        return f"{row[0]}:{row[1]}:{row[2]}"

    def derived_fingerprint(self, name: str) -> str | None:
        row = self.conn.execute("SELECT articles FROM derived_state WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def set_derived_fingerprint(self, name: str, fingerprint: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO derived_state VALUES (?, ?)", (name, fingerprint))

    def replace_copies(self, copies: Copies) -> None:
        """Replace the copy links, groups and wire credits (recomputed as a whole)."""
        c = self.conn
        for table in ("copy_links", "copy_groups", "wire_credits"):
            c.execute(f"DELETE FROM {table}")
        c.executemany("INSERT INTO copy_links VALUES (?, ?, ?, ?, ?, ?)",
                      [(x.source, x.target, x.kind, x.jaccard, x.containment, x.shared) for x in copies.links])
        c.executemany("INSERT INTO copy_groups VALUES (?, ?, ?, ?, ?)",
                      [(g.group_id, g.origin, g.wire, g.reason, json.dumps(list(g.article_ids)))
                       for g in copies.groups])
        c.executemany("INSERT INTO wire_credits VALUES (?, ?)", [(w.article_id, w.wire) for w in copies.wires])

    def copies(self) -> Copies:

        c = self.conn
        links = tuple(CopyLink(r[0], r[1], r[2], r[3], r[4], r[5]) for r in c.execute(
            "SELECT source, target, kind, jaccard, containment, shared FROM copy_links ORDER BY source, target"))
        groups = tuple(CopyGroup(r[0], tuple(json.loads(r[4])), r[1], r[2], r[3]) for r in c.execute(
            "SELECT group_id, origin, wire, reason, article_ids FROM copy_groups ORDER BY group_id"))
        wires = tuple(WireCredit(r[0], r[1])
                      for r in c.execute("SELECT article_id, wire FROM wire_credits ORDER BY article_id"))
        return Copies(links, groups, wires)

    def replace_stories(self, stories: Stories) -> None:
        """Replace story memberships and merges (merges only ever grow)."""
        c = self.conn
        c.execute("DELETE FROM story_members")
        c.executemany("INSERT INTO story_members VALUES (?, ?, ?, ?, ?)",
                      [(m.article_id, m.story_id, m.how, m.similarity, i)
                       for i, m in enumerate(stories.memberships)])
        c.executemany("INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?, ?, ?)",
                      [(m.merged, m.into, m.article_id, m.similarity, i) for i, m in enumerate(stories.merges)])

    def stories(self) -> Stories:
        """Stored story memberships and merges (``stories`` left empty)."""

        c = self.conn
        members = tuple(Membership(r[0], r[1], r[2], r[3]) for r in c.execute(
            "SELECT sm.article_id, story_id, how, similarity FROM story_members sm "
            "JOIN articles a USING (article_id) WHERE a.superseded = 0 ORDER BY seq"))
        merges = tuple(Merge(r[0], r[1], r[2], r[3]) for r in c.execute(
            "SELECT merged, into_story, article_id, similarity FROM story_merges ORDER BY seq"))
        return Stories(members, merges)

    # ------------------------------------------------------------ analysis

    def add_analysis(self, analysis: Analysis, analysed_at: datetime) -> None:
        """Store (or replace) an article's analysis and its mentions."""
        c = self.conn
        c.execute("DELETE FROM mentions WHERE article_id = ?", (analysis.article_id,))
        c.execute("DELETE FROM claim_vectors WHERE article_id = ?", (analysis.article_id,))
        c.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  _analysis_row(analysis, analysed_at))
        c.executemany(
            'INSERT INTO mentions (article_id, seq, field, start, "end", text, label, kind, pack_id, '
            "metonymic, entity_id, stands_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.article_id, i, m.field, m.start, m.end, m.text, m.label, m.kind, m.pack_id, int(m.metonymic),
              m.entity_id, m.stands_for) for i, m in enumerate(analysis.mentions)],
        )

    def drop_claim_vectors(self, article_ids: Iterable[str]) -> None:
        """Forget the cached claim vectors of these articles."""
        for chunk in _chunks(list(article_ids)):
            self.conn.execute(f"DELETE FROM claim_vectors WHERE article_id IN ({','.join('?' * len(chunk))})",
                              chunk)

    def analysed_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT article_id FROM analyses")}

    def analysis(self, article_id: str) -> Analysis | None:
        """An article's stored analysis, or None if it has not been analysed."""
        row = self.conn.execute("SELECT * FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return self._analysis(row) if row else None

    def iter_analyses(self) -> Iterator[Analysis]:
        for row in self.conn.execute(
                "SELECT an.* FROM analyses an JOIN articles a USING (article_id) WHERE a.superseded = 0 "
                "ORDER BY a.rowid").fetchall():
            yield self._analysis(row)

    def iter_mentions(self) -> Iterator[ArticleMentions]:
        """Each current analysed article's id and mentions, in the order of :meth:`iter_analyses`
        (articles without mentions left out): what resolution reads, without the analyses."""
        rows = self.conn.execute(
            'SELECT m.article_id, text, label, start, "end", field, kind, pack_id, metonymic, entity_id, stands_for '
            "FROM mentions m JOIN articles a USING (article_id) WHERE a.superseded = 0 "
            "ORDER BY a.rowid, m.seq")
        for aid, group in itertools.groupby(rows, key=lambda r: r[0]):
            yield ArticleMentions(aid, tuple(_mention(m) for m in group))

    def analyses_since(self, rowid: int) -> AnalysesSince:
        """The current articles whose analysis was added or replaced after analysis row ``rowid``, and the
        last analysis row now (a replaced analysis takes a new row)."""
        fresh = frozenset(r[0] for r in self.conn.execute(
            "SELECT an.article_id FROM analyses an JOIN articles a USING (article_id) "
            "WHERE a.superseded = 0 AND an.rowid > ?", (rowid,)))
        last = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM analyses").fetchone()[0]
        return AnalysesSince(fresh, int(last))

    def _analysis(self, row: sqlite3.Row) -> Analysis:
        mentions = self.conn.execute(
            'SELECT article_id, text, label, start, "end", field, kind, pack_id, metonymic, entity_id, stands_for '
            "FROM mentions WHERE article_id = ? ORDER BY seq", (row["article_id"],)).fetchall()
        return _analysis_from_row(row, mentions)

    def replace_entities(self, entities: tuple[Entity, ...]) -> None:
        """Replace the canonical entities (resolution runs over all analyses): afterwards the table holds
        these and no others; only the rows that differ are written."""
        c = self.conn
        rows = {e.entity_id: _entity_row(e) for e in entities}
        stored = {tuple(r) for r in c.execute("SELECT * FROM entities")}
        gone = [r[0] for r in stored if r[0] not in rows]
        for chunk in _chunks(gone):
            c.execute(f"DELETE FROM entities WHERE entity_id IN ({','.join('?' * len(chunk))})", chunk)
        c.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [row for row in rows.values() if row not in stored])

    def claim_vectors(self, article_ids: Iterable[str], model: str) -> dict[ClaimKey, bytes]:
        """Stored claim embeddings of these articles: float16 bytes by claim."""
        out = {}
        for aid in article_ids:
            for r in self.conn.execute('SELECT field, start, "end", vector FROM claim_vectors '
                                       "WHERE article_id = ? AND model = ?", (aid, model)):
                out[ClaimKey(aid, r[0], r[1], r[2])] = r[3]
        return out

    def add_claim_vectors(self, model: str, rows: Iterable[ClaimVector]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO claim_vectors VALUES (?, ?, ?, ?, ?, ?)",
                              [(*key, model, blob) for key, blob in rows])

    def entities_by_id(self, ids: Iterable[str]) -> list[Entity]:
        """The canonical entities with these ids (those that exist)."""
        out: list[Entity] = []
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            out.extend(_entity_from_row(r) for r in self.conn.execute(
                f"SELECT * FROM entities WHERE entity_id IN ({marks})", chunk))
        return out

    def entities_with_relations(self, article_ids: set[str]) -> list[Entity]:
        """The entities mentioned in these articles (counts and variants
        restricted to them) and whatever their relations point to (Tu-95 for
        Tu-95MS), transitively."""
        found = {e.entity_id: e for e in self.entities(article_ids)}
        todo = {r.target for e in found.values() for r in e.relations} - set(found)
        while todo:
            more = self.entities_by_id(todo)
            found.update((e.entity_id, e) for e in more)
            todo = {r.target for e in more for r in e.relations} - set(found)
        return list(found.values())

    def entities(self, article_ids: set[str] | None = None) -> list[Entity]:
        """Canonical entities, most mentioned first; with ``article_ids``, only
        those mentioned there (counts and variants restricted to them)."""
        if article_ids is None:
            rows = self.conn.execute("SELECT * FROM entities ORDER BY mentions DESC, entity_id").fetchall()
            return [_entity_from_row(r) for r in rows]
        counts: dict[str, Counter[str]] = {}
        for aid in article_ids:
            for eid, text in self.conn.execute(
                    "SELECT entity_id, text FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL", (aid,)):
                counts.setdefault(eid, Counter())[text] += 1
        kept = []
        for e in self.entities_by_id(counts):
            if e.entity_id in counts:
                c = counts[e.entity_id]
                kept.append(dataclasses.replace(
                    e, mentions=sum(c.values()), variants=tuple(v for v in e.variants if v in c) or tuple(c),
                    articles=tuple(a for a in e.articles if a in article_ids)))
        kept.sort(key=lambda e: (-e.mentions, e.entity_id))
        return kept


def _check_file(path: str, readonly: bool) -> None:
    """Refuse a missing store (when reading) or a file that is not SQLite,
    before SQLite opens (and would change) it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        if readonly:
            raise StoreError(f"{path}: no such store; create one with `newsprism ingest` "
                             "(or give another --db)") from None
        return
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory, not a newsprism store") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc.strerror or exc})") from None
    if head and head != _SQLITE_HEADER:
        raise StoreError(f"{path}: not a newsprism store (not an SQLite database); left untouched; "
                         "give another --db")
    if not head and readonly:
        raise StoreError(f"{path}: empty, not a newsprism store yet; create one with `newsprism ingest`")


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection; where SQLite cannot make the WAL index next to
    a store in a read-only folder, the file is read as immutable."""
    uri = "file:" + quote(os.path.abspath(path))
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
        conn.close()
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    return conn


def _line_json(line: DossierLine | None) -> str | None:
    if line is None:
        return None
    return json.dumps({"headline": line.headline, "articles": line.articles,
                       "independent_sources": line.independent_sources,
                       "disagreements": line.disagreements, "first": line.first}, ensure_ascii=False)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers hold semicolons)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out


def _to_row(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.article_id,
        "url": a.url,
        "outlet": a.outlet,
        "outlet_evidence": a.outlet_evidence,
        "title": a.title,
        "byline": json.dumps(list(a.byline), ensure_ascii=False),
        "credit": a.credit,
        "published": a.published.isoformat() if a.published else None,
        "updated": a.updated.isoformat() if a.updated else None,
        "time_zone": json.dumps(
            {"zone": a.time_zone.zone, "inferred": a.time_zone.inferred,
             "reason": a.time_zone.reason} if a.time_zone else None),
        "language": a.language,
        "body": a.text,
        "paragraphs": json.dumps(list(a.paragraphs), ensure_ascii=False),
        "captions": json.dumps([{"text": c.text, "start": c.start, "end": c.end}
                                for c in a.captions], ensure_ascii=False),
        "flags": json.dumps(list(a.flags)),
        "description": a.description,
        "source": a.source,
        "format": a.format,
        "encoding": a.encoding,
        "raw_id": a.raw_id,
        "item": a.item,
        "source_text": a.source_text,
        "offsets": json.dumps([list(x) for x in a.offsets.anchors]),
    }


def _from_row(r: sqlite3.Row, removals: list[sqlite3.Row]) -> Article:
    tz = json.loads(r["time_zone"]) if r["time_zone"] else None
    return Article(
        article_id=r["article_id"],
        source=r["source"],
        format=r["format"],
        encoding=r["encoding"],
        url=r["url"],
        outlet=r["outlet"],
        outlet_evidence=r["outlet_evidence"],
        title=r["title"],
        byline=tuple(json.loads(r["byline"])),
        credit=r["credit"],
        published=datetime.fromisoformat(r["published"]) if r["published"] else None,
        updated=datetime.fromisoformat(r["updated"]) if r["updated"] else None,
        time_zone=TimeZoneNote(**tz) if tz else None,
        language=r["language"],
        paragraphs=tuple(json.loads(r["paragraphs"])),
        captions=tuple(Caption(**c) for c in json.loads(r["captions"])),
        removals=tuple(Removal(x[0], x[1], x[2], x[3], x[4]) for x in removals),
        flags=tuple(json.loads(r["flags"])),
        description=r["description"],
        source_text=r["source_text"],
        offsets=OffsetMap(tuple((int(a), int(b)) for a, b in json.loads(r["offsets"]))),
        raw_id=r["raw_id"],
        item=r["item"],
        revision=r["revision"],
        revision_of=r["revision_of"],
        superseded=bool(r["superseded"]),
    )


def _analysis_row(a: Analysis, analysed_at: datetime) -> tuple[Any, ...]:
    return (
        a.article_id, a.model, analysed_at.isoformat(),
        json.dumps([list(x) for x in a.sentences]),
        json.dumps(dataclasses.asdict(a.event), ensure_ascii=False),
        json.dumps([dataclasses.asdict(q) for q in a.quotes], ensure_ascii=False),
        json.dumps([dataclasses.asdict(q) for q in a.quantities], ensure_ascii=False),
        json.dumps([dataclasses.asdict(t) for t in a.times], ensure_ascii=False),
    )


def _analysis_from_row(r: sqlite3.Row, mentions: list[sqlite3.Row]) -> Analysis:
    ev = json.loads(r["event"])
    parts = {k: EventPart(**ev[k]) if ev.get(k) else None for k in ("who", "what", "when", "where")}
    return Analysis(
        article_id=r["article_id"],
        model=r["model"],
        sentences=tuple((int(s), int(e)) for s, e in json.loads(r["sentences"])),
        mentions=tuple(_mention(m) for m in mentions),
        quotes=tuple(Quote(**q) for q in json.loads(r["quotes"])),
        quantities=tuple(Quantity(**q) for q in json.loads(r["quantities"])),
        times=tuple(TimeExpression(**t) for t in json.loads(r["times"])),
        event=Event(article_id=ev["article_id"], when_value=ev.get("when_value"), **parts),
    )


def _entity_row(e: Entity) -> tuple[Any, ...]:
    return (e.entity_id, e.name, e.label, json.dumps(list(e.variants), ensure_ascii=False), e.mentions,
            json.dumps(list(e.articles)), json.dumps([{"kind": r.kind, "target": r.target} for r in e.relations]),
            e.nato_name, e.source)


def _mention(m: sqlite3.Row | tuple[Any, ...]) -> Mention:
    """A mention from its row (article_id, text, label, start, end, field, kind, pack_id, metonymic,
    entity_id, stands_for)."""
    return Mention(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], bool(m[8]), m[9], m[10])


def _entity_from_row(r: sqlite3.Row) -> Entity:
    return Entity(
        entity_id=r["entity_id"], name=r["name"], label=r["label"], variants=tuple(json.loads(r["variants"])),
        mentions=r["mentions"], articles=tuple(json.loads(r["articles"])),
        relations=tuple(Relation(x["kind"], x["target"]) for x in json.loads(r["relations"])),
        nato_name=r["nato_name"], source=r["source"],
    )


class _RecordUnpickler(pickle.Unpickler):
    """Unpickles newsprism records only: a class of the package that is a
    dataclass or an enum, or a standard date type. Functions and other
    callables are refused, so a crafted blob cannot run code."""

    _STANDARD = frozenset({("datetime", "datetime"), ("datetime", "date"), ("datetime", "time"),
                           ("datetime", "timedelta"), ("datetime", "timezone"), ("zoneinfo", "ZoneInfo"),
                           ("zoneinfo._zoneinfo", "ZoneInfo")})

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._STANDARD:
            return super().find_class(module, name)
        if module == "newsprism" or module.startswith("newsprism."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a newsprism record")

