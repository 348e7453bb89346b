"""Direct and indirect speech, with speakers and reporting verbs.

Direct: text between curly quotes (several sentences, across paragraphs
when each paragraph reopens the quote) or straight quotes (within a
paragraph), of at least ``MIN_QUOTE_WORDS`` words. Its speaker comes from the
sentence around it: the subject of a reporting verb outside the quote, or
"according to X"; a pronoun subject takes the last person named before.

Indirect: a reporting verb with a clausal complement ("X said that ..."),
a paraphrase verb with an object ("X emphasized the range ..."), or
"according to X, ..." without quote marks.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Quote
from . import rules

_CURLY = re.compile(r"“([^”]+?)”", re.DOTALL)
_STRAIGHT = re.compile(r'"([^"\n]+?)"')
_SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def quotes(doc: Any, article_id: str, layout: Any) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the doc."""
    out: list[Quote] = []
    direct_spans: list[tuple[int, int]] = []
    text = doc.text
    for pattern in (_CURLY, _STRAIGHT):
        for m in pattern.finditer(text):
            start, end = m.span(1)
            if any(start < e and s < end for s, e in direct_spans):
                continue
            inner = m.group(1)
            if len(inner.split()) < rules.MIN_QUOTE_WORDS:
                continue
            direct_spans.append((m.start(), m.end()))
            q = _direct(doc, article_id, layout, start, end, m.start(), m.end())
            if q is not None:
                out.append(q)
    if doc.has_annotation("DEP"):
        out += _indirect(doc, article_id, layout, direct_spans)
    out.sort(key=lambda q: (q.field != "title", q.start))
    return tuple(out)


def _direct(doc: Any, article_id: str, layout: Any, start: int, end: int, outer_start: int,
            outer_end: int) -> Quote | None:
    placed = layout.place(start, end)
    if placed is None:
        return None
    field, s, e = placed
    span = doc.char_span(outer_start, outer_end, alignment_mode="expand")
    speaker = verb = None
    if span is not None and doc.has_annotation("DEP"):
        first, last = span[0].sent, span[-1].sent
        context = [t for t in doc[first.start:last.end] if not outer_start <= t.idx < outer_end]
        # the next sentence may attribute a quote that closes a sentence ("..." she said.)
        if last.end < len(doc):
            following = doc[last.end].sent
            context += [t for t in following][:6]
        speaker, verb = _attribution(context, doc, outer_start)
    return _quote(article_id, layout, doc, doc.text[start:end], field, s, e, "direct", speaker, verb)


def _attribution(tokens: list[Any], doc: Any, before: int) -> tuple[Any, Any]:
    """(speaker span, verb span) from tokens around a quote."""
    for i, t in enumerate(tokens):
        if t.lower_ == "according" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to":
            obj = next((c for c in tokens[i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _speaker_span(obj, doc, before), doc[t.i:t.i + 2]
    for t in tokens:
        if t.lemma_ in rules.REPORTING_VERBS and t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return _speaker_span(subj, doc, before), doc[t.i:t.i + 1]
    return None, None


def _speaker_span(tok: Any, doc: Any, before: int) -> Any:
    """The name in a subject phrase, the phrase's core, or a pronoun's antecedent."""
    if tok.pos_ == "PRON":
        prior = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
        return prior[-1] if prior else doc[tok.i:tok.i + 1]
    for ent in doc.ents:
        if ent.label_ in _SPEAKER_LABELS and ent.start <= tok.i < ent.end:
            return _strip_the(ent)
    return _strip_the(doc[tok.left_edge.i:tok.i + 1])


def _strip_the(span: Any) -> Any:
    if len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        return span[1:]
    return span


def _indirect(doc: Any, article_id: str, layout: Any, direct: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []

    def inside_direct(tok: Any) -> bool:
        return any(s <= tok.idx < e for s, e in direct)

    for sent in doc.sents:
        for t in sent:
            if inside_direct(t):
                continue
            content = None
            verb = None
            if t.lemma_ in rules.REPORTING_VERBS and t.pos_ == "VERB":
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
                speaker = _speaker_span(subj, doc, t.idx)
            elif t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                prep_lo, prep_hi = t.i, obj.right_edge.i + 1
                left, right = doc[sent.start:prep_lo], doc[prep_hi:sent.end]
                content = left if len(left) >= len(right) else right
                verb = doc[t.i:t.i + 2]
                speaker = _speaker_span(obj, doc, t.idx)
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
