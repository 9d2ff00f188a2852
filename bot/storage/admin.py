"""The SQLite store for its operators (the ``StoreAdmin`` port: its contract is in
``bot/services/ports/admin.py``): where the file is, its schema version and integrity, migrating,
and an online backup with SQLite's backup API."""

from __future__ import annotations

import asyncio
import os
import shutil

from bot.services.errors import StoreError
from bot.services.ports.admin import BackedUp, Migrated, StoreStatus
from bot.storage.database import LATEST, Database


class SQLiteAdmin:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def location(self) -> str:
        return self.db.path

    @property
    def damaged(self) -> str | None:
        return self.db.damaged

    async def healthy(self) -> bool:
        async with self.db.read() as conn, conn.execute("SELECT 1") as cur:
            return await cur.fetchone() is not None

    async def status(self) -> StoreStatus:
        version = await self.db.version()
        problem = await self.db.integrity()
        size = await asyncio.to_thread(os.path.getsize, self.db.path)
        return StoreStatus(location=self.db.path, version=version, latest=LATEST, integrity=problem, size_bytes=size)

    async def migrate(self) -> Migrated:
        applied = await self.db.migrate()
        return Migrated(location=self.db.path, applied=tuple(applied), version=await self.db.version())

    async def backup(self, target: str, key_file: str | None) -> BackedUp:
        target = await asyncio.to_thread(_new_private_file, target)
        dest = await Database.open(target, migrate=False, check=False)
        try:
            await self.db.conn.backup(dest.conn)  # SQLite's online backup: consistent while in use
        finally:
            await dest.close()
        copied = await asyncio.to_thread(_copy_key, key_file, target) if key_file is not None else None
        return BackedUp(location=self.db.path, target=target, version=await self.db.version(), address_key=copied)

    async def restore(self, source: str) -> int:  # noqa: ARG002 - the port's signature
        """An SQLite backup is a whole database file: it is copied in place while phishbot is stopped."""
        raise StoreError("restore_sqlite", path=self.db.path)


def _new_private_file(target: str) -> str:
    """The backup's file, new and readable by its owner only (like the database); its absolute path."""
    target = os.path.abspath(target)
    if os.path.exists(target):
        raise StoreError("backup_exists", path=target)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    return target


def _copy_key(key_file: str, target: str) -> str | None:
    """The address key beside the backup (``TARGET.secret.key``, mode 0600), when there is a key file."""
    if not os.path.isfile(key_file):
        return None
    copied = target + "." + os.path.basename(key_file)
    shutil.copyfile(key_file, copied)
    os.chmod(copied, 0o600)
    return copied
