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
