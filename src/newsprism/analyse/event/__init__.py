"""The main event of an article, 5W1H-style, from its title and lead.

The title and the first body sentences are read as clauses (subject, verb):
the root verb of each sentence, else the first verb whose subject is not a
pronoun ("They knew it would not be easy, but the Rovers are champions");
for a reporting verb ("officials said a ferry ran aground") the reported
clause; a headline in passive shorthand ("Victims named as ...", "March
marred by shooting") is a clause too. A headline in Title Case is read from
a second parse in sentence case (:func:`sentence_case`, given as
``title_doc``), and a wire dateline is no subject.

Each question has candidate rules, named by the members of
:mod:`.names` (``Who``, ``What``, ``When``, ``Where``) and written in
:mod:`.who`, :mod:`.what`, :mod:`.when` and :mod:`.where`; :data:`PRIORITY`
orders them, and the first that finds a span answers, with its rule's name
(:attr:`newsprism.records.EventPart.rule`). When ranks the dates it finds
(:mod:`.when`). The words the rules know are data in :mod:`.words`.

The rules were written reading the 96 articles of the Giveme5W1H gold
standard, so ``benchmarks/fivew1h.py``'s figures on it are in-sample. A
question the lead does not answer stays None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...gazetteer import gazetteer as builtin_gazetteer
from ...records import Event, EventPart, Gazetteer, TimeExpression
from ...settings import AnalyseSettings
from ..doctext import text_of
from . import what as _what
from . import where as _where
from . import who as _who
from .dateline import dateline
from .names import What, When, Where, Who
from .parse import Reading, clause, lead, quote_marks, sentence_case, title_parts, trim_space
from .when import when

__all__ = ["PRIORITY", "What", "When", "Where", "Who", "main_event", "sentence_case"]


#: Per question, its candidate rules in order of priority: the first that finds a span answers.
PRIORITY: Mapping[str, tuple[Who, ...] | tuple[What, ...] | tuple[Where, ...]] = {
    "who": (Who.NAMED_SUBJECT, Who.HEADLINE_NAME, Who.SUBJECT),
    "what": (What.LEAD_IN_HEADLINE, What.HEADLINE_RELATIVE, What.HEADLINE_NOUN, What.HEADLINE_VERB,
             What.HEADLINE_CLAUSE, What.LEAD_CLAUSE),
    "where": (Where.HEADLINE_PHRASE, Where.HEADLINE_MODIFIER, Where.LEAD_PHRASE, Where.DATELINE),
}
_RULES: Mapping[str, Mapping[Any, Callable[[Reading], Any]]] = {
    "who": _who.RULES, "what": _what.RULES, "where": _where.RULES}

#: An answer and the name of the rule that found it, or None.
_Found = tuple[Any, str] | None


def _choose(question: str, r: Reading) -> _Found:
    """The first span a rule of ``question`` finds, in :data:`PRIORITY` order, with the rule's name."""
    rules = _RULES[question]
    for name in PRIORITY[question]:
        if (span := rules[name](r)) is not None:
            return span, name
    return None


def _where_answer(r: Reading) -> _Found:
    """Where: the chosen place, a country giving way to a place inside it, widened by the places it
    lies in."""
    found = _choose("where", r)
    if found is None:
        return None
    span, rule = found
    if rule in _where.NARROWED and (inner := _where.inside_country(r, span)) is not None:
        span, rule = inner, Where.INSIDE_COUNTRY
    return _where.widen(span, r.gazetteer), rule


def main_event(doc: Any, article_id: str, layout: Any, times: tuple[TimeExpression, ...],
               options: AnalyseSettings = AnalyseSettings(), title_doc: Any = None,
               gazetteer: Gazetteer | None = None) -> Event:
    """Who did what, when and where, from the title and the first sentences.

    ``options``: how many lead sentences the rules read (the ``[analyse]`` settings section).
    ``gazetteer``: the countries the place rules know (default: the built-in alias packs' and ISO 3166's).

    ``title_doc``: the headline parsed again in sentence case (see
    :func:`sentence_case`), read instead of the title's sentences of ``doc``;
    its characters line up with the title's, so every span stays the title's.
    """
    if not doc.has_annotation("DEP"):
        return Event(article_id)
    title, body = lead(doc, layout, max(options.lead_sentences, options.when_sentences))
    if title_doc is not None and title_doc.has_annotation("DEP") and len(title_doc.text) == layout.title_len:
        title = [t for t in (trim_space(s) for s in title_doc.sents) if t is not None]
    title = [part for s in title for part in title_parts(s)]
    tclauses = [c for c in (clause(s) for s in title) if c is not None]
    # a wire dateline ("KUNDUZ, Afghanistan --") is no subject: the lead's clause starts after it, and a
    # caption before it ("... in Pasadena, Jan 1, 2018. [Photo/IC] PASADENA, Calif. -- Floral floats ...")
    # has none
    place, after = dateline(doc, layout)
    after_dateline = [s for s in body if s.end_char > after][:options.lead_sentences]
    lclauses = [c for c in (clause(s, after) for s in after_dateline) if c is not None]
    r = Reading(doc, layout, title, body, body[:options.lead_sentences], tclauses, lclauses, place, after, times,
                options.when_sentences, gazetteer or builtin_gazetteer())
    who, what, where = _choose("who", r), _choose("what", r), _where_answer(r)
    time = when(r)
    when_value = None
    if time is not None and time[1] != When.RELATIVE:
        placed = layout.place(time[0].start_char, time[0].end_char)
        if placed is not None:
            # the first time record with a value where the span starts or inside it ("Wednesday morning" of
            # "the early hours of Wednesday morning"; "Saturday" of "Saturday afternoon"; "Tuesday" of
            # "11:36am local time on Tuesday")
            when_value = next((t.value for t in times if t.field == placed[0] and t.value
                               and (t.start <= placed[1] < t.end or placed[1] <= t.start < placed[2])), None)
    text = text_of(doc)
    return Event(article_id, _part(layout, who, text), _part(layout, what, text), _part(layout, time, text),
                 _part(layout, where, text), when_value)


def _part(layout: Any, found: _Found, text: str) -> EventPart | None:
    """The span as an event part; its text is the article's own (a re-parsed headline is sentence-cased)."""
    if found is None:
        return None
    span, rule = found
    # a possessive ("Jones'") or a stray closing mark goes; a mark that closes a quote in the span stays
    # ("'carnage'", "'careless repairs'", whose closing mark the model tags as a possessive)
    if span is not None and len(span) > 1 and (span[-1].lower_ in ("'s", "’s") or (
            span[-1].lower_ == "'" and not quote_marks(span[:-1]) % 2)):
        span = span[:-1]
    if span is None or len(span) == 0:
        return None
    placed = layout.place(span.start_char, span.end_char)
    if placed is None:
        return None
    return EventPart(text[span.start_char:span.end_char], placed[1], placed[2], placed[0], str(rule))
