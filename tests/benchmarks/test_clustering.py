"""The stories benchmark's cross-validation (benchmarks/clustering.py): what ``--landscape`` reports per fold."""

from __future__ import annotations

import pytest

from _support import load_benchmark
from newsprism import stories, story_cluster


def test_clustering_landscape_gives_each_values_best_training_point_and_its_held_out_scores(
        story_stream, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # the script caches the features under both names: put them back after the test
    monkeypatch.setattr(stories, "features", stories.features)
    monkeypatch.setattr(story_cluster, "features", story_cluster.features)
    clustering = load_benchmark("clustering")
    arts, gold = story_stream()
    corpora = [("stream", arts, gold)]
    grid = {"threshold": [0.05, 0.6], "name_conflict": [0, 3]}
    folds = clustering.cross_validate(corpora, 3, 0, grid, cells=["name_conflict"])
    for fold, held in zip(folds, clustering.folds_of(corpora, 3, 0), strict=True):
        train = [a for a in arts if gold[a.article_id] not in held["stream"]]
        test = [a for a in arts if gold[a.article_id] in held["stream"]]
        cells = fold["landscape"]
        assert [c["values"] for c in cells] == [{"name_conflict": 0}, {"name_conflict": 3}]
        for cell in cells:
            # the best point of the grid held to the cell's value, scored as tune scores it
            st, obj = clustering.tune([("stream", train, {a.article_id: gold[a.article_id] for a in train})],
                                      {**grid, "name_conflict": [cell["values"]["name_conflict"]]})
            assert cell["settings"] == st and cell["train_objective"] == round(obj, 4)
            assert cell["train"] == {"stream": round(obj, 4)}
            held_out = clustering.scores(clustering.cluster(test, st), {a.article_id: gold[a.article_id] for a in test})
            assert cell["held_out"]["stream"] == {m: round(v, 4) for m, v in held_out.items()}
        # the fold's own choice is the best of its cells
        best = max(cells, key=lambda c: c["train_objective"])
        assert fold["tuned"]["name_conflict"] == best["values"]["name_conflict"]
        assert fold["held_out"] == best["held_out"]
