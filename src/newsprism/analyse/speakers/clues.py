"""The words that tell who speaks: reporting verbs and what they report, honorifics and sexed
pronouns, and whole names (the token helpers of :mod:`.finder` and :mod:`.referents`)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ...lexicon import normalise
from .. import rules
from ..doctext import text_of

#: Honorifics that tell a person's sex: "she" never stands for "Mr. Voss", nor "he" for "Mrs. Holm".
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady"})


def same_person_pronoun(a: str, b: str) -> bool:
    """Two personal pronouns that may stand for one person ("she" ... "her")."""
    return any(a in pair and b in pair for pair in (("he", "him"), ("she", "her")))


def honorific_fits(span: Any, pronoun: str) -> bool:
    """A name may stand for "he"/"she" unless an honorific right before it says otherwise."""
    doc = span.doc
    words = [span[0].lower_] + ([doc[span.start - 1].lower_] if span.start > 0 else [])
    if pronoun in ("she", "her"):
        return not any(w in MALE_HONORIFICS for w in words)
    if pronoun in ("he", "him"):
        return not any(w in FEMALE_HONORIFICS for w in words)
    return True


#: Pronouns that tell the sex of the person they stand for.
#: Possessive and reflexive pronouns and the sex they tell of a name before them ("n": a thing, a body,
#: when nothing else is named between: "Nordvik and its owners").
SEXED_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "herself": "f", "its": "n", "itself": "n"}


def name_after(toks: list[Any], i: int) -> list[str]:
    """The normalised words of the proper nouns right after an honorific ("Mr." + "Ola Berg")."""
    if i < len(toks) and toks[i].text == ".":
        i += 1
    words = []
    while i < len(toks) and toks[i].pos_ == "PROPN" and toks[i].text[:1].isupper():
        words.append(normalise(toks[i].text))
        i += 1
    return [w for w in words if w]


def first_pronoun_after(toks: list[Any], name: Any) -> str | None:
    """The sex the first personal pronoun after a subject name in its sentence tells, unless another
    name, a plural or a quote mark comes first ("Kari Mo and her husband" tells "f")."""
    end = name.sent.end
    for t in toks[name.i + 1:end]:
        # possessives and reflexives only: "Mo said he was late" may be about someone else, "told her" too
        if t.lower_ in SEXED_PRONOUNS and (t.lower_ != "her" or t.tag_ == "PRP$"):
            if SEXED_PRONOUNS[t.lower_] == "n" and (t.lower_ == "itself" or any(
                    x.pos_ in ("NOUN", "PROPN") for x in toks[name.i + 1:t.i])):
                return None  # "its" of a thing named between ("Mo said the dam lost its gate"), "the wall itself"
            return SEXED_PRONOUNS[t.lower_]
        if t.lower_ in ("he", "she", "him"):
            return None
        if t.is_quote or t.lower_ in ("they", "their", "them", "we", "our", "i", "my", "you", "your") or (
                t.pos_ == "PROPN" and t.head.i != name.i and t.i > name.i + 1 and t.ent_type_ in ("PERSON", "")
                and not (t.dep_ == "compound" and t.head.i == name.i)):
            return None
    return None


def negated(verb: Any) -> bool:
    """A verb said not to happen ("did not respond", "never confirmed") attributes nothing."""
    return any(c.dep_ == "neg" for c in verb.children)


def reported(verb: Any) -> bool:
    """A verb inside what another reporting verb reports ("X believes the US will continue to ..."):
    it introduces nobody's words."""
    return any(a.dep_ == "ccomp" and a.head.lemma_ in rules.QUOTING_VERBS for a in [verb, *verb.ancestors])


def holds(verb: Any, q_start: int, q_end: int) -> bool:
    """The quoted words (``q_start``/``q_end`` are the marks' offsets) lie inside the verb's clause, in a
    complement or an adjunct, not in its subject (the parser may hang the marks on the verb itself)."""
    words = [t for t in verb.sent if q_start < t.idx < q_end and not t.is_punct and not t.is_space]
    if not words:
        return False
    lo, hi = words[0].i, words[-1].i
    parts = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct")]
    return any(c.left_edge.i <= lo and hi <= c.right_edge.i for c in parts)


def size(verb: Any) -> int:
    return int(verb.right_edge.i - verb.left_edge.i)


def ends_sentence(doc: Any, q_end: int) -> bool:
    """The quote closes with a full stop, a question or exclamation mark (not a comma)."""
    return text_of(doc)[max(0, q_end - 2):q_end].rstrip("”\"'’ ")[-1:] in (".", "!", "?")


def reports_other(verb: Any, q_start: int, q_end: int) -> bool:
    """The verb reports content of its own that holds no part of the quote ('..." Police have
    confirmed a man was arrested')."""
    for c in content(verb):
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
        if not (lo < q_end and q_start < hi):
            return True
    return False


def content(verb: Any) -> list[Any]:
    """What a reporting verb reports: its clausal complement or its object, unless that object is a
    person, the speaker put after the verb ('..." tweeted the president'), whom "tell" addresses, or what bore the words
    ('..." read a fan's sign')."""
    return [c for c in verb.children if c.dep_ == "ccomp" or (
        c.dep_ == "dobj" and c.ent_type_ != "PERSON" and c.lemma_.lower() not in rules.PERSON_TITLES
        and verb.lemma_ != "tell"  # whom it was told to ("told a news conference")
        and not (verb.lemma_ == "read" and c.lemma_.lower() in rules.STATEMENT_NOUNS
                 and any(o.dep_ == "poss" for o in c.children)))]


def reporting(t: Any) -> bool:
    """A reporting verb (also one the tagger took for a noun but parsed with a subject: "a statement
    ... read")."""
    if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "so":
        return False  # "the so-called papers"
    return t.lemma_ in rules.QUOTING_VERBS and (
        t.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in t.children))


#: Parts of speech of a lower-case word inside a name ("Bank of America", "van der Leeuw").
NAME_LINKS = ("ADP", "DET", "CCONJ", "PROPN", "X", "PART")


def whole_name(span: Any) -> Any:
    """A name the model cut before its last words ("Transport for" + "London", "Michiel van der" +
    "Leeuw") runs on over the proper nouns right after its last lower-case word; a lower-case
    preposition or article left at its end with no name after it is dropped."""
    from spacy.tokens import Span

    doc = span.doc
    end = span.end
    # a word joined by hyphens is one word, however the tokenizer split it ("a co-worker", "ex-wife")
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
           and doc[end + 1].is_alpha):
        end += 2
    if end != span.end:
        span = Span(doc, span.start, end, label=getattr(span, "label_", "") or "")
    if not span[0].text[:1].isupper():
        return span
    end = span.end
    while (span[-1].is_lower and span[-1].pos_ in NAME_LINKS and end < len(doc) and doc[end].pos_ == "PROPN"
           and doc[end].text[:1].isupper()):
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        span = Span(doc, span.start, end, label=getattr(span, "label_", "") or "")
    while len(span) > 1 and span[-1].is_lower and span[-1].pos_ in ("ADP", "DET", "CCONJ"):
        span = Span(doc, span.start, span.end - 1, label=getattr(span, "label_", "") or "")
    return span


def strip_the(span: Any) -> Any:
    """A speaker's words without a leading article, adverb ("Earlier Trump") or title before a name
    ("Lawyer Kari Mo"), or a trailing adverb."""
    while len(span) > 1 and (span[0].lower_ in ("the", "a", "an") or span[0].pos_ == "ADV" or span[0].is_punct
                             or span[0].tag_ == "JJR"):  # "Earlier", "Later"
        span = span[1:]
    while len(span) > 1 and (span[-1].pos_ == "ADV" or span[-1].is_punct):
        span = span[:-1]
    while len(span) > 1 and span[0].text in rules.PLATFORMS and span[1].pos_ == "PROPN":
        span = span[1:]  # "Twitter Kari Mo": the model ran the platform into the name
    while len(span) > 1 and span[0].lower_.rstrip(".") in rules.PERSON_TITLES and span[1].pos_ == "PROPN":
        span = span[1:]  # "Lawyer Kari Mo", "Mayor Voss": the person's name
    return span


def named_subject(verb: Any) -> Any:
    """A verb's subject, the name when the parser made a noun and the name right after it two subjects
    ("Vestland's news agency VNA released a report"); None when it has none."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for noun, name in pairwise(subjects):
        if noun.pos_ == "NOUN" and name.pos_ == "PROPN" and name.i == noun.i + 1:
            return name
    return subjects[0] if subjects else None
