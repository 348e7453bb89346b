"""claims.status: a group's independent origins and the differences of its values."""

from __future__ import annotations

import numpy as np

from newsprism.claims import AlignSettings, align, status_counts
from newsprism.copies import Copies, CopyGroup
from newsprism.records import (
    Entity,
    Quantity,
    Relation,
)

from .helpers import ENTS, NO_COPIES, A, _bounded, _caption_case, _numbers_pair, _one_line, _pair, analysis, article, mention


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
    # ... also by the frame test alone (line_frame) ...
    (g4,) = align(arts, ana, ENTS, NO_COPIES, AlignSettings(origin_run=0, line_share=0, line_frame=0.8)).groups
    assert g4.sources == 1
    # ... and two without those checks and the sentence tests (line_share, line_frame, line_retold)
    (g3,) = align(arts, ana, ENTS, NO_COPIES,
                  AlignSettings(origin_run=0, line_share=0, line_frame=0, line_retold=0)).groups
    assert g3.sources == 2 and g3.status == "corroborated"


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


def test_claims_a_number_written_as_a_word_in_the_other_claim_is_no_conflict() -> None:
    sa = "Five other defendants, including the activist, were fined 30,000 pounds each by the court."
    sb = "The case involves 25 defendants, five of whom, including the activist, were fined 30,000 pounds each."
    assert _numbers_pair(sa, sb, [("Five", 5, "defendant", False)], [("25", 25, "defendant", False)]) == []


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


def test_claims_nearly_a_count_against_a_bound_above_it_is_a_conflict() -> None:
    sa = "Police said nearly 30 people died when the ferry capsized off the headland."
    sb = "Police said at least 34 people died when the ferry capsized off the rocky headland."
    arts = [article("a", [sa]), article("b", [sb])]
    near = _bounded("a", sa, "nearly 30", 30, None)
    ana = [analysis("a", [sa], quantities=[Quantity(**{**{f: getattr(near, f) for f in near.__slots__},
                                                       "approximate": True})]),
           analysis("b", [sb], quantities=[_bounded("b", sb, "at least 34", 34, "lower")])]
    diffs = [d for g in align(arts, ana, [], NO_COPIES).groups for d in g.differences]
    assert [(d.kind, d.status, d.a_value, d.b_value) for d in diffs] == [
        ("number", "conflict", "nearly 30", "at least 34")]
    # "about 30" admits a little more: against "at least 34" it stays compatible
    sa2 = sa.replace("nearly", "about")
    about = _bounded("a", sa2, "about 30", 30, None)
    ana[0] = analysis("a", [sa2], quantities=[Quantity(**{**{f: getattr(about, f) for f in about.__slots__},
                                                          "approximate": True})])
    arts[0] = article("a", [sa2])
    diffs = [d for g in align(arts, ana, [], NO_COPIES).groups for d in g.differences]
    assert [(d.kind, d.status) for d in diffs] == [("number", "more-specific")]


def test_claims_the_day_of_an_earlier_happening_is_not_compared_with_a_caption() -> None:
    body = "The river has flooded Varnholm many times in recent years, the most recent on Thursday."
    cap = "Evacuees of Varnholm return home after the flood, Varnholm, February 2, 2025."
    assert _caption_case(body, cap, "Thursday", "February 2, 2025") == []
    # the day of what the sentence reports still is
    body2 = "The river flooded Varnholm on Thursday, and hundreds of people left their homes."
    assert [g.status for g in _caption_case(body2, cap, "Thursday", "February 2, 2025")] == ["conflicting"]


def test_claims_a_place_name_written_out_in_the_other_is_no_conflict() -> None:
    from newsprism.claims.status import same_name_words

    # the same place shortened, or a place and a part of it named with its name
    for x, y in (("Mt Kessford", "Upper Mount Kessford"), ("Varnholm", "Varnholm High Street"),
                 ("NE Kessford", "Northeast Kessford"), ("Kessf. Bay", "Kessford Bay"),
                 ("Varnholm Depot", "the depot's yard in Varnholm")):
        assert same_name_words(x, y) and same_name_words(y, x), (x, y)
    # two places: a word of the shorter name is not the other's
    for x, y in (("North Kessford", "South Kessford"), ("Varnholm", "Varnby"), ("Mali", "Malawi"),
                 ("Guinea", "Papua New Guinea"), ("Port Kessford", "Kessford Bay")):
        assert not same_name_words(x, y), (x, y)


def test_claims_two_tallies_sharing_no_figure_are_not_compared() -> None:
    # a season's figures against one game's: counts of two spans, no disagreement
    sa = "Over the season the Varnholm striker scored 21 goals, made 9 assists and played 34 matches for the club."
    sb = "In the cup final the Varnholm striker scored 2 goals, made 1 assist and played 90 minutes for the club."
    qa = [("21", 21, "goal", False), ("9", 9, "assist", False), ("34", 34, "match", False)]
    qb = [("2", 2, "goal", False), ("1", 1, "assist", False), ("90", 90, "minute", False)]
    assert _numbers_pair(sa, sb, qa, qb) == []
    # one figure in common: two accounts of one tally, and where they differ they disagree
    sc = sb.replace("In the cup final", "Over the season").replace("2 goals", "19 goals").replace(
        "1 assist", "9 assists").replace("90 minutes", "34 matches")
    qc = [("19", 19, "goal", False), ("9", 9, "assist", False), ("34", 34, "match", False)]
    diffs = _numbers_pair(sa, sc, qa, qc)
    assert [(d.kind, d.status, d.a_value, d.b_value) for d in diffs] == [("number", "conflict", "21", "19")]
    # two figures only on one side, none shared: not a tally, compared as before
    sd = "Over the season the Varnholm striker scored 14 goals, made 5 assists for the club in the league and the cup."
    diffs = _numbers_pair(sa, sd, qa, [("14", 14, "goal", False), ("5", 5, "assist", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("21", "14"), ("9", "5")]


def test_claims_counts_of_different_spans_are_not_compared() -> None:
    # a season's count against one game's: "this season" on one side only
    sa = "The Varnholm keeper has made 41 saves this season in the league for the club."
    sb = "The Varnholm keeper made 6 saves in the league match for the club on Sunday."
    qa, qb = [("41", 41, "save", False)], [("6", 6, "save", False)]
    assert _numbers_pair(sa, sb, qa, qb) == []
    # what all operations seized so far against what one operation seized
    sc = "In five operations so far the coastguard has seized 31 rifles from smugglers off Varnholm."
    sd = "In the operation the coastguard seized 12 rifles from smugglers off Varnholm on Tuesday."
    assert _numbers_pair(sc, sd, [("31", 31, "rifle", False)], [("12", 12, "rifle", False)]) == []
    # the same span on both sides: compared
    se = sb.replace("made 6 saves in the league match", "has made 38 saves this season in the league")
    diffs = _numbers_pair(sa, se, qa, [("38", 38, "save", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("41", "38")]


def test_claims_a_part_on_top_of_another_count_is_compared_only_with_a_part() -> None:
    sa = "Police seized seven pistols and three other rifles from the boat off Varnholm, the coastguard said."
    sb = "Police seized nine rifles from the boat off Varnholm on Tuesday, the coastguard said."
    assert _numbers_pair(sa, sb, [("three", 3, "rifle", False)], [("nine", 9, "rifle", False)]) == []
    sc = "Police seized seven pistols and two other rifles from the boat off Varnholm, the coastguard said."
    diffs = _numbers_pair(sa, sc, [("three", 3, "rifle", False)], [("two", 2, "rifle", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("three", "two")]
    sd = "Another 40 residents of Varnholm were evacuated from the flooded district on Tuesday, officials said."
    se = "Officials said 55 residents of Varnholm were evacuated from the flooded district on Tuesday."
    assert _numbers_pair(sd, se, [("Another 40", 40, "resident", False)], [("55", 55, "resident", False)]) == []


def test_claims_a_contrasting_not_is_no_negation_conflict() -> None:
    from newsprism.claims.status import compare
    from newsprism.records import Claim

    def claim(cid: str, text: str) -> Claim:
        return Claim(cid, cid, "body", 0, len(text), text, None, None, None, (), (), (), (), (), "not" in text)

    s = AlignSettings()
    base = "The mayor of Varnholm said the source of the leak was {}probably a combination of several old pipes."
    plain, contrast = claim("a", base.format("")), claim("b", base.format("not one pipe, but "))
    assert [d.kind for d in compare(plain, contrast, 0.95, False, {}, s)] == []
    negated = claim("c", base.format("not "))
    assert [d.kind for d in compare(plain, negated, 0.95, False, {}, s)] == ["negation"]


def test_claims_two_sums_of_money_tell_two_deals_whose_days_are_not_compared() -> None:
    from newsprism.claims.status import _dates
    from newsprism.records import Claim, Quantity, TimeExpression

    def claim(cid: str, text: str, sum_text: str, value: float, day_text: str, day: str) -> Claim:
        at, on = text.index(sum_text), text.index(day_text)
        money = Quantity("a", sum_text, at, at + len(sum_text), value, value, "$", "USD", value, value)
        when = TimeExpression("a", day_text, on, on + len(day_text), "DATE", day, "day", "resolved")
        return Claim(cid, "a", "body", 0, len(text), text, None, None, None, ("brekkum",), (), (), (money,), (when,),
                     False)

    offer = claim("c1", "Brekkum made a $12 billion offer for Lund Tech on Monday.", "$12 billion", 12e9, "Monday",
                  "2025-03-10")
    bid = claim("c2", "Brekkum made a $10 billion bid for Lund Tech on March 3.", "$10 billion", 10e9, "March 3",
                "2025-03-03")
    same = claim("c3", "Brekkum made a $12 billion offer for Lund Tech on March 3.", "$12 billion", 12e9, "March 3",
                 "2025-03-03")
    assert _dates(offer, bid, internal=True) == []
    (d,) = _dates(offer, same, internal=True)
    assert d.kind == "date" and d.status == "conflict"


def test_claims_the_same_relative_day_read_against_two_articles_days_is_no_conflict() -> None:
    from newsprism.claims.status import _dates
    from newsprism.records import Claim, TimeExpression

    def claim(cid: str, text: str, day_text: str, day: str) -> Claim:
        on = text.index(day_text)
        when = TimeExpression(cid, day_text, on, on + len(day_text), "DATE", day, "day", "resolved")
        return Claim(cid, cid, "body", 0, len(text), text, None, None, None, (), (), (), (), (when,), False)

    first = claim("a", "The ferry ran aground off Varnholm on Monday evening.", "Monday evening", "2025-03-10")
    again = claim("b", "The ferry ran aground off Varnholm on Monday evening.", "Monday evening", "2025-03-17")
    assert _dates(first, again) == []
    other = claim("c", "The ferry ran aground off Varnholm on Tuesday evening.", "Tuesday evening", "2025-03-11")
    (d,) = _dates(first, other)
    assert d.kind == "date" and d.status == "conflict"


def test_claims_a_day_counted_from_a_given_base_grounds_no_conflict_across_articles() -> None:
    """An undated article's "Tuesday" is counted from its story's first date (``base="given"``): a guess."""
    from newsprism.claims.status import _dates
    from newsprism.records import Claim, TimeExpression

    def claim(cid: str, text: str, day_text: str, day: str, base: str) -> Claim:
        on = text.index(day_text)
        when = TimeExpression(cid, day_text, on, on + len(day_text), "DATE", day, "day", "resolved", base=base)
        return Claim(cid, cid, "body", 0, len(text), text, None, None, None, (), (), (), (), (when,), False)

    dated = claim("a", "Police arrested the Varnholm skipper on Monday.", "Monday", "2025-03-10", "published")
    guessed = claim("b", "Police arrested the Varnholm skipper on Tuesday.", "Tuesday", "2025-03-11", "given")
    assert _dates(dated, guessed) == []
    assert _dates(guessed, dated) == []
    also_dated = claim("c", "Police arrested the Varnholm skipper on Tuesday.", "Tuesday", "2025-03-11", "published")
    (d,) = _dates(dated, also_dated)
    assert d.kind == "date" and d.status == "conflict"
    # inside one article the base is the same for both sides: still compared
    (d,) = _dates(dated, claim("a", "Police arrested the Varnholm skipper on Tuesday.", "Tuesday", "2025-03-11",
                               "given"), internal=True)
    assert d.status == "conflict"


def test_claims_a_day_told_from_the_moment_of_writing_one_day_off_grounds_no_conflict() -> None:
    """"This morning" is counted from a publication date that places the writing to a day at best."""
    from newsprism.claims.status import _dates
    from newsprism.records import Claim, TimeExpression

    def claim(cid: str, text: str, day_text: str, day: str, base: str = "published") -> Claim:
        on = text.index(day_text)
        when = TimeExpression(cid, day_text, on, on + len(day_text), "DATE", day, "day", "resolved", base=base)
        return Claim(cid, cid, "body", 0, len(text), text, None, None, None, (), (), (), (), (when,), False)

    told = claim("a", "The Varnholm skipper was arrested this morning after a chase.", "this morning", "2025-03-11")
    named = claim("b", "The Varnholm skipper was arrested on Monday after a chase.", "Monday", "2025-03-10")
    assert _dates(told, named) == [] and _dates(named, told) == []
    # two days apart: a disagreement
    (d,) = _dates(claim("c", "The Varnholm skipper was arrested today.", "today", "2025-03-12"), named)
    assert d.status == "conflict"
    # two weekdays one day apart: a disagreement (neither counts from the moment of writing)
    tuesday = claim("d", "The Varnholm skipper was arrested on Tuesday after a chase.", "Tuesday", "2025-03-11")
    (d,) = _dates(tuesday, named)
    assert d.status == "conflict"
    # inside one article the day is counted from the same date: still compared, unless that date is a guess
    yesterday = claim("a", "The Varnholm skipper was arrested yesterday.", "yesterday", "2025-03-11")
    (d,) = _dates(yesterday, named, internal=True)
    assert d.status == "conflict"
    guessed = [claim("a", "The skipper was arrested yesterday.", "yesterday", "2025-03-11", "given"),
               claim("a", "The Varnholm ferry sank on Monday.", "Monday", "2025-03-10", "given")]
    assert _dates(*guessed, internal=True) == []


def test_claims_counts_over_several_occasions_or_a_whole_tally_are_not_compared_with_one() -> None:
    sa = "The coastguard seized a total of 31 rifles from smugglers off Varnholm during the five operations."
    sb = "The coastguard seized 12 rifles from smugglers off Varnholm during the operation on Tuesday."
    assert _numbers_pair(sa, sb, [("31", 31, "rifle", False)], [("12", 12, "rifle", False)]) == []
    sc = "The final numbers showed the Varnholm boxer landing 178 punches against the champion."
    sd = "The Varnholm boxer landed 28 punches against the champion in the third round."
    assert _numbers_pair(sc, sd, [("178", 178, "punch", False)], [("28", 28, "punch", False)]) == []
    # several occasions on both sides: compared
    se = sa.replace("31 rifles", "27 rifles")
    diffs = _numbers_pair(sa, se, [("31", 31, "rifle", False)], [("27", 27, "rifle", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("31", "27")]


def test_claims_a_count_joined_to_a_second_noun_counts_both() -> None:
    sa = "The Varnholm ferry evacuated some 430 passengers and crew after the fire spread, the operator said."
    sb = "The Varnholm ferry evacuated all 246 passengers and some of the crew after the fire, the operator said."
    qa, qb = [("some 430", 430, "passengers", True)], [("246", 246, "passengers", False)]
    assert _numbers_pair(sa, sb, qa, qb) == []
    # a second clause after "and" is not a second noun counted: compared
    sc = "The Varnholm ferry fire killed 40 passengers and injured dozens more, the operator said."
    sd = "The Varnholm ferry fire killed 55 passengers and wounded over 100, the operator said."
    diffs = _numbers_pair(sc, sd, [("40", 40, "passengers", False)], [("55", 55, "passengers", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("40", "55")]


def test_claims_the_first_few_of_a_series_are_compared_only_with_a_part() -> None:
    sa = "Varnholm stretched the champions to six games before losing the series on Sunday."
    sb = "Varnholm took the first two games from the champions before losing the series on Sunday."
    assert _numbers_pair(sa, sb, [("six", 6, "games", False)], [("two", 2, "games", False)]) == []
    sc = sb.replace("first two games", "first three games")
    diffs = _numbers_pair(sb, sc, [("two", 2, "games", False)], [("three", 3, "games", False)])
    assert [(d.a_value, d.b_value) for d in diffs] == [("two", "three")]
