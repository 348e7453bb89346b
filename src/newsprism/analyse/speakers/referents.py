"""What a speaker's token may stand for, read from one parsed doc: the article's persons and their
sexes, a name for a role, an organisation or the lead's person, a pronoun's referent (the lower half
of :class:`.finder.Speakers`, which inherits it)."""

from __future__ import annotations

from typing import Any

from ...lexicon import normalise
from .. import rules
from ..doctext import text_of
from .clues import FEMALE_HONORIFICS, MALE_HONORIFICS, first_pronoun_after, honorific_fits, name_after, reporting, strip_the

#: Roles that tell a person's sex.
SEXED_ROLES = {**{w: "m" for w in rules.MALE_ROLES}, **{w: "f" for w in rules.FEMALE_ROLES}}
#: What a paragraph of the story ends with (a caption or heading ends with none of it).
CLOSING = frozenset(".!?:;…\"'”’")
#: Captions and headings a look back over the paragraphs before may pass over.
MAX_CAPTIONS = 4


class Referents:
    """The names a token may stand for; :class:`.finder.Speakers` sets the state it reads."""

    doc: Any
    persons: frozenset[str]
    paragraphs: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    tokens: list[Any]
    ents: tuple[Any, ...]
    _surnames: frozenset[str] | None
    _sexes: dict[str, str] | None
    _captions: frozenset[int] | None
    _sents: list[Any] | None

    @property
    def sents(self) -> list[Any]:
        """The doc's sentences, read once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    def caption(self, paragraph: int) -> bool:
        """A paragraph that is no sentence of the story: a photo caption or credit, a heading ("Getty
        Images Rescuers search the river bank", "Read more"): it ends with no sentence's punctuation and
        holds no quote marks."""
        if self._captions is None:
            text = text_of(self.doc)
            self._captions = frozenset(
                k for k, (ps, pe) in enumerate(self.paragraphs)
                if (body := text[ps:pe].strip()) and body[-1] not in CLOSING and not any(m in body for m in '"“”'))
        return paragraph in self._captions

    def previous(self, paragraph: int, n: int = 1) -> list[int]:
        """Up to ``n`` paragraphs before ``paragraph``, nearest first, captions and headings passed over
        (they stand between a story's paragraphs, not in them)."""
        out: list[int] = []
        for j in range(paragraph - 1, -1, -1):
            if len(out) == n or paragraph - j > n + MAX_CAPTIONS:
                break
            if not self.caption(j):
                out.append(j)
        return out

    def in_quote(self, tok: Any) -> bool:
        return any(qs <= tok.idx < qe for qs, qe in self.quoted)

    def paragraph_of(self, char: int) -> int:
        for k, (_ps, pe) in enumerate(self.paragraphs):
            if char <= pe:
                return k
        return len(self.paragraphs) - 1

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
        """What the article itself says of each named person's sex, by name word ("m" or "f"; "n" for a
        body: "Nordvik and its owners"): an honorific before the name ("Mr. Holm"), a role in apposition
        ("Her husband, Per Mo"), or the first possessive or reflexive pronoun after a name that is a
        sentence's subject, before any other name or pronoun ("Kari Mo and her husband"); a word with
        evidence both ways is left out. Every word of a full name shares what one word has."""
        if self._sexes is None:
            seen: dict[str, set[str]] = {}

            def note(words: list[str], sex: str) -> None:
                for w in words:
                    seen.setdefault(w, set()).add(sex)

            toks = self.tokens
            for t in toks:
                low = t.lower_
                if low in MALE_HONORIFICS or low in FEMALE_HONORIFICS:
                    name = name_after(toks, t.i + 1)
                    if name:
                        note(name, "m" if low in MALE_HONORIFICS else "f")
                elif t.pos_ == "PROPN" and t.dep_ == "appos" and t.head.lower_ in SEXED_ROLES:
                    # a role in apposition tells it ("Her husband, Per Mo, said")
                    note(normalise(self.ent_at(t).text).split(), SEXED_ROLES[t.head.lower_])
                elif t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t):
                    sex = first_pronoun_after(toks, t)
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
        if not honorific_fits(span, pronoun):
            return False
        want = "m" if pronoun in ("he", "him") else "f" if pronoun in ("she", "her") else None
        if want is None:
            return True
        words = normalise(span.text).split()
        known = {self.sexes[w] for w in words if w in self.sexes}
        known |= {"m" for w in words if w in rules.MALE_ROLES} | {"f" for w in words if w in rules.FEMALE_ROLES}
        return not known or want in known

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
                # a verb that ends its sentence after what it reports: the person set off by commas right
                # before it ("The road was shut, the brother of the driver, Per Holm, from Lindvik, said.")
                if x.text in (":", ";", "(", ")") or not all(
                        y.is_punct or y.is_space for y in doc[verb.i + 1:verb.sent.end]):
                    return None
                at = next((k for k, y in enumerate(words) if y.ent_type_ == "PERSON" and y.dep_ != "compound"), None)
                return words[at] if at is not None and any(y.text == "," for y in words[:at]) else None
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
        top = [x for x in part if x.head.i not in ids or x.head.i == x.i]
        head = next((x for x in top if x.pos_ in ("NOUN", "PROPN") and len(x.text) > 1), None)
        return head

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
            if (ent.label_ == "PERSON" and ent.root.dep_ == "nsubj" and reporting(ent.root.head)
                    and not self.in_quote(ent.root)):
                return ent
        return None

    def epithet(self, tok: Any) -> Any:
        """The person a definite description stands for when the text names no one for it: the person who
        is a subject of the sentence right before, in its paragraph or closing the one before ("Kari Mo
        left the club in May. The midfielder said ...": Kari Mo); None for an indefinite or plural noun,
        one with words of its own ("the brother of the gunman", "the Oslo lawyer"), a noun that is no
        person's (``rules.AGENT_SUFFIXES``: not "the zoo"), a person's title ("the pilot"), a noun for a
        body, a statement or a spokesperson, or after two people ("the pair") its sex does not tell apart.
        An age is such a description ("The 76-year-old said"); "-ess" names a woman ("the actress")."""
        lemma = tok.lemma_.lower()
        common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)  # the tagger errs on rare nouns
        # an age is a person's description too ("The 76-year-old said"), whatever the model called it
        aged = tok.lower_ == "old" and tok.i >= 2 and self.doc[tok.i - 1].text == "-" and self.doc[
            tok.i - 2].lower_ in ("year", "years")
        if ((not aged and (not common or tok.tag_ not in ("NN", "NNP") or tok.ent_type_
                          or not rules.agent_word(lemma)))
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                or any(c.dep_ in ("prep", "poss", "appos", "nmod") or (c.dep_ in ("compound", "amod") and (
                    c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE")))  # "the Oslo lawyer", "the Danish envoy"
                       for c in tok.children)
                # a title is a part someone plays in the story (``named_for``, ``lead_person``): "the pilot"
                # who speaks after a passenger did is another person
                or lemma in rules.PERSON_TITLES | rules.ORGANISATION_NOUNS | rules.ORG_HEADS | rules.STATEMENT_NOUNS
                | rules.UNSPEAKING_NOUNS | rules.MEDIA_NOUNS | rules.TIME_NOUNS | rules.SPOKESPERSON_NOUNS):
            return None
        # "-ess" names a woman ("the actress", "the heiress"; not "-ness")
        sex = ("m" if lemma in rules.MALE_ROLES else "f" if lemma in rules.FEMALE_ROLES
               or (lemma.endswith("ess") and not lemma.endswith("ness")) else None)
        subjects = self.prior_subjects(tok, sex)
        if not subjects:
            # a sentence whose main verb has an empty "it" or "there" is about the subject of its clause ("It
            # was in 1979 that Kari Mo first named the tide. The astronomer explained ...")
            loose = self.prior_subjects(tok, sex, main=False)
            if not loose or not any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there")
                                    for c in loose[-1].sent.root.children):
                return None
            subjects = loose
        root = subjects[-1].root
        # two people ("Kari Mo and Per Holm split. The pair said ..."), unless the description's sex
        # tells them apart ("Kari Mo and her husband Per Holm ... The actress said")
        others = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        if any(sex is None or self.sex_fits(self.ent_at(o), "he" if sex == "m" else "she") for o in others):
            return None
        return strip_the(subjects[-1])

    def prior_subjects(self, tok: Any, sex: str | None = None, main: bool = True) -> list[Any]:
        """The persons who are the subject of the main verb of the sentence right before ``tok``'s, in its
        paragraph or closing the one before, outside quotes, of ``sex`` when given ("Kari Mo left the
        club in May. The midfielder said ..."). Sentences that are only a quote, captions and headings,
        and a sentence whose subject is the same noun as ``tok`` ("Kari Mo said ... The brother told a
        paper ... the brother said") are passed over. ``main=False``: the subject of any verb there."""
        sents = self.sents
        k = next((j for j, s in enumerate(sents) if s.start <= tok.i < s.end), None)
        if not k:
            return []
        prev = sents[k - 1]
        lemma = tok.lemma_.lower()

        def passed(sent: Any) -> bool:
            return (all(self.in_quote(t) or t.is_punct or t.is_space for t in sent)
                    or self.caption(self.paragraph_of(sent.start_char))
                    or any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == lemma and c.pos_ == "NOUN"
                           and not self.in_quote(c) for c in sent.root.children))
        here = self.paragraph_of(tok.idx)
        while k > 1 and passed(prev) and self.paragraph_of(sents[k - 2].start_char) in (here, *self.previous(here)):
            k -= 1
            prev = sents[k - 1]
        if self.paragraph_of(prev.start_char) not in (here, *self.previous(here)):
            return []
        # a person the article's mentions decided is one, the subject of the sentence's main verb ("The
        # building, which Mayor Kari Mo ordered shut, ..." is not about the mayor)
        return [e for e in self.ents if prev.start <= e.start and e.end <= prev.end
                and (normalise(e.text) in self.persons | self.surnames if self.persons else e.label_ == "PERSON")
                and (e.root.dep_ in ("nsubj", "nsubjpass") or (e.root.dep_ == "appos"
                                                                and e.root.head.dep_ in ("nsubj", "nsubjpass")))
                and (not main or (e.root.head if e.root.dep_ != "appos" else e.root.head.head).i == prev.root.i)
                and not self.in_quote(e.root)
                and (sex is None or self.sex_fits(e, "he" if sex == "m" else "she"))]

    def organisation_for(self, tok: Any) -> Any:
        """The organisation "the company" stands for: the last one named before it, in its paragraph or
        the two before (captions passed over), outside quotes, one that spoke there first; else the last one
        that spoke earlier in the article; None for "a company" or one the phrase names itself ("the
        German newspaper"; a common word does not: "the militant group")."""
        lemma = tok.lemma_.lower()
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if lemma in rules.ARMED_FORCE_NOUNS and not any(c.dep_ in ("compound", "amod", "nmod", "poss")
                                                          for c in tok.children):
            return self.armed_force(tok)  # "the Indian navy seized ... "...," the military said"
        # a maker stands for one as "the company" does ("the software maker", "the carmaker"; not "the rail
        # operator", a noun for a person too)
        if lemma not in rules.ORGANISATION_NOUNS and not lemma.endswith("maker"):
            return None
        if any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ or c.is_title)
               for c in tok.children):
            return None  # words of its own say which one ("the German newspaper", "the Nordvik firm")
        here = self.paragraph_of(tok.idx)
        ps = self.paragraphs[min([here, *self.previous(here, 2)])][0]  # captions and headings passed over
        # one the text called by the same noun there ("the law firm Nordvik & Co" ... "the firm said")
        called = [self.ent_at(n) for t in self.tokens[:tok.i] if ps <= t.idx and t.lemma_.lower() == lemma
                  and t.pos_ == "NOUN" and not self.in_quote(t)
                  for n in [*(c for c in t.children if c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"),
                            *([t.head] if t.dep_ == "appos" and t.head.pos_ == "PROPN" else [])]
                  if n.ent_type_ in ("ORG", "", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON")]
        if called:
            return strip_the(called[-1])
        orgs = [e for e in self.ents if e.label_ == "ORG" and ps <= e.start_char and e.end <= tok.i
                and not self.in_quote(e.root)
                and (e.text not in rules.NOT_PERSON or e.text in rules.PLATFORMS)]  # a photo credit, an agency
        # one that spoke before another was named ("X confirmed, as cited by Y")
        spoke = [e for e in orgs if e.root.dep_ == "nsubj" and reporting(e.root.head)]
        # or through its spokesperson, named or not, whatever the model called the name ("Nordvik
        # spokeswoman Kari Mo said")
        spoke += [self.ent_at(t) for t in self.tokens[:tok.i] if ps <= t.idx and t.pos_ == "PROPN"
                  and t.dep_ in ("compound", "poss") and t.head.lemma_.lower() in rules.SPOKESPERSON_NOUNS
                  and t.ent_type_ not in ("PERSON", "GPE", "NORP") and not self.in_quote(t)]
        # or a name the model called no person nor place that spoke ("What is Nordvik Lines saying?")
        spoke += [self.ent_at(t) for t in self.tokens[:tok.i] if ps <= t.idx and t.pos_ == "PROPN"
                  and t.dep_ == "nsubj" and reporting(t.head) and not self.in_quote(t)
                  and t.ent_type_ in ("", "WORK_OF_ART", "PRODUCT", "FAC") and not self.personal(self.ent_at(t))
                  and self.sexes.get(normalise(t.text)) not in ("m", "f")]
        spoke.sort(key=lambda e: e.start)
        orgs = spoke or orgs
        if not orgs:  # else the last one that spoke earlier in the article ("ANA told RT ... the airline said")
            orgs = [e for e in self.ents if e.label_ == "ORG" and e.end <= tok.i and e.root.dep_ == "nsubj"
                    and reporting(e.root.head) and not self.in_quote(e.root) and e.text not in rules.NOT_PERSON]
        return strip_the(orgs[-1]) if orgs else None

    def armed_force(self, tok: Any) -> Any:
        """The armed service "the military" stands for: the last one the text named before it outside quotes,
        with words that say whose ("the Indian navy", "Vestland's army"); None when it names none."""
        for t in reversed(self.tokens[:tok.i]):
            if (t.lemma_.lower() in rules.ARMED_FORCE_NOUNS and t.lemma_.lower() != "military"
                    and t.pos_ in ("NOUN", "PROPN")
                    and not self.in_quote(t) and any(c.dep_ in ("amod", "compound", "poss") and (
                        c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")) for c in t.children)):
                return strip_the(self.doc[t.left_edge.i:t.i + 1])
        return None

    def named_next(self, tok: Any) -> Any:
        """The person an indefinite description that speaks ("a former reviewer called it "..."") stands
        for when the next sentence names them speaking again: the subject of "add", or of a reporting verb
        with "also" ("..., Kari Mo added.", "The head of the board, Kari Mo, also said ..."); None when that
        subject is no named person, or the next sentence lies past the paragraph after."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None
        sents = self.sents
        k = next((j for j, s in enumerate(sents) if s.start <= tok.i < s.end), None)
        if k is None or k + 1 >= len(sents):
            return None
        nxt = sents[k + 1]
        if self.paragraph_of(nxt.start_char) - self.paragraph_of(tok.idx) > 1:
            return None
        for t in nxt:
            if self.in_quote(t) or not reporting(t) or not (
                    t.lemma_ == "add" or any(c.dep_ == "advmod" and c.lower_ == "also" for c in t.children)):
                continue
            for c in t.children:
                if c.dep_ != "nsubj" or self.in_quote(c):
                    continue
                if c.ent_type_ == "PERSON":
                    return self.ent_at(c)
                named = next((a for a in c.subtree if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)
                if named is not None:  # "The head of the board, Kari Mo, also said"
                    return self.ent_at(named)
        return None

    def named_by_head(self, tok: Any) -> Any:
        """The organisation a definite noun is the head word of ("the Lindvik Centre for Fair Harbours" ...
        "the centre said"): the last one named before it, outside quotes; None for a noun with words of
        its own ("the new centre") or one no such name ends on."""
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("compound", "amod", "nmod", "prep") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        named = [e for e in self.ents if e.label_ == "ORG" and e.end <= tok.i and len(e) > 1
                 and e.root.lemma_.lower() == lemma and not self.in_quote(e.root)]
        return strip_the(named[-1]) if named else None

    def outlet_for(self, tok: Any) -> Any:
        """The news outlet a noun for one stands for ("state media", "the German paper", "the agency"): the
        last one named before it, outside quotes and captions, whose name ends as an outlet's does ("Vestland
        News Agency") or that the text called by such a noun ("the newspaper Dagbladet"); of those, one
        whose phrase shares a word of its own ("German") first; None for an indefinite noun ("a local paper")
        or when the text names none."""
        if (not {tok.lemma_.lower(), tok.lower_} & rules.OUTLET_NOUNS or tok.ent_type_ or tok.pos_ != "NOUN"
                or any((c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some")) or (
                    # nor one a possessor says is whose ("the centre's paper"), not a place's ("Vestland's media")
                    c.dep_ == "poss" and c.ent_type_ not in ("GPE", "NORP", "LOC")
                    and c.lemma_.lower() not in ("country", "nation", "state", "region", "city"))
                       for c in tok.children)):
            return None
        doc = self.doc
        found = []
        for e in self.ents:
            if e.end > tok.left_edge.i:
                break
            if e.label_ not in ("ORG", "") or e.text in rules.NOT_PERSON or self.in_quote(e.root) or self.caption(
                    self.paragraph_of(e.start_char)):
                continue
            words = normalise(e.text).split()
            # the noun it is set beside ("the newspaper Tagesblatt", "Tagesblatt newspaper")
            near = [c for c in e.root.children if c.dep_ in ("appos", "compound", "nmod")]
            near += [e.root.head] if e.root.dep_ in ("appos", "compound") else []
            if (words and words[-1] in rules.OUTLET_HEADS) or any(
                    n.lemma_.lower() in rules.OUTLET_NOUNS for n in near):
                found.append(e)
        if not found:
            return None
        own = {normalise(c.text) for c in tok.subtree if c.i != tok.i and not c.is_punct
               and c.lower_ not in ("the", "'s", "state", "official")}
        if own:
            shared = [e for e in found
                      if own & {normalise(x.text) for x in doc[max(0, e.start - 5):e.end] if not x.is_punct}]
            if not shared and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].head.i == tok.i:
                return None  # a name of its own right before it that no outlet named shares ("Xinua media")
            found = shared or found
        return strip_the(found[-1])

    def given_name(self, tok: Any) -> Any:
        """The name the text gave a thing it now speaks of by its noun alone ("the campaign - dubbed The
        Price of Fish -" ... "the campaign states"), or who it says made it ("a poem by Kari Mo" ... "the
        poem began"): the last such phrase of the same noun before it, outside quotes; None for an
        indefinite noun, a person's noun or one never named."""
        if (tok.pos_ != "NOUN" or self.person_noun(tok)
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)):
            return None
        lemma = tok.lemma_.lower()
        for t in reversed(self.tokens[:tok.i]):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or self.in_quote(t):
                continue
            after = next((x for x in self.doc[t.right_edge.i + 1:t.right_edge.i + 3] if not x.is_punct), None)
            # (the parser may hang the naming verb elsewhere: "Behind the campaign - dubbed ... - are")
            namings = [*t.children, *([after] if after is not None and after.tag_ == "VBN" else [])]
            for c in namings:
                if (c.dep_ == "acl" or c is after) and c.lemma_ in rules.NAMING_VERBS:
                    # (a name of common words may be tagged a noun: "The Price of Fish")
                    name = next((n for n in c.children if n.dep_ in ("oprd", "attr", "dobj", "xcomp")
                                 and (n.pos_ == "PROPN" or n.is_title)), None)
                    if name is None:  # "known as The Price of Fish"
                        name = next((n for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                                     for n in p.children if n.dep_ == "pobj" and n.pos_ == "PROPN"), None)
                    if name is not None:
                        return self.doc[name.left_edge.i:name.right_edge.i + 1]
            # who made it ("a poem by the artist Kari Mo" ... "the poem began"; the parser may hang "by" on
            # the verb)
            by = self.doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(self.doc) else None
            if by is not None and by.lower_ == "by" and by.dep_ == "prep":
                maker = next((n for n in by.children if n.dep_ == "pobj"), None)
                inner = None if maker is None else next(
                    (n for n in maker.subtree if n.ent_type_ in ("PERSON", "ORG") and not self.in_quote(n)), None)
                if inner is not None:
                    return strip_the(self.ent_at(inner))
        return None

    def role_name(self, tok: Any) -> Any:
        """The person a subject phrase names besides its head: a name in apposition in it, else a
        person's name that is neither a possessor nor the object of a preposition, unless it follows
        another name ("to the UN Kari Mo")."""
        doc = self.doc
        inside = [e for e in self.ents if tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1
                  and not e.start <= tok.i < e.end and e.root.dep_ != "poss"]
        person = [e for e in inside if e.label_ == "PERSON" or normalise(e.text) in self.persons]
        # (the model may leave a first name out of the name: "Anders" of ", Anders Holmgren,")
        appos = [e for e in inside if e.root.dep_ == "appos" and e.label_ in ("PERSON", "ORG")
                 and e.root.left_edge.i > 0 and doc[e.root.left_edge.i - 1].text == ","]
        if appos:
            e = appos[0]
            return doc[e.root.left_edge.i:e.end] if e.label_ == "PERSON" else e

        def under_preposition(e: Any) -> bool:  # "a commentator in the newspaper Haaretz"
            for a in [e.root, *e.root.ancestors]:
                if a.i == tok.i:
                    return False
                if a.dep_ == "prep":
                    return True
            return False

        def lead_in(e: Any) -> int:  # a first name the model left out of the name ("Chicago Rahm" + "Patel")
            start = e.start
            while (start > tok.i + 1 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_
                   and doc[start - 1].dep_ == "compound" and e.start <= doc[start - 1].head.i < e.end
                   and doc[start - 1].lower_.rstrip(".") not in rules.PERSON_TITLES):  # not "President" of one
                start -= 1
            return int(start)

        def after_a_name(e: Any) -> bool:  # "to the United Nations Kari Mo": a second name right after one
            return bool(lead_in(e) > 0 and doc[lead_in(e) - 1].ent_type_
                        and e.end in (tok.right_edge.i + 1, e.root.right_edge.i + 1))

        # not whose title it is ("Nordvik CEO and founder Kari Mo", the model calling "Nordvik" a person)
        named = [e for e in person if (not under_preposition(e) or after_a_name(e))
                 and not (e.root.dep_ in ("compound", "poss") and e.root.head.i == tok.i)]
        if not named and tok.lemma_.lower() in rules.PERSON_TITLES:
            named = [e for e in inside if e.label_ in ("PERSON", "ORG") and after_a_name(e)]
        if named and named[0].label_ == "PERSON" and lead_in(named[0]) < named[0].start:
            # "Mayor of Chicago Rahm Patel": "Rahm Patel", still a person's name
            return type(named[0])(doc, lead_in(named[0]), named[0].end, label="PERSON")
        return named[0] if named else None

    @staticmethod
    def person_noun(tok: Any) -> bool:
        """A common noun for a person: a title or role ("the mayor", "a relative"), a man or a woman
        ("another man")."""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "NOUN" and (lemma in rules.PERSON_TITLES or lemma in rules.MALE_ROLES
                                       or lemma in rules.FEMALE_ROLES or lemma in ("person", "people"))

    def agent_noun(self, tok: Any) -> bool:
        """A singular common noun for a person: ``person_noun``, or one that names what a person does
        (``rules.AGENT_SUFFIXES``: "a journalist", "a banker"), not a body's, a statement's or a medium's."""
        lemma = tok.lemma_.lower()
        return self.person_noun(tok) or (
            tok.pos_ == "NOUN" and tok.tag_ == "NN" and rules.agent_word(lemma)
            and lemma not in rules.ORGANISATION_NOUNS | rules.ORG_HEADS | rules.STATEMENT_NOUNS
            | rules.UNSPEAKING_NOUNS | rules.MEDIA_NOUNS | rules.TIME_NOUNS | rules.OUTLET_NOUNS)

    def only_quoted(self, start: int, end: int) -> bool:
        """Nothing but quoted words, marks and punctuation between two offsets."""
        return all(self.in_quote(t) or t.is_punct or t.is_space or t.is_quote
                   for t in self.tokens if start <= t.idx < end)

    def ent_at(self, tok: Any) -> Any:
        for ent in self.ents:
            if ent.start <= tok.i < ent.end:
                return ent
        return self.doc[tok.i:tok.i + 1]

    def named_for(self, tok: Any, before: int) -> Any:
        """The PERSON a role noun stands next to elsewhere in the text, in apposition or as a title
        ("director Jon Brekke", "Marit Dahl, the spokeswoman"): of several people named for it, the one
        the sentence before is about (``prior_subjects``), else the nearest use before ``before``, else the
        nearest after it."""
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
            if t.lemma_.lower() != tok.lemma_.lower() or t.i == tok.i:
                continue
            if t.ent_type_:
                # a title the model ran into the name ("Mayor Kari Mo" as one name, whatever it called it)
                name = self.doc[t.i + 1:t.head.i + 1] if t.dep_ == "compound" and t.head.i > t.i else None
                if (name is not None and all(x.pos_ == "PROPN" for x in name)
                        and (name.root.ent_type_ == "PERSON" or normalise(name.text) in self.persons)):
                    hits.append((name, t))
                continue
            inner = self.role_name(t)  # "the ambassador to the UN Kari Mo"
            if inner is not None and inner.label_ == "PERSON":
                hits.append((inner, t))
                continue
            cands = [c for c in t.children if c.dep_ == "appos" and c.ent_type_ in kinds]
            cands += [c for c in t.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
            # a name with a role in apposition is a person's, whatever the model called it ("Kari Mo, an
            # American student, ...")
            if (t.dep_ == "appos" and (t.head.ent_type_ in kinds or (
                    t.head.pos_ == "PROPN" and t.head.ent_type_ in ("ORG", "") and t.head.i < t.i))) or (
                    t.dep_ == "compound" and t.head.ent_type_ == "PERSON"):
                cands.append(t.head)
            # "Kari Mo, the spokesman for ..., said": the parser may make both subjects of the verb
            lead = t.left_edge.i
            if lead >= 2 and self.doc[lead - 1].text == "," and self.doc[lead - 2].ent_type_ == "PERSON":
                name = self.ent_at(self.doc[lead - 2]).root
                if name.dep_ == "nsubj" == t.dep_ and name.head.i == t.head.i:
                    cands.append(name)
            person = cands[0] if cands else None
            if person is not None:
                hits.append((self.ent_at(person), t))
        if not hits:
            return None
        # a role with words of its own names the one it fits ("the US ambassador to the UN": not the ambassador
        # of another country to it)
        own = self.qualifiers(tok)
        if own:
            best = max(len(own & self.qualifiers(t)) for _h, t in hits)
            # (none sharing a word: those named for the bare role, "President Kari Mo", may still be it)
            hits = [(h, t) for h, t in hits if len(own & self.qualifiers(t)) == best
                    and (best or not self.qualifiers(t))]
            if not hits:
                # every one named for another ("the UN leader" when only "Vestland leader Ivar Holm" is
                # named): the person the sentence before is about, if any
                about = self.prior_subjects(tok) or self.prior_subjects(tok, main=False)
                return strip_the(about[-1]) if len({normalise(e.text) for e in about}) == 1 else None
        names = sorted((h for h, _t in hits), key=lambda h: h.start_char)
        if len({normalise(h.text) for h in names}) > 1:
            # several people named for it ("his brother, Eric Mo" ... "another brother, Per Mo"): the one
            # the sentence before is about
            near = {normalise(e.text) for e in self.prior_subjects(tok)}
            about = [h for h in names if normalise(h.text) in near]
            if about:
                return about[-1]
        earlier = [h for h in names if h.start_char < before]
        return earlier[-1] if earlier else names[0]

    def qualifiers(self, role: Any) -> set[str]:
        """The words that say which one a role is ("US", "United Nations" of "the US ambassador to the
        United Nations"): names and nouns before it and in its phrases of "to", "for", "of", "in", not of
        a person's name, nor of clauses."""
        out = set()
        stack = [c for c in role.children if c.dep_ not in ("acl", "relcl", "appos", "punct", "det", "cc", "conj")]
        while stack:
            t = stack.pop()
            if (t.pos_ in ("PROPN", "NOUN") or t.ent_type_ == "NORP") and (
                    t.lemma_.lower() not in rules.PERSON_TITLES and t.ent_type_ != "PERSON"):  # "North Korean"
                out.add(normalise(t.text))
            stack += [c for c in t.children if c.dep_ not in ("acl", "relcl", "appos", "punct")]
        return out
