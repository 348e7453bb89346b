"""story_index: stories listed and read one by one, from memberships, merges and copies."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.errors import NotFoundError
from newsprism.records import Copies, CopyGroup, CopyLink, Membership, Merge, Stories
from newsprism.stories import assign
from newsprism.story_index import detail, earliest_published, find, index, merged_into, summaries

NO_COPIES = Copies((), (), ())


def test_story_index_summaries_count_origins_and_list_newest_activity_first(story_stream) -> None:
    arts, gold = story_stream()
    result = assign(arts)
    by_id = {a.article_id: a for a in arts}
    rows = summaries(result, NO_COPIES, by_id)
    assert sorted(r.size for r in rows) == [2, 3, 4]
    assert [r.last for r in rows] == sorted((r.last for r in rows), reverse=True)  # type: ignore[type-var]
    ferry = next(r for r in rows if r.size == 4)
    assert ferry.independent_sources == 4 and {gold[a] for a in ferry.article_ids} == {"ferry"}
    # two of the ferry articles copy one another: they count once
    a, b = ferry.article_ids[:2]
    copied = Copies((CopyLink(a, b, "copy", 0.9, 0.9, 40),), (CopyGroup("g1", (a, b), a, None, "earliest"),), ())
    again = next(r for r in summaries(result, copied, by_id) if r.story_id == ferry.story_id)
    assert again.independent_sources == 3


def test_story_index_detail_holds_the_storys_articles_and_only_its_copies(story_stream) -> None:
    arts, _ = story_stream()
    result = assign(arts)
    by_id = {a.article_id: a for a in arts}
    ferry, other = sorted({m.story_id for m in result.memberships},
                          key=lambda s: -sum(m.story_id == s for m in result.memberships))[:2]
    mine = [m.article_id for m in result.memberships if m.story_id == ferry]
    theirs = [m.article_id for m in result.memberships if m.story_id == other]
    copies = Copies((CopyLink(mine[0], mine[1], "rewrite", 0.5, 0.6, 31),
                     CopyLink(theirs[0], theirs[1], "copy", 0.9, 0.9, 40)), (), ())
    built = index(result, copies)
    assert sorted(built.member_ids(ferry)) == sorted(mine)
    found = detail(built, ferry, by_id)
    times = [a.published for a in found.articles]
    assert times == sorted(times)  # type: ignore[type-var]  # publication order
    assert found.copy_links == (copies.links[0],) and found.summary.size == len(mine)


def test_story_index_earliest_published_dates_an_undated_article_by_its_story(story_stream) -> None:
    arts, _ = story_stream()
    result = assign(arts)
    sid = result.story_of()[arts[0].article_id]
    undated = dataclasses.replace(arts[-1], published=None)
    story_of = {**result.story_of(), undated.article_id: sid}
    moved = Stories(tuple(Membership(aid, s, "joined", 1.0) for aid, s in story_of.items()))
    first = min(a.published for a in arts if story_of[a.article_id] == sid and a.published)
    assert earliest_published(moved, arts, [undated]) == {undated.article_id: first}
    assert earliest_published(moved, [], [undated]) == {}  # no dated article: no base


def test_story_index_merged_into_follows_chains_of_merges() -> None:
    merges = [Merge("s1", "s2", "a1", 0.4), Merge("s2", "s3", "a2", 0.5), Merge("s4", "s3", "a3", 0.6)]
    assert merged_into(merges) == {"s3": ["s1", "s2", "s4"]}


def test_story_index_find_by_id_prefix_or_merged_id() -> None:
    result = Stories((Membership("a1", "s1ab", "opened", 1.0), Membership("a2", "s1cd", "opened", 1.0),
                      Membership("a3", "t9", "opened", 1.0)), merges=(Merge("m7", "t9", "a3", 0.5),))
    assert find(result, "s1ab", "x.db") == "s1ab" and find(result, "s1c", "x.db") == "s1cd"
    assert find(result, "m7", "x.db") == "t9"  # a merged story's id names the story it went into
    with pytest.raises(NotFoundError, match=r"^no story 'zz' in x.db; list them with `newsprism stories`$"):
        find(result, "zz", "x.db")
    with pytest.raises(NotFoundError, match=r"^story id prefix 's1' is ambiguous; give more characters$"):
        find(result, "s1", "x.db")
