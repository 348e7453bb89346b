"""api.Prism: the read methods write nothing; the writers store what they compute."""

from __future__ import annotations

from pathlib import Path

from newsprism import Prism


def test_api_read_methods_compute_in_memory_and_write_nothing(prism: Prism, demo: Path) -> None:
    prism.ingest([str(demo)])
    before = prism.version()
    listed = prism.stories()
    detail = prism.story(listed[0].story_id)
    copies = prism.copies()
    assert prism.version() == before  # neither copies nor stories were stored
    assert prism.store.stories().memberships == () and prism.store.copies().groups == ()
    prism.update_stories()
    assert prism.version().stories != before.stories
    assert prism.stories() == listed and prism.story(listed[0].story_id) == detail and prism.copies() == copies
