"""The key of the address HMAC: ``ADDRESS_HASH_KEY``, or ``secret.key`` created beside the database
on first use (mode 0600). Losing it only means old registrations no longer match new reports."""

from __future__ import annotations

import os
import secrets

KEY_FILE = "secret.key"


def address_hash_key(db_path: str, configured: str | None) -> bytes:
    if configured:
        return configured.encode("utf-8")
    folder = os.path.dirname(os.path.abspath(db_path))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, KEY_FILE)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        with open(path, "rb") as fh:
            key = fh.read().strip()
        if len(key) < 32:
            raise RuntimeError(f"{path} is too short to be a key") from None
        return key
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    return key
