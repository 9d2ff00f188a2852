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


class _Missing:
    """A parameter the caller did not give: shown as its placeholder."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __format__(self, spec: str) -> str:
        return "{" + self.key + (":" + spec if spec else "") + "}"


class _Safe(dict[str, "_Param"]):
    def __missing__(self, key: str) -> _Missing:
        return _Missing(key)


class _Param:
    """A parameter as a sentence shows it. ``{reports:reports}`` in a catalogue is a number said
    with its noun from the ``count`` section ("1 report", "3 reports"; 「3 件」), in the form
    for that number: the catalogue, not the caller, knows which noun a count takes."""

    __slots__ = ("lang", "value")

    def __init__(self, lang: str, value: object) -> None:
        self.lang = lang
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self.value)
        number = self.value if isinstance(self.value, int) and not isinstance(self.value, bool) else None
        if number is None and isinstance(self.value, str) and self.value.lstrip("-").isdigit():
            number = int(self.value)
        if number is None:
            return str(self.value)
        return tn(self.lang, "count", spec, number)


def t(lang: str, section: str, key: str, **params: object) -> str:
    """A sentence from the catalogue; unknown keys fall back to English, then to the key.
    ``{name:noun}`` says the number ``name`` with its noun (``count.noun_one``/``_other``)."""
    for code in (lang, DEFAULT_LANG):
        text = catalogue(code if code in LANGS else DEFAULT_LANG).get(section, {}).get(key)
        if text is not None:
            if not params and "{" not in text and "}" not in text:
                return text  # nothing to fill in, no brace to unescape: format_map gives it back as it is
            try:
                return text.format_map(_Safe({k: _Param(code, v) for k, v in params.items()}))
            except (ValueError, IndexError):  # a stray brace in a catalogue: the text as it is
                return text
    return f"{section}.{key}"


def tn(lang: str, section: str, key: str, count: int, **params: object) -> str:
    """A sentence with a count: ``key_one`` for exactly one, ``key_other`` otherwise (Japanese has
    no plural, its two forms read the same way)."""
    return t(lang, section, f"{key}_{'one' if count == 1 else 'other'}", count=count, **params)
