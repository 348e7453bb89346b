"""A wire dateline at the start of the body ("WASHINGTON, Nov 6 (Reuters) -")."""

from __future__ import annotations

import re
from typing import Any

from .words import DATELINE, DATELINE_CHARS, NOT_DATELINE_WORDS


def _dateline_match(doc: Any, layout: Any) -> tuple[int, Any] | None:
    """A wire dateline near the start of the body: at the very start, after a sentence, a
    line or a closing bracket (a photo credit "...Getty Images) WASHINGTON --"), or anywhere
    with its date or agency ("... Mark Hosenball WASHINGTON, Nov 6 (Reuters) -"); not a
    capitalised word before a dash inside a sentence ("the head of NATO - the alliance"), nor
    a label ("FILE -", "AP PHOTO -")."""
    start = layout.body_start
    text = doc.text[start:start + min(DATELINE_CHARS, layout.body_len)]
    for m in DATELINE.finditer(text):
        place = m.group("place")
        if len(place.replace(".", "")) < 2 or NOT_DATELINE_WORDS.intersection(re.split(r"[ /]", place)):
            continue
        before = text[:m.start()].rstrip(" \t")
        if m.group("date") or m.group("agency") or not before or before[-1] in ".!?)]\n\"”":
            return start, m
    return None


def dateline(doc: Any, layout: Any) -> tuple[Any, int]:
    """The place of a wire dateline near the start of the body, with its country or state ("SAO
    PAULO (AP) --" -> "SAO PAULO", "ERIE, Pa. --" -> "ERIE, Pa."), or None, and where the body's
    text starts after the dateline (0 when there is none)."""
    found = _dateline_match(doc, layout)
    if found is None:
        return None, 0
    start, m = found
    end = m.end("region") if m.group("region") else m.end("place")
    span = doc.char_span(start + m.start("place"), start + end, alignment_mode="contract")
    return (span if span is not None and len(span) else None), start + m.end()
