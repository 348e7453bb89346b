"""analyse: stage logic on fictional texts.

Most tests use a blank spaCy pipeline (tokenizer + newsprism's ruler) or
hand-built Docs; those that need the parser and NER (``@parsed``) run on the
model's cached parses of their texts (``tests/_parses.py``), not on the model.
"""

from __future__ import annotations

from datetime import datetime

import pytest
import spacy
from spacy.tokens import Doc

from _parses import parses  # noqa: F401  (the fixture)
from _support import KST
from newsprism import Settings
from newsprism.analyse import add_ruler, analyse, load_model
from newsprism.errors import ModelError
from newsprism.resolve import load_packs

#: The test parses its invented texts through the cache (tests/_parses.py), not the model.
parsed = pytest.mark.usefixtures("parses")


# ------------------------------------------------------------ entities


def test_analyse_tags_equipment_the_model_does_not(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    a = make_article("The Tupolev Tu-160 and a MiG-31I carried a Kinzhal past an S-400 battery.")
    (result,) = analyse([a], nlp=blank)
    equipment = [(m.text, m.pack_id) for m in result.mentions if m.label == "EQUIPMENT"]
    assert equipment == [("Tupolev Tu-160", "tu-160"), ("MiG-31I", "mig-31i"), ("Kinzhal", "kh-47m2"),
                         ("S-400", "s-400")]


def test_analyse_unknown_designation_by_pattern(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    (result,) = analyse([make_article("A Su-30SM2 landed; the B-1 visa office closed.")], nlp=blank)
    assert [(m.text, m.pack_id) for m in result.mentions] == [("Su-30SM2", None)]


def test_analyse_spans_point_into_each_field(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    a = make_article("Officials met in Pyongyang.\n\nLater Sergei Shoigu left.", title="Kim Jong-un visits Vladivostok",
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


def test_analyse_keeps_order_and_ids(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    articles = [make_article(f"Text number {i}.", article_id=f"id{i}") for i in range(5)]
    assert [r.article_id for r in analyse(articles, Settings(analyse_batch_size=2), nlp=blank)] == \
        ["id0", "id1", "id2", "id3", "id4"]


def test_analyse_description_mention(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    (result,) = analyse([make_article("Kim Jong Un smiled. The North Korean leader waved.")], nlp=blank)
    desc = [m for m in result.mentions if m.kind == "description"]
    assert [(m.text, m.pack_id) for m in desc] == [("The North Korean leader", "kim-jong-un")]


def test_analyse_unknown_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match=r"spaCy pipeline 'no_such_pipeline_x' is not installed .*set spacy_model"):
        load_model(Settings(spacy_model="no_such_pipeline_x"))


# ------------------------------------------------------------ times


# ------------------------------------------------------------ quotes


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


@parsed
def test_analyse_weekday_of_the_publication_day_is_that_day(make_article) -> None:
    tuesday = datetime(2025, 3, 11, 10, 20, tzinfo=KST)
    a = make_article("The minister said she would travel to the town on Tuesday. The gate failed on Monday night.",
                 published=tuesday)
    (result,) = analyse([a])
    values = {t.text: t.value for t in result.times}
    assert values["Tuesday"] == "2025-03-11"
    assert values["Monday night"] == "2025-03-10"


@parsed
def test_hyphenated_names_are_one_entity_and_prefixes_are_not_names() -> None:
    nlp = load_model()
    doc = nlp("Rescuers reached the northern city of Mazar-i-Sharif on Monday. "
              "Crowds marched to an anti-Donald Trump rally in the US-led zone.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert "Mazar-i-Sharif" in ents and ents["Mazar-i-Sharif"] in ("GPE", "LOC")
    assert "Mazar" not in ents
    assert "Donald Trump" in ents and "anti-Donald Trump" not in ents
    assert not any(t.startswith("US-") for t in ents)  # "US-led" is a word, not a name


@parsed
def test_hyphen_names_leave_alias_pack_matches_alone() -> None:
    doc = load_model()("Shelling hit Kyiv-Sviatoshynskyi district on Monday.")
    kyiv = [e for e in doc.ents if e.text.startswith("Kyiv")]
    assert [(e.text, e.ent_id_) for e in kyiv] == [("Kyiv", "kyiv")]  # the pack's name keeps its id


def test_times_of_day_clock_times_are_time_entities(blank: spacy.language.Language) -> None:
    doc = blank("The tram derailed at 6.10am and the line reopened at 7 PM, not at 19 or 25:10am.")
    assert [(e.text, e.label_) for e in doc.ents] == [("6.10am", "TIME"), ("7 PM", "TIME")]


@parsed
def test_clock_times_the_model_mislabels_become_times_and_its_own_stay() -> None:
    nlp = load_model()
    doc = nlp("The attack happened at around 11:30pm local time. The tram derailed at 6.10am on Wednesday. "
              "Updated at 9:50 p.m. ET Thursday.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["11:30pm"] == "TIME" and ents["6.10am"] == "TIME"  # the model: EVENT and CARDINAL
    assert ents["9:50 p.m. ET"] == "TIME"  # the model's longer span is kept


def test_a_day_and_its_part_are_one_time(hand_doc) -> None:
    from newsprism.analyse import _times_of_day

    doc = hand_doc(["Gates", "closed", "on", "Tuesday", "night", "and", "Friday", ",", "morning", "came"],
                   ["O", "O", "O", "B-DATE", "B-TIME", "O", "B-DATE", "O", "B-TIME", "O"])
    doc = _times_of_day(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Tuesday night", "TIME"), ("Friday", "DATE"),
                                                      ("morning", "TIME")]  # only parts right after the day


def test_times_of_day_leaves_dates_money_and_numbers_after_no(hand_doc) -> None:
    from newsprism.analyse import _times_of_day

    doc = _times_of_day(hand_doc(["It", "ended", "9:50", "p.m.", "ET", "Thursday"], ["O", "O", "B-TIME", "I-TIME", "I-TIME",
                                                                                "B-DATE"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("9:50 p.m. ET", "TIME"), ("Thursday", "DATE")]
    doc = _times_of_day(hand_doc(["The", "4.50pm", "from", "Paddington"], ["B-WORK_OF_ART", "I-WORK_OF_ART",
                                                                      "I-WORK_OF_ART", "I-WORK_OF_ART"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("The 4.50pm from Paddington", "WORK_OF_ART")]
    doc = _times_of_day(hand_doc(["at", "8.30am", ",", "police", "said"], ["O", "B-ORG", "O", "O", "O"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("8.30am", "TIME")]  # a clock the model took for a name
    for words in (["Outside", "No", "10", "pm", "today"], ["Tickets", "cost", "£", "7", "pm"],
                  ["I", "am", "19", "am", "I", "right"]):
        assert not _times_of_day(hand_doc(words, ["O"] * len(words))).ents
    # a number or quantity around a clock is the time; a part of the day the resolver cannot read stays apart
    doc = _times_of_day(hand_doc(["open", "between", "7am", "and", "10pm"], ["O", "B-QUANTITY", "I-QUANTITY", "I-QUANTITY",
                                                                        "I-QUANTITY"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("between 7am and 10pm", "TIME")]
    doc = _times_of_day(hand_doc(["held", "Wednesday", "midday"], ["O", "B-DATE", "B-TIME"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Wednesday", "DATE"), ("midday", "TIME")]


@parsed
def test_a_day_and_its_part_resolve_as_one_time(make_article) -> None:
    a = make_article("The gate was closed late on Tuesday night, the authority said on Wednesday morning.")
    (result,) = analyse([a])
    assert {t.text: t.value for t in result.times} == {"Tuesday night": "2023-09-12", "Wednesday morning": "2023-09-13"}


@parsed
def test_analyse_one_type_per_name_from_its_mentions(make_article) -> None:
    body = ("Rolf Aske, the ferry operator in Tarnvik, said the crossing would resume.\n\n"
            "Tarnvik has no other road link. Aske said boats from Tarnvik would run every hour.\n\n"
            "Residents in Tarnvik queued at the quay.")
    (result,) = analyse([make_article(body)])
    labels = {m.text: m.label for m in result.mentions if m.kind == "name"}
    assert labels.get("Tarnvik") in ("GPE", "LOC")
    assert {m.label for m in result.mentions if m.text == "Tarnvik"} == {labels["Tarnvik"]}
    assert labels.get("Aske") == "PERSON"


@parsed
def test_analyse_a_business_noun_or_a_longer_name_makes_a_name_an_organisation(make_article) -> None:
    body = ("Analysts expect a hard year. The chipmaker Brekkum said on Monday it would cut prices. Brekkum sold "
            "fewer chips in May, and Brekkum lost money.\n\n"
            "Solberg Energy Corp reported a loss on Friday. Solberg said it would close two plants in Lindvik, "
            "and Solberg expects more cuts.")
    (result,) = analyse([make_article(body)])
    labels = {(m.text, m.label) for m in result.mentions if m.kind == "name" and m.text in ("Brekkum", "Solberg")}
    assert labels == {("Brekkum", "ORG"), ("Solberg", "ORG")}


@parsed
def test_analyse_a_given_name_alone_is_the_full_name_the_article_gives(make_article) -> None:
    from newsprism.resolve import resolve

    body = ("Ylva Tennvik, 16, was charged on Monday with assault.\n\n"
            "Her father Bassem said she was upset when the soldiers came to the house. Bassem said the charges "
            "were political.\n\nBassem told reporters the family would appeal.\n\n"
            "Bassem Tennvik, 49, has led the protests in the village for eight years.")
    res = resolve(analyse([make_article(body)]))
    names = {e.entity_id: e.name for e in res.entities}
    got = {(m.text, names.get(m.entity_id or "")) for m in res.analyses[0].mentions if m.kind == "name"}
    assert got == {("Ylva Tennvik", "Ylva Tennvik"), ("Bassem", "Bassem Tennvik"), ("Bassem Tennvik", "Bassem Tennvik")}


@parsed
def test_analyse_place_before_a_unit_noun_names_the_unit(make_article) -> None:
    body = ("The admiral inspected a warship of the Pacific fleet at the base. Moscow's Pacific fleets "
            "are based there.")
    (result,) = analyse([make_article(body)])
    assert not [m for m in result.mentions if m.text == "Pacific"]


@parsed
def test_analyse_place_and_person_evidence_beats_the_model(make_article) -> None:
    body = ("The lighthouse at Cape Halvard was closed. Vessa's lawyer said the charges were false.\n\n"
            "Deploying Thaad batteries near the coast was discussed. Vessa denied the charges.")
    (result,) = analyse([make_article(body)])
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


def test_analyse_one_failing_article_is_a_problem_naming_it_and_the_others_go_on(monkeypatch, make_article) -> None:  # type: ignore[no-untyped-def]
    import newsprism.analyse as an

    real = an._analyse_doc

    def flaky(doc, article, *args):  # type: ignore[no-untyped-def]
        if article.article_id == "bad":
            raise IndexError("list index out of range")
        return real(doc, article, *args)

    monkeypatch.setattr(an, "_analyse_doc", flaky)
    nlp = spacy.blank("en")
    add_ruler(nlp, load_packs())
    articles = [make_article("The dam held on Monday.", article_id=i) for i in ("a1", "bad", "a3")]
    out: list = []
    results = tuple(an.iter_analyse(articles, Settings(), nlp, problems=out))
    assert [r.article_id for r in results] == ["a1", "a3"]
    assert [(p.path, p.reason) for p in out] == [
        ("bad", "analysis failed (IndexError: list index out of range); the other articles were analysed")]
    with pytest.raises(IndexError):
        analyse(articles, nlp=nlp)


def test_analyse_a_text_over_the_model_limit_is_a_problem_and_the_batch_goes_on(make_article) -> None:  # type: ignore[no-untyped-def]
    import newsprism.analyse as an

    nlp = spacy.blank("en")
    add_ruler(nlp, load_packs())
    nlp.max_length = 200  # spaCy refuses longer texts, and its refusal would stop the whole batch
    articles = [make_article("The dam held on Monday.", article_id="a1"),
                make_article("The dam held. " * 40, article_id="long"),
                make_article("The river fell on Tuesday.", article_id="a3")]
    out: list = []
    results = tuple(an.iter_analyse(articles, Settings(), nlp, problems=out))
    assert [r.article_id for r in results] == ["a1", "a3"]
    assert [p.path for p in out] == ["long"]
    assert "over the model's limit of 200" in out[0].reason and articles[1].source in out[0].reason


@parsed
def test_analyse_a_compound_word_opening_a_caption_is_no_name(make_article) -> None:
    article = make_article("The flood reached the lower town on Tuesday and the water rose through the night "
                               "in Lindvik.",
                               captions=("Floodwater covers the harbour road in Lindvik's lower town on Tuesday "
                                         "morning.",))
    (result,) = analyse([article])
    assert "Floodwater" not in {m.text for m in result.mentions}


@parsed
def test_analyse_a_name_before_a_building_noun_is_a_facility(make_article) -> None:
    (result,) = analyse([make_article("All 38 residents of the Brennmoen care home in Lindvik were taken out by boat "
                                  "on Tuesday.")])
    assert {m.text: m.label for m in result.mentions}.get("Brennmoen") == "FAC"


@parsed
def test_analyse_a_name_ends_before_a_clause_word(make_article) -> None:
    (result,) = analyse([make_article("The river fell at Lindvik on Tuesday.", title="River falling at Lindvik as "
                                  "Brenna gate is closed")])
    assert not [m for m in result.mentions if " as " in m.text]


def test_analyse_compound_of_two_lower_case_words() -> None:
    from newsprism.analyse import _compound_of

    assert _compound_of("floodwater", {"flood", "water"})
    assert not _compound_of("solbacken", {"flood", "water", "sol"})



@pytest.mark.parametrize(
    ("words", "name"),
    [("Comedian Nils Vang", "Nils Vang"), ("Dr. Lund", "Lund"), ("Deputy Sheriff Ada Rask", "Ada Rask"),
     ("GM Ola Pace", "Ola Pace"),
     ("Pope Linus", "Pope Linus"), ("King Harald", "King Harald"), ("Son Heung-min", "Son Heung-min")],
    ids=["role", "honorific", "two-titles", "office", "pope-kept", "king-kept", "surname-noun-kept"],
)
def test_analyse_a_title_taken_into_a_person_name_is_cut(words: str, name: str) -> None:
    from spacy.tokens import Span

    from newsprism.analyse import _trim

    doc = spacy.blank("en")(f"{words} spoke.")
    doc.ents = [Span(doc, 0, len(doc) - 2, label="PERSON")]
    trimmed = _trim(doc.ents[0])
    assert trimmed is not None and trimmed.text == name


def test_analyse_a_headline_name_run_on_takes_the_names_the_sentence_case_parse_finds() -> None:
    from spacy.tokens import Span

    from newsprism.analyse import _headline_ents

    nlp = spacy.blank("en")
    doc = nlp("Vang Leaves Lund Hospital\n\nNils Vang left the Lund hospital.")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 5, 7, label="PERSON")]  # "Vang Leaves Lund"
    title = nlp("Vang leaves Lund hospital")
    title.ents = [Span(title, 0, 1, label="PERSON"), Span(title, 2, 3, label="GPE")]
    assert [(e.text, e.label_) for e in _headline_ents(doc, title)] == [
        ("Vang", "PERSON"), ("Lund", "GPE"), ("Nils Vang", "PERSON")]
    untouched = nlp("Vang leaves hospital")  # no name inside the run-on: it stays
    assert [e.text for e in _headline_ents(doc, untouched)] == ["Vang Leaves Lund", "Nils Vang"]
    assert [e.text for e in _headline_ents(doc, None)] == ["Vang Leaves Lund", "Nils Vang"]


@parsed
def test_analyse_a_company_spelling_is_no_person(make_article) -> None:
    body = "The photos were first published by DRONEX, the site said. Officials told DRONEX the tests went well."
    (result,) = analyse([make_article(body)])
    assert {m.label for m in result.mentions if m.text == "DRONEX"} == {"ORG"}


def test_spellings_no_persons_name_has() -> None:
    from newsprism.analyse.rules import NOT_A_PERSON_SPELLING_RE as spelling

    assert all(spelling.match(w) for w in ("SpaceX", "PayPal", "YouTube", "LinkedIn", "CNET"))
    assert not any(spelling.match(w) for w in ("McCain", "DeAndre", "LeBron", "MacArthur", "DiCaprio", "AJ", "Olsen"))


@parsed
def test_analyse_a_paper_named_daily_is_an_organisation(make_article) -> None:
    body = "Officials read Harbin Daily. Harbin Daily is read by officials."
    (result,) = analyse([make_article(body)])
    assert {m.label for m in result.mentions if m.text == "Harbin Daily"} == {"ORG"}


@parsed
def test_analyse_a_name_ends_before_on_and_a_platform(make_article) -> None:
    body = "Fans of Tomas Eklund on Instagram shared the video. Eklund said he was surprised."
    (result,) = analyse([make_article(body)])
    names = {m.text for m in result.mentions if m.kind == "name"}
    assert "Tomas Eklund" in names
    assert not [n for n in names if n.endswith(" on")]
