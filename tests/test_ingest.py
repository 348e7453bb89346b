"""Readers: format sniffing, decoding, one reader per format."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import InputError
from newsprism.ingest import decode, read
from newsprism.inputs import Input
from newsprism.records import Problem, RawDocument
from newsprism.settings import Settings

S = Settings()
P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")


def docs(data: str | bytes, source: str = "x") -> list[RawDocument | Problem]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return list(read(Input(source, raw), S))


def test_ingest_sniff_ignores_the_file_name() -> None:
    page = f"<!DOCTYPE html><html><head><title>Ferry held</title></head><body><article><p>{P}</p></article></body></html>"
    (doc,) = docs(page, source="article.txt")
    assert isinstance(doc, RawDocument) and doc.format == "html"


def test_ingest_news_please_object() -> None:
    obj = {"title": "Ferry held", "text": P, "description": "d", "date_publish": "2025-02-04 18:00:00",
           "date_modify": "None", "source_domain": "www.skelbypost.example", "authors": ["Kari Holm"],
           "url": "https://www.skelbypost.example/a", "language": "en"}
    (d,) = docs(json.dumps(obj))
    assert isinstance(d, RawDocument)
    assert (d.title, d.text, d.published, d.updated, d.domain, d.authors) == (
        "Ferry held", P, "2025-02-04 18:00:00", None, "www.skelbypost.example", ("Kari Holm",))


def test_ingest_own_schema_paragraphs_and_outlet() -> None:
    obj = {"newsprism": 1, "title": "Ferry held", "paragraphs": [P, "Second."], "outlet": "Skelby Post",
           "byline": ["Kari Holm"], "published": "2025-02-04T18:00:00+01:00", "captions": ["A ferry."]}
    (d,) = docs(json.dumps(obj))
    assert isinstance(d, RawDocument)
    assert d.text == f"{P}\n\nSecond." and d.outlet == "Skelby Post" and d.captions == ("A ferry.",)


def test_ingest_jsonl_bad_line_is_a_problem_and_others_go_on() -> None:
    lines = [json.dumps({"title": "A", "text": P}), "{not json", json.dumps({"title": "B", "text": P})]
    out = docs("\n".join(lines), source="f.jsonl")
    assert [type(x).__name__ for x in out] == ["RawDocument", "Problem", "RawDocument"]
    bad = out[1]
    assert isinstance(bad, Problem) and bad.path == "f.jsonl:2" and bad.reason.startswith("malformed JSON")


def test_ingest_json_object_without_text_is_a_problem() -> None:
    (p,) = docs('[{"foo": 1}]', source="f.json")
    assert isinstance(p, Problem) and p.path == "f.json#0" and "no title, text or description" in p.reason


def test_ingest_other_xml_is_refused() -> None:
    with pytest.raises(InputError, match=r"^f.xml: XML, but not an RSS or Atom feed"):
        docs('<?xml version="1.0"?><catalog><book/></catalog>', source="f.xml")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Привет, это новости о пароме в городе.".encode("cp1251"), "Привет, это новости о пароме в городе.", "cp1251"),
        ("Le ferry est bloqué à Skelby, déclare le maître du port.".encode("latin-1"),
         "Le ferry est bloqué à Skelby, déclare le maître du port.", None),
        ("\ufeffFerry ‘held’".encode("utf-8"), "Ferry ‘held’", "utf-8"),
        ("\ufeffFerry ‘held’".encode("utf-16-le"), "Ferry ‘held’", "utf-16"),
        ("\ufeffFerry ‘held’".encode("utf-16-be"), "Ferry ‘held’", "utf-16"),
    ],
    ids=["cp1251", "latin-1", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_ingest_decode(data: bytes, text: str, encoding: str | None) -> None:
    got, enc = decode(data, "x")
    assert got == text
    if encoding:
        assert enc == encoding


def test_ingest_decode_refuses_a_pdf() -> None:
    with pytest.raises(InputError, match=r"^a.txt: not text: starts like a PDF$"):
        decode(b"%PDF-1.7\n...", "a.txt")
