"""Readers: format sniffing, decoding, one reader per format."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import InputError
from newsprism.ingest import decode, read, sniff
from newsprism.inputs import Input
from newsprism.records import Problem, RawDocument
from newsprism.settings import Settings

S = Settings()
P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")

HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Ferry held | Skelby Post</title>
<meta property="og:site_name" content="Skelby Post">
<meta property="article:published_time" content="2025-02-04T18:30:00+01:00">
<meta name="author" content="Kari Holm">
<link rel="canonical" href="https://www.skelbypost.example/2025/02/04/ferry"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry held in Skelby as storm nears</h1>
<figure><img src="f.jpg"><figcaption>The ferry at its berth. (Photo: Kari Holm)</figcaption></figure>
<p>{P}</p><p>Passengers were offered blankets and hot drinks by volunteers from the town's
Red Cross branch, who said the terminal would stay open all night.</p>
<p>Forecasters expect winds of up to 110 kilometres per hour on the coast before dawn.</p>
</article><footer>© 2025 Skelby Post</footer></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Coast Radio</title><link>https://coastradio.example/</link>
<item><title>Ferry held</title><link>https://coastradio.example/a</link>
<pubDate>Tue, 04 Feb 2025 19:00:00 +0100</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>{P}</p><p>Second paragraph of the full text.</p>]]></content:encoded></item>
<item><title>Storm passes</title><link>https://coastradio.example/b</link>
<pubDate>Wed, 05 Feb 2025 08:00:00 +0100</pubDate>
<description>The storm passed overnight; the ferry will sail at noon.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title>
<entry><title>Ferry held</title><link href="https://wire.example/1"/><id>1</id>
<updated>2025-02-04T18:00:00Z</updated><author><name>Jo Lind</name></author>
<content type="html">&lt;p&gt;{P}&lt;/p&gt;</content></entry></feed>"""


def docs(data: str | bytes, source: str = "x") -> list[RawDocument | Problem]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return list(read(Input(source, raw), S))


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        ('{"title": "x"}', "json"),
        ('[{"title": "x"}]', "json"),
        ('{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("<!DOCTYPE html><html>", "html"),
        ("<div><p>hello</p></div>", "html"),
        (RSS[:200], "feed"),
        (ATOM[:200], "feed"),
        ('<?xml version="1.0"?><catalog><book/></catalog>', "xml"),
        ("Ferry held\n\nThe harbour master said", "text"),
        ("\ufeff{\"title\": 1}", "json"),
    ],
    ids=["json", "json-array", "jsonl", "html", "html-fragment", "rss", "atom", "other-xml", "text", "bom-json"],
)
def test_ingest_sniff(head: str, fmt: str) -> None:
    assert sniff(head.encode("utf-8")) == fmt


def test_ingest_sniff_ignores_the_file_name() -> None:
    (doc,) = docs(HTML, source="article.txt")
    assert isinstance(doc, RawDocument) and doc.format == "html"


def test_ingest_html_reader_metadata_and_captions() -> None:
    (d,) = docs(HTML)
    assert isinstance(d, RawDocument)
    assert d.title == "Ferry held in Skelby as storm nears"
    assert d.url == "https://www.skelbypost.example/2025/02/04/ferry"
    assert d.site_name == "Skelby Post"
    assert d.published == "2025-02-04T18:30:00+01:00"
    assert d.authors == ("Kari Holm",)
    assert d.captions == ("The ferry at its berth. (Photo: Kari Holm)",)
    assert P in d.text.split("\n")
    assert "Home" not in d.text


def test_ingest_rss_full_content_and_summary_only() -> None:
    a, b = docs(RSS)
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument)
    assert a.format == "rss" and not a.summary_only and a.text.split("\n")[0] == P
    assert a.site_name == "Coast Radio" and a.url == "https://coastradio.example/a"
    assert a.published == "Tue, 04 Feb 2025 19:00:00 +0100"
    assert b.summary_only and b.text == "The storm passed overnight; the ferry will sail at noon."
    assert a.source == "x#0" and b.source == "x#1"


def test_ingest_atom_entry() -> None:
    (a,) = docs(ATOM)
    assert isinstance(a, RawDocument)
    assert a.format == "atom" and a.authors == ("Jo Lind",) and a.text == P


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
