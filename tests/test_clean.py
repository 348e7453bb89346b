"""The clean package: what it re-exports from its parts."""

from __future__ import annotations


def test_clean_package_re_exports_its_stage_and_the_rules_other_stages_read() -> None:
    import newsprism.clean as clean
    from newsprism.clean import paragraphs, stage, times

    assert clean.clean is stage.clean and clean.article_id is stage.article_id
    for name in ("URL_LINE", "numeric_date", "is_date_line", "date_only_line", "detect_language"):
        assert getattr(clean, name) is getattr(times, name)
    assert clean.MAX_REPEAT_CANDIDATES == paragraphs.MAX_REPEAT_CANDIDATES
    # the old private names tests and benchmarks/ read
    assert clean._RepeatIndex is paragraphs.RepeatIndex and clean._near_repeat is paragraphs.near_repeat
    assert clean._shingles is paragraphs.key_shingles and clean._make_block is paragraphs.make_block
    assert clean._parse_time is times._parse_time and clean._WIRE_SUFFIX is times._WIRE_SUFFIX
