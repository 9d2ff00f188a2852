"""The rule for the names a feed or a blocklist lists: the PSL's private section respected, never a
platform's own name, a brand's official domain or a shared service."""

from __future__ import annotations

import pytest

from bot.services.listing_unit import listing_domain, lookup_names


@pytest.mark.parametrize(("host", "listed"), [
    ("foo.duckdns.org", "foo.duckdns.org"),  # a customer of a dynamic-DNS platform (PSL private section)
    ("a.b.duckdns.org", "b.duckdns.org"),
    ("duckdns.org", None),  # the platform itself, never
    ("www.duckdns.org", None),
    ("evil.github.io", "evil.github.io"),
    ("github.io", None),
    ("x.web.app", "x.web.app"),  # a hosting platform of the catalogue
    ("web.app", None),
    ("a.b.c.blogspot.com", "c.blogspot.com"),
    ("smbc.servicecc-jp.cc", "servicecc-jp.cc"),  # the seed's look-alike: its registrable domain
    ("login.verify.example-phish.co.jp", "example-phish.co.jp"),
    ("www.smbc-card.com", None),  # a brand's official domain, never
    ("id.amazon.co.jp", None),
    ("bit.ly", None),  # a shortener
    ("x.sendgrid.net", None),  # mail infrastructure
    ("gmail.com", None),  # free mail
    ("sites.google.com", None),
    ("198.51.100.7", None),  # an IP: nothing a list of names can hold
    ("com", None),
    ("", None),
])
def test_listing_domain(host: str, listed: str | None) -> None:
    assert listing_domain(host) == listed


def test_lookup_names_walk_the_parents() -> None:
    assert lookup_names("a.b.duckdns.org") == ("a.b.duckdns.org", "b.duckdns.org", "duckdns.org")
    assert lookup_names("Example.COM.") == ("example.com",)
    # every listed name of a host is one of its lookup names: an index needs no suffix list
    for host in ("foo.duckdns.org", "a.b.c.blogspot.com", "smbc.servicecc-jp.cc"):
        assert listing_domain(host) in lookup_names(host)
