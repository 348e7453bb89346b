"""lexicon: the text knowledge the stages share, written once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsprism.lexicon import (
    ENGLISH_STOP_WORDS,
    NEWS_STOP_WORDS,
    NUMBER_WORDS,
    SMALL_NUMBER_WORDS,
    STOP_WORDS,
    STORY_STOP_WORDS,
    VERB_INFLECTIONS,
    dateline_agency,
    singular,
    strip_inflection,
    wire_dateline,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "newsprism"


@pytest.mark.parametrize(("word", "endings", "keep", "stem"), [
    ("reported", None, 4, "report"),
    ("cities", None, 4, "citi"),
    ("uses", None, 4, "uses"),  # too short to cut
    ("staged", VERB_INFLECTIONS, 3, "stag"),
    ("fired", VERB_INFLECTIONS, 3, "fir"),
], ids=["ed", "es", "short", "verb-ed", "verb-d"])
def test_lexicon_strip_inflection(word: str, endings: tuple[str, ...] | None, keep: int, stem: str) -> None:
    assert (strip_inflection(word, endings, keep) if endings else strip_inflection(word)) == stem


@pytest.mark.parametrize(("word", "one"), [("satellites", "satellite"), ("cities", "city"), ("churches", "church"),
                                           ("bus", "bus"), ("analysis", "analysis"), ("news", "news")])
def test_lexicon_singular(word: str, one: str) -> None:
    assert singular(word) == one


def test_lexicon_number_words_agree() -> None:
    assert SMALL_NUMBER_WORDS[0] == "zero" and len(SMALL_NUMBER_WORDS) == 21
    assert all(NUMBER_WORDS[w] == n for n, w in enumerate(SMALL_NUMBER_WORDS) if n)


@pytest.mark.parametrize(("body", "wire"), [
    ("SKELBY, Nordland (NPA) — The ferry did not sail.", "NPA"),
    ("SKELBY, March 11 (NPA) — The ferry did not sail.", "NPA"),
    ("HALDEN/SKELBY (Nordpres) - The ferry did not sail.", "Nordpres"),
    ("Skelby, Nordland (NPA) — lower case is no dateline", None),
    ("SKELBY, Nordland — no agency in brackets", None),
    ("LONDON, Dec 29 (Harbour Press Foundation) - a long name is no agency's short name", None),
    ("FILE (NPA) - a label is no dateline", None),
    ("The ferry did not sail. SKELBY (NPA) — not at the start", None),
], ids=["region", "date", "two-places", "lower-case", "no-agency", "long-name", "label", "not-first"])
def test_lexicon_dateline_agency_names_the_wire(body: str, wire: str | None) -> None:
    assert dateline_agency(body) == wire


@pytest.mark.parametrize(("text", "place", "end"), [
    ("KUNDUZ, Norway -- Insurgents struck.", "KUNDUZ", 18),
    ("A photo (Jo Park/Getty Images) HALDEN -- The dam held.", "HALDEN", 41),
    ("By Jo Park HALDEN, Nov 6 (NPA) - The dam held.", "HALDEN", 33),
    ("the head of NATO - the alliance said", None, None),
    ("AP PHOTO - a man walks", None, None),
], ids=["start", "after-bracket", "with-date-and-agency", "inside-a-sentence", "label"])
def test_lexicon_wire_dateline_near_the_start(text: str, place: str | None, end: int | None) -> None:
    m = wire_dateline(text)
    assert (m["place"] if m else None) == place and (m.end() if m else None) == end


def test_lexicon_stop_words_come_from_one_data_file() -> None:
    """Every stop-word list is a table of data/stop_words.toml; story clustering reads the same words."""
    from newsprism.story_features import _STOP

    assert len(ENGLISH_STOP_WORDS) == 318 and STORY_STOP_WORDS == ENGLISH_STOP_WORDS | NEWS_STOP_WORDS == _STOP
    assert {"said", "according", "it's"} <= STOP_WORDS and not {"first", "last", "fire"} & STOP_WORDS
    beyond_english = STOP_WORDS - ENGLISH_STOP_WORDS
    assert len(STOP_WORDS) == 105 and beyond_english == {
        "according", "did", "does", "it's", "just", "new", "said", "say", "says", "told"}


def _written_words(node: ast.AST) -> bool:
    """The value writes words itself: a literal collection of strings, or a string split into words."""
    return any((isinstance(n, ast.Set | ast.List | ast.Tuple | ast.Dict)
               and any(isinstance(c, ast.Constant) and isinstance(c.value, str) for c in ast.walk(n)))
               or (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "split"
               and isinstance(n.func.value, ast.Constant)) for n in ast.walk(node))


def test_lexicon_word_tables_and_stemmers_are_written_once() -> None:
    """No module but lexicon.py writes a number-word or stop-word table or a stemmer of its own
    (one derived from the lexicon's, or a one-line call of its stemmer, is fine)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "lexicon.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and _written_words(node.value):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.FunctionDef) and len(node.body) > 2:
                names = [node.name]
            else:
                continue
            found += [f"{path.relative_to(SRC)}: {n}" for n in names
                      if re.fullmatch(r"_?(NUMBER_WORDS|STOP(_WORDS)?|stem|singular|\w*INFLECTIONS)", n)]
    assert found == []


def test_lexicon_agencies_are_one_table_with_two_views() -> None:
    from newsprism.lexicon import AGENCIES, BYLINE_AGENCIES, WIRES

    assert set(WIRES) == {name for name, a in AGENCIES.items() if a.kind == "wire"}
    assert "CNN" not in WIRES and "BBC" not in WIRES  # broadcasters: credited in bylines, never wires
    assert set(BYLINE_AGENCIES) == {"associated press", "ap", "reuters", "afp", "cnn", "bbc"}
    assert all(a.kind in {"wire", "broadcaster"} for a in AGENCIES.values())
    assert all(a.credits for a in AGENCIES.values() if a.kind == "wire")
    assert all(b == b.lower() for a in AGENCIES.values() for b in a.byline)


@pytest.mark.parametrize(("byline", "names"), [
    ("Jane Roe, Associated Press", "Jane Roe"),
    ("John Doe for Reuters", "John Doe"),
    ("Ann Poe, CNN", "Ann Poe"),
    ("Ann Poe, Capstone", "Ann Poe, Capstone"),
], ids=["wire", "for-wire", "broadcaster", "no-agency"])
def test_lexicon_byline_agencies_are_cut_from_a_byline(byline: str, names: str) -> None:
    from newsprism.clean import _WIRE_SUFFIX

    assert _WIRE_SUFFIX.sub("", byline) == names
