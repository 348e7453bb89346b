"""analyse.event: the main event (who, what, when, where) of fictional articles.

Most tests run on the model's parses of their texts (cached: ``tests/_parses.py``): the rules read its parse. A
few build Docs by hand.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from _support import assert_event_spans, main_event_of
from newsprism.analyse import Layout, analyse, load_model
from newsprism.analyse.event import main_event


def test_analyse_main_event_from_title_and_lead(make_article) -> None:
    a = make_article("Rescuers in Halden worked through the night on Saturday to free the trapped miners.",
                     title="Rescuers free trapped miners in Halden")
    (result,) = analyse([a])
    ev = result.event
    assert ev.who is not None and ev.who.text == "Rescuers" and ev.who.field == "title"
    assert ev.what is not None and ev.what.text == "free trapped miners"
    assert ev.where is not None and ev.where.text == "Halden"
    assert ev.when is not None and ev.when.text == "Saturday" and ev.when_value == "2023-09-16"


def test_analyse_main_event_nominal_headline(make_article) -> None:
    a = make_article("Firefighters worked through the night on Saturday in Tallinn.",
                     title="Tallinn harbour fire: new details")
    ev = analyse([a])[0].event
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("harbour fire", "title")
    assert ev.who is not None and ev.who.text == "Firefighters"


def test_analyse_main_event_reported_clause_and_dateline(make_article) -> None:
    a = make_article("HALDEN, Sep 16 (Reuters) - Police said that a ferry sank on Saturday.")
    ev = analyse([a])[0].event
    assert ev.what is not None and ev.what.text == "sank"  # the reported event, not "said"
    assert ev.who is not None and ev.who.text == "a ferry"
    assert ev.where is not None and ev.where.text == "HALDEN"  # the dateline: no place phrase in the lead
    assert ev.when is not None and ev.when.text == "Saturday"
    assert_event_spans(a, ev)


def test_analyse_main_event_headline_shorthand(make_article) -> None:
    body = "The ferry sank near the harbour on Saturday."
    label = make_article(body, title="Norway: Deadly ferry fire near Halden")
    outcome = make_article(body, title="Two dead and dozens injured after ferry sinks off Halden", article_id="a2")
    passive = make_article(body, title="Ferry victims named as inquiry opens", article_id="a3")
    ev_label, ev_outcome, ev_passive = (r.event for r in analyse([label, outcome, passive]))
    assert ev_label.what is not None and ev_label.what.text == "Deadly ferry fire"
    assert ev_outcome.what is not None and ev_outcome.what.text == "Two dead and dozens injured"
    assert ev_passive.what is not None and ev_passive.what.text == "named"
    for art, ev in ((label, ev_label), (outcome, ev_outcome), (passive, ev_passive)):
        assert ev.what is not None and ev.what.field == "title"
        assert_event_spans(art, ev)


def test_main_event_headline_verb_the_model_took_for_a_noun(make_article) -> None:
    """The small model's headline parse: "stages" a noun, "protest" the verb; the lead says "staged a protest"."""
    title = "Lady Vera stages protest outside Halden Tower"
    body = "Lady Vera staged a protest ."
    a = make_article(body, title=title)
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
    on = main_event(doc, a.article_id, layout, ())
    assert on.what is not None and (on.what.text, on.what.field, on.what.rule) == (
        "stages protest", "title", "headline word of the lead's verb")
    assert_event_spans(a, on)


def test_main_event_reads_a_title_case_headline_in_sentence_case_and_keeps_its_text(make_article) -> None:
    from newsprism.analyse import headline_doc

    body = ("HALDEN, Norway -- Rebels struck the Harbour Depot in the northern city of Halden on Monday, "
            "officials of the Norwegian Coast Guard said.")
    a = make_article(body, title="Rebels Strike Harbour Depot in Northern City of Halden")
    assert headline_doc(load_model(), a) is not None
    ev = analyse([a])[0].event
    assert ev.what is not None and ev.what.field == "title"
    assert ev.what.text.startswith("Strike")  # read as the verb, in the article's own casing
    assert_event_spans(a, ev)


def test_main_event_name_cut_at_an_inner_article_or_a_circumstance() -> None:
    from spacy.tokens import Span

    from newsprism.analyse.event.who import name_part as _name_part

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


def test_main_event_headline_clauses_split_at_a_semicolon_and_a_dateline_date_is_the_filing(make_article) -> None:
    a = make_article("VARNHOLM, March 11 (NPA) — About 1,200 residents of the river town of Varnholm were evacuated "
                     "overnight after a spillway gate at the Tormund Dam failed on Monday night, local authorities "
                     "said on Tuesday.",
                     title="Spillway gate fails at Tormund Dam, flooding Esk river town; 1,200 evacuated")
    ev = main_event_of(a)
    # the model makes "evacuated" the headline's root; the first clause is the event
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("fails at Tormund Dam", "title")
    # "March 11" of the dateline is when the wire filed, not a date told of the headline's "evacuated"
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Monday night", "date of a headline word")


def test_main_event_a_headline_future_after_a_label(make_article) -> None:
    a = make_article("The company plans a test flight of its largest rocket from Halden later this month.",
                     title="Lena Voss: Boeing to launch Tormund rocket this month")
    ev = main_event_of(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("to launch Tormund rocket",
                                                                    "headline clause")
    # "a"/"another" name and an infinitive is no future
    for n, title in enumerate(("A Christmas to Remember", "Obama: Another Chance to Lead")):
        other = main_event_of(make_article("Fans celebrated in Halden on Monday.", title=title, article_id=f"b{n}"))
        assert other.what is not None and not other.what.text.startswith("to "), title


def test_main_event_reads_as_many_lead_sentences_as_the_analyse_section_says(tmp_path, make_article) -> None:  # type: ignore[no-untyped-def]
    from newsprism.settings import Settings

    a = make_article("The council met on Monday. It voted to close the bridge. Divers searched the river in Halden.",
                     title="Council votes to close bridge")
    (default,) = analyse([a])
    assert default.event.where is not None and default.event.where.text == "Halden"
    f = tmp_path / "s.toml"
    f.write_text("[analyse]\nlead_sentences = 1\nwhen_sentences = 1\n", encoding="utf-8")
    (short,) = analyse([a], Settings.load(f))
    assert short.event.where is None
