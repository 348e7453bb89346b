"""store.database: idempotent ingest, revisions, raw input kept, FTS, versions, claim search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism import Prism
from newsprism.errors import InputError, NotFoundError
from newsprism.records import Statement

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
