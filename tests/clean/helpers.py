"""The clean tests' helpers: invented article text and documents built from it."""

from __future__ import annotations

from newsprism.records import RawDocument
from newsprism.settings import Settings

S = Settings()


BODY = (
    "The council of Ostrava Nova voted on Monday to close the old tram depot, "
    "ending a debate that had lasted for more than three years in the town."
)


BODY2 = (
    "Mayor Ilse Brandt said the site would be turned into housing for about 400 "
    "families, and that work could start in the spring of next year."
)


def doc(text: str, **kw: object) -> RawDocument:
    return RawDocument(source="t.txt", format=kw.pop("format", "text"), encoding="utf-8",  # type: ignore[arg-type]
                       text=text, **kw)  # type: ignore[arg-type]


def reasons(a) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.reason for r in a.removals]


LEAD = ("Hundreds of volunteers filled sandbags through the night as the river rose in Ostrava Nova, "
        "the council said on Tuesday, and the old tram depot was closed to traffic.")


def flat(text: str) -> RawDocument:
    """A page flattened to one line, as some extractors give it (title apart)."""
    return doc(text, format="json", title="Flood in Ostrava Nova")


def covered(a, text: str) -> None:  # type: ignore[no-untyped-def]
    """Every character of the source is body, or inside a logged removal."""
    spans = sorted((r.start, r.end) for r in a.removals)
    body = a.text
    for p in a.paragraphs:
        i = body.index(p)
        spans.append(a.offsets.span_to_source(i, i + len(p)))
    left = list(text)
    for s, e in spans:
        for i in range(s, e):
            left[i] = " "
    assert not "".join(left).strip(), "".join(left).strip()


CITES_A_POST = "The riders' union said on Twitter that the closure was \"a day of shame for the city.\""
