"""The ``clean`` stage: one RawDocument into an Article, every removal logged with its reason."""

from __future__ import annotations

import hashlib
import json
import re

from .. import outlets as _outlets
from ..errors import InputError
from ..records import Article, Caption, OffsetMap, PrintedName, RawDocument, Removal
from ..settings import Settings
from .paragraphs import (
    BLANK_LINE,
    WS,
    Block,
    RepeatIndex,
    compact,
    key_shingles,
    make_block,
    match_key,
    near_repeat,
    paragraphs_of,
    squash_plain,
    text_without,
)
from .residue import (
    block_captions,
    block_rule,
    first_match,
    holds_one,
    inline_cuts,
    load_rules,
    series_blocks,
    source_pos,
    trimmed_span,
)
from .times import (
    BYLINE,
    DATE,
    DATE_LINE_DETAIL,
    FULL_STOP,
    NAME_CREDIT,
    PUBLISHED_LINE,
    SENTENCE_END,
    byline_names,
    copyright_holder,
    date_only_line,
    detect_language,
    is_date_line,
    publication_times,
    strip_wire,
    url_date,
    url_line,
)


def clean(doc: RawDocument, settings: Settings) -> Article:
    """Clean one RawDocument into an Article. Never drops text silently:
    whatever is not body is a caption or a logged Removal."""
    rules = load_rules()
    table = _outlets.table(settings)
    src = doc.text
    removals: list[Removal] = []
    captions: list[Caption] = []
    caption_keys: set[str] = set()
    for text in doc.captions:
        key = match_key(text)
        if key and key not in caption_keys:
            caption_keys.add(key)
            captions.append(Caption(squash_plain(text), -1, -1))
    figure_keys = frozenset(caption_keys)  # the page's own captions (<figcaption>), not found in the text
    printed: list[PrintedName] = []
    byline: list[str] = list(doc.authors)
    published_raw, updated_raw = doc.published, doc.updated
    credit: str | None = None
    title = squash_plain(doc.title) if doc.title else None

    n_paragraphs = (sum(1 for _ in BLANK_LINE.finditer(src)) if BLANK_LINE.search(src) else src.count("\n")) + 1
    if n_paragraphs > settings.max_paragraphs:  # counted before any is built: memory stays bounded
        raise InputError(doc.source, f"text holds more than {settings.max_paragraphs:,} paragraphs "
                         "(max_paragraphs), more than any news article; refused")
    blocks = paragraphs_of(src)
    url = doc.url
    date_line: str | None = None  # a publication time inferred from a lone date line
    if title is None and doc.format == "text":
        # over the title: the page's address, a date line; neither is the title
        while blocks and (url_line(src, blocks[0]) or is_date_line(blocks[0].text)):
            top = blocks.pop(0)
            if url_line(src, top):
                url = url or WS.sub("", top.text)
                removals.append(Removal("url", src[top.start:top.end], top.start, top.end,
                                        "the article's address, kept as its URL"))
            else:
                date_line = date_line or date_only_line(top.text)
                removals.append(Removal("dateline", src[top.start:top.end], top.start, top.end,
                                        DATE_LINE_DETAIL))
    if title is None and doc.format == "text" and blocks:
        first = blocks.pop(0)
        title = squash_plain(src[first.start:first.end])
        removals.append(Removal("title", src[first.start:first.end], first.start, first.end))
    title_key = match_key(title) if title else None

    inline_rules = [r for r in rules.inline if r[2] in src]
    block_rules = [r for r in rules.blocks if holds_one(src, r.needs)]
    in_series = series_blocks(blocks, [r for r in block_rules if r.series])
    kept: list[Block] = []
    kept_keys: dict[str, int] = {}
    kept_shingles = RepeatIndex(settings.repeat_similarity, blocks)
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
            for cut in inline_cuts(src, block.start, block.end, inline, cuts, settings.caption_max_words):
                cuts.append((cut.start, cut.end))
                if cut.caption is None:
                    removals.append(Removal(cut.reason, src[cut.start:cut.end], cut.start, cut.end, cut.detail))
                    continue
                c_text, c_start = cut.caption
                c_key = match_key(c_text)
                if c_key in caption_keys:
                    removals.append(Removal("caption-repeat", src[cut.start:cut.end], cut.start, cut.end))
                else:
                    caption_keys.add(c_key)
                    captions.append(Caption(c_text, c_start, cut.end))
                    removals.append(Removal("caption", src[cut.start:cut.end], cut.start, cut.end,
                                            "kept as a caption"))
        if cuts:
            block = make_block(src, block.start, block.end, cuts)
            if not block.text:
                continue
        raw = text_without(src, block.start, block.end, block.cuts)
        text = block.text
        words = len(text.split())
        key = match_key(text)
        reason, detail = None, None
        short = words <= rules.max_words
        hit = block_rule(block_rules, text, words, in_series, previous) if block_rules else None
        if title_key and key == title_key:
            reason = "title-repeat"
        elif hit is not None:
            rule, hit_match = hit
            reason, detail = rule.reason, rule.kind
            if rule.reason == "caption":
                detail = f"kept as a caption: {rule.kind}"
                for c_text, c_start, c_end in block_captions(rule, hit_match, block, rules.caption_trim):
                    c_key = match_key(c_text)
                    if c_key and c_key not in caption_keys:
                        caption_keys.add(c_key)
                        captions.append(Caption(c_text, c_start, c_end))
        elif first_match(rules.long_boilerplate, text):
            reason = "boilerplate"
        elif short and (m := PUBLISHED_LINE.match(text)):
            reason = "dateline"
            published_raw = published_raw or m.group("pub")
            updated_raw = updated_raw or m.group("upd")
        elif short and not kept and is_date_line(text):
            reason, detail = "dateline", DATE_LINE_DETAIL
            date_line = date_line or date_only_line(text)
        elif short and (m := first_match(rules.credit, text)):
            reason = "credit"
            credit = credit or m.group("credit")
            found = re.search(DATE, text)
            if found:
                if re.search(r"updated", text, re.I):
                    updated_raw = updated_raw or found.group()
                else:
                    published_raw = published_raw or found.group()
        elif short and (m := BYLINE.match(text)):
            reason = "byline"
            byline.extend(n for n in byline_names(m.group("names")) if n not in byline)
        elif short and (m := first_match(rules.promo, text)):
            reason = "promo"
            printed.append(PrintedName(m.group("outlet"), "promo line"))
        elif short and first_match(rules.photo_credit, text):
            reason = "copyright"
            detail = "a photo's copyright or credit; not the outlet"
        elif short and (m := first_match(rules.copyright, text)):
            reason = "copyright"
            holder = copyright_holder(m.group("outlet"))
            if holder:
                printed.append(PrintedName(holder, "copyright line"))
        elif short and first_match(rules.boilerplate, text):
            reason = "boilerplate"
        elif key in caption_keys and (key in figure_keys or not FULL_STOP.search(text)):
            # a sentence that repeats a caption found in the text is the
            # article's own text: a caption often copies a sentence of the body
            reason = "caption-repeat"
        elif words <= 60 and first_match(rules.caption, text):
            reason = "caption"
            caption_keys.add(key)
            c_a, c_b = trimmed_span(text, 0, len(text), rules.caption_trim)
            if c_a < c_b:
                caption_keys.add(match_key(text[c_a:c_b]))
                captions.append(Caption(text[c_a:c_b], source_pos(block, c_a), source_pos(block, c_b)))
            else:
                captions.append(Caption(text, block.start, block.end))
            detail = "kept as a caption"
        elif not key:
            reason = "empty-markup"
        elif not kept and words <= 4 and not SENTENCE_END.search(text):
            reason = "kicker"
        else:
            seen = kept_keys.get(key)
            mine = key_shingles(key) if words >= 8 else None
            if seen is None and mine is not None:
                seen = near_repeat(mine, kept_shingles)
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
        found = NAME_CREDIT.search(name)
        if found:
            credit = credit or found.group("credit")
            name = name[: found.start()]
        name = strip_wire(name)
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
        inferred = date_line or url_date(url)
    published, updated, zone = publication_times(inferred or published_raw, updated_raw, outlet, doc, table)
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
        description=squash_plain(doc.description) if doc.description else None,
        source_text=src,
        offsets=OffsetMap(compact(anchors)),
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
             squash_plain(doc.title or ""), " ".join(doc.text.split())]
    return hashlib.sha256(json.dumps(ident, ensure_ascii=False).encode()).hexdigest()[:16]
