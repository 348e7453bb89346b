"""Analysis over worker processes, and one article's failure during a run (story_pool's workers:
tests/test_story_pool.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from _support import DEMO, SETTINGS
from newsprism import Prism, Settings


def _run(tmp: Path, name: str, **changes: object) -> tuple[dict[str, object], dict[str, str]]:
    settings = Settings.load(SETTINGS, analyse_batch_size=2, **changes)
    with Prism(db=tmp / f"{name}.db", settings=settings) as prism:
        result = prism.run([str(DEMO)], tmp / name)
        analyses = {a.article_id: prism.analysis(a.article_id) for a in prism.articles()}
    dossiers = {w.story_id: w.json.read_text(encoding="utf-8") for w in result.stories}
    return analyses, dossiers


def test_analyse_two_workers_give_what_one_gives(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsprism.analyse import pool

    monkeypatch.setattr(pool, "MIN_ARTICLES_PER_WORKER", 1)  # the demo's 8 articles would run in one process
    one = _run(tmp_path, "one", workers=1)
    two = _run(tmp_path, "two", workers=2)
    assert len(one[0]) == 8 and one[1]
    for aid, analysis in one[0].items():
        assert two[0][aid].__class__ is analysis.__class__
        assert (two[0][aid].mentions, two[0][aid].quotes, two[0][aid].times, two[0][aid].event) == \
            (analysis.mentions, analysis.quotes, analysis.times, analysis.event)
    assert one[1] == two[1]


def test_run_one_article_failing_analysis_is_a_problem_and_the_run_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.analyse as an

    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    real = an._analyse_doc

    def flaky(doc, article, *args):  # type: ignore[no-untyped-def]
        if "Harbour" in (article.title or "") or "harbour" in article.source:
            raise IndexError("list index out of range")
        return real(doc, article, *args)

    monkeypatch.setattr(an, "_analyse_doc", flaky)
    settings = Settings.load(SETTINGS, workers=1)
    with Prism(db=tmp_path / "r.db", settings=settings) as prism:
        result = prism.run([str(corpus)], tmp_path / "out")
        failed = {p.path for p in result.analyse.problems}
        assert len(failed) == 1 and len(result.analyse.analysed) == 7
        (bad,) = failed
        assert "harbour" in prism.article(bad).source
        assert all("IndexError" in p.reason for p in result.analyse.problems)
    assert result.stories and all(json.loads(w.json.read_text(encoding="utf-8"))["story_id"] == w.story_id
                                  for w in result.stories)


