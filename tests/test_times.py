"""Time resolution without the model: what has no day on the calendar stays unresolved."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsprism.analyse.times import _resolve

TUESDAY = datetime(2025, 3, 11, 8, 15, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text", ["11:20 p.m.", "a second night", "the early hours", "midnight", "overnight"])
def test_time_without_a_day_is_unresolved(text: str) -> None:
    value, _g, status, reason, _b = _resolve(text, TUESDAY, None, "past")
    assert value is None and status == "unresolved" and reason


@pytest.mark.parametrize(("text", "prefer", "expected"), [
    ("Thursday", "future", "2025-03-13"),
    ("Thursday", "past", "2025-03-06"),
    ("Tuesday", "past", "2025-03-11"),
    ("last week", "past", "2025-03-04"),
    ("Sep. 17", "past", "2024-09-17"),
])
def test_dated_expressions_resolve_against_publication(text: str, prefer: str, expected: str) -> None:
    value, granularity, status, _r, base = _resolve(text, TUESDAY, None, prefer)
    assert (value, status, base) == (expected, "resolved", "published")
    assert granularity in ("day", "week")
