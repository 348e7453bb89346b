"""The audits the line test's cross-validation reads (benchmarks/line_cover.py): ECB+ ones need their store."""

from __future__ import annotations

import sys

import pytest

from _support import load_benchmark


def test_an_ecbplus_audit_needs_the_ecbplus_store_and_held_out_audits_are_refused(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line_cover = load_benchmark("line_cover")
    assert "7" in line_cover.FILES and set(line_cover.ECB_AUDITS) == {"7"}
    monkeypatch.setattr(sys, "argv", ["line_cover.py", "cv", "--db", "/nowhere/nc.db", "--audits", "1,7"])
    with pytest.raises(SystemExit, match="audit 7 is of ECB\\+ dossiers: name the ECB\\+ store with --ecb-db"):
        line_cover.main()
    monkeypatch.setattr(sys, "argv", ["line_cover.py", "cv", "--db", "/nowhere/nc.db", "--audits", "1,5"])
    with pytest.raises(SystemExit, match="audit-5 and audit-6 are held out"):
        line_cover.main()
