"""A member's own data: ``phishbot leak register|mine|vote`` (the services an address was given to,
what they registered, their vote on a campaign's leak source) and ``phishbot forget``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, emit, shared_log_handler, snowflake
from bot.i18n import t

if TYPE_CHECKING:
    from bot.services.app import SharedLog


def add_leak(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    leak = sub.add_parser("leak", help="leak sources: register services, vote / 漏えい元")
    leak_sub = leak.add_subparsers(dest="leak_command", required=True, metavar="ACTION")
    register = leak_sub.add_parser("register", help="record which services an address was given to")
    common(register)
    register.add_argument("--member", type=snowflake, required=True, metavar="M",
                          help="the member's Discord user id (the owner of these answers)")
    register.add_argument("--address", required=True, metavar="A", help="the address (stored only as a keyed hash)")
    register.add_argument("--services", default="", metavar="S1,S2", help="services the address was given to")
    register.add_argument("--not", dest="not_services", default="", metavar="S3,S4", help="services it was NOT given to")
    register.set_defaults(handler=shared_log_handler(register_command))
    mine = leak_sub.add_parser("mine", help="the services you registered")
    common(mine)
    mine.add_argument("--member", type=snowflake, required=True, metavar="M", help="the member's Discord user id")
    mine.set_defaults(handler=shared_log_handler(mine_command))
    vote = leak_sub.add_parser("vote", help="vote on a campaign's leak source (changeable)")
    vote.add_argument("campaign", metavar="CAMPAIGN", help="campaign id, e.g. C-7f3a")
    vote.add_argument("service", metavar="SERVICE", help="the service voted for (a name or a slug: アマゾン, amazon)")
    common(vote)
    vote.add_argument("--member", type=snowflake, required=True, metavar="M", help="the voting member's Discord user id")
    vote.set_defaults(handler=shared_log_handler(vote_command))


def add_forget(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    forget = sub.add_parser("forget", help="delete a member's registrations and votes, unlink their reports / 削除")
    common(forget)
    forget.add_argument("--member", type=snowflake, required=True, metavar="M",
                        help="the member's Discord user id: their registrations and votes go, their reports stay unlinked")
    forget.set_defaults(handler=shared_log_handler(forget_command))


async def register_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import registered_json, registered_text

    result = await log.community.register(args.guild, args.member, args.address, args.services, args.not_services,
                                          datetime.now(UTC))
    emit(args, registered_json(result), registered_text(result, lang))
    return 0


async def mine_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import registrations_json, registrations_text

    rows = await log.community.my_registrations(args.guild, args.member)
    emit(args, registrations_json(rows), registrations_text(rows, lang))
    return 0


async def vote_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import service_name, voted_json

    voted = await log.community.vote(args.guild, args.member, args.campaign, args.service, datetime.now(UTC))
    emit(args, voted_json(voted), t(lang, "community", "voted", campaign=voted.campaign,
                                            service=voted.name or service_name(voted.service, lang)))
    return 0


async def forget_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import forgotten_json, forgotten_text

    forgotten = await log.community.forget(args.guild, args.member)
    emit(args, forgotten_json(forgotten), forgotten_text(forgotten, lang))
    return 0
