"""The registry clients against hostile registries on loopback (tests/fakes/registries.py): an RDAP
answer nested a hundred thousand deep, redirects to a host the registry names and redirects without
end; a WHOIS server that floods or sends a byte at a time forever. Each is a value
(``LookupFailed``) within the lookup's bounds — never an exception, never a request elsewhere."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import aiohttp
import pytest

from bot.lookups.bootstrap import Bootstrap, load_bootstrap
from bot.lookups.rdap import MAX_REDIRECTS, parse_rdap, rdap_lookup
from bot.lookups.whois_client import MAX_TEXT, whois_lookup
from bot.services.ports.lookups import LookupFailed
from tests.fakes.feeds import feed_server
from tests.lookups.conftest import Served, make_intel

NOW = datetime(2021, 1, 25, tzinfo=UTC)


async def test_deeply_nested_rdap_is_malformed_not_a_crash(served: Served, session: aiohttp.ClientSession) -> None:
    got = await rdap_lookup(session, served.rdap_url, "deep.example.com", 2.0)
    assert isinstance(got, LookupFailed) and got.reason == "malformed"
    for nested in (b"[" * 50_000 + b"]" * 50_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000):
        assert isinstance(parse_rdap("x.example.com", nested), LookupFailed)


async def test_a_redirect_to_a_host_that_is_not_a_registry_is_not_followed(
        served: Served, session: aiohttp.ClientSession) -> None:
    async with feed_server() as elsewhere:  # a real server the redirect names: it must never be asked
        elsewhere.files["/domain/offsite.example.com"] = b"{}"
        for target in (elsewhere.url("/domain/"), "http://login.phish-site.example/domain/"):
            served.rdap.offsite = target
            got = await rdap_lookup(session, served.rdap_url, "offsite.example.com", 2.0)
            assert isinstance(got, LookupFailed) and got.reason == "redirect_refused"
        assert elsewhere.asked == []
        assert [path for path, _ in served.rdap.requests] == ["/domain/offsite.example.com"] * 2


async def test_redirects_are_capped(served: Served, session: aiohttp.ClientSession) -> None:
    got = await rdap_lookup(session, served.rdap_url, "hops.example.com", 2.0)
    assert isinstance(got, LookupFailed) and got.reason == "redirect_loop"
    assert len(served.rdap.requests) == MAX_REDIRECTS + 1


def test_only_bootstrap_registries_are_redirect_targets() -> None:
    boot = Bootstrap(services={"com": "https://rdap.verisign.com/com/v1/", "jp.net": "https://rdap.example.net/"},
                     no_rdap=frozenset())
    assert boot.is_registry("https://rdap.verisign.com/net/v1/domain/x.net")
    assert boot.is_registry("https://RDAP.verisign.com:443/other")
    assert not boot.is_registry("http://rdap.verisign.com/com/v1/")  # another scheme is another origin
    assert not boot.is_registry("https://rdap.verisign.com.phish.example/")
    assert not boot.is_registry("https://login.phish-site.example/domain/x.com")
    assert not boot.is_registry("https://rdap.verisign.com:8443/")
    assert not boot.is_registry("file:///etc/passwd") and not boot.is_registry("javascript:alert(1)")
    shipped = load_bootstrap(None, None)
    assert shipped.is_registry(shipped.services["com"]) and not shipped.is_registry("https://127.0.0.1/")


async def test_intel_follows_a_redirect_within_the_registry(served: Served, session: aiohttp.ClientSession) -> None:
    fact = (await make_intel(served, session, None).lookup(["moved.com"], NOW))["moved.com"]
    assert fact.registered is not None


@pytest.mark.parametrize("label", ["flood", "drip"])
async def test_endless_whois_answers_are_bounded(served: Served, label: str) -> None:
    got = await whois_lookup(f"{label}.example.jp", served.whois_addr, 1.0)
    assert isinstance(got, LookupFailed)
    assert got.reason == ("too_large" if label == "flood" else "timeout")
    # the reading thread itself stopped and closed its socket (not only the await that waited on it)
    for _ in range(100):
        if any(q.startswith(label) for q in served.whois.finished):
            break
        await asyncio.sleep(0.05)
    assert any(q.startswith(label) for q in served.whois.finished)
    assert MAX_TEXT >= 64 * 1024
