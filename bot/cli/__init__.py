"""``phishbot``: the command-line adapter over the same use-cases as the bot. One module per command
group, each adding its parsers with their ``handler``; the handlers get their collaborators from the
composition root (``bot/wiring.py``), never a store.

Start-up matters (scripts call ``analyze`` hundreds of times): building the parser imports only the
command modules (argparse and the settings); each handler imports what its command needs, so
``analyze --no-lookups`` never imports discord.py, aiohttp, aiosqlite or matplotlib.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from bot.cli import analyze, campaign, db, domain, feeds, members, processes, setup, submit
from bot.cli._common import Handler
from bot.i18n import default_lang, normalise_lang
from bot.settings import (
    SettingsError,
    check_shared_key,
    environment,
    is_postgres,
    location_secrets,
    read_settings,
    redact_secrets,
)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="phishbot",
        description="Phishing-report analyser and Discord bot / フィッシングメール解析ボット",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (analyze.add_parser, domain.add_parser, submit.add_parser, campaign.add_campaign, members.add_leak,
                members.add_forget, setup.add_export, campaign.add_stats, setup.add_setup, feeds.add_parser,
                processes.add_serve, processes.add_run, processes.add_sync, processes.add_health, db.add_parser):
        add(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # a terminal or pipe in cp932 (Japanese Windows) must not crash the report on a character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = parser().parse_args(argv)  # usage errors exit with status 2
    env = environment()  # the environment over .env, for every command alike
    try:
        args.settings = read_settings(env, env_file=None)
    except SettingsError as exc:
        lang = normalise_lang(getattr(args, "lang", None)) or default_lang(env)
        print(f"phishbot: {exc.sentence(lang)}", file=sys.stderr)
        return 2
    if getattr(args, "db", None):
        args.settings = replace(args.settings, db=args.db if is_postgres(args.db) else os.path.abspath(args.db))
    # the database's password never reaches a log line of this process (psycopg.pool logs the address)
    redact_secrets(location_secrets(args.settings.db_url) + tuple(
        p for p in (env.get("PGPASSWORD"),) if p))
    lang = normalise_lang(getattr(args, "lang", None)) or args.settings.lang or default_lang(env)
    if args.command not in ("health", "db"):  # a PostgreSQL store is shared: one address key for every process
        try:
            check_shared_key(replace(args.settings, discord=replace(args.settings.discord, shard_count=None)),
                             getattr(args, "db", None) or env.get("PHISHBOT_DB"))
        except SettingsError as exc:
            print(f"phishbot: {exc.sentence(lang)}", file=sys.stderr)
            return 2
    handler: Handler = args.handler
    try:
        return handler(args, lang)
    except BrokenPipeError:
        # `phishbot analyze DIR | head`: the reader left; that is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
