"""embed: vectors encoded now are used as the store keeps them (no model needed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism import embed


def test_embed_vectors_encoded_now_equal_the_stored_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    raw = rng.normal(size=(2, 512)).astype(np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    monkeypatch.setattr(embed, "encode", lambda texts, threads=1: raw[:len(texts)])
    keys = [("a", "body", 0, 10), ("b", "body", 0, 12)]
    now, fresh = embed.vectors(keys, ["one sentence", "another one"], {}, 1)
    again, none = embed.vectors(keys, ["one sentence", "another one"], dict(fresh), 1)
    assert none == [] and len(fresh) == 2
    # a dossier rebuilt from the store compares exactly the vectors the run compared
    assert np.array_equal(now, again) and not np.array_equal(now, raw)
