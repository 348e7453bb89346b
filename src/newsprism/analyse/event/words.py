"""Word lists and patterns of the main-event rules: data, not logic.

Each table is named for what it recognises; the rules in the sibling
modules read them and nothing else of the language.
"""

from __future__ import annotations

import re

from ..datewords import DEICTIC_DAYS, MONTHS, WEEKDAYS
from ..rules import JOINED_PARTS_OF_DAY, REPORTING_VERBS

# ---------------------------------------------------------------- entity labels

#: Labels of a name (a subject that is one of these is "named").
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EQUIPMENT")
#: Labels of an actor.
WHO_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: Labels of a headline name that may answer who.
HEADLINE_ACTOR_LABELS = ("PERSON", "ORG")
#: Labels of a place.
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Labels a place may carry when it lies inside another (a city or a region, not a building).
AREA_LABELS = ("GPE", "LOC")
#: Labels of a name the model gives a site ("outside Trump Tower", "at the Interlagos circuit").
SITE_NAME_LABELS = ("ORG", "PERSON", "PRODUCT")
#: Labels of a date or a time.
TIME_LABELS = ("DATE", "TIME")
#: Granularities of a resolved time that name a day, a week, a month or a year.
WHEN_GRAINS = ("day", "week", "month", "year")

# ---------------------------------------------------------------- dependency relations

#: A place in one of these relations modifies a noun ("US election", "Russia's president"): not where.
MODIFIER_DEPS = ("compound", "poss", "nmod", "amod", "npadvmod")
#: Relations of a subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass")

# ---------------------------------------------------------------- what

#: Prepositions that open a circumstance, not the object of the event ("crash out as ...").
NOT_OBJECT_PREPS = frozenset({"as", "after", "before", "despite", "during", "amid", "since", "until", "because"})
#: Nouns that name an event or a thing that happened ("Seattle shooting", "Death of the woman who ...").
EVENT_NOUNS = frozenset({
    "attack", "blast", "explosion", "bombing", "shooting", "crash", "collision", "derailment", "accident",
    "incident", "fire", "blaze", "flood", "storm", "earthquake", "quake", "march", "protest", "rally",
    "demonstration", "strike", "raid", "war", "fighting", "clash", "violence", "decision", "move", "change",
    "plan", "deal", "vote", "election", "result", "row", "scandal", "investigation", "probe", "inquiry", "race",
    "rescue", "search", "hunt", "tragedy", "disaster", "death", "killing", "murder", "arrest", "trial", "funeral",
    "loss", "win", "victory", "defeat"})
#: The most words of a who and of a what.
MAX_WHO = 8
MAX_WHAT = 8
#: The most words from a preposition to its object's head for the phrase to be part of the what.
MAX_PREP = 3

# ---------------------------------------------------------------- who

#: Nouns that name an event or a report of it, never who acted ("A decision to space out the triangles
#: has upset fans", "Seattle shooting leaves five hurt", "A government statement says ...").
NOT_AGENTS = EVENT_NOUNS | {"report", "study", "survey", "poll", "statement", "video", "footage", "photo",
                            "picture", "image", "mystery"}
#: A name in their phrase is the target of the event, not its actor ("protests against Trump").
OPPOSING_PREPS = frozenset({"against", "versus", "vs", "vs."})
#: A name right after this is what others oppose ("anti-Trump protest").
OPPOSED_PREFIX = re.compile(r"\banti-?\s*$", re.IGNORECASE)
#: Verbs whose subject is a source, not an actor ("Seattle police revealed they are investigating ...").
SOURCE_VERBS = REPORTING_VERBS | {"reveal", "tell", "quote", "cite"}

# ---------------------------------------------------------------- when

#: Conjunctions of a clause that dates another event than the main one ("since his victory was confirmed
#: on Wednesday").
BACKGROUND_MARKS = frozenset({"since", "after", "before", "when", "while", "as", "because", "once"})
#: How many days before a report the event it reports may lie, for the report's date to give way to the
#: event's ("reported on Sunday that ..." and "visited ... on Saturday").
REPORT_LAG_DAYS = 7
#: A "when" names a day, a date or a time of day, not a duration ("two days", "108 years"): a weekday,
#: a day counted from today, a month (the time resolver's words) or a part of the day, or a clock time.
_WHEN_NAMES = sorted({*WEEKDAYS, *DEICTIC_DAYS, *MONTHS, *JOINED_PARTS_OF_DAY, "noon", "midnight"},
                     key=lambda w: (-len(w), w))
WHEN_WORDS = re.compile(rf"\b(?:{'|'.join(_WHEN_NAMES)})\b|\d(?:am|pm|:\d\d)|\d\s*[ap]\.?m\b", re.IGNORECASE)
#: The units of a time counted from an event ("two days before the election", "three hours after the blast").
ANCHOR_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"})
#: The words that count such a time from its event.
ANCHOR_PREPS = ("before", "after")
#: Nouns after such a time that name no event ("two days after the fact").
NOT_ANCHOR_EVENTS = frozenset({"fact"})
#: Words between a time of day and its date: "11pm local time on Thursday", "9am GMT on Friday".
TIME_TO_DATE = frozenset({"local", "time", "on", "this", "last", "next", "gmt", "bst", "utc", "et", "est", "edt",
                          "pt", "pst", "pdt", "cet", "cest"})
#: Prepositions of a date that tells how things stood, not when they happened ("by 5pm", "since Wednesday");
#: also "as of".
STATUS_PREPS = ("since", "by")

# ---------------------------------------------------------------- where

#: Prepositions whose object is a place of the event.
PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "into", "from", "off")
#: Nouns that name a kind of place: "the city of X", "X city", "in the province of X" (not "the wake of X").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "state", "region", "county", "district", "capital", "suburb",
    "area", "island", "port", "neighbourhood", "neighborhood", "borough", "country", "municipality",
    "prefecture", "territory", "township", "hamlet", "outskirts"})
#: Prepositions whose object is a site even when the model tags it as an organisation or a person
#: ("outside Trump Tower", "at the Interlagos circuit").
SITE_PREPS = ("at", "outside", "near", "inside")
#: A short acronym is an organisation or a thing, not a site ("at home GP").
ACRONYM = re.compile(r"[A-Z]{1,3}")

# ---------------------------------------------------------------- headlines

#: Names of days and months, capitalised in any sentence ("March", a verb too, is not among them).
CALENDAR_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "april", "june", "july", "august", "september", "october", "november", "december"})
#: A word of a headline.
TITLE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
#: What comes right before a word that starts a sentence.
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)[\"“‘']?$")
#: Determiners before a name that make "to" after it no headline future ("A Christmas to Remember").
NOT_FUTURE_DETS = ("a", "an", "another")
