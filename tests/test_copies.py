"""Copies: near-duplicates, rewrites, origins and independent sources, on fictional fixtures."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import newsprism.copies as copies_module
from newsprism.copies import (
    Copies,
    CopySettings,
    find_copies,
    independent_sources,
    line_origins,
    outlet_credits,
    rewrites,
    run_holders,
    shared_writing,
    wire_credit,
)
from newsprism.records import Article, Claim, WireCredit

T0 = datetime(2031, 3, 4, 6, 0, tzinfo=UTC)
NONE = Copies(links=(), groups=())

# A fictional wire story (Nordland Press Agency, "NPA").
WIRE = [
    "SKELBY, Nordland (NPA) — The ferry Aurora Vale ran aground on a sandbank outside the harbour of Skelby "
    "early on Tuesday, and all 214 passengers were brought ashore by lifeboats before dawn, the coastguard said.",
    "The vessel, which sails twice a day between Skelby and the island of Marrow, struck the bank in heavy fog "
    "shortly after leaving port, according to harbour master Ilse Tranberg.",
    "\"We heard a long scraping sound and then the engines stopped,\" said Tomas Leith, a teacher travelling with "
    "his class to the island. \"Nobody panicked, the crew knew exactly what to do.\"",
    "Coastguard officers said no one was hurt and that a small amount of diesel had leaked into the water. "
    "Two tugs were sent from the port of Arnhal to pull the ferry free at high tide on Wednesday morning.",
    "The operator, Marrow Line, said it would charter a smaller boat to keep the island connected while the Aurora "
    "Vale is inspected in dry dock, which could take up to three weeks.",
]
REWRITE = [
    "Fog and a shifting sandbank brought the Skelby ferry to a halt on Tuesday, the third grounding on the Marrow "
    "route in ten years, local records show.",
    WIRE[1],
    WIRE[3],
    "Residents of Marrow told the Skelby Courier they had warned the council about the silted channel last winter, "
    "and the council said a dredging plan would be presented in April.",
    WIRE[4],
]
# A second wire (fictional "Baltic Wire Service", BWS) on the same event, written independently; it quotes
# the same passenger at length.
OTHER_WIRE = [
    "MARROW ISLAND (BWS) — Islanders waited on the quay for hours on Tuesday after their only ferry link, the "
    "Aurora Vale, grounded in thick fog off Skelby with more than two hundred people on board.",
    "\"We heard a long scraping sound and then the engines stopped,\" said Tomas Leith, a teacher travelling with "
    "his class to the island. \"Nobody panicked, the crew knew exactly what to do.\"",
    "The island's shop owner, Petra Holm, said fresh supplies would run short by the weekend if no replacement "
    "boat arrived, and the school closed for the day because half its staff live on the mainland.",
    "Marine engineers quoted by the regional broadcaster said the hull appeared intact, although divers would "
    "have to confirm this before any tow was attempted.",
]


def art(aid: str, paragraphs: list[str], *, outlet: str, hours: float = 0, credit: str | None = None,
        flags: tuple[str, ...] = (), title: str = "Ferry runs aground off Skelby") -> Article:
    return Article(
        article_id=hashlib.sha256(aid.encode()).hexdigest()[:16], source=f"{aid}.txt", format="text",
        encoding="utf-8", url=None, outlet=outlet, outlet_evidence="test", title=title, byline=(), credit=credit,
        published=T0 + timedelta(hours=hours), updated=None, time_zone=None, language="en",
        paragraphs=tuple(paragraphs), captions=(), removals=(), flags=flags, description=None,
        source_text="\n".join(paragraphs),
    )


def republished(paragraphs: list[str], extra: str | None = None) -> list[str]:
    """A republication: the same text, one word changed, perhaps a line added."""
    out = [paragraphs[0], paragraphs[1].replace("shortly after", "soon after"), *paragraphs[2:]]
    return [*out, extra] if extra else out


@pytest.fixture
def syndicated() -> dict[str, Article]:
    return {
        "wire": art("wire", WIRE, outlet="NPA", hours=0),
        "a": art("a", republished(WIRE), outlet="Skelby Courier", hours=1),
        "b": art("b", republished(WIRE, "Read more about ferry safety on our website."), outlet="Coast Today", hours=2),
        "c": art("c", list(WIRE), outlet="Nordland Daily", hours=3),
        "rewrite": art("rewrite", REWRITE, outlet="Island Voice", hours=4),
    }


def test_copies_wire_republished_and_rewritten_is_one_group(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    assert len(found.groups) == 1
    group = found.groups[0]
    assert set(group.article_ids) == {a.article_id for a in syndicated.values()}
    assert group.origin == syndicated["wire"].article_id
    assert group.wire == "NPA"
    assert WireCredit(syndicated["wire"].article_id, "NPA") in found.wires


def test_copies_kinds(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    kind = {frozenset((x.source, x.target)): x.kind for x in found.links}
    ids = {k: a.article_id for k, a in syndicated.items()}
    assert kind[frozenset((ids["wire"], ids["c"]))] == "identical"
    assert kind[frozenset((ids["wire"], ids["a"]))] == "copy"
    assert kind[frozenset((ids["wire"], ids["rewrite"]))] == "rewrite"
    link = next(x for x in found.links if {x.source, x.target} == {ids["wire"], ids["rewrite"]})
    assert link.source == ids["wire"]  # the origin is the link's source
    assert link.containment >= 0.5 and link.jaccard < 0.8


def test_copies_independent_sources_count_a_group_once(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    origins = independent_sources([a.article_id for a in syndicated.values()], found)
    assert len(origins) == 1
    assert origins[0].article_id == syndicated["wire"].article_id
    assert origins[0].wire == "NPA"


def test_copies_credit_beats_earliest() -> None:
    # The uncredited republication came first; the credited one is the likely origin.
    stripped = [WIRE[0].replace("SKELBY, Nordland (NPA) — ", ""), *WIRE[1:]]
    early = art("early", stripped, outlet="Coast Today", hours=0)
    credited = art("credited", WIRE, outlet="Nordland Daily", hours=5)
    found = find_copies([early, credited])
    assert [g.origin for g in found.groups] == [credited.article_id]
    assert found.groups[0].reason == "credits NPA"


def test_copies_earliest_when_no_credit() -> None:
    body = [WIRE[0].replace("(NPA) ", ""), *WIRE[1:]]
    late, early = art("late", body, outlet="X", hours=9), art("early2", body, outlet="Y", hours=1)
    found = find_copies([late, early])
    assert found.groups[0].origin == early.article_id
    assert found.groups[0].reason == "earliest published"


def test_copies_two_wires_on_one_event_count_two(syndicated: dict[str, Article]) -> None:
    other = art("bws", OTHER_WIRE, outlet="BWS", hours=1)
    other_copy = art("bws-copy", OTHER_WIRE, outlet="Marrow Post", hours=2)
    found = find_copies([*syndicated.values(), other, other_copy])
    assert len(found.groups) == 2
    ids = [a.article_id for a in (*syndicated.values(), other, other_copy)]
    origins = independent_sources(ids, found)
    assert sorted(o.wire or "" for o in origins) == ["BWS", "NPA"]


def test_copies_one_shared_quotation_is_not_a_copy(syndicated: dict[str, Article]) -> None:
    other = art("bws", OTHER_WIRE, outlet="BWS", hours=1)
    found = find_copies([syndicated["wire"], other])
    assert found.links == () and found.groups == ()
    assert len(independent_sources([syndicated["wire"].article_id, other.article_id], found)) == 2


def test_copies_empty_page_joins_nothing(syndicated: dict[str, Article]) -> None:
    empty = art("empty", list(WIRE), outlet="Video Site", hours=1, flags=("empty",))
    found = find_copies([*syndicated.values(), empty])
    assert all(empty.article_id not in (x.source, x.target) for x in found.links)
    assert all(empty.article_id not in g.article_ids for g in found.groups)
    assert len(independent_sources([syndicated["wire"].article_id, empty.article_id], found)) == 2


def test_copies_short_texts_are_never_linked() -> None:
    short = ["The ferry ran aground in fog off Skelby on Tuesday; all passengers were safe."]
    found = find_copies([art("s1", short, outlet="X"), art("s2", short, outlet="Y")])
    assert found.links == ()  # fewer shared shingles than min_shared


def test_copies_deterministic_in_any_order(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    assert find_copies(items) == find_copies(list(reversed(items)))


def test_copies_read_twice_from_a_function_without_holding_the_articles(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    reads: list[int] = []

    def again() -> Iterator[Article]:
        reads.append(1)
        yield from items  # a generator: nothing of it is held between the reads

    assert find_copies(again) == find_copies(items) == find_copies(iter(items))
    assert len(reads) == 2  # signatures, then the candidates' texts


def test_copies_a_second_read_that_differs_is_an_error(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    reads: list[int] = []

    def again() -> list[Article]:
        reads.append(1)
        return items if len(reads) == 1 else items[:1]

    with pytest.raises(ValueError, match="read the second time differ"):
        find_copies(again)  # ends early
    reads.clear()

    def shuffled() -> list[Article]:
        reads.append(1)
        return items if len(reads) == 1 else items[::-1]

    with pytest.raises(ValueError, match="read the second time differ"):
        find_copies(shuffled)  # another order: the texts would not be the candidates'


def test_copies_settings_stricter_containment(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values(), CopySettings(min_containment=0.99))
    assert all(x.kind != "rewrite" for x in found.links)


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


def test_copies_a_short_text_inside_a_long_one_is_found() -> None:
    """High containment, low Jaccard: LSH (built for Jaccard) misses it; the sampled-shingle index does not."""
    brief = art("brief", WIRE[:3], outlet="Skelby Courier", hours=1)
    notes = [f"In archive note {i} the Skelby museum lists item {i * 7} as a wooden model of the {i}th ferry "
             f"built at the Arnhal yard, restored by volunteer crew {i + 3} over {i % 9 + 2} winters."
             for i in range(1, 60)]
    feature = art("feature", [*WIRE, *notes], outlet="Coast Today", hours=5)
    found = find_copies([brief, feature])
    (link,) = found.links
    assert link.kind == "rewrite" and link.containment >= 0.9 and link.jaccard < 0.15
    assert not find_copies([brief, feature], CopySettings(sample_mod=0)).links  # LSH alone misses it


def test_copies_batch_banding_gives_datasketch_lsh_pairs(syndicated: dict[str, Article]) -> None:
    """The numpy banding proposes exactly the pairs datasketch's MinHashLSH (same bands and rows) would."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from newsprism.copies import _band_candidates, _minhash, _permutations, _shingles

    s = CopySettings()
    texts = [a.text for a in syndicated.values()] + [" ".join(OTHER_WIRE), " ".join(REWRITE[::-1])]
    cache: dict[str, int] = {}
    perms = _permutations(s.num_perm, s.seed)
    sigs = [_minhash(_shingles(t, s.shingle, cache), perms) for t in texts]
    lsh = MinHashLSH(threshold=s.lsh_threshold, num_perm=s.num_perm)
    expected = set()
    for k, sig in enumerate(sigs):
        mh = LeanMinHash(seed=s.seed, hashvalues=sig, scheme="legacy")
        expected |= {(k, j) for j in lsh.query(mh)}
        lsh.insert(k, mh)
    got = {divmod(code, len(sigs)) for code in _band_candidates(np.stack(sigs), s).tolist()}  # (later, earlier)
    assert got == expected and len(expected) >= 4


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


def test_copies_settings_table(tmp_path: Path) -> None:
    from newsprism.errors import SettingsError
    from newsprism.settings import Settings

    f = tmp_path / "s.toml"
    f.write_text("[newsprism]\ndb = 'x.db'\n\n[copies]\nmin_containment = 0.7\nsample_mod = 0\n", encoding="utf-8")
    assert Settings.load(f).copies == CopySettings(min_containment=0.7, sample_mod=0)
    f.write_text("[copies]\nshingle = 2.5\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[copies\]: shingle must be like 5, not 2\.5"):
        Settings.load(f)
    f.write_text("[copies]\nshingles = 4\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[copies\]: unknown setting\(s\): shingles; known: "):
        Settings.load(f)
    assert Settings(copies={"seed": 2}).copies == CopySettings(seed=2)  # a table given in code is checked too


# ---------------------------------------------------------------- outlet credits and the origins of one line

CREDITING = [
    "Marrow Line's chief executive told the Island Post that the ferry would return to service in May.",
    "The company will also review its fog procedures, he said.",
    "Harbour records show two earlier groundings on the route.",
]


def _claim(a: Article, k: int, field: str = "body") -> Claim:
    """Paragraph ``k`` of ``a`` as a claim (one sentence per paragraph in these fixtures)."""
    start = sum(len(p) + 2 for p in a.paragraphs[:k])
    text = a.paragraphs[k]
    return Claim(f"{a.article_id}:{k}", a.article_id, field, start, start + len(text), text, None, None, None,
                 (), (), (), (), (), False)


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


_REWRITTEN = [
    "The ferry Skelby Star ran aground on a sandbank off the northern tip of the island early on Sunday morning.",
    "All forty passengers were taken off by the lifeboat crew and brought back to the harbour before noon.",
    "The coastguard said the vessel had lost steering in heavy swell shortly after leaving the harbour.",
]


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
