"""gazetteer: countries and their subdivisions (ISO 3166), with the countries' spellings in the alias packs."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from _parses import parses  # noqa: F401  (the fixture)
from newsprism.analyse import analyse
from newsprism.analyse.event.where import inside
from newsprism.gazetteer import gazetteer, geo, is_country, is_wide_region
from newsprism.resolve import load_packs
from newsprism.settings import Settings

#: The test parses its invented texts through the cache (tests/_parses.py), not the model.
parsed = pytest.mark.usefixtures("parses")

#: An invented user pack: a country spelled as the built-in packs do not.
PACK = '[[entity]]\nid = "norway"\nname = "Norway"\ntype = "GPE"\naliases = ["Norge", "Noreg"]\n'


@pytest.fixture
def user_settings(tmp_path: Path) -> Settings:
    pack = tmp_path / "nordic.toml"
    pack.write_text(PACK, encoding="utf-8")
    return Settings(alias_packs=(str(pack),))


@pytest.mark.parametrize(("name", "found"), [
    ("Afghanistan", ("country", frozenset({"AF"}))),
    ("the UK", ("country", frozenset({"GB"}))),
    ("DPRK", ("country", frozenset({"KP"}))),  # a built-in alias pack's spelling
    ("Texas", ("subdivision", frozenset({"US"}))),
    ("Halden", None),
], ids=["iso-name", "short-name", "builtin-pack-alias", "subdivision", "unknown"])
def test_gazetteer_geo(name: str, found: tuple[str, frozenset[str]] | None) -> None:
    assert geo(name) == found


def test_gazetteer_wide_regions_are_no_country() -> None:
    assert is_wide_region("the Middle East") and is_wide_region("the South China Sea")
    assert not is_country("Europe") and not is_wide_region("Norway")


def test_gazetteer_reads_the_users_alias_packs(user_settings: Settings) -> None:
    assert geo("Norge") is None  # the built-in packs do not spell it so
    known = gazetteer(load_packs(user_settings))
    assert known.geo("Norge") == ("country", frozenset({"NO"})) and known.is_country("noreg")
    assert known.geo("Afghanistan") == geo("Afghanistan")  # ISO 3166 and the built-in packs still
    assert gazetteer(load_packs(user_settings)) is known  # built once per set of packs


def test_gazetteer_user_country_reaches_the_place_rules(user_settings: Settings) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["in", "Oslo"])
    oslo = Span(doc, 1, 2, label="GPE")
    assert not inside(oslo, "Norge")  # unknown country: a region of it cannot be told
    assert inside(oslo, "Norge", gazetteer(load_packs(user_settings)))


@parsed
def test_gazetteer_user_country_widens_the_main_event_place(user_settings: Settings, make_article) -> None:
    a = make_article("Hundreds of homes were flooded in Bergen, Norge, on Monday, officials said.")
    (builtin,) = analyse([a])
    (user,) = analyse([a], user_settings)
    assert builtin.event.where is not None and builtin.event.where.text == "Bergen"
    assert user.event.where is not None and user.event.where.text == "Bergen, Norge"


def test_gazetteer_knows_pack_spellings_of_countries_and_seas() -> None:
    from newsprism.gazetteer import geo, is_country, is_wide_region

    assert geo("DPRK") == geo("North Korea") == ("country", frozenset({"KP"}))  # from the places pack
    assert is_country("the U.S.") and not is_country("Mazar-i-Sharif")
    assert is_wide_region("the Pacific Ocean") and is_wide_region("the Middle East")
    assert not is_wide_region("Hokkaido")
