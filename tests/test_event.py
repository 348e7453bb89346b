"""analyse.event: the main event (who, what, when, where) of fictional articles.

Most tests load the real model (``model`` marker): the rules read its parse. A few build Docs by hand.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from _support import make_article, needs_model
from newsprism.analyse import Layout, analyse, load_model
from newsprism.analyse.event import main_event, sentence_case
from newsprism.analyse.event.where import widen
from newsprism.analyse.times import times
from newsprism.records import Article

_article = make_article


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
def test_main_event_a_clock_time_without_a_date_answers_when() -> None:
    from newsprism.analyse import doc_text

    a = _article("A gunman opened fire near the market.\n\nThe shooting unfolded shortly before 7 pm.")
    doc = load_model()(doc_text(a))
    layout = Layout.of(a)
    tr = times(doc, a, layout, None)
    on = main_event(doc, a.article_id, layout, tr)
    assert on.when is not None and "7 pm" in on.when.text and on.when.rule == "time of day"
    assert on.when_value is None  # a time of day with no date resolves to no day
    _event_parts_are_spans(a, on)


def test_main_event_headline_verb_the_model_took_for_a_noun() -> None:
    """The small model's headline parse: "stages" a noun, "protest" the verb; the lead says "staged a protest"."""
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
    on = main_event(doc, a.article_id, layout, ())
    assert on.what is not None and (on.what.text, on.what.field, on.what.rule) == (
        "stages protest", "title", "headline word of the lead's verb")
    _event_parts_are_spans(a, on)


def test_sentence_case_lowers_title_case_words_the_body_does_not_capitalise() -> None:

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


def test_sentence_case_knows_a_name_with_a_possessive_or_a_full_stop() -> None:

    assert sentence_case("Council Blocks Dahl's Harbour Plan", "The council voted against the plan Dahl made.") \
        == "Council blocks Dahl's harbour plan"
    assert sentence_case("Storm Floods Villages Near Halden", "Water reached the villages near Halden.") \
        == "Storm floods villages near Halden"
    # days and months are names whatever the body writes ("March" is a verb too and follows the body)
    assert sentence_case("Regulator Clears Shipping Firm Days After Tuesday's Vote In October", "No date here.") \
        == "Regulator clears shipping firm days after Tuesday's vote In October"
    assert sentence_case("Crowds March Through Halden Streets", "They walked to Halden.") \
        == "Crowds march through Halden streets"


def _event(a: Article):  # type: ignore[no-untyped-def]
    """The main event of ``a``, read as analyse() reads it, its parts checked as spans."""
    from newsprism.analyse import doc_text, headline_doc

    nlp = load_model()
    doc = nlp(doc_text(a))
    layout = Layout.of(a)
    ev = main_event(doc, a.article_id, layout, times(doc, a, layout, None), title_doc=headline_doc(nlp, a))
    _event_parts_are_spans(a, ev)
    return ev


@needs_model
def test_main_event_where_a_country_gives_way_to_a_city_in_it() -> None:
    a = _article("A car bomb exploded outside the consulate in Norway late on Friday. The blast was heard across "
                 "the northern city of Tromso, officials said.", title="Car bomb hits consulate in Norway")
    on = _event(a)
    assert on.where is not None and (on.where.text, on.where.rule) == ("Tromso", "place inside the country")
    wider = _article("A car bomb exploded outside the consulate in Norway late on Friday. It was the worst attack "
                     "in Europe this year, officials said.", title="Car bomb hits consulate in Norway")
    assert _event(wider).where is not None and _event(wider).where.text == "Norway"  # not "Europe"


@needs_model
def test_main_event_when_a_date_modifying_a_noun_names_another_event() -> None:
    a = _article("Lena Dahl blamed the regulator for her defeat in Tuesday's vote during a call with donors "
                 "on Saturday.")
    on = _event(a)
    assert on.when is not None and (on.when.text, on.when.rule) == ("Saturday", "date in the first sentence")
    # last even when its noun is the headline's ("vote")
    titled = _article(a.paragraphs[0], title="Lena Dahl blames regulator over vote defeat", article_id="a2")
    ev = _event(titled)
    assert ev.when is not None and ev.when.text == "Saturday"


@needs_model
def test_main_event_when_prefers_the_date_of_the_headline_event() -> None:
    a = _article("The death toll at the harbour depot rose to six on Friday. Rebels bombed the depot late on "
                 "Thursday, officials said.", title="Rebels bomb harbour depot in Halden")
    on = _event(a)
    assert on.when is not None and (on.when.text, on.when.field, on.when.rule) == (
        "Thursday", "body", "date of a headline word")


@needs_model
def test_main_event_when_a_time_counted_from_an_event_in_the_headline_or_first_sentence() -> None:
    titled = _article("The regulator said its review of the accounts found no breach. The board met the inspectors "
                      "in Halden on Saturday.", title="Regulator clears Nordic Shipping two days before vote")
    ev = _event(titled)
    # before a date further down the lead; no day is named, so no value
    assert ev.when is not None and (ev.when.text, ev.when.field, ev.when.rule) == (
        "two days before vote", "title", "time relative to an event")
    assert ev.when_value is None
    # the model hangs "after the blast" on the count here; still the same time
    hung = _article("Police arrived at the depot three hours after the blast. Rebels claimed the attack on "
                    "Saturday.", article_id="a2")
    ev = _event(hung)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == (
        "three hours after the blast", "time relative to an event")
    # a date of the first sentence still comes first
    dated = _article("The regulator said on Sunday that its review found no breach, two days before the vote. The "
                     "board met the inspectors on Saturday.", article_id="a3")
    ev = _event(dated)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date in the first sentence")
    # no count ("just days before"), years, which date no event of the news, or a period ("the two days")
    for i, body in enumerate(("The regulator cleared the firm just days before the vote.",
                              "The Halden Hawks won the cup for the first time in 58 years after a thrilling final.",
                              "Shares in Nordic Shipping fell 3 percent in the two days after the vote.")):
        ev = _event(_article(body + " Fans crowded the square on Saturday.", article_id=f"b{i}"))
        assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Saturday", "date later in the lead")


@needs_model
def test_main_event_when_a_time_counted_from_an_event_after_a_dateline_and_before_other_dates() -> None:
    def when(body: str, title: str | None = None) -> tuple[str, str, str | None]:
        ev = _event(_article(body, title=title))
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
    on = _event(relative)
    assert on.when is not None and on.when.text == "Thursday"  # an infinitive ("to meet") is no background
    since = _article("Crowds have marched in Halden every night since the result was confirmed on Wednesday. "
                     "Police named the three organisers of the march on Saturday afternoon.", article_id="a2")
    ev = _event(since)
    # "Saturday" and "afternoon", tagged as two names, are one answer, valued by its day
    assert ev.when is not None and ev.when.text == "Saturday afternoon" and ev.when_value == "2023-09-16"
    assert ev.when.rule == "date later in the lead"  # not "date modifying a noun": "afternoon" is that day's


@needs_model
def test_main_event_no_headline_actor_from_whom_others_oppose() -> None:
    a = _article("Five people were hurt after a shooting near the protest.",
                 title="Five hurt in Halden near protests against Lena Dahl's election victory")
    ev = _event(a)
    assert ev.who is None or "Dahl" not in ev.who.text
    anti = _article("Five people were hurt after a shooting near the protest.",
                    title="Five shot in Halden close to anti-Lena Dahl protest", article_id="a2")
    ev = _event(anti)
    assert ev.who is None or "Dahl" not in ev.who.text
    acting = _article("Five people were hurt after a shooting near the protest.",
                      title="Lena Dahl visits Halden after shooting", article_id="a3")
    assert _event(acting).who.text == "Lena Dahl"


@needs_model
def test_main_event_what_the_lead_event_as_the_headline_words_it() -> None:
    # the model finds no main verb in the headline ("lead" a noun): the lead's "led the celebrations" says
    a = _article("Fans sang in the streets. Lena Dahl and Erik Lund led the celebrations as Halden FC ended their "
                 "50-year curse.", title="Lena Dahl and Erik Lund lead celebrations as Halden FC end 50-year curse")
    on = _event(a)
    assert on.what is not None and (on.what.text, on.what.field, on.what.rule) == (
        "lead celebrations", "title", "headline words of the lead's event")


@needs_model
def test_main_event_when_a_time_of_day_takes_its_date_and_a_status_time_comes_last() -> None:
    a = _article("Two trucks collided near the harbour in Halden. The crash happened at 6.10am on Saturday, "
                 "police said.")
    ev = _event(a)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("6.10am on Saturday", "time of day and its date")
    assert ev.when_value == "2023-09-16"
    status = _article("Two people were still trapped in the wreck as of 11.30am. The trucks collided near Halden "
                      "on Saturday.", article_id="a2")
    on = _event(status)
    assert on.when is not None and on.when.text == "Saturday"


@needs_model
def test_main_event_what_keeps_both_quote_marks() -> None:
    a = _article("A woman who was on the ferry said she saw chaos on the deck.",
                 title="Ferry survivor describes 'chaos' which left two dead")
    ev = _event(a)
    assert ev.what is not None and ev.what.text == "describes 'chaos'"
    # a quote opened in the what is closed in it, even where the model tags the closing mark a possessive
    for n, (title, what) in enumerate((("Minister slams 'reckless plans'", "slams 'reckless plans'"),
                                       ("Mayor promises 'a new start'", "promises 'a new start'"))):
        ev = _event(_article("Officials said so on Monday.", title=title, article_id=f"b{n}"))
        assert ev.what is not None and ev.what.text == what


@needs_model
def test_main_event_what_a_word_in_s_before_the_lead_object() -> None:
    # "rams" tagged a noun: the lead's "drove a van" has the headline's object, so "rams van" is the event
    body = "Three officers were hurt. A man drove a van into the police station in Halden on Monday."
    a = _article(body, title="Halden bomber rams van into police station")
    on = _event(a)
    assert on.what is not None and (on.what.text, on.what.rule) == ("rams van", "headline words of the lead's event")
    # not where the body uses the word as a noun ("Halden roads bridge opening")
    rams = _article(body + " The rams painted on the station's sign were damaged.",
                    title="Halden bomber rams van into police station", article_id="a2")
    assert _event(rams).what is not None and _event(rams).what.text != "rams van"
    # nor from a circumstance of the headline ("after crews clear roads")
    after = _article("Residents cheered. Crews cleared the roads on Monday.",
                     title="Relief in Halden after crews clear roads", article_id="a3")
    ev = _event(after)
    assert ev.what is not None and ev.what.rule != "headline words of the lead's event"


@needs_model
def test_main_event_when_default_reads_the_main_clause_and_not_a_modal_relative_clause() -> None:
    a = _article("Erik Lund, who will meet the mayor on Thursday, won the vote on Wednesday.")
    ev = _event(a)
    assert ev.when is not None and ev.when.text == "Wednesday"  # "will meet" is a relative clause, no infinitive
    until = _article("Six people were killed when a tram derailed on Wednesday. Their names were unknown until "
                     "Saturday.", article_id="a2")
    ev = _event(until)
    assert ev.when is not None and ev.when.text == "Saturday"  # "until" dates the change: no status time


@needs_model
def test_main_event_a_time_of_day_takes_only_a_date_right_after_it() -> None:
    said = _article("The fire started at 4.20am, officials said on Friday.")
    ev = _event(said)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("4.20am", "time of day")
    # a month is no part of a day: "Saturday's march" still modifies a noun
    march = _article("Crowds joined Saturday's march. Two men were detained in Halden on Sunday.", article_id="a2")
    assert _event(march).when is not None and _event(march).when.text == "Sunday"


@needs_model
def test_main_event_what_a_possessive_apostrophe_is_no_quote_mark() -> None:
    a = _article("Officers were seen at the house on Monday.", title="'Police search the Dahls' home' in Halden")
    ev = _event(a)
    assert ev.what is not None and ev.what.text == "search the Dahls' home"


@needs_model
def test_main_event_what_an_opening_quote_parsed_as_case_is_still_a_quote() -> None:
    a = _article("The mayor spoke on Monday.", title="Mayor slams 'thugs' in Halden")
    assert _event(a).what is not None and _event(a).what.text == "slams 'thugs'"


@needs_model
def test_main_event_when_a_status_time_split_by_the_model_is_still_a_status() -> None:
    # "Saturday" (compound) + "midday": the preposition governs "midday"
    a = _article("Two people were still missing by Saturday midday. The boat sank near Halden on Friday.")
    assert _event(a).when is not None and _event(a).when.text == "Friday"


@needs_model
def test_main_event_who_an_event_is_no_actor() -> None:
    a = _article("A gunman opened fire near the town hall in Halden on Wednesday night and wounded five people.",
                 title="Halden protest march marred by shooting")
    on = _event(a)
    assert on.who is not None and (on.who.text, on.who.rule) == ("A gunman", "subject")
    blast = _article("The blast was heard across the harbour.", title="Blast at Halden harbour", article_id="a2")
    assert _event(blast).who is None  # no actor named: no answer, rather than "The blast"


@needs_model
def test_main_event_who_a_headline_speaker_is_the_actor_a_lead_source_is_not() -> None:
    a = _article("A spokesman for the foreign ministry told reporters that companies breaking the sanctions would be "
                 "fined.", title="Norway promises to punish sanctions violators")
    ev = _event(a)
    assert ev.who is not None and (ev.who.text, ev.who.field) == ("Norway", "title")


@needs_model
def test_main_event_what_leaves_out_a_long_circumstance_and_reads_a_headline_noun_with_a_subject() -> None:
    long = _article("Chocolate fans complained about the Swiss maker's smaller new bar on Monday.")
    short = _article("Chocolate fans complained about the bar on Monday.", article_id="a2")
    assert _event(long).what is not None and _event(long).what.text == "complained"
    assert _event(short).what is not None and _event(short).what.text == "complained about the bar"
    # the model tags "protests" a noun with "Lena Dahl" its subject: it is the headline's verb
    gaga = _article("Lena Dahl protested outside the town hall on Wednesday.",
                    title="Lena Dahl protests outside Halden town hall as Erik is elected mayor")
    ev = _event(gaga)
    assert ev.who is not None and ev.who.text == "Lena Dahl"
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("protests outside Halden town hall", "title")


def test_main_event_place_inside_a_country() -> None:
    from spacy.tokens import Span

    from newsprism.analyse.event.where import inside as _inside

    words = ["in", "Tromso", "F1", "Europe", "Norway", "Texas", "Mazar-i-Sharif"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    gpe = {w: Span(doc, i, i + 1, label="LOC" if w in ("Europe", "Mazar-i-Sharif") else "GPE")
           for i, w in enumerate(words) if i}
    assert _inside(gpe["Tromso"], "Norway") and _inside(gpe["Mazar-i-Sharif"], "Afghanistan")
    assert not _inside(gpe["F1"], "Norway")  # a code, not a place
    assert not _inside(gpe["Europe"], "Norway")  # wider than the country
    assert not _inside(gpe["Norway"], "Sweden")  # another country
    assert _inside(gpe["Texas"], "US") and not _inside(gpe["Texas"], "Norway")  # ISO 3166-2


@needs_model
def test_main_event_a_short_acronym_is_no_site_and_a_late_date_says_so() -> None:
    a = _article("Lena Dahl waved to the crowd. She thanked her team and her family. The race at the home GP "
                 "ended on Sunday.", title="Lena Dahl bows out at home GP")
    ev = _event(a)
    assert ev.where is None or "GP" not in ev.where.text
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date later in the lead")


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


@needs_model
def test_main_event_headline_clauses_split_at_a_semicolon_and_a_dateline_date_is_the_filing() -> None:
    a = _article("VARNHOLM, March 11 (NPA) — About 1,200 residents of the river town of Varnholm were evacuated "
                 "overnight after a spillway gate at the Tormund Dam failed on Monday night, local authorities "
                 "said on Tuesday.",
                 title="Spillway gate fails at Tormund Dam, flooding Esk river town; 1,200 evacuated")
    ev = _event(a)
    # the model makes "evacuated" the headline's root; the first clause is the event
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("fails at Tormund Dam", "title")
    # "March 11" of the dateline is when the wire filed, not a date told of the headline's "evacuated"
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Monday night", "date of a headline word")


@needs_model
def test_main_event_where_keeps_the_place_the_answer_lies_in() -> None:
    site = _article("Lena Dahl protested outside Trump Tower in New York City on Wednesday.")
    ev = _event(site)
    assert ev.where is not None and ev.where.text == "Trump Tower in New York City"
    chain = _article("A small plane crashed in Punta Islita, Guanacaste, Costa Rica, on Sunday.", article_id="a2")
    ev = _event(chain)
    assert ev.where is not None and ev.where.text == "Punta Islita, Guanacaste, Costa Rica"
    # a list is no enclosing place; nor is a country whose possession follows
    listed = _article("Talks were held in France, Germany and Italy on Monday.", article_id="a3")
    ev = _event(listed)
    assert ev.where is not None and ev.where.text == "France"
    capital = _article("A bomb went off in Kabul, Afghanistan's capital, on Monday.", article_id="a4")
    ev = _event(capital)
    assert ev.where is not None and ev.where.text == "Kabul"
    # nor a list without "and", a place of another country, the subject of what follows, or after a country
    for n, (text, where) in enumerate((
            ("Protesters marched in London, Paris, Berlin and Rome on Sunday.", "London"),
            ("Crowds gathered in Paris, Berlin on Monday.", "Paris"),
            ("Clashes erupted in Gaza, Israel said on Monday.", "Gaza"),
            ("Shares fell in Osaka, Japan said on Monday.", "Osaka"),
            ("Fighting broke out in Syria, Lebanon on Monday.", "Syria"))):
        ev = _event(_article(text, article_id=f"b{n}"))
        assert ev.where is not None and ev.where.text == where, text
    doc = load_model()("Storms were reported in Japan, Tokyo on Monday.")
    japan = next(e for e in doc.ents if e.text == "Japan")
    assert widen(japan).text == "Japan"  # a country lies in no region


@needs_model
def test_main_event_what_of_a_headline_noun_phrase_with_a_relative_clause() -> None:
    a = _article("Rescuers searched the village for a third day.",
                 title="Mystery of the Norwegian boy who 'slipped into an old mine shaft' after huge rescue operation")
    ev = _event(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("'slipped into an old mine shaft'",
                                                                    "headline relative clause")
    # an infinitive is no relative clause's event
    # not an infinitive, a clause on a head noun with no object, nor one on an object of an event noun
    for n, title in enumerate(("The Halden files: 7 things to know", "5 things we learned from the Halden vote",
                               "Death of the man who founded the party")):
        other = _event(_article("The leak named hundreds of companies.", title=title, article_id=f"b{n}"))
        assert other.what is not None and other.what.rule != "headline relative clause", title


@needs_model
def test_main_event_who_leaves_out_a_dateline_run_into_the_subject() -> None:
    a = _article("PARIS - A truck rammed into crowd in Halden, southern Norway, killing dozens.",
                 title="Truck rams into crowd in Halden, dozens dead: reports")
    ev = _event(a)
    assert ev.who is not None and ev.who.text == "A truck"
    credit = _article("(NRK) Chaos broke out in Halden after a truck plowed through the crowd.",
                      title="Truck attack in Halden", article_id="a2")
    ev = _event(credit)
    assert ev.who is not None and ev.who.text == "Chaos"
    # a bracket inside the subject stays; a two-letter name before a dash is no dateline
    for n, (text, who) in enumerate((
            ("The Islamic State (IS) group claimed the attack on Monday.", "The Islamic State (IS) group"),
            ("US - China talks resumed in Geneva on Monday.", "US - China talks"))):
        ev = _event(_article(text, article_id=f"b{n}"))
        assert ev.who is not None and ev.who.text == who


@needs_model
def test_main_event_a_statement_or_a_killing_is_no_actor() -> None:
    statement = _article("A government statement says there were ten foreigners and two crew members on board.")
    assert _event(statement).who is None
    killing = _article("Zoo keepers shot the gorilla on Saturday.", title="Killing of gorilla at Halden zoo sparks outrage",
                       article_id="a2")
    ev = _event(killing)
    assert ev.who is not None and ev.who.text == "Zoo keepers"


@needs_model
def test_main_event_datelines_with_a_state_two_places_or_a_label() -> None:
    state = _article("HALDEN, Pa. — A Pennsylvania woman says she found a bill for $284 billion on Monday.")
    ev = _event(state)
    assert ev.where is not None and (ev.where.text, ev.where.rule) == ("HALDEN, Pa.", "dateline")
    two = _article("TOKYO/SEOUL (Reuters) - North Korea fired a missile on Friday.", article_id="a2")
    ev = _event(two)
    assert ev.where is not None and ev.where.text == "TOKYO/SEOUL"
    label = _article("FILE - In this Dec. 13, 2016, file photo, the logo of the bank is shown.", article_id="a3")
    assert _event(label).where is None  # a label, not a place
    banner = _article("HALDEN PRELIMS TEST SERIES – 2018 (Total 47 Tests) The bank said profits fell.",
                      article_id="a4")
    assert _event(banner).where is None
    for n, label in enumerate(("AP PHOTO", "FILE/PHOTO")):
        assert _event(_article(f"{label} - The bank said profits fell.", article_id=f"b{n}")).where is None
    # after a caption's full stop, with its agency: a dateline, and the lead's clause starts after it
    caption = _article("Police detain a protester in Halden on Monday. WASHINGTON (Reuters) - The Senate voted "
                       "on Tuesday to repeal the law.", article_id="a5")
    ev = _event(caption)
    assert ev.what is not None and ev.what.text == "voted"  # not the caption's "detain a protester"


@needs_model
def test_main_event_a_caption_before_the_dateline_is_no_lead() -> None:
    a = _article("Hundreds of thousands of people lined the street to watch the floats in Halden, Jan 1, 2018. "
                 "[Photo/IC]\n\nHALDEN, Ill. — Floral floats rolled under sunny skies as the parade drew "
                 "thousands of revelers.", title="Sun, fun, flowers as parade rolls in Halden")
    ev = _event(a)
    assert ev.who is not None and ev.who.text == "Floral floats"


@needs_model
def test_main_event_what_keeps_the_infinitive_of_a_verb_without_object() -> None:
    a = _article("Police will look at the skipper's phone records on Monday.",
                 title="Halden ferry crash: Police set to check captain's radio call records")
    ev = _event(a)
    assert ev.what is not None and ev.what.text == "set to check captain's radio call records"
    bird = _article("The bird flew into the cabin on Saturday.", title="How a small bat managed to hijack a "
                    "Halden flight", article_id="a2")
    ev = _event(bird)
    assert ev.what is not None and ev.what.text == "managed to hijack a Halden flight"
    # too long for a what: the infinitive's verb only, not a phrase cut after "radio"
    long = _event(_article("Officials said so on Monday.", title="Police set to check the captain's radio "
                                "call records", article_id="a3"))
    assert long.what is not None and long.what.text == "set to check"
    # an infinitive that opens a quote it does not close: the verb alone, no stray quote mark
    quote = _event(_article("Officials said so on Monday.", title='Police want to "speak to anyone who saw '
                                 'the crash"', article_id="a4"))
    assert quote.what is not None and quote.what.text == "want"


@needs_model
def test_main_event_a_headline_future_after_a_label() -> None:
    a = _article("The company plans a test flight of its largest rocket from Halden later this month.",
                 title="Lena Voss: Boeing to launch Tormund rocket this month")
    ev = _event(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("to launch Tormund rocket",
                                                                    "headline clause")
    # "a"/"another" name and an infinitive is no future
    for n, title in enumerate(("A Christmas to Remember", "Obama: Another Chance to Lead")):
        other = _event(_article("Fans celebrated in Halden on Monday.", title=title, article_id=f"b{n}"))
        assert other.what is not None and not other.what.text.startswith("to "), title


@needs_model
def test_main_event_when_the_date_of_a_report_gives_way_to_the_day_of_what_it_reports() -> None:
    title = "Governor inspects Halden flood works"
    lead = ("The governor's visit to the valley drew crowds. Regional radio reported on Sunday that the governor's "
            "convoy reached the valley. The governor and two engineers toured the dam on {day} to inspect the "
            "spillways.")
    ev = _event(_article(lead.format(day="Saturday"), title=title))
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Saturday", "date of the reported event")
    assert ev.when_value == "2023-09-16"  # the Saturday before the Monday of writing, not the report's Sunday
    # an event of the report's own day keeps the report's date
    same = _event(_article(lead.format(day="Sunday"), title=title, article_id="a2"))
    assert same.when is not None and same.when.start == lead.index("Sunday") and same.when_value == "2023-09-17"
    # a day long before the report is no day of what it reports
    far = _event(_article(lead.format(day="Sept. 2"), title=title, article_id="a3"))
    assert far.when is not None and far.when.text == "Sunday" and far.when_value == "2023-09-17"
    # nor is a day of a clause without a verb of the headline (another event)
    other = _event(_article(lead.format(day="Saturday").replace("inspect", "paint"), title=title, article_id="a4"))
    assert other.when is not None and other.when.text == "Sunday" and other.when_value == "2023-09-17"


@needs_model
def test_main_event_reads_as_many_lead_sentences_as_the_analyse_section_says(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsprism.settings import Settings

    a = _article("The council met on Monday. It voted to close the bridge. Divers searched the river in Halden.",
                 title="Council votes to close bridge")
    (default,) = analyse([a])
    assert default.event.where is not None and default.event.where.text == "Halden"
    f = tmp_path / "s.toml"
    f.write_text("[analyse]\nlead_sentences = 1\nwhen_sentences = 1\n", encoding="utf-8")
    (short,) = analyse([a], Settings.load(f))
    assert short.event.where is None
