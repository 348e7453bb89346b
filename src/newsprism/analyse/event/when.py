"""When: the dates of the title and the first body sentences, ranked, the first named by the rule
that tells where it stands; a time counted from an event ("two days before the vote") before a date
further down."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...lexicon import CLOCK_IN_SPAN
from ..rules import JOINED_PARTS_OF_DAY
from .names import When
from .parse import Reading, circumstance, sent_index, stem
from .words import (
    ANCHOR_PREPS,
    ANCHOR_UNITS,
    BACKGROUND_MARKS,
    NOT_ANCHOR_EVENTS,
    REPORT_LAG_DAYS,
    SOURCE_VERBS,
    STATUS_PREPS,
    TIME_LABELS,
    TIME_TO_DATE,
    WHEN_GRAINS,
    WHEN_WORDS,
)

#: An answer and the rule that found it, or None.
Found = tuple[Any, When] | None


class _Dates:
    """The candidate dates of one article and the tests that rank and name them."""

    def __init__(self, r: Reading) -> None:
        self.r = r
        self.sents = r.title + r.body[:r.when_sentences]
        times = r.times
        self.resolved = {(t.field, t.start) for t in times if t.status == "resolved" and t.granularity in WHEN_GRAINS}
        self.days = {(t.field, t.start): date.fromisoformat(t.value) for t in times
                     if t.status == "resolved" and t.granularity == "day" and t.value}
        # the words of the headline, to find the date of the headline's event ("Taliban attacks ... with truck
        # bomb" + "the toll rose Friday ... the fire late Thursday" -> late Thursday)
        self.stems = {stem(t.lower_) for s in r.title for t in s if t.is_alpha and not t.is_stop
                      and not circumstance(t)}
        # the lead's first sentence: the first body sentence that ends after a wire dateline, which the model
        # may make a sentence of its own ("OSLO, Norway (Reuters) -")
        self.first = next((i for i, s in enumerate(self.sents) if i >= len(r.title) and s.end_char > r.after),
                          len(self.sents))

    def candidates(self) -> list[Any]:
        """DATE and TIME entities that name a day, a date or a time of day: resolved to a day, a week, a
        month or a year, or a time on the clock ("shortly before 7 pm")."""
        layout = self.r.layout
        return [e for s in self.sents for e in s.ents if e.label_ in TIME_LABELS and WHEN_WORDS.search(e.text)
                and (p := layout.place(e.start_char, e.end_char))
                and ((p[0], p[1]) in self.resolved or CLOCK_IN_SPAN.search(e.text))]

    def in_dateline(self, e: Any) -> bool:
        placed = self.r.layout.place(e.start_char, e.end_char)
        return placed is not None and placed[0] == "body" and e.start_char < self.r.after

    def headline_word(self, e: Any) -> bool:
        """The date is told of a word of the headline (not the dateline's date, the filing's)."""
        return not self.in_dateline(e) and stem(_governor(e.root).lower_) in self.stems

    @staticmethod
    def modifier(e: Any) -> bool:
        """The date modifies a noun and names another event ("Tuesday's election"), not a time of that day
        ("Saturday afternoon")."""
        head = e.root.head
        return bool(e.root.dep_ in ("poss", "compound") and head.pos_ in ("NOUN", "PROPN")
                    and head.ent_type_ not in TIME_LABELS and head.lower_ not in JOINED_PARTS_OF_DAY)

    @staticmethod
    def background(e: Any) -> bool:
        """The date dates a relative clause or a clause opened by "since", "when" ..., or a status."""
        return not _in_main_clause(e.root) or _status_time(e.root)

    def day(self, e: Any) -> date | None:
        """The day a candidate resolves to, or None (a week, a month, a year, a time of day)."""
        placed = self.r.layout.place(e.start_char, e.end_char)
        return None if placed is None else self.days.get((placed[0], placed[1]))

    @staticmethod
    def reported(e: Any) -> bool:
        """The date tells when a report was made, not when what it reports happened: it dates a verb of
        saying that has a clause of what was said ("the council announced on Sunday that ...")."""
        verb = _governor(e.root)
        return verb.lemma_.lower() in SOURCE_VERBS and any(c.dep_ == "ccomp" for c in verb.children)

    def reported_event(self, e: Any, found: list[Any]) -> Any:
        """For the date of a report, the date of the event it reports: a later date of the lead, in a main
        clause with a verb of the headline's, naming a day up to :data:`REPORT_LAG_DAYS` before the report's
        ("reported on Sunday that ..." + "... toured the dam on Saturday"); or None. An event of the
        report's own day keeps the report's date."""
        told = self.day(e)
        if told is None or not self.reported(e):
            return None
        return next((d for d in found if d.start_char > e.start_char and (day := self.day(d)) is not None
                     and 0 < (told - day).days <= REPORT_LAG_DAYS and not self.reported(d)
                     and not self.modifier(d) and not self.background(d) and self.headline_verb_in_clause(d)), None)

    def headline_verb_in_clause(self, e: Any) -> bool:
        """A verb of the clause the date tells the time of shares its stem with a headline word ("toured the
        dam on Saturday to inspect ..." under "Marsh inspects ...")."""
        return any(t.pos_ == "VERB" and stem(t.lower_) in self.stems for t in _governor(e.root).subtree)

    def rank(self, e: Any) -> tuple[bool, ...]:
        """The date's place in the ranking (False first; a tie keeps the text's order): a date naming
        another event last, then one told of no headline word, then a background date."""
        return self.modifier(e), not self.headline_word(e), self.background(e)

    def rule(self, e: Any) -> When:
        """The rule that names the chosen date."""
        if self.headline_word(e):
            return When.HEADLINE_WORD
        if self.modifier(e):
            return When.MODIFIER
        placed = self.r.layout.place(e.start_char, e.end_char)
        if placed is not None and (placed[0], placed[1]) in self.resolved:
            i = sent_index(e, self.sents)
            return (When.IN_HEADLINE if i < len(self.r.title) else When.FIRST_SENTENCE if i <= self.first
                    else When.LATER)
        return When.TIME_OF_DAY


def when(r: Reading) -> Found:
    """The first date by rank, or a time counted from an event in the headline or the first sentence
    where that date lies inside it, names another event, or stands further down than it."""
    dates = _Dates(r)
    found = sorted(dates.candidates(), key=dates.rank)
    sents = dates.sents
    # a time counted from an event in the headline or the first sentence ("Inquiry clears mayor ... two days
    # before election") comes before a date further down, which more often dates something else, and before
    # a date that names another event ("Tuesday's vote") or lies inside it ("a week after the Nov. 8 election")
    anchored = next((a for s in sents[:dates.first + 1] if (a := _anchored(s)) is not None), None)
    if not found:
        return None if anchored is None else (anchored, When.RELATIVE)
    e = found[0]
    rule = dates.rule(e)
    if rule != When.HEADLINE_WORD and (event := dates.reported_event(e, found)) is not None:
        e, rule = event, When.REPORTED_EVENT
    # (it stands in the headline or the first sentence: a date of a later sentence is further down)
    if anchored is not None and (
            (e.doc is anchored.doc and anchored.start <= e.start < anchored.end)
            or (rule != When.HEADLINE_WORD and (
                rule == When.MODIFIER or sent_index(e, sents) > sent_index(anchored, sents)))):
        return anchored, When.RELATIVE
    if rule == When.TIME_OF_DAY and (day := next((d for d in found if d.doc is e.doc and e.end <= d.start <= e.end + 4
                                                   and not CLOCK_IN_SPAN.search(d.text)
                                                   and all(t.lower_ in TIME_TO_DATE for t in e.doc[e.end:d.start])),
                                                  None)):
        e = e.doc[e.start:day.end]  # "6.13am today", "11:36am local time on Tuesday"
        rule = When.TIME_AND_DATE
    head = e.root.head
    if e.root.dep_ == "compound" and head.i == e.end and head.lower_ in JOINED_PARTS_OF_DAY:
        e = e.doc[e.start:head.i + 1]  # "Saturday" + "afternoon", tagged as two names -> "Saturday afternoon"
    of = [t.i for t in e if t.lower_ == "of"]
    if of and WHEN_WORDS.search(e.doc[of[-1] + 1:e.end].text):
        return e.doc[of[-1] + 1:e.end], rule  # "the early hours of Wednesday morning" -> "Wednesday morning"
    return e, rule


def _anchored(sent: Any) -> Any:
    """A count of minutes, hours, days or weeks before or after an event the sentence names, up to the
    event's noun: "two days before election", "only 11 days before the presidential election", "three
    hours after the blast", with the noun's short "of" phrase ("three hours after the start of the
    match"); not "just days before the vote", which counts nothing, nor "a day after she encouraged her
    fans", which names no event by a noun, nor years ("in 40 years after a close race"), nor a
    period ("fell 3 percent in the two days after the vote"); or None."""
    for e in sent.ents:
        unit = e.root
        if (e.label_ not in TIME_LABELS or unit.lower_ not in ANCHOR_UNITS or e.end >= len(e.doc)
                or e[0].lower_ == "the" or not any(t.like_num or t.lower_ in ("a", "an") for t in e)):
            continue
        prep = e.doc[e.end]  # "days" -> "before", or "before" -> "hours" where the model hangs it on the count
        if prep.lower_ not in ANCHOR_PREPS or not (
                (unit.dep_ == "npadvmod" and unit.head.i == prep.i) or prep.head.i == unit.i):
            continue
        event = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if event is None or event.lower_ in NOT_ANCHOR_EVENTS:  # "two days after the fact"
            continue
        end = event.i + 1
        of = next((c for c in event.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            words = list(of.subtree)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            end = words[-1].i + 1 if len(words) <= 6 else obj.i + 1 if obj is not None else end
        return e.doc[e.start:end]
    return None


def _in_main_clause(tok: Any) -> bool:
    """No relative clause, participle of a noun ("woman killed ...") or clause opened by "since", "when"
    ... between the token and its sentence's root; an infinitive ("a pleasure to greet her on Thursday")
    does not count."""
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl") and tok.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):  # not "will meet", only "to meet"
            return False
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS
                                       for c in tok.children):
            return False
        tok = tok.head
    return True


def _status_time(tok: Any) -> bool:
    """The date tells how things stood, not when they happened: "as of 11.30am", "by 5pm", "since
    Wednesday" (but "unknown until Saturday" dates the change)."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head  # "Saturday" of "Saturday afternoon", tagged apart
    prep = tok.head
    if prep.pos_ != "ADP" or prep.i > tok.i:
        return False
    return prep.lower_ in STATUS_PREPS or (
        prep.lower_ == "of" and prep.i > 0 and prep.nbor(-1).lower_ == "as")


def _governor(tok: Any) -> Any:
    """The word a date tells the time of: "derailed" of "derailed on Wednesday", "bombing" of "the
    fire late Thursday", "election" of "Tuesday's election"."""
    for _ in range(3):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in ("VERB", "NOUN", "PROPN") and tok.ent_type_ not in TIME_LABELS:
            return tok
    return tok
