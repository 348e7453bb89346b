"""Countries and their subdivisions, from ISO 3166 (pycountry), for telling
a country from a place inside it.

Used by the main event ("consulate in Afghanistan" ... "the city of
Mazar-i-Sharif": the city answers where) and by the claims (a country and a
place inside it do not disagree). A country's spellings in the alias packs
(built-in, and the user's ``alias_packs``) name it too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

from .lexicon import COUNTRY_ALIASES
from .records import AliasPacks, GeoName
from .records import Gazetteer as Gazetteer  # re-exported: its old home

#: regions wider than a country: never a place inside one
_WIDE_REGIONS = frozenset({
    "africa", "antarctica", "asia", "australasia", "europe", "oceania", "americas", "north america",
    "south america", "central america", "latin america", "middle east", "near east", "far east", "central asia",
    "south asia", "southeast asia", "south east asia", "east asia", "west africa", "east africa", "north africa",
    "southern africa", "sub-saharan africa", "horn of africa", "balkans", "scandinavia", "caribbean", "gulf",
    "persian gulf", "arctic", "mediterranean", "western europe", "eastern europe", "central europe",
    "northern europe", "southern europe", "sahel", "pacific", "atlantic", "baltic", "caucasus", "west",
})


@lru_cache(maxsize=1)
def _iso() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """ISO 3166 (pycountry): country names -> code, subdivision names -> country codes."""
    import pycountry

    countries = dict(COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries[value.lower()] = c.alpha_2
    subs: dict[str, set[str]] = {}
    for sd in pycountry.subdivisions:
        subs.setdefault(sd.name.lower(), set()).add(sd.country_code)
    return countries, {k: frozenset(v) for k, v in subs.items()}


@lru_cache(maxsize=8)
def gazetteer(packs: AliasPacks | None = None) -> Gazetteer:
    """ISO 3166 with the countries' spellings in the alias packs ("DPRK", "N. Korea", "ROK"): those of
    ``packs`` (``resolve.load_packs(settings)``: the built-in packs and the user's ``alias_packs``), or
    of the built-in packs when None."""
    from .resolve import load_packs

    iso, subs = _iso()
    countries = dict(iso)
    for entry in (packs or load_packs()).entries:
        code = iso.get(entry.name.lower())
        if code is not None and entry.label == "GPE":
            for alias in entry.aliases:
                countries.setdefault(alias.lower(), code)
    return Gazetteer(MappingProxyType(countries), MappingProxyType(subs))


def geo(name: str) -> GeoName | None:
    """:meth:`Gazetteer.geo` of the built-in gazetteer."""
    return gazetteer().geo(name)


def is_country(name: str) -> bool:
    """:meth:`Gazetteer.is_country` of the built-in gazetteer."""
    return gazetteer().is_country(name)


def is_wide_region(name: str) -> bool:
    """The name is a continent, a region wider than a country ("Europe", "the Middle East") or a sea
    ("the Pacific Ocean", "the South China Sea")."""
    key = re.sub(r"^the\s+", "", name.strip().lower())
    return key in _WIDE_REGIONS or key.endswith((" ocean", " sea"))
