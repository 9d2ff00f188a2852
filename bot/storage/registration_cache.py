"""The registration cache in SQLite (the ``RegistrationCache`` port: its contract is in
``bot/services/ports/lookups.py``): positive answers kept 7 days, "not registered" 1 hour;
failures never."""

from __future__ import annotations

import json
from datetime import datetime

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import CACHE_NEGATIVE_TTL as NEGATIVE_TTL
from bot.services.ports.lookups import CACHE_POSITIVE_TTL as POSITIVE_TTL
from bot.services.ports.times import utc_text
from bot.storage.database import Database


class RegistrationCacheSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, domain: str, now: datetime) -> DomainFact | None:
        async with self.db.read() as conn, conn.execute(
            "SELECT source, registered, expires, last_changed, registrar, statuses, not_registered "
            "FROM registration_cache WHERE domain = ? AND valid_until > ?",
            (domain, utc_text(now)),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        source, registered, expires, last_changed, registrar, statuses, not_registered = row
        try:
            status_list = tuple(str(s) for s in json.loads(statuses))
        except ValueError:
            status_list = ()
        return DomainFact(
            domain=domain, lookup="cache", registered=registered, expires=expires, last_changed=last_changed,
            registrar=registrar, statuses=status_list, not_registered=bool(not_registered), source=source,
        )

    async def put(self, fact: DomainFact, now: datetime) -> None:
        if fact.lookup not in ("rdap", "whois"):
            return  # only fresh registry answers are cached; failures are asked again next time
        ttl = NEGATIVE_TTL if fact.not_registered else POSITIVE_TTL
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO registration_cache (domain, source, registered, expires, last_changed, registrar, statuses,"
                " not_registered, fetched_at, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(domain) DO UPDATE SET source = excluded.source, registered = excluded.registered,"
                " expires = excluded.expires, last_changed = excluded.last_changed, registrar = excluded.registrar,"
                " statuses = excluded.statuses, not_registered = excluded.not_registered,"
                " fetched_at = excluded.fetched_at, valid_until = excluded.valid_until",
                (
                    fact.domain, fact.lookup, fact.registered, fact.expires, fact.last_changed, fact.registrar,
                    json.dumps(list(fact.statuses)), int(fact.not_registered), utc_text(now), utc_text(now + ttl),
                ),
            )

    async def purge_expired(self, now: datetime) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM registration_cache WHERE valid_until <= ?", (utc_text(now),))
            return cur.rowcount
