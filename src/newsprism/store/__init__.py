"""The SQLite store: schema, migrations, records <-> rows. The only module
that touches the database; stages never do I/O.

SQLite in WAL mode; one transaction per batch, a savepoint per input so a
failed input leaves nothing behind; full-text search (FTS5) over titles and
bodies, laid out as sqlite-utils does so that Datasette's search box finds it.

A package: ``migrations`` (the schema, named migrations), ``database`` (``Store``: open,
migrate, read, write), ``rows`` (records <-> rows).
"""

from __future__ import annotations

from ..records import ArticleSummary as ArticleSummary  # re-exported: its old home
from ..records import StoreVersion as StoreVersion  # re-exported: its old home
from .database import Store as Store
from .migrations import MIGRATIONS as MIGRATIONS
from .migrations import SCHEMA_VERSION as SCHEMA_VERSION
