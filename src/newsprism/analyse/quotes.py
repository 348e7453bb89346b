"""Direct and indirect speech, with speakers and reporting verbs.

Direct: text between curly quotes (several sentences, across paragraphs
when each paragraph reopens the quote) or straight quotes (within a
paragraph), of at least ``MIN_QUOTE_WORDS`` words. Its speaker comes from the
sentence around it: the subject of a reporting verb outside the quote, or
"according to X"; who that is, for a pronoun, a role or a statement, is ``speakers``'s to say.

Indirect: a reporting verb with a clausal complement ("X said that ..."),
a paraphrase verb with an object ("X emphasized the range ..."), or
"according to X, ..." without quote marks.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Quote
from . import rules
from .doctext import text_of
from .speakers import DirectQuote, Speakers, last_speaker, sentence_end

_OPEN_CLOSE = {"“": "”", '"': '"'}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def quotes(doc: Any, article_id: str, layout: Any, persons: frozenset[str] = frozenset()) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the doc. ``persons``: the normalised names the article's
    mentions decided are people (the model may have tagged some of their mentions otherwise)."""
    text = text_of(doc)
    paragraphs = _paragraphs(text)
    found = _direct_spans(text, paragraphs)
    parsed = doc.has_annotation("DEP")
    speakers = Speakers(doc, paragraphs, persons) if parsed else None
    if speakers is not None:
        speakers.quoted = [(d.outer_start, d.outer_end) for d in found]
    for d in found:
        if speakers is not None:
            d.speaker, d.verb = speakers.own(d)
    if speakers is not None:
        headings = [d for d in found if _heading(d, text, paragraphs)]
        _follow_structure([d for d in found if d not in headings], speakers)
        for d in headings:
            d.speaker, d.verb = _said_elsewhere(d, found, text)
        # words quoted with no one to say them that someone says in a fuller quote elsewhere (a lead's
        # "like a bowling ball" from a witness's "It rolled through the crowd like a bowling ball"): theirs
        for d in found:
            if d.speaker is None and d.verb is None and d not in headings:
                d.speaker, d.verb = _said_elsewhere(d, found, text)
    out: list[Quote] = []
    for d in found:
        if layout.place(d.start, d.end) is None:
            continue
        field, s, e = layout.place(d.start, d.end)
        out.append(_quote(article_id, layout, doc, text[d.start:d.end], field, s, e, "direct", d.speaker, d.verb))
    if parsed:
        out += _indirect(doc, article_id, layout, [(d.outer_start, d.outer_end) for d in found])
    out.sort(key=lambda q: (q.field != "title", q.start))
    return tuple(out)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    return out


def _direct_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[DirectQuote]:
    """Quoted words, paragraph by paragraph: curly or straight marks paired in order; a mark the
    paragraph does not close runs to the paragraph's end (the quote goes on in the next one)."""
    out: list[DirectQuote] = []
    for k, (ps, pe) in enumerate(paragraphs):
        i = ps
        while i < pe:
            ch = text[i]
            if ch not in _OPEN_CLOSE:
                i += 1
                continue
            close = text.find(_OPEN_CLOSE[ch], i + 1, pe)
            width = 1
            typed = text.find("''", i + 1, pe) if ch == '"' else -1  # "...'' (two apostrophes close it)
            if typed >= 0 and (close < 0 or typed < close):
                close, width = typed, 2
            reopened = close >= 0 and width == 1 and ch == '"' and _opens(text, close, ps)
            end = close if close >= 0 else pe
            inner = text[i + 1:end]
            if len(inner.split()) >= rules.MIN_QUOTE_WORDS:
                lead = len(inner) - len(inner.lstrip())
                tail = len(inner) - len(inner.rstrip())
                out.append(DirectQuote(i + 1 + lead, end - tail, i,
                                   end + width if close >= 0 and not reopened else end - tail,
                                   k, not text[ps:i].strip(), close < 0))
            i = end if reopened else end + width
    return out


def _opens(text: str, at: int, start: int) -> bool:
    """A straight mark that opens a quote (space or nothing before it, a word after it): the quote before
    it was never closed ('"We hit the bend. "There was a girl on top of me.')."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before.isspace() and not after.isspace()


def _follow_structure(found: list[DirectQuote], speakers: Speakers) -> None:
    """A quote with no attribution of its own takes the speaker of the quote it continues: one
    attributed in its paragraph (the one before it first), or, when it opens its paragraph, the last
    speaker of the paragraph before; a quote left open at its paragraph's end takes the speaker of
    the quote that goes on at the start of the next."""
    changed = True
    while changed:
        changed = False
        for d in found:
            if d.speaker is not None or d.verb is not None:  # its own verb's subject names nobody
                continue
            same = [o for o in found if o.paragraph == d.paragraph and o is not d and o.speaker is not None]
            before = [o for o in same if o.start < d.start]
            # a quote after it only when nothing but a few words stand between ('"A." "B," she said')
            after = [o for o in same if o.start > d.start
                     and len(text_of(speakers.doc)[d.outer_end:o.outer_start].split()) <= 3]
            source = before[-1] if before else (after[0] if after else None)
            if before:  # a reporting verb in a sentence after the quote before names who speaks now ("He told
                # the paper ...")
                speaker, verb = last_speaker(speakers, d.paragraph, d.outer_start,
                                              since=sentence_end(speakers.doc, before[-1].outer_end))
                own = before[-1].verb
                if speaker is not None and not (own is not None and verb is not None and own.start == verb.start):
                    d.speaker, d.verb = speaker, verb
                    changed = True
                    continue
            if source is None and not d.opens_paragraph and not _nobody_before(d, speakers):
                # "..., said Mayor X. "..."": the paragraph's speaker
                d.speaker, d.verb = last_speaker(speakers, d.paragraph, d.outer_start)
                if d.speaker is not None:
                    changed = True
                    continue
            # the paragraph before, past captions and headings
            back = speakers.previous(d.paragraph)
            opens = d.opens_paragraph or _nobody_before(d, speakers)  # "The plan: a "..."" goes on from before
            if source is None and opens and back:
                source = _left_open_before(found, d, speakers)
                if source is None:
                    prev = [o for o in found if o.paragraph == back[0] and o.speaker is not None]
                    source = prev[-1] if prev else None
                if source is None:
                    d.speaker, d.verb = last_speaker(speakers, back[0], d.outer_start)
                    if d.speaker is None and not any(o.paragraph == back[0] for o in found):
                        d.speaker = speakers.introduced(back[0])
                    if d.speaker is None:
                        earlier = _block_quote_source(found, d, speakers)
                        if earlier is not None:
                            d.speaker, d.verb = earlier.speaker, earlier.verb
                    changed = changed or d.speaker is not None
                    continue
            if source is None and d.left_open:
                nxt = [o for o in found if o.paragraph == d.paragraph + 1 and o.opens_paragraph and o.speaker is not None]
                source = nxt[0] if nxt else None
            if source is not None:
                d.speaker, d.verb = source.speaker, source.verb
                changed = True


#: The most words of a quoted heading ("“The Most Fun Thing You Can Imagine”").
MAX_HEADING_WORDS = 12


def _heading(d: DirectQuote, text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """A quoted heading: a paragraph that is only a short quote in title case, ending with no sentence's
    punctuation ("“Let's Ask the Captain”"): the words of someone the section quotes, not the speaker before."""
    ps, pe = paragraphs[d.paragraph]
    words = text[d.start:d.end].split()
    if text[ps:pe].strip(" “”\"") != text[d.start:d.end].strip() or not words or len(words) > MAX_HEADING_WORDS:
        return False
    if text[d.start:d.end].rstrip()[-1:] in ".,;:!?":
        return False
    return sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2


def _words_of(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower().replace("’", "'").replace("'", "")).split())


def _said_elsewhere(d: DirectQuote, found: list[DirectQuote], text: str) -> tuple[Any, Any]:
    """Who says a quoted heading's words in another quote of the text ("“Let's ask the captain. ...,” the
    mate said"), else nobody."""
    words = _words_of(text[d.start:d.end])
    for o in found:
        if o is not d and o.speaker is not None and f" {words} " in f" {_words_of(text[o.start:o.end])} ":
            return o.speaker, o.verb
    return None, None


def _nobody_before(d: DirectQuote, speakers: Speakers) -> bool:
    """Nothing before the quote in its paragraph names anyone: no name, pronoun or noun as a subject, no
    reporting verb ("The planned route: a "..."")."""
    ps = speakers.paragraphs[d.paragraph][0]
    words = [t for t in speakers.tokens if ps <= t.idx < d.outer_start and not speakers.in_quote(t)]
    return bool(words) and not any(
        t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.dep_ in ("nsubj", "nsubjpass") or t.pos_ in ("PRON", "VERB")
        or t.lemma_ in rules.QUOTING_VERBS for t in words)


#: Paragraphs without quotes (captions, picture credits) that may stand between a quote left open at
#: its paragraph's end and the paragraph that reopens it.
MAX_INTERRUPTING_PARAGRAPHS = 2


def _left_open_before(found: list[DirectQuote], d: DirectQuote, speakers: Speakers) -> DirectQuote | None:
    """The quote a quote opening its paragraph goes on with: the quote just before it, when that one was
    left open at its paragraph's end and no more than ``MAX_INTERRUPTING_PARAGRAPHS`` paragraphs without
    quotes stand between them, none of them ending with a colon (that introduces other words)."""
    before = [o for o in found if o.outer_start < d.outer_start]
    if not before:
        return None
    last = before[-1]
    gap = d.paragraph - last.paragraph - 1
    text = text_of(speakers.doc)
    if any(text[ps:pe].rstrip().endswith(":") for ps, pe in speakers.paragraphs[last.paragraph + 1:d.paragraph]):
        return None
    if last.left_open and 0 <= gap <= MAX_INTERRUPTING_PARAGRAPHS and last.speaker is not None:
        return last
    return None


#: Paragraphs a quote that stands alone as a paragraph may look back over for the quote it goes on from.
MAX_BLOCK_QUOTE_PARAGRAPHS = 4


def _block_quote_source(found: list[DirectQuote], d: DirectQuote, speakers: Speakers) -> DirectQuote | None:
    """The quote a quote that is a whole paragraph of its own goes on from (a run of block quotes, a
    transcript): the last attributed quote within ``MAX_BLOCK_QUOTE_PARAGRAPHS`` paragraphs before it,
    when the words between, outside quotes, name nobody (no person, organisation or group, no one who
    speaks) — narration that brings in no one else ("Outside, the crowd grows.")."""
    text = text_of(speakers.doc)
    pe = speakers.paragraphs[d.paragraph][1]
    if text[d.outer_end:pe].strip(" .,;:!?\"”’'"):
        return None
    before = [o for o in found if o.outer_end <= d.outer_start and o.speaker is not None
              and d.paragraph - o.paragraph <= MAX_BLOCK_QUOTE_PARAGRAPHS]
    if not before:
        return None
    source = before[-1]
    between = [t for t in speakers.tokens if source.outer_end <= t.idx < d.outer_start and not speakers.in_quote(t)
               and not speakers.caption(speakers.paragraph_of(t.idx))]  # a photo's caption brings in no one
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in between):
        return None
    own = source.verb[0].i if source.verb is not None else -1  # the source's own "he says"
    for t in between:
        if t.lemma_ in rules.QUOTING_VERBS and t.pos_ == "VERB" and t.i != own:
            subj = speakers.subject(t)
            if subj is not None and speakers.speaker_span(subj, t.idx) is not None:
                return None
    return source


def _indirect(doc: Any, article_id: str, layout: Any, direct: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    speakers = Speakers(doc, _paragraphs(text_of(doc)))

    # the characters inside a direct quote, marked once: the test runs on every token of the doc
    marked = bytearray(max((e for _s, e in direct), default=0))
    for s, e in direct:
        if e > max(s, 0):
            marked[max(s, 0):e] = b"\x01" * (e - max(s, 0))

    def inside_direct(tok: Any) -> bool:
        idx: int = tok.idx
        return idx < len(marked) and marked[idx] == 1

    for sent in doc.sents:
        for t in sent:
            if inside_direct(t):
                continue
            content = None
            verb = None
            if t.lemma_ in rules.QUOTING_VERBS and t.pos_ == "VERB":
                comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
                subj = next((c for c in t.children if c.dep_ in ("nsubj",)), None)
                if comp is None and t.lemma_ in rules.PARAPHRASE_VERBS and subj is not None and subj.ent_type_ == "PERSON":
                    comp = next((c for c in t.children if c.dep_ == "dobj"), None)
                if comp is None or subj is None:
                    continue
                lo = comp.left_edge.i
                if lo > 0 and doc[lo].lower_ == "that":
                    lo += 1
                hi = comp.right_edge.i + 1
                content = doc[lo:hi]
                verb = doc[t.i:t.i + 1]
                speaker = speakers.speaker_span(subj, t.idx)
                if speaker is None:  # "Some believe ...", "That said, ...": nobody's words
                    continue
            elif t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                prep_lo, prep_hi = t.i, obj.right_edge.i + 1
                left, right = doc[sent.start:prep_lo], doc[prep_hi:sent.end]
                content = left if len(left) >= len(right) else right
                verb = doc[t.i:t.i + 2]
                speaker = speakers.speaker_span(obj, t.idx)
                if speaker is None:
                    continue
            if content is None or len(content) < 3 or any(inside_direct(x) for x in content):
                continue
            content = _strip_edges(content)
            if content is None:
                continue
            placed = layout.place(content.start_char, content.end_char)
            if placed is None:
                continue
            field, s, e = placed
            out.append(_quote(article_id, layout, doc, content.text, field, s, e, "indirect", speaker, verb))
    return out


def _strip_edges(span: Any) -> Any:
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return doc[s:e] if e - s >= 3 else None


def _quote(article_id: str, layout: Any, doc: Any, text: str, field: str, s: int, e: int, kind: str,
           speaker: Any, verb: Any) -> Quote:
    sp = layout.place(speaker.start_char, speaker.end_char) if speaker is not None else None
    vp = layout.place(verb.start_char, verb.end_char) if verb is not None else None
    label = speaker.label_ if speaker is not None and hasattr(speaker, "label_") and speaker.label_ else None
    if sp is None:
        speaker = None
    lemma = None
    if verb is not None:
        lemma = "according to" if verb[0].lower_ == "according" else verb[0].lemma_
    return Quote(
        article_id=article_id, text=text, start=s, end=e, kind=kind, field=field,
        speaker=speaker.text if speaker is not None else None,
        speaker_start=sp[1] if sp else None, speaker_end=sp[2] if sp else None,
        speaker_label=label,
        verb=lemma,
        verb_start=vp[1] if vp else None, verb_end=vp[2] if vp else None,
    )
