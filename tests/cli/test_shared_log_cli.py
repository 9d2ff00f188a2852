"""The issue's scenario, as members would do it through `phishbot`: three members report the seed
mail as each received it, register where they gave their addresses, vote, and one is forgotten."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from tests.cli.test_analyze_cli import SEED_EML, run

GUILD = "111111111111111111"
A, B, C, D, E = "201", "202", "203", "204", "205"
ADDRESSES = {A: "taro.yamada@example.jp", B: "hanako.sato@example.jp", C: "jiro.suzuki@example.com"}


def seed_for(address: str, message_id: str) -> bytes:
    raw = SEED_EML.read_bytes().decode("ascii")
    raw = raw.replace("taro.yamada@example.jp", address)
    raw = raw.replace("<20210124190205.91C2F1A0@ntc-cs.com>", f"<{message_id}@ntc-cs.com>")
    return raw.encode("ascii")


def pb(tmp: Path, *args: str) -> Any:
    """The command's output: its JSON (Any: whatever the command prints) with ``--json``, else the text."""
    proc = run(*args, "--db", str(tmp / "log.db"), env={"LOOKUPS_ENABLED": "false"})
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    return json.loads(out) if "--json" in args else out


def test_members_report_register_vote_and_forget(tmp_path: Path) -> None:
    outputs: list[str] = []
    for member, mid in ((A, "a1"), (B, "b1"), (C, "c1"), (A, "a1")):  # A reports the same mail twice
        mail = tmp_path / f"{member}-{mid}.eml"
        mail.write_bytes(seed_for(ADDRESSES[member], mid))
        obj = pb(tmp_path, "report", str(mail), "--guild", GUILD, "--member", member, "--json")
        outputs.append(json.dumps(obj))
        assert obj["verdict"] == "phishing"
    reports = [json.loads(o) for o in outputs]
    campaign = reports[0]["campaign"]
    assert re.fullmatch(r"C-[0-9a-f]{4,}", campaign)
    assert {r["campaign"] for r in reports} == {campaign}
    assert reports[3]["duplicate"] is True and reports[3]["report_id"] == reports[0]["report_id"]

    for member, yes, no in ((A, "amazon,楽天", ""), (B, "Amazon.co.jp, Yahoo!ショッピング", ""),
                            (C, "アマゾン,aliexpress", "三井住友カード")):
        pb(tmp_path, "leak", "register", "--guild", GUILD, "--member", member, "--address", ADDRESSES[member],
           "--services", yes, "--not", no, "--json")
    pb(tmp_path, "leak", "register", "--guild", GUILD, "--member", D, "--address", "d@example.net",
       "--services", "rakuten,smbc-card", "--json")
    pb(tmp_path, "leak", "register", "--guild", GUILD, "--member", E, "--address", "e@example.net",
       "--services", "smbc-card,yahoo-shopping", "--json")

    domain = pb(tmp_path, "domain", "servicecc-jp.cc", "--guild", GUILD, "--json", "--no-lookups")
    assert domain["status"] == "known_bad" and domain["reports"] == 3 and domain["members"] == 3
    assert domain["campaigns"] == [campaign]

    view = pb(tmp_path, "campaign", campaign, "--guild", GUILD, "--json")
    assert (view["reports"], view["members"]) == (3, 3)
    ranking = view["leak_ranking"]
    assert ranking[0]["service"] == "amazon" and ranking[0]["registered"] == 3
    assert all(isinstance(r[k], int) for r in ranking for k in ("registered", "not_registered", "votes", "votes_from_recipients"))
    assert 0 < ranking[0]["score"] <= 1
    order = [r["service"] for r in ranking]
    assert "smbc-card" not in order[:2]
    smbc = next(r for r in ranking if r["service"] == "smbc-card")
    assert smbc["not_registered"] == 1
    assert order == sorted(order, key=lambda s: -next(r["score"] for r in ranking if r["service"] == s))

    pb(tmp_path, "leak", "vote", campaign, "楽天", "--guild", GUILD, "--member", A, "--json")
    pb(tmp_path, "leak", "vote", campaign, "amazon", "--guild", GUILD, "--member", A, "--json")  # changed
    pb(tmp_path, "leak", "vote", campaign, "amazon", "--guild", GUILD, "--member", B, "--json")
    view = pb(tmp_path, "campaign", campaign, "--guild", GUILD, "--json")
    votes = {r["service"]: (r["votes"], r["votes_from_recipients"]) for r in view["leak_ranking"]}
    assert votes["amazon"] == (2, 2) and votes["rakuten"] == (0, 0)

    forgot = pb(tmp_path, "forget", "--guild", GUILD, "--member", C, "--json")
    assert forgot["registration"] == 3 and forgot["reports_unlinked"] == 1
    view = pb(tmp_path, "campaign", campaign, "--guild", GUILD, "--json")
    amazon = next(r for r in view["leak_ranking"] if r["service"] == "amazon")
    assert amazon["registered"] == 2  # C's registration no longer counts
    assert view["leak_ranking"][0]["service"] == "amazon"
    assert "aliexpress" not in {r["service"] for r in view["leak_ranking"]}  # only C named it

    blocklist = pb(tmp_path, "export", "blocklist", "--guild", GUILD)
    assert "servicecc-jp.cc" in str(blocklist).splitlines()
    hosts = pb(tmp_path, "export", "hosts", "--guild", GUILD)
    assert "0.0.0.0 servicecc-jp.cc" in str(hosts)
    csv_text = pb(tmp_path, "export", "csv", "--guild", GUILD)
    stats = pb(tmp_path, "stats", "--guild", GUILD, "--json")
    assert stats["reports"] == 3 and stats["campaigns"] == 1

    # no address in clear anywhere: not in any output, not in the database file
    everything = "\n".join(outputs) + str(blocklist) + str(csv_text) + json.dumps(view)
    raw_db = b""
    for name in ("log.db", "log.db-wal"):
        if (tmp_path / name).exists():
            raw_db += (tmp_path / name).read_bytes()
    for address in [*ADDRESSES.values(), "d@example.net", "e@example.net"]:
        assert address not in everything
        assert address.encode() not in raw_db
        local = address.split("@")[0]
        if len(local) >= 5:
            assert local.encode() not in raw_db
    conn = sqlite3.connect(tmp_path / "log.db")
    masked = {r[0] for r in conn.execute("SELECT masked FROM registered_address")}
    conn.close()
    assert masked == {"t***@example.jp", "h***@example.jp", "d***@example.net", "e***@example.net"}


def test_blocklist_needs_two_members_or_a_moderator(tmp_path: Path) -> None:
    mail = tmp_path / "one.eml"
    mail.write_bytes(seed_for("solo@example.jp", "s1"))
    pb(tmp_path, "report", str(mail), "--guild", GUILD, "--member", A, "--json")
    assert pb(tmp_path, "export", "blocklist", "--guild", GUILD) == ""  # one member cannot poison it
    pb(tmp_path, "domain", "servicecc-jp.cc", "--guild", GUILD, "--confirm", "--member", "9", "--json", "--no-lookups")
    assert "servicecc-jp.cc" in str(pb(tmp_path, "export", "blocklist", "--guild", GUILD))
    cleared = pb(tmp_path, "domain", "servicecc-jp.cc", "--guild", GUILD, "--clear", "--json", "--no-lookups")
    assert cleared["status"] == "unknown"
    assert pb(tmp_path, "export", "blocklist", "--guild", GUILD) == ""
    other_guild = pb(tmp_path, "domain", "servicecc-jp.cc", "--guild", "222", "--json", "--no-lookups")
    assert other_guild["reports"] == 0  # every guild's data is its own


def test_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    proc = run("leak", "register", "--guild", GUILD, "--member", A, "--address", "not-an-address", "--services", "amazon",
               "--db", str(tmp_path / "x.db"), "--lang", "ja")
    assert proc.returncode == 1 and "メールアドレスではありません" in proc.stderr.decode()
    proc = run("campaign", "C-ffff", "--guild", GUILD, "--db", str(tmp_path / "x.db"))
    assert proc.returncode == 1 and b"no campaign" in proc.stderr and b"Traceback" not in proc.stderr
    proc = run("db", "status", "--db", str(tmp_path / "x.db"), "--json")
    assert json.loads(proc.stdout)["up_to_date"] is True
    proc = run("db", "backup", str(tmp_path / "copy.db"), "--db", str(tmp_path / "x.db"), "--json")
    assert proc.returncode == 0 and (tmp_path / "copy.db").exists()


def test_report_path_imports_no_discord(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys, io, contextlib\n"
        "from bot.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['report', {str(SEED_EML)!r}, '--guild', '1', '--member', '2', '--no-lookups', '--json', '--db', {str(tmp_path / 'r.db')!r}])\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'pydantic'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120, check=True)
    assert proc.stdout.decode().strip() == ""


def test_bad_ids_and_a_corrupt_database_are_one_line(tmp_path: Path) -> None:
    proc = run("stats", "--guild", "99999999999999999999999", "--db", str(tmp_path / "x.db"))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    proc = run("stats", "--guild", "-5", "--db", str(tmp_path / "x.db"))
    assert proc.returncode == 2
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(bytes(range(256)) * 20)
    for args in (("stats", "--guild", "1"), ("db", "status")):
        proc = run(*args, "--db", str(corrupt))
        assert proc.returncode == 1 and b"Traceback" not in proc.stderr
        assert len(proc.stderr.decode().strip().splitlines()) == 1
    proc = run("db", "backup", str(tmp_path), "--db", str(tmp_path / "y.db"))  # the target is a folder
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


def test_report_with_lookups_shares_the_database_with_the_cache(tmp_path: Path) -> None:
    from tests.fakes.registries import registries_in_thread

    first = tmp_path / "1.eml"
    second = tmp_path / "2.eml"
    first.write_bytes(seed_for("a.person@example.jp", "x1"))
    second.write_bytes(seed_for("b.person@example.jp", "x2"))
    with registries_in_thread() as reg:
        env = {**reg.env(), "LOOKUPS_ENABLED": "true"}
        one = json.loads(run("report", str(first), "--guild", GUILD, "--member", A, "--json", "--db", str(tmp_path / "l.db"), env=env).stdout)
        two = json.loads(run("report", str(second), "--guild", GUILD, "--member", B, "--json", "--db", str(tmp_path / "l.db"), env=env).stdout)
    assert (one["links"][0]["lookup"], one["links"][0]["age_days"]) == ("rdap", 3)
    assert two["links"][0]["lookup"] == "cache"
    assert any(f["rule"] == "new_domain" for f in two["findings"])
    domain = json.loads(run("domain", "servicecc-jp.cc", "--guild", GUILD, "--json", "--no-lookups", "--db", str(tmp_path / "l.db")).stdout)
    assert domain["age_days"] == 3 and domain["reports"] == 2


def test_setup_sets_what_the_bot_reads(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    out = run("setup", "--guild", "5", "--db", db, "--json", "--language", "ja", "--keep-raw-days", "14",
              "--report-channel", "77", "--report-channel", "78", "--auto-delete", "on", "--lookups", "off")
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer.pop("sharing")["link_watch"] == "off"  # issue 14's options, beside these
    assert answer == {"language": "ja", "keep_raw": True, "raw_retention_days": 14, "auto_delete": True,
                      "lookups_enabled": False, "report_channels": [77, 78]}
    again = run("setup", "--guild", "5", "--db", db, "--lang", "en", "--language", "auto", "--keep-raw-days", "0",
                "--clear-report-channels")
    text = again.stdout.decode("utf-8")
    assert "Keep raw mail: off" in text and "channels named phishing-reports" in text
    bad = run("setup", "--guild", "5", "--db", db, "--keep-raw-days", "91")
    assert bad.returncode == 2 and b"0 to 90" in bad.stderr


def test_confirming_an_official_domain_is_refused_with_exit_2(tmp_path: Path) -> None:
    for name, words in (("amazon.co.jp", "official"), ("smbc.co.jp", "official"), ("gmail.com", "free-mail"),
                        ("bit.ly", "shortener"), ("github.io", "platform")):
        proc = run("domain", name, "--guild", GUILD, "--confirm", "--member", "9", "--no-lookups",
                   "--db", str(tmp_path / "log.db"))
        err = proc.stderr.decode()
        assert proc.returncode == 2 and words in err and "Traceback" not in err, err
    proc = run("domain", "amazon.co.jp", "--guild", GUILD, "--confirm", "--no-lookups", "--lang", "ja",
               "--db", str(tmp_path / "log.db"))
    assert proc.returncode == 2 and "公式ドメイン" in proc.stderr.decode()
    assert pb(tmp_path, "export", "hosts", "--guild", GUILD) == ""
    pb(tmp_path, "domain", "evil.github.io", "--guild", GUILD, "--confirm", "--no-lookups", "--json")
    assert pb(tmp_path, "export", "hosts", "--guild", GUILD) == "0.0.0.0 evil.github.io\n"


def test_leak_commands_name_services_not_slugs(tmp_path: Path) -> None:
    """Issue 12 §3, in the CLI: the confirmation, `leak mine` and a vote name services by the
    catalogue's name in the reader's language or as typed — never a slug; nothing saved is a sentence."""
    empty = pb(tmp_path, "leak", "mine", "--guild", GUILD, "--member", A, "--lang", "en")
    assert "You have not saved any service yet" in empty
    saved = pb(tmp_path, "leak", "register", "--guild", GUILD, "--member", A, "--address", "a@example.jp",
               "--services", "smbc-card, 近所の八百屋", "--not", "Foo Shop", "--lang", "ja")
    assert "三井住友カード" in saved and "近所の八百屋" in saved and "Foo Shop" in saved
    assert "smbc-card" not in saved and "svc-" not in saved and "foo-shop" not in saved
    mine = pb(tmp_path, "leak", "mine", "--guild", GUILD, "--member", A, "--lang", "en")
    assert "Sumitomo Mitsui Card" in mine and "近所の八百屋" in mine and "svc-" not in mine
