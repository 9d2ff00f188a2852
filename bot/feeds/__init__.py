"""Threat feeds in: the known sources (``sources``: light, read by the settings), their parsers
(``formats``: pure, file or bytes in, listed hosts out) and the bounded fetcher (``fetch``: aiohttp,
conditional GET, size cap, only the configured URLs). Beside ``bot/lookups``: adapters behind the
``FeedFetcher`` port; the policy (which name is listed, what is current) lives in ``bot/services``."""
