"""The RDAP client against a fake registry speaking RFC 9083."""

from __future__ import annotations

import aiohttp

from bot.analysis.models import DomainFact
from bot.lookups.rdap import parse_rdap, rdap_lookup
from bot.services.ports.lookups import LookupFailed
from tests.lookups.conftest import Served


async def test_registration_event_registrar_and_status(served: Served, session: aiohttp.ClientSession) -> None:
    fact = await rdap_lookup(session, served.rdap_url, "servicecc-jp.cc", 2.0)
    assert isinstance(fact, DomainFact)
    assert fact.registered == "2021-01-21T00:00:00+00:00"
    assert fact.expires == "2027-01-21T00:00:00+00:00"
    assert fact.registrar == "Example Registrar, Inc."
    assert fact.statuses == ("client transfer prohibited",)
    assert fact.lookup == "rdap" and not fact.not_registered
    assert served.rdap.requests[-1] == ("/domain/servicecc-jp.cc", "application/rdap+json, application/json;q=0.9")


async def test_no_event_and_several_events(served: Served, session: aiohttp.ClientSession) -> None:
    none = await rdap_lookup(session, served.rdap_url, "noevent.example.com", 2.0)
    assert isinstance(none, DomainFact) and none.registered is None and not none.not_registered
    many = await rdap_lookup(session, served.rdap_url, "manyevents.example.com", 2.0)
    assert isinstance(many, DomainFact) and many.registered == "2019-03-01T00:00:00+00:00"  # the earliest


async def test_404_is_not_registered(served: Served, session: aiohttp.ClientSession) -> None:
    fact = await rdap_lookup(session, served.rdap_url, "nothing-here.com", 2.0)
    assert isinstance(fact, DomainFact) and fact.not_registered


async def test_failures_are_values(served: Served, session: aiohttp.ClientSession) -> None:
    assert await rdap_lookup(session, served.rdap_url, "broken.example.com", 2.0) == LookupFailed("server_error", "500")
    assert (await rdap_lookup(session, served.rdap_url, "malformed.example.com", 2.0)) == LookupFailed("malformed", "not JSON")
    huge = await rdap_lookup(session, served.rdap_url, "huge.example.com", 2.0)
    assert isinstance(huge, LookupFailed) and huge.reason == "too_large"
    slow = await rdap_lookup(session, served.rdap_url, "slow.example.com", 0.3)
    assert slow == LookupFailed("timeout")
    long_wait = await rdap_lookup(session, served.rdap_url, "ratelimitedlong.example.com", 2.0)
    assert long_wait == LookupFailed("rate_limited", "120")


async def test_429_with_short_retry_after_is_retried_once(served: Served, session: aiohttp.ClientSession) -> None:
    fact = await rdap_lookup(session, served.rdap_url, "ratelimited.example.com", 3.0)
    assert isinstance(fact, DomainFact) and fact.registered
    assert served.rdap.hits["ratelimited.example.com"] == 2


async def test_redirect_to_another_rdap_server(served: Served, session: aiohttp.ClientSession) -> None:
    fact = await rdap_lookup(session, served.rdap_url, "moved.example.com", 2.0)
    assert isinstance(fact, DomainFact) and fact.registered
    assert [p for p, _ in served.rdap.requests] == ["/domain/moved.example.com", "/other/domain/moved.example.com"]


async def test_closed_port_is_unreachable(session: aiohttp.ClientSession) -> None:
    from tests.fakes.registries import closed_port

    result = await rdap_lookup(session, f"http://127.0.0.1:{closed_port()}", "example.com", 2.0)
    assert isinstance(result, LookupFailed) and result.reason == "unreachable"


def test_parse_tolerates_odd_documents() -> None:
    assert parse_rdap("a.com", b"[1,2]") == LookupFailed("malformed", "not an object")
    odd = b'{"events": [{"eventAction": "registration", "eventDate": "garbage"}, "x"], "entities": "no", "status": 5}'
    fact = parse_rdap("a.com", odd)
    assert isinstance(fact, DomainFact) and fact.registered is None and fact.registrar is None
    assert parse_rdap("a.com", b'{"errorCode": 404}') == DomainFact("a.com", "rdap", not_registered=True, source="rdap")
