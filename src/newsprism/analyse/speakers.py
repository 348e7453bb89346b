"""Who says a quote: reporting verbs, their subjects, and the names that pronouns, roles and
statements stand for (the speaker half of ``quotes``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon import normalise
from . import rules
from .doctext import text_of

_SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
#: Pronouns that stand for a person: their antecedent is a person, never an organisation or a place.
_PERSONAL = frozenset({"he", "she", "him", "her"})


@dataclass(slots=True)
class DirectQuote:
    """A direct quote being attributed: doc character offsets of the words and of the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    opens_paragraph: bool  # nothing but space before its opening mark in the paragraph
    left_open: bool  # the paragraph ends before the quote closes (continued in the next)
    speaker: Any = None
    verb: Any = None


class Speakers:
    """Who says what in one parsed doc: reporting verbs, their subjects, names for roles."""

    def __init__(self, doc: Any, paragraphs: list[tuple[int, int]], persons: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.persons = persons
        self.paragraphs = paragraphs
        self.spoken: list[Any] = []  # speakers attributed so far, in text order
        self.quoted: list[tuple[int, int]] = []  # the direct quotes' marks: a verb inside one reports nothing
        self._surnames: frozenset[str] | None = None
        self._sexes: dict[str, str] | None = None
        self._antecedents: dict[tuple[int, int], Any] = {}
        # the doc's tokens and entities read once (every use reads the same ones): a walk over the doc
        # per quote would make new Token objects each time
        self.tokens: list[Any] = list(doc)
        self.ents: tuple[Any, ...] = doc.ents
        self._sents: list[Any] | None = None

    @property
    def sents(self) -> list[Any]:
        """The doc's sentences, read once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    def in_quote(self, tok: Any) -> bool:
        return any(qs <= tok.idx < qe for qs, qe in self.quoted)

    def paragraph_of(self, char: int) -> int:
        for k, (_ps, pe) in enumerate(self.paragraphs):
            if char <= pe:
                return k
        return len(self.paragraphs) - 1

    def own(self, d: DirectQuote) -> tuple[Any, Any]:
        """(speaker, verb) from the sentence around the quote, within its paragraph."""
        doc = self.doc
        span = doc.char_span(d.outer_start, d.outer_end, alignment_mode="expand")
        if span is None:
            return None, None
        ps, pe = self.paragraphs[d.paragraph]
        first, last = span[0].sent, span[-1].sent
        context = [t for t in doc[first.start:last.end]
                   if not d.outer_start <= t.idx < d.outer_end and ps <= t.idx < pe and not self.in_quote(t)]
        # the next sentence may attribute a quote that closes a sentence ("..." she said.)
        # — only a bare attribution, not a sentence that reports something else ("Police confirmed a
        # man was arrested")
        if last.end < len(doc) and doc[last.end].idx < pe:
            following = [t for t in doc[last.end].sent if t.idx < pe and not self.in_quote(t)][:6]
            # and only one whose main verb is that reporting verb ('she said.'), not a sentence of its own
            # that holds one ("Customers replying to the post were scathing.", "According to the paper,
            # she added that ...")
            if not any(_reporting(t) and _content(t) for t in following) and any(
                    _reporting(t) and t.dep_ == "ROOT" and t.tag_ != "VBG" for t in following):
                context += following
        return self.attribution(context, d.outer_start, d.outer_end)

    def attribution(self, tokens: list[Any], q_start: int, q_end: int) -> tuple[Any, Any]:
        """A reporting verb's subject (the verb nearest the quote first), else "according to X"."""
        doc = self.doc
        # a verb that reports only when it frames a quote ("she continued: ...") has its ordinary sense
        # inside what another verb reports ("X said the work continued but that "...""")
        verbs = [t for t in tokens if _reporting(t) and not _negated(t)
                 and not (t.lemma_ in rules.FRAMING_ONLY_VERBS and _reported(t))]
        # the innermost verb whose clause holds the quote first ("X said the bus sped up and "...," the
        # paper reports": X), then the nearest
        # ("... the paper reports" names who passed it on: a verb of sourcing comes after the others)
        verbs.sort(key=lambda t: (not _holds(t, q_start, q_end), t.lemma_ in rules.SOURCING_VERBS,
                                  _size(t) if _holds(t, q_start, q_end) else 0,
                                  min(abs(t.idx - q_start), abs(t.idx - q_end))))
        for t in verbs:
            if t.idx >= q_end and _ends_sentence(doc, q_end) and _reports_other(t, q_start, q_end):
                continue
            if t.dep_ == "relcl" and not _holds(t, q_start, q_end):
                continue  # "the station, which residents say the army runs, issued a directive: "...""
            subj = self.subject(t, q_start, q_end)
            if subj is None:
                continue
            speaker = self.speaker_span(subj, q_start)
            if speaker is not None:
                self.spoken.append(speaker)
            # a subject that names nobody ("One said", "Some insist") leaves the quote to nobody, not to
            # the speaker before it
            return speaker, doc[t.i:t.i + 1]
        for i, t in enumerate(tokens):
            if t.lower_ == "according" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to":
                obj = next((c for c in tokens[i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self.speaker_span(obj, q_start), doc[t.i:t.i + 2]
        return self.issuer(tokens, q_start)

    def issuer(self, tokens: list[Any], q_start: int) -> tuple[Any, Any]:
        """With no reporting verb, who issued what the quote is from ("X issued an apology – "..."",
        "X released a statement saying "...""), else the person the sentence is about when a colon
        introduces the quote ("In a news release, X had a less formal way to put it: "..."")."""
        doc = self.doc
        for t in tokens:
            if (t.lemma_.lower() in rules.STATEMENT_NOUNS and t.dep_ == "dobj" and t.head.lemma_ in rules.ISSUING_VERBS
                    and not _negated(t.head)):
                verb = t.head.head if t.head.dep_ == "conj" else t.head  # "X agreed and issued a statement"
                subj = next((c for v in (t.head, verb) for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                             and not self.in_quote(c) and c.lemma_.lower() not in rules.TIME_NOUNS), None)
                if subj is not None:
                    return self.speaker_span(subj, q_start), doc[t.head.i:t.head.i + 1]
        for t in tokens:  # a heading with no verb: "The ministry's statement in full: "...""
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if (t.lemma_.lower() in rules.STATEMENT_NOUNS and t.dep_ == "ROOT" and t.pos_ == "NOUN"
                    and owner is not None and t.idx < q_start):
                return self.speaker_span(owner, q_start), None
        if text_of(doc)[:q_start].rstrip()[-1:] == ":":
            before = [t for t in tokens if t.idx < q_start]
            root = before[-1].sent.root if before else None
            # a heading with no verb that names who speaks ("A harbour board spokesman: "..."")
            head = next((t for t in reversed(before) if not t.is_punct and not t.is_space), None)
            if (head is not None and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT"
                    and (head.lemma_.lower() in rules.PERSON_TITLES or head.ent_type_ == "PERSON")):
                return self.speaker_span(head, q_start), None
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
            if subj is not None and subj.idx < q_start:
                speaker = self.speaker_span(subj, q_start)
                if speaker is not None and self.personal(speaker):
                    return speaker, None
        return None, None

    def personal(self, span: Any) -> bool:
        """A span that names a person: tagged so, decided so for the article, a person's title, or an
        untagged name that is a person's surname in the article."""
        root = span.root
        if getattr(span, "label_", "") == "PERSON" or normalise(span.text) in self.persons:
            return True
        if root.lemma_.lower() in rules.PERSON_TITLES:
            return True
        return not root.ent_type_ and root.pos_ == "PROPN" and normalise(root.text) in self.surnames

    @property
    def surnames(self) -> frozenset[str]:
        if self._surnames is None:
            self._surnames = frozenset(p.split()[-1] for p in self.persons if len(p.split()) > 1)
        return self._surnames

    @property
    def sexes(self) -> dict[str, str]:
        """What the article itself says of each named person's sex, by name word ("m" or "f"): an
        honorific before the name ("Mr. Holm"), or the first possessive or reflexive pronoun after a name
        that is a sentence's subject, before any other name or pronoun ("Kari Mo and her husband"); a word
        with evidence both ways is left out. Every word of a full name shares what one word has."""
        if self._sexes is None:
            seen: dict[str, set[str]] = {}

            def note(words: list[str], sex: str) -> None:
                for w in words:
                    seen.setdefault(w, set()).add(sex)

            toks = self.tokens
            for t in toks:
                low = t.lower_
                if low in _MALE_HONORIFICS or low in _FEMALE_HONORIFICS:
                    name = _name_after(toks, t.i + 1)
                    if name:
                        note(name, "m" if low in _MALE_HONORIFICS else "f")
                elif t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t):
                    sex = _first_pronoun_after(toks, t)
                    if sex is not None:
                        note([normalise(t.text)], sex)
            full = [normalise(e.text).split() for e in self.ents if e.label_ == "PERSON"]
            full += [p.split() for p in self.persons]
            for words in full:
                known = {x for w in words for x in seen.get(w, ())}
                if len(known) == 1:
                    note(words, next(iter(known)))
            self._sexes = {w: next(iter(v)) for w, v in seen.items() if len(v) == 1}
        return self._sexes

    def sex_fits(self, span: Any, pronoun: str) -> bool:
        """A name may stand for "he"/"she" unless an honorific right before it, or what the article says
        of that person elsewhere (see ``sexes``), says otherwise."""
        if not _honorific_fits(span, pronoun):
            return False
        want = "m" if pronoun in ("he", "him") else "f" if pronoun in ("she", "her") else None
        if want is None:
            return True
        words = normalise(span.text).split()
        known = {self.sexes[w] for w in words if w in self.sexes}
        known |= {"m" for w in words if w in rules.MALE_ROLES} | {"f" for w in words if w in rules.FEMALE_ROLES}
        return not known or want in known

    def subject(self, verb: Any, q_start: int = -1, q_end: int = -1) -> Any:
        """A reporting verb's subject outside the quote: its own; that of the verb it depends on ("He
        closed by saying"); or, inverted, a name or a person's title right after it ("... wrote on
        Twitter Mayor Lena Voss", "... tweeted the US president")."""
        doc = self.doc
        head = verb
        for _ in range(3):
            if head.lemma_ == "quote":  # "the paper quoted him as saying": who is quoted speaks
                quoted = next((c for c in head.children if c.dep_ == "dobj" and not q_start <= c.idx < q_end
                               and (c.ent_type_ == "PERSON" or c.lower_ in _PRONOUNS)), None)
                if quoted is not None:
                    return quoted
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                         and not q_start <= c.idx < q_end and c.lemma_.lower() not in rules.TIME_NOUNS), None)
            if subj is not None and subj.dep_ == "nsubjpass" and _reporting(head) and head.lemma_ != "quote":
                # "Scenes have been described as "..."": what is spoken of; the speaker is the agent, if any
                subj = next((c for a in head.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"),
                            None)
                if subj is None:
                    return None
            if subj is not None or head.head is head or not (
                    head.dep_ in ("xcomp", "pcomp", "prep")
                    or (head.dep_ in ("advcl", "acl") and head.head.lemma_ in rules.REPORTING_VERBS)
                    or (head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.pos_ == "VERB")):
                # "X condemned the attack, saying ...": the participle's subject is the clause's
                break
            if head.dep_ == "advcl" and head.tag_ == "VBG":
                # "X denied that the work had caused the flood, stating ...": the parser may hang the
                # participle on the reported clause; it is the reporting verb's
                gov = next((a.head for a in [head.head, *head.head.ancestors]
                            if a.dep_ == "ccomp" and a.head.lemma_ in rules.REPORTING_VERBS), None)
                if gov is not None:
                    head = gov
                    continue
            head = head.head  # "X was quoted ... saying: ...": the subject of "quoted"
        if subj is not None and subj.tag_ in ("WP", "WDT"):  # "Ri, the newsreader, who ... declared"
            subj = self.referent(subj)
            # "a statement by email, which read: ...": the parser may hang the clause on the medium
            if (subj is not None and subj.dep_ == "pobj" and subj.lemma_.lower() not in rules.STATEMENT_NOUNS
                    and subj.head.head.lemma_.lower() in rules.STATEMENT_NOUNS):
                subj = subj.head.head
        if subj is None and head.pos_ == "VERB":
            # the parser may hang a subject set off by commas on a phrase before it ("From Oslo, Kari
            # Mo, the adviser, said ..."): a person after a comma, in apposition or joined to the object of
            # a preposition there
            subj = next((a for p in head.lefts if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                         for a in o.children if a.dep_ in ("appos", "conj") and a.ent_type_ == "PERSON"
                         and doc[a.left_edge.i - 1].text == ","), None)
        if subj is None and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ") and verb.head.ent_type_ == "PERSON":
            return verb.head  # "Kari Mo called the plan ..." parsed as a clause on the name
        if subj is None and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP"):  # a finite verb has one
            subj = self.adjacent(verb, q_start, q_end)
        if subj is None and verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "The board rejected the idea that ..., stating "..."": the parser may hang the participle on
            # a clause inside the sentence; its subject is the sentence's
            root = verb.sent.root
            subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i
                         and not q_start <= c.idx < q_end), None) if root is not verb else None
        if subj is not None:
            return subj
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            if verb.head.lemma_.lower() not in rules.UNSPEAKING_NOUNS:
                return verb.head  # "the pilot telling the passengers: ...", "a statement saying ..."
            # "condemnation with leaders ... branding it "..."": who does it is the object of "with"
            actor = next((c for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < verb.i
                          for c in p.children if c.dep_ == "pobj"), None)
            if actor is not None:
                return actor
        after = None
        for x in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
            if q_start <= x.idx < q_end or (x.is_punct and x.text not in (",",)):
                break
            if (x.ent_type_ == "PERSON" and x.text not in rules.NOT_PERSON) or (
                    x.pos_ == "NOUN" and x.lemma_.lower() in rules.PERSON_TITLES):
                after = x if verb.lemma_ not in rules.ADDRESSING_VERBS else None  # "told the passengers"
                break
            # a name the model did not call a person, with a person's title in apposition ("... wrote on
            # Twitter Kari Mo, mayor of Lindvik")
            name = x.head if x.dep_ == "compound" and x.head.pos_ == "PROPN" else x
            if (x.pos_ == "PROPN" and x.text not in rules.NOT_PERSON and verb.lemma_ not in rules.ADDRESSING_VERBS
                    and any(c.dep_ == "appos" and c.lemma_.lower() in rules.PERSON_TITLES for c in name.children)):
                after = name
                break
        # the second of two verbs of one subject, the quote its own ("Voss walked to the quay and said:
        # "...""); only under the sentence's main verb (a parse that hangs it on a reported clause errs)
        first = verb.head
        if (after is None and verb.dep_ == "conj" and (first.dep_ == "ROOT" or not _reported(first))
                and first.pos_ in ("VERB", "AUX")
                and q_start >= 0 and (_holds(verb, q_start, q_end) or (
                    q_start >= verb.idx and text_of(doc)[verb.idx + len(verb):q_start].strip() in (":", ",")))):
            subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
        if any(not q_start <= c.idx < q_end for c in _content(verb)):
            return None  # it reports something of its own ("... and confirmed the road was shut")
        if after is not None:
            return after
        between = [x for x in self.tokens if q_end <= x.idx < verb.idx] if verb.idx >= q_end >= 0 else [verb]
        if all(x.is_punct or x.is_space for x in between):  # '"...," claimed the state media
            return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "appos")
                         and c.pos_ in ("NOUN", "PROPN")), None)
        return None

    def adjacent(self, verb: Any, q_start: int, q_end: int) -> Any:
        """The subject the parser hung elsewhere: the noun phrase right before a reporting verb that has
        none ('"...," Kari Mo, the mayor's adviser, pointed out', "In a letter to the paper, a lawyer
        for the club said"): after a quote, its first part set off by commas; else its last part."""
        doc = self.doc
        words: list[Any] = []
        reached_quote = False
        for x in reversed(doc[verb.sent.start:verb.i]):
            if q_start <= x.idx < q_end or x.is_quote:
                reached_quote = q_start <= x.idx < q_end
                break
            if (x.pos_ in ("VERB", "AUX", "SCONJ") or (x.tag_ == "TO" and x.head.pos_ in ("VERB", "AUX"))
                    or x.text in (":", ";", "(", ")")):
                return None
            if self.in_quote(x):
                return None
            words.insert(0, x)
        parts: list[list[Any]] = [[]]
        for x in words:
            if x.text == ",":
                parts.append([])
            else:
                parts[-1].append(x)
        parts = [p for p in parts if p]
        if not parts:
            return None
        part = parts[0] if reached_quote and verb.idx >= q_end >= 0 else parts[-1]
        ids = {x.i for x in part}
        top = [x for x in part if x.head.i not in ids or x.head is x]
        head = next((x for x in top if x.pos_ in ("NOUN", "PROPN") and len(x.text) > 1), None)
        return head

    def speaker_span(self, tok: Any, before: int) -> Any:
        """The speaker a subject phrase names: a relative pronoun's phrase ("Kari Mo, who said"), the
        whole name (never one cut before its last words: "Transport for" + "London"); None for words
        that name nobody (a bare "One", "Some", "who" with no phrase) or an abstract noun
        ("international condemnation")."""
        if tok.tag_ in ("WP", "WDT", "WP$") or (tok.lower_ == "that" and tok.head.dep_ == "relcl"):
            tok = self.referent(tok)
            if tok is None:
                return None
        span = self._speaker_span(tok, before)
        if span is None:
            return None
        span = _whole_name(span)
        root = span.root
        if len(span) == 1 and (root.lower_ in rules.REFERRING_WORDS or root.lower_ in rules.NUMBER_WORDS
                               or root.pos_ == "NUM"):
            return None
        if len(span) <= 3 and all(t.lower_ in rules.REFERRING_WORDS or t.lower_ in ("the", "a", "an")
                                  for t in span):
            return None  # "That one", "the other": words that stand for a phrase elsewhere
        if root.lemma_.lower() in rules.UNSPEAKING_NOUNS or root.lower_ in rules.UNSPEAKING_NOUNS:
            return None
        return span

    def referent(self, pronoun: Any) -> Any:
        """What a relative pronoun stands for: a person named right before it, wherever the parser hung
        the clause ("Ri, the newsreader, who ... declared"), else the head of its relative clause; None
        for a pronoun that opens no relative clause ("Who would say ...")."""
        doc = self.doc
        clause = next((a for a in [pronoun.head, *pronoun.head.ancestors] if a.dep_ == "relcl"), None)
        prev = next((x for x in reversed(doc[max(0, pronoun.i - 3):pronoun.i]) if not x.is_punct), None)
        if prev is not None and prev.ent_type_ == "PERSON":
            return prev
        if clause is None:
            return None
        head = clause.head
        # "who" after a name that is no person's qualifying a noun: "the fishermen of Brekkvik, who said"
        if (pronoun.lower_ in ("who", "whom") and head.pos_ == "PROPN" and head.ent_type_ != "PERSON"
                and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN"):
            return head.head.head
        return head

    def _speaker_span(self, tok: Any, before: int) -> Any:
        """The name in a subject phrase; a pronoun's or a role's person; else the phrase's core."""
        doc = self.doc
        if tok.lower_ in _PRONOUNS:
            return self.antecedent(tok, before) or doc[tok.i:tok.i + 1]
        if tok.lower_ == "it":  # an organisation or a country: the last one that was a subject before it
            k = self.paragraph_of(tok.idx)
            ps = self.paragraphs[max(0, k - 2)][0]
            acting = [e for e in self.ents if e.label_ in ("ORG", "GPE", "NORP") and ps <= e.start_char
                      and e.end <= tok.i and e.root.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(e.root)
                      and not _reported(e.root.head)]  # not the subject of what another reports
            # or a noun that spoke ("The firm said ... It added:"), or an untagged name of a body ("The
            # Harbour Department confirmed ... It said:")
            acting += [doc[t.left_edge.i:t.i + 1] for t in self.tokens[:tok.i] if ps <= t.idx and (
                t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ in rules.ORG_HEADS))
                       and not t.ent_type_ and t.dep_ == "nsubj" and _reporting(t.head)]
            return _strip_the(max(acting, key=lambda e: e.start)) if acting else doc[tok.i:tok.i + 1]
        part = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if part is not None and (tok.pos_ == "NUM" or tok.lower_ in ("one", "some", "several", "many")):
            return doc[tok.i:part.right_edge.i + 1]  # "one of the fishermen": the group names who
        if tok.pos_ == "PRON":
            return doc[tok.i:tok.i + 1]
        if tok.lemma_.lower() in rules.PERSON_TITLES and tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            return self._ent_at(tok.head)  # "Rabbi" of "Rabbi Kari Mo"
        if tok.lemma_.lower() in rules.PERSON_TITLES and tok.ent_type_ != "PERSON":
            inner = self.role_name(tok)  # "U.S. Ambassador to the United Nations Kari Mo"
            if inner is not None:
                return inner
        for ent in self.ents:
            if ent.label_ in _SPEAKER_LABELS and ent.start <= tok.i < ent.end:
                return _strip_the(ent)
        if tok.lemma_.lower() in rules.STATEMENT_NOUNS:  # "a statement released by the agency"
            # by whom, or where it was published ("a commentary published in the Courier")
            agent = next((c for t in tok.subtree if t.lower_ in ("by", "from") or (
                t.lower_ == "in" and t.head.lemma_ in rules.ISSUING_VERBS) for c in t.children
                          if c.dep_ == "pobj" and c.lemma_.lower() not in rules.MEDIA_NOUNS), None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if agent is None and owner is None and tok.dep_ == "dobj" and tok.head.lemma_ in rules.ISSUING_VERBS:
                agent = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)  # "X issued a statement"
            # "the statement said", "the company's statement said": the one the text introduced before
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in (owner if owner is not None else tok).children)
            if agent is None and owner is not None and owner.lemma_.lower() in rules.ORGANISATION_NOUNS:
                org = self.organisation_for(owner)  # "the company's statement": the company's, not its spokesman's
                if org is not None:
                    return org
            if agent is None and definite and (owner is None or owner.lemma_.lower() in rules.ORGANISATION_NOUNS):
                maker = self.statement_maker(tok, before)
                if maker is not None:
                    return maker
            if agent is not None or owner is not None:
                return self.speaker_span(agent if agent is not None else owner, before)
        # a role: the person in apposition ("the spokeswoman, Marit Dahl"), else the person the text
        # names for that role ("spokesman Geng Shuang" ... "the spokesman said")
        kinds = ("PERSON", "ORG") if tok.lemma_.lower() in rules.PERSON_TITLES else ("PERSON",)
        for c in tok.children:
            if (c.dep_ == "appos" and c.ent_type_ in kinds) or (c.dep_ == "compound" and c.ent_type_ == "PERSON"):
                return self._ent_at(c)
            if (c.dep_ == "appos" and c.pos_ == "PROPN" and not c.ent_type_ and tok.lemma_.lower() in rules.PERSON_TITLES
                    and c.i > tok.i and doc[c.left_edge.i - 1].text == ","):
                return doc[c.left_edge.i:c.i + 1]  # "A resident, Kari Mo, told ...": a name the model missed
        # a person named inside the subject phrase: in apposition ("a spokesperson for the mayor,
        # Kari Mo"), or as a name, not a possessor nor whom the role is for ("Washington's ambassador to
        # the UN Kari Mo", not "the mayor's sister" nor "a spokesman for Mayor Kari Mo")
        inner = self.role_name(tok)
        if inner is not None:
            return inner
        named = self.named_for(tok, before)
        if named is not None:
            return named
        lead = self.lead_person(tok)
        if lead is not None:
            return lead
        org = self.organisation_for(tok)
        if org is not None:
            return org
        return _strip_the(doc[tok.left_edge.i:tok.i + 1])

    def statement_maker(self, tok: Any, before: int) -> Any:
        """Who made "the statement": the maker of the last statement the text introduced before it ("X
        said in a statement", "a statement from X", "X released a statement", "X's statement"), else
        the last speaker of the paragraph before."""
        doc = self.doc
        k = self.paragraph_of(tok.idx)
        start = self.paragraphs[max(0, k - 3)][0]  # introduced in its paragraph or the three before
        for t in reversed(doc[:tok.i]):
            if t.idx < start:
                break
            if t.lemma_.lower() not in rules.STATEMENT_NOUNS or t.pos_ != "NOUN" or self.in_quote(t):
                continue
            maker = next((c for p in t.children if p.lower_ in ("by", "from") for c in p.children
                          if c.dep_ == "pobj" and c.lemma_.lower() not in rules.MEDIA_NOUNS), None)
            if maker is None:
                maker = next((c for c in t.children if c.dep_ == "poss"), None)
            if maker is None and t.dep_ == "dobj" and t.head.lemma_ in rules.ISSUING_VERBS:
                maker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if maker is None and t.dep_ == "pobj" and t.head.lower_ in ("in", "through"):
                said = t.head.head  # "X said in a statement"; the parser may hang the phrase on X
                if _reporting(said):
                    maker = self.subject(said)
                elif said.dep_ in ("nsubj", "nsubjpass") and _reporting(said.head):
                    maker = said
            if maker is not None and maker.lemma_.lower() not in rules.STATEMENT_NOUNS:
                # a spokesperson's statement is the organisation's they speak for ("In a statement, Nordvik
                # spokeswoman Kari Mo said ...")
                spokes = next((c for c in maker.children if c.lemma_.lower() in rules.SPOKESPERSON_NOUNS), None)
                body = next((c for c in spokes.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                             and c.ent_type_ not in ("PERSON", "GPE", "NORP")), None) if spokes is not None else None
                return self._ent_at(body) if body is not None else self.speaker_span(maker, before)
        return last_speaker(self, k - 1, before)[0] if k > 0 else None

    def lead_person(self, tok: Any) -> Any:
        """The person a bare definite role stands for when the text never names anyone for it ("the
        director said" in a story whose lead is "Jon Brekke has said ..."): the person who speaks in the
        first three paragraphs; None for a role with words of its own ("the spokesman for the club"), a
        plural, or a text whose lead quotes no person."""
        if (tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in rules.PERSON_TITLES
                or tok.lemma_.lower() in rules.BYSTANDER_ROLES
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                or any(c.dep_ not in ("det", "punct", "appos", "relcl") for c in tok.children)
                or tok.dep_ == "compound"):
            return None
        end = self.paragraphs[min(2, len(self.paragraphs) - 1)][1]
        for ent in self.ents:
            if ent.start_char >= end:
                break
            if (ent.label_ == "PERSON" and ent.root.dep_ == "nsubj" and _reporting(ent.root.head)
                    and not self.in_quote(ent.root)):
                return ent
        return None

    def organisation_for(self, tok: Any) -> Any:
        """The organisation "the company" stands for: the last one named before it, in its paragraph or
        the two before, outside quotes; None for "a company" or one the phrase names itself."""
        if tok.lemma_.lower() not in rules.ORGANISATION_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in tok.children):
            return None
        ps = self.paragraphs[max(0, self.paragraph_of(tok.idx) - 2)][0]
        orgs = [e for e in self.ents if e.label_ == "ORG" and ps <= e.start_char and e.end <= tok.i
                and not self.in_quote(e.root)
                and (e.text not in rules.NOT_PERSON or e.text in rules.PLATFORMS)]  # a photo credit, an agency
        # one that spoke before another was named ("X confirmed, as cited by Y")
        spoke = [e for e in orgs if e.root.dep_ == "nsubj" and _reporting(e.root.head)]
        # or through its spokesperson, named or not, whatever the model called the name ("Nordvik
        # spokeswoman Kari Mo said")
        spoke += [self._ent_at(t) for t in self.tokens[:tok.i] if ps <= t.idx and t.pos_ == "PROPN"
                  and t.dep_ in ("compound", "poss") and t.head.lemma_.lower() in rules.SPOKESPERSON_NOUNS
                  and t.ent_type_ not in ("PERSON", "GPE", "NORP") and not self.in_quote(t)]
        spoke.sort(key=lambda e: e.start)
        orgs = spoke or orgs
        return _strip_the(orgs[-1]) if orgs else None

    def role_name(self, tok: Any) -> Any:
        """The person a subject phrase names besides its head: a name in apposition in it, else a
        person's name that is neither a possessor nor the object of a preposition, unless it follows
        another name ("to the UN Kari Mo")."""
        doc = self.doc
        inside = [e for e in self.ents if tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1
                  and not e.start <= tok.i < e.end and e.root.dep_ != "poss"]
        person = [e for e in inside if e.label_ == "PERSON" or normalise(e.text) in self.persons]
        appos = [e for e in inside if e.root.dep_ == "appos" and e.label_ in ("PERSON", "ORG")
                 and e.start > 0 and doc[e.start - 1].text == ","]
        if appos:
            return appos[0]

        def under_preposition(e: Any) -> bool:  # "a commentator in the newspaper Haaretz"
            for a in [e.root, *e.root.ancestors]:
                if a.i == tok.i:
                    return False
                if a.dep_ == "prep":
                    return True
            return False

        def after_a_name(e: Any) -> bool:  # "to the United Nations Kari Mo": a second name right after one
            return bool(e.start > 0 and doc[e.start - 1].ent_type_ and e.end == tok.right_edge.i + 1)

        named = [e for e in person if not under_preposition(e) or after_a_name(e)]
        if not named and tok.lemma_.lower() in rules.PERSON_TITLES:
            named = [e for e in inside if e.label_ in ("PERSON", "ORG") and after_a_name(e)]
        return named[0] if named else None

    def introduced(self, paragraph: int) -> Any:
        """Who a paragraph without quotes introduces: when it ends with a colon, the subject of its last
        sentence ("One officer described what he saw:"); else the subject of its first sentence that is
        a person ("Kari Nystrom, who runs the bakery, was opening the shop ..."); else None."""
        ps, pe = self.paragraphs[paragraph]
        if text_of(self.doc)[ps:pe].rstrip().endswith(":"):
            last = [s for s in self.sents if ps <= s.start_char < pe]
            # the subject of its main or a reporting verb ("One officer described what he saw:"), else
            # the last noun that is a subject ("Here is how one website put it:")
            subjects = [t for t in last[-1] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
                        and not any(qs <= t.idx < qe for qs, qe in self.quoted)] if last else []
            subj = next((t for t in subjects if t.head.dep_ == "ROOT" or _reporting(t.head)),
                        subjects[-1] if subjects else None)
            if subj is not None:
                return self.speaker_span(subj, pe)
        first = next((s for s in self.sents if ps <= s.start_char < pe), None)
        if first is None:
            return None
        for ent in self.ents:
            if (first.start <= ent.start < first.end and ent.root.dep_ in ("nsubj", "nsubjpass")
                    and (ent.label_ == "PERSON" or normalise(ent.text) in self.persons)):
                return ent
        return None

    def only_quoted(self, start: int, end: int) -> bool:
        """Nothing but quoted words, marks and punctuation between two offsets."""
        return all(self.in_quote(t) or t.is_punct or t.is_space or t.is_quote
                   for t in self.tokens if start <= t.idx < end)

    def _ent_at(self, tok: Any) -> Any:
        for ent in self.ents:
            if ent.start <= tok.i < ent.end:
                return ent
        return self.doc[tok.i:tok.i + 1]

    def named_for(self, tok: Any, before: int) -> Any:
        """The PERSON a role noun stands next to elsewhere in the text, in apposition or as a title
        ("director Jon Brekke", "Marit Dahl, the spokeswoman"): the nearest use before
        ``before``, else the nearest after it."""
        role = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lemma_.lower() in rules.PERSON_TITLES)
        if tok.ent_type_ or not role:
            return None  # a name is no role
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children):
            return None  # "a spokesman in Berlin": someone the text does not name, not another spokesman
        if tok.tag_ in ("NNS", "NNPS"):
            return None  # "organisers of the march wrote": several people, not the one named an organiser
        # a name in apposition to a person's title is that person whatever the model called it
        kinds = ("PERSON", "ORG") if tok.lemma_.lower() in rules.PERSON_TITLES else ("PERSON",)
        hits = []
        for t in self.tokens:
            if t.lemma_.lower() != tok.lemma_.lower() or t.ent_type_:
                continue
            cands = [c for c in t.children if c.dep_ == "appos" and c.ent_type_ in kinds]
            cands += [c for c in t.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
            if (t.dep_ == "appos" and t.head.ent_type_ in kinds) or (t.dep_ == "compound" and t.head.ent_type_ == "PERSON"):
                cands.append(t.head)
            # "Kari Mo, the spokesman for ..., said": the parser may make both subjects of the verb
            lead = t.left_edge.i
            if lead >= 2 and self.doc[lead - 1].text == "," and self.doc[lead - 2].ent_type_ == "PERSON":
                name = self._ent_at(self.doc[lead - 2]).root
                if name.dep_ == "nsubj" == t.dep_ and name.head.i == t.head.i:
                    cands.append(name)
            person = cands[0] if cands else None
            if person is not None:
                hits.append(self._ent_at(person))
        if not hits:
            return None
        earlier = [h for h in hits if h.start_char < before]
        return earlier[-1] if earlier else min(hits, key=lambda h: h.start_char)

    def antecedent(self, tok: Any, before: int) -> Any:
        key = (tok.i, before)
        if key not in self._antecedents:
            self._antecedents[key] = self._antecedent(tok, before)
        return self._antecedents[key]

    def _antecedent(self, tok: Any, before: int) -> Any:
        """A pronoun's person: the name that speaks in its paragraph before it, else a person who is a
        subject there; else, paragraph by paragraph back over three, the last speaker there, else the
        last person who is a subject there; else the last person named before it. "he", "she" stand
        for a person only, never for an organisation that spoke ("..., CBS News reported. "...," she
        told the paper")."""
        doc = self.doc
        k = self.paragraph_of(tok.idx)
        ps = self.paragraphs[k][0]
        personal = tok.lower_ in _PERSONAL

        def fits(span: Any) -> bool:  # the model's labels err both ways: a name with an organisation's
            if not personal:  # head word ("CBS News") or a group's is no person, nor are several people
                return True
            words = normalise(span.text).split()
            label = getattr(span, "label_", "")
            # nor a name the model tagged a body or a place, unless the article decided it is a person's
            named = normalise(span.text) in self.persons or normalise(span.text) in self.surnames
            return bool(words and words[-1] not in rules.ORG_HEADS and label != "NORP"
                        and span.root.tag_ not in ("NNS", "NNPS")
                        and (label not in ("GPE", "LOC", "FAC") or named)
                        # a one-word name tagged an organisation ("Brit", "ANA"); the model tags longer unknown
                        # names of people so too
                        and not (label == "ORG" and len(words) == 1 and not named)
                        and span.text not in rules.NOT_PERSON
                        and self.sex_fits(span, tok.lower_))

        names = [e for e in self.ents if e.label_ in _SPEAKER_LABELS and e.end_char <= before and e.start_char < tok.idx
                 and e.text not in rules.NOT_PERSON]  # "Twitter" is where words are posted
        # a surname the model left untagged is that person ("Hopkins may have been the only one ...")
        names += [doc[t.i:t.i + 1] for t in self.tokens if t.i < tok.i and t.idx + len(t) <= before and t.pos_ == "PROPN"
                  and not t.ent_type_ and t.dep_ in ("nsubj", "nsubjpass") and normalise(t.text) in self.surnames]
        names.sort(key=lambda e: e.start)
        persons = [e for e in names if getattr(e, "label_", "") == "PERSON" or normalise(e.text) in self.persons
                   or normalise(e.text) in self.surnames]
        subject = ("nsubj", "nsubjpass")

        def is_subject(e: Any) -> bool:  # also a name in apposition to one ("a cellist, Kari Mo, told ...")
            r = e.root
            return bool(r.dep_ in subject or (r.dep_ == "appos" and r.head.dep_ in subject)
                        # "a student named Ivar Holm was returning": the one named is the subject
                        or (r.dep_ in ("oprd", "appos", "attr") and r.head.lemma_ in ("name", "call")
                            and r.head.dep_ == "acl" and r.head.head.dep_ in subject))

        # "he", "she": a person who did something in the sentence right before ("Kari Mo saw the crash
        # from her window. She told the paper: ..."), before a speaker further back in a long paragraph
        if personal:
            until = min(tok.idx, before)
            last = next((t for t in reversed(doc[:tok.i + 1]) if t.idx < until and not t.is_punct
                         and not t.is_space and not self.in_quote(t) and t.sent.start != tok.sent.start), None)
            # the sentence before may close the paragraph before when nothing but the quote stands before
            # the pronoun in its own ("She wondered why. / "...," she wrote.")
            if last is not None and (last.idx >= ps or self.only_quoted(ps, tok.idx)):
                prev = last.sent
                # the same person's pronoun as that sentence's subject: whom it stands for ("Kari Mo was
                # aboard. She wondered why. / She wrote: ...")
                again = next((c for c in prev.root.children if c.dep_ == "nsubj" and not self.in_quote(c)
                              and _same_person_pronoun(c.lower_, tok.lower_)), None)
                if again is not None:
                    found = self.antecedent(again, again.idx)
                    if found is not None:
                        return found
                acting = [e for e in persons if prev.start <= e.start and e.end <= prev.end and e.root.dep_ == "nsubj"
                          and not self.in_quote(e.root) and not _reported(e.root.head) and fits(e)]
                # a name the model tagged as a thing or missed, when the article says this person is a he or
                # a she ("Kari Mo and her husband were aboard")
                # or given a person's title in apposition ("Kari Mo, head of the guild, blamed ...")
                acting += [self._ent_at(t) for t in prev if t.pos_ == "PROPN" and t.dep_ == "nsubj"
                           and t.ent_type_ not in ("PERSON", "NORP") and not self.in_quote(t)
                           and ((t.ent_type_ not in ("ORG", "GPE", "LOC", "FAC") and normalise(t.text) in self.sexes)
                                or any(c.dep_ == "appos" and c.lemma_.lower() in rules.PERSON_TITLES
                                       and c.lemma_.lower() not in rules.SPOKESPERSON_NOUNS for c in t.children))
                           and self.sex_fits(doc[t.i:t.i + 1], tok.lower_)]
                # or the person it cites ("The gate was shut, according to Kari Mo. "...," she said.")
                acting += [self._ent_at(c) for t in prev if t.lower_ == "according" and t.i + 1 < len(doc)
                           and doc[t.i + 1].lower_ == "to" for c in doc[t.i + 1].children
                           if c.dep_ == "pobj" and c.pos_ == "PROPN" and not self.in_quote(c)
                           and (c.ent_type_ == "PERSON" or normalise(c.text) in self.persons)
                           and fits(self._ent_at(c))]
                # or someone the sentence brings in by a title or role ("An officer on the scene sounds the
                # alarm. "...," he says.")
                acting += [role for t in prev if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.tag_ == "NN"
                           and t.lemma_.lower() in rules.PERSON_TITLES and not self.in_quote(t)
                           and not _reported(t.head)
                           for role in [self.speaker_span(t, before)] if role is not None and fits(role)]
                acting.sort(key=lambda e: e.start)
                if acting:
                    return _strip_the(acting[-1])
        untagged = [doc[t.left_edge.i:t.i + 1] for t in self.tokens if ps <= t.idx and t.idx + len(t) <= before
                    and t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ in subject
                    and t.head.lemma_ in rules.REPORTING_VERBS and t.i < tok.i]
        # a name that speaks in the same paragraph (the model may call a person a place, or miss it),
        # else a person who is a subject there
        def speaks(e: Any) -> bool:
            r = e.root.head if e.root.dep_ == "appos" else e.root
            return bool(is_subject(e) and r.head.lemma_ in rules.REPORTING_VERBS)

        # or a speaker the paragraph named before it ("Kari Mo said: "..." She added: ...")
        spoken = [sp for sp in self.spoken if personal and ps <= sp.start_char and sp.end_char <= before
                  and sp.start_char < tok.idx and sp.root.pos_ == "PROPN" and fits(sp)]
        same = [(e.start, e) for e in [e for e in names if ps <= e.start_char and speaks(e) and fits(e)]
                + untagged + spoken]
        # or a role that speaks there ("A Fire Service spokesman said they had been called ... "...," they
        # added")
        for t in self.tokens[:tok.i]:
            if ps <= t.idx < before and _reporting(t) and not _negated(t) and not self.in_quote(t):
                subj = self.subject(t)
                if (subj is not None and subj.pos_ == "NOUN" and subj.tag_ == "NN" and subj.i < tok.i
                        and subj.lemma_.lower() in rules.PERSON_TITLES and not self.in_quote(subj)):
                    role = self.speaker_span(subj, before)
                    if role is not None and fits(role):
                        same.append((subj.i, role))
        if same:
            return _strip_the(max(same, key=lambda e: e[0])[1])
        same = [e for e in persons if ps <= e.start_char and is_subject(e) and self.sex_fits(e, tok.lower_)]
        if same:
            return _strip_the(same[-1])
        # the paragraphs before, nearest first: its last speaker (of a quote, or the subject of a
        # reporting verb), else the last person who is a subject there
        for j in range(k - 1, max(-1, k - 4), -1):
            js, je = self.paragraphs[j]
            spoke = [(sp.start_char, sp) for sp in self.spoken
                     if js <= sp.start_char < je and sp.root.pos_ in ("PROPN", "NOUN")]
            for t in self.tokens:  # the subject of a reporting verb there, a name or a role ("the spokesman said")
                subj = (self.subject(t) if js <= t.idx < min(je, before) and _reporting(t) and not _negated(t)
                        else None)
                if subj is not None and (subj.pos_ == "PROPN" or subj.lemma_.lower() in rules.PERSON_TITLES
                                         or any(c.dep_ == "appos" and c.ent_type_ for c in subj.children)) and (
                        fits(doc[subj.i:subj.i + 1])):
                    spoke.append((t.idx, self.speaker_span(subj, before)))
                elif subj is not None and personal and _same_person_pronoun(subj.lower_, tok.lower_):
                    # "she told the paper" there: the person that "she" stands for
                    spoke.append((t.idx, self.antecedent(subj, subj.idx)))
            spoke = [(at, sp) for at, sp in spoke if sp is not None and fits(sp) and len(sp.text) > 1]
            if spoke:
                return _strip_the(max(spoke, key=lambda e: e[0])[1])
            acting = [e for e in persons if js <= e.start_char < je and is_subject(e) and self.sex_fits(e, tok.lower_)]
            if acting:
                return _strip_the(acting[-1])
        persons = [e for e in persons if self.sex_fits(e, tok.lower_)]
        if persons:
            return _strip_the(persons[-1])
        return None


def sentence_end(doc: Any, char: int) -> int:
    """The end of the sentence that holds the character just before ``char``."""
    span = doc.char_span(max(0, char - 1), char, alignment_mode="expand")
    return int(span[-1].sent.end_char) if span is not None and len(span) else char


def last_speaker(speakers: Speakers, paragraph: int, before: int, since: int = -1) -> tuple[Any, Any]:
    """The last reporting verb's subject in a paragraph ("He added: ..."), resolved; only after ``since``
    when given."""
    doc = speakers.doc
    ps, pe = speakers.paragraphs[paragraph]
    tokens = [t for t in speakers.tokens if max(ps, since) <= t.idx < min(pe, before)
              and not any(qs <= t.idx < qe for qs, qe in speakers.quoted)]
    verbs = [t for t in tokens if t.lemma_ in rules.REPORTING_VERBS and t.pos_ in ("VERB", "AUX")
             and not _negated(t) and not _reported(t)]
    # "according to" a person counts too ("..., according to Kari Mo, who runs the shelter. / "...")
    verbs += [t for t in tokens if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"]
    verbs.sort(key=lambda t: t.i)
    for t in reversed(verbs):
        if t.lower_ == "according":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"), None)
            if obj is not None:
                return speakers.speaker_span(obj, before), doc[t.i:t.i + 2]
            continue
        if t.lemma_ == "ask" and t.sent.end_char <= before:
            # "X asked Y if ...? "Definitely. ..."": a quote after the question is the answer of who was asked
            asked = next((c for c in t.children if c.dep_ in ("dobj", "dative")
                          and (c.ent_type_ == "PERSON" or c.lower_ in _PERSONAL)), None)
            if asked is not None:
                return speakers.speaker_span(asked, before), doc[t.i:t.i + 1]
        subj = speakers.subject(t)
        speaker = speakers.speaker_span(subj, before) if subj is not None else None
        if speaker is not None:
            return speaker, doc[t.i:t.i + 1]
    return None, None


#: Honorifics that tell a person's sex: "she" never stands for "Mr. Voss", nor "he" for "Mrs. Holm".
_MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord"})
_FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady"})


def _same_person_pronoun(a: str, b: str) -> bool:
    """Two personal pronouns that may stand for one person ("she" ... "her")."""
    return any(a in pair and b in pair for pair in (("he", "him"), ("she", "her")))


def _honorific_fits(span: Any, pronoun: str) -> bool:
    """A name may stand for "he"/"she" unless an honorific right before it says otherwise."""
    doc = span.doc
    words = [span[0].lower_] + ([doc[span.start - 1].lower_] if span.start > 0 else [])
    if pronoun in ("she", "her"):
        return not any(w in _MALE_HONORIFICS for w in words)
    if pronoun in ("he", "him"):
        return not any(w in _FEMALE_HONORIFICS for w in words)
    return True


#: Pronouns that tell the sex of the person they stand for.
_SEXED_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def _name_after(toks: list[Any], i: int) -> list[str]:
    """The normalised words of the proper nouns right after an honorific ("Mr." + "Ola Berg")."""
    if i < len(toks) and toks[i].text == ".":
        i += 1
    words = []
    while i < len(toks) and toks[i].pos_ == "PROPN" and toks[i].text[:1].isupper():
        words.append(normalise(toks[i].text))
        i += 1
    return [w for w in words if w]


def _first_pronoun_after(toks: list[Any], name: Any) -> str | None:
    """The sex the first personal pronoun after a subject name in its sentence tells, unless another
    name, a plural or a quote mark comes first ("Kari Mo and her husband" tells "f")."""
    end = name.sent.end
    for t in toks[name.i + 1:end]:
        # possessives and reflexives only: "Mo said he was late" may be about someone else, "told her" too
        if t.lower_ in _SEXED_PRONOUNS and (t.lower_ != "her" or t.tag_ == "PRP$"):
            return _SEXED_PRONOUNS[t.lower_]
        if t.lower_ in ("he", "she", "him"):
            return None
        if t.is_quote or t.lower_ in ("they", "their", "them", "we", "our", "i", "my", "you", "your") or (
                t.pos_ == "PROPN" and t.head.i != name.i and t.i > name.i + 1 and t.ent_type_ in ("PERSON", "")
                and not (t.dep_ == "compound" and t.head.i == name.i)):
            return None
    return None


def _negated(verb: Any) -> bool:
    """A verb said not to happen ("did not respond", "never confirmed") attributes nothing."""
    return any(c.dep_ == "neg" for c in verb.children)


def _reported(verb: Any) -> bool:
    """A verb inside what another reporting verb reports ("X believes the US will continue to ..."):
    it introduces nobody's words."""
    return any(a.dep_ == "ccomp" and a.head.lemma_ in rules.REPORTING_VERBS for a in [verb, *verb.ancestors])


def _holds(verb: Any, q_start: int, q_end: int) -> bool:
    """The quoted words (``q_start``/``q_end`` are the marks' offsets) lie inside the verb's clause, in a
    complement or an adjunct, not in its subject (the parser may hang the marks on the verb itself)."""
    words = [t for t in verb.sent if q_start < t.idx < q_end and not t.is_punct and not t.is_space]
    if not words:
        return False
    lo, hi = words[0].i, words[-1].i
    parts = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct")]
    return any(c.left_edge.i <= lo and hi <= c.right_edge.i for c in parts)


def _size(verb: Any) -> int:
    return int(verb.right_edge.i - verb.left_edge.i)


def _ends_sentence(doc: Any, q_end: int) -> bool:
    """The quote closes with a full stop, a question or exclamation mark (not a comma)."""
    return text_of(doc)[max(0, q_end - 2):q_end].rstrip("”\"'’ ")[-1:] in (".", "!", "?")


def _reports_other(verb: Any, q_start: int, q_end: int) -> bool:
    """The verb reports content of its own that holds no part of the quote ('..." Police have
    confirmed a man was arrested')."""
    for c in _content(verb):
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
        if not (lo < q_end and q_start < hi):
            return True
    return False


def _content(verb: Any) -> list[Any]:
    """What a reporting verb reports: its clausal complement or its object, unless that object is a
    person, the speaker put after the verb ('..." tweeted the president')."""
    return [c for c in verb.children if c.dep_ == "ccomp" or (
        c.dep_ == "dobj" and c.ent_type_ != "PERSON" and c.lemma_.lower() not in rules.PERSON_TITLES)]


def _reporting(t: Any) -> bool:
    """A reporting verb (also one the tagger took for a noun but parsed with a subject: "a statement
    ... read")."""
    if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "so":
        return False  # "the so-called papers"
    return t.lemma_ in rules.REPORTING_VERBS and (
        t.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in t.children))


#: Parts of speech of a lower-case word inside a name ("Bank of America", "van der Leeuw").
_NAME_LINKS = ("ADP", "DET", "CCONJ", "PROPN", "X", "PART")


def _whole_name(span: Any) -> Any:
    """A name the model cut before its last words ("Transport for" + "London", "Michiel van der" +
    "Leeuw") runs on over the proper nouns right after its last lower-case word; a lower-case
    preposition or article left at its end with no name after it is dropped."""
    from spacy.tokens import Span

    doc = span.doc
    if not span[0].text[:1].isupper():
        return span
    end = span.end
    while (span[-1].is_lower and span[-1].pos_ in _NAME_LINKS and end < len(doc) and doc[end].pos_ == "PROPN"
           and doc[end].text[:1].isupper()):
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        span = Span(doc, span.start, end, label=getattr(span, "label_", "") or "")
    while len(span) > 1 and span[-1].is_lower and span[-1].pos_ in ("ADP", "DET", "CCONJ"):
        span = Span(doc, span.start, span.end - 1, label=getattr(span, "label_", "") or "")
    return span


def _strip_the(span: Any) -> Any:
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
