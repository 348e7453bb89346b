"""records.stories: copies and stories."""

from __future__ import annotations

from newsprism.records import Copies, CopyGroup, Membership, Stories


def test_stories_copies_finds_the_group_holding_an_article() -> None:
    first, second = CopyGroup("g1", ("a", "b"), "a", None, "earliest"), CopyGroup("g2", ("d", "c"), "d", "AP", "wire")
    copies = Copies((), (first, second))
    assert copies.group_of("d") is second
    assert copies.group_of("b") is first
    assert copies.group_of("e") is None


def test_stories_story_of_maps_each_article_to_its_story() -> None:
    stories = Stories((Membership("a", "s1", "opened", 1.0), Membership("b", "s1", "joined", 0.4),
                       Membership("c", "s2", "opened", 1.0)))
    assert stories.story_of() == {"a": "s1", "b": "s1", "c": "s2"}
