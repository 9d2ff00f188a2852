"""`phishbot feeds`, `phishbot serve` and the threat feeds in the other commands, as their own
processes: a file imported, what `report`, `domain` and `setup` then say, the fetch of the
configured feeds from a fake feed server on loopback, the links of a guild's feeds, and the web
server without Discord."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.cli.test_analyze_cli import SEED_EML, run
from tests.conftest import ROOT
from tests.fakes.feeds import feed_server

GUILD = "111"
LISTING = ("date,URL,description\n"
           "2021/01/22 09:30:00,https://smbc.servicecc-jp.cc/vpass/login.php,三井住友カード\n"
           "2021/01/22 09:31:00,https://foo.duckdns.org/x,Amazon\n"
           "2021/01/22 09:32:00,https://duckdns.org/x,Amazon\n").encode()


def pb(db: Path, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return run(*args, "--db", str(db), stdin=stdin, env=env)


def test_import_then_report_domain_and_status(tmp_path: Path) -> None:
    db = tmp_path / "pb.db"
    feed = tmp_path / "jpcert-202101.csv"
    feed.write_bytes(LISTING)
    imported = pb(db, "feeds", "import", str(feed), "--format", "jpcert", "--json")
    assert imported.returncode == 0, imported.stderr
    [row] = [json.loads(line) for line in imported.stdout.splitlines()]
    assert (row["items"], row["listed"], row["skipped"], row["entries"]) == (3, 2, 1, 2)  # duckdns.org itself: never

    report = json.loads(pb(db, "report", str(SEED_EML), "--guild", GUILD, "--member", "201", "--json").stdout)
    listed = [f for f in report["findings"] if f["rule"] == "listed_link"]
    assert listed and "JPCERT/CC" in listed[0]["detail"] and listed[0]["severity"] == "low"  # 2021: an old listing
    assert report["links"][0]["listed"][0]["source"] == "jpcert"

    text = pb(db, "domain", "hxxps://smbc[.]servicecc-jp[.]cc/", "--guild", GUILD, "--lang", "en").stdout.decode()
    assert "1 report from 1 member" in text
    assert "listed by JPCERT/CC on 2021-01-22 as 三井住友カード phishing" in text
    assert text.index("1 report from") < text.index("Threat feeds")  # beside the counts, not in them
    alone = json.loads(pb(db, "domain", "foo.duckdns.org", "--json", "--no-lookups").stdout)
    assert alone["listed"][0]["name"] == "JPCERT/CC" and alone["listed"][0]["current"] is False
    assert json.loads(pb(db, "domain", "bar.duckdns.org", "--json", "--no-lookups").stdout)["listed"] == []

    status = json.loads(pb(db, "feeds", "status", "--json").stdout)
    assert status == [{"source": "jpcert", "name": "JPCERT/CC", "entries": 2, "status": "imported",
                       "checked_at": status[0]["checked_at"], "changed_at": status[0]["changed_at"]}]
    plain = pb(db, "feeds", "import", "-", "--format", "plain", "--source", "my-list", "--lang", "ja",
               stdin=b"# ours\nbad.example.net\n||worse.example.org^\n")
    assert plain.returncode == 0 and "my-list" in plain.stdout.decode() and "ドメイン名 2 件を登録しました" in plain.stdout.decode()
    bad = pb(db, "feeds", "import", "-", "--format", "plain", "--source", "Not A Slug")
    assert bad.returncode == 2


def test_tokens_and_setup_from_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "pb.db"
    env = {"WEB_PUBLIC_URL": "https://pb.example.jp"}
    first = json.loads(pb(db, "feeds", "token", "--guild", GUILD, "--json", env=env).stdout)
    assert len(first["urls"]) == 5 and all(u.startswith("https://pb.example.jp/f/") for u in first["urls"])
    again = json.loads(pb(db, "feeds", "token", "--guild", GUILD, "--json", env=env).stdout)
    assert again["urls"] == first["urls"]  # shown again, the same link
    rotated = json.loads(pb(db, "feeds", "token", "--guild", GUILD, "--rotate", "--json", env=env).stdout)
    assert rotated["urls"] != first["urls"]
    assert json.loads(pb(db, "feeds", "token", "--guild", GUILD, "--revoke", "--json").stdout)["urls"] == []
    out = pb(db, "setup", "--guild", GUILD, "--lang", "en", "--blocklist-feed", "on", "--share-pages", "all",
             "--link-watch", "delete", "--network", "both", "--feed-sources", "on", env=env)
    text = out.stdout.decode()
    assert out.returncode == 0 and "Blocklist feed: on" in text and "https://pb.example.jp/f/" in text
    assert "https://pb.example.jp/c/" in text and "delete the message" in text and "publishing this server's blocklist: on" in text
    shown = json.loads(pb(db, "setup", "--guild", GUILD, "--json").stdout)["sharing"]
    assert shown["link_watch"] == "delete" and shown["network_publish"] and shown["feed_external"]
    refused = pb(db, "setup", "--guild", GUILD, "--share-campaign", "C-0000", "--lang", "en")
    assert refused.returncode == 1 and b"no campaign C-0000" in refused.stderr


async def test_fetch_the_configured_feeds(tmp_path: Path) -> None:
    db = tmp_path / "pb.db"
    async with feed_server() as server:
        server.files["/feed.txt"] = b"https://a.example-phish.net/x\nhttps://b.example-phish.org/y\n"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "FEEDS": f"openphish={server.url('/feed.txt')}",
               "PHISHBOT_DB": str(db)}

        async def fetch() -> list[dict[str, object]]:
            proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "feeds", "fetch", "--json", env=env,
                                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = await asyncio.wait_for(proc.communicate(), 60)
            assert proc.returncode == 0, err
            return [json.loads(line) for line in out.splitlines()]

        assert [(r["status"], r["entries"]) for r in await fetch()] == [("ok", 2)]
        assert [r["status"] for r in await fetch()] == ["not_modified"]
        assert {a.path for a in server.asked} == {"/feed.txt"}
    none = run("feeds", "fetch", "--db", str(db))
    assert none.returncode == 2 and b"FEEDS" in none.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_serve_without_discord(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PHISHBOT_DB": str(tmp_path / "pb.db"), "WEB_PORT": str(port),
           "PHISHBOT_LANG": "en", "FEEDS": ""}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "serve", env=env, cwd=tmp_path,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stderr is not None
        line = b""
        while b"serving on" not in line:
            line = await asyncio.wait_for(proc.stderr.readline(), 30)
            assert line, "phishbot serve ended before it listened"
        async with aiohttp.ClientSession() as http:
            for path, body in (("/healthz", "ok\n"), ("/readyz", "ready\n")):
                async with http.get(f"http://127.0.0.1:{port}{path}") as resp:
                    assert (resp.status, await resp.text()) == (200, body)
            async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:
                assert "phishbot_ready 1.0" in await resp.text()
        health = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "health", env=env, cwd=tmp_path)
        assert await asyncio.wait_for(health.wait(), 30) == 0  # asks /readyz
        taken = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "serve", env=env, cwd=tmp_path,
                                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, err = await asyncio.wait_for(taken.communicate(), 60)
        assert taken.returncode == 1 and f"port {port}".encode() in err and b"Traceback" not in err
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 30)
    assert proc.returncode == 0
