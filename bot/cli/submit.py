"""``phishbot report PATH... --guild G --member M``: file mails in a guild's shared log (the verb
``report``; the use-case is ``Submissions.submit``, the same one every intake path of the bot ends
in: the guild's settings decide lookups and raw-mail retention)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, lookups_on, run_shared_log, settings_of, snowflake
from bot.cli._printer import Printer
from bot.i18n import t

if TYPE_CHECKING:
    from bot.services.app import SharedLog


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="analyse a mail and save it to the shared log / 報告する",
                            description="Analyse a mail and save the report in the guild's shared log.")
    report.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    common(report)
    report.add_argument("--member", type=snowflake, required=True, metavar="M",
                        help="the reporting member's Discord user id")
    report.add_argument("--no-lookups", action="store_true", help="no registration lookups")
    report.set_defaults(handler=submit_command)


def submit_command(args: argparse.Namespace, lang: str) -> int:
    return run_shared_log(args, lang, submit_all, lookups=lookups_on(args))


async def submit_all(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.sentences import failure_sentence
    from bot.services.errors import CommunityError

    printer = Printer(args, lang)
    for name, data in printer.inputs(args.paths, settings_of(args).limits.max_input_bytes):
        try:
            done = await log.submissions.submit(data, args.guild, args.member, datetime.now(UTC))
        except CommunityError as exc:
            printer.error(name, failure_sentence(exc, lang) or exc.code, exc.code)
            continue
        saved = done.saved
        key = "saved" if not saved.duplicate else "saved_second" if saved.new_reporter else "saved_duplicate"
        if saved.campaign_id is None:
            key = "saved_alone"  # no signs: in no campaign
        line = t(lang, "community", key, report=saved.public_id, campaign=saved.campaign_id or "-",
                 reports=done.campaign_reports, members=done.campaign_members)
        printer.show(name, done.analysis, campaign=saved.campaign_id, report_id=saved.public_id,
                     more={"duplicate": saved.duplicate, "campaign_reports": done.campaign_reports,
                           "campaign_members": done.campaign_members}, after=line)
    printer.summary()
    return printer.status
