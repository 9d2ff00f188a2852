"""Locale catalogues (ja, en): every user-facing sentence exists in both."""

from __future__ import annotations

import locale
import os
from functools import lru_cache

from bot.analysis.datafiles import load_toml

LANGS = ("ja", "en")
_LOCALES = os.path.join(os.path.dirname(__file__), "locales")
DEFAULT_LANG = "en"


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    data = load_toml(os.path.join(_LOCALES, f"{lang}.toml"))
    return {section: {k: str(v) for k, v in table.items()} for section, table in data.items()}


def normalise_lang(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower().replace("_", "-")
    for lang in LANGS:
        if value == lang or value.startswith(lang + "-"):
            return lang
    return None


def default_lang(env: dict[str, str] | None = None) -> str:
    """``PHISHBOT_LANG``, then the locale (LC_ALL, LC_MESSAGES, LANG), then English."""
    env = dict(os.environ) if env is None else env
    for key in ("PHISHBOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalise_lang(env.get(key))
        if lang:
            return lang
        if key != "PHISHBOT_LANG" and env.get(key):
            return DEFAULT_LANG
    lang = normalise_lang(locale.getlocale()[0] or "")
    return lang or DEFAULT_LANG


class _Safe(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(lang: str, section: str, key: str, **params: object) -> str:
    """A sentence from the catalogue; unknown keys fall back to English, then to the key."""
    for code in (lang, DEFAULT_LANG):
        text = catalogue(code if code in LANGS else DEFAULT_LANG).get(section, {}).get(key)
        if text is not None:
            return text.format_map(_Safe({k: str(v) for k, v in params.items()}))
    return f"{section}.{key}"


def tn(lang: str, section: str, key: str, count: int, **params: object) -> str:
    """A sentence with a count: ``key_one`` for exactly one, ``key_other`` otherwise (Japanese has
    no plural, its two forms read the same way)."""
    return t(lang, section, f"{key}_{'one' if count == 1 else 'other'}", count=count, **params)
