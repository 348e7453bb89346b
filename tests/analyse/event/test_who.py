"""analyse.event.who: who the main event's actor is (the model's cached parses)."""

from __future__ import annotations

from _support import assert_event_spans, main_event_of
from newsprism.analyse import analyse


def test_main_event_dateline_is_not_the_actor(make_article) -> None:
    a = make_article("KUNDUZ, Norway -- Rebel fighters struck the harbour depot late on Saturday, officials said.")
    ev = analyse([a])[0].event
    assert ev.who is not None and "KUNDUZ" not in ev.who.text
    assert ev.where is not None and ev.where.text == "KUNDUZ, Norway"  # the dateline with its country
    assert_event_spans(a, ev)


def test_main_event_no_headline_actor_from_whom_others_oppose(make_article) -> None:
    a = make_article("Five people were hurt after a shooting near the protest.",
                     title="Five hurt in Halden near protests against Lena Dahl's election victory")
    ev = main_event_of(a)
    assert ev.who is None or "Dahl" not in ev.who.text
    anti = make_article("Five people were hurt after a shooting near the protest.",
                        title="Five shot in Halden close to anti-Lena Dahl protest", article_id="a2")
    ev = main_event_of(anti)
    assert ev.who is None or "Dahl" not in ev.who.text
    acting = make_article("Five people were hurt after a shooting near the protest.",
                          title="Lena Dahl visits Halden after shooting", article_id="a3")
    assert main_event_of(acting).who.text == "Lena Dahl"


def test_main_event_who_an_event_is_no_actor(make_article) -> None:
    a = make_article("A gunman opened fire near the town hall in Halden on Wednesday night and wounded five people.",
                     title="Halden protest march marred by shooting")
    on = main_event_of(a)
    assert on.who is not None and (on.who.text, on.who.rule) == ("A gunman", "subject")
    blast = make_article("The blast was heard across the harbour.", title="Blast at Halden harbour", article_id="a2")
    assert main_event_of(blast).who is None  # no actor named: no answer, rather than "The blast"


def test_main_event_who_a_headline_speaker_is_the_actor_a_lead_source_is_not(make_article) -> None:
    a = make_article("A spokesman for the foreign ministry told reporters that companies breaking the sanctions would be "
                     "fined.", title="Norway promises to punish sanctions violators")
    ev = main_event_of(a)
    assert ev.who is not None and (ev.who.text, ev.who.field) == ("Norway", "title")


def test_main_event_who_leaves_out_a_dateline_run_into_the_subject(make_article) -> None:
    a = make_article("PARIS - A truck rammed into crowd in Halden, southern Norway, killing dozens.",
                     title="Truck rams into crowd in Halden, dozens dead: reports")
    ev = main_event_of(a)
    assert ev.who is not None and ev.who.text == "A truck"
    credit = make_article("(NRK) Chaos broke out in Halden after a truck plowed through the crowd.",
                          title="Truck attack in Halden", article_id="a2")
    ev = main_event_of(credit)
    assert ev.who is not None and ev.who.text == "Chaos"
    # a bracket inside the subject stays; a two-letter name before a dash is no dateline
    for n, (text, who) in enumerate((
            ("The Islamic State (IS) group claimed the attack on Monday.", "The Islamic State (IS) group"),
            ("US - China talks resumed in Geneva on Monday.", "US - China talks"))):
        ev = main_event_of(make_article(text, article_id=f"b{n}"))
        assert ev.who is not None and ev.who.text == who


def test_main_event_a_statement_or_a_killing_is_no_actor(make_article) -> None:
    statement = make_article("A government statement says there were ten foreigners and two crew members on board.")
    assert main_event_of(statement).who is None
    killing = make_article("Zoo keepers shot the gorilla on Saturday.",
                           title="Killing of gorilla at Halden zoo sparks outrage", article_id="a2")
    ev = main_event_of(killing)
    assert ev.who is not None and ev.who.text == "Zoo keepers"
