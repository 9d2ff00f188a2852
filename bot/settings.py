"""Settings: one table, read the same way by every command and by the bot.

``SETTINGS`` is the only list of settings: each row has the variable's name, how its value is read and
checked, its default and its meaning. ``read_settings`` builds the typed ``AppSettings`` from it;
``.env.example`` and the README's settings table are generated from it (``scripts/generate.py``;
``tests/test_generated.py`` fails when they are stale). Values come from the environment, then from a
``.env`` file in the current folder (the environment wins), for every command alike.

Kept free of heavy imports: ``phishbot analyze`` reads its settings on every start, and scripts
start it hundreds of times. python-dotenv (the ``.env`` parser) is imported only when there is a
``.env`` file to read.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.analysis.models import Limits
from bot.feeds.sources import SOURCES, FeedConfig, parse_feeds

IANA_RDAP_BOOTSTRAP = "https://data.iana.org/rdap/dns.json"
DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
REPORT_CHANNELS = ("phishing-reports", "フィッシング報告")
ENV_FILE = ".env"
APP_NAME = "phishbot"
DB_FILE = "phishbot.db"


class SettingsError(ValueError):
    """A setting has a value that cannot be used. ``code`` picks the sentence (locales:
    ``settings.<code>``); ``name`` and ``value`` fill it."""

    def __init__(self, name: str, value: str, code: str, **params: object) -> None:
        super().__init__(f"{name}={value!r}: {code}")
        self.name = name
        self.value = value
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}

    def sentence(self, lang: str) -> str:
        from bot.i18n import t

        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return t(lang, "settings", self.code, name=self.name, value=shown, **self.params)


# --- how values are read ------------------------------------------------------------------


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SettingsError(name, raw, "not_integer") from None
    if value <= 0:
        raise SettingsError(name, raw, "not_positive")
    return value


def _positive_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(name, raw, "not_seconds") from None
    if not value > 0 or not math.isfinite(value):
        raise SettingsError(name, raw, "not_positive")
    return value


def _bool(name: str, raw: str) -> bool:
    lowered = raw.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise SettingsError(name, raw, "not_bool")


def _lang(name: str, raw: str) -> str:
    lowered = raw.lower().replace("_", "-")
    for lang in ("ja", "en"):
        if lowered == lang or lowered.startswith(lang + "-"):
            return lang
    raise SettingsError(name, raw, "not_lang")


def parse_host_port(value: str, name: str = "WHOIS_SERVER") -> tuple[str, int]:
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingsError(name, value, "not_host_port")
    return host, int(port)


def _url(*schemes: str) -> Callable[[str, str], str]:
    def read(name: str, raw: str) -> str:
        if not raw.lower().startswith(schemes) or len(raw) <= len(schemes[0]) + 1:
            raise SettingsError(name, raw, "not_url", schemes=" / ".join(schemes))
        return raw

    return read


def _text(name: str, raw: str) -> str:  # noqa: ARG001 - every reader takes (name, raw)
    return raw


def _key(name: str, raw: str) -> str:
    if len(raw) < 16:
        raise SettingsError(name, "…", "key_too_short")
    return raw


def parse_channel_names(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n.strip().lstrip("#").lower() for n in value.split(",") if n.strip().lstrip("#")))


def _port(name: str, raw: str) -> int:
    if not raw.isdigit() or not 0 <= int(raw) < 65536:
        raise SettingsError(name, raw, "not_port")
    return int(raw)


def _host(name: str, raw: str) -> str:
    """An IP address (``0.0.0.0``, ``::``) or a host name to listen on."""
    import ipaddress

    host = raw.strip().strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if len(host) > 253 or not all(label and len(label) <= 63 and label.replace("-", "").isalnum() and label.isascii()
                                  for label in labels):
        raise SettingsError(name, raw, "not_host")
    return host


def _feeds(name: str, raw: str) -> tuple[FeedConfig, ...]:
    parsed = parse_feeds(raw)
    if isinstance(parsed, str):
        raise SettingsError(name, raw, "not_feed", item=parsed, known=", ".join(SOURCES))
    return parsed


def _channels(name: str, raw: str) -> tuple[str, ...]:
    names = parse_channel_names(raw)
    if not names:
        raise SettingsError(name, raw, "no_channels")
    return names


def _ids(name: str, raw: str) -> frozenset[int]:
    """Discord ids (servers), comma- or space-separated."""
    out: set[int] = set()
    for item in raw.replace(",", " ").split():
        if not item.isdigit() or not 0 < int(item) < 2**64:
            raise SettingsError(name, raw, "not_ids", item=item)
        out.add(int(item))
    return frozenset(out)


MAX_SHARDS = 10_000  # 25 million servers at Discord's 2,500 per shard: far past any phishbot deployment


def _digits(text: str) -> bool:
    text = text.strip()
    return text.isascii() and text.isdigit()  # "³" and "٣" are digits to str.isdigit, not to us


def parse_shard_range(name: str, raw: str) -> tuple[int, ...]:
    """``N`` or ``N-M`` (inclusive): the shards one process runs."""
    first, sep, last = raw.strip().partition("-")
    if not _digits(first) or (sep and not _digits(last)):
        raise SettingsError(name, raw, "not_shard_range")
    low, high = int(first), int(last) if sep else int(first)
    if high < low:
        raise SettingsError(name, raw, "not_shard_range")
    if high >= MAX_SHARDS:
        raise SettingsError(name, raw, "too_many_shards", most=MAX_SHARDS)
    return tuple(range(low, high + 1))


def parse_shard_count(name: str, raw: str) -> int:
    """The total number of shards: 1 to ``MAX_SHARDS``."""
    if not _digits(raw.replace("_", "")):
        raise SettingsError(name, raw, "not_integer")
    count = _positive_int(name, raw)
    if count > MAX_SHARDS:
        raise SettingsError(name, raw, "too_many_shards", most=MAX_SHARDS)
    return count


def check_shards(shards: tuple[int, ...] | None, count: int | None, name: str = "PHISHBOT_SHARDS") -> None:
    """A range of shards needs the count, and must lie inside it (shard ids run from 0 to count - 1)."""
    if shards is None:
        return
    shown = f"{shards[0]}-{shards[-1]}" if len(shards) > 1 else str(shards[0])
    if count is None:
        raise SettingsError(name, shown, "shards_without_count")
    if shards[-1] >= count:
        raise SettingsError(name, shown, "shard_outside_count", count=count, last=count - 1)


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: str | None) -> bool:
    return location is not None and location.startswith(POSTGRES_SCHEMES)


def masked_location(location: str) -> str:
    """A store's location as it may be shown or logged: an address without its password, wherever
    the address gives it (``user:pass@``, ``?password=``; libpq's own reading, through
    ``psycopg.conninfo``, so ``u:#x@h`` is a password too). An address libpq cannot read shows only
    its scheme and host."""
    if "://" not in location:
        return location
    from urllib.parse import quote, urlencode

    scheme = location.split("://", 1)[0]
    try:
        from psycopg.conninfo import conninfo_to_dict

        params = {k: str(v) for k, v in conninfo_to_dict(location).items() if v is not None}
    except Exception:  # noqa: BLE001 - anything libpq cannot read: scheme and host only
        return f"{scheme}://{_host_only(location)}"
    secret = params.pop("password", None)
    user = params.pop("user", None)
    host = params.pop("host", "")
    port = params.pop("port", None)
    dbname = params.pop("dbname", None)
    if "/" in host or "," in host:  # a socket folder or several hosts: a parameter, as libpq takes them
        params = {"host": host, **({"port": port} if port else {}), **params}
        host, port = "", None
    elif ":" in host:
        host = f"[{host}]"
    auth = quote(user or "", safe="") + (":***" if secret is not None else "")
    netloc = (f"{auth}@" if auth else "") + host + (f":{port}" if port else "")
    query = urlencode(params, quote_via=quote, safe="/") if params else ""
    return f"{scheme}://{netloc}/{quote(dbname or '', safe='')}" + (f"?{query}" if query else "")


def _host_only(location: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(location.split("#", 1)[0].split("?", 1)[0]).hostname or "***"
    except ValueError:
        return "***"


def location_secrets(location: str | None) -> tuple[str, ...]:
    """The password a store's address carries, as libpq reads it and as written (percent-encoded):
    what the log filter (``redact_secrets``) takes out of every log line."""
    if not location or "://" not in location:
        return ()
    from urllib.parse import quote

    try:
        from psycopg.conninfo import conninfo_to_dict

        secret = conninfo_to_dict(location).get("password")
    except Exception:  # noqa: BLE001 - an address libpq cannot read connects nowhere
        return ()
    if not secret:
        return ()
    return tuple(dict.fromkeys((str(secret), quote(str(secret), safe=""))))


_REDACTED: set[str] = set()


def redact_secrets(secrets: Iterable[str]) -> None:
    """Every log record of this process, from any logger and through any handler (psycopg.pool logs
    failed connections with the address it was given), with these strings replaced by ``***``."""
    import logging

    new = {s for s in secrets if len(s) >= 3}  # a one- or two-letter password would blank out words
    if not new:
        return
    first = not _REDACTED
    _REDACTED.update(new)
    if not first:
        return
    make = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a record whose arguments do not fit is left to logging
            return record
        if any(s in text for s in _REDACTED):
            for s in sorted(_REDACTED, key=len, reverse=True):
                text = text.replace(s, "***")
            record.msg, record.args = text, ()
        return record

    logging.setLogRecordFactory(factory)


def check_shared_key(settings: AppSettings, db: str | None = None, count_name: str = "PHISHBOT_SHARD_COUNT") -> None:
    """Several processes over one store must hash addresses under one key: with a shard count, or
    a PostgreSQL store (``db``: the location as given), ``ADDRESS_HASH_KEY`` must be set — without
    it each process would make a ``secret.key`` of its own, and one log would hold hashes under
    different keys. Raises ``SettingsError``."""
    if settings.address_hash_key is not None:
        return
    if settings.discord.shard_count is not None:
        raise SettingsError(count_name, str(settings.discord.shard_count), "key_for_shared_store")
    location = (db or settings.db or "").strip()
    if is_postgres(location):
        raise SettingsError("PHISHBOT_DB", location.split("://", 1)[0] + "://…", "key_for_shared_store")


def _db(name: str, raw: str) -> str:
    """A file (SQLite), absolute; or a ``postgresql://`` address, kept as given (checked here, its
    password never repeated in the error)."""
    if "://" in raw:
        if not is_postgres(raw):
            raise SettingsError(name, masked_location(raw), "not_db")
        from urllib.parse import urlsplit

        try:
            urlsplit(raw).port  # noqa: B018 - a bad port raises
        except ValueError:
            raise SettingsError(name, masked_location(raw), "not_db") from None
        return raw
    return os.path.abspath(os.path.expanduser(raw))


def default_db_path() -> str:
    """Where the database lives when ``PHISHBOT_DB`` is unset: the platform's folder for a user's
    application data (``~/.local/share/phishbot`` on Linux, ``~/Library/Application Support/phishbot``
    on macOS, ``%LOCALAPPDATA%\\phishbot`` on Windows), whatever the current folder."""
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir(APP_NAME, appauthor=False), DB_FILE)


# --- the table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    name: str  # the environment variable
    read: Callable[[str, str], Any]  # (name, raw text) -> value; raises SettingsError
    default: Any  # the value when unset or empty (None: no value)
    shown_default: str  # the default as the README and .env.example show it
    meaning: str  # one sentence or two, for the README and .env.example
    group: str  # the heading it is listed under
    secret: bool = False  # never printed
    example: str | None = None  # what .env.example writes (default: the shown default, or empty)


GENERAL = "General"
LIMITS = "Limits on what one mail may cost (beyond a limit the report says what was skipped)"
LOOKUPS = "Registration lookups (passive: only registries are asked, only about registrable domains)"
DISCORD = "Discord (phishbot run / phishbot sync)"
WEB = "Web server, threat feeds and link watch (phishbot run and phishbot serve)"

_L = Limits()

SETTINGS: tuple[Setting, ...] = (
    Setting("PHISHBOT_LANG", _lang, None, "the locale, then `en`",
            "Language of the output: `ja` or `en`. Unset: the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English.",
            GENERAL),
    Setting("PHISHBOT_DB", _db, None, "the user data folder",
            "The store (shared log, lookup cache): a file, the SQLite database, created on first use, "
            "`secret.key` and the bot's heartbeat beside it; or `postgresql://user:password@host/dbname` "
            "(PostgreSQL, shared by several processes: the database must exist, its tables are made on first "
            "use; the key and heartbeat then live in the user data folder, so set ADDRESS_HASH_KEY alike in "
            "every process). Unset: `phishbot.db` in the platform's user data folder "
            "(`~/.local/share/phishbot` on Linux); `phishbot db status` says where. A relative path is "
            "relative to the current folder; the password is never shown.",
            GENERAL),
    Setting("ADDRESS_HASH_KEY", _key, None, "a generated `secret.key`",
            "Key (16 characters or more) of the HMAC under which addresses are stored, never in clear. Unset: a "
            "random key is generated on first use as `secret.key` beside the database (mode 0600); keep it with "
            "the backups. Required, the same in every process, with `PHISHBOT_SHARD_COUNT` or a PostgreSQL store "
            "(several processes share the log: phishbot refuses to start without it).",
            GENERAL, secret=True),
    Setting("PHISHBOT_MAX_INPUT_BYTES", _positive_int, _L.max_input_bytes, str(_L.max_input_bytes),
            "Input beyond this many bytes is not read.", LIMITS),
    Setting("PHISHBOT_MAX_MIME_DEPTH", _positive_int, _L.max_depth, str(_L.max_depth),
            "MIME nesting levels read.", LIMITS),
    Setting("PHISHBOT_MAX_PARTS", _positive_int, _L.max_parts, str(_L.max_parts),
            "MIME parts read.", LIMITS),
    Setting("PHISHBOT_MAX_TEXT_CHARS", _positive_int, _L.max_text_chars, str(_L.max_text_chars),
            "Characters of decoded text read.", LIMITS),
    Setting("PHISHBOT_MAX_URLS", _positive_int, _L.max_urls, str(_L.max_urls),
            "Links kept per mail.", LIMITS),
    Setting("PHISHBOT_ANALYSIS_SECONDS", _positive_float, _L.max_seconds, f"{_L.max_seconds:g}",
            "Seconds one mail may take to read; past it, what was read by then is judged (problem `time_limit`). "
            "In the bot, a mail still running 2 s later has its worker stopped.", LIMITS),
    Setting("LOOKUPS_ENABLED", _bool, True, "true",
            "Registration lookups (RDAP, then WHOIS where a TLD has no RDAP) on or off.", LOOKUPS),
    Setting("LOOKUP_TIMEOUT", _positive_float, 4.0, "4",
            "Seconds one lookup may take.", LOOKUPS),
    Setting("LOOKUP_DEADLINE", _positive_float, 6.0, "6",
            "Seconds all the lookups of one report may take.", LOOKUPS),
    Setting("LOOKUP_CONCURRENCY", _positive_int, 20, "20",
            "Lookups at once.", LOOKUPS),
    Setting("RDAP_BASE_URL", _url("http://", "https://"), None, "–",
            "A mirror or a test registry: every TLD that has RDAP is asked at `RDAP_BASE_URL/domain/NAME`, and the "
            "IANA bootstrap is not refreshed.", LOOKUPS),
    Setting("WHOIS_SERVER", lambda name, raw: parse_host_port(raw, name), None, "–",
            "`host:port`: every WHOIS query goes there (the IANA referral step included), with the text the real "
            "server would get.", LOOKUPS),
    Setting("RDAP_BOOTSTRAP_URL", _url("http://", "https://"), IANA_RDAP_BOOTSTRAP, "IANA's `dns.json`",
            "Where the RDAP bootstrap is refreshed from (a bundled copy serves meanwhile).", LOOKUPS,
            example=IANA_RDAP_BOOTSTRAP),
    Setting("DISCORD_TOKEN", _text, None, "–",
            "The bot's token (developer portal: Bot → Reset Token). Needed by `run` and `sync` only; never logged.",
            DISCORD, secret=True),
    Setting("REPORT_CHANNELS", _channels, REPORT_CHANNELS, "`phishing-reports,フィッシング報告`",
            "Channel names watched when `/setup` chose none (comma-separated).", DISCORD,
            example=",".join(REPORT_CHANNELS)),
    Setting("ANALYSES_PER_MINUTE", _positive_int, 5, "5",
            "Analyses per member per minute in Discord (the CLI has no limit).", DISCORD),
    Setting("GUILD_LOOKUP_BUDGET", _positive_int, 300, "300",
            "Registry lookups per server per hour; past it, reports go without registration ages. In shards "
            "(`PHISHBOT_SHARD_COUNT`): per UTC clock hour (14:00-14:59), one count for all processes.", DISCORD),
    Setting("GUILD_RETENTION_DAYS", _positive_int, 30, "30",
            "Days after the bot leaves a server before its data is purged.", DISCORD),
    Setting("DISCORD_GUILD_READY_TIMEOUT", _positive_float, 2.0, "2",
            "Seconds discord.py waits for the servers' data at start-up.", DISCORD),
    Setting("DISCORD_REPLY_WAIT", _positive_float, 2.0, "2",
            "Seconds a reply waits for the registries; later answers (up to `LOOKUP_DEADLINE`) update it by an "
            "edit.", DISCORD),
    Setting("ANALYSIS_WORKERS", _positive_int, 2, "2",
            "Worker processes that read mail for the bot: one member's slow or hostile mail holds up nobody "
            "else's answer.", DISCORD),
    Setting("DISCORD_API_BASE", _url("http://", "https://"), DISCORD_API_BASE, f"`{DISCORD_API_BASE}`",
            "REST base with the version: a Discord-compatible server (the tests' fake).", DISCORD,
            example=DISCORD_API_BASE),
    Setting("DISCORD_GATEWAY_URL", _url("ws://", "wss://"), DISCORD_GATEWAY_URL, f"`{DISCORD_GATEWAY_URL}`",
            "The gateway, likewise.", DISCORD, example=DISCORD_GATEWAY_URL),
    Setting("PHISHBOT_SHARDS", parse_shard_range, None, "all of `PHISHBOT_SHARD_COUNT`",
            "The shards this process runs, `N` or `N-M` (`phishbot run --shards`): several processes, each with its own "
            "range of one `PHISHBOT_SHARD_COUNT`, share the guilds (README: Scaling out).", DISCORD),
    Setting("PHISHBOT_SHARD_COUNT", parse_shard_count, None, "– (one process, no sharding)",
            "The total number of shards over all processes (`phishbot run --shard-count`); Discord wants one per 2,500 "
            "servers at most. Unset: one process holds every server, as discord.py connects by default.", DISCORD),
    Setting("LEADER_LEASE_SECONDS", _positive_float, 60.0, "60",
            "Work done once for all processes runs in the holder of a lease in the database (`leader`: the purges, "
            "held by `phishbot run` processes only; `feeds`: scheduled feed fetches); when the holder dies, another "
            "process takes over within this many seconds and a third of it. Also the length of each process's "
            "`shard:N/C` leases.", DISCORD),
    Setting("NETWORK_REFRESH_SECONDS", _positive_float, 300.0, "300",
            "Seconds between two reloads of what other servers publish (with several processes: how soon a server "
            "served by one process sees what another process's servers publish).", DISCORD),
    Setting("LINK_WATCH_REPLIES_PER_MINUTE", _positive_int, 5, "5",
            "Link watch: warnings per channel per minute (beyond them, known-bad links are still hidden or deleted when "
            "the server chose so, without a reply).", DISCORD),
    Setting("WEB_ENABLED", _bool, True, "true",
            "The web server (health, metrics, blocklist feeds, campaign pages) in the bot's process; `phishbot serve` "
            "runs it alone.", WEB),
    Setting("WEB_HOST", _host, "127.0.0.1", "`127.0.0.1`",
            "Address the web server listens on (`0.0.0.0` in a container, behind a reverse proxy).", WEB,
            example="127.0.0.1"),
    Setting("WEB_PORT", _port, 8080, "8080", "Port the web server listens on (`0`: any free port; the log says which).",
            WEB),
    Setting("WEB_PUBLIC_URL", _url("http://", "https://"), None, "`http://WEB_HOST:WEB_PORT`",
            "The address people reach the web server at (`https://phishbot.example.jp` behind a reverse proxy): feed "
            "and page links given by `/setup` and `phishbot feeds token` start with it.", WEB),
    Setting("WEB_FEED_REQUESTS_PER_MINUTE", _positive_int, 30, "30",
            "Requests per minute one feed or page token may make; past it, `429 Too Many Requests`.", WEB),
    Setting("WEB_REQUEST_TIMEOUT", _positive_float, 10.0, "10",
            "Seconds a client has to send a request's headers whole (a client sending them a byte at a time is "
            "dropped); an idle connection is closed after as long.", WEB),
    Setting("WEB_MAX_CONNECTIONS", _positive_int, 200, "200",
            "Connections the web server keeps open at once; more are answered `503` and closed.", WEB),
    Setting("FEEDS", _feeds, (), "–",
            "Threat feeds fetched on a schedule, comma-separated: `jpcert`, `openphish`, `phishtank`, `urlhaus`, each "
            "optionally `=URL` (a mirror, or PhishTank's download URL with your key). Only these URLs are ever fetched.",
            WEB),
    Setting("FEEDS_INTERVAL", _positive_float, 21600.0, "21600",
            "Seconds between two fetches of the feeds (conditional requests: an unchanged feed costs one small answer).",
            WEB),
    Setting("FEED_TIMEOUT", _positive_float, 60.0, "60", "Seconds one feed download may take.", WEB),
    Setting("FEED_MAX_BYTES", _positive_int, 64 * 1024 * 1024, str(64 * 1024 * 1024),
            "A feed larger than this many bytes (once decompressed) is refused.", WEB),
    Setting("FEED_LISTING_DAYS", _positive_int, 365, "365",
            "Days a feed's listing stays current after the feed last listed it: current listings feed link watch, the "
            "blocklist feeds and a `listed_link` finding's full weight; older ones are still shown, with their date.",
            WEB),
    Setting("NETWORK_MIN_SERVERS", _positive_int, 2, "2",
            "Sharing between servers: a domain other servers publish counts for a server (its blocklist feed, link "
            "watch, `/domain`) only when at least this many *other* servers publish it; one server alone can put "
            "nothing on everyone's list.", WEB),
    Setting("NETWORK_IGNORED_SERVERS", _ids, frozenset(), "–",
            "Sharing between servers: ids of servers whose published entries are dropped (comma-separated), for an "
            "operator who no longer trusts one.", WEB),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def _default(name: str) -> Any:
    return BY_NAME[name].default


# --- the typed settings -------------------------------------------------------------------


@dataclass(frozen=True)
class LookupSettings:
    enabled: bool = _default("LOOKUPS_ENABLED")
    timeout: float = _default("LOOKUP_TIMEOUT")  # seconds per lookup
    deadline: float = _default("LOOKUP_DEADLINE")  # seconds for all the lookups of one report
    concurrency: int = _default("LOOKUP_CONCURRENCY")
    rdap_base_url: str | None = None  # a mirror or a test registry: every RDAP TLD is asked there
    whois_server: tuple[str, int] | None = None  # every WHOIS query goes there, referrals included
    rdap_bootstrap_url: str = _default("RDAP_BOOTSTRAP_URL")


@dataclass(frozen=True)
class DiscordSettings:
    token: str | None = field(default=None, repr=False)  # never printed, never logged
    api_base: str = _default("DISCORD_API_BASE")
    gateway_url: str = _default("DISCORD_GATEWAY_URL")
    report_channels: tuple[str, ...] = _default("REPORT_CHANNELS")
    analyses_per_minute: int = _default("ANALYSES_PER_MINUTE")
    guild_lookup_budget: int = _default("GUILD_LOOKUP_BUDGET")
    guild_retention_days: int = _default("GUILD_RETENTION_DAYS")
    guild_ready_timeout: float = _default("DISCORD_GUILD_READY_TIMEOUT")
    reply_wait: float = _default("DISCORD_REPLY_WAIT")
    analysis_workers: int = _default("ANALYSIS_WORKERS")  # processes that read mail (never the event loop)
    link_watch_replies_per_minute: int = _default("LINK_WATCH_REPLIES_PER_MINUTE")
    shards: tuple[int, ...] | None = None  # this process's shards; None: all of shard_count
    shard_count: int | None = None  # None: no sharding (discord.py's plain Bot, one connection)
    leader_lease: float = _default("LEADER_LEASE_SECONDS")
    network_refresh: float = _default("NETWORK_REFRESH_SECONDS")

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @property
    def shard_ids(self) -> tuple[int, ...] | None:
        """The shards this process connects (None: unsharded)."""
        if self.shard_count is None:
            return None
        return self.shards if self.shards is not None else tuple(range(self.shard_count))


@dataclass(frozen=True)
class WebSettings:
    enabled: bool = _default("WEB_ENABLED")
    host: str = _default("WEB_HOST")
    port: int = _default("WEB_PORT")
    public_url: str | None = None  # None: http://host:port
    feed_requests_per_minute: int = _default("WEB_FEED_REQUESTS_PER_MINUTE")
    request_timeout: float = _default("WEB_REQUEST_TIMEOUT")  # seconds for a request's head; idle connections
    max_connections: int = _default("WEB_MAX_CONNECTIONS")

    @property
    def base_url(self) -> str:
        """Where people reach the server: WEB_PUBLIC_URL, else the address it listens on."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


@dataclass(frozen=True)
class FeedSettings:
    sources: tuple[FeedConfig, ...] = ()  # FEEDS: fetched on a schedule
    interval: float = _default("FEEDS_INTERVAL")
    timeout: float = _default("FEED_TIMEOUT")
    max_bytes: int = _default("FEED_MAX_BYTES")
    listing_days: int = _default("FEED_LISTING_DAYS")


@dataclass(frozen=True)
class NetworkSettings:
    min_servers: int = _default("NETWORK_MIN_SERVERS")  # other servers that must publish a domain
    ignored: frozenset[int] = _default("NETWORK_IGNORED_SERVERS")  # servers whose entries are dropped


@dataclass(frozen=True)
class AppSettings:
    lang: str | None = None
    limits: Limits = field(default_factory=Limits)
    # PHISHBOT_DB or --db: an absolute path or a postgresql:// address (never printed: it may hold a
    # password); None: the default file (see db_path)
    db: str | None = field(default=None, repr=False)
    lookups: LookupSettings = field(default_factory=LookupSettings)
    address_hash_key: str | None = field(default=None, repr=False)  # never printed
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    web: WebSettings = field(default_factory=WebSettings)
    feeds: FeedSettings = field(default_factory=FeedSettings)
    network: NetworkSettings = field(default_factory=NetworkSettings)

    @property
    def db_path(self) -> str:
        """The SQLite database file, or with PostgreSQL the default file's place (its folder keeps
        the key file and the heartbeat). The default is worked out only when a command needs it
        (platformdirs costs ~13 ms to import, which ``phishbot analyze --no-lookups`` does not pay)."""
        if self.db is not None and not is_postgres(self.db):
            return self.db
        return default_db_path()

    @property
    def db_url(self) -> str | None:
        """The PostgreSQL address when the store is PostgreSQL (it holds the password: never show it)."""
        return self.db if is_postgres(self.db) else None

    @property
    def store_location(self) -> str:
        """What opens the store: the PostgreSQL address, or the SQLite file."""
        return self.db_url or self.db_path

    @property
    def db_shown(self) -> str:
        """The store as messages name it: the file, or the address without its password."""
        return masked_location(self.store_location)

    @property
    def db_from_default(self) -> bool:
        return self.db is None


# --- reading ------------------------------------------------------------------------------


def environment(env: Mapping[str, str] | None = None, env_file: str | None = ENV_FILE) -> dict[str, str]:
    """The variables every command reads: the ``.env`` file's (when there is one), then the
    environment's over them."""
    merged: dict[str, str] = {}
    if env_file and os.path.isfile(env_file):
        from dotenv import dotenv_values

        # interpolate=False: a value is taken as written — python-dotenv would otherwise expand ``$VAR`` and
        # ``${VAR}`` inside it, silently changing a token, a key or a URL that holds a ``$``
        merged.update({k: v for k, v in dotenv_values(env_file, interpolate=False).items() if v is not None})
    merged.update(os.environ if env is None else env)
    return merged


def _value(env: Mapping[str, str], name: str) -> Any:
    setting = BY_NAME[name]
    raw = (env.get(name) or "").strip()
    if not raw:
        return setting.default
    return setting.read(name, raw)


def read_settings(env: Mapping[str, str] | None = None, env_file: str | None = ENV_FILE) -> AppSettings:
    """Every setting, read and checked; the first bad one raises ``SettingsError``."""
    merged = environment(env, env_file)
    values = {s.name: _value(merged, s.name) for s in SETTINGS}
    # PHISHBOT_SHARDS against PHISHBOT_SHARD_COUNT: checked where the flags may replace either
    # (``phishbot run``/``health``: bot.cli.processes.with_shards), not here
    return AppSettings(
        lang=values["PHISHBOT_LANG"],
        limits=Limits(
            max_input_bytes=values["PHISHBOT_MAX_INPUT_BYTES"],
            max_depth=values["PHISHBOT_MAX_MIME_DEPTH"],
            max_parts=values["PHISHBOT_MAX_PARTS"],
            max_text_chars=values["PHISHBOT_MAX_TEXT_CHARS"],
            max_urls=values["PHISHBOT_MAX_URLS"],
            max_seconds=values["PHISHBOT_ANALYSIS_SECONDS"],
        ),
        db=values["PHISHBOT_DB"],
        lookups=LookupSettings(
            enabled=values["LOOKUPS_ENABLED"],
            timeout=values["LOOKUP_TIMEOUT"],
            deadline=values["LOOKUP_DEADLINE"],
            concurrency=values["LOOKUP_CONCURRENCY"],
            rdap_base_url=values["RDAP_BASE_URL"],
            whois_server=values["WHOIS_SERVER"],
            rdap_bootstrap_url=values["RDAP_BOOTSTRAP_URL"],
        ),
        address_hash_key=values["ADDRESS_HASH_KEY"],
        discord=DiscordSettings(
            token=values["DISCORD_TOKEN"],
            api_base=values["DISCORD_API_BASE"].rstrip("/"),
            gateway_url=values["DISCORD_GATEWAY_URL"],
            report_channels=values["REPORT_CHANNELS"],
            analyses_per_minute=values["ANALYSES_PER_MINUTE"],
            guild_lookup_budget=values["GUILD_LOOKUP_BUDGET"],
            guild_retention_days=values["GUILD_RETENTION_DAYS"],
            guild_ready_timeout=values["DISCORD_GUILD_READY_TIMEOUT"],
            reply_wait=values["DISCORD_REPLY_WAIT"],
            analysis_workers=values["ANALYSIS_WORKERS"],
            link_watch_replies_per_minute=values["LINK_WATCH_REPLIES_PER_MINUTE"],
            shards=values["PHISHBOT_SHARDS"],
            shard_count=values["PHISHBOT_SHARD_COUNT"],
            leader_lease=values["LEADER_LEASE_SECONDS"],
            network_refresh=values["NETWORK_REFRESH_SECONDS"],
        ),
        web=WebSettings(
            enabled=values["WEB_ENABLED"],
            host=values["WEB_HOST"],
            port=values["WEB_PORT"],
            public_url=values["WEB_PUBLIC_URL"],
            feed_requests_per_minute=values["WEB_FEED_REQUESTS_PER_MINUTE"],
            request_timeout=values["WEB_REQUEST_TIMEOUT"],
            max_connections=values["WEB_MAX_CONNECTIONS"],
        ),
        feeds=FeedSettings(
            sources=values["FEEDS"],
            interval=values["FEEDS_INTERVAL"],
            timeout=values["FEED_TIMEOUT"],
            max_bytes=values["FEED_MAX_BYTES"],
            listing_days=values["FEED_LISTING_DAYS"],
        ),
        network=NetworkSettings(min_servers=values["NETWORK_MIN_SERVERS"], ignored=values["NETWORK_IGNORED_SERVERS"]),
    )


def heartbeat_path(settings: AppSettings) -> str:
    """The file the running bot touches while connected (the container's health check): one per
    process, so a process running shards 0-3 has its own (``phishbot.shards-0-3.alive``) beside
    another's over the same database."""
    shards = settings.discord.shard_ids
    name = "phishbot.alive" if shards is None else f"phishbot.shards-{shards[0]}-{shards[-1]}.alive"
    return os.path.join(os.path.dirname(os.path.abspath(settings.db_path)), name)


# --- the documents generated from the table (scripts/generate.py) -------------------------


def env_example() -> str:
    out = ["# phishbot settings. Copy to .env (or export them); every one is optional.",
           "# Generated from bot/settings.py by scripts/generate.py: edit the table there, not this file.",
           "# The environment wins over .env; every phishbot command reads both the same way."]
    group = None
    for s in SETTINGS:
        if s.group != group:
            group = s.group
            out += ["", f"# --- {group} ---"]
        out.append("")
        out += [f"# {line}" for line in _wrap(s.meaning.replace("`", ""), 96)]
        value = s.example if s.example is not None else ("" if s.default is None or s.secret else s.shown_default)
        out.append(f"{s.name}={value}")
    return "\n".join(out) + "\n"


def readme_table() -> str:
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    rows += [f"| `{s.name}` | {s.shown_default} | {s.meaning} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines
