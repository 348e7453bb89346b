"""Text knowledge shared by the stages: data, and the small functions that
read it. Word lists too long for code are data files (``data/stop_words.toml``).

One table per kind of thing recognised, named for it; a stage that needs it
imports it from here rather than writing its own.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


class Agency(NamedTuple):
    """A news agency articles credit."""

    kind: str  # "wire": an agency whose copy other outlets carry; "broadcaster": credited in bylines only
    credits: tuple[str, ...]  # patterns that credit it as a wire (kind "wire" only)
    byline: tuple[str, ...]  # how a byline names it after the reporter, lower case ("Jane Roe, Associated Press")


#: News agencies: canonical name -> kind, credit patterns, byline names. The credit patterns are
#: searched in the credit line, the byline, the dateline (start of the body) and the last paragraph,
#: never in the whole body ("Reuters reported" is not a credit).
AGENCIES: dict[str, Agency] = {
    "AP": Agency("wire", (r"\(AP\)", r"\bAssociated Press\b", r"^AP$"), ("associated press", "ap")),
    "Reuters": Agency("wire", (r"\bReuters\b", r"\bThomson Reuters\b"), ("reuters",)),
    "AFP": Agency("wire", (r"\(AFP\)", r"\bAFP\b", r"\bAgence France[- ]Presse\b"), ("afp",)),
    "Xinhua": Agency("wire", (r"\bXinhua\b",), ()),
    "dpa": Agency("wire", (r"\(dpa\)", r"\bdpa\b", r"\bDeutsche Presse-Agentur\b"), ()),
    "UPI": Agency("wire", (r"\(UPI\)", r"\bUnited Press International\b"), ()),
    "Yonhap": Agency("wire", (r"\bYonhap\b",), ()),
    "Kyodo": Agency("wire", (r"\bKyodo\b",), ()),
    "PA": Agency("wire", (r"\(PA\)", r"\bPress Association\b"), ()),
    "ANI": Agency("wire", (r"\(ANI\)",), ()),
    "PTI": Agency("wire", (r"\(PTI\)", r"\bPress Trust of India\b"), ()),
    "EFE": Agency("wire", (r"\(EFE\)",), ()),
    "ANSA": Agency("wire", (r"\(ANSA\)",), ()),
    "TASS": Agency("wire", (r"\bTASS\b",), ()),
    "Bloomberg": Agency("wire", (r"\(Bloomberg\)",), ()),
    "CNN": Agency("broadcaster", (), ("cnn",)),
    "BBC": Agency("broadcaster", (), ("bbc",)),
}

#: Wire agencies: canonical name -> patterns that credit it (the ``wire`` rows of :data:`AGENCIES`).
WIRES: dict[str, tuple[str, ...]] = {name: a.credits for name, a in AGENCIES.items() if a.kind == "wire"}
#: Wire agencies and broadcasters a byline names after the reporter ("Jane Roe, Associated Press",
#: "John Doe for Reuters"): cut from the byline's names.
BYLINE_AGENCIES: tuple[str, ...] = tuple(n for a in AGENCIES.values() for n in a.byline)

# ---------------------------------------------------------------- wire datelines

#: A place in capitals in a dateline: "KUNDUZ", "SAN LUIS OBISPO".
CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}"
#: A wire dateline: places in capitals ("TOKYO/SEOUL"), not inside a run of capitals ("WEEKEND QUIZ
#: SPECIAL –"); an optional country or state ("KUNDUZ, Afghanistan", "ERIE, Pa.", "ALBANY, N.Y.",
#: "ERIE, PA"), an optional date, an optional agency, a dash. :func:`wire_dateline` finds one near the
#: start of a body; the pattern alone matches one anywhere.
WIRE_DATELINE = re.compile(
    r"(?<![\w,])(?<![A-Z'\-] )(?<![A-Z]\. )"
    rf"(?P<place>{CAPS_PLACE}(?:/{CAPS_PLACE}){{0,2}})"
    r"(?P<region>, (?:[A-Z][a-z]+\.?|(?:[A-Z]\.){2,3}|[A-Z]{2})(?: [A-Z][a-z]+)?(?=[ ,—]))?"
    r"(?P<date>, [A-Z][a-z]{2,8}\.? \d{1,2})?(?P<agency> \([A-Za-z][\w .&]{0,30}\))?"
    r"(?: ?(?:--|—|–|-) | ?—(?=[A-Z]))")
#: How far into the body a dateline is looked for.
DATELINE_CHARS = 300
#: A label in capitals before a dash is no dateline: "FILE - In this photo taken last year, ...",
#: "AP PHOTO -", "FILE/PHOTO -".
NOT_DATELINE_WORDS = frozenset({"FILE", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "UPDATE", "UPDATED", "BREAKING",
                                "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "LIVE", "CORRECTION"})
#: An agency's short name in a dateline's brackets: "(NPA)", "(Reuters)", not "(Thomson Reuters Foundation)".
_DATELINE_AGENCY = re.compile(r"\((?P<wire>[A-Z][A-Za-z]{1,7})\)")


def wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline at the start of ``text`` (the first ``DATELINE_CHARS`` of a body), or None.

    It stands at the very start, after a sentence, a line or a closing bracket (a photo credit
    "...Getty Images) WASHINGTON --"), or anywhere with its date or agency ("... Mark Hosenball
    WASHINGTON, Nov 6 (Reuters) -"); a capitalised word before a dash inside a sentence ("the head
    of NATO - the alliance") is none, nor a label ("FILE -", "AP PHOTO -"). The match's groups are
    ``place``, ``region``, ``date`` and ``agency`` (with its brackets), offsets into ``text``.
    """
    for m in WIRE_DATELINE.finditer(text):
        place = m.group("place")
        if len(place.replace(".", "")) < 2 or NOT_DATELINE_WORDS.intersection(re.split(r"[ /]", place)):
            continue
        before = text[:m.start()].rstrip(" \t")
        if m.group("date") or m.group("agency") or not before or before[-1] in ".!?)]\n\"”":
            return m
    return None


def dateline_agency(body: str) -> str | None:
    """The wire agency that a dateline opening ``body`` credits in brackets, by its short name:
    "SKELBY, Nordland (NPA) — ..." credits NPA; None when the body opens with no such dateline."""
    m = wire_dateline(body[:DATELINE_CHARS])
    if m is None or m.start() != 0 or not m.group("agency"):
        return None
    agency = _DATELINE_AGENCY.fullmatch(m.group("agency").strip())
    return agency["wire"] if agency else None


# ---------------------------------------------------------------- clock times
# Three patterns for three questions, each stage's own (one pattern for all would change what each
# finds): a clock time in running text, with its zone (the date reader removes these before it reads a
# date); a token that is a clock time (the model tags many CARDINAL or EVENT); whether a span holds one.

#: Time zones written after a clock time ("2100 GMT", "0600 local time").
ZONES = ("gmt", "utc", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "cet",
         "cest", "bst", "kst", "jst", "ist", "msk", "aest", "aedt", "hkt", "sgt", "wib", "eet", "eest", "local",
         "local time", "hours", "hrs", "h")

_ZONE = "|".join(sorted((re.escape(z) for z in ZONES), key=len, reverse=True))
#: A clock time in text: "2100 GMT", "21:00", "9.30 a.m.", "9 pm", "(local time)" (``datewords.CLOCK_RE``).
CLOCK_TIME = re.compile(
    rf"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:{_ZONE})\b\.?"
    rf"|(?<![\d.:/])\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?![.:/]?\d)(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:{_ZONE})\b\.?)?"
    rf"|\b(?:0?[1-9]|1[0-2])\s*[ap]\.?m\b\.?(?:\s*(?:{_ZONE})\b\.?)?"
    r"|\((?:local(?: time)?|[a-z]{2,4})\)",
    re.IGNORECASE,
)
#: A token that is a time on the clock ("6.10am", "11:30pm"), or a number (``CLOCK_NUMBER_RE``)
#: followed by one of ``CLOCK_SUFFIXES`` ("7:33 p.m.", "11 pm"), lower-cased.
CLOCK_TOKEN_RE = re.compile(r"^(?:0?[1-9]|1[0-2])(?:[:.][0-5]\d)?[ap]\.?m\.?$", re.IGNORECASE)
CLOCK_NUMBER_RE = re.compile(r"^(?:0?[1-9]|1[0-2])(?:[:.][0-5]\d)?$")
CLOCK_SUFFIXES = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m")
#: A span that holds a time of day on the clock: "7 pm", "6:10am", "11 a.m." (any "d:dd").
CLOCK_IN_SPAN = re.compile(r"\d(?::\d\d)?\s*[ap]\.?m\b|\d:\d\d", re.IGNORECASE)

#: Number words up to ninety, and "hundred" and "dozen": word -> value.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

#: The number words of zero to twenty, indexed by their value ("three" is ``SMALL_NUMBER_WORDS[3]``).
SMALL_NUMBER_WORDS: tuple[str, ...] = ("zero", *sorted((w for w, n in NUMBER_WORDS.items() if n <= 20 and w != "dozen"),
                                                     key=NUMBER_WORDS.__getitem__))

def _stop_words() -> dict[str, frozenset[str]]:
    table = tomllib.loads(resources.files("newsprism").joinpath("data/stop_words.toml").read_text("utf-8"))
    return {name: frozenset(words) for name, words in table.items()}


_STOP_LISTS = _stop_words()

#: First-person pronouns as written (``copies.line_origins``): a sentence whose words outside quotation
#: marks hold one is someone's speech, its marks lost ("I", "we"; "us" in lower case only: "US").
FIRST_PERSON = frozenset({"I", "me", "my", "mine", "myself", "we", "We", "us", "our", "Our", "ours", "ourselves",
                          "My", "Me"})

#: English stop words (scikit-learn's list): words too common to tell one story from another.
ENGLISH_STOP_WORDS = _STOP_LISTS["words"]
#: Words of news reports that say nothing of which story an article tells ("said", "mr", "year").
NEWS_STOP_WORDS = _STOP_LISTS["news"]
#: What story clustering drops: English stop words and news words.
STORY_STOP_WORDS = ENGLISH_STOP_WORDS | NEWS_STOP_WORDS
#: Function words, pronouns, reporting verbs and the commonest news words: words that say nothing of
#: which fact a sentence states (claims compare sentences without them).
STOP_WORDS = _STOP_LISTS["claims"]

#: British spellings and their American twins of the same length (:func:`american_spelling`): the "-ise"
#: and "-yse" verbs and their forms, and the "-re" / "-ce" nouns ("criticised", "criticized"; "centre",
#: "center"). One text respelled for another market keeps its writing.
_ISE = re.compile(r"\b([A-Za-z]*[a-z]{3})(is|ys)(e|ed|es|ing|ation|ations|er|ers)\b")
_RESPELLED = {"centre": "center", "centres": "centers", "theatre": "theater", "theatres": "theaters",
              "metre": "meter", "metres": "meters", "litre": "liter", "litres": "liters", "fibre": "fiber",
              "calibre": "caliber", "spectre": "specter", "sombre": "somber", "defence": "defense",
              "offence": "offense", "licence": "license", "pretence": "pretense", "grey": "gray", "tyre": "tire",
              "tyres": "tires", "kerb": "curb"}
_RESPELL = re.compile(r"\b(?:" + "|".join(_RESPELLED) + r")\b", re.I)


def american_spelling(text: str) -> str:
    """The text with British spellings written as their American twins of the same length (``_ISE``,
    ``_RESPELLED``; case kept where a table word is capitalised at its first letter): every offset into
    the text stays where it was."""
    def table(m: re.Match[str]) -> str:
        word = _RESPELLED[m.group().lower()]
        return word.capitalize() if m.group()[0].isupper() else word

    text = _ISE.sub(lambda m: m.group(1) + ("iz" if m.group(2) == "is" else "yz") + m.group(3), text)
    return _RESPELL.sub(table, text)


#: Inflection endings cut by :func:`strip_inflection`, longest tried first where two overlap.
INFLECTIONS = ("ing", "ed", "es", "s")
#: Verb endings, "d" of "staged" too (the main event compares verbs the lemmatiser missed).
VERB_INFLECTIONS = ("ing", "es", "ed", "s", "d")


def strip_inflection(word: str, endings: tuple[str, ...] = INFLECTIONS, keep: int = 4) -> str:
    """A crude stem: ``word`` without the first of ``endings`` it ends with, when at least ``keep``
    characters are left ("reported" -> "report"); else ``word``."""
    for suffix in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: -len(suffix)]
    return word


def singular(word: str) -> str:
    """Plural to singular, crudely: ``satellites`` -> ``satellite``, ``cities`` -> ``city``."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]

#: Broadcast stations credited as outlets though no article of the story is theirs
#: (``copies.outlet_credits``): a network's local channel ("ABC7", "NBC 4", "Fox 11"),
#: a four-letter call sign ("KTLA", "WABC-TV"), with "local" before it allowed. Matched
#: as printed (capitals), only where a phrase of ``REPORT_CREDITS`` stands.
BROADCAST_STATION = (r"(?:local\s+)?(?:(?:ABC|NBC|CBS|CW|Fox|FOX|PIX)\s?\d{1,2}"
                     r"|[KW][A-Z]{3}(?:-(?:TV|FM|AM))?(?:\s?\d{1,2})?)")

#: Phrases by which an article credits another outlet as the source of what it
#: reports (a secondary report): ``{outlet}`` stands for one of the outlet names of
#: the story (or a wire agency, or a ``BROADCAST_STATION``). The phrase is matched in any case, the name only
#: as printed, so "at the time" is not the magazine. An outlet's own name in its
#: own article never counts.
INTERVIEW_CREDITS: tuple[str, ...] = (
    # an interview or a statement given to the outlet (or to a writer: ``copies.writer_credits``)
    r"\b(?:told|tells|telling)\s+{outlet}",
    r"\b(?:said|says|saying|confirmed|confirms|explained|admitted|revealed|wrote|added)\s+(?:\w+\s+){0,3}"
    r"(?:to|in\s+an?\s+(?:\w+\s+)?(?:interview|statement|email|e-mail|call|conversation)\s+(?:with|to))\s+{outlet}",
    r"\b(?:in|during)\s+an?\s+(?:\w+\s+)?(?:interview|conversation)\s+(?:with|on|to)\s+{outlet}",
    r"\b(?:speaking|talking|spoke|talked)\s+(?:exclusively\s+)?(?:to|with)\s+{outlet}",
)
#: Nouns by which an article names an outlet it named before ("told the magazine"), lower case as
#: printed (``copies.noun_credits``).
OUTLET_NOUNS: tuple[str, ...] = ("magazine", "newspaper", "paper", "broadcaster", "network", "publication",
                                 "news agency", "agency", "channel", "tabloid", "website", "outlet")
REPORT_CREDITS: tuple[str, ...] = (
    *INTERVIEW_CREDITS,
    r"\b(?:statement|email|e-mail|comment|response)\s+(?:\w+\s+){0,2}(?:sent|given|provided|emailed|issued)\s+"
    r"(?:exclusively\s+)?to\s+{outlet}",
    r"\b(?:provided|provides|gave|gives|sent|sends|emailed|emails)\s+{outlet}\s+(?:with\s+)?(?:a|an|the)\s+"
    r"(?:\w+\s+)?(?:statement|comment|response|email)",
    # the outlet's report credited for what follows
    r"{outlet}(?:'s?\s+\w+)?\s+(?:first\s+|previously\s+|originally\s+|exclusively\s+|also\s+|earlier\s+)?"
    r"(?:reported|reports|revealed|obtained|has\s+learned|learned|broke\s+the\s+news|was\s+first\s+to\s+report"
    r"|said|says|wrote|writes)\b",
    r"\b(?:reported|obtained|revealed|seen|published|aired|broadcast|cited|quoted)\s+(?:first\s+|earlier\s+|exclusively\s+)?"
    r"by\s+{outlet}",
    r"\baccording\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:report|reports|story|article|interview|investigation)\s+"
    r"(?:by|from|in|with|on)\s+)?{outlet}",
    r"\bas\s+(?:first\s+)?reported\s+(?:by|in|on)\s+{outlet}",
)

#: What happened to the people or things a count counts ("seven killed", "40 people were injured",
#: "injuring another 40"), each word mapped to its outcome: counts of two outcomes are two facts, never
#: compared as one ("at least 40 injured" is not "at least seven killed").
COUNT_OUTCOMES: dict[str, str] = {
    **dict.fromkeys(("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "death", "deaths",
                     "fatalities", "lives"), "killed"),
    **dict.fromkeys(("injured", "injuring", "injures", "injure", "injuries", "wounded", "wounding", "wounds",
                     "hurt", "hurting", "hospitalised", "hospitalized"), "injured"),
    **dict.fromkeys(("trapped", "trapping", "traps"), "trapped"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("arrested", "arresting", "arrests", "detained", "detaining", "detains"), "arrested"),
    **dict.fromkeys(("evacuated", "evacuating", "evacuates"), "evacuated"),
    **dict.fromkeys(("rescued", "rescuing", "rescues"), "rescued"),
    **dict.fromkeys(("displaced", "displacing"), "displaced"),
}
#: Words that end the reach of a count's outcome after it ("five people and injuring another 40": the
#: five are not the injured), besides punctuation.
COUNT_OUTCOME_BREAKS = frozenset({"and", "but", "or", "after", "before", "when", "while", "in", "at", "on", "as",
                                  "during", "near", "from", "of", "with", "by", "because", "since", "including"})
#: Words that may stand between an outcome and the count it tells of ("killing another 40").
COUNT_OUTCOME_FILLERS = frozenset({"another", "an", "a", "additional", "further", "some"})
#: A count after one of these, or with one of ``REMAINING_COUNT_AFTER`` just after its noun, is what
#: remains to a goal ("within four outs of the title", "four outs required to clinch"), not a count of
#: the thing itself: compared only with another such count.
REMAINING_COUNT_WORDS = frozenset({"within"})
REMAINING_COUNT_AFTER = frozenset({"required", "needed", "remaining", "away", "short", "shy"})

#: A value approached from below: "nearly 80" and "almost 80" admit no more than 80 (against "at least
#: 84" they disagree), where "about 80" admits a little more.
BELOW_VALUE_WORDS = ("nearly", "almost", "just under", "just short of", "not quite")
#: A day after one of these dates an earlier happening of the kind reported, not the one reported
#: ("dozens of tests, the most recent on Saturday", "the previous launch on May 14").
EARLIER_HAPPENING = re.compile(r"\b(most recent|previous|prior|preceding|last one)\b")

#: Words that mark a count as a part on top of another, not a total: before it ("another 40",
#: "an additional 40", "a further 40") or just after it ("40 more", "40 other", "40 additional"). A
#: count so marked is compared only with another so marked (claims.status._increment).
INCREMENT_BEFORE = frozenset({"another", "additional", "further", "extra"})
#: An ordinal after a determiner before a count ("the first two games", "its last three flights"): the
#: count is of a part of a series, not of the whole (claims.status._series_part).
SERIES_PART = frozenset({"first", "last", "next", "final", "opening", "past", "previous"})
SERIES_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "my"})
INCREMENT_AFTER = frozenset({"more", "other", "additional", "extra", "further"})

#: Words that give the span a sentence's counts add up over ("this season", "so far", "since
#: October", "in his career"; several occasions, "during the five operations"; a whole tally, "the final
#: numbers"): the first group that matches names the span. Counts are compared only
#: between sentences naming the same spans (claims.status._spans): a season's figure is not a game's.
#: Not "this year" nor "since 2005": news compares a count with the year's ("the deadliest this year").
COUNT_SPAN = re.compile(
    r"\b(?:this|last|the|that|a|his|her|their|its) (season|career)\b|\b(so far|to date)\b"
    r"|\b(since) (?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|the start)\b"
    # several occasions a count adds up over ("during the five operations", "in their two raids")
    r"|\b(?:during|in|over|across|from) (?:the|its|their|his|her|all) (?:[\w-]+ )?"
    r"(operations|raids|missions|rounds|games|matches|bouts|attacks)\b"
    # a whole tally ("the final numbers showed ..."), not one part of it
    r"|\b(final) (?:numbers|figures|tally|statistics|stats)\b")

#: Words that mark what a sentence reports as a repeat of something ("fires another missile"): a
#: sentence with one does not state one without (``[claims] line_repeat``). Not "again": it is mostly
#: idiom ("back again", "once again").
REPEAT_MARKERS = frozenset({"another", "anew"})

#: A caption date that dates the picture, not what the text reports: a picture word before it with a
#: verb of showing or publishing ("an image from a video made public on April 14"), "in this DATE
#: photo", "DATE file photo".
PICTURE_DATE_BEFORE = re.compile(
    r"\b(?:photos?|pictures?|images?|videos?|footage|grab|screenshot|file)\b[^.;]{0,40}?\b(?:made\s+public|released|"
    r"taken|shot|posted|published|dated|filmed|recorded|broadcast|aired|obtained|provided)\s+(?:on\s+)?$"
    r"|\bin\s+this\s+$", re.IGNORECASE)
PICTURE_DATE_AFTER = re.compile(r"^\W*(?:file\s+)?(?:photo|picture|image|video|handout)\b", re.IGNORECASE)

#: short English names that ISO 3166 spells otherwise
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "america": "US", "united states": "US", "uk": "GB", "u.k.": "GB",
    "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "russia": "RU",
    "south korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "taiwan": "TW", "the netherlands": "NL",
    "czech republic": "CZ", "ivory coast": "CI", "palestine": "PS", "vatican": "VA", "macedonia": "MK",
    "congo": "CD", "democratic republic of congo": "CD", "the democratic republic of congo": "CD",
}


#: Head words of an organisation's name ("Harbour Gazette", "Kessford Council"): read by analysis for a
#: name's type, and by resolution, where a short name made of them alone ("the Army") is no one name.
ORG_HEADS = frozenset({"gazette", "times", "post", "news", "herald", "courier", "radio", "tv", "television",
                       "daily", "weekly", "magazine", "telegraph",
                       "agency", "press", "journal", "tribune", "chronicle", "ministry", "department", "authority",
                       "service", "council", "committee", "party", "bank", "company", "corporation", "inc",
                       "ltd", "university", "hospital", "police", "army", "navy", "fleet", "command",
                       "brigade", "school", "association", "union", "foundation"})

#: Nouns after a place name that make it an organisation's name ("Russia's Pacific fleet").
UNIT_NOUNS = frozenset({"fleet", "command", "army", "corps", "division", "brigade"})


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The comparison key of a name: no accents, case, hyphens, "the", possessive (memoised: a
    store's mentions repeat a few thousand names)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").casefold().strip()
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"[-‐–.']", " ", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())
