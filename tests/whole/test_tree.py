"""The tests mirror the package: every module of ``src/newsprism`` has its test file (see conftest.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "newsprism"
#: Modules that only re-export or start the CLI: nothing of their own to test.
ONLY_REEXPORT = frozenset({"__init__.py", "__main__.py", "web/__init__.py"})


def mirror_of(module: Path) -> Path:
    """The test file of a module: ``a/b.py`` -> ``tests/a/test_b.py``; a package's ``__init__`` is tested
    beside the package (``a/b/__init__.py`` -> ``tests/a/test_b.py``)."""
    rel = module.relative_to(SRC)
    if rel.name == "__init__.py":
        rel = rel.parent.with_suffix(".py")
    return ROOT / "tests" / rel.parent / f"test_{rel.name}"


def test_tree_every_module_has_its_test_file() -> None:
    modules = [p for p in sorted(SRC.rglob("*.py")) if str(p.relative_to(SRC)) not in ONLY_REEXPORT]
    missing = [f"{m.relative_to(SRC)} -> {mirror_of(m).relative_to(ROOT)}" for m in modules
               if not mirror_of(m).exists()]
    assert not missing, missing


def test_tree_mirror_of_a_module_and_of_a_package() -> None:
    assert mirror_of(SRC / "copies.py") == ROOT / "tests" / "test_copies.py"
    assert mirror_of(SRC / "analyse" / "event" / "who.py") == ROOT / "tests" / "analyse" / "event" / "test_who.py"
    assert mirror_of(SRC / "analyse" / "event" / "__init__.py") == ROOT / "tests" / "analyse" / "test_event.py"
