"""analyse.quantities: numbers with units, normalised, on a blank pipeline (no model)."""

from __future__ import annotations

import pytest

from newsprism.analyse import Layout
from newsprism.analyse.quantities import quantities


@pytest.fixture
def found(blank, make_article):  # type: ignore[no-untyped-def]
    """``found(text)``: the quantities of an article of that text, on the blank pipeline."""

    def run(text: str):  # type: ignore[no-untyped-def]
        a = make_article(text)
        return quantities(blank(a.text), a.article_id, Layout.of(a))

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The base lies approximately 50 kilometers away.",
         ("approximately 50 kilometers", 50, 50, "km", 50, 50, True, None)),
        ("It has a range of 1,500 to 2,000 kilometers.",
         ("1,500 to 2,000 kilometers", 1500, 2000, "km", 1500, 2000, False, None)),
        ("It flies up to ten times the speed of sound.",
         ("up to ten times the speed of sound", 10, 10, "mach", 10, 10, False, "upper")),
        ("The deal is worth $5 billion.", ("$5 billion", 5e9, 5e9, "USD", 5e9, 5e9, False, None)),
        ("The convoy drove 10 miles.", ("10 miles", 10, 10, "km", 16.0934, 16.0934, False, None)),
        ("More than 300 tons of grain", ("More than 300 tons", 300, 300, "kg", 272155, 272155, False, "lower")),
        ("Prices rose 4.5 percent.", ("4.5 percent", 4.5, 4.5, "%", 4.5, 4.5, False, None)),
        ("At least 12 killed in the blast.", ("At least 12 killed", 12, 12, None, None, None, False, "lower")),
        ("Ship hits bridge in Germany; 27 hurt", ("27 hurt", 27, 27, None, None, None, False, None)),
        ("The ship hit the bridge (12 injured).", ("12 injured", 12, 12, None, None, None, False, None)),
    ],
    ids=["approx", "range", "mach", "money", "miles", "tons-lower", "percent", "count", "after-semicolon",
         "after-bracket"],
)
def test_analyse_quantities(found, make_article, text: str, expected: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    qs = found(text)
    assert len(qs) == 1
    q = qs[0]
    got = (q.text, q.low, q.high, q.canonical_unit, q.canonical_low, q.canonical_high, q.approximate, q.bound)
    assert got[:4] == expected[:4] and got[6:] == expected[6:]
    if q.canonical_low is not None:
        assert q.canonical_low == pytest.approx(expected[4], rel=1e-3)
        assert q.canonical_high == pytest.approx(expected[5], rel=1e-3)
    assert make_article(text).text[q.start:q.end] == q.text


def test_analyse_designations_and_years_are_not_quantities(found) -> None:  # type: ignore[no-untyped-def]
    assert found("The Tu-160 and the Kh-47M2 flew on 2023.09.18 near 9K720 sites.") == ()
