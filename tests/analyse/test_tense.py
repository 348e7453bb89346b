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
    "had-been-due-to-expire-friday": (["It", "had", "been", "due", "to", "expire", "Friday", "."],
                                      [2, 2, 2, 2, 5, 3, 5, 2],
                                      ["nsubj", "aux", "ROOT", "acomp", "aux", "xcomp", "npadvmod", "punct"],
                                      ["PRP", "VBD", "VBN", "JJ", "TO", "VB", "NNP", "."], 6),
    "is-due-to-expire-friday": (["It", "is", "due", "to", "expire", "Friday", "."], [1, 1, 1, 4, 2, 4, 1],
                                ["nsubj", "ROOT", "acomp", "aux", "xcomp", "npadvmod", "punct"],
                                ["PRP", "VBZ", "JJ", "TO", "VB", "NNP", "."], 5),
    "offer-expires-friday": (["The", "offer", "expires", "Friday", "."], [1, 2, 2, 2, 2],
                             ["det", "nsubj", "ROOT", "npadvmod", "punct"], ["DT", "NN", "VBZ", "NNP", "."], 3),
    "rule-takes-effect-friday": (["The", "rule", "takes", "effect", "Friday", "."], [1, 2, 2, 2, 2, 2],
                                 ["det", "nsubj", "ROOT", "dobj", "npadvmod", "punct"],
                                 ["DT", "NN", "VBZ", "NN", "NNP", "."], 4),
    "fans-take-seats-friday": (["Fans", "take", "seats", "Friday", "."], [1, 1, 1, 1, 1],
                               ["nsubj", "ROOT", "dobj", "npadvmod", "punct"], ["NNS", "VBP", "NNS", "NNP", "."], 3),
}


#: Lemmas of the inflected words of the cases above (the others are their own lower case).
LEMMAS = {"had": "have", "been": "be", "is": "be", "expires": "expire", "takes": "take", "Fans": "fan", "seats": "seat"}


@pytest.mark.parametrize(("case", "expected"), [
    ("had-been-due-to-expire-friday", "past"), ("is-due-to-expire-friday", "future"),
    ("offer-expires-friday", "future"), ("rule-takes-effect-friday", "future"), ("fans-take-seats-friday", "present"),
], ids=["a-plan-in-the-past-perfect", "a-plan-in-the-present", "expires", "takes-effect", "take-without-effect"])
def test_tense_plans_and_what_is_set_to_happen(hand_doc, case: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """A plan told in the past perfect ("had been due to expire Friday") is past; a present of a verb of what
    is set to happen ("the offer expires Friday", "the rule takes effect Friday") looks ahead."""
    words, heads, deps, tags, at = CASES[case]
    ents = ["B-DATE" if i == at else "O" for i in range(len(words))]
    lemmas = [LEMMAS.get(x, x.lower()) for x in words]
    doc = hand_doc(words, ents, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    (date,) = doc.ents
    assert direction(date) == expected


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
