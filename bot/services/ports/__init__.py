"""The ports: what the use-cases need from the outside, as ``typing.Protocol`` classes that take
and return frozen, typed values. Adapters implement them (``bot/storage`` over SQLite,
``bot/lookups``, ``bot/feeds``); the composition root (``bot/wiring.py``) chooses which.

Each module is one port, split by what changes together, and says its contract — transactions,
order, what "not found" returns — so that a second implementation (PostgreSQL) can be written from
these files alone:

- ``reports``  reports and campaigns: the shared log's entries, campaigns, domain decisions, the
               blocklist, exports and counts, private analyses waiting to be shared, desk texts
- ``members``  members' registrations (claims about addresses), votes, forgetting a member
- ``guilds``   guild settings and features, the guild lifecycle (joined, left, purged)
- ``lookups``  registration facts (``DomainIntel``) and their cache
- ``feeds``    threat feeds: their listings and state, and the fetcher
- ``sharing``  web tokens, shared campaign pages, a campaign's sending infrastructure
- ``admin``    the store itself: where it is, its version and integrity, migrating, backing up
- ``stores``   all of them together, as the composition root opens them
- ``times``    the one text form of a stored time
"""
