"""claims: alignment and status on hand-built records (no model needed)."""

from __future__ import annotations


def test_claims_thresholds_settable_from_the_settings_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from newsprism.errors import SettingsError
    from newsprism.settings import Settings

    good = tmp_path / "s.toml"
    good.write_text("[newsprism.claims]\nembedding_threshold = 0.8\nwording_run = 8\n", encoding="utf-8")
    s = Settings.load(good).align_settings()
    assert (s.embedding_threshold, s.wording_run, s.embedding_gate) == (0.8, 8, 0.2)
    bad = tmp_path / "b.toml"
    bad.write_text("[newsprism.claims]\nembeding_threshold = 0.8\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[claims\]: unknown setting"):
        Settings.load(bad)
