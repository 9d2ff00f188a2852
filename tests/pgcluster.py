"""A throwaway PostgreSQL cluster for the tests and the benchmarks: ``initdb`` into a new temporary
folder, ``postgres`` listening on a Unix socket in that folder only (no TCP port), stopped and
removed at the end. The server programs come from ``PATH`` or ``/usr/lib/postgresql/*/bin``.

``initdb`` refuses to run as root: as uid 0 the cluster runs as ``nobody`` (its folder is handed
to that user), and the tests connect through the socket as the cluster's superuser ``postgres``
(``trust`` on the socket only: nothing but this machine's processes can reach it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from urllib.parse import quote

SERVER_PROGRAMS = ("initdb", "postgres", "pg_ctl")


def server_bin() -> str | None:
    """The folder of PostgreSQL's server programs, or None when they are not installed."""
    found = shutil.which("initdb")
    if found and shutil.which("postgres"):
        return os.path.dirname(os.path.realpath(found))
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        if all(os.access(os.path.join(folder, p), os.X_OK) for p in SERVER_PROGRAMS):
            return folder
    return None


def _version_key(folder: str) -> tuple[int, ...]:
    name = os.path.basename(os.path.dirname(folder))
    return tuple(int(p) for p in name.split(".") if p.isdigit())


def _as_user() -> tuple[list[str], int | None, int | None]:
    """(command prefix, uid, gid) to run the server as: ourselves, or ``nobody`` when we are root."""
    if os.geteuid() != 0:
        return [], None, None
    nobody = pwd.getpwnam("nobody")
    return [], nobody.pw_uid, nobody.pw_gid


@contextlib.contextmanager
def throwaway_cluster(*, settings: dict[str, str] | None = None, timeout: float = 60.0) -> Iterator[str]:
    """Start a new cluster; yields its ``postgresql://`` address (database ``postgres``)."""
    folder = server_bin()
    if folder is None:
        raise FileNotFoundError("PostgreSQL's server programs (initdb, postgres) are not installed")
    _, uid, gid = _as_user()
    base = tempfile.mkdtemp(prefix="phishbot-pg-")
    data = os.path.join(base, "data")
    os.chmod(base, 0o700)
    if uid is not None and gid is not None:
        os.chown(base, uid, gid)

    def demote() -> None:  # in the child, before exec: the server never runs as root
        if uid is not None and gid is not None:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}
    proc: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [os.path.join(folder, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--no-sync", "--locale=C.UTF-8"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=demote, env=env, cwd=base,
        )
        options = {"listen_addresses": "", "unix_socket_directories": base, "fsync": "off",
                   "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "200",
                   "shared_buffers": "64MB", "log_min_messages": "warning", "timezone": "UTC"}
        options.update(settings or {})
        args = [os.path.join(folder, "postgres"), "-D", data]
        for name, value in options.items():
            args += ["-c", f"{name}={value}"]
        log = open(os.path.join(base, "server.log"), "wb")  # noqa: SIM115 - closed with the server
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, preexec_fn=demote,  # noqa: PLW1509
                                env=env, cwd=base)
        log.close()
        socket = os.path.join(base, ".s.PGSQL.5432")
        deadline = time.monotonic() + timeout
        while not os.path.exists(socket):
            if proc.poll() is not None or time.monotonic() > deadline:
                with open(os.path.join(base, "server.log"), encoding="utf-8", errors="replace") as fh:
                    raise RuntimeError("PostgreSQL did not start: " + fh.read()[-2000:])
            time.sleep(0.05)
        _wait_ready(base, deadline)
        yield f"postgresql://postgres@/postgres?host={quote(base, safe='')}"
    finally:
        if proc is not None:
            proc.terminate()  # SIGTERM: a smart shutdown; then fast if it lingers
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(base, ignore_errors=True)


def _wait_ready(host: str, deadline: float) -> None:
    import psycopg

    while True:
        try:
            with psycopg.connect(host=host, user="postgres", dbname="postgres", connect_timeout=5):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
