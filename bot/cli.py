"""``phishbot``: the command-line adapter over the same use-cases as the bot.

Start-up matters (scripts call ``analyze`` hundreds of times): this module imports only what the
chosen command needs; ``analyze --no-lookups`` never imports discord.py, aiohttp or aiosqlite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.i18n import default_lang, normalise_lang, t
from bot.settings import AppSettings, SettingsError, environment, read_settings

if TYPE_CHECKING:
    from bot.analysis.models import Analysis

MAIL_SUFFIXES = {".eml", ".msg", ".txt", ".mail", ".mbox", ".html", ".htm", ""}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="phishbot",
        description="Phishing-report analyser and Discord bot / フィッシングメール解析ボット",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = sub.add_parser(
        "analyze",
        aliases=["analyse"],
        help="analyse mail files, folders or standard input / メールを解析する",
        description="Analyse .eml/.msg/.txt files, folders (recursively) or - for standard input.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    analyze.add_argument("--json", action="store_true",
                         help="print the JSON report (the README's \"The JSON report\"), one object per line")
    analyze.add_argument("--lang", choices=("ja", "en"), help="language of the output (default: PHISHBOT_LANG, then the locale)")
    analyze.add_argument("--no-lookups", action="store_true", help="no registration lookups (RDAP/WHOIS)")
    analyze.add_argument("--report-text", action="store_true",
                         help="print the ready-to-send text for antiphishing.jp / dekyo.or.jp (headers, address masked)")
    domain = sub.add_parser(
        "domain",
        help="a domain: registration facts, and with --guild the shared log's view / ドメインの情報",
        description="Registration facts of a domain (a host, a URL or a defanged name is fine); with --guild, "
        "also what the guild's shared log knows: known_bad, official or unknown, reports, members, campaigns.",
    )
    domain.add_argument("name", metavar="NAME", help="domain, host, URL or defanged name")
    _common(domain, guild=False)
    domain.add_argument("--guild", type=snowflake, metavar="G", help="guild (server) id: the shared log's view")
    decision = domain.add_mutually_exclusive_group()
    decision.add_argument("--confirm", action="store_true", help="moderators: confirm the domain as known-bad")
    decision.add_argument("--clear", action="store_true", help="moderators: clear the domain (not known-bad)")
    domain.add_argument("--member", type=snowflake, metavar="M", help="the moderator's member id (with --confirm/--clear)")
    domain.add_argument("--no-lookups", action="store_true", help="do not ask the registries")

    report = sub.add_parser("report", help="analyse a mail and save it to the shared log / 報告する",
                            description="Analyse a mail and save the report in the guild's shared log.")
    report.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    _common(report)
    report.add_argument("--member", type=snowflake, required=True, metavar="M",
                        help="the reporting member's Discord user id")
    report.add_argument("--no-lookups", action="store_true", help="no registration lookups")

    campaign = sub.add_parser("campaign", help="a campaign and its probable leak source / キャンペーン")
    campaign.add_argument("id", metavar="ID", help="campaign id, e.g. C-7f3a")
    _common(campaign)
    campaign.add_argument("--chart", type=_chart_file, metavar="FILE.png",
                          help="also draw the leak-source ranking (votes apart) and the reports over time (.png or .svg)")

    leak = sub.add_parser("leak", help="leak sources: register services, vote / 漏えい元")
    leak_sub = leak.add_subparsers(dest="leak_command", required=True, metavar="ACTION")
    register = leak_sub.add_parser("register", help="record which services an address was given to")
    _common(register)
    register.add_argument("--member", type=snowflake, required=True, metavar="M",
                          help="the member's Discord user id (the owner of these answers)")
    register.add_argument("--address", required=True, metavar="A", help="the address (stored only as a keyed hash)")
    register.add_argument("--services", default="", metavar="S1,S2", help="services the address was given to")
    register.add_argument("--not", dest="not_services", default="", metavar="S3,S4", help="services it was NOT given to")
    mine = leak_sub.add_parser("mine", help="the services you registered")
    _common(mine)
    mine.add_argument("--member", type=snowflake, required=True, metavar="M", help="the member's Discord user id")
    vote = leak_sub.add_parser("vote", help="vote on a campaign's leak source (changeable)")
    vote.add_argument("campaign", metavar="CAMPAIGN", help="campaign id, e.g. C-7f3a")
    vote.add_argument("service", metavar="SERVICE", help="the service voted for (a name or a slug: アマゾン, amazon)")
    _common(vote)
    vote.add_argument("--member", type=snowflake, required=True, metavar="M", help="the voting member's Discord user id")

    forget = sub.add_parser("forget", help="delete a member's registrations and votes, unlink their reports / 削除")
    _common(forget)
    forget.add_argument("--member", type=snowflake, required=True, metavar="M",
                        help="the member's Discord user id: their registrations and votes go, their reports stay unlinked")

    export = sub.add_parser("export", help="export the blocklist or the reports (no personal data) / 書き出し")
    export.add_argument("kind", choices=("blocklist", "hosts", "csv", "json"))
    _common(export)

    stats = sub.add_parser("stats", help="the guild's numbers / 統計")
    _common(stats)
    stats.add_argument("--chart", type=_chart_file, metavar="FILE.png",
                       help="also draw reports per week by verdict and this month's top brands (.png or .svg)")

    setup = sub.add_parser("setup", help="a guild's settings (what /setup sets in Discord) / サーバーの設定")
    _common(setup)
    setup.add_argument("--language", choices=("ja", "en", "auto"), help="language of answers in report channels")
    setup.add_argument("--auto-delete", choices=("on", "off"), help="delete members' pastes once analysed")
    setup.add_argument("--lookups", choices=("on", "off"), help="registration lookups for this guild")
    setup.add_argument("--keep-raw-days", type=_raw_days, metavar="N", help="keep the raw mail N days (0-90; 0: never)")
    setup.add_argument("--report-channel", type=snowflake, action="append", metavar="ID",
                       help="watch this channel id (repeatable; replaces the list)")
    setup.add_argument("--clear-report-channels", action="store_true", help="watch channels by name again")

    setup.add_argument("--blocklist-feed", choices=("on", "rotate", "off"),
                       help="the blocklist as a feed for resolvers and ad blockers (rotate: a new link)")
    setup.add_argument("--feed-sources", choices=("on", "off"), help="threat-feed and network entries in the feed")
    setup.add_argument("--share-pages", choices=("off", "chosen", "all"), help="read-only campaign pages on the web")
    setup.add_argument("--share-campaign", metavar="ID", help="share this campaign's page")
    setup.add_argument("--unshare-campaign", metavar="ID", help="stop sharing this campaign's page")
    setup.add_argument("--pages-link", choices=("rotate", "revoke"), help="a new link for the campaign pages, or none")
    setup.add_argument("--link-watch", choices=("off", "reply", "hide", "delete"), help="known-bad links in every channel")
    setup.add_argument("--network", choices=("off", "publish", "receive", "both"),
                       help="share blocklists with the bot's other servers")

    feeds = sub.add_parser("feeds", help="threat feeds in, blocklist feed links out / 脅威フィード",
                           description="Threat feeds: import a file, fetch the configured FEEDS now, see what is "
                           "there; and the secret links of a guild's blocklist feed and campaign pages.")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True, metavar="ACTION")
    imp = feeds_sub.add_parser("import", help="import feed files (JPCERT/CC CSV, OpenPhish, PhishTank, URLhaus, a list)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="a feed file (- for standard input)")
    imp.add_argument("--format", required=True, choices=("jpcert", "openphish", "phishtank", "urlhaus", "plain"))
    imp.add_argument("--source", type=_source_id, metavar="NAME",
                     help="the name a plain list is shown under (default: local); other formats are their feed's")
    for name, text in (("fetch", "fetch the feeds FEEDS names, now (conditional requests)"),
                       ("status", "what each feed holds and when it was last read")):
        action = feeds_sub.add_parser(name, help=text, description=text)
        action.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
        action.add_argument("--lang", choices=("ja", "en"), help="language of the output")
        action.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    for action in (imp,):
        action.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
        action.add_argument("--lang", choices=("ja", "en"), help="language of the output")
        action.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    token = feeds_sub.add_parser("token", help="a guild's secret link for its blocklist feed or campaign pages")
    _common(token)
    token.add_argument("--kind", choices=("feed", "pages"), default="feed", help="feed (default) or pages")
    change = token.add_mutually_exclusive_group()
    change.add_argument("--rotate", action="store_true", help="a new link; the old one answers 404 at once")
    change.add_argument("--revoke", action="store_true", help="no link at all")

    serve = sub.add_parser("serve", help="the web server without Discord (health, metrics, feeds, pages) / Web サーバー")
    serve.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")

    run = sub.add_parser("run", help="run the Discord bot (DISCORD_TOKEN) / ボットを起動")
    run.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    sync = sub.add_parser("sync", help="register the bot's slash commands with Discord / コマンドを登録")
    sync.add_argument("--guild", type=snowflake, metavar="G",
                      help="only this server (instant; without it, commands go global)")

    health = sub.add_parser("health", help="exit 0 while the bot is connected (for health checks)")
    health.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
    health.add_argument("--max-age", type=float, default=90.0, metavar="S", help="seconds (default 90)")

    db = sub.add_parser("db", help="the database: migrate, status, backup / データベース",
                        description="The database: where it is and whether it is sound (status), bringing its schema "
                        "up to date (migrate), an online copy with its address key (backup).")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    for name, text in (("migrate", "apply the migrations the database lacks"),
                       ("status", "where the database is, its version, integrity and address key (creates nothing)"),
                       ("backup", "an online copy of the database, and its address key beside it")):
        action = db_sub.add_parser(name, help=text, description=text)
        if name == "backup":
            action.add_argument("target", metavar="FILE", help="where to write the copy (a new file)")
        action.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")
        action.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
        action.add_argument("--lang", choices=("ja", "en"), help="language of the output")
    return parser


def snowflake(text: str) -> int:
    """A Discord id: a positive integer that fits SQLite's 64 bits."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}")
    return value


def _raw_days(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 90:
        raise argparse.ArgumentTypeError(f"0 to 90 days: {text!r}")
    return int(text)


def _source_id(text: str) -> str:
    import re

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", text):
        raise argparse.ArgumentTypeError(f"a lower-case name of letters, digits and hyphens: {text!r}")
    return text


def _chart_file(text: str) -> str:
    if os.path.splitext(text)[1].lower() not in (".png", ".svg"):
        raise argparse.ArgumentTypeError(f"a .png or .svg file: {text!r}")
    return text


def _common(p: argparse.ArgumentParser, guild: bool = True) -> None:
    if guild:
        p.add_argument("--guild", type=snowflake, required=True, metavar="G", help="guild (server) id")
    p.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
    p.add_argument("--lang", choices=("ja", "en"), help="language of the output")
    p.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")


def _collect(paths: Sequence[str], printer: _Printer) -> list[tuple[str, str | None]]:
    """(name shown, path to read; None for standard input), folders recursively and sorted. A folder
    with no mail file in it is said on stderr (and makes the exit status 1)."""
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        if not os.path.isdir(raw):
            out.append((raw, raw))
            continue
        printer.folders += 1
        found = []
        for folder, dirs, files in os.walk(raw):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in MAIL_SUFFIXES:
                    found.append(os.path.join(folder, name))
        found = [child for child in sorted(found) if os.path.isfile(child)]
        if not found:
            _fail(printer.lang, t(printer.lang, "cli", "no_mail_files", input=raw))
            printer.status = 1
        out.extend((child, child) for child in found)
    return out


def _read(path: str | None, limit: int) -> bytes:
    if path is None:
        return sys.stdin.buffer.read(limit + 1)
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def _lookups_on(args: argparse.Namespace, settings: AppSettings) -> bool:
    return settings.lookups.enabled and not args.no_lookups


class _Printer:
    """Prints each report as it is ready; counts verdicts for the closing summary and shows progress
    on stderr when it is a terminal; remembers whether any input was unreadable."""

    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        import time

        self.args = args
        self.lang = lang
        self.status = 0
        self.first = True
        self.folders = 0
        self.total = 0
        self.done = 0
        self.unreadable = 0
        self.verdicts: dict[str, int] = {}
        self.started = time.perf_counter()
        self.progress = sys.stderr.isatty()
        self._shown = 0.0

    def error(self, name: str, reason: str, code: str | None = None) -> None:
        self._clear()
        _error(self.lang, name, reason)
        self.status = 1
        self.unreadable += 1
        self.step()
        if self.args.json and code is not None:
            print(json.dumps({"input": name, "error": code, "detail": reason}, ensure_ascii=False))

    def report(self, name: str, analysis: Analysis, extra: dict[str, str | None] | None = None,
               more: dict[str, Any] | None = None, after: str | None = None) -> None:
        from bot.presentation.analysis_view import analysis_view
        from bot.presentation.report_text import report_text
        from bot.presentation.sentences import problem_detail

        if not analysis.readable:
            problem = analysis.problems[-1] if analysis.problems else None
            reason = problem_detail(problem, self.lang) if problem else "?"
            self.error(name, reason, problem.code if problem else "unreadable")
            return
        self._clear()
        self.verdicts[analysis.verdict] = self.verdicts.get(analysis.verdict, 0) + 1
        view = analysis_view(analysis, self.lang, input_name=name, **(extra or {}))
        text = None
        if self.args.json:
            obj: dict[str, Any] = view.to_json()
            obj.update(more or {})
            if getattr(self.args, "report_text", False):
                from bot.presentation.desk_text import desk_text

                obj["report_text"] = desk_text(analysis, self.lang)
            print(json.dumps(obj, ensure_ascii=False))
        else:
            if getattr(self.args, "report_text", False):
                from bot.presentation.desk_text import desk_text

                text = desk_text(analysis, self.lang)
            if not self.first:
                print()
            print(text if text is not None else report_text(view, self.lang) + (f"\n{after}" if after else ""))
        self.first = False
        self.step()

    def step(self) -> None:
        import time

        self.done += 1
        sys.stdout.flush()
        now = time.perf_counter()
        if self.progress and self.total > 1 and (now - self._shown > 0.2 or self.done == self.total):
            self._shown = now
            sys.stderr.write("\r" + t(self.lang, "cli", "progress", done=self.done, total=self.total))
            sys.stderr.flush()

    def _clear(self) -> None:
        if self.progress and self._shown:
            sys.stderr.write("\r\033[K")
            self._shown = 0.0

    def summary(self) -> None:
        """One closing line on stderr when more than one input (or a folder) was read."""
        import time

        self._clear()
        if self.total <= 1 and not self.folders:
            return
        from bot.analysis.models import VERDICTS

        order = [v for v in VERDICTS if v in self.verdicts] + sorted(set(self.verdicts) - set(VERDICTS))
        parts = [t(self.lang, "verdict_count", v, count=self.verdicts[v]) for v in order]
        sep = "、" if self.lang == "ja" else ", "
        line = t(self.lang, "cli", "summary", count=self.done, verdicts=sep.join(parts) or "-",
                 unreadable=self.unreadable, seconds=f"{time.perf_counter() - self.started:.1f}")
        print(line, file=sys.stderr)


def _inputs(args: argparse.Namespace, printer: _Printer, limit: int) -> Iterator[tuple[str, bytes]]:
    inputs = _collect(args.paths, printer)
    printer.total = len(inputs)
    for name, path in inputs:
        try:
            yield name, _read(path, limit)
        except FileNotFoundError:
            printer.error(name, t(printer.lang, "cli", "not_found"), "not_found")
        except OSError:
            printer.error(name, t(printer.lang, "cli", "not_readable"), "not_readable")


def cmd_analyze(args: argparse.Namespace, lang: str) -> int:
    settings: AppSettings = args.settings
    printer = _Printer(args, lang)
    if _lookups_on(args, settings):
        import asyncio

        asyncio.run(_analyze_with_lookups(args, settings, printer))
    else:
        from bot.services.analyse_mail import analyse_offline

        for name, data in _inputs(args, printer, settings.limits.max_input_bytes):
            printer.report(name, analyse_offline(data, settings.limits, datetime.now(UTC)))
    sys.stdout.flush()
    printer.summary()
    return printer.status


async def _analyze_with_lookups(args: argparse.Namespace, settings: AppSettings, printer: _Printer) -> None:
    from bot.services.analyse_mail import analyse_with_lookups
    from bot.wiring import lookups_and_listings

    async with lookups_and_listings(settings) as (intel, listings):
        for name, data in _inputs(args, printer, settings.limits.max_input_bytes):
            report = await analyse_with_lookups(data, intel, datetime.now(UTC), settings.limits, listings=listings)
            printer.report(name, report)


def cmd_domain(args: argparse.Namespace, lang: str) -> int:
    import asyncio

    from bot.services.domain_info import BadDomain, DomainInfo, domain_info

    settings: AppSettings = args.settings
    if args.guild is not None:
        return _run_community(args, lang, _domain_in_guild)

    async def run() -> tuple[DomainInfo, Any]:
        from bot.wiring import listings_of

        now = datetime.now(UTC)
        if not _lookups_on(args, settings):
            info = await domain_info(args.name, None, now)
        else:
            from bot.wiring import registry_intel

            async with registry_intel(settings) as intel:
                info = await domain_info(args.name, intel, now)
        return info, await listings_of(settings, args.name, info.domain, None, now)

    try:
        info, beside = asyncio.run(run())
    except BadDomain:
        _error(lang, args.name, t(lang, "domain", "not_a_domain"))
        return 1
    from bot.presentation.domain_facts import domain_dict, domain_text, listed_json

    obj = domain_dict(info, lang)
    obj["listed"] = listed_json(beside.listings)
    if args.json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        from bot.presentation.sentences import other_sources_lines

        print(domain_text(obj, lang))
        if info.brand is None:
            print("\n".join(other_sources_lines(beside.listings, None, lang)))
    return 0


# --- the shared log -------------------------------------------------------------------------


def _run_community(args: argparse.Namespace, lang: str, action: Callable[..., Any]) -> int:
    """Run one shared-log action with the database (and lookups when the action needs them);
    expected failures become one localised line and exit 1 (a refused request, such as confirming an official domain, exits 2)."""
    import asyncio

    from bot.presentation.sentences import failure_sentence

    async def run() -> Any:
        from bot.wiring import community

        async with community(args.settings) as (comm, store):
            return await action(args, lang, comm, store)

    try:
        result = asyncio.run(run())
    except Exception as exc:
        sentence = failure_sentence(exc, lang, args.settings.db_path)
        if sentence is None:
            raise
        _fail(lang, sentence)
        if getattr(exc, "usage", False):
            return 2  # a refused request (confirming an official domain …) is a usage error
        return 1
    if isinstance(result, int):
        return result
    return 0


def _emit(args: argparse.Namespace, obj: Any, text: str) -> None:
    print(json.dumps(obj, ensure_ascii=False) if args.json else text)


async def _with_intel(args: argparse.Namespace, fn: Callable[[Any], Any], store: Any = None) -> Any:
    if not _lookups_on(args, args.settings):
        return await fn(None)
    from bot.wiring import registry_intel

    # the shared log's connection serves the lookup cache too: one connection per process
    async with registry_intel(args.settings, store.db if store is not None else None) as intel:
        return await fn(intel)


async def _domain_in_guild(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    from bot.presentation.domain_facts import listed_json
    from bot.presentation.shared_log import guild_domain_text

    now = datetime.now(UTC)
    if args.confirm or args.clear:
        await comm.decide_domain(args.guild, args.name, "confirmed" if args.confirm else "cleared", args.member, now)
    view = await _with_intel(args, lambda intel: comm.domain_view(args.guild, args.name, intel, now), store)
    from bot.presentation.sentences import other_sources_lines
    from bot.wiring import listings_of

    beside = await listings_of(args.settings, args.name, view["domain"], store, now, args.guild)
    view["listed"] = listed_json(beside.listings)
    view["other_servers"] = beside.servers
    text = guild_domain_text(view, lang)
    if view["status"] != "official":
        text += "\n" + "\n".join(other_sources_lines(beside.listings, beside.servers, lang))
    _emit(args, view, text)
    return 0


async def _report(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    printer = _Printer(args, lang)
    settings: AppSettings = args.settings
    guild = await store.guild_settings(args.guild)
    keep = guild["raw_retention_days"] if guild["keep_raw"] else None

    from bot.services.listings import StoredListings
    from bot.storage.feed_store import FeedStoreSQLite

    listings = StoredListings(FeedStoreSQLite(store.db), settings.feeds.listing_days)

    async def submit_all(intel: Any) -> None:
        from bot.services.community import CommunityError

        for name, data in _inputs(args, printer, settings.limits.max_input_bytes):
            try:
                done = await comm.submit_report(data, args.guild, args.member, datetime.now(UTC), intel,
                                                settings.limits, keep, listings=listings)
            except CommunityError as exc:
                printer.error(name, t(lang, "community", exc.code, **exc.params_in(lang)), exc.code)
                continue
            extra = {"campaign": done.stored.campaign_id, "report_id": done.stored.public_id}
            key = ("saved" if not done.stored.duplicate
                   else "saved_second" if done.stored.new_reporter else "saved_duplicate")
            saved = t(lang, "community", key,
                      report=done.stored.public_id, campaign=done.stored.campaign_id or "-",
                      reports=done.campaign_reports, members=done.campaign_members)
            more = {"duplicate": done.stored.duplicate, "campaign_reports": done.campaign_reports,
                    "campaign_members": done.campaign_members}
            printer.report(name, done.analysis, extra, more, after=saved)

    await _with_intel(args, submit_all, store)
    printer.summary()
    return printer.status


async def _campaign(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    from bot.services.community import CommunityError

    view = await comm.campaign_view(args.guild, args.id)
    if view is None:
        raise CommunityError("no_campaign", campaign=args.id)
    from bot.presentation.shared_log import campaign_text

    if not args.chart:
        _emit(args, view, campaign_text(view, lang))
        return 0
    from bot.charts.data import campaign_chart

    timeline = await comm.campaign_timeline(args.guild, view["id"])
    return _with_chart(args, lang, {**view, "chart": {"file": args.chart, "timeline": timeline}},
                       campaign_text(view, lang), campaign_chart(view, timeline, lang))


async def _leak(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    from bot.presentation.shared_log import registered_text, registrations_text

    now = datetime.now(UTC)
    if args.leak_command == "register":
        result = await comm.register(args.guild, args.member, args.address, args.services, args.not_services, now)
        _emit(args, result, registered_text(result, lang))
    elif args.leak_command == "mine":
        rows = await comm.my_registrations(args.guild, args.member)
        _emit(args, rows, registrations_text(rows, lang))
    else:
        result = await comm.vote(args.guild, args.member, args.campaign, args.service, now)
        _emit(args, result, t(lang, "community", "voted", campaign=result["campaign"], service=result["service"]))
    return 0


async def _forget(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    counts = await comm.forget(args.guild, args.member)
    _emit(args, counts, t(lang, "community", "forgotten", **counts))
    return 0


async def _export(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    sys.stdout.write(await comm.export(args.guild, args.kind))
    return 0


async def _stats(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    st = await comm.stats(args.guild)
    from bot.presentation.shared_log import stats_text

    if not args.chart:
        _emit(args, st, stats_text(st, lang))
        return 0
    from bot.charts.data import stats_chart

    series = await comm.stats_series(args.guild, datetime.now(UTC))
    return _with_chart(args, lang, {**st, "chart": {"file": args.chart, **series}}, stats_text(st, lang),
                       stats_chart(series, lang))


def _with_chart(args: argparse.Namespace, lang: str, obj: dict[str, Any], text: str, chart: Any) -> int:
    """Draws ``chart`` into ``args.chart`` (PNG or SVG by its suffix, written whole or not at all)
    and prints the view with the chart's numbers as text; exit 1 when the file could not be made."""
    from bot.charts.data import describe

    path: str = args.chart
    problem = None
    try:
        from bot.charts.draw import render  # matplotlib: only here

        data = render(chart, "svg" if path.lower().endswith(".svg") else "png")
    except Exception:  # noqa: BLE001 - whatever the plotting library raises (or a broken install): one sentence, the numbers still printed
        problem = t(lang, "chart", "failed")
    else:
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            problem = t(lang, "chart", "not_written", path=path)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _emit(args, obj, text + "\n" + describe(chart))
    if problem:
        print(f"phishbot: {problem}", file=sys.stderr)
        return 1
    print(t(lang, "chart", "written", path=path), file=sys.stderr if args.json else sys.stdout)
    return 0


async def _setup(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    changes: dict[str, Any] = {}
    if args.language:
        changes["language"] = None if args.language == "auto" else args.language
    if args.auto_delete:
        changes["auto_delete"] = args.auto_delete == "on"
    if args.lookups:
        changes["lookups_enabled"] = args.lookups == "on"
    if args.keep_raw_days is not None:
        changes["keep_raw"] = args.keep_raw_days > 0
        if args.keep_raw_days:
            changes["raw_retention_days"] = args.keep_raw_days
    if args.clear_report_channels:
        changes["report_channels"] = []
    if args.report_channel:
        changes["report_channels"] = list(dict.fromkeys(args.report_channel))
    if changes:
        await store.set_guild_settings(args.guild, **changes)
    from bot.services.sharing_setup import SharingRequest, apply_sharing
    from bot.services.web_tokens import WebTokens
    from bot.storage.sharing_store import SharingStoreSQLite

    sharing = SharingStoreSQLite(store.db)
    request = SharingRequest(
        blocklist_feed=args.blocklist_feed, feed_sources=None if args.feed_sources is None else args.feed_sources == "on",
        share_pages=args.share_pages, share_campaign=args.share_campaign, unshare_campaign=args.unshare_campaign,
        pages_link=args.pages_link, link_watch=args.link_watch, network=args.network,
    )
    state = await apply_sharing(sharing, WebTokens(sharing, comm.key), store, args.guild, request, datetime.now(UTC))
    st = await store.guild_settings(args.guild)
    yes, no = t(lang, "discord", "on"), t(lang, "discord", "off")
    channels = ", ".join(str(c) for c in st["report_channels"]) or t(
        lang, "discord", "setup_no_channel", names=", ".join(args.settings.discord.report_channels))
    text = t(lang, "discord", "setup_summary", channels=channels,
             language=st["language"] or t(lang, "discord", "lang_auto_short", locale="Discord"),
             auto_delete=yes if st["auto_delete"] else no, lookups=yes if st["lookups_enabled"] else no,
             keep_raw=t(lang, "discord", "days", days=st["raw_retention_days"]) if st["keep_raw"] else no)
    from dataclasses import asdict

    from bot.presentation.shared_log import sharing_text

    text += "\n" + sharing_text(state, args.settings.web.base_url, lang)
    features = asdict(state.features)
    features.pop("guild_id")
    _emit(args, {**st, "sharing": {**features, "shared_campaigns": list(state.shared),
                                   "blocklist_feed": state.feed_token is not None}}, text)
    return 0


def cmd_db(args: argparse.Namespace, lang: str) -> int:
    import asyncio
    import shutil
    import sqlite3

    from bot.services.protocols import StoreError
    from bot.storage.database import LATEST, Database
    from bot.storage.secret_key import KEY_FILE

    settings: AppSettings = args.settings
    path = settings.db_path
    key_file = os.path.join(os.path.dirname(path), KEY_FILE)

    async def status() -> tuple[dict[str, Any], list[str]]:
        db = await Database.open(path, migrate=False, create=False, check=False)
        try:
            version = await db.version()
            problem = await db.integrity()
        finally:
            await db.close()
        key = "env" if settings.address_hash_key else ("file" if os.path.isfile(key_file) else "missing")
        obj = {"database": path, "default_location": settings.db_from_default, "version": version, "latest": LATEST,
               "up_to_date": version == LATEST, "integrity": problem or "ok", "bytes": os.path.getsize(path),
               "address_key": {"env": "ADDRESS_HASH_KEY", "file": key_file, "missing": None}[key]}
        lines = [f"{t(lang, 'store', 'status_database')}: {path}"
                 + (f" {t(lang, 'store', 'status_default')}" if settings.db_from_default else ""),
                 f"{t(lang, 'store', 'status_version')}: {version} ("
                 + (t(lang, "store", "status_up_to_date") if version == LATEST else
                    t(lang, "store", "status_behind", count=LATEST - version) if version < LATEST else
                    t(lang, "store", "status_ahead", latest=LATEST)) + ")",
                 f"{t(lang, 'store', 'status_integrity')}: "
                 + (t(lang, "store", "status_ok") if problem is None else t(lang, "store", "damaged_found", path=path,
                                                                            detail=problem)),
                 f"{t(lang, 'store', 'status_size')}: {_size(os.path.getsize(path))}",
                 f"{t(lang, 'store', 'status_key')}: "
                 + {"env": t(lang, "store", "status_key_env"), "file": key_file,
                    "missing": t(lang, "store", "status_key_missing")}[key]]
        if problem is not None:
            raise _Said(obj, lines)  # said on stdout, and exit 1: monitoring can tell
        return obj, lines

    async def migrate() -> tuple[dict[str, Any], list[str]]:
        db = await Database.open(path, migrate=False)
        try:
            applied = await db.migrate()
            version = await db.version()
        finally:
            await db.close()
        text = (t(lang, "store", "migrated", path=path, version=version, applied=", ".join(map(str, applied)))
                if applied else t(lang, "store", "migrated_none", path=path, version=version))
        return {"database": path, "applied": applied, "version": version}, [text]

    async def backup() -> tuple[dict[str, Any], list[str]]:
        target = os.path.abspath(args.target)
        if os.path.exists(target):
            raise StoreError("backup_exists", path=target)
        db = await Database.open(path, migrate=False, create=False)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # like the database: 0600
            os.close(fd)
            dest = await Database.open(target, migrate=False, check=False)
            try:
                await db.conn.backup(dest.conn)  # SQLite's online backup: consistent while in use
            finally:
                await dest.close()
            version = await db.version()
        finally:
            await db.close()
        obj: dict[str, Any] = {"database": path, "backup": target, "version": version, "address_key": None}
        lines = [t(lang, "store", "backed_up", path=path, target=target, version=version)]
        if settings.address_hash_key:
            lines.append(t(lang, "store", "backed_up_env_key"))
        elif os.path.isfile(key_file):
            copy = target + "." + KEY_FILE
            shutil.copyfile(key_file, copy)
            os.chmod(copy, 0o600)
            obj["address_key"] = copy
            lines.append(t(lang, "store", "backed_up_key", file=copy))
        return obj, lines

    actions = {"status": status, "migrate": migrate, "backup": backup}
    try:
        obj, lines = asyncio.run(actions[args.db_command]())
    except _Said as said:
        _emit(args, said.obj, "\n".join(said.lines))
        return 1
    except StoreError as exc:
        _fail(lang, t(lang, "store", exc.code, **exc.params))
        return 1
    except (OSError, sqlite3.Error) as exc:
        reason = "locked" if "locked" in str(exc) else "db_error"
        _fail(lang, t(lang, "store", reason, path=path))
        return 1
    _emit(args, obj, "\n".join(lines))
    return 0


class _Said(Exception):
    """An answer to print that still ends with exit status 1 (a damaged database's status)."""

    def __init__(self, obj: dict[str, Any], lines: list[str]) -> None:
        super().__init__("said")
        self.obj = obj
        self.lines = lines


def _size(count: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024  # type: ignore[assignment]
    return str(count)


def _fail(lang: str, sentence: str) -> None:
    print(f"phishbot: {sentence}", file=sys.stderr)


def _error(lang: str, name: str, reason: str) -> None:
    print("phishbot: " + t(lang, "cli", "unreadable", input=name, reason=reason), file=sys.stderr)


def cmd_serve(args: argparse.Namespace, lang: str) -> int:
    from bot.web.serve import serve

    return serve(args.settings, lang)


def cmd_feeds(args: argparse.Namespace, lang: str) -> int:
    if args.feeds_command == "token":
        return _run_community(args, lang, _feed_token)
    if args.feeds_command == "fetch" and not args.settings.feeds.sources:
        _fail(lang, t(lang, "feeds", "none_configured"))
        return 2
    return _run_community(args, lang, _feeds)


async def _feeds(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    from bot.feeds.sources import source_name
    from bot.presentation.domain_facts import feed_status
    from bot.storage.feed_store import FeedStoreSQLite

    feed_store = FeedStoreSQLite(store.db)
    now = datetime.now(UTC)
    status = 0
    if args.feeds_command == "import":
        from bot.services.feeds_in import import_feed

        source = args.source or ("local" if args.format == "plain" else args.format)
        limit = args.settings.feeds.max_bytes
        for name in args.files:
            try:
                data = _read(None if name == "-" else name, limit)
            except OSError as exc:
                _fail(lang, t(lang, "feeds", "unreadable_file", file=name, reason=exc.strerror or type(exc).__name__))
                status = 1
                continue
            if len(data) > limit:
                _fail(lang, t(lang, "feeds", "unreadable_file", file=name, reason=f"> FEED_MAX_BYTES ({limit})"))
                status = 1
                continue
            run = await import_feed(feed_store, source, args.format, data, now, os.path.basename(name))
            _emit(args, {"file": name, **run.__dict__},
                  t(lang, "feeds", "imported", file=name, items=run.items, listed=run.listed, new=run.new,
                    skipped=run.skipped, source=source_name(source), entries=run.entries))
        return status
    if args.feeds_command == "fetch":
        from bot.wiring import feed_updater

        async with feed_updater(args.settings, feed_store) as updater:
            for run in await updater.update_all(force=True):
                if run.status not in ("ok", "not_modified", "busy", "recent"):
                    status = 1
                key = "skipped" if run.status in ("busy", "recent") else "fetched"
                _emit(args, run.__dict__, t(lang, "feeds", key, source=source_name(run.source),
                                            status=feed_status(run.status, lang),
                                            items=run.items, listed=run.listed, new=run.new, entries=run.entries))
        return status
    states = await feed_store.feed_states()
    rows: list[dict[str, Any]] = [
        {"source": s.source, "name": source_name(s.source), "entries": s.entries, "status": s.status,
         "checked_at": s.checked_at.isoformat() if s.checked_at else None,
         "changed_at": s.changed_at.isoformat() if s.changed_at else None} for s in states]
    text = "\n".join(t(lang, "feeds", "status_row", source=r["name"], entries=r["entries"],
                        status=feed_status(str(r["status"]), lang),
                        when=str(r["checked_at"] or "-")[:16].replace("T", " ")) for r in rows)
    _emit(args, rows, text or t(lang, "feeds", "status_none"))
    return 0


async def _feed_token(args: argparse.Namespace, lang: str, comm: Any, store: Any) -> int:
    from bot.services.sharing_setup import feed_urls, page_url
    from bot.services.web_tokens import WebTokens
    from bot.storage.sharing_store import SharingStoreSQLite

    tokens = WebTokens(SharingStoreSQLite(store.db), comm.key)
    now = datetime.now(UTC)
    base = args.settings.web.base_url
    if args.revoke:
        await tokens.revoke(args.guild, args.kind, now)
        _emit(args, {"guild": args.guild, "kind": args.kind, "urls": []},
              t(lang, "feeds", "token_revoked", guild=args.guild, kind=args.kind))
        return 0
    token = await (tokens.issue(args.guild, args.kind, now) if args.rotate else tokens.ensure(args.guild, args.kind, now))
    urls = feed_urls(base, token) if args.kind == "feed" else [page_url(base, token, "C-xxxx")]
    _emit(args, {"guild": args.guild, "kind": args.kind, "urls": urls},
          "\n".join([t(lang, "feeds", "token", guild=args.guild, kind=args.kind), *urls]))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "analyze": cmd_analyze,
    "analyse": cmd_analyze,
    "domain": cmd_domain,
    "report": lambda a, lang: _run_community(a, lang, _report),
    "campaign": lambda a, lang: _run_community(a, lang, _campaign),
    "leak": lambda a, lang: _run_community(a, lang, _leak),
    "forget": lambda a, lang: _run_community(a, lang, _forget),
    "export": lambda a, lang: _run_community(a, lang, _export),
    "stats": lambda a, lang: _run_community(a, lang, _stats),
    "setup": lambda a, lang: _run_community(a, lang, _setup),
    "db": cmd_db,
    "feeds": cmd_feeds,
    "serve": cmd_serve,
    "run": lambda a, lang: _discord(a, lang, "run"),
    "health": lambda a, lang: cmd_health(a),
    "sync": lambda a, lang: _discord(a, lang, "sync"),
}


def cmd_health(args: argparse.Namespace) -> int:
    """Asks the running process's ``/readyz`` when its web server is on (connected to Discord, or
    ``phishbot serve`` up); when nothing answers there, reads the heartbeat file the bot touches every
    30 s. No discord.py or aiohttp import: a health check runs every minute."""
    import time

    from bot.settings import heartbeat_path

    web = args.settings.web
    if web.enabled:
        import urllib.error
        import urllib.request

        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(web.host, web.host)  # noqa: S104 - an address to ask
        url = f"http://{'[' + host + ']' if ':' in host else host}:{web.port}/readyz"
        try:
            with urllib.request.urlopen(url, timeout=min(args.max_age, 5.0)) as answer:
                return 0 if answer.status == 200 else 1
        except urllib.error.HTTPError:
            return 1  # it answered: not ready
        except (urllib.error.URLError, OSError, ValueError):
            pass  # nothing listens there: the heartbeat says
    try:
        age = time.time() - os.path.getmtime(heartbeat_path(args.settings))
    except OSError:
        return 1
    return 0 if age <= args.max_age else 1


def _discord(args: argparse.Namespace, lang: str, what: str) -> int:
    from bot.discord_ui import runner

    if what == "run":
        return runner.run(args.settings, lang)
    return runner.sync(args.settings, lang, getattr(args, "guild", None))


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # a terminal or pipe in cp932 (Japanese Windows) must not crash the report on a character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = _parser()
    args = parser.parse_args(argv)  # usage errors exit with status 2
    env = environment()  # the environment over .env, for every command alike
    try:
        args.settings = read_settings(env, env_file=None)
    except SettingsError as exc:
        lang = normalise_lang(getattr(args, "lang", None)) or default_lang(env)
        print(f"phishbot: {exc.sentence(lang)}", file=sys.stderr)
        return 2
    if getattr(args, "db", None):
        args.settings = replace(args.settings, db=os.path.abspath(args.db))
    lang = normalise_lang(getattr(args, "lang", None)) or args.settings.lang or default_lang(env)
    try:
        return COMMANDS[args.command](args, lang)
    except BrokenPipeError:
        # `phishbot analyze DIR | head`: the reader left; that is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
