"""Text knowledge shared by the stages: data, not logic.

One table per kind of thing recognised, named for it; a stage that needs it
imports it from here rather than writing its own.
"""

from __future__ import annotations

#: Wire agencies: canonical name -> patterns that credit it. Searched in the
#: credit line, the byline, the dateline (start of the body) and the last
#: paragraph, never in the whole body ("Reuters reported" is not a credit).
WIRES: dict[str, tuple[str, ...]] = {
    "AP": (r"\(AP\)", r"\bAssociated Press\b", r"^AP$"),
    "Reuters": (r"\bReuters\b", r"\bThomson Reuters\b"),
    "AFP": (r"\(AFP\)", r"\bAFP\b", r"\bAgence France[- ]Presse\b"),
    "Xinhua": (r"\bXinhua\b",),
    "dpa": (r"\(dpa\)", r"\bdpa\b", r"\bDeutsche Presse-Agentur\b"),
    "UPI": (r"\(UPI\)", r"\bUnited Press International\b"),
    "Yonhap": (r"\bYonhap\b",),
    "Kyodo": (r"\bKyodo\b",),
    "PA": (r"\(PA\)", r"\bPress Association\b"),
    "ANI": (r"\(ANI\)",),
    "PTI": (r"\(PTI\)", r"\bPress Trust of India\b"),
    "EFE": (r"\(EFE\)",),
    "ANSA": (r"\(ANSA\)",),
    "TASS": (r"\bTASS\b",),
    "Bloomberg": (r"\(Bloomberg\)",),
}

#: Phrases by which an article credits another outlet as the source of what it
#: reports (a secondary report): ``{outlet}`` stands for one of the outlet names of
#: the story (or a wire agency). The phrase is matched in any case, the name only
#: as printed, so "at the time" is not the magazine. An outlet's own name in its
#: own article never counts.
REPORT_CREDITS: tuple[str, ...] = (
    # an interview or a statement given to the outlet
    r"\b(?:told|tells|telling)\s+{outlet}",
    r"\b(?:said|says|saying|confirmed|confirms|explained|admitted|revealed|wrote|added)\s+(?:\w+\s+){0,3}"
    r"(?:to|in\s+an?\s+(?:\w+\s+)?(?:interview|statement|email|e-mail|call|conversation)\s+(?:with|to))\s+{outlet}",
    r"\b(?:in|during)\s+an?\s+(?:\w+\s+)?(?:interview|conversation)\s+(?:with|on|to)\s+{outlet}",
    r"\b(?:speaking|talking|spoke|talked)\s+(?:exclusively\s+)?(?:to|with)\s+{outlet}",
    # the outlet's report credited for what follows
    r"{outlet}(?:'s?\s+\w+)?\s+(?:first\s+|previously\s+|originally\s+|exclusively\s+|also\s+|earlier\s+)?"
    r"(?:reported|reports|revealed|obtained|has\s+learned|learned|broke\s+the\s+news|was\s+first\s+to\s+report)\b",
    r"\b(?:reported|obtained|revealed|seen|published|aired|broadcast|cited|quoted)\s+(?:first\s+|earlier\s+|exclusively\s+)?"
    r"by\s+{outlet}",
    r"\baccording\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:report|reports|story|article|interview|investigation)\s+"
    r"(?:by|from|in|with|on)\s+)?{outlet}",
    r"\bas\s+(?:first\s+)?reported\s+(?:by|in|on)\s+{outlet}",
)
