"""records.runs: listings, what Prism returns, the handoffs between stages, the lookup tables."""

from __future__ import annotations

from newsprism.records import (
    Copies,
    CopyGroup,
    CopyLink,
    Gazetteer,
    Membership,
    Stories,
    StoryIndex,
    WireCredit,
)


def test_runs_gazetteer_tells_countries_from_subdivisions() -> None:
    gazetteer = Gazetteer({"norway": "NO", "united kingdom": "GB"}, {"texas": frozenset({"US"})})
    assert gazetteer.geo("Norway") == ("country", frozenset({"NO"}))
    assert gazetteer.geo("the Texas") == ("subdivision", frozenset({"US"}))
    assert gazetteer.geo("Harbourtown") is None
    assert gazetteer.is_country("Norway") and not gazetteer.is_country("Texas")


def test_runs_story_index_gives_a_story_its_members_and_their_copies_in_stored_order() -> None:
    group = CopyGroup("g1", ("a", "b"), "a", "AP", "wire")
    link = CopyLink("a", "b", "copy", 0.9, 0.95, 40)
    wire = WireCredit("b", "AP")
    members = [Membership("a", "s1", "opened", 1.0), Membership("b", "s1", "joined", 0.8)]
    index = StoryIndex(Stories(tuple(members)), {"s1": members}, {}, Copies((link,), (group,), (wire,)),
                       {"a": (0, group), "b": (0, group)}, {"a": [(0, link)], "b": [(0, link)]}, {"b": [(0, wire)]})
    assert index.member_ids("s1") == ["a", "b"] and index.member_ids("s2") == []
    assert index.copies_of(["b", "a"]) == Copies((link,), (group,), (wire,))
    assert index.copies_of(["z"]) == Copies((), (), ())
