"""The web server over HTTP: health, readiness, metrics, every blocklist format read by a real
subscriber (an Adblock engine, a DNS zone parser), conditional requests, gzip, the per-token rate
limit, tokens that are wrong, rotated or revoked, and the campaign page's access rules."""

from __future__ import annotations

import contextlib
import gzip
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import adblock
import dns.rdatatype
import dns.zone
import html5lib
import pytest

from bot.services.feeds_in import import_feed
from tests.web.conftest import GUILD, NOW, OTHER_GUILD, THIRD_GUILD, Served, seed_variant, serve, web_settings

NOT_FOUND = "404: not found\n"


async def test_health_readiness_and_metrics(served: Served) -> None:
    assert (await served.text("/healthz"))[:2] == (200, "ok\n")
    assert (await served.text("/readyz"))[:2] == (200, "ready\n")
    served.ready[0] = False
    assert (await served.text("/readyz"))[:2] == (503, "not ready\n")
    await served.text(await served.feed_url("domains.txt"))
    status, body, resp = await served.text("/metrics")
    assert status == 200 and resp.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    assert "phishbot_ready 0.0" in body
    assert 'phishbot_web_requests_total{route="feed",status="200"} 1.0' in body
    assert "phishbot_db_write_seconds_count" in body and "process_resident_memory_bytes" in body
    token = (await served.feed_url("domains.txt")).split("/")[2]
    assert token not in body  # a token is never a label


async def test_every_feed_format(served: Served) -> None:
    status, plain, resp = await served.text(await served.feed_url("domains.txt"))
    assert status == 200 and resp.headers["Content-Type"] == "text/plain; charset=utf-8"
    names = [line for line in plain.splitlines() if line and not line.startswith("#")]
    assert names == ["ntc-cs.com", "servicecc-jp.cc"]  # two members reported both; sorted
    assert resp.headers["X-Robots-Tag"] == "noindex, nofollow" and resp.headers["Referrer-Policy"] == "no-referrer"

    _, hosts, _ = await served.text(await served.feed_url("hosts.txt"))
    assert "0.0.0.0 servicecc-jp.cc\n" in hosts and "0.0.0.0 www.servicecc-jp.cc\n" in hosts

    _, rules, _ = await served.text(await served.feed_url("adblock.txt"))
    filters = adblock.FilterSet()
    filters.add_filter_list(rules)
    engine = adblock.Engine(filter_set=filters)
    for url, blocked in (("https://smbc.servicecc-jp.cc/vpass/login.php", True), ("https://servicecc-jp.cc/", True),
                         ("https://www.smbc-card.com/", False), ("https://example.com/", False)):
        assert engine.check_network_urls(url, "https://example.org/", "document").matched is blocked, url
    assert rules.startswith("[Adblock Plus 2.0]\n")

    status, rpz, resp = await served.text(await served.feed_url("rpz.zone"))
    zone = dns.zone.from_text(rpz, origin="rpz.phishbot.example.", relativize=False, check_origin=True)
    cnames = {str(name): [str(r.target) for r in zone.find_rdataset(name, dns.rdatatype.CNAME)]
              for name, node in zone.nodes.items() if node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME)}
    assert cnames == {"servicecc-jp.cc.rpz.phishbot.example.": ["."], "*.servicecc-jp.cc.rpz.phishbot.example.": ["."],
                      "ntc-cs.com.rpz.phishbot.example.": ["."], "*.ntc-cs.com.rpz.phishbot.example.": ["."]}
    assert zone.get_soa().serial > 1_600_000_000  # the time the entries last changed

    status, text, resp = await served.text(await served.feed_url("blocklist.json"))
    data = json.loads(text)
    entry = next(d for d in data["domains"] if d["domain"] == "servicecc-jp.cc")
    assert (entry["reports"], entry["members"], entry["brands"], entry["sources"]) == (2, 2, ["smbc-card"], ["community"])
    assert entry["first_seen"] and entry["last_seen"] and entry["confirmed"] is False


async def test_conditional_requests_and_gzip(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.web.feeds_out.GZIP_ABOVE", 100)  # the seed's two entries are a short body
    url = await served.feed_url("blocklist.json")
    first = await served.get(url, headers={"Accept-Encoding": "identity"})
    body = await first.read()
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert (await served.get(url, headers={"If-None-Match": etag, "Accept-Encoding": "identity"})).status == 304
    assert (await served.get(url, headers={"If-Modified-Since": modified, "Accept-Encoding": "identity"})).status == 304
    assert (await served.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": modified,
                                           "Accept-Encoding": "identity"})).status == 200  # the ETag decides
    zipped = await served.get(url, headers={"Accept-Encoding": "gzip"}, auto_decompress=False)
    assert zipped.headers["Content-Encoding"] == "gzip" and zipped.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(await zipped.read()) == body and zipped.headers["ETag"] != etag
    # a third member's report changes the counts: a new body, a new ETag; the old one no longer matches
    await served.log.submissions.submit(seed_variant(7), GUILD, 203, NOW)
    served.out.blocklist.forget(GUILD)
    again = await served.get(url, headers={"If-None-Match": etag, "Accept-Encoding": "identity"})
    assert again.status == 200 and again.headers["ETag"] != etag
    assert json.loads(await again.read())["domains"][1]["members"] == 3


async def test_wrong_rotated_and_revoked_tokens_are_404(served: Served) -> None:
    unknown = await served.text("/no/such/path")
    assert unknown[:2] == (404, NOT_FOUND)
    assert (await served.text("/f/" + "A" * 32 + "/domains.txt"))[:2] == (404, NOT_FOUND)
    assert (await served.text("/f/short/domains.txt"))[:2] == (404, NOT_FOUND)
    url = await served.feed_url("domains.txt")
    token = url.split("/")[2]
    assert (await served.text(f"/f/{token}/other.txt"))[:2] == (404, NOT_FOUND)
    assert (await served.text(f"/c/{token}/{served.campaign}"))[:2] == (404, NOT_FOUND)  # a feed token opens no page
    assert await served.log.tokens.current(GUILD, "feed") == token  # shown again on request, same URL
    new = await served.log.tokens.issue(GUILD, "feed", NOW)  # rotate
    assert new != token
    assert (await served.text(url))[:2] == (404, NOT_FOUND)
    assert (await served.text(f"/f/{new}/domains.txt"))[0] == 200
    assert await served.log.tokens.revoke(GUILD, "feed", NOW)
    assert (await served.text(f"/f/{new}/domains.txt"))[:2] == (404, NOT_FOUND)
    # the store keeps only hashes
    with contextlib.closing(sqlite3.connect(served.settings.db_path)) as conn:
        stored = [r[0] for r in conn.execute("SELECT token_hash FROM web_token")]
    assert token not in stored and new not in stored and len(stored) == 2


async def test_per_token_rate_limit(tmp_path: Path) -> None:
    async with serve(web_settings(tmp_path, feed_requests_per_minute=3)) as served:
        url = await served.feed_url("domains.txt")
        assert [(await served.get(url)).status for _ in range(3)] == [200, 200, 200]
        limited = await served.get(url)
        assert limited.status == 429 and int(limited.headers["Retry-After"]) >= 1
        other = await served.feed_url("domains.txt", guild=OTHER_GUILD)
        assert (await served.get(other)).status == 200  # another token has its own allowance


async def test_threat_feeds_and_network_only_when_opted_in(served: Served) -> None:
    await import_feed(served.stores.feeds, "openphish", "openphish",
                      b"https://login.feed-phish.example/x\nhttps://foo.duckdns.org/y\n", datetime.now(UTC))
    await served.out.keeper.refresh()
    url = await served.feed_url("blocklist.json")
    names = [d["domain"] for d in json.loads((await served.text(url))[1])["domains"]]
    assert "feed-phish.example" not in names
    await served.features(feed_external=True)
    listed = {d["domain"]: d for d in json.loads((await served.text(url))[1])["domains"]}
    assert listed["foo.duckdns.org"]["sources"] == ["openphish"] and "duckdns.org" not in listed
    assert listed["feed-phish.example"]["listed"][0]["name"] == "OpenPhish"
    # two other servers publish what their members reported (one alone lists nothing: NETWORK_MIN_SERVERS); this
    # one receives
    for guild in (OTHER_GUILD, THIRD_GUILD):
        for member in (301, 302):
            await served.log.submissions.submit(
                f"Subject: 三井住友カード\n\nログインしてください https://smbc.network-phish.example/login?m={member}".encode(),
                guild, member, NOW)
        assert "network-phish.example" in await served.stores.reports.blocklist(guild)
        await served.features(guild, network_publish=True)
    names = [d["domain"] for d in json.loads((await served.text(url))[1])["domains"]]
    assert "network-phish.example" not in names  # not received yet
    await served.features(network_receive=True)
    listed = {d["domain"]: d for d in json.loads((await served.text(url))[1])["domains"]}
    assert listed["network-phish.example"]["sources"] == ["network"] and listed["network-phish.example"]["servers"] == 2
    await served.features(OTHER_GUILD, network_publish=False)  # one leaves: its entries go, the other alone is not enough
    served.out.blocklist.forget(GUILD)
    names = [d["domain"] for d in json.loads((await served.text(url))[1])["domains"]]
    assert "network-phish.example" not in names


async def test_campaign_page_is_shared_only_when_chosen(served: Served) -> None:
    url = await served.page_url()
    assert (await served.text(url))[:2] == (404, NOT_FOUND)  # not shared
    await served.features(share_pages="chosen")
    assert (await served.text(url))[:2] == (404, NOT_FOUND)
    await served.stores.sharing.share_campaign(GUILD, served.campaign, True, NOW)
    status, _, resp = await served.text(url, headers={"Accept-Language": "en-US,en;q=0.9,ja;q=0.8"})
    assert status == 200 and resp.headers["Content-Language"] == "en"
    assert (await served.text(url.replace(served.campaign, "C-0000")))[:2] == (404, NOT_FOUND)
    await served.features(share_pages="all")
    assert (await served.text(url.replace(served.campaign, "C-0000")))[:2] == (404, NOT_FOUND)  # no such campaign
    assert (await served.text(url))[0] == 200


async def test_campaign_page_content(served: Served) -> None:
    await served.features(share_pages="all")
    await import_feed(served.stores.feeds, "jpcert", "jpcert",
                      "date,URL,description\n2021/01/22 10:00:00,https://smbc.servicecc-jp.cc/vpass,三井住友カード\n"
                      .encode(), NOW)
    await served.out.keeper.refresh()
    url = await served.page_url()
    status, ja, resp = await served.text(url, headers={"Accept-Language": "ja,en;q=0.5"})
    assert status == 200 and resp.headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in resp.headers["Content-Security-Policy"] and resp.headers["X-Frame-Options"] == "DENY"
    assert '<html lang="ja">' in ja and '<meta name="robots" content="noindex, nofollow">' in ja
    assert "三井住友カード" in ja and "servicecc-jp[.]cc" in ja and "ntc-cs[.]com" in ja and "203.0.113.45" in ja
    assert "JPCERT/CC が 2021-01-22 に三井住友カードのフィッシングとして掲載" in ja
    assert "servicecc-jp.cc" not in ja and "ntc-cs.com" not in ja  # defanged everywhere
    for private in ("taro", "example.jp", "t***", "uid=", "VpassID"):  # no address, no recipient, no mail text
        assert private not in ja, private
    assert "<script" not in ja
    status, en, resp = await served.text(url + "?lang=en", headers={"Accept-Language": "ja"})
    assert '<html lang="en">' in en and "Impersonates Sumitomo Mitsui Card" in en
    assert "listed by JPCERT/CC on 2021-01-22 as 三井住友カード phishing" in en
    assert 'href="?lang=ja"' in en and 'href="?lang=en"' in ja  # the switch, as a plain link
    for page in (ja, en):
        html5lib.HTMLParser(strict=True).parse(page)  # no parse error at all
    css = await served.get("/static/page.css")
    assert css.status == 200 and "max-width" in await css.text()
