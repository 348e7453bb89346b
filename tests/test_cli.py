"""The CLI: summaries, JSON output, exit codes, error messages."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

from newsprism import Prism
from newsprism.cli import app

P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")
ARTICLE = f"Ferry held in Skelby\n\n2025.02.04 18:30:00 | 2025.02.04 19:00:00\n\n{P}\n\nBy Kari Holm"


@pytest.fixture
def article_file(tmp_path: Path) -> str:
    f = tmp_path / "ferry.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    return str(f)


def test_cli_ingest_summary(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("ingest", article_file, "--db", db, "--quiet")
    assert r.exit_code == 0
    assert r.stdout == f"ingested 1 new, 0 revised, 0 already present, 0 failed (store: {db})\n"
    r = cli("ingest", article_file, "--db", db, "--quiet")
    assert r.stdout.startswith("ingested 0 new, 0 revised, 1 already present, 0 failed")


def test_cli_ingest_json_is_one_document_on_stdout(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("ingest", article_file, str(Path(article_file).parent / "missing.txt"), "--db", db, "--json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["ok"] is False and len(data["added"]) == 1
    assert data["failed"] == [{"path": str(Path(article_file).parent / "missing.txt"),
                               "reason": "no such file or directory"}]


def test_cli_ingest_stdin(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("ingest", "-", "--db", db, "--quiet", input=ARTICLE.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    r = cli("articles", "--db", db, "--json")
    (row,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert row["source"] == "<stdin>" and row["title"] == "Ferry held in Skelby"


def test_cli_articles_json_lines(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", article_file, "--db", db, "--quiet")
    r = cli("articles", "--db", db, "--json")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["outlet"] is None and rows[0]["published"].startswith("2025-02-04T18:30")


def test_cli_show_json_fields(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", article_file, "--db", db, "--quiet")
    aid = json.loads(cli("articles", "--db", db, "--json").stdout)["id"]
    data = json.loads(cli("show", aid[:6], "--db", db, "--json").stdout)
    for key in ("id", "url", "outlet", "title", "byline", "published", "updated", "language",
                "paragraphs", "captions", "removed", "flags", "time_zone"):
        assert key in data
    assert data["byline"] == ["Kari Holm"] and data["paragraphs"] == [P] and data["language"] == "en"
    assert data["updated"] == "2025-02-04T19:00:00+00:00"
    assert data["time_zone"] == {"zone": "UTC", "inferred": True, "reason": "no zone given; assumed UTC"}
    assert [r["reason"] for r in data["removed"]] == ["title", "dateline", "byline"]


def test_cli_show_text(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", article_file, "--db", db, "--quiet")
    aid = json.loads(cli("articles", "--db", db, "--json").stdout)["id"]
    out = cli("show", aid, "--db", db).stdout
    assert out.startswith("Ferry held in Skelby\n") and P in out and "[byline] By Kari Holm" in out


def test_cli_show_unknown_article(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", article_file, "--db", db, "--quiet")
    r = cli("show", "deadbeef", "--db", db)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"error: no article 'deadbeef' in {db}; list them with `newsprism articles`"


def test_cli_bad_format_option_is_a_usage_error(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("ingest", article_file, "--db", db, "--format", "pdf")
    assert r.exit_code == 2
    assert r.stderr.strip() == "error: format 'pdf' is not one of: text, html, json, jsonl, feed"


def test_cli_db_from_environment(cli, tmp_path: Path, article_file: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "env.db"
    monkeypatch.setenv("NEWSPRISM_DB", str(target))
    assert cli("ingest", article_file, "--quiet").exit_code == 0
    assert target.exists()


def test_cli_store_that_is_not_a_database(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "not.db"
    bad.write_text("hello, not sqlite " * 100)
    r = cli("articles", "--db", str(bad))
    assert r.exit_code == 2
    assert r.stderr == f"error: {bad}: not a newsprism store (not an SQLite database); left untouched; give another --db\n"
    assert bad.read_text() == "hello, not sqlite " * 100


def _commands() -> list[str]:
    return sorted(c.name for c in app.registered_commands if c.name)


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help_and_docs(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(command, "--help")
    assert r.exit_code == 0 and "Usage:" in r.stdout
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert re.search(rf"^## `newsprism {command}`", docs, re.M), f"docs/cli.md lacks {command}"


def test_cli_top_level_help_keeps_each_description_whole(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("--help")
    commands = r.stdout.split("Commands:", 1)[1]
    rows: dict[str, str] = {}
    name = ""
    for line in commands.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            name, _, text = line.strip().partition(" ")
            rows[name] = text.strip()
        elif line.strip():
            rows[name] += " " + line.strip()
    for c in app.registered_commands:
        assert c.callback is not None and c.name is not None
        first = " ".join((inspect.getdoc(c.callback) or "").split("\n\n")[0].split())
        assert rows[c.name] == first, c.name  # the whole first paragraph, never cut with "..."


@pytest.mark.parametrize("command", [pytest.param("", id="top-level"), *_commands()])
def test_cli_help_shows_no_type_placeholders(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(*([command] if command else []), "--help")
    assert r.exit_code == 0
    assert not re.search(r"<(bool|str|int|list\[str\])>|\{[A-Za-z.]+\}", r.stdout), r.stdout


def test_cli_run_every_input_failed_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a.pdf").write_bytes(b"%PDF-1.4 not an article")
    out = tmp_path / "out"
    r = cli("run", str(bad), "--db", str(tmp_path / "r.db"), "--out", str(out), "-q")
    assert r.exit_code == 1
    assert f"error: every input failed (1, listed above): no article was read, so the report ({out / 'index.html'}) " \
           "shows only what the store held before (0 stories); fix the inputs and run again" in r.stderr
    assert f"failed: {bad / 'a.pdf'}: " in r.stderr
    assert "<strong>No story</strong>: no article was read" in (out / "index.html").read_text(encoding="utf-8")


def test_cli_run_with_no_article_in_the_inputs_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    r = cli("run", str(empty), "--db", str(tmp_path / "r.db"), "--out", str(tmp_path / "out"), "--json")
    assert r.exit_code == 1 and not json.loads(r.stdout)["ok"]
    assert f"\nerror: no article found in {empty}: no article was read" in r.stderr


def test_cli_report_counts_removals_by_reason(cli, db: str, article_file: str) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", article_file, "--db", db, "--quiet")
    r = cli("report", "--db", db, "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["totals"] == {"articles": 1, "articles_with_revisions": 1, "removals": sum(data["removals"].values())}
    assert data["removals"]["byline"] == 1 and data["removals"]["dateline"] == 1
    text = cli("report", "--db", db).stdout
    assert text.startswith("totals:\n  articles                 1\n") and "removals:\n" in text


def test_cli_stories_json(cli, db: str, filled: Prism) -> None:  # type: ignore[no-untyped-def]
    r = cli("stories", "--db", db, "--json")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"id", "title", "size", "outlets", "independent_sources", "first_published",
            "last_published"} <= set(rows[0])
    one = cli("story", rows[0]["id"], "--db", db, "--json")
    assert one.exit_code == 0
    detail = json.loads(one.stdout)
    assert detail["id"] == rows[0]["id"] and len(detail["articles"]) == rows[0]["size"]
    copies = cli("copies", "--db", db, "--json")
    assert copies.exit_code == 0 and json.loads(copies.stdout)["groups"] == []


def test_cli_stories_unknown_story(cli, db: str, filled: Prism) -> None:  # type: ignore[no-untyped-def]
    r = cli("story", "nope", "--db", db)
    assert r.exit_code == 2
    assert r.stderr.startswith("error: no story 'nope'")
