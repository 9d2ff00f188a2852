"""The long-running processes: ``phishbot run`` (the Discord bot), ``phishbot serve`` (the web server
without Discord), ``phishbot sync`` (register the bot's commands), ``phishbot health`` (for health
checks). The bot and the web server get what they run from the composition root."""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace

from bot.cli._common import settings_of, snowflake
from bot.settings import AppSettings, SettingsError, check_shards, check_shared_key, parse_shard_range


def _shard_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--shards", metavar="N[-M]",
                   help="the shards this process runs, e.g. 0-3 (default PHISHBOT_SHARDS; all of --shard-count)")
    p.add_argument("--shard-count", metavar="N",
                   help="the total number of shards over all processes (default PHISHBOT_SHARD_COUNT)")


def with_shards(settings: AppSettings, args: argparse.Namespace) -> AppSettings:
    """``--shards`` and ``--shard-count`` over the settings (``PHISHBOT_SHARDS``,
    ``PHISHBOT_SHARD_COUNT``), then checked together, whichever gave each; raises ``SettingsError``."""
    from bot.settings import BY_NAME

    d = settings.discord
    shards, count = d.shards, d.shard_count
    shards_name = "PHISHBOT_SHARDS"
    if getattr(args, "shard_count", None) is not None:
        count = BY_NAME["PHISHBOT_SHARD_COUNT"].read("--shard-count", args.shard_count)
    if getattr(args, "shards", None) is not None:
        shards = parse_shard_range("--shards", args.shards)
        shards_name = "--shards"
    check_shards(shards, count, shards_name)
    return replace(settings, discord=replace(d, shards=shards, shard_count=count))


def _sharded_settings(args: argparse.Namespace, lang: str) -> AppSettings | None:
    try:
        return with_shards(settings_of(args), args)
    except SettingsError as exc:
        print(f"phishbot: {exc.sentence(lang)}", file=sys.stderr)
        return None


def add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser("serve", help="the web server without Discord (health, metrics, feeds, pages) / Web サーバー")
    serve.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    serve.set_defaults(handler=serve_command)


def add_run(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser("run", help="run the Discord bot (DISCORD_TOKEN) / ボットを起動")
    run.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    _shard_options(run)
    run.set_defaults(handler=run_command)


def add_sync(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="register the bot's slash commands with Discord / コマンドを登録")
    sync.add_argument("--guild", type=snowflake, metavar="G",
                      help="only this server (instant; without it, commands go global)")
    sync.set_defaults(handler=sync_command)


def add_health(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    health = sub.add_parser("health", help="exit 0 while the bot is connected (for health checks)")
    health.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    health.add_argument("--max-age", type=float, default=90.0, metavar="S", help="seconds (default 90)")
    _shard_options(health)
    health.set_defaults(handler=health_command)


def run_command(args: argparse.Namespace, lang: str) -> int:
    from bot import wiring
    from bot.discord_ui import runner

    settings = _sharded_settings(args, lang)
    if settings is None:
        return 2
    try:  # the processes of one deployment hash addresses under one key
        check_shared_key(settings, count_name="--shard-count" if args.shard_count is not None else "PHISHBOT_SHARD_COUNT")
    except SettingsError as exc:
        print(f"phishbot: {exc.sentence(lang)}", file=sys.stderr)
        return 2
    return runner.run(settings, lang, lambda: wiring.discord_bot(settings))


def sync_command(args: argparse.Namespace, lang: str) -> int:
    from bot.discord_ui import runner

    return runner.sync(settings_of(args), lang, args.guild)


def serve_command(args: argparse.Namespace, lang: str) -> int:
    from bot import wiring
    from bot.web.serve import serve

    settings = settings_of(args)
    return serve(settings, lang, wiring.web_server(settings))


SHARDS_LINE = re.compile(r"^shards of (\d+):((?: \d+=(?:up|down))*)$", re.M)  # bot/web/ops.py readyz writes it


def shards_answered(body: str) -> tuple[int, dict[int, bool]] | None:
    """What ``/readyz`` said of the process's shards (None: it named none)."""
    m = SHARDS_LINE.search(body)
    if m is None:
        return None
    states = {int(i): state == "up" for i, state in (item.split("=") for item in m.group(2).split())}
    return int(m.group(1)), states


def _same_shards(settings: AppSettings, body: str) -> bool:
    """The process that answered runs the shards asked about (``--shards``/``--shard-count``), each
    connected: another process answering on this port (a port mixed up) is not this one's health."""
    shards = settings.discord.shard_ids
    said = shards_answered(body)
    if shards is None:
        return said is None
    return said is not None and said[0] == settings.discord.shard_count and set(said[1]) == set(shards) and all(
        said[1].values())


def health_command(args: argparse.Namespace, lang: str) -> int:
    """Asks the running process's ``/readyz`` when its web server is on (connected to Discord, or
    ``phishbot serve`` up) and checks that it runs the shards asked about, each connected; when
    nothing answers there, reads the heartbeat file the bot touches every 30 s (each process its
    own: ``--shards`` names which). No discord.py or aiohttp import: a health check runs every
    minute."""
    import time

    from bot.settings import heartbeat_path

    settings = _sharded_settings(args, lang)
    if settings is None:
        return 2
    web = settings.web
    if web.enabled:
        import urllib.error
        import urllib.request

        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(web.host, web.host)  # noqa: S104 - an address to ask
        url = f"http://{'[' + host + ']' if ':' in host else host}:{web.port}/readyz"
        try:
            with urllib.request.urlopen(url, timeout=min(args.max_age, 5.0)) as answer:
                body = answer.read(4096).decode("utf-8", "replace")
                return 0 if answer.status == 200 and _same_shards(settings, body) else 1
        except urllib.error.HTTPError:
            return 1  # it answered: not ready
        except (urllib.error.URLError, OSError, ValueError):
            pass  # nothing listens there: the heartbeat says
    try:
        age = time.time() - os.path.getmtime(heartbeat_path(settings))
    except OSError:
        return 1
    return 0 if age <= args.max_age else 1
