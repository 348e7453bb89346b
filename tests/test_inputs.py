"""inputs: files, directories and stdin as Inputs, a path that cannot be read as a Problem."""

from __future__ import annotations

import io
from pathlib import Path

from newsprism.inputs import Input, count, iter_inputs
from newsprism.records import Problem
from newsprism.settings import Settings


def test_inputs_directory_recursively_and_a_missing_path_as_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First invented article.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>Second invented article.</p>", encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    got = list(iter_inputs([str(tmp_path), missing], Settings()))
    inputs = [i for i in got if isinstance(i, Input)]
    assert sorted(Path(i.source).name for i in inputs) == ["a.txt", "b.html"]
    assert sorted(i.data for i in inputs) == [b"<p>Second invented article.</p>", b"First invented article."]
    assert got[-1] == Problem(missing, "no such file or directory")
    assert count([str(tmp_path), missing]) == 3


def test_inputs_stdin_is_one_input_named_stdin() -> None:
    (item,) = iter_inputs(["-"], Settings(), stdin=io.BytesIO(b"An invented article read from stdin."))
    assert isinstance(item, Input) and item.source == "<stdin>" and item.data == b"An invented article read from stdin."
