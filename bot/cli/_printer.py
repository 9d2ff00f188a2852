"""Printing analyses as they are ready (``analyze``, ``report``): the readable text or one JSON object
per line, progress on stderr when it is a terminal, one closing summary line there; and reading the
inputs a command was given, each said as unreadable when it cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.cli._common import COMMANDS, collect_paths, fail, read_input, unreadable
from bot.i18n import t

if TYPE_CHECKING:
    from bot.analysis.models import Analysis


# json.dumps(obj, ensure_ascii=False) without a new encoder for every analysis
_JSON = json.JSONEncoder(ensure_ascii=False)


class Printer:
    """Prints each analysis as it is ready; counts verdicts for the closing summary and shows
    progress on stderr when it is a terminal; remembers whether any input was unreadable."""

    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        self.args = args
        self.lang = lang
        self.json: bool = bool(args.json)
        chosen = getattr(args, "report_text", None)
        self.desk_text: bool = bool(chosen)
        self.desk: str | None = chosen if chosen in ("antiphishing", "dekyo") else None  # None: both desks
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
        unreadable(self.lang, name, reason)
        self.status = 1
        self.unreadable += 1
        self.step()
        if self.json and code is not None:
            print(json.dumps({"input": name, "error": code, "detail": reason}, ensure_ascii=False))

    def show(self, name: str, analysis: Analysis, *, campaign: str | None = None, report_id: str | None = None,
             more: dict[str, bool | int] | None = None, after: str | None = None) -> None:
        """One analysis: its view as JSON (with ``more`` keys after the contract's), or as text
        (``after``: a line below it); with ``--report-text`` the desk text instead."""
        from bot.presentation.analysis_text import analysis_text
        from bot.presentation.analysis_view import analysis_view
        from bot.presentation.sentences import problem_detail

        if not analysis.readable:
            problem = analysis.problems[-1] if analysis.problems else None
            reason = problem_detail(problem, self.lang) if problem else "?"
            self.error(name, reason, problem.code if problem else "unreadable")
            return
        self._clear()
        self.verdicts[analysis.verdict] = self.verdicts.get(analysis.verdict, 0) + 1
        view = analysis_view(analysis, self.lang, input_name=name, campaign=campaign, report_id=report_id)
        if self.json:
            obj: dict[str, object] = {**view.to_json(), **(more or {})}
            if self.desk_text:
                from bot.presentation.desk_text import desk_text

                obj["report_text"] = desk_text(analysis, self.lang, desk=self.desk)
            # the line and its newline in one write (stdout may be unbuffered: PYTHONUNBUFFERED)
            sys.stdout.write(_JSON.encode(obj) + "\n")
        else:
            if not self.first:
                print()
            if self.desk_text:
                from bot.presentation.desk_text import desk_text

                print(desk_text(analysis, self.lang, desk=self.desk))
            else:
                print(analysis_text(view, self.lang) + (f"\n{after}" if after else ""))
        self.first = False
        self.step()

    def step(self) -> None:
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

    def inputs(self, paths: list[str], limit: int) -> Iterator[tuple[str, bytes]]:
        """(name, bytes) of every input, folders recursively; an unreadable one is said and skipped."""
        def folder() -> None:
            self.folders += 1

        def no_mail(raw: str) -> None:
            fail(t(self.lang, "cli", "no_mail_files", input=raw))
            self.status = 1

        found = collect_paths(paths, folder, no_mail)
        self.total = len(found)
        for name, path in found:
            try:
                yield name, read_input(path, limit)
            except FileNotFoundError:
                hint = _command_named(name)
                self.error(name, t(self.lang, "cli", "not_found_command", command=hint) if hint
                           else t(self.lang, "cli", "not_found"), "not_found")
            except OSError:
                self.error(name, t(self.lang, "cli", "not_readable"), "not_readable")


def _command_named(name: str) -> str | None:
    """The phishbot command a missing file is named after (``phishbot analyze leak``: the member
    meant ``phishbot leak``), if any."""
    return name if "/" not in name and "." not in name and name in COMMANDS else None
