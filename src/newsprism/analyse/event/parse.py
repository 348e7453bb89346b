"""Reading a parsed article for its main event: the title and lead sentences, their clauses, a
headline in sentence case, and the small word tests the questions share."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ...lexicon import VERB_INFLECTIONS, strip_inflection
from ...records import Gazetteer
from .words import (
    CALENDAR_NAMES,
    NOT_FUTURE_DETS,
    NOT_OBJECT_PREPS,
    SENTENCE_START,
    SOURCE_VERBS,
    SUBJECT_DEPS,
    TITLE_WORD,
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence's event: its subject and verb."""

    subj: Any
    verb: Any
    source: bool  # the verb reports speech and no reported clause was found


def sentence_case(title: str, body: str) -> str | None:
    """The headline in sentence case when it is written in Title Case, else None.

    The small model parses "Rebels Strike Power Station" with "Strike" a
    name. A word of four letters or more, capitalised in the headline, is
    lower-cased unless the body writes it capitalised inside a sentence (a
    name: "Taliban", "German Consulate"); short words, the first word,
    names of days and months and words in capitals ("F.B.I.") are kept.
    Only headlines whose words of four letters or more are nearly all
    capitalised (at least 80 %, at least three of them) are Title Case. The
    result has the title's length, character for character, so spans found
    in it are spans of the title.
    """
    words = [m for m in TITLE_WORD.finditer(title) if len(m.group()) >= 4]
    if len(words) < 3 or sum(m.group()[0].isupper() for m in words) < 0.8 * len(words):
        return None
    named = set()
    for m in TITLE_WORD.finditer(body):
        w = m.group()
        if w[0].isupper() and not SENTENCE_START.search(body[max(0, m.start() - 4):m.start()]):
            named.add(_bare(w))
    out = list(title)
    changed = False
    for m in words:
        w = m.group()
        if (m.start() == 0 or not w[0].isupper() or _bare(w) in named or w.isupper()
                or _bare(w).lower() in CALENDAR_NAMES
                or any(c.isupper() for c in w[1:]) or SENTENCE_START.search(title[:m.start()])):
            continue
        out[m.start()] = w[0].lower()
        changed = True
    return "".join(out) if changed else None


def _bare(word: str) -> str:
    """A word without a possessive or a closing full stop, for comparing ("Trump's", "Kabul." -> "Trump", "Kabul")."""
    word = word.replace("’", "'").rstrip(".")
    return word[:-2] if word.endswith("'s") else word


def lead(doc: Any, layout: Any, n: int) -> tuple[list[Any], list[Any]]:
    """The title's sentences and the first ``n`` body sentences."""
    title: list[Any] = []
    body: list[Any] = []
    for s in doc.sents:
        s = trim_space(s)
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


def title_parts(sent: Any) -> list[Any]:
    """A headline's clauses joined by a semicolon, read one by one, the first first ("Spillway gate fails
    at Tormund Dam, flooding Esk river town; 1,200 evacuated": the model makes "evacuated" the root)."""
    cuts = [t.i for t in sent if t.text == ";"]
    if not cuts:
        return [sent]
    bounds = [sent.start, *cuts, sent.end]
    parts = (trim_space(sent.doc[a + (a in cuts):b]) for a, b in pairwise(bounds))
    return [p for p in parts if p is not None]


def trim_space(span: Any) -> Any:
    """The span without leading or trailing whitespace tokens, or None if empty."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return doc[s:e] if e > s else None


def subject(verb: Any, after: int = 0) -> Any:
    """The verb's subject, not a pronoun, and not in a dateline (before char ``after``)."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.idx >= after), None)
    return None if subj is None or subj.pos_ == "PRON" else subj


def clause(sent: Any, after: int = 0) -> Clause | None:
    """The sentence's event clause; a subject before char ``after`` (a wire dateline) does not count."""
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.idx >= after:
        # headline shorthand for the passive: "Victims named as ...", "March marred by shooting"
        part = participle(root)
        if part is not None:
            return Clause(root, part, False)
        # a root "noun" with a subject is a verb the tagger missed ("Mira Holt protests outside ...")
        subj = subject(root, after)
        if subj is not None and subj.i < root.i and root.tag_ == "NNS":
            return Clause(subj, root, False)
        # a headline's future: a name and its infinitive ("Kessford to open new lifeboat station"), also
        # after a label and a colon ("Lena Voss: Boeing to launch ...")
        for head in [root, *(c for c in root.children if c.dep_ == "appos" and c.i > root.i)]:
            if (head.pos_ == "PROPN" and head.idx >= after
                    and (to := _headline_future(head)) is not None):
                return Clause(head, to, False)
    # the root verb, else the first verb with a subject that is not a pronoun
    # ("They knew it would not be easy, but the Rovers are champions")
    verbs = ([root] if root.pos_ in ("VERB", "AUX") else []) + [
        t for t in sent if t.pos_ in ("VERB", "AUX") and t.i != root.i and subject(t, after) is not None]
    for verb in verbs:
        subj = subject(verb, after)
        if subj is None:
            continue
        if (part := participle(subj)) is not None and subj.i < verb.i:
            return Clause(subj, part, False)  # "Victims named as the search ends ..."
        if verb.lemma_ in SOURCE_VERBS:  # "officials said a ferry ran aground": the event is what was said
            for c in verb.children:
                if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and (s := subject(c, after)) is not None:
                    return Clause(s, c, False)
            return Clause(subj, verb, True)
        return Clause(subj, verb, False)
    return None


def _headline_future(name: Any) -> Any:
    """The verb of "to" right after a name, the headline's future ("Kessford to open ..."), or None."""
    doc = name.doc
    if name.i + 1 >= len(doc) or doc[name.i + 1].tag_ != "TO" or any(
            c.dep_ == "det" and c.lower_ in NOT_FUTURE_DETS for c in name.children):
        return None  # "A Christmas to Remember", "Another Chance to Lead": no future
    verb = doc[name.i + 1].head
    return verb if verb.pos_ == "VERB" and verb.head.i == name.i and verb.dep_ in ("relcl", "acl") else None


def participle(noun: Any) -> Any:
    """The past participle right after a noun, in a headline's passive shorthand ("victims named")."""
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1), None)


def stem(word: str) -> str:
    """A crude stem for comparing inflections the lemmatiser missed ("staged" -> "stag")."""
    return strip_inflection(word, VERB_INFLECTIONS, 3)


def circumstance(tok: Any) -> bool:
    """The word is in a circumstance of its sentence ("after shock election win", "as Cubs end ...")."""
    while tok.head.i != tok.i:
        if tok.lower_ in NOT_OBJECT_PREPS or any(c.dep_ == "mark" for c in tok.children):
            return True
        tok = tok.head
    return False


def possessive(tok: Any) -> bool:
    """A possessive apostrophe, glued to the word before it ("the Dahls' home"); the model also parses
    some opening quote marks as ``case`` ("describes 'carnage'"), which have a space before them."""
    return tok.text in ("'", "’") and tok.dep_ == "case" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def quote_marks(span: Any) -> int:
    """Quote marks in the span, not counting a possessive apostrophe."""
    return sum(t.is_quote and not possessive(t) for t in span)


def sent_index(e: Any, sents: list[Any]) -> int:
    """The index of the sentence the span starts in (len(sents) when none)."""
    # the headline's sentences may come from its own sentence-case parse: compare within one Doc
    return next((i for i, s in enumerate(sents) if s.doc is e.doc and s.start <= e.start < s.end), len(sents))


@dataclass(frozen=True, slots=True)
class Reading:
    """What the rules of every question read of one article.

    Attributes:
        doc: the parsed article (title, a blank line, body).
        layout: where the title and the body lie in ``doc.text``.
        title: the headline's sentences, split at semicolons (from its sentence-case parse when given).
        body: the first body sentences, as many as the questions read.
        lead: the first body sentences read for a clause.
        tclauses: the headline's clauses.
        lclauses: the lead's clauses, after a wire dateline.
        dateline: the place of the body's wire dateline, or None.
        after: where the body's text starts after that dateline (0 when there is none).
        times: the article's time records.
        when_sentences: body sentences searched for a date.
        gazetteer: the countries and their subdivisions the place rules know.
    """

    doc: Any
    layout: Any
    title: list[Any]
    body: list[Any]
    lead: list[Any]
    tclauses: list[Clause]
    lclauses: list[Clause]
    dateline: Any
    after: int
    times: tuple[Any, ...]
    when_sentences: int
    gazetteer: Gazetteer

    @property
    def clauses(self) -> list[Clause]:
        return self.tclauses + self.lclauses
