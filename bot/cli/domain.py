"""``phishbot domain NAME``: a domain's registration facts, and with ``--guild`` what the guild's
shared log knows (known-bad, official or unknown, reports, members, campaigns) beside what threat
feeds and other servers say; moderators confirm or clear with ``--confirm``/``--clear``."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, emit, lookups_on, run_shared_log, settings_of, snowflake, unreadable
from bot.i18n import t

if TYPE_CHECKING:
    from bot.services.app import SharedLog
    from bot.services.domain_info import DomainInfo
    from bot.services.other_sources import OtherSources


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    domain = sub.add_parser(
        "domain",
        help="a domain: registration facts, and with --guild the shared log's view / ドメインの情報",
        description="Registration facts of a domain (a host, a URL or a defanged name is fine); with --guild, "
        "also what the guild's shared log knows: known_bad, official or unknown, reports, members, campaigns.",
    )
    domain.add_argument("name", metavar="NAME", help="domain, host, URL or defanged name")
    common(domain, guild=False)
    domain.add_argument("--guild", type=snowflake, metavar="G", help="guild (server) id: the shared log's view")
    decision = domain.add_mutually_exclusive_group()
    decision.add_argument("--confirm", action="store_true", help="moderators: confirm the domain as known-bad")
    decision.add_argument("--clear", action="store_true", help="moderators: clear the domain (not known-bad)")
    domain.add_argument("--member", type=snowflake, metavar="M", help="the moderator's member id (with --confirm/--clear)")
    domain.add_argument("--no-lookups", action="store_true", help="do not ask the registries")
    domain.set_defaults(handler=domain_command)


def domain_command(args: argparse.Namespace, lang: str) -> int:
    import asyncio

    from bot.services.domain_info import BadDomain

    if args.guild is not None:
        return run_shared_log(args, lang, in_guild, lookups=lookups_on(args), network=True)
    try:
        info, beside = asyncio.run(_facts(args))
    except BadDomain:
        unreadable(lang, args.name, t(lang, "domain", "not_a_domain"))
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


async def _facts(args: argparse.Namespace) -> tuple[DomainInfo, OtherSources]:
    from bot.services.domain_info import domain_info
    from bot.wiring import elsewhere_without_guild, registry_intel

    settings = settings_of(args)
    now = datetime.now(UTC)
    if not lookups_on(args):
        info = await domain_info(args.name, None, now)
    else:
        async with registry_intel(settings) as intel:
            info = await domain_info(args.name, intel, now)
    async with elsewhere_without_guild(settings) as elsewhere:
        return info, await elsewhere.about(args.name, info.domain, None, now)


async def in_guild(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.domain_facts import listed_json
    from bot.presentation.sentences import other_sources_lines
    from bot.presentation.shared_log import domain_view_json, guild_domain_text

    now = datetime.now(UTC)
    if args.confirm or args.clear:
        await log.community.decide_domain(args.guild, args.name, "confirmed" if args.confirm else "cleared",
                                          args.member, now)
    intel = log.lookups.for_guild(args.guild) if log.lookups is not None else None
    view = await log.community.domain_view(args.guild, args.name, intel, now)
    beside = await log.elsewhere.about(args.name, view.domain, args.guild, now)
    text = guild_domain_text(view, lang)
    if view.status != "official":
        text += "\n" + "\n".join(other_sources_lines(beside.listings, beside.servers, lang))
    emit(args, {**domain_view_json(view), "listed": listed_json(beside.listings), "other_servers": beside.servers},
         text)
    return 0
