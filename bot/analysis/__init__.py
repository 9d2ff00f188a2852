"""The pure analysis core: bytes and facts in, frozen dataclasses out.

No discord, aiohttp, aiosqlite, whois, clock or network here (tests/test_architecture.py checks).
"""
