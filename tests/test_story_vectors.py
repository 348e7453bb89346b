"""story_vectors: the arena of story vectors and the held article vectors."""

from __future__ import annotations


def test_story_vectors_arena_keeps_vectors_through_rewrites_and_compaction() -> None:
    import random

    import numpy as np

    from newsprism.story_vectors import Arena

    rng = random.Random(3)
    arena = Arena()
    compactions = []
    compact = arena._compact
    arena._compact = lambda: (compactions.append(arena.used), compact())[1]  # type: ignore[method-assign]
    model: dict[int, dict[int, float]] = {}
    for step in range(3000):  # stories grow, are dropped (merged) and rewritten: the arena fills, compacts, grows
        k = rng.randrange(200)
        if rng.random() < 0.1:
            arena.drop(k)
            model.pop(k, None)
            continue
        vec = model.setdefault(k, {})
        for t in rng.sample(range(5000), rng.randrange(1, 60)):
            vec[t] = vec.get(t, 0.0) + rng.random()
        ids = np.array(sorted(vec), np.int32)
        arena.put(k, ids, np.array([vec[t] for t in sorted(vec)]))
        if step % 500 == 499:
            for j, v in model.items():
                got_ids, got_vals = arena.get(j)
                assert got_ids.tolist() == sorted(v) and got_vals.tolist() == [v[t] for t in sorted(v)]
            ks = np.array([j for j in model for _ in range(4)])
            ts = np.array([rng.randrange(5000) for _ in ks], np.int32)
            want = [model[j].get(t, 0.0) for j, t in zip(ks.tolist(), ts.tolist(), strict=True)]
            assert arena.lookup(ks, ts).tolist() == want
    assert arena.used - arena.dead == sum(len(v) for v in model.values())
    assert compactions and len(arena.ids) > 1 << 12  # it was compacted, and it grew


def test_story_vectors_held_vectors_come_back_exactly_and_free_their_chunks() -> None:
    import numpy as np

    from newsprism.story_vectors import CHUNK, Held

    rng = np.random.default_rng(5)
    held = Held()
    vecs = {}
    for i in range(CHUNK + 3):
        n = 70_000 if i == 7 else int(rng.integers(1, 40))  # one vector with more distinct weights than 16 bits code
        vecs[f"a{i}"] = (rng.permutation(100_000)[:n].astype(np.int32), rng.choice([0.1, 0.25, 1 / 3], n) * rng.random(n))
        held.put(f"a{i}", vecs[f"a{i}"])
    for aid, (ids, vals) in vecs.items():
        got = held.take(aid)
        assert got is not None and got[0].tolist() == ids.tolist() and got[1].tolist() == vals.tolist()
        assert held.take(aid) is None  # handed out once
    assert held.chunks[0] is None and not len(held)  # the full chunk, all handed out, is freed
