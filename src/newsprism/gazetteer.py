"""Countries and their subdivisions, from ISO 3166 (pycountry), for telling
a country from a place inside it.

Used by the main event ("consulate in Afghanistan" ... "the city of
Mazar-i-Sharif": the city answers where) and by the claims (a country and a
place inside it do not disagree).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: short English names that ISO 3166 spells otherwise
_COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "america": "US", "united states": "US", "uk": "GB", "u.k.": "GB",
    "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "russia": "RU",
    "south korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "taiwan": "TW", "the netherlands": "NL",
    "czech republic": "CZ", "ivory coast": "CI", "palestine": "PS", "vatican": "VA", "macedonia": "MK",
    "congo": "CD", "democratic republic of congo": "CD", "the democratic republic of congo": "CD",
}


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
def _gazetteer() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """ISO 3166 (pycountry): country names -> code, subdivision names -> country codes."""
    import pycountry

    from .resolve import load_packs

    countries = dict(_COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries[value.lower()] = c.alpha_2
    # the built-in alias packs' spellings of a country ("DPRK", "N. Korea", "ROK")
    for entry in load_packs().entries:
        code = countries.get(entry.name.lower())
        if code is not None and entry.label == "GPE":
            for alias in entry.aliases:
                countries.setdefault(alias.lower(), code)
    subs: dict[str, set[str]] = {}
    for sd in pycountry.subdivisions:
        subs.setdefault(sd.name.lower(), set()).add(sd.country_code)
    return countries, {k: frozenset(v) for k, v in subs.items()}


def geo(name: str) -> tuple[str, frozenset[str]] | None:
    """("country", {code}) or ("subdivision", {country codes}) or None (a city, a site, unknown)."""
    key = re.sub(r"^the\s+", "", name.strip().lower()) if name.lower() not in _COUNTRY_ALIASES else name.lower()
    countries, subs = _gazetteer()
    if name.lower() in countries or key in countries:
        return "country", frozenset({countries.get(name.lower()) or countries[key]})
    if key in subs:
        return "subdivision", subs[key]
    return None


def is_country(name: str) -> bool:
    """The name is a country's ("Afghanistan", "the UK", "U.S.")."""
    found = geo(name)
    return found is not None and found[0] == "country"


def is_wide_region(name: str) -> bool:
    """The name is a continent, a region wider than a country ("Europe", "the Middle East") or a sea
    ("the Pacific Ocean", "the South China Sea")."""
    key = re.sub(r"^the\s+", "", name.strip().lower())
    return key in _WIDE_REGIONS or key.endswith((" ocean", " sea"))
