"""A wire dateline at the start of the body ("WASHINGTON, Nov 6 (Reuters) -"), found by
:func:`newsprism.lexicon.wire_dateline`, as a span of the ``Doc``."""

from __future__ import annotations

from typing import Any

from ...lexicon import DATELINE_CHARS, wire_dateline
from ..doctext import text_of


def dateline(doc: Any, layout: Any) -> tuple[Any, int]:
    """The place of a wire dateline near the start of the body, with its country or state ("SAO
    PAULO (AP) --" -> "SAO PAULO", "ERIE, Pa. --" -> "ERIE, Pa."), or None, and where the body's
    text starts after the dateline (0 when there is none)."""
    start = layout.body_start
    m = wire_dateline(text_of(doc)[start:start + min(DATELINE_CHARS, layout.body_len)])
    if m is None:
        return None, 0
    end = m.end("region") if m.group("region") else m.end("place")
    span = doc.char_span(start + m.start("place"), start + end, alignment_mode="contract")
    return (span if span is not None and len(span) else None), start + m.end()
