"""`phishbot analyze` and `phishbot domain` with registration lookups, as a user runs them,
against fake registries on loopback (RDAP_BASE_URL, WHOIS_SERVER)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.cli.test_analyze_cli import SEED_EML, run
from tests.fakes.registries import closed_port, registries_in_thread


def test_seed_gets_its_registration_age_and_new_domain(tmp_path: Path) -> None:
    with registries_in_thread() as reg:
        env = {**reg.env(), "LOOKUPS_ENABLED": "true", "PHISHBOT_DB": str(tmp_path / "db" / "p.db")}
        proc = run("analyze", str(SEED_EML), "--json", env=env)
        assert proc.returncode == 0, proc.stderr
        obj = json.loads(proc.stdout)
        [link] = obj["links"]
        assert (link["age_days"], link["lookup"]) == (3, "rdap")
        new = [f for f in obj["findings"] if f["rule"] == "new_domain"]
        assert new and new[0]["severity"] == "high"
        assert "servicecc-jp[.]cc" in new[0]["detail"]
        domains = {d["domain"]: d for d in obj["domains"]}
        assert domains["servicecc-jp.cc"]["role"] == "link"
        assert domains["ntc-cs.com"]["role"] == "envelope"
        assert domains["ntc-cs.com"]["age_days"] == 6913  # registered 2002-02-20, as in the seed story
        assert (domains["example.jp"]["role"], domains["example.jp"]["lookup"]) == ("from", "whois")  # .jp: JPRS
        # only registrable names were ever asked, and only at the configured registries
        assert sorted(p for p, _ in reg.rdap.requests) == ["/domain/ntc-cs.com", "/domain/servicecc-jp.cc"]
        assert reg.whois_fake.queries == ["example.jp/e"]
        # the second run is answered from the cache
        again = json.loads(run("analyze", str(SEED_EML), "--json", env=env).stdout)
        assert again["links"][0]["lookup"] == "cache"
        assert again["links"][0]["age_days"] == 3
        assert len(reg.rdap.requests) == 2
        assert len(reg.whois_fake.queries) == 1


def test_jp_link_is_answered_through_whois(tmp_path: Path) -> None:
    mail = tmp_path / "jp.eml"
    mail.write_bytes(
        b"Received: from mail.sender.example.net (mail.sender.example.net [203.0.113.7])\n"
        b"\tby mx.example.jp; Sun, 24 Jan 2021 19:02:11 +0900\n"
        b"From: Shop <info@sender.example.net>\nTo: taro@example.jp\nSubject: test\n\n"
        b"https://www.login-check.co.jp/login\n"
    )
    with registries_in_thread() as reg:
        env = {**reg.env(), "LOOKUPS_ENABLED": "true", "PHISHBOT_DB": str(tmp_path / "p.db")}
        obj = json.loads(run("analyze", str(mail), "--json", env=env).stdout)
    [link] = obj["links"]
    assert link["lookup"] == "whois"
    assert link["age_days"] == 5  # registered 2021/01/19 (JST), received 2021-01-24 19:02 JST
    assert any(q.endswith("login-check.co.jp/e") for q in reg.whois_fake.queries)


def test_closed_registries_still_answer_within_the_deadline(tmp_path: Path) -> None:
    env = {
        "LOOKUPS_ENABLED": "true", "RDAP_BASE_URL": f"http://127.0.0.1:{closed_port()}",
        "WHOIS_SERVER": f"127.0.0.1:{closed_port()}", "LOOKUP_DEADLINE": "3", "LOOKUP_TIMEOUT": "2",
        "PHISHBOT_DB": str(tmp_path / "p.db"),
    }
    started = time.monotonic()
    proc = run("analyze", str(SEED_EML), "--json", env=env)
    assert time.monotonic() - started < 20  # a hang guard; the deadline is 3 s
    obj = json.loads(proc.stdout)
    assert obj["verdict"] == "phishing"
    assert obj["links"][0]["lookup"] == "unavailable"
    assert all(d["lookup"] == "unavailable" for d in obj["domains"])


def test_no_lookups_flag_and_setting(tmp_path: Path) -> None:
    with registries_in_thread() as reg:
        env = {**reg.env(), "LOOKUPS_ENABLED": "true", "PHISHBOT_DB": str(tmp_path / "p.db")}
        obj = json.loads(run("analyze", str(SEED_EML), "--json", "--no-lookups", env=env).stdout)
        assert obj["links"][0]["lookup"] == "skipped"
        off = json.loads(run("analyze", str(SEED_EML), "--json", env={**env, "LOOKUPS_ENABLED": "false"}).stdout)
        assert off["links"][0]["lookup"] == "skipped"
        assert reg.rdap.requests == []


def test_domain_command(tmp_path: Path) -> None:
    with registries_in_thread() as reg:
        env = {**reg.env(), "LOOKUPS_ENABLED": "true", "PHISHBOT_DB": str(tmp_path / "p.db")}
        obj = json.loads(run("domain", "hxxps://smbc[.]servicecc-jp[.]cc/vpass", "--json", env=env).stdout)
        assert obj["domain"] == "servicecc-jp.cc"
        assert obj["status"] == "registered"
        assert obj["registered"] == "2021-01-21T00:00:00+00:00"
        assert obj["registrar"] == "Example Registrar, Inc."
        assert obj["lookup"] == "rdap"
        text = run("domain", "servicecc-jp.cc", "--lang", "ja", env=env).stdout.decode()
        assert "servicecc-jp[.]cc" in text and "2021-01-21" in text and "登録情報: 以前の照会結果を使用" in text
        gone = json.loads(run("domain", "nothing-here.com", "--json", env=env).stdout)
        assert gone["status"] == "not_registered"
        official = json.loads(run("domain", "www.smbc-card.com", "--json", env=env).stdout)
        assert official["status"] == "official" and official["brand"]["id"] == "smbc-card"
        assert [p for p, _ in reg.rdap.requests] == ["/domain/servicecc-jp.cc", "/domain/nothing-here.com"]
    bad = run("domain", "not a domain at all", env=env)
    assert bad.returncode == 1 and b"Traceback" not in bad.stderr
