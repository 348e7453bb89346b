"""Runs that redo only what changed: inputs read before, unchanged stories,
and a story's detail read from its own articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _support import DEMO, SETTINGS
from newsprism import Prism, Settings
from newsprism.records import Analysis

NEW = ("Goat show in Lindermoor draws record crowd\n\n"
       "A goat show in the village of Lindermoor drew a record crowd of 4,200 people on Saturday, "
       "the organisers of the Lindermoor Goat Society said. The winning goat, a brown nanny called Pell, "
       "belongs to a farmer from the next valley, who said she had trained it for three years.\n")


@pytest.fixture()
def store(tmp_path: Path) -> tuple[Path, Path, Settings]:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    settings = Settings.load(SETTINGS, workers=1)
    with Prism(db=tmp_path / "r.db", settings=settings) as prism:
        prism.run([str(corpus)], tmp_path / "out")
    return tmp_path, corpus, settings


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import newsprism.dossier as dossier

    built: list[str] = []
    real = dossier.build

    def counting(story_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(story_id)
        return real(story_id, *args, **kwargs)

    monkeypatch.setattr(dossier, "build", counting)
    return built


def test_run_again_reads_no_input_twice_and_rebuilds_no_dossier(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.clean as clean

    tmp, corpus, settings = store
    before = {p.name: p.read_bytes() for p in (tmp / "out").iterdir()}

    def never(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("an input stored before was cleaned again")

    monkeypatch.setattr(clean, "clean", never)
    built = _count_builds(monkeypatch)
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        again = prism.run([str(corpus)], tmp / "out")
    assert again.ingest.added == () and len(set(again.ingest.present)) == 8 and again.failed == ()
    assert built == []
    assert {p.name: p.read_bytes() for p in (tmp / "out").iterdir()} == before


def test_run_adding_one_article_rebuilds_only_its_story(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tmp, corpus, settings = store
    (corpus / "goats.txt").write_text(NEW, encoding="utf-8")
    built = _count_builds(monkeypatch)
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        again = prism.run([str(corpus)], tmp / "out")
        (new_id,) = again.ingest.added
        story_of = {m.article_id: m.story_id for m in prism.store.stories().memberships}
    assert len(again.stories) >= 2
    assert built == [story_of[new_id]]


def test_story_reads_only_its_own_articles(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsprism.store import Store

    tmp, _corpus, settings = store
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        sid = max(prism.stories(), key=lambda s: s.size).story_id

        def everything(*_a, **_k):  # type: ignore[no-untyped-def]
            raise AssertionError("the whole store was read for one story")

        monkeypatch.setattr(Store, "iter_articles", everything)
        detail = prism.story(sid)
        assert len(detail.articles) >= 2
        assert prism.dossier(sid).story_id == sid


def test_story_of_a_revised_article_holds_its_newest_version_only(store) -> None:  # type: ignore[no-untyped-def]
    tmp, corpus, settings = store
    page = corpus / "valley-courier.html"
    html = page.read_text(encoding="utf-8")
    marker = "</p>"
    revised = html.replace(marker, " A spokesperson added on Wednesday that the gate would be rebuilt." + marker, 1)
    assert revised != html
    page.write_text(revised, encoding="utf-8")
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        again = prism.run([str(corpus)], tmp / "out")
        (new_id,) = again.ingest.revised
        old_id = prism.article(new_id).revision_of
        sid = next(m.story_id for m in prism.store.stories().memberships if m.article_id == new_id)
        ids = [a.article_id for a in prism.story(sid).articles]
    assert new_id in ids and old_id not in ids


def test_run_lists_unchanged_stories_without_reading_their_dossiers(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsprism.store import Store

    tmp, corpus, settings = store
    index = (tmp / "out" / "index.html").read_bytes()
    (tmp / "out" / "index.html").unlink()

    def never(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("a stored dossier was read back for the index")

    monkeypatch.setattr(Store, "cached_dossier", never)
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        again = prism.run([str(corpus)], tmp / "out")
    assert again.failed == () and len(again.stories) >= 1
    assert (tmp / "out" / "index.html").read_bytes() == index


def test_run_falls_back_to_the_dossier_when_its_line_is_missing_and_keeps_the_line(store) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    tmp, corpus, settings = store
    index = (tmp / "out" / "index.html").read_bytes()
    (tmp / "out" / "index.html").unlink()
    conn = sqlite3.connect(tmp / "r.db")
    with conn:
        conn.execute("UPDATE dossiers SET line = NULL")  # as cached before 0007_dossier_lines
    conn.close()
    with Prism(db=tmp / "r.db", settings=settings) as prism:
        again = prism.run([str(corpus)], tmp / "out")
        lines = [prism.store.dossier_line(sid, key) for sid, key in
                 prism.store.conn.execute("SELECT story_id, fingerprint FROM dossiers")]
    assert again.failed == ()
    assert (tmp / "out" / "index.html").read_bytes() == index
    assert lines and all(line is not None for line in lines)  # kept by the run: the next one reads no dossier


def _counting_add():  # type: ignore[no-untyped-def]
    """A ``Store.add_analysis`` that also records what it writes, and the list it records in."""
    from newsprism.store import Store

    written: list[Analysis] = []
    real_add = Store.add_analysis

    def counting(self, analysis, analysed_at):  # type: ignore[no-untyped-def]
        written.append(analysis)
        return real_add(self, analysis, analysed_at)

    return written, counting


def test_resolution_writes_again_only_the_analyses_it_changed(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.resolve as resolve
    from newsprism.store import Store

    tmp, corpus, settings = store
    (corpus / "goats.txt").write_text(NEW, encoding="utf-8")
    written, counting = _counting_add()

    with Prism(db=tmp / "r.db", settings=settings) as prism:
        before = {a.article_id: a for a in prism.store.iter_analyses()}
        prism.store.add_claim_vectors("m", [((next(iter(before)), "body", 0, 4), b"\0\0")])
        monkeypatch.setattr(Store, "add_analysis", counting)
        again = prism.run([str(corpus)], tmp / "out")
        after = list(prism.store.iter_analyses())
        entities = prism.store.entities()
        vectors = prism.store.claim_vectors(set(before), "m")
    (new_id,) = again.ingest.added
    fresh = written[0]  # the new article's analysis, not resolved yet
    assert fresh.article_id == new_id
    # resolution over every analysis (the stored ones, then the new one), as resolve.resolve gives it
    resolution = resolve.resolve([*before.values(), fresh], settings)
    assert after == list(resolution.analyses)
    assert sorted(entities, key=lambda e: e.entity_id) == list(resolution.entities)
    changed = {a.article_id for a in resolution.analyses if before.get(a.article_id) != a} - {new_id}
    assert {a.article_id for a in written[1:]} - {new_id} == changed  # analysed, then the changed ones
    assert len(written) < len(after)
    assert vectors == {}  # claim vectors dropped for every analysis, as when all were written again


def test_resolution_after_reanalysing_an_article_is_that_over_every_analysis(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.resolve as resolve
    from newsprism.store import Store

    tmp, _corpus, settings = store
    written, counting = _counting_add()

    with Prism(db=tmp / "r.db", settings=settings) as prism:
        before = {a.article_id: a for a in prism.store.iter_analyses()}
        again = list(before)[2]  # an article in the middle: its analysis takes a new row, not its place
        monkeypatch.setattr(Store, "add_analysis", counting)
        prism.analyse([again], reanalyse=True)
        after = list(prism.store.iter_analyses())
        entities = prism.store.entities()
    fresh = written[0]
    assert fresh.article_id == again and all(m.entity_id is None for m in fresh.mentions)  # not resolved yet
    expected = resolve.resolve([fresh if aid == again else a for aid, a in before.items()], settings)
    assert after == list(expected.analyses) == list(before.values())  # the same analysis again, resolved
    assert sorted(entities, key=lambda e: e.entity_id) == list(expected.entities)
