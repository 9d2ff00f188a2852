"""The WHOIS fallback: python-whois's real client and parsers against a fake TCP server."""

from __future__ import annotations

import asyncio
import time

from bot.analysis.models import DomainFact
from bot.lookups.whois_client import parse_whois, whois_lookup
from bot.services.ports.lookups import LookupFailed
from tests.lookups.conftest import Served


async def test_jprs_english_dates_are_japan_time(served: Served) -> None:
    fact = await whois_lookup("example.jp", served.whois_addr, 2.0)
    assert isinstance(fact, DomainFact)
    assert fact.lookup == "whois"
    # 2001/02/20 in Japan is 2001-02-19 15:00 UTC, not midnight UTC
    assert fact.registered == "2001-02-19T15:00:00+00:00"
    # the query went to our server with the text JPRS gets (English output asked with /e)
    assert served.whois.queries[-1] == "example.jp/e"


async def test_co_jp_registered_date(served: Served) -> None:
    fact = await whois_lookup("login-check.co.jp", served.whois_addr, 2.0)
    assert isinstance(fact, DomainFact) and fact.registered == "2021-01-18T15:00:00+00:00"


async def test_verisign_format(served: Served) -> None:
    fact = await whois_lookup("servicecc-jp.cc", served.whois_addr, 2.0)
    assert isinstance(fact, DomainFact)
    assert fact.registered == "2021-01-21T00:00:00+00:00"
    assert fact.registrar == "Example Registrar, Inc."


async def test_no_match_is_not_registered(served: Served) -> None:
    cc = await whois_lookup("nothing-here.cc", served.whois_addr, 2.0)
    assert isinstance(cc, DomainFact) and cc.not_registered
    jp = await whois_lookup("nothing-here.jp", served.whois_addr, 2.0)
    assert isinstance(jp, DomainFact) and jp.not_registered


async def test_server_that_never_answers_times_out(served: Served) -> None:
    started = time.monotonic()
    result = await whois_lookup("hang.jp", served.whois_addr, 0.5)
    assert result == LookupFailed("timeout")
    assert time.monotonic() - started < 5  # a hang guard, not a speed target


async def test_server_that_closes_at_once(served: Served) -> None:
    assert await whois_lookup("close.jp", served.whois_addr, 1.0) == LookupFailed("empty_answer")


async def test_nothing_listening_is_refused() -> None:
    from tests.fakes.registries import closed_port

    assert await whois_lookup("example.jp", ("127.0.0.1", closed_port()), 1.0) == LookupFailed("refused")


def test_unknown_wording_with_no_data_is_not_a_fact() -> None:
    assert parse_whois("example.cc", "% nothing useful here\n") == LookupFailed("no_data")


async def test_threads_do_not_block_the_loop(served: Served) -> None:
    results = await asyncio.gather(*(whois_lookup(d, served.whois_addr, 2.0) for d in ("example.jp", "login-check.co.jp")))
    assert all(isinstance(r, DomainFact) for r in results)
