"""Quoted spans of a news text, found by quote marks alone (no parser, no speaker): the units
that ``benchmarks/quotes.py`` samples and labels.

A unit is the quoted part of one paragraph (a line of the text): the words between curly or
straight quote marks, or, when a paragraph opens a quote it does not close (a quote continued in the
next paragraph), from the opening mark to the paragraph's end. At least 4 words.
"""

from __future__ import annotations

import re

_OPEN = "“\""
_MIN_WORDS = 4


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted words (marks excluded) in each paragraph."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        para = text[ps:pe]
        for m in re.finditer(r"“([^”]*)(”|$)|\"([^\"]*)(\"|$)", para):
            g = 1 if m.group(1) is not None else 3
            s, e = m.span(g)
            inner = para[s:e].strip()
            if len(inner.split()) >= _MIN_WORDS:
                out.append((ps + s, ps + e))
    return out
