"""Command names and descriptions in the member's Discord language, from ``locales/*.toml``
(section ``commands``). English is the default Discord shows; Japanese is the translation."""

from __future__ import annotations

from discord import Locale, app_commands

from bot.i18n import catalogue, t


def L(key: str) -> app_commands.locale_str:
    """A command string: English text for Discord's default, its catalogue key for translations."""
    return app_commands.locale_str(t("en", "commands", key), key=key)


class PhishTranslator(app_commands.Translator):
    async def translate(
        self, string: app_commands.locale_str, locale: Locale, context: app_commands.TranslationContextTypes,
    ) -> str | None:
        key = string.extras.get("key")
        if key is None or not str(locale.value).startswith("ja"):
            return None
        return catalogue("ja").get("commands", {}).get(key)
