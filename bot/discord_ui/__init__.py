"""The Discord adapter (the only package importing discord): the bot, its cogs, views and embeds.
It calls the same use-cases as the CLI (``bot/services``)."""
