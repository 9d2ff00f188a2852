"""The shape of the house: the analysis core stays pure."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

FORBIDDEN_IN_CORE = {"discord", "aiohttp", "aiosqlite", "whois", "socket", "urllib.request", "http.client",
                     "requests", "asyncio", "sqlite3", "time", "bot.services", "bot.cli", "bot.storage",
                     "bot.lookups", "bot.discord_ui"}
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
               ("time", "time"), ("time", "monotonic"), ("time", "perf_counter")}


def _core_files() -> list[Path]:
    return sorted((ROOT / "bot" / "analysis").rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_imports_no_io_library() -> None:
    assert _core_files(), "bot/analysis has no modules?"
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imports(tree):
            for bad in FORBIDDEN_IN_CORE:
                assert not (name == bad or name.startswith(bad + ".")), f"{path.relative_to(ROOT)} imports {name}"


def test_core_reads_no_clock() -> None:
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
                assert (owner_name, node.func.attr) not in CLOCK_CALLS, (
                    f"{path.relative_to(ROOT)}:{node.lineno} reads the clock: pass `now` in"
                )


def test_the_architecture_test_would_catch_a_violation(tmp_path: Path) -> None:
    tree = ast.parse("import aiohttp\nfrom datetime import datetime\nx = datetime.now()\n")
    assert "aiohttp" in _imports(tree)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert any(isinstance(c.func, ast.Attribute) and (c.func.value.id, c.func.attr) in CLOCK_CALLS for c in calls)  # type: ignore[attr-defined]


def test_only_discord_ui_imports_discord() -> None:
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if "discord_ui" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not any(n == "discord" or n.startswith("discord.") for n in _imports(tree)), path


def test_use_cases_and_their_ports_import_no_adapter() -> None:
    adapters = ("discord", "aiohttp", "aiosqlite", "whois", "bot.lookups", "bot.storage", "bot.discord_ui", "bot.wiring",
                "bot.web", "bot.feeds.fetch", "prometheus_client", "jinja2", "aiohttp_jinja2")
    for path in sorted((ROOT / "bot" / "services").rglob("*.py")):
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            assert not any(name == a or name.startswith(a + ".") for a in adapters), f"{path.relative_to(ROOT)} imports {name}"


def test_only_the_lookups_and_wiring_import_aiohttp() -> None:
    allowed = {"lookups", "wiring.py", "discord_ui", "web"}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        relative = path.relative_to(ROOT / "bot")
        if allowed & set(relative.parts) or relative.as_posix() == "feeds/fetch.py":
            continue
        names = _imports(ast.parse(path.read_text(encoding="utf-8")))
        assert not any(n == "aiohttp" or n.startswith("aiohttp.") for n in names), path


def test_the_feed_parsers_are_pure() -> None:
    """bot/feeds: only the fetcher does I/O; the parsers and the source table are pure."""
    for path in sorted((ROOT / "bot" / "feeds").rglob("*.py")):
        if path.name == "fetch.py":
            continue
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            for bad in FORBIDDEN_IN_CORE:
                assert not (name == bad or name.startswith(bad + ".")), f"{path.relative_to(ROOT)} imports {name}"
