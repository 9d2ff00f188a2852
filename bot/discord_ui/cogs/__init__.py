"""The bot's cogs, loaded one by one in ``setup_hook`` (a broken cog does not stop the others)."""

COGS = ("bot.discord_ui.cogs.intake", "bot.discord_ui.cogs.analyze", "bot.discord_ui.cogs.community",
        "bot.discord_ui.cogs.admin", "bot.discord_ui.cogs.link_watch")
