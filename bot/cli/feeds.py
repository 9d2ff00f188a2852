"""``phishbot feeds import|fetch|status|token``: threat feeds in (a file imported, the configured
feeds fetched now, what each holds), and a guild's secret links for its blocklist feed and campaign
pages."""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, emit, fail, read_input, run_store_command, settings_of, shared_log_handler
from bot.i18n import t

if TYPE_CHECKING:
    from bot.services.app import SharedLog
    from bot.services.feeds_in import FeedUpdater


def _source_id(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", text):
        raise argparse.ArgumentTypeError(f"a lower-case name of letters, digits and hyphens: {text!r}")
    return text


def _json_and_db(action: argparse.ArgumentParser) -> None:
    action.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
    action.add_argument("--lang", choices=("ja", "en"), help="language of the output")
    action.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    feeds = sub.add_parser("feeds", help="threat feeds in, blocklist feed links out / 脅威フィード",
                           description="Threat feeds: import a file, fetch the configured FEEDS now, see what is "
                           "there; and the secret links of a guild's blocklist feed and campaign pages.")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True, metavar="ACTION")
    imp = feeds_sub.add_parser("import", help="import feed files (JPCERT/CC CSV, OpenPhish, PhishTank, URLhaus, a list)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="a feed file (- for standard input)")
    imp.add_argument("--format", required=True, choices=("jpcert", "openphish", "phishtank", "urlhaus", "plain"))
    imp.add_argument("--source", type=_source_id, metavar="NAME",
                     help="the name a plain list is shown under (default: local); other formats are their feed's")
    imp.set_defaults(handler=shared_log_handler(import_command))
    for name, text in (("fetch", "fetch the feeds FEEDS names, now (conditional requests)"),
                       ("status", "what each feed holds and when it was last read")):
        action = feeds_sub.add_parser(name, help=text, description=text)
        _json_and_db(action)
        action.set_defaults(handler=fetch_command if name == "fetch" else shared_log_handler(status_command))
    _json_and_db(imp)
    token = feeds_sub.add_parser("token", help="a guild's secret link for its blocklist feed or campaign pages")
    common(token)
    token.add_argument("--kind", choices=("feed", "pages"), default="feed", help="feed (default) or pages")
    change = token.add_mutually_exclusive_group()
    change.add_argument("--rotate", action="store_true", help="a new link; the old one answers 404 at once")
    change.add_argument("--revoke", action="store_true", help="no link at all")
    token.set_defaults(handler=shared_log_handler(token_command))


async def import_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.feeds.sources import source_name

    now = datetime.now(UTC)
    status = 0
    source = args.source or ("local" if args.format == "plain" else args.format)
    limit = settings_of(args).feeds.max_bytes
    for name in args.files:
        try:
            data = read_input(None if name == "-" else name, limit)
        except OSError as exc:
            fail(t(lang, "feeds", "unreadable_file", file=name, reason=exc.strerror or type(exc).__name__))
            status = 1
            continue
        if len(data) > limit:
            fail(t(lang, "feeds", "unreadable_file", file=name, reason=f"> FEED_MAX_BYTES ({limit})"))
            status = 1
            continue
        run = await log.feeds.import_file(source, args.format, data, now, os.path.basename(name))
        emit(args, {"file": name, **asdict(run)},
             t(lang, "feeds", "imported", file=name, items=run.items, listed=run.listed, new=run.new,
               skipped=run.skipped, source=source_name(source), entries=run.entries))
    return status


def fetch_command(args: argparse.Namespace, lang: str) -> int:
    if not settings_of(args).feeds.sources:
        fail(t(lang, "feeds", "none_configured"))
        return 2
    async def fetch() -> int:
        from bot.wiring import cli_feed_updater

        async with cli_feed_updater(settings_of(args)) as updater:
            return await _fetch_all(args, lang, updater)

    return run_store_command(args, lang, fetch)


async def _fetch_all(args: argparse.Namespace, lang: str, updater: FeedUpdater) -> int:
    from bot.feeds.sources import source_name
    from bot.presentation.domain_facts import feed_status

    status = 0
    for run in await updater.update_all(force=True):
        if run.status not in ("ok", "not_modified", "busy", "recent"):
            status = 1
        key = "skipped" if run.status in ("busy", "recent") else "fetched"
        emit(args, asdict(run), t(lang, "feeds", key, source=source_name(run.source),
                                  status=feed_status(run.status, lang), items=run.items, listed=run.listed,
                                  new=run.new, entries=run.entries))
    return status


async def status_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.feeds.sources import source_name
    from bot.presentation.domain_facts import feed_status

    rows: list[dict[str, str | int | None]] = [
        {"source": s.source, "name": source_name(s.source), "entries": s.entries, "status": s.status,
         "checked_at": s.checked_at.isoformat() if s.checked_at else None,
         "changed_at": s.changed_at.isoformat() if s.changed_at else None} for s in await log.feeds.states()]
    text = "\n".join(t(lang, "feeds", "status_row", source=r["name"], entries=r["entries"],
                       status=feed_status(str(r["status"]), lang),
                       when=str(r["checked_at"] or "-")[:16].replace("T", " ")) for r in rows)
    emit(args, rows, text or t(lang, "feeds", "status_none"))
    return 0


async def token_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.services.sharing_setup import feed_urls, page_url

    tokens = log.tokens
    now = datetime.now(UTC)
    base = settings_of(args).web.base_url
    if args.revoke:
        await tokens.revoke(args.guild, args.kind, now)
        emit(args, {"guild": args.guild, "kind": args.kind, "urls": []},
             t(lang, "feeds", "token_revoked", guild=args.guild, kind=args.kind))
        return 0
    token = await (tokens.issue(args.guild, args.kind, now) if args.rotate else tokens.ensure(args.guild, args.kind, now))
    urls = feed_urls(base, token) if args.kind == "feed" else [page_url(base, token, "C-xxxx")]
    emit(args, {"guild": args.guild, "kind": args.kind, "urls": urls},
         "\n".join([t(lang, "feeds", "token", guild=args.guild, kind=args.kind), *urls]))
    return 0
