"""analyse.speakers: the package re-exports what ``quotes`` imports (its parts are tested in
``tests/analyse/speakers``)."""

from __future__ import annotations

from newsprism.analyse import speakers
from newsprism.analyse.speakers import finder


def test_speakers_reexports_the_finder() -> None:
    assert speakers.__all__ == ["DirectQuote", "Speakers", "last_speaker", "sentence_end"]
    assert all(getattr(speakers, name) is getattr(finder, name) for name in speakers.__all__)
