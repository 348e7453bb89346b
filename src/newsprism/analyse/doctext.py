"""A ``Doc``'s text, joined once: spaCy's ``Doc.text`` joins every token's text on each read, and the
rules of the analyse stage read it thousands of times per batch."""

from __future__ import annotations

from typing import Any

#: The ``Doc.user_data`` key the text is kept under (a Doc's text never changes: retokenizing keeps it).
KEY = "newsprism_text"


def text_of(doc: Any) -> str:
    """``doc.text``, joined on the first read and kept in ``doc.user_data``."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)
