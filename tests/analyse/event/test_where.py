"""analyse.event.where: where the main event happened (the model's cached parses)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from _support import assert_event_spans, main_event_of
from newsprism.analyse import analyse, load_model
from newsprism.analyse.event.where import widen


def test_main_event_place_phrases_need_a_place_noun(make_article) -> None:
    city = make_article("Protesters gathered in the old city of Mazar-i-Sharif on Saturday.")
    wake = make_article("Prices rose in the wake of Brexit, the company said on Saturday.", article_id="a2")
    site = make_article("The singer staged a protest outside Halden Tower on Saturday.", article_id="a3")
    region = make_article("A fire broke out in the Oslo region on Monday.", article_id="a4")
    ev_city, ev_wake, ev_site, ev_region = (r.event for r in analyse([city, wake, site, region]))
    assert ev_region.where is not None and ev_region.where.text == "Oslo"  # "X region": a place noun's name
    assert ev_city.where is not None and ev_city.where.text == "Mazar-i-Sharif"
    assert ev_wake.where is None  # "in the wake of X" is no place phrase
    assert ev_site.where is not None and ev_site.where.text == "Halden Tower"
    for art, ev in ((city, ev_city), (wake, ev_wake), (site, ev_site)):
        assert_event_spans(art, ev)


def test_main_event_where_a_country_gives_way_to_a_city_in_it(make_article) -> None:
    a = make_article("A car bomb exploded outside the consulate in Norway late on Friday. The blast was heard across "
                     "the northern city of Tromso, officials said.", title="Car bomb hits consulate in Norway")
    on = main_event_of(a)
    assert on.where is not None and (on.where.text, on.where.rule) == ("Tromso", "place inside the country")
    wider = make_article("A car bomb exploded outside the consulate in Norway late on Friday. It was the worst attack "
                         "in Europe this year, officials said.", title="Car bomb hits consulate in Norway")
    assert main_event_of(wider).where is not None and main_event_of(wider).where.text == "Norway"  # not "Europe"


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


def test_main_event_a_short_acronym_is_no_site_and_a_late_date_says_so(make_article) -> None:
    a = make_article("Lena Dahl waved to the crowd. She thanked her team and her family. The race at the home GP "
                     "ended on Sunday.", title="Lena Dahl bows out at home GP")
    ev = main_event_of(a)
    assert ev.where is None or "GP" not in ev.where.text
    assert ev.when is not None and (ev.when.text, ev.when.rule) == ("Sunday", "date later in the lead")


def test_main_event_where_keeps_the_place_the_answer_lies_in(make_article) -> None:
    site = make_article("Lena Dahl protested outside Trump Tower in New York City on Wednesday.")
    ev = main_event_of(site)
    assert ev.where is not None and ev.where.text == "Trump Tower in New York City"
    chain = make_article("A small plane crashed in Punta Islita, Guanacaste, Costa Rica, on Sunday.", article_id="a2")
    ev = main_event_of(chain)
    assert ev.where is not None and ev.where.text == "Punta Islita, Guanacaste, Costa Rica"
    # a list is no enclosing place; nor is a country whose possession follows
    listed = make_article("Talks were held in France, Germany and Italy on Monday.", article_id="a3")
    ev = main_event_of(listed)
    assert ev.where is not None and ev.where.text == "France"
    capital = make_article("A bomb went off in Kabul, Afghanistan's capital, on Monday.", article_id="a4")
    ev = main_event_of(capital)
    assert ev.where is not None and ev.where.text == "Kabul"
    # nor a list without "and", a place of another country, the subject of what follows, or after a country
    for n, (text, where) in enumerate((
            ("Protesters marched in London, Paris, Berlin and Rome on Sunday.", "London"),
            ("Crowds gathered in Paris, Berlin on Monday.", "Paris"),
            ("Clashes erupted in Gaza, Israel said on Monday.", "Gaza"),
            ("Shares fell in Osaka, Japan said on Monday.", "Osaka"),
            ("Fighting broke out in Syria, Lebanon on Monday.", "Syria"))):
        ev = main_event_of(make_article(text, article_id=f"b{n}"))
        assert ev.where is not None and ev.where.text == where, text
    doc = load_model()("Storms were reported in Japan, Tokyo on Monday.")
    japan = next(e for e in doc.ents if e.text == "Japan")
    assert widen(japan).text == "Japan"  # a country lies in no region


def test_main_event_datelines_with_a_state_two_places_or_a_label(make_article) -> None:
    state = make_article("HALDEN, Pa. — A Pennsylvania woman says she found a bill for $284 billion on Monday.")
    ev = main_event_of(state)
    assert ev.where is not None and (ev.where.text, ev.where.rule) == ("HALDEN, Pa.", "dateline")
    two = make_article("TOKYO/SEOUL (Reuters) - North Korea fired a missile on Friday.", article_id="a2")
    ev = main_event_of(two)
    assert ev.where is not None and ev.where.text == "TOKYO/SEOUL"
    label = make_article("FILE - In this Dec. 13, 2016, file photo, the logo of the bank is shown.", article_id="a3")
    assert main_event_of(label).where is None  # a label, not a place
    banner = make_article("HALDEN PRELIMS TEST SERIES – 2018 (Total 47 Tests) The bank said profits fell.",
                          article_id="a4")
    assert main_event_of(banner).where is None
    for n, label in enumerate(("AP PHOTO", "FILE/PHOTO")):
        assert main_event_of(make_article(f"{label} - The bank said profits fell.", article_id=f"b{n}")).where is None
    # after a caption's full stop, with its agency: a dateline, and the lead's clause starts after it
    caption = make_article("Police detain a protester in Halden on Monday. WASHINGTON (Reuters) - The Senate voted "
                           "on Tuesday to repeal the law.", article_id="a5")
    ev = main_event_of(caption)
    assert ev.what is not None and ev.what.text == "voted"  # not the caption's "detain a protester"
