"""analyse.tense: which way a date's verb looks from the day of writing, on hand-parsed Docs (no model)."""

from __future__ import annotations

import pytest

from newsprism.analyse.tense import direction, is_verb

#: (words, heads, deps, tags, the date's index) of invented sentences, parsed by hand.
CASES = {
    "said-friday": (["Officials", "said", "Friday", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "npadvmod", "punct"],
                    ["NNS", "VBD", "NNP", "."], 2),
    "will-meet-friday": (["Officials", "will", "meet", "Friday", "."], [2, 2, 2, 2, 2],
                         ["nsubj", "aux", "ROOT", "npadvmod", "punct"], ["NNS", "MD", "VB", "NNP", "."], 3),
    "met-on-friday": (["They", "met", "on", "Friday", "."], [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"],
                      ["PRP", "VBD", "IN", "NNP", "."], 3),
    "is-meeting-friday": (["She", "is", "meeting", "Friday", "."], [2, 2, 2, 2, 2],
                          ["nsubj", "aux", "ROOT", "npadvmod", "punct"], ["PRP", "VBZ", "VBG", "NNP", "."], 3),
    "has-met-since-may": (["They", "have", "met", "since", "May", "."], [2, 2, 2, 2, 3, 2],
                          ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"], ["PRP", "VBP", "VBN", "IN", "NNP", "."], 4),
    "tuesdays-vote": (["They", "praised", "Tuesday", "'s", "vote", "."], [1, 1, 4, 2, 1, 1],
                      ["nsubj", "ROOT", "poss", "case", "dobj", "punct"], ["PRP", "VBD", "NNP", "POS", "NN", "."], 2),
    "fans-celebrate-on-friday": (["Fans", "celebrate", "on", "Friday", "."], [1, 1, 1, 2, 1],
                                 ["nsubj", "ROOT", "prep", "pobj", "punct"], ["NNS", "VBP", "IN", "NNP", "."], 3),
}


@pytest.mark.parametrize(("case", "headline", "expected"), [
    ("said-friday", False, "past"), ("will-meet-friday", False, "future"), ("met-on-friday", False, "past"),
    ("is-meeting-friday", False, "future"), ("has-met-since-may", False, "past"), ("tuesdays-vote", False, "either"),
    ("fans-celebrate-on-friday", False, "present"), ("fans-celebrate-on-friday", True, "either"),
], ids=["past-adverbial", "modal", "past-preposition", "present-progressive", "since", "a-nouns-date",
        "present-scheduled", "present-in-a-headline"])
def test_tense_direction(hand_doc, case: str, headline: bool, expected: str) -> None:  # type: ignore[no-untyped-def]
    words, heads, deps, tags, at = CASES[case]
    ents = ["B-DATE" if i == at else "O" for i in range(len(words))]
    doc = hand_doc(words, ents, heads=heads, deps=deps, tags=tags)
    (date,) = doc.ents
    assert direction(date, headline=headline) == expected


def test_tense_is_verb_by_tag_when_there_is_no_part_of_speech(hand_doc) -> None:  # type: ignore[no-untyped-def]
    words, heads, deps, tags, _ = CASES["said-friday"]
    doc = hand_doc(words, ["O"] * len(words), heads=heads, deps=deps, tags=tags)
    assert [is_verb(t) for t in doc] == [False, True, False, False]
