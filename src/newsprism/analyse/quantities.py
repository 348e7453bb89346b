"""Numbers with units and ranges, normalised with pint.

A number (digits or words, with "million"/"billion"), an optional range
("1,500 to 2,000"), an optional modifier ("about" -> approximate, "up to" ->
upper bound, "more than" -> lower bound) and the unit after it. Physical units
are read and converted by pint to one canonical unit per dimension (km, kg,
km/h, ...); money takes its currency from the symbol or word; "times the
speed of sound" is Mach. Unitless counts are kept when the syntax says what
they count ("12 people", "12 killed"). Numbers inside dates, times, ordinals
and designations (Tu-160) are not quantities.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..records import Quantity
from . import rules
from .doctext import text_of

_SKIP_LABELS = ("DATE", "TIME", "ORDINAL", "EQUIPMENT")


def quantities(doc: Any, article_id: str, layout: Any) -> tuple[Quantity, ...]:
    """Every quantity of the doc."""
    out: list[Quantity] = []
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SKIP_LABELS]
    text = text_of(doc)
    for m in rules.QUANTITY_RE.finditer(text):
        num_start = m.start("cur") if m.group("cur") else m.start("a")
        if any(s <= num_start < e for s, e in blocked):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        low = _number(m.group("a"), m.group("ascale"))
        high = _number(m.group("b"), m.group("bscale")) if m.group("b") else low
        if low is None or high is None:
            continue
        if m.group("b") and m.group("bscale") and not m.group("ascale"):
            low = _number(m.group("a"), m.group("bscale"))  # "1 to 2 million"
            if low is None:
                continue
        mod = (m.group("mod") or "").lower()
        if mod in ("between", "from") and not m.group("b"):
            mod = ""
        result = _unit(doc, span, m.group("cur"))
        if result is None:
            continue
        unit, canonical, factor, unit_end, measures = result
        end_char = max(m.end(), unit_end)
        start_char = m.start() if mod else num_start
        placed = layout.place(start_char, end_char)
        if placed is None:
            continue
        field, s, e = placed
        lo, hi = min(low, high), max(low, high)
        c_lo = c_hi = None
        if factor is not None:
            c_lo, c_hi = _round(lo * factor), _round(hi * factor)
        elif canonical is not None:
            c_lo, c_hi = lo, hi
        out.append(Quantity(
            article_id=article_id, text=text[start_char:end_char], start=s, end=e, low=lo, high=hi,
            unit=unit, canonical_unit=canonical, canonical_low=c_lo, canonical_high=c_hi,
            approximate=mod in rules.APPROXIMATE, bound=("upper" if mod in rules.UPPER_BOUND else
                                                         "lower" if mod in rules.LOWER_BOUND else None),
            measures=measures, field=field,
        ))
    return tuple(out)


def _round(x: float) -> float:
    return float(f"{x:.6g}")


def _number(word: str | None, scale: str | None) -> float | None:
    if not word:
        return None
    w = word.lower().replace(",", "")
    try:
        value = float(w)
    except ValueError:
        parts = w.replace("-", " ").split()
        if not parts or any(p not in rules.NUMBER_WORDS for p in parts):
            return None
        value = float(sum(rules.NUMBER_WORDS[p] for p in parts))
    if scale:
        value *= rules.SCALES.get(scale.strip().lower(), 1)
    return value


def _unit(doc: Any, span: Any, currency: str | None) -> tuple[str | None, str | None, float | None, int, str | None] | None:
    """(unit as written, canonical unit, factor to it, end char, measures) or None."""
    after = doc[span.end:span.end + 6]
    words = [t.lower_ for t in after]
    if currency:
        return currency, rules.CURRENCY_SYMBOLS[currency], 1.0, span.end_char, _measures(span, None)
    if words[:4] == ["times", "the", "speed", "of"] and len(words) > 4 and words[4] == "sound":
        return "times the speed of sound", "mach", 1.0, after[4].idx + len(after[4]), "speed"
    if words and words[0] in ("%", "percent"):
        return after[0].text, "%", 1.0, after[0].idx + len(after[0]), _measures(span, after[0])
    if words[:2] == ["per", "cent"]:
        return "per cent", "%", 1.0, after[1].idx + len(after[1]), _measures(span, after[1])
    for n in (2, 1):
        phrase = " ".join(words[:n])
        if phrase in rules.CURRENCY_WORDS:
            end_tok = after[n - 1]
            return phrase, rules.CURRENCY_WORDS[phrase], 1.0, end_tok.idx + len(end_tok), _measures(span, end_tok)
    for n in (3, 2, 1):
        toks = after[:n]
        if len(toks) < n or not _unit_like(toks):
            continue
        written = toks.text
        conv = _convert(written.replace(" / ", "/").replace(" /", "/").replace("/ ", "/"))
        if conv is not None:
            canonical, factor = conv
            return written, canonical, factor, toks.end_char, _measures(span, toks[-1])
    # a count: the noun it counts, or a casualty word after it
    last = span[-1]
    if span.text.lower() in ("one", "1"):
        return None  # "one aircraft": an article, not a count worth keeping
    if last.dep_ == "nummod" and last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= span.end:
        return None, None, None, span.end_char, last.head.lemma_
    if words and words[0] in rules.CASUALTY_WORDS:
        return None, None, None, after[0].idx + len(after[0]), words[0]
    return None


def _unit_like(toks: Any) -> bool:
    for t in toks:
        if t.text == "/":
            continue
        if t.is_stop or t.is_punct or t.like_num or not t.text.isalpha():
            return False
        if len(t.text) == 1 and t.lower_ not in rules.SHORT_UNITS:
            return False
    return True


@lru_cache(maxsize=2048)
def _convert(unit: str) -> tuple[str, float] | None:
    """(canonical unit, factor) for a unit pint knows, else None."""
    import pint

    ureg = _registry()
    try:
        q = ureg.Quantity(1.0, unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, TypeError,
            ValueError, AssertionError, KeyError):
        return None
    dims = str(q.dimensionality)
    if dims == "dimensionless":
        return None
    target = rules.CANONICAL_UNITS.get(dims)
    try:
        converted = q.to(target) if target else q.to_base_units()
    except pint.errors.DimensionalityError:
        return None
    return (target or f"{converted.units:~}"), float(converted.magnitude)


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _measures(span: Any, unit_tok: Any) -> str | None:
    """What a quantity measures, where the syntax says so."""
    tok = unit_tok if unit_tok is not None else span[-1]
    # "a range of 1,500 to 2,000 kilometers": the noun that "of" hangs from
    head = tok
    for _ in range(3):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            return str(head.head.head.lemma_)
        if head.head is head:
            break
        head = head.head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("from", "away"):
        return "distance"
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return str(tok.head.lemma_)
    return None
