"""Words of date expressions, for the time resolver (``times.py``): data, not logic."""

from __future__ import annotations

from ..lexicon import CLOCK_TIME
from ..lexicon import ZONES as ZONES  # read by times.py

#: A clock time in text, removed before a date is read (the lexicon's, one of its three clock patterns).
CLOCK_RE = CLOCK_TIME

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Weekday abbreviations as written in news ("Tue.", "Thurs").
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                         "sat": 5, "sun": 6}
#: Month names and their abbreviations (with or without a full stop), to the month's number.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
#: Words naming a day relative to the day of writing, to its offset in days.
DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
#: Phrases naming a day relative to the day of writing, longest first (matched on the whole span).
DEICTIC_PHRASES = (
    ("the day before yesterday", -2), ("the day after tomorrow", 2), ("last night", -1),
    ("this morning", 0), ("this afternoon", 0), ("this evening", 0), ("earlier today", 0), ("later today", 0),
)
#: Parts of a day that may follow a day ("Tuesday night", "yesterday morning").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn", "daybreak",
                "lunchtime", "overnight")
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
#: Seasons to their TimeML code ("2023-SU") and the month each begins in (northern hemisphere, by whole
#: months; a winter runs from December of its year into the next).
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Words before a unit that count back from or forward to the day of writing ("last week", "next month").
BACK = ("last", "past", "previous", "this past")
AHEAD = ("next", "coming", "this coming")
THIS = ("this", "current", "the current")
#: Units a relative expression counts in, to the granularity of its value.
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
         "year": "year", "years": "year", "weekend": "week"}
#: Verbs (lemmas) that look ahead: a date of what they announce lies after the day of writing unless the
#: tense says otherwise ("is expected in December", "plans to meet on Friday").
LOOKING_AHEAD = frozenset({
    "expect", "plan", "intend", "want", "hope", "schedule", "aim", "agree", "decide", "promise", "threaten", "vow",
    "prepare", "seek", "set", "try", "propose", "offer", "ask", "urge", "order", "call", "need", "wish", "mean",
    "pledge", "forecast", "predict", "project", "anticipate", "due", "likely", "able", "resume", "delay", "postpone",
    "defer",
})  # fmt: skip
#: Adjectives and nouns (lemmas) whose infinitive tells a time ahead of their clause's, told in any tense
#: ("was likely to close on Friday", "announced plans to sail on Friday", "reached a deal to sell in March").
#: After any other word that is not a verb the infinitive's act is of its clause's time, and so, in a past
#: clause, past: ability, manner, order, feeling, effort ("was unable to land on Sunday", "was the first to
#: reach the quay", "was quick to condemn", "in an effort to disperse the crowd on Sunday").
AHEAD_OF_THEIR_CLAUSE = frozenset({
    "likely", "unlikely", "due", "set", "poised", "slated", "scheduled", "expected", "bound", "certain", "sure",
    "ready", "about", "plan", "plans", "proposal", "intention", "intent", "deadline", "promise", "pledge", "vow",
    "threat", "agreement", "deal", "decision", "offer", "timetable", "schedule", "date", "invitation", "appeal",
    "call", "request", "bid", "motion", "order",
})  # fmt: skip
#: Verbs (lemmas) of waiting or getting ready for a thing: a noun's date in what they wait for lies ahead unless
#: told in the past ("investors await Friday's jobs report", "the town braces for Sunday's storm").
AWAITING = frozenset({"await", "brace", "wait", "prepare", "gear", "anticipate"})
#: Nouns (lemmas) of a time set ahead: their date lies ahead unless told in the past ("Friday's deadline looms";
#: "missed Friday's deadline" looks back).
DEADLINES = frozenset({"deadline", "ultimatum"})
#: Verbs (lemmas) of planning, whose participle after a noun tells a plan ("the meeting, scheduled for
#: Tuesday"); another verb that looks ahead does so only with "for" ("the vote, set for Friday"; not "the
#: record set on Aug. 6").
PLANNING = frozenset({"schedule", "plan", "expect", "slate", "intend", "due", "pencil"})
#: Verbs (lemmas) of getting in touch: "could not be reached Wednesday" tells an attempt that failed, past, not a
#: time ahead that "could" would tell.
CONTACTING = frozenset({"reach", "contact"})
#: Nouns (lemmas) of figures measured over a period and published after it ("results for September",
#: "third-quarter earnings", "the September jobs report"): a month or a quarter that qualifies one is the period
#: measured, not the time of the clause's verb ("will be released next week"), so it is the nearest one, not the
#: next.
MEASURED_FIGURES = frozenset({
    "result", "results", "figure", "figures", "data", "datum", "report", "statistic", "statistics", "number",
    "numbers", "sale", "sales", "earning", "earnings", "profit", "profits", "revenue", "revenues", "output",
    "payroll", "payrolls", "reading", "readings",
})  # fmt: skip
#: Words whose object lies ahead of the time told ("ahead of Tuesday's vote", "in the run-up to the May
#: election"), up to the preposition.
LEADING_UP_TO = ("ahead of", "in advance of", "run-up to", "lead-up to", "runup to", "leadup to",
                 "in preparation for", "on the eve of")
#: Verbs (lemmas) of deciding or of trying, which look ahead, but whose simple past with an infinitive tells
#: an act done on a day: the date may be that day's ("decided to close the quay on Tuesday", "tried to reach
#: a deal on Friday"), so it says neither way.
ACTS_OF_DECIDING = frozenset({
    "decide", "agree", "vote", "choose", "opt", "elect", "resolve", "promise", "pledge", "vow", "threaten", "offer",
    "order", "ask", "urge", "call", "try", "seek", "attempt",
})  # fmt: skip
#: Verbs (lemmas) of reporting, whose present ("says Tuesday") tells what was said, not what is scheduled
#: (not the verbs that introduce a quotation: ``rules.REPORTING_VERBS``).
#: Verbs whose present, dated, tells what is set to happen ("the offer expires Friday", "the law takes effect
#: Jan. 1", "the festival opens Saturday"): it looks ahead, not to the nearest day either way. "take" counts
#: only with "effect" ("takes effect").
SCHEDULED_PRESENT_VERBS = frozenset({
    "expire", "lapse", "begin", "start", "open", "resume", "mature", "commence", "reopen", "kick", "take",
})  # fmt: skip
REPORTING_PRESENT_VERBS = frozenset({
    "say", "tell", "report", "announce", "warn", "claim", "insist", "confirm", "deny", "add", "note", "write",
    "argue", "state", "explain", "declare", "reveal", "disclose", "acknowledge", "admit", "complain", "suggest",
    "estimate", "believe", "think", "know", "show", "indicate", "describe", "recall", "remember", "quote", "cite",
    "tweet", "post", "blame", "accuse", "concede", "stress", "reply", "respond", "answer", "ask", "urge",
})  # fmt: skip
#: Verbs whose past tense is their plain form ("hurt", "cut"): a plural present of one may be a past tense.
SAME_IN_THE_PAST = frozenset({
    "hurt", "cut", "put", "set", "hit", "cost", "let", "shut", "split", "spread", "quit", "beat", "bet", "cast",
    "burst", "read", "rid", "shed", "thrust", "upset", "broadcast", "forecast", "offset", "outbid", "undercut",
    "bid", "slit", "sublet", "wed", "fit", "knit",
})  # fmt: skip
#: Prepositions that make a date the end of a span or a deadline ("extended to Nov. 20", "loans through
#: January"): the tense of the verb does not say on which side of the day of writing it lies.
END_POINT_PREPOSITIONS = frozenset({"to", "until", "till", "through", "by", "before"})
#: Spans after a weekday that name its week ("Tuesday night last week", "Thursday a week ago").
WEEKS_OF_A_WEEKDAY = frozenset({"last week", "this week", "next week", "a week ago", "of last week", "of next week"})
#: Words before a date that make it recur ("every Friday", "each July"): a set of days, no single date.
RECURRING_WORDS = frozenset({"every", "each"})
#: Prepositions that make a date the end of a state ("closed until Tuesday"): in a present, it lies ahead.
UNTIL_PREPOSITIONS = frozenset({"until", "till", "through", "thru"})
#: Words that open a clause of time or condition, whose present tense tells the future when the clause it
#: hangs from looks ahead ("will be happy when the film reaches theaters on May 4").
TIME_CLAUSE_MARKS = frozenset({"when", "until", "till", "before", "after", "once", "if", "unless", "as", "whenever"})
#: How far back (in days) a month and day without a year, told in the past, may lie: a writer who
#: means about a year ago writes the year or "last year", so past that the nearest one is meant ("had
#: proclaimed the end of the emergency on July 26" in a July 14 article).
MAX_BACK_DAYS = 300
#: How far back (in days) a weekday told in a present tense that is not one of reporting may lie: a present
#: with a weekday tells what is scheduled ("voters go to the polls Sunday": the one ahead), or, at most the day
#: before, what a photo of it shows ("fans celebrate on Monday night" in a Tuesday article).
PRESENT_BACK_DAYS = 1
#: Granularities from the finest, to compare them.
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
#: Words that soften a count without changing it ("almost four years ago").
HEDGES = ("about", "almost", "nearly", "some", "roughly", "around", "approximately", "just", "only", "barely",
          "more than", "over", "less than", "under", "at least", "exactly", "precisely", "well over", "fully")
#: Phrases naming the day of a date told just before ("Earlier that day") and their offset from it.
ANAPHORIC_DAYS = (
    ("earlier that day", 0), ("later that day", 0), ("that same day", 0), ("the same day", 0), ("that day", 0),
    ("that morning", 0), ("that afternoon", 0), ("that evening", 0), ("that night", 0), ("later that night", 0),
    ("earlier that morning", 0), ("the next day", 1), ("the following day", 1), ("the day after", 1),
    ("the next morning", 1), ("the following morning", 1), ("the day before", -1), ("the previous day", -1),
    ("the night before", -1), ("the eve", -1),
)
#: Parts of the day that, as the whole span ("by mid-afternoon", "overnight", "on the day", "late in the
#: day"), name a part of the day told just before.
PARTS_OF_A_TOLD_DAY = ("morning", "afternoon", "evening", "night", "midday", "dawn", "daybreak", "lunchtime",
                       "overnight", "day")
#: Words that may stand before such a part of the day without changing which day it is.
PART_OF_DAY_LEAD = ("by", "at", "in", "during", "on", "for", "through", "until", "till", "since", "the", "early",
                    "late", "mid", "later", "earlier")
#: Prepositions before "the 19th" that make it a day of the month ("on the 19th"; not "in the 10th").
DAY_OF_MONTH_PREPOSITIONS = frozenset({"on", "by", "until", "till", "since", "from", "before", "after"})
#: Words after such a part of the day that say which day it is ("the day after the summit", "the night of
#: the vote", "through the night on Saturday", "the morning when ..."): it is then not the day told before it
#: (a clause after it, "the day the ferry sank", is found by the parse).
NAMING_WHICH_DAY = frozenset({"after", "before", "of", "on", "when", "which", "following", "preceding"})
#: Words that may stand before a clock time alone without naming a day ("around 7:15 p.m.", "shortly after
#: 9 a.m."): the clock time is then a time of the day told just before it.
CLOCK_LEAD = frozenset({"at", "around", "about", "approximately", "roughly", "nearly", "almost", "by", "until",
                        "till", "before", "after", "shortly", "just", "since", "from", "sometime", "some", "time"})
#: Zones of universal time: a clock time in one, beside a local day, may fall on another day ("6 a.m.
#: Tuesday (2100 GMT Monday)"), so it is not read as a time of the day told.
UNIVERSAL_ZONES = frozenset({"gmt", "utc", "z"})
#: Hours of the clock (0-23) after midnight in which a clock time alone, told after a day, may already be on
#: the next day ("They met on Tuesday evening. Talks ended at 2 a.m."): it is then not read as that day's.
SMALL_HOURS = frozenset({0, 1, 2, 3, 4})
#: Words before a bare unit that the model may leave out of the span ("this year's election" tagged
#: "year"): with them the unit names the period of writing or the one before or after it.
UNIT_DEICTICS = frozenset({"this", "last", "next", "past", "coming", "current"})
#: Units such a word may come before.
DEICTIC_UNITS = frozenset({"week", "weekend", "month", "year"})
#: Parts of the day that, with no day told before them, lie on the eve of the day of writing ("five men were
#: arrested overnight": last night), unless told ahead; after a day told, on either side of it.
NIGHT_BEFORE = frozenset({"overnight"})
#: Phrases naming the year, month or week of a date told just before ("later that year", "the same month"),
#: to the granularity they name.
ANAPHORIC_PERIODS = {
    f"{lead}{unit}": unit
    for unit in ("year", "month", "week")
    for lead in ("that ", "later that ", "earlier that ", "the same ", "that same ", "later in that ", "earlier in that ")
}
#: Phrases naming a part of the year, month or week of writing ("later in the year"), to the granularity.
CURRENT_PERIODS = {f"{when} in the {unit}": unit for unit in ("year", "month", "week")
                   for when in ("earlier", "later", "early", "late")}
#: Holidays on a fixed day of the calendar (after normalising: no possessive), to (month, day).
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year day": (1, 1), "new year eve": (12, 31), "halloween": (10, 31), "valentine day": (2, 14),
    # national and civic days on a fixed date
    "bastille day": (7, 14), "fourth of july": (7, 4), "july fourth": (7, 4), "canada day": (7, 1),
    "australia day": (1, 26), "anzac day": (4, 25), "waitangi day": (2, 6), "may day": (5, 1),
    "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "st patrick day": (3, 17), "saint patrick day": (3, 17), "all saints day": (11, 1),
    "all souls day": (11, 2), "international women day": (3, 8), "earth day": (4, 22), "groundhog day": (2, 2),
}
#: Holidays on a day a rule gives (after normalising), to (kind, month, weekday, n): ``easter`` n days from
#: Western Easter Sunday; ``nth`` the n-th such weekday (Monday 0) of the month, -1 the last (the US ones).
RULE_HOLIDAYS = {
    "easter": ("easter", 0, 0, 0), "easter sunday": ("easter", 0, 0, 0), "easter monday": ("easter", 0, 0, 1),
    "good friday": ("easter", 0, 0, -2), "thanksgiving": ("nth", 11, 3, 4), "thanksgiving day": ("nth", 11, 3, 4),
    "labor day": ("nth", 9, 0, 1), "memorial day": ("nth", 5, 0, -1),
}
#: Words right before "today" that make it the present age, not the day of writing ("the largest rocket in
#: service today", "the best engine available today").
NOWADAYS_BEFORE = ("available", "in use", "in service", "in existence", "in operation", "out there", "on the market",
                   "around", "alive", "on earth", "in the world")
#: Words before a weekday that count it from the day told just before it ("down from the previous Friday",
#: "the following Monday"), to the direction they count in.
ANAPHORIC_WEEKDAY_WORDS = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "next": 1}
#: Words that focus or bound a date without changing the day it names ("just last week", "only yesterday",
#: "as recently as last month", "not until next year", "no later than Friday"): the date is the rest.
FOCUS_WORDS = ("just", "only", "even", "already", "as recently as", "as soon as", "not until", "not before",
               "no later than", "no earlier than", "shortly", "right", "at least")
#: Words after a date that focus or bound it the same way ("last year alone", "Friday at the earliest").
FOCUS_AFTER = ("alone", "at the earliest", "at the latest")
#: Words in front of a date that do not change the day it names ("early Tuesday", "since March", "mid-July",
#: "the early hours of Saturday").
LEADING_WORDS = (
    *PARTS_OF_DAY, *FOCUS_WORDS,
    "hours", "small", "wee", "early", "late", "mid", "the", "on", "in", "at", "by", "since", "until", "till",
    "through", "during", "around", "about", "approximately", "of", "from", "before", "after", "as of", "as early as",
    "as late as", "sometime", "some time", "earlier", "later", "beginning", "end", "middle", "start", "over",
)
#: Nouns after a holiday's name that keep its day: times of that day and what happens on it ("Christmas
#: Eve", "the New Year's Eve party"); before any other noun the name tells a kind of thing ("Christmas
#: lights", "the Christmas market attack"), not a day.
HOLIDAY_OCCASIONS = frozenset({
    "day", "eve", "morning", "afternoon", "evening", "night", "weekend", "celebration", "celebrations", "party",
    "parties", "parade", "dinner", "lunch", "service", "services", "mass", "message", "address", "speech",
    "broadcast", "truce", "ceasefire", "attack", "attacks", "fireworks", "game", "games", "match", "matches",
})  # fmt: skip
#: Words hyphened before a year that say which part of it, or which kind ("mid-2014", "FY-2017"): with any
#: other word with capitals or digits before the hyphen, the number is part of a code ("RXJ1131-1231").
YEAR_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "fy", "fiscal", "circa", "ca", "c"})
#: Nouns of a period that "year-earlier" or "year-ago" may qualify ("the year-ago quarter").
PERIOD_NOUNS = ("period", "periods", "quarter", "month", "level", "levels", "figure", "figures", "result",
                "results", "date")
#: Ordinal words, for "today is the eighth day of the strike" ("the 12th day" is read from its digits).
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")
#: Ordinal words of the days of a month, to the day ("the third of May", "the twenty-first of June").
ORDINAL_DAYS = {
    **{word: n for n, word in enumerate(ORDINAL_WORDS, start=1)},
    **{f"twenty {word}": 20 + n for n, word in enumerate(ORDINAL_WORDS[:9], start=1)},
    "thirtieth": 30, "thirty first": 31,
}
#: Words of a game's play (a regular expression's alternatives, matched whole in lower case): in a text with
#: two of them, or a sentence with one, an ordinal quarter with no year ("scored late in the third quarter")
#: is a period of the game, not of the calendar.
GAME_WORDS = (
    r"touchdowns?", "halftime", "half-time", r"quarterbacks?", r"cornerbacks?", r"linebackers?", r"fumbles?",
    r"interceptions?", r"kickoffs?", r"field goals?", r"free throws?", r"three-pointers?", r"\d+-yard",
    r"yards? line", "end zone", "buzzer", "tip-off",
)  # fmt: skip
