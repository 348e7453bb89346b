"""dossier + renderers on hand-built records (no model needed)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from newsprism.claims import align
from newsprism.copies import Copies, CopyGroup, CopyLink
from newsprism.dossier import build
from newsprism.records import Analysis, Article, Entity, Event, Mention, Quantity, RelatedEntity, Relation, WireCredit
from newsprism.render.html import index_page, story_page
from newsprism.render.json import dossier_dict
from newsprism.render.markdown import dossier_markdown

T = [datetime(2025, 3, 11, h, 0, tzinfo=UTC) for h in (8, 9, 10)]
S1 = "About 1,200 residents of Varnholm were evacuated after the Tormund Dam spillway gate failed."
S2 = "About 2,000 residents of Varnholm were evacuated after the spillway gate at the Tormund Dam failed."
EXTRA = "<script>alert('x')</script> Volunteers from the rowing club pumped out the flooded cellars."


def _article(aid: str, sentences: list[str], published: datetime, outlet: str, title: str) -> Article:
    body = " ".join(sentences)
    return Article(aid, aid, "text", "utf-8", None, outlet, None, title, (), None, published, None, None, "en",
                   (body,), (), (), (), None, body)


def _analysis(aid: str, sentences: list[str]) -> Analysis:
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    body = " ".join(sentences)
    mentions = [Mention(aid, "Varnholm", "GPE", body.index("Varnholm"), body.index("Varnholm") + 8,
                        entity_id="varnholm")]
    first = sentences[0]
    n = first.split(" residents")[0]
    quantities = [Quantity(aid, n, 0, len(n), float(n.split()[1].replace(",", "")),
                           float(n.split()[1].replace(",", "")), None, None, None, None, True, None, "residents")]
    return Analysis(aid, "test", tuple(spans), tuple(mentions), (), tuple(quantities), (), Event(aid))


def _story():  # type: ignore[no-untyped-def]
    arts = [_article("wire", [S1], T[0], "Nordic Press Agency", "Dam gate fails"),
            _article("copy", [S1], T[1], "Valley <b>Courier</b>", "Varnholm evacuated"),
            _article("indie", [S2, EXTRA], T[2], "Northern Observer", "<script>x</script> 2,000 leave")]
    ana = [_analysis(a.article_id, [S1] if a.article_id != "indie" else [S2, EXTRA]) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("wire", "copy", "indie"))]
    copies = Copies((CopyLink("wire", "copy", "copy", 1.0, 1.0, 40),),
                    (CopyGroup("g1", ("wire", "copy"), "wire", "NPA", "wire credit"),), (WireCredit("wire", "NPA"),))
    al = align(arts, ana, ents, copies)
    return build("s1", arts, ana, ents, copies, al), arts


def test_dossier_counts_wire_copies_once_and_shows_the_conflict() -> None:
    d, _ = _story()
    assert len(d.sources) == 3 and d.independent_sources == 2
    assert [(s.article_id, s.role) for s in d.sources] == [("wire", "origin"), ("copy", "copy"),
                                                           ("indie", "independent")]
    (card,) = [c for c in d.conflicts if c.kind == "number"]
    values = {s.value: set(s.outlets) for s in card.sides}
    assert values == {"About 1,200": {"Nordic Press Agency", "Valley <b>Courier</b>"},
                      "About 2,000": {"Northern Observer"}}
    assert not card.internal


def test_dossier_every_summary_statement_cites_spans() -> None:
    d, arts = _story()
    texts = {a.article_id: a.text for a in arts}
    assert d.summary
    for st in d.summary:
        for c in st.citations:
            assert c.field != "body" or texts[c.article_id][c.start:c.end] in (S1, S2)


def test_dossier_exclusive_statement_of_one_source() -> None:
    d, _ = _story()
    (x,) = d.exclusives
    assert x.origin == "outlet:northern observer" and [r.text for r in x.statements] == [EXTRA]


def test_render_html_escapes_article_text() -> None:
    d, arts = _story()
    page = story_page(d, arts)
    assert "<script" not in page and "<b>Courier" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and "http" not in page  # self-contained: no outside resource
    assert "<script" not in index_page([("s1.html", d)])


def test_render_markdown_cites_every_summary_line() -> None:
    d, _ = _story()
    md = dossier_markdown(d)
    summary = md.split("## What happened")[1].split("##")[0]
    lines = [ln for ln in summary.splitlines() if ln.startswith("- ")]
    assert lines and all("[wire:body:" in ln or "[indie:body:" in ln or "[copy:body:" in ln for ln in lines)


def test_render_json_is_documented_shape() -> None:
    d, _ = _story()
    data = json.loads(json.dumps(dossier_dict(d)))
    assert data["schema"] == "newsprism.dossier/1"
    for key in ("story_id", "headline", "sources", "independent_sources", "summary", "timeline", "entities",
                "quotes", "conflicts", "exclusives", "details", "matrix", "copy_tree", "framing", "status_counts"):
        assert key in data
    assert data["matrix"]["columns"][0] == {"origin": "wire:NPA", "name": "Nordic Press Agency",
                                            "outlets": ["Nordic Press Agency", "Valley <b>Courier</b>"]}
    assert [(e["origin"], e["name"]) for e in data["exclusives"]] == [("outlet:northern observer", "Northern Observer")]
    assert data["copy_tree"] == [{"origin": "wire", "copies": [{"article_id": "copy", "kind": "copy"}]}]


def test_dossier_entity_sections_keep_nationalities_apart_from_organisations() -> None:
    arts = [_article("wire", [S1], T[0], "Nordic Press Agency", "Dam gate fails")]
    ana = [_analysis("wire", [S1])]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 1, ("wire",)),
            Entity("nordic", "Nordic", "NORP", ("Nordic",), 2, ("wire",)),
            Entity("tormund-dam-authority", "Tormund Dam Authority", "ORG", ("Tormund Dam Authority",), 1, ("wire",))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    sections = {s.section: [e.name for e in s.entries] for s in d.entities}
    assert sections["organisations"] == ["Tormund Dam Authority"]
    assert sections["groups"] == ["Nordic"] and sections["places"] == ["Varnholm"]


def test_render_json_writes_an_entity_relation_as_kind_and_name() -> None:
    arts = [_article("wire", [S1], T[0], "Nordic Press Agency", "Dam gate fails")]
    ana = [_analysis("wire", [S1])]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 1, ("wire",),
                   relations=(Relation("part_of", "tormund"), Relation("capital_of", "unknown-id"))),
            Entity("tormund", "Tormund", "GPE", ("Tormund",), 1, ("other",))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (place,) = next(s for s in d.entities if s.section == "places").entries
    assert place.relations == (RelatedEntity("part_of", "Tormund"), RelatedEntity("capital_of", "unknown-id"))
    data = json.loads(json.dumps(dossier_dict(d)))
    assert data["entities"]["places"][0]["relations"] == [["part_of", "Tormund"], ["capital_of", "unknown-id"]]
    assert "Varnholm ×1; part of Tormund; capital of unknown-id" in dossier_markdown(d)


def test_render_names_a_copy_by_its_origin_outlet_everywhere() -> None:
    d, arts = _story()
    page = story_page(d, arts)
    assert "<td>copy of Nordic Press Agency</td>" in page
    md = dossier_markdown(d)
    assert "| copy of Nordic Press Agency | Nordic Press Agency |" in md
    assert "| copy of wire" not in md and "| wire:NPA |" not in md


def _sources(*rows: tuple[str, str | None, str, str, str | None]):  # type: ignore[no-untyped-def]
    from newsprism.dossier import Source

    return tuple(Source(aid, outlet, None, None, None, origin, role, copy_of, ())
                 for aid, outlet, origin, role, copy_of in rows)


def test_render_source_names_one_name_per_origin() -> None:
    import dataclasses

    from newsprism.render import source_names

    d, _ = _story()
    d = dataclasses.replace(d, sources=_sources(
        ("a1", "The Times", "wire:AP", "independent", None),  # two wires first run by one outlet
        ("a2", "The Times", "wire:Reuters", "independent", None),
        ("a3", "Radio Esk", "article:a3", "independent", None),  # one outlet, two independent articles
        ("a4", "Radio Esk", "article:a4", "independent", None),
        ("a5", "AP", "wire:AP", "independent", None),
        ("a6", "Copier", "group:g", "copy", "outside"),  # its origin sits in another story
        ("a7", "Daily Post", "wire:PA", "origin", None),  # an outlet's PA story that others copy
        ("a8", "Herald", "wire:PA", "copy", "a7"),
        ("b1", "Associated Press", "wire:UPI", "origin", None),  # an agency outlet running another's story
        ("b2", "Agence France-Presse", "wire:AFP", "independent", None),
        ("b3", "Nordic Press Agency", "wire:NPA", "origin", None),
    ))
    by_article, names = source_names(d)
    assert names == {"wire:AP": "AP (via The Times)", "wire:Reuters": "Reuters (via The Times)",
                     "article:a3": "Radio Esk", "article:a4": "Radio Esk (2)", "group:g": "Copier",
                     "wire:PA": "PA (via Daily Post)", "wire:UPI": "UPI (via Associated Press)",
                     "wire:AFP": "Agence France-Presse", "wire:NPA": "Nordic Press Agency"}
    assert by_article["a5"] == "AP" and by_article["a8"] == "Herald"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short enough.", 20, "Short enough."),
        ("The spillway gate failed overnight at the dam", 30, "The spillway gate failed\u2026"),
        ("Evacuated, residents waited", 13, "Evacuated\u2026"),
        ("Supercalifragilistic word", 10, "Supercali\u2026"),
    ],
    ids=["fits", "word-boundary", "punctuation-dropped", "one-long-word"],
)
def test_render_cut_at_a_word_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    from newsprism.render import cut

    assert cut(text, limit) == expected and len(cut(text, limit)) <= limit


def test_render_plural() -> None:
    from newsprism.render import plural

    assert [plural(1, "story", "stories"), plural(2, "story", "stories"), plural(1, "article"),
            plural(0, "article")] == ["1 story", "2 stories", "1 article", "0 articles"]


def test_render_html_marks_overlapping_spans_and_anchors_each() -> None:
    from newsprism.render.html import _marked

    text = "Alpha beta gamma.\n\nDelta epsilon."
    # a sentence, a quote inside it, and a span across the paragraph break
    out = _marked(text, [(0, 17, "s1"), (6, 10, "q1"), (11, 24, "x1")])
    for anchor in ("s1", "q1", "x1"):
        assert out.count(f'id="{anchor}"') == 1
    assert '<mark data-c="s1 q1">beta</mark>' in out
    assert '<mark data-c="s1 x1">gamma.</mark>' in out
    assert "\n\n" in out and '<mark data-c="x1">Delta</mark>' in out  # never a mark across paragraphs
    assert "".join(re.sub(r"<[^>]+>", "", out)) == text


def test_dossier_one_quote_one_entry_citing_every_copy() -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [_article("wire", [S1], T[0], "Nordic Press Agency", "Dam gate fails"),
            _article("copy", [S1], T[1], "Valley Courier", "Varnholm evacuated")]
    words = "About 1,200 residents of Varnholm were evacuated"
    ana = [replace(_analysis(a.article_id, [S1]), quotes=(Quote(a.article_id, words, 0, len(words), "direct",
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


def test_dossier_timeline_takes_no_date_from_a_caption() -> None:
    from newsprism.records import Caption, TimeExpression

    body = "The Varnholm council reopened the Tormund Dam road on 12 March 2025 after repairs."
    caption = "Volunteers fill sandbags near a school in another town on 2 November 2024."
    arts, ana = [], []
    for aid in ("a", "b"):
        arts.append(Article(aid, aid, "text", "utf-8", None, f"Outlet {aid}", None, "Dam road reopens", (), None,
                            T[0], None, None, "en", (body,), (Caption(caption, 0, len(caption)),), (), (), None,
                            body))
        b_day, c_day = body.index("12 March 2025"), caption.index("2 November 2024")
        times = (TimeExpression(aid, "12 March 2025", b_day, b_day + 13, "DATE", "2025-03-12", "day", "resolved"),
                 TimeExpression(aid, "2 November 2024", c_day, c_day + 15, "DATE", "2024-11-02", "day",
                                "resolved", field="caption:0"))
        ana.append(Analysis(aid, "test", ((0, len(body)),), (), (), (), times, Event(aid)))
    copies = Copies((), (), ())
    d = build("s2", arts, ana, [], copies, align(arts, ana, [], copies))
    assert [(t.date, t.statement.text) for t in d.timeline] == [("2025-03-12", body)]


def test_render_what_one_source_adds_is_in_markdown_and_html() -> None:
    sa = "The Varnholm dam gate was lowered by a crane brought from Kessford overnight."
    sb = "Overnight a crane from Kessford lowered the Varnholm dam gate, 40 tonnes of steel."
    arts = [_article("a", [sa], T[0], "Island Post", "Gate lowered"),
            _article("b", [sb], T[1], "Coast Times", "Crane lowers gate")]
    start = sb.index("40 tonnes")
    ana = [Analysis("a", "test", ((0, len(sa)),), (), (), (), (), Event("a")),
           Analysis("b", "test", ((0, len(sb)),), (), (),
                    (Quantity("b", "40 tonnes", start, start + 9, 40, 40, "tonnes", "t", 40, 40),), (), Event("b"))]
    copies = Copies((), ())
    d = build("s2", arts, ana, [], copies, align(arts, ana, [], copies))
    assert [(det.kind, det.value) for det in d.details] == [("quantity", "40 tonnes")]
    assert "adds the quantity **40 tonnes**" in dossier_markdown(d)
    assert "adds the quantity <b>40 tonnes</b>" in story_page(d, arts)


def test_dossier_json_lists_reports_of_one_happening() -> None:
    a1 = ["The spillway gate of the Tormund Dam failed on Monday night above Varnholm."]
    a2 = ["Water poured through the broken gate of the Tormund Dam into Varnholm's lower streets."]
    arts = [_article("a", a1, T[0], "Coast Times", "Gate fails"), _article("b", a2, T[1], "Island Post", "Flood")]
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


def test_dossier_quote_entry_takes_the_speaker_most_copies_give() -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [_article(i, [S1], T[k], o, "Dam gate fails") for k, (i, o) in
            enumerate((("first", "Harbour Gazette"), ("wire", "Nordic Press Agency"), ("copy", "Valley Courier")))]
    words = "About 1,200 residents of Varnholm were evacuated"
    speakers = {"first": "Jonas Berg", "wire": "Elin Marsh", "copy": "Elin Marsh"}
    ana = [replace(_analysis(a.article_id, [S1]), quotes=(Quote(a.article_id, words, 0, len(words), "direct",
                                                                speaker=speakers[a.article_id]),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("first", "wire", "copy"))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert sq.speaker == "Elin Marsh"
    assert [c.article_id for c in (entry.citation, *entry.also)] == ["wire", "first", "copy"]


def test_dossier_quote_cites_a_copy_that_cut_it_short_or_lost_its_speaker() -> None:
    from dataclasses import replace

    from newsprism.records import Quote

    arts = [_article(i, [S1], T[k], o, "Dam gate fails") for k, (i, o) in
            enumerate((("first", "Harbour Gazette"), ("wire", "Nordic Press Agency"), ("copy", "Valley Courier")))]
    whole = "About 1,200 residents of Varnholm were evacuated before the gate gave way"
    said = {"first": (whole, "Elin Marsh"), "wire": (whole, None), "copy": (whole[:49], "Elin Marsh")}
    ana = [replace(_analysis(a.article_id, [S1]), quotes=(Quote(a.article_id, said[a.article_id][0], 0,
                   len(said[a.article_id][0]), "direct", speaker=said[a.article_id][1]),)) for a in arts]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 3, ("first", "wire", "copy"))]
    copies = Copies((), (), ())
    d = build("s1", arts, ana, ents, copies, align(arts, ana, ents, copies))
    (sq,) = d.quotes
    (entry,) = sq.quotes
    assert sq.speaker == "Elin Marsh" and entry.text == whole
    assert sorted(c.article_id for c in (entry.citation, *entry.also)) == ["copy", "first", "wire"]
