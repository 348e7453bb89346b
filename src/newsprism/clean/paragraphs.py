"""The cleaner's paragraphs: blocks of the source with their offset anchors, the match key
and shingles of a paragraph, and the index of kept paragraphs for the near-repeat check."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

WS = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
_ODD_SPACE = re.compile(r"[^\S ]|  |^ | $|[\u00a0\u200b\u200c\u200d\u2060\ufeff]")
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})  # fmt: skip
_KEY_DROP = re.compile(r"[^\w\s]|_")


@dataclass(slots=True)
class Block:
    start: int
    end: int
    text: str  # whitespace-normalised, quotes straightened
    anchors: list[tuple[int, int]]  # (offset in text, source offset)
    cuts: list[tuple[int, int]]


# ---------------------------------------------------------------- paragraphs


def paragraphs_of(src: str) -> list[Block]:
    """Paragraphs of the source: blank-line separated blocks when the text has
    blank lines, else one line each."""
    if BLANK_LINE.search(src):
        spans, pos = [], 0
        for m in BLANK_LINE.finditer(src):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(src)))
    else:
        spans, pos = [], 0
        for line in src.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    out = []
    for start, end in spans:
        while start < end and src[start].isspace():
            start += 1
        while end > start and src[end - 1].isspace():
            end -= 1
        block = make_block(src, start, end, [])
        if block.text:
            out.append(block)
    return out


def make_block(src: str, start: int, end: int, cuts: list[tuple[int, int]]) -> Block:
    """Normalise src[start:end] minus cuts, recording offset anchors."""
    if not cuts:
        plain = src[start:end]
        if not _ODD_SPACE.search(plain):  # single plain spaces only: one anchor
            return Block(start, end, plain.translate(QUOTES), [(0, start)], [])
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos = 0
    delta: int | None = None

    def add(chunk: str, at: int) -> None:
        """Append src's ``chunk`` found at ``at``, a space before it when needed; an anchor where
        the offset between the text and src changes."""
        nonlocal pos, delta
        if pos and not pieces[-1].endswith(" "):
            pieces.append(" ")
            pos += 1
        if delta != at - pos:
            delta = at - pos
            anchors.append((pos, at))
        pieces.append(chunk)
        pos += len(chunk)

    segments, cur = [], start
    for a, b in sorted(cuts):
        segments.append((cur, a))
        cur = b
    segments.append((cur, end))
    for seg_start, seg_end in segments:
        last = seg_start
        for m in WS.finditer(src, seg_start, seg_end):
            chunk = src[last:m.start()]
            if chunk:
                add(chunk, last)
            if pos and not pieces[-1].endswith(" "):
                pieces.append(" ")
                pos += 1
                if delta != m.start() - (pos - 1):
                    delta = m.start() - (pos - 1)
                    anchors.append((pos - 1, m.start()))
            last = m.end()
        chunk = src[last:seg_end]
        if chunk:
            add(chunk, last)
    text = "".join(pieces).rstrip(" ").translate(QUOTES)
    return Block(start, end, text, anchors, cuts)


def text_without(src: str, start: int, end: int, cuts: list[tuple[int, int]]) -> str:
    """src[start:end] with the cut spans left out (already logged apart)."""
    out, cur = [], start
    for a, b in sorted(cuts):
        out.append(src[cur:a])
        cur = b
    out.append(src[cur:end])
    return "".join(out)


def compact(anchors: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for c, s in anchors:
        if out and s - c == out[-1][1] - out[-1][0]:
            continue
        out.append((c, s))
    return tuple(out)


def squash_plain(text: str) -> str:
    return " ".join(WS.split(text)).strip()


def match_key(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(_KEY_DROP.sub(" ", text.translate(QUOTES).lower()).split())


def key_shingles(key: str, n: int = 3) -> frozenset[int]:
    """The key's word n-shingles, each kept as its hash: a tenth of the memory,
    and (a 64-bit collision aside) the same similarities."""
    words = key.split()
    return frozenset(hash(tuple(words[i:i + n])) for i in range(max(1, len(words) - n + 1)))


_Shingle = int  # a shingle's hash

#: At most this many earlier paragraphs are compared with each paragraph in
#: the near-repeat check (those sharing its rarest shingles, earliest first):
#: it keeps the check linear in the size of the text.
MAX_REPEAT_CANDIDATES = 64


class RepeatIndex:
    """The kept paragraphs' shingle sets, indexed for the near-repeat check.

    Prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007): with each
    set's shingles in one global order, rarest in the text first, two sets
    whose Jaccard similarity reaches ``threshold`` share a shingle among the
    first ``n - ceil(threshold * n) + 1`` of either. Only paragraphs sharing
    such a shingle are compared, at most :data:`MAX_REPEAT_CANDIDATES` of them,
    so a text's check takes time linear in its size (a comparison costs the
    size of the paragraph, and the size filter bounds the other's size). The
    answer is the one a comparison with every kept paragraph gives, unless
    more than that many candidates share a shingle (never in news text).
    """

    def __init__(self, threshold: float, blocks: list[Block]) -> None:
        self.threshold = threshold
        counts: dict[_Shingle, int] = {}
        for b in blocks:
            for sh in key_shingles(match_key(b.text)):
                counts[sh] = counts.get(sh, 0) + 1
        self.counts = counts
        self.sets: list[tuple[frozenset[_Shingle], int]] = []
        self.postings: dict[_Shingle, list[int]] = {}

    def _prefix(self, shingles: frozenset[_Shingle]) -> list[_Shingle]:
        n = len(shingles)
        size = n - math.ceil(self.threshold * n - 1e-9) + 1
        counts = self.counts
        return sorted(shingles, key=lambda sh: (counts.get(sh, 0), sh))[:max(1, size)]

    def add(self, shingles: frozenset[_Shingle], index: int) -> None:
        position = len(self.sets)
        self.sets.append((shingles, index))
        for sh in self._prefix(shingles):
            self.postings.setdefault(sh, []).append(position)

    def candidates(self, shingles: frozenset[_Shingle]) -> list[int]:
        """Positions of kept sets sharing a prefix shingle, earliest first."""
        found: set[int] = set()
        for sh in self._prefix(shingles):
            found.update(self.postings.get(sh, ())[:MAX_REPEAT_CANDIDATES])
        return sorted(found)[:MAX_REPEAT_CANDIDATES]


def near_repeat(mine: frozenset[_Shingle], kept: RepeatIndex) -> int | None:
    """The index of the first kept paragraph this one nearly repeats (Jaccard
    similarity of word 3-shingles at least the threshold), or None."""
    threshold = kept.threshold
    for position in kept.candidates(mine) if mine else ():
        theirs, index = kept.sets[position]
        small, large = sorted((len(mine), len(theirs)))
        if not large or small / large < threshold:
            continue
        if len(mine & theirs) / len(mine | theirs) >= threshold:
            return index
    return None
