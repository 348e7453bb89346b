"""Compact state of :func:`newsprism.stories.assign`: story vectors in one arena, vectors held until used.

Internal to the stories stage: arrays of term numbers (int32) and float64 weights in place of
per-story dicts of Python floats, with the same values bit for bit.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

import numpy as np


class Arena:
    """Every story's vector in one CSR-like arena: story ``k``'s term numbers (sorted, int32) are
    ``ids[start[k]:start[k] + size[k]]``; its weights are coded, each a 16-bit number into the
    story's own table of distinct weights (``table[tstart[k]:tstart[k] + tsize[k]]``, float64), so
    a weight costs 6 bytes and not 12 (a story of one or a few articles has few distinct weights:
    a term's weight depends on its count and block). A story with more distinct weights than 16
    bits tell apart keeps its weights as they are (``wide``). The values are the same bit for bit.

    A vector that changes is written anew at the end; the space it left is reused when the
    arena is full and an eighth of it is dead (live vectors moved down), else the arena grows by
    an eighth. :meth:`lookup` finds many (story, term) weights at once, a binary search run over
    all of them together.
    """

    def __init__(self) -> None:
        self.ids = np.zeros(1 << 12, np.int32)
        self.codes = np.zeros(1 << 12, np.uint16)
        self.table = np.zeros(1 << 10, np.float64)
        self.used = 0
        self.dead = 0
        self.tused = 0
        self.tdead = 0
        self.start = np.zeros(1 << 8, np.int64)
        self.size = np.zeros(1 << 8, np.int64)
        self.tstart = np.zeros(1 << 8, np.int64)
        self.tsize = np.zeros(1 << 8, np.int64)
        self.wide: dict[int, np.ndarray] = {}  # story -> its weights, when not coded

    def get(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Story ``k``'s terms (a view: valid until the next :meth:`put`) and weights (a new array)."""
        if k >= len(self.start):
            return self.ids[:0], self.table[:0]
        a = int(self.start[k])
        b = a + int(self.size[k])
        wide = self.wide.get(k)
        if wide is not None:
            return self.ids[a:b], wide
        t = int(self.tstart[k])
        return self.ids[a:b], self.table[t:t + int(self.tsize[k])][self.codes[a:b]]

    def put(self, k: int, ids: np.ndarray, vals: np.ndarray) -> None:
        if k >= len(self.start):
            grow = max(k + 1, len(self.start) * 3 // 2)
            self.start, self.size, self.tstart, self.tsize = (
                np.concatenate([x, np.zeros(grow - len(x), np.int64)])
                for x in (self.start, self.size, self.tstart, self.tsize))
        self.drop(k)
        n = len(ids)
        table, codes = np.unique(vals, return_inverse=True)
        if len(table) > 0xFFFF or (table == 0.0).any():  # (a -0.0 and a 0.0 would share a code)
            self.wide[k] = np.array(vals, np.float64)
            table = table[:0]
            codes = np.zeros(n, np.uint16)
        m = len(table)
        if self.used + n > len(self.ids) or self.tused + m > len(self.table):
            if self.dead * 8 > self.used or self.tdead * 8 > self.tused:
                self._compact()
            if self.used + n > len(self.ids):
                # grown in place (no view of the arena is held across a put)
                cap = max(self.used + n, (self.used + n) * 9 // 8)
                self.ids.resize(cap, refcheck=False)
                self.codes.resize(cap, refcheck=False)
            if self.tused + m > len(self.table):
                self.table.resize(max(self.tused + m, (self.tused + m) * 9 // 8), refcheck=False)
        self.ids[self.used:self.used + n] = ids
        self.codes[self.used:self.used + n] = codes
        self.table[self.tused:self.tused + m] = table
        self.start[k], self.size[k] = self.used, n
        self.tstart[k], self.tsize[k] = self.tused, m
        self.used += n
        self.tused += m

    def drop(self, k: int) -> None:
        if k < len(self.size):
            self.dead += int(self.size[k])
            self.tdead += int(self.tsize[k])
            self.size[k] = 0
            self.tsize[k] = 0
            self.wide.pop(k, None)

    def _compact(self) -> None:
        """Move every live vector and table down over the dead space, in arena order."""
        for start, size, arrays in ((self.start, self.size, (self.ids, self.codes)),
                                    (self.tstart, self.tsize, (self.table,))):
            live = np.flatnonzero(size)
            order = live[np.argsort(start[live], kind="stable")].tolist()
            to = 0
            for k in order:
                a, n = int(start[k]), int(size[k])
                if a != to:
                    for x in arrays:
                        x[to:to + n] = x[a:a + n]
                    start[k] = to
                to += n
            if arrays[0] is self.ids:
                self.used, self.dead = to, 0
            else:
                self.tused, self.tdead = to, 0

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
        out = np.where(hit, self.table[np.minimum(self.tstart[ks] + self.codes[at], max(len(self.table) - 1, 0))], 0.0)
        if self.wide:
            for i in np.flatnonzero(hit).tolist():
                wide = self.wide.get(int(ks[i]))
                if wide is not None:
                    out[i] = wide[int(at[i] - self.start[ks[i]])]
        return out


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
        # chunk -> [terms, codes, table, row starts in terms, row starts in table, rows left, 1 per row
        # handed out], or None once freed
        self.chunks: list[list[Any] | None] = []
        self.rows = 0
        self.left = 0  # rows not yet handed out

    def __len__(self) -> int:
        return self.left

    def put(self, row: int, vec: Vec) -> None:
        """Hold ``vec`` as row ``row`` (rows come in order: 0, 1, 2...)."""
        if row != self.rows:
            raise ValueError(f"held vectors: row {row} given, {self.rows} expected")
        ids, vals = vec
        table, codes = np.unique(vals, return_inverse=True)
        if len(table) > 0xFFFF:  # more distinct weights than a code can tell apart: the weights themselves
            table, codes = vals, np.arange(len(vals))
        if self.rows % CHUNK == 0:
            self.chunks.append([array("i"), array("I" if len(table) > 0xFFFF else "H"), array("d"),
                                array("q", [0]), array("q", [0]), 0, array("b")])
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
        chunk[6].append(0)
        self.rows += 1
        self.left += 1

    def take(self, row: int) -> Vec | None:
        """The vector held as ``row`` (then no longer held), or None."""
        if row >= self.rows:
            return None
        chunk = self.chunks[row // CHUNK]
        if chunk is None:
            return None
        r = row % CHUNK
        if chunk[6][r]:  # handed out already
            return None
        a, b = chunk[3][r], chunk[3][r + 1]
        table = np.array(chunk[2][chunk[4][r]:chunk[4][r + 1]], np.float64)
        vec = np.array(chunk[0][a:b], np.int32), table[np.array(chunk[1][a:b], np.intp)]
        chunk[6][r] = 1
        chunk[5] -= 1
        self.left -= 1
        if chunk[5] == 0 and (row // CHUNK < len(self.chunks) - 1 or self.rows % CHUNK == 0):
            self.chunks[row // CHUNK] = None
        return vec


class Postings:
    """The candidate index: term number -> the numbers of the stories whose vectors hold it.

    ``one[term]`` is the one story holding the term (-1: none), or ``-2 - slot`` when several
    do: their numbers are ``pool[start[slot]:start[slot] + count[slot]]``, in the order they
    came, in one int32 pool (a slot that fills moves to the pool's end with half as much room
    again; the pool is compacted when full and an eighth of it is dead). No Python object per
    term.
    """

    def __init__(self) -> None:
        self.one = array("i")
        self.pool = np.zeros(1 << 12, np.int32)
        self.used = 0
        self.dead = 0
        self.start = array("q")
        self.count = array("i")
        self.room = array("i")
        self.free: list[int] = []  # slots no longer used

    def __len__(self) -> int:
        """Terms held by several stories."""
        return len(self.start) - len(self.free)

    def new_term(self) -> None:
        self.one.append(-1)

    def add(self, term: int, k: int) -> None:
        """Story ``k`` now holds ``term`` (a story is added to a term once)."""
        cur = self.one[term]
        if cur == -1:
            self.one[term] = k
        elif cur >= 0:
            if cur != k:
                slot = self._slot(4)
                self.pool[self.start[slot]:self.start[slot] + 2] = (cur, k)
                self.count[slot] = 2
                self.one[term] = -2 - slot
        else:
            slot = -2 - cur
            n = self.count[slot]
            if n == self.room[slot]:
                self._move(slot, n + n // 2)
            self.pool[self.start[slot] + n] = k
            self.count[slot] = n + 1

    def discard(self, term: int, k: int) -> None:
        """Story ``k`` no longer holds ``term``."""
        cur = self.one[term]
        if cur == k:
            self.one[term] = -1
        elif cur <= -2:
            slot = -2 - cur
            a, n = self.start[slot], self.count[slot]
            seg = self.pool[a:a + n]
            at = np.flatnonzero(seg == k)
            if at.size:
                j = int(at[0])
                seg[j:n - 1] = seg[j + 1:n].copy()
                n -= 1
                self.count[slot] = n
            if n == 1:
                self.one[term] = int(self.pool[a])
                self.dead += self.room[slot]
                self.count[slot] = self.room[slot] = 0
                self.free.append(slot)

    def get(self, term: int) -> np.ndarray:
        """The numbers of the stories holding ``term`` (int64, a new array)."""
        cur = self.one[term]
        if cur <= -2:
            slot = -2 - cur
            a = self.start[slot]
            return self.pool[a:a + self.count[slot]].astype(np.int64)
        return np.array([cur] if cur >= 0 else [], np.int64)

    def _slot(self, room: int) -> int:
        if self.free:
            slot = self.free.pop()
        else:
            slot = len(self.start)
            self.start.append(0)
            self.count.append(0)
            self.room.append(0)
        self.start[slot] = self._take(room)
        self.room[slot] = room
        return slot

    def _take(self, room: int) -> int:
        """``room`` places at the pool's end (compacted or grown first if full)."""
        if self.used + room > len(self.pool):
            if self.dead * 8 > self.used:
                self._compact()
            if self.used + room > len(self.pool):
                self.pool.resize(max(self.used + room, (self.used + room) * 9 // 8), refcheck=False)
        at = self.used
        self.used += room
        return at

    def _move(self, slot: int, room: int) -> None:
        a, n = self.start[slot], self.count[slot]
        self.dead += self.room[slot]
        self.room[slot] = 0  # not moved by a compaction on the way
        seg = self.pool[a:a + n].copy()
        to = self._take(room)
        self.pool[to:to + n] = seg
        self.start[slot], self.room[slot] = to, room

    def _compact(self) -> None:
        """Move every slot down over the dead space, in pool order."""
        live = [k for k in range(len(self.start)) if self.room[k]]
        live.sort(key=self.start.__getitem__)
        to = 0
        pool = self.pool
        for k in live:
            a, n, room = self.start[k], self.count[k], self.room[k]
            if a != to:
                pool[to:to + n] = pool[a:a + n]
                self.start[k] = to
            to += room
        self.used, self.dead = to, 0


class Terms:
    """Term strings by number, as one UTF-8 buffer and the offsets into it: a term costs its bytes
    and 8 more, not a Python string each. ``terms[k]`` is term ``k``."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, k: int) -> str:
        a = self.ends[k - 1] if k else 0
        return self.blob[a:self.ends[k]].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return (self[k] for k in range(len(self.ends)))

    def append(self, term: str) -> None:
        self.blob += term.encode("utf-8")
        self.ends.append(len(self.blob))
