"""Passive domain intelligence: RDAP (aiohttp) first, WHOIS (python-whois) where a TLD has no
RDAP, a cache in the store, and bounds on everything. Only registries are ever contacted, and only
about registrable domains: never a host named in a mail."""
