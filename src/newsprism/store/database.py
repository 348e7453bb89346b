"""The store itself: one SQLite database, opened, migrated and read and written by ``Store``."""

from __future__ import annotations

import dataclasses
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
from urllib.parse import quote

from ..errors import NotFoundError, StoreError
from ..records import (
    AnalysesSince,
    Analysis,
    Article,
    ArticleMentions,
    ArticleSummary,
    ClaimHit,
    ClaimKey,
    ClaimVector,
    Copies,
    CopyGroup,
    CopyLink,
    DossierLine,
    Entity,
    Membership,
    Merge,
    Statement,
    StoreVersion,
    Stories,
    Tally,
    WireCredit,
)
from .migrations import MIGRATIONS, SCHEMA_VERSION, statements
from .rows import (
    RecordUnpickler,
    analysis_from_row,
    analysis_row,
    chunks,
    entity_from_row,
    entity_row,
    from_row,
    line_json,
    mention_from_row,
    to_row,
)

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
                for statement in statements(sql):
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
        for chunk in chunks(list(ids)):
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
            found: object = RecordUnpickler(io.BytesIO(bytes(row[0]))).load()
            return found
        except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError,
                ValueError):
            return None

    def cache_dossier(self, story_id: str, fingerprint: str, dossier: object,
                      line: DossierLine | None = None) -> None:
        """Store a built dossier, and the report index's line of it when given."""
        data = pickle.dumps(dossier, protocol=pickle.HIGHEST_PROTOCOL)
        self.conn.execute("INSERT OR REPLACE INTO dossiers (story_id, fingerprint, dossier, line) "
                          "VALUES (?, ?, ?, ?)", (story_id, fingerprint, data, line_json(line)))

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
                          (line_json(line), story_id, fingerprint))

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
        row = to_row(article)
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
        for chunk in chunks(sorted(set(ids))):
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
        return from_row(row, removals)

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
                  analysis_row(analysis, analysed_at))
        c.executemany(
            'INSERT INTO mentions (article_id, seq, field, start, "end", text, label, kind, pack_id, '
            "metonymic, entity_id, stands_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.article_id, i, m.field, m.start, m.end, m.text, m.label, m.kind, m.pack_id, int(m.metonymic),
              m.entity_id, m.stands_for) for i, m in enumerate(analysis.mentions)],
        )

    def drop_claim_vectors(self, article_ids: Iterable[str]) -> None:
        """Forget the cached claim vectors of these articles."""
        for chunk in chunks(list(article_ids)):
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
            yield ArticleMentions(aid, tuple(mention_from_row(m) for m in group))

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
        return analysis_from_row(row, mentions)

    def replace_entities(self, entities: tuple[Entity, ...]) -> None:
        """Replace the canonical entities (resolution runs over all analyses): afterwards the table holds
        these and no others; only the rows that differ are written."""
        c = self.conn
        rows = {e.entity_id: entity_row(e) for e in entities}
        stored = {tuple(r) for r in c.execute("SELECT * FROM entities")}
        gone = [r[0] for r in stored if r[0] not in rows]
        for chunk in chunks(gone):
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
        for chunk in chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            out.extend(entity_from_row(r) for r in self.conn.execute(
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
            return [entity_from_row(r) for r in rows]
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
