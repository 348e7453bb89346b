"""report: the report folder run writes, each file whole or not at all (hand-built dossier, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.records import IndexEntry
from newsprism.report import folder, write_index, write_story


def test_report_story_files_written_and_kept_when_the_dossier_is_the_stored_one(tmp_path: Path, flood_story) -> None:
    d, arts = flood_story()
    out = folder(tmp_path / "r" / "out")
    files = write_story(out, "s1", d, arts)
    assert (files.story_id, files.html.name, files.json.name) == ("s1", "s1.html", "s1.json")
    assert json.loads(files.json.read_text(encoding="utf-8"))["story_id"] == "s1"
    files.json.write_text("{}", encoding="utf-8")
    write_story(out, "s1", d, arts, fresh=False)  # written last time from this dossier: left alone
    assert files.json.read_text(encoding="utf-8") == "{}"
    write_story(out, "s1", d, arts)
    assert json.loads(files.json.read_text(encoding="utf-8"))["story_id"] == "s1"
    index = write_index(out, [IndexEntry(files.html.name, d)])
    assert index == out / "index.html" and 'href="s1.html"' in index.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "s1.html", "s1.json"]  # no temporary left


def test_report_folder_that_cannot_be_made_names_it(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as err:
        folder(tmp_path / "file" / "out")
    assert err.value.path == str(tmp_path / "file" / "out")
    assert err.value.reason.startswith("cannot create the report folder")
