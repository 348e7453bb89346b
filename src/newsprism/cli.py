"""The command line: a thin face over :class:`newsprism.Prism`.

Each command parses options, builds Settings, calls one Prism method and
renders the result. Exit codes: 0 fine, 1 some inputs failed (listed), 2 usage,
settings or store error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .api import Prism
from .errors import NewsprismError, NotFoundError
from .records import Problem
from .render import article_dict, article_text, ingest_dict, summary_dict
from .settings import Settings

app = typer.Typer(
    name="newsprism",
    help="Turn piles and streams of news articles into event dossiers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", metavar="FILE", help="SQLite store (default: $NEWSPRISM_DB, else ./newsprism.db)."),
]
SettingsOption = Annotated[
    Optional[str],
    typer.Option("--settings", metavar="FILE", help="TOML settings file."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """newsprism: event dossiers from many news sources."""


@contextmanager
def _prism(db: str | None, settings_file: str | None, **overrides: Any) -> Iterator[Prism]:
    """Open the store, mapping library errors to messages and exit code 2."""
    try:
        settings = Settings.load(settings_file, **({"db": db} if db else {}), **overrides)
        prism = Prism(settings=settings)
    except NewsprismError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    try:
        yield prism
    except NotFoundError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except NewsprismError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    finally:
        prism.close()


def _error(message: str) -> None:
    """One line on stderr, never wrapped (scripts grep it)."""
    typer.echo(f"error: {message}", err=True)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    db: DbOption = None,
    settings: SettingsOption = None,
    format: Annotated[Optional[str], typer.Option(
        "--format", help="Skip sniffing: text, html, json, jsonl or feed.")] = None,
    max_file_size: Annotated[Optional[int], typer.Option(
        "--max-file-size", metavar="MB",
        help="Largest single document to read, in MB (default: 50; JSON Lines are streamed).")] = None,
    json_out: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read articles into the store: text, HTML, JSON, JSON Lines, RSS/Atom.

    Prints a summary (ingested, already present, failed with reasons); with
    --json, one JSON document and nothing else on stdout. Exits 1 when any
    input failed; the others are stored all the same.
    """
    overrides: dict[str, Any] = {"format": format}
    if max_file_size is not None:
        overrides["max_file_bytes"] = max_file_size * 1024 * 1024
    with _prism(db, settings, **overrides) as prism:
        show_bar = not quiet and err.is_terminal
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, disable=not show_bar) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(event: str, done: int, total: int, detail: object) -> None:
                if event == "start":
                    bar.update(task, total=total)
                elif event == "input":
                    bar.update(task, completed=done)
                elif event == "problem" and show_bar and isinstance(detail, Problem):
                    bar.console.print(f"[yellow]failed:[/yellow] {escape(str(detail))}", highlight=False,
                                      markup=True, soft_wrap=True)

            result = prism.ingest(paths, progress=progress)
        if not show_bar:
            for p in result.problems:
                typer.echo(f"failed: {p}", err=True)
        if json_out:
            _print_json(ingest_dict(result))
        else:
            typer.echo(
                f"ingested {len(result.added)} new, {len(result.revised)} revised, "
                f"{len(result.present)} already present, {len(result.problems)} failed "
                f"(store: {prism.settings.db})"
            )
        if result.problems:
            raise typer.Exit(1)


@app.command("articles")
def articles_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per article.")] = False,
    all_revisions: Annotated[bool, typer.Option("--all-revisions", help="Include superseded revisions.")] = False,
) -> None:
    """List the stored articles, oldest first (with --json: JSON Lines)."""
    with _prism(db, settings) as prism:
        rows = prism.articles(include_superseded=all_revisions)
        if json_out:
            for s in rows:
                sys.stdout.write(json.dumps(summary_dict(s), ensure_ascii=False) + "\n")
            return
        for s in rows:
            when = (s.published or "undated")[:16]
            flags = f"  [{', '.join(s.flags)}]" if s.flags else ""
            typer.echo(f"{s.article_id}  {when:16}  {(s.outlet or '?')[:24]:24}  {s.title or '(no title)'}{flags}")
        typer.echo(f"{len(rows)} articles", err=True)


@app.command("show")
def show_cli(
    article: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """Print one article: metadata, body, captions and every removal."""
    with _prism(db, settings) as prism:
        a = prism.article(article)
        if json_out:
            _print_json(article_dict(a))
        else:
            typer.echo(article_text(a), nl=False)


@app.command("report")
def report_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """Cleaning report: articles, flags, and removals counted by reason."""
    with _prism(db, settings) as prism:
        data = prism.ingest_report()
        if json_out:
            _print_json(data)
            return
        for section, counts in data.items():
            typer.echo(f"{section}:")
            for k, v in counts.items():
                typer.echo(f"  {k:24} {v}")
