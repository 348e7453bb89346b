"""The product against golden files: the demo's dossier as Markdown, JSON and HTML
(``pytest --update-golden`` rewrites them; review the diff). The seeds' dossier is not kept
here: it would copy the seed articles' text into the repository."""

from __future__ import annotations

import json
import shutil

import pytest

from _support import DEMO, SETTINGS
from newsprism import Prism, Settings
from newsprism.records import Article, Dossier
from newsprism.render.html import story_page
from newsprism.render.json import dossier_dict
from newsprism.render.markdown import dossier_markdown


@pytest.fixture(scope="module")
def demo_dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, tuple[Article, ...]]:
    base = tmp_path_factory.mktemp("golden")
    shutil.copytree(DEMO, base / "demo")
    with Prism(db=base / "g.db", settings=Settings.load(SETTINGS)) as prism:
        prism.run([str(base / "demo")], base / "out")
        (story,) = prism.stories()
        return prism.dossier(story.story_id), prism.story(story.story_id).articles


def test_golden_demo_dossier_json(demo_dossier, golden) -> None:  # type: ignore[no-untyped-def]
    golden("demo-dossier.json", json.dumps(dossier_dict(demo_dossier[0]), ensure_ascii=False, indent=1) + "\n")


def test_golden_demo_dossier_markdown(demo_dossier, golden) -> None:  # type: ignore[no-untyped-def]
    golden("demo-dossier.md", dossier_markdown(demo_dossier[0]))


def test_golden_demo_dossier_html(demo_dossier, golden) -> None:  # type: ignore[no-untyped-def]
    golden("demo-dossier.html", story_page(*demo_dossier))
