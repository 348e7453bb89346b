"""The format of an input, named from its first bytes.

Its own module, below both ``inputs`` (which sniffs the head of a large
stream to tell whether it may be streamed) and ``ingest`` (which picks a
reader), so that neither imports the other.
"""

from __future__ import annotations

import re

#: Byte order marks and the encodings they announce.
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
FEED_RE = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.I)
HTML_RE = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)


def sniff(data: bytes | str, partial: bool = False) -> str:
    """Name the format of an input from its first bytes.

    Returns one of ``text``, ``html``, ``json``, ``jsonl``, ``feed``, or
    ``xml`` (XML that is not a feed). ``partial`` says the data is only the
    head of a larger input.
    """
    head = data[:4096] if isinstance(data, str) else _head_text(data)
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        if stripped.startswith("["):
            return "json"
        first, _, rest = stripped.partition("\n")
        if rest.lstrip().startswith("{") and first.rstrip().endswith("}"):
            return "jsonl"
        return "json"
    if stripped.startswith("<"):
        if FEED_RE.search(head):
            return "feed"
        if HTML_RE.search(head):
            return "html"
        if stripped.startswith("<?xml"):
            return "xml"
        return "html"
    return "text"


def _head_text(data: bytes) -> str:
    head = data[:4096]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head.decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")
