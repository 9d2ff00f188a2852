"""What a newcomer meets on the command line: the database commands, a database newer than the program
or damaged, an empty folder, progress and the closing summary."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from bot.storage.database import LATEST
from tests.cli.test_analyze_cli import SEED_EML, run
from tests.conftest import CORPUS, need_shared


def pb(tmp: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    proc = run(*args, "--db", str(tmp / "pb.db"), "--lang", lang, cwd=tmp)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_db_backup_takes_its_options_in_any_order_and_copies_the_key(tmp_path: Path) -> None:
    assert pb(tmp_path, "report", str(SEED_EML), "--guild", "1", "--member", "2")[0] == 0
    code, out, err = pb(tmp_path, "db", "backup", str(tmp_path / "b1.db"))  # --db after FILE
    assert code == 0, err
    proc = run("db", "backup", "--db", str(tmp_path / "pb.db"), str(tmp_path / "b2.db"), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # --db before FILE
    obj = json.loads(proc.stdout)
    key = Path(obj["address_key"])
    assert key == tmp_path / "b2.db.secret.key" and key.read_bytes() == (tmp_path / "secret.key").read_bytes()
    assert key.stat().st_mode & 0o777 == 0o600 and (tmp_path / "b2.db").stat().st_mode & 0o777 == 0o600
    assert "b1.db.secret.key" in out  # the readable output says where the key went
    with sqlite3.connect(tmp_path / "b2.db") as copy:
        assert copy.execute("SELECT count(*) FROM report").fetchone()[0] == 1
    code, _, err = pb(tmp_path, "db", "backup", str(tmp_path / "b1.db"))
    assert code == 1 and "already exists" in err  # never over an older backup


def test_db_backup_with_the_key_in_the_environment_says_to_keep_it(tmp_path: Path) -> None:
    proc = run("report", str(SEED_EML), "--guild", "1", "--member", "2", "--db", str(tmp_path / "pb.db"),
               env={"ADDRESS_HASH_KEY": "k" * 32}, cwd=tmp_path)
    assert proc.returncode == 0
    proc = run("db", "backup", str(tmp_path / "b.db"), "--db", str(tmp_path / "pb.db"),
               env={"ADDRESS_HASH_KEY": "k" * 32}, cwd=tmp_path)
    assert proc.returncode == 0 and b"ADDRESS_HASH_KEY" in proc.stdout
    assert not (tmp_path / "secret.key").exists() and not (tmp_path / "b.db.secret.key").exists()


def test_db_status_never_creates_a_database(tmp_path: Path) -> None:
    code, out, err = pb(tmp_path, "db", "status", lang="ja")
    assert code == 1 and out == "" and "まだデータベースがありません" in err and err.count("\n") == 1
    assert not (tmp_path / "pb.db").exists()


@pytest.mark.parametrize("args", [("stats", "--guild", "1"), ("report", str(SEED_EML), "--guild", "1", "--member", "2"),
                                  ("leak", "mine", "--guild", "1", "--member", "2"), ("db", "status"),
                                  ("db", "migrate"), ("export", "blocklist", "--guild", "1")])
def test_a_database_newer_than_the_program_is_one_sentence(tmp_path: Path, args: tuple[str, ...]) -> None:
    with sqlite3.connect(tmp_path / "pb.db") as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 3}")
    code, out, err = pb(tmp_path, *args)
    if args[:2] == ("db", "status"):  # status describes it, and says it is ahead
        assert code == 0 and f"{LATEST + 3}" in out
        return
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert f"version {LATEST + 3}" in err and "newer than this phishbot" in err


def damage(path: Path) -> None:
    """Overwrite two pages near the end of the file, where the reports written last are: their
    pages no longer parse. (Not the middle: the schema and every migration's empty tables come
    first, and where their pages fall moves as migrations are added — a damaged schema page is a
    database that cannot be opened at all, another test's matter.)"""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size - 3 * 4096)
        fh.write(b"\xff" * 8192)


def test_a_damaged_database_is_reported_and_never_written(tmp_path: Path) -> None:
    for i in range(40):  # enough pages for the middle of the file to be a b-tree page
        raw = SEED_EML.read_bytes().replace(b"<20210124190205.91C2F1A0@ntc-cs.com>", f"<m{i}@ntc-cs.com>".encode())
        (tmp_path / f"{i}.eml").write_bytes(raw.replace(b"taro.yamada@", f"user{i}@".encode()))
    assert pb(tmp_path, "report", *[str(tmp_path / f"{i}.eml") for i in range(40)], "--guild", "1", "--member", "2")[0] == 0
    db = tmp_path / "pb.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(db)
    before = db.read_bytes()
    code, out, err = pb(tmp_path, "db", "status")
    assert code == 1 and "damaged" in out and err == ""  # said on stdout; exit 1 for monitoring
    code, out, err = pb(tmp_path, "report", str(SEED_EML), "--guild", "1", "--member", "3", "--json")
    assert code == 1 and "damaged" in err and "Traceback" not in err
    code, _, err = pb(tmp_path, "leak", "register", "--guild", "1", "--member", "3", "--address", "a@example.jp",
                      "--services", "amazon")
    assert code == 1 and "damaged" in err
    assert db.read_bytes() == before


def test_an_empty_folder_is_said_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf.bak").write_text("x", encoding="utf-8")
    proc = run("analyze", "--no-lookups", str(tmp_path / "empty"), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == b""
    assert b"no mail files here" in proc.stderr and proc.stderr.count(b"\n") == 2  # the sentence and the summary
    proc = run("analyze", "--no-lookups", "--lang", "ja", str(tmp_path / "empty"), cwd=tmp_path)
    assert "メールファイルが見つかりません" in proc.stderr.decode()


def test_a_folder_ends_with_a_summary_on_stderr_and_stdout_is_unchanged() -> None:
    need_shared()
    folder = CORPUS / "phish"
    proc = run("analyze", "--no-lookups", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1  # no progress when stderr is not a terminal
    count = len([p for p in folder.iterdir() if p.is_file()])
    assert lines[0].startswith(f"{count} mails analysed: ") and "phishing" in lines[0] and "0 unreadable" in lines[0]
    assert len(proc.stdout.decode().splitlines()) == count and all(json.loads(x) for x in proc.stdout.decode().splitlines())
    single = run("analyze", "--no-lookups", str(SEED_EML))
    assert single.stderr == b""  # one file: no summary


def test_progress_is_shown_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    for i in range(3):
        (tmp_path / f"{i}.eml").write_bytes(SEED_EML.read_bytes())
    main, sub = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LOOKUPS_ENABLED": "false"}
    proc = subprocess.run([sys.executable, "-m", "bot", "analyze", "--json", str(tmp_path)], stderr=sub,
                          stdout=subprocess.PIPE, env=env, cwd=tmp_path, timeout=120, check=False)
    os.close(sub)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert proc.returncode == 0
    assert b"3/3 analysed" in shown and b"3 mails analysed: 3 phishing" in shown
    assert len(proc.stdout.splitlines()) == 3 and b"analysed" not in proc.stdout


@pytest.mark.parametrize("planted", ["backup", "key"])
def test_db_backup_never_writes_through_a_planted_symlink(tmp_path: Path, planted: str) -> None:
    """Another user of a shared folder plants a symlink where the backup or its key copy will go
    (pointing at a file of theirs, or at one of ours to overwrite): the backup is refused, nothing
    is written through the link, and the secret never lands in the link's target."""
    assert pb(tmp_path, "report", str(SEED_EML), "--guild", "1", "--member", "2")[0] == 0
    victim = tmp_path / "elsewhere.txt"
    victim.write_bytes(b"untouched")
    target = tmp_path / "b.db"
    link = target if planted == "backup" else tmp_path / "b.db.secret.key"
    dangling = tmp_path / "not-yet.txt"
    for points_at in (victim, dangling):
        if link.is_symlink():
            link.unlink()
        link.symlink_to(points_at)
        code, _, err = pb(tmp_path, "db", "backup", str(target))
        assert code == 1 and "already exists" in err and "Traceback" not in err
        assert victim.read_bytes() == b"untouched" and not dangling.exists()
        assert link.is_symlink()
        if planted == "key":
            assert not target.exists()  # refused before any copy was made
    link.unlink()
    code, _, err = pb(tmp_path, "db", "backup", str(target))
    assert code == 0, err
    for made in (target, tmp_path / "b.db.secret.key"):
        assert not made.is_symlink() and made.stat().st_mode & 0o777 == 0o600
