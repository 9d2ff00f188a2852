"""What every command shares: the common options, reading inputs (files, folders, standard input),
printing a view or its JSON, one sentence for an expected failure, and running a shared-log
command with the use-cases the composition root builds."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import TYPE_CHECKING

from bot.i18n import t
from bot.settings import AppSettings

if TYPE_CHECKING:
    from bot.services.app import SharedLog

# the commands' names (and aliases), for "phishbot analyze leak": the member meant the command
# (tests/cli check it against the parser)
COMMANDS = frozenset({"analyze", "analyse", "domain", "report", "campaign", "leak", "forget", "export", "stats", "setup",
                      "feeds", "serve", "run", "sync", "health", "db"})
MAIL_SUFFIXES = {".eml", ".msg", ".txt", ".mail", ".mbox", ".html", ".htm", ""}
# what a command's ``handler`` is: (its options, the reader's language) -> exit status
Handler = Callable[[argparse.Namespace, str], int]
# a command over the shared log: (its options, the reader's language, the use-cases) -> exit status
SharedLogCommand = Callable[[argparse.Namespace, str, "SharedLog"], Awaitable[int]]


def snowflake(text: str) -> int:
    """A Discord id: a positive integer that fits SQLite's 64 bits."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}")
    return value


def common(p: argparse.ArgumentParser, guild: bool = True) -> None:
    if guild:
        p.add_argument("--guild", type=snowflake, required=True, metavar="G", help="guild (server) id")
    p.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
    p.add_argument("--lang", choices=("ja", "en"), help="language of the output")
    p.add_argument("--db", metavar="FILE", help="the database file (default PHISHBOT_DB)")


def settings_of(args: argparse.Namespace) -> AppSettings:
    settings: AppSettings = args.settings
    return settings


def lookups_on(args: argparse.Namespace) -> bool:
    """Registration lookups for this command: the settings allow them and ``--no-lookups`` is not given."""
    return settings_of(args).lookups.enabled and not getattr(args, "no_lookups", False)


def read_input(path: str | None, limit: int) -> bytes:
    """At most ``limit + 1`` bytes (one more tells that the input is too long); None: standard input."""
    if path is None:
        return sys.stdin.buffer.read(limit + 1)
    with open(path, "rb") as fh:
        # ``read(limit + 1)`` sets aside the whole limit (10 MiB) for every file, however small:
        # a file's own size + 1 is asked first, and the rest up to the limit only if more came
        # (a file that grew, or a pipe or device, whose size reads as 0)
        try:
            size = os.fstat(fh.fileno()).st_size
        except OSError:
            size = limit
        if size >= limit:
            return fh.read(limit + 1)
        data = fh.read(size + 1)
        if len(data) <= size:
            return data
        return data + fh.read(limit + 1 - len(data))


def collect_paths(paths: Sequence[str], folders_seen: Callable[[], None], no_mail: Callable[[str], None]
                  ) -> list[tuple[str, str | None]]:
    """(name shown, path to read; None for standard input), folders recursively and sorted."""
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        if not os.path.isdir(raw):
            out.append((raw, raw))
            continue
        folders_seen()
        found = []
        for folder, dirs, files in os.walk(raw):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in MAIL_SUFFIXES:
                    found.append(os.path.join(folder, name))
        found = [child for child in sorted(found) if os.path.isfile(child)]
        if not found:
            no_mail(raw)
        out.extend((child, child) for child in found)
    return out


def emit(args: argparse.Namespace, obj: object, text: str) -> None:
    """The JSON object with ``--json`` (stdout then carries only JSON), else the text."""
    print(json.dumps(obj, ensure_ascii=False) if args.json else text)


def fail(sentence: str) -> None:
    print(f"phishbot: {sentence}", file=sys.stderr)


def unreadable(lang: str, name: str, reason: str) -> None:
    fail(t(lang, "cli", "unreadable", input=name, reason=reason))


def run_shared_log(args: argparse.Namespace, lang: str, command: SharedLogCommand, *, lookups: bool = False,
                   network: bool = False) -> int:
    """Runs one shared-log command with the use-cases over the store (and the registries with
    ``lookups``, the network of servers with ``network``)."""
    settings = settings_of(args)

    async def run() -> int:
        from bot.wiring import cli_shared_log

        async with cli_shared_log(settings, lookups=lookups, network=network) as log:
            return await command(args, lang, log)

    return run_store_command(args, lang, run)


def run_store_command(args: argparse.Namespace, lang: str, run: Callable[[], Coroutine[object, object, int]]) -> int:
    """Runs a command that opens the store; expected failures become one localised line and exit 1
    (a refused request, such as confirming an official domain, exits 2)."""
    import asyncio

    from bot.presentation.sentences import failure_sentence

    try:
        return asyncio.run(run())
    except Exception as exc:
        sentence = failure_sentence(exc, lang, settings_of(args).db_shown)
        if sentence is None:
            raise
        fail(sentence)
        if getattr(exc, "usage", False):
            return 2  # a refused request (confirming an official domain …) is a usage error
        return 1


def shared_log_handler(command: SharedLogCommand) -> Handler:
    """The handler that runs ``command`` with the shared log's use-cases (no registries)."""
    def handle(args: argparse.Namespace, lang: str) -> int:
        return run_shared_log(args, lang, command)

    return handle
