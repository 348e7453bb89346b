"""analyse.event.when: the day of the main event (the model's cached parses)."""

from __future__ import annotations

from _support import assert_event_spans, main_event_of
from newsprism.analyse import Layout, analyse, load_model
from newsprism.analyse.event import main_event
from newsprism.analyse.times import times


def test_analyse_main_event_when_is_the_day_of_a_longer_date(make_article) -> None:
    a = make_article("Crowds gathered outside the town hall in Halden in the early hours of Saturday morning.")
    ev = analyse([a])[0].event
    assert ev.when is not None and ev.when.text == "Saturday morning" and ev.when_value == "2023-09-16"
    assert ev.where is not None and ev.where.text == "Halden"
    assert_event_spans(a, ev)


def test_main_event_a_clock_time_without_a_date_answers_when(make_article) -> None:
    from newsprism.analyse import doc_text

    a = make_article("A gunman opened fire near the market.\n\nThe shooting unfolded shortly before 7 pm.")
    doc = load_model()(doc_text(a))
    layout = Layout.of(a)
    tr = times(doc, a, layout, None)
    on = main_event(doc, a.article_id, layout, tr)
    assert on.when is not None and "7 pm" in on.when.text and on.when.rule == "time of day"
    assert on.when_value is None  # a time of day with no date resolves to no day
    assert_event_spans(a, on)


def test_main_event_when_a_date_modifying_a_noun_names_another_event(make_article) -> None:
    a = make_article("Lena Dahl blamed the regulator for her defeat in Tuesday's vote during a call with donors "
                     "on Saturday.")
    on = main_event_of(a)
    assert on.when is not None and (on.when.text, on.when.rule) == ("Saturday", "date in the first sentence")
    # last even when its noun is the headline's ("vote")
    titled = make_article(a.paragraphs[0], title="Lena Dahl blames regulator over vote defeat", article_id="a2")
    ev = main_event_of(titled)
    assert ev.when is not None and ev.when.text == "Saturday"


def test_main_event_when_prefers_the_date_of_the_headline_event(make_article) -> None:
    a = make_article("The death toll at the harbour depot rose to six on Friday. Rebels bombed the depot late on "
                     "Thursday, officials said.", title="Rebels bomb harbour depot in Halden")
    on = main_event_of(a)
    assert on.when is not None and (on.when.text, on.when.field, on.when.rule) == (
        "Thursday", "body", "date of a headline word")


def test_main_event_when_a_time_counted_from_an_event_in_the_headline_or_first_sentence(make_article) -> None:
    titled = make_article("The regulator said its review of the accounts found no breach. The board met the inspectors "
                          "in Halden on Saturday.", title="Regulator clears Nordic Shipping two days before vote")
    ev = main_event_of(titled)
    # before a date further down the lead; no day is named, so no value
    assert ev.when is not None and (ev.when.text, ev.when.field, ev.when.rule) == (
        "two days before vote", "title", "time relative to an event")
    assert ev.when_value is None
    # the model hangs "after the blast" on the count here; still the same time
    hung = make_article("Police arrived at the depot three hours after the blast. Rebels claimed the attack on "
                        "Saturday.", article_id="a2")
    ev = main_event_of(hung)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == (
        "three hours after the blast", "time relative to an event")
    # a date of the first sentence still comes first
    dated = make_article("The regulator said on Sunday that its review found no breach, two days before the vote. The "
                         "board met the inspectors on Saturday.", article_id="a3")
    ev = main_event_of(dated)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date in the first sentence")
    # no count ("just days before"), years, which date no event of the news, or a period ("the two days")
    for i, body in enumerate(("The regulator cleared the firm just days before the vote.",
                              "The Halden Hawks won the cup for the first time in 58 years after a thrilling final.",
                              "Shares in Nordic Shipping fell 3 percent in the two days after the vote.")):
        ev = main_event_of(make_article(body + " Fans crowded the square on Saturday.", article_id=f"b{i}"))
        assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Saturday", "date later in the lead")


def test_main_event_when_a_time_counted_from_an_event_after_a_dateline_and_before_other_dates(make_article) -> None:
    def when(body: str, title: str | None = None) -> tuple[str, str, str | None]:
        ev = main_event_of(make_article(body, title=title))
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


def test_main_event_when_prefers_a_main_clause_date(make_article) -> None:
    relative = make_article("Erik Lund, who won the vote on Wednesday, said it was an honour to meet the mayor at the "
                            "town hall on Thursday.")
    on = main_event_of(relative)
    assert on.when is not None and on.when.text == "Thursday"  # an infinitive ("to meet") is no background
    since = make_article("Crowds have marched in Halden every night since the result was confirmed on Wednesday. "
                         "Police named the three organisers of the march on Saturday afternoon.", article_id="a2")
    ev = main_event_of(since)
    # "Saturday" and "afternoon", tagged as two names, are one answer, valued by its day
    assert ev.when is not None and ev.when.text == "Saturday afternoon" and ev.when_value == "2023-09-16"
    assert ev.when.rule == "date later in the lead"  # not "date modifying a noun": "afternoon" is that day's


def test_main_event_when_a_time_of_day_takes_its_date_and_a_status_time_comes_last(make_article) -> None:
    a = make_article("Two trucks collided near the harbour in Halden. The crash happened at 6.10am on Saturday, "
                     "police said.")
    ev = main_event_of(a)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("6.10am on Saturday", "time of day and its date")
    assert ev.when_value == "2023-09-16"
    status = make_article("Two people were still trapped in the wreck as of 11.30am. The trucks collided near Halden "
                          "on Saturday.", article_id="a2")
    on = main_event_of(status)
    assert on.when is not None and on.when.text == "Saturday"


def test_main_event_when_default_reads_the_main_clause_and_not_a_modal_relative_clause(make_article) -> None:
    a = make_article("Erik Lund, who will meet the mayor on Thursday, won the vote on Wednesday.")
    ev = main_event_of(a)
    assert ev.when is not None and ev.when.text == "Wednesday"  # "will meet" is a relative clause, no infinitive
    until = make_article("Six people were killed when a tram derailed on Wednesday. Their names were unknown until "
                         "Saturday.", article_id="a2")
    ev = main_event_of(until)
    assert ev.when is not None and ev.when.text == "Saturday"  # "until" dates the change: no status time


def test_main_event_a_time_of_day_takes_only_a_date_right_after_it(make_article) -> None:
    said = make_article("The fire started at 4.20am, officials said on Friday.")
    ev = main_event_of(said)
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("4.20am", "time of day")
    # a month is no part of a day: "Saturday's march" still modifies a noun
    march = make_article("Crowds joined Saturday's march. Two men were detained in Halden on Sunday.", article_id="a2")
    assert main_event_of(march).when is not None and main_event_of(march).when.text == "Sunday"


def test_main_event_when_a_status_time_split_by_the_model_is_still_a_status(make_article) -> None:
    # "Saturday" (compound) + "midday": the preposition governs "midday"
    a = make_article("Two people were still missing by Saturday midday. The boat sank near Halden on Friday.")
    assert main_event_of(a).when is not None and main_event_of(a).when.text == "Friday"


def test_main_event_when_the_date_of_a_report_gives_way_to_the_day_of_what_it_reports(make_article) -> None:
    title = "Governor inspects Halden flood works"
    lead = ("The governor's visit to the valley drew crowds. Regional radio reported on Sunday that the governor's "
            "convoy reached the valley. The governor and two engineers toured the dam on {day} to inspect the "
            "spillways.")
    ev = main_event_of(make_article(lead.format(day="Saturday"), title=title))
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Saturday", "date of the reported event")
    assert ev.when_value == "2023-09-16"  # the Saturday before the Monday of writing, not the report's Sunday
    # an event of the report's own day keeps the report's date
    same = main_event_of(make_article(lead.format(day="Sunday"), title=title, article_id="a2"))
    assert same.when is not None and same.when.start == lead.index("Sunday") and same.when_value == "2023-09-17"
    # a day long before the report is no day of what it reports
    far = main_event_of(make_article(lead.format(day="Sept. 2"), title=title, article_id="a3"))
    assert far.when is not None and far.when.text == "Sunday" and far.when_value == "2023-09-17"
    # nor is a day of a clause without a verb of the headline (another event)
    other = main_event_of(make_article(lead.format(day="Saturday").replace("inspect", "paint"), title=title,
                                       article_id="a4"))
    assert other.when is not None and other.when.text == "Sunday" and other.when_value == "2023-09-17"
