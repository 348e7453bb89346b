"""formats: the format of an input, named from its first bytes."""

from __future__ import annotations

import pytest

from newsprism.formats import sniff


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        ('{"title": "x"}', "json"),
        ('[{"title": "x"}]', "json"),
        ('{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("<!DOCTYPE html><html>", "html"),
        ("<div><p>hello</p></div>", "html"),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Coast Radio</title>', "feed"),
        ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire', "feed"),
        ('<?xml version="1.0"?><catalog><book/></catalog>', "xml"),
        ("Ferry held\n\nThe harbour master said", "text"),
        ("\ufeff{\"title\": 1}", "json"),
    ],
    ids=["json", "json-array", "jsonl", "html", "html-fragment", "rss", "atom", "other-xml", "text", "bom-json"],
)
def test_ingest_sniff(head: str, fmt: str) -> None:
    assert sniff(head.encode("utf-8")) == fmt
