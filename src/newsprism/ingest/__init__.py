"""Readers: bytes of one input -> RawDocuments, the format sniffed.

The format comes from the content, never from the file name. Each reader has a
``detect`` test on the decoded head of the input; :data:`READERS` is the
registry the built-ins use, in the order they are tried.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes
from lxml import etree

from ..errors import InputError
from ..formats import BOMS
from ..formats import sniff as sniff  # re-exported: its old home
from ..records import Decoded, Input, Problem, RawDocument
from ..settings import Settings

_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)


# ---------------------------------------------------------------- decoding


def decode(data: bytes, source: str) -> Decoded:
    """Decode bytes to text, with the encoding read.

    UTF-8 and UTF-16 with a byte-order mark first, then strict UTF-8, then a
    charset declared in HTML, then charset-normalizer's best guess among
    legacy encodings. Raise InputError for binary or undecodable input.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"not text: starts like {what}")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(source, f"undecodable bytes after a {encoding} byte-order mark "
                                 f"(at byte {exc.start})") from None
    if b"\x00" in data:  # anywhere, not only at the head
        raise InputError(source, "not text: holds NUL bytes (a binary file)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _decode_lines(data, source)
    if mixed is not None:
        return mixed
    declared = _META_CHARSET_RE.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return Decoded(data.decode(name), name.lower())
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data[:65536]).best()
    if best is None or best.chaos > 0.3:
        raise InputError(
            source,
            "undecodable bytes: not UTF-8, UTF-16 or a recognisable legacy encoding",
        )
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except (LookupError, UnicodeDecodeError):
        raise InputError(source, f"undecodable bytes (guessed {best.encoding}, which fails)") from None


#: Line numbers named in a mixed-encoding label or message, at most.
_MAX_LINES_NAMED = 5
#: A file is UTF-8 with some legacy lines (not legacy throughout) when at least
#: one in this many of its non-ASCII lines is valid UTF-8.
_MIN_UTF8_SHARE = 4


def _decode_lines(data: bytes, source: str) -> Decoded | None:
    """Text that is UTF-8 (it holds UTF-8 multi-byte sequences) except some
    lines: those lines are read as cp1252 and the encoding says which, e.g.
    ``utf-8; cp1252 on line 3``. Raise InputError when such a line is not
    cp1252 either. None when few of its non-ASCII lines are UTF-8 (a legacy
    encoding throughout: the caller decides)."""
    lines = data.split(b"\n")
    out: list[str] = []
    legacy: list[int] = []
    utf8_lines = 0
    for n, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            legacy.append(n)
            out.append("")
            continue
        utf8_lines += not line.isascii()
        out.append(text)
    if utf8_lines * _MIN_UTF8_SHARE < len(legacy):
        return None  # legacy throughout, a byte pair or two that happen to be valid UTF-8 aside
    bad: list[int] = []
    for n in legacy:
        try:
            out[n - 1] = lines[n - 1].decode("cp1252")
        except UnicodeDecodeError:
            bad.append(n)
    if bad:
        raise InputError(source, f"mixed encodings: UTF-8, but {_line_list(bad)} neither UTF-8 nor "
                                 "cp1252; convert the file to UTF-8")
    return Decoded("\n".join(out), f"utf-8; cp1252 on {_line_list(legacy)}")


def _line_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:_MAX_LINES_NAMED])
    more = f" and {len(numbers) - _MAX_LINES_NAMED} more" if len(numbers) > _MAX_LINES_NAMED else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


# ---------------------------------------------------------------- sniffing


# ---------------------------------------------------------------- readers


@dataclass(frozen=True, slots=True)
class Reader:
    """A format: its name and the function that reads it."""

    name: str
    read: Callable[[str, str, int], Iterator[RawDocument | Problem]]


def _read_text(text: str, source: str, first_line: int) -> Iterator[RawDocument | Problem]:
    yield RawDocument(source=source, format="text", encoding="", text=text)


def _read_html(text: str, source: str, first_line: int) -> Iterator[RawDocument | Problem]:
    from .html import extract

    yield extract(text, source)


def _read_feed(text: str, source: str, first_line: int) -> Iterator[RawDocument | Problem]:
    from .feed import entries

    yield from entries(text, source)


def _read_json(text: str, source: str, first_line: int) -> Iterator[RawDocument | Problem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON at line {exc.lineno}, column {exc.colno}: "
                         f"{_json_msg(exc)}") from None
    except (RecursionError, ValueError) as exc:
        raise InputError(source, _json_refused(exc)) from None
    items = data if isinstance(data, list) else [data]
    many = isinstance(data, list)
    for i, obj in enumerate(items):
        where = f"{source}#{i}" if many else source
        try:
            yield _from_object(obj, where, "json", item=i if many else None)
        except InputError as exc:
            yield Problem(exc.path, exc.reason)


def _read_jsonl(text: str, source: str, first_line: int) -> Iterator[RawDocument | Problem]:
    for n, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"malformed JSON at column {exc.colno}: {_json_msg(exc)}")
            continue
        except (RecursionError, ValueError) as exc:
            yield Problem(where, _json_refused(exc))
            continue
        try:
            yield _from_object(obj, where, "jsonl", raw=line)
        except InputError as exc:
            yield Problem(exc.path, exc.reason)


def _json_refused(exc: Exception) -> str:
    """Why well-formed JSON that Python will not parse is refused."""
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to read (arrays or objects inside one another)"
    if "integer string conversion" in str(exc):
        return "JSON holds a number with too many digits to read"
    return f"unreadable JSON ({exc})"


def _json_msg(exc: json.JSONDecodeError) -> str:
    """The json module's message without its dangling "starting at" / "at"
    (it expects the position to follow, as in ``str(exc)``)."""
    return re.sub(r"\s+(starting )?at$", "", exc.msg)


READERS: dict[str, Reader] = {
    "text": Reader("text", _read_text),
    "html": Reader("html", _read_html),
    "json": Reader("json", _read_json),
    "jsonl": Reader("jsonl", _read_jsonl),
    "feed": Reader("feed", _read_feed),
}


def read(item: Input, settings: Settings) -> Iterator[RawDocument | Problem]:
    """Read one input into RawDocuments; a bad item becomes a Problem.

    Raises InputError when the whole input is unreadable (binary, empty,
    undecodable, malformed); a multi-item input (JSON Lines, a feed, a JSON
    array) yields a Problem per bad item and goes on.
    """
    text, encoding = decode(item.data, item.source)
    fmt = settings.format or sniff(text)
    if fmt == "xml":
        raise InputError(item.source, "XML, but not an RSS or Atom feed; pass --format to override")
    if item.chunked and fmt == "json":
        fmt = "jsonl"
    if fmt in ("html", "feed"):
        _markup_bounded(text, item.source, fmt, settings)
    reader = READERS[fmt]
    whole: str | None = None
    for doc in reader.read(text, item.source, item.first_line):
        if isinstance(doc, Problem):
            yield doc
            continue
        if doc.raw:
            yield _with(doc, encoding=encoding, raw_id=raw_id(doc.raw))
        else:
            whole = whole or raw_id(item.data)
            yield _with(doc, encoding=encoding, raw_id=whole)


def _markup_bounded(text: str, source: str, fmt: str, settings: Settings) -> None:
    """Raise InputError when an HTML page or feed holds more elements, or
    nests them deeper, than the settings allow: a pull parse that counts
    start events and stops at the first limit passed, so a hostile page
    costs a fraction of a second, not the minutes and gigabytes of parsing it
    whole (trafilatura, feedparser)."""
    parser: Any
    if fmt == "html":
        parser = etree.HTMLPullParser(events=("start", "end"))
    else:
        parser = etree.XMLPullParser(events=("start", "end"), recover=True,
                                     resolve_entities=False, no_network=True)
    what = "HTML page" if fmt == "html" else "feed"
    count = depth = 0
    for at in range(0, len(text), 1 << 20):
        try:
            parser.feed(text[at:at + (1 << 20)])
        except etree.LxmlError:
            return  # malformed: the reader says how
        for event, element in parser.read_events():
            if event == "end":
                depth -= 1
                element.clear()
                continue
            count += 1
            depth += 1
            if count > settings.max_markup_elements:
                raise InputError(source, f"{what} holds more than {settings.max_markup_elements:,} "
                                 "elements (max_markup_elements), more than any news page; refused")
            if depth > settings.max_markup_depth:
                raise InputError(source, f"{what} nests elements more than {settings.max_markup_depth} "
                                 "deep (max_markup_depth); refused")


def raw_id(data: bytes | str) -> str:
    """The content hash of raw input."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _with(doc: RawDocument, **changes: Any) -> RawDocument:
    from dataclasses import replace

    return replace(doc, **changes)


# ---------------------------------------------------------------- JSON objects


def _from_object(obj: Any, source: str, fmt: str, raw: str | None = None,
                 item: int | None = None) -> RawDocument:
    """A news-please object or one in newsprism's own schema -> RawDocument."""
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, found {type(obj).__name__}")
    text = _first_str(obj, "text", "maintext", "body", "content")
    paragraphs = obj.get("paragraphs")
    if text is None and isinstance(paragraphs, list):
        text = "\n\n".join(str(p) for p in paragraphs if isinstance(p, str))
    title = _first_str(obj, "title", "title_page", "title_rss", "headline")
    description = _first_str(obj, "description", "summary")
    if not text and not title and not description:
        keys = ", ".join(sorted(obj)[:8])
        raise InputError(source, f"JSON object has no title, text or description (keys: {keys})")
    authors = _str_list(obj, "authors", source) or _str_list(obj, "byline", source)
    captions = _str_list(obj, "captions", source)
    doc = RawDocument(
        source=source,
        format=fmt,
        encoding="",
        text=text or "",
        title=title,
        url=_first_str(obj, "url", "canonical_url"),
        site_name=_first_str(obj, "site_name"),
        domain=_first_str(obj, "source_domain"),
        outlet=_first_str(obj, "outlet"),
        authors=tuple(str(a) for a in authors if isinstance(a, str) and a.strip()),
        published=_first_str(obj, "published", "date_publish"),
        updated=_first_str(obj, "updated", "date_modify"),
        description=description,
        language=_first_str(obj, "language"),
        captions=tuple(c for c in captions if c.strip()),
        summary_only=not text and bool(description),
        item=item,
        raw=raw or "",
    )
    _no_surrogates(doc, source)
    return doc


def _str_list(obj: dict[str, Any], key: str, source: str) -> list[str]:
    """A field that holds a string or a list of strings (others ignored in a
    list); any other type is an InputError naming the field."""
    value = obj.get(key)
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    raise InputError(source, f"field {key!r} must be a string or a list of strings, not {_json_type(value)}")


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _no_surrogates(doc: RawDocument, source: str) -> None:
    """JSON may escape half of a UTF-16 pair (``"\\ud800"``), which is not text."""
    for f in dataclasses.fields(doc):
        value = getattr(doc, f.name)
        for v in value if isinstance(value, tuple) else (value,):
            if isinstance(v, str) and _SURROGATE.search(v):
                raise InputError(source, f"field {f.name!r} holds a lone surrogate (an escape such as "
                                         "\\ud800 that is half of a character)")


def _first_str(obj: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip() and value.strip() != "None":
            return value
    return None
