"""Status: a group's independent origins and the differences its claims carry (numbers, dates,
places, designations, negation): conflicts or "more specific"."""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from ..analyse.rules import CURRENCY_SYMBOLS, CURRENCY_WORDS, REPORTING_VERBS
from ..copies import line_origins
from ..gazetteer import geo
from ..lexicon import (
    BELOW_VALUE_WORDS,
    COUNT_OUTCOME_BREAKS,
    COUNT_OUTCOME_FILLERS,
    COUNT_OUTCOMES,
    COUNT_SPAN,
    EARLIER_HAPPENING,
    INCREMENT_AFTER,
    INCREMENT_BEFORE,
    PICTURE_DATE_AFTER,
    PICTURE_DATE_BEFORE,
    REMAINING_COUNT_AFTER,
    REMAINING_COUNT_WORDS,
    SERIES_DETERMINERS,
    SERIES_PART,
    SMALL_NUMBER_WORDS,
    STOP_WORDS,
    strip_inflection,
)
from ..records import (
    ArticlePair,
    Claim,
    ClaimGroup,
    Copies,
    Difference,
    Entity,
    Origin,
    OutletCredit,
    Quantity,
    TimeExpression,
)
from ..settings import AlignSettings
from .extract import FROM_DISTANCE, NEGATION, tokens

#: Statuses, strongest first: a group takes the first that applies.
STATUSES = ("conflicting", "more-specific", "corroborated", "single-source")


# ---------------------------------------------------------------- status


def surfaces(eid: str, by_id: Mapping[str, Entity]) -> tuple[str, ...]:
    e = by_id.get(eid)
    return tuple(dict.fromkeys((e.name, *e.variants))) if e else (eid,)


def claim_group(claims: list[Claim], sims: list[list[float]], copies: Copies, by_id: Mapping[str, Entity],
           s: AlignSettings, outlets: Mapping[str, str | None], representative: str,
           credits: Sequence[OutletCredit] = (), rewritten: Sequence[ArticlePair] = (),
           holders: Mapping[tuple[str, ...], set[str]] | None = None) -> ClaimGroup:
    article_ids = tuple(dict.fromkeys(c.article_id for c in claims))
    # the origins of this line: copies once, a member crediting another outlet is that outlet's
    # report, members sharing wording outside quotation marks are one report (copies.line_origins)
    origins = tuple(o.key for o in origins_of_line(claims, copies, outlets, credits, s, rewritten, holders))
    diffs: list[Difference] = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].article_id != claims[j].article_id:
                diffs.extend(compare(claims[i], claims[j], sims[i][j], False, by_id, s))
    statuses = {d.status for d in diffs}
    if "conflict" in statuses:
        status = "conflicting"
    elif "more-specific" in statuses:
        status = "more-specific"
    elif len(origins) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    gid = "g" + hashlib.sha256("|".join(c.claim_id for c in claims).encode()).hexdigest()[:12]
    return ClaimGroup(gid, tuple(c.claim_id for c in claims), article_ids, origins, status, tuple(diffs), False,
                      representative)


def origins_of_line(claims: Sequence[Claim], copies: Copies, outlets: Mapping[str, str | None],
                  credits: Sequence[OutletCredit], s: AlignSettings, rewritten: Sequence[ArticlePair],
                  holders: Mapping[tuple[str, ...], set[str]] | None) -> list[Origin]:
    """The independent origins of one line at the ``[claims]`` origin settings (copies.line_origins)."""
    return line_origins(claims, copies, outlets, credits, s.origin_run, rewritten, share_run=s.line_share_run,
                        share=s.line_share, share_min=s.line_share_min, holders=holders,
                        headline=s.line_headline, order=s.line_order, order_min=s.line_order_min,
                        frame=s.line_frame, frame_min=s.line_frame_min,
                        twin_marks=s.line_twin_marks, named=s.line_named, twin_marks_all=s.origin_twin_marks,
                        spelling=s.origin_spelling, retold=s.line_retold, retold_min=s.line_retold_min)


def compare(a: Claim, b: Claim, sim: float, internal: bool, by_id: Mapping[str, Entity],
             s: AlignSettings) -> list[Difference]:
    out: list[Difference] = []
    if norm_text(a.text) == norm_text(b.text):
        return out  # the same words (a wire story and its copy) state the same values
    floor = s.internal_threshold if internal else 0.0
    if sim >= max(floor, s.number_threshold):
        out.extend(number_differences(a, b, s, counts_only=sim < max(floor, s.measure_threshold)))
    if sim >= (floor if internal else s.date_threshold):
        out.extend(_dates(a, b, internal))
    if sim >= max(floor, s.place_threshold):
        out.extend(_places(a, b, by_id))
    out.extend(_designations(a, b, by_id))
    if (a.negated != b.negated and a.field == b.field == "body" and sim >= s.negation_threshold
            and not NOT_BUT.search((a if a.negated else b).text)
            and _overlap(_words(a.text), _words(b.text)) >= s.negation_overlap
            and min(len(a.text), len(b.text)) >= 0.75 * max(len(a.text), len(b.text))):
        out.append(Difference("negation", "conflict", a.claim_id, _neg(a), b.claim_id, _neg(b)))
    return out


#: A negation that contrasts ("was not one person, but probably several"): what it negates is
#: replaced by what follows "but", which the sentence affirms; no negated claim.
NOT_BUT = re.compile(r"\bnot\b[^.;:]{1,80}?\bbut\b", re.I)


def _neg(c: Claim) -> str:
    return "negated" if c.negated else "affirmed"


def number_differences(a: Claim, b: Claim, s: AlignSettings, counts_only: bool = False) -> list[Difference]:
    """Numbers that disagree: the same measured thing, values apart beyond the
    tolerance, neither value found anywhere in the other claim (two numbers of
    one sentence are two facts), and said of the same action (see _same_action).
    A bound that admits the other value ("at least five" against "seven") is
    compatible: a "more-specific" difference, shown, not a conflict."""
    out: list[Difference] = []
    if _other_tallies(a, b) or _spans(a) != _spans(b):
        return out
    for qa in a.quantities:
        if _name_number(a, qa) or _written(qa, b):
            continue
        for qb in b.quantities:
            if not _comparable(qa, qb) or (counts_only and qa.canonical_unit is not None):
                continue
            if _name_number(b, qb) or _written(qb, a):
                continue
            la, ha = _range(qa, s.number_tolerance)
            lb, hb = _range(qb, s.number_tolerance)
            if (qa.unit or "").lower() != (qb.unit or "").lower():  # "12 inches" / "30 centimetres": converted
                la, ha, lb, hb = la * 0.97, ha * 1.03, lb * 0.97, hb * 1.03
            if not (_same_action(a, qa, b, qb) and _modifier(a, qa) == _modifier(b, qb)
                    and _joined_count(a, qa) == _joined_count(b, qb)
                    and _series_part(a, qa) == _series_part(b, qb)
                    and _same_outcome(a, qa, b, qb) and _increment(a, qa) == _increment(b, qb)):
                continue
            if ha < lb or hb < la:
                if not _matched(qa, b.quantities, s) and not _matched(qb, a.quantities, s):
                    out.append(Difference("number", "conflict", a.claim_id, qa.text, b.claim_id, qb.text))
            elif (qa.bound or qb.bound) and (qa.bound, qa.low, qa.high) != (qb.bound, qb.low, qb.high):
                out.append(Difference("number", "more-specific", a.claim_id, qa.text, b.claim_id, qb.text))
    return out



#: A sentence giving this many whole figures or more is a tally (a season's or a game's figures,
#: what one operation seized): see _other_tallies.
TALLY_COUNTS = 3


def _counts(c: Claim) -> set[float]:
    """The whole numbers a claim gives as its figures (one value each, a unit or none): "33 homers",
    "12 magazines", "226 yards"."""
    return {q.low for q in c.quantities if q.low == q.high and q.low == int(q.low)}


def _other_tallies(a: Claim, b: Claim) -> bool:
    """Two tallies (``TALLY_COUNTS`` whole figures or more each) that share no value: figures of
    two different spans or scopes (a season and a game, one operation and all of them so far),
    not two accounts of one. Tallies of one scope agree on some of their counts; the counts of
    two that agree on none are not compared."""
    ca, cb = _counts(a), _counts(b)
    return len(ca) >= TALLY_COUNTS and len(cb) >= TALLY_COUNTS and not ca & cb


def _spans(c: Claim) -> frozenset[str]:
    """The spans a sentence's counts add up over (``lexicon.COUNT_SPAN``: "this season", "so far",
    "since October"): counts of two sentences naming different spans (or one none) are not compared."""
    return frozenset(next(g for g in m.groups() if g) for m in COUNT_SPAN.finditer(c.text.lower()))


def _written(q: Quantity, other: Claim) -> bool:
    """The other claim writes the same number, even where it is no quantity of
    its own ("25 defendants, five of whom ..." has the five)."""
    if q.low != q.high or q.low != int(q.low) or q.canonical_unit not in (None,):
        return False
    n = int(q.low)
    forms = {f"{n:,}", str(n)} | ({SMALL_NUMBER_WORDS[n]} if n < len(SMALL_NUMBER_WORDS) else set())
    return any(re.search(rf"(?<![\w.,]){re.escape(f)}(?![\w]|[.,]\d)", other.text, re.I) for f in forms)


def _matched(q: Quantity, others: Sequence[Quantity], s: AlignSettings) -> bool:
    lo, hi = _range(q, s.number_tolerance)
    for o in others:
        if o.canonical_unit != q.canonical_unit:
            continue
        ol, oh = _range(o, s.number_tolerance)
        if not (hi < ol or oh < lo):
            return True
    return False


_QUANTITY_WORDS = frozenset((
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under", "more", "less",
    "than", "up", "at", "least", "most", "just", "only", "another", "additional"))


def _name_number(c: Claim, q: Quantity) -> bool:
    """A number that is part of a name: "Falcon 9", "Boeing 737", "Apollo 11"."""
    if q.canonical_unit is not None or not q.text[:1].isdigit():
        return False
    before = c.text[: max(0, q.start - c.start)].rstrip()
    prev = before.rsplit(None, 1)[-1] if before else ""
    return (prev[:1].isupper() and prev.lower() not in _QUANTITY_WORDS
            and bool(re.fullmatch(r"[A-Z][\w-]*", prev)))  # "Falcon 9"; not "Germany; 27"


def _same_action(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """The words around two numbers (names and the measure aside) overlap:
    two of them, or a quarter of the shorter context."""
    ca, cb = _context(a, qa), _context(b, qb)
    shared = len(ca & cb)
    return shared >= 2 or (shared >= 1 and shared >= 0.25 * min(len(ca), len(cb)))


def _same_outcome(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two counts of one outcome: "40 people were injured" and "seven people
    were killed" count different people; "within four outs of the title" (what
    remains) is not "two outs in the eighth". Unknown outcomes do not differ."""
    oa, ob = _outcome(a, qa), _outcome(b, qb)
    return (oa is None or ob is None or oa == ob) and _remaining(a, qa) == _remaining(b, qb)


def _outcome(c: Claim, q: Quantity) -> str | None:
    """What happened to what a count counts (``lexicon.COUNT_OUTCOMES``): its
    casualty word ("seven killed"), an outcome after it in the same clause
    ("40 people were injured"), or one just before it ("injuring another 40")."""
    if q.measures and q.measures.lower() in COUNT_OUTCOMES:
        return COUNT_OUTCOMES[q.measures.lower()]
    clause = re.split(r"[,;:.()\u2014\u2013]", c.text[max(0, q.end - c.start):], maxsplit=1)[0]
    for w in re.findall(r"[\w'-]+", clause.lower())[:6]:
        if w in COUNT_OUTCOMES:
            return COUNT_OUTCOMES[w]
        if w in COUNT_OUTCOME_BREAKS:
            break
    for w in reversed(re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())[-3:]):
        if w in COUNT_OUTCOMES:
            return COUNT_OUTCOMES[w]
        if w not in COUNT_OUTCOME_FILLERS:
            break
    return None


def _increment(c: Claim, q: Quantity) -> bool:
    """A count of a part on top of another ("another 40 people", "40 more people", "three other
    rifles": ``lexicon.INCREMENT_*``), not the total: compared only with another such part."""
    before = re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())[-2:]
    after = re.findall(r"[\w'-]+", c.text[max(0, q.end - c.start):].lower())[:1]
    lead = q.text.lower().split()[:1]
    return bool(set(before + lead) & INCREMENT_BEFORE or set(after) & INCREMENT_AFTER)


def _series_part(c: Claim, q: Quantity) -> bool:
    """A count of the first, last or next few of a series ("taking the first two games", "its last three
    flights": ``lexicon.SERIES_PART``), a part of it, not the whole: compared only with another such part."""
    before = re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())[-2:]
    return len(before) == 2 and before[0] in SERIES_DETERMINERS and before[1] in SERIES_PART


def _remaining(c: Claim, q: Quantity) -> bool:
    """A count of what remains to a goal: "within four outs of the title"."""
    before = re.findall(r"[\w'-]+", c.text[:max(0, q.start - c.start)].lower())
    after = re.findall(r"[\w'-]+", re.split(r"[,;:.()]", c.text[max(0, q.end - c.start):], maxsplit=1)[0].lower())
    return (bool(before) and before[-1] in REMAINING_COUNT_WORDS) or bool(set(after[:2]) & REMAINING_COUNT_AFTER)


def _context(c: Claim, q: Quantity, width: int = 8) -> set[str]:
    """Lower-case content words near a number, without names and the measure itself."""
    rel_s, rel_e = q.start - c.start, q.end - c.start
    before = re.findall(r"[\w'-]+", c.text[:max(0, rel_s)])[-width:]
    after = re.findall(r"[\w'-]+", c.text[max(0, rel_e):])[:width]
    measure = {strip_inflection(w) for w in (q.measures or "").lower().split()}
    words = re.findall(r"[\w'-]+", c.text)
    # in a headline in title case every word is capitalised: names cannot be told apart
    title_case = sum(w[:1].isupper() for w in words) > 0.6 * max(1, len(words))
    out = {strip_inflection(w.lower()) for w in before + after
           if (title_case or w[:1].islower()) and len(w) > 3 and w.lower() not in STOP_WORDS
           and w.lower() not in _QUANTITY_WORDS}
    return out - measure


def _modifier(c: Claim, q: Quantity) -> str:
    """The words between a count and what it counts: "22 ambulance crews" and
    "four fire and rescue crews" count different crews."""
    if not q.measures:
        return ""
    rest = c.text[q.end - c.start:]
    head = q.measures.lower().split()[-1]
    m = re.search(rf"\b{re.escape(head[:-1] if len(head) > 3 else head)}", rest.lower())
    if m is None or m.start() > 40:
        return ""
    return " ".join(w for w in re.findall(r"[\w-]+", rest[:m.start()].lower()) if w not in STOP_WORDS)


def _joined_count(c: Claim, q: Quantity) -> str:
    """What a count counts besides its noun, joined to it by "and" with no count of its own: "some 420
    passengers and crew" counts the crew too ("crew"); "246 passengers and some of the crew", "ten dead
    and 40 hurt", "50 people and wounded 200", "five people and damaging buildings" do not (after
    "and" a stop word, a number, an outcome or verb form, or a word that does not close the phrase: "")."""
    if not q.measures:
        return ""
    rest = c.text[q.end - c.start:].lower()
    head = q.measures.lower().split()[-1]
    m = re.search(rf"\b{re.escape(head)}\w*\s+and\s+([\w-]+)(?:\s+([\w-]+))?", rest)
    if m is None or m.start() > 40:
        return ""
    word, after = m.group(1), m.group(2)
    if (word in STOP_WORDS or word[0].isdigit() or word in SMALL_NUMBER_WORDS or word in COUNT_OUTCOMES
            or word.endswith(("ing", "ed"))):
        return ""
    # a noun closing the phrase ("crew" then "after", a comma or the end), not the start of another
    # clause ("and damaging buildings")
    return word if after is None or after in STOP_WORDS else ""


def norm_text(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _words(text: str) -> set[str]:
    return {w for w in tokens(text) if not NEGATION.fullmatch(w)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _comparable(qa: Quantity, qb: Quantity) -> bool:
    if qa.canonical_unit != qb.canonical_unit:
        return False
    # counts and measurements alike: only of the same thing ("$10" previous offer
    # and "$82 per share" are two amounts, not two accounts of one)
    return bool(qa.measures) and qa.measures == qb.measures


def _range(q: Quantity, tolerance: float) -> tuple[float, float]:
    """The values a quantity admits: an approximate one ("about 50") the
    tolerance and a half on each side; an exact one only what its rounding
    allows ("2,000" or "143 million": half a unit of the last non-zero digit,
    when that is a thousand or more; "12" and "145.5" are exact)."""
    low = q.canonical_low if q.canonical_low is not None else q.low
    high = q.canonical_high if q.canonical_high is not None else q.high
    scale = (low / q.low) if q.low and q.canonical_low is not None else 1.0
    if q.approximate:
        lo, hi = low * (1 - tolerance * 1.5), high * (1 + tolerance * 1.5)
        if _from_below(q):  # "nearly 80", "almost 80": not more than 80
            hi = high
    else:
        lo, hi = low - _rounding(q.low) * scale, high + _rounding(q.high) * scale
        lo, hi = min(lo, low * (1 - 0.005)), max(hi, high * (1 + 0.005))
    if q.bound == "upper":
        lo = 0.0
    if q.bound == "lower":
        hi = math.inf
    return lo, hi


def _from_below(q: Quantity) -> bool:
    """A value approached from below ("nearly 80", "almost 80": ``lexicon.BELOW_VALUE_WORDS``)."""
    lead = q.text.lower().split()
    return any(" ".join(lead[:len(w.split())]) == w for w in BELOW_VALUE_WORDS)


def _rounding(value: float) -> float:
    if not value or value != int(value):
        return 0.0
    n, step = int(abs(value)), 1
    while n % (step * 10) == 0:
        step *= 10
    return step / 2 if step >= 1000 else 0.0


def _dates(a: Claim, b: Claim, internal: bool = False) -> list[Difference]:
    """Resolved days that differ. Inside one article (a title or caption
    against its text) only the days of what is reported: not the day a
    statement was made ("officials said Thursday") nor the day a picture was
    taken or published ("in this Nov. 2 file photo"). The same words resolved to two days ("Monday
    evening" in both) are no difference: each was read against its own article's day, and the two
    texts say the same (one text run on two days, or two reports each counting from its own). Across
    articles, a day read against a base the article does not give (``base="given"``: an undated
    article's relative date counted from its story's first date) is a guess and grounds no
    difference."""
    da = {t.value: t for t in a.times if t.status == "resolved" and t.granularity == "day" and t.value
          and not (internal and _not_event_day(a, t)) and not _earlier_day(a, t)
          and (internal or t.base != "given")}
    db = {t.value: t for t in b.times if t.status == "resolved" and t.granularity == "day" and t.value
          and not (internal and _not_event_day(b, t)) and not _earlier_day(b, t)
          and (internal or t.base != "given")}
    if not da or not db or set(da) & set(db) or _other_amounts(a, b):
        return []
    if {_date_words(t) for t in da.values()} & {_date_words(t) for t in db.values()}:
        return []
    if any(_deictic_slip(x, y, internal) for x in da.values() for y in db.values()):
        return []
    ta, tb = da[min(da)], db[min(db)]
    return [Difference("date", "conflict", a.claim_id, f"{ta.text} ({ta.value})", b.claim_id, f"{tb.text} ({tb.value})")]


#: A day told from the moment of writing ("today", "this morning", "yesterday", "last night"): its day
#: is counted from a publication date that does not fix that moment (a page dated the day after, another
#: time zone).
DEICTIC_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
                         r"|last (?:night|evening))\b", re.I)


def _deictic_slip(x: TimeExpression, y: TimeExpression, internal: bool) -> bool:
    """Two days one day apart of which one is told from the moment of writing (``DEICTIC_DAY``): across
    articles no ground for a conflict, as each was counted from its own article's date, which places
    the writing to a day at best; inside one article only when that date is a guess (``base="given"``,
    an undated article's day counted from its story's), as a weekday then says nothing of "yesterday"."""
    if not (DEICTIC_DAY.search(x.text) or DEICTIC_DAY.search(y.text)):
        return False
    if internal and "given" not in (x.base, y.base):
        return False
    try:
        days = abs((date.fromisoformat(x.value or "") - date.fromisoformat(y.value or "")).days)
    except ValueError:
        return False
    return days == 1


def _date_words(t: TimeExpression) -> str:
    """A time expression's words as written, case and punctuation aside ("Monday evening")."""
    return " ".join(re.findall(r"[\w']+", t.text.lower()))


_CURRENCIES = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())


def _other_amounts(a: Claim, b: Claim) -> bool:
    """Both sentences give sums of money in one currency and share none: they tell two deals or
    offers ("a $103 billion bid" in November, "a $121 billion offer" on Monday), whose days differ."""
    def sums(c: Claim) -> dict[str, set[float]]:
        out: dict[str, set[float]] = defaultdict(set)
        for q in c.quantities:
            if q.canonical_unit in _CURRENCIES and q.canonical_low is not None:
                out[q.canonical_unit].add(q.canonical_low)
        return out

    sa, sb = sums(a), sums(b)
    return any(not sa[cur] & sb[cur] for cur in set(sa) & set(sb))


_DATE_LEAD = frozenset({"on", "late", "early", "last", "this"})
_IRREGULAR_REPORTING = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write"}


def _earlier_day(c: Claim, t: TimeExpression) -> bool:
    """A day that dates an earlier happening of the kind the sentence reports, not what it reports:
    "dozens of tests, the most recent on Saturday" (``lexicon.EARLIER_HAPPENING``, within the four
    words before the day)."""
    before = re.findall(r"[\w'-]+", c.text[:max(0, t.start - c.start)].lower())[-4:]
    return bool(EARLIER_HAPPENING.search(" ".join(before)))


def _not_event_day(c: Claim, t: TimeExpression) -> bool:
    """A day that dates a statement (after a reporting verb: "the airline said
    Wednesday") or, in a caption, the picture (``lexicon.PICTURE_DATE_*``: "an
    image from a video made public on April 14", "in this Nov. 2, 2017 file
    photo"). A caption's closing dateline (", Tokyo, August 29, 2017.") is
    compared: the picture may show what the text reports."""
    rel_s, rel_e = t.start - c.start, t.end - c.start
    before, after = c.text[:max(0, rel_s)], c.text[max(0, rel_e):]
    words = re.findall(r"[\w'-]+", before.lower())
    while words and words[-1] in _DATE_LEAD:
        words.pop()
    if words:
        w = words[-1]
        stems = {_IRREGULAR_REPORTING.get(w, w), w[:-1], w[:-2], w[:-3], w[:-3] + "e"}
        if stems & REPORTING_VERBS and not before.rstrip().endswith((",", ";", ":")):
            return True
    if not c.field.startswith("caption"):
        return False
    return bool(PICTURE_DATE_BEFORE.search(before) or PICTURE_DATE_AFTER.search(after))


def ancestors(eid: str, by_id: Mapping[str, Entity], kinds: tuple[str, ...]) -> set[str]:
    seen: set[str] = set()
    todo = [eid]
    while todo:
        e = by_id.get(todo.pop())
        if e is None:
            continue
        for r in e.relations:
            if r.kind in kinds and r.target not in seen:
                seen.add(r.target)
                todo.append(r.target)
    return seen


def _places(a: Claim, b: Claim, by_id: Mapping[str, Entity]) -> list[Difference]:
    if not a.places or not b.places:
        return []
    pa, pb = set(a.places), set(b.places)
    up_a = {p: ancestors(p, by_id, ("part_of",)) for p in pa}
    up_b = {p: ancestors(p, by_id, ("part_of",)) for p in pb}
    names = {p: by_id[p].name if p in by_id else p for p in pa | pb}
    if pa & pb:
        narrower = distance_vs_in(a, b, pa & pb, names)
        return narrower
    for x in pa:
        for y in pb:
            if y in up_a[x]:
                return [Difference("place", "more-specific", a.claim_id, names[x], b.claim_id, names[y])]
            if x in up_b[y]:
                return [Difference("place", "more-specific", a.claim_id, names[x], b.claim_id, names[y])]
    # a conflict needs both claims to set the event somewhere (in X / at X / X trip),
    # and neither to name the other's place as such
    sa, sb = set(a.sites) - pb, set(b.sites) - pa
    if not sa or not sb or set(a.sites) & set(b.sites):
        return []
    both = a.text + " " + b.text
    if any(contains_text(both, vx, vy) for x in sa for y in sb
           for vx in (names[x], *surfaces(x, by_id)) for vy in (names[y], *surfaces(y, by_id))):
        return []
    if any(may_contain(names[x], names[y]) or same_name_words(vx, vy) for x in sa for y in sb
           for vx in (names[x], *surfaces(x, by_id)) for vy in (names[y], *surfaces(y, by_id))):
        return []
    x, y = sorted(sa)[0], sorted(sb)[0]
    return [Difference("place", "conflict", a.claim_id, names[x], b.claim_id, names[y])]


def entity_name(eid: str, by_id: Mapping[str, Entity]) -> str:
    return by_id[eid].name if eid in by_id else eid


#: A place named by its side of a town: a compass word, then a capitalised name ("East Flatbush").
_DISTRICT = re.compile(r"(?:North|South|East|West)(?:east|west)?\s+[A-Z]")


def may_contain(x: str, y: str) -> bool:
    """True when one place may well lie in the other, so that two sources
    naming them do not disagree: a country and a place inside it (or a place
    the gazetteer does not know: a town, a beach, a zoo), a region and a town,
    a district named by its side of a town ("East Flatbush") and a town.
    Two different countries, or regions of different countries, never do."""
    gx, gy = geo(x), geo(y)
    if gx is None and gy is None:
        # two towns or sites: the text has to say (see contains_text); but a district named by its side
        # of a town ("East Flatbush", "Northeast Varnholm") lies in some town the gazetteer does not know
        return bool(_DISTRICT.match(x) or _DISTRICT.match(y))
    if gx is None or gy is None:
        return True
    (kx, cx), (ky, cy) = gx, gy
    if kx == ky == "country":
        return False
    return bool(cx & cy)


_PLACE_FILLERS = frozenset({"the", "of", "in", "at", "on"})


def _place_words(name: str) -> list[str]:
    """A place name's words without a possessive and without "the", "of", "in"... (case kept)."""
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’]+", name)]
    return [w for w in words if w and w.lower() not in _PLACE_FILLERS]


def _abbreviates(short: str, word: str) -> bool:
    """``short`` is ``word`` (case aside) or a shortening of it, the first letter the same: its
    start ("Phila" / "Philadelphia"), or its letters in order where it has no vowel after the
    first ("Mt" / "Mount") or is two or three capitals ("NE" / "Northeast")."""
    s, w = short.lower(), word.lower()
    if s == w:
        return True
    if len(s) < 2 or len(s) >= len(w) or s[0] != w[0]:
        return False
    if len(s) >= 3 and w.startswith(s):
        return True
    if not (set(s[1:]).isdisjoint("aeiouy") or (short.isupper() and len(short) <= 3 and not word.isupper())):
        return False
    rest = iter(w)
    return all(ch in rest for ch in s)


def same_name_words(x: str, y: str) -> bool:
    """Two place names of which the one with fewer words is written out, word for word,
    in the other (each of its words one of the other's, or a shortening of one):
    "Mt Skel" and "Varn Mount Skel", "Kessford" and "Kessford High Street", "NE Varnholm"
    and "Northeast Varnholm". The same place, or a place and a part of it: no
    disagreement. "North Carolina" and "South Carolina" are not."""
    gx, gy = geo(x), geo(y)
    if gx is not None and gy is not None and gx[0] == gy[0] == "country":
        return False  # "Guinea" and "Papua New Guinea"
    wx, wy = _place_words(x), _place_words(y)
    return any(bool(short) and len(short) <= len(long_) and all(any(_abbreviates(w, v) for v in long_) for w in short)
               for short, long_ in ((wx, wy), (wy, wx)))


def contains_text(text: str, x: str, y: str) -> bool:
    """Text that says one place lies in the other: "Cincinnati, Ohio",
    "Las Vegas in the US", "Russia's Far East"."""
    for inner, outer in ((x, y), (y, x)):
        i, o = re.escape(inner), re.escape(outer)
        if re.search(rf"{i}(,\s+[A-Z][\w .'-]*){{0,2}},\s+(the\s+)?{o}\b|{i}\s+in\s+(the\s+)?(\w+\s+)?{o}\b|"
                     rf"{o}['’]s\s+{i}", text):
            return True
    return False


def distance_vs_in(a: Claim, b: Claim, shared: set[str], names: Mapping[str, str]) -> list[Difference]:
    """"about 40 km from Varnholm" against "in Varnholm": compatible,
    the first more specific."""
    fa, fb = bool(FROM_DISTANCE.search(a.text)), bool(FROM_DISTANCE.search(b.text))
    if fa == fb:
        return []
    near, within = (a, b) if fa else (b, a)
    m = FROM_DISTANCE.search(near.text)
    tail = near.text[m.end():m.end() + 40] if m else ""
    # the distance must be measured from the place the other claim sets the event in
    candidates = [p for p in shared if p in within.sites and names[p] in tail]
    if not candidates:
        return []
    place = min((names[p] for p in candidates), key=lambda n: (tail.find(n), n))
    q = next((q.text for q in near.quantities if q.canonical_unit in ("km", "m", "mi")), "a distance")
    return [Difference("place", "more-specific", near.claim_id, f"{q} from {place}", within.claim_id, f"in {place}")]


def _designations(a: Claim, b: Claim, by_id: Mapping[str, Entity]) -> list[Difference]:
    out = []
    for x in a.equipment:
        for y in b.equipment:
            if x == y:
                continue
            if y in ancestors(x, by_id, ("variant_of",)) or x in ancestors(y, by_id, ("variant_of",)):
                nx = by_id[x].name if x in by_id else x
                ny = by_id[y].name if y in by_id else y
                out.append(Difference("designation", "more-specific", a.claim_id, nx, b.claim_id, ny))
    return out


def status_counts(groups: Sequence[ClaimGroup]) -> dict[str, int]:
    """How many groups have each status."""
    counts: dict[str, int] = defaultdict(int)
    for g in groups:
        counts[g.status] += 1
    return {s: counts.get(s, 0) for s in STATUSES}
