"""The cleaner's page residue: the boilerplate rules (data/boilerplate.toml) and the
functions that find blocks of page furniture, captions and inline residue with them."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from .paragraphs import QUOTES, Block, squash_plain


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
def load_rules() -> _Rules:
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


def first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


# ---------------------------------------------------------------- blocks of page furniture


def series_blocks(blocks: list[Block], rules: list[_BlockRule]) -> set[int]:
    """The ids of the series rules that match two or more paragraphs."""
    out = set()
    for rule in rules:
        hits = 0
        for b in blocks:
            if holds_one(b.text, rule.needs) and rule.pattern.search(b.text):
                hits += 1
                if hits == 2:
                    out.add(id(rule))
                    break
    return out


def holds_one(text: str, needs: tuple[str, ...]) -> bool:
    """Whether text holds one of ``needs`` (a loop: any() over a generator
    costs more on this hot path)."""
    for n in needs:  # noqa: SIM110
        if n in text:
            return True
    return False


def block_rule(rules: list[_BlockRule], text: str, words: int, in_series: set[int],
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
        if not holds_one(text, rule.needs) or (rule.series and id(rule) not in in_series):
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


def block_captions(rule: _BlockRule, m: re.Match[str], block: Block,
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
        a, b = trimmed_span(text, a, b, trim)
        if a < b:
            out.append((text[a:b], source_pos(block, a), source_pos(block, b)))
    return out


def trimmed_span(text: str, a: int, b: int, trim: tuple[re.Pattern[str], ...]) -> tuple[int, int]:
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


def source_pos(block: Block, pos: int) -> int:
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
def inline_cuts(src: str, start: int, end: int, rules: list[tuple[str, re.Pattern[str], str]],
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
        text = squash_plain(sub[m.end():c_end]).translate(QUOTES)
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
