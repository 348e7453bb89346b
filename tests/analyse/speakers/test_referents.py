"""analyse.speakers.referents: what a token may stand for, on a hand-parsed Doc (no model)."""

from __future__ import annotations

import pytest

from newsprism.analyse.speakers.finder import Speakers
from newsprism.analyse.speakers.referents import Referents

from .test_clues import ENTS, PARSE, WORDS


@pytest.fixture
def doc(hand_doc):  # type: ignore[no-untyped-def]
    return hand_doc(WORDS, ENTS, **PARSE)


def test_referents_sexes_from_honorifics_and_possessives(doc) -> None:  # type: ignore[no-untyped-def]
    speakers = Speakers(doc, [(0, len(doc.text))], persons=frozenset({"kari mo"}))
    assert isinstance(speakers, Referents)
    # "Mr." tells Berg's sex, "her husband" Mo's; every word of a full name shares it
    assert speakers.sexes == {"ola": "m", "berg": "m", "kari": "f", "mo": "f"}
    berg, mo = doc.ents
    assert speakers.sex_fits(mo, "she") and not speakers.sex_fits(mo, "he")
    assert speakers.sex_fits(berg, "he") and not speakers.sex_fits(berg, "her")


def test_referents_surnames_and_persons(doc) -> None:  # type: ignore[no-untyped-def]
    speakers = Speakers(doc, [(0, len(doc.text))], persons=frozenset({"kari mo", "ola"}))
    assert speakers.surnames == frozenset({"mo"})  # one-word names have no surname
    assert speakers.personal(doc.ents[1]) and not speakers.personal(doc[4:5])
