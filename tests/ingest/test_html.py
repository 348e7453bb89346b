"""ingest.html: the HTML reader (trafilatura), on an invented page."""

from __future__ import annotations

from newsprism.ingest.html import extract
from newsprism.records import RawDocument

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


def test_ingest_html_reader_metadata_and_captions() -> None:
    (d,) = [extract(HTML, "x")]
    assert isinstance(d, RawDocument)
    assert d.title == "Ferry held in Skelby as storm nears"
    assert d.url == "https://www.skelbypost.example/2025/02/04/ferry"
    assert d.site_name == "Skelby Post"
    assert d.published == "2025-02-04T18:30:00+01:00"
    assert d.authors == ("Kari Holm",)
    assert d.captions == ("The ferry at its berth. (Photo: Kari Holm)",)
    assert P in d.text.split("\n")
    assert "Home" not in d.text
