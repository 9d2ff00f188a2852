"""The shape of the house: the core stays pure and imports no adapter; the adapters (the CLI, the
Discord bot, the web server) never hold a store; only the composition root chooses the store; and
no import cycle, at module level or through imports inside functions."""

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


def _files_of(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / "bot" / package).rglob("*.py"))


def _names_in(path: Path) -> set[str]:
    """Every module a file imports, wherever the import stands (functions, TYPE_CHECKING)."""
    return _imports(ast.parse(path.read_text(encoding="utf-8")))


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


ADAPTERS_AND_OUTER = ("bot.services", "bot.storage", "bot.lookups", "bot.feeds", "bot.discord_ui", "bot.cli", "bot.web",
                      "bot.wiring", "bot.presentation", "bot.charts", "bot.metrics", "bot.settings", "bot.i18n")


def test_the_core_imports_no_adapter() -> None:
    """bot/analysis and bot/community (the pure core) import nothing outside the core: no use-case,
    store, adapter, presentation or settings, wherever the import stands."""
    files = _files_of("analysis", "community")
    assert files
    for path in files:
        bad = {n for n in _names_in(path) if _matches(n, ADAPTERS_AND_OUTER)}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_adapters_never_import_the_store() -> None:
    """The CLI, the Discord bot and the web server get use-cases (or a port, for ``phishbot db``)
    from the composition root: none of them imports bot.storage or the database driver."""
    files = _files_of("cli", "discord_ui", "web")
    assert len(files) > 20
    for path in files:
        bad = {n for n in _names_in(path) if _matches(n, ("bot.storage", "aiosqlite", "psycopg", "psycopg_pool"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_only_the_composition_root_chooses_the_store() -> None:
    for path in sorted((ROOT / "bot").rglob("*.py")):
        relative = path.relative_to(ROOT / "bot").as_posix()
        if relative == "wiring.py" or relative.startswith("storage/"):
            continue
        assert not any(_matches(n, ("bot.storage",)) for n in _names_in(path)), relative


def test_the_bot_and_the_web_server_are_given_what_they_use() -> None:
    """bot/discord_ui and bot/web never import the composition root: the entry points (the CLI)
    ask it, and it hands the adapters their collaborators."""
    for path in _files_of("discord_ui", "web"):
        names = _names_in(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_bot = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "bot" for a in n.names}
        assert "bot.wiring" not in names and "wiring" not in from_bot, path.relative_to(ROOT)


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
    adapters = ("discord", "aiohttp", "aiosqlite", "psycopg", "psycopg_pool", "whois", "bot.lookups", "bot.storage", "bot.discord_ui", "bot.wiring",
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


# --- import cycles --------------------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _bot_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted((ROOT / "bot").rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.Module, everywhere: bool) -> list[ast.Import | ast.ImportFrom]:
    """The imports of a module: those that run when it is imported (module level: top-level
    statements, inside ``try``/``if`` too, but not under ``if TYPE_CHECKING``), or every import
    statement wherever it stands (``everywhere``: inside functions and ``TYPE_CHECKING`` too)."""
    if everywhere:
        return [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            elif isinstance(node, ast.If):
                if not _is_type_checking(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (node.body, *(h.body for h in node.handlers), node.orelse, node.finalbody):
                    visit(block)
            elif isinstance(node, ast.With):
                visit(node.body)

    visit(tree.body)
    return found


def import_graph(modules: dict[str, Path], everywhere: bool) -> dict[str, set[str]]:
    """module -> the modules of ``modules`` it imports by name (``from bot.a import b`` names the
    module ``bot.a.b`` when there is one, else ``bot.a``). A parent package that Python imports on
    the way is not an edge: only what a module names."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8")), everywhere):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
            for named in targets:
                target = named
                while target and target not in modules:  # `import bot.a.b.c` names bot.a.b.c, or the nearest module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def _describe(graph: dict[str, set[str]], component: list[str]) -> str:
    members = set(component)
    return "; ".join(f"{m} -> {', '.join(sorted(graph[m] & members))}" for m in component)


def test_no_import_cycle_at_module_level() -> None:
    """What runs when a module is imported never comes back to it."""
    graph = import_graph(_bot_modules(), everywhere=False)
    assert not cycles(graph), "\n".join(_describe(graph, c) for c in cycles(graph))


def test_no_import_cycle_even_through_imports_inside_functions() -> None:
    """No cycle either when the imports inside functions and under ``TYPE_CHECKING`` count: a
    late import that closes a loop is misplaced code, not a fix."""
    graph = import_graph(_bot_modules(), everywhere=True)
    assert not cycles(graph), "\n".join(_describe(graph, c) for c in cycles(graph))


def test_the_cycle_check_would_catch_a_cycle(tmp_path: Path) -> None:
    for name, text in {"a.py": "from pkg import b\n", "b.py": "def f() -> None:\n    from pkg.c import x\n",
                       "c.py": "import pkg.a\nx = 1\n", "__init__.py": "", "d.py": "from pkg import a\n"}.items():
        (tmp_path / name).write_text(text)
    modules = {f"pkg.{p.stem}" if p.stem != "__init__" else "pkg": p for p in tmp_path.glob("*.py")}
    assert cycles(import_graph(modules, everywhere=True)) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert cycles(import_graph(modules, everywhere=False)) == []  # the loop closes only inside a function
