"""copies.credits: wire and outlet credits, rewrites, shared writing and independent origins."""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsprism.copies as copies_module
import newsprism.copies.credits as credits_module
from newsprism.copies import (
    Copies,
    aligned_words,
    find_copies,
    headline_pairs,
    independent_sources,
    line_origins,
    noun_credits,
    outlet_credits,
    retold_words,
    rewrites,
    run_holders,
    shared_frame,
    shared_writing,
    skeleton,
    story_writers,
    wire_credit,
    writer_credits,
    writing_words,
)
from newsprism.records import Article, ArticlePair, Claim

from .helpers import _REWRITTEN, CREDITING, NONE, OTHER_WIRE, _claim, art


def test_copies_independent_sources_count_a_group_once(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    origins = independent_sources([a.article_id for a in syndicated.values()], found)
    assert len(origins) == 1
    assert origins[0].article_id == syndicated["wire"].article_id
    assert origins[0].wire == "NPA"


def test_copies_two_wires_on_one_event_count_two(syndicated: dict[str, Article]) -> None:
    other = art("bws", OTHER_WIRE, outlet="BWS", hours=1)
    other_copy = art("bws-copy", OTHER_WIRE, outlet="Marrow Post", hours=2)
    found = find_copies([*syndicated.values(), other, other_copy])
    assert len(found.groups) == 2
    ids = [a.article_id for a in (*syndicated.values(), other, other_copy)]
    origins = independent_sources(ids, found)
    assert sorted(o.wire or "" for o in origins) == ["BWS", "NPA"]


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("credit", "Reuters", "Reuters"),
        ("byline", ("By Associated Press",), "AP"),
        ("body", "BEIJING, Sept 15 (Xinhua) -- China said on Friday ...", "Xinhua"),
        ("body", "Xinhua | Updated: 2017-09-15 17:52 BEIJING -- China said ...", "Xinhua"),
        ("body", "PARIS (AFP) - France said ...", "AFP"),
        ("body", "Officials told Reuters on Friday that the talks had failed. " * 5, None),
    ],
    ids=["credit-line", "byline", "dateline", "china-daily-style", "afp", "mention-is-not-credit"],
)
def test_copies_wire_credit(where: str, value: object, expected: str | None) -> None:
    a = art("w", ["Filler paragraph about nothing much at all."], outlet="X")
    if where == "credit":
        a = art("w", ["Filler."], outlet="X", credit=str(value))
    elif where == "byline":
        from dataclasses import replace

        a = replace(a, byline=value)  # type: ignore[arg-type]
    else:
        text = str(value)
        if expected is None:
            text = "A long opening paragraph without any credit in it at all, just words. " * 3 + text
        a = art("w", [text, "Closing paragraph of the piece, long enough to be ordinary text here."], outlet="X")
    assert wire_credit(a) == expected


@pytest.mark.parametrize(("reason", "footer", "expected"), [
    ("copyright", "Copyright 2025 The Associated Press. All rights reserved.", "AP"),
    ("boilerplate", "Copyright 2025 The Associated Press. All rights reserved.", None),
    ("copyright", "Image copyright Reuters", None),
], ids=["removed-copyright-footer-credits", "other-removals-do-not", "a-picture-credit-does-not"])
def test_copies_wire_credit_in_a_removed_line(reason: str, footer: str, expected: str | None) -> None:
    from dataclasses import replace

    from newsprism.records import Removal

    a = art("w", ["An ordinary opening paragraph about the ferry, with no agency named in it at all."], outlet="X")
    a = replace(a, removals=(Removal(reason, footer, 500, 500 + len(footer)),))
    assert wire_credit(a) == expected


def test_copies_an_outlet_counts_once_however_many_articles() -> None:
    one = art("one", ["First report of the Skelby grounding by the island paper."], outlet="Island Post")
    two = art("two", ["A second, later report of the grounding by the same paper."], outlet="Island Post", hours=2)
    other = art("three", ["Another paper's own report of the grounding."], outlet="Coast Times")
    wire = art("four", ["The agency's report of the grounding, run by the island paper."], outlet="Island Post",
               credit="Reuters")
    copies = find_copies([one, two, other, wire])
    outlets = {a.article_id: a.outlet for a in (one, two, other, wire)}
    ids = [one.article_id, two.article_id, other.article_id, wire.article_id]
    keys = [o.key for o in independent_sources(ids, copies, outlets)]
    # the wire story the island paper ran is the island paper's too: one outlet, one source
    assert keys == ["outlet:island post", "outlet:coast times"]
    assert len(independent_sources(ids, copies)) == 4  # without outlets: every article its own source


def test_copies_an_outlet_beside_its_own_wire_copy_is_one_source() -> None:
    own = art("own", ["The island paper's own report of the Skelby grounding and the rescue."], outlet="Island Post")
    ran = art("ran", ["The agency's account of the grounding, as the island paper printed it."], outlet="Island Post",
              credit="Reuters")
    also = art("also", ["The same agency account of the grounding, printed by a mainland paper."],
               outlet="Mainland Daily", credit="Reuters")
    other = art("other", ["A second agency's own account of the grounding near the harbour."], outlet="Coast Times",
                credit="AP")
    copies = find_copies([own, ran, also, other])
    outlets = {a.article_id: a.outlet for a in (own, ran, also, other)}
    one = independent_sources([own.article_id, ran.article_id], copies, outlets)
    assert [o.key for o in one] == ["outlet:island post"]
    assert one[0].article_ids == (own.article_id, ran.article_id)
    # a wire run by two outlets stays the wire's one source, named for the wire
    assert [o.key for o in independent_sources([ran.article_id, also.article_id], copies, outlets)] == ["wire:Reuters"]
    # counted among the members given: without the copy it ran, the island paper's own report is apart from Reuters
    keys = [o.key for o in independent_sources([own.article_id, also.article_id, other.article_id], copies, outlets)]
    assert keys == ["outlet:island post", "wire:Reuters", "wire:AP"]


@pytest.mark.parametrize(("sentence", "credited"), [
    ("The mayor told the Island Post that the harbour would be dredged.", "Island Post"),
    ("The harbour will be dredged, Island Post reported on Monday.", "Island Post"),
    ("The plan, first reported by the Island Post, costs two million.", "Island Post"),
    ("According to a report in the Island Post, the plan costs two million.", "Island Post"),
    ("In an interview with Island Post, the mayor defended the plan.", "Island Post"),
    ("Documents obtained by Island Post show the plan was delayed.", "Island Post"),
    ("In a statement sent to the Island Post, the council said the plan was sound.", "Island Post"),
    ("The council provided Island Post a statement by email, which read in part: no.", "Island Post"),
    ("The plan was delayed, Reuters reported.", "Reuters"),
    ("The mayor spoke to reporters at the island post office on Monday.", None),
    ("The Island Post is the island's oldest paper.", None),
    ("The mayor told the Coast Times that the plan was sound.", None),  # its own outlet
], ids=["told", "reported", "first-reported-by", "according-to", "interview", "obtained-by", "statement-sent-to",
        "provided-a-statement", "wire",
        "lower-case", "no-verb", "own-outlet"])
def test_copies_outlet_credits_find_the_credited_outlet(sentence: str, credited: str | None) -> None:
    a = art("c", [sentence], outlet="Coast Times")
    found = outlet_credits(a, ["Island Post", "Coast Times"])
    assert [c.outlet for c in found] == ([credited] if credited else [])
    if found:
        c = found[0]
        assert c.field == "body" and credited in a.text[c.start:c.end] and c.key == (
            "wire:Reuters" if credited == "Reuters" else "outlet:island post")


@pytest.mark.parametrize(("paragraphs", "covered"), [(0, [0]), (1, [0]), (2, [0, 1]), (-1, [0, 1, 2])])
def test_copies_an_outlet_credit_covers_its_sentence_paragraphs_or_article(paragraphs: int,
                                                                           covered: list[int]) -> None:
    a = art("c", CREDITING, outlet="Coast Times")
    (credit,) = outlet_credits(a, ["Island Post"], paragraphs)
    claims = [_claim(a, k) for k in range(3)]
    hit = [k for k, c in enumerate(claims)
           if credit.cover in ("*", c.field) and c.start < credit.cover_end and credit.cover_start < c.end]
    assert hit == covered


def _one_line(prefix: str, texts: list[str]) -> tuple[list[Article], dict[str, str | None], list[Claim]]:
    """One article per text, each of its own outlet, and the line of their first sentences."""
    arts = [art(f"{prefix}-{k}", [text], outlet=f"Outlet {k}") for k, text in enumerate(texts)]
    return arts, {a.article_id: a.outlet for a in arts}, [_claim(a, 0) for a in arts]


def test_copies_line_origins_count_a_credited_report_with_its_source() -> None:
    post = art("p", ["Marrow Line's chief executive said the ferry would return to service in May."],
               outlet="Island Post")
    times = art("t", CREDITING, outlet="Coast Times", hours=3)
    ledger = art("l", ["The ferry is due back in service in May, the Island Post reported."], outlet="Ledger",
                 hours=4)
    copies = find_copies([post, times, ledger])
    outlets = {x.article_id: x.outlet for x in (post, times, ledger)}
    credits = [c for x in (post, times, ledger) for c in outlet_credits(x, ["Island Post", "Coast Times", "Ledger"])]
    line = [_claim(post, 0), _claim(times, 0), _claim(ledger, 0)]
    (origin,) = line_origins(line, copies, outlets, credits)
    assert origin.key == "outlet:island post" and origin.article_id == post.article_id
    assert set(origin.article_ids) == {post.article_id, times.article_id, ledger.article_id}
    # without the source among the members, the two crediting reports are still one (the Post's)
    assert len(line_origins(line[1:], copies, outlets, credits)) == 1
    # a sentence the credit does not cover is the outlet's own
    own = art("t2", ["The ferry would return to service in May, the company's chief executive said."],
              outlet="Coast Times")
    assert len(line_origins([_claim(post, 0), _claim(own, 0)], copies, outlets | {own.article_id: "Coast Times"},
                            credits)) == 2


def test_copies_line_origins_shared_wording_outside_quotation_marks() -> None:
    quote = "\u201cThe channel has been silting up for years and nobody listened to us,\u201d"
    a = art("qa", [f"{quote} said Ilse Tranberg, the harbour master."], outlet="Island Post")
    b = art("qb", [f"{quote} the harbour master told the council on Monday."], outlet="Coast Times")
    c = art("qc", ["Two tugs were sent from the port of Arnhal to pull the ferry free at high tide, officials said."],
            outlet="Ledger")
    d = art("qd", ["On Tuesday two tugs were sent from the port of Arnhal to pull the ferry free at high tide."],
            outlet="Gazette")
    outlets = {x.article_id: x.outlet for x in (a, b, c, d)}
    line = [_claim(x, 0) for x in (a, b, c, d)]
    # a and b share only the quotation: two reports; c and d share 16 words of narration: one
    assert [len(o.article_ids) for o in line_origins(line, NONE, outlets, (), run=8)] == [1, 1, 2]
    assert len(line_origins(line, NONE, outlets, (), run=0)) == 4  # the check off
    # a straight single-quoted statement is a quotation too
    e = art("qe", ["'We heard a long scraping sound and then the engines stopped,' said a teacher on board."],
            outlet="Island Post")
    f = art("qf", ["'We heard a long scraping sound and then the engines stopped,' Tomas Leith told us."],
            outlet="Coast Times")
    assert len(line_origins([_claim(e, 0), _claim(f, 0)], NONE, outlets | {e.article_id: "Island Post",
                                                                         f.article_id: "Coast Times"}, (), 8)) == 2


def test_copies_line_origins_never_count_more_origins_than_outlets() -> None:
    own = art("o1", ["The island paper's own report: the ferry struck the bank in fog."], outlet="Island Post")
    wire = art("o2", ["The agency's report: fog put the ferry on the sandbank."], outlet="Island Post", credit="Reuters")
    other = art("o3", ["Another paper: the ferry hit the bank in thick fog."], outlet="Coast Times")
    copies = find_copies([own, wire, other])
    outlets = {x.article_id: x.outlet for x in (own, wire, other)}
    ids = [own.article_id, wire.article_id]
    # the story, too, counts an outlet and the wire story it ran once (independent_sources)
    assert len(independent_sources(ids, copies, outlets)) == 1
    (one,) = line_origins([_claim(own, 0), _claim(wire, 0)], copies, outlets)  # a line: one outlet, one source
    assert set(one.article_ids) == set(ids)
    assert len(line_origins([_claim(x, 0) for x in (own, wire, other)], copies, outlets)) == 2


def test_copies_line_origins_join_one_writers_sentence_reworded() -> None:
    # one writer's sentence reworded by a second outlet keeps its short runs; a third outlet
    # reporting the same fact in its own words keeps the story's names only
    a = art("la", ["But a deckhand accused the two men of theft and marched them off the ferry at Arnhal."],
               outlet="Island Post")
    b = art("lb", ["However, a young deckhand accused the men of stealing life jackets and marched them off the "
                   "ferry."], outlet="Coast Times", hours=9)
    c = art("lc", ["Two passengers were ordered ashore at Arnhal after crew members said they had taken "
                   "equipment, the ferry company said."], outlet="Ledger", hours=2)
    d = art("ld", ["The company apologised after its deckhand accused the two men and marched them off the "
                   "ferry."], outlet="Gazette", hours=3)
    outlets = {x.article_id: x.outlet for x in (a, b, c, d)}
    origins = {x.article_id: x.article_id for x in (a, b, c, d)}
    line = [_claim(x, 0) for x in (a, b, c)]
    assert len(line_origins(line, NONE, outlets)) == 3  # the test off
    holders = run_holders([a, b, c], 3, origins)
    joined = line_origins(line, NONE, outlets, share_run=3, share=0.2, share_min=3, holders=holders)
    assert sorted(len(o.article_ids) for o in joined) == [1, 2]
    (pair,) = [o for o in joined if len(o.article_ids) == 2]
    assert set(pair.article_ids) == {a.article_id, b.article_id}
    assert len(line_origins(line, NONE, outlets, share_run=3, share=0.15, share_min=20, holders=holders)) == 3
    # names are no one's writing: two sentences sharing only names and small words stay two reports
    g = art("lg", ["Ilse Tranberg and Tomas Leith of Arnhal Ferries met at the Skelby Star on Monday."],
            outlet="Island Post")
    h = art("lh", ["On Monday Ilse Tranberg and Tomas Leith of Arnhal Ferries were seen at the Skelby Star."],
            outlet="Coast Times")
    gh = {g.article_id: g.outlet, h.article_id: h.outlet}
    assert len(line_origins([_claim(g, 0), _claim(h, 0)], NONE, gh, share_run=3, share=0.2, share_min=3,
                            holders=run_holders([g, h], 3))) == 2
    # one shared phrase, however long against the sentences, is one passage: two writers may share it
    e = art("le", ["On the quay the minister also introduced the captain to the waiting reporters."],
            outlet="Island Post")
    f = art("lf", ["Later the minister also introduced the captain to families of the crew."], outlet="Coast Times")
    two = {e.article_id: e.outlet, f.article_id: f.outlet}
    assert len(line_origins([_claim(e, 0), _claim(f, 0)], NONE, two, share_run=3, share=0.2, share_min=3,
                            holders=run_holders([e, f], 3))) == 2
    # runs a third origin's article holds too ("marched them off", "off the ferry") are the story's:
    # with d in the story, a and b keep too few runs of their own
    holders = run_holders([a, b, c, d], 3, origins)
    kept = line_origins(line, NONE, outlets, share_run=3, share=0.2, share_min=3, holders=holders)
    assert len(kept) == 3


def test_copies_printed_names_of_an_outlet() -> None:
    from newsprism.outlets import printed_names

    assert printed_names("BBC")[:2] == ("BBC", "BBC News")
    assert "Huffington Post" in printed_names("HuffPost")
    assert printed_names("The Kessford Courier") == ("The Kessford Courier", "Kessford Courier")


def test_copies_rewrites_join_articles_sharing_writing_outside_quotations() -> None:
    origin = art("o", _REWRITTEN, outlet="Island Post")
    rewrite = art("r", ["Dramatic scenes off Skelby. " + p.replace("early on", "on") for p in _REWRITTEN],
                  outlet="Coast Times", hours=5)
    quoted = art("q", [f'"{p}" the coastguard said.' for p in _REWRITTEN], outlet="Ledger", hours=2)
    own = art("w", _REWRITTEN, outlet="Island Post", hours=1)
    pairs = rewrites([origin, rewrite, quoted, own], 8, 10)
    # a rewrite shares the writing; a quotation of the same words is no shared writing; one outlet is one source
    assert pairs == ((origin.article_id, rewrite.article_id), (rewrite.article_id, own.article_id))
    assert rewrites([origin, rewrite], 8, 100) == () and rewrites([origin, rewrite], 8, 0) == ()


def test_copies_a_line_of_two_rewritten_articles_is_one_origin() -> None:
    a = art("o", _REWRITTEN, outlet="Island Post")
    b = art("r", ["The Skelby Star struck a sandbank at dawn on Sunday, the coastguard said."], outlet="Coast Times")
    claims = [_claim(a, 0), _claim(b, 0)]
    assert len(line_origins(claims, Copies((), ()), {a.article_id: a.outlet, b.article_id: b.outlet})) == 2
    joined = ((a.article_id, b.article_id),)
    assert len(line_origins(claims, Copies((), ()), {a.article_id: a.outlet, b.article_id: b.outlet},
                            joined=joined)) == 1


def test_copies_rewrites_join_an_article_crediting_the_others_outlet_twice() -> None:
    post = art("p", ["The council will close the ferry pier for repairs, it said on Monday."], outlet="Island Post")
    times = art("t", ["The pier will close for a month, the Island Post reported.",
                      "Repairs will cost two million, the council told the Island Post."], outlet="Coast Times")
    once = art("o", ["The pier will close for a month, the Island Post reported."], outlet="Ledger")
    names = ["Island Post", "Coast Times", "Ledger"]
    credits = [c for x in (post, times, once) for c in outlet_credits(x, names)]
    assert rewrites([post, times, once], 8, 0, credits, 2) == ((post.article_id, times.article_id),)
    assert rewrites([post, times, once], 8, 0, credits, 0) == ()


def test_copies_rewrites_join_a_text_reworded_clause_by_clause() -> None:
    origin = art("o", _REWRITTEN, outlet="Island Post")
    # each sentence reworded, short runs of its words kept: no run of 8 words in common
    reworded = art("r", [
        "Early on Sunday the ferry Skelby Star ran aground off the northern tip of the island, on a sandbank.",
        "The lifeboat crew took all forty passengers off and brought them back to the harbour before noon.",
        "According to the coastguard, the vessel lost steering in heavy swell shortly after it left harbour.",
    ], outlet="Coast Times", hours=3)
    own_words = art("w", [
        "A ferry grounded near Skelby at dawn; rescuers evacuated everyone aboard by midday.",
        "Officials blamed rough seas and a steering fault for the accident.",
    ], outlet="Ledger", hours=2)
    quoted = art("q", [f'"{p}" a harbour master told reporters.' for p in _REWRITTEN], outlet="Harbour News", hours=1)
    assert rewrites([origin, reworded], 8, 25) == ()
    share, n = shared_writing(origin.text, reworded.text, 3)
    assert share >= 0.3 and n >= 10
    assert shared_writing(origin.text, own_words.text, 3)[0] < 0.1
    # words inside quotation marks are no shared writing
    assert shared_writing(origin.text, quoted.text, 3) == (0.0, 0)
    pairs = rewrites([origin, reworded, own_words, quoted], 8, 25, share_run=3, share=0.15)
    assert pairs == ((origin.article_id, reworded.article_id),)
    assert rewrites([origin, reworded], 8, 25, share_run=3, share=0) == ()
    # too few runs shared: no test
    assert rewrites([origin, reworded], 8, 25, share_run=3, share=0.15, share_min=n + 1) == ()
    # a run a third origin's text also has is the story's, not the pair's
    third = art("t", [*_REWRITTEN[:1], "Nothing else was said."], outlet="Fjord Daily", hours=6)
    assert shared_writing(origin.text, reworded.text, 3, [third.text])[1] < n
    origins = {x.article_id: x.article_id for x in (origin, reworded, third)}
    assert rewrites([origin, reworded, third], 8, 25, share_run=3, share=0.15, origins=origins,
                    share_min=n) == ()


@pytest.mark.parametrize(("sentence", "credited"), [
    ("Harbour police told local KXBR officers would meet the ferry.", "KXBR"),
    ("The ferry turned back after two hours, WQRT-TV reported.", "WQRT-TV"),
    ("Police were waiting at the pier, NBC 4 reports.", "NBC 4"),
    ("Passengers were told to stay seated, according to Fox 11.", "Fox 11"),
    ("The ferry turned back, the captain told NEWS reporters.", None),  # not a call sign: five letters
    ("The captain told kxbr nothing.", None),  # a station's name is printed in capitals
], ids=["told-local", "reported", "network-channel", "according-to", "five-letters", "lower-case"])
def test_copies_outlet_credits_find_a_broadcast_station_outside_the_story(sentence: str, credited: str | None) -> None:
    a = art("s", [sentence], outlet="Coast Times")
    found = outlet_credits(a, ["Island Post", "Coast Times"])
    assert [c.outlet for c in found] == ([credited] if credited else [])


def test_copies_two_members_crediting_one_station_are_one_origin() -> None:
    a = art("a", ["Harbour police told local KXBR officers would meet the ferry at the pier."], outlet="Island Post")
    b = art("b", ["Police officers were told to wait at the pier for the ferry, KXBR reports."], outlet="Coast Times")
    c = art("c", ["Officers waited at the pier for the ferry, the harbour police said."], outlet="Ledger")
    names = ["Island Post", "Coast Times", "Ledger"]
    credits = [cr for x in (a, b, c) for cr in outlet_credits(x, names)]
    outlets = {x.article_id: x.outlet for x in (a, b, c)}
    line = [_claim(a, 0), _claim(b, 0), _claim(c, 0)]
    origins = line_origins(line, Copies((), ()), outlets, credits)
    assert sorted(len(o.article_ids) for o in origins) == [1, 2]
    assert len(line_origins(line, Copies((), ()), outlets)) == 3


@pytest.mark.parametrize("outlet", ["Coast Times", "Island Post", "Reuters"],
                         ids=["names-another", "names-itself", "a-wire"])
def test_copies_outlet_credits_of_a_story_match_those_of_each_article_alone(outlet: str) -> None:
    # the story's patterns stand in for the article's own: an article that names its own outlet
    # ("told the Island Post" in the Post) takes its own patterns, and both give what each alone gives
    a = art("c", ["The mayor told the Island Post that the harbour would be dredged.",
                  "The plan was delayed, Reuters reported, and the Coast Times first reported the cost.",
                  "According to a report in the Post, the plan costs two million."], outlet=outlet)
    names = ["Island Post", "Coast Times", "Ledger"]
    copies_module._credit_patterns.cache_clear()
    together = outlet_credits(a, names)
    own = copies_module._credited_key(outlet)
    alone = tuple(n for n in sorted(names) if copies_module._credited_key(n) != own)
    copies_module._credit_patterns.cache_clear()
    copies_module._credit_patterns(alone)  # only the article's own patterns compiled
    assert outlet_credits(a, alone) == together
    assert own not in {c.key for c in together}
    assert {c.outlet for c in together} == {"Island Post", "Coast Times", "Reuters"} - {outlet}


def test_copies_quotations_as_the_unquoted_runs_read_them() -> None:
    from newsprism.copies import quotations

    assert quotations('"We stay," the mayor said, and "no one leaves" was her line.') == ['"We stay,"',
                                                                                        '"no one leaves"']
    # closed here, opened in an earlier sentence: quoted from the start; opened and left open: to the end
    assert quotations('nine times in ten it is a scam," the chief said.') == ['nine times in ten it is a scam,"']
    assert quotations('She said: "We will rebuild the harbour') == ['"We will rebuild the harbour']
    assert quotations("The gate failed on Monday.") == []


@pytest.mark.parametrize(("sentence", "credited"), [
    ("The ferry ran aground after losing steering, the Island Post said.", "Island Post"),
    ("Island Post says the ferry lost steering in heavy swell.", "Island Post"),
    ("The Island Post wrote that the ferry lost steering.", "Island Post"),
    ("The Island Post, the island's oldest paper, is sold at the pier.", None),
    ("Gazette says the ferry lost steering. Captains told the Gazette Monday.", "Gazette"),
    ("The ferry lost steering, the Skelby Gazette said.", None),  # another paper's name
    ("The ferry lost steering, according to the Gazette Weekly.", None),
    ("The ferry lost steering, the Gazette reported.", "Gazette"),
], ids=["said", "says", "wrote", "no-verb", "one-word-first", "one-word-in-a-name", "one-word-before-a-name",
        "one-word"])
def test_copies_outlet_credits_an_outlet_saying_what_it_reports(sentence: str, credited: str | None) -> None:
    a = art("c", [sentence], outlet="Coast Times")
    found = outlet_credits(a, ["Island Post", "Coast Times", "Gazette"])
    assert [c.outlet for c in found] == ([credited] if credited else [])


def test_copies_two_members_crediting_one_outlet_outside_the_story_are_one_origin() -> None:
    from newsprism.outlets import known_outlets

    outside = "The New York Times"
    assert outside in known_outlets()
    a = art("a", ["The ferry lost steering in heavy swell, The New York Times reported."], outlet="Island Post")
    b = art("b", ["According to the New York Times, the ferry had lost its steering."], outlet="Coast Times")
    c = art("c", ["The ferry lost steering in heavy swell, the coastguard said."], outlet="Ledger")
    story = ["Island Post", "Coast Times", "Ledger"]
    line = [_claim(a, 0), _claim(b, 0), _claim(c, 0)]
    outlets = {x.article_id: x.outlet for x in (a, b, c)}
    # the story's outlets alone: the credited paper is no outlet of the story, nothing is credited
    assert len(line_origins(line, Copies((), ()), outlets,
                            [cr for x in (a, b, c) for cr in outlet_credits(x, story)])) == 3
    credits = [cr for x in (a, b, c) for cr in outlet_credits(x, [*story, *known_outlets()])]
    assert {cr.key for cr in credits} == {"outlet:the new york times"}
    origins = line_origins(line, Copies((), ()), outlets, credits)
    assert sorted(len(o.article_ids) for o in origins) == [1, 2]


def test_copies_headline_pairs_read_title_case_aside_from_word_endings() -> None:
    a = headline_pairs("Ferry Skelby Star Identified In Northern Tip")
    b = headline_pairs("Ferry Skelby Star Has Been Identifying In The Northern Tip")
    assert ("ident", "north") in a and a == b
    assert headline_pairs('Mayor: "Ferry Runs Aground"') == headline_pairs("Mayor")


def test_copies_line_origins_join_a_headline_rewritten() -> None:
    a = art("a", ["x"], outlet="Island Post", title="Ferry Skelby Star Ran Aground Off Northern Tip")
    b = art("b", ["x"], outlet="Coast Times", title="Ferry Skelby Star Has Run Aground Off The Northern Tip")
    c = art("c", ["x"], outlet="Ledger", title="Forty Passengers Rescued As Skelby Star Grounds In Swell")
    outlets = {x.article_id: x.outlet for x in (a, b, c)}

    def title(x: Article) -> Claim:
        return Claim(f"{x.article_id}:t", x.article_id, "title", 0, len(x.title or ""), x.title or "", None, None,
                     None, (), (), (), (), (), False)

    line = [title(a), title(b), title(c)]
    assert len(line_origins(line, Copies((), ()), outlets)) == 3
    # "ran"/"run" differ: five of the shorter headline's seven pairs are shared
    assert sorted(len(o.article_ids) for o in line_origins(line, Copies((), ()), outlets, headline=0.7)) == [1, 2]
    assert len(line_origins(line, Copies((), ()), outlets, headline=1.0)) == 3
    # a body sentence is never read as a headline
    body = [replace(cl, field="body") for cl in line]
    assert len(line_origins(body, Copies((), ()), outlets, headline=0.5)) == 3


def test_copies_skeleton_keeps_lower_case_words_in_order_outside_quotations() -> None:
    assert skeleton('The Skelby Star ran aground "in thick fog" off Varnholm, the coastguard said.') == (
        "ran", "agrou", "off", "coast")
    a = skeleton("A tug will be stationed some 40km off the reef and will provide a towing line to the ferry.")
    b = skeleton("The operation will include a tug that will be stationed almost 40 kilometres off the reef, "
                 "and the tug will provide towing line for the ferry.")
    assert aligned_words(a, b) == 8 == len(a) - 1  # all but "40km" in order
    assert aligned_words(("a", "b", "c"), ("c", "b", "a")) == 1
    assert skeleton("A tug will be stationed off the reef.", ["tug", "reef"]) == ("stati", "off")  # story's words


def test_copies_line_origins_join_a_rewrite_keeping_the_clause_skeleton() -> None:
    texts = {"a": "A tug will be stationed some 40km off the reef and will provide a towing line to the ferry.",
             "b": "The operation will include a tug that will be stationed almost 40 kilometres off the reef, "
                  "and the tug will provide towing line for the ferry.",
             "c": "Rescuers sent a tug out to the ferry, which had lost power near the reef."}
    outlets = {"a": "Island Post", "b": "Coast Times", "c": "Ledger"}
    line = [Claim(f"{k}:1", k, "body", 0, len(t), t, None, None, None, (), (), (), (), (), False)
            for k, t in texts.items()]
    assert len(line_origins(line, Copies((), ()), outlets)) == 3
    assert sorted(len(o.article_ids) for o in line_origins(line, Copies((), ()), outlets, order=0.8,
                                                           order_min=6)) == [1, 2]
    assert len(line_origins(line, Copies((), ()), outlets, order=0.8, order_min=9)) == 3  # too few words
    # words the articles of three origins or more hold are the story's, no one's writing
    story = {("tug",): {"x", "y", "z"}, ("reef",): {"x", "y", "z"}, ("ferry",): {"x", "y", "z"}}
    assert len(line_origins(line, Copies((), ()), outlets, order=0.8, order_min=6, holders=story)) == 3


@pytest.mark.parametrize(("sentence", "credited"), [
    ("The NYT says the ferry lost steering in heavy swell.", "The New York Times"),
    ("The skipper told the Athletic the ferry had lost steering.", "The Athletic"),
], ids=["initials", "outlet-of-the-table"])
def test_copies_outlet_credits_name_the_table_as_printed(sentence: str, credited: str) -> None:
    from newsprism.outlets import known_outlets

    found = outlet_credits(art("c", [sentence], outlet="Coast Times"), ["Coast Times", *known_outlets()])
    assert [c.outlet for c in found] == [credited]


def test_copies_line_origins_read_a_quoted_report_credited_to_an_outlet() -> None:
    from newsprism.outlets import known_outlets

    texts = {"a": '"Some 40 crew remain aboard the stranded ferry, though it is not clear how many of them '
                  'are hurt," the Associated Press reports.',
             "b": "Some 40 crew remain aboard the stranded Skelby Star, although it is not clear how many are hurt.",
             "c": '"Some 40 crew remain aboard, though it is not clear how many are hurt," the skipper told '
                  'the Associated Press.'}
    arts = {k: art(k, [t], outlet=o) for (k, t), o in zip(texts.items(), ["Island Post", "Coast Times", "Ledger"],
                                                           strict=True)}
    credits = [cr for a in arts.values() for cr in outlet_credits(a, ["Island Post", "Coast Times", "Ledger",
                                                                       *known_outlets()])]
    outlets = {k: a.outlet for k, a in arts.items()}
    report = [_claim(arts["a"], 0), _claim(arts["b"], 0)]
    kw = {"share_run": 3, "share": 0.2, "share_min": 3}
    # the agency's report quoted by one outlet and run unquoted by another: one origin
    assert len(line_origins(report, Copies((), ()), outlets, credits, **kw)) == 1
    assert len(line_origins(report, Copies((), ()), outlets, credits, quoted_report=False, **kw)) == 2
    # a quote someone gave in an interview stays that person's words, quoted apart
    told = [_claim(arts["c"], 0), _claim(arts["b"], 0)]
    assert len(line_origins(told, Copies((), ()), outlets, credits, **kw)) == 2


def test_copies_an_interview_given_to_another_outlets_writer_credits_that_outlet() -> None:
    column = replace(art("wc", ["\u201cI kept the logbook for twenty years,\u201d the keeper says."], outlet="Island Post"),
                     byline=("By Hedda Ormsby", "Island Post"))
    other = replace(art("wo", ["\u201cI kept the logbook for twenty years,\u201d the keeper told Ormsby on Monday."],
                        outlet="Coast Times"), byline=("Coast Times staff",))
    own = art("wn", ["\u201cI kept the logbook for twenty years,\u201d the keeper told a crowd at the pier."],
              outlet="Ledger")
    wire = replace(art("ww", ["Filler paragraph about the pier."], outlet="Gazette"),
                   byline=("The Island Post", "Associated Press"))
    writers = story_writers([column, other, own, wire])
    # the full name and the surname name the Post's writer; an outlet or a wire in a byline is no writer
    assert writers == {"Hedda Ormsby": "Island Post", "Ormsby": "Island Post"}
    (credit,) = writer_credits(other, writers)
    assert credit.key == "outlet:island post" and other.text[credit.start:credit.end] == "told Ormsby"
    assert writer_credits(column, writers) == ()  # the writer's own outlet never credits itself
    assert writer_credits(own, writers) == ()
    # "told Ormsby Bay" is a place, not the writer
    bay = replace(other, paragraphs=("The keeper told Ormsby Bay residents to stay inside.",))
    assert writer_credits(bay, writers) == ()
    outlets = {x.article_id: x.outlet for x in (column, other, own)}
    line = [_claim(column, 0), _claim(other, 0), _claim(own, 0)]
    credits = writer_credits(other, writers)
    # the Coast Times sentence gives the Post's interview: two origins, not three
    assert sorted(len(o.article_ids) for o in line_origins(line, NONE, outlets, credits)) == [1, 2]
    assert len(line_origins(line, NONE, outlets, ())) == 3


def test_copies_a_run_another_member_quotes_is_a_statement_not_shared_writing() -> None:
    said = "We will reopen the north pier once the divers have checked every pile beneath it"
    a = art("sa", [f"\u201c{said},\u201d the harbour board wrote on Monday."], outlet="Island Post")
    b = art("sb", [f"{said}."], outlet="Coast Times")  # a statement set out as a block, its marks lost
    c = art("sc", [f"{said}."], outlet="Ledger")
    d = art("sd", ["The board said divers would check every pile beneath the north pier before it reopens."],
            outlet="Gazette")
    outlets = {x.article_id: x.outlet for x in (a, b, c, d)}
    line = [_claim(x, 0) for x in (a, b, c, d)]
    # a quotes the statement: b and c give it, not one another's writing
    assert len(line_origins(line, NONE, outlets, (), run=9)) == 4
    assert len(line_origins(line, NONE, outlets, (), run=9, said_runs=False)) == 3
    # with no member quoting it, the shared run is one writer's
    assert len(line_origins(line[1:], NONE, outlets, (), run=9)) == 2


def test_copies_told_the_magazine_credits_the_outlet_named_before() -> None:
    names = ["Island Post", "Coast Weekly", "Ledger"]
    a = art("na", ["The Coast Weekly spoke to the keeper last week.",
                   "\u201cThe lamp has not failed once,\u201d the keeper told the magazine."], outlet="Ledger")
    (credit,) = noun_credits(a, names)
    assert credit.key == "outlet:coast weekly" and a.text[credit.start:credit.end] == "told the magazine"
    # a wire named before is "the agency", never "the paper" (another paper, unnamed)
    b = art("nb", ["Reuters first reported the closure.", "\u201cWe had no choice,\u201d the mayor told the paper."],
            outlet="Ledger")
    assert noun_credits(b, names) == ()
    c = replace(b, paragraphs=("Reuters first reported the closure.", "The mayor told the agency it was final."))
    assert [cr.key for cr in noun_credits(c, names)] == ["wire:Reuters"]
    # its own outlet named before, or no outlet at all: no credit
    d = art("nd", ["The Ledger asked the keeper.", "He told the paper he would stay."], outlet="Ledger")
    e = art("ne", ["He told the paper he would stay."], outlet="Ledger")
    assert noun_credits(d, names) == () and noun_credits(e, names) == ()


# ------------------------------------------------------------ one writer's frame around a line

_FRAMED = [
    "\"We never thought the tide would turn so fast,\" Harbour Master Lund said as he stood on the empty quay.",
    "\"We never thought the tide would turn so fast,\" Harbour Master Lund said as he stood on the empty quay at dusk.",
    "\"We never thought the tide would turn so fast,\" Lund told reporters on Monday.",
]


def test_copies_shared_frame_is_the_longest_common_run_outside_quotations() -> None:
    words = [copies_module.credits._unquoted_words(t) for t in _FRAMED]
    frame = shared_frame(words[0], words[1])
    assert frame == ("Harbour", "Master", "Lund", "said", "as", "he", "stood", "on", "the", "empty", "quay")
    assert writing_words(frame) == 3  # stood, empty, quay: names and stop words are no one's writing
    assert writing_words(shared_frame(words[0], words[2])) == 0  # "Lund" alone


def test_copies_line_origins_joins_members_sharing_the_writing_around_a_quotation() -> None:
    arts, outlets, line = _one_line("framed", _FRAMED)
    assert len(line_origins(line, NONE, outlets, ())) == 3  # the test off
    found = line_origins(line, NONE, outlets, (), frame=0.8, frame_min=3)
    assert sorted(len(o.article_ids) for o in found) == [1, 2]  # the third writes its own frame
    assert len(line_origins(line, NONE, outlets, (), frame=0.8, frame_min=4)) == 3  # three words shared: too few
    # a stock phrase of the story (its runs held by three origins or more) is no one's writing
    stock = art("framed-x", ["Harbour Master Lund said as he stood on the empty quay."], outlet="X")
    holders = run_holders([*arts, stock], 3)
    assert len(line_origins(line, NONE, outlets, (), frame=0.8, frame_min=3, share_run=3, holders=holders)) == 3


def test_copies_line_origins_frame_skips_a_quotation_running_on_without_marks() -> None:
    text = "The crew stood on the empty quay and watched the ferry drift away from the harbour wall."
    _, outlets, line = _one_line("runon", [text] * 2)
    assert len(line_origins(line, NONE, outlets, (), frame=0.8, frame_min=3)) == 1  # the writer's own words
    quoted = [replace(c, quote="direct") for c in line]  # the middle of a quotation of several sentences
    assert len(line_origins(quoted, NONE, outlets, (), frame=0.8, frame_min=3)) == 2
    marked = [replace(c, text=c.text + ' "It drifted," he said.') for c in quoted]  # marks of its own: read
    assert len(line_origins(marked, NONE, outlets, (), frame=0.8, frame_min=3)) == 1
    spoken = [replace(c, text="We" + c.text[len("The crew"):]) for c in line]  # the first person: speech
    assert len(line_origins(spoken, NONE, outlets, (), frame=0.8, frame_min=3)) == 2


def test_copies_line_origins_frame_reads_twin_single_marks_as_closing_a_quotation() -> None:
    texts = ["\"We never thought the tide would turn so fast,'' Lund said as he stood on the empty quay.",
             "\"We never thought the tide would turn so fast,\" Lund said as he stood on the empty quay at dusk."]
    _, outlets, line = _one_line("twin", texts)
    # read as a quotation left open, the first has no words of its own outside the marks
    assert len(line_origins(line, NONE, outlets, (), frame=0.8, frame_min=3)) == 2
    assert len(line_origins(line, NONE, outlets, (), frame=0.8, frame_min=3, twin_marks=True)) == 1
    # a frame that is a quotation elsewhere is still a quotation
    quoted = [replace(line[0], text="\"Lund said as he stood on the empty quay,'' she wrote."), line[1]]
    assert len(line_origins(quoted, NONE, outlets, (), frame=0.8, frame_min=3, twin_marks=True)) == 2


def test_copies_named_outlets_reads_a_name_beside_an_outlet_noun() -> None:
    assert credits_module.named_outlets("The port was closed, the news agency, Norpress, said.") == {"norpress"}
    assert credits_module.named_outlets("the harbour master told Tidewatch magazine.") == {"tidewatch"}
    assert credits_module.named_outlets("trade paper The Quay Gazette wrote.") == {"quaygazette"}
    assert credits_module.named_outlets("a government agency, Portwatch, said.") == set()  # no outlet
    assert credits_module.named_outlets("the news agency said.") == set()
    assert credits_module.named_outlets("The newspaper said. This magazine agreed.") == set()
    # a description before the noun and a name after it: the name; an owner's website is no outlet
    assert credits_module.named_outlets("the Ruritanian magazine Tidewatch said.") == {"tidewatch"}
    assert credits_module.named_outlets("Portline's website said.") == set()
    assert credits_module.named_outlets("the paper Quay\nNews said.") == {"quay"}  # a name on one line
    assert credits_module._letters("quaygazette.com") == credits_module._letters("The Quay Gazette")


def test_copies_line_origins_joins_members_crediting_one_named_outlet() -> None:
    texts = ["The ferry ran aground near the pier, the news agency Norpress said.",
             "A ferry hit the sandbank by the pier on Monday, according to Norpress.",
             "Officials said a ferry grounded by the pier."]
    _, outlets, line = _one_line("named", texts)
    assert len(line_origins(line, NONE, outlets, ())) == 3
    found = line_origins(line, NONE, outlets, (), named=True)
    assert sorted(len(o.article_ids) for o in found) == [1, 2]  # the bare name counts beside the named one
    # a member naming so the outlet of another is that outlet's report (its web address's name)
    own = art("named-own", ["A ferry ran aground by the pier, its crew safe."], outlet="quaygazette.com")
    quoting = art("named-q", ["A ferry ran aground, trade paper The Quay Gazette wrote."], outlet="Outlet Q")
    pair = [_claim(own, 0), _claim(quoting, 0)]
    pair_outlets = {own.article_id: own.outlet, quoting.article_id: quoting.outlet}
    assert len(line_origins(pair, NONE, pair_outlets, ())) == 2
    assert len(line_origins(pair, NONE, pair_outlets, (), named=True)) == 1


def test_copies_rewrites_pair_short_texts_sharing_most_of_their_runs() -> None:
    one = art("short-a", _REWRITTEN, outlet="Outlet A")
    two = art("short-b", [*_REWRITTEN[:2], "The coastguard said the vessel lost steering in a heavy swell."],
              outlet="Outlet B")
    assert rewrites([one, two], 8, 100) == ()  # too few runs shared for the count
    assert rewrites([one, two], 8, 100, copied=0.5) == (ArticlePair(one.article_id, two.article_id),)
    assert rewrites([one, two], 8, 100, copied=0.95) == ()


def test_copies_closed_twins_closes_a_quotation_and_keeps_offsets() -> None:
    text = "\"We will sail at dawn,'' the skipper said. \"Not before.''"
    closed = credits_module.closed_twins(text)
    assert len(closed) == len(text)
    assert credits_module.quotations(closed) == ['"We will sail at dawn,"', '"Not before."']
    # the skipper's words outside the marks are the writer's once the quotation is closed
    assert ("the", "skipper", "said") in credits_module._unquoted_runs(closed, 3)
    assert ("the", "skipper", "said") not in credits_module._unquoted_runs(text, 3)
    assert credits_module.closed_twins("rock 'n' roll, the band's ''") == "rock 'n' roll, the band's ''"


def test_copies_line_origins_every_test_reads_twin_single_marks_with_twin_marks_all() -> None:
    # one writer's sentence after a quotation closed by two single marks: a run of nine words outside it
    texts = ["\"The cable is cut,'' the ministry said, adding that crews would need several days to reach "
             "the damaged line near the coast.",
             "\"The cable is cut,'' officials said, adding that crews would need several days to reach the "
             "damaged line."]
    _, outlets, line = _one_line("twins", texts)
    assert len(line_origins(line, NONE, outlets, (), 9)) == 2  # read as a quotation left open: no writing
    assert len(line_origins(line, NONE, outlets, (), 9, twin_marks_all=True)) == 1
    # a quotation both give is still no writing of theirs
    said = [replace(c, text="\"" + c.text.split("\"")[1].split("''")[0] + ", crews would need several days "
                    "to reach the damaged line.''") for c in line]
    assert len(line_origins(said, NONE, outlets, (), 9, twin_marks_all=True)) == 2


def test_copies_rewrites_read_twin_single_marks_as_closing_a_quotation() -> None:
    body = ("\"We will rebuild,'' the mayor said as the rain eased over the flooded valley town on Sunday "
            "and volunteers carried sandbags along the river road toward the old mill bridge.")
    arts = [art(f"rw-twin-{k}", [body + tail], outlet=f"Outlet {k}")
            for k, tail in enumerate((" Schools stay shut.", " Buses are running."))]
    assert rewrites(arts, 8, 10) == ()
    assert rewrites(arts, 8, 10, twin_marks=True) == (ArticlePair(arts[0].article_id, arts[1].article_id),)


def test_lexicon_american_spelling_keeps_length_and_folds_british_forms() -> None:
    from newsprism.lexicon import american_spelling

    for british, american in (("The board was criticised for organising it.", "The board was criticized for "
                                                                                 "organizing it."),
                              ("He analysed the Centre's defence.", "He analyzed the Center's defense."),
                              ("Organisations apologised.", "Organizations apologized.")):
        assert american_spelling(british) == american
        assert len(american_spelling(british)) == len(british)
    # words that only end alike stay: too short a stem, or no "-ise" form
    for kept in ("noise", "raise", "rises", "crisis", "wise"):
        assert american_spelling(kept) == kept


def test_copies_line_origins_reads_british_spellings_as_american_with_spelling() -> None:
    texts = ["Early in the season, the club was criticised for promoting a charity match in the harbour town.",
             "Early in the season, the club was criticized for promoting a charity match in town."]
    _, outlets, line = _one_line("spell", texts)
    assert len(line_origins(line, NONE, outlets, (), 9)) == 2  # the run breaks at the respelled word
    assert len(line_origins(line, NONE, outlets, (), 9, spelling=True)) == 1


# ------------------------------------------------------------ one sentence retold with a word changed

_RETOLD = [
    "A rusted signal flare was recovered on the deck of the drifting ferry.",
    "A rusted signal flare was found on the deck of the drifting ferry.",
    "Divers later said they had seen no flare anywhere near the hull of the ferry.",
]


def test_copies_retold_words_read_contractions_and_leave_quotations_out() -> None:
    told = retold_words("The captain won't sail, the operator \"deeply regrets\" the delay.")
    assert told.words == ("the", "capta", "will", "not", "sail", "the", "opera", "the", "delay")
    assert told.length == 11  # the quoted words count in its length
    assert told.writing == ("capta", "sail", "opera", "delay") and not told.first_person
    assert retold_words("I didn't see the ferry.").words[:3] == ("i", "did", "not")
    assert retold_words("I didn't see the ferry.").first_person


def test_copies_line_origins_joins_one_sentence_retold_with_a_word_changed() -> None:
    arts, outlets, line = _one_line("retold", _RETOLD)
    assert len(line_origins(line, NONE, outlets, ())) == 3  # the test off
    found = line_origins(line, NONE, outlets, (), retold=0.8, retold_min=6)
    assert sorted(len(o.article_ids) for o in found) == [1, 2]  # the third tells it in its own words
    assert len(line_origins(line, NONE, outlets, (), retold=0.8, retold_min=13)) == 3  # 12 words aligned: too few
    # the story's other reports holding every run of it (a wire text many run) do not stop it
    many = [art(f"retold-x{k}", [_RETOLD[0]], outlet=f"X{k}") for k in range(3)]
    holders = run_holders([*arts, *many], 3)
    assert len(line_origins(line, NONE, outlets, (), retold=0.8, retold_min=6, share_run=3, holders=holders)) == 2


def test_copies_line_origins_retold_reads_no_attribution_quotation_headline_or_speech() -> None:
    # two outlets quoting one statement: the words around the quotation are an attribution only
    quoted = ["\"The island will not be cut off while the ferry is repaired,\" operator Marrow Line said in a statement.",
              "\"The island will not be cut off while the vessel is repaired\" Marrow Line said in a statement."]
    _, outlets, line = _one_line("attrib", quoted)
    assert len(line_origins(line, NONE, outlets, (), retold=0.8, retold_min=6)) == 2
    # a line of names (a menu path, a title in capitals) is no one's writing
    _, outlets, line = _one_line("names", ["Open Settings > Ferry Routes > Marrow Line > Timetable."] * 2)
    assert len(line_origins(line, NONE, outlets, (), retold=0.8, retold_min=6)) == 2
    # headlines: the headline test's (desks write near the same ones)
    _, outlets, line = _one_line("heads", _RETOLD[:2])
    heads = [replace(c, field="title") for c in line]
    assert len(line_origins(heads, NONE, outlets, (), retold=0.8, retold_min=6)) == 2
    # the first person outside quotation marks is someone's speech, its marks lost
    _, outlets, line = _one_line("speech", ["We recovered a rusted signal flare on the deck of the drifting ferry.",
                                            "We found a rusted signal flare on the deck of the drifting ferry."])
    assert len(line_origins(line, NONE, outlets, (), retold=0.8, retold_min=6)) == 2
