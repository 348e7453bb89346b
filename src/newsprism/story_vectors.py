"""Compact state of :func:`newsprism.stories.assign`: story vectors in one arena, vectors held until used.

Internal to the stories stage: arrays of term numbers (int32) and float64 weights in place of
per-story dicts of Python floats, with the same values bit for bit.
"""

from __future__ import annotations

from array import array
from typing import Any

import numpy as np


class Arena:
    """Every story's vector in one CSR-like arena: story ``k``'s term numbers (sorted, int32) and
    weights (float64) are ``ids[start[k]:start[k] + size[k]]`` and ``vals[...]``.

    A vector that changes is written anew at the end; the space it left is reused when the
    arena is full and an eighth of it is dead (live vectors moved down), else the arena grows by
    an eighth. :meth:`lookup` finds many (story, term)
    weights at once, a binary search run over all of them together.
    """

    def __init__(self) -> None:
        self.ids = np.zeros(1 << 12, np.int32)
        self.vals = np.zeros(1 << 12, np.float64)
        self.used = 0
        self.dead = 0
        self.start = np.zeros(1 << 8, np.int64)
        self.size = np.zeros(1 << 8, np.int64)

    def get(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Story ``k``'s terms and weights (views: valid until the next :meth:`put`)."""
        if k >= len(self.start):
            return self.ids[:0], self.vals[:0]
        a = int(self.start[k])
        b = a + int(self.size[k])
        return self.ids[a:b], self.vals[a:b]

    def put(self, k: int, ids: np.ndarray, vals: np.ndarray) -> None:
        if k >= len(self.start):
            grow = max(k + 1, len(self.start) * 3 // 2)
            self.start = np.concatenate([self.start, np.zeros(grow - len(self.start), np.int64)])
            self.size = np.concatenate([self.size, np.zeros(grow - len(self.size), np.int64)])
        self.drop(k)
        n = len(ids)
        if self.used + n > len(self.ids):
            if self.dead * 8 > self.used:
                self._compact()
            if self.used + n > len(self.ids):
                # grown in place (no view of the arena is held across a put)
                cap = max(self.used + n, (self.used + n) * 9 // 8)
                self.ids.resize(cap, refcheck=False)
                self.vals.resize(cap, refcheck=False)
        self.ids[self.used:self.used + n] = ids
        self.vals[self.used:self.used + n] = vals
        self.start[k] = self.used
        self.size[k] = n
        self.used += n

    def drop(self, k: int) -> None:
        if k < len(self.size):
            self.dead += int(self.size[k])
            self.size[k] = 0

    def _compact(self) -> None:
        """Move every live vector down over the dead space, in arena order."""
        live = np.flatnonzero(self.size)
        order = live[np.argsort(self.start[live], kind="stable")].tolist()
        to = 0
        ids, vals, start, size = self.ids, self.vals, self.start, self.size
        for k in order:
            a, n = int(start[k]), int(size[k])
            if a != to:
                ids[to:to + n] = ids[a:a + n]
                vals[to:to + n] = vals[a:a + n]
                start[k] = to
            to += n
        self.used, self.dead = to, 0

    def lookup(self, ks: np.ndarray, ts: np.ndarray) -> np.ndarray:
        """The weight of term ``ts[i]`` in story ``ks[i]``, for every i (0.0 where absent)."""
        lo = self.start[ks]
        end = lo + self.size[ks]
        hi = end.copy()
        ids = self.ids
        while True:
            open_ = lo < hi
            if not open_.any():
                break
            mid = (lo + hi) >> 1
            go = open_ & (ids[np.minimum(mid, len(ids) - 1)] < ts)
            lo = np.where(go, mid + 1, lo)
            hi = np.where(open_ & ~go, mid, hi)
        hit = lo < end
        at = np.where(hit, lo, 0)
        hit &= ids[at] == ts
        return np.where(hit, self.vals[at], 0.0)


def find(ids: np.ndarray, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``terms`` sits in the sorted ``ids``, and whether it is there."""
    pos = np.searchsorted(ids, terms)
    found = pos < len(ids)
    found[found] = ids[pos[found]] == terms[found]
    return pos, found


Vec = tuple[np.ndarray, np.ndarray]  # term numbers (int32) and weights (float64), in the article's order
CHUNK = 1024  # held vectors freed together


class Held:
    """Vectors computed up front (for batch IDF), each held until it is used once.

    Per vector: its term numbers (int32) and, instead of a float per term, a
    16-bit code into the vector's own table of distinct weights (a vector's
    weights take few values: a term's weight depends on its count and block).
    Rows sit in chunks of ``CHUNK``, each freed once all its rows are handed
    out, so that the held vectors shrink as the stories grow.
    """

    def __init__(self) -> None:
        self.row_of: dict[str, int] = {}  # article id -> its row
        # chunk -> [terms, codes, table, row starts in terms, row starts in table, rows left], or None once freed
        self.chunks: list[list[Any] | None] = []
        self.rows = 0

    def __len__(self) -> int:
        return len(self.row_of)

    def put(self, article_id: str, vec: Vec) -> None:
        ids, vals = vec
        table, codes = np.unique(vals, return_inverse=True)
        if len(table) > 0xFFFF:  # more distinct weights than a code can tell apart: the weights themselves
            table, codes = vals, np.arange(len(vals))
        if self.rows % CHUNK == 0:
            self.chunks.append([array("i"), array("I" if len(table) > 0xFFFF else "H"), array("d"),
                                array("q", [0]), array("q", [0]), 0])
        chunk = self.chunks[-1]
        assert chunk is not None
        if len(table) > 0xFFFF and chunk[1].typecode == "H":
            chunk[1] = array("I", chunk[1])
        chunk[0].frombytes(ids.astype(np.int32).tobytes())
        chunk[1].extend(codes.tolist())
        chunk[2].frombytes(table.tobytes())
        chunk[3].append(len(chunk[0]))
        chunk[4].append(len(chunk[2]))
        chunk[5] += 1
        self.row_of[article_id] = self.rows
        self.rows += 1

    def take(self, article_id: str) -> Vec | None:
        """The vector held for the article (then no longer held), or None."""
        row = self.row_of.pop(article_id, None)
        if row is None:
            return None
        chunk = self.chunks[row // CHUNK]
        assert chunk is not None
        r = row % CHUNK
        a, b = chunk[3][r], chunk[3][r + 1]
        table = np.array(chunk[2][chunk[4][r]:chunk[4][r + 1]], np.float64)
        vec = np.array(chunk[0][a:b], np.int32), table[np.array(chunk[1][a:b], np.intp)]
        chunk[5] -= 1
        if chunk[5] == 0 and (row // CHUNK < len(self.chunks) - 1 or self.rows % CHUNK == 0):
            self.chunks[row // CHUNK] = None
        return vec
