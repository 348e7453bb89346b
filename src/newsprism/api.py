"""Prism: the one object every face (CLI, web, scripts) calls.

It opens the store, runs the stages and returns records. It never prints,
exits or formats for a terminal; progress goes to a callback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from . import clean as _clean
from . import ingest as _ingest
from . import inputs as _inputs
from .errors import InputError, StoreError
from .records import Article, IngestResult, Problem
from .settings import Settings
from .store import ArticleSummary, Store

#: ``progress(event, done, total, detail)``: event is ``start`` (total known),
#: ``input`` (one input read, detail = its path) or ``problem`` (detail = Problem).
Progress = Callable[[str, int, int, object], None]


class Prism:
    """A newsprism store and the pipeline over it.

    Args:
        db: path of the SQLite store (created if missing); defaults to
            ``settings.db``.
        settings: run settings; defaults to :class:`Settings` ().
    """

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        if db is not None:
            self.settings = self.settings.replace(db=str(db))
        self.store = Store(self.settings.db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Prism:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ ingest

    def ingest(
        self,
        paths: list[str],
        *,
        progress: Progress | None = None,
        stdin: BinaryIO | None = None,
        now: datetime | None = None,
    ) -> IngestResult:
        """Read, clean and store articles from files, directories or ``-``.

        One bad input never stops the batch: it is returned as a Problem and
        its writes are rolled back. Articles already stored are counted as
        present; a changed article at a known URL is stored as a revision.
        """
        settings = self.settings
        now = now or datetime.now(UTC)
        added: list[str] = []
        present: list[str] = []
        revised: list[str] = []
        problems: list[Problem] = []
        total = _inputs.count(paths) if progress else 0
        if progress:
            progress("start", 0, total, None)
        done = 0
        pending = 0
        store = self.store
        store.conn.execute("BEGIN IMMEDIATE")
        try:
            for item in _inputs.iter_inputs(paths, settings, stdin=stdin):
                if isinstance(item, Problem):
                    problems.append(item)
                    if progress:
                        progress("problem", done, total, item)
                else:
                    outcome = self._ingest_one(item, now)
                    for kind, value in outcome:
                        if isinstance(value, Problem):
                            problems.append(value)
                            if progress:
                                progress("problem", done, total, value)
                        else:
                            {"added": added, "present": present, "revised": revised}[kind].append(value)
                            pending += kind != "present"
                if not (isinstance(item, _inputs.Input) and item.chunked):
                    done += 1
                if progress:
                    progress("input", done, total, item.source if isinstance(item, _inputs.Input) else item.path)
                if pending >= settings.batch_size:
                    store.conn.execute("COMMIT")
                    store.conn.execute("BEGIN IMMEDIATE")
                    pending = 0
            store.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if store.conn.in_transaction:
                store.conn.execute("ROLLBACK")
            raise StoreError(f"{settings.db}: {exc}; what was committed before is kept") from None
        except BaseException:
            if store.conn.in_transaction:
                store.conn.execute("ROLLBACK")
            raise
        return IngestResult(tuple(added), tuple(present), tuple(revised), tuple(problems))

    def _ingest_one(self, item: _inputs.Input, now: datetime) -> list[tuple[str, str | Problem]]:
        """Read, clean and store one input inside a savepoint."""
        out: list[tuple[str, str | Problem]] = []
        try:
            with self.store.atomic():
                for doc in _ingest.read(item, self.settings):
                    if isinstance(doc, Problem):
                        out.append(("problem", doc))
                        continue
                    article = _clean.clean(doc, self.settings)
                    raw = doc.raw.encode("utf-8") if doc.raw else item.data
                    if doc.raw_id:
                        self.store.add_raw(doc.raw_id, item.source, raw)
                    kind = self.store.add_article(article, now)
                    out.append((kind, article.article_id))
        except InputError as exc:
            return [("problem", Problem(exc.path, exc.reason))]
        return out

    # ------------------------------------------------------------ reading

    def articles(self, include_superseded: bool = False) -> list[ArticleSummary]:
        """One summary per stored article, oldest first."""
        return self.store.summaries(include_superseded)

    def article(self, ref: str) -> Article:
        """One article by id or unique id prefix (NotFoundError if none)."""
        return self.store.article(ref)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching a full-text query (SQLite FTS5 syntax)."""
        return [self.store.article(i) for i in self.store.search(query, limit)]

    def ingest_report(self) -> dict[str, dict[str, int]]:
        """Counts for a cleaning report: articles, flags, removals by reason."""
        return {
            "totals": {
                "articles": len(self.store.summaries()),
                "articles_with_revisions": self.store.count("articles"),
                "removals": self.store.count("removals"),
            },
            "flags": self.store.flag_counts(),
            "removals": self.store.removal_counts(),
        }
