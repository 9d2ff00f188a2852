"""Shared fixtures: paths to the acceptance mails and a small builder of RFC 5322 test mails.

Test mails use reserved names only (example.jp, example.com, 192.0.2.0/24, 198.51.100.0/24,
203.0.113.0/24).
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = SHARED / "cases"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"
NOW = datetime(2021, 1, 25, tzinfo=UTC)


def need_shared() -> None:
    """Skip when ../shared is absent (a bare clone); CI has it, and there its absence is a failure."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI expects the shared corpus beside the checkout at {SHARED}")
        pytest.skip("../shared is not beside this checkout")


_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else None
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and not host.startswith("127."):
        raise OSError(f"test tried to reach {host}: no test may leave this machine")
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_network_past_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection from the test process to an address off this machine fails loudly."""
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    monkeypatch.setenv("LOOKUPS_ENABLED", "false")
    monkeypatch.setenv("WEB_PORT", "0")  # a bot or `serve` a test starts takes a free port, never a fixed one


@pytest.fixture(autouse=True)
def _own_user_folders(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The default database (the user data folder) is the test's own, never the developer's; so is
    the folder the CLI tests run in (a ``.env`` there would be read)."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    for name in [n for n in os.environ if n.startswith("PHISHBOT_")]:
        monkeypatch.delenv(name)


# --- one suite, two stores ------------------------------------------------------------------------
# ``store_place`` is a fresh store's location, once as an SQLite file and once as a schema of its own
# in a real PostgreSQL: a throwaway cluster each test session (each xdist worker) starts for itself
# (``tests/pgcluster.py``), or the server ``PHISHBOT_TEST_POSTGRES`` (or a ``postgresql://``
# ``PHISHBOT_DB``) names. Without PostgreSQL the PostgreSQL half skips with the reason; under CI
# (``CI`` set) it fails instead: CI runs every test on both stores.

_GIVEN_POSTGRES = os.environ.get("PHISHBOT_TEST_POSTGRES") or (
    os.environ["PHISHBOT_DB"] if os.environ.get("PHISHBOT_DB", "").startswith(("postgresql://", "postgres://"))
    else None)
STORES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server's address (its database ``postgres``), for this session (worker)."""
    if _GIVEN_POSTGRES:
        yield _GIVEN_POSTGRES
        return
    from tests.pgcluster import server_bin, throwaway_cluster

    if server_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs every store test on PostgreSQL too: install postgresql (initdb, postgres)")
        pytest.skip("PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin)")
    try:
        with throwaway_cluster() as url:
            yield url
    except (OSError, RuntimeError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start: {exc}")


def schema_url(server: str, schema: str) -> str:
    """``server`` with every session's search_path set to ``schema``."""
    parts = urlsplit(server)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-c search_path={schema}"))
    return parts._replace(query=urlencode(query, quote_via=quote)).geturl()


@contextlib.contextmanager
def fresh_schema(server: str) -> Iterator[str]:
    """A new, empty schema in the server, dropped at the end; yields its address."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # a generated name
    try:
        yield schema_url(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=STORES)
def store_place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a fresh store is: an SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with fresh_schema(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def corpus() -> Path:
    need_shared()
    return CORPUS


def make_mail(
    *,
    from_: str = "Example Shop <news@shop.example.com>",
    to: str = "taro.yamada@example.jp",
    subject: str = "Hello",
    body: str = "Hello.",
    html: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    auth: str | None = "mx.example.jp; spf=pass smtp.mailfrom=shop.example.com; dkim=pass header.d=shop.example.com; dmarc=pass header.from=shop.example.com",
    return_path: str | None = "<bounce@shop.example.com>",
    charset: str = "utf-8",
) -> bytes:
    lines: list[str] = []
    if return_path:
        lines.append(f"Return-Path: {return_path}")
    lines.append(
        "Received: from mail.shop.example.com (mail.shop.example.com [203.0.113.5])\n"
        "\tby mx.example.jp (Postfix) with ESMTPS id ABC\n\tfor <taro.yamada@example.jp>; Sun, 24 Jan 2021 19:02:11 +0900"
    )
    if auth:
        lines.append(f"Authentication-Results: {auth}")
    for name, value in headers or []:
        lines.append(f"{name}: {value}")
    lines += [f"From: {from_}", f"To: {to}", f"Subject: {subject}", "Date: Sun, 24 Jan 2021 19:02:05 +0900",
              "Message-ID: <test@shop.example.com>", "MIME-Version: 1.0"]
    if html is None:
        lines.append(f'Content-Type: text/plain; charset="{charset}"')
        payload = body
    else:
        lines.append(f'Content-Type: text/html; charset="{charset}"')
        payload = html
    head = "\n".join(lines).encode("utf-8")
    return head + b"\n\n" + payload.encode(charset)
