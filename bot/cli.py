"""``phishbot``: the command-line adapter over the same use-cases as the bot.

Start-up matters (scripts call ``analyze`` hundreds of times): this module imports only what the
chosen command needs; ``analyze --no-lookups`` never imports discord.py, aiohttp or pydantic.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.i18n import default_lang, normalise_lang, t
from bot.settings import AppSettings, SettingsError, read_settings

if TYPE_CHECKING:
    from bot.analysis.models import Report

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
    domain = sub.add_parser(
        "domain",
        help="registration facts of a domain / ドメインの登録情報",
        description="Registration facts of a domain (a host, a URL or a defanged name is fine): "
        "its registrable domain, the brand it officially belongs to, or when it was registered.",
    )
    domain.add_argument("name", metavar="NAME", help="domain, host, URL or defanged name")
    domain.add_argument("--json", action="store_true", help="print a JSON object")
    domain.add_argument("--lang", choices=("ja", "en"), help="language of the output")
    domain.add_argument("--no-lookups", action="store_true", help="do not ask the registries")
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


def _lookups_on(args: argparse.Namespace, settings: AppSettings) -> bool:
    return settings.lookups.enabled and not args.no_lookups


class _Printer:
    """Prints each report as it is ready; remembers whether any input was unreadable."""

    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        self.args = args
        self.lang = lang
        self.status = 0
        self.first = True

    def error(self, name: str, reason: str, code: str | None = None) -> None:
        _error(self.lang, name, reason)
        self.status = 1
        if self.args.json and code is not None:
            print(json.dumps({"input": name, "error": code, "detail": reason}, ensure_ascii=False))

    def report(self, name: str, report: Report) -> None:
        from bot.reporting import problem_detail, to_dict, to_text

        if not report.readable:
            problem = report.problems[-1] if report.problems else None
            reason = problem_detail(problem, self.lang) if problem else "?"
            self.error(name, reason, problem.code if problem else "unreadable")
            return
        obj = to_dict(report, self.lang, input_name=name)
        if self.args.json:
            print(json.dumps(obj, ensure_ascii=False))
        else:
            if not self.first:
                print()
            print(to_text(obj, self.lang))
        self.first = False


def _inputs(args: argparse.Namespace, printer: _Printer, limit: int) -> Iterator[tuple[str, bytes]]:
    for name, path in _iter_inputs(args.paths):
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
        from bot.analysis.pipeline import analyse

        for name, data in _inputs(args, printer, settings.limits.max_input_bytes):
            printer.report(name, analyse(data, limits=settings.limits, now=datetime.now(UTC)))
    sys.stdout.flush()
    return printer.status


async def _analyze_with_lookups(args: argparse.Namespace, settings: AppSettings, printer: _Printer) -> None:
    from bot.services.analyse_report import analyse_with_lookups
    from bot.wiring import registry_intel

    async with registry_intel(settings) as intel:
        for name, data in _inputs(args, printer, settings.limits.max_input_bytes):
            report = await analyse_with_lookups(data, intel, datetime.now(UTC), settings.limits)
            printer.report(name, report)
            sys.stdout.flush()


def cmd_domain(args: argparse.Namespace, lang: str) -> int:
    import asyncio

    from bot.services.domain_info import BadDomain, DomainInfo, domain_info

    settings: AppSettings = args.settings

    async def run() -> DomainInfo:
        now = datetime.now(UTC)
        if not _lookups_on(args, settings):
            return await domain_info(args.name, None, now)
        from bot.wiring import registry_intel

        async with registry_intel(settings) as intel:
            return await domain_info(args.name, intel, now)

    try:
        info = asyncio.run(run())
    except BadDomain:
        _error(lang, args.name, t(lang, "domain", "not_a_domain"))
        return 1
    obj = domain_dict(info, lang)
    if args.json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        print(domain_text(obj, lang))
    return 0


def domain_dict(info: Any, lang: str) -> dict[str, Any]:
    fact = info.fact
    if info.brand is not None:
        status = "official"
    elif fact is None or fact.lookup in ("unavailable", "skipped"):
        status = "unknown"
    elif fact.not_registered:
        status = "not_registered"
    else:
        status = "registered"
    brand = info.brand
    return {
        "domain": info.domain,
        "status": status,
        "brand": {"id": brand.id, "name": brand.name_ja if lang == "ja" else brand.name_en} if brand else None,
        "registered": fact.registered if fact else None,
        "age_days": info.age_days,
        "expires": fact.expires if fact else None,
        "last_changed": fact.last_changed if fact else None,
        "registrar": fact.registrar if fact else None,
        "statuses": list(fact.statuses) if fact else [],
        "lookup": fact.lookup if fact else "skipped",
        "source": fact.source if fact else None,
        "reason": fact.reason if fact else None,
    }


def domain_text(obj: dict[str, Any], lang: str) -> str:
    from bot.analysis.links import defang_host

    lines = [f"{t(lang, 'domain', 'domain')}: {defang_host(obj['domain'])}"]
    status = obj["status"]
    if status == "official":
        lines.append(t(lang, "domain", "official", brand=obj["brand"]["name"]))
        return "\n".join(lines)
    lines.append(t(lang, "domain", f"status_{status}"))
    if obj["registered"]:
        lines.append(f"{t(lang, 'domain', 'registered')}: {obj['registered'][:10]}"
                     + (f" ({t(lang, 'domain', 'age', days=obj['age_days'])})" if obj["age_days"] is not None else ""))
    if obj["expires"]:
        lines.append(f"{t(lang, 'domain', 'expires')}: {obj['expires'][:10]}")
    if obj["registrar"]:
        lines.append(f"{t(lang, 'domain', 'registrar')}: {obj['registrar']}")
    if obj["statuses"]:
        lines.append(f"{t(lang, 'domain', 'statuses')}: {', '.join(obj['statuses'])}")
    lines.append(t(lang, "cli", "lookup", state=obj["lookup"]) + (f" ({obj['reason']})" if obj["reason"] else ""))
    return "\n".join(lines)


def _error(lang: str, name: str, reason: str) -> None:
    print("phishbot: " + t(lang, "cli", "unreadable", input=name, reason=reason), file=sys.stderr)


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "analyze": cmd_analyze,
    "analyse": cmd_analyze,
    "domain": cmd_domain,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # a terminal or pipe in cp932 (Japanese Windows) must not crash the report on a character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = _parser()
    args = parser.parse_args(argv)  # usage errors exit with status 2
    try:
        args.settings = read_settings()
    except SettingsError as exc:
        parser.error(str(exc))
    lang = normalise_lang(getattr(args, "lang", None)) or normalise_lang(args.settings.lang) or default_lang()
    try:
        return COMMANDS[args.command](args, lang)
    except BrokenPipeError:
        # `phishbot analyze DIR | head`: the reader left; that is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
