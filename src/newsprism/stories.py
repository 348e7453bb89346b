"""Stories: online, incremental clustering of articles into stories.

Articles are taken in time order; each joins the best-matching story
or opens a new one. An article is a sparse TF-IDF vector over lower-cased
words (stop words dropped), with capitalised name tokens (a cheap stand-in
for named entities) and normalised numbers as extra features, and the words
of its URL slug (which name the story when the page title is a site's
generic one). A headline that is a URL is read as the URL. IDF is counted
over the call's articles, or online over the articles seen so far. A story
is the sum of its articles' vectors, each of length 1; an article is scored
against it between centroid cosine and mean cosine to its articles
(``link``); an inverted index over story terms finds candidates, so the cost
per article stays flat as stories accumulate. A join is refused when neither
side names the other's strongest names (``name_conflict``): two events of
one kind. Optionally (``year_gap``) a join is refused when the article's
year (of its time, else the latest year its lead writes) lies years away
from its story's.

Time: an article's time is its publication time or, without one, the first
full date its headline, lead or URL writes (``text_dates``). A story whose
last article is more than ``window_days`` away from a new article is dormant; it can be revived, but only by a closer match
(``revive_threshold``). An article that matches two stories strongly bridges
them: they merge into the older one, and the merge is recorded so that a
bookmarked story id still resolves. A story that has grown by an article is
compared, as a whole, with the other live stories: one within ``story_merge``
is folded in the same way (two halves of one event that opened apart).
Story ids are a hash of the article that opened the story, so they never
change. Optionally (``word_support``) a join must not rest on one shared
word: the cosine left without that word's share must still clear a fraction
of the threshold.

Optionally (``merge_cohesion``) two stories do not merge, by a bridge or
``story_merge``, when their articles are less alike across than within the
looser of them (two events of one kind, each told tightly).

Optionally (``split_below``) a second pass cuts a story that grew in the
call in two when its two average-link groups are little alike.

Articles that the copies stage put in one copy group always share a story.

Pure: no I/O, no clock; the same input gives the same stories in any order
of arrival (articles are sorted by their time, then id; those with no time
are spread evenly among them in id order, ``spread_undated``).
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime

import numpy as np

from .records import Article
from .records import Membership as Membership  # re-exported: its old home
from .records import Merge as Merge  # re-exported: its old home
from .records import Stories as Stories  # re-exported: its old home
from .records import Story as Story  # re-exported: its old home
from .records import StorySummary as StorySummary  # re-exported: its old home
from .settings import StorySettings as StorySettings  # re-exported: its old home
from .settings import story_settings as story_settings  # re-exported: its old home
from .story_features import features as features  # re-exported: its old home
from .story_features import headline as headline  # re-exported: its old home
from .story_features import is_url as is_url  # re-exported: its old home
from .story_features import text_date as text_date  # re-exported: its old home
from .story_features import text_year as text_year  # re-exported: its old home
from .story_features import url_words as url_words  # re-exported: its old home
from .story_vectors import Arena as _Arena
from .story_vectors import Held as _Held
from .story_vectors import Vec as _Vec
from .story_vectors import find as _find


def story_id(article_id: str) -> str:
    """The stable id of the story an article opened."""
    return "s" + hashlib.sha256(article_id.encode()).hexdigest()[:12]


def assign(
    articles: Iterable[Article],
    settings: StorySettings | None = None,
    *,
    previous: Stories | None = None,
    prior: Sequence[Article] = (),
    copy_groups: Iterable[Sequence[str]] = (),
) -> Stories:
    """Assign ``articles`` to stories, continuing from ``previous``.

    ``prior`` are the articles ``previous`` assigned: they are replayed into
    their stories (not re-decided) to rebuild the story vectors. An article
    flagged ``empty`` has little or no body, so it is matched on its title,
    URL words and description (a video page's headline still names its
    story); with none of them it opens a story of its own.
    """
    s = settings or StorySettings()
    c = _Clusterer(s)
    articles = list(articles)
    if s.batch_idf:
        for a in [*prior, *articles]:
            c.count(c.keep(a.article_id, features(a, s)))
        c.frozen = True
        c.forget_terms()  # every article's terms are numbers now
    if previous:
        where = previous.story_of()
        for a in time_ordered(prior):
            if a.article_id in where:
                c.replay(a, where[a.article_id])
        c.memberships = {m.article_id: m for m in previous.memberships}
        c.merges = list(previous.merges)
        for m in previous.merges:
            c.redirect[m.merged] = m.into
    group_of = {aid: tuple(g) for g in copy_groups for aid in g}
    for a in c.stream(articles):
        if a.article_id not in c.memberships:
            c.add(a, group_of.get(a.article_id, ()))
    if s.split_below > 0:
        c.split(group_of)
    return c.result()


def resolve(story: str, merges: Iterable[Merge]) -> str:
    """Follow merges: the story a (possibly merged) story id lives on in."""
    into = {m.merged: m.into for m in merges}
    seen = set()
    while story in into and story not in seen:
        seen.add(story)
        story = into[story]
    return story


# ------------------------------------------------------------------ internals


def time_ordered(articles: Iterable[Article]) -> list[Article]:
    """Articles in publication order (undated last), ties by id: the order stories take them."""
    return sorted(articles, key=lambda a: (a.published is None,
                                           a.published.timestamp() if a.published else 0.0, a.article_id))


class _Story:
    __slots__ = ("first", "last", "members", "norm", "num", "sid", "size", "sq", "top", "y0", "y1")

    def __init__(self, sid: str, num: int) -> None:
        self.sid = sid
        self.num = num  # its row in the arena of vectors
        self.size = 0  # terms in its vector
        self.members: list[str] = []
        self.first: float | None = None
        self.last: float | None = None
        self.norm = 1.0  # L2 norm of the IDF-weighted vector (1.0 while empty)
        self.sq = 0.0  # its square, kept up to date as articles join
        self.top: tuple[float, list[int]] | None = None  # (sq when computed, strongest names)
        self.y0: int | None = None  # earliest and latest year of its articles (``_year``)
        self.y1: int | None = None


class _Clusterer:
    """Mutable state of one :func:`assign` call (never shared between calls).

    Kept compact: every term string is held once (``term_list``) and is
    otherwise a number; document frequencies and IDF are arrays by term
    number; vectors computed up front sit in flat arrays until used; story
    vectors sit in one arena (:class:`_Arena`); the index holds, per term,
    the one story's number, or (``shared``) an array of numbers (a story is
    added to a term's entry only when the term enters its vector, so never
    twice).
    """

    def __init__(self, s: StorySettings) -> None:
        self.s = s
        self.df = array("i")  # term number -> articles counted holding it
        self.n = 0
        self.stories: dict[str, _Story] = {}
        self.by_num: list[_Story | None] = []  # story number -> story (None once merged or cut)
        self.arena = _Arena()
        self.norms = np.ones(1 << 8, np.float64)  # story number -> its norm
        # the index: term number -> the one story number holding it (-1: none, -2: several, in ``shared``)
        self.index = array("i")
        self.shared: dict[int, array[int]] = {}  # term number -> the story numbers holding it, when several
        self.memberships: dict[str, Membership] = {}
        self.merges: list[Merge] = []
        self.redirect: dict[str, str] = {}
        self.article_story: dict[str, str] = {}
        self.times: dict[str, datetime | None] = {}
        self.frozen = False  # True: IDF counted over the batch up front (then cached)
        self.idf_cache = np.zeros(0, np.float64)  # term number -> IDF once frozen (0.0: not yet computed)
        self.terms: dict[str, int] = {}  # term -> its number; each term string held once
        self.term_list: list[str] = []  # number -> term
        self.terms_forgotten = False
        self.is_name = array("b")  # number -> 1 when the term is a name feature (``conflict_prefixes``)
        self.kept = _Held()  # vectors computed up front, until used
        # with ``split_below``: each placed article's unit vector (raw terms), time and year
        self.placed: dict[str, tuple[_Vec, float | None, int | None]] = {}
        self.new: set[str] = set()  # articles placed (not replayed) in this call
        self.when_cache: dict[str, float | None] = {}
        self.year_cache: dict[str, int | None] = {}

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
                self.index.append(-1)
                self.is_name.append(1 if t.startswith(prefixes) else 0)
            ids.append(k)
        return np.array(ids, np.int32), np.fromiter(vec.values(), np.float64, len(vec))

    def keep(self, article_id: str, vec: Mapping[str, float]) -> _Vec:
        """Hold ``vec`` in the flat arrays until :meth:`_features` asks for it; returns it interned."""
        v = self.intern(vec)
        self.kept.put(article_id, v)
        return v

    def _index_add(self, term: int, k: int) -> None:
        cur = self.index[term]
        if cur == -1:
            self.index[term] = k
        elif cur == -2:
            self.shared[term].append(k)
        elif cur != k:
            self.shared[term] = array("i", (cur, k))
            self.index[term] = -2

    def _index_discard(self, term: int, k: int) -> None:
        cur = self.index[term]
        if cur == k:
            self.index[term] = -1
        elif cur == -2:
            held = self.shared[term]
            if k in held:
                held.remove(k)
            if len(held) == 1:
                self.index[term] = held[0]
                del self.shared[term]

    def _postings(self, term: int) -> np.ndarray:
        """The numbers of the stories whose vectors hold ``term``."""
        cur = self.index[term]
        if cur == -2:
            return np.frombuffer(self.shared[term], np.int32).astype(np.int64)
        return np.array([cur] if cur >= 0 else [], np.int64)

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
                self._index_add(t, st.num)
        else:
            new_ids = sids.copy()
        self.arena.put(st.num, new_ids, new_vals)
        st.size = len(new_ids)
        return old

    def _put(self, st: _Story, a: Article, vec: _Vec) -> None:
        ids, vals = vec
        idf = self._idfs(ids).tolist()
        # every article counts once: its IDF-weighted vector has length 1 in the story's sum
        unit = 1.0 / (math.sqrt(sum((v * i) ** 2 for v, i in zip(vals.tolist(), idf, strict=True))) or 1.0)
        scaled = vals * unit
        if self.s.split_below > 0:
            self.placed[a.article_id] = ((ids, scaled), self._when(a), self._year(a))
        old = self._add_into(st, ids, scaled)
        sq = st.sq
        for o, v, i in zip(old.tolist(), scaled.tolist(), idf, strict=True):
            sq += (2 * o * v + v * v) * i ** 2
        self._set_norm(st, sq)
        st.members.append(a.article_id)
        ts = self._when(a)
        if ts is not None:
            st.first = ts if st.first is None else min(st.first, ts)
            st.last = ts if st.last is None else max(st.last, ts)
        y = self._year(a)
        if y is not None:
            st.y0 = y if st.y0 is None else min(st.y0, y)
            st.y1 = y if st.y1 is None else max(st.y1, y)
        self.article_story[a.article_id] = st.sid
        self.times[a.article_id] = a.published

    def _renorm(self, st: _Story) -> None:
        ids, vals = self._vec(st)
        idf = self._idfs(ids).tolist()
        self._set_norm(st, sum((v * i) ** 2 for v, i in zip(vals.tolist(), idf, strict=True)))

    def _features(self, a: Article) -> _Vec:
        vec = self.kept.take(a.article_id)
        return self.intern(features(a, self.s)) if vec is None else vec

    def replay(self, a: Article, sid: str) -> None:
        vec = self._features(a)
        self.count(vec)
        self._put(self._story(sid), a, vec)

    def add(self, a: Article, group: Sequence[str]) -> None:
        s = self.s
        vec = self._features(a)
        self.count(vec)
        self.new.add(a.article_id)
        placed = [self.article_story[g] for g in group if g in self.article_story]
        if placed:
            st = self._story(placed[0])
            self._put(st, a, vec)
            self.memberships[a.article_id] = Membership(a.article_id, st.sid, "copy", 1.0)
            return
        scored = self._score(vec) if len(vec[0]) else []
        ts = self._when(a)
        year = self._year(a)
        accepted: list[tuple[float, str, str]] = []
        twice: list[float] | None = None
        for rank, (sim, sid) in enumerate(scored):
            live = self._live(self.stories[sid], ts)
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
            sid = story_id(a.article_id)
            self._put(self._story(sid), a, vec)
            self.memberships[a.article_id] = Membership(a.article_id, sid, "opened", 1.0)
            return
        sim, sid, how = accepted[0]
        target = self.stories[sid]
        for other_sim, other, _ in accepted[1:]:
            if other_sim >= s.merge_threshold and not (
                    s.name_conflict and self._names_conflict(self._own(target), self.stories[other])) and not (
                    self._years_apart(self.stories[other], target.y0, target.y1)) and not (
                    s.merge_cohesion > 0 and self._two_events(target, self.stories[other])):
                target = self._merge(target, self.stories[other], a.article_id, other_sim)
        self._put(target, a, vec)
        self.memberships[a.article_id] = Membership(a.article_id, target.sid, how, round(sim, 4))
        if s.story_merge <= 1.0:
            # only stories the article itself is near can have come near its story
            near = [sid for x, sid in scored if x >= s.story_merge / 2 and sid != target.sid]
            if near:
                self._absorb(target, a.article_id, ts, near)

    def _own(self, st: _Story) -> _Vec:
        """A copy of the story's vector (the arena's views move when it is written)."""
        ids, vals = self._vec(st)
        return ids.copy(), vals.copy()

    def stream(self, articles: Sequence[Article]) -> list[Article]:
        """The order articles are assigned in: by their time (given, inferred or written).

        The time is the one the window uses (``_when``), so an inferred date
        orders an article as a given one would. Articles with no time are
        taken in id order, spread evenly among the dated ones
        (``spread_undated``), or after all of them.
        """
        dated: list[tuple[float, str, Article]] = []
        undated: list[Article] = []
        for a in articles:
            ts = self._when(a)
            if ts is None:
                undated.append(a)
            else:
                dated.append((ts, a.article_id, a))
        dated.sort(key=lambda x: (x[0], x[1]))
        undated.sort(key=lambda a: a.article_id)
        if not self.s.spread_undated or not dated or not undated:
            return [x[2] for x in dated] + undated
        # undated article i goes where a uniform share of the stream would put it
        out: list[Article] = []
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
        when = self.when_cache.get(a.article_id, 0.0)
        if when == 0.0:
            found = text_date(a)
            when = self.when_cache[a.article_id] = found.timestamp() if found else None
        return when

    def _year(self, a: Article) -> int | None:
        """The article's year: of its time (``_when``), else (``text_years``) the latest year its lead writes."""
        if a.article_id in self.year_cache:
            return self.year_cache[a.article_id]
        ts = self._when(a)
        if ts is not None:
            y: int | None = datetime.fromtimestamp(ts, UTC).year
        else:
            y = text_year(a) if self.s.text_years and not math.isinf(self.s.year_gap) else None
        self.year_cache[a.article_id] = y
        return y

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

    def _absorb(self, st: _Story, article_id: str, ts: float | None, near: Sequence[str]) -> None:
        """A story that grew may now match another live story as a whole: merge the closest.

        Only the article's own candidates are compared (what changed is the
        article): the cost stays a few sparse dot products per article.
        """
        best: tuple[float, str] | None = None
        for sid in near:
            other = self.stories.get(sid)
            if other is None or other is st or not self._live(other, ts) or self._years_apart(other, st.y0, st.y1):
                continue
            (ia, va), (ib, vb) = self._vec(st), self._vec(other)
            common, ja, jb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
            idf = self._idfs(common).tolist()
            dot = sum(x * y * i ** 2 for x, y, i in zip(va[ja].tolist(), vb[jb].tolist(), idf, strict=True))
            sim = dot / (self._size(st) * self._size(other))
            if self.s.merge_cohesion > 0 and sim >= self.s.story_merge and self._two_events(st, other, dot):
                continue
            if self.s.name_conflict and sim >= self.s.story_merge and self._names_conflict(self._own(st), other):
                continue
            if sim >= self.s.story_merge and (best is None or sim > best[0]):
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
            self._index_discard(t, gone.num)
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
        for aid in gone.members:
            self.article_story[aid] = keep.sid
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
            post = self._postings(t)
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
            ids = st.members
            if len(ids) < 2 * least or not self.new.intersection(ids) or any(x not in self.placed for x in ids):
                continue
            terms: dict[int, int] = {}
            rows = []
            for aid in ids:
                tids, vals = self.placed[aid][0]
                weights = (vals * self._idfs(tids)).tolist()
                rows.append({terms.setdefault(t, len(terms)): w for t, w in zip(tids.tolist(), weights, strict=True)})
            m = np.zeros((len(ids), len(terms)))
            for i, row in enumerate(rows):
                m[i, list(row)] = list(row.values())
            sims = m @ m.T
            upper = np.clip(1.0 - sims[np.triu_indices(len(ids), 1)], 0.0, None)
            # Ward's groups are balanced (an outlying article is not a group on its own); the rows have
            # length 1, so sqrt(2 - 2 cosine) is their Euclidean distance
            tree = linkage(np.sqrt(2.0 * upper), method="ward") if self.s.split_ward else linkage(upper, "average")
            labels = fcluster(tree, 2, criterion="maxclust")
            first = next((i for i, x in enumerate(ids) if story_id(x) == sid), 0)  # the article that opened it
            keep = [i for i in range(len(ids)) if labels[i] == labels[first]]
            cut = [i for i in range(len(ids)) if labels[i] != labels[first]]
            if len(keep) < least or len(cut) < least or sims[np.ix_(keep, cut)].mean() >= self.s.split_below:
                continue
            moved = {ids[i] for i in cut}
            if any((aid in moved) != (g in moved) for aid in moved for g in group_of.get(aid, ()) if g in st.members):
                continue
            self._cut(st, [ids[i] for i in keep], [ids[i] for i in cut])

    def _cut(self, st: _Story, keep: list[str], cut: list[str]) -> None:
        for t in self._vec(st)[0].tolist():
            self._index_discard(t, st.num)
        self.arena.drop(st.num)
        self.by_num[st.num] = None
        del self.stories[st.sid]
        new_sid = story_id(cut[0])
        if new_sid in self.redirect:  # the cut part had opened a story merged into this one
            del self.redirect[new_sid]
            self.merges = [m for m in self.merges if m.merged != new_sid]
        for sid, ids in ((st.sid, keep), (new_sid, cut)):
            part = self._story(sid)
            for aid in ids:
                (tids, vals), ts, year = self.placed[aid]
                self._add_into(part, tids, vals)
                part.members.append(aid)
                if ts is not None:
                    part.first = ts if part.first is None else min(part.first, ts)
                    part.last = ts if part.last is None else max(part.last, ts)
                if year is not None:
                    part.y0 = year if part.y0 is None else min(part.y0, year)
                    part.y1 = year if part.y1 is None else max(part.y1, year)
                self.article_story[aid] = sid
            self._renorm(part)

    def result(self) -> Stories:
        ms = []
        for m in sorted(self.memberships.values(), key=lambda m: m.article_id):
            final = self.article_story.get(m.article_id, m.story_id)
            ms.append(m if final == m.story_id else Membership(m.article_id, final, m.how, m.similarity))
        stories = []
        for sid, st in sorted(self.stories.items()):
            ids = sorted(st.members, key=lambda x: (self.times.get(x) is None,
                                                    t.timestamp() if (t := self.times.get(x)) else 0.0, x))
            first = self.times.get(ids[0]) if ids else None
            dated = [self.times[x] for x in ids if self.times.get(x)]
            stories.append(Story(sid, tuple(ids), first, max(dated) if dated else None))  # type: ignore[type-var]
        return Stories(tuple(ms), tuple(self.merges), tuple(stories))
