"""``phishbot``: the command-line adapter over the same use-cases as the bot.

Start-up matters (scripts call ``analyze`` hundreds of times): this module imports only what the
chosen command needs; ``analyze --no-lookups`` never imports discord.py or aiohttp.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence

from bot.i18n import default_lang, normalise_lang, t
from bot.settings import SettingsError, analysis_settings

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
    analyze.add_argument("--json", action="store_true", help="print the SPEC §4 JSON object, one per line")
    analyze.add_argument("--lang", choices=("ja", "en"), help="language of the output (default: PHISHBOT_LANG, then the locale)")
    analyze.add_argument("--no-lookups", action="store_true", help="no registration lookups (RDAP/WHOIS)")
    return parser


def _iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(name shown, path to read; None for standard input). Folders recursively, sorted."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        if os.path.isdir(raw):
            found = []
            for folder, dirs, files in os.walk(raw):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if not name.startswith(".") and os.path.splitext(name)[1].lower() in MAIL_SUFFIXES:
                        found.append(os.path.join(folder, name))
            for child in sorted(found):
                if os.path.isfile(child):
                    yield child, child
        else:
            yield raw, raw


def _read(path: str | None, limit: int) -> bytes:
    if path is None:
        return sys.stdin.buffer.read(limit + 1)
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def cmd_analyze(args: argparse.Namespace, lang: str) -> int:
    from bot.analysis.pipeline import analyse
    from bot.reporting import problem_detail, to_dict, to_text

    limits = args.settings.limits
    status = 0
    first = True
    for name, path in _iter_inputs(args.paths):
        try:
            data = _read(path, limits.max_input_bytes)
        except FileNotFoundError:
            _error(lang, name, t(lang, "cli", "not_found"))
            status = 1
            continue
        except OSError:
            _error(lang, name, t(lang, "cli", "not_readable"))
            status = 1
            continue
        report = analyse(data, limits=limits)
        obj = to_dict(report, lang, input_name=name)
        if not report.readable:
            reason = problem_detail(report.problems[-1], lang) if report.problems else "?"
            _error(lang, name, reason)
            status = 1
            if args.json:
                print(json.dumps({"input": name, "error": report.problems[-1].code if report.problems else "unreadable",
                                  "detail": reason}, ensure_ascii=False))
            continue
        if args.json:
            print(json.dumps(obj, ensure_ascii=False), flush=False)
        else:
            if not first:
                print()
            print(to_text(obj, lang))
        first = False
    sys.stdout.flush()
    return status


def _error(lang: str, name: str, reason: str) -> None:
    print("phishbot: " + t(lang, "cli", "unreadable", input=name, reason=reason), file=sys.stderr)


COMMANDS = {"analyze": cmd_analyze, "analyse": cmd_analyze}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # usage errors exit with status 2
    try:
        args.settings = analysis_settings()
    except SettingsError as exc:
        parser.error(str(exc))
    lang = normalise_lang(getattr(args, "lang", None)) or default_lang()
    try:
        return COMMANDS[args.command](args, lang)
    except BrokenPipeError:
        # `phishbot analyze DIR | head`: the reader left; that is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
