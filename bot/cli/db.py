"""``phishbot db status|migrate|backup|restore``: where the store is and whether it is sound, bringing
its schema up to date, an online copy with its address key, and loading a PostgreSQL export back.
Through the store's admin port (``services.ports.admin``), which the composition root opens without
creating anything. The store is an SQLite file or a PostgreSQL address (shown without its password)."""

from __future__ import annotations

import argparse
import os

from bot.cli._common import emit, fail, settings_of
from bot.i18n import t
from bot.presentation.analysis_view import JSONObject
from bot.services.errors import StoreError
from bot.settings import is_postgres


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="the database: migrate, status, backup, restore / データベース",
                        description="The database (an SQLite file or a postgresql:// address): where it is and whether "
                        "it is sound (status), bringing its schema up to date (migrate), an online copy with its address "
                        "key (backup: pg_dump's format when pg_dump is installed, else phishbot's export), loading an "
                        "export into a new PostgreSQL database (restore).")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    for name, text in (("migrate", "apply the migrations the database lacks"),
                       ("status", "where the database is, its version, integrity and address key (creates nothing)"),
                       ("backup", "an online copy of the database, and its address key beside it"),
                       ("restore", "load phishbot's PostgreSQL export into a new, empty PostgreSQL database")):
        action = db_sub.add_parser(name, help=text, description=text)
        if name == "backup":
            action.add_argument("target", metavar="FILE", help="where to write the copy (a new file)")
        if name == "restore":
            action.add_argument("source", metavar="FILE", help="the export (written by phishbot db backup)")
        action.add_argument("--db", metavar="FILE|URL",
                            help="the database file or postgresql:// address (default PHISHBOT_DB; prefer the "
                            "environment for an address with a password: a command line is visible to others)")
        action.add_argument("--json", action="store_true", help="print JSON (stdout then carries only JSON)")
        action.add_argument("--lang", choices=("ja", "en"), help="language of the output")
        action.set_defaults(handler=db_command)


class _Said(Exception):
    """An answer to print that still ends with exit status 1 (a damaged database's status)."""

    def __init__(self, obj: JSONObject, lines: list[str]) -> None:
        super().__init__("said")
        self.obj = obj
        self.lines = lines


def size_text(count: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


def db_command(args: argparse.Namespace, lang: str) -> int:
    from bot.wiring import address_key_file, store_admin

    settings = settings_of(args)
    path = settings.db_shown  # a PostgreSQL address without its password
    key_file = address_key_file(settings)
    key = "env" if settings.address_hash_key else ("file" if os.path.isfile(key_file) else "missing")

    async def status() -> tuple[JSONObject, list[str]]:
        async with store_admin(settings, check=False) as admin:
            st = await admin.status()
        obj: JSONObject = {
            "database": st.location, "default_location": settings.db_from_default, "version": st.version,
            "latest": st.latest, "up_to_date": st.up_to_date, "integrity": st.integrity or "ok", "bytes": st.size_bytes,
            "address_key": {"env": "ADDRESS_HASH_KEY", "file": key_file, "missing": None}[key]}
        behind = (t(lang, "store", "status_up_to_date") if st.version == st.latest else
                  t(lang, "store", "status_behind", count=st.latest - st.version) if st.version < st.latest else
                  t(lang, "store", "status_ahead", latest=st.latest))
        lines = [f"{t(lang, 'store', 'status_database')}: {path}"
                 + (f" {t(lang, 'store', 'status_default')}" if settings.db_from_default else ""),
                 f"{t(lang, 'store', 'status_version')}: {st.version} (" + behind + ")",
                 f"{t(lang, 'store', 'status_integrity')}: "
                 + (t(lang, "store", "status_ok") if st.integrity is None
                    else t(lang, "store", "damaged_found", path=path, detail=st.integrity)),
                 f"{t(lang, 'store', 'status_size')}: {size_text(st.size_bytes)}",
                 f"{t(lang, 'store', 'status_key')}: "
                 + {"env": t(lang, "store", "status_key_env"), "file": key_file,
                    "missing": t(lang, "store", "status_key_missing")}[key]]
        if st.integrity is not None:
            raise _Said(obj, lines)  # said on stdout, and exit 1: monitoring can tell
        return obj, lines

    async def migrate() -> tuple[JSONObject, list[str]]:
        async with store_admin(settings, create=True) as admin:
            done = await admin.migrate()
        applied = list(done.applied)
        text = (t(lang, "store", "migrated", path=path, version=done.version, applied=", ".join(map(str, applied)))
                if applied else t(lang, "store", "migrated_none", path=path, version=done.version))
        return {"database": path, "applied": list(applied), "version": done.version}, [text]

    async def backup() -> tuple[JSONObject, list[str]]:
        async with store_admin(settings) as admin:
            done = await admin.backup(args.target, None if settings.address_hash_key else key_file)
        obj: JSONObject = {"database": path, "backup": done.target, "version": done.version,
                           "address_key": done.address_key}
        lines = [t(lang, "store", "backed_up", path=path, target=done.target, version=done.version)]
        if done.fallback is not None:
            obj["format"] = "export"
            obj["fallback"] = done.fallback
            lines.append(t(lang, "store", "backed_up_as_export"))
        if settings.address_hash_key:
            lines.append(t(lang, "store", "backed_up_env_key"))
        elif done.address_key is not None:
            lines.append(t(lang, "store", "backed_up_key", file=done.address_key))
        return obj, lines

    source = os.path.abspath(args.source) if args.db_command == "restore" else ""

    async def restore() -> tuple[JSONObject, list[str]]:
        # PostgreSQL: not migrated here — a new database gets the schema the export was made at,
        # then the migrations since (an older phishbot's export); SQLite's restore is a file copy
        async with store_admin(settings, migrate=not is_postgres(settings.store_location)) as admin:
            rows = await admin.restore(source)
        return ({"database": path, "restored": source, "rows": rows},
                [t(lang, "store", "restored", source=source, path=path, rows=rows)])

    import asyncio  # here, not at the top: every command's start-up builds this module's parser
    import sqlite3

    actions = {"status": status, "migrate": migrate, "backup": backup, "restore": restore}
    try:
        obj, lines = asyncio.run(actions[args.db_command]())
    except _Said as said:
        emit(args, said.obj, "\n".join(said.lines))
        return 1
    except StoreError as exc:
        fail(t(lang, "store", exc.code, **exc.params))
        return 1
    except (OSError, sqlite3.Error) as exc:  # the SQLite store's own failures
        fail(t(lang, "store", "locked" if "locked" in str(exc) else "db_error", path=path))
        return 1
    except Exception as exc:
        if type(exc).__module__.startswith("psycopg"):  # PostgreSQL's (the driver is the store's, not imported here)
            fail(t(lang, "store", "db_error", path=path))
            return 1
        raise
    emit(args, obj, "\n".join(lines))
    return 0
