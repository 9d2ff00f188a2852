"""The SQLite store for its operators (the ``StoreAdmin`` port: its contract is in
``bot/services/ports/admin.py``): where the file is, its schema version and integrity, migrating,
and an online backup with SQLite's backup API."""

from __future__ import annotations

import asyncio
import errno
import os
import stat

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
        if key_file is not None:  # before any work
            await asyncio.to_thread(_refuse_existing, _key_copy_path(key_file, await asyncio.to_thread(os.path.abspath,
                                                                                                    target)))
        fd, target = await asyncio.to_thread(_new_private_file, target)
        try:
            dest = await Database.open(target, migrate=False, check=False)
            try:
                await asyncio.to_thread(_still_ours, fd, target)  # nothing swapped in between create and open
                await self.db.conn.backup(dest.conn)  # SQLite's online backup: consistent while in use
            finally:
                await dest.close()
        finally:
            os.close(fd)
        copied = await asyncio.to_thread(_copy_key, key_file, target) if key_file is not None else None
        return BackedUp(location=self.db.path, target=target, version=await self.db.version(), address_key=copied)

    async def restore(self, source: str) -> int:  # noqa: ARG002 - the port's signature
        """An SQLite backup is a whole database file: it is copied in place while phishbot is stopped."""
        raise StoreError("restore_sqlite", path=self.db.path)


# Files a backup creates are new, the owner's only, and never reached through a link: O_CREAT|O_EXCL
# refuses any name that exists (a dangling symlink included), O_NOFOLLOW refuses a symlink however it
# got there, and the mode is 0600 from the first byte (no chmod after a write, no window).
_NEW_PRIVATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _refuse_existing(path: str) -> None:
    if os.path.lexists(path):
        raise StoreError("backup_exists", path=path)


def _create_private(path: str) -> int:
    try:
        return os.open(path, _NEW_PRIVATE, 0o600)
    except FileExistsError:
        raise StoreError("backup_exists", path=path) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symlink
            raise StoreError("backup_exists", path=path) from None
        raise


def _new_private_file(target: str) -> tuple[int, str]:
    """The backup's file, new and readable by its owner only (like the database), kept open (so that
    ``_still_ours`` can tell it is the file SQLite then opened by name); (fd, absolute path)."""
    target = os.path.abspath(target)
    _refuse_existing(target)
    return _create_private(target), target


def _still_ours(fd: int, target: str) -> None:
    mine, now = os.fstat(fd), os.lstat(target)
    if stat.S_ISLNK(now.st_mode) or (mine.st_dev, mine.st_ino) != (now.st_dev, now.st_ino):
        raise StoreError("backup_exists", path=target)


def _key_copy_path(key_file: str, target: str) -> str:
    return target + "." + os.path.basename(key_file)


def _copy_key(key_file: str, target: str) -> str | None:
    """The address key beside the backup (``TARGET.secret.key``), created 0600 with O_EXCL|O_NOFOLLOW
    (a symlink planted at that name is refused, never written through), when there is a key file."""
    if not os.path.isfile(key_file):
        return None
    with open(key_file, "rb") as fh:
        key = fh.read()
    copied = _key_copy_path(key_file, target)
    fd = _create_private(copied)
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return copied
