"""Shared fixtures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import Prism, Settings
from newsprism.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current output (review the diff).")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME, or rewrite it with --update-golden."""

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{path} missing: run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8")

    return check


def dead_links(page: str) -> list[str]:
    """Every ``href="#..."`` of an HTML page whose target id the page lacks
    or holds more than once."""
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    once = {i for i, n in ids.items() if n == 1}
    return [h for h in re.findall(r'href="#([^"]+)"', page) if h not in once]


@pytest.fixture(name="dead_links")
def dead_links_fixture() -> Callable[[str], list[str]]:
    """The link checker: ``dead_links(page)`` lists the dead in-page links."""
    return dead_links


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def prism(db: str) -> Prism:
    p = Prism(db=db, settings=Settings())
    yield p
    p.close()


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the real CLI in-process; stdout and stderr apart."""

    def run(*args: str, input: str | bytes | None = None) -> CliResult:
        result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def demo() -> Path:
    return DEMO
