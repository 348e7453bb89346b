"""The main event of an article, 5W1H-style, from its title and lead.

The title and the first body sentences are read as clauses (subject, verb):
the root verb of each sentence, else the first verb whose subject is not a
pronoun ("You knew it couldn't come easily, but the Cubs are champions");
for a reporting verb ("police said that a tram derailed") the reported
clause; a headline in passive shorthand ("Victims named as ...", "March
marred by shooting") is a clause too.

- Who: the subject of the first clause whose subject is a name (the name
  itself, not its titles: "Max Verstappen", not "Formula One star Max
  Verstappen"); else a person or organisation of the headline, not one
  others oppose ("anti-Trump protest"); else the first clause's subject core.
- What: the first clause's verb with its auxiliaries, particles and the core
  of its object or of its first prepositional phrase (not a date: "sank on
  Saturday" -> "sank"); a headline without a clause names the event with its
  head noun phrase ("Croydon tram derailment", "Afghanistan: Fatal attack
  ..." -> "Fatal attack") or its verbless outcome ("Several dead and dozens
  injured after ..." -> "Several dead and dozens injured"); where the model
  found no main verb in the headline, the lead's verb and object as the
  headline words them ("Taliban bomber rams truck ..." -> "rams truck").
- When: the first DATE/TIME naming a day, a date or a time of day that
  resolves, in the title and the first body sentences ("the early hours of
  Wednesday morning" -> "Wednesday morning"); a main-clause date before one
  in a relative or "since ..." clause or of a status ("as of 11.30am"); a
  date told of a headline word first, a date modifying a noun ("Tuesday's
  election") last; a time of day with the date right after it ("11pm local
  time on Thursday").
- Where: a place modifying the headline's event noun ("Croydon tram crash:
  ..."); else the first place inside a place phrase ("in", "at", "near" ...,
  also "in the city of X"; "from X" only after a verb, not "a man from X"),
  title first, then lead; else the lead's wire dateline ("WASHINGTON, Nov 6
  (Reuters) -"). A name tagged otherwise counts as a place when the article
  tags it as one elsewhere. A country gives way to a city or region named
  in the first body sentences ("in Afghanistan" ... "in the city of
  Mazar-i-Sharif").

A headline in Title Case is read from a second parse in sentence case
(:func:`sentence_case`, given as ``title_doc``), and a wire dateline is no
subject.

The choices that grammar does not settle are the fields of
:class:`EventOptions`; ``benchmarks/fivew1h.py`` chooses them by
cross-validation and :data:`DEFAULT_OPTIONS` holds the choice made on all
folds. Each answer is a span; a question the lead does not answer stays None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..gazetteer import geo, is_country, is_wide_region
from ..records import Event, EventPart, TimeExpression
from .rules import PARTS_OF_DAY, REPORTING_VERBS

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EQUIPMENT")
#: Prepositions that open a circumstance, not the object of the event ("crash out as ...").
_NOT_OBJECT_PREPS = frozenset({"as", "after", "before", "despite", "during", "amid", "since", "until", "because"})
_WHO_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: Nouns that name an event or a thing that happened ("Seattle shooting", "Death of the man who ...").
_EVENT_NOUNS = frozenset({
    "attack", "blast", "explosion", "bombing", "shooting", "crash", "collision", "derailment", "accident",
    "incident", "fire", "blaze", "flood", "storm", "earthquake", "quake", "march", "protest", "rally",
    "demonstration", "strike", "raid", "war", "fighting", "clash", "violence", "decision", "move", "change",
    "plan", "deal", "vote", "election", "result", "row", "scandal", "investigation", "probe", "inquiry", "race",
    "rescue", "search", "hunt", "tragedy", "disaster", "death", "killing", "murder", "arrest", "trial", "funeral",
    "loss", "win", "victory", "defeat"})
#: Nouns that name an event or a report of it, never who acted ("A decision to space out the triangles
#: has upset fans", "Seattle shooting leaves five hurt", "A government statement says ...").
_NOT_AGENTS = _EVENT_NOUNS | {"report", "study", "survey", "poll", "statement", "video", "footage", "photo",
                              "picture", "image", "mystery"}
#: A name in their phrase is the target of the event, not its actor ("protests against Trump").
_OPPOSING_PREPS = frozenset({"against", "versus", "vs", "vs."})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_WHEN_GRAINS = ("day", "week", "month", "year")
#: Verbs whose subject is a source, not an actor ("Seattle police revealed they are investigating ...").
_SOURCE_VERBS = REPORTING_VERBS | {"reveal", "tell", "quote", "cite"}
#: Conjunctions of a clause that dates another event than the main one ("since his victory was confirmed
#: on Wednesday").
_BACKGROUND_MARKS = frozenset({"since", "after", "before", "when", "while", "as", "because", "once"})
#: A "when" names a day, a date or a time of day, not a duration ("two days", "108 years").
_WHEN_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|tomorrow|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|morning|afternoon|evening|night|noon|midnight)\b"
    r"|\d(?:am|pm|:\d\d)|\d\s*[ap]\.?m\b", re.IGNORECASE)
#: The units of a time counted from an event ("two days before the election", "three hours after the blast").
_ANCHOR_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"})
#: The rule of such a time: it names no day, and the dates inside it are its event's, so it has no when_value.
_RELATIVE_TIME = "time relative to an event"
#: Words between a time of day and its date: "11pm local time on Thursday", "9am GMT on Friday".
_TIME_TO_DATE = frozenset({"local", "time", "on", "this", "last", "next", "gmt", "bst", "utc", "et", "est", "edt",
                           "pt", "pst", "pdt", "cet", "cest"})
#: A time of day on the clock: "7 pm", "6:10am", "11 a.m.".
_CLOCK = re.compile(r"\d(?::\d\d)?\s*[ap]\.?m\b|\d:\d\d", re.IGNORECASE)
_PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "into", "from", "off")
#: Nouns that name a kind of place: "the city of X", "X city", "in the province of X" (not "the wake of X").
_PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "state", "region", "county", "district", "capital", "suburb",
    "area", "island", "port", "neighbourhood", "neighborhood", "borough", "country", "municipality",
    "prefecture", "territory", "township", "hamlet", "outskirts"})
#: Prepositions whose object is a site even when the model tags it as an organisation or a person
#: ("outside Trump Tower", "at the Interlagos circuit").
_SITE_PREPS = ("at", "outside", "near", "inside")
#: A short acronym is an organisation or a thing, not a site ("at home GP").
_ACRONYM = re.compile(r"[A-Z]{1,3}")
#: A place in one of these relations modifies a noun ("US election", "Russia's president"): not where.
_MODIFIER_DEPS = ("compound", "poss", "nmod", "amod", "npadvmod")
#: A place in capitals in a dateline: "KUNDUZ", "SAN LUIS OBISPO".
_CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}"
#: A wire dateline: places in capitals ("TOKYO/SEOUL"), not inside a run of capitals ("INSIGHTS PRELIMS
#: TEST SERIES –"); an optional country or state ("KUNDUZ, Afghanistan", "ERIE, Pa.", "ALBANY, N.Y.",
#: "ERIE, PA"), an optional date, an optional agency, a dash.
_DATELINE = re.compile(
    r"(?<![\w,])(?<![A-Z'\-] )(?<![A-Z]\. )"
    rf"(?P<place>{_CAPS_PLACE}(?:/{_CAPS_PLACE}){{0,2}})"
    r"(?P<region>, (?:[A-Z][a-z]+\.?|(?:[A-Z]\.){2,3}|[A-Z]{2})(?: [A-Z][a-z]+)?(?=[ ,—]))?"
    r"(?P<date>, [A-Z][a-z]{2,8}\.? \d{1,2})?(?P<agency> \([A-Za-z][\w .&]{0,30}\))?"
    r"(?: ?(?:--|—|–|-) | ?—(?=[A-Z]))")
_DATELINE_CHARS = 300
#: A label in capitals before a dash is no dateline: "FILE - In this Dec. 13, 2016, file photo, ...",
#: "AP PHOTO -", "FILE/PHOTO -".
_NOT_DATELINE_WORDS = frozenset({"FILE", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "UPDATE", "UPDATED", "BREAKING",
                                 "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "LIVE", "CORRECTION"})
_MAX_WHO = 8
_MAX_WHAT = 8
#: The most words from a preposition to its object's head for the phrase to be part of the what.
_MAX_PREP = 3


@dataclass(frozen=True, slots=True)
class EventOptions:
    """Choices of the main-event rules that grammar does not settle.

    Attributes:
        lead_sentences: body sentences read after the title.
        when_sentences: body sentences searched for a date (a lead often
            says what happened before it says when).
        who_skip_sources: the subject of a reporting verb in the lead
            ("Robert Merner told reporters") is a source, not the actor; in
            the headline it is the actor ("China promises to deal seriously
            with ...").
        who_title_actor: with no named subject, the headline's person or
            organisation (``"subject"``: only one in the headline's subject;
            ``"any"``: anywhere in the headline; ``"none"``: not used).
        when_main_clause: prefer a date outside relative clauses, participles
            of a noun and clauses opened by "since", "when", "after" ...
            ("Trump, who won on Wednesday, met Obama on Thursday" ->
            Thursday; "killed when a tram derailed on Wednesday ... unknown
            until Saturday afternoon" -> Saturday).
        where_title_modifier: a place modifying the headline's event noun
            ("Croydon tram crash: ...") answers where before the lead's places.
        where_modifier_first: such a modifier comes before a place phrase of
            the headline ("Croydon tram crash: victims named as three adults
            from South London" -> Croydon).
        where_dateline: the lead's dateline answers where when no place phrase
            does.
        where_any: with no place phrase, the first place that is not a
            modifier answers where.
        who_skip_passive: the subject of a passive ("Trump protest march
            marred by shooting", "victims named") is who it happened to, not
            who did it: look for the actor in the next clauses.
        what_headline_verb: when the headline's verb is not the lead's, a
            headline word with the lead verb's lemma is the event, read as a
            verb ("Lady Gaga stages protest ..." + "Lady Gaga staged a
            protest ..." -> "stages protest", where the model took "stages"
            for a noun).
        when_clock: a time of day without a date ("shortly before 7 pm")
            answers when too.
        where_specific: a country gives way to a place that may lie inside
            it, named in a place phrase of the title or of the first
            ``when_sentences`` body sentences ("consulate in Afghanistan" ...
            "in the city of Mazar-i-Sharif" -> Mazar-i-Sharif).
        when_not_modifier: a date that modifies a noun names another event
            ("blamed Comey for her defeat in Tuesday's election ... on
            Saturday" -> Saturday): it answers only when no other date does.
        when_title_event: a date told of a word of the headline comes first
            ("Taliban attacks ... with truck bomb": "the toll rose Friday
            ... the bombing late Thursday" -> late Thursday).
        what_lead_in_headline: where the model found no main verb in the
            headline, the lead's verb and object as the headline words them
            are the what ("Taliban bomber rams truck into ..." + "a suicide
            bomber crashed a truck ..." -> "rams truck").
        who_agent: a subject that names an event, a decision or a report
            ("Trump protest march ... marred by shooting", "A decision to
            space out the triangles", "The blast") is no actor: the next
            clause's subject answers ("A gunman opened fire"), or none.
    """

    lead_sentences: int = 3
    when_sentences: int = 8
    who_skip_sources: bool = True
    who_title_actor: str = "any"
    when_main_clause: bool = True
    where_title_modifier: bool = True
    where_modifier_first: bool = False
    where_dateline: bool = True
    where_any: bool = False
    who_skip_passive: bool = False
    what_headline_verb: bool = True
    when_clock: bool = True
    where_specific: bool = True
    when_not_modifier: bool = True
    when_title_event: bool = True
    what_lead_in_headline: bool = True
    who_agent: bool = True


DEFAULT_OPTIONS = EventOptions()


#: An answer and the rule that found it ("named subject", "place phrase", ...), or None.
_Found = tuple[Any, str] | None


@dataclass(frozen=True, slots=True)
class _Clause:
    subj: Any
    verb: Any
    source: bool  # the verb reports speech and no reported clause was found
    passive: bool = False  # the subject is the patient ("victims named", "protest marred by")


def main_event(doc: Any, article_id: str, layout: Any, times: tuple[TimeExpression, ...],
               options: EventOptions = DEFAULT_OPTIONS, title_doc: Any = None) -> Event:
    """Who did what, when and where, from the title and the first sentences.

    ``title_doc``: the headline parsed again in sentence case (see
    :func:`sentence_case`), read instead of the title's sentences of ``doc``;
    its characters line up with the title's, so every span stays the title's.
    """
    if not doc.has_annotation("DEP"):
        return Event(article_id)
    title, body = _lead(doc, layout, max(options.lead_sentences, options.when_sentences))
    if title_doc is not None and title_doc.has_annotation("DEP") and len(title_doc.text) == layout.title_len:
        title = [t for t in (_trim_space(s) for s in title_doc.sents) if t is not None]
    title = [part for s in title for part in _title_parts(s)]
    lead = body[:options.lead_sentences]
    tclauses = [c for c in (_clause(s) for s in title) if c is not None]
    # a wire dateline ("KUNDUZ, Afghanistan --") is no subject: the lead's clause starts after it, and a
    # caption before it ("... in Pasadena, Jan 1, 2018. [Photo/IC] PASADENA, Calif. -- Floral floats ...")
    # has none
    dateline, after = _dateline(doc, layout)
    after_dateline = [s for s in body if s.end_char > after][:options.lead_sentences]
    lclauses = [c for c in (_clause(s, after) for s in after_dateline) if c is not None]
    clauses = tclauses + lclauses
    who = _who(title, clauses, options, len(tclauses))
    what: _Found = None
    if clauses:
        first = next((c for c in clauses if not c.source), clauses[0])
        in_title = any(first is c for c in tclauses)
        what = (_what_span(first.verb.doc, first.verb), "headline clause" if in_title else "lead clause")
        if (options.what_headline_verb and tclauses and first is tclauses[0] and lclauses
                and (word := _headline_verb(title, first, lclauses)) is not None):
            what = (word, "headline word of the lead's verb")
    if title and not tclauses:
        noun = next((n for n in (_nominal(t.doc, t) for t in title) if n is not None), None)
        if noun is not None:
            what = (noun, "headline noun phrase")
            if (rel := _relative_verb(noun)) is not None:
                what = (_what_span(rel.doc, rel), "headline relative clause")
    if (options.what_lead_in_headline and title
            and (not tclauses or all(_circumstance(c.verb) for c in tclauses))
            and (words := _lead_in_headline(title, lead, body)) is not None):
        what = (words, "headline words of the lead's event")
    when = _when(title + body[:options.when_sentences], title, layout, times, options, after)
    where = _where(doc, title, lead, body[:options.when_sentences], dateline, options)
    when_value = None
    if when is not None and when[1] != _RELATIVE_TIME:
        placed = layout.place(when[0].start_char, when[0].end_char)
        if placed is not None:
            # the first time record with a value where the span starts or inside it ("Wednesday morning" of
            # "the early hours of Wednesday morning"; "Saturday" of "Saturday afternoon"; "Tuesday" of
            # "11:36am local time on Tuesday")
            when_value = next((t.value for t in times if t.field == placed[0] and t.value
                               and (t.start <= placed[1] < t.end or placed[1] <= t.start < placed[2])), None)
    text = doc.text
    return Event(article_id, _part(layout, who, text), _part(layout, what, text), _part(layout, when, text),
                 _part(layout, where, text), when_value)


#: Names of days and months, capitalised in any sentence ("March", a verb too, is not among them).
_CALENDAR_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "april", "june", "july", "august", "september", "october", "november", "december"})
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)[\"“‘']?$")


def sentence_case(title: str, body: str) -> str | None:
    """The headline in sentence case when it is written in Title Case, else None.

    The small model parses "Taliban Strike German Consulate" with "Strike" a
    name. A word of four letters or more, capitalised in the headline, is
    lower-cased unless the body writes it capitalised inside a sentence (a
    name: "Taliban", "German Consulate"); short words, the first word,
    names of days and months and words in capitals ("F.B.I.") are kept.
    Only headlines whose words of four letters or more are nearly all
    capitalised (at least 80 %, at least three of them) are Title Case. The
    result has the title's length, character for character, so spans found
    in it are spans of the title.
    """
    words = [m for m in _TITLE_WORD.finditer(title) if len(m.group()) >= 4]
    if len(words) < 3 or sum(m.group()[0].isupper() for m in words) < 0.8 * len(words):
        return None
    named = set()
    for m in _TITLE_WORD.finditer(body):
        w = m.group()
        if w[0].isupper() and not _SENTENCE_START.search(body[max(0, m.start() - 4):m.start()]):
            named.add(_bare(w))
    out = list(title)
    changed = False
    for m in words:
        w = m.group()
        if (m.start() == 0 or not w[0].isupper() or _bare(w) in named or w.isupper()
                or _bare(w).lower() in _CALENDAR_NAMES
                or any(c.isupper() for c in w[1:]) or _SENTENCE_START.search(title[:m.start()])):
            continue
        out[m.start()] = w[0].lower()
        changed = True
    return "".join(out) if changed else None


def _bare(word: str) -> str:
    """A word without a possessive or a closing full stop, for comparing ("Trump's", "Kabul." -> "Trump", "Kabul")."""
    word = word.replace("’", "'").rstrip(".")
    return word[:-2] if word.endswith("'s") else word


def _lead(doc: Any, layout: Any, n: int) -> tuple[list[Any], list[Any]]:
    title: list[Any] = []
    body: list[Any] = []
    for s in doc.sents:
        s = _trim_space(s)
        if s is None:
            continue
        placed = layout.place(s.start_char, s.end_char)
        if placed is None:
            continue
        if placed[0] == "title":
            title.append(s)
        elif placed[0] == "body":
            if len(body) >= n:
                break
            body.append(s)
    return title, body


def _title_parts(sent: Any) -> list[Any]:
    """A headline's clauses joined by a semicolon, read one by one, the first first ("Spillway gate fails
    at Tormund Dam, flooding Esk river town; 1,200 evacuated": the model makes "evacuated" the root)."""
    cuts = [t.i for t in sent if t.text == ";"]
    if not cuts:
        return [sent]
    bounds = [sent.start, *cuts, sent.end]
    parts = (_trim_space(sent.doc[a + (a in cuts):b]) for a, b in pairwise(bounds))
    return [p for p in parts if p is not None]


def _trim_space(span: Any) -> Any:
    """The span without leading or trailing whitespace tokens, or None if empty."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return doc[s:e] if e > s else None


def _subject(verb: Any, after: int = 0) -> Any:
    """The verb's subject, not a pronoun, and not in a dateline (before char ``after``)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= after), None)
    return None if subj is None or subj.pos_ == "PRON" else subj


def _clause(sent: Any, after: int = 0) -> _Clause | None:
    """The sentence's event clause; a subject before char ``after`` (a wire dateline) does not count."""
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.idx >= after:
        # headline shorthand for the passive: "Victims named as ...", "March marred by shooting"
        part = _participle(root)
        if part is not None:
            return _Clause(root, part, False, True)
        # a root "noun" with a subject is a verb the tagger missed ("Lady Gaga protests outside ...")
        subj = _subject(root, after)
        if subj is not None and subj.i < root.i and root.tag_ == "NNS":
            return _Clause(subj, root, False)
        # a headline's future: a name and its infinitive ("SpaceX to launch Falcon Heavy rocket"), also
        # after a label and a colon ("Elon Musk: SpaceX to launch ...")
        for head in [root, *(c for c in root.children if c.dep_ == "appos" and c.i > root.i)]:
            if (head.pos_ == "PROPN" and head.idx >= after
                    and (to := _headline_future(head)) is not None):
                return _Clause(head, to, False)
    # the root verb, else the first verb with a subject that is not a pronoun
    # ("You knew it couldn't come easily, but the Cubs are champions")
    verbs = ([root] if root.pos_ in ("VERB", "AUX") else []) + [
        t for t in sent if t.pos_ in ("VERB", "AUX") and t.i != root.i and _subject(t, after) is not None]
    for verb in verbs:
        subj = _subject(verb, after)
        if subj is None:
            continue
        if (part := _participle(subj)) is not None and subj.i < verb.i:
            return _Clause(subj, part, False, True)  # "Victims named as repair work starts ..."
        if verb.lemma_ in _SOURCE_VERBS:  # "police said that a tram derailed": the event is what was said
            for c in verb.children:
                if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and (s := _subject(c, after)) is not None:
                    return _Clause(s, c, False, s.dep_ == "nsubjpass")
            return _Clause(subj, verb, True)
        return _Clause(subj, verb, False, subj.dep_ == "nsubjpass")
    return None


def _headline_future(name: Any) -> Any:
    """The verb of "to" right after a name, the headline's future ("SpaceX to launch ..."), or None."""
    doc = name.doc
    if name.i + 1 >= len(doc) or doc[name.i + 1].tag_ != "TO" or any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in name.children):
        return None  # "A Christmas to Remember", "Another Chance to Lead": no future
    verb = doc[name.i + 1].head
    return verb if verb.pos_ == "VERB" and verb.head.i == name.i and verb.dep_ in ("relcl", "acl") else None


def _participle(noun: Any) -> Any:
    """The past participle right after a noun, in a headline's passive shorthand ("victims named")."""
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1), None)


def _headline_verb(title: list[Any], first: _Clause, lead: list[_Clause]) -> Any:
    """The headline's word for the lead's event, when the model parsed the headline otherwise:
    "Lady Gaga stages protest" (lead: "Lady Gaga staged a protest") -> "stages protest"."""
    verb = next((c.verb for c in lead if not c.source), lead[0].verb)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if verb.lemma_ == first.verb.lemma_ or obj is None or obj.lemma_ != first.verb.lemma_:
        return None  # only where the headline's verb is the lead's object: a noun taken for a verb
    for sent in title:
        for tok in sent:
            if (tok.lemma_ != verb.lemma_ and _stem(tok.lower_) != _stem(verb.lower_)) or tok.is_stop \
                    or tok.i == first.verb.i:
                continue
            hi = tok.i + 1
            if obj is not None:
                hi = next((t.i + 1 for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 4)] if t.lemma_ == obj.lemma_),
                          hi)
            return tok.doc[tok.i:hi]
    return None


def _lead_in_headline(title: list[Any], lead: list[Any], body: list[Any]) -> Any:
    """The lead's event as the headline words it, where the model found no main verb in the headline:
    a verb of the lead and its object, or a word in -s right before that object that the ``body``
    sentences never use as a noun ("Taliban bomber rams truck into ..." + "... after a suicide bomber
    crashed a truck ..." -> "rams truck", but not "roads" of "Halden roads bridge opening"; "Bill Murray
    and Barack Obama lead celebrations as ..." + "... led the celebrations" -> "lead celebrations")."""
    nouns = {t.lower_ for s in body for t in s if t.pos_ in ("NOUN", "PROPN")}
    for verb in (t for s in lead for t in s if t.pos_ == "VERB" and t.lemma_ not in _SOURCE_VERBS):
        obj = next((o for o in verb.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            continue
        for sent in title:
            for tok in sent:
                if tok.lemma_.lower() != obj.lemma_.lower() or tok.i == sent.start:
                    continue
                for v in reversed(tok.doc[max(sent.start, tok.i - 3):tok.i]):
                    if _circumstance(v) or any(a.pos_ in ("VERB", "AUX") for a in v.ancestors):
                        continue  # "after 'speeding' round a bend", "claims it is impossible to read emails"
                    if v.lemma_ == verb.lemma_ or _stem(v.lower_) == _stem(verb.lower_) or (
                            v.i == tok.i - 1 and v.tag_ in ("NNS", "VBZ") and v.lower_.endswith("s")
                            and v.lower_ not in nouns):
                        return tok.doc[v.i:tok.i + 1]
    return None


def _stem(word: str) -> str:
    """A crude stem for comparing inflections the lemmatiser missed ("staged" -> "stag")."""
    for suffix in ("ing", "es", "ed", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _who(title: list[Any], clauses: list[_Clause], options: EventOptions, n_title: int = 0) -> _Found:
    """``n_title``: how many of ``clauses`` are the headline's (a headline's speaker is its actor: "China
    promises to deal seriously with ...")."""
    actors = [c for i, c in enumerate(clauses) if not (options.who_skip_sources and c.source and i >= n_title)
              and not (options.who_skip_passive and c.passive)]
    named = [w for w in (_who_span(c.subj.doc, c.subj) for c in actors) if w.label_ in _WHO_LABELS]
    if named:
        return named[0], "named subject"
    if options.who_title_actor != "none":
        for s in title:
            for e in s.ents:
                if e.label_ not in ("PERSON", "ORG") or _opposed(e):
                    continue
                if options.who_title_actor == "subject" and not (
                        e.root.dep_ in ("nsubj", "nsubjpass", "ROOT") or e.root == s.root):
                    continue
                return _name_part(e), "headline name"
    if options.who_agent:  # an event or a decision is no actor: "A decision to space out ...", "Seattle shooting"
        actors = [c for c in actors if not _not_agent(c.subj)]
        clauses = [c for c in clauses if not _not_agent(c.subj)]
    if actors:
        return _who_span(actors[0].subj.doc, actors[0].subj), "subject"
    return (_who_span(clauses[0].subj.doc, clauses[0].subj), "subject") if clauses else None


def _not_agent(subj: Any) -> bool:
    """The subject names an event or a report ("Seattle shooting", "A decision"), not who acted."""
    return subj.pos_ != "PROPN" and (subj.lower_ in _NOT_AGENTS or subj.lemma_.lower() in _NOT_AGENTS
                                    or subj.lower_.rstrip("s") in _NOT_AGENTS)


def _opposed(e: Any) -> bool:
    """The name is what others oppose, not who acts: "anti-Donald Trump protest", "protests against
    Donald Trump's election victory"."""
    if re.search(r"\banti-?\s*$", e.doc.text[max(0, e.start_char - 6):e.start_char], re.IGNORECASE):
        return True
    tok = e.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ == "ADP":
            return tok.lower_ in _OPPOSING_PREPS
    return False


def _name_part(e: Any) -> Any:
    """A name the model ran into the next words cut at its first inner article ("Cubs a World Series"
    -> "Cubs") or a lower-case conjunction of a circumstance ("Varnholm as Tormund gate" -> "Varnholm");
    "The Hague" and "Bank of the West" keep theirs."""
    cut = next((t.i for t in e[1:] if (t.pos_ == "DET" and t.nbor(-1).lower_ != "of")
                or (t.text in _NOT_OBJECT_PREPS)), e.end)
    return e.doc[e.start:cut]


def _who_span(doc: Any, subj: Any) -> Any:
    for e in doc.ents:  # the name the subject is, rather than its titles ("Formula One star ...")
        if e.label_ in _WHO_LABELS and e.start <= subj.i < e.end:
            return e
    lo = subj.left_edge.i
    hi = subj.i + 1
    # keep conjuncts ("Kim and Shoigu"), not relative clauses or appositions
    for c in subj.children:
        if c.dep_ == "conj" and c.i > subj.i:
            hi = max(hi, c.i + 1)
    if hi - lo > _MAX_WHO:
        lo = hi - _MAX_WHO
    # a dateline or a credit the model ran into the subject ("PARIS - A truck", "(CNN) Chaos", "CNN)
    # Chaos"), but not a bracket inside it ("The Islamic State (IS) group")
    if ((m := _DATELINE.match(doc.text, doc[lo].idx)) is not None and m.end() <= subj.idx
            and len(m.group("place")) > 2):  # not "US - China talks"
        lo = next(t.i for t in doc[lo:subj.i + 1] if t.idx >= m.end())
    for t in doc[lo:subj.i]:
        if t.text in (")", "]") and (doc[lo].text in ("(", "[") or not any(o.text in ("(", "[")
                                                                           for o in doc[lo:t.i])):
            lo = t.i + 1
            break
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi]


def _what_span(doc: Any, verb: Any) -> Any:
    lo = verb.i
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and verb.i - c.i <= 3:
            lo = min(lo, c.i)
    hi = verb.i + 1
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")), None)
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i
                     and c.lower_ not in _NOT_OBJECT_PREPS
                     and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)), None)  # "on Saturday"
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), prep)
            if obj.i - prep.i > _MAX_PREP:
                obj = None  # a long phrase is a circumstance ("are pissed over Toblerone's new candy size")
    for c in verb.children:
        if c.dep_ == "prt":
            hi = max(hi, c.i + 1)
    if obj is not None and obj.i > verb.i:
        hi = max(hi, obj.i + 1)
    own = hi  # the verb's own words, before an infinitive
    if obj is None and (to := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                                    and c.pos_ == "VERB" and any(a.tag_ == "TO" and a.i == hi for a in c.children)),
                                   None)):
        # right after the verb: "managed to take over a Delta flight", not "voted on Tuesday to repeal ...";
        # only the infinitive's verb when its phrase is too long ("set to check the driver's mobile ...")
        end = _what_span(doc, to).end
        hi = end if end - lo <= _MAX_WHAT else to.i + 1 if to.i + 1 - lo <= _MAX_WHAT else hi
    if hi - lo > _MAX_WHAT:
        hi = lo + _MAX_WHAT
    lo, hi = _paired(doc, verb, lo, hi)
    if _quote_marks(doc[lo:hi]) % 2 and hi > own:
        lo, hi = _paired(doc, verb, lo, own)  # an infinitive that opens a quote it does not close: the verb alone
    return doc[lo:hi]


def _paired(doc: Any, verb: Any, lo: int, hi: int) -> tuple[int, int]:
    """The what's bounds without trailing punctuation, and with the pair of a quote mark it opens or
    closes where that mark is right outside it ("describes 'carnage'", "'blacked out'")."""
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_quote):
        hi -= 1
    if _quote_marks(doc[lo:hi]) % 2:
        if hi < len(doc) and doc[hi].is_quote:
            hi += 1
        elif lo > 0 and doc[lo - 1].is_quote:
            lo -= 1
        elif _opens(doc, lo, hi) and (close := next((t.i for t in doc[hi:min(verb.sent.end, lo + _MAX_WHAT)]
                                                     if t.is_quote), None)) is not None:
            hi = close + 1  # "'fell down a deep well'", "promises 'a new start'": the object the model missed
    return lo, hi


def _opens(doc: Any, lo: int, hi: int) -> bool:
    """The span's last quote mark opens a quote: it starts the span or has a space before it."""
    last = next((t for t in reversed(doc[lo:hi]) if t.is_quote and not _possessive(t)), None)
    return last is not None and (last.i == lo or bool(doc[last.i - 1].whitespace_))


def _relative_verb(noun: Any) -> Any:
    """The verb of a relative clause on the object of a headline's head noun, which tells the event:
    "Mystery of the Chinese boy who 'fell down a deep well' after ..." -> "fell" (the model hangs
    the "who" clause on "Mystery" or on "boy"); not an infinitive ("Questions of the kind to ask"),
    nor a clause on a head noun without such an object ("5 things we learned", "Man who killed five
    ... sentenced")."""
    root = noun.root
    if root.lemma_.lower() in _EVENT_NOUNS:
        return None  # "Death of the man who founded the party": the death
    objects = [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    if not objects:
        return None
    for head in [*objects, root]:
        for rel in head.children:
            if (rel.dep_ != "relcl" or rel.pos_ != "VERB" or any(t.tag_ == "TO" for t in rel.subtree)
                    or (head.i == root.i and not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in rel.children))):
                continue
            return rel
    return None


def _possessive(tok: Any) -> bool:
    """A possessive apostrophe, glued to the word before it ("the Dahls' home"); the model also parses
    some opening quote marks as ``case`` ("describes 'carnage'"), which have a space before them."""
    return tok.text in ("'", "’") and tok.dep_ == "case" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _quote_marks(span: Any) -> int:
    """Quote marks in the span, not counting a possessive apostrophe."""
    return sum(t.is_quote and not _possessive(t) for t in span)


def _nominal(doc: Any, sent: Any) -> Any:
    """A headline without a clause names the event: "Croydon tram derailment: ..." -> "Croydon tram
    derailment"; "Afghanistan: Fatal attack on ..." -> "Fatal attack"; "Several dead and dozens injured
    after ..." -> "Several dead and dozens injured"."""
    root = sent.root
    if root.pos_ in ("ADJ", "NUM") or (root.pos_ == "VERB" and root.tag_ == "VBN"):
        # a verbless report of an outcome: up to its first circumstance ("after", "in", ":")
        end = next((t.left_edge.i for t in sent[root.i - sent.start + 1:]
                    if t.dep_ in ("advcl", "prep", "mark", "punct")), sent.end)
        return doc[sent.start:end] if end - sent.start <= _MAX_WHAT else None
    # the root, or what a label before a colon introduces ("Afghanistan: Fatal attack ...")
    for head in [root] + [c for c in root.children if c.dep_ == "appos" and c.i > root.i]:
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
            continue  # not a noun, or a name ("Nordic Shipping under fire"): no event noun
        lo = min((c.i for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i),
                 default=head.i)
        return doc[max(lo, head.i - 4):head.i + 1]
    return None


def _in_main_clause(tok: Any) -> bool:
    """No relative clause, participle of a noun ("woman killed ...") or clause opened by "since", "when"
    ... between the token and its sentence's root; an infinitive ("an honour to meet him on Thursday")
    does not count."""
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl") and tok.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):  # not "will meet", only "to meet"
            return False
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _BACKGROUND_MARKS
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
    return prep.lower_ in ("since", "by") or (
        prep.lower_ == "of" and prep.i > 0 and prep.nbor(-1).lower_ == "as")


def _sent_index(e: Any, sents: list[Any]) -> int:
    """The index of the sentence the span starts in (len(sents) when none)."""
    # the headline's sentences may come from its own sentence-case parse: compare within one Doc
    return next((i for i, s in enumerate(sents) if s.doc is e.doc and s.start <= e.start < s.end), len(sents))


def _date_rule(e: Any, sents: list[Any], n_title: int, first: int) -> str:
    """Where the first date stands: its precision falls with its distance from the headline. ``first``:
    the index of the lead's first sentence (after a dateline the model made a sentence of)."""
    i = _sent_index(e, sents)
    return "date in the headline" if i < n_title else "date in the first sentence" if i <= first \
        else "date later in the lead"


def _circumstance(tok: Any) -> bool:
    """The word is in a circumstance of its sentence ("after shock election win", "as Cubs end ...")."""
    while tok.head.i != tok.i:
        if tok.lower_ in _NOT_OBJECT_PREPS or any(c.dep_ == "mark" for c in tok.children):
            return True
        tok = tok.head
    return False


def _governor(tok: Any) -> Any:
    """The word a date tells the time of: "derailed" of "derailed on Wednesday", "bombing" of "the
    bombing late Thursday", "election" of "Tuesday's election"."""
    for _ in range(3):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in ("VERB", "NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            return tok
    return tok


def _when(sents: list[Any], title: list[Any], layout: Any, times: tuple[TimeExpression, ...],
          options: EventOptions, after: int = 0) -> _Found:
    """``after``: where the body's wire dateline ends (its date is the filing's, told of no word)."""
    resolved = {(t.field, t.start) for t in times if t.status == "resolved" and t.granularity in _WHEN_GRAINS}
    found = [e for s in sents for e in s.ents if e.label_ in ("DATE", "TIME") and _WHEN_WORDS.search(e.text)
             and (p := layout.place(e.start_char, e.end_char))
             and ((p[0], p[1]) in resolved or (options.when_clock and _CLOCK.search(e.text)))]
    if options.when_main_clause:  # stable: the first main-clause date first
        found.sort(key=lambda e: not _in_main_clause(e.root) or _status_time(e.root))
    def modifier(e: Any) -> bool:
        head = e.root.head  # "Tuesday's election", not "Saturday afternoon" (a time of that day)
        return bool(e.root.dep_ in ("poss", "compound") and head.pos_ in ("NOUN", "PROPN")
                    and head.ent_type_ not in ("DATE", "TIME") and head.lower_ not in PARTS_OF_DAY)

    stems: set[str] = set()

    def in_dateline(e: Any) -> bool:
        placed = layout.place(e.start_char, e.end_char)
        return placed is not None and placed[0] == "body" and e.start_char < after

    def told_of_headline(e: Any) -> bool:
        return not in_dateline(e) and _stem(_governor(e.root).lower_) in stems

    if options.when_title_event and title:
        # the date of the headline's event first: "Taliban attacks ... with truck bomb" + "the toll rose
        # Friday ... the bombing late Thursday" -> late Thursday
        stems = {_stem(t.lower_) for s in title for t in s if t.is_alpha and not t.is_stop and not _circumstance(t)}
    # a date naming another event ("Tuesday's election", "a November surprise") last, whatever its noun
    found.sort(key=lambda e: (options.when_not_modifier and modifier(e), not told_of_headline(e)))
    # the lead's first sentence: the first body sentence that ends after a wire dateline, which the model
    # may make a sentence of its own ("OSLO, Norway (Reuters) -")
    first = next((i for i, s in enumerate(sents) if i >= len(title) and s.end_char > after), len(sents))
    # a time counted from an event in the headline or the first sentence ("FBI clears Clinton ... two days
    # before election") comes before a date further down, which more often dates something else, and before
    # a date that names another event ("Tuesday's vote") or lies inside it ("a week after the Nov. 8 election")
    anchored = next((a for s in sents[:first + 1] if (a := _anchored(s)) is not None), None)
    if not found:
        return None if anchored is None else (anchored, _RELATIVE_TIME)
    e = found[0]
    placed = layout.place(e.start_char, e.end_char)
    rule = ("date of a headline word" if stems and told_of_headline(e)
            else "date modifying a noun" if modifier(e)
            else _date_rule(e, sents, len(title), first) if placed is not None and (placed[0], placed[1]) in resolved
            else "time of day")
    # (it stands in the headline or the first sentence: a date of a later sentence is further down)
    if anchored is not None and (
            (e.doc is anchored.doc and anchored.start <= e.start < anchored.end)
            or (rule != "date of a headline word" and (
                rule == "date modifying a noun" or _sent_index(e, sents) > _sent_index(anchored, sents)))):
        return anchored, _RELATIVE_TIME
    if rule == "time of day" and (day := next((d for d in found if d.doc is e.doc and e.end <= d.start <= e.end + 4
                                                and not _CLOCK.search(d.text)
                                                and all(t.lower_ in _TIME_TO_DATE for t in e.doc[e.end:d.start])),
                                               None)):
        e = e.doc[e.start:day.end]  # "6.13am today", "11:36am local time on Tuesday"
        rule = "time of day and its date"
    head = e.root.head
    if e.root.dep_ == "compound" and head.i == e.end and head.lower_ in PARTS_OF_DAY:
        e = e.doc[e.start:head.i + 1]  # "Saturday" + "afternoon", tagged as two names -> "Saturday afternoon"
    of = [t.i for t in e if t.lower_ == "of"]
    if of and _WHEN_WORDS.search(e.doc[of[-1] + 1:e.end].text):
        return e.doc[of[-1] + 1:e.end], rule  # "the early hours of Wednesday morning" -> "Wednesday morning"
    return e, rule


def _anchored(sent: Any) -> Any:
    """A count of minutes, hours, days or weeks before or after an event the sentence names, up to the
    event's noun: "two days before election", "only 11 days before the presidential election", "three
    hours after the blast", with the noun's short "of" phrase ("three hours after the start of the
    match"); not "just days before the vote", which counts nothing, nor "a day after she encouraged her
    fans", which names no event by a noun, nor years ("in 108 years after a thrilling game"), nor a
    period ("fell 3 percent in the two days after the vote"); or None."""
    for e in sent.ents:
        unit = e.root
        if (e.label_ not in ("DATE", "TIME") or unit.lower_ not in _ANCHOR_UNITS or e.end >= len(e.doc)
                or e[0].lower_ == "the" or not any(t.like_num or t.lower_ in ("a", "an") for t in e)):
            continue
        prep = e.doc[e.end]  # "days" -> "before", or "before" -> "hours" where the model hangs it on the count
        if prep.lower_ not in ("before", "after") or not (
                (unit.dep_ == "npadvmod" and unit.head.i == prep.i) or prep.head.i == unit.i):
            continue
        event = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if event is None or event.lower_ == "fact":  # "two days after the fact"
            continue
        end = event.i + 1
        of = next((c for c in event.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            words = list(of.subtree)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            end = words[-1].i + 1 if len(words) <= 6 else obj.i + 1 if obj is not None else end
        return e.doc[e.start:end]
    return None


def _place_phrase(e: Any) -> bool:
    """The place is (in) the object of a place preposition: "in Seattle", "in the city of Mazar-i-Sharif"."""
    tok = e.root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS:
            # "from" a place is where someone comes from ("a man from Beckenham"), unless a verb moves
            return tok.head.lower_ != "from" or tok.head.head.pos_ in ("VERB", "AUX")
        if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep"
                and tok.head.head.lemma_.lower() in _PLACE_NOUNS):
            tok = tok.head.head  # "city" of "the city of X", not "wake" of "in the wake of X"
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PLACE_NOUNS and tok.head.i > tok.i:
            tok = tok.head  # "in Afghanistan's Mazar-i-Sharif city"
            continue
        if tok.dep_ in ("appos", "conj"):
            tok = tok.head
            continue
        return False
    return False


def _is_place(e: Any, places: set[str]) -> bool:
    """A place entity, an organisation one is "at", or a name the article tags as a place elsewhere
    ("Croydon" of "Croydon tram crash", tagged PRODUCT there, is a place "in Croydon" further on)."""
    if e.label_ in _PLACE_LABELS or e.text in places:
        return True
    if e.label_ in ("ORG", "PERSON", "PRODUCT") and e.root.dep_ == "pobj" and not _ACRONYM.fullmatch(e.text):
        head = e.root.head
        # a site ("outside Trump Tower"), or a name in "the city of X" the model took for a person
        return head.lower_ in _SITE_PREPS or (head.lower_ == "of" and head.head.lemma_.lower() in _PLACE_NOUNS)
    return False


def _where(doc: Any, title: list[Any], lead: list[Any], wider: list[Any], dateline: Any,
           options: EventOptions) -> _Found:
    places = {e.text for e in doc.ents if e.label_ in _PLACE_LABELS}

    def phrases(sents: list[Any]) -> Iterator[Any]:
        # a modifier is no place, unless of a place noun ("in the Kunduz province")
        return (e for s in sents for e in s.ents if _is_place(e, places) and _place_phrase(e)
                and (e.root.dep_ not in _MODIFIER_DEPS
                     or (e.root.dep_ == "compound" and e.root.head.lemma_.lower() in _PLACE_NOUNS)))

    def phrase(sents: list[Any]) -> Any:
        return next(phrases(sents), None)

    def free(sents: list[Any]) -> Any:
        return next((e for s in sents for e in s.ents if _is_place(e, places) and e.root.dep_ not in _MODIFIER_DEPS),
                    None)

    found: _Found = None
    if options.where_title_modifier and title:
        e = next((e for s in title for e in s.ents if _is_place(e, places) and _heads_title(e.root)), None)
        found = (e, "headline modifier") if e is not None else None
    if found is None or not options.where_modifier_first:
        e = phrase(title)
        found = (e, "place phrase in the headline") if e is not None else found
    if found is None and (e := phrase(lead)) is not None:
        found = (e, "place phrase in the lead")
    if found is not None and options.where_specific and is_country(found[0].text):
        # "... consulate in Afghanistan" then "in the northern city of Mazar-i-Sharif": the city
        inside = next((e for e in phrases(title + wider) if _inside(e, found[0].text)), None)
        found = (inside, "place inside the country") if inside is not None else found
    if found is None and options.where_dateline and dateline is not None:
        found = (dateline, "dateline")
    if found is None and options.where_any and (e := free(title) or free(lead)) is not None:
        found = (e, "any place")
    if found is not None:  # "outside Trump Tower in New York City", "in Sterling Heights, Michigan"
        inner, outer = found[0], _enclosing(found[0])
        for _ in range(2):  # "Punta Islita, Guanacaste, Costa Rica"
            if outer is None:
                break
            found = (inner.doc[inner.start:outer.end], found[1])
            outer = _enclosing(outer)
    return found


def _enclosing(e: Any) -> Any:
    """The place right after the answer that it lies in, or None: after "in" any city, region or
    country ("Trump Tower" + "in New York City"); after a comma a country or a region the gazetteer
    knows ("Sterling Heights" + ", Michigan"), one the answer may lie in (not "Paris, Berlin" nor
    "Berlin, Israel"), that is not the subject of what follows ("Clashes erupted in Gaza, Israel
    said") nor one of a list ("in Paris and Lyon", "in London, Paris, Berlin and Rome")."""
    doc = e.doc
    if e.end + 1 >= len(doc):
        return None
    sep = doc[e.end]
    wider = _entity_at(doc, e.end + 1)
    if (wider is None or wider.label_ not in ("GPE", "LOC") or wider.sent.start != e.sent.start
            or wider.text == e.text or is_wide_region(wider.text)):
        return None
    after = doc[wider.end] if wider.end < len(doc) else None
    if after is not None and (after.lower_ in ("and", "or", "'s", "’s") or after.dep_ == "case"):
        return None  # "in Paris and Lyon", "Kabul, Afghanistan's capital"
    if sep.lower_ == "in":
        return wider if wider.root.head.i == sep.i else None
    if sep.text != "," or is_country(e.text) or wider.root.dep_ in ("nsubj", "nsubjpass"):
        return None
    region, inner = geo(wider.text), geo(e.text)
    if region is None or (inner is not None and not inner[1] & region[1]):
        return None  # not a known region, or one of another country than the answer's
    if after is not None and after.text == ",":
        following = _entity_at(doc, wider.end + 1)
        if following is not None and following.label_ in ("GPE", "LOC") and not is_country(following.text):
            return None  # "London, Paris, Berlin ...": a list
    return wider


def _entity_at(doc: Any, i: int) -> Any:
    """The entity that starts at token ``i``, or None."""
    return next((x for x in doc.ents if x.start == i), None)


def _inside(e: Any, country: str) -> bool:
    """The place may lie inside the country: a city or a region, not a country, not a region of another
    country (ISO 3166-2), not a continent or a wider region ("Europe"), no digits ("F1" tagged GPE)."""
    if e.label_ not in ("GPE", "LOC") or any(c.isdigit() for c in e.text) or is_wide_region(e.text):
        return False
    found, home = geo(e.text), geo(country)
    if found is None:
        return True  # a city or a region the gazetteer does not know
    return found[0] == "subdivision" and home is not None and bool(found[1] & home[1])


def _heads_title(tok: Any) -> bool:
    """A modifier of the headline's head noun or of its subject ("Croydon tram crash: ...")."""
    if tok.dep_ != "compound":
        return False
    while tok.dep_ == "compound":
        tok = tok.head
    subject = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"
    return tok.pos_ == "NOUN" and (tok.dep_ == "ROOT" or subject)


def _dateline_match(doc: Any, layout: Any) -> tuple[int, Any] | None:
    """A wire dateline near the start of the body: at the very start, after a sentence, a
    line or a closing bracket (a photo credit "...Getty Images) WASHINGTON --"), or anywhere
    with its date or agency ("... Mark Hosenball WASHINGTON, Nov 6 (Reuters) -"); not a
    capitalised word before a dash inside a sentence ("the head of NATO - the alliance"), nor
    a label ("FILE -", "AP PHOTO -")."""
    start = layout.body_start
    text = doc.text[start:start + min(_DATELINE_CHARS, layout.body_len)]
    for m in _DATELINE.finditer(text):
        place = m.group("place")
        if len(place.replace(".", "")) < 2 or _NOT_DATELINE_WORDS.intersection(re.split(r"[ /]", place)):
            continue
        before = text[:m.start()].rstrip(" \t")
        if m.group("date") or m.group("agency") or not before or before[-1] in ".!?)]\n\"”":
            return start, m
    return None


def _dateline(doc: Any, layout: Any) -> tuple[Any, int]:
    """The place of a wire dateline near the start of the body, with its country or state ("SAO
    PAULO (AP) --" -> "SAO PAULO", "ERIE, Pa. --" -> "ERIE, Pa."), or None, and where the body's
    text starts after the dateline (0 when there is none)."""
    found = _dateline_match(doc, layout)
    if found is None:
        return None, 0
    start, m = found
    end = m.end("region") if m.group("region") else m.end("place")
    span = doc.char_span(start + m.start("place"), start + end, alignment_mode="contract")
    return (span if span is not None and len(span) else None), start + m.end()


def _part(layout: Any, found: _Found, text: str) -> EventPart | None:
    """The span as an event part; its text is the article's own (a re-parsed headline is sentence-cased)."""
    if found is None:
        return None
    span, rule = found
    # a possessive ("Jones'") or a stray closing mark goes; a mark that closes a quote in the span stays
    # ("'carnage'", "'reckless plans'", whose closing mark the model tags as a possessive)
    if span is not None and len(span) > 1 and (span[-1].lower_ in ("'s", "’s") or (
            span[-1].lower_ == "'" and not _quote_marks(span[:-1]) % 2)):
        span = span[:-1]
    if span is None or len(span) == 0:
        return None
    placed = layout.place(span.start_char, span.end_char)
    if placed is None:
        return None
    return EventPart(text[span.start_char:span.end_char], placed[1], placed[2], placed[0], rule)
