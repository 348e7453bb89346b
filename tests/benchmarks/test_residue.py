"""The residue checker of benchmarks/residue.py: its own patterns, on invented text."""

from __future__ import annotations

from types import ModuleType

import pytest

from _support import load_benchmark


def _checker() -> ModuleType:
    return load_benchmark("residue")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("[Ostrava Nova weighs a new bus line for the east bank]", ["related headlines"]),
        ("[Editorial board picks its ten best trams of the year]", ["related headlines"]),
        ("[Editor's note: This story has been updated with the mayor's comments.]", []),
        ("[Update: The council met again on Tuesday and confirmed the vote.]", []),
        ("[Correction: An earlier version gave the wrong year for the depot's opening.]", []),
        ("JUST WATCHED Why the depot is closing Replay More Videos", ["video player"]),
        ("The council voted on Monday to close the old tram depot.", []),
    ],
    ids=["headline", "editorial-headline", "editors-note", "update", "correction", "player", "text"],
)
def test_residue_checker_tells_notes_from_related_headlines(text: str, kinds: list[str]) -> None:
    assert _checker().kinds_of(text) == kinds


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("A tram waits at the depot in this undated photo released by the council.", True),
        ("FILE - In this March 2, 2025 file photo trams wait in the depot.", True),
        ("Mayor Ilse Brandt (pictured) opened the depot in 1990.", True),
        ("The council voted on Monday to close the old tram depot.", False),
        ("The photo of the depot went round the town.", False),
    ],
    ids=["undated-photo", "file-photo", "pictured", "text", "photo-in-text"],
)
def test_residue_checker_counts_caption_wording(text: str, wording: bool) -> None:
    assert bool(_checker().CAPTION_WORDING.search(text)) is wording
