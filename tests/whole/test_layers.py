"""The package's layers: the store and the renderers read records, never a stage or Prism."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "newsprism"
#: What the store and the renderers may import from the package: the modules below every stage.
BELOW_STAGES = frozenset({"records", "errors", "settings", "lexicon", "formats", "render"})


def package_imports(text: str, package: tuple[str, ...]) -> set[str]:
    """The top-level package modules a file in ``package`` (its folders under newsprism/) imports,
    those under ``if TYPE_CHECKING`` and inside functions included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            parts = base + (node.module.split(".") if node.module else [])
            found.update(parts[:1] if parts else (a.name for a in node.names))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsprism."):
            found.add(node.module.split(".")[1])
    return found


@pytest.mark.parametrize("path", [SRC / "store.py", *sorted((SRC / "render").glob("*.py"))],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_layers_store_and_render_import_records_never_stages(path: Path) -> None:
    found = package_imports(path.read_text(encoding="utf-8"), path.relative_to(SRC).parts[:-1])
    assert found <= BELOW_STAGES, f"{path.relative_to(SRC)} imports {sorted(found - BELOW_STAGES)}"


def test_layers_see_type_checking_and_local_imports() -> None:
    text = ("from typing import TYPE_CHECKING\nfrom ..records import Article\nif TYPE_CHECKING:\n"
            "    from ..api import StoryDetail\ndef f():\n    from ..copies import WIRES\n"
            "from . import plural\nfrom newsprism.stories import Story\n")
    assert package_imports(text, ("render",)) == {"records", "api", "copies", "render", "stories"}
