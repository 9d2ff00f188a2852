"""``phishbot run --shards N[-M] --shard-count C`` and its settings: checked before anything starts,
one localised sentence and exit 2 when wrong; ``phishbot health`` per process."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.processes import with_shards
from bot.settings import SettingsError, heartbeat_path, read_settings
from tests.conftest import ROOT


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "PHISHBOT_"))}
    base.update({"PYTHONPATH": str(ROOT), "DISCORD_TOKEN": "not-used", "PHISHBOT_DB": str(tmp_path / "x.db"), **env})
    return subprocess.run([sys.executable, "-m", "bot", *args], env=base, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.mark.parametrize(("args", "lang", "said"), [
    (("--shards", "0-8", "--shard-count", "8"), "en", "--shards=0-8: with 8 shards in all, shard ids run from 0 to 7"),
    (("--shards", "3-1", "--shard-count", "8"), "en", "--shards=3-1: a shard or a range of shards is needed"),
    (("--shards", "a", "--shard-count", "8"), "ja", "シャード番号か範囲を指定してください"),
    (("--shards", "0-3",), "en", "give the total number of shards too"),
    (("--shards", "0", "--shard-count", "0"), "ja", "0 より大きい値を指定してください"),
])
def test_bad_shard_flags_are_one_sentence_and_exit_2(tmp_path: Path, args: tuple[str, ...], lang: str, said: str) -> None:
    done = _run(tmp_path, "run", *args, PHISHBOT_LANG=lang)
    assert done.returncode == 2
    assert said in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.db").exists()  # nothing was started


def test_bad_shard_settings_are_refused_like_the_flags(tmp_path: Path) -> None:
    done = _run(tmp_path, "run", PHISHBOT_SHARDS="4", PHISHBOT_SHARD_COUNT="2", PHISHBOT_LANG="en")
    assert done.returncode == 2 and "PHISHBOT_SHARDS=4: with 2 shards in all, shard ids run from 0 to 1" in done.stderr


def test_flags_over_settings() -> None:
    settings = read_settings({"PHISHBOT_SHARDS": "0-1", "PHISHBOT_SHARD_COUNT": "4"}, env_file=None)
    assert settings.discord.shard_ids == (0, 1)
    args = argparse.Namespace(shards="2-3", shard_count=None)
    assert with_shards(settings, args).discord.shard_ids == (2, 3)
    only_count = with_shards(read_settings({}, env_file=None), argparse.Namespace(shards=None, shard_count="3"))
    assert only_count.discord.shard_ids == (0, 1, 2)  # every shard in this one process
    with pytest.raises(SettingsError):
        with_shards(settings, argparse.Namespace(shards=None, shard_count="1"))  # the settings' 0-1 no longer fit


def test_unsharded_is_unchanged_and_each_process_has_its_own_heartbeat(tmp_path: Path) -> None:
    plain = read_settings({"PHISHBOT_DB": str(tmp_path / "p.db")}, env_file=None)
    assert plain.discord.shard_ids is None and not plain.discord.sharded
    assert heartbeat_path(plain) == str(tmp_path / "phishbot.alive")
    shard = read_settings({"PHISHBOT_DB": str(tmp_path / "p.db"), "PHISHBOT_SHARDS": "4-7",
                           "PHISHBOT_SHARD_COUNT": "8"}, env_file=None)
    assert heartbeat_path(shard) == str(tmp_path / "phishbot.shards-4-7.alive")


def test_health_reads_its_own_process_heartbeat(tmp_path: Path) -> None:
    (tmp_path / "phishbot.shards-1-1.alive").write_text("1\n", encoding="ascii")
    env = {"WEB_ENABLED": "false"}
    assert _run(tmp_path, "health", "--shards", "1", "--shard-count", "2", **env).returncode == 0
    assert _run(tmp_path, "health", "--shards", "0", "--shard-count", "2", **env).returncode == 1
    assert _run(tmp_path, "health", **env).returncode == 1  # the unsharded process's file is another


def test_the_bot_class_follows_the_settings() -> None:
    from discord.ext import commands

    from bot.discord_ui.client import PhishBot, make_bot

    plain = make_bot(read_settings({}, env_file=None))
    sharded = make_bot(read_settings({"PHISHBOT_SHARDS": "2-3", "PHISHBOT_SHARD_COUNT": "8"}, env_file=None))
    assert not isinstance(plain, commands.AutoShardedBot)
    assert isinstance(sharded, commands.AutoShardedBot) and isinstance(sharded, PhishBot)
    assert sharded.shard_ids == [2, 3] and sharded.shard_count == 8
    assert [sharded.owns_guild(g << 22) for g in range(8)] == [False, False, True, True, False, False, False, False]
    assert plain.owns_guild(5 << 22)


@pytest.mark.parametrize(("args", "env", "said"), [
    (("run", "--shards", "0", "--shard-count", "2"), {}, "--shard-count=2: several processes share this store"),
    (("run",), {"PHISHBOT_SHARD_COUNT": "2"}, "PHISHBOT_SHARD_COUNT=2: several processes share this store"),
    (("report", "--guild", "1", "--member", "2", "-"), {"PHISHBOT_DB": "postgresql://bot:s3cret-pw@127.0.0.1:9/x"},
     "PHISHBOT_DB=postgresql://…: several processes share this store"),
])
def test_a_shared_store_needs_the_address_key(tmp_path: Path, args: tuple[str, ...], env: dict[str, str],
                                              said: str) -> None:
    """Each process would make its own secret.key: one log, hashes under different keys."""
    done = _run(tmp_path, *args, PHISHBOT_LANG="en", **env)
    assert done.returncode == 2, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr and "s3cret-pw" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "secret.key").exists()
    ja = _run(tmp_path, *args, PHISHBOT_LANG="ja", **env)
    assert ja.returncode == 2 and "ADDRESS_HASH_KEY(16 文字以上)" in ja.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("--shards", "³", "--shard-count", "8"), "--shards=³: a shard or a range of shards is needed"),
    (("--shards", "0-٣", "--shard-count", "8"), "a shard or a range of shards is needed"),
    (("--shards", "0", "--shard-count", "10001"), "--shard-count=10001: phishbot runs at most 10000 shards"),
    (("--shards", "10000-10001", "--shard-count", "10000"), "phishbot runs at most 10000 shards"),
    (("--shards", "0", "--shard-count", "²"), "--shard-count=²: a whole number is needed"),
])
def test_odd_digits_and_huge_counts_are_one_sentence(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    done = _run(tmp_path, "run", *args, PHISHBOT_LANG="en", ADDRESS_HASH_KEY="k" * 32)
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_the_flags_replace_the_settings_before_the_check() -> None:
    """PHISHBOT_SHARDS=0 alone (no count) is incomplete, but ``--shards 1 --shard-count 2`` replaces it."""
    settings = read_settings({"PHISHBOT_SHARDS": "0"}, env_file=None)
    done = with_shards(settings, argparse.Namespace(shards="1", shard_count="2"))
    assert done.discord.shard_ids == (1,) and done.discord.shard_count == 2
    with pytest.raises(SettingsError):  # and alone it is still refused where it is used
        with_shards(settings, argparse.Namespace(shards=None, shard_count=None))


def test_health_reads_the_shards_readyz_names() -> None:
    from bot.cli.processes import _same_shards, shards_answered

    assert shards_answered("ready\nshards of 8: 2=up 3=down\n") == (8, {2: True, 3: False})
    assert shards_answered("ready\n") is None
    two_three = read_settings({"PHISHBOT_SHARDS": "2-3", "PHISHBOT_SHARD_COUNT": "8"}, env_file=None)
    assert _same_shards(two_three, "ready\nshards of 8: 2=up 3=up\n")
    assert not _same_shards(two_three, "ready\nshards of 8: 2=up 3=down\n")  # one shard down
    assert not _same_shards(two_three, "ready\nshards of 8: 0=up 1=up\n")  # another process
    assert not _same_shards(two_three, "ready\nshards of 4: 2=up 3=up\n")  # another count
    assert not _same_shards(two_three, "ready\n")  # an unsharded process
    assert _same_shards(read_settings({}, env_file=None), "ready\n")
