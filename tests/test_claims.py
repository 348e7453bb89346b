"""claims: alignment and status on hand-built records (no model needed)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsprism.claims import AlignSettings, ClaimGroup, align, extract, status_counts
from newsprism.copies import Copies, CopyGroup
from newsprism.records import (
    Alignment,
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Quantity,
    Relation,
    TimeExpression,
)

T0 = datetime(2025, 3, 11, 9, 0, tzinfo=UTC)
NO_COPIES = Copies(links=(), groups=())


def article(aid: str, sentences: list[str], title: str | None = None, outlet: str | None = None) -> Article:
    return Article(
        article_id=aid, source=aid, format="text", encoding="utf-8", url=None, outlet=outlet or aid,
        outlet_evidence=None, title=title, byline=(), credit=None, published=T0, updated=None, time_zone=None,
        language="en", paragraphs=(" ".join(sentences),), captions=(), removals=(), flags=(), description=None,
        source_text=" ".join(sentences),
    )


def spans(sentences: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s in sentences:
        out.append((pos, pos + len(s)))
        pos += len(s) + 1
    return out


def mention(aid: str, text: str, body: str, label: str, eid: str, field: str = "body") -> Mention:
    start = body.index(text)
    return Mention(aid, text, label, start, start + len(text), field=field, entity_id=eid)


def count(aid: str, body: str, text: str, value: float, measures: str) -> Quantity:
    start = body.index(text)
    return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                    approximate=True, measures=measures)


def analysis(aid: str, sentences: list[str], mentions=(), quantities=(), times=()) -> Analysis:  # type: ignore[no-untyped-def]
    return Analysis(aid, "test", tuple(spans(sentences)), tuple(mentions), (), tuple(quantities), tuple(times),
                    Event(aid))


A = ["About 1,200 residents of Varnholm were evacuated after the Tormund Dam spillway gate failed.",
     "The mayor opened the sports hall for evacuees."]
B = ["About 2,000 residents of Varnholm were evacuated after the spillway gate at the Tormund Dam failed.",
     "A crane was brought from Kessford overnight to lower the gate."]
ENTS = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a", "b")),
        Entity("tormund-dam", "Tormund Dam", "FAC", ("Tormund Dam",), 2, ("a", "b"))]


def _pair() -> tuple[list[Article], list[Analysis]]:
    arts = [article("a", A), article("b", B)]
    ana = []
    for aid, sents in (("a", A), ("b", B)):
        body = " ".join(sents)
        first = sents[0]
        ana.append(analysis(aid, sents,
                            [mention(aid, "Varnholm", body, "GPE", "varnholm"),
                             mention(aid, "Tormund Dam", body, "FAC", "tormund-dam")],
                            [count(aid, body, first.split(" residents")[0], float(first.split()[1].replace(",", "")),
                                   "residents")]))
    return arts, ana


def test_claims_extract_sentences_with_their_values() -> None:
    arts, ana = _pair()
    claims = extract(arts[0], ana[0])
    assert [c.text for c in claims] == A
    assert claims[0].entities == ("varnholm", "tormund-dam") and claims[0].places == ("varnholm", "tormund-dam")
    assert [q.text for q in claims[0].quantities] == ["About 1,200"]
    assert claims[0].attribution is None


def test_claims_conflicting_counts_of_the_same_thing() -> None:
    arts, ana = _pair()
    al = align(arts, ana, ENTS, NO_COPIES)
    (g,) = [g for g in al.groups if len(g.claim_ids) == 2]
    assert g.status == "conflicting" and g.sources == 2
    (d,) = g.differences
    assert (d.kind, d.status, d.a_value, d.b_value) == ("number", "conflict", "About 1,200", "About 2,000")
    assert status_counts(al.groups) == {"conflicting": 1, "more-specific": 0, "corroborated": 0, "single-source": 2}


def test_claims_copies_count_as_one_source() -> None:
    arts = [article("a", A[:1]), article("c", A[:1])]
    body = A[0]
    ana = [analysis(x, A[:1], [mention(x, "Varnholm", body, "GPE", "varnholm")]) for x in ("a", "c")]
    copies = Copies(links=(), groups=(CopyGroup("g1", ("a", "c"), "a", None, "earliest"),))
    (g,) = align(arts, ana, ENTS, copies).groups
    assert g.article_ids == ("a", "c") and g.sources == 1 and g.status == "single-source"
    # not found as copies, the same words outside quotation marks are still one report ...
    (g2,) = align(arts, ana, ENTS, NO_COPIES).groups
    assert g2.sources == 1 and g2.status == "single-source"
    # ... and two without that check and the sentence test (line_share)
    (g3,) = align(arts, ana, ENTS, NO_COPIES, AlignSettings(origin_run=0, line_share=0)).groups
    assert g3.sources == 2 and g3.status == "corroborated"


def _one_line(texts: dict[str, str], outlets: dict[str, str] | None = None) -> ClaimGroup:
    """The group of one sentence per article (each naming Varnholm), its outlets as given."""
    arts = [article(aid, [t], outlet=(outlets or {}).get(aid)) for aid, t in texts.items()]
    ana = [analysis(aid, [t], [mention(aid, "Varnholm", t, "GPE", "varnholm")]) for aid, t in texts.items()]
    (g,) = [g for g in align(arts, ana, ENTS, NO_COPIES, AlignSettings(threshold=0.1)).groups
            if len(g.article_ids) == len(texts)]
    return g


def test_claims_the_same_quotation_given_to_two_outlets_counts_twice() -> None:
    quote = "\u201cThe gate held for forty years and we will rebuild it before the spring floods,\u201d"
    g = _one_line({"a": f"{quote} the Varnholm council said in an emailed statement.",
                   "b": f"{quote} a spokeswoman for Varnholm told reporters."})
    assert g.sources == 2 and g.status == "corroborated"


def test_claims_shared_wording_outside_quotation_marks_is_one_report() -> None:
    run = "Engineers from Varnholm worked through the night to lower the damaged spillway gate"
    g = _one_line({"a": f"{run}, officials said.", "b": f"{run} on Tuesday."})
    assert g.sources == 1 and g.status == "single-source"


def test_claims_a_report_crediting_another_outlet_counts_with_it() -> None:
    texts = {"a": "The Varnholm mayor said the dam would be inspected by an outside firm next week.",
             "b": "The Varnholm mayor told the Kessford Courier that an outside firm would inspect the dam."}
    outlets = {"a": "Kessford Courier", "b": "Northern Ledger"}
    g = _one_line(texts, outlets)
    assert g.sources == 1 and g.status == "single-source" and g.origins == ("outlet:kessford courier",)
    # the same two sentences without the credit are two reports
    texts["b"] = "The Varnholm mayor told reporters that an outside firm would inspect the dam."
    assert _one_line(texts, outlets).sources == 2


def test_claims_variant_designation_is_more_specific_not_a_conflict() -> None:
    sa = ["Kim inspected the Tu-95 strategic bomber at the airfield with Shoigu."]
    sb = ["Kim inspected the Tu-95MS strategic bomber at the airfield with Shoigu on the visit."]
    arts = [article("a", sa), article("b", sb)]
    ana = [analysis("a", sa, [mention("a", "Tu-95", sa[0], "EQUIPMENT", "tu-95")]),
           analysis("b", sb, [mention("b", "Tu-95MS", sb[0], "EQUIPMENT", "tu-95ms")])]
    ents = [Entity("tu-95", "Tu-95", "EQUIPMENT", ("Tu-95",), 1, ("a",)),
            Entity("tu-95ms", "Tu-95MS", "EQUIPMENT", ("Tu-95MS",), 1, ("b",), (Relation("variant_of", "tu-95"),))]
    (g,) = align(arts, ana, ents, NO_COPIES).groups
    assert g.status == "more-specific"
    (d,) = g.differences
    assert (d.kind, d.status) == ("designation", "more-specific")


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


# ---------------------------------------------------------------- what is not a conflict


def _numbers_pair(sa: str, sb: str, qa: list[tuple[str, float, str | None, bool]],
                  qb: list[tuple[str, float, str | None, bool]]):  # type: ignore[no-untyped-def]
    def q(aid: str, body: str, text: str, value: float, measures: str | None, approx: bool) -> Quantity:
        start = body.index(text)
        return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                        approximate=approx, measures=measures)

    arts = [article("a", [sa]), article("b", [sb])]
    ana = [analysis("a", [sa], [mention("a", "Equifax", sa, "ORG", "equifax")] if "Equifax" in sa else [],
                    [q("a", sa, *x) for x in qa]),
           analysis("b", [sb], [mention("b", "Equifax", sb, "ORG", "equifax")] if "Equifax" in sb else [],
                    [q("b", sb, *x) for x in qb])]
    ents = [Entity("equifax", "Equifax", "ORG", ("Equifax",), 2, ("a", "b"))]
    al = align(arts, ana, ents, NO_COPIES)
    return [d for g in al.groups for d in g.differences]


def test_claims_exact_counts_differ_within_their_rounding_only() -> None:
    sa = "Equifax said the breach exposed personal data of 143 million people in the United States."
    sb = "Equifax said the breach exposed personal data of 145.5 million people in the United States."
    diffs = _numbers_pair(sa, sb, [("143 million", 143e6, "people", False)], [("145.5 million", 145.5e6, "people", False)])
    assert [(d.kind, d.a_value, d.b_value) for d in diffs] == [("number", "143 million", "145.5 million")]
    approx = _numbers_pair(sa.replace("143", "about 143"), sb,
                           [("about 143 million", 143e6, "people", True)], [("145.5 million", 145.5e6, "people", False)])
    assert approx == []  # "about" admits it


def test_claims_a_number_the_other_claim_also_gives_is_no_conflict() -> None:
    sa = "Police said 40 people were hurt and five people were trapped when the tram overturned in the city."
    sb = "Police said 40 people were hurt when the tram overturned on a sharp bend in the city on Wednesday."
    assert _numbers_pair(sa, sb, [("40", 40, "people", False), ("five", 5, "people", False)],
                         [("40", 40, "people", False)]) == []


def test_claims_number_in_a_name_is_no_count() -> None:
    sa = "The Falcon Heavy rocket is essentially three Falcon 9 rockets strapped together for the launch."
    sb = "The Falcon Heavy rocket is three Falcon 9 rockets strapped together, said the company on Tuesday."
    assert _numbers_pair(sa, sb, [("three", 3, "rocket", False)], [("9", 9, "rocket", False)]) == []


def test_claims_counts_of_different_things_with_one_noun_are_no_conflict() -> None:
    sa = "Eight fire engines and 22 ambulance crews were involved in the rescue operation at the depot."
    sb = "Eight fire engines and four fire and rescue crews were involved in the rescue operation at the depot."
    assert _numbers_pair(sa, sb, [("22", 22, "crew", False)], [("four", 4, "crew", False)]) == []


def test_claims_counts_of_different_outcomes_are_no_conflict() -> None:
    sa = "Police said at least 40 people were injured when the tram overturned near the depot in the city."
    sb = "Police said at least seven people were killed when the tram overturned near the depot in the city."
    assert _numbers_pair(sa, sb, [("at least 40", 40, "people", False)], [("at least seven", 7, "people", False)]) == []
    sc = "The tram overturned near the depot in the city, trapping five people and injuring another 40."
    sd = "Police said more than 50 people were injured when the tram overturned near the depot in the city."
    assert _numbers_pair(sc, sd, [("five", 5, "people", False)], [("more than 50", 50, "people", False)]) == []


def test_claims_counts_of_one_outcome_still_conflict() -> None:
    sa = "A truck bomb exploded near the consulate in the city, killing at least four civilians, officials said."
    sb = "Officials said 12 civilians were killed when a truck bomb exploded near the consulate in the city."
    diffs = _numbers_pair(sa, sb, [("at least four", 4, "civilian", False)], [("12", 12, "civilian", False)])
    assert [(d.kind, d.a_value, d.b_value) for d in diffs] == [("number", "at least four", "12")]


def test_claims_a_count_of_what_remains_is_not_the_count_itself() -> None:
    sa = "The home side were within four outs of the title in the eighth inning before the closer faltered."
    sb = "The closer blew the lead with two outs in the eighth inning before the home side lost the title."
    assert _numbers_pair(sa, sb, [("four", 4, "out", False)], [("two", 2, "out", False)]) == []
    sc = "With the lead and just four outs required to win the title in the eighth inning, the closer came on."
    assert _numbers_pair(sc, sb, [("four", 4, "out", False)], [("two", 2, "out", False)]) == []


def _caption_case(body: str, cap: str, body_day: str, cap_day: str) -> list[ClaimGroup]:
    art = article("a", [body])
    art = Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},  # type: ignore[attr-defined]
                     "captions": (__import__("newsprism").Caption(cap, 0, len(cap)),)})
    s1, s2 = body.index(body_day), cap.index(cap_day)
    times = [TimeExpression("a", body_day, s1, s1 + len(body_day), "DATE", "2025-03-13", "day", "resolved"),
             TimeExpression("a", cap_day, s2, s2 + len(cap_day), "DATE", "2025-02-02", "day", "resolved",
                            field="caption:0")]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a",))]
    mentions = [mention("a", "Varnholm", body, "GPE", "varnholm"),
                mention("a", "Varnholm", cap, "GPE", "varnholm", field="caption:0")]
    al = align([art], [analysis("a", [body], mentions, (), times)], ents, NO_COPIES)
    return [g for g in al.groups if g.internal]


def test_claims_a_caption_dating_its_picture_is_no_inconsistency() -> None:
    body = "The evacuees of Varnholm returned home after the flood on Thursday, the mayor of Varnholm said."
    for cap, day in (("In this Feb. 2 file photo, evacuees of Varnholm wait at the sports hall.", "Feb. 2"),
                     ("An image from a video made public on Feb. 2 shows evacuees of Varnholm.", "Feb. 2")):
        assert _caption_case(body, cap, "Thursday", day) == [], cap
    # the caption's own happening on another day than the text's stays an inconsistency
    flagged = _caption_case(body, "Evacuees of Varnholm returned home after the flood on Feb. 2.", "Thursday",
                            "Feb. 2")
    assert [g.status for g in flagged] == ["conflicting"]
    dateline = _caption_case(body, "Evacuees of Varnholm return home after the flood, Varnholm, February 2, 2025.",
                             "Thursday", "February 2, 2025")
    assert [g.status for g in dateline] == ["conflicting"]  # the picture may show what the text reports


def test_claims_the_day_of_a_statement_is_not_compared_with_a_caption() -> None:
    body = "The evacuees of Varnholm returned home after the flood, the mayor of Varnholm said Thursday."
    cap = "Evacuees of Varnholm returned home after the flood on Feb. 2."
    assert _caption_case(body, cap, "Thursday", "Feb. 2") == []


def _headline_case(title: str, sentences: list[str], places: list[tuple[str, str]], where: str):  # type: ignore[no-untyped-def]
    body = " ".join(sentences)
    art = article("a", sentences, title=title)
    ms = [mention("a", t, title, "GPE", eid, field="title") for t, eid in places if t in title]
    ms += [Mention("a", t, "GPE", i, i + len(t), field="body", entity_id=eid)
           for t, eid in places for i in [j for j in range(len(body)) if body.startswith(t, j)]]
    ws = body.index(where)
    from newsprism.records import EventPart

    ev = Event("a", where=EventPart(where, ws, ws + len(where), "body"))
    an = Analysis("a", "test", tuple(spans(sentences)), tuple(ms), (), (), (), ev)
    ents = [Entity(eid, t, "GPE", (t,), 1, ("a",)) for t, eid in places]
    return [(d.kind, d.status, g.internal) for g in align([art], [an], ents, NO_COPIES).groups
            for d in g.differences]


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


def test_claims_a_number_written_as_a_word_in_the_other_claim_is_no_conflict() -> None:
    sa = "Five other defendants, including the activist, were fined 30,000 pounds each by the court."
    sb = "The case involves 25 defendants, five of whom, including the activist, were fined 30,000 pounds each."
    assert _numbers_pair(sa, sb, [("Five", 5, "defendant", False)], [("25", 25, "defendant", False)]) == []


def _bounded(aid: str, body: str, text: str, value: float, bound: str | None) -> Quantity:
    start = body.index(text)
    return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                    bound=bound, measures="people")


def test_claims_a_bound_admitting_the_other_count_is_compatible_and_shown() -> None:
    sa = "Police said at least five people died when the tram overturned on the bend."
    sb = "Police said seven people died when the tram overturned on the sharp bend."
    arts = [article("a", [sa]), article("b", [sb])]
    ana = [analysis("a", [sa], quantities=[_bounded("a", sa, "at least five", 5, "lower")]),
           analysis("b", [sb], quantities=[_bounded("b", sb, "seven", 7, None)])]
    (g,) = [g for g in align(arts, ana, [], NO_COPIES).groups if len(g.claim_ids) == 2]
    assert g.status == "more-specific"
    (d,) = g.differences
    assert (d.kind, d.status, d.a_value, d.b_value) == ("number", "more-specific", "at least five", "seven")


def test_claims_two_bounds_that_overlap_are_compatible() -> None:
    sa = "Police said at least 40 people died when the tram overturned on the bend."
    sb = "Police said more than 50 people died when the tram overturned on the sharp bend."
    arts = [article("a", [sa]), article("b", [sb])]
    ana = [analysis("a", [sa], quantities=[_bounded("a", sa, "at least 40", 40, "lower")]),
           analysis("b", [sb], quantities=[_bounded("b", sb, "more than 50", 50, "lower")])]
    diffs = [d for g in align(arts, ana, [], NO_COPIES).groups for d in g.differences]
    assert [(d.kind, d.status) for d in diffs] == [("number", "more-specific")]


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


def test_claims_thresholds_settable_from_the_settings_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from newsprism.errors import SettingsError
    from newsprism.settings import Settings

    good = tmp_path / "s.toml"
    good.write_text("[newsprism.claims]\nembedding_threshold = 0.8\nwording_run = 8\n", encoding="utf-8")
    s = Settings.load(good).align_settings()
    assert (s.embedding_threshold, s.wording_run, s.embedding_gate) == (0.8, 8, 0.2)
    bad = tmp_path / "b.toml"
    bad.write_text("[newsprism.claims]\nembeding_threshold = 0.8\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[claims\]: unknown setting"):
        Settings.load(bad)


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


def test_claims_a_distance_from_a_town_against_in_it_is_a_compatible_value_card() -> None:
    sa = ["The ferry ran aground about 12 kilometres from Varnholm late on Monday, the coastguard said."]
    sb = ["A ferry ran aground in Varnholm on Monday night and its passengers were taken ashore."]
    arts = [article("a", sa), article("b", sb)]
    at = sa[0].index("about 12 kilometres")
    km = Quantity("a", "about 12 kilometres", at, at + 19, 12.0, 12.0, "kilometres", "km", 12.0, 12.0, True)
    ma = [mention("a", "Varnholm", sa[0], "GPE", "varnholm")]
    mb = [mention("b", "Varnholm", sb[0], "GPE", "varnholm")]
    ana = [analysis("a", sa, ma, quantities=[km]), analysis("b", sb, mb)]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a", "b"))]
    vecs = {sa[0]: [1.0, 0.0], sb[0]: [0.66, 0.7513]}  # cosine 0.66: two statements, close enough to compare

    def embed(claims):  # type: ignore[no-untyped-def]
        return np.array([vecs[c.text] for c in claims])

    al = align(arts, ana, ents, NO_COPIES, embed=embed)
    assert all(len(g.claim_ids) == 1 for g in al.groups if g.kind == "statement")
    (card,) = [g for g in al.groups if g.kind == "values"]
    assert card.status == "more-specific" and card.sources == 2
    assert [(d.kind, d.a_value, d.b_value) for d in card.differences] == [
        ("place", "about 12 kilometres from Varnholm", "in Varnholm")]
