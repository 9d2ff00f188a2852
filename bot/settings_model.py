"""The pydantic-settings model of every setting (see ``bot/settings.py`` for why it is apart)."""

from __future__ import annotations

from pydantic import Field, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.analysis.models import Limits

_DEFAULTS = Limits()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True)

    phishbot_lang: str | None = Field(default=None, alias="PHISHBOT_LANG")
    max_input_bytes: PositiveInt = Field(default=_DEFAULTS.max_input_bytes, alias="PHISHBOT_MAX_INPUT_BYTES")
    max_depth: PositiveInt = Field(default=_DEFAULTS.max_depth, alias="PHISHBOT_MAX_MIME_DEPTH")
    max_parts: PositiveInt = Field(default=_DEFAULTS.max_parts, alias="PHISHBOT_MAX_PARTS")
    max_text_chars: PositiveInt = Field(default=_DEFAULTS.max_text_chars, alias="PHISHBOT_MAX_TEXT_CHARS")
    max_urls: PositiveInt = Field(default=_DEFAULTS.max_urls, alias="PHISHBOT_MAX_URLS")

    def limits(self) -> Limits:
        return Limits(
            max_input_bytes=self.max_input_bytes,
            max_depth=self.max_depth,
            max_parts=self.max_parts,
            max_text_chars=self.max_text_chars,
            max_urls=self.max_urls,
        )
