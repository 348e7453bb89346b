"""store.rows: records written to their rows and read back the same."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism import Prism

P = ("The harbour master of Skelby said on Tuesday that the ferry would not sail until the storm "
     "had passed, leaving about 300 passengers waiting in the terminal overnight.")


def write(tmp_path: Path, name: str, obj: dict[str, object]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(obj), encoding="utf-8")
    return str(path)


class _WritesAFile:
    """A crafted pickle payload: unpickling it would call pathlib's write_text."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (self.path.write_text, ("pwned",))


def test_store_round_trips_an_article(prism: Prism, tmp_path: Path) -> None:
    text = f"Ferry held\n\n2025.02.04 18:30:00\n\n{P}\n\nShare this article\n\nBy Kari Holm"
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    (aid,) = prism.ingest([str(f)]).added
    a = prism.article(aid)
    assert a.title == "Ferry held" and a.byline == ("Kari Holm",) and a.paragraphs == (P,)
    assert [r.reason for r in a.removals] == ["title", "dateline", "boilerplate", "byline"]
    assert a.published is not None and a.published.isoformat() == "2025-02-04T18:30:00+00:00"
    s, e = a.offsets.span_to_source(0, len(P))
    assert a.source_text[s:e] == P


def test_store_round_trips_the_main_event_with_its_rules(prism: Prism, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from newsprism.records import Analysis, Event, EventPart

    (aid,) = prism.ingest([write(tmp_path, "a.json", {"title": "Ferry held", "text": P})]).added
    event = Event(aid, who=EventPart("The harbour master", 0, 18, "body", "subject"),
                  where=EventPart("Skelby", 22, 28, "body", "place phrase in the lead"), when_value="2025-02-04")
    prism.store.add_analysis(Analysis(aid, "test", (), (), (), (), (), event), datetime.now(UTC))
    stored = prism.store.analysis(aid)
    assert stored is not None and stored.event == event
    assert stored.event.where is not None and stored.event.where.rule == "place phrase in the lead"
    # a row written before answers had rules reads with an empty rule
    prism.store.conn.execute("UPDATE analyses SET event = json_remove(event, '$.where.rule') WHERE article_id = ?",
                             (aid,))
    older = prism.store.analysis(aid)
    assert older is not None and older.event.where is not None
    assert (older.event.where.text, older.event.where.rule) == ("Skelby", "")


def test_store_cached_dossier_round_trips_records_and_refuses_other_pickles(prism: Prism, tmp_path: Path) -> None:
    import pickle
    from datetime import UTC, datetime

    from newsprism.records import Problem, TimeZoneNote

    store = prism.store
    value = (Problem("a.txt", "bad"), TimeZoneNote("Europe/Oslo", True, "outlet"), datetime(2025, 2, 4, tzinfo=UTC))
    store.cache_dossier("s1", "k1", value)
    assert store.cached_dossier("s1", "k1") == value
    assert store.cached_dossier("s1", "other") is None
    target = tmp_path / "written.txt"
    store.conn.execute("INSERT OR REPLACE INTO dossiers (story_id, fingerprint, dossier) VALUES (?, ?, ?)",
                       ("s2", "k2", pickle.dumps(_WritesAFile(target))))
    assert store.cached_dossier("s2", "k2") is None  # counts as no cache: the story is rebuilt
    assert not target.exists()


def test_store_dossier_line_round_trips_and_is_none_when_missing_or_unreadable(prism: Prism) -> None:
    from newsprism.records import DossierLine

    store = prism.store
    line = DossierLine("Ferry held at the harbour \u2013 \"wall\"", 3, 2, 1, "2025-02-04")
    store.cache_dossier("s1", "k1", ("a dossier",), line)
    assert store.dossier_line("s1", "k1") == line
    assert store.dossier_line("s1", "other") is None  # another fingerprint: the story changed
    store.cache_dossier("s2", "k2", ("a dossier",))  # no line given
    assert store.dossier_line("s2", "k2") is None
    store.set_dossier_line("s2", "k2", DossierLine("Undated", 1, 1, 0, None))
    assert store.dossier_line("s2", "k2") == DossierLine("Undated", 1, 1, 0, None)
    store.conn.execute("UPDATE dossiers SET line = '{\"headline\": 1' WHERE story_id = 's1'")
    assert store.dossier_line("s1", "k1") is None  # unreadable: the dossier is read instead
    assert store.cached_dossier("s1", "k1") == ("a dossier",)
