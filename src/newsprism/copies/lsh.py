"""``find_copies``: near-duplicates by MinHash LSH over word shingles, verified by exact shingle
overlap and grouped into copy groups with their origins."""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from ..records import Article, Copies, CopyGroup, CopyLink, WireCredit
from ..settings import CopySettings
from .credits import TOKEN, Partition, wire_credit

KINDS = ("identical", "copy", "rewrite")


# ------------------------------------------------------------------ public


def find_copies(articles: Iterable[Article] | Callable[[], Iterable[Article]],
                settings: CopySettings | None = None) -> Copies:
    """Find copies and rewrites among ``articles``.

    Articles flagged ``empty`` (and bodies shorter than one shingle) never
    join. Deterministic: the result depends only on the articles, not on
    their order. ``articles`` may be a function that gives the same articles
    in the same order each time it is called: they are then read twice
    (signatures, then the candidates' texts) and never held all at once, so
    that a batch larger than memory can be given as a stream. A sequence is
    read twice as it is; any other iterable is made a list first.
    """
    s = settings or CopySettings()
    if callable(articles):
        read = articles
    else:
        given = articles if isinstance(articles, Sequence) else list(articles)

        def read() -> Iterable[Article]:
            return given
    b, r = _lsh_bands(s.lsh_threshold, s.num_perm)
    perms = _permutations(s.num_perm, s.seed)
    mod = np.uint64(s.sample_mod or 1)
    token_cache: dict[str, int] = {}
    # compact state, per article read (skipping ``empty`` ones): its id, stream position, origin
    # key's parts, and for a text with shingles the b * r MinHash values its bands read and its
    # sampled shingles; the full shingle sets are made again, in a second read, for the candidates
    ids: list[str] = []
    at = array("q")  # stream position
    pubs = array("d")  # published timestamp (inf: none)
    ranks = array("b")  # _origin_key's first part: 0 the wire itself, 1 crediting a wire, 2 neither
    shingled = array("b")  # 1: the text has shingles
    wires: dict[str, str] = {}
    blocks: list[np.ndarray] = []  # MinHash values, one row per article, _BLOCK rows a block
    sampled = array("Q")
    sampled_of = array("i")  # for each sampled shingle, its article (index into ``ids``)
    for pos, a in enumerate(read()):
        if "empty" in a.flags:
            continue
        k = len(ids)
        if w := wire_credit(a):
            wires[a.article_id] = w
        key = _origin_key(a, wires)
        ids.append(a.article_id)
        at.append(pos)
        pubs.append(key[2])
        ranks.append(key[0])
        if k % _BLOCK == 0:
            blocks.append(np.zeros((_BLOCK, b * r), dtype=np.uint32))
        sh = _shingles(a.text, s.shingle, token_cache)
        shingled.append(1 if sh.size else 0)
        if sh.size:
            blocks[-1][k % _BLOCK] = _minhash(sh, perms)[: b * r]
            if s.sample_mod:
                mine = sh[sh % mod == 0]
                sampled.frombytes(mine.tobytes())
                sampled_of.extend([k] * len(mine))
    del token_cache
    # rows: the articles with shingles sorted by id (the order of rows and of ties, as ever)
    row_art = np.array([k for k in sorted(range(len(ids)), key=ids.__getitem__) if shingled[k]],
                       dtype=np.int64)  # row -> index in ids
    del shingled
    n = len(row_art)
    found = [_band_candidates(blocks, s, rows=row_art)] if n else []
    del blocks
    if s.sample_mod and n:
        row_of = np.full(len(ids), -1, dtype=np.int32)
        row_of[row_art] = np.arange(n, dtype=np.int32)
        h = np.frombuffer(sampled, dtype=np.uint64) if len(sampled) else np.empty(0, np.uint64)
        text = row_of[np.frombuffer(sampled_of, dtype=np.int32)] if len(sampled_of) else np.empty(0, np.int32)
        del row_of
        found.append(_sampled_candidates(h, text, n, s))
        del h, text
    del sampled, sampled_of
    pairs = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    del found
    later, earlier = np.divmod(pairs, np.int64(max(n, 1)))
    del pairs
    links = _verify_read(read, ids, np.frombuffer(at, dtype=np.int64) if len(at) else np.empty(0, np.int64),
                         row_art, later, earlier, pubs, ranks, s)
    links.sort(key=lambda x: (x.source, x.target))
    inside = {x for link in links for x in (link.source, link.target)}
    meta = {aid: (ranks[i], pubs[i]) for i, aid in enumerate(ids) if aid in inside}
    groups = _groups(links, meta, wires)
    return Copies(tuple(links), groups, tuple(WireCredit(aid, w) for aid, w in sorted(wires.items())))


#: rows of MinHash values per block (the values are never one array grown and copied)
_BLOCK = 1024
#: words whose hashes are remembered at most (the memory is dropped when full: same hashes, bounded memory)
_TOKEN_CACHE = 1 << 12
_NONE = float("inf")  # the published time of an undated article


def _verify_read(read: Callable[[], Iterable[Article]], ids: Sequence[str], at: np.ndarray, row_art: np.ndarray,
                 later: np.ndarray, earlier: np.ndarray, pubs: Sequence[float], ranks: Sequence[int],
                 s: CopySettings) -> list[CopyLink]:
    """Verify the candidate pairs (rows ``later``, ``earlier``) in a second read of the articles:
    a pair once both its texts are read, each candidate's shingles held from its reading until
    its last pair is verified."""
    links: list[CopyLink] = []
    if not len(later):
        return links
    pos = at[row_art]  # row -> stream position
    due = np.maximum(pos[later], pos[earlier])  # a pair is verified once its later text is read
    order = np.argsort(due, kind="stable")
    due_sorted = due[order].tolist()
    last = np.full(len(row_art), -1, dtype=np.int64)
    np.maximum.at(last, np.concatenate([later, earlier]), np.concatenate([due, due]))
    cand = np.flatnonzero(last >= 0)
    need = dict(zip(pos[cand].tolist(), cand.tolist(), strict=True))  # stream position -> its row
    drop: dict[int, list[int]] = {}
    for c, p in zip(cand.tolist(), last[cand].tolist(), strict=True):
        drop.setdefault(p, []).append(c)

    def key(row: int) -> tuple[int, int, float, str]:
        i = int(row_art[row])
        return (ranks[i], 0 if pubs[i] != _NONE else 1, pubs[i], ids[i])

    held: dict[int, np.ndarray] = {}
    cache: dict[str, int] = {}
    j, total = 0, len(due_sorted)
    for p, a in enumerate(read()):
        row = need.get(p)
        if row is None:
            continue
        if a.article_id != ids[int(row_art[row])]:
            raise ValueError(f"find_copies: the articles read the second time differ from the first "
                             f"(at {p}: {a.article_id}, not {ids[int(row_art[row])]})")
        held[row] = _shingles(a.text, s.shingle, cache)
        while j < total and due_sorted[j] == p:
            q = int(order[j])
            k, e = int(later[q]), int(earlier[q])
            if link := _link(key(e), held[e], key(k), held[k], s):
                links.append(link)
            j += 1
        for x in drop.pop(p, ()):
            del held[x]
        if j >= total:
            break
    if j < total:
        raise ValueError("find_copies: the articles read the second time differ from the first")
    return links


# ------------------------------------------------------------------ shingles and signatures

_SHIFT = np.uint64(32)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _shingles(text: str, k: int, cache: dict[str, int]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the k-word shingles of ``text``."""
    words = TOKEN.findall(text.lower())
    if len(words) < k:
        return np.empty(0, dtype=np.uint64)
    found = list(map(cache.get, words))
    hashes = [x if x is not None else _token_hash(words[i], cache) for i, x in enumerate(found)]
    ids = np.array(hashes, dtype=np.uint64)
    n = len(words) - k + 1
    h = ids[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h = h * _MIX + ids[j:j + n]
    return np.unique(h)


def _token_hash(word: str, cache: dict[str, int]) -> int:
    b = word.encode("utf-8")
    h = (zlib.crc32(b) << 32) | zlib.adler32(b)
    if len(cache) >= _TOKEN_CACHE:
        cache.clear()
    cache[word] = h
    return h


@lru_cache(maxsize=16)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) of the LSH index: datasketch's choice for the threshold and permutations
    (it weighs false positives and false negatives equally). Imported here: datasketch brings scipy."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def _groups_of_equal(keys: np.ndarray, cap: int | None = None) -> np.ndarray:
    """Pair codes ``i * n + j`` (i < j) of the rows whose keys are equal; groups over ``cap`` skipped."""
    n = np.int64(keys.size)
    order = np.argsort(keys, kind="stable")  # equal keys keep their rows in ascending order
    k = keys[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, k.size])
    two = starts[sizes == 2]
    codes = [order[two].astype(np.int64) * n + order[two + 1]]
    big = (sizes > 2) if cap is None else (sizes > 2) & (sizes <= cap)
    for st, size in zip(starts[big].tolist(), sizes[big].tolist(), strict=True):
        g = order[st:st + size].astype(np.int64)
        i, j = np.triu_indices(size, 1)
        codes.append(g[i] * n + g[j])
    return np.concatenate(codes)


def _pairs(codes: list[np.ndarray], n: int, min_count: int = 1) -> np.ndarray:
    """The pairs (codes ``earlier * n + later``) seen at least ``min_count`` times, as sorted
    codes ``later * n + earlier`` (one int64 a pair: no Python set per text)."""
    if not codes:
        return np.empty(0, dtype=np.int64)
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    earlier, later = np.divmod(pairs[counts >= min_count], np.int64(n))
    out: np.ndarray = np.sort(later * np.int64(n) + earlier)
    return out


def _band_candidates(signatures: np.ndarray | Sequence[np.ndarray], s: CopySettings,
                     rows: np.ndarray | None = None) -> np.ndarray:
    """MinHash LSH in one batch: texts whose signatures agree on all ``r`` rows of at least one of
    the ``b`` bands are candidates (the banding of datasketch's ``MinHashLSH``, with its ``b`` and
    ``r``; each band's rows are mixed into one 64-bit key and the keys sorted, band by band).
    ``signatures`` is one array, or blocks of rows read as one; with ``rows``, the texts are
    those rows of it, in that order. The pairs come as sorted codes ``later * n + earlier``
    (:func:`_pairs`), in the texts' order."""
    b, r = _lsh_bands(s.lsh_threshold, s.num_perm)
    mix = _permutations(r, s.seed + 1)[0]  # odd 64-bit multipliers
    blocks = [signatures] if isinstance(signatures, np.ndarray) else signatures
    seen = np.empty(0, dtype=np.int64)  # the pairs of the bands so far, each once
    n = 0
    with np.errstate(over="ignore"):
        for band in range(b):
            keys = np.concatenate([(x[:, band * r:(band + 1) * r] * mix).sum(axis=1, dtype=np.uint64)
                                   for x in blocks])
            if rows is not None:
                keys = keys[rows]
            n = keys.size
            seen = np.union1d(seen, _groups_of_equal(keys))
    return _pairs([seen], n)


def _sampled_candidates(h: np.ndarray, text: np.ndarray, n: int, s: CopySettings) -> np.ndarray:
    """Pairs of texts sharing at least ``s.sample_hits`` sampled shingles (hash 0 mod
    ``s.sample_mod``), as sorted codes ``later * n + earlier``: the candidates of a short text
    inside a long one, which Jaccard LSH misses. Sampled shingles found in more than
    ``s.sample_cap`` texts (boilerplate) do not count. ``h`` are the sampled shingles of the
    ``n`` texts, ``text`` the text of each (a text's shingles unique, in any order). A sort
    of the samples, range of hash values by range (equal hashes fall in one range), each
    range's pairs counted before the next: no loop over texts, and never every pair code of
    every shared shingle at once."""
    if not n or not h.size:
        return np.empty(0, dtype=np.int64)
    big = np.int64(n)
    part = (h >> np.uint64(64 - _SAMPLE_RANGES_BITS)).astype(np.int64)
    pairs: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    for k in range(1 << _SAMPLE_RANGES_BITS):
        sel = np.flatnonzero(part == k)
        if sel.size < 2:
            continue
        hk, tk = h[sel], text[sel].astype(np.int64)
        # rows of equal sampled hashes (of two texts: a text's shingles are unique), as earlier * n + later
        first, second = np.divmod(_groups_of_equal(hk, s.sample_cap), np.int64(hk.size))
        a, b = tk[first], tk[second]
        found, seen = np.unique(np.minimum(a, b) * big + np.maximum(a, b), return_counts=True)
        pairs.append(found)
        counts.append(seen)
    if not pairs:
        return np.empty(0, dtype=np.int64)
    every, where = np.unique(np.concatenate(pairs), return_inverse=True)
    total = np.zeros(every.size, dtype=np.int64)
    np.add.at(total, where, np.concatenate(counts))
    earlier, later = np.divmod(every[total >= s.sample_hits], big)
    out: np.ndarray = np.sort(later * big + earlier)
    return out


#: the sampled shingles are paired in 2**this ranges of hash value, one at a time
_SAMPLE_RANGES_BITS = 3


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.default_rng(seed)
    a = gen.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = gen.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def _minhash(shingles: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Batched MinHash: ``num_perm`` multiply-shift hashes of every shingle
    (the top 32 bits of ``a * x + b`` mod 2**64), minimum per hash."""
    a, b = perms
    with np.errstate(over="ignore"):
        phv = (shingles[np.newaxis, :] * a[:, np.newaxis] + b[:, np.newaxis]) >> _SHIFT
    out: np.ndarray = phv.min(axis=1)
    return out


# ------------------------------------------------------------------ verification and groups


def _verify(
    a: Article, sa: np.ndarray, b: Article, sb: np.ndarray, wires: dict[str, str], s: CopySettings
) -> CopyLink | None:
    """The link between two articles, given their shingles, or None."""
    return _link(_origin_key(a, wires), sa, _origin_key(b, wires), sb, s)


def _link(ka: tuple[int, int, float, str], sa: np.ndarray, kb: tuple[int, int, float, str], sb: np.ndarray,
          s: CopySettings) -> CopyLink | None:
    """The link between two texts (their origin keys and shingles), or None."""
    shared = int(np.intersect1d(sa, sb, assume_unique=True).size)
    if shared < s.min_shared:
        return None
    shorter = min(sa.size, sb.size)
    containment = shared / shorter
    if containment < s.min_containment:
        return None
    jaccard = shared / (sa.size + sb.size - shared)
    if jaccard >= s.identical_jaccard:
        kind = "identical"
    elif jaccard >= s.copy_jaccard:
        kind = "copy"
    else:
        kind = "rewrite"
    first, second = sorted((ka, kb))
    return CopyLink(first[3], second[3], kind, round(jaccard, 4), round(containment, 4), shared)


def _origin_key(a: Article, wires: Mapping[str, str]) -> tuple[int, int, float, str]:
    """Sort key: the wire itself first (its outlet is the credited agency),
    then articles crediting a wire, then dated before undated, earliest, id."""
    pub = a.published.timestamp() if a.published else _NONE
    wire = wires.get(a.article_id)
    rank = 2 if wire is None else 0 if (a.outlet or "").casefold() == wire.casefold() else 1
    return (rank, 0 if a.published else 1, pub, a.article_id)


def _groups(links: list[CopyLink], meta: Mapping[str, tuple[int, float]],
            wires: Mapping[str, str]) -> tuple[CopyGroup, ...]:
    """Copy groups of the linked articles; ``meta``: article id -> (origin rank, published timestamp)."""
    part = Partition()
    find = part.find
    for link in links:
        part.union(link.source, link.target)
    members: dict[str, list[str]] = {}
    for aid in sorted({x for link in links for x in (link.source, link.target)}):
        members.setdefault(find(aid), []).append(aid)

    def key(aid: str) -> tuple[int, int, float, str]:
        rank, pub = meta[aid]
        return (rank, 0 if pub != _NONE else 1, pub, aid)

    out = []
    for ids in members.values():
        arts = sorted(ids, key=key)
        origin = arts[0]
        wire = wires.get(origin)
        if wire:
            reason = f"credits {wire}"
        elif meta[origin][1] != _NONE:
            reason = "earliest published"
        else:
            reason = "no credit or date; first by id"
        rest = sorted(arts[1:], key=lambda x: (meta[x][1] == _NONE, meta[x][1] if meta[x][1] != _NONE else 0, x))
        gid = hashlib.sha256(min(ids).encode()).hexdigest()[:12]
        out.append(CopyGroup(gid, (origin, *rest), origin, wire, reason))
    out.sort(key=lambda g: g.group_id)
    return tuple(out)
