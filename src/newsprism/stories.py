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
(``revive_threshold``). An article whose every written full date lies weeks before its publication
time (a follow-up, a page stamped later) is also live for the stories of those days (``looks_back``).
An article that matches two stories strongly bridges them: they merge into the older one, and the merge is recorded so that a
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

A second pass (``split_below``) cuts a story that grew in the call in two
when its two average-link groups are little alike (going down the tree past
outlying articles, ``split_past_outliers``: two events of one kind, told on
different days). A
story of one article merges into a story that grew towards it, from a lower
closeness than ``story_merge``.

Articles that the copies stage put in one copy group always share a story.

Pure: no I/O, no clock; the same input gives the same stories in any order
of arrival (articles are sorted by their time, then id; those with no time
are spread evenly among them in id order, ``spread_undated``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from .records import Article, Copies
from .records import Membership as Membership  # re-exported: its old home
from .records import Merge as Merge  # re-exported: its old home
from .records import Stories as Stories  # re-exported: its old home
from .records import Story as Story  # re-exported: its old home
from .records import StorySummary as StorySummary  # re-exported: its old home
from .settings import StorySettings as StorySettings  # re-exported: its old home
from .settings import story_settings as story_settings  # re-exported: its old home
from .story_cluster import Clusterer
from .story_cluster import story_id as story_id  # re-exported: its old home
from .story_features import features as features  # re-exported: its old home
from .story_features import headline as headline  # re-exported: its old home
from .story_features import is_url as is_url  # re-exported: its old home
from .story_features import text_date as text_date  # re-exported: its old home
from .story_features import text_year as text_year  # re-exported: its old home
from .story_features import url_words as url_words  # re-exported: its old home


def update(articles: Iterable[Article], settings: StorySettings, previous: Stories | None, copies: Copies) -> Stories:
    """The stories brought up to date (what ``Prism.update_stories`` stores): of ``articles``, those
    ``previous`` assigned are replayed into their stories and the others placed (:func:`assign`); with
    ``previous`` None, every article is placed afresh. The articles of a copy group of ``copies`` share
    a story."""
    articles = list(articles)
    assigned = {m.article_id for m in previous.memberships} if previous else set()
    prior = [a for a in articles if a.article_id in assigned]
    new = [a for a in articles if a.article_id not in assigned]
    return assign(new, settings, previous=previous, prior=prior, copy_groups=[g.article_ids for g in copies.groups])


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
    c = Clusterer(s)
    # one read: each article is numbered and its vector held compact (batch IDF) or the article
    # held until its features are made (online IDF); ``articles`` may be a stream
    for a in prior:
        c.take(a)
    before = range(len(c.ids))
    for a in articles:
        c.take(a)
    given = range(len(before), len(c.ids))
    if s.batch_idf:
        c.frozen = True
        c.forget_terms()  # every article's terms are numbers now
    c.group_of = {aid: tuple(g) for g in copy_groups for aid in g}
    if previous:
        c.previous = {m.article_id: m for m in previous.memberships}
        where = previous.story_of()
        for i in sorted(before, key=lambda i: (c.pub[i] is None, c.pub[i].timestamp() if c.pub[i] else 0.0,  # type: ignore[union-attr]
                                               c.ids[i])):
            if c.ids[i] in where:
                c.replay(i, where[c.ids[i]])
        c.merges = list(previous.merges)
        for m in previous.merges:
            c.redirect[m.merged] = m.into
    seen = set(c.previous)  # an article already assigned, or given twice, is assigned once
    todo = array("i")
    for i in c.stream(given):
        if c.ids[i] not in seen:
            seen.add(c.ids[i])
            todo.append(i)
    del seen
    for i in todo:
        c.add(i, c.group_of.get(c.ids[i], ()))
    del todo
    if s.split_below > 0:
        c.split(c.group_of)
    return c.result()


def resolve(story: str, merges: Iterable[Merge]) -> str:
    """Follow merges: the story a (possibly merged) story id lives on in."""
    into = {m.merged: m.into for m in merges}
    seen = set()
    while story in into and story not in seen:
        seen.add(story)
        story = into[story]
    return story


def time_ordered(articles: Iterable[Article]) -> list[Article]:
    """Articles in publication order (undated last), ties by id: the order stories take them."""
    return sorted(articles, key=lambda a: (a.published is None,
                                           a.published.timestamp() if a.published else 0.0, a.article_id))
