"""The clustering engine of the stories stage: the mutable state of one ``stories.assign`` call
(articles as numbers in arrays, story vectors in an arena, an inverted index of story terms) and the
decisions it makes article by article: join, open, revive, merge two stories, and (``split_below``)
cut a story in two. ``stories`` describes the method; ``stories.assign`` drives it.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

import numpy as np

from . import blas as _blas
from .records import Article, Membership, Merge, Stories, Story
from .settings import StorySettings
from .story_features import features, looks_back, text_date, text_year
from .story_vectors import Arena as _Arena
from .story_vectors import Held as _Held
from .story_vectors import Postings as _Postings
from .story_vectors import Terms as _Terms
from .story_vectors import Vec as _Vec
from .story_vectors import find as _find

#: how an article joined its story (``Membership.how``), by the number the stories stage keeps
_HOW = ("", "copy", "opened", "joined", "revived")
_NO_YEAR = -(2**62)  # the year of an article that has none


def _two_groups(tree: np.ndarray, n: int, least: int) -> tuple[list[int], list[int], list[int]] | None:
    """The first two groups of ``least`` or more leaves met descending a linkage ``tree`` of ``n``
    leaves from its root, and the outliers passed on the way (a side of fewer than ``least`` leaves
    is passed and the other side descended): two events of one kind each keep their own group
    instead of one outlying article standing against the rest. None when no such node is met."""
    kids = tree[:, :2].astype(np.int64).tolist()
    sizes = tree[:, 3].astype(np.int64).tolist()

    def size(x: int) -> int:
        return 1 if x < n else sizes[x - n]

    def leaves(x: int) -> list[int]:
        out, stack = [], [x]
        while stack:
            y = stack.pop()
            if y < n:
                out.append(y)
            else:
                stack.extend(kids[y - n])
        return sorted(out)

    node, outliers = 2 * n - 2, list[int]()
    while node >= n:
        left, right = kids[node - n]
        if size(left) >= least and size(right) >= least:
            return leaves(left), leaves(right), outliers
        small, node = (left, right) if size(left) < size(right) else (right, left)
        outliers += leaves(small)
    return None


def story_id(article_id: str) -> str:
    """The stable id of the story an article opened."""
    return "s" + hashlib.sha256(article_id.encode()).hexdigest()[:12]


class _Story:
    __slots__ = ("first", "last", "members", "norm", "num", "sid", "size", "sq", "top", "y0", "y1")

    def __init__(self, sid: str, num: int) -> None:
        self.sid = sid
        self.num = num  # its row in the arena of vectors
        self.size = 0  # terms in its vector
        self.members = array("i")  # its articles' numbers
        self.first: float | None = None
        self.last: float | None = None
        self.norm = 1.0  # L2 norm of the IDF-weighted vector (1.0 while empty)
        self.sq = 0.0  # its square, kept up to date as articles join
        self.top: tuple[float, list[int]] | None = None  # (sq when computed, strongest names)
        self.y0: int | None = None  # earliest and latest year of its articles (``_year``)
        self.y1: int | None = None


class Clusterer:
    """Mutable state of one ``stories.assign`` call (never shared between calls).

    Kept compact: every term string is held once (``term_list``) and is
    otherwise a number; document frequencies and IDF are arrays by term
    number; vectors computed up front sit in flat arrays until used; story
    vectors sit in one arena (:class:`_Arena`); the index holds, per term,
    the one story's number, or a slot of numbers in one pool (:class:`_Postings`;
    a story is added to a term's entry only when the term enters its vector, so
    never twice).
    """

    def __init__(self, s: StorySettings) -> None:
        self.s = s
        self.df = array("i")  # term number -> articles counted holding it
        self.held = array("i")  # term number -> placed articles holding it (``min_df``)
        self.n = 0
        self.stories: dict[str, _Story] = {}
        self.by_num: list[_Story | None] = []  # story number -> story (None once merged or cut)
        self.arena = _Arena()
        self.norms = np.ones(1 << 8, np.float64)  # story number -> its norm
        self.index = _Postings()  # term number -> the numbers of the stories holding it
        self.merges: list[Merge] = []
        self.redirect: dict[str, str] = {}
        # articles by number, in the order given: id, publication time, the time and year the window
        # and ``year_gap`` read (``_when``, ``_year``; nan and _NO_YEAR: none), the story it is in
        # (-1: none yet), how it joined (_HOW; 0: not decided in this call) and with what similarity
        self.ids: list[str] = []
        self.pub: list[datetime | None] = []
        self.when = array("d")
        self.back = array("d")  # ``looks_back``: the latest day an article writes, weeks before its time (nan: none)
        self.year = array("q")
        self.story_of = array("i")
        self.how = array("b")
        self.sim = array("d")
        self.articles: dict[int, Article] = {}  # online IDF: each article until its features are made
        self.previous: dict[str, Membership] = {}  # memberships decided before this call
        self.group_of: dict[str, tuple[str, ...]] = {}  # article id -> its copy group
        self.num_of: dict[str, int] = {}  # article id -> number, of those in a copy group or decided before
        self.frozen = False  # True: IDF counted over the batch up front (then cached)
        self.idf_cache = np.zeros(0, np.float64)  # term number -> IDF once frozen (0.0: not yet computed)
        self.terms: dict[str, int] = {}  # term -> its number; each term string held once
        self.term_list = _Terms()  # number -> term
        self.terms_forgotten = False
        self.is_name = array("b")  # number -> 1 when the term is a name feature (``conflict_prefixes``)
        self.kept = _Held()  # vectors computed up front, until used
        # with ``split_below``: each placed article's unit vector (raw terms), by number
        self.placed: dict[int, _Vec] = {}

    # -- idf
    def _idf(self, term: int) -> float:
        if self.frozen:
            if term < len(self.idf_cache):
                cached = float(self.idf_cache[term])
                if cached:
                    return cached
            else:
                self.idf_cache = np.concatenate([self.idf_cache, np.zeros(len(self.term_list) - len(self.idf_cache))])
        value = math.log((self.n + 1) / (self.df[term] + 1)) + 1.0
        if self.frozen:
            self.idf_cache[term] = value
        return value

    def _idfs(self, ids: np.ndarray) -> np.ndarray:
        """The IDF of each term number in ``ids``."""
        if self.frozen:
            if len(self.idf_cache) < len(self.term_list):
                self.idf_cache = np.concatenate([self.idf_cache, np.zeros(len(self.term_list) - len(self.idf_cache))])
            out = self.idf_cache[ids]
            missing = np.flatnonzero(out == 0.0)
            if missing.size:
                n, df = self.n, self.df
                for j in missing.tolist():
                    t = int(ids[j])
                    out[j] = self.idf_cache[t] = math.log((n + 1) / (df[t] + 1)) + 1.0
            return out  # type: ignore[no-any-return]
        n, df = self.n, self.df
        return np.array([math.log((n + 1) / (df[t] + 1)) + 1.0 for t in ids.tolist()], np.float64)

    def count(self, vec: _Vec) -> None:
        if self.frozen:
            return
        self.n += 1
        df = self.df
        for t in vec[0].tolist():
            df[t] += 1

    # -- compact state
    def forget_terms(self) -> None:
        """Drop the term -> number table (rebuilt from ``term_list`` if a term must be looked up again)."""
        self.terms = {}
        self.terms_forgotten = True

    def intern(self, vec: Mapping[str, float]) -> _Vec:
        """``vec`` as term numbers and weights (same order, same values)."""
        if self.terms_forgotten:
            self.terms = {t: k for k, t in enumerate(self.term_list)}
            self.terms_forgotten = False
        terms, names = self.terms, self.term_list
        prefixes = self.s.conflict_prefixes
        ids = []
        for t in vec:
            k = terms.get(t)
            if k is None:
                k = terms[t] = len(names)
                names.append(t)
                self.df.append(0)
                self.held.append(0)
                self.index.new_term()
                self.is_name.append(1 if t.startswith(prefixes) else 0)
            ids.append(k)
        return np.array(ids, np.int32), np.fromiter(vec.values(), np.float64, len(vec))

    def take(self, a: Article) -> int:
        """Number ``a`` and keep what assigning it needs: with batch IDF its vector (counted), not the article."""
        i = len(self.ids)
        when = self._when(a)
        if when is not None:
            year: int | None = datetime.fromtimestamp(when, UTC).year
        else:
            year = text_year(a) if self.s.text_years and not math.isinf(self.s.year_gap) else None
        self.ids.append(a.article_id)
        self.pub.append(a.published)
        self.when.append(math.nan if when is None else when)
        back = looks_back(a, self.s.window_days) if self.s.looks_back else None
        self.back.append(math.nan if back is None else back.timestamp())
        self.year.append(_NO_YEAR if year is None else year)
        self.story_of.append(-1)
        self.how.append(0)
        self.sim.append(0.0)
        if self.s.batch_idf:
            self.count(self.keep(i, features(a, self.s)))
        else:
            self.articles[i] = a
        return i

    def _ts(self, i: int) -> float | None:
        t = self.when[i]
        return None if t != t else t

    def _yr(self, i: int) -> int | None:
        y = self.year[i]
        return None if y == _NO_YEAR else y

    def keep(self, i: int, vec: Mapping[str, float]) -> _Vec:
        """Hold ``vec`` in the flat arrays until :meth:`_features` asks for it; returns it interned."""
        v = self.intern(vec)
        self.kept.put(i, v)
        return v

    # -- stories
    def _story(self, sid: str) -> _Story:
        while sid in self.redirect:
            sid = self.redirect[sid]
        st = self.stories.get(sid)
        if st is None:
            st = self.stories[sid] = _Story(sid, len(self.by_num))
            self.by_num.append(st)
            if st.num >= len(self.norms):
                self.norms = np.concatenate([self.norms, np.ones(len(self.norms) // 2 + 1)])
        return st

    def _vec(self, st: _Story) -> _Vec:
        return self.arena.get(st.num)

    def _set_norm(self, st: _Story, sq: float) -> None:
        st.sq = sq
        st.norm = math.sqrt(sq) if sq > 0 else 1.0
        self.norms[st.num] = st.norm

    def _add_into(self, st: _Story, ids: np.ndarray, vals: np.ndarray) -> np.ndarray:
        """Add ``vals`` (on terms ``ids``, each once) to the story's vector; return the old weights (0.0: new term)."""
        sids, svals = self._vec(st)
        pos, found = _find(sids, ids)
        old = np.zeros(len(ids), np.float64)
        old[found] = svals[pos[found]]
        new_vals = svals.copy()
        new_vals[pos[found]] = old[found] + vals[found]
        fresh = ~found
        if fresh.any():
            order = np.argsort(ids[fresh], kind="stable")
            add_ids, add_vals = ids[fresh][order], vals[fresh][order]
            at = pos[fresh][order]
            new_ids = np.insert(sids, at, add_ids)
            new_vals = np.insert(new_vals, at, add_vals)
            for t in add_ids.tolist():
                self.index.add(t, st.num)
        else:
            new_ids = sids.copy()
        self.arena.put(st.num, new_ids, new_vals)
        st.size = len(new_ids)
        return old

    def _put(self, st: _Story, a: int, vec: _Vec) -> None:
        ids, vals = vec
        idf = self._idfs(ids).tolist()
        # every article counts once: its IDF-weighted vector has length 1 in the story's sum
        unit = 1.0 / (math.sqrt(sum((v * i) ** 2 for v, i in zip(vals.tolist(), idf, strict=True))) or 1.0)
        scaled = vals * unit
        if self.s.split_below > 0:
            self.placed[a] = (ids, scaled)
        old = self._add_into(st, ids, scaled)
        sq = st.sq
        for o, v, i in zip(old.tolist(), scaled.tolist(), idf, strict=True):
            sq += (2 * o * v + v * v) * i ** 2
        self._set_norm(st, sq)
        st.members.append(a)
        ts = self._ts(a)
        if ts is not None:
            st.first = ts if st.first is None else min(st.first, ts)
            st.last = ts if st.last is None else max(st.last, ts)
        y = self._yr(a)
        if y is not None:
            st.y0 = y if st.y0 is None else min(st.y0, y)
            st.y1 = y if st.y1 is None else max(st.y1, y)
        self.story_of[a] = st.num
        if self.s.min_df > 1:
            held = self.held
            for t in ids.tolist():
                held[t] += 1
        aid = self.ids[a]
        if aid in self.group_of or aid in self.previous:
            self.num_of[aid] = a

    def _renorm(self, st: _Story) -> None:
        ids, vals = self._vec(st)
        idf = self._idfs(ids).tolist()
        self._set_norm(st, sum((v * i) ** 2 for v, i in zip(vals.tolist(), idf, strict=True)))

    def _features(self, a: int) -> _Vec:
        vec = self.kept.take(a)
        if vec is not None:
            return vec
        return self.intern(features(self.articles.pop(a), self.s))

    def _common(self, vec: _Vec) -> _Vec:
        """``vec`` without the terms fewer than ``min_df`` articles hold, of those placed before it and itself.

        Counted over the articles placed before (not over the call), so an article reads the same
        terms whether later articles come in the same call or in a later one.
        """
        if self.s.min_df <= 1:
            return vec
        ids, vals = vec
        keep = np.frombuffer(self.held, np.int32)[ids] + 1 >= self.s.min_df
        return (ids, vals) if keep.all() else (ids[keep], vals[keep])

    def replay(self, a: int, sid: str) -> None:
        vec = self._features(a)
        self.count(vec)
        self._put(self._story(sid), a, vec)

    def add(self, a: int, group: Sequence[str]) -> None:
        s = self.s
        whole = self._features(a)
        self.count(whole)
        # decided on the terms an earlier article holds (``min_df``); placed with all its terms,
        # so that a later article sharing one matches it
        vec = self._common(whole)
        placed = [self.story_of[k] for g in group if (k := self.num_of.get(g, -1)) >= 0 and self.story_of[k] >= 0]
        if placed:
            st = self.by_num[placed[0]]
            assert st is not None
            self._put(st, a, whole)
            self._decided(a, "copy", 1.0)
            return
        scored = self._score(vec) if len(vec[0]) else []
        ts = self._ts(a)
        year = self._yr(a)
        accepted: list[tuple[float, str, str]] = []
        twice: list[float] | None = None
        back = self.back[a]
        for rank, (sim, sid) in enumerate(scored):
            live = self._live(self.stories[sid], ts) or (back == back and self._live(self.stories[sid], back))
            if not live and not self._revivable(self.stories[sid], ts):
                continue
            if not self._in_span(self.stories[sid], ts):
                continue  # the story would stretch longer than one event plausibly lasts
            if self._years_apart(self.stories[sid], year, year):
                continue  # the article's year lies years away from the story's
            need = s.threshold if live else s.revive_threshold
            if rank == 0 and live and sim >= s.lone_threshold:
                # a clear best: well ahead of every other candidate
                runner_up = scored[1][0] if len(scored) > 1 else 0.0
                if sim - runner_up >= s.lone_margin:
                    need = min(need, s.lone_threshold)
            if sim >= need and s.name_conflict > 0 and self._names_conflict(vec, self.stories[sid]):
                continue  # each names someone (somewhere) the other never does: another event
            if sim >= need and s.word_support > 0:
                if twice is None:
                    twice = self._twice(vec)
                if self._without_top_word(vec[0], twice, self.stories[sid]) < s.word_support * need:
                    continue  # one shared word carries the match
            if sim >= need:
                accepted.append((sim, sid, "joined" if live else "revived"))
        if not accepted:
            self._put(self._story(story_id(self.ids[a])), a, whole)
            self._decided(a, "opened", 1.0)
            return
        sim, sid, how = accepted[0]
        target = self.stories[sid]
        for other_sim, other, _ in accepted[1:]:
            if other_sim >= s.merge_threshold and not (
                    s.name_conflict and self._names_conflict(self._own(target), self.stories[other])) and not (
                    self._years_apart(self.stories[other], target.y0, target.y1)) and not (
                    s.merge_cohesion > 0 and self._two_events(target, self.stories[other])):
                target = self._merge(target, self.stories[other], self.ids[a], other_sim)
        self._put(target, a, whole)
        self._decided(a, how, round(sim, 4))
        if s.story_merge <= 1.0 or s.rejoin <= 1.0:
            # only stories the article itself is near can have come near its story
            near = [sid for x, sid in scored if x >= min(s.story_merge, s.rejoin) / 2 and sid != target.sid]
            if near:
                self._absorb(target, self.ids[a], ts, near, None if back != back else back)

    def _decided(self, a: int, how: str, sim: float) -> None:
        self.how[a] = _HOW.index(how)
        self.sim[a] = sim

    def _own(self, st: _Story) -> _Vec:
        """A copy of the story's vector (the arena's views move when it is written)."""
        ids, vals = self._vec(st)
        return ids.copy(), vals.copy()

    def stream(self, articles: Sequence[int]) -> list[int]:
        """The order articles are assigned in: by their time (given, inferred or written).

        The time is the one the window uses (``_when``), so an inferred date
        orders an article as a given one would. Articles with no time are
        taken in id order, spread evenly among the dated ones
        (``spread_undated``), or after all of them.
        """
        dated: list[tuple[float, str, int]] = []
        undated: list[int] = []
        for a in articles:
            ts = self._ts(a)
            if ts is None:
                undated.append(a)
            else:
                dated.append((ts, self.ids[a], a))
        dated.sort(key=lambda x: (x[0], x[1]))
        undated.sort(key=self.ids.__getitem__)
        if not self.s.spread_undated or not dated or not undated:
            return [x[2] for x in dated] + undated
        # undated article i goes where a uniform share of the stream would put it
        out: list[int] = []
        j = 0
        for i, a in enumerate(undated):
            until = (2 * i + 1) * len(dated) // (2 * len(undated))
            while j < until:
                out.append(dated[j][2])
                j += 1
            out.append(a)
        out.extend(x[2] for x in dated[j:])
        return out

    def _when(self, a: Article) -> float | None:
        """The article's time: published, else (``text_dates``) the first full date it writes."""
        if a.published:
            return a.published.timestamp()
        if not self.s.text_dates:
            return None
        found = text_date(a)
        return found.timestamp() if found else None

    def _years_apart(self, st: _Story, y0: int | None, y1: int | None) -> bool:
        """True when the years ``y0``..``y1`` lie more than ``year_gap`` years from the story's years."""
        if y0 is None or y1 is None or st.y0 is None or st.y1 is None or math.isinf(self.s.year_gap):
            return False
        return y0 - st.y1 > self.s.year_gap or st.y0 - y1 > self.s.year_gap

    def _in_span(self, st: _Story, ts: float | None) -> bool:
        if ts is None or st.first is None or st.last is None or math.isinf(self.s.max_span_days):
            return True
        return max(st.last, ts) - min(st.first, ts) <= self.s.max_span_days * 86400.0

    def _live(self, st: _Story, ts: float | None) -> bool:
        window = self.s.window_days * 86400.0
        return ts is None or st.last is None or (st.last - window <= ts <= st.last + window) or (
            st.first is not None and st.first - window <= ts <= st.first + window)

    def _revivable(self, st: _Story, ts: float | None) -> bool:
        """A dormant story can be revived by an article within ``revive_days`` of it."""
        if ts is None or st.first is None or st.last is None:
            return True
        gap = max(st.first - ts, ts - st.last, 0.0)
        return gap <= self.s.revive_days * 86400.0

    def _absorb(self, st: _Story, article_id: str, ts: float | None, near: Sequence[str],
                back: float | None = None) -> None:
        """A story that grew may now match another live story as a whole: merge the closest.

        Only the article's own candidates are compared (what changed is the
        article): the cost stays a few sparse dot products per article.
        """
        best: tuple[float, str] | None = None
        for sid in near:
            other = self.stories.get(sid)
            if other is None or other is st or self._years_apart(other, st.y0, st.y1) or not (
                    self._live(other, ts) or (back is not None and self._live(other, back))):
                continue
            # a story of one article (``rejoin``): the story that grew is scored as that article would be
            need = min(self.s.story_merge, self.s.rejoin) if len(other.members) == 1 else self.s.story_merge
            (ia, va), (ib, vb) = self._vec(st), self._vec(other)
            common, ja, jb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
            idf = self._idfs(common).tolist()
            dot = sum(x * y * i ** 2 for x, y, i in zip(va[ja].tolist(), vb[jb].tolist(), idf, strict=True))
            sim = dot / (self._size(st) * self._size(other))
            if self.s.merge_cohesion > 0 and sim >= need and self._two_events(st, other, dot):
                continue
            if self.s.name_conflict and sim >= need and self._names_conflict(self._own(st), other):
                continue
            if sim >= need and (best is None or sim > best[0]):
                best = (sim, sid)
        if best is not None:
            self._merge(st, self.stories[best[1]], article_id, best[0])

    def _two_events(self, a: _Story, b: _Story, dot: float | None = None) -> bool:
        """True when two stories are less alike across than ``merge_cohesion`` times the mean cosine
        between the articles within the looser of them (of those with two or more articles).

        The articles are unit vectors, so a story's squared norm is its article count plus twice the
        sum of its pairs' cosines, and the dot product of two stories the sum of the cosines across.
        """
        within = [(x.sq - len(x.members)) / (len(x.members) * (len(x.members) - 1))
                  for x in (a, b) if len(x.members) >= 2]
        if not within:
            return False
        if dot is None:
            (ia, va), (ib, vb) = self._vec(a), self._vec(b)
            common, ja, jb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
            idf = self._idfs(common)
            dot = float(np.sum(va[ja] * vb[jb] * idf ** 2))
        across = dot / (len(a.members) * len(b.members))
        return across < self.s.merge_cohesion * min(within)

    def _merge(self, a: _Story, b: _Story, article_id: str, sim: float) -> _Story:
        """Fold the younger story into the older; return the survivor."""
        def key(x: _Story) -> tuple[float, str]:
            return (x.first if x.first is not None else math.inf, x.sid)

        keep, gone = (a, b) if key(a) <= key(b) else (b, a)
        gone_ids, gone_vals = self._own(gone)
        self._add_into(keep, gone_ids, gone_vals)
        for t in gone_ids.tolist():
            self.index.discard(t, gone.num)
        self.arena.drop(gone.num)
        self.by_num[gone.num] = None
        keep.members += gone.members
        for x in (gone.first, gone.last):
            if x is not None:
                keep.first = x if keep.first is None else min(keep.first, x)
                keep.last = x if keep.last is None else max(keep.last, x)
        for y in (gone.y0, gone.y1):
            if y is not None:
                keep.y0 = y if keep.y0 is None else min(keep.y0, y)
                keep.y1 = y if keep.y1 is None else max(keep.y1, y)
        for k in gone.members:
            self.story_of[k] = keep.num
        del self.stories[gone.sid]
        self.redirect[gone.sid] = keep.sid
        self.merges.append(Merge(gone.sid, keep.sid, article_id, round(sim, 4)))
        self._renorm(keep)
        return keep

    def _twice(self, vec: _Vec) -> list[float]:
        """The article's weights times IDF squared, over the query norm (the story side is raw)."""
        idf = self._idfs(vec[0]).tolist()
        weighted = [v * i for v, i in zip(vec[1].tolist(), idf, strict=True)]
        qnorm = math.sqrt(sum(v * v for v in weighted)) or 1.0
        return [w * i / qnorm for w, i in zip(weighted, idf, strict=True)]

    def _story_names(self, st: _Story) -> list[int]:
        """The story's strongest names, cached until the story changes."""
        if st.top is None or st.top[0] != st.sq:
            st.top = (st.sq, self._top_names(self._vec(st)))
        return st.top[1]

    def _top_names(self, vec: _Vec) -> list[int]:
        ids, vals = vec
        at = np.flatnonzero(np.frombuffer(self.is_name, np.int8)[ids])
        if not at.size:
            return []
        sel = ids[at]
        idf = self._idfs(sel).tolist()
        names = self.term_list
        found = [(v * i, names[t], t) for v, i, t in zip(vals[at].tolist(), idf, sel.tolist(), strict=True)]
        found.sort(key=lambda x: (-x[0], x[1]))
        return [t for _, _, t in found[: self.s.name_conflict]]

    def _names_conflict(self, vec: _Vec, st: _Story) -> bool:
        """True when the article's top names are all absent from the story, and the story's from the article."""
        mine = self._top_names(vec)
        if not mine or _find(self._vec(st)[0], np.array(mine, np.int32))[1].any():
            return False
        theirs = self._story_names(st)
        return bool(theirs) and not np.isin(np.array(theirs, np.int32), vec[0]).any()

    def _size(self, st: _Story) -> float:
        """What a dot product with the story is divided by: its norm (centroid cosine, ``link`` 0)
        or its article count (average cosine to its articles, ``link`` 1), or between."""
        a = self.s.link
        if a <= 0.0:
            return st.norm
        n = max(len(st.members), 1)
        return n if a >= 1.0 else st.norm ** (1.0 - a) * n ** a

    def _weights_in(self, st: _Story, ids: np.ndarray) -> np.ndarray:
        """The story's weight of each term in ``ids`` (0.0 where absent)."""
        sids, svals = self._vec(st)
        pos, found = _find(sids, ids)
        out = np.zeros(len(ids), np.float64)
        out[found] = svals[pos[found]]
        return out

    def _without_top_word(self, ids: np.ndarray, twice: Sequence[float], st: _Story) -> float:
        """Cosine of an article to a story once the shared word with the largest share is taken out.

        A word's share sums its forms: title (``T:``), lead and name (``E:``) features.
        """
        names = self.term_list
        share: dict[str, float] = {}
        for t, w, v in zip(ids.tolist(), twice, self._weights_in(st, ids).tolist(), strict=True):
            if v:
                term = names[t]
                key = term[2:] if term[1] == ":" and term[0] in "TE" else term
                share[key] = share.get(key, 0.0) + w * v
        if not share:
            return 0.0
        return (sum(share.values()) - max(share.values())) / self._size(st)

    @staticmethod
    def _first(values: np.ndarray, n: int, tie: Callable[[int], object]) -> list[int]:
        """Positions of the ``n`` largest ``values``, largest first, ties by ``tie(position)``."""
        if len(values) > n:
            cut = np.partition(values, len(values) - n)[len(values) - n]
            at = np.flatnonzero(values >= cut).tolist()
        else:
            at = list(range(len(values)))
        vals = values.tolist()
        at.sort(key=lambda j: (-vals[j], tie(j)))
        return at[:n]

    def _score(self, vec: _Vec) -> list[tuple[float, str]]:
        """Cosine of the article to its candidate stories, best first."""
        s = self.s
        ids, raw = vec
        idf = self._idfs(ids)
        weighted = raw * idf
        wl = weighted.tolist()
        qnorm = math.sqrt(sum(v * v for v in wl)) or 1.0
        names = self.term_list
        top = self._first(weighted, s.query_terms, lambda j: names[ids[j]])
        crowded = max(s.max_postings, len(self.stories) // 20)
        ks: list[np.ndarray] = []
        ts: list[np.ndarray] = []
        ws: list[np.ndarray] = []
        for j in top:
            t = int(ids[j])
            post = self.index.get(t)
            if not len(post) or len(post) > crowded:  # a term in most stories finds no candidate worth finding
                continue
            ks.append(post)
            ts.append(np.full(len(post), t, np.int32))
            ws.append(np.full(len(post), wl[j] * float(idf[j])))
        if not ks:
            return []
        k_all = np.concatenate(ks)
        part = np.concatenate(ws) * self.arena.lookup(k_all, np.concatenate(ts)) / self.norms[k_all]
        found, where = np.unique(k_all, return_inverse=True)
        rough = np.zeros(len(found), np.float64)
        np.add.at(rough, where, part)  # in the order the terms were taken, story by story
        by_num = self.by_num
        best = self._first(rough, s.candidates, lambda j: by_num[found[j]].sid)
        out = []
        twice = weighted * idf  # the story side is raw: weight it here
        tl = twice.tolist()
        for j in best:
            st = by_num[int(found[j])]
            assert st is not None
            if len(ids) <= st.size:
                dot = sum(w * v for w, v in zip(tl, self._weights_in(st, ids).tolist(), strict=True))
            else:
                sids, svals = self._vec(st)
                pos, hit = _find(np.sort(ids), sids)
                order = np.argsort(ids)
                dot = sum(v * w for v, w in zip(svals[hit].tolist(), twice[order[pos[hit]]].tolist(), strict=True))
            out.append((dot / (qnorm * self._size(st)), st.sid))
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

    def split(self, group_of: Mapping[str, Sequence[str]]) -> None:
        """Second pass: a story that grew in this call, and whose articles fall in two groups
        (average link, or Ward's with ``split_ward``) of ``split_min`` or more articles each that are
        on average less than ``split_below`` alike, is cut in two.

        The group holding the article that opened the story keeps its id; the other becomes the story
        its first article would have opened (a merge of that story, if any, is undone). A cut
        that would part a copy group, or leave a group of one article, is not made.
        """
        from scipy.cluster.hierarchy import fcluster, linkage

        least = max(self.s.split_min, 2)  # articles each group must hold
        for sid in sorted(self.stories):
            st = self.stories[sid]
            ids = st.members.tolist()
            if len(ids) < 2 * least or not any(self.how[x] for x in ids) or any(x not in self.placed for x in ids):
                continue
            terms: dict[int, int] = {}
            rows = []
            for aid in ids:
                tids, vals = self._split_row(*self.placed[aid])
                weights = (vals * self._idfs(tids)).tolist()
                rows.append({terms.setdefault(t, len(terms)): w for t, w in zip(tids.tolist(), weights, strict=True)})
            m = np.zeros((len(ids), len(terms)))
            for i, row in enumerate(rows):
                m[i, list(row)] = list(row.values())
            with _blas.one_thread():  # the same split on every machine
                sims = m @ m.T
            upper = np.clip(1.0 - sims[np.triu_indices(len(ids), 1)], 0.0, None)
            # Ward's groups are balanced (an outlying article is not a group on its own); the rows have
            # length 1, so sqrt(2 - 2 cosine) is their Euclidean distance
            tree = linkage(np.sqrt(2.0 * upper), method="ward") if self.s.split_ward else linkage(upper, "average")
            first = next((i for i, x in enumerate(ids) if story_id(self.ids[x]) == sid), 0)  # the one that opened it
            if self.s.split_past_outliers and not self.s.split_ward:
                found = _two_groups(tree, len(ids), least)
                if found is None:
                    continue
                one, other, outliers = found
                if sims[np.ix_(one, other)].mean() >= self.s.split_below:
                    continue
                for x in outliers:  # each to the group it is on average closer to
                    (one if sims[x, one].mean() >= sims[x, other].mean() else other).append(x)
                if outliers and not self._two_events_apart(ids, one, other, upper):
                    continue
                keep, cut = (one, other) if first in one else (other, one)
            else:
                labels = fcluster(tree, 2, criterion="maxclust")
                keep = [i for i in range(len(ids)) if labels[i] == labels[first]]
                cut = [i for i in range(len(ids)) if labels[i] != labels[first]]
            if len(keep) < least or len(cut) < least or sims[np.ix_(keep, cut)].mean() >= self.s.split_below:
                continue
            moved = {ids[i] for i in cut}
            members = set(ids)
            if any((x in moved) != (k in moved) for x in moved for g in group_of.get(self.ids[x], ())
                   if (k := self.num_of.get(g, -1)) in members):
                continue
            self._cut(st, [ids[i] for i in keep], [ids[i] for i in cut])

    def _two_events_apart(self, ids: list[int], one: list[int], other: list[int], upper: np.ndarray) -> bool:
        """Two groups found below outliers (``split_past_outliers``) are two events only when Ward's
        two groups are the same (they do not hang on the linkage) and, when both hold dated articles,
        neither group's days fall within the other's (one event told at length, with an aside
        told on its days, is not two)."""
        from scipy.cluster.hierarchy import fcluster, linkage

        ward = fcluster(linkage(np.sqrt(2.0 * upper), method="ward"), 2, criterion="maxclust")
        if len({ward[i] for i in one}) != 1 or len({ward[i] for i in other}) != 1 or ward[one[0]] == ward[other[0]]:
            return False
        spans = []
        for group in (one, other):
            days = [t for i in group if (t := self._ts(ids[i])) is not None]
            spans.append((min(days), max(days)) if days else None)
        a, b = spans
        return a is None or b is None or a[1] < b[0] or b[1] < a[0]

    def _split_row(self, ids: np.ndarray, vals: np.ndarray) -> _Vec:
        """A placed article's vector as the split reads it: without the terms fewer than ``min_df``
        placed articles hold (by then every article of the call), scaled back to length 1."""
        if self.s.min_df <= 1:
            return ids, vals
        keep = np.frombuffer(self.held, np.int32)[ids] >= self.s.min_df
        if keep.all():
            return ids, vals
        ids, vals = ids[keep], vals[keep]
        norm = float(np.sqrt(np.sum((vals * self._idfs(ids)) ** 2)))
        return ids, (vals / norm if norm else vals)

    def _cut(self, st: _Story, keep: list[int], cut: list[int]) -> None:
        for t in self._vec(st)[0].tolist():
            self.index.discard(t, st.num)
        self.arena.drop(st.num)
        self.by_num[st.num] = None
        del self.stories[st.sid]
        new_sid = story_id(self.ids[cut[0]])
        if new_sid in self.redirect:  # the cut part had opened a story merged into this one
            del self.redirect[new_sid]
            self.merges = [m for m in self.merges if m.merged != new_sid]
        for sid, ids in ((st.sid, keep), (new_sid, cut)):
            part = self._story(sid)
            for aid in ids:
                tids, vals = self.placed[aid]
                ts, year = self._ts(aid), self._yr(aid)
                self._add_into(part, tids, vals)
                part.members.append(aid)
                if ts is not None:
                    part.first = ts if part.first is None else min(part.first, ts)
                    part.last = ts if part.last is None else max(part.last, ts)
                if year is not None:
                    part.y0 = year if part.y0 is None else min(part.y0, year)
                    part.y1 = year if part.y1 is None else max(part.y1, year)
                self.story_of[aid] = part.num
            self._renorm(part)

    def result(self) -> Stories:
        by_num = self.by_num

        def sid_of(k: int) -> str:
            st = by_num[k]
            assert st is not None
            return st.sid

        found: dict[str, Membership] = {}
        for aid, m in self.previous.items():  # decided before: its story now, if it was replayed
            k = self.num_of.get(aid, -1)
            final = sid_of(self.story_of[k]) if k >= 0 and self.story_of[k] >= 0 else m.story_id
            found[aid] = m if final == m.story_id else Membership(aid, final, m.how, m.similarity)
        for k, how in enumerate(self.how):
            if how:
                found[self.ids[k]] = Membership(self.ids[k], sid_of(self.story_of[k]), _HOW[how], self.sim[k])
        ms = [found[aid] for aid in sorted(found)]
        del found
        pub, names = self.pub, self.ids
        stories = []
        for sid, st in sorted(self.stories.items()):
            ids = sorted(st.members, key=lambda x: (pub[x] is None, t.timestamp() if (t := pub[x]) else 0.0, names[x]))
            first = pub[ids[0]] if ids else None
            dated = [t for x in ids if (t := pub[x])]
            stories.append(Story(sid, tuple(names[x] for x in ids), first, max(dated) if dated else None))
        return Stories(tuple(ms), tuple(self.merges), tuple(stories))
