"""Outlet names: from a URL's domain, a page's site name, or the promo and
copyright lines the cleaner found; normalised through ``data/outlets.toml``
and the user's own mappings."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from urllib.parse import urlsplit

from .records import OutletChoice, PrintedName, Zone
from .records import OutletTable as OutletTable  # re-exported: its old home
from .settings import Settings

#: Second-level labels under which domains are registered (example.co.uk).
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "go", "ne", "or", "edu"}
#: Subdomains that name an edition or a device, not a different outlet.
_EDITIONS = {
    "www", "www1", "www2", "m", "mobile", "amp", "edition", "news", "uk", "us", "usa",
    "europe", "africa", "asia", "global", "en", "english", "int", "eu", "beta",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, dict[str, str]]:
    text = resources.files("newsprism").joinpath("data/outlets.toml").read_text("utf-8")
    return tomllib.loads(text)


def table(settings: Settings) -> OutletTable:
    """The shipped mappings with the user's settings laid over them."""
    data = _shipped()
    domains = {k.lower(): v for k, v in data["domains"].items()}
    names = {k.lower(): v for k, v in data["names"].items()}
    for key, value in settings.outlets.items():
        (domains if "." in key and " " not in key else names)[key.lower()] = value
    zones = dict(data["zones"])
    zones.update(settings.outlet_zones)
    return OutletTable(domains, names, zones, dict(data["tld_zones"]))


def host(url_or_domain: str | None) -> str | None:
    """The lower-case host of a URL or domain."""
    if not url_or_domain:
        return None
    value = url_or_domain.strip().lower()
    if "//" not in value:
        value = "//" + value
    try:
        return urlsplit(value).hostname
    except ValueError:
        return None


def registrable(hostname: str) -> str:
    """``edition.cnn.com`` -> ``cnn.com``; ``www.bbc.co.uk`` -> ``bbc.co.uk``."""
    labels = hostname.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def from_domain(url_or_domain: str | None, outlets: OutletTable) -> str | None:
    """The outlet a URL or domain belongs to, if the table knows it."""
    h = host(url_or_domain)
    if not h:
        return None
    labels = h.split(".")
    while len(labels) > 2 and labels[0] in _EDITIONS:
        labels = labels[1:]
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    for c in candidates:
        if c in outlets.domains:
            return outlets.domains[c]
    return None


def normalise_name(name: str, outlets: OutletTable) -> str:
    """Map a printed outlet name to its canonical form."""
    clean = " ".join(name.split()).strip(" .,;:|-–—&")
    return outlets.names.get(clean.lower(), clean)


def decide(
    *,
    explicit: str | None,
    url: str | None,
    domain: str | None,
    site_name: str | None,
    printed: list[PrintedName],
    outlets: OutletTable,
) -> OutletChoice:
    """Pick the outlet name and say where it came from.

    Order: an explicit outlet, a known domain, the page's site name, a name
    printed in the text (promo line, copyright footer), the bare domain.
    ``printed`` holds the names the cleaner found printed in the text.
    """
    if explicit:
        return OutletChoice(normalise_name(explicit, outlets), "outlet field")
    for value in (url, domain):
        name = from_domain(value, outlets)
        if name:
            return OutletChoice(name, f"domain {host(value)}")
    if site_name:
        return OutletChoice(normalise_name(site_name, outlets), "site name")
    for name, evidence in printed:
        return OutletChoice(normalise_name(name, outlets), evidence)
    for value in (url, domain):
        h = host(value)
        if h:
            return OutletChoice(registrable(h), f"domain {h} (not in the outlet table)")
    return OutletChoice(None, None)


def zone_for(outlet: str | None, url: str | None, domain: str | None,
             outlets: OutletTable) -> Zone | None:
    """The newsroom zone of an outlet, or of its domain's country, and why; or None."""
    if outlet and outlet in outlets.zones:
        return Zone(outlets.zones[outlet], f"outlet {outlet} publishes in {outlets.zones[outlet]}")
    for value in (url, domain):
        h = host(value)
        if h:
            tld = h.rsplit(".", 1)[-1]
            if tld in outlets.tld_zones:
                return Zone(outlets.tld_zones[tld], f"domain {h} is under .{tld}")
    return None


@functools.lru_cache(maxsize=1)
def known_outlets() -> tuple[str, ...]:
    """The outlet names of the shipped table (``[domains]`` and ``[names]`` values), sorted: the outlets an
    article may credit for what it reports though none of their articles is in its story."""
    data = _shipped()
    return tuple(sorted({*data["domains"].values(), *data["names"].values()}))


@functools.lru_cache(maxsize=1024)
def printed_names(name: str) -> tuple[str, ...]:
    """The ways an outlet's name is printed: the name itself, without a leading
    "The", and every printed name the shipped table maps to it ("BBC News" for BBC)."""
    out = [name]
    out += [printed for printed, canonical in _shipped()["names"].items() if canonical == name]
    out += [n[4:] for n in out if n.startswith("The ") and len(n) > 4]
    return tuple(dict.fromkeys(n for n in out if n.strip()))
