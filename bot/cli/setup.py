"""``phishbot setup --guild G``: a guild's settings, what ``/setup`` sets in Discord (report
channels, language, auto-delete, lookups, raw-mail retention, and what the guild shares: the
blocklist feed, campaign pages, link watch, the network); ``phishbot export``: the blocklist or the
reports without personal data."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, emit, settings_of, shared_log_handler, snowflake
from bot.i18n import t
from bot.presentation.sentences import language_name

if TYPE_CHECKING:
    from bot.services.app import SharedLog


def _raw_days(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 90:
        raise argparse.ArgumentTypeError(f"0 to 90 days: {text!r}")
    return int(text)


def add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="export the blocklist or the reports (no personal data) / 書き出し")
    export.add_argument("kind", choices=("blocklist", "hosts", "csv", "json"))
    common(export)
    export.set_defaults(handler=shared_log_handler(export_command))


def add_setup(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    setup = sub.add_parser("setup", help="a guild's settings (what /setup sets in Discord) / サーバーの設定")
    common(setup)
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
    setup.set_defaults(handler=shared_log_handler(setup_command))


async def export_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    sys.stdout.write(await log.community.export(args.guild, args.kind))
    return 0


async def setup_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import settings_json, sharing_json, sharing_text
    from bot.services.ports.guilds import SettingsChange
    from bot.services.sharing_setup import SharingRequest

    channels: tuple[int, ...] | None = None
    if args.clear_report_channels:
        channels = ()
    if args.report_channel:
        channels = tuple(dict.fromkeys(args.report_channel))
    change = SettingsChange(
        language=None if not args.language else ("" if args.language == "auto" else args.language),
        auto_delete=None if not args.auto_delete else args.auto_delete == "on",
        lookups_enabled=None if not args.lookups else args.lookups == "on",
        keep_raw=None if args.keep_raw_days is None else args.keep_raw_days > 0,
        raw_retention_days=args.keep_raw_days or None, report_channels=channels,
    )
    request = SharingRequest(
        blocklist_feed=args.blocklist_feed, feed_sources=None if args.feed_sources is None else args.feed_sources == "on",
        share_pages=args.share_pages, share_campaign=args.share_campaign, unshare_campaign=args.unshare_campaign,
        pages_link=args.pages_link, link_watch=args.link_watch, network=args.network,
    )
    result = await log.guilds.setup(args.guild, change, request, datetime.now(UTC))
    settings = settings_of(args)
    st = result.settings
    yes, no = t(lang, "discord", "on"), t(lang, "discord", "off")
    channel_list = ", ".join(str(c) for c in st.report_channels) or t(
        lang, "discord", "setup_no_channel", names=", ".join(settings.discord.report_channels))
    text = t(lang, "discord", "setup_summary", channels=channel_list,
             language=language_name(st.language, lang) or t(lang, "discord", "lang_auto_short", locale="Discord"),
             auto_delete=yes if st.auto_delete else no, lookups=yes if st.lookups_enabled else no,
             keep_raw=t(lang, "discord", "days", days=st.raw_retention_days) if st.keep_raw else no)
    assert result.sharing is not None  # the CLI's use-cases always include what a guild shares
    text += "\n" + sharing_text(result.sharing, settings.web.base_url, lang)
    emit(args, {**settings_json(st), "sharing": sharing_json(result.sharing)}, text)
    return 0
