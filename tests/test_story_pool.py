"""story_pool: dossiers built from StoryJob records, in this process or in workers."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from _parses import parses  # noqa: F401  (the fixture)
from _support import DEMO, FLOOD_OTHER, FLOOD_TIMES, FLOOD_WIRE, SETTINGS
from newsprism import Prism, Settings
from newsprism.claims import align
from newsprism.dossier import build as build_dossier
from newsprism.dossier import inputs_key
from newsprism.records import ClaimKey, Copies, CopyLink, Entity, StoryDetail, StoryJob, StorySummary
from newsprism.story_pool import build, story_entities, unanalysed, with_vectors
from newsprism.story_pool import job as story_job

NO_EMBEDDINGS = Settings(embeddings=False)


@pytest.fixture
def job(story_article, story_analysis) -> StoryJob:  # type: ignore[no-untyped-def]
    """A two-article flood story's job, without claim vectors."""
    arts = (story_article("a", [FLOOD_WIRE], FLOOD_TIMES[0], "Coast Times", "Dam gate fails"),
            story_article("b", [FLOOD_OTHER], FLOOD_TIMES[1], "Island Post", "Varnholm evacuated"))
    ana = tuple(story_analysis(a.article_id, [a.text]) for a in arts)
    return StoryJob("s1", "key", arts, ana, (), Copies((), (), ()), {}, arts)


def test_story_pool_job_keeps_the_analysed_articles_and_keys_every_one(job: StoryJob) -> None:
    a, b = job.articles
    link = CopyLink("a", "b", "rewrite", 0.5, 0.6, 31)
    detail = StoryDetail(StorySummary("s1", "Dam gate fails", 2, (), 2, None, None, ("a", "b")), (a, b), (), (),
                         (link,), ())
    asked: list[set[str]] = []

    def entities(ids: set[str]) -> list[Entity]:
        asked.append(ids)
        return [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 1, tuple(sorted(ids)))]

    only_a = {"a": job.analyses[0]}
    assert unanalysed(detail, only_a) == ["b"]
    made = story_job(detail, only_a, entities, NO_EMBEDDINGS)
    assert (made.articles, made.analyses, made.page_articles, asked) == ((a,), (job.analyses[0],), (a, b), [{"a"}])
    assert made.copies == Copies((link,), (), ()) and made.vectors == {}
    # the key covers every article of the story, the unanalysed one too, and the settings a dossier is built with
    assert made.key == inputs_key(NO_EMBEDDINGS, "s1", ["a", "b"], made.analyses, made.entities, made.copies)
    assert made.key != inputs_key(NO_EMBEDDINGS, "s1", ["a"], made.analyses, made.entities, made.copies)
    whole = story_job(detail, dict(zip("ab", job.analyses, strict=True)), entities, NO_EMBEDDINGS)
    assert whole.analyses == job.analyses and whole.key != made.key and unanalysed(detail, {"a": 1, "b": 2}) == []


def test_story_pool_entities_are_counted_within_the_story(job: StoryJob) -> None:
    """A story's dossier counts an entity's mentions and lists its articles among the story's own
    articles: another story's article mentioning it moves neither the dossier nor its cache key."""
    a, b = job.analyses
    here = sum(m.entity_id == "varnholm" for an in (a, b) for m in an.mentions)
    assert here >= 1
    store_wide = Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 99, ("a", "b", "other-story"))
    elsewhere = dataclasses.replace(store_wide, mentions=120, articles=("a", "b", "other-story", "another"))
    mine = story_entities([store_wide], (a, b))
    assert [(e.mentions, e.articles) for e in mine] == [(here, ("a", "b"))]
    assert story_entities([elsewhere], (a, b)) == mine
    assert inputs_key(NO_EMBEDDINGS, "s1", ["a", "b"], (a, b), mine, job.copies) == inputs_key(
        NO_EMBEDDINGS, "s1", ["a", "b"], (a, b), story_entities([elsewhere], (a, b)), job.copies)
    assert inputs_key(NO_EMBEDDINGS, "s1", ["a", "b"], (a, b), mine, job.copies) != inputs_key(
        NO_EMBEDDINGS, "s1", ["a", "b"], (a, b), [elsewhere], job.copies)


def test_story_pool_with_vectors_reads_the_stored_vectors_only_with_embeddings(job: StoryJob) -> None:
    stored = {ClaimKey("a", "body", 0, 5): b"\x00\x01"}
    read: list[set[str]] = []

    def reader(ids: set[str]) -> dict[ClaimKey, bytes]:
        read.append(ids)
        return stored

    assert with_vectors(job, reader, NO_EMBEDDINGS) is job and read == []
    assert with_vectors(job, reader, Settings(embeddings=True)).vectors == stored and read == [{"a", "b"}]


def test_story_pool_build_gives_the_stages_dossier_and_its_page_and_json(job: StoryJob) -> None:
    built = build(job, NO_EMBEDDINGS)
    alignment = align(job.articles, job.analyses, job.entities, job.copies, NO_EMBEDDINGS.claims)
    assert built.dossier == build_dossier("s1", job.articles, job.analyses, job.entities, job.copies, alignment)
    assert (built.story_id, built.key, built.failure, built.vectors) == ("s1", "key", None, ())
    assert json.loads(built.json)["story_id"] == "s1" and "Varnholm" in built.html
    assert (build(job, NO_EMBEDDINGS, render=False).html, build(job, NO_EMBEDDINGS, render=False).json) == ("", "")


def test_story_pool_a_story_that_fails_is_reported_and_raised_only_when_asked(job: StoryJob,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("no such claim")

    monkeypatch.setattr("newsprism.dossier.build", broken)
    built = build(job, NO_EMBEDDINGS)
    assert built.dossier is None and built.failure == "KeyError: 'no such claim'"
    with pytest.raises(KeyError):
        build(job, NO_EMBEDDINGS, catch=False)


@pytest.mark.usefixtures("parses")  # the demo run parses through tests/_parses.py
def test_story_pool_two_workers_give_what_one_gives(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from newsprism import story_pool

    settings = Settings.load(SETTINGS, workers=1)
    with Prism(db=tmp_path / "r.db", settings=settings) as prism:
        prism.run([str(DEMO)], tmp_path / "out")
        (summary,) = prism.stories()  # the demo is one story: its articles cut three ways make three jobs
        job = prism.story_job(summary.story_id)
        prism.store.conn.execute("DELETE FROM claim_vectors")  # encoded anew, in the workers
    jobs = [dataclasses.replace(job, story_id=f"s{i}", articles=job.articles[part], analyses=job.analyses[part],
                                vectors={})
            for i, part in enumerate((slice(None), slice(0, 4), slice(3, None), slice(1, None, 2)))]
    forked: list[int] = []
    real = story_pool.ProcessPoolExecutor

    def counting(workers, **kwargs):  # type: ignore[no-untyped-def]
        forked.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(story_pool, "ProcessPoolExecutor", counting)
    one = list(story_pool.build_all(iter(jobs), settings))
    assert forked == []
    two = list(story_pool.build_all(iter(jobs), settings.replace(workers=2)))
    assert forked == [2]  # built in two worker processes
    assert [b.story_id for b in two] == ["s0", "s1", "s2", "s3"]  # in the jobs' order
    assert all(b.dossier is not None and b.failure is None and b.vectors and b.html and b.json for b in one)
    assert one == two  # dossiers, page and JSON text, claim vectors encoded
