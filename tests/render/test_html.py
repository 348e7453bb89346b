"""render.html: the story and index pages of a dossier."""

from __future__ import annotations

import re

from newsprism.records import IndexEntry
from newsprism.render.html import index_page, story_page


def test_render_html_escapes_article_text(flood_story) -> None:
    d, arts = flood_story()
    page = story_page(d, arts)
    assert "<script" not in page and "<b>Courier" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and "http" not in page  # self-contained: no outside resource
    assert "<script" not in index_page([IndexEntry("s1.html", d)])


def test_render_html_marks_overlapping_spans_and_anchors_each() -> None:
    from newsprism.render.html import _marked

    text = "Alpha beta gamma.\n\nDelta epsilon."
    # a sentence, a quote inside it, and a span across the paragraph break
    out = _marked(text, [(0, 17, "s1"), (6, 10, "q1"), (11, 24, "x1")])
    for anchor in ("s1", "q1", "x1"):
        assert out.count(f'id="{anchor}"') == 1
    assert '<mark data-c="s1 q1">beta</mark>' in out
    assert '<mark data-c="s1 x1">gamma.</mark>' in out
    assert "\n\n" in out and '<mark data-c="x1">Delta</mark>' in out  # never a mark across paragraphs
    assert "".join(re.sub(r"<[^>]+>", "", out)) == text
