"""Settings, from the environment (and a ``.env`` file): built once in main, passed down.

Two readers share one table of names. ``Settings`` (pydantic-settings) is for the long-running
commands; ``analysis_settings`` reads the few analysis settings without importing pydantic,
because ``phishbot analyze`` is started hundreds of times by scripts and pydantic alone costs
~0.35 s of start-up (docs/BENCHMARKS.md). tests/test_settings.py keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from bot.analysis.models import Limits

if TYPE_CHECKING:
    from bot.settings_model import Settings

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
class AnalysisSettings:
    lang: str | None
    limits: Limits


def analysis_settings(env: Mapping[str, str] | None = None) -> AnalysisSettings:
    env = os.environ if env is None else env
    defaults = Limits()
    values: dict[str, int] = {}
    for variable, name in LIMIT_VARIABLES.items():
        raw = env.get(variable)
        if raw is None or raw.strip() == "":
            continue
        try:
            value = int(raw.strip().replace("_", ""))
        except ValueError:
            raise SettingsError(f"{variable}={raw!r}: a whole number is needed") from None
        if value <= 0:
            raise SettingsError(f"{variable}={raw!r}: must be greater than 0")
        values[name] = value
    known = {f.name for f in fields(Limits)}
    limits = Limits(**{k: v for k, v in values.items() if k in known}) if values else defaults
    lang = (env.get("PHISHBOT_LANG") or "").strip() or None
    return AnalysisSettings(lang=lang, limits=limits)


def load_settings(env_file: str | None = ".env") -> Settings:
    """The full settings object (imports pydantic-settings: not for the analyze fast path)."""
    from bot.settings_model import Settings

    return Settings(_env_file=env_file)  # type: ignore[call-arg]
