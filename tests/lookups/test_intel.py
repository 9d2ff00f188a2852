"""The lookup orchestration: cache, shared queries, bounds, and what is (never) asked."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import RegistrationCache
from tests.lookups.conftest import Served, make_intel

NOW = datetime(2021, 1, 24, 10, 0, tzinfo=UTC)


async def test_rdap_for_cc_whois_for_jp_and_only_registrable_names(served: Served, session: aiohttp.ClientSession, db: RegistrationCache) -> None:
    intel = make_intel(served, session, db)
    facts = await intel.lookup(["smbc.servicecc-jp.cc", "www.login-check.co.jp", "a.b.example.jp"], NOW)
    assert list(facts) == ["servicecc-jp.cc", "login-check.co.jp", "example.jp"]
    assert facts["servicecc-jp.cc"].lookup == "rdap"
    assert facts["login-check.co.jp"].lookup == "whois"
    assert sorted(intel.queries) == [("rdap", "servicecc-jp.cc"), ("whois", "example.jp"), ("whois", "login-check.co.jp")]
    assert [p for p, _ in served.rdap.requests] == ["/domain/servicecc-jp.cc"]
    assert not any("smbc." in q or "www." in q for q in served.whois.queries)


async def test_second_lookup_comes_from_the_cache(served: Served, session: aiohttp.ClientSession, db: RegistrationCache) -> None:
    intel = make_intel(served, session, db)
    first = await intel.lookup(["servicecc-jp.cc"], NOW)
    second = await intel.lookup(["servicecc-jp.cc"], NOW + timedelta(hours=1))
    assert first["servicecc-jp.cc"].lookup == "rdap"
    assert second["servicecc-jp.cc"].lookup == "cache"
    assert second["servicecc-jp.cc"].registered == first["servicecc-jp.cc"].registered
    assert second["servicecc-jp.cc"].source == "rdap"
    assert served.rdap.hits["servicecc-jp.cc"] == 1
    # positive answers live 7 days
    later = await intel.lookup(["servicecc-jp.cc"], NOW + timedelta(days=8))
    assert later["servicecc-jp.cc"].lookup == "rdap"


async def test_negative_answers_live_one_hour_and_failures_are_not_cached(served: Served, session: aiohttp.ClientSession, db: RegistrationCache) -> None:
    intel = make_intel(served, session, db)
    assert (await intel.lookup(["nothing-here.com"], NOW))["nothing-here.com"].not_registered
    assert (await intel.lookup(["nothing-here.com"], NOW + timedelta(minutes=30)))["nothing-here.com"].lookup == "cache"
    assert (await intel.lookup(["nothing-here.com"], NOW + timedelta(minutes=61)))["nothing-here.com"].lookup == "rdap"
    cache = db
    slow = make_intel(served, session, db, timeout=0.3)
    assert (await slow.lookup(["slow.example"], NOW))["slow.example"].reason == "timeout"
    assert await cache.get("slow.example", NOW) is None


async def test_concurrent_requests_for_one_domain_share_one_query(served: Served, session: aiohttp.ClientSession) -> None:
    served.rdap.delay = 0.3
    intel = make_intel(served, session, None)
    results = await asyncio.gather(*(intel.lookup(["servicecc-jp.cc"], NOW) for _ in range(5)))
    assert all(r["servicecc-jp.cc"].lookup == "rdap" for r in results)
    assert served.rdap.hits["servicecc-jp.cc"] == 1


async def test_deadline_sends_the_report_out_with_unavailable(served: Served, session: aiohttp.ClientSession) -> None:
    intel = make_intel(served, session, None, timeout=5.0, deadline=0.5)
    started = time.monotonic()
    facts = await intel.lookup(["www.slow.example", "servicecc-jp.cc"], NOW)
    elapsed = time.monotonic() - started
    assert facts["slow.example"] == DomainFact("slow.example", "unavailable", reason="deadline")
    assert facts["servicecc-jp.cc"].lookup == "rdap"
    assert elapsed < 3  # hang guard; the deadline itself is 0.5 s


async def test_rdap_server_error_falls_back_to_whois(served: Served, session: aiohttp.ClientSession) -> None:
    intel = make_intel(served, session, None)
    facts = await intel.lookup(["broken.example"], NOW)
    assert list(intel.queries) == [("rdap", "broken.example"), ("whois", "broken.example")]
    assert facts["broken.example"].not_registered  # the WHOIS fake knows no such domain
    assert facts["broken.example"].lookup == "whois"


async def test_concurrency_cap(served: Served, session: aiohttp.ClientSession) -> None:
    served.rdap.delay = 0.2
    intel = make_intel(served, session, None, concurrency=2, deadline=10.0)
    names = [f"d{i:02d}.example" for i in range(6)]
    started = time.monotonic()
    facts = await intel.lookup(names, NOW)
    assert all(f.lookup == "rdap" for f in facts.values())
    assert time.monotonic() - started >= 0.55  # 6 queries, 2 at a time, 0.2 s each: at least 3 rounds


async def test_closed_ports_give_unavailable_quickly(session: aiohttp.ClientSession) -> None:
    from bot.lookups.bootstrap import load_bootstrap
    from bot.lookups.intel import RegistryIntel
    from bot.settings import LookupSettings
    from tests.fakes.registries import closed_port

    settings = LookupSettings(timeout=2.0, deadline=3.0, rdap_base_url=f"http://127.0.0.1:{closed_port()}",
                              whois_server=("127.0.0.1", closed_port()))
    intel = RegistryIntel(settings, load_bootstrap(settings.rdap_base_url, None), None, session)
    facts = await intel.lookup(["servicecc-jp.cc", "example.jp"], NOW)
    assert {f.lookup for f in facts.values()} == {"unavailable"}
    assert facts["example.jp"].reason == "refused"


async def test_the_query_log_stays_bounded_for_the_life_of_the_bot(
    served: Served, session: aiohttp.ClientSession, monkeypatch: object,
) -> None:
    import bot.lookups.intel as intel_module

    monkeypatch.setattr(intel_module, "RECENT_QUERIES", 3)  # type: ignore[attr-defined]
    intel = make_intel(served, session, None)
    names = [f"bounded{i}.cc" for i in range(8)]
    await intel.lookup(names, NOW)
    assert len(intel.queries) == 3 and intel.query_count == 8
