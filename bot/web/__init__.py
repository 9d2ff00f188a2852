"""The web adapter (aiohttp.web), a third one beside ``discord_ui`` and ``cli``: health and
readiness for the container, ``/metrics`` for Prometheus, a guild's blocklist feeds and its shared
campaign pages behind unguessable tokens. It runs in the bot's process (``WEB_ENABLED``) or alone
(``phishbot serve``), calls the same use-cases, and never imports discord. Templates and the one
stylesheet are package data; no page needs JavaScript."""
