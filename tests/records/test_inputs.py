"""records.inputs: raw documents, articles, removals and what ingesting returns."""

from __future__ import annotations

import pytest

from newsprism.records import IngestResult, OffsetMap, Problem


@pytest.mark.parametrize(("offset", "source"), [(0, 0), (4, 4), (5, 12), (9, 16), (20, 40), (25, 45)],
                         ids=["start", "before-anchor", "at-anchor", "after-anchor", "last-anchor", "past-last"])
def test_inputs_offset_map_steps_one_for_one_from_the_anchor_before(offset: int, source: int) -> None:
    assert OffsetMap(((0, 0), (5, 12), (20, 40))).to_source(offset) == source


def test_inputs_offset_map_spans_and_the_empty_map() -> None:
    anchors = OffsetMap(((0, 0), (5, 12)))
    assert anchors.span_to_source(3, 7) == (3, 14)
    assert anchors.span_to_source(6, 6) == (13, 13)
    assert OffsetMap().to_source(17) == 17


def test_inputs_problem_reads_path_then_reason_and_a_result_with_one_is_not_ok() -> None:
    problem = Problem("feeds/x.xml", "not RSS")
    assert str(problem) == "feeds/x.xml: not RSS"
    assert IngestResult(("a",), (), (), ()).ok
    assert not IngestResult((), (), (), (problem,)).ok
