"""The names of the main-event rules, one per way an answer is found.

Each value is what :attr:`newsprism.records.EventPart.rule` stores and the
dossier shows; code compares the members, never the words.
"""

from __future__ import annotations

from enum import StrEnum


class Who(StrEnum):
    NAMED_SUBJECT = "named subject"
    HEADLINE_NAME = "headline name"
    SUBJECT = "subject"


class What(StrEnum):
    HEADLINE_CLAUSE = "headline clause"
    LEAD_CLAUSE = "lead clause"
    HEADLINE_VERB = "headline word of the lead's verb"
    HEADLINE_NOUN = "headline noun phrase"
    HEADLINE_RELATIVE = "headline relative clause"
    LEAD_IN_HEADLINE = "headline words of the lead's event"


class When(StrEnum):
    HEADLINE_WORD = "date of a headline word"
    MODIFIER = "date modifying a noun"
    IN_HEADLINE = "date in the headline"
    FIRST_SENTENCE = "date in the first sentence"
    LATER = "date later in the lead"
    REPORTED_EVENT = "date of the reported event"
    TIME_OF_DAY = "time of day"
    TIME_AND_DATE = "time of day and its date"
    RELATIVE = "time relative to an event"


class Where(StrEnum):
    HEADLINE_MODIFIER = "headline modifier"
    HEADLINE_PHRASE = "place phrase in the headline"
    LEAD_PHRASE = "place phrase in the lead"
    INSIDE_COUNTRY = "place inside the country"
    DATELINE = "dateline"
