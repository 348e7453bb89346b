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


@pytest.mark.parametrize("path", [*sorted((SRC / "store").glob("*.py")), *sorted((SRC / "render").glob("*.py"))],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_layers_store_and_render_import_records_never_stages(path: Path) -> None:
    """A module of the store or render package imports its own package's parts and the modules below."""
    package = path.relative_to(SRC).parts[:-1]
    found = package_imports(path.read_text(encoding="utf-8"), package) - {package[0]}
    assert found <= BELOW_STAGES, f"{path.relative_to(SRC)} imports {sorted(found - BELOW_STAGES)}"


def test_layers_see_type_checking_and_local_imports() -> None:
    text = ("from typing import TYPE_CHECKING\nfrom ..records import Article\nif TYPE_CHECKING:\n"
            "    from ..api import StoryDetail\ndef f():\n    from ..copies import WIRES\n"
            "from . import plural\nfrom newsprism.stories import Story\n")
    assert package_imports(text, ("render",)) == {"records", "api", "copies", "render", "stories"}


#: Modules whose records another module may import: the records layer and the settings' sections.
RECORD_HOMES = frozenset({"records", "settings"})


def _defined_records(path: Path) -> set[str]:
    """The dataclasses and NamedTuples a module defines at its top level."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and (
                any("dataclass" in ast.unparse(d) for d in node.decorator_list)
                or any(ast.unparse(b).endswith("NamedTuple") for b in node.bases)):
            found.add(node.name)
    return found


def test_layers_a_record_another_module_imports_lives_in_the_records_layer() -> None:
    """A record defined in a stage is imported only inside that stage's own package (``analyse``'s
    ``Reading`` by ``analyse.times``), never by another top-level module of the package."""
    homes = {p: _defined_records(p) for p in SRC.rglob("*.py")}
    crossing = []
    for path in SRC.rglob("*.py"):
        package = path.relative_to(SRC).parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.level):
                continue
            parts = [*package[: len(package) - node.level + 1], *(node.module or "").split(".")]
            target = SRC.joinpath(*[p for p in parts if p])
            source = target.with_suffix(".py") if target.with_suffix(".py").exists() else target / "__init__.py"
            top = source.relative_to(SRC).parts[0].removesuffix(".py")
            if top in RECORD_HOMES or top == path.relative_to(SRC).parts[0].removesuffix(".py"):
                continue
            crossing += [f"{path.relative_to(SRC)} imports {a.name} from {source.relative_to(SRC)}"
                         for a in node.names if a.name in homes.get(source, set())]
    assert not crossing, crossing
