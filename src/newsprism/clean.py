"""RawDocument -> Article: title, dateline, byline, outlet, captions, language;
boilerplate and repeats removed, each removal logged with its reason.

The cleaned body is the kept paragraphs, whitespace collapsed and quotes
straightened (one character for one), joined by blank lines. An
:class:`~newsprism.records.OffsetMap` maps any span of it back to the source
text the reader produced, so nothing is cited that the source did not say.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import outlets as _outlets
from .errors import InputError, SettingsError
from .lexicon import BYLINE_AGENCIES
from .records import Article, Caption, OffsetMap, OutletTable, PrintedName, RawDocument, Removal, TimeZoneNote
from .settings import Settings

_WS = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
_ODD_SPACE = re.compile(r"[^\S ]|  |^ | $|[\u00a0\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})  # fmt: skip
_KEY_DROP = re.compile(r"[^\w\s]|_")
_DATE = r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{2}:?\d{2}|Z|UTC|GMT|KST|JST))?)?"
#: A line of publication (and update) times: "Published: 2023-09-16 10:00 | Updated: ...". The removal
#: log calls it a dateline; it is no wire dateline ("SEOUL (AP) -", lexicon.wire_dateline), which
#: opens the body and stays in it.
_PUBLISHED_LINE = re.compile(
    rf"^(?:(?:published|posted|updated|modified|last updated|date)\s*:?\s*)?(?P<pub>{_DATE})"
    rf"(?:\s*[|,/]\s*(?:(?:updated|modified|last updated)\s*:?\s*)?(?P<upd>{_DATE}))?$",
    re.I,
)
_MONTHS = {name: n for n, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
#: time zones a date line may name; those of the United States mean the month is written first ("01/05/2011")
_US_ZONES = r"E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T"
_ZONE = rf"(?:UTC|GMT|{_US_ZONES}|BST|CES?T|IST)\b"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?\s?m\b\.?)?(?:\s*{_ZONE})?"
_NAMED = (rf"(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
          rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+(?:19|20)\d{{2}}")
#: A line holding only a date, as pages print one over or under their title:
#: "Monday, March 11, 2013 23:51", "December 15th, 2008, 7:35 am", "11 March 2013",
#: "Posted 11/27/2005 7:21 AM", "Posted at 3:21 PM ET, 01/5 / 2011", "Updated: November 11, 2011 20:09 IST";
#: a trailing "/ Updated at 12:48 PM" or "Last Updated: Nov 27, 2005 8:10 PM ET" belongs to it.
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|modified|last\s+updated|date)\s*:?\s*(?:on\s+|at\s+)?)?"
    rf"(?:(?P<h0>\d{{1,2}})[:.](?P<mi0>\d{{2}})\s*(?P<ap0>[ap]\.?\s?m\b\.?)?(?:\s*(?P<z0>{_ZONE}))?\s*,?\s*(?:on\s+)?)?"
    rf"{_WEEKDAY}?"
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d{{2}})"
    r"|(?P<n1>\d{1,2})\s*/\s*(?P<n2>\d{1,2})\s*/\s*(?P<n3>(?:19|20)\d{2}|\d{2})(?!\d))"
    rf"(?:\s*[,|]?\s*(?:at\s+|@\s*)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ap>[ap]\.?\s?m\b\.?)?(?:\s*(?P<z>{_ZONE}))?)?"
    rf"(?:\s*[/|,]?\s*(?:last\s+)?updated\s*:?\s*(?:at\s+|on\s+)?{_WEEKDAY}?(?:(?:{_NAMED})\s*,?\s*(?:at\s+)?)?(?:{_CLOCK})?)?"
    r"\s*\.?$",
    re.I,
)
#: A line holding only a URL (saved pages and corpora put the address first),
#: spaces a tokenizer put inside it allowed ("http://example. com/a. html").
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+(?:\s\S+){0,30}$", re.I)
#: A date in a URL's path: /2013/05/03/, /2013-05-03-.
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/.\-_]|$)")
_BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?P<names>[A-Z][\w.'’\- ]+(?:(?:,|\band\b|&)\s*[A-Z][\w.'’\- ]+)*)\.?$")
_SENTENCE_END = re.compile(r"[.!?:;\"')]$")
_FULL_STOP = re.compile(r"\w[.!?][\"']?$")
_NAME_CREDIT = re.compile(r"\s*\((?P<credit>[A-Z][A-Za-z]{1,11})\)$")
_WIRE_SUFFIX = re.compile(r",?\s*(?:for |of )?(?:the )?(?:" + "|".join(BYLINE_AGENCIES) + ")$", re.I)


@dataclass(frozen=True, slots=True)
class _Rules:
    max_words: int
    promo: tuple[re.Pattern[str], ...]
    copyright: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    ui_residue: re.Pattern[str]
    caption: tuple[re.Pattern[str], ...]
    credit: tuple[re.Pattern[str], ...]
    long_boilerplate: tuple[re.Pattern[str], ...]
    photo_credit: tuple[re.Pattern[str], ...]
    inline: tuple[tuple[str, re.Pattern[str], str], ...]  # (reason, pattern, a word it needs)
    blocks: tuple[_BlockRule, ...]
    caption_trim: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class _BlockRule:
    """A kind of block of page furniture, recognised in a whole paragraph."""

    kind: str  # what it recognises ("video player controls"); the removal's detail
    reason: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]  # the paragraph must hold one of these for the pattern to be tried
    max_words: int  # the most words of the paragraph (with items: of each caption)
    items: re.Pattern[str] | None  # separates the captions of one paragraph
    series: bool  # applies only when another paragraph of the article matches too
    after: re.Pattern[str] | None  # the paragraph before must match this (an embed's introduction)


#: Reasons an ``inline`` rule may give (see boilerplate.toml).
_INLINE_REASONS = frozenset({"ui-residue", "boilerplate", "copyright", "caption"})
#: Reasons a ``block`` rule may give.
_BLOCK_REASONS = frozenset({"ui-residue", "boilerplate", "copyright", "caption", "embed"})


def _spaces(pattern: str) -> str:
    """A literal space in an inline pattern (outside a character class)
    matches any run of white space."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(r"\s+")
        else:
            out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    text = resources.files("newsprism").joinpath("data/boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in data[key])

    residue = "|".join(re.escape(r) for r in sorted(data["ui_residue"], key=len, reverse=True))
    agency = data["photo_agency"]
    inline_patterns = [_spaces(rule["pattern"].replace("{agency}", agency)) for rule in data.get("inline", [])]
    for rule in data.get("inline", []):
        if rule["reason"] not in _INLINE_REASONS:
            raise ValueError(f"boilerplate.toml: inline reason {rule['reason']!r} is not one of "
                             f"{sorted(_INLINE_REASONS)}")
    inline = tuple((rule["reason"], re.compile(p), rule["needs"])
                   for rule, p in zip(data.get("inline", []), inline_patterns, strict=True))

    def fill(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern.replace("{agency}", agency))

    blocks = []
    for rule in data.get("block", []):
        if rule["reason"] not in _BLOCK_REASONS:
            raise ValueError(f"boilerplate.toml: block reason {rule['reason']!r} is not one of "
                             f"{sorted(_BLOCK_REASONS)}")
        if "items" in rule and rule["reason"] != "caption":
            raise ValueError(f"boilerplate.toml: block {rule['kind']!r}: only captions have items")
        pattern = fill(rule["pattern"])
        if len({"part", "parts"} & set(pattern.groupindex)) == 1:
            raise ValueError(f"boilerplate.toml: block {rule['kind']!r}: a counter needs both groups "
                             "'part' and 'parts'")
        needs = rule["needs"]
        blocks.append(_BlockRule(rule["kind"], rule["reason"], pattern,
                                 (needs,) if isinstance(needs, str) else tuple(needs),
                                 int(rule["max_words"]),
                                 fill(rule["items"]) if "items" in rule else None,
                                 bool(rule.get("series", False)),
                                 re.compile(rule["after"]) if "after" in rule else None))
    return _Rules(
        max_words=int(data["max_words"]),
        promo=compile_all("promo"),
        copyright=compile_all("copyright"),
        boilerplate=compile_all("boilerplate"),
        ui_residue=re.compile(residue),
        caption=compile_all("caption"),
        credit=compile_all("credit"),
        long_boilerplate=compile_all("long_boilerplate"),
        photo_credit=compile_all("photo_credit"),
        inline=inline,
        blocks=tuple(blocks),
        caption_trim=tuple(fill(p) for p in data["caption_trim"]),
    )


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    text: str  # whitespace-normalised, quotes straightened
    anchors: list[tuple[int, int]]  # (offset in text, source offset)
    cuts: list[tuple[int, int]]


def clean(doc: RawDocument, settings: Settings) -> Article:
    """Clean one RawDocument into an Article. Never drops text silently:
    whatever is not body is a caption or a logged Removal."""
    rules = _rules()
    table = _outlets.table(settings)
    src = doc.text
    removals: list[Removal] = []
    captions: list[Caption] = []
    caption_keys: set[str] = set()
    for text in doc.captions:
        key = _key(text)
        if key and key not in caption_keys:
            caption_keys.add(key)
            captions.append(Caption(_squash_plain(text), -1, -1))
    figure_keys = frozenset(caption_keys)  # the page's own captions (<figcaption>), not found in the text
    printed: list[PrintedName] = []
    byline: list[str] = list(doc.authors)
    published_raw, updated_raw = doc.published, doc.updated
    credit: str | None = None
    title = _squash_plain(doc.title) if doc.title else None

    n_paragraphs = (sum(1 for _ in _BLANK_LINE.finditer(src)) if _BLANK_LINE.search(src) else src.count("\n")) + 1
    if n_paragraphs > settings.max_paragraphs:  # counted before any is built: memory stays bounded
        raise InputError(doc.source, f"text holds more than {settings.max_paragraphs:,} paragraphs "
                         "(max_paragraphs), more than any news article; refused")
    blocks = _blocks(src)
    url = doc.url
    date_line: str | None = None  # a publication time inferred from a lone date line
    if title is None and doc.format == "text":
        # over the title: the page's address, a date line; neither is the title
        while blocks and (_url_line(src, blocks[0]) or is_date_line(blocks[0].text)):
            top = blocks.pop(0)
            if _url_line(src, top):
                url = url or _WS.sub("", top.text)
                removals.append(Removal("url", src[top.start:top.end], top.start, top.end,
                                        "the article's address, kept as its URL"))
            else:
                date_line = date_line or date_only_line(top.text)
                removals.append(Removal("dateline", src[top.start:top.end], top.start, top.end,
                                        _DATE_LINE_DETAIL))
    if title is None and doc.format == "text" and blocks:
        first = blocks.pop(0)
        title = _squash_plain(src[first.start:first.end])
        removals.append(Removal("title", src[first.start:first.end], first.start, first.end))
    title_key = _key(title) if title else None

    inline_rules = [r for r in rules.inline if r[2] in src]
    block_rules = [r for r in rules.blocks if _holds(src, r.needs)]
    in_series = _series(blocks, [r for r in block_rules if r.series])
    kept: list[_Block] = []
    kept_keys: dict[str, int] = {}
    kept_shingles = _RepeatIndex(settings.repeat_similarity, blocks)
    m: re.Match[str] | None
    before = ""  # the paragraph before this one, whatever became of it
    for block in blocks:
        previous, before = before, block.text
        cuts: list[tuple[int, int]] = []
        for m in rules.ui_residue.finditer(src, block.start, block.end):
            removals.append(Removal("ui-residue", m.group(), m.start(), m.end()))
            cuts.append((m.start(), m.end()))
        inline = [r for r in inline_rules if src.find(r[2], block.start, block.end) >= 0]
        if inline:
            for cut in _inline_cuts(src, block.start, block.end, inline, cuts, settings.caption_max_words):
                cuts.append((cut.start, cut.end))
                if cut.caption is None:
                    removals.append(Removal(cut.reason, src[cut.start:cut.end], cut.start, cut.end, cut.detail))
                    continue
                c_text, c_start = cut.caption
                c_key = _key(c_text)
                if c_key in caption_keys:
                    removals.append(Removal("caption-repeat", src[cut.start:cut.end], cut.start, cut.end))
                else:
                    caption_keys.add(c_key)
                    captions.append(Caption(c_text, c_start, cut.end))
                    removals.append(Removal("caption", src[cut.start:cut.end], cut.start, cut.end,
                                            "kept as a caption"))
        if cuts:
            block = _make_block(src, block.start, block.end, cuts)
            if not block.text:
                continue
        raw = _without(src, block.start, block.end, block.cuts)
        text = block.text
        words = len(text.split())
        key = _key(text)
        reason, detail = None, None
        short = words <= rules.max_words
        hit = _block_rule(block_rules, text, words, in_series, previous) if block_rules else None
        if title_key and key == title_key:
            reason = "title-repeat"
        elif hit is not None:
            rule, hit_match = hit
            reason, detail = rule.reason, rule.kind
            if rule.reason == "caption":
                detail = f"kept as a caption: {rule.kind}"
                for c_text, c_start, c_end in _block_captions(rule, hit_match, block, rules.caption_trim):
                    c_key = _key(c_text)
                    if c_key and c_key not in caption_keys:
                        caption_keys.add(c_key)
                        captions.append(Caption(c_text, c_start, c_end))
        elif _first_match(rules.long_boilerplate, text):
            reason = "boilerplate"
        elif short and (m := _PUBLISHED_LINE.match(text)):
            reason = "dateline"
            published_raw = published_raw or m.group("pub")
            updated_raw = updated_raw or m.group("upd")
        elif short and not kept and is_date_line(text):
            reason, detail = "dateline", _DATE_LINE_DETAIL
            date_line = date_line or date_only_line(text)
        elif short and (m := _first_match(rules.credit, text)):
            reason = "credit"
            credit = credit or m.group("credit")
            found = re.search(_DATE, text)
            if found:
                if re.search(r"updated", text, re.I):
                    updated_raw = updated_raw or found.group()
                else:
                    published_raw = published_raw or found.group()
        elif short and (m := _BYLINE.match(text)):
            reason = "byline"
            byline.extend(n for n in _names(m.group("names")) if n not in byline)
        elif short and (m := _first_match(rules.promo, text)):
            reason = "promo"
            printed.append(PrintedName(m.group("outlet"), "promo line"))
        elif short and _first_match(rules.photo_credit, text):
            reason = "copyright"
            detail = "a photo's copyright or credit; not the outlet"
        elif short and (m := _first_match(rules.copyright, text)):
            reason = "copyright"
            holder = _copyright_holder(m.group("outlet"))
            if holder:
                printed.append(PrintedName(holder, "copyright line"))
        elif short and _first_match(rules.boilerplate, text):
            reason = "boilerplate"
        elif key in caption_keys and (key in figure_keys or not _FULL_STOP.search(text)):
            # a sentence that repeats a caption found in the text is the
            # article's own text: a caption often copies a sentence of the body
            reason = "caption-repeat"
        elif words <= 60 and _first_match(rules.caption, text):
            reason = "caption"
            caption_keys.add(key)
            c_a, c_b = _trimmed(text, 0, len(text), rules.caption_trim)
            if c_a < c_b:
                caption_keys.add(_key(text[c_a:c_b]))
                captions.append(Caption(text[c_a:c_b], _source_pos(block, c_a), _source_pos(block, c_b)))
            else:
                captions.append(Caption(text, block.start, block.end))
            detail = "kept as a caption"
        elif not key:
            reason = "empty-markup"
        elif not kept and words <= 4 and not _SENTENCE_END.search(text):
            reason = "kicker"
        else:
            seen = kept_keys.get(key)
            mine = _shingles(key) if words >= 8 else None
            if seen is None and mine is not None:
                seen = _near_repeat(mine, kept_shingles)
            if seen is not None:
                reason = "repeated-paragraph"
                detail = f"repeats paragraph {seen + 1}"
        if reason is None:
            kept_keys.setdefault(key, len(kept))
            if mine is not None:
                kept_shingles.add(mine, len(kept))
            kept.append(block)
        else:
            removals.append(Removal(reason, raw, block.start, block.end, detail))

    names: list[str] = []
    for name in byline:
        found = _NAME_CREDIT.search(name)
        if found:
            credit = credit or found.group("credit")
            name = name[: found.start()]
        name = _strip_wire(name)
        if name and name not in names:
            names.append(name)
    paragraphs = tuple(b.text for b in kept)
    anchors: list[tuple[int, int]] = []
    pos = 0
    for b in kept:
        anchors.extend((pos + c, s) for c, s in b.anchors)
        pos += len(b.text) + 2
    outlet, evidence = _outlets.decide(
        explicit=doc.outlet, url=url, domain=doc.domain, site_name=doc.site_name,
        printed=printed, outlets=table,
    )
    inferred = None
    if not published_raw and not updated_raw:
        inferred = date_line or _url_date(url)
    published, updated, zone = _times(inferred or published_raw, updated_raw, outlet, doc, table)
    body_words = sum(len(p.split()) for p in paragraphs)
    flags = []
    if body_words < settings.min_body_words:
        flags.append("empty")
    if doc.summary_only:
        flags.append("summary-only")
    if published is None:
        flags.append("undated")
    elif inferred:
        flags.append("published-inferred")
    sample = "\n".join(paragraphs)[: settings.language_sample_chars]
    if len(sample) < settings.min_language_chars:
        sample = " ".join(x for x in (title, doc.description, sample) if x)
    language = detect_language(sample, settings.languages, settings.min_language_chars) or doc.language
    return Article(
        article_id=article_id(doc),
        source=doc.source,
        format=doc.format,
        encoding=doc.encoding,
        url=url,
        outlet=outlet,
        outlet_evidence=evidence,
        title=title,
        byline=tuple(names),
        credit=credit,
        published=published,
        updated=updated,
        time_zone=zone,
        language=language,
        paragraphs=paragraphs,
        captions=tuple(captions),
        removals=_runs(sorted(removals, key=lambda r: (r.start, r.end)), src, settings.removal_run),
        flags=tuple(flags),
        description=_squash_plain(doc.description) if doc.description else None,
        source_text=src,
        offsets=OffsetMap(_compact(anchors)),
        raw_id=doc.raw_id,
        item=doc.item,
    )


def _runs(removals: list[Removal], src: str, min_run: int) -> tuple[Removal, ...]:
    """The removals, each run of ``min_run`` (``Settings.removal_run``) or more consecutive ones of one
    reason and detail, separated by whitespace alone, as one removal: its span
    and text the whole run's, its detail saying how many (a page of a million
    kicker lines is one row, not a million)."""
    out: list[Removal] = []
    i = 0
    while i < len(removals):
        first = last = removals[i]
        j = i + 1
        while (j < len(removals) and removals[j].reason == first.reason
               and removals[j].detail == first.detail and removals[j].start >= last.end
               and not src[last.end:removals[j].start].strip()):
            last = removals[j]
            j += 1
        if j - i >= min_run:
            detail = f"a run of {j - i} removals" + (f"; {first.detail}" if first.detail else "")
            out.append(Removal(first.reason, src[first.start:last.end], first.start, last.end, detail))
        else:
            out.extend(removals[i:j])
        i = j
    return tuple(out)


def article_id(doc: RawDocument) -> str:
    """A content hash of what the source said: the same article read twice
    gets the same id; a wire story printed by two outlets gets two."""
    ident = [doc.url or "", doc.outlet or "", doc.domain or "", doc.site_name or "",
             _squash_plain(doc.title or ""), " ".join(doc.text.split())]
    return hashlib.sha256(json.dumps(ident, ensure_ascii=False).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- paragraphs


def _blocks(src: str) -> list[_Block]:
    """Paragraphs of the source: blank-line separated blocks when the text has
    blank lines, else one line each."""
    if _BLANK_LINE.search(src):
        spans, pos = [], 0
        for m in _BLANK_LINE.finditer(src):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(src)))
    else:
        spans, pos = [], 0
        for line in src.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    out = []
    for start, end in spans:
        while start < end and src[start].isspace():
            start += 1
        while end > start and src[end - 1].isspace():
            end -= 1
        block = _make_block(src, start, end, [])
        if block.text:
            out.append(block)
    return out


def _make_block(src: str, start: int, end: int, cuts: list[tuple[int, int]]) -> _Block:
    """Normalise src[start:end] minus cuts, recording offset anchors."""
    if not cuts:
        plain = src[start:end]
        if not _ODD_SPACE.search(plain):  # single plain spaces only: one anchor
            return _Block(start, end, plain.translate(_QUOTES), [(0, start)], [])
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos = 0
    delta: int | None = None
    segments, cur = [], start
    for a, b in sorted(cuts):
        segments.append((cur, a))
        cur = b
    segments.append((cur, end))
    for seg_start, seg_end in segments:
        last = seg_start
        for m in _WS.finditer(src, seg_start, seg_end):
            chunk_start = last
            chunk = src[chunk_start:m.start()]
            if chunk:
                if pos and not pieces[-1].endswith(" "):
                    pieces.append(" ")
                    pos += 1
                if delta != chunk_start - pos:
                    delta = chunk_start - pos
                    anchors.append((pos, chunk_start))
                pieces.append(chunk)
                pos += len(chunk)
            if pos and not pieces[-1].endswith(" "):
                pieces.append(" ")
                pos += 1
                if delta != m.start() - (pos - 1):
                    delta = m.start() - (pos - 1)
                    anchors.append((pos - 1, m.start()))
            last = m.end()
        chunk = src[last:seg_end]
        if chunk:
            if pos and not pieces[-1].endswith(" "):
                pieces.append(" ")
                pos += 1
            if delta != last - pos:
                delta = last - pos
                anchors.append((pos, last))
            pieces.append(chunk)
            pos += len(chunk)
    text = "".join(pieces).rstrip(" ").translate(_QUOTES)
    return _Block(start, end, text, anchors, cuts)


def _without(src: str, start: int, end: int, cuts: list[tuple[int, int]]) -> str:
    """src[start:end] with the cut spans left out (already logged apart)."""
    out, cur = [], start
    for a, b in sorted(cuts):
        out.append(src[cur:a])
        cur = b
    out.append(src[cur:end])
    return "".join(out)


def _compact(anchors: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for c, s in anchors:
        if out and s - c == out[-1][1] - out[-1][0]:
            continue
        out.append((c, s))
    return tuple(out)


def _squash_plain(text: str) -> str:
    return " ".join(_WS.split(text)).strip()


def _key(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(_KEY_DROP.sub(" ", text.translate(_QUOTES).lower()).split())


def _shingles(key: str, n: int = 3) -> frozenset[int]:
    """The key's word n-shingles, each kept as its hash: a tenth of the memory,
    and (a 64-bit collision aside) the same similarities."""
    words = key.split()
    return frozenset(hash(tuple(words[i:i + n])) for i in range(max(1, len(words) - n + 1)))


_Shingle = int  # a shingle's hash

#: At most this many earlier paragraphs are compared with each paragraph in
#: the near-repeat check (those sharing its rarest shingles, earliest first):
#: it keeps the check linear in the size of the text.
MAX_REPEAT_CANDIDATES = 64


class _RepeatIndex:
    """The kept paragraphs' shingle sets, indexed for the near-repeat check.

    Prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007): with each
    set's shingles in one global order, rarest in the text first, two sets
    whose Jaccard similarity reaches ``threshold`` share a shingle among the
    first ``n - ceil(threshold * n) + 1`` of either. Only paragraphs sharing
    such a shingle are compared, at most :data:`MAX_REPEAT_CANDIDATES` of them,
    so a text's check takes time linear in its size (a comparison costs the
    size of the paragraph, and the size filter bounds the other's size). The
    answer is the one a comparison with every kept paragraph gives, unless
    more than that many candidates share a shingle (never in news text).
    """

    def __init__(self, threshold: float, blocks: list[_Block]) -> None:
        self.threshold = threshold
        counts: dict[_Shingle, int] = {}
        for b in blocks:
            for sh in _shingles(_key(b.text)):
                counts[sh] = counts.get(sh, 0) + 1
        self.counts = counts
        self.sets: list[tuple[frozenset[_Shingle], int]] = []
        self.postings: dict[_Shingle, list[int]] = {}

    def _prefix(self, shingles: frozenset[_Shingle]) -> list[_Shingle]:
        n = len(shingles)
        size = n - math.ceil(self.threshold * n - 1e-9) + 1
        counts = self.counts
        return sorted(shingles, key=lambda sh: (counts.get(sh, 0), sh))[:max(1, size)]

    def add(self, shingles: frozenset[_Shingle], index: int) -> None:
        position = len(self.sets)
        self.sets.append((shingles, index))
        for sh in self._prefix(shingles):
            self.postings.setdefault(sh, []).append(position)

    def candidates(self, shingles: frozenset[_Shingle]) -> list[int]:
        """Positions of kept sets sharing a prefix shingle, earliest first."""
        found: set[int] = set()
        for sh in self._prefix(shingles):
            found.update(self.postings.get(sh, ())[:MAX_REPEAT_CANDIDATES])
        return sorted(found)[:MAX_REPEAT_CANDIDATES]


def _near_repeat(mine: frozenset[_Shingle], kept: _RepeatIndex) -> int | None:
    """The index of the first kept paragraph this one nearly repeats (Jaccard
    similarity of word 3-shingles at least the threshold), or None."""
    threshold = kept.threshold
    for position in kept.candidates(mine) if mine else ():
        theirs, index = kept.sets[position]
        small, large = sorted((len(mine), len(theirs)))
        if not large or small / large < threshold:
            continue
        if len(mine & theirs) / len(mine | theirs) >= threshold:
            return index
    return None


def _first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


def _names(names: str) -> list[str]:
    parts = re.split(r",|\band\b|&", names)
    return [" ".join(p.split()).strip(" .") for p in parts if p.strip(" .")]


def _strip_wire(name: str) -> str:
    return _WIRE_SUFFIX.sub("", name).strip(" ,")


def _copyright_holder(raw: str) -> str | None:
    text = re.sub(r"\b(all rights reserved|copyright|\d{4})\b", " ", raw, flags=re.I)
    text = " ".join(text.split()).strip(" .,;:|&-–—[]()")
    return text or None


# ---------------------------------------------------------------- blocks of page furniture


def _series(blocks: list[_Block], rules: list[_BlockRule]) -> set[int]:
    """The ids of the series rules that match two or more paragraphs."""
    out = set()
    for rule in rules:
        hits = 0
        for b in blocks:
            if _holds(b.text, rule.needs) and rule.pattern.search(b.text):
                hits += 1
                if hits == 2:
                    out.add(id(rule))
                    break
    return out


def _holds(text: str, needs: tuple[str, ...]) -> bool:
    """Whether text holds one of ``needs`` (a loop: any() over a generator
    costs more on this hot path)."""
    for n in needs:  # noqa: SIM110
        if n in text:
            return True
    return False


def _block_rule(rules: list[_BlockRule], text: str, words: int, in_series: set[int],
                previous: str = "") -> tuple[_BlockRule, re.Match[str]] | None:
    """The first block rule that recognises the paragraph, and its match. A
    paragraph (or, for a gallery, one of its captions) longer than the rule's
    ``max_words`` is not that kind of block: a text flattened into one
    paragraph is never taken whole. A rule with ``after`` applies only when
    ``previous`` (the paragraph before) matches it; a match with groups
    ``part`` and ``parts`` (a counter "2/3") only when 0 < part <= parts."""
    for rule in rules:
        if rule.items is None and words > rule.max_words:
            continue
        if not _holds(text, rule.needs) or (rule.series and id(rule) not in in_series):
            continue
        m = rule.pattern.search(text)
        if not m:
            continue
        if rule.after is not None and not rule.after.search(previous):
            continue
        if "parts" in rule.pattern.groupindex and not 0 < int(m.group("part")) <= int(m.group("parts")):
            continue
        if rule.items is not None and any(len(text[a:b].split()) > rule.max_words
                                          for a, b in _pieces(rule.items, text)):
            continue
        return rule, m
    return None


def _pieces(items: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of text between the matches of ``items``."""
    out, pos = [], 0
    for sep in items.finditer(text):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, len(text)))
    return out


def _block_captions(rule: _BlockRule, m: re.Match[str], block: _Block,
                    trim: tuple[re.Pattern[str], ...]) -> list[tuple[str, int, int]]:
    """The captions a recognised paragraph holds, each trimmed of its labels
    and credits, with its span in the source text."""
    text = block.text
    if rule.items is not None:
        pieces = _pieces(rule.items, text)
    elif "caption" in rule.pattern.groupindex and m.group("caption") is not None:
        pieces = [(m.start("caption"), m.end("caption"))]
    else:
        pieces = [(0, len(text))]
    out = []
    for a, b in pieces:
        a, b = _trimmed(text, a, b, trim)
        if a < b:
            out.append((text[a:b], _source_pos(block, a), _source_pos(block, b)))
    return out


def _trimmed(text: str, a: int, b: int, trim: tuple[re.Pattern[str], ...]) -> tuple[int, int]:
    """The span of a caption in text[a:b] without the labels and credits the
    ``caption_trim`` patterns find at its start or end."""
    changed = True
    while changed and a < b:
        changed = False
        while a < b and text[a] in " -–—|,;:":
            a += 1
        while b > a and text[b - 1] in " -–—|,;:":
            b -= 1
        for p in trim:
            t = p.search(text[a:b])
            if t and t.end() > t.start() and (t.start() == 0 or t.end() == b - a):
                a, b = (a + t.end(), b) if t.start() == 0 else (a, a + t.start())
                changed = True
    return a, b


def _source_pos(block: _Block, pos: int) -> int:
    """The source offset of a position in a block's normalised text."""
    src_pos = block.start
    for c, s in block.anchors:
        if c > pos:
            break
        src_pos = s + (pos - c)
    return src_pos


# ---------------------------------------------------------------- inline residue


@dataclass(frozen=True, slots=True)
class _Cut:
    reason: str
    start: int
    end: int
    detail: str | None = None
    caption: tuple[str, int] | None = None  # (caption text, its source start)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: After these words a capitalised word goes on the phrase ("in New York",
#: "the Taliban", "said Donald Trump"), so a caption does not end there.
_CONNECTORS = _words("""
a an the of in on at to for from by with and or nor but as near into onto over under after before during
about against between among amid via like than outside inside across around toward towards through
throughout including within without upon behind beyond since until while when where whether if because
although though that which who whom whose what is was are were be been being has have had will would can
could may might shall should must do does did not his her their its our my your this these those named
called dubbed aka versus vs said says say told tells tell meets met meet visited visits greets greeted
joined joins former late new fellow then per de del la le von van bin al el
""")
#: Words that start a sentence after a capitalised word ("in New York Mr Trump ...").
_STARTERS = _words("""
Mr Mrs Ms Dr The A An In It He She They We I But This That These Those Then There When While After Before
On At As However According Meanwhile Earlier Later If Some Many Most
""")
_TOKEN = re.compile(r"\S+")
def _inline_cuts(src: str, start: int, end: int, rules: list[tuple[str, re.Pattern[str], str]],
                 taken: list[tuple[int, int]], caption_max_words: int) -> list[_Cut]:
    """The inline rules' cuts in src[start:end], not overlapping ``taken`` or
    each other; caption labels last, each caption ending at the next cut."""
    sub = src[start:end]
    cuts: list[_Cut] = []
    spans = [(a - start, b - start) for a, b in taken]
    labels: list[re.Match[str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in spans)

    for reason, pattern, _ in rules:
        for m in pattern.finditer(sub):
            if m.end() == m.start() or not free(m.start(), m.end()):
                continue
            if reason == "caption":
                labels.append(m)
                continue
            detail = None
            if reason == "copyright":
                holder = m.groupdict().get("holder")
                detail = f"a photo's copyright ({holder}); not the outlet" if holder else None
            spans.append((m.start(), m.end()))
            cuts.append(_Cut(reason, start + m.start(), start + m.end(), detail))
    labels.sort(key=lambda m: m.start())
    for i, m in enumerate(labels):
        if not free(m.start(), m.end()):
            continue
        stop = min([x for x, _ in spans if x >= m.end()]
                   + [n.start() for n in labels[i + 1:]] + [len(sub)])
        c_end = _caption_end(sub, m.end(), stop, caption_max_words)
        if c_end is None:  # no end found: cut the label only, leave the words
            cuts.append(_Cut("ui-residue", start + m.start(), start + m.end()))
            spans.append((m.start(), m.end()))
            continue
        text = _squash_plain(sub[m.end():c_end]).translate(_QUOTES)
        cuts.append(_Cut("caption", start + m.start(), start + c_end, caption=(text, start + m.end())))
        spans.append((m.start(), c_end))
    return sorted(cuts, key=lambda c: c.start)


def _caption_end(sub: str, start: int, stop: int, max_words: int) -> int | None:
    """Where a caption that begins at ``start`` (after its label) ends: at
    ``stop`` when what is left is a short phrase (the caption is its own
    line), else where the next sentence begins: a capitalised word after a
    word that ends a phrase (not inside quotes, not after "in", "the",
    "said" ...): "... fell into a dry well | Dozens of rescuers ...". None when
    no end is found within ``max_words`` words (``Settings.caption_max_words``)."""
    words = list(_TOKEN.finditer(sub, start, stop))
    if not words:
        return None
    if len(words) <= max_words and not words[-1].group().endswith("."):
        return words[-1].end()
    quotes = 0
    for i, w in enumerate(words[: max_words + 1]):
        token = w.group()
        if i >= 2 and quotes % 2 == 0 and _sentence_starts(words[i - 1].group(), token):
            return words[i - 1].end()
        quotes += token.count('"') + token.count("\u201c") + token.count("\u201d")
    return None


def _sentence_starts(prev: str, token: str) -> bool:
    core = token.lstrip("\"\u201c'\u2018(")
    if not core or not core[0].isupper():
        return False
    if re.search(r"['\u2019]s\W*$", core):  # a possessive goes on a phrase: "saw Clinton's ..."
        return False
    if prev[-1] in ":,;":  # a colon introduces what follows; a comma goes on
        return False
    if prev[-1] in "?!" or prev[-1] in "\"\u201d":
        return True
    if prev[-1] == "." and prev[0].islower() and prev[:-1].isalpha() and len(prev) > 4:
        return True
    word = prev.strip("\"\u201c\u201d'\u2018\u2019(),;:")
    if word and word[0].islower() and word[-1].isalpha():
        return word.lower() not in _CONNECTORS
    return core.rstrip(",.;:") in _STARTERS


# ---------------------------------------------------------------- times

_DATE_LINE_DETAIL = "a date line; the publication date when none is given (flag published-inferred)"


def numeric_date(first: int, second: int, year: int, month_first: bool = False) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in numbers, ``11/27/2005`` or ``27/11/2005``, or None.

    The order is decided only when it is safe: a number over 12 is the day,
    the same number twice is both; else ``month_first`` (the line names a time
    zone of the United States, which write the month first) decides, and
    without it the date is unknown. A two-digit year is 20yy up to 69, else 19yy.
    """
    if year < 100:
        year += 2000 if year < 70 else 1900
    if first > 12 and second <= 12:
        month, day = second, first
    elif (second > 12 and first <= 12) or first == second or month_first:
        month, day = first, second
    else:
        return None
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return year, month, day


def is_date_line(text: str) -> bool:
    """Whether a line holds only a date (and times, a "Posted"/"Updated" label), dated or not:
    a numeric date whose day and month order is unclear is still no headline."""
    m = _DATE_LINE.match(text.strip())
    if not m:
        return False
    if m.group("n1"):
        first, second = int(m.group("n1")), int(m.group("n2"))
        return 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12
    return date_only_line(text) is not None


def date_only_line(text: str) -> str | None:
    """The ISO date (and time) of a line that holds only a date, else None (also when
    the line's numeric date leaves the order of day and month unclear, see ``numeric_date``)."""
    m = _DATE_LINE.match(text.strip())
    if not m:
        return None
    if m.group("n1"):
        zones = " ".join(z for z in (m.group("z0"), m.group("z")) if z)
        found = numeric_date(int(m.group("n1")), int(m.group("n2")), int(m.group("n3")),
                             month_first=bool(re.fullmatch(rf"(?:{_US_ZONES})(?:\s.*)?", zones, re.I)))
        if found is None:
            return None
        year, month, day = found
    else:
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day, year = int(m.group("d1") or m.group("d2")), int(m.group("y1") or m.group("y2"))
    h, mi, ap = ("h", "mi", "ap") if m.group("h") else ("h0", "mi0", "ap0")
    hour, minute = (int(m.group(h)), int(m.group(mi))) if m.group(h) else (None, None)
    if hour is not None and m.group(ap):
        pm = m.group(ap).lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    try:
        when = datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:
        return None
    if hour is None:
        return when.date().isoformat()
    utc = any((z or "").upper() in ("UTC", "GMT") for z in (m.group("z0"), m.group("z")))
    return when.isoformat(timespec="minutes") + (" UTC" if utc else "")


def _url_line(src: str, block: _Block) -> bool:
    """Whether a block is one line holding a URL alone: its words look like
    pieces of an address (a slash or a dot in them) more than like words."""
    if "\n" in src[block.start:block.end] or not URL_LINE.match(block.text):
        return False
    tokens = block.text.split()
    words = sum(t.isalpha() and len(t) > 1 for t in tokens)
    return words <= sum("/" in t or "." in t for t in tokens)


def _url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2013/05/03/``), as an ISO date, else None."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return datetime(int(m.group("y")), int(m.group("m")), int(m.group("d"))).date().isoformat()
    except ValueError:
        return None



def _times(published_raw: str | None, updated_raw: str | None, outlet: str | None,
           doc: RawDocument, table: OutletTable,
           ) -> tuple[datetime | None, datetime | None, TimeZoneNote | None]:
    published = _parse_time(published_raw)
    updated = _parse_time(updated_raw)
    if published is None and updated is None:
        return None, None, None
    given = next((t for t in (published, updated) if t is not None and t.tzinfo), None)
    if given is not None:
        note = TimeZoneNote(_offset_name(given), False, "given with the time")
        zone: Any = given.tzinfo
    else:
        found = _outlets.zone_for(outlet, doc.url, doc.domain, table)
        if found:
            name, reason = found
            try:
                zone = ZoneInfo(name)
                note = TimeZoneNote(name, True, f"no zone given; {reason}")
            except ZoneInfoNotFoundError:
                zone, note = UTC, TimeZoneNote("UTC", True, "no zone given; assumed UTC")
        else:
            zone, note = UTC, TimeZoneNote("UTC", True, "no zone given; assumed UTC")
    published = published.replace(tzinfo=zone) if published and not published.tzinfo else published
    updated = updated.replace(tzinfo=zone) if updated and not updated.tzinfo else updated
    return published, updated, note


def _offset_name(t: datetime) -> str:
    off = t.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _parse_time(value: str | None) -> datetime | None:
    """ISO 8601, ``2023.09.18 10:34:01``, RFC 822 or news-please's form."""
    if not value:
        return None
    text = value.strip()
    iso = re.sub(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})", r"\1-\2-\3", text)
    iso = re.sub(r"^(\d{4})-(\d)(?=-)", r"\1-0\2", iso)
    iso = re.sub(r"^(\d{4}-\d{2})-(\d)(?!\d)", r"\1-0\2", iso)
    iso = re.sub(r"\s*(UTC|GMT|Z)$", "+00:00", iso)
    iso = re.sub(r"\s*KST$", "+09:00", iso)
    iso = re.sub(r"\s*JST$", "+09:00", iso)
    iso = re.sub(r"\s+([+-]\d{2}:?\d{2})$", r"\1", iso)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- language


def detect_language(text: str, languages: tuple[str, ...], min_chars: int) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is shorter than
    ``min_chars`` (``Settings.min_language_chars``) or lingua cannot tell."""
    if len(text.strip()) < min_chars:
        return None
    language = _detector(languages).detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language is not None else None


@functools.lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # Low-accuracy mode uses trigram models only: they decide as well as the
    # 1- to 5-gram models on texts of min_language_chars (120) and more (the only
    # texts we ask about), and load in a tenth of the time and memory.
    if "all" in languages:
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    unknown = [c for c in languages if not hasattr(IsoCode639_1, c.upper())]
    if unknown:
        raise SettingsError(f"unknown language code(s): {', '.join(unknown)}; use ISO 639-1 "
                            "codes such as en, fr, ko, or 'all'")
    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()
