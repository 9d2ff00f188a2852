"""The shared log in SQLite: every query parameterised, every write one transaction, every read
one snapshot of committed data (``Database.read``), every time UTC (``utc_iso``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import aiosqlite

from bot.community.campaigns import CampaignKeys, KnownReport, campaign_id_candidates, matching_campaigns
from bot.services.protocols import BAD_VERDICTS, NewReport, StoredReport
from bot.storage.database import Database, utc_iso

if not all(re.fullmatch(r"[a-z_]+", v) for v in BAD_VERDICTS):
    raise RuntimeError("verdict names are plain words")
# the bad verdicts as an SQL list, built from the constant (never from input)
BAD = "(" + ", ".join(f"'{v}'" for v in BAD_VERDICTS) + ")"
# registration_count's row for the number of distinct addresses with answers (no slug is empty)
ADDRESSES = ""


class SharedLogStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reports -------------------------------------------------------------------------

    async def _find_report(
        self, conn: aiosqlite.Connection, guild_id: int, input_sha256: str, message_id_hash: str | None,
    ) -> tuple[int, str, str | None] | None:
        async with conn.execute(
            "SELECT id, public_id, campaign_id FROM report WHERE guild_id = ? AND input_sha256 = ?"
            " UNION ALL SELECT id, public_id, campaign_id FROM report WHERE guild_id = ? AND message_id_hash = ? LIMIT 1",
            (guild_id, input_sha256, guild_id, message_id_hash),
        ) as cur:
            row = await cur.fetchone()
        return (int(row[0]), str(row[1]), row[2]) if row else None

    async def find_report(self, guild_id: int, input_sha256: str, message_id_hash: str | None) -> StoredReport | None:
        async with self.db.read() as conn:
            found = await self._find_report(conn, guild_id, input_sha256, message_id_hash)
        return StoredReport(found[1], found[2], duplicate=True) if found else None

    async def _candidates(self, conn: aiosqlite.Connection, guild_id: int, keys: CampaignKeys) -> list[KnownReport]:
        """One representative earlier report per campaign and per way of matching (a shared link
        domain, the sending infrastructure, the subject), in one query: the pure rules in
        ``bot.community.campaigns`` decide which of them the new report joins."""
        parts: list[str] = []
        params: list[Any] = []
        columns = "r.campaign_id, r.envelope_domain, r.handoff_ip, r.brand, r.subject_key, r.mail_time"
        for domain in sorted(keys.link_domains)[:20]:
            parts.append(  # fixed SQL text: only bound values vary
                f"SELECT * FROM (SELECT {columns}, ? AS link FROM report_domain d JOIN report r ON r.id = d.report_id"  # noqa: S608
                " WHERE d.guild_id = ? AND d.domain = ? AND d.role = 'link' AND d.bad_candidate = 1"
                " AND r.campaign_id IS NOT NULL GROUP BY r.campaign_id LIMIT 20)"
            )
            params += [domain, guild_id, domain]
        for column, value in (("envelope_domain", keys.envelope_domain), ("handoff_ip", keys.handoff_ip),
                              ("subject_key", keys.subject_key)):
            if value is None:
                continue
            parts.append(  # the column comes from the fixed tuple above, never from input
                f"SELECT * FROM (SELECT {columns}, NULL AS link FROM report r WHERE r.guild_id = ? AND r.{column} = ?"  # noqa: S608
                " AND r.campaign_id IS NOT NULL GROUP BY r.campaign_id, r.brand LIMIT 20)"
            )
            params += [guild_id, value]
        if not parts:
            return []
        async with conn.execute(" UNION ALL ".join(parts), params) as cur:
            rows = await cur.fetchall()
        return [
            KnownReport(campaign, CampaignKeys(
                frozenset({link}) if link else frozenset(), envelope, handoff, brand, subject,
                datetime.fromisoformat(mail_time),
            ))
            for campaign, envelope, handoff, brand, subject, mail_time, link in rows
        ]

    async def save_report(self, new: NewReport) -> StoredReport:
        """Deduplicate, place in a campaign (joining or merging), and store — one transaction.

        The same mail (input hash or Message-ID) is one report; a member who had not reported it
        yet becomes one more of its reporters (a second member), the same member is nothing new."""
        async with self.db.transaction() as conn:
            existing = await self._find_report(conn, new.guild_id, new.input_sha256, new.message_id_hash)
            if existing is not None:
                existing_id, public_id, campaign_id = existing
                cur = await conn.execute(
                    "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
                    " recipient_masked) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, member_id) DO NOTHING",
                    (existing_id, new.guild_id, new.member_id, utc_iso(new.created_at), new.recipient_key,
                     new.recipient_masked),
                )
                return StoredReport(public_id, campaign_id, duplicate=True, new_reporter=cur.rowcount > 0)
            matches = matching_campaigns(new.keys, await self._candidates(conn, new.guild_id, new.keys))
            when = utc_iso(new.mail_time)
            if matches:
                marks = ",".join("?" * len(matches))
                async with conn.execute(
                    f"SELECT id, first_seen, last_seen FROM campaign WHERE id IN ({marks}) ORDER BY first_seen, id",  # noqa: S608
                    matches,
                ) as cur:
                    spans = list(await cur.fetchall())
                campaign = spans[0][0]  # the oldest keeps its id; the others merge into it
                first = min([when, *(r[1] for r in spans)])  # one UTC form: text order is time order
                last = max([when, *(r[2] for r in spans)])
                for other in [r[0] for r in spans[1:]]:
                    await conn.execute("UPDATE report SET campaign_id = ? WHERE campaign_id = ?", (campaign, other))
                    await conn.execute(
                        "INSERT INTO vote (guild_id, campaign_id, member_id, service, voted_at)"
                        " SELECT guild_id, ?, member_id, service, voted_at FROM vote WHERE campaign_id = ?"
                        " ON CONFLICT (campaign_id, member_id) DO NOTHING", (campaign, other),
                    )
                    await conn.execute("DELETE FROM vote WHERE campaign_id = ?", (other,))
                    await conn.execute("DELETE FROM campaign WHERE id = ?", (other,))
                await conn.execute(
                    "UPDATE campaign SET first_seen = ?, last_seen = ?, brand = coalesce(brand, ?) WHERE id = ?",
                    (first, last, new.brand, campaign),
                )
            else:
                campaign = ""
                for candidate in campaign_id_candidates(f"{new.guild_id}:{new.input_sha256}"):
                    async with conn.execute("SELECT 1 FROM campaign WHERE id = ?", (candidate,)) as cur:
                        if await cur.fetchone() is None:
                            campaign = candidate
                            break
                await conn.execute(
                    "INSERT INTO campaign (id, guild_id, brand, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                    (campaign, new.guild_id, new.brand, when, when),
                )
            created = utc_iso(new.created_at)
            cur = await conn.execute(
                "INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand,"
                " subject_key, envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key,"
                " recipient_masked, findings, campaign_id, raw, raw_expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.public_id, new.guild_id, new.member_id, created, when, new.verdict,
                    new.score, new.brand, new.keys.subject_key, new.keys.envelope_domain, new.keys.handoff_ip,
                    new.message_id_hash, new.input_sha256, new.recipient_key, new.recipient_masked,
                    json.dumps([list(f) for f in new.findings]), campaign, new.raw,
                    utc_iso(new.raw_expires_at) if new.raw_expires_at else None,
                ),
            )
            report_id = cur.lastrowid
            await conn.execute(
                "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
                " recipient_masked) VALUES (?, ?, ?, ?, ?, ?)",
                (report_id, new.guild_id, new.member_id, created, new.recipient_key, new.recipient_masked),
            )
            await conn.executemany(
                "INSERT OR IGNORE INTO report_domain (report_id, guild_id, domain, role, bad_candidate, age_days)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(report_id, new.guild_id, d, role, int(bad), age) for d, role, bad, age in new.domains],
            )
        return StoredReport(new.public_id, campaign, duplicate=False, new_reporter=True)

    async def update_judgement(
        self, guild_id: int, public_id: str, verdict: str, score: int, findings: tuple[tuple[str, ...], ...],
        ages: dict[str, int],
    ) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE report SET verdict = ?, score = ?, findings = ? WHERE guild_id = ? AND public_id = ?",
                (verdict, score, json.dumps([list(f) for f in findings]), guild_id, public_id),
            )
            await conn.executemany(
                "UPDATE report_domain SET age_days = ? WHERE domain = ? AND report_id ="
                " (SELECT id FROM report WHERE guild_id = ? AND public_id = ?)",
                [(age, domain, guild_id, public_id) for domain, age in ages.items()],
            )

    # --- domains -------------------------------------------------------------------------

    async def domain_summary(self, guild_id: int, domain: str) -> dict[str, Any]:
        """One query, one pass over the domain's index entries: counts over its bad reports (a
        member is each reporter of a report), the brands and campaigns of all its reports (first
        seen first), and a moderator's decision."""
        async with self.db.read() as conn, conn.execute(
            f"SELECT count(DISTINCT CASE WHEN r.verdict IN {BAD} THEN r.id END),"  # noqa: S608 - BAD is a constant
            f" count(DISTINCT CASE WHEN r.verdict IN {BAD} THEN p.member_id END),"
            f" min(CASE WHEN r.verdict IN {BAD} THEN r.created_at END),"
            f" max(CASE WHEN r.verdict IN {BAD} THEN p.reported_at END),"
            f" max(CASE WHEN r.verdict IN {BAD} THEN d.age_days END),"
            " group_concat(DISTINCT r.brand), group_concat(DISTINCT r.campaign_id),"
            " (SELECT status FROM domain_decision WHERE guild_id = ?1 AND domain = ?2)"
            " FROM report_domain d JOIN report r ON r.id = d.report_id"
            " LEFT JOIN report_reporter p ON p.report_id = r.id"
            " WHERE d.guild_id = ?1 AND d.domain = ?2 AND d.bad_candidate = 1",
            (guild_id, domain),
        ) as cur:
            row = await cur.fetchone()
        reports, members, first, last, age, brands, campaigns, decision = row if row else (0, 0, None, None, None,
                                                                                          None, None, None)
        return {
            "reports": int(reports or 0), "members": int(members or 0), "first_seen": first, "last_seen": last,
            "brands": sorted(set(brands.split(",")) if brands else set()),
            "campaigns": list(dict.fromkeys(campaigns.split(",")))[:200] if campaigns else [],
            "decision": decision, "age_days": age,
        }

    async def decide(self, guild_id: int, domain: str, status: str, moderator_id: int | None, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO domain_decision (guild_id, domain, status, moderator_id, decided_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, domain) DO UPDATE SET status = excluded.status,"
                " moderator_id = excluded.moderator_id, decided_at = excluded.decided_at",
                (guild_id, domain, status, moderator_id, utc_iso(now)),
            )

    async def blocklist(self, guild_id: int) -> list[str]:
        """Known-bad domains reported by two members or more (two reporters of one mail count as
        two), or confirmed; never cleared ones."""
        async with self.db.read() as conn, conn.execute(
            "SELECT d.domain FROM report_domain d JOIN report r ON r.id = d.report_id"  # noqa: S608 - BAD is a constant
            " JOIN report_reporter p ON p.report_id = r.id"
            " LEFT JOIN domain_decision x ON x.guild_id = d.guild_id AND x.domain = d.domain"
            f" WHERE d.guild_id = ? AND d.bad_candidate = 1 AND r.verdict IN {BAD} AND x.status IS NULL"
            " GROUP BY d.domain HAVING count(DISTINCT p.member_id) >= 2"
            " UNION SELECT domain FROM domain_decision WHERE guild_id = ? AND status = 'confirmed' ORDER BY 1",
            (guild_id, guild_id),
        ) as cur:
            return [r[0] for r in await cur.fetchall()]

    # --- campaigns -----------------------------------------------------------------------

    async def campaign_counts(self, guild_id: int, campaign_id: str) -> tuple[int, int]:
        """(reports, members) of a campaign, counted by SQLite (a submit needs no more)."""
        async with self.db.read() as conn, conn.execute(
            "SELECT count(DISTINCT r.id), count(DISTINCT p.member_id) FROM report r"
            " LEFT JOIN report_reporter p ON p.report_id = r.id WHERE r.campaign_id = ? AND r.guild_id = ?",
            (campaign_id, guild_id),
        ) as cur:
            row = await cur.fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    async def campaign(self, guild_id: int, campaign_id: str) -> dict[str, Any] | None:
        async with self.db.read() as conn:
            async with conn.execute(
                "SELECT id, brand, first_seen, last_seen FROM campaign WHERE guild_id = ? AND id = ?",
                (guild_id, campaign_id),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return None
            async with conn.execute(
                "SELECT id, recipient_key, findings, brand FROM report WHERE campaign_id = ?", (campaign_id,)
            ) as cur:
                reports = list(await cur.fetchall())
            async with conn.execute(
                "SELECT p.member_id, p.recipient_key FROM report_reporter p JOIN report r ON r.id = p.report_id"
                " WHERE r.campaign_id = ?", (campaign_id,),
            ) as cur:
                reporters = list(await cur.fetchall())
            async with conn.execute(
                "SELECT DISTINCT d.domain FROM report_domain d JOIN report r ON r.id = d.report_id"
                " WHERE r.campaign_id = ? AND d.bad_candidate = 1 ORDER BY d.domain", (campaign_id,),
            ) as cur:
                domains = [r[0] for r in await cur.fetchall()]
        tagged: dict[str, str] = {}
        for _, key, findings, _ in reports:
            for rule, _severity, *rest in json.loads(findings):
                if rule == "leak_tag" and key and rest:
                    tagged[key] = rest[0]
        members = {m for m, _ in reporters if m is not None}
        return {
            "id": row[0], "brand": row[1], "first_seen": row[2], "last_seen": row[3],
            "reports": len(reports), "members": len(members), "reporters": members,
            "recipients": sorted({k for _, k in reporters if k}),
            "brands": sorted({b for *_, b in reports if b}), "domains": domains, "tagged": tagged,
        }

    async def registrations(self, guild_id: int) -> list[tuple[str, str, bool]]:
        async with self.db.read() as conn, conn.execute(
            "SELECT address_key, service, registered FROM registration WHERE guild_id = ?", (guild_id,)
        ) as cur:
            return [(k, s, bool(r)) for k, s, r in await cur.fetchall()]

    async def registration_counts(self, guild_id: int) -> tuple[int, dict[str, int], dict[str, int]]:
        """(addresses with an answer, service -> addresses "registered", service -> addresses "not
        registered" and by nobody "registered"): each address once, however many members claim it."""
        yes: dict[str, int] = {}
        no: dict[str, int] = {}
        async with self.db.read() as conn, conn.execute(
            "SELECT service, registered, n FROM registration_count WHERE guild_id = ? AND n > 0", (guild_id,),
        ) as cur:
            rows = await cur.fetchall()
        addresses = 0
        for service, registered, count in rows:
            if service == ADDRESSES:
                addresses = int(count)
            else:
                (yes if registered else no)[service] = int(count)
        return addresses, yes, no

    async def claims_of(self, guild_id: int, address_keys: Iterable[str]) -> list[tuple[str, int, str, bool, bool]]:
        """Every member's answers about these addresses: (address, member, service, registered,
        evidence) — evidence: the member reported a mail received at that address."""
        keys = sorted(set(address_keys))[:5000]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        async with self.db.read() as conn:
            async with conn.execute(
                f"SELECT address_key, member_id, service, registered FROM registration"  # noqa: S608
                f" WHERE guild_id = ? AND address_key IN ({marks})", [guild_id, *keys],
            ) as cur:
                rows = list(await cur.fetchall())
            async with conn.execute(
                f"SELECT DISTINCT recipient_key, member_id FROM report_reporter"  # noqa: S608
                f" WHERE guild_id = ? AND recipient_key IS NOT NULL AND recipient_key IN ({marks})"
                " AND member_id IS NOT NULL", [guild_id, *keys],
            ) as cur:
                evidence = {(str(k), int(m)) for k, m in await cur.fetchall()}
        return [(k, int(m), s, bool(r), (k, int(m)) in evidence) for k, m, s, r in rows]

    async def registrations_of(self, guild_id: int, address_keys: Iterable[str]) -> list[tuple[str, str, bool]]:
        return [(k, s, r) for k, _, s, r, _ in await self.claims_of(guild_id, address_keys)]

    async def votes(self, campaign_id: str) -> list[tuple[int, str]]:
        async with self.db.read() as conn, conn.execute(
            "SELECT member_id, service FROM vote WHERE campaign_id = ?", (campaign_id,),
        ) as cur:
            return [(m, s) for m, s in await cur.fetchall()]

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO vote (guild_id, campaign_id, member_id, service, voted_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (campaign_id, member_id) DO UPDATE SET service = excluded.service,"
                " voted_at = excluded.voted_at",
                (guild_id, campaign_id, member_id, service, utc_iso(now)),
            )

    # --- members -------------------------------------------------------------------------

    async def register(
        self, guild_id: int, member_id: int, address_key: str, masked: str,
        services: Iterable[tuple[str, str, bool]], now: datetime,
    ) -> None:
        """The member's own claims about an address (another member's claims about it stay theirs)."""
        services = list(services)
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO registered_address (guild_id, address_key, member_id, masked) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, address_key, member_id) DO UPDATE SET masked = excluded.masked",
                (guild_id, address_key, member_id, masked),
            )
            await conn.executemany(
                "INSERT INTO registration (guild_id, address_key, member_id, service, service_name, registered,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, address_key, member_id, service)"
                " DO UPDATE SET registered = excluded.registered, service_name = excluded.service_name,"
                " updated_at = excluded.updated_at",
                [(guild_id, address_key, member_id, slug, name, int(reg), utc_iso(now)) for slug, name, reg in services],
            )
            await _recount(conn, guild_id, {slug for slug, _, _ in services})
            await _recount_addresses(conn, guild_id)

    async def member_registrations(self, guild_id: int, member_id: int) -> list[tuple[str, str, str, bool]]:
        async with self.db.read() as conn, conn.execute(
            "SELECT a.masked, r.service, r.service_name, r.registered FROM registration r"
            " JOIN registered_address a ON a.guild_id = r.guild_id AND a.address_key = r.address_key"
            " AND a.member_id = r.member_id"
            " WHERE r.guild_id = ? AND r.member_id = ? ORDER BY a.masked, r.service", (guild_id, member_id),
        ) as cur:
            return [(m, s, n, bool(r)) for m, s, n, r in await cur.fetchall()]

    async def forget(self, guild_id: int, member_id: int) -> dict[str, int]:
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT DISTINCT service FROM registration WHERE guild_id = ? AND member_id = ?", (guild_id, member_id)
            ) as cur:
                touched = {r[0] for r in await cur.fetchall()}
            counts = {}
            for table in ("registration", "registered_address", "vote"):
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))  # noqa: S608
                counts[table] = cur.rowcount
            cur = await conn.execute(
                "UPDATE report_reporter SET member_id = NULL, recipient_key = NULL, recipient_masked = NULL"
                " WHERE guild_id = ? AND member_id = ?", (guild_id, member_id),
            )
            counts["reports_unlinked"] = cur.rowcount
            await conn.execute(
                "UPDATE report SET member_id = NULL, recipient_key = NULL, recipient_masked = NULL, raw = NULL,"
                " raw_expires_at = NULL WHERE guild_id = ? AND member_id = ?",
                (guild_id, member_id),
            )
            cur = await conn.execute("DELETE FROM report_text WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))
            counts["report_texts"] = cur.rowcount
            await conn.execute("DELETE FROM pending_report WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))
            await _recount(conn, guild_id, touched)
            await _recount_addresses(conn, guild_id)
        return counts

    # --- private analyses waiting to be shared ----------------------------------------------

    async def save_pending(
        self, guild_id: int, public_id: str, member_id: int, payload: str, expires_at: datetime,
    ) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO pending_report (guild_id, public_id, member_id, payload, expires_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, public_id, member_id) DO UPDATE SET payload = excluded.payload,"
                " expires_at = excluded.expires_at",
                (guild_id, public_id, member_id, payload, utc_iso(expires_at)),
            )

    async def take_pending(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> str | None:
        """The member's private analysis of this mail, removed as it is taken (None: expired or gone)."""
        async with self.db.transaction() as conn, conn.execute(
            "DELETE FROM pending_report WHERE guild_id = ? AND public_id = ? AND member_id = ? AND expires_at > ?"
            " RETURNING payload", (guild_id, public_id, member_id, utc_iso(now)),
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    # --- exports, stats, retention ---------------------------------------------------------

    async def export_reports(self, guild_id: int) -> list[dict[str, Any]]:
        domains: dict[int, list[str]] = {}
        async with self.db.read() as conn:
            async with conn.execute(
                "SELECT r.id, r.public_id, r.created_at, r.verdict, r.score, r.brand, r.campaign_id FROM report r"
                " WHERE r.guild_id = ? ORDER BY r.id", (guild_id,),
            ) as cur:
                rows = await cur.fetchall()
            async with conn.execute(
                "SELECT report_id, domain FROM report_domain WHERE guild_id = ? AND bad_candidate = 1 ORDER BY domain",
                (guild_id,),
            ) as cur:
                for rid, domain in await cur.fetchall():
                    domains.setdefault(rid, []).append(domain)
        return [
            {"report_id": pid, "created_at": created, "verdict": verdict, "score": score, "brand": brand,
             "campaign": campaign, "domains": domains.get(rid, [])}
            for rid, pid, created, verdict, score, brand, campaign in rows
        ]

    async def stats(self, guild_id: int) -> dict[str, Any]:
        async with self.db.read() as conn:
            async with conn.execute(
                "SELECT verdict, count(*) FROM report WHERE guild_id = ? GROUP BY verdict", (guild_id,),
            ) as cur:
                verdicts: dict[str, int] = {str(v): int(n) for v, n in await cur.fetchall()}
            async with conn.execute(
                "SELECT brand, count(*) FROM report WHERE guild_id = ? AND brand IS NOT NULL GROUP BY brand"
                " ORDER BY 2 DESC, 1 LIMIT 10", (guild_id,),
            ) as cur:
                brands = [[b, n] for b, n in await cur.fetchall()]
            async with conn.execute(
                "SELECT count(*) FROM campaign WHERE guild_id = ?", (guild_id,)
            ) as cur:
                campaigns = (await cur.fetchone())[0]  # type: ignore[index]
        return {"reports": sum(verdicts.values()), "verdicts": verdicts, "top_brands": brands, "campaigns": campaigns,
                "known_bad_domains": len(await self.blocklist(guild_id))}

    async def guild_settings(self, guild_id: int) -> dict[str, Any]:
        async with self.db.read() as conn, conn.execute(
            "SELECT language, keep_raw, raw_retention_days, auto_delete, lookups_enabled, report_channels"
            " FROM guild_settings WHERE guild_id = ?", (guild_id,),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return {"language": None, "keep_raw": False, "raw_retention_days": 30, "auto_delete": False,
                    "lookups_enabled": True, "report_channels": []}
        return {"language": row[0], "keep_raw": bool(row[1]), "raw_retention_days": int(row[2]),
                "auto_delete": bool(row[3]), "lookups_enabled": bool(row[4]), "report_channels": json.loads(row[5])}

    async def set_guild_settings(self, guild_id: int, **changes: Any) -> None:
        async with self.db.transaction() as conn:
            current = await self.guild_settings(guild_id)  # read inside the write: no lost update
            current.update({k: v for k, v in changes.items() if k in current})
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, language, keep_raw, raw_retention_days, auto_delete,"
                " lookups_enabled, report_channels) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " language = excluded.language, keep_raw = excluded.keep_raw,"
                " raw_retention_days = excluded.raw_retention_days, auto_delete = excluded.auto_delete,"
                " lookups_enabled = excluded.lookups_enabled, report_channels = excluded.report_channels",
                (guild_id, current["language"], int(current["keep_raw"]), int(current["raw_retention_days"]),
                 int(current["auto_delete"]), int(current["lookups_enabled"]), json.dumps(current["report_channels"])),
            )

    async def purge_raw(self, now: datetime) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE report SET raw = NULL, raw_expires_at = NULL WHERE raw IS NOT NULL AND raw_expires_at <= ?",
                (utc_iso(now),),
            )
            purged = cur.rowcount
            cur = await conn.execute("DELETE FROM report_text WHERE expires_at <= ?", (utc_iso(now),))
            purged += cur.rowcount
            cur = await conn.execute("DELETE FROM pending_report WHERE expires_at <= ?", (utc_iso(now),))
            return purged + cur.rowcount

    # --- the Discord bot's keep: report texts, guilds it left ---------------------------------

    async def save_report_text(
        self, guild_id: int, public_id: str, member_id: int, text: str, expires_at: datetime,
    ) -> None:
        """The member's own text for a report (a member who pastes the same mail again gets it anew)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO report_text (guild_id, public_id, member_id, text, expires_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, public_id, member_id) DO UPDATE SET text = excluded.text,"
                " expires_at = excluded.expires_at",
                (guild_id, public_id, member_id, text, utc_iso(expires_at)),
            )

    async def report_text(self, guild_id: int, public_id: str, member_id: int | None, now: datetime) -> str | None:
        """The text ``member_id`` made of this report; ``None`` for the first one kept (moderators)."""
        sql = "SELECT text FROM report_text WHERE guild_id = ? AND public_id = ? AND expires_at > ?"
        params: tuple[Any, ...] = (guild_id, public_id, utc_iso(now))
        if member_id is not None:
            sql += " AND member_id = ?"
            params += (member_id,)
        async with self.db.read() as conn, conn.execute(sql + " ORDER BY rowid LIMIT 1", params) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def reported_by(self, guild_id: int, public_id: str, member_id: int) -> bool:
        async with self.db.read() as conn, conn.execute(
            "SELECT 1 FROM report_text WHERE guild_id = ? AND public_id = ? AND member_id = ?"
            " UNION ALL SELECT 1 FROM report r JOIN report_reporter p ON p.report_id = r.id"
            " WHERE r.guild_id = ? AND r.public_id = ? AND p.member_id = ? LIMIT 1",
            (guild_id, public_id, member_id, guild_id, public_id, member_id),
        ) as cur:
            return await cur.fetchone() is not None

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[tuple[str, str | None]]:
        """(id, brand) of the guild's campaigns, latest first, whose id starts with ``prefix``."""
        pattern = prefix.strip().upper().replace("%", "").replace("_", "") + "%"
        async with self.db.read() as conn, conn.execute(
            "SELECT id, brand FROM campaign WHERE guild_id = ? AND upper(id) LIKE ? ORDER BY last_seen DESC LIMIT ?",
            (guild_id, pattern, limit),
        ) as cur:
            return [(str(i), b) for i, b in await cur.fetchall()]

    async def mark_guild(self, guild_id: int, left_at: datetime | None) -> None:
        """The bot left a guild (``left_at``) or is in it again (``None``)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, left_at, bot_seen) VALUES (?, ?, 1)"
                " ON CONFLICT (guild_id) DO UPDATE SET left_at = excluded.left_at, bot_seen = 1",
                (guild_id, utc_iso(left_at) if left_at else None),
            )

    async def bot_guilds(self) -> list[int]:
        """The guilds the bot has been in (not those only the CLI was given)."""
        async with self.db.read() as conn, conn.execute("SELECT guild_id FROM guild_settings WHERE bot_seen = 1") as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def mark_left_once(self, guild_id: int, left_at: datetime) -> None:
        """Marks a guild as left unless it is already marked (its first departure counts)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, left_at) VALUES (?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET left_at = coalesce(guild_settings.left_at, excluded.left_at)",
                (guild_id, utc_iso(left_at)),
            )

    async def guilds_left_before(self, cutoff: datetime) -> list[int]:
        async with self.db.read() as conn, conn.execute(
            "SELECT guild_id FROM guild_settings WHERE left_at IS NOT NULL AND left_at <= ?", (utc_iso(cutoff),)
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def purge_guild(self, guild_id: int) -> int:
        """Everything kept about one guild, in one transaction (the lookup cache is not per guild)."""
        removed = 0
        async with self.db.transaction() as conn:
            for table in ("vote", "registration", "registration_count", "registered_address", "report_domain",
                          "report_reporter", "report_text", "pending_report", "domain_decision", "report", "campaign",
                          "guild_settings"):
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))  # noqa: S608 - fixed names
                removed += max(cur.rowcount, 0)
        return removed

    # --- series for the charts (/stats, /campaign, --chart, the campaign page) ---------------------
    # Times are ISO strings; SQLite's date functions read any offset and answer in UTC, so weeks,
    # months and hours are UTC buckets whatever offset a row was written with. The string filter
    # (a day wider than asked) only narrows the rows; julianday() decides.

    async def weekly_verdicts(self, guild_id: int, since: datetime) -> list[tuple[str, str, int]]:
        """(Monday of the UTC week "YYYY-MM-DD", verdict, reports) for reports made since ``since``."""
        async with self.db.read() as conn, conn.execute(
            "SELECT date(created_at, '-6 days', 'weekday 1') AS week, verdict, count(*) FROM report"
            " WHERE guild_id = ? AND created_at >= ? AND julianday(created_at) >= julianday(?)"
            " GROUP BY week, verdict ORDER BY week, verdict",
            (guild_id, (since - timedelta(days=1)).isoformat(), since.isoformat()),
        ) as cur:
            return [(str(w), str(v), int(n)) for w, v, n in await cur.fetchall() if w is not None]

    async def brand_counts(
        self, guild_id: int, since: datetime, until: datetime, limit: int = 10,
    ) -> list[tuple[str, int]]:
        """(brand id, reports) of brands impersonated by reports made in [since, until): reports
        whose verdict says the mail deceives (not ``no_signs``, not ``spam``), most first."""
        async with self.db.read() as conn, conn.execute(
            "SELECT brand, count(*) FROM report WHERE guild_id = ? AND brand IS NOT NULL"
            " AND verdict NOT IN ('no_signs', 'spam') AND created_at >= ? AND created_at < ?"
            " AND julianday(created_at) >= julianday(?) AND julianday(created_at) < julianday(?)"
            " GROUP BY brand ORDER BY 2 DESC, 1 LIMIT ?",
            (guild_id, (since - timedelta(days=1)).isoformat(), (until + timedelta(days=1)).isoformat(),
             since.isoformat(), until.isoformat(), limit),
        ) as cur:
            return [(str(b), int(n)) for b, n in await cur.fetchall()]

    async def campaign_hours(self, guild_id: int, campaign_id: str, limit: int = 20000) -> list[tuple[str, int]]:
        """(UTC hour "YYYY-MM-DDTHH:00:00+00:00", reports) of a campaign's reports by the mail's
        arrival (``mail_time``), oldest first."""
        async with self.db.read() as conn, conn.execute(
            "SELECT strftime('%Y-%m-%dT%H:00:00+00:00', mail_time) AS hour, count(*) FROM report"
            " WHERE campaign_id = ? AND +guild_id = ? GROUP BY hour ORDER BY hour LIMIT ?",  # the campaign's index
            (campaign_id, guild_id, limit),
        ) as cur:
            return [(str(h), int(n)) for h, n in await cur.fetchall() if h is not None]


async def _recount(conn: Any, guild_id: int, services: set[str]) -> None:
    """Refresh the per-service answer counts of these services (inside the caller's transaction):
    addresses some member says are registered, and addresses only said not to be."""
    for service in sorted(services):
        await conn.execute("DELETE FROM registration_count WHERE guild_id = ? AND service = ?", (guild_id, service))
        await conn.execute(
            "INSERT INTO registration_count (guild_id, service, registered, n)"
            " SELECT ?1, ?2, 1, count(DISTINCT address_key) FROM registration"
            " WHERE guild_id = ?1 AND service = ?2 AND registered = 1"
            " UNION ALL SELECT ?1, ?2, 0, count(DISTINCT r.address_key) FROM registration r"
            " WHERE r.guild_id = ?1 AND r.service = ?2 AND r.registered = 0 AND NOT EXISTS (SELECT 1 FROM registration y"
            " WHERE y.guild_id = ?1 AND y.address_key = r.address_key AND y.service = ?2 AND y.registered = 1)",
            (guild_id, service),
        )


async def _recount_addresses(conn: Any, guild_id: int) -> None:
    """Refresh the number of distinct addresses with answers (one row, ``ADDRESSES``): the ranking
    reads it on every campaign view, a registration changes it rarely."""
    await conn.execute(
        "INSERT INTO registration_count (guild_id, service, registered, n)"
        " SELECT ?1, ?2, 1, count(DISTINCT address_key) FROM registered_address WHERE guild_id = ?1"
        " ON CONFLICT (guild_id, service, registered) DO UPDATE SET n = excluded.n",
        (guild_id, ADDRESSES),
    )
