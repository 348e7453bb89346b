from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.errors import SettingsError
from newsprism.settings import SECTIONS, AlignSettings, AnalyseSettings, DossierSettings, Settings, StorySettings

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [f.name for f in dataclasses.fields(Settings) if f.name not in SECTIONS and f"| `{f.name}` |" not in text]
    for table, cls in SECTIONS.items():
        part = text[text.index(f"### `[{table}]`"):]
        part = part[:part.find("\n### ", 1)] if "\n### " in part[1:] else part
        missing += [f"{table}.{f.name}" for f in dataclasses.fields(cls) if f"| `{f.name}` |" not in part]
    assert not missing


def test_sections_are_frozen_and_read_from_either_table(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("[newsprism.claims]\nwording_run = 8\n\n[newsprism.stories]\nthreshold = 1\n", encoding="utf-8")
    s = Settings.load(f)
    assert s.claims == AlignSettings(wording_run=8) and s.align_settings() is s.claims
    assert s.stories == StorySettings(threshold=1.0) and isinstance(s.stories.threshold, float)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.claims.threshold = 0.5  # type: ignore[misc]
    f.write_text("[claims]\nthreshold = 'high'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"s\.toml: \[claims\]: threshold must be like 0\.3, not 'high'"):
        Settings.load(f)


def test_analyse_section_is_checked(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("[newsprism.analyse]\nlead_sentences = 2\n", encoding="utf-8")
    assert Settings.load(f).analyse == AnalyseSettings(lead_sentences=2, when_sentences=8)
    f.write_text("[analyse]\nlead_sentences = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[analyse\]: lead_sentences and when_sentences must be positive"):
        Settings.load(f)
    f.write_text("[analyse]\nsentences = 2\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[analyse\]: unknown setting\(s\): sentences"):
        Settings.load(f)


def test_clean_and_resolve_thresholds_and_dossier_section_are_read_from_the_file(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("min_language_chars = 10\ncaption_max_words = 60\nremoval_run = 2\nshort_name_alone = 4\n"
                 "[dossier]\nsummary_sentences = 1\n", encoding="utf-8")
    s = Settings.load(f)
    assert (s.min_language_chars, s.caption_max_words, s.removal_run, s.short_name_alone) == (10, 60, 2, 4)
    assert s.dossier == DossierSettings(summary_sentences=1)
    assert Settings() == Settings(min_language_chars=120, caption_max_words=40, removal_run=100,
                                  short_name_alone=3, dossier=DossierSettings(summary_sentences=5))
    f.write_text("[dossier]\nsummary_sentences = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[dossier\]: summary_sentences must be positive"):
        Settings.load(f)
    f.write_text("removal_run = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="removal_run at least 2"):
        Settings.load(f)


def test_rule_constants_table_matches_the_code() -> None:
    import importlib

    text = DOC.read_text(encoding="utf-8")
    part = text[text.index("## Thresholds and rule constants"):]
    rows = [line.split(" | ") for line in part.splitlines() if line.startswith("| `")]
    checked = 0
    for names, values, _ in rows:
        for group, group_values in zip(names.strip("| ").split("; "), values.split("; "), strict=True):
            refs = [n.strip("` ") for n in group.split(",")]
            module = refs[0].rsplit(".", 1)[0]
            for ref, value in zip(refs, group_values.split(", "), strict=True):
                name = ref.rsplit(".", 1)[-1]
                assert getattr(importlib.import_module(f"newsprism.{module}"), name) == int(value), ref
                checked += 1
    assert checked >= 15
