"""What: the candidate rules of the event, each a function of the :class:`Reading`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .names import What
from .parse import Clause, Reading, circumstance, possessive, quote_marks, stem
from .words import EVENT_NOUNS, MAX_PREP, MAX_WHAT, NOT_OBJECT_PREPS, SOURCE_VERBS


def _first(r: Reading) -> Clause | None:
    """The first clause that reports no speech, else the first clause."""
    clauses = r.clauses
    return next((c for c in clauses if not c.source), clauses[0]) if clauses else None


def headline_clause(r: Reading) -> Any:
    """The verb of the first clause, when it is the headline's, with its auxiliaries and object."""
    first = _first(r)
    if first is None or not any(first is c for c in r.tclauses):
        return None
    return what_span(first.verb.doc, first.verb)


def lead_clause(r: Reading) -> Any:
    """The verb of the first clause, when it is the lead's, with its auxiliaries and object."""
    first = _first(r)
    if first is None or any(first is c for c in r.tclauses):
        return None
    return what_span(first.verb.doc, first.verb)


def headline_verb(r: Reading) -> Any:
    """The headline's word for the lead's verb where the model took the headline's verb for the lead's
    object ("Mira Holt stages protest" + "Mira Holt staged a protest" -> "stages protest")."""
    first = _first(r)
    if not (r.tclauses and r.lclauses and first is r.tclauses[0]):
        return None
    return _headline_verb(r.title, first, r.lclauses)


def headline_noun(r: Reading) -> Any:
    """A headline without a clause names the event with its head noun phrase or its verbless outcome."""
    if not r.title or r.tclauses:
        return None
    return next((n for n in (_nominal(t.doc, t) for t in r.title) if n is not None), None)


def headline_relative(r: Reading) -> Any:
    """The verb of a relative clause that tells the event of such a noun phrase ("Mystery of the boy
    who 'vanished off the pier'")."""
    noun = headline_noun(r)
    rel = None if noun is None else _relative_verb(noun)
    return None if rel is None else what_span(rel.doc, rel)


def lead_in_headline(r: Reading) -> Any:
    """Where the model found no main verb in the headline (no clause, or only circumstances), the lead's
    verb and object as the headline words them ("Taliban bomber rams truck ..." -> "rams truck")."""
    if not r.title or not (not r.tclauses or all(circumstance(c.verb) for c in r.tclauses)):
        return None
    return _lead_in_headline(r.title, r.lead, r.body)


#: The candidate rules of what, by name.
RULES: dict[What, Callable[[Reading], Any]] = {
    What.LEAD_IN_HEADLINE: lead_in_headline,
    What.HEADLINE_RELATIVE: headline_relative,
    What.HEADLINE_NOUN: headline_noun,
    What.HEADLINE_VERB: headline_verb,
    What.HEADLINE_CLAUSE: headline_clause,
    What.LEAD_CLAUSE: lead_clause,
}


def _headline_verb(title: list[Any], first: Clause, lead: list[Clause]) -> Any:
    verb = next((c.verb for c in lead if not c.source), lead[0].verb)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if verb.lemma_ == first.verb.lemma_ or obj is None or obj.lemma_ != first.verb.lemma_:
        return None  # only where the headline's verb is the lead's object: a noun taken for a verb
    for sent in title:
        for tok in sent:
            if (tok.lemma_ != verb.lemma_ and stem(tok.lower_) != stem(verb.lower_)) or tok.is_stop \
                    or tok.i == first.verb.i:
                continue
            hi = tok.i + 1
            if obj is not None:
                hi = next((t.i + 1 for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 4)] if t.lemma_ == obj.lemma_),
                          hi)
            return tok.doc[tok.i:hi]
    return None


def _lead_in_headline(title: list[Any], lead: list[Any], body: list[Any]) -> Any:
    """A verb of the lead and its object, or a word in -s right before that object that the ``body``
    sentences never use as a noun ("Taliban bomber rams truck into ..." + "... after a suicide bomber
    crashed a truck ..." -> "rams truck", but not "roads" of "Halden roads bridge opening"; "Bill Murray
    and Barack Obama lead celebrations as ..." + "... led the celebrations" -> "lead celebrations")."""
    nouns = {t.lower_ for s in body for t in s if t.pos_ in ("NOUN", "PROPN")}
    for verb in (t for s in lead for t in s if t.pos_ == "VERB" and t.lemma_ not in SOURCE_VERBS):
        obj = next((o for o in verb.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            continue
        for sent in title:
            for tok in sent:
                if tok.lemma_.lower() != obj.lemma_.lower() or tok.i == sent.start:
                    continue
                for v in reversed(tok.doc[max(sent.start, tok.i - 3):tok.i]):
                    if circumstance(v) or any(a.pos_ in ("VERB", "AUX") for a in v.ancestors):
                        continue  # "after 'speeding' round a bend", "claims it is impossible to read emails"
                    if v.lemma_ == verb.lemma_ or stem(v.lower_) == stem(verb.lower_) or (
                            v.i == tok.i - 1 and v.tag_ in ("NNS", "VBZ") and v.lower_.endswith("s")
                            and v.lower_ not in nouns):
                        return tok.doc[v.i:tok.i + 1]
    return None


def what_span(doc: Any, verb: Any) -> Any:
    """The verb with its auxiliaries, particles and the core of its object or of its first prepositional
    phrase (not a date: "sank on Saturday" -> "sank")."""
    lo = verb.i
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and verb.i - c.i <= 3:
            lo = min(lo, c.i)
    hi = verb.i + 1
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")), None)
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i
                     and c.lower_ not in NOT_OBJECT_PREPS
                     and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)), None)  # "on Saturday"
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), prep)
            if obj.i - prep.i > MAX_PREP:
                obj = None  # a long phrase is a circumstance ("are furious over the bakery's new loaf size")
    for c in verb.children:
        if c.dep_ == "prt":
            hi = max(hi, c.i + 1)
    if obj is not None and obj.i > verb.i:
        hi = max(hi, obj.i + 1)
    own = hi  # the verb's own words, before an infinitive
    if obj is None and (to := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                                    and c.pos_ == "VERB" and any(a.tag_ == "TO" and a.i == hi for a in c.children)),
                                   None)):
        # right after the verb: "managed to hijack a Halden flight", not "voted on Tuesday to close ...";
        # only the infinitive's verb when its phrase is too long ("set to check the driver's mobile ...")
        end = what_span(doc, to).end
        hi = end if end - lo <= MAX_WHAT else to.i + 1 if to.i + 1 - lo <= MAX_WHAT else hi
    if hi - lo > MAX_WHAT:
        hi = lo + MAX_WHAT
    lo, hi = _paired(doc, verb, lo, hi)
    if quote_marks(doc[lo:hi]) % 2 and hi > own:
        lo, hi = _paired(doc, verb, lo, own)  # an infinitive that opens a quote it does not close: the verb alone
    return doc[lo:hi]


def _paired(doc: Any, verb: Any, lo: int, hi: int) -> tuple[int, int]:
    """The what's bounds without trailing punctuation, and with the pair of a quote mark it opens or
    closes where that mark is right outside it ("describes 'carnage'", "'blacked out'")."""
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_quote):
        hi -= 1
    if quote_marks(doc[lo:hi]) % 2:
        if hi < len(doc) and doc[hi].is_quote:
            hi += 1
        elif lo > 0 and doc[lo - 1].is_quote:
            lo -= 1
        elif _opens(doc, lo, hi) and (close := next((t.i for t in doc[hi:min(verb.sent.end, lo + MAX_WHAT)]
                                                     if t.is_quote), None)) is not None:
            hi = close + 1  # "'vanished off the pier'", "promises 'a clean slate'": the object the model missed
    return lo, hi


def _opens(doc: Any, lo: int, hi: int) -> bool:
    """The span's last quote mark opens a quote: it starts the span or has a space before it."""
    last = next((t for t in reversed(doc[lo:hi]) if t.is_quote and not possessive(t)), None)
    return last is not None and (last.i == lo or bool(doc[last.i - 1].whitespace_))


def _relative_verb(noun: Any) -> Any:
    """The verb of a relative clause on the object of a headline's head noun, which tells the event:
    "Mystery of the fisherman who 'vanished off the pier' after ..." -> "vanished" (the model hangs
    the "who" clause on "Mystery" or on "boy"); not an infinitive ("Questions of the kind to ask"),
    nor a clause on a head noun without such an object ("5 things we saw", "Man who robbed three
    ... jailed")."""
    root = noun.root
    if root.lemma_.lower() in EVENT_NOUNS:
        return None  # "Death of the woman who built the lighthouse": the death
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


def _nominal(doc: Any, sent: Any) -> Any:
    """A headline without a clause names the event: "Kessford ferry grounding: ..." -> "Kessford ferry
    grounding"; "Vestland: Fatal fire at ..." -> "Fatal fire"; "Two dead and many hurt
    after ..." -> "Two dead and many hurt"."""
    root = sent.root
    if root.pos_ in ("ADJ", "NUM") or (root.pos_ == "VERB" and root.tag_ == "VBN"):
        # a verbless report of an outcome: up to its first circumstance ("after", "in", ":")
        end = next((t.left_edge.i for t in sent[root.i - sent.start + 1:]
                    if t.dep_ in ("advcl", "prep", "mark", "punct")), sent.end)
        return doc[sent.start:end] if end - sent.start <= MAX_WHAT else None
    # the root, or what a label before a colon introduces ("Vestland: Fatal fire ...")
    for head in [root] + [c for c in root.children if c.dep_ == "appos" and c.i > root.i]:
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
            continue  # not a noun, or a name ("Nordic Shipping under fire"): no event noun
        lo = min((c.i for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i),
                 default=head.i)
        return doc[max(lo, head.i - 4):head.i + 1]
    return None
