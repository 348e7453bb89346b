"""outlets: outlet names from a URL's domain, a site name or a printed line, through the outlet table."""

from __future__ import annotations

import pytest

from newsprism.outlets import decide, from_domain, registrable, table, zone_for
from newsprism.settings import Settings

USER = Settings(outlets={"skelbyposten.example": "Skelby Posten", "the skelby post": "Skelby Posten"},
                outlet_zones={"Skelby Posten": "Europe/Oslo"})


@pytest.mark.parametrize(("host", "domain"), [("edition.cnn.com", "cnn.com"), ("www.bbc.co.uk", "bbc.co.uk"),
                                              ("news.skelby.example", "skelby.example")])
def test_outlets_registrable_domain(host: str, domain: str) -> None:
    assert registrable(host) == domain


def test_outlets_user_domain_through_an_edition_subdomain() -> None:
    outlets = table(USER)
    assert from_domain("https://www.skelbyposten.example/a/1.html", outlets) == "Skelby Posten"
    assert from_domain("https://m.skelbyposten.example/a/1.html", outlets) == "Skelby Posten"
    assert from_domain("https://other.example/a", outlets) is None


@pytest.mark.parametrize(("given", "found"), [
    ({"explicit": "The Skelby Post"}, ("Skelby Posten", "outlet field")),
    ({"url": "https://www.skelbyposten.example/x"}, ("Skelby Posten", "domain www.skelbyposten.example")),
    ({"site_name": "Fjord Weekly", "url": "https://fjordweekly.example/x"}, ("Fjord Weekly", "site name")),
    ({"printed": [("Fjord Weekly", "promo line")]}, ("Fjord Weekly", "promo line")),
    ({"url": "https://www.fjordweekly.example/x"},
     ("fjordweekly.example", "domain www.fjordweekly.example (not in the outlet table)")),
    ({}, (None, None)),
], ids=["explicit-normalised", "known-domain", "site-name", "printed", "bare-domain", "nothing"])
def test_outlets_decide_in_order_of_evidence(given: dict[str, object], found: tuple[str | None, str | None]) -> None:
    args: dict[str, object] = {"explicit": None, "url": None, "domain": None, "site_name": None, "printed": []}
    args.update(given)
    assert decide(outlets=table(USER), **args) == found  # type: ignore[arg-type]


def test_outlets_zone_of_the_outlet_before_its_domain() -> None:
    outlets = table(USER)
    assert zone_for("Skelby Posten", None, None, outlets) == ("Europe/Oslo", "outlet Skelby Posten publishes in Europe/Oslo")
    assert zone_for("Fjord Weekly", "https://fjordweekly.example/x", None, outlets) is None
