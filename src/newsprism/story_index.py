"""Story listings: summaries, merges and details of the stories ``stories.assign`` made.

The read side of the stories stage: what ``newsprism stories`` and ``newsprism story`` list, and
the per-story details (sources, copy groups, wire credits) the dossier and the web pages show.
Pure functions over records; ``Prism`` calls them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from .copies import independent_sources
from .errors import NotFoundError
from .records import (
    Article,
    Copies,
    CopyLink,
    Membership,
    Merge,
    Stories,
    Story,
    StoryDetail,
    StoryIndex,
    StorySummary,
    WireCredit,
)
from .stories import resolve, time_ordered
from .story_features import headline, headline_words

# ------------------------------------------------------------------ summaries


def summarise(story: Story, articles: Mapping[str, Article], sources: int, merged: Sequence[str] = ()) -> StorySummary:
    """A :class:`StorySummary` of ``story``; ``sources`` comes from
    :func:`newsprism.copies.independent_sources`."""
    members = [articles[i] for i in story.article_ids if i in articles]
    outlets = tuple(dict.fromkeys(a.outlet for a in members if a.outlet))
    return StorySummary(story.story_id, best_title(members), len(story.article_ids), outlets, sources,
                        story.first, story.last, story.article_ids, tuple(merged))


def best_title(articles: Sequence[Article]) -> str | None:
    """The headline sharing most words with the other headlines (ties: earliest); never a URL."""
    heads = {a.article_id: headline(a)[0] for a in articles}
    titled = [a for a in articles if heads[a.article_id] and "empty" not in a.flags] or [
        a for a in articles if heads[a.article_id]]
    if not titled:
        return None
    words = [headline_words(heads[a.article_id] or "") for a in titled]
    best, best_score = titled[0], -1.0
    for i, a in enumerate(titled):
        score = sum(len(words[i] & words[j]) / (len(words[i] | words[j]) or 1)
                    for j in range(len(titled)) if j != i)
        if score > best_score + 1e-12:
            best, best_score = a, score
    return heads[best.article_id]


def build(stories: Stories, articles: Mapping[str, Article]) -> tuple[Story, ...]:
    """Stories (members in publication order, first/last times) from memberships."""
    members: dict[str, list[Article]] = {}
    for m in stories.memberships:
        if m.article_id in articles:
            members.setdefault(m.story_id, []).append(articles[m.article_id])
    out = []
    for sid, arts in sorted(members.items()):
        arts = time_ordered(arts)
        dated = [a.published for a in arts if a.published]
        out.append(Story(sid, tuple(a.article_id for a in arts), min(dated) if dated else None,
                         max(dated) if dated else None))
    return tuple(out)


# ------------------------------------------------------------------ listings


def merged_into(merges: Sequence[Merge]) -> dict[str, list[str]]:
    """Story id -> the ids of the stories merged into it (through chains of merges)."""
    merged: dict[str, list[str]] = {}
    for m in merges:
        merged.setdefault(resolve(m.into, merges), []).append(m.merged)
    return merged


def _sources(story_ids: Sequence[str], copies: Copies, articles: Mapping[str, Article]) -> int:
    return len(independent_sources(story_ids, copies, {a: articles[a].outlet for a in story_ids if a in articles}))


def summaries(result: Stories, copies: Copies, articles: Mapping[str, Article]) -> list[StorySummary]:
    """Every story's summary, its sources counted by independent origin, newest activity first."""
    merged = merged_into(result.merges)
    out = [summarise(st, articles, _sources(st.article_ids, copies, articles), merged.get(st.story_id, ()))
           for st in build(result, articles)]
    out.sort(key=lambda s: (s.last is None, -(s.last.timestamp() if s.last else 0.0), s.story_id))
    return out


def find(result: Stories, ref: str, where: str) -> str:
    """The id of the story ``ref`` names: a story id, a unique prefix of one, or the id of a story
    merged into another (then that one's). NotFoundError names the store ``where`` when none matches,
    and says so when the prefix is ambiguous."""
    ids = {m.story_id for m in result.memberships} | {m.merged for m in result.merges}
    matches = [i for i in ids if i == ref] or sorted(i for i in ids if i.startswith(ref))
    if not matches:
        raise NotFoundError(f"no story {ref!r} in {where}; list them with `newsprism stories`")
    if len(matches) > 1:
        raise NotFoundError(f"story id prefix {ref!r} is ambiguous; give more characters")
    return resolve(matches[0], result.merges)


def earliest_published(result: Stories, articles: Iterable[Article], undated: Sequence[Article]) -> dict[str, datetime]:
    """For each undated article in a story, the earliest publication time of its story's ``articles``
    (none when its story has no dated article)."""
    story_of = {m.article_id: resolve(m.story_id, result.merges) for m in result.memberships}
    earliest: dict[str, datetime] = {}
    for a in articles:
        sid = story_of.get(a.article_id)
        if sid is not None and a.published is not None and (sid not in earliest or a.published < earliest[sid]):
            earliest[sid] = a.published
    out = {}
    for a in undated:
        sid = story_of.get(a.article_id)
        if sid is not None and sid in earliest:
            out[a.article_id] = earliest[sid]
    return out


def index(stories: Stories, copies: Copies) -> StoryIndex:
    """The :class:`StoryIndex` of ``stories`` and ``copies``."""
    members: dict[str, list[Membership]] = {}
    for m in stories.memberships:
        members.setdefault(m.story_id, []).append(m)
    links_of: dict[str, list[tuple[int, CopyLink]]] = {}
    for n, x in enumerate(copies.links):
        links_of.setdefault(x.source, []).append((n, x))
        if x.target != x.source:
            links_of.setdefault(x.target, []).append((n, x))
    wires_of: dict[str, list[tuple[int, WireCredit]]] = {}
    for n, w in enumerate(copies.wires):
        wires_of.setdefault(w.article_id, []).append((n, w))
    return StoryIndex(stories, members, merged_into(stories.merges), copies,
                      {aid: (n, g) for n, g in enumerate(copies.groups) for aid in g.article_ids}, links_of, wires_of)


def detail(index: StoryIndex, story_id: str, articles: Mapping[str, Article]) -> StoryDetail:
    """One story's detail from ``index``: ``articles`` holds its current articles (a superseded one left out)."""
    mine = index.members.get(story_id, [])
    own = dataclasses.replace(index.stories, memberships=tuple(mine), stories=())
    story = next(s for s in build(own, articles) if s.story_id == story_id)
    copies = index.copies_of(story.article_ids)
    origins = independent_sources(story.article_ids, copies,
                                  {a: articles[a].outlet for a in story.article_ids if a in articles})
    members = set(story.article_ids)
    return StoryDetail(
        summarise(story, articles, len(origins), index.merged.get(story_id, ())),
        tuple(articles[i] for i in story.article_ids),
        tuple(m for m in mine if m.article_id in members),
        copies.groups, copies.links, tuple(origins), copies.wires)
