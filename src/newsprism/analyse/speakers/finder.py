"""Who says a quote: the doc's state (:class:`Speakers`), the reporting verb and its subject for a
quote, and the names that pronouns and statements stand for; what a token may stand for otherwise is
inherited from :class:`.referents.Referents`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...lexicon import normalise
from .. import rules
from ..doctext import text_of
from .clues import (
    content,
    ends_sentence,
    holds,
    named_subject,
    negated,
    reported,
    reporting,
    reports_other,
    same_person_pronoun,
    size,
    strip_the,
    whole_name,
)
from .referents import Referents

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
    continued: bool = False  # goes on from the paragraph before, which did not close it, with no mark to reopen it
    speaker: Any = None
    verb: Any = None


class Speakers(Referents):
    """Who says what in one parsed doc: reporting verbs, their subjects, names for roles."""

    def __init__(self, doc: Any, paragraphs: list[tuple[int, int]], persons: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.persons = persons
        self.paragraphs = paragraphs
        self.spoken: list[Any] = []  # speakers attributed so far, in text order
        self.quoted: list[tuple[int, int]] = []  # the direct quotes' marks: a verb inside one reports nothing
        self._surnames: frozenset[str] | None = None
        self._sexes: dict[str, str] | None = None
        self._captions: frozenset[int] | None = None
        self._antecedents: dict[tuple[int, int], Any] = {}
        # the doc's tokens and entities read once (every use reads the same ones): a walk over the doc
        # per quote would make new Token objects each time
        self.tokens: list[Any] = list(doc)
        self.ents: tuple[Any, ...] = doc.ents
        self._sents: list[Any] | None = None

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
            if not any(reporting(t) and content(t) for t in following) and any(
                    reporting(t) and t.dep_ == "ROOT" and t.tag_ != "VBG" for t in following):
                context += following
        named = self.parenthesised(d)
        if named is not None:
            return named, None
        if not any(reporting(t) for t in context):
            context += self.attribution_after(d)
        return self.attribution(context, d.outer_start, d.outer_end)

    def attribution_after(self, d: DirectQuote) -> list[Any]:
        """A paragraph that only says who spoke, right after a quote that closes its own paragraph (one
        sentence a line: "“... Right now! ” / Kari Mo, a councillor, said before the mayor came."): the
        tokens of its first sentence, when that sentence's main verb reports and reports nothing of its
        own; else none."""
        doc = self.doc
        pe = self.paragraphs[d.paragraph][1]
        if d.left_open or text_of(doc)[d.outer_end:pe].strip() or d.paragraph + 1 >= len(self.paragraphs):
            return []
        ns, ne = self.paragraphs[d.paragraph + 1]
        first = next((t for t in self.tokens if ns <= t.idx < ne and not t.is_space), None)
        if first is None:
            return []
        sent = first.sent
        root = sent.root
        words = [t for t in sent if not t.is_space]
        if (not words or words[-1].idx >= ne or any(self.in_quote(t) or t.is_quote for t in words) or not reporting(root)
                or root.tag_ == "VBG" or negated(root)
                or any(c.dep_ == "xcomp" for c in root.children)  # "Israel continued to demolish homes"
                # (a clause of time is no content: "said before the mayor came", parsed as a complement)
                or any(not any(m.dep_ == "mark" and m.lower_ not in ("that", "if", "whether") for m in c.children)
                       for c in content(root))
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)):
            return []
        return list(sent)

    def parenthesised(self, d: DirectQuote) -> Any:
        """The name a quote in parentheses right after it belongs to ('Kari Mo ("We will not go back")
        and Per Holm condemned ...')."""
        text = text_of(self.doc)
        before = text[:d.outer_start].rstrip()
        if not before.endswith("(") or not text[d.outer_end:].lstrip().startswith(")"):
            return None
        span = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        name = self.doc[span.start - 1]
        if not (name.ent_type_ in ("PERSON", "ORG") or (name.pos_ == "PROPN" and not name.ent_type_)):
            return None
        return self.ent_at(name)

    def attribution(self, tokens: list[Any], q_start: int, q_end: int) -> tuple[Any, Any]:
        """A reporting verb's subject (the verb nearest the quote first), else "according to X"."""
        doc = self.doc
        # a verb that reports only when it frames a quote ("she continued: ...") has its ordinary sense
        # inside what another verb reports ("X said the work continued but that "...""")
        verbs = [t for t in tokens if reporting(t) and not negated(t)
                 and not (t.lemma_ in rules.FRAMING_ONLY_VERBS and reported(t))
                 # "they agreed to call for ... "..."": what was agreed to do, not words
                 and not (t.lemma_ == "agree" and any(c.dep_ == "xcomp" and c.left_edge.idx < q_end
                                                      and q_start < c.right_edge.idx for c in t.children))
                 # "Seoul should respond to ...": what ought to happen is nobody's words
                 and not any(c.dep_ == "aux" and c.lower_ in rules.OBLIGATION_MODALS for c in t.children)]
        # a verb that sums something up frames a quote in its "as" phrase ("the store was praised by the
        # paper as "a boon to the city"")
        # (the parser may make the phrase a clause that "as" marks: 'treated by police as "possibly deliberate"')
        verbs += [t for t in tokens if t.lemma_ in rules.CHARACTERISING_VERBS and t.pos_ == "VERB" and not negated(t)
                  and any(((c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "advcl" and any(
                      m.dep_ == "mark" and m.lower_ == "as" for m in c.children)))
                          and c.left_edge.idx < q_start and q_start <= c.right_edge.idx + len(c.right_edge)
                          for c in t.children)]
        # the innermost verb whose clause holds the quote first ("X said the bus sped up and "...," the
        # paper reports": X), then the nearest
        # ("... the paper reports" names who passed it on: a verb of sourcing comes after the others)
        verbs.sort(key=lambda t: (not holds(t, q_start, q_end), t.lemma_ in rules.SOURCING_VERBS,
                                  size(t) if holds(t, q_start, q_end) else 0,
                                  min(abs(t.idx - q_start), abs(t.idx - q_end))))
        # words one person reports another said, in indirect speech ("X said the guard told him that "he
        # blacked out""): the reporter's, who is the one quoted
        if verbs and holds(verbs[0], q_start, q_end) and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.idx < q_start for w in verbs[0].children
                if w.dep_ == "ccomp" for c in w.children):
            outer = next((v for v in verbs[1:] if holds(v, q_start, q_end) and v.lemma_ not in rules.SOURCING_VERBS
                          and verbs[0].dep_ == "ccomp" and verbs[0].head.i == v.i), None)
            if outer is not None:
                verbs.remove(outer)
                verbs.insert(0, outer)
        # a verb set after the quote by a comma frames the whole sentence ("Holm also said the city was
        # "...", Dahl told reporters"): the parser may hang it on the verb before the quote, which is the
        # inner report and holds the quote (Holm)
        if verbs and verbs[0].idx >= q_end and verbs[0].dep_ == "ccomp" and verbs[0].head in verbs:
            inner = verbs[0].head
            lead = next((c.left_edge for c in verbs[0].children if c.dep_ == "nsubj"), verbs[0])
            if (inner.idx < q_start and lead.idx >= q_end and holds(inner, q_start, q_end)
                    and not text_of(doc)[q_end:lead.idx].strip(" ,\"'”’")):
                verbs.remove(inner)
                verbs.insert(0, inner)
        for t in verbs:
            if t.idx >= q_end and ends_sentence(doc, q_end) and reports_other(t, q_start, q_end):
                continue
            if t.dep_ == "relcl" and not holds(t, q_start, q_end) and (
                    text_of(doc)[t.right_edge.idx + len(t.right_edge):q_start].strip(" ,:") or t.idx > q_start):
                # "the station, which residents say the army runs, issued a directive: "..."" (but "Holm,
                # who told the coach, "..."": the quote right after the clause is its)
                continue
            subj = self.subject(t, q_start, q_end)
            if subj is None:
                continue
            # "..., the agency said, quoting its director": the one quoted speaks
            quoted = next((o for c in t.children if c.tag_ == "VBG" and c.lemma_ in ("quote", "cite")
                           and c.dep_ in ("advcl", "xcomp", "conj") for o in c.children if o.dep_ == "dobj"
                           and not self.in_quote(o) and (o.ent_type_ == "PERSON" or o.lower_ in _PERSONAL
                                                         or self.person_noun(o))), None)
            subj = quoted if quoted is not None else subj
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
            # "As Lindvik media reports, "..."": the tagger may take the verb for a plural noun after "as"
            if (t.lower_ == "as" and t.dep_ == "prep" and i + 1 < len(tokens)
                    and t.sent.start == tokens[i + 1].sent.start):
                said = next((c for c in t.children if c.dep_ == "pobj" and c.tag_ == "NNS" and c.lower_.endswith("s")
                             and c.lemma_ in rules.REPORTING_VERBS and c.idx < q_start), None)
                who = next((c for c in said.children if c.dep_ == "compound" and c.i == said.i - 1),
                           None) if said is not None else None
                if who is not None and said is not None:
                    return self.speaker_span(who, q_start), doc[said.i:said.i + 1]
            # whose words the text says they are: "in Kari Mo's words", "in the words of Kari Mo"
            if t.lemma_.lower() == "word" and t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.lower_ == "in":
                whose = next((c for c in t.children if c.dep_ == "poss"), None)
                if whose is None:
                    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    whose = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if whose is not None and not self.in_quote(whose):
                    speaker = self.speaker_span(whose, q_start)
                    if speaker is not None and len(speaker) > 1 and speaker[-1].tag_ == "POS":
                        speaker = speaker[:-1]  # the model may run the possessive into the name
                    return speaker, doc[t.head.i:t.i + 1]
        return self.issuer(tokens, q_start)

    def issuer(self, tokens: list[Any], q_start: int) -> tuple[Any, Any]:
        """With no reporting verb, who issued what the quote is from ("X issued an apology – "..."",
        "X released a statement saying "...""), else the person the sentence is about when a colon
        introduces the quote ("In a news release, X had a less formal way to put it: "..."")."""
        doc = self.doc
        for t in tokens:
            if (t.lemma_.lower() in rules.STATEMENT_NOUNS and t.dep_ == "dobj" and t.head.lemma_ in rules.ISSUING_VERBS
                    and not negated(t.head)):
                verb = t.head.head if t.head.dep_ == "conj" else t.head  # "X agreed and issued a statement"
                subj = next((c for v in (t.head, verb) for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                             and not self.in_quote(c) and c.lemma_.lower() not in rules.TIME_NOUNS), None)
                if subj is not None:
                    name = named_subject(subj.head)  # "the news agency VNA issued a statement"
                    subj = name if name is not None and name.i == subj.i + 1 else subj
                    return self.speaker_span(subj, q_start), doc[t.head.i:t.head.i + 1]
        for t in tokens:  # a heading with no verb: "The ministry's statement in full: "...""
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            # (the parser may run the heading into the quote's sentence)
            if (t.lemma_.lower() in rules.STATEMENT_NOUNS and (t.dep_ == "ROOT" or self.in_quote(t.head))
                    and t.pos_ == "NOUN" and owner is not None and t.idx < q_start and not self.in_quote(t)):
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
        # words quoted inside what a named person does ("Kari Mo unveiled plans for her "floating
        # library""): that person's
        before = [t for t in tokens if t.idx < q_start and t.sent.end_char > q_start]
        root = before[-1].sent.root if before else None
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.idx < q_start and not self.in_quote(c)),
                    None) if root is not None and root.pos_ == "VERB" and not negated(root) else None
        if subj is not None and subj.pos_ == "PROPN" and self.personal(self.ent_at(subj)):
            return self.speaker_span(subj, q_start), None
        # or a person a pronoun stands for ("She talks about "the power of it""), or an organisation the
        # sentence names as the one acting ("The Vestland Trust aims to "..."", "The paper obtained ...")
        if subj is not None and (subj.lower_ in _PERSONAL or (
                subj.ent_type_ == "ORG" and self.ent_at(subj).text not in rules.NOT_PERSON) or (
                subj.lemma_.lower() in rules.ORGANISATION_NOUNS and subj.pos_ == "NOUN")):
            speaker = self.speaker_span(subj, q_start)
            if speaker is not None and (subj.pos_ != "NOUN" or speaker.root.pos_ == "PROPN"):
                return speaker, None
        return None, None

    def subject(self, verb: Any, q_start: int = -1, q_end: int = -1) -> Any:
        """A reporting verb's subject outside the quote: its own; that of the verb it depends on ("He
        closed by saying"); or, inverted, a name or a person's title right after it ("... wrote on
        Twitter Mayor Lena Voss", "... tweeted the US president")."""
        doc = self.doc
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and reporting(verb) and not reporting(verb.head):
            # "the criticism from Ivar Holm, who said ..., adding that ...": the participle goes on from the
            # reporting clause before it, not from the sentence's main verb
            said = [t for t in verb.sent if verb.head.i < t.i < verb.i and t.dep_ == "relcl" and reporting(t)
                    and t.tag_ != "VBG" and not negated(t) and not self.in_quote(t)]
            if said:
                return self.subject(said[-1], q_start, q_end)
        head = verb
        for _ in range(3):
            if head.lemma_ in ("quote", "cite"):  # "the paper quoted him as saying": who is quoted speaks
                quoted = next((c for c in head.children if c.dep_ == "dobj" and not q_start <= c.idx < q_end
                               and (c.ent_type_ == "PERSON" or c.lower_ in _PRONOUNS
                                    or (head.lemma_ == "cite" and c.pos_ == "PROPN"))), None)
                if quoted is not None:
                    return quoted
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not q_start <= c.idx < q_end and c.lemma_.lower() not in rules.TIME_NOUNS]
            # of two subjects the parser gave it, a person's name ("Firm co-founder Kari Mo told")
            subj = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0] if subjects else None)
            if subj is not None and subj.dep_ == "nsubjpass" and (
                    reporting(head) or head.lemma_ in rules.CHARACTERISING_VERBS) and head.lemma_ not in ("quote", "cite"):
                # "Scenes have been described as "..."": what is spoken of; the speaker is the agent, if any
                subj = next((c for a in head.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"),
                            None)
                if subj is None:
                    return None
            if subj is not None or head.head.i == head.i or not (
                    head.dep_ in ("xcomp", "pcomp", "prep")
                    or (head.dep_ in ("advcl", "acl") and head.head.lemma_ in rules.QUOTING_VERBS)
                    or (head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.pos_ == "VERB")):
                # "X condemned the attack, saying ...": the participle's subject is the clause's
                break
            if head.dep_ == "advcl" and head.tag_ == "VBG":
                # "X denied that the work had caused the flood, stating ...": the parser may hang the
                # participle on the reported clause; it is the reporting verb's
                gov = next((a.head for a in [head.head, *head.head.ancestors]
                            if a.dep_ == "ccomp" and a.head.lemma_ in rules.QUOTING_VERBS), None)
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
        if subj is None and verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.tag_ != verb.tag_:
            # "X told reporters that Vestland "condemns" it and said that ...": the parser hung the second
            # verb on the reported clause; it goes with the reporting verb of its own tense above
            gov = next((a for a in verb.ancestors if reporting(a) and a.tag_ == verb.tag_ and a.i < verb.i), None)
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov is not None else None
        if subj is None and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") and not (
                verb.dep_ == "conj" and verb.head.pos_ == "VERB"
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children)):
            # a finite verb has one (the second of two verbs has the first's: below)
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
            # "An official played down the strike, saying ...": a participle the parser hung on the object of
            # a verb, when that object is a thing that cannot speak, is the participle of that verb's subject
            if verb.head.dep_ == "dobj" and not self.may_speak(verb.head):
                gov = next((c for c in verb.head.head.children if c.dep_ == "nsubj" and not q_start <= c.idx < q_end),
                           None)
                if gov is not None:
                    return gov
            if verb.head.lemma_.lower() not in rules.UNSPEAKING_NOUNS:
                return verb.head  # "the pilot telling the passengers: ...", "a statement saying ..."
            # "condemnation with leaders ... branding it "..."": who does it is the object of "with"
            actor = next((c for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < verb.i
                          for c in p.children if c.dep_ == "pobj"), None)
            if actor is not None:
                return actor
        after = None
        # (a name after a long title: "said Lindvik Harbour Board chair Kari Mo"; past the first words a comma
        # ends the phrase)
        for x in doc[verb.i + 1:min(len(doc), verb.i + 8)]:
            if q_start <= x.idx < q_end or (x.is_punct and (x.text != "," or x.i > verb.i + 4)):
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
        if (after is None and verb.dep_ == "conj" and (first.dep_ == "ROOT" or not reported(first))
                and first.pos_ in ("VERB", "AUX")
                and q_start >= 0 and (holds(verb, q_start, q_end) or (
                    q_start >= verb.idx and text_of(doc)[verb.idx + len(verb):q_start].strip() in (":", ",")))):
            # the verb that ends right before "and" is the first when the parser hung the second higher
            # ("it felt as if ... before the captain came back and said: "..."")
            near = doc[verb.i - 2] if verb.i >= 2 and doc[verb.i - 1].lower_ == "and" else None
            near = next((a for a in [near, *near.ancestors] if a.pos_ == "VERB" and a.tag_ == verb.tag_),
                        None) if near is not None else None
            if near is not None and near.i != first.i and first.i in {a.i for a in near.ancestors}:
                first = near
            subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
        between = [x for x in self.tokens if q_end <= x.idx < verb.idx] if verb.idx >= q_end >= 0 else [verb]
        if all(x.is_punct or x.is_space for x in between):  # '"...," read one fan's sign': what bore the words
            bearer = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > verb.i
                           and c.lemma_.lower() in rules.STATEMENT_NOUNS
                           and any(o.dep_ == "poss" for o in c.children)), None)
            if bearer is not None:
                return bearer
        # it reports something of its own ("... and confirmed the road was shut"); not an adverbial clause
        # the parser hung the inverted subject on ('"...," said ferry fan Ola Brekke, 24, moments after ...')
        inverted = after.i if after is not None and 0 <= q_end <= verb.idx and not text_of(doc)[
            q_end:verb.idx].strip(" ,\"'”’") else -1
        # (nor a clause the parser made of the subject's own words right after the verb: '"...," said board
        # chair Kari Mo', with a title taken for a verb)
        if any(not q_start <= c.idx < q_end and not (
                c.left_edge.i <= inverted <= c.right_edge.i
                and (c.left_edge.i == verb.i + 1 or any(m.dep_ == "mark" and m.lower_ not in ("that", "if", "whether")
                                                        for m in c.children)))
               for c in content(verb)):
            return None
        if after is not None:
            return after
        between = [x for x in self.tokens if q_end <= x.idx < verb.idx] if verb.idx >= q_end >= 0 else [verb]
        if all(x.is_punct or x.is_space for x in between):  # '"...," claimed the state media
            return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "appos")
                         and c.pos_ in ("NOUN", "PROPN")), None)
        return None

    def may_speak(self, tok: Any) -> bool:
        """A noun that may stand for who speaks or what bears words: a name, a person's noun or title, an
        organisation's or an outlet's noun, a statement noun; not a thing or an act ("the unrest")."""
        lemma = tok.lemma_.lower()
        return bool(tok.pos_ == "PROPN" or tok.ent_type_ in _SPEAKER_LABELS or self.person_noun(tok)
                    or rules.agent_word(lemma) or lemma in rules.PERSON_TITLES or lemma in rules.STATEMENT_NOUNS
                    or lemma in rules.ORGANISATION_NOUNS or lemma in rules.OUTLET_NOUNS
                    or lemma in rules.BUSINESS_NOUNS or lemma in rules.SPOKESPERSON_NOUNS)

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
        span = whole_name(span)
        root = span.root
        if len(span) == 1 and root.lower_ == "one" and root.dep_ == "nsubj" and reporting(root.head):
            return span  # "One said: ...", "... says one": one of those the text spoke of, as "another" is
        if len(span) == 1 and (root.lower_ in rules.REFERRING_WORDS or root.lower_ in rules.NUMBER_WORDS
                               or root.pos_ == "NUM"):
            return None
        if len(span) <= 3 and all(t.lower_ in rules.REFERRING_WORDS or t.lower_ in ("the", "a", "an")
                                  for t in span):
            return None  # "That one", "the other": words that stand for a phrase elsewhere
        if root.lemma_.lower() in rules.UNSPEAKING_NOUNS or root.lower_ in rules.UNSPEAKING_NOUNS:
            return None
        return span

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
                      and not reported(e.root.head)]  # not the subject of what another reports
            # or a noun that spoke ("The firm said ... It added:"), or an untagged name of a body ("The
            # Harbour Department confirmed ... It said:")
            # or an untagged name that is no person's ("Nordvik said it is ... "...," it said")
            # ("The firm said ...": the firm the text named)
            acting += [self.ent_at(a) if a is not None else self.organisation_for(t) or doc[t.left_edge.i:t.i + 1]
                       for t in self.tokens[:tok.i] if ps <= t.idx and (
                t.pos_ == "NOUN" or (t.pos_ == "PROPN" and (t.lower_ in rules.ORG_HEADS or (not self.personal(
                    doc[t.i:t.i + 1]) and self.sexes.get(normalise(t.text)) not in ("m", "f")))))
                       and not t.ent_type_ and t.dep_ == "nsubj" and reporting(t.head) and not self.in_quote(t)
                       and not reported(t.head)  # "X said the boatmen believe ...": X spoke, not the boatmen
                       and not self.person_noun(t)  # a man is no "it" ("Another man, Ivar Holm, said")
                       # "the advocacy group Nordvik Watch said": the name in apposition
                       for a in [next((c for c in t.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), None)]]
            # or what the text issued last, in its paragraph: who issued it ("He posted a message to his
            # wife. It read: ...")
            if reporting(tok.head):
                here = self.paragraphs[k][0]
                issued = None
                for t in reversed(self.tokens[:tok.i]):
                    if t.idx < here:
                        break
                    if t.lemma_.lower() in rules.STATEMENT_NOUNS and t.pos_ == "NOUN" and not self.in_quote(t):
                        issued = t
                        break
                maker = self.issuer_of(issued) if issued is not None else None
                if issued is not None and maker is not None and not any(e.start > issued.i for e in acting):
                    found = self.speaker_span(maker, before)
                    if found is not None:
                        return found
            return strip_the(max(acting, key=lambda e: e.start)) if acting else doc[tok.i:tok.i + 1]
        part = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if part is not None and (tok.pos_ == "NUM" or tok.lower_ in ("one", "some", "several", "many")):
            return doc[tok.i:part.right_edge.i + 1]  # "one of the fishermen": the group names who
        if tok.pos_ == "PRON":
            return doc[tok.i:tok.i + 1]
        if tok.lemma_.lower() in rules.PERSON_TITLES and tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            return self.ent_at(tok.head)  # "Rabbi" of "Rabbi Kari Mo"
        if tok.lemma_.lower() in rules.PERSON_TITLES and tok.ent_type_ != "PERSON":
            inner = self.role_name(tok)  # "U.S. Ambassador to the United Nations Kari Mo"
            if inner is not None:
                return inner
        # a name right after a noun for a person is that person's, whatever the model tagged it ("her sister
        # Crystal", tagged a product)
        if (tok.pos_ == "PROPN" and tok.ent_type_ not in _SPEAKER_LABELS and tok.i > 0 and self.person_noun(doc[tok.i - 1])
                and doc[tok.i - 1].head.i == tok.i):
            return doc[tok.i:tok.i + 1]
        for ent in self.ents:
            if ent.label_ in _SPEAKER_LABELS and ent.start <= tok.i < ent.end:
                return strip_the(ent)
        if tok.lemma_.lower() in rules.STATEMENT_NOUNS:  # "a statement released by the agency"
            # by whom, or where it was published ("a commentary published in the Courier")
            # (not words inside the quote: "a statement saying, "... recover from this attack"")
            agent = next((c for t in tok.subtree if t.lower_ in ("by", "from") or (
                t.lower_ == "in" and t.head.lemma_ in rules.ISSUING_VERBS) for c in t.children
                          if c.dep_ == "pobj" and c.lemma_.lower() not in rules.MEDIA_NOUNS
                          and not self.in_quote(c)), None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if agent is None and owner is None and tok.dep_ == "dobj" and tok.head.lemma_ in rules.ISSUING_VERBS:
                agent = named_subject(tok.head)  # "X issued a statement"
            if agent is None and owner is None:  # "a police statement": the police the text named before
                agent = self.body_named(tok)
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
        # a person's noun set off after a name that opens the sentence ("Kari Mo, a visitor who saw it,
        # described ...": the parser may leave the name out of the subject)
        lead = tok.left_edge.i
        if ((self.person_noun(tok) or (tok.pos_ == "NOUN" and rules.agent_word(tok.lemma_.lower())))
                and lead >= 2 and doc[lead - 1].text == "," and doc[lead - 2].ent_type_ == "PERSON"
                and self.ent_at(doc[lead - 2]).start == tok.sent.start and self.ent_at(doc[lead - 2]).end == lead - 1):
            return self.ent_at(doc[lead - 2])
        # a role: the person in apposition ("the spokeswoman, Marit Dahl"), else the person the text
        # names for that role ("spokesman Geng Shuang" ... "the spokesman said")
        # (any noun that is no person's names the body in apposition: "the British tabloid the Courier")
        kinds = ("PERSON",) if self.person_noun(tok) and tok.lemma_.lower() not in rules.PERSON_TITLES else ("PERSON", "ORG")
        # a name marked by an emphatic reflexive ("the kind of tribute Kari Mo herself once called ...")
        marked = next((t.head for t in tok.subtree if t.lower_ in ("himself", "herself") and t.dep_ == "appos"
                       and t.head.pos_ == "PROPN"), None)
        if marked is not None:
            return self.ent_at(marked)
        for c in tok.children:
            if c.dep_ == "appos" and c.i == tok.i + 1 and ("_" in c.text or c.text.startswith("@")):
                return doc[c.i:c.i + 1]  # a user's handle ("forum user kari_mo_77 wrote")
            if (c.dep_ == "appos" and c.ent_type_ in kinds) or (c.dep_ == "compound" and c.ent_type_ == "PERSON"):
                return self.ent_at(c)
            if (c.dep_ == "npadvmod" and c.ent_type_ in kinds and c.left_edge.i == tok.i + 1
                    and "ORG" in kinds):  # "the tabloid the Courier" parsed as a modifier
                return strip_the(self.ent_at(c))
            if (c.dep_ == "appos" and c.pos_ == "PROPN" and not c.ent_type_ and self.person_noun(tok)
                    and c.i > tok.i and doc[c.left_edge.i - 1].text == ","):
                return doc[c.left_edge.i:c.i + 1]  # "A resident, Kari Mo, told ...": a name the model missed
            if (c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1 and c.ent_type_ not in _SPEAKER_LABELS
                    and self.person_noun(tok) and c.left_edge.i == c.i):
                return doc[c.i:c.i + 1]  # "her sister Crystal": a name right after the noun, however tagged
        # a person named inside the subject phrase: in apposition ("a spokesperson for the mayor,
        # Kari Mo"), or as a name, not a possessor nor whom the role is for ("Washington's ambassador to
        # the UN Kari Mo", not "the mayor's sister" nor "a spokesman for Mayor Kari Mo")
        # (a name the model left untagged names itself, not a name in its apposition: "Musk, the head of
        # the carmaker Tesla, said")
        inner = self.role_name(tok) if tok.pos_ != "PROPN" or tok.lemma_.lower() in rules.PERSON_TITLES else None
        if inner is not None:
            return inner
        named = self.named_for(tok, before)
        if named is not None:
            return named
        lead = self.lead_person(tok)
        if lead is not None:
            return lead
        described = self.epithet(tok)  # "Kari Mo left in May. The midfielder said ..."
        if described is not None:
            return described
        org = self.organisation_for(tok)
        if org is not None:
            return org
        # a body's website speaks for it ("the centre's website reads")
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if owner is not None and tok.lemma_.lower() in ("website", "site"):
            found = self.named_by_head(owner) or self.organisation_for(owner)
            if found is not None:
                return found
        headed = self.named_by_head(tok)  # "the Lindvik Centre for Fair Harbours" ... "the centre said"
        if headed is not None:
            return headed
        outlet = self.outlet_for(tok)
        if outlet is not None:
            return outlet
        given = self.given_name(tok)
        if given is not None:
            return given
        later = self.named_next(tok)  # "A former reviewer called it "...". ..., Kari Mo added."
        if later is not None:
            return later
        return strip_the(doc[tok.left_edge.i:tok.i + 1])

    @staticmethod
    def issuer_of(tok: Any) -> Any:
        """Who issued a statement noun, as its own phrase says: "by" or "from" whom, its possessor, or the
        subject of the verb that issued it, also through "of" ("X posted a photo of a message")."""
        maker = next((c for p in tok.children if p.lower_ in ("by", "from") for c in p.children
                      if c.dep_ == "pobj" and c.lemma_.lower() not in rules.MEDIA_NOUNS), None)
        if maker is None:
            maker = next((c for c in tok.children if c.dep_ == "poss"), None)
        # the verb above it, when it is inside that verb's object ("X posted an image online of a message")
        path = [tok]
        while path[-1].head is not path[-1] and path[-1].pos_ not in ("VERB", "AUX"):
            path.append(path[-1].head)
        verb = path[-1]
        if (maker is None and verb.lemma_ in rules.ISSUING_VERBS and len(path) > 1
                and not any(t.dep_ in ("nsubj", "nsubjpass") for t in path[:-1])
                and all(t.dep_ in ("dobj", "pobj", "prep", "advmod", "compound") for t in path[:-1])):
            maker = named_subject(verb)
        return maker

    def body_named(self, tok: Any) -> Any:
        """The body a noun before a statement noun stands for ("a police statement"): the last one the text
        named before it with that noun as its head ("Lindvik police"), outside quotes; None when the text
        names none ("a press statement")."""
        mod = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1), None)
        if mod is None:
            return None
        lemma = mod.lemma_.lower()
        return next((t for t in reversed(self.tokens[:mod.i]) if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
                     and not self.in_quote(t) and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)),
                    None)

    def statement_maker(self, tok: Any, before: int) -> Any:
        """Who made "the statement": the maker of the last statement the text introduced before it ("X
        said in a statement", "a statement from X", "X released a statement", "X's statement"), in its
        paragraph or the three before, else of the same noun earlier in the article, else the last
        speaker of the paragraph before."""
        doc = self.doc
        k = self.paragraph_of(tok.idx)
        start = self.paragraphs[max(0, k - 3)][0]  # introduced in its paragraph or the three before
        window = [t for t in reversed(doc[:tok.i]) if t.idx >= start and t.lemma_.lower() in rules.STATEMENT_NOUNS
                  and t.pos_ == "NOUN" and not self.in_quote(t)]
        # the same noun first: "the statement" is the statement the text introduced, not a tweet after it
        same = tok.lemma_.lower()
        window.sort(key=lambda t: t.lemma_.lower() != same)
        # then the same noun introduced earlier in the article ("The letter was signed by ..." six
        # paragraphs before "the letter says"), before the speaker of the paragraph before
        window += [t for t in reversed(doc[:tok.i]) if t.idx < start and t.lemma_.lower() == same
                   and t.pos_ == "NOUN" and not self.in_quote(t)]
        for t in window:
            maker = next((c for p in t.children if p.lower_ in ("by", "from") for c in p.children
                          if c.dep_ == "pobj" and c.lemma_.lower() not in rules.MEDIA_NOUNS), None)
            if maker is None:
                maker = next((c for c in t.children if c.dep_ == "poss"), None)
            if maker is None and t.dep_ == "dobj" and t.head.lemma_ in rules.ISSUING_VERBS:
                maker = named_subject(t.head)
            if maker is None and t.dep_ == "nsubjpass" and t.head.lemma_ in rules.SIGNING_VERBS:
                # "The letter was signed by Kari Mo, Per Holm and ...": its first signatory
                maker = next((c for a in t.head.children if a.dep_ == "agent" for c in a.children
                              if c.dep_ == "pobj"), None)
                # (a signatory given with a title: "Nordvik Records chief Kari Mo"; the first person named
                # after "by", however the parser hung the list)
                maker = next((e.root for e in self.ents if e.label_ == "PERSON" and maker.i < e.start
                              and e.end <= maker.sent.end and not self.in_quote(e.root)),
                             maker) if maker is not None and maker.ent_type_ != "PERSON" else maker
            if maker is None and t.dep_ == "pobj" and t.head.lower_ in ("in", "through"):
                said = t.head.head  # "X said in a statement"; the parser may hang the phrase on X
                if reporting(said):
                    maker = self.subject(said)
                elif said.dep_ in ("nsubj", "nsubjpass") and reporting(said.head):
                    maker = said
            if maker is not None and maker.lemma_.lower() not in rules.STATEMENT_NOUNS:
                # a spokesperson's statement is the organisation's they speak for ("In a statement, Nordvik
                # spokeswoman Kari Mo said ...")
                spokes = maker if maker.lemma_.lower() in rules.SPOKESPERSON_NOUNS else next(
                    (c for c in maker.children if c.lemma_.lower() in rules.SPOKESPERSON_NOUNS), None)
                # "a spokesperson for Nordvik told the paper in a statement"
                body_for = next((o for p in spokes.children if p.dep_ == "prep" and p.lower_ == "for"
                                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                                 and o.ent_type_ not in ("PERSON", "GPE", "NORP")), None) if spokes is not None else None
                if body_for is not None:
                    return self.ent_at(body_for)
                body = next((c for c in spokes.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                             and c.ent_type_ not in ("PERSON", "GPE", "NORP")), None) if spokes is not None else None
                return self.ent_at(body) if body is not None else self.speaker_span(maker, before)
        prev = self.previous(k)
        return last_speaker(self, prev[0], before)[0] if prev else None

    def introduced(self, paragraph: int) -> Any:
        """Who a paragraph without quotes introduces: when it ends with a colon, the subject of its last
        sentence ("One officer described what he saw:"); else the subject of its first sentence that is
        a person ("Kari Nystrom, who runs the bakery, was opening the shop ..."), or the person a "he" or
        "she" there stands for; else None."""
        ps, pe = self.paragraphs[paragraph]
        if text_of(self.doc)[ps:pe].rstrip().endswith(":"):
            last = [s for s in self.sents if ps <= s.start_char < pe]
            # the subject of its main or a reporting verb ("One officer described what he saw:"), else
            # the last noun that is a subject ("Here is how one website put it:")
            subjects = [t for t in last[-1] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
                        and not any(qs <= t.idx < qe for qs, qe in self.quoted)] if last else []
            subj = next((t for t in subjects if t.head.dep_ == "ROOT" or reporting(t.head)),
                        subjects[-1] if subjects else None)
            if subj is not None:
                return self.speaker_span(subj, pe)
            # a line with no verb that names whose words follow ("From the Courier:", "Kari Mo:")
            words = [t for t in last[-1] if not t.is_punct and not t.is_space] if last else []
            if words and not any(t.pos_ in ("VERB", "AUX") for t in words) and len(words) <= 6:
                name = next((t for t in words if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "")
                             and (t.dep_ == "ROOT" or (t.dep_ == "pobj" and t.head.lower_ == "from"))), None)
                if name is not None:
                    return strip_the(self.ent_at(name))
        first = next((s for s in self.sents if ps <= s.start_char < pe), None)
        if first is None:
            return None
        for ent in self.ents:
            if (first.start <= ent.start < first.end and ent.root.dep_ in ("nsubj", "nsubjpass")
                    and (ent.label_ == "PERSON" or normalise(ent.text) in self.persons)):
                return ent
        # or a "he" or "she" its main verb has for subject: whom that stands for ("Late in life, she would not sing
        # in public." before her words)
        pronoun = next((c for c in first.root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.lower_ in ("he", "she") and not self.in_quote(c)), None)
        return self.antecedent(pronoun, pronoun.idx) if pronoun is not None else None

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
                        # (a surname of the article's person the tagger took for a plural: "Timmons told")
                        and (span.root.tag_ not in ("NNS", "NNPS") or normalise(span.text) in self.surnames)
                        and (label not in ("GPE", "LOC", "FAC") or named)
                        # a one-word name tagged an organisation ("Brit", "ANA"); the model tags longer unknown
                        # names of people so too
                        and not (label == "ORG" and len(words) == 1 and not named)
                        and span.text not in rules.NOT_PERSON
                        and self.sex_fits(span, tok.lower_))

        names = [e for e in self.ents if e.label_ in _SPEAKER_LABELS and e.end_char <= before and e.start_char < tok.idx
                 and e.text not in rules.NOT_PERSON]  # "Twitter" is where words are posted
        # a surname the model left untagged is that person ("Holm may have been the last one ..."), also one
        # the tagger took for a plural noun ("Timmons told police")
        names += [doc[t.i:t.i + 1] for t in self.tokens if t.i < tok.i and t.idx + len(t) <= before
                  and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper())) and not t.ent_type_
                  and t.dep_ in ("nsubj", "nsubjpass") and normalise(t.text) in self.surnames]
        names.sort(key=lambda e: e.start)
        persons = [e for e in names if getattr(e, "label_", "") == "PERSON" or normalise(e.text) in self.persons
                   or normalise(e.text) in self.surnames]
        subject = ("nsubj", "nsubjpass")

        def is_subject(e: Any) -> bool:  # also a name in apposition to one ("a cellist, Kari Mo, told ...")
            r = e.root
            if absolute(r):
                return False
            return bool(r.dep_ in subject or (r.dep_ == "appos" and r.head.dep_ in subject)
                        # "a student named Ivar Holm was returning": the one named is the subject
                        or (r.dep_ in ("oprd", "appos", "attr") and r.head.lemma_ in ("name", "call")
                            and r.head.dep_ == "acl" and r.head.head.dep_ in subject))

        # "she also wrote": the same speaker goes on, the last who spoke (a quote's speaker or a reporting
        # verb's subject) in its paragraph or the three before, over whom the sentence before is about
        # ("Kari Mo posted a photo, writing "...". Per Holm died in May. She also wrote, "...")
        verb = tok.head
        if personal and tok.dep_ == "nsubj" and reporting(verb) and any(
                c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
            window = self.paragraphs[min([k, *self.previous(k, 3)])][0]
            went_on = [(sp.start_char, sp) for sp in self.spoken if window <= sp.start_char and sp.end_char <= before
                       and sp.start_char < tok.idx]
            for t in self.tokens[:verb.i]:
                subj = (self.subject(t) if window <= t.idx and reporting(t) and not negated(t)
                        and not self.in_quote(t) else None)
                if subj is not None and subj.i < tok.i and subj.lower_ not in _PRONOUNS:
                    went_on.append((t.idx, self.speaker_span(subj, before)))
            went_on = [(at, sp) for at, sp in went_on if sp is not None and sp.root.pos_ == "PROPN" and fits(sp)]
            if went_on:
                return strip_the(max(went_on, key=lambda e: e[0])[1])
        # "he", "she" in a clause of a sentence that named a person before it, outside quotes ("The best photos
        # of Kari Mo were her harbour scenes, which she said were staged"): that person, the last of them,
        # when the pronoun is in a clause set in that sentence (not one inside a clause of its own that does
        # not hold the pronoun: "Citing the deal, which Per Holm opposed, he said")
        if personal and tok.head.i != tok.sent.root.i:
            own = [e for e in persons if tok.sent.start <= e.start and e.end <= tok.i and e.end_char <= before
                   and not self.in_quote(e.root) and fits(e)
                   # (one the article speaks of elsewhere too, not a word of a caption run into the sentence)
                   and sum(t.lower_.rstrip(".") == e[-1].lower_.rstrip(".") for t in self.tokens) > 1
                   and not any(a.dep_ in ("relcl", "advcl", "acl", "ccomp", "xcomp", "pcomp")
                               and not a.left_edge.i <= tok.i <= a.right_edge.i for a in [e.root, *e.root.ancestors])]
            if own:
                return strip_the(own[-1])
        # "he", "she": a person who did something in the sentence right before ("Kari Mo saw the crash
        # from her window. She told the paper: ..."), before a speaker further back in a long paragraph
        if personal:
            until = min(tok.idx, before)
            last = next((t for t in reversed(doc[:tok.i + 1]) if t.idx < until and not t.is_punct
                         and not t.is_space and not self.in_quote(t) and t.sent.start != tok.sent.start
                         and not self.caption(self.paragraph_of(t.idx))), None)
            # the sentence before may close the paragraph before when nothing but the quote stands before
            # the pronoun in its own ("She wondered why. / "...," she wrote.")
            if last is not None and (last.idx >= ps or (self.only_quoted(ps, tok.idx)
                                                        and self.paragraph_of(last.idx) in self.previous(k))):
                prev = last.sent
                # the same person's pronoun as that sentence's subject: whom it stands for ("Kari Mo was
                # aboard. She wondered why. / She wrote: ...")
                again = next((c for c in prev.root.children if c.dep_ == "nsubj" and not self.in_quote(c)
                              and same_person_pronoun(c.lower_, tok.lower_)), None)
                if again is not None:
                    found = self.antecedent(again, again.idx)
                    if found is not None:
                        return found
                acting = [e for e in persons if prev.start <= e.start and e.end <= prev.end and e.root.dep_ == "nsubj"
                          and not self.in_quote(e.root) and not reported(e.root.head) and fits(e)
                          and not absolute(e.root)]
                # or the person a sentence opens on ("For Kari Mo, the loss was a blow.", "To Kari Mo, that
                # is a bad idea.")
                opening = next((x for x in prev if not x.is_space), None)
                acting += [self.ent_at(o) for p in [opening] if p is not None and p.lower_ in ("for", "to")
                           for o in p.children if o.dep_ == "pobj" and o.is_title and (
                               o.ent_type_ == "PERSON" or normalise(o.text) in self.persons | self.surnames)
                           and self.sex_fits(self.ent_at(o), tok.lower_)]  # (the tagger may call a surname plural)
                # a name the model tagged as a thing or missed, when the article says this person is a he or
                # a she ("Kari Mo and her husband were aboard")
                # or given a person's title in apposition ("Kari Mo, head of the guild, blamed ...")
                acting += [self.ent_at(t) for t in prev if t.pos_ == "PROPN" and t.dep_ == "nsubj" and not t.is_lower
                           and t.ent_type_ not in ("PERSON", "NORP") and not self.in_quote(t)
                           and ((t.ent_type_ not in ("ORG", "GPE", "LOC", "FAC")
                                 and self.sexes.get(normalise(t.text)) in ("m", "f"))
                                or any(c.dep_ == "appos" and c.lemma_.lower() in rules.PERSON_TITLES
                                       and c.lemma_.lower() not in rules.SPOKESPERSON_NOUNS for c in t.children))
                           and self.sex_fits(doc[t.i:t.i + 1], tok.lower_)]
                # or the person it cites ("The gate was shut, according to Kari Mo. "...," she said.")
                acting += [self.ent_at(c) for t in prev if t.lower_ == "according" and t.i + 1 < len(doc)
                           and doc[t.i + 1].lower_ == "to" for c in doc[t.i + 1].children
                           if c.dep_ == "pobj" and c.pos_ == "PROPN" and not self.in_quote(c)
                           and (c.ent_type_ == "PERSON" or normalise(c.text) in self.persons)
                           and fits(self.ent_at(c))]
                # or someone the sentence brings in by a title or role ("An officer on the scene sounds the
                # alarm. "...," he says.")
                acting += [role for t in prev if t.dep_ == "nsubj" and (
                    (t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in rules.PERSON_TITLES)
                    or self.epithet(t) is not None)
                           and not self.in_quote(t)
                           and not reported(t.head)
                           for role in [self.speaker_span(t, before)] if role is not None and fits(role)]
                acting.sort(key=lambda e: e.start)
                # the sentence is about its main clause's subject, not one inside a clause its verb takes
                # ("Per Lund doubts a judge will stop it. "...," he says": Lund)
                main = [e for e in acting if not complement(e.root)]
                if main and len(main) < len(acting):
                    acting = main
                if acting:
                    return strip_the(acting[-1])
        untagged = [doc[t.left_edge.i:t.i + 1] for t in self.tokens if ps <= t.idx and t.idx + len(t) <= before
                    and t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ in subject
                    and t.head.lemma_ in rules.QUOTING_VERBS and t.i < tok.i]
        # a name that speaks in the same paragraph (the model may call a person a place, or miss it),
        # else a person who is a subject there
        def speaks(e: Any) -> bool:
            r = e.root.head if e.root.dep_ == "appos" else e.root
            return bool(is_subject(e) and r.head.lemma_ in rules.QUOTING_VERBS)

        # or a speaker the paragraph named before it ("Kari Mo said: "..." She added: ...")
        spoken = [sp for sp in self.spoken if personal and ps <= sp.start_char and sp.end_char <= before
                  and sp.start_char < tok.idx and sp.root.pos_ == "PROPN" and fits(sp)]
        same = [(e.start, e) for e in [e for e in names if ps <= e.start_char and speaks(e) and fits(e)]
                + untagged + spoken]
        # or a role that speaks there ("A Fire Service spokesman said they had been called ... "...," they
        # added")
        for t in self.tokens[:tok.i]:
            if ps <= t.idx < before and reporting(t) and not negated(t) and not self.in_quote(t):
                subj = self.subject(t)
                if (subj is not None and subj.pos_ == "NOUN" and subj.tag_ == "NN" and subj.i < tok.i
                        and subj.lemma_.lower() in rules.PERSON_TITLES and not self.in_quote(subj)):
                    role = self.speaker_span(subj, before)
                    if role is not None and fits(role):
                        same.append((subj.i, role))
        if same:
            return strip_the(max(same, key=lambda e: e[0])[1])
        same = [e for e in persons if ps <= e.start_char and is_subject(e) and self.sex_fits(e, tok.lower_)]
        if same:
            return strip_the(same[-1])
        # the paragraphs before, nearest first: its last speaker (of a quote, or the subject of a
        # reporting verb), else the last person who is a subject there
        for j in self.previous(k, 3):
            js, je = self.paragraphs[j]
            spoke = [(sp.start_char, sp) for sp in self.spoken
                     if js <= sp.start_char < je and sp.root.pos_ in ("PROPN", "NOUN")]
            for t in self.tokens:  # the subject of a reporting verb there, a name or a role ("the spokesman said")
                subj = (self.subject(t) if js <= t.idx < min(je, before) and reporting(t) and not negated(t)
                        else None)
                if subj is not None and (subj.pos_ == "PROPN" or subj.lemma_.lower() in rules.PERSON_TITLES
                                         or any(c.dep_ == "appos" and c.ent_type_ for c in subj.children)
                                         # or a person's noun ("A journalist for the agency said that ...")
                                         or (personal and self.agent_noun(subj))) and (
                        fits(doc[subj.i:subj.i + 1])):
                    spoke.append((t.idx, self.speaker_span(subj, before)))
                elif subj is not None and personal and same_person_pronoun(subj.lower_, tok.lower_):
                    # "she told the paper" there: the person that "she" stands for
                    spoke.append((t.idx, self.antecedent(subj, subj.idx)))
            spoke = [(at, sp) for at, sp in spoke if sp is not None and fits(sp) and len(sp.text) > 1]
            if spoke:
                return strip_the(max(spoke, key=lambda e: e[0])[1])
            acting = [e for e in persons if js <= e.start_char < je and is_subject(e) and self.sex_fits(e, tok.lower_)]
            if acting:
                return strip_the(acting[-1])
        persons = [e for e in persons if self.sex_fits(e, tok.lower_)]
        if persons:
            return strip_the(persons[-1])
        return None


def complement(subj: Any) -> bool:
    """A subject inside a clause another verb with a subject of its own takes ("Per Lund doubts a judge
    will stop it": the judge)."""
    return any(a.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.head.children)
               for a in subj.ancestors)


def absolute(subj: Any) -> bool:
    """The subject of a participle set in a sentence ("..., with Kari Mo taking the helm — which thrilled
    Per Holm"): not who the sentence is about."""
    return bool(subj.dep_ == "nsubj" and subj.head.tag_ == "VBG" and subj.head.dep_ in ("pcomp", "advcl", "acl"))


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
    verbs = [t for t in tokens if t.lemma_ in rules.QUOTING_VERBS and t.pos_ in ("VERB", "AUX")
             and not negated(t) and not reported(t)]
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
