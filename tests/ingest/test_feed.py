"""ingest.feed: the RSS and Atom reader (feedparser), on invented feeds."""

from __future__ import annotations

from newsprism.ingest.feed import entries
from newsprism.records import RawDocument

P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")

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


def test_ingest_rss_full_content_and_summary_only() -> None:
    a, b = entries(RSS, "x")
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument)
    assert a.format == "rss" and not a.summary_only and a.text.split("\n")[0] == P
    assert a.site_name == "Coast Radio" and a.url == "https://coastradio.example/a"
    assert a.published == "Tue, 04 Feb 2025 19:00:00 +0100"
    assert b.summary_only and b.text == "The storm passed overnight; the ferry will sail at noon."
    assert a.source == "x#0" and b.source == "x#1"


def test_ingest_atom_entry() -> None:
    (a,) = entries(ATOM, "x")
    assert isinstance(a, RawDocument)
    assert a.format == "atom" and a.authors == ("Jo Lind",) and a.text == P
