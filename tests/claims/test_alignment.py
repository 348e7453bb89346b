"""claims.alignment: claims grouped across a story's articles, titles and captions checked, happenings."""

from __future__ import annotations

import numpy as np

from newsprism.claims import AlignSettings, align
from newsprism.records import (
    Alignment,
    Article,
    Entity,
    TimeExpression,
)

from .helpers import NO_COPIES, _bounded, _headline_case, _numbers_pair, analysis, article, mention


def test_claims_caption_date_against_its_own_text() -> None:
    body = ["Kim and Shoigu visited the Knevichi airfield on Saturday to inspect bombers."]
    cap = "Kim shakes hands with Shoigu at the Knevichi airfield on Sep. 17."
    art = article("a", body)
    art = Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},  # type: ignore[attr-defined]
                     "captions": (__import__("newsprism").Caption(cap, 0, len(cap)),)})
    sat = body[0].index("Saturday")
    sep = cap.index("Sep. 17")
    times = [TimeExpression("a", "Saturday", sat, sat + 8, "DATE", "2025-03-08", "day", "resolved"),
             TimeExpression("a", "Sep. 17", sep, sep + 7, "DATE", "2025-03-09", "day", "resolved",
                            field="caption:0")]
    ents = [Entity("kim", "Kim", "PERSON", ("Kim",), 2, ("a",)),
            Entity("shoigu", "Shoigu", "PERSON", ("Shoigu",), 2, ("a",))]
    mentions = [mention("a", "Kim", body[0], "PERSON", "kim"), mention("a", "Shoigu", body[0], "PERSON", "shoigu"),
                mention("a", "Kim", cap, "PERSON", "kim", field="caption:0"),
                mention("a", "Shoigu", cap, "PERSON", "shoigu", field="caption:0")]
    al = align([art], [analysis("a", body, mentions, (), times)], ents, NO_COPIES)
    (g,) = [g for g in al.groups if g.internal]  # its own card, beside the caption's and the body's groups
    assert g.status == "conflicting" and g.representative.split(":")[1] == "body"
    (d,) = g.differences
    assert (d.a_value, d.b_value) == ("Saturday (2025-03-08)", "Sep. 17 (2025-03-09)") and d.kind == "date"


def test_claims_two_sentences_of_one_body_never_align() -> None:
    s = ["The gate failed on Monday night at the dam.", "The gate failed on Monday night at the dam again."]
    al = align([article("a", s)], [analysis("a", s)], [], NO_COPIES)
    assert all(len(g.claim_ids) == 1 for g in al.groups)


def test_claims_headline_country_over_a_town_in_it_is_no_conflict() -> None:
    got = _headline_case("12 killed in Costa Rica plane crash",
                         ["The plane went down in Guanacaste on Sunday, killing all twelve people on board.",
                          "Rescuers reached the wreck in Guanacaste after two hours, officials said."],
                         [("Costa Rica", "costa-rica"), ("Guanacaste", "guanacaste")], "in Guanacaste")
    assert got == []


def test_claims_headline_town_against_the_body_town_is_flagged() -> None:
    got = _headline_case("Minister inspects dam during Kessford trip",
                         ["The minister visited the dam in Varnholm on Tuesday with the mayor.",
                          "She later met evacuees in Varnholm and spoke at the sports hall in Varnholm."],
                         [("Kessford", "kessford"), ("Varnholm", "varnholm")], "in Varnholm")
    assert ("place", "conflict", True) in got


def test_claims_headline_counts_in_title_case_conflict() -> None:
    sa = "Tourist ship strikes highway bridge in Germany; 27 hurt"
    sb = "Tourist Ship Strikes Highway Bridge in Germany; 25 Hurt"
    diffs = _numbers_pair(sa, sb, [("27 hurt", 27, "hurt", False)], [("25 Hurt", 25, "hurt", False)])
    assert [(d.kind, d.status, d.a_value, d.b_value) for d in diffs] == [("number", "conflict", "27 hurt", "25 Hurt")]


def test_claims_complete_link_groups_never_chain() -> None:
    from newsprism.claims import _complete_link

    # a~b and b~c are similar, a and c are not: b joins one of them, never both
    sim = np.array([[1.0, 0.8, 0.1], [0.8, 1.0, 0.7], [0.1, 0.7, 1.0]])
    groups = sorted(sorted(g) for g in _complete_link(sim, 0.5))
    assert groups == [[0, 1], [2]]


def test_claims_embeddings_decide_and_the_line_shown_is_a_member() -> None:
    sa = ["The Tormund Dam spillway gate failed on Monday night at Varnholm."]
    sb = ["The spillway gate of the Tormund Dam failed late on Monday at Varnholm."]
    sc = ["The Tormund Dam spillway gate at Varnholm will be inspected by engineers on Monday."]
    arts = [article(x, s) for x, s in (("a", sa), ("b", sb), ("c", sc))]
    ana = [analysis(x, s) for x, s in (("a", sa), ("b", sb), ("c", sc))]
    vecs = {sa[0]: [1.0, 0.0], sb[0]: [0.9, 0.436], sc[0]: [0.0, 1.0]}

    def embed(claims):  # type: ignore[no-untyped-def]
        return np.array([vecs[c.text] for c in claims])

    al = align(arts, ana, [], NO_COPIES, embed=embed)
    (g,) = [g for g in al.groups if len(g.claim_ids) > 1]
    assert set(g.article_ids) == {"a", "b"} and g.representative in g.claim_ids


def test_claims_an_inconsistency_inside_one_article_leaves_the_cross_source_group_alone() -> None:
    body_a = ["Kim and Shoigu visited the Knevichi airfield on Saturday to inspect bombers."]
    body_b = ["Kim and Shoigu inspected bombers at the Knevichi airfield on Saturday."]
    cap = "Kim shakes hands with Shoigu at the Knevichi airfield on Sep. 17."
    a = article("a", body_a)
    b = article("b", body_b)
    b = Article(**{**{f: getattr(b, f) for f in b.__dataclass_fields__},  # type: ignore[attr-defined]
                   "captions": (__import__("newsprism").Caption(cap, 0, len(cap)),)})
    sat = body_a[0].index("Saturday")
    sep = cap.index("Sep. 17")
    ta = [TimeExpression("a", "Saturday", sat, sat + 8, "DATE", "2025-03-08", "day", "resolved")]
    sat_b = body_b[0].index("Saturday")
    tb = [TimeExpression("b", "Saturday", sat_b, sat_b + 8, "DATE", "2025-03-08", "day", "resolved"),
          TimeExpression("b", "Sep. 17", sep, sep + 7, "DATE", "2025-03-09", "day", "resolved", field="caption:0")]
    ents = [Entity("kim", "Kim", "PERSON", ("Kim",), 3, ("a", "b")),
            Entity("shoigu", "Shoigu", "PERSON", ("Shoigu",), 3, ("a", "b"))]
    ma = [mention("a", n, body_a[0], "PERSON", n.lower()) for n in ("Kim", "Shoigu")]
    mb = [mention("b", n, body_b[0], "PERSON", n.lower()) for n in ("Kim", "Shoigu")]
    mb += [mention("b", n, cap, "PERSON", n.lower(), field="caption:0") for n in ("Kim", "Shoigu")]
    al = align([a, b], [analysis("a", body_a, ma, times=ta), analysis("b", body_b, mb, times=tb)], ents, NO_COPIES)
    cross = [g for g in al.groups if not g.internal and {"a", "b"} <= set(g.article_ids)]
    assert cross and all(g.status == "corroborated" for g in cross)
    (card,) = [g for g in al.groups if g.internal]
    assert card.article_ids == ("b",) and card.status == "conflicting"


def test_claims_counts_in_two_groups_still_meet_as_a_value_card() -> None:
    sa = ["Police said five people died when the tram overturned on the bend at Varnholm."]
    sb = ["Seven people died after the tram overturned on a bend in Varnholm, officials said."]
    arts = [article("a", sa), article("b", sb)]
    qa = [_bounded("a", sa[0], "five", 5, None)]
    qb = [_bounded("b", sb[0], "Seven", 7, None)]
    ana = [analysis("a", sa, quantities=qa), analysis("b", sb, quantities=qb)]
    vecs = {sa[0]: [1.0, 0.0], sb[0]: [0.6, 0.8]}  # cosine 0.6: not one statement, close enough to compare

    def embed(claims):  # type: ignore[no-untyped-def]
        return np.array([vecs[c.text] for c in claims])

    al = align(arts, ana, [], NO_COPIES, embed=embed)
    statements = [g for g in al.groups if g.kind == "statement"]
    assert all(len(g.claim_ids) == 1 and g.status == "single-source" for g in statements)
    (card,) = [g for g in al.groups if g.kind == "values"]
    assert card.status == "conflicting" and card.sources == 2
    assert [(d.a_value, d.b_value) for d in card.differences] == [("five", "Seven")]


def test_claims_happenings_keep_two_events_of_one_story_apart() -> None:
    # two dam failures in one story: the first sentence of every article says the same kind
    # of thing (cosine 0.6 to each other: linked), the rest names whose dam and town it is
    key = {"a1": "The spillway gate broke and water poured into the lower streets.",
           "a2": "Water rushed through the broken spillway gate into the streets below.",
           "b1": "A sluice gate gave way and water ran into the town streets.",
           "b2": "The sluice gate gave way, sending water into the streets of the town."}
    rest = {"a1": ["Varnholm council met the Tormund Dam engineers on Monday.",
                   "The Tormund Dam was built above Varnholm a century ago."],
            "a2": ["Engineers of the Tormund Dam told the Varnholm council how it failed.",
                   "Varnholm families waited for news about the Tormund Dam."],
            "b1": ["Oster mayor Ilse Brannock inspected the Kessel Weir on Friday.",
                   "The Kessel Weir holds back the Oster lake above the town."],
            "b2": ["Ilse Brannock said the Kessel Weir would stay closed in Oster.",
                   "Oster traders counted their losses beside the Kessel Weir."]}
    texts = {x: [key[x], *rest[x]] for x in key}
    arts = [article(x, s) for x, s in texts.items()]
    ana = [analysis(x, s) for x, s in texts.items()]
    dims = {t: 5 + k for k, t in enumerate(t for s in texts.values() for t in s)}
    keys = {t: k for k, t in enumerate(key.values())}

    def embed(claims):  # type: ignore[no-untyped-def]
        v = np.zeros((len(claims), 5 + len(dims)))
        for i, c in enumerate(claims):
            if c.text in keys:  # pairwise cosine 0.6
                v[i, 0], v[i, 1 + keys[c.text]] = 0.6 ** 0.5, 0.4 ** 0.5
            else:
                v[i, dims[c.text]] = 1.0
        return v

    def joined(al: Alignment) -> list[set[str]]:
        return sorted((set(h.article_ids) for h in al.happenings if len(h.group_ids) > 1), key=sorted)

    assert joined(align(arts, ana, [], NO_COPIES, embed=embed)) == [{"a1", "a2"}, {"b1", "b2"}]
    # without the articles' events (no split), the four sentences report one happening
    off = AlignSettings(happening_article_threshold=-1.0, happening_article_ratio=0.0)
    assert joined(align(arts, ana, [], NO_COPIES, off, embed=embed)) == [{"a1", "a2", "b1", "b2"}]


def test_claims_happenings_join_groups_that_share_a_participant_and_nest_them() -> None:
    sa = ["The spillway gate of the Tormund Dam failed on Monday night, flooding lower Varnholm."]
    sb = ["Water poured through the broken Tormund Dam gate and into the streets below it."]
    sc = ["Residents were told that the sports hall would stay open for them through the week."]
    sd = ["A choir from Kessford sang at the harvest festival on the market square."]
    texts = {"a": sa, "b": sb, "c": sc, "d": sd}
    arts = [article(x, s) for x, s in texts.items()]
    dam = [mention(x, "Tormund Dam", s[0], "FAC", "tormund-dam") for x, s in texts.items() if "Tormund Dam" in s[0]]
    ana = [analysis(x, s, [m for m in dam if m.article_id == x]) for x, s in texts.items()]
    ents = [Entity("tormund-dam", "Tormund Dam", "FAC", ("Tormund Dam",), 2, ("a", "b"))]
    # a-b: cosine 0.6 (one happening, not one fact) and a shared place; a-c: cosine 0.45 and nothing
    # shared (below a link threshold of 0.5 alone); d is far from all. The articles' events are not
    # split here: the argument rule alone decides.
    rule = AlignSettings(happening_link_threshold=0.5, happening_article_threshold=-1.0, happening_article_ratio=0.0)
    vecs = {sa[0]: [1.0, 0.0, 0.0], sb[0]: [0.6, 0.8, 0.0], sc[0]: [0.45, -0.338, 0.826], sd[0]: [0.0, 0.0, -1.0]}

    def embed(claims):  # type: ignore[no-untyped-def]
        v = np.array([vecs[c.text] for c in claims])
        return v / np.linalg.norm(v, axis=1)[:, None]

    al = align(arts, ana, ents, NO_COPIES, rule, embed=embed)
    statements = {g.group_id: g for g in al.groups if g.kind == "statement"}
    assert all(len(g.claim_ids) == 1 for g in statements.values())  # no two state one fact
    # every group lies in exactly one happening
    assert sorted(gid for h in al.happenings for gid in h.group_ids) == sorted(statements)
    assert all(statements[gid].happening == h.happening_id for h in al.happenings for gid in h.group_ids)
    (joined,) = [h for h in al.happenings if len(h.group_ids) > 1]
    assert set(joined.article_ids) == {"a", "b"} and joined.sources == 2
    # without sentence vectors, every group is its own happening
    plain = align(arts, ana, ents, NO_COPIES)
    assert all(len(h.group_ids) == 1 for h in plain.happenings)


def _cos_pair(x: float) -> list[float]:
    return [x, float(np.sqrt(1 - x * x))]


def test_claims_a_member_stating_part_of_a_two_claim_line_leaves_the_group() -> None:
    # the line (a) gives two figures; b gives one of them (most of its words, not 14), c states a's fact
    sa = ["The Varnholm ferry carried 120 passengers and 14 crew when it ran aground near the pier."]
    sb = ["The Varnholm ferry carried 120 passengers near the pier, and the harbour master said the sea was calm."]
    sc = ["When it ran aground near the pier, the Varnholm ferry carried 120 passengers and 14 crew."]
    arts = [article(x, s) for x, s in (("a", sa), ("b", sb), ("c", sc))]
    ana = [analysis(x, s) for x, s in (("a", sa), ("b", sb), ("c", sc))]
    # b is close to both as vectors (0.72, complete link passes at 0.70) but below line_cosine
    vecs = {sa[0]: [1.0, 0.0, 0.0], sc[0]: [0.99, 0.141, 0.0], sb[0]: [0.72, 0.1, 0.687]}

    def embed(claims):  # type: ignore[no-untyped-def]
        v = np.array([vecs[c.text] for c in claims])
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    al = align(arts, ana, [], NO_COPIES, embed=embed)
    (g,) = [g for g in al.groups if g.kind == "statement" and len(g.claim_ids) > 1]
    assert set(g.article_ids) == {"a", "c"}
    assert [x.article_ids for x in al.groups if x.kind == "statement" and "b" in x.article_ids] == [("b",)]
    off = AlignSettings(line_cosine=0.0)
    (g,) = [g for g in align(arts, ana, [], NO_COPIES, off, embed=embed).groups
            if g.kind == "statement" and len(g.claim_ids) > 1]
    assert set(g.article_ids) == {"a", "b", "c"}


def test_claims_states_the_line_by_cosine_or_by_its_words_and_numbers() -> None:
    from newsprism.claims.alignment import _numbers, _states
    from newsprism.claims.extract import extract

    def claim(aid: str, text: str):  # type: ignore[no-untyped-def]
        return extract(article(aid, [text]), analysis(aid, [text]), {})[0]

    s = AlignSettings(line_cover_lower=0.0)
    la = claim("a", "Another ship took the 103 passengers and 26 crew to the harbour at Varnholm.")
    lb = claim("b", "Another boat took all 103 passengers and the 26 crew members to Varnholm's harbour.")
    lc = claim("c", "Another boat took the passengers to the harbour at Varnholm, 103 of them.")
    assert _states(la, lb, 0.72, s)  # most of the line's words and both its numbers
    assert not _states(la, lc, 0.72, s)  # 26 missing: one of the two figures
    assert _states(la, lc, 0.80, s)  # close enough as vectors
    assert _states(la, lc, 0.50, AlignSettings(line_cosine=0.0))  # the test off
    # one speaker's two remarks: their quotations share no word, however close the vectors
    qa = claim("a", '"It was utter bedlam," Mira Olsen wrote of the pier on Sunday.')
    qb = claim("b", '"We were lucky to get off," Mira Olsen wrote of the pier on Sunday.')
    qc = claim("c", 'Mira Olsen called the scene on the pier "utter bedlam" on Sunday.')
    assert not _states(qa, qb, 0.95, s) and _states(qa, qc, 0.95, s)
    assert _numbers("the Kh-47M2 on a MiG-31 flew 1,500 km in 2018, 8-7, 49m") == {"1,500", "2018", "8", "7", "49"}
    # the line's names held, what it says of them not
    na = claim("a", "Harbour master Ola Brenn was named head of the Varnholm ferry inquiry.")
    nb = claim("b", "Harbour master Ola Brenn walked along the Varnholm ferry pier.")
    assert _states(na, nb, 0.72, s)
    lower = AlignSettings(line_cover_lower=0.5)
    assert not _states(na, nb, 0.72, lower) and _states(na, nb, 0.95, lower)  # close vectors still state it
    assert _states(na, claim("c", "Ola Brenn, the harbour master, was named to head the ferry inquiry."), 0.72, lower)


def test_claims_a_headline_or_caption_states_a_line_by_its_vectors_and_a_repeat_never_the_first() -> None:
    from dataclasses import replace

    from newsprism.claims.alignment import _states
    from newsprism.claims.extract import extract

    def claim(aid: str, text: str, title: bool = False):  # type: ignore[no-untyped-def]
        if title:
            return extract(article(aid, ["A body sentence long enough to be a claim."], title=text),
                           analysis(aid, ["A body sentence long enough to be a claim."]), {})[0]
        return extract(article(aid, [text]), analysis(aid, [text]), {})[0]

    s = replace(AlignSettings(), line_cosine=0.8, line_cover=0.5, line_cover_lower=0.0, line_display_cosine=0.0,
                line_repeat=False)
    ta = claim("a", "Varnholm ferry inquiry names harbour master", title=True)
    tb = claim("b", "Varnholm harbour master to lead ferry inquiry", title=True)
    assert ta.field == tb.field == "title"
    assert _states(ta, tb, 0.82, s)  # by its words
    display = replace(s, line_display_cosine=0.9)
    assert not _states(ta, tb, 0.82, display) and _states(ta, tb, 0.92, display)  # a headline: by its vectors only
    ba = claim("a", "The Varnholm council named the harbour master to lead the ferry inquiry.")
    bb = claim("b", "The harbour master will lead the ferry inquiry, the Varnholm council said.")
    assert _states(ba, bb, 0.82, display)  # two body sentences: as before
    # a repeat is not the first: "another" in one sentence only
    ra = claim("a", "The Varnholm ferry ran aground on the sandbank near the harbour mouth.")
    rb = claim("b", "Another Varnholm ferry ran aground on the sandbank near the harbour mouth.")
    repeat = replace(s, line_repeat=True)
    assert _states(ra, rb, 0.97, s) and not _states(ra, rb, 0.97, repeat)
    assert _states(rb, rb, 1.0, repeat)


def test_claims_headline_short_form_of_the_body_place_is_no_conflict() -> None:
    got = _headline_case("Two hurt in fire at NE Kessford depot",
                         ["Two workers were hurt when a fire broke out at a depot in Northeast Kessford on Tuesday.",
                          "Crews from Northeast Kessford and Varnholm fought the fire for hours in Northeast Kessford."],
                         [("NE Kessford", "ne-kessford"), ("Northeast Kessford", "northeast-kessford"),
                          ("Varnholm", "varnholm")], "in Northeast Kessford")
    assert got == []


def test_claims_of_a_short_article_keep_its_title_and_the_sentences_on_its_subject() -> None:
    from dataclasses import replace

    title = "Spillway gate fails at the Tormund Dam"
    body = ["The Tormund Dam spillway gate failed on Monday night.", "Click here to subscribe to our newsletter."]
    art = replace(article("a", body, title=title), flags=("empty",))
    ana = analysis("a", body)
    got = {(c.field, c.text) for c in align([art], [ana], [], NO_COPIES).claims}
    assert got == {("title", title), ("body", body[0])}
    # off: an empty article states nothing
    assert align([art], [ana], [], NO_COPIES, AlignSettings(short_article_claims=False)).claims == ()
    # a full article states every sentence, off the title's subject too
    assert len(align([replace(art, flags=())], [ana], [], NO_COPIES).claims) == 3
    # a title that only names the outlet states nothing, nor the body sentences naming it
    page = ["External links are provided for reference.", "Tormund Daily is not responsible for other sites."]
    bare = replace(article("b", page, title="Tormund Daily", outlet="Tormund Daily"), flags=("empty",))
    assert align([bare], [analysis("b", page)], [], NO_COPIES).claims == ()


def test_claims_headline_name_the_body_writes_as_the_start_of_a_longer_name_is_no_place() -> None:
    # "Brekke" read as a place in the headline is the start of the works' name in the body's sentence
    sentences = ["A fire broke out at the Brekke Metals works in Upper Kessford on Tuesday, the fire service said.",
                 "Crews from Upper Kessford and Varnholm fought the fire for hours in Upper Kessford.",
                 "Residents in Upper Kessford were told to keep their windows shut."]
    places = [("Brekke", "brekke"), ("Upper Kessford", "upper-kessford"), ("Varnholm", "varnholm")]
    assert _headline_case("Two hurt in Brekke works fire", sentences, places, "in Upper Kessford") == []
    # a headline town the body's sentence does not write is still flagged
    other = [s.replace("Brekke Metals", "Lund Metals") for s in sentences]
    assert ("place", "conflict", True) in _headline_case("Two hurt in Brekke works fire", other, places,
                                                         "in Upper Kessford")


def test_claims_headline_town_over_a_district_named_by_its_side_of_a_town_is_no_conflict() -> None:
    sentences = ["Police and protesters clashed in East Kessford on Tuesday night, officials said.",
                 "Shops in East Kessford stayed shut and buses were stopped in East Kessford."]
    places = [("Varnholm", "varnholm"), ("East Kessford", "east-kessford")]
    assert _headline_case("Protesters clash with police in Varnholm", sentences, places, "in East Kessford") == []
    # a town the gazetteer does not know, not named by its side of another: flagged
    other = [s.replace("East Kessford", "Kessford") for s in sentences]
    assert ("place", "conflict", True) in _headline_case("Protesters clash with police in Varnholm", other,
                                                         [("Varnholm", "varnholm"), ("Kessford", "kessford")],
                                                         "in Kessford")
