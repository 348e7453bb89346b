"""Where: the candidate rules of the place, each a function of the :class:`Reading`, and the two
refinements of the chosen place (a city inside a country, the place the answer lies in)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ...gazetteer import gazetteer as builtin_gazetteer
from ...gazetteer import is_wide_region
from ...records import Gazetteer
from .names import Where
from .parse import Reading
from .words import (
    ACRONYM,
    AREA_LABELS,
    MODIFIER_DEPS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PREPS,
    SITE_NAME_LABELS,
    SITE_PREPS,
    SUBJECT_DEPS,
)


def _places(r: Reading) -> set[str]:
    """Names the article tags as places somewhere."""
    return {e.text for e in r.doc.ents if e.label_ in PLACE_LABELS}


def _phrases(sents: list[Any], places: set[str]) -> Iterator[Any]:
    """Places inside a place phrase; a modifier is no place, unless of a place noun ("in the Kunduz
    province")."""
    return (e for s in sents for e in s.ents if _is_place(e, places) and _place_phrase(e)
            and (e.root.dep_ not in MODIFIER_DEPS
                 or (e.root.dep_ == "compound" and e.root.head.lemma_.lower() in PLACE_NOUNS)))


def headline_modifier(r: Reading) -> Any:
    """A place modifying the headline's event noun or its subject ("Kessford ferry crash: ...")."""
    places = _places(r)
    return next((e for s in r.title for e in s.ents if _is_place(e, places) and _heads_title(e.root)), None)


def headline_phrase(r: Reading) -> Any:
    """The first place inside a place phrase of the headline."""
    return next(_phrases(r.title, _places(r)), None)


def lead_phrase(r: Reading) -> Any:
    """The first place inside a place phrase of the lead."""
    return next(_phrases(r.lead, _places(r)), None)


def dateline(r: Reading) -> Any:
    """The place of the lead's wire dateline."""
    return r.dateline


#: The candidate rules of where, by name.
RULES: dict[Where, Callable[[Reading], Any]] = {
    Where.HEADLINE_PHRASE: headline_phrase,
    Where.HEADLINE_MODIFIER: headline_modifier,
    Where.LEAD_PHRASE: lead_phrase,
    Where.DATELINE: dateline,
}
#: The rules whose country gives way to a place inside it.
NARROWED = frozenset({Where.HEADLINE_PHRASE, Where.HEADLINE_MODIFIER, Where.LEAD_PHRASE})


def inside_country(r: Reading, country: Any) -> Any:
    """A place phrase of the title or of the first body sentences naming a place that may lie inside the
    country ("power station in Norway" ... "in the town of Kessford" -> Kessford), or None."""
    if not r.gazetteer.is_country(country.text):
        return None
    wider = r.body[:r.when_sentences]
    return next((e for e in _phrases(r.title + wider, _places(r)) if inside(e, country.text, r.gazetteer)), None)


def widen(found: Any, gazetteer: Gazetteer | None = None) -> Any:
    """The answer with up to two places it lies in right after it ("outside Trump Tower in New York
    City", "in Nordvik, Vestland", "Nordvik, Troms og Finnmark, Norway"); ``gazetteer``
    defaults to the built-in one."""
    known = gazetteer or builtin_gazetteer()
    inner, outer = found, _enclosing(found, known)
    for _ in range(2):
        if outer is None:
            break
        found = inner.doc[inner.start:outer.end]
        outer = _enclosing(outer, known)
    return found


def _place_phrase(e: Any) -> bool:
    """The place is (in) the object of a place preposition: "in Seattle", "in the city of Mazar-i-Sharif"."""
    tok = e.root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            # "from" a place is where someone comes from ("a man from Nordvik"), unless a verb moves
            return tok.head.lower_ != "from" or tok.head.head.pos_ in ("VERB", "AUX")
        if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep"
                and tok.head.head.lemma_.lower() in PLACE_NOUNS):
            tok = tok.head.head  # "city" of "the city of X", not "wake" of "in the wake of X"
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in PLACE_NOUNS and tok.head.i > tok.i:
            tok = tok.head  # "in Afghanistan's Mazar-i-Sharif city"
            continue
        if tok.dep_ in ("appos", "conj"):
            tok = tok.head
            continue
        return False
    return False


def _is_place(e: Any, places: set[str]) -> bool:
    """A place entity, an organisation one is "at", or a name the article tags as a place elsewhere
    ("Kessford" of "Kessford ferry crash", tagged PRODUCT there, is a place "in Kessford" further on)."""
    if e.label_ in PLACE_LABELS or e.text in places:
        return True
    if e.label_ in SITE_NAME_LABELS and e.root.dep_ == "pobj" and not ACRONYM.fullmatch(e.text):
        head = e.root.head
        # a site ("outside Trump Tower"), or a name in "the city of X" the model took for a person
        return head.lower_ in SITE_PREPS or (head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS)
    return False


def _enclosing(e: Any, known: Gazetteer) -> Any:
    """The place right after the answer that it lies in, or None: after "in" any city, region or
    country ("Trump Tower" + "in New York City"); after a comma a country or a region the gazetteer
    knows ("Nordvik" + ", Vestland"), one the answer may lie in (not "Paris, Berlin" nor
    "Berlin, Israel"), that is not the subject of what follows ("Fires broke out in Kessford, Vestland
    said") nor one of a list ("in Paris and Lyon", "in London, Paris, Berlin and Rome")."""
    doc = e.doc
    if e.end + 1 >= len(doc):
        return None
    sep = doc[e.end]
    wider = _entity_at(doc, e.end + 1)
    if (wider is None or wider.label_ not in AREA_LABELS or wider.sent.start != e.sent.start
            or wider.text == e.text or is_wide_region(wider.text)):
        return None
    after = doc[wider.end] if wider.end < len(doc) else None
    if after is not None and (after.lower_ in ("and", "or", "'s", "’s") or after.dep_ == "case"):
        return None  # "in Paris and Lyon", "Oslo, Norway's capital"
    if sep.lower_ == "in":
        return wider if wider.root.head.i == sep.i else None
    if sep.text != "," or known.is_country(e.text) or wider.root.dep_ in SUBJECT_DEPS:
        return None
    region, inner = known.geo(wider.text), known.geo(e.text)
    if region is None or (inner is not None and not inner[1] & region[1]):
        return None  # not a known region, or one of another country than the answer's
    if after is not None and after.text == ",":
        following = _entity_at(doc, wider.end + 1)
        if following is not None and following.label_ in AREA_LABELS and not known.is_country(following.text):
            return None  # "London, Paris, Berlin ...": a list
    return wider


def _entity_at(doc: Any, i: int) -> Any:
    """The entity that starts at token ``i``, or None."""
    return next((x for x in doc.ents if x.start == i), None)


def inside(e: Any, country: str, gazetteer: Gazetteer | None = None) -> bool:
    """The place may lie inside the country: a city or a region, not a country, not a region of another
    country (ISO 3166-2), not a continent or a wider region ("Europe"), no digits ("F1" tagged GPE);
    ``gazetteer`` defaults to the built-in one."""
    if e.label_ not in AREA_LABELS or any(c.isdigit() for c in e.text) or is_wide_region(e.text):
        return False
    known = gazetteer or builtin_gazetteer()
    found, home = known.geo(e.text), known.geo(country)
    if found is None:
        return True  # a city or a region the gazetteer does not know
    return found[0] == "subdivision" and home is not None and bool(found[1] & home[1])


def _heads_title(tok: Any) -> bool:
    """A modifier of the headline's head noun or of its subject ("Kessford ferry crash: ...")."""
    if tok.dep_ != "compound":
        return False
    while tok.dep_ == "compound":
        tok = tok.head
    subject = tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT"
    return tok.pos_ == "NOUN" and (tok.dep_ == "ROOT" or subject)
