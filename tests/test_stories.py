"""Stories: online clustering, time window, stable ids, incremental updates, the Prism and CLI faces."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from _support import ELECTION, FERRY, FOOTBALL, STREAM_START
from newsprism.errors import SettingsError
from newsprism.records import Article
from newsprism.settings import Settings
from newsprism.stories import (
    StorySettings,
    assign,
    resolve,
    story_id,
    story_settings,
)


def partition(story_of: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for aid, sid in story_of.items():
        groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def test_stories_assign_groups_each_event(story_stream) -> None:
    arts, gold = story_stream()
    got = partition(assign(arts).story_of())
    assert got == partition(gold)


def test_stories_ids_are_the_hash_of_the_first_article(story_stream) -> None:
    arts, _ = story_stream()
    result = assign(arts)
    for st in result.stories:
        assert st.story_id == story_id(st.article_ids[0])


def test_stories_deterministic_in_any_arrival_order(story_stream) -> None:
    arts, _ = story_stream()
    assert assign(arts).story_of() == assign(list(reversed(arts))).story_of()


def test_stories_incremental_matches_batch(story_stream) -> None:
    arts, _ = story_stream()
    ordered = sorted(arts, key=lambda a: a.published or STREAM_START)
    first, rest = ordered[:4], ordered[4:]
    step1 = assign(first)
    step2 = assign(rest, previous=step1, prior=first)
    assert partition(step2.story_of()) == partition(assign(arts).story_of())
    # earlier assignments keep their story ids
    for m in step1.memberships:
        assert step2.story_of()[m.article_id] == m.story_id


def test_stories_late_older_article_joins_its_story(stream_article, story_stream) -> None:
    arts, _ = story_stream()
    late = stream_article("Coastguard: Aurora Vale ferry aground off Skelby, passengers safe",
                          "The Nordland coastguard said the ferry Aurora Vale was aground on a sandbank off Skelby in fog "
                          "and its passengers were being taken ashore in lifeboats.", -1)
    step1 = assign(arts)
    step2 = assign([late], previous=step1, prior=arts)
    ferry_story = step1.story_of()[arts[0].article_id]
    assert step2.story_of()[late.article_id] == ferry_story


def test_stories_dormant_story_needs_a_closer_match(stream_article) -> None:
    title, body = FERRY[0]
    a = stream_article(title, body, 0)
    weak = stream_article("Skelby harbour sandbank to be dredged",
                          "Skelby council will dredge the harbour sandbank this summer, the mayor said.", 24 * 90)
    settings = StorySettings(threshold=0.05, revive_threshold=0.9, window_days=7)
    result = assign([a, weak], settings)
    assert result.story_of()[weak.article_id] != result.story_of()[a.article_id]
    near = assign([a, weak], StorySettings(threshold=0.05, revive_threshold=0.05, window_days=7))
    assert near.story_of()[weak.article_id] == near.story_of()[a.article_id]
    assert next(m for m in near.memberships if m.article_id == weak.article_id).how == "revived"


def test_stories_bridging_article_merges_and_records_it(stream_article) -> None:
    e1 = stream_article(*ELECTION[0], 0)
    f1 = stream_article(*FOOTBALL[0], 1)
    bridge = stream_article("Arnhal mayor-elect Sanna Dahl cheers Skelby United cup win over Arnhal Rovers",
                            ELECTION[0][1] + " " + FOOTBALL[0][1], 2)
    settings = StorySettings(threshold=0.3, merge_threshold=0.3)
    result = assign([e1, f1, bridge], settings)
    assert len({result.story_of()[a.article_id] for a in (e1, f1, bridge)}) == 1
    assert len(result.merges) == 1
    merge = result.merges[0]
    assert merge.article_id == bridge.article_id
    assert merge.into == story_id(e1.article_id)  # the older story survives
    assert resolve(story_id(f1.article_id), result.merges) == merge.into


def test_stories_copy_group_shares_a_story(stream_article) -> None:
    title, body = FERRY[0]
    a = stream_article(title, body, 0)
    b = stream_article("Completely different headline words", "Unrelated filler text about gardening tools.", 1)
    result = assign([a, b], copy_groups=[(a.article_id, b.article_id)])
    assert result.story_of()[a.article_id] == result.story_of()[b.article_id]
    assert next(m for m in result.memberships if m.article_id == b.article_id).how == "copy"


def test_stories_empty_article_opens_its_own_story(stream_article, story_stream) -> None:
    arts, _ = story_stream()
    empty = stream_article("Video", "", 3, flags=("empty",))
    result = assign([*arts, empty])
    sid = result.story_of()[empty.article_id]
    assert [a for a, s in result.story_of().items() if s == sid] == [empty.article_id]


def test_stories_generic_page_title_is_placed_by_its_url(stream_article, story_stream) -> None:
    arts, _ = story_stream()
    page = dataclasses.replace(
        stream_article("World news - Nordland Daily", "Subscribe to our newsletter for the latest headlines.", 3),
        url="https://nordland.example/world/2031/03/04/aurora-vale-ferry-aground-skelby-fog/index.html")
    with_url = assign([*arts, page]).story_of()
    assert with_url[page.article_id] == with_url[arts[0].article_id]
    without = assign([*arts, page], StorySettings(url_weight=0.0)).story_of()
    assert without[page.article_id] != without[arts[0].article_id]


def test_stories_grown_story_absorbs_its_other_half(stream_article) -> None:
    a1 = stream_article(*FERRY[0], 0)
    b = stream_article(*FERRY[2], 0.5)
    a2 = stream_article(FERRY[0][0] + " today", FERRY[0][1] + " Lifeboats helped.", 1)
    apart = assign([a1, b, a2], StorySettings(threshold=0.4, merge_threshold=1.1, story_merge=1.1, rejoin=1.1))
    assert len(set(apart.story_of().values())) == 2 and not apart.merges
    merged = assign([a1, b, a2], StorySettings(threshold=0.4, merge_threshold=1.1, story_merge=0.2))
    assert len(set(merged.story_of().values())) == 1
    (m,) = merged.merges
    assert (m.merged, m.into, m.article_id) == (story_id(b.article_id), story_id(a1.article_id), a2.article_id)


def test_stories_lone_clear_candidate_joins_below_threshold(stream_article, story_stream) -> None:
    arts, _ = story_stream()
    weak = stream_article("Skelby harbour master retires",
                          "The Skelby harbour master retired after the Aurora Vale season, the town said.", 6)
    on = assign([*arts, weak], StorySettings(threshold=0.5, lone_threshold=0.05, lone_margin=0.06)).story_of()
    assert on[weak.article_id] == on[arts[0].article_id]
    off = assign([*arts, weak], StorySettings(threshold=0.5, lone_threshold=1.1)).story_of()
    assert off[weak.article_id] != off[arts[0].article_id]


def test_stories_one_shared_word_does_not_carry_a_join(stream_article) -> None:
    teigen = stream_article("Chrissy Teigen flight turns back to Los Angeles",
                            "A United flight carrying Chrissy Teigen turned back to Los Angeles after a passenger "
                            "boarded without a ticket.", 0)
    hawaii = stream_article("Hawaiian flight leaves in 2018 and lands in 2017",
                            "A Hawaiian Airlines flight from Auckland crossed the date line and landed in Honolulu "
                            "the day before, giving its passengers two New Year parties.", 2)
    again = stream_article("Chrissy Teigen flight back in Los Angeles after passenger mix-up",
                           "United said the flight with Chrissy Teigen aboard returned to Los Angeles because a "
                           "passenger had boarded without a ticket.", 3)
    loose = StorySettings(threshold=0.05, lone_threshold=1.1, story_merge=1.1, name_conflict=0, title_weight=1.0,
                          entity_weight=1.0, link=0.0)
    joined = assign([teigen, hawaii, again], loose).story_of()
    assert joined[hawaii.article_id] == joined[teigen.article_id]  # "flight" alone clears 0.05
    strict = assign([teigen, hawaii, again], dataclasses.replace(loose, word_support=0.7)).story_of()
    assert strict[hawaii.article_id] != strict[teigen.article_id]
    assert strict[again.article_id] == strict[teigen.article_id]  # many shared words: still joins


@pytest.fixture
def saved(stream_article: Callable[..., Article]) -> Callable[[str, tuple[str, ...], str], Article]:
    """``saved(first_line, paragraphs, name)``: a saved page as the plain-text reader makes it: no publication
    time, the first line as its title."""

    def make(first_line: str, paragraphs: tuple[str, ...], name: str) -> Article:
        a = stream_article(first_line, "", 0)
        return dataclasses.replace(a, article_id=name, published=None, paragraphs=paragraphs, source_text="")

    return make


#: One grounding told in two sentences, for the tests of undated and text-dated articles.
GROUNDING = ("The ferry Aurora Vale ran aground on a sandbank outside Skelby harbour in thick fog. "
             "All passengers were taken ashore by lifeboats, the Nordland coastguard said.")


def _aurora_pair(stream_article) -> list:
    """Two articles of one grounding, naming its ferry, place and captain."""
    return [stream_article("Ferry Aurora Vale runs aground off Skelby",
                           "The ferry Aurora Vale ran aground outside Skelby in fog. Captain Ivar Lund said all 214 "
                           "passengers were safe.", 0),
            stream_article("Aurora Vale grounding: Captain Ivar Lund praised",
                           "Captain Ivar Lund of the Aurora Vale kept passengers calm after the ferry ran aground "
                           "off Skelby in fog.", 1)]


def test_stories_undated_articles_are_placed_by_their_written_dates(saved) -> None:
    body = GROUNDING
    one = saved("Ferry runs aground off Skelby", ("Skelby, 4 March 2031", body), "a1")
    two = saved("Ferry runs aground off Skelby", ("Skelby, 6 March 2031", body + " Tugs stood by."), "a2")
    later = saved("Ferry runs aground off Skelby", ("Skelby, 9 April 2033", body + " A diver inspected it."), "a3")
    settings = StorySettings(threshold=0.1, revive_threshold=1.1, window_days=30)
    dated = assign([one, two, later], settings).story_of()
    assert dated["a1"] == dated["a2"] != dated["a3"]  # two years apart: another grounding
    undated = assign([one, two, later], dataclasses.replace(settings, text_dates=False)).story_of()
    assert undated["a1"] == undated["a2"] == undated["a3"]


def test_stories_an_article_looking_back_is_live_for_the_stories_of_its_days(stream_article) -> None:
    aurora = _aurora_pair(stream_article)  # published 4 March 2031
    months = 24 * 100  # a hundred days later: the story is dormant by then
    back = stream_article("Ferry inquiry: what went wrong off Skelby",
                          "The inquiry into the grounding of the ferry Aurora Vale off Skelby on March 4, 2031 heard "
                          "that Captain Ivar Lund had asked for a pilot in the fog.", months)
    current = stream_article("Ferry inquiry: what went wrong off Skelby",
                             "The inquiry into the grounding of the ferry Aurora Vale off Skelby on March 4, 2031 heard "
                             "on June 11, 2031 that Captain Ivar Lund had asked for a pilot in the fog.", months)
    settings = StorySettings(threshold=0.05, revive_threshold=1.1, window_days=30, looks_back=False)
    for late in (back, current):
        off = assign([*aurora, late], settings).story_of()
        assert off[late.article_id] != off[aurora[0].article_id]  # dormant, and not close enough to revive
    on = dataclasses.replace(settings, looks_back=True)
    joined = assign([*aurora, back], on).story_of()
    assert joined[back.article_id] == joined[aurora[0].article_id]  # every day it writes is the grounding's
    apart = assign([*aurora, current], on).story_of()
    assert apart[current.article_id] != apart[aurora[0].article_id]  # it also writes a day of its own time


def test_stories_year_gap_keeps_events_years_apart(saved) -> None:
    body = GROUNDING
    dated = [saved("Ferry runs aground off Skelby", (f"Skelby, {d} March 2031", body + extra), f"d{d}")
             for d, extra in ((4, ""), (5, " Tugs stood by."))]
    old = saved("Ferry runs aground off Skelby", (body + " It was the worst grounding since 2022.",
                                                  "The 2024 season was quiet."), "old")
    undated = saved("Ferry runs aground off Skelby", (body + " A diver inspected the hull.",), "new")
    settings = StorySettings(threshold=0.1)
    joined = assign([*dated, old, undated], settings).story_of()
    assert joined["old"] == joined["d4"] == joined["d5"] == joined["new"]  # off: years never block
    apart = assign([*dated, old, undated], dataclasses.replace(settings, year_gap=3)).story_of()
    assert apart["d4"] == apart["d5"] == apart["new"]  # an article with no year joins either
    assert apart["old"] != apart["d4"]  # its lead's latest year is 2024, seven years before the story's
    unread = assign([*dated, old, undated], dataclasses.replace(settings, year_gap=3, text_years=False)).story_of()
    assert unread["old"] == unread["d4"]


def test_stories_undated_articles_are_spread_through_the_stream(saved, stream_article) -> None:
    body = GROUNDING
    dated = stream_article("Ferry Aurora Vale runs aground off Skelby", body, 0)
    undated = saved("Aurora Vale aground off Skelby", (body + " Tugs stood by.",), "u1")
    written = saved("Aurora Vale aground off Skelby", ("Skelby, 3 March 2031", body + " A diver went down."), "w1")
    settings = StorySettings(threshold=0.1)
    # an article with no time at all meets the stream halfway, not after every dated article
    spread = assign([dated, undated], settings).memberships
    assert {m.article_id: m.how for m in spread} == {dated.article_id: "joined", "u1": "opened"}
    last = assign([dated, undated], dataclasses.replace(settings, spread_undated=False)).memberships
    assert {m.article_id: m.how for m in last} == {dated.article_id: "opened", "u1": "joined"}
    # a date the text writes orders the article as a publication date would: 3 March comes first
    by_date = assign([dated, written], settings).memberships
    assert {m.article_id: m.how for m in by_date} == {dated.article_id: "joined", "w1": "opened"}


def test_stories_name_conflict_keeps_two_events_of_one_kind_apart(stream_article) -> None:
    aurora = _aurora_pair(stream_article)
    polar = stream_article("Ferry Polar Wren runs aground off Tovik",
                           "The ferry Polar Wren ran aground outside Tovik in fog. Captain Else Berg said all "
                           "passengers were safe.", 2)
    loose = StorySettings(threshold=0.05, story_merge=1.1, name_conflict=0)
    joined = assign([*aurora, polar], loose).story_of()
    assert joined[polar.article_id] == joined[aurora[0].article_id]
    apart = assign([*aurora, polar], dataclasses.replace(loose, name_conflict=3)).story_of()
    assert apart[polar.article_id] != apart[aurora[0].article_id]
    assert apart[aurora[1].article_id] == apart[aurora[0].article_id]


@pytest.mark.parametrize(("merge_threshold", "story_merge"), [(0.2, 1.1), (1.1, 0.15)], ids=["bridge", "absorb"])
def test_stories_merge_cohesion_keeps_two_tight_stories_of_one_kind_apart(merge_threshold: float,
                                                                          story_merge: float, stream_article) -> None:
    aurora = _aurora_pair(stream_article)
    polar = [stream_article("Ferry Polar Wren runs aground off Tovik",
                 "The ferry Polar Wren ran aground outside Tovik in a storm. Captain Else Berg said all 96 "
                 "passengers were safe.", 2),
             stream_article("Polar Wren grounding: Captain Else Berg praised",
                 "Captain Else Berg of the Polar Wren kept passengers calm after the ferry ran aground "
                 "off Tovik in a storm.", 3)]
    both = stream_article("Second ferry aground in a week: after Aurora Vale at Skelby, Polar Wren at Tovik",
               "The ferry Polar Wren ran aground off Tovik in a storm, a week after the Aurora Vale ran aground "
               "off Skelby in fog. Captains Else Berg and Ivar Lund said all passengers were safe.", 4)
    arts = [*aurora, *polar, both]
    loose = StorySettings(threshold=0.2, merge_threshold=merge_threshold, story_merge=story_merge, name_conflict=0)
    merged = assign(arts, loose)
    assert len(set(merged.story_of().values())) == 1 and len(merged.merges) == 1
    apart = assign(arts, dataclasses.replace(loose, merge_cohesion=0.8))
    got = apart.story_of()
    assert not apart.merges
    assert got[aurora[0].article_id] == got[aurora[1].article_id] != got[polar[0].article_id] == got[polar[1].article_id]


def test_stories_merge_cohesion_leaves_single_articles_to_merge(stream_article) -> None:
    e1 = stream_article(*ELECTION[0], 0)
    f1 = stream_article(*FOOTBALL[0], 1)
    bridge = stream_article("Arnhal mayor-elect Sanna Dahl cheers Skelby United cup win over Arnhal Rovers",
                 ELECTION[0][1] + " " + FOOTBALL[0][1], 2)
    result = assign([e1, f1, bridge], StorySettings(threshold=0.3, merge_threshold=0.3, merge_cohesion=0.8))
    assert len(result.merges) == 1  # two stories of one article each: no cohesion to compare with


def test_stories_split_below_cuts_a_story_of_two_events(stream_article) -> None:
    aurora = [stream_article(f"Ferry Aurora Vale aground off Skelby {k}",
                             f"The ferry Aurora Vale ran aground outside Skelby harbour in fog. Captain Ivar Lund said "
                             f"all 214 passengers were safe. {extra}", k)
              for k, extra in enumerate(("Tugs stood by.", "Divers checked the hull.", "The Skelby pilot was heard."))]
    polar = [stream_article(f"Ferry Polar Wren aground near Tovik {k}",
                            f"The ferry Polar Wren ran aground near Tovik quay in fog. Captain Else Berg said all 88 "
                            f"passengers were safe. {extra}", 3 + k)
             for k, extra in enumerate(("A crane stood by.", "Engineers checked the rudder.", "Tovik port closed."))]
    loose = StorySettings(threshold=0.02, story_merge=1.1, name_conflict=0, split_below=0.0)
    merged = assign([*aurora, *polar], loose)
    assert len(set(merged.story_of().values())) == 1  # one story for both groundings
    cut = assign([*aurora, *polar], dataclasses.replace(loose, split_below=0.3))
    story = cut.story_of()
    assert story[aurora[0].article_id] == story_id(aurora[0].article_id)  # the first article's part keeps the id
    assert {story[a.article_id] for a in aurora} == {story_id(aurora[0].article_id)}
    assert {story[a.article_id] for a in polar} == {story_id(polar[0].article_id)}
    assert sorted(len(st.article_ids) for st in cut.stories) == [3, 3]
    # incremental: the stored cut is replayed, a new article joins its grounding's story
    later = stream_article("Ferry Aurora Vale refloated off Skelby",
                           "Tugs refloated the ferry Aurora Vale off Skelby harbour. "
                           "Captain Ivar Lund thanked the crews.", 9)
    more = assign([later], dataclasses.replace(loose, split_below=0.3), previous=cut, prior=[*aurora, *polar])
    assert {k: v for k, v in more.story_of().items() if k != later.article_id} == story
    assert more.story_of()[later.article_id] == story_id(aurora[0].article_id)
    # a copy group is never parted: with one across the two groundings the story stays whole
    kept = assign([*aurora, *polar], dataclasses.replace(loose, split_below=0.3),
                  copy_groups=[(aurora[1].article_id, polar[1].article_id)])
    assert len(set(kept.story_of().values())) == 1


def test_stories_split_past_outliers_ward_and_split_min_choose_the_groups_cut(stream_article) -> None:
    fog = ("Coastguard officials said the fog bank rolled in fast and radar showed the channel clear before the "
           "hull touched the sandbar.")  # both groundings: their groups are more alike than the outlier
    aurora = [stream_article(f"Ferry Aurora Vale aground off Skelby {k}",
                             f"The ferry Aurora Vale ran aground outside Skelby harbour in fog. Captain Ivar Lund said "
                             f"all 214 passengers were safe. {fog} {extra}", k)
              for k, extra in enumerate(("Tugs stood by.", "Divers checked the hull.", "The Skelby pilot was heard."))]
    # an outlying report of the same grounding: few of its words are the others'
    aside = stream_article("Skelby remembers",
                           "Fishermen mending nets on the Skelby breakwater recalled older winters, the lighthouse keeper's "
                           "cottage and a bakery queue that formed by the water.", 3)
    polar = [stream_article(f"Ferry Polar Wren aground near Tovik {k}",
                            f"The ferry Polar Wren ran aground near Tovik quay in fog. Captain Else Berg said all 88 "
                            f"passengers were safe. {fog} {extra}", 4 + k)
             for k, extra in enumerate(("A crane stood by.", "Engineers checked the rudder.", "Tovik port closed."))]
    loose = StorySettings(threshold=0.01, story_merge=1.1, name_conflict=0, lone_threshold=1.1)
    arts = [*aurora, aside, *polar]
    assert len(set(assign(arts, dataclasses.replace(loose, split_below=0.0)).story_of().values())) == 1  # one story
    # average link's top two groups are the outlier and the rest: no cut (a group of one is never cut off)
    top = assign(arts, dataclasses.replace(loose, split_below=0.6, split_past_outliers=False))
    assert len(top.stories) == 1
    # going down the tree past the outlier finds the two groundings; the outlier joins the closer one
    avg = assign(arts, dataclasses.replace(loose, split_below=0.6)).story_of()
    assert {avg[a.article_id] for a in [*aurora, aside]} == {story_id(aurora[0].article_id)}
    assert {avg[a.article_id] for a in polar} == {story_id(polar[0].article_id)}
    # a group of three is too small when each must hold four (and two articles are too few to pass)
    assert len(assign(arts, dataclasses.replace(loose, split_below=0.6, split_min=4)).stories) == 1
    # the same two groups told over the same hours (interleaved) are one event told with an aside: no cut
    # below the outlier
    hours = {a.article_id: h for a, h in zip([*aurora, aside, *polar], (0, 2, 4, 3, 1, 3, 5), strict=True)}
    same_days = [stream_article(a.title, a.text, hours[a.article_id]) for a in arts]
    assert len(assign(same_days, dataclasses.replace(loose, split_below=0.6)).stories) == 1
    # ... unless one group has no dated article at all (nothing says when it happened)
    undated = [dataclasses.replace(a, published=None) if a.title.startswith("Ferry Polar") else a for a in same_days]
    parts = assign(undated, dataclasses.replace(loose, split_below=0.6, text_dates=False)).story_of()
    assert len({parts[a.article_id] for a in undated if a.title.startswith("Ferry Polar")}) == 1
    assert len(set(parts.values())) == 2
    # Ward's groups are the two groundings
    ward = assign(arts, dataclasses.replace(loose, split_below=0.6, split_ward=True)).story_of()
    assert {ward[a.article_id] for a in [*aurora, aside]} == {story_id(aurora[0].article_id)}
    assert {ward[a.article_id] for a in polar} == {story_id(polar[0].article_id)}
    # a group of three is too small when each must hold four
    fewer = assign(arts, dataclasses.replace(loose, split_below=0.6, split_ward=True, split_min=4))
    assert len(fewer.stories) == 1

def test_stories_settings_table(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("[newsprism]\ndb = 'x.db'\n\n[stories]\nthreshold = 0.3\nname_conflict = 0\n", encoding="utf-8")
    loaded = Settings.load(f)
    assert story_settings(loaded.stories) == StorySettings(threshold=0.3, name_conflict=0)
    f.write_text("[stories]\nthreshold = 'high'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[stories\]: threshold must be like 0\.15, not 'high'"):
        Settings.load(f)
    f.write_text("stories = 3\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"stories must be a table, not 3"):
        Settings.load(f)
    f.write_text("[stories]\nthreshhold = 0.2\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[stories\]: unknown setting\(s\): threshhold; known: "):
        Settings.load(f)


def test_stories_stage_functions_run_on_batches_of_records(stream_article, story_stream) -> None:
    """copies and stories need no store: records in, records out, batch after batch (as a scale-out runner calls them)."""
    from newsprism.copies import find_copies

    first, _ = story_stream()
    body = " ".join(b for _, b in ELECTION)  # long enough to be a copy
    original = stream_article("Arnhal council election: Greens win, Liberals concede", body, 12, outlet="Wire")
    first.append(original)
    again = stream_article("Upset in Arnhal: Greens take the council", body, 20, outlet="Paper")
    later = stream_article("Aurora Vale ferry towed off Skelby sandbank by tugs",
                           "Tugs from Arnhal pulled the grounded ferry Aurora Vale off the Skelby sandbank at high tide; "
                           "the Nordland coastguard said the diesel leak was contained.", 21, outlet="Other")
    batch = [again, later]
    copies = find_copies([*first, *batch])
    groups = [g.article_ids for g in copies.groups]
    assert any(again.article_id in g for g in groups)  # the republication is found across the batches
    step1 = assign(first, copy_groups=[g for g in groups if again.article_id not in g])
    step2 = assign(batch, previous=step1, prior=first, copy_groups=groups)
    how = {m.article_id: m for m in step2.memberships}
    assert how[again.article_id].how == "copy" and how[again.article_id].story_id == step1.story_of()[original.article_id]
    assert how[later.article_id].story_id == step1.story_of()[first[0].article_id]  # the ferry story
    assert partition(step2.story_of()) == partition(assign([*first, *batch], copy_groups=groups).story_of())


def test_stories_assign_reads_a_stream_once_and_keeps_no_article(story_stream) -> None:
    arts, _ = story_stream()
    reads: list[int] = []

    def once() -> Iterator[Article]:
        reads.append(1)
        yield from arts

    assert assign(once()) == assign(arts) and len(reads) == 1


def test_stories_update_replays_what_previous_assigned_and_places_the_rest(story_stream) -> None:
    from newsprism.records import Copies
    from newsprism.stories import update

    arts, _ = story_stream()
    ordered = sorted(arts, key=lambda a: a.published or STREAM_START)
    first = ordered[:4]
    step1 = update(first, StorySettings(), None, Copies((), (), ()))
    assert step1 == assign(first)
    step2 = update(reversed(ordered), StorySettings(), step1, Copies((), (), ()))  # a stream, any order
    assert step2 == assign(ordered[4:], previous=step1, prior=first)
    for m in step1.memberships:  # earlier assignments keep their story ids
        assert step2.story_of()[m.article_id] == m.story_id



def test_stories_min_df_reads_only_words_another_article_holds(stream_article) -> None:
    aurora = [stream_article("Ferry Aurora Vale runs aground off Skelby",
                             "The ferry Aurora Vale ran aground outside Skelby in fog. Captain Ivar Lund said all "
                             "passengers were safe.", 0),
              stream_article("Aurora Vale grounding off Skelby",
                             "Captain Ivar Lund of the Aurora Vale kept passengers calm after the ferry ran aground "
                             "off Skelby in fog.", 1)]
    # the same event told with many words no other article writes
    wordy = stream_article("Aurora Vale aground off Skelby",
                           "The Aurora Vale ferry aground off Skelby: brackish quagmire, tessellated marzipan, "
                           "gossamer trombones, obsidian walruses, lilac zeppelins, cobalt porcupines, velvet "
                           "anchovies, saffron kettledrums, tangerine glaciers, marbled hedgehogs, crimson "
                           "accordions, ochre pelicans, silver marmalade, turquoise bagpipes, amber cathedrals.", 2)
    settings = StorySettings(threshold=0.5, story_merge=1.1, name_conflict=0, lone_threshold=1.1)
    every = {m.article_id: m for m in assign([*aurora, wordy], settings).memberships}
    common = {m.article_id: m for m in assign([*aurora, wordy], dataclasses.replace(settings, min_df=2)).memberships}
    assert every[wordy.article_id].how == "opened"  # its own words drown what it shares
    assert common[wordy.article_id].how == "joined"
    assert common[wordy.article_id].story_id == common[aurora[0].article_id].story_id


def test_stories_min_df_counts_articles_placed_before(story_stream) -> None:
    # counted over the articles placed before (not over the call), an article reads the same terms
    # whether the articles after it come in the same call or a later one
    settings = StorySettings(min_df=2, split_below=0.25, split_min=3)
    arts, _ = story_stream()
    ordered = sorted(arts, key=lambda a: a.published or STREAM_START)
    for cut in (1, 2, 4, 7):
        first, rest = ordered[:cut], ordered[cut:]
        step1 = assign(first, settings)
        step2 = assign(rest, settings, previous=step1, prior=first)
        assert partition(step2.story_of()) == partition(assign(arts, settings).story_of())


def test_stories_rejoin_merges_a_lone_article_into_the_story_that_grew_towards_it(stream_article) -> None:
    brief = stream_article("Ferry aground off Skelby", "A ferry ran aground off Skelby in fog on Tuesday.", 0)
    reports = [stream_article(f"Aurora Vale passengers ashore after Skelby grounding {k}",
                              f"All 214 passengers of the ferry Aurora Vale were brought ashore at Skelby after the ship "
                              f"ran aground on a sandbank in fog, captain Ivar Lund said. {extra}", 1 + k)
               for k, extra in enumerate(("Tugs stood by.", "Divers checked the hull.", "The pilot was heard."))]
    other = stream_article("Harbour fair opens in Tovik", "Stalls and music fill Tovik quay for the summer fair.", 2)
    strict = StorySettings(threshold=0.5, story_merge=1.1, split_below=0.0, rejoin=1.1)
    apart = assign([brief, *reports, other], strict)
    assert apart.story_of()[brief.article_id] == story_id(brief.article_id)  # alone: too short to join
    assert apart.story_of()[reports[0].article_id] != apart.story_of()[brief.article_id]
    rejoin = dataclasses.replace(strict, rejoin=0.2)
    joined = assign([brief, *reports, other], rejoin)
    story = joined.story_of()
    assert {story[a.article_id] for a in (brief, *reports)} == {story_id(brief.article_id)}  # the older id lives on
    # when the reports' story grew by its second article, it came near the brief's
    assert [(m.merged, m.into, m.article_id) for m in joined.merges] == [
        (story_id(reports[0].article_id), story_id(brief.article_id), reports[1].article_id)]
    assert story[other.article_id] == story_id(other.article_id)  # near no story: stays alone
    # decided article by article: the same in one call or two
    step1 = assign([brief, reports[0]], rejoin)
    step2 = assign([*reports[1:], other], rejoin, previous=step1, prior=[brief, reports[0]])
    assert step2.story_of() == story


def test_two_groups_passes_outliers_down_the_tree() -> None:
    from scipy.cluster.hierarchy import linkage

    from newsprism.story_cluster import _two_groups

    # points on a line: two tight groups of three (0-2, 4-6) and one far outlier (3)
    xs = [[0.0], [0.1], [0.2], [50.0], [10.0], [10.1], [10.2]]
    tree = linkage(xs, "average")
    one, other, outliers = _two_groups(tree, len(xs), 3)  # type: ignore[misc]
    assert sorted([one, other]) == [[0, 1, 2], [4, 5, 6]] and outliers == [3]
    assert _two_groups(tree, len(xs), 4) is None  # no node parts two groups of four
    assert _two_groups(linkage([[0.0], [1.0]], "average"), 2, 1) == ([0], [1], [])
