"""The copies package: what it re-exports from its parts."""

from __future__ import annotations


def test_copies_package_re_exports_its_stage_and_the_functions_other_stages_read() -> None:
    import newsprism.copies as copies
    from newsprism import records
    from newsprism.copies import credits, lsh

    assert copies.find_copies is lsh.find_copies and copies.KINDS == ("identical", "copy", "rewrite")
    for name in ("independent_sources", "line_origins", "outlet_credits", "rewrites", "run_holders",
                 "shared_writing", "wire_credit"):
        assert getattr(copies, name) is getattr(credits, name)
    assert copies.Copies is records.Copies and copies.CopyLink is records.CopyLink
