"""Claims from an article: each body sentence, title and caption as a ``Claim`` with its attribution,
entities, places, quantities, times and negation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ..lexicon import STOP_WORDS, strip_inflection
from ..records import (
    Analysis,
    Article,
    Claim,
    Entity,
    Mention,
)

#: Texts whose words :func:`tokens` keeps (a story's claims, a few times over).
TOKENS_KEPT = 1 << 15

WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,.]*")
NEGATION = re.compile(r"\b(not|no|never|none|neither|nor|cannot|denied|denies|deny|without)\b|n't\b", re.I)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = re.compile(r"\b(in|at|near|inside|outside|to|from|into|of)\s+(the\s+)?$", re.I)
_SITE = re.compile(r"\b(in|at|near|inside|outside)\s+(the\s+)?$", re.I)
_SITE_AFTER = re.compile(r"\s+(trip|visit|summit|airfield)\b", re.I)
FROM_DISTANCE = re.compile(r"(kilomet(er|re)s?|km|miles?|meters?|metres?)\s+(from|of|outside|north|south|east|west)\b",
                            re.I)


def extract(article: Article, analysis: Analysis,
            entities: Mapping[str, Entity] | None = None) -> tuple[Claim, ...]:
    """The claims of one article: its title, its body sentences, its captions."""
    spans: list[tuple[str, int, int, str]] = []
    if article.title:
        spans.append(("title", 0, len(article.title), article.title))
    body = article.text
    carry: int | None = None  # a fragment too short to stand alone ("VARNHOLM") opens the next sentence
    for s, e in analysis.sentences:
        if carry is not None and not body[carry:s].strip("\n ").count("\n"):
            s = carry
        carry = None
        if len(WORD.findall(body[s:e])) < 4 and "\n" not in body[e:e + 2]:
            carry = s
            continue
        spans.append(("body", s, e, body[s:e]))
    for i, c in enumerate(article.captions):
        spans.append((f"caption:{i}", 0, len(c.text), c.text))
    out = []
    for field, s, e, text in spans:
        if len(WORD.findall(text)) < 4:
            continue
        out.append(_claim(article.article_id, field, s, e, text, analysis, entities or {}))
    return tuple(out)


def _inside(field: str, s: int, e: int, r_field: str, rs: int, re_: int) -> bool:
    return field == r_field and s <= rs and re_ <= e


def _claim(article_id: str, field: str, s: int, e: int, text: str, analysis: Analysis,
           entities: Mapping[str, Entity]) -> Claim:
    mentions = [m for m in analysis.mentions if _inside(field, s, e, m.field, m.start, m.end)]
    ids: list[str] = []
    places: list[str] = []
    sites: list[str] = []
    equipment: list[str] = []
    for m in mentions:
        eid = m.entity_id
        if not eid:
            continue
        ids.append(eid)
        if m.stands_for:
            ids.append(m.stands_for)
        if m.label == "EQUIPMENT":
            equipment.append(eid)
        elif m.label in _PLACE_LABELS and not m.metonymic and _is_place(text, m, s):
            places.append(eid)
            if _is_site(text, m, s):
                sites.append(eid)
    attribution = entity = quote = None
    for q in analysis.quotes:
        overlaps = q.field == field and q.start < e and s < q.end
        if overlaps:
            attribution, entity, quote = q.speaker, q.speaker_entity_id, q.kind
            break
    return Claim(
        claim_id=f"{article_id}:{field}:{s}",
        article_id=article_id,
        field=field,
        start=s,
        end=e,
        text=text,
        attribution=attribution,
        attribution_entity=entity,
        quote=quote,
        entities=tuple(dict.fromkeys(ids)),
        places=tuple(dict.fromkeys(places)),
        equipment=tuple(dict.fromkeys(equipment)),
        quantities=tuple(q for q in analysis.quantities if _inside(field, s, e, q.field, q.start, q.end)),
        times=tuple(t for t in analysis.times if _inside(field, s, e, t.field, t.start, t.end)),
        negated=bool(NEGATION.search(text)),
        sites=tuple(dict.fromkeys(sites)),
    )


def _is_site(text: str, m: Mention, offset: int) -> bool:
    """Where something happens: "in X", "at X", "X trip"; a facility only so."""
    before = text[: m.start - offset]
    after = text[m.end - offset:]
    return bool(_SITE.search(before)) or bool(_SITE_AFTER.match(after))


def _is_place(text: str, m: Mention, offset: int) -> bool:
    """A place mention used as where something is or happens (not "Moscow's
    weapons"): a facility always; a town or country after a locative word or
    before "trip", "visit"."""
    if m.label == "FAC":
        return True
    before = text[: m.start - offset]
    after = text[m.end - offset:]
    return bool(_LOCATIVE.search(before)) or bool(re.match(r"\s+(trip|visit|summit|airfield)\b", after))


def tokens(text: str) -> list[str]:
    """The content words of a text, lower-cased and stemmed (stop words and words under three letters
    left out); each distinct text is read once (alignment asks for a claim's words several times)."""
    return list(_tokens(text))


@lru_cache(maxsize=TOKENS_KEPT)
def _tokens(text: str) -> tuple[str, ...]:
    out = []
    for w in WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 3 or w in STOP_WORDS:
            continue
        out.append(strip_inflection(w))
    return tuple(out)
