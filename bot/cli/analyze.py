"""``phishbot analyze PATH...|-``: analyse mail files, folders or standard input, and print each
analysis (text, ``--json``, or the desk text with ``--report-text``). Without lookups nothing but
the analysis is imported: no discord.py, aiohttp, aiosqlite or matplotlib (scripts call it often)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from bot.cli._common import lookups_on, settings_of
from bot.cli._printer import Printer


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    analyze.add_argument(
        "--report-text", nargs="?", const="both", choices=("both", "antiphishing", "dekyo"), metavar="DESK",
        help="print the ready-to-send report instead of the analysis: 'antiphishing' for フィッシング対策協議会 "
             "(info@antiphishing.jp), 'dekyo' for 迷惑メール相談センター (meiwaku@dekyo.or.jp); without DESK, one "
             "text for either. Only your address and name are masked; the sender, Message-ID, relays, body and "
             "the whole URL (written hxxps://, [.]) are kept for the desk")
    analyze.set_defaults(handler=analyze_command)


def analyze_command(args: argparse.Namespace, lang: str) -> int:
    settings = settings_of(args)
    printer = Printer(args, lang)
    if lookups_on(args):
        import asyncio

        asyncio.run(_with_lookups(args, printer))
    else:
        import gc

        # the analysis' imports and the first mail (which builds the catalogue, the suffix list and the
        # look-alike indexes) run without the collector: what they build lives as long as the process
        # and is frozen below. The dozen collections that walked it while it grew cost cache misses far
        # beyond their instructions (one mail: 1.26 -> 0.99 M level-2 read misses simulated, 918 -> 906 M
        # instructions) and freed some 900 objects of import-time cycles, now kept (frozen) instead.
        # The caller's on/off state is put back after the first mail and at the end.
        enabled = gc.isenabled()
        threshold = gc.get_threshold()
        gc.disable()
        try:
            from bot.services.analyse_mail import analyse_offline

            # what start-up built (modules, the parsers, the settings) lives as long as the process: out
            # of the collector's sight, no full collection walks it again (0.8 % of the instructions of a run)
            gc.freeze()
            # the first mail builds the tables (catalogue, suffix list, look-alike indexes): frozen after
            # it the same way. A run allocates millions of short-lived containers and almost no cycles
            # (about 1,700 objects collected over corpus-dev): the youngest generation is collected every
            # 20,000 allocations, not 700, so most of them are freed before the collector walks them
            # (the caller's threshold is put back after the run: ``main`` called in a longer-lived process, a
            # test's, keeps its own; what was frozen stays frozen, out of the collection at exit)
            gc.set_threshold(20_000, 10, 10)
            first = True
            for name, data in printer.inputs(args.paths, settings.limits.max_input_bytes):
                printer.show(name, analyse_offline(data, settings.limits, datetime.now(UTC)))
                if first:
                    gc.freeze()
                    if enabled:
                        gc.enable()
                    first = False
        finally:
            gc.set_threshold(*threshold)
            if enabled:
                gc.enable()
    sys.stdout.flush()
    printer.summary()
    return printer.status


async def _with_lookups(args: argparse.Namespace, printer: Printer) -> None:
    from bot.services.analyse_mail import analyse_with_lookups
    from bot.wiring import lookups_and_listings

    settings = settings_of(args)
    async with lookups_and_listings(settings) as (intel, listings):
        for name, data in printer.inputs(args.paths, settings.limits.max_input_bytes):
            printer.show(name, await analyse_with_lookups(data, intel, datetime.now(UTC), settings.limits,
                                                          listings=listings))
