"""Issue 14 end to end: the running bot (real discord.py against the fake gateway) with its web
server — curl reads /healthz, /metrics, every feed format and a campaign page; /setup hands out the
links; /domain says what JPCERT/CC lists; link watch answers a known-bad link in #general within a
second, and leaves plain chat and official links alone."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.services.feeds_in import import_feed
from bot.services.ports.guilds import FeatureChanges
from bot.wiring import Outreach
from tests.conftest import ROOT, SHARED
from tests.discord_ui.conftest import SEED_PASTE, Running, custom_ids, embed_text
from tests.discord_ui.test_commands_e2e import reply_to, seed_thread_message
from tests.fakes.discord.state import ADMIN_ID, GENERAL_ID, GUILD_ID, OTHER_ID, Perm

NO_PINGS: dict[str, list[str]] = {"parse": []}
FRESH = ("date,URL,description\n"
         "{date},https://login.feed-phish.example/verify?id=1,三井住友カード\n")


async def curl(url: str, *args: str) -> tuple[int, str, str]:
    """The real curl, as its own process (the bot's event loop keeps serving meanwhile): (status,
    headers, body)."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    proc = await asyncio.create_subprocess_exec("curl", "-sS", "--max-time", "10", "-D", "-", "-o", "-", *args, url,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0, err
    head, _, body = out.decode("utf-8", "replace").partition("\r\n\r\n")
    return int(head.split()[1]), head, body


def outreach_of(running: Running) -> Outreach:
    return running.process.outreach


async def seed_two_members(running: Running) -> dict[str, Any]:
    first = await seed_thread_message(running)
    await seed_thread_message(running, author_id=OTHER_ID, text=SEED_PASTE.replace("uid=8f3a91c2", "uid=0badc0de"))
    return first


async def admin_setup(running: Running, *options: tuple[str, Any], locale: str = "en-US") -> str:
    fake = running.fake
    done = await fake.slash("setup", author_id=ADMIN_ID, locale=locale, options=[
        {"type": 5 if isinstance(v, bool) else 3, "name": k, "value": v} for k, v in options])
    answer = await reply_to(running, done)
    assert answer["ephemeral"]  # the links carry secrets: only the admin sees them
    return embed_text(answer)  # the message's text (the live links, in <…>: no preview) and its embed


async def test_curl_against_the_running_bot(running: Running) -> None:
    first = await seed_two_members(running)
    text = await admin_setup(running, ("blocklist_feed", "on"), ("share_pages", "all"))
    assert "Blocklist feed: on" in text and "hxxp" not in text  # the embed; the links are in the message's text
    out = outreach_of(running)
    assert out.web is not None
    base = f"http://127.0.0.1:{out.web.port}"
    urls = [word.strip("<>") for word in text.split() if word.startswith("<http://")]
    feed_links = [u.replace(running.settings.web.base_url, base) for u in urls if "/f/" in u]
    assert sorted(u.rsplit("/", 1)[1] for u in feed_links) == sorted(
        ["domains.txt", "hosts.txt", "adblock.txt", "rpz.zone", "blocklist.json"])

    assert (await curl(base + "/healthz"))[::2] == (200, "ok\n")
    assert (await curl(base + "/readyz"))[::2] == (200, "ready\n")
    status, _, metrics = await curl(base + "/metrics")
    assert status == 200 and 'phishbot_analyses_total{path="paste",verdict="phishing"} 2.0' in metrics
    assert "phishbot_ready 1.0" in metrics and "phishbot_gateway_latency_seconds" in metrics
    assert 'phishbot_rate_limited_total' in metrics or "phishbot_reports_stored_total 2.0" in metrics

    bodies = {}
    for url in feed_links:
        status, head, body = await curl(url, "--compressed")
        assert status == 200 and "etag:" in head.lower() and "last-modified:" in head.lower(), url
        bodies[url.rsplit("/", 1)[1]] = body
    assert "servicecc-jp.cc" in bodies["domains.txt"].splitlines()
    assert "0.0.0.0 servicecc-jp.cc" in bodies["hosts.txt"] and "||servicecc-jp.cc^" in bodies["adblock.txt"]
    assert "servicecc-jp.cc CNAME ." in bodies["rpz.zone"]
    assert json.loads(bodies["blocklist.json"])["count"] == 2
    etag = next(line.split(":", 1)[1].strip() for line in (await curl(feed_links[0]))[1].splitlines()
                if line.lower().startswith("etag:"))
    assert (await curl(feed_links[0], "-H", f"If-None-Match: {etag}"))[0] == 304

    campaign = next(i for i in custom_ids(first) if i.startswith("leak:vote:")).split(":")[2]
    page = next(u for u in urls if "/c/" in u).replace(running.settings.web.base_url, base).replace("C-xxxx", campaign)
    status, head, html = await curl(page, "-H", "Accept-Language: ja")
    assert status == 200 and "x-robots-tag: noindex" in head.lower() and campaign in html and "servicecc-jp[.]cc" in html
    token = feed_links[0].split("/")[4]
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert (await curl(f"{base}/f/{wrong}/domains.txt"))[::2] == (404, "404: not found\n")
    assert (await curl(f"{base}/c/{token}/{campaign}"))[0] == 404  # the feed token opens no page

    # /campaign shows the page link now that the server shares its pages
    asked = await running.fake.slash("campaign", options=[{"type": 3, "name": "campaign", "value": campaign}])
    answer = await reply_to(running, asked, timeout=20)
    assert f"{running.settings.web.base_url}/c/" in answer["content"] and campaign in answer["content"]


async def test_domain_says_listed_by_jpcert(running: Running, tmp_path: Path) -> None:
    folder = SHARED / "corpus-dev" / "urls"
    files = sorted(folder.glob("jpcert-*.csv")) if folder.is_dir() else []
    if not files:
        pytest.skip("../shared/corpus-dev/urls is not beside this checkout")
    # phishbot feeds import, as an admin runs it, into the running bot's database
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "feeds", "import", *map(str, files), "--format", "jpcert",
        "--db", running.settings.db_path, "--lang", "en", env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(proc.communicate(), 300)  # the bot goes on meanwhile
    assert proc.returncode == 0, stderr
    assert b"JPCERT/CC now lists" in stdout
    out = outreach_of(running)
    assert await out.keeper.refresh()  # the bot also notices within a minute by itself
    # a domain of the first file, chosen by the file, not written here
    from bot.feeds.formats import parse
    from bot.services.listing_unit import listing_domain

    item = next(i for i in parse("jpcert", files[0].read_bytes()) if listing_domain(i.host))
    domain = listing_domain(item.host)
    assert domain is not None
    asked = await running.fake.slash("domain", locale="en-US",
                                     options=[{"type": 3, "name": "name", "value": domain.replace(".", "[.]")}])
    text = embed_text(await reply_to(running, asked))
    assert "listed by JPCERT/CC on " + item.listed_at.strftime("%Y-%m") in text if item.listed_at else "listed by JPCERT/CC" in text
    assert "Not known as bad in this server." in text  # the server's own counts stay its own
    ja = embed_text(await reply_to(running, await running.fake.slash(
        "domain", options=[{"type": 3, "name": "name", "value": domain}])))
    assert "JPCERT/CC が" in ja and "掲載" in ja


async def wait_reply_to(running: Running, posted: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
    message: dict[str, Any] = await running.fake.wait_for(
        lambda m: (m.get("message_reference") or {}).get("message_id") == posted["id"] or
        str((m.get("message_reference") or {}).get("message_id")) == str(posted["id"]), timeout=timeout)
    return message


async def watch_on(running: Running, mode: str = "reply") -> None:
    text = await admin_setup(running, ("link_watch", mode))
    assert "Link watch" in text
    now = datetime.now(UTC)
    out = outreach_of(running)
    await import_feed(running.process.stores.feeds, "jpcert", "jpcert",
                      FRESH.format(date=now.strftime("%Y/%m/%d %H:%M:%S")).encode("utf-8"), now)
    await out.keeper.refresh()


async def test_link_watch_answers_a_known_bad_link_within_a_second(running: Running) -> None:
    await seed_two_members(running)
    await watch_on(running)
    fake = running.fake
    before = len(fake.sent_messages)
    for chat in ("おはようございます", "公式はこちら https://www.smbc-card.com/mem/index.jsp",
                 "docs: https://example.com/readme and www.example.org"):
        await fake.post_message(chat, channel_id=GENERAL_ID)
    began = time.perf_counter()
    posted = await fake.post_message("これ本物? https://login.feed-phish.example/verify?id=8f3a", channel_id=GENERAL_ID)
    reply = await wait_reply_to(running, posted)
    elapsed = reply["at"] - began
    assert elapsed < 1.0, f"answered in {elapsed:.3f} s"
    content = reply["content"]
    assert "hxxps://login[.]feed-phish[.]example/verify?…" in content and "feed-phish.example" not in content
    assert "JPCERT/CC" in content and "三井住友カード" in content
    assert reply["allowed_mentions"]["parse"] == [] and reply["allowed_mentions"].get("replied_user") is False
    assert custom_ids(reply) == ["watch:analyse"]
    # the community's own blocklist: two members reported the seed's domain
    posted = await fake.post_message("hxxps://smbc[.]servicecc-jp[.]cc/vpass", channel_id=GENERAL_ID)
    known = await wait_reply_to(running, posted)
    assert "2" in known["content"] and "servicecc-jp[.]cc" in known["content"]
    await asyncio.sleep(0.3)
    replies = [m for m in fake.sent_messages[before:] if m.get("message_reference")]
    assert len(replies) == 2  # plain chat, the official link and the harmless links got nothing
    # the button analyses the link privately
    clicked = await fake.click(reply, "watch:analyse", locale="en-US")
    analysis = await fake.wait_for(lambda m: str(m.get("interaction_id")) == str(clicked["id"]) and m.get("embeds"),
                                   timeout=10)
    assert analysis["ephemeral"] and "feed-phish[.]example" in embed_text(analysis)
    assert "listed by JPCERT/CC" in embed_text(analysis)  # the listed_link finding, in the member's language


async def test_link_watch_deletes_with_a_note_and_respects_the_channel_limit(running: Running) -> None:
    await watch_on(running, "delete")
    fake = running.fake
    posted = await fake.post_message("https://login.feed-phish.example/a", channel_id=GENERAL_ID)
    await fake.wait_for(lambda d: d[1] == int(posted["id"]), source="deleted_messages")
    note = await fake.wait_for(lambda m: "🗑️" in (m.get("content") or ""))
    assert note["allowed_mentions"]["parse"] == [] and "login[.]feed-phish[.]example" in note["content"]
    assert str(posted["author"]["id"]) in note["content"]  # addressed to the author, who is not pinged
    for i in range(8):
        await fake.post_message(f"https://login.feed-phish.example/{i}", channel_id=GENERAL_ID)
    await fake.wait_for(lambda _: len(fake.deleted_messages) >= 9, timeout=10)
    await asyncio.sleep(0.3)
    notes = [m for m in fake.sent_messages if "🗑️" in (m.get("content") or "")]
    assert len(notes) == running.settings.discord.link_watch_replies_per_minute  # every one deleted, few notes


async def test_link_watch_hides_previews_and_stays_off_report_channels(running: Running) -> None:
    await watch_on(running, "hide")
    fake = running.fake
    posted = await fake.post_message("https://login.feed-phish.example/b", channel_id=GENERAL_ID)
    patch = await fake.wait_for(lambda r: r.method == "PATCH" and r.path.endswith(f"/messages/{posted['id']}"),
                                source="requests")
    assert patch.json["flags"] & 4
    await wait_reply_to(running, posted)
    threads = len(fake.threads)
    reported = await fake.post_message("https://login.feed-phish.example/c")  # #phishing-reports: auto-intake's
    await fake.wait_for(lambda _: len(fake.threads) > threads, timeout=10)
    await asyncio.sleep(0.3)
    assert not [m for m in fake.sent_messages if str((m.get("message_reference") or {}).get("message_id")) == reported["id"]
                and "⚠️" in (m.get("content") or "")]


async def test_link_watch_without_manage_messages_still_warns(running: Running) -> None:
    fake = running.fake
    await watch_on(running, "delete")
    await fake.set_bot_permissions(fake.bot_permissions & ~Perm.MANAGE_MESSAGES)
    posted = await fake.post_message("https://login.feed-phish.example/d", channel_id=GENERAL_ID)
    reply = await wait_reply_to(running, posted)
    assert "⚠️" in reply["content"] and not fake.deleted_messages


async def test_network_servers_are_counted_apart(running: Running) -> None:
    await seed_two_members(running)
    out = outreach_of(running)
    others = (4242, 4343)  # NETWORK_MIN_SERVERS: one server alone lists nothing for the others
    submissions = running.process.log.submissions
    now = datetime.now(UTC)
    for other in others:
        for member in (1, 2):
            await submissions.submit(
                f"Subject: 三井住友カード\n\nログイン https://smbc.net-phish.example/l?m={other}{member}".encode(),
                other, member, now)
        await running.process.stores.guilds.change_guild_features(other, FeatureChanges(network_publish=True), now)
    await admin_setup(running, ("network", "receive"))
    asked = await running.fake.slash("domain", locale="en-US", options=[{"type": 3, "name": "name", "value": "net-phish.example"}])
    text = embed_text(await reply_to(running, asked))
    assert "2 other servers report this domain." in text and "0 reports from 0 members" in text
    other = others[0]
    await running.process.stores.guilds.change_guild_features(other, FeatureChanges(network_publish=False), now)
    await out.guild_changed(other)  # one server left: the other alone no longer counts
    asked = await running.fake.slash("domain", locale="en-US", options=[{"type": 3, "name": "name", "value": "net-phish.example"}])
    assert "No other server reports this domain." in embed_text(await reply_to(running, asked))
    assert other != GUILD_ID
