"""The main event of an article, 5W1H-style, from its title and lead.

Who: the first subject (title, then the first body sentences) that is a name,
as the name itself; else the headline's first person or organisation; else
the first subject's core. What: the first clause's verb with auxiliaries,
particles and the core of its object (a reporting verb gives way to the
reported clause); a headline without a verb names the event with its head
noun phrase. When: the first DATE/TIME naming a day, date or time of day that
resolves. Where: the first place after "in", "at", "near" ..., else the first
place that is not a modifier ("US election"). Each answer is a span; a
question the lead does not answer stays None.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Event, EventPart, TimeExpression
from .rules import REPORTING_VERBS

_LEAD_SENTENCES = 3
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EQUIPMENT")
#: Prepositions that open a circumstance, not the object of the event ("crash out as ...").
_NOT_OBJECT_PREPS = frozenset({"as", "after", "before", "despite", "during", "amid", "since", "until", "because"})
_WHO_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_WHEN_GRAINS = ("day", "week", "month", "year")
#: A "when" names a day, a date or a time of day, not a duration ("two days", "108 years").
_WHEN_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|tomorrow|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|morning|afternoon|evening|night)\b|\d(?:am|pm|:\d\d)", re.IGNORECASE)
_PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "into", "from", "off")
_MAX_WHO = 8
_MAX_WHAT = 8


def main_event(doc: Any, article_id: str, layout: Any, times: tuple[TimeExpression, ...]) -> Event:
    """Who did what, when and where, from the title and the first sentences."""
    if not doc.has_annotation("DEP"):
        return Event(article_id)
    title, lead = _lead(doc, layout)
    clauses = [c for c in (_clause(s) for s in title + lead) if c is not None]
    # the headline's person or organisation, when no subject names anyone
    actor = next((e for s in title for e in s.ents if e.label_ in ("PERSON", "ORG")), None)
    who, what = actor, None
    if clauses:
        # what: the first clause (the title's when it has one); who: the first
        # subject that is a name, else the first subject
        verb = clauses[0][1]
        if verb.lemma_ in REPORTING_VERBS:  # "police said that a tram derailed": the event is what was said
            verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), verb)
        what = _what_span(doc, verb)
        named = [w for w in (_who_span(doc, subj) for subj, _ in clauses) if w.label_ in _WHO_LABELS]
        who = named[0] if named else actor or _who_span(doc, clauses[0][0])
    if title and not any(_clause(s) is not None for s in title):
        what = _nominal(doc, title[0]) or what
    resolved = {(t.field, t.start) for t in times if t.status == "resolved" and t.granularity in _WHEN_GRAINS}
    when_span = next((e for s in title + lead for e in s.ents if e.label_ in ("DATE", "TIME")
                      and _WHEN_WORDS.search(e.text)
                      and (p := layout.place(e.start_char, e.end_char)) and (p[0], p[1]) in resolved), None)
    where_span = _where(title, True) or _where(lead, True) or _where(title, False) or _where(lead, False)
    when_value = None
    if when_span is not None:
        placed = layout.place(when_span.start_char, when_span.end_char)
        if placed is not None:
            when_value = next((t.value for t in times if t.field == placed[0] and t.start == placed[1]), None)
    return Event(article_id, _part(layout, who), _part(layout, what), _part(layout, when_span),
                 _part(layout, where_span), when_value)


def _lead(doc: Any, layout: Any) -> tuple[list[Any], list[Any]]:
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
        elif placed[0] == "body" and len(body) < _LEAD_SENTENCES:
            body.append(s)
    return title, body


def _trim_space(span: Any) -> Any:
    """The span without leading or trailing whitespace tokens, or None if empty."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return doc[s:e] if e > s else None


def _clause(sent: Any) -> tuple[Any, Any] | None:
    root = sent.root
    verb = root if root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        verb = next((t for t in sent if t.pos_ == "VERB" and any(c.dep_.startswith("nsubj") for c in t.children)),
                    None)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return subj, verb


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
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                     and c.lower_ not in _NOT_OBJECT_PREPS), None)
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), prep)
    for c in verb.children:
        if c.dep_ == "prt":
            hi = max(hi, c.i + 1)
    if obj is not None and obj.i > verb.i:
        hi = max(hi, obj.i + 1)
    if hi - lo > _MAX_WHAT:
        hi = lo + _MAX_WHAT
    return doc[lo:hi]


def _nominal(doc: Any, sent: Any) -> Any:
    """A nominal headline names the event: "Croydon tram derailment: ..." -> "Croydon tram derailment"."""
    head = sent.root
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return None  # not a noun, or a name ("Nordic Shipping under fire"): no event noun
    lo = min((c.i for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i), default=head.i)
    return doc[max(lo, head.i - 4):head.i + 1]


def _has_name(doc: Any, span: Any) -> bool:
    return span is not None and any(
        e.label_ in _NAME_LABELS and span.start <= e.start and e.end <= span.end for e in doc.ents)


def _where(sents: list[Any], after_preposition: bool) -> Any:
    for s in sents:
        for e in s.ents:
            if e.label_ not in _PLACE_LABELS and not (e.label_ == "ORG" and e.root.head.lower_ == "at"):
                continue
            if after_preposition and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPS):
                continue
            if e.root.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod"):
                continue  # "US election", "Russia's president": a modifier, not where it happened
            return e
    return None


def _part(layout: Any, span: Any) -> EventPart | None:
    if span is not None and len(span) > 1 and span[-1].lower_ in ("'s", "’s", "'"):
        span = span[:-1]
    if span is None or len(span) == 0:
        return None
    placed = layout.place(span.start_char, span.end_char)
    if placed is None:
        return None
    return EventPart(span.text, placed[1], placed[2], placed[0])
