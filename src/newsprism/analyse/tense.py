"""Which way a date's verb looks from the day of writing: past, future, present or either.

The time resolver (``times.py``) reads a weekday or a month without a year in the direction its
sentence tells: "said Friday" looks back, "will meet Friday" ahead. Word lists live in
``datewords.py``.
"""

from __future__ import annotations

import re
from typing import Any

from . import datewords as w
from . import rules

_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "would", "could", "may", "might", "can", "should", "wo", "must"})
#: The modals of a future seen from the past ("said buyers would return as soon as trading opened").
_FUTURE_IN_THE_PAST = frozenset({"would", "could", "might", "'d"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "be", "has", "have", "'ve", "do", "does"})
#: Roles in which a date tells when its head happened ("said Friday", "on Friday", "early Tuesday").
_ADVERBIAL = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod:tmod"})


def direction(ent: Any, headline: bool = False) -> str:
    """``past``, ``future``, ``present`` or ``either``: which way the verb the span dates looks from the day of writing.

    Only a date that tells when its verb happens takes the verb's tense: an
    adverbial ("said Friday", "on Friday"), not an object ("has set Nov. 10 as
    the deadline") nor a noun's or adjective's date ("a dividend payable Dec.
    1", "Tuesday's vote", a headline): those say nothing, and the nearest day
    is meant. A modal ("will", "would"), "going to", an infinitive after a verb
    that looks ahead ("expect to be completed by Dec. 15", "plans to visit on
    Friday"), a present progressive ("is meeting Friday") or a present passive
    of such a verb ("is expected in December") looks ahead; a past tense or a
    perfect looks back. Outside a headline or a caption (whose present tells
    the past), a present tense of a verb that is not one of reporting is
    ``present``: what is scheduled ("has a second chance on Wednesday") or what
    a photo the text describes shows ("fans celebrate on Wednesday night"),
    the nearest day either way; a reporting verb's present ("says Tuesday")
    says nothing. A date told as what a present "is" is looks ahead ("the
    election is Nov. 8").
    """
    tok = ent.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Monday and Tuesday"
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative") and tok.head.head.i != tok.head.i:
        tok = tok.head.head  # "on Friday" -> the word "on" hangs from
    elif tok.dep_ in _ADVERBIAL or (tok.dep_ == "prep" and tok.head.i != tok.i):
        tok = tok.head
    else:
        tok = None  # the date is a subject, an object, a noun's modifier, or the root
    if tok is not None:
        tok = _before_its_clause(tok, ent)  # "said Tuesday he will resign": the saying's day
    if _since(ent):
        return "past"  # "since the November attacks", "the lowest since mid-November"
    if (lead := _led_up_to(ent)) is not None:
        # "ahead of Tuesday's vote, the port is quiet": ahead, unless told in the past (then either way)
        return "either" if lead.i != ent.root.i and _tense(lead, 4) == "past" else "future"
    if not headline and ent.root.dep_ == "pobj" and ent.root.head.lower_ in w.UNTIL_PREPOSITIONS:
        verb = ent.root.head
        for _ in range(6):
            if (is_verb(verb) and verb.dep_ != "acomp") or verb.head.i == verb.i:
                break  # not an adjective's participle ("remains shut until Monday"): its verb says
            verb = verb.head
        if is_verb(verb) and _clause_tense(verb) == "either":
            return "future"  # "the port is closed until Tuesday", "remains shut until Monday": a state now, ending ahead
    if not headline and _told_now(ent):
        return "present"  # "Monday is a public holiday", "Saturday marks the anniversary": told now, the nearest
    if not headline and tok is not None and _verb_read_as_a_noun(tok):
        return "present"  # "The Senate votes Tuesday on the measure", parsed as a noun phrase: a present told now
    if not headline and tok is not None and (due := _due(tok)) is not None:
        return due  # "the report is due Friday", "the bonds are due in March"
    if tok is not None and is_verb(tok):
        tense = _clause_tense(tok)
        if tense == "past" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in w.END_POINT_PREPOSITIONS:
            return "either"  # "extended the offer to Nov. 20": the verb's tense does not place a deadline
        if tense == "either" and not headline and _is_on(tok, ent):
            return "future"  # "the annual meeting is in April": as "the election is Nov. 8"
        if tense == "either" and not headline and _scheduled(tok):
            # "the offer expires Friday"; "SpaceX has a second chance on Wednesday", "fans celebrate on Wednesday night"
            return "future" if _sets_ahead(tok) else "present"
        return tense
    be = ent.root.head
    if (not headline and ent.root.dep_ == "attr" and be is not ent.root and be.lemma_ == "be"
            and be.tag_ in ("VBZ", "VBP")):
        return "future"  # "the election is Nov. 8"
    if _awaited(ent, headline):
        return "future"  # "investors await Friday's jobs report", "Friday's deadline looms"
    # a noun's date ("a mission in December") looks ahead in a clause that does: otherwise it says nothing
    clause = ent.root
    measured = False  # "results for September", "third-quarter earnings": the period they measure
    amount = False  # "from $11.25 in March": the date of an amount
    acted_under = False  # "under a June agreement": what one acts under exists already
    for _ in range(8):
        if is_verb(clause) or clause.head.i == clause.i:
            break
        clause = clause.head
        measured = measured or (clause.pos_ in ("NOUN", "PROPN") and clause.lower_ in w.MEASURED_FIGURES)
        amount = amount or (clause.tag_ == "CD" and clause.like_num) or (clause.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.tag_ == "CD" and c.like_num for c in clause.children))  # "from $11 in March"
        acted_under = acted_under or (clause.lower_ == "under" and clause.pos_ == "ADP")
    if acted_under and not headline:
        return "past"  # "sell the quay under a June agreement", "will rebuild under the March accord": made before
    target = ent.root.dep_ == "pobj" and ent.root.head.lower_ in w.END_POINT_PREPOSITIONS  # "a goal of 5 million by March"
    if amount and not target and is_verb(clause) and _clause_tense(clause) == "past":
        return "past"  # "climbing to a peak of $18.50 in June from $11.25 in March": an amount told in the past was
        # measured then
    if measured and _names_a_period(ent):
        return "either"  # "results for September will be released next week": the September just gone
    if is_verb(clause) and _clause_tense(clause) == "future" and not _progressive(clause):
        return "future"
    return "either"  # "thefts on New Year's Eve are being looked into": what goes on now says nothing of a noun's date


def _verb_read_as_a_noun(tok: Any) -> bool:
    """The model took a sentence's present verb in -s for a plural noun at its root ("The Senate votes Tuesday",
    "The minister heads to Oslo Sunday"): a root tagged NNS right after a noun, in a sentence with no verb that
    begins with a determiner or whose noun is a name (not "Heavy rains Sunday", "Record sales Tuesday")."""
    if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.i == 0:
        return False
    sentence = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    subject = tok.doc[tok.i - 1]  # the noun before it: "Senate", "state"; not "Heavy rains", "Record sales"
    return (subject.tag_ in ("NN", "NNP", "NNPS") and (sentence[0].tag_ == "DT" or subject.tag_ in ("NNP", "NNPS"))
            and not any(is_verb(t) for t in sentence))


def _before_its_clause(tok: Any, ent: Any) -> Any:
    """The verb a date tells the time of when the parse hangs it on a complement clause it stands before: a date
    between a verb and the subject or "that" of the clause it introduces ("said Tuesday he will resign", "told
    reporters on Monday that the army would withdraw") dates that verb; a clause's own date does not stand before
    its subject ("said he will resign Tuesday" is the resigning's)."""
    head = tok.head
    first = ent.root.head.i if ent.root.dep_ == "pobj" and ent.root.head.i < ent.start else ent.start  # "on Monday"
    if tok.dep_ != "ccomp" or head.i == tok.i or not is_verb(head) or not head.i < first < tok.i:
        return tok
    opener = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "mark")]
    return head if opener and all(ent.end <= c.left_edge.i for c in opener) else tok


def _told_now(ent: Any) -> bool:
    """The date is the subject of a present that is not one of reporting ("Monday is a public holiday",
    "Saturday marks the anniversary"), or stands before such a present that has no other subject (the model
    hangs it as an adverb)."""
    root, verb = ent.root, ent.root.head
    if (verb.i == root.i or not is_verb(verb) or verb.tag_ not in ("VBZ", "VBP") or _aux(verb)
            or verb.lemma_.lower() in w.REPORTING_PRESENT_VERBS):
        return False
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "npadvmod" and root.i < verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _awaited(ent: Any, headline: bool) -> bool:
    """A noun's date of what is waited for in a clause that is not past: in the object of a verb of waiting or
    getting ready (:data:`datewords.AWAITING`: "investors await Friday's jobs report", "the town braces for
    Sunday's storm"), or of a time set ahead (:data:`datewords.DEADLINES`: "Friday's deadline looms", "faces a
    Friday deadline"). Told in the past ("missed Friday's deadline"), or in a headline, it says nothing."""
    tok, deadline = ent.root, False
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return False
        if is_verb(head):
            break
        deadline = deadline or (head.pos_ == "NOUN" and head.lemma_.lower() in w.DEADLINES)
        tok = head
    else:
        return False
    if not (deadline or head.lemma_.lower() in w.AWAITING) or headline:
        return False
    return _clause_tense(head) != "past" and not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in head.children)


def _progressive(tok: Any) -> bool:
    """A present progressive, active or passive ("are investigating", "is being held"): a date of its own lies
    ahead ("is meeting Friday"), but it tells what goes on now, so it places neither a noun's date nor a clause of
    time that hangs from it ("are investigating the assaults after a mob went on the rampage on New Year's Eve")."""
    aux = _aux(tok)
    return (tok.tag_ == "VBG" or (tok.tag_ == "VBN" and any(c.lower_ == "being" for c in aux))) and any(
        c.lower_ in ("is", "are", "am", "'s", "'re") for c in aux)


def _names_a_period(ent: Any) -> bool:
    """The span names a month, a quarter or a season, not a day: no weekday, no day word, no day of a month."""
    words = [t.lower_ for t in ent]
    if any(x in w.WEEKDAYS or x in w.DEICTIC_DAYS for x in words):
        return False
    return not any(t.like_num and t.text.isdigit() and int(t.text) <= 31 for t in ent)


def _due(tok: Any) -> str | None:
    """A date of an adjective that looks ahead, the complement of "be" ("the report is due Friday", "a ruling
    is likely on Monday", "the bonds are due in March", the date hung on the adjective or on "be"): in a
    present it lies ahead; in a past ("the loan was due Friday") either side. None when it is no such date."""
    if tok.dep_ == "acomp" and tok.head.i != tok.i:
        adj, be = tok, tok.head
    elif tok.lemma_ == "be":
        adj, be = next((c for c in tok.children if c.dep_ == "acomp"), None), tok
    else:
        return None
    if adj is None or be.lemma_ != "be" or adj.pos_ != "ADJ" or not _looks_ahead(adj) or _aux(be):
        return None
    if be.tag_ in ("VBZ", "VBP"):
        return "future"
    return "either" if be.tag_ == "VBD" else None


_LONG_PAST_RE = re.compile(r"\b(?:years|decades|centuries|century|generations?) ago\b|\bcentury\b")


def nowadays(ent: Any, year: int | None) -> bool:
    """A span "today" that means the present age, not the day of writing: right after words of being in use
    or in being ("the largest rocket in service today", :data:`datewords.NOWADAYS_BEFORE`), or in a present
    (not a progressive, not a perfect) whose sentence names a time long past, a decade or a year at least two
    before ``year`` (the year of writing): then and now ("The fund, set up in the 1970s, continues today",
    "Built in 1890, the mill is today a museum")."""
    if " ".join(ent.text.lower().split()) != "today":
        return False
    doc = ent.doc
    before = " ".join(doc[max(ent.sent.start, ent.start - 3):ent.start].text.lower().split())
    if any(before == p or before.endswith(" " + p) for p in w.NOWADAYS_BEFORE):
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
        return False  # "today's launch": the day's
    verb = ent.root.head
    for _ in range(6):
        if is_verb(verb) or verb.head.i == verb.i:
            break
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = (verb.tag_ in ("VBZ", "VBP") and not aux) or (
        verb.tag_ == "VBN" and bool(aux) and all(c.lower_ in ("is", "are", "am", "'s", "'re") for c in aux))
    if not present:
        return False
    for other in ent.sent.ents:
        if other.label_ != "DATE" or other.start == ent.start:
            continue
        text = other.text.strip()
        if rules.DECADE_RE.match(rules.TIME_PREFIX_RE.sub("", text)) or _LONG_PAST_RE.search(text.lower()):
            return True
        years = [int(y) for y in re.findall(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)]
        if year is not None and years and max(years) <= year - 2:
            return True
    return False


def day_word_as_name(ent: Any) -> bool:
    """A span that opens with a capitalised "Today", "Tonight", "Tomorrow" or "Yesterday" inside a sentence
    (not its first word, nor after a stop, a quote or a dash): part of a name ("USA Today", "the Today
    programme"); running text writes the day in lower case. For the body only: a headline may capitalise
    every word."""
    first = ent[0]
    if first.text not in ("Today", "Tonight", "Tomorrow", "Yesterday") or first.i == ent.sent.start:
        return False
    before = ent.doc[first.i - 1]
    return not (before.is_punct or before.is_space or before.is_quote)


def _scheduled(tok: Any) -> bool:
    """A present tense, with its subject, of a verb that is not one of reporting, outside a clause of time or
    condition: what is scheduled ("has a second chance on Wednesday") or what a photo shows ("fans celebrate
    on Wednesday night"). Not a passive: "is charged over the attack on Friday" tells the past."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ not in ("VBZ", "VBP") or aux or tok.lemma_.lower() in w.REPORTING_PRESENT_VERBS:
        return False
    # a verb joined to one with a subject shares it ("the fair opened Friday and closes Sunday")
    subject_of = tok.head if tok.dep_ == "conj" and tok.head.i != tok.i and is_verb(tok.head) else tok
    if not any(c.dep_ in ("nsubj", "expl") for c in (*tok.children, *subject_of.children)):
        return False  # "at 11:36 am on Tuesday": no clause
    if tok.tag_ == "VBP" and tok.lower_ in w.SAME_IN_THE_PAST:
        return False  # "weakness hurt the index on Friday": a past tense that reads as a present
    return not any(c.dep_ in ("mark", "advmod") and c.lower_ in w.TIME_CLAUSE_MARKS for c in tok.children)


def _sets_ahead(tok: Any) -> bool:
    """A present of a verb that tells what is set to happen (:data:`datewords.SCHEDULED_PRESENT_VERBS`: "the
    offer expires Friday", "the rule takes effect Jan. 1", "talks resume Monday", "the fair kicks off on
    Saturday"), or a present kept in what a past verb of reporting reports ("officials said the ferry sails
    Monday": after a past "said", a present is still to come)."""
    head = tok.head
    if (tok.dep_ == "ccomp" and head.i != tok.i and head.tag_ == "VBD"
            and head.lemma_.lower() in w.REPORTING_PRESENT_VERBS):
        return True
    lemma = tok.lemma_.lower()
    if lemma not in w.SCHEDULED_PRESENT_VERBS:
        return False
    if lemma == "take":
        return any(c.lower_ == "effect" for c in tok.children)
    if lemma == "kick":
        return any(c.lower_ == "off" for c in tok.children)
    return True


def _is_on(tok: Any, ent: Any) -> bool:
    """``tok`` is a present "is" or "are" whose one complement is the date's preposition, with a subject ("the
    annual meeting is in April", "the vote is on Friday"; not "sales are up 5% in April")."""
    if tok.lemma_ != "be" or tok.tag_ not in ("VBZ", "VBP") or ent.root.dep_ != "pobj":
        return False
    deps = [c.dep_ for c in tok.children]
    return ("nsubj" in deps and deps.count("prep") == 1 and set(deps) <= {"nsubj", "prep", "punct", "cc", "conj"}
            and ent.root.head.head.i == tok.i)


def _led_up_to(ent: Any) -> Any:
    """The verb of the clause when the date is, or lies in, the object of words that lead up to it ("ahead of
    Tuesday's vote", "in the run-up to the May election", :data:`datewords.LEADING_UP_TO`), or the span's root
    when no verb is found; None when it is not."""
    tok = ent.root
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or is_verb(head):
            return None
        before = ent.doc[max(0, head.i - 3):head.i + 1].text.lower()
        if head.lower_ in ("of", "to", "for") and any(before.endswith(p) for p in w.LEADING_UP_TO):
            verb = head.head
            for _ in range(6):
                if is_verb(verb) or verb.head.i == verb.i:
                    break
                verb = verb.head
            return verb if is_verb(verb) else ent.root
        tok = head
    return None


def _since(ent: Any) -> bool:
    """The date is, or lies in, the object of "since" ("since May", "since the May election"): it is past."""
    doc = ent.doc
    if ent[0].lower_ == "since" or (ent.start > 0 and doc[ent.start - 1].lower_ == "since"):
        return True
    tok = ent.root
    for _ in range(6):
        if tok.head.i == tok.i or is_verb(tok.head):
            return False
        tok = tok.head
        if tok.lower_ == "since" and tok.pos_ in ("ADP", "SCONJ"):
            return True
    return False


def _clause_tense(tok: Any) -> str:
    """The verb's tense; a present participle's clause with no subject of its own takes the tense of the clause
    it hangs from; a present in a clause of time or condition takes the tense of the clause it hangs
    from when that looks ahead ("will be happy when the film reaches theaters on May 4"), and so does a simple
    past there under a future seen from the past, which tells a future in reported speech ("said buyers would
    return when trading opened Monday"; under "will" it is past: "after talks broke down Monday, they will meet")."""
    tense = _tense(tok, 0)
    if tense not in ("either", "past") or tok.head.i == tok.i:
        return tense
    if (tok.dep_ in ("advcl", "prep") and tok.tag_ == "VBG" and not _aux(tok)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and (main := _tense(tok.head, 1)) in ("past", "future")):
        return main  # a present participle's clause has the time of the clause it hangs from: "Starting Friday, flights
        # will be cut", "Speaking on Monday, the minister said", "will tour, starting May 16"
    if tok.tag_ == "VBG" and not _aux(tok) and (prep := _absolute_with(tok)) is not None and is_verb(prep.head) and (
            main := _tense(prep.head, 1)) in ("past", "future"):
        return main  # an absolute clause has the time of the clause it hangs from: "completed the sale, with
        # buyers paying by the Friday deadline", "will leave next week, with crews loading the cargo on Thursday"
    if tok.dep_ != "advcl":
        return tense
    head = tok.head
    if head.lower_ == "soon" and head.head.i != head.i:  # "as soon as trading opened": the clause of "soon"
        head = head.head
    # a simple past there is a future told in the past only under a future seen from the past ("would return",
    # "were likely to buy"): under "will" it is past ("After talks broke down Monday, officials will meet again")
    simple_past = (tok.tag_ in ("VBD", "VBN") and not _aux(tok) and any(c.dep_ == "nsubj" for c in tok.children)
                   and _seen_from_the_past(head))
    if ((tok.tag_ in ("VBZ", "VBP") or simple_past)
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in w.TIME_CLAUSE_MARKS for c in tok.children)
            and _tense(head, 1) == "future" and not _progressive(head)):
        return "future"  # a past there is a future told in the past: "would return as soon as trading opened Monday"
    return tense


def _absolute_with(tok: Any) -> Any:
    """The "with" or "without" of an absolute clause that a present participle heads ("with buyers paying in
    full", parsed as the object of "with" or as its noun's modifier; or "with" taken for a mark of the main verb
    and its noun for that verb's subject), or None."""
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("with", "without") and tok.head.i != tok.i:
        return tok.head
    noun = tok.head
    if tok.dep_ != "acl" or noun.i == tok.i:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without") and noun.head.i != noun.i:
        return noun.head
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None  # "With" taken for a mark
    if before is not None and before.lower_ in ("with", "without") and before.head.i != before.i:
        return before
    return None


def _seen_from_the_past(tok: Any) -> bool:
    """The future that ``tok`` tells is seen from the past: a past modal ("would return"), or an infinitive
    under a past ("were likely to buy", "planned to sell"); not one told from now ("will meet", "expects to")."""
    for _ in range(4):
        aux = _aux(tok)
        if any(c.lower_ in _FUTURE_IN_THE_PAST or c.tag_ == "VBD" for c in aux) or tok.tag_ == "VBD":
            return True
        if any(c.lower_ in ("will", "shall", "'ll", "wo") for c in aux) or tok.tag_ in ("VBZ", "VBP"):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _shares_auxiliaries(tok: Any, aux: list[Any]) -> bool:
    """A verb joined to the one before it by "and"/"or" with no auxiliary and no subject of its own, in a form
    that needs one (a bare verb, a participle): it shares that verb's auxiliaries, and so its tense ("will fly to
    Rome and return on Sunday", "plans to sign the accord and start work Monday", "will be tried and sentenced
    Monday"). A verb with a tense of its own ("arrived Monday and leaves Friday") keeps it."""
    head = tok.head
    return (tok.dep_ == "conj" and not aux and head.i != tok.i and is_verb(head) and tok.tag_ in ("VB", "VBN", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children))


def _aux(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def is_verb(t: Any) -> bool:
    """A verb or an auxiliary, by its part of speech or its tag."""
    return bool(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))


def _tense(tok: Any, depth: int) -> str:
    if not is_verb(tok):
        return "either"
    children = list(tok.children)
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if _shares_auxiliaries(tok, aux) and depth <= 3:
        return _tense(tok.head, depth + 1)  # "will fly to Rome and return on Sunday", "will be tried and sentenced Monday"
    if (tok.tag_ == "VBN" and tok.lemma_.lower() in w.CONTACTING and any(c.lower_ == "could" for c in aux)
            and any(c.dep_ == "neg" for c in children)):
        return "past"  # "could not be reached Wednesday": an attempt to get in touch that failed
    if any(c.tag_ == "MD" and c.lower_ in _FUTURE_MODALS for c in aux):
        if (tok.tag_ == "VBN" and any(c.lower_ in ("have", "'ve") and c.dep_ == "aux" for c in aux)
                and not any(c.lower_ in ("will", "shall", "'ll") for c in aux)):
            return "past"  # a modal perfect: "may have sunk on Tuesday", "would have voted Monday"
        return "future"
    if any(c.lower_ == "to" for c in aux):  # an infinitive: the verb it completes says which way
        head = tok.head
        if head.i == tok.i or depth > 3:
            return "future"
        if _pluperfect(head):
            return "past"  # "had been due to expire Friday": a plan as it stood before, now past
        if (tok.tag_ == "VBN" and any(c.lower_ == "have" and c.dep_ == "aux" for c in aux)
                and _tense(head, depth + 1) != "future"):
            return "past"  # a perfect infinitive: "was to have sailed on Tuesday", "is said to have fled Friday"
        if head.tag_ == "VBD" and head.lemma_.lower() in w.ACTS_OF_DECIDING:
            return "either"  # "decided to close the quay on Tuesday": the day may be the deciding's, now past
        if not is_verb(head) and _of_its_clause_time(head) and _clause_of(tok) == "past":
            return "past"  # "was unable to land on Sunday", "in an effort to disperse the crowd on Sunday"
        if _plan_told_in_the_past(head):
            return "present"  # "was scheduled to sail on Wednesday", "signed the order to close the quay on
            # Wednesday": a plan told in the past, its day the nearest, either side of the day of writing
        if _looks_ahead(head) or head.lemma_.lower() == "be" or not is_verb(head):
            return "future"  # "plans to visit", "is to resume", "likely to close", "in order to meet"
        return _tense(head, depth + 1)
    if tok.dep_ == "xcomp" and not aux and tok.head.i != tok.i and depth <= 3:
        return _tense(tok.head, depth + 1)  # "will begin withdrawing on Friday"
    if any(c.lower_ == "going" for c in children):
        return "future"
    present = any(c.lower_ in _PRESENT_AUX for c in aux)
    if (tok.tag_ == "VBG" or (tok.tag_ == "VBN" and any(c.lower_ == "being" for c in aux))) and any(
            c.lower_ in ("is", "are", "am", "'s", "'re") for c in aux):
        return "future"  # "is meeting Friday", "is being held Tuesday"
    if _looks_ahead(tok) and (tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBN" and present
                                                                                and not _perfect(aux))):
        return "future"  # "is expected in December", "plans a vote on Friday"
    if (tok.tag_ == "VBN" and tok.lemma_.lower() in w.PLANNING | {"set"} and not _perfect(aux)
            and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in aux)):
        return "either"  # "a hearing was set for Jan. 14": a plan told in the past, its day either side
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or _perfect(aux):
        return "past"
    if tok.tag_ == "VBN" and not present and tok.dep_ == "acl" and _looks_ahead(tok) and (
            tok.lemma_.lower() in w.PLANNING or any(c.dep_ == "prep" and c.lower_ == "for" for c in children)):
        # a plan's participle after its noun ("the meeting, scheduled for Tuesday, will ...", "the vote, set
        # for Friday"; not "the record set on Aug. 6"): as its clause looks, ahead unless that clause is past
        return "future" if _clause_of(tok) != "past" else "either"
    if tok.tag_ == "VBN":
        return "either" if present else "past"  # "is held on Friday" / "killed Friday"
    return "either"  # a present tense, a gerund, a bare verb


#: The regular forms of the verbs that look ahead ("hopes", "hoped", "planned"), for a lemma the model gets
#: wrong ("hopes" -> "hop").
_LOOKING_AHEAD_FORMS = frozenset(
    form for v in w.LOOKING_AHEAD
    for form in (v, v + "s", v + "es", v + "d", v + "ed", v + v[-1] + "ed", v.removesuffix("e") + "ing"))


def _looks_ahead(tok: Any) -> bool:
    """A verb that looks ahead (:data:`datewords.LOOKING_AHEAD`), by its lemma or its regular form."""
    return tok.lemma_.lower() in w.LOOKING_AHEAD or tok.lower_ in _LOOKING_AHEAD_FORMS


def _of_its_clause_time(head: Any) -> bool:
    """The word, not a verb, that an infinitive completes tells no time ahead of its own clause's: a word of
    ability, manner, order, feeling or effort ("unable", "the first", "quick", "an effort"), or the object of
    "in", a purpose ("in order to", "in a bid to"); not one of :data:`datewords.AHEAD_OF_THEIR_CLAUSE` ("likely",
    "a plan", "an order to", "a takeover bid to")."""
    if head.dep_ == "pobj" and head.head.lower_ == "in":
        return True
    return head.lemma_.lower() not in w.AHEAD_OF_THEIR_CLAUSE and head.lower_ not in w.AHEAD_OF_THEIR_CLAUSE


def _plan_told_in_the_past(head: Any) -> bool:
    """The word an infinitive completes tells a plan in the past: a verb that looks ahead in a past ("was
    scheduled to", "planned to"), or a noun of a plan in a past clause ("signed the order to close")."""
    if is_verb(head):
        return _looks_ahead(head) and (head.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children))
    return head.pos_ == "NOUN" and head.lemma_.lower() in w.AHEAD_OF_THEIR_CLAUSE and _clause_of(head) == "past"


def _clause_of(tok: Any) -> str:
    """The tense of the clause the noun that ``tok`` qualifies stands in."""
    clause = tok.head
    for _ in range(8):
        if is_verb(clause) or clause.head.i == clause.i:
            break
        clause = clause.head
    return _tense(clause, 4) if is_verb(clause) and clause.i != tok.i else "either"


def _pluperfect(tok: Any) -> bool:
    """The word an infinitive completes is, or hangs from, a past perfect ("had been scheduled to", "had been
    due to"): the plan is told as it stood at a time now past."""
    for _ in range(2):
        if is_verb(tok) or tok.head.i == tok.i:
            break
        tok = tok.head
    return is_verb(tok) and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _perfect(aux: list[Any]) -> bool:
    return any(c.lower_ in ("has", "have", "'ve", "had", "'d") and c.dep_ == "aux" for c in aux)
