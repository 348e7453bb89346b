"""The store package: what it re-exports from its parts."""

from __future__ import annotations


def test_store_package_re_exports_the_store_its_migrations_and_its_records() -> None:
    import newsprism.store as store
    from newsprism import records
    from newsprism.store import database, migrations

    assert store.Store is database.Store
    assert store.MIGRATIONS is migrations.MIGRATIONS and len(migrations.MIGRATIONS) == store.SCHEMA_VERSION
    assert store.ArticleSummary is records.ArticleSummary and store.StoreVersion is records.StoreVersion
