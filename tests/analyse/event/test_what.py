"""analyse.event.what: what happened, as the headline or the lead words it (the model's cached parses)."""

from __future__ import annotations

from _support import main_event_of


def test_main_event_what_the_lead_event_as_the_headline_words_it(make_article) -> None:
    # the model finds no main verb in the headline ("lead" a noun): the lead's "led the celebrations" says
    a = make_article("Fans sang in the streets. Lena Dahl and Erik Lund led the celebrations as Halden FC ended their "
                     "50-year curse.", title="Lena Dahl and Erik Lund lead celebrations as Halden FC end 50-year curse")
    on = main_event_of(a)
    assert on.what is not None and (on.what.text, on.what.field, on.what.rule) == (
        "lead celebrations", "title", "headline words of the lead's event")


def test_main_event_what_keeps_both_quote_marks(make_article) -> None:
    a = make_article("A woman who was on the ferry said she saw chaos on the deck.",
                     title="Ferry survivor describes 'chaos' which left two dead")
    ev = main_event_of(a)
    assert ev.what is not None and ev.what.text == "describes 'chaos'"
    # a quote opened in the what is closed in it, even where the model tags the closing mark a possessive
    for n, (title, what) in enumerate((("Minister slams 'reckless plans'", "slams 'reckless plans'"),
                                       ("Mayor promises 'a new start'", "promises 'a new start'"))):
        ev = main_event_of(make_article("Officials said so on Monday.", title=title, article_id=f"b{n}"))
        assert ev.what is not None and ev.what.text == what


def test_main_event_what_a_word_in_s_before_the_lead_object(make_article) -> None:
    # "rams" tagged a noun: the lead's "drove a van" has the headline's object, so "rams van" is the event
    body = "Three officers were hurt. A man drove a van into the police station in Halden on Monday."
    a = make_article(body, title="Halden bomber rams van into police station")
    on = main_event_of(a)
    assert on.what is not None and (on.what.text, on.what.rule) == ("rams van", "headline words of the lead's event")
    # not where the body uses the word as a noun ("Halden roads bridge opening")
    rams = make_article(body + " The rams painted on the station's sign were damaged.",
                        title="Halden bomber rams van into police station", article_id="a2")
    assert main_event_of(rams).what is not None and main_event_of(rams).what.text != "rams van"
    # nor from a circumstance of the headline ("after crews clear roads")
    after = make_article("Residents cheered. Crews cleared the roads on Monday.",
                         title="Relief in Halden after crews clear roads", article_id="a3")
    ev = main_event_of(after)
    assert ev.what is not None and ev.what.rule != "headline words of the lead's event"


def test_main_event_what_a_possessive_apostrophe_is_no_quote_mark(make_article) -> None:
    a = make_article("Officers were seen at the house on Monday.", title="'Police search the Dahls' home' in Halden")
    ev = main_event_of(a)
    assert ev.what is not None and ev.what.text == "search the Dahls' home"


def test_main_event_what_an_opening_quote_parsed_as_case_is_still_a_quote(make_article) -> None:
    a = make_article("The mayor spoke on Monday.", title="Mayor slams 'thugs' in Halden")
    assert main_event_of(a).what is not None and main_event_of(a).what.text == "slams 'thugs'"


def test_main_event_what_leaves_out_a_long_circumstance_and_reads_a_headline_noun_with_a_subject(make_article) -> None:
    long = make_article("Chocolate fans complained about the Swiss maker's smaller new bar on Monday.")
    short = make_article("Chocolate fans complained about the bar on Monday.", article_id="a2")
    assert main_event_of(long).what is not None and main_event_of(long).what.text == "complained"
    assert main_event_of(short).what is not None and main_event_of(short).what.text == "complained about the bar"
    # the model tags "protests" a noun with "Lena Dahl" its subject: it is the headline's verb
    gaga = make_article("Lena Dahl protested outside the town hall on Wednesday.",
                        title="Lena Dahl protests outside Halden town hall as Erik is elected mayor")
    ev = main_event_of(gaga)
    assert ev.who is not None and ev.who.text == "Lena Dahl"
    assert ev.what is not None and (ev.what.text, ev.what.field) == ("protests outside Halden town hall", "title")


def test_main_event_what_of_a_headline_noun_phrase_with_a_relative_clause(make_article) -> None:
    a = make_article("Rescuers searched the village for a third day.",
                     title="Mystery of the Norwegian boy who 'slipped into an old mine shaft' after huge rescue operation")
    ev = main_event_of(a)
    assert ev.what is not None and (ev.what.text, ev.what.rule) == ("'slipped into an old mine shaft'",
                                                                    "headline relative clause")
    # an infinitive is no relative clause's event
    # not an infinitive, a clause on a head noun with no object, nor one on an object of an event noun
    for n, title in enumerate(("The Halden files: 7 things to know", "5 things we learned from the Halden vote",
                               "Death of the man who founded the party")):
        other = main_event_of(make_article("The leak named hundreds of companies.", title=title, article_id=f"b{n}"))
        assert other.what is not None and other.what.rule != "headline relative clause", title


def test_main_event_what_keeps_the_infinitive_of_a_verb_without_object(make_article) -> None:
    a = make_article("Police will look at the skipper's phone records on Monday.",
                     title="Halden ferry crash: Police set to check captain's radio call records")
    ev = main_event_of(a)
    assert ev.what is not None and ev.what.text == "set to check captain's radio call records"
    bird = make_article("The bird flew into the cabin on Saturday.", title="How a small bat managed to hijack a "
                        "Halden flight", article_id="a2")
    ev = main_event_of(bird)
    assert ev.what is not None and ev.what.text == "managed to hijack a Halden flight"
    # too long for a what: the infinitive's verb only, not a phrase cut after "radio"
    long = main_event_of(make_article("Officials said so on Monday.", title="Police set to check the captain's radio "
                                "call records", article_id="a3"))
    assert long.what is not None and long.what.text == "set to check"
    # an infinitive that opens a quote it does not close: the verb alone, no stray quote mark
    quote = main_event_of(make_article("Officials said so on Monday.", title='Police want to "speak to anyone who saw '
                                 'the crash"', article_id="a4"))
    assert quote.what is not None and quote.what.text == "want"
