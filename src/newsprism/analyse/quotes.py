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
from .speakers.clues import holds

_OPEN_CLOSE = {"“": "”", '"': '"'}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def quotes(doc: Any, article_id: str, layout: Any, persons: frozenset[str] = frozenset()) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the doc. ``persons``: the normalised names the article's
    mentions decided are people (the model may have tagged some of their mentions otherwise)."""
    text = text_of(doc)
    paragraphs = _paragraphs(text)
    short: list[DirectQuote] = []
    found = _direct_spans(text, paragraphs, short)
    parsed = doc.has_annotation("DEP")
    speakers = Speakers(doc, paragraphs, persons) if parsed else None
    if speakers is not None:
        speakers.quoted = [(d.outer_start, d.outer_end) for d in found]
    for d in found:
        if speakers is not None:
            d.speaker, d.verb = speakers.own(d)
    if speakers is not None:
        _share_run(found)
        headings = [d for d in found if _heading(d, text, paragraphs)]
        _follow_structure([d for d in found if d not in headings], speakers)
        for d in headings:
            d.speaker, d.verb = _said_elsewhere(d, found, text)
        # words quoted with no one to say them that someone says in a fuller quote elsewhere (a lead's
        # "like a bowling ball" from a witness's "It rolled through the crowd like a bowling ball"): theirs
        for d in found:
            if d.speaker is None and d.verb is None and d not in headings:
                d.speaker, d.verb = _said_elsewhere(d, found, text)
        found = sorted(found + [d for d in short if _partial(d, speakers, text)], key=lambda d: d.start)
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


def _direct_spans(text: str, paragraphs: list[tuple[int, int]],
                  short: list[DirectQuote] | None = None) -> list[DirectQuote]:
    """Quoted words, paragraph by paragraph: curly or straight marks paired in order; a mark the
    paragraph does not close runs to the paragraph's end (the quote goes on in the next one). Quoted
    words shorter than ``MIN_QUOTE_WORDS`` that close within their paragraph go to ``short``."""
    out: list[DirectQuote] = []
    for k, (ps, pe) in enumerate(paragraphs):
        i = ps
        if out and out[-1].left_open and out[-1].paragraph == k - 1:
            piece = _continued(text, paragraphs, k)
            if piece is not None:
                out.append(piece)
                i = piece.outer_end
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
            elif short is not None and close >= 0 and inner.strip():
                lead = len(inner) - len(inner.lstrip())
                tail = len(inner) - len(inner.rstrip())
                short.append(DirectQuote(i + 1 + lead, end - tail, i, end + width, k, not text[ps:i].strip(), False))
            i = end if reopened else end + width
    return out


#: Paragraphs a quote left open without being reopened may run over to find its closing mark (one
#: sentence a line: "“We left at noon. / The road was closed. ”").
MAX_OPEN_PARAGRAPHS = 6


def _first_mark(text: str, ps: int, pe: int) -> tuple[int, int, bool] | None:
    """The first quote mark of a paragraph: (offset, width, closes)."""
    for i in range(ps, pe):
        ch = text[i]
        if ch == "”":
            return i, 1, True
        if ch == "“":
            return i, 1, False
        if ch == '"':
            return i, 1, not _opens(text, i, ps)
        if text.startswith("''", i):
            return i, 2, True
    return None


def _continued(text: str, paragraphs: list[tuple[int, int]], k: int) -> DirectQuote | None:
    """The words a quote left open in the paragraph before goes on with when this paragraph does not reopen
    it (one sentence a line: "“We left at noon. / The road was closed, ” she said."): up to the closing
    mark that is the paragraph's first, or the whole paragraph when it has none and a later one closes
    the quote within ``MAX_OPEN_PARAGRAPHS`` paragraphs; at any length (the quote began before)."""
    ps, pe = paragraphs[k]
    mark = _first_mark(text, ps, pe)
    if mark is not None and not mark[2]:
        return None  # it opens a quote of its own (reopens the one before, or a new one)
    if mark is None:  # a paragraph with no mark goes on only when a later one closes the quote
        later = next((m for qs, qe in paragraphs[k + 1:k + MAX_OPEN_PARAGRAPHS]
                      if (m := _first_mark(text, qs, qe)) is not None), None)
        if later is None or not later[2]:
            return None
    end = mark[0] if mark is not None else pe
    inner = text[ps:end]
    if not inner.strip():
        return None
    lead, tail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
    return DirectQuote(ps + lead, end - tail, ps, end + mark[1] if mark is not None else end - tail, k, True,
                       mark is None, continued=True)


def _partial(d: DirectQuote, speakers: Speakers, text: str) -> bool:
    """A few words quoted (fewer than ``MIN_QUOTE_WORDS``) are someone's words, not a name or a scare quote,
    when a reporting verb of their sentence attributes them: inside the clause it reports ("Kari Mo said
    the fire was "suspicious"", "the board says the repair will take "several days"") or set after
    words that end as speech does ('"Absolutely not," Kari Mo said'); never words in title case (a
    name or a title: 'Kari Mo said "Harbour Lights" will close'). Its speaker is that verb's subject."""
    words = text[d.start:d.end].split()
    ends = text[d.start:d.end].rstrip()[-1:]
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words) and ends not in (",", ".", "!", "?"):
        return False
    speaker, verb = speakers.own(d)
    if speaker is None or verb is None or verb[0].lower_ == "according":
        return False
    speech = text[d.start:d.end].rstrip()[-1:] in (",", ".", "!", "?") and verb[0].idx >= d.outer_end
    if not (speech or holds(verb[0], d.outer_start, d.outer_end)):
        return False
    d.speaker, d.verb = speaker, verb
    return True


def _share_run(found: list[DirectQuote]) -> None:
    """The parts of a quote that runs over paragraphs without being reopened are one quote: a part that
    attributes nothing itself takes the speaker of the part that does, the one at its closing mark first
    ("“We left at noon. / The road was closed, ” Kari Mo said.")."""
    runs: list[list[DirectQuote]] = []
    for d in found:
        if d.continued and runs and runs[-1][-1].left_open and runs[-1][-1].paragraph == d.paragraph - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    for run in runs:
        said = [d for d in run if d.speaker is not None]
        if len(run) < 2 or not said:
            continue
        for d in run:
            if d.speaker is None and d.verb is None:
                d.speaker, d.verb = said[-1].speaker, said[-1].verb


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
