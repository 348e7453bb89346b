"""dossier + renderers on hand-built records (no model needed)."""

from __future__ import annotations

import json

from _support import FLOOD_EXTRA, FLOOD_OTHER, FLOOD_TIMES, FLOOD_WIRE
from newsprism.claims import align
from newsprism.copies import Copies, CopyGroup, CopyLink
from newsprism.dossier import build
from newsprism.records import Analysis, Article, Entity, Event, Mention, WireCredit
from newsprism.render.json import dossier_dict
from newsprism.render.markdown import dossier_markdown
from newsprism.settings import DossierSettings, Settings


def test_dossier_counts_wire_copies_once_and_shows_the_conflict(flood_story) -> None:
    d, _ = flood_story()
    assert len(d.sources) == 3 and d.independent_sources == 2
    assert [(s.article_id, s.role) for s in d.sources] == [("wire", "origin"), ("copy", "copy"),
                                                           ("indie", "independent")]
    (card,) = [c for c in d.conflicts if c.kind == "number"]
    values = {s.value: set(s.outlets) for s in card.sides}
    assert values == {"About 1,200": {"Nordic Press Agency", "Valley <b>Courier</b>"},
                      "About 2,000": {"Northern Observer"}}
    assert not card.internal


def test_dossier_every_summary_statement_cites_spans(flood_story) -> None:
    d, arts = flood_story()
    texts = {a.article_id: a.text for a in arts}
    assert d.summary
    for st in d.summary:
        for c in st.citations:
            assert c.field != "body" or texts[c.article_id][c.start:c.end] in (FLOOD_WIRE, FLOOD_OTHER)


def test_dossier_summary_sentences_bounds_the_summary(flood_story) -> None:
    d, _ = flood_story()
    assert len(d.summary) >= 1
    short, _ = flood_story(DossierSettings(summary_sentences=1))
    assert short.summary == d.summary[:1]
    assert Settings.load(None).dossier == DossierSettings()


def test_dossier_exclusive_statement_of_one_source(flood_story) -> None:
    d, _ = flood_story()
    (x,) = d.exclusives
    assert x.origin == "outlet:northern observer" and [r.text for r in x.statements] == [FLOOD_EXTRA]


def test_dossier_entity_sections_keep_nationalities_apart_from_organisations(story_article, story_analysis) -> None:
    arts = [story_article("wire", [FLOOD_WIRE], FLOOD_TIMES[0], "Nordic Press Agency", "Dam gate fails")]
    ana = [story_analysis("wire", [FLOOD_WIRE])]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 1, ("wire",)),
            Entity("nordic", "Nordic", "NORP", ("Nordic",), 2, ("wire",)),
            Entity("tormund-dam-authority", "Tormund Dam Authority", "ORG", ("Tormund Dam Authority",), 1, ("wire",))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    sections = {s.section: [e.name for e in s.entries] for s in d.entities}
    assert sections["organisations"] == ["Tormund Dam Authority"]
    assert sections["groups"] == ["Nordic"] and sections["places"] == ["Varnholm"]


def test_dossier_one_quote_one_entry_citing_every_copy(story_article, story_analysis) -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [story_article("wire", [FLOOD_WIRE], FLOOD_TIMES[0], "Nordic Press Agency", "Dam gate fails"),
            story_article("copy", [FLOOD_WIRE], FLOOD_TIMES[1], "Valley Courier", "Varnholm evacuated")]
    words = "About 1,200 residents of Varnholm were evacuated"
    ana = [replace(story_analysis(a.article_id, [FLOOD_WIRE]), quotes=(Quote(a.article_id, words, 0, len(words), "direct",
                                                                speaker="Elin Marsh"),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("wire", "copy"))]
    copies = Copies((CopyLink("wire", "copy", "copy", 1.0, 1.0, 40),),
                    (CopyGroup("g1", ("wire", "copy"), "wire", "NPA", "wire credit"),), (WireCredit("wire", "NPA"),))
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert sq.speaker == "Elin Marsh"
    assert [c.article_id for c in (entry.citation, *entry.also)] == ["wire", "copy"]
    assert "Valley Courier" in dossier_markdown(d)


def test_dossier_one_quote_whatever_its_abbreviations_points(story_article, story_analysis) -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [story_article(i, [FLOOD_WIRE], FLOOD_TIMES[k], o, "Dam gate fails") for k, (i, o) in
            enumerate((("wire", "Nordic Press Agency"), ("copy", "Valley Courier")))]
    said = {"wire": "The U.S. will not pay for the new gate at Varnholm", "copy": "The US will not pay for the new "
            "gate at Varnholm"}
    ana = [replace(story_analysis(a.article_id, [FLOOD_WIRE]), quotes=(Quote(a.article_id, said[a.article_id], 0,
                   len(said[a.article_id]), "direct", speaker="Elin Marsh"),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("wire", "copy"))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert [c.article_id for c in (entry.citation, *entry.also)] == ["wire", "copy"]


def test_dossier_timeline_takes_no_date_from_a_caption() -> None:
    from newsprism.records import Caption, TimeExpression

    body = "The Varnholm council reopened the Tormund Dam road on 12 March 2025 after repairs."
    caption = "Volunteers fill sandbags near a school in another town on 2 November 2024."
    arts, ana = [], []
    for aid in ("a", "b"):
        arts.append(Article(aid, aid, "text", "utf-8", None, f"Outlet {aid}", None, "Dam road reopens", (), None,
                            FLOOD_TIMES[0], None, None, "en", (body,), (Caption(caption, 0, len(caption)),), (), (), None,
                            body))
        b_day, c_day = body.index("12 March 2025"), caption.index("2 November 2024")
        times = (TimeExpression(aid, "12 March 2025", b_day, b_day + 13, "DATE", "2025-03-12", "day", "resolved"),
                 TimeExpression(aid, "2 November 2024", c_day, c_day + 15, "DATE", "2024-11-02", "day",
                                "resolved", field="caption:0"))
        ana.append(Analysis(aid, "test", ((0, len(body)),), (), (), (), times, Event(aid)))
    copies = Copies((), (), ())
    d = build("s2", arts, ana, [], copies, align(arts, ana, [], copies))
    assert [(t.date, t.statement.text) for t in d.timeline] == [("2025-03-12", body)]


def test_dossier_json_lists_reports_of_one_happening(story_article) -> None:
    a1 = ["The spillway gate of the Tormund Dam failed on Monday night above Varnholm."]
    a2 = ["Water poured through the broken gate of the Tormund Dam into Varnholm's lower streets."]
    arts = [story_article("a", a1, FLOOD_TIMES[0], "Coast Times", "Gate fails"),
            story_article("b", a2, FLOOD_TIMES[1], "Island Post", "Flood")]
    ana = [Analysis(aid, "test", ((0, len(t[0])),),
                    (Mention(aid, "Varnholm", "GPE", t[0].index("Varnholm"), t[0].index("Varnholm") + 8,
                             entity_id="varnholm"),), (), (), (), Event(aid))
           for aid, t in (("a", a1), ("b", a2))]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a", "b"))]
    no_copies = Copies((), ())
    vecs = {a1[0]: [1.0, 0.0], a2[0]: [0.6, 0.8]}  # one happening (cosine 0.6, a shared place), two facts

    def embed(claims):  # type: ignore[no-untyped-def]
        import numpy as np

        return np.array([vecs.get(c.text, [0.0, 1.0]) for c in claims])

    d = build("s2", arts, ana, ents, no_copies, align(arts, ana, ents, no_copies, embed=embed))
    (h,) = d.happenings
    assert h.sources == 2 and [s.citations[0].article_id for s in h.statements] == ["a", "b"]
    data = json.loads(json.dumps(dossier_dict(d)))
    assert [[s["text"] for s in x["statements"]] for x in data["happenings"]] == [[a1[0], a2[0]]]


def test_dossier_quote_entry_takes_the_speaker_most_copies_give(story_article, story_analysis) -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [story_article(i, [FLOOD_WIRE], FLOOD_TIMES[k], o, "Dam gate fails") for k, (i, o) in
            enumerate((("first", "Harbour Gazette"), ("wire", "Nordic Press Agency"), ("copy", "Valley Courier")))]
    words = "About 1,200 residents of Varnholm were evacuated"
    speakers = {"first": "Jonas Berg", "wire": "Elin Marsh", "copy": "Elin Marsh"}
    ana = [replace(story_analysis(a.article_id, [FLOOD_WIRE]), quotes=(Quote(a.article_id, words, 0, len(words), "direct",
                                                                speaker=speakers[a.article_id]),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("first", "wire", "copy"))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert sq.speaker == "Elin Marsh"
    assert [c.article_id for c in (entry.citation, *entry.also)] == ["wire", "first", "copy"]


def test_dossier_quote_cites_a_copy_that_cut_it_short_or_lost_its_speaker(story_article, story_analysis) -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [story_article(i, [FLOOD_WIRE], FLOOD_TIMES[k], o, "Dam gate fails") for k, (i, o) in
            enumerate((("first", "Harbour Gazette"), ("wire", "Nordic Press Agency"), ("copy", "Valley Courier")))]
    whole = "About 1,200 residents of Varnholm were evacuated before the gate gave way"
    said = {"first": (whole, "Elin Marsh"), "wire": (whole, None), "copy": (whole[:49], "Elin Marsh")}
    ana = [replace(story_analysis(a.article_id, [FLOOD_WIRE]), quotes=(Quote(a.article_id, said[a.article_id][0], 0,
                   len(said[a.article_id][0]), "direct", speaker=said[a.article_id][1]),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("first", "wire", "copy"))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert sq.speaker == "Elin Marsh" and entry.text == whole
    assert sorted(c.article_id for c in (entry.citation, *entry.also)) == ["copy", "first", "wire"]
