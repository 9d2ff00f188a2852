"""Use-cases: Discord-free, shared by the CLI and the bot."""
