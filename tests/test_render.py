"""render: what the renderers share (source names, cuts, plurals), the article renderers against golden
files (pytest --update-golden rewrites them), and what every dossier renderer shows alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _support import DEMO, FLOOD_TIMES, FLOOD_WIRE
from newsprism import Prism, Settings
from newsprism.claims import align
from newsprism.copies import Copies
from newsprism.dossier import build
from newsprism.records import Analysis, Entity, Event, Quantity, RelatedEntity, Relation
from newsprism.render import article_dict, article_text
from newsprism.render.html import story_page
from newsprism.render.json import dossier_dict
from newsprism.render.markdown import dossier_markdown


def _demo_article(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    with Prism(db=tmp_path / "g.db", settings=Settings()) as prism:
        (aid,) = prism.ingest([str(DEMO / name)]).added
        return prism.article(aid)


def test_render_article_text(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    a = _demo_article(tmp_path, "harbour-gazette.txt")
    text = article_text(a).replace(str(DEMO), "examples/demo")
    golden("harbour-gazette.txt", text)


def test_render_article_json(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    a = _demo_article(tmp_path, "harbour-gazette.txt")
    data = article_dict(a)
    data["source"] = "examples/demo/harbour-gazette.txt"
    golden("harbour-gazette.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_render_json_writes_an_entity_relation_as_kind_and_name(story_article, story_analysis) -> None:
    arts = [story_article("wire", [FLOOD_WIRE], FLOOD_TIMES[0], "Nordic Press Agency", "Dam gate fails")]
    ana = [story_analysis("wire", [FLOOD_WIRE])]
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


def test_render_names_a_copy_by_its_origin_outlet_everywhere(flood_story) -> None:
    d, arts = flood_story()
    page = story_page(d, arts)
    assert "<td>copy of Nordic Press Agency</td>" in page
    md = dossier_markdown(d)
    assert "| copy of Nordic Press Agency | Nordic Press Agency |" in md
    assert "| copy of wire" not in md and "| wire:NPA |" not in md


def _sources(*rows: tuple[str, str | None, str, str, str | None]):  # type: ignore[no-untyped-def]
    from newsprism.dossier import Source

    return tuple(Source(aid, outlet, None, None, None, origin, role, copy_of, ())
                 for aid, outlet, origin, role, copy_of in rows)


def test_render_source_names_one_name_per_origin(flood_story) -> None:
    import dataclasses

    from newsprism.render import source_names

    d, _ = flood_story()
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


def test_render_what_one_source_adds_is_in_markdown_and_html(story_article) -> None:
    sa = "The Varnholm dam gate was lowered by a crane brought from Kessford overnight."
    sb = "Overnight a crane from Kessford lowered the Varnholm dam gate, 40 tonnes of steel."
    arts = [story_article("a", [sa], FLOOD_TIMES[0], "Island Post", "Gate lowered"),
            story_article("b", [sb], FLOOD_TIMES[1], "Coast Times", "Crane lowers gate")]
    start = sb.index("40 tonnes")
    ana = [Analysis("a", "test", ((0, len(sa)),), (), (), (), (), Event("a")),
           Analysis("b", "test", ((0, len(sb)),), (), (),
                    (Quantity("b", "40 tonnes", start, start + 9, 40, 40, "tonnes", "t", 40, 40),), (), Event("b"))]
    copies = Copies((), ())
    d = build("s2", arts, ana, [], copies, align(arts, ana, [], copies))
    assert [(det.kind, det.value) for det in d.details] == [("quantity", "40 tonnes")]
    assert "adds the quantity **40 tonnes**" in dossier_markdown(d)
    assert "adds the quantity <b>40 tonnes</b>" in story_page(d, arts)
