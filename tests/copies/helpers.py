"""Invented articles the copies tests share: a wire report, its rewrite, another wire's report."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from newsprism.copies import (
    Copies,
)
from newsprism.records import Article, Claim

T0 = datetime(2031, 3, 4, 6, 0, tzinfo=UTC)


NONE = Copies(links=(), groups=())


# A fictional wire story (Nordland Press Agency, "NPA").
WIRE = [
    "SKELBY, Nordland (NPA) — The ferry Aurora Vale ran aground on a sandbank outside the harbour of Skelby "
    "early on Tuesday, and all 214 passengers were brought ashore by lifeboats before dawn, the coastguard said.",
    "The vessel, which sails twice a day between Skelby and the island of Marrow, struck the bank in heavy fog "
    "shortly after leaving port, according to harbour master Ilse Tranberg.",
    "\"We heard a long scraping sound and then the engines stopped,\" said Tomas Leith, a teacher travelling with "
    "his class to the island. \"Nobody panicked, the crew knew exactly what to do.\"",
    "Coastguard officers said no one was hurt and that a small amount of diesel had leaked into the water. "
    "Two tugs were sent from the port of Arnhal to pull the ferry free at high tide on Wednesday morning.",
    "The operator, Marrow Line, said it would charter a smaller boat to keep the island connected while the Aurora "
    "Vale is inspected in dry dock, which could take up to three weeks.",
]


REWRITE = [
    "Fog and a shifting sandbank brought the Skelby ferry to a halt on Tuesday, the third grounding on the Marrow "
    "route in ten years, local records show.",
    WIRE[1],
    WIRE[3],
    "Residents of Marrow told the Skelby Courier they had warned the council about the silted channel last winter, "
    "and the council said a dredging plan would be presented in April.",
    WIRE[4],
]


# A second wire (fictional "Baltic Wire Service", BWS) on the same event, written independently; it quotes
# the same passenger at length.
OTHER_WIRE = [
    "MARROW ISLAND (BWS) — Islanders waited on the quay for hours on Tuesday after their only ferry link, the "
    "Aurora Vale, grounded in thick fog off Skelby with more than two hundred people on board.",
    "\"We heard a long scraping sound and then the engines stopped,\" said Tomas Leith, a teacher travelling with "
    "his class to the island. \"Nobody panicked, the crew knew exactly what to do.\"",
    "The island's shop owner, Petra Holm, said fresh supplies would run short by the weekend if no replacement "
    "boat arrived, and the school closed for the day because half its staff live on the mainland.",
    "Marine engineers quoted by the regional broadcaster said the hull appeared intact, although divers would "
    "have to confirm this before any tow was attempted.",
]


def art(aid: str, paragraphs: list[str], *, outlet: str, hours: float = 0, credit: str | None = None,
        flags: tuple[str, ...] = (), title: str = "Ferry runs aground off Skelby") -> Article:
    return Article(
        article_id=hashlib.sha256(aid.encode()).hexdigest()[:16], source=f"{aid}.txt", format="text",
        encoding="utf-8", url=None, outlet=outlet, outlet_evidence="test", title=title, byline=(), credit=credit,
        published=T0 + timedelta(hours=hours), updated=None, time_zone=None, language="en",
        paragraphs=tuple(paragraphs), captions=(), removals=(), flags=flags, description=None,
        source_text="\n".join(paragraphs),
    )


def republished(paragraphs: list[str], extra: str | None = None) -> list[str]:
    """A republication: the same text, one word changed, perhaps a line added."""
    out = [paragraphs[0], paragraphs[1].replace("shortly after", "soon after"), *paragraphs[2:]]
    return [*out, extra] if extra else out


CREDITING = [
    "Marrow Line's chief executive told the Island Post that the ferry would return to service in May.",
    "The company will also review its fog procedures, he said.",
    "Harbour records show two earlier groundings on the route.",
]


def _claim(a: Article, k: int, field: str = "body") -> Claim:
    """Paragraph ``k`` of ``a`` as a claim (one sentence per paragraph in these fixtures)."""
    start = sum(len(p) + 2 for p in a.paragraphs[:k])
    text = a.paragraphs[k]
    return Claim(f"{a.article_id}:{k}", a.article_id, field, start, start + len(text), text, None, None, None,
                 (), (), (), (), (), False)


_REWRITTEN = [
    "The ferry Skelby Star ran aground on a sandbank off the northern tip of the island early on Sunday morning.",
    "All forty passengers were taken off by the lifeboat crew and brought back to the harbour before noon.",
    "The coastguard said the vessel had lost steering in heavy swell shortly after leaving the harbour.",
]
