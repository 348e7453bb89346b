"""The two seed articles (../shared/corpus/seeds) tell one story and are not copies of each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Prism

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}"),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    prism = Prism(db=tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = prism.ingest([str(SEEDS)])
    assert result.problems == () and len(result.added) == 2
    yield prism
    prism.close()


def test_seed_story_one_story(seeded: Prism) -> None:
    stories = seeded.stories()
    assert len(stories) == 1
    assert stories[0].size == 2


def test_seed_story_not_copies(seeded: Prism) -> None:
    copies = seeded.copies()
    assert copies.links == () and copies.groups == ()
    assert seeded.stories()[0].independent_sources == 2
