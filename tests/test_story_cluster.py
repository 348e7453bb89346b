"""story_cluster: the clustering engine inside stories.assign (compact state, arena, index)."""

from __future__ import annotations

import numpy as np

from newsprism.settings import StorySettings
from newsprism.story_cluster import Clusterer
from newsprism.story_features import features


def test_story_cluster_compact_state_keeps_vectors_exactly(story_stream) -> None:
    s = StorySettings()
    c = Clusterer(s)
    arts, _ = story_stream()
    nums = [c.take(a) for a in arts]
    again = [c._features(i) for i in nums]
    as_dicts = [list(zip([c.term_list[t] for t in ids.tolist()], vals.tolist(), strict=True)) for ids, vals in again]
    assert as_dicts == [list(features(a, s).items()) for a in arts]  # order and values, bit for bit
    assert not c.kept  # each held vector is handed out once
    assert len(c.term_list) == len(set(c.term_list))  # each term string held once
    assert set(again[0][0].tolist()) & set(again[1][0].tolist())


def test_story_cluster_arena_and_index_hold_the_story_vectors(story_stream) -> None:
    arts, _ = story_stream()
    s = StorySettings()
    c = Clusterer(s)
    nums = [c.take(a) for a in arts]  # counted and held
    c.frozen = True  # IDF fixed: each article's unit length is the same now as when it joined
    for i in nums:
        c.add(i, ())
    assert any(v >= 0 for v in c.index.one) and len(c.index)  # a term of one story: its number, no slot
    vectors = {sid: dict(zip(c._vec(st)[0].tolist(), c._vec(st)[1].tolist(), strict=True))
               for sid, st in c.stories.items()}
    for sid, vec in vectors.items():  # sorted, unique terms; the story's vector is the sum of its unit articles
        ids = c._vec(c.stories[sid])[0]
        assert (ids[1:] > ids[:-1]).all()
        expect: dict[int, float] = {}
        for k in c.stories[sid].members:
            a = arts[k]
            raw = features(a, s)
            ws = {c.terms[t]: v for t, v in raw.items()}
            unit = sum((v * c._idf(t)) ** 2 for t, v in ws.items()) ** 0.5
            for t, v in ws.items():
                expect[t] = expect.get(t, 0.0) + v / unit
        assert vec.keys() == expect.keys()
        assert all(abs(vec[t] - expect[t]) < 1e-12 for t in vec)
    for t in range(len(c.term_list)):  # every story holding a term is found from it, and only those
        found = c.index.get(t).tolist()
        holders = [st.num for st in c.stories.values() if t in vectors[st.sid]]
        assert sorted(found) == sorted(holders), c.term_list[t]
    ks = [st.num for st in c.stories.values() for _ in range(3)]
    ts = [t for st in c.stories.values() for t in (*list(vectors[st.sid])[:2], len(c.term_list) + 5)]
    got = c.arena.lookup(np.array(ks), np.array(ts, np.int32)).tolist()
    want = [vectors[c.by_num[k].sid].get(t, 0.0) for k, t in zip(ks, ts, strict=True)]  # type: ignore[union-attr]
    assert got == want


def test_story_cluster_terms_table_is_rebuilt_after_it_is_dropped(story_stream) -> None:
    s = StorySettings()
    c = Clusterer(s)
    arts, _ = story_stream()
    first = [c.intern(features(a, s))[0].tolist() for a in arts]
    c.forget_terms()
    assert not c.terms
    assert [c.intern(features(a, s))[0].tolist() for a in arts] == first  # the same numbers
    assert len(c.term_list) == len(set(c.term_list))


def test_story_cluster_holds_vectors_with_batch_idf_and_articles_with_online_idf(story_stream) -> None:
    arts, _ = story_stream()
    c = Clusterer(StorySettings())
    assert [c.take(a) for a in arts] == list(range(len(arts))) and not c.articles  # batch IDF: vectors, no article
    c = Clusterer(StorySettings(batch_idf=False))
    assert all(c.articles[c.take(a)] is a for a in arts)  # online IDF: features made when assigned
