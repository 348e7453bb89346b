"""Hand-built articles, analyses and claims the claims tests share (no model needed)."""

from __future__ import annotations

from datetime import UTC, datetime

from newsprism.claims import AlignSettings, ClaimGroup, align
from newsprism.copies import Copies
from newsprism.records import (
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Quantity,
    TimeExpression,
)

T0 = datetime(2025, 3, 11, 9, 0, tzinfo=UTC)


NO_COPIES = Copies(links=(), groups=())


def article(aid: str, sentences: list[str], title: str | None = None, outlet: str | None = None) -> Article:
    return Article(
        article_id=aid, source=aid, format="text", encoding="utf-8", url=None, outlet=outlet or aid,
        outlet_evidence=None, title=title, byline=(), credit=None, published=T0, updated=None, time_zone=None,
        language="en", paragraphs=(" ".join(sentences),), captions=(), removals=(), flags=(), description=None,
        source_text=" ".join(sentences),
    )


def spans(sentences: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s in sentences:
        out.append((pos, pos + len(s)))
        pos += len(s) + 1
    return out


def mention(aid: str, text: str, body: str, label: str, eid: str, field: str = "body") -> Mention:
    start = body.index(text)
    return Mention(aid, text, label, start, start + len(text), field=field, entity_id=eid)


def count(aid: str, body: str, text: str, value: float, measures: str) -> Quantity:
    start = body.index(text)
    return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                    approximate=True, measures=measures)


def analysis(aid: str, sentences: list[str], mentions=(), quantities=(), times=()) -> Analysis:  # type: ignore[no-untyped-def]
    return Analysis(aid, "test", tuple(spans(sentences)), tuple(mentions), (), tuple(quantities), tuple(times),
                    Event(aid))


A = ["About 1,200 residents of Varnholm were evacuated after the Tormund Dam spillway gate failed.",
     "The mayor opened the sports hall for evacuees."]


B = ["About 2,000 residents of Varnholm were evacuated after the spillway gate at the Tormund Dam failed.",
     "A crane was brought from Kessford overnight to lower the gate."]


ENTS = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a", "b")),
        Entity("tormund-dam", "Tormund Dam", "FAC", ("Tormund Dam",), 2, ("a", "b"))]


def _pair() -> tuple[list[Article], list[Analysis]]:
    arts = [article("a", A), article("b", B)]
    ana = []
    for aid, sents in (("a", A), ("b", B)):
        body = " ".join(sents)
        first = sents[0]
        ana.append(analysis(aid, sents,
                            [mention(aid, "Varnholm", body, "GPE", "varnholm"),
                             mention(aid, "Tormund Dam", body, "FAC", "tormund-dam")],
                            [count(aid, body, first.split(" residents")[0], float(first.split()[1].replace(",", "")),
                                   "residents")]))
    return arts, ana


def _one_line(texts: dict[str, str], outlets: dict[str, str] | None = None) -> ClaimGroup:
    """The group of one sentence per article (each naming Varnholm), its outlets as given."""
    arts = [article(aid, [t], outlet=(outlets or {}).get(aid)) for aid, t in texts.items()]
    ana = [analysis(aid, [t], [mention(aid, "Varnholm", t, "GPE", "varnholm")]) for aid, t in texts.items()]
    (g,) = [g for g in align(arts, ana, ENTS, NO_COPIES, AlignSettings(threshold=0.1)).groups
            if len(g.article_ids) == len(texts)]
    return g


def _numbers_pair(sa: str, sb: str, qa: list[tuple[str, float, str | None, bool]],
                  qb: list[tuple[str, float, str | None, bool]]):  # type: ignore[no-untyped-def]
    def q(aid: str, body: str, text: str, value: float, measures: str | None, approx: bool) -> Quantity:
        start = body.index(text)
        return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                        approximate=approx, measures=measures)

    arts = [article("a", [sa]), article("b", [sb])]
    ana = [analysis("a", [sa], [mention("a", "Equifax", sa, "ORG", "equifax")] if "Equifax" in sa else [],
                    [q("a", sa, *x) for x in qa]),
           analysis("b", [sb], [mention("b", "Equifax", sb, "ORG", "equifax")] if "Equifax" in sb else [],
                    [q("b", sb, *x) for x in qb])]
    ents = [Entity("equifax", "Equifax", "ORG", ("Equifax",), 2, ("a", "b"))]
    al = align(arts, ana, ents, NO_COPIES)
    return [d for g in al.groups for d in g.differences]


def _caption_case(body: str, cap: str, body_day: str, cap_day: str) -> list[ClaimGroup]:
    art = article("a", [body])
    art = Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},  # type: ignore[attr-defined]
                     "captions": (__import__("newsprism").Caption(cap, 0, len(cap)),)})
    s1, s2 = body.index(body_day), cap.index(cap_day)
    times = [TimeExpression("a", body_day, s1, s1 + len(body_day), "DATE", "2025-03-13", "day", "resolved"),
             TimeExpression("a", cap_day, s2, s2 + len(cap_day), "DATE", "2025-02-02", "day", "resolved",
                            field="caption:0")]
    ents = [Entity("varnholm", "Varnholm", "GPE", ("Varnholm",), 2, ("a",))]
    mentions = [mention("a", "Varnholm", body, "GPE", "varnholm"),
                mention("a", "Varnholm", cap, "GPE", "varnholm", field="caption:0")]
    al = align([art], [analysis("a", [body], mentions, (), times)], ents, NO_COPIES)
    return [g for g in al.groups if g.internal]


def _headline_case(title: str, sentences: list[str], places: list[tuple[str, str]], where: str):  # type: ignore[no-untyped-def]
    body = " ".join(sentences)
    art = article("a", sentences, title=title)
    ms = [mention("a", t, title, "GPE", eid, field="title") for t, eid in places if t in title]
    ms += [Mention("a", t, "GPE", i, i + len(t), field="body", entity_id=eid)
           for t, eid in places for i in [j for j in range(len(body)) if body.startswith(t, j)]]
    ws = body.index(where)
    from newsprism.records import EventPart

    ev = Event("a", where=EventPart(where, ws, ws + len(where), "body"))
    an = Analysis("a", "test", tuple(spans(sentences)), tuple(ms), (), (), (), ev)
    ents = [Entity(eid, t, "GPE", (t,), 1, ("a",)) for t, eid in places]
    return [(d.kind, d.status, g.internal) for g in align([art], [an], ents, NO_COPIES).groups
            for d in g.differences]


def _bounded(aid: str, body: str, text: str, value: float, bound: str | None) -> Quantity:
    start = body.index(text)
    return Quantity(aid, text, start, start + len(text), value, value, None, None, None, None,
                    bound=bound, measures="people")
