"""story_vectors: the arena of story vectors, the held article vectors, the postings and the term strings."""

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
        held.put(i, vecs[f"a{i}"])
    for i, (ids, vals) in enumerate(vecs.values()):
        got = held.take(i)
        assert got is not None and got[0].tolist() == ids.tolist() and got[1].tolist() == vals.tolist()
        assert held.take(i) is None  # handed out once
    assert held.chunks[0] is None and not len(held)  # the full chunk, all handed out, is freed


def test_story_vectors_arena_codes_weights_exactly() -> None:
    import numpy as np

    from newsprism.story_vectors import Arena

    rng = np.random.default_rng(3)
    arena = Arena()
    want = {}
    for k in range(300):
        n = 70_000 if k == 5 else int(rng.integers(0, 300))  # story 5: more distinct weights than 16 bits code
        ids = np.sort(rng.choice(200_000, n, replace=False)).astype(np.int32)
        vals = rng.random(n) if k % 3 == 0 else rng.choice([0.125, 1 / 3, 0.7], n)
        if k == 7 and n:
            vals[0] = -0.0  # a signed zero stays signed
        arena.put(k % 97, ids, vals)  # rewritten stories leave dead space: compacted on the way
        want[k % 97] = (ids, vals)
    for k, (ids, vals) in want.items():
        got_ids, got_vals = arena.get(k)
        assert got_ids.tolist() == ids.tolist() and got_vals.tobytes() == vals.tobytes()
    ks = np.array([k for k in want for _ in range(2)])
    ts = np.array([t for k in want for t in (want[k][0][:1].tolist() or [0]) + [200_001]], np.int32)
    expect = [float(want[k][1][0]) if j == 0 and len(want[k][0]) else 0.0 for k in want for j in range(2)]
    assert arena.lookup(ks, ts).tolist() == expect


def test_story_vectors_postings_keep_each_terms_stories_in_order() -> None:
    import random

    from newsprism.story_vectors import Postings

    rng = random.Random(4)
    index = Postings()
    for _ in range(50):
        index.new_term()
    want: dict[int, list[int]] = {t: [] for t in range(50)}
    for step in range(20_000):
        t = rng.randrange(50)
        if want[t] and rng.random() < 0.45:
            k = rng.choice(want[t])
            want[t].remove(k)
            index.discard(t, k)
        else:
            k = step
            want[t].append(k)
            index.add(t, k)
    assert all(index.get(t).tolist() == want[t] for t in range(50))
    assert all((index.one[t] >= 0) == (len(want[t]) == 1) for t in range(50))  # one story: no slot
    assert index.used <= 8 * sum(len(v) for v in want.values()) + 64  # dead slots are reclaimed


def test_story_vectors_terms_give_back_each_string() -> None:
    from newsprism.story_vectors import Terms

    words = ["", "T:ferry", "E:Skelby", "naïve", "東京", "ferry"]
    terms = Terms()
    for w in words:
        terms.append(w)
    assert len(terms) == len(words) and [terms[k] for k in range(len(words))] == words == list(terms)
    assert len(terms.blob) == sum(len(w.encode()) for w in words)  # one buffer, no string per term
