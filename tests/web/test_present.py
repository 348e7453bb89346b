"""web.present: what the templates show, escaped."""

from __future__ import annotations

import pytest

from newsprism.web.present import safe_url


@pytest.mark.parametrize(("url", "kept"), [
    ("https://www.example.com/a?b=1", True), ("http://example.com", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("/relative/path", False),
    ("//example.com/x", False), ("ftp://example.com/x", False), ("https://", False), (None, False),
], ids=lambda v: str(v))
def test_web_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("The gate of the <dam> failed.", "dam", "The gate of the &lt;<mark>dam</mark>&gt; failed."),
    ("Spillways were shut.", "spill*", "<mark>Spillways</mark> were shut."),
    ("Nothing here.", "zeppelin", "Nothing here."),
    ("A <b>bold</b> word.", '"bold" AND word', "A &lt;b&gt;<mark>bold</mark>&lt;/b&gt; word."),
], ids=["escaped", "prefix", "no-hit", "operators"])
def test_web_search_snippet_marks_the_word_and_escapes(text: str, query: str, expected: str) -> None:
    from newsprism.web.present import snippet

    assert str(snippet(text, query)) == expected
