"""Settings, from the environment (``run`` and ``sync`` also read ``.env``): built once in main, passed down.

Two readers share one table of names and defaults. ``Settings`` (pydantic-settings, in
``bot/settings_model.py``) is for the long-running bot; ``read_settings`` reads the same variables
without importing pydantic, because ``phishbot analyze`` is started hundreds of times by scripts
and pydantic alone costs ~0.35 s of start-up (docs/BENCHMARKS.md). tests/test_settings.py keeps
the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.analysis.models import Limits

if TYPE_CHECKING:
    from bot.settings_model import Settings

IANA_RDAP_BOOTSTRAP = "https://data.iana.org/rdap/dns.json"
DEFAULT_DB = os.path.join("data", "phishbot.db")

# environment variable -> Limits field
LIMIT_VARIABLES = {
    "PHISHBOT_MAX_INPUT_BYTES": "max_input_bytes",
    "PHISHBOT_MAX_MIME_DEPTH": "max_depth",
    "PHISHBOT_MAX_PARTS": "max_parts",
    "PHISHBOT_MAX_TEXT_CHARS": "max_text_chars",
    "PHISHBOT_MAX_URLS": "max_urls",
}


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message names it."""


@dataclass(frozen=True)
class LookupSettings:
    enabled: bool = True
    timeout: float = 4.0  # seconds per lookup
    deadline: float = 6.0  # seconds for all the lookups of one report
    concurrency: int = 20
    rdap_base_url: str | None = None  # a mirror or a test registry: every RDAP TLD is asked there
    whois_server: tuple[str, int] | None = None  # every WHOIS query goes there, referrals included
    rdap_bootstrap_url: str = IANA_RDAP_BOOTSTRAP


DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
REPORT_CHANNELS = ("phishing-reports", "フィッシング報告")


@dataclass(frozen=True)
class DiscordSettings:
    token: str | None = field(default=None, repr=False)  # never printed, never logged
    api_base: str = DISCORD_API_BASE  # REST base with the version: a Discord-compatible server for tests
    gateway_url: str = DISCORD_GATEWAY_URL
    report_channels: tuple[str, ...] = REPORT_CHANNELS  # channel names watched when /setup chose none
    analyses_per_minute: int = 5  # per member; the CLI has no limit
    guild_lookup_budget: int = 300  # registry lookups per guild per hour; past it, reports go without
    guild_retention_days: int = 30  # a guild's data is purged this long after the bot left it
    guild_ready_timeout: float = 2.0  # seconds discord.py waits for guilds at start
    reply_wait: float = 2.0  # seconds a reply waits for registries; slower answers come as an edit
    analysis_workers: int = 2  # worker processes that read mail (never the event loop)


@dataclass(frozen=True)
class AppSettings:
    lang: str | None = None
    limits: Limits = field(default_factory=Limits)
    db_path: str = DEFAULT_DB
    lookups: LookupSettings = field(default_factory=LookupSettings)
    address_hash_key: str | None = field(default=None, repr=False)  # never printed
    discord: DiscordSettings = field(default_factory=DiscordSettings)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: a whole number is needed") from None
    if value <= 0:
        raise SettingsError(f"{name}={raw!r}: must be greater than 0")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: a number of seconds is needed") from None
    if not value > 0 or value == float("inf"):
        raise SettingsError(f"{name}={raw!r}: must be greater than 0")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={raw!r}: true or false is needed")


def parse_host_port(value: str, name: str = "WHOIS_SERVER") -> tuple[str, int]:
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingsError(f"{name}={value!r}: host:port is needed")
    return host, int(port)


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...] = ("http://", "https://")) -> str | None:
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    if not raw.startswith(schemes):
        raise SettingsError(f"{name}={raw!r}: an {' or '.join(schemes)} URL is needed")
    return raw


def parse_channel_names(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip().lstrip("#").lower() for n in value.split(",") if n.strip().lstrip("#")))
    return names


def read_discord(env: Mapping[str, str]) -> DiscordSettings:
    channels = env.get("REPORT_CHANNELS")
    return DiscordSettings(
        token=(env.get("DISCORD_TOKEN") or "").strip() or None,
        api_base=(_url(env, "DISCORD_API_BASE") or DISCORD_API_BASE).rstrip("/"),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("ws://", "wss://")) or DISCORD_GATEWAY_URL,
        report_channels=parse_channel_names(channels) if channels is not None and channels.strip() else REPORT_CHANNELS,
        analyses_per_minute=_int(env, "ANALYSES_PER_MINUTE", DiscordSettings.analyses_per_minute),
        guild_lookup_budget=_int(env, "GUILD_LOOKUP_BUDGET", DiscordSettings.guild_lookup_budget),
        guild_retention_days=_int(env, "GUILD_RETENTION_DAYS", DiscordSettings.guild_retention_days),
        guild_ready_timeout=_float(env, "DISCORD_GUILD_READY_TIMEOUT", DiscordSettings.guild_ready_timeout),
        reply_wait=_float(env, "DISCORD_REPLY_WAIT", DiscordSettings.reply_wait),
        analysis_workers=_int(env, "ANALYSIS_WORKERS", DiscordSettings.analysis_workers),
    )


def read_settings(env: Mapping[str, str] | None = None) -> AppSettings:
    env = os.environ if env is None else env
    defaults = Limits()
    limits = Limits(**{field_name: _int(env, var, getattr(defaults, field_name)) for var, field_name in LIMIT_VARIABLES.items()},
                    max_seconds=_float(env, "PHISHBOT_ANALYSIS_SECONDS", defaults.max_seconds))
    whois = (env.get("WHOIS_SERVER") or "").strip()
    lookups = LookupSettings(
        enabled=_bool(env, "LOOKUPS_ENABLED", True),
        timeout=_float(env, "LOOKUP_TIMEOUT", LookupSettings.timeout),
        deadline=_float(env, "LOOKUP_DEADLINE", LookupSettings.deadline),
        concurrency=_int(env, "LOOKUP_CONCURRENCY", LookupSettings.concurrency),
        rdap_base_url=_url(env, "RDAP_BASE_URL"),
        whois_server=parse_host_port(whois) if whois else None,
        rdap_bootstrap_url=_url(env, "RDAP_BOOTSTRAP_URL") or IANA_RDAP_BOOTSTRAP,
    )
    return AppSettings(
        lang=(env.get("PHISHBOT_LANG") or "").strip() or None,
        limits=limits,
        db_path=(env.get("PHISHBOT_DB") or "").strip() or DEFAULT_DB,
        lookups=lookups,
        address_hash_key=(env.get("ADDRESS_HASH_KEY") or "").strip() or None,
        discord=read_discord(env),
    )


def heartbeat_path(settings: AppSettings) -> str:
    """The file the running bot touches while connected (the container's health check)."""
    return os.path.join(os.path.dirname(os.path.abspath(settings.db_path)), "phishbot.alive")


def load_settings(env_file: str | None = ".env") -> Settings:
    """The full settings object (imports pydantic-settings: not for the CLI's fast paths)."""
    from bot.settings_model import Settings

    return Settings(_env_file=env_file)  # type: ignore[call-arg]
