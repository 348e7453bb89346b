"""Who: the candidate rules of the actor, each a function of the :class:`Reading`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...lexicon import WIRE_DATELINE
from ..doctext import text_of
from .names import Who
from .parse import Clause, Reading
from .words import (
    HEADLINE_ACTOR_LABELS,
    MAX_WHO,
    NOT_AGENTS,
    NOT_OBJECT_PREPS,
    OPPOSED_PREFIX,
    OPPOSING_PREPS,
    WHO_LABELS,
)


def _actors(r: Reading) -> list[Clause]:
    """The clauses whose subject may have acted: not a source of the lead ("Robert Merner told reporters"),
    but a headline's speaker ("China promises to deal seriously with ...")."""
    return [c for i, c in enumerate(r.clauses) if not (c.source and i >= len(r.tclauses))]


def named_subject(r: Reading) -> Any:
    """The first actor's subject that is a name: the name itself, not its titles."""
    return next((w for w in (who_span(c.subj.doc, c.subj) for c in _actors(r)) if w.label_ in WHO_LABELS), None)


def headline_name(r: Reading) -> Any:
    """A person or an organisation of the headline that others do not oppose ("anti-Trump protest")."""
    for s in r.title:
        for e in s.ents:
            if e.label_ in HEADLINE_ACTOR_LABELS and not _opposed(e):
                return name_part(e)
    return None


def subject(r: Reading) -> Any:
    """The first actor's subject, else the first clause's, that names no event, decision or report
    ("A decision to space out ...", "Seattle shooting")."""
    actors = [c for c in _actors(r) if not _not_agent(c.subj)]
    clauses = [c for c in r.clauses if not _not_agent(c.subj)]
    chosen = actors[0] if actors else clauses[0] if clauses else None
    return None if chosen is None else who_span(chosen.subj.doc, chosen.subj)


#: The candidate rules of who, by name.
RULES: dict[Who, Callable[[Reading], Any]] = {
    Who.NAMED_SUBJECT: named_subject,
    Who.HEADLINE_NAME: headline_name,
    Who.SUBJECT: subject,
}


def _not_agent(subj: Any) -> bool:
    """The subject names an event or a report ("Seattle shooting", "A decision"), not who acted."""
    return subj.pos_ != "PROPN" and (subj.lower_ in NOT_AGENTS or subj.lemma_.lower() in NOT_AGENTS
                                    or subj.lower_.rstrip("s") in NOT_AGENTS)


def _opposed(e: Any) -> bool:
    """The name is what others oppose, not who acts: "anti-Donald Trump protest", "protests against
    Donald Trump's election victory"."""
    if OPPOSED_PREFIX.search(text_of(e.doc)[max(0, e.start_char - 6):e.start_char]):
        return True
    tok = e.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ == "ADP":
            return tok.lower_ in OPPOSING_PREPS
    return False


def name_part(e: Any) -> Any:
    """A name the model ran into the next words cut at its first inner article ("Rovers a League Cup"
    -> "Cubs") or a lower-case conjunction of a circumstance ("Varnholm as Tormund gate" -> "Varnholm");
    "The Hague" and "Bank of the West" keep theirs."""
    cut = next((t.i for t in e[1:] if (t.pos_ == "DET" and t.nbor(-1).lower_ != "of")
                or (t.text in NOT_OBJECT_PREPS)), e.end)
    return e.doc[e.start:cut]


def who_span(doc: Any, subj: Any) -> Any:
    """The subject's words: the name it is, else its phrase with its conjuncts, without a dateline or a
    credit the model ran into it."""
    for e in doc.ents:  # the name the subject is, rather than its titles ("Formula One star ...")
        if e.label_ in WHO_LABELS and e.start <= subj.i < e.end:
            return e
    lo = subj.left_edge.i
    hi = subj.i + 1
    # keep conjuncts ("Kim and Shoigu"), not relative clauses or appositions
    for c in subj.children:
        if c.dep_ == "conj" and c.i > subj.i:
            hi = max(hi, c.i + 1)
    if hi - lo > MAX_WHO:
        lo = hi - MAX_WHO
    # a dateline or a credit the model ran into the subject ("VARNHOLM - A barge", "(CNN) Chaos", "CNN)
    # Chaos"), but not a bracket inside it ("The Harbour Workers' Union (HWU)")
    if ((m := WIRE_DATELINE.match(text_of(doc), doc[lo].idx)) is not None and m.end() <= subj.idx
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
