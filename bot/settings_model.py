"""The pydantic-settings model of every setting (see ``bot/settings.py`` for why it is apart)."""

from __future__ import annotations

from pydantic import Field, PositiveFloat, PositiveInt, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.analysis.models import Limits
from bot.settings import (
    DEFAULT_DB,
    DISCORD_API_BASE,
    DISCORD_GATEWAY_URL,
    IANA_RDAP_BOOTSTRAP,
    REPORT_CHANNELS,
    AppSettings,
    DiscordSettings,
    LookupSettings,
    parse_channel_names,
    parse_host_port,
)

_LIMITS = Limits()
_LOOKUPS = LookupSettings()
_DISCORD = DiscordSettings()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True)

    phishbot_lang: str | None = Field(default=None, alias="PHISHBOT_LANG")
    max_input_bytes: PositiveInt = Field(default=_LIMITS.max_input_bytes, alias="PHISHBOT_MAX_INPUT_BYTES")
    max_depth: PositiveInt = Field(default=_LIMITS.max_depth, alias="PHISHBOT_MAX_MIME_DEPTH")
    max_parts: PositiveInt = Field(default=_LIMITS.max_parts, alias="PHISHBOT_MAX_PARTS")
    max_text_chars: PositiveInt = Field(default=_LIMITS.max_text_chars, alias="PHISHBOT_MAX_TEXT_CHARS")
    max_urls: PositiveInt = Field(default=_LIMITS.max_urls, alias="PHISHBOT_MAX_URLS")
    analysis_seconds: PositiveFloat = Field(default=_LIMITS.max_seconds, alias="PHISHBOT_ANALYSIS_SECONDS")
    phishbot_db: str | None = Field(default=None, alias="PHISHBOT_DB")
    lookups_enabled: bool = Field(default=_LOOKUPS.enabled, alias="LOOKUPS_ENABLED")
    lookup_timeout: PositiveFloat = Field(default=_LOOKUPS.timeout, alias="LOOKUP_TIMEOUT")
    lookup_deadline: PositiveFloat = Field(default=_LOOKUPS.deadline, alias="LOOKUP_DEADLINE")
    lookup_concurrency: PositiveInt = Field(default=_LOOKUPS.concurrency, alias="LOOKUP_CONCURRENCY")
    rdap_base_url: str | None = Field(default=None, alias="RDAP_BASE_URL")
    whois_server: str | None = Field(default=None, alias="WHOIS_SERVER")
    rdap_bootstrap_url: str = Field(default=IANA_RDAP_BOOTSTRAP, alias="RDAP_BOOTSTRAP_URL")
    address_hash_key: SecretStr | None = Field(default=None, alias="ADDRESS_HASH_KEY")
    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    discord_api_base: str = Field(default=DISCORD_API_BASE, alias="DISCORD_API_BASE")
    discord_gateway_url: str = Field(default=DISCORD_GATEWAY_URL, alias="DISCORD_GATEWAY_URL")
    report_channels: str = Field(default=",".join(REPORT_CHANNELS), alias="REPORT_CHANNELS")
    analyses_per_minute: PositiveInt = Field(default=_DISCORD.analyses_per_minute, alias="ANALYSES_PER_MINUTE")
    guild_lookup_budget: PositiveInt = Field(default=_DISCORD.guild_lookup_budget, alias="GUILD_LOOKUP_BUDGET")
    guild_retention_days: PositiveInt = Field(default=_DISCORD.guild_retention_days, alias="GUILD_RETENTION_DAYS")
    guild_ready_timeout: PositiveFloat = Field(default=_DISCORD.guild_ready_timeout, alias="DISCORD_GUILD_READY_TIMEOUT")
    reply_wait: PositiveFloat = Field(default=_DISCORD.reply_wait, alias="DISCORD_REPLY_WAIT")
    analysis_workers: PositiveInt = Field(default=_DISCORD.analysis_workers, alias="ANALYSIS_WORKERS")

    @field_validator("whois_server")
    @classmethod
    def _host_port(cls, value: str | None) -> str | None:
        if value:
            parse_host_port(value)
        return value or None

    @field_validator("rdap_base_url", "rdap_bootstrap_url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL is needed")
        return value or None

    @field_validator("discord_api_base")
    @classmethod
    def _api(cls, value: str) -> str:
        value = value.strip() or DISCORD_API_BASE
        if not value.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL is needed")
        return value.rstrip("/")

    @field_validator("discord_gateway_url")
    @classmethod
    def _ws(cls, value: str) -> str:
        value = value.strip() or DISCORD_GATEWAY_URL
        if not value.startswith(("ws://", "wss://")):
            raise ValueError("a ws:// or wss:// URL is needed")
        return value

    @field_validator("phishbot_lang", "phishbot_db")
    @classmethod
    def _blank_is_default(cls, value: str | None) -> str | None:
        return value.strip() if value and value.strip() else None

    def app(self) -> AppSettings:
        return AppSettings(
            lang=self.phishbot_lang,
            limits=Limits(
                max_input_bytes=self.max_input_bytes,
                max_depth=self.max_depth,
                max_parts=self.max_parts,
                max_text_chars=self.max_text_chars,
                max_urls=self.max_urls,
                max_seconds=self.analysis_seconds,
            ),
            db_path=self.phishbot_db or DEFAULT_DB,
            lookups=LookupSettings(
                enabled=self.lookups_enabled,
                timeout=self.lookup_timeout,
                deadline=self.lookup_deadline,
                concurrency=self.lookup_concurrency,
                rdap_base_url=self.rdap_base_url,
                whois_server=parse_host_port(self.whois_server) if self.whois_server else None,
                rdap_bootstrap_url=self.rdap_bootstrap_url or IANA_RDAP_BOOTSTRAP,
            ),
            address_hash_key=(self.address_hash_key.get_secret_value().strip() or None) if self.address_hash_key else None,
            discord=DiscordSettings(
                token=(self.discord_token.get_secret_value().strip() or None) if self.discord_token else None,
                api_base=self.discord_api_base,
                gateway_url=self.discord_gateway_url,
                report_channels=parse_channel_names(self.report_channels) if self.report_channels.strip() else REPORT_CHANNELS,
                analyses_per_minute=self.analyses_per_minute,
                guild_lookup_budget=self.guild_lookup_budget,
                guild_retention_days=self.guild_retention_days,
                guild_ready_timeout=self.guild_ready_timeout,
                reply_wait=self.reply_wait,
                analysis_workers=self.analysis_workers,
            ),
        )
