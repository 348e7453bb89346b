"""Regenerate docs/cli.md from the commands' --help: python docs/gen_cli.py"""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

HEAD = """# Command-line reference

Generated from `--help` by `python docs/gen_cli.py`; do not edit by hand.

Every command takes `--db FILE` (default: `$NEWSPRISM_DB`, else `newsprism.db` in
the working directory) and `--settings FILE` (a TOML file, see
[settings.md](settings.md)). Exit codes: 0 fine; 1 some inputs failed (each listed
on stderr as `PATH: reason`, the others stored); 2 usage, settings or store error.
Output meant for programs (`--json`) goes to stdout alone; progress and messages go
to stderr. Text output shows control characters from articles and file names
escaped (`\\x1b`), never raw. Only `ingest`, `analyse` and `run` create or change
a store; the other commands open it read-only and exit 2 when it is missing.
"""


def main() -> None:
    os.environ["COLUMNS"] = "100"
    os.environ["TERM"] = "dumb"
    runner = CliRunner()
    parts = [HEAD]
    top = runner.invoke(app, ["--help"], prog_name="newsprism", env={"NO_COLOR": "1"})
    text = "\n".join(line.rstrip() for line in top.stdout.splitlines()).strip()
    parts.append(f"## `newsprism`\n\n```text\n{text}\n```\n")
    for command in app.registered_commands:
        name = command.name
        result = runner.invoke(app, [name, "--help"], prog_name="newsprism", env={"NO_COLOR": "1"})
        text = "\n".join(line.rstrip() for line in result.stdout.splitlines()).strip()
        parts.append(f"## `newsprism {name}`\n\n```text\n{text}\n```\n")
    out = Path(__file__).with_name("cli.md")
    out.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
