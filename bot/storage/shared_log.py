"""The shared log in SQLite: every query parameterised, every write one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot.analysis.models import BAD_VERDICTS
from bot.community.campaigns import CampaignKeys, KnownReport, campaign_id_candidates, matching_campaigns
from bot.services.protocols import NewReport, StoredReport
from bot.storage.database import Database

# known-bad domains come from reports of these verdicts (bot.analysis.models.BAD_VERDICTS): SQL literals made
# from a constant of the code, never from input
BAD_VERDICT_SQL = "(" + ", ".join(f"'{v}'" for v in BAD_VERDICTS) + ")"


class SharedLogStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reports -------------------------------------------------------------------------

    async def find_report(self, guild_id: int, input_sha256: str, message_id_hash: str | None) -> StoredReport | None:
        async with self.db.conn.execute(
            "SELECT public_id, campaign_id FROM report WHERE guild_id = ? AND input_sha256 = ?"
            " UNION ALL SELECT public_id, campaign_id FROM report WHERE guild_id = ? AND message_id_hash = ? LIMIT 1",
            (guild_id, input_sha256, guild_id, message_id_hash),
        ) as cur:
            row = await cur.fetchone()
        return StoredReport(row[0], row[1], duplicate=True) if row else None

    async def _candidates(self, guild_id: int, keys: CampaignKeys) -> list[KnownReport]:
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
        async with self.db.conn.execute(" UNION ALL ".join(parts), params) as cur:
            rows = await cur.fetchall()
        return [
            KnownReport(campaign, CampaignKeys(
                frozenset({link}) if link else frozenset(), envelope, handoff, brand, subject,
                datetime.fromisoformat(mail_time),
            ))
            for campaign, envelope, handoff, brand, subject, mail_time, link in rows
        ]

    async def save_report(self, new: NewReport) -> StoredReport:
        """Deduplicate, place in a campaign (joining or merging), and store — one transaction."""
        async with self.db.transaction() as conn:
            existing = await self.find_report(new.guild_id, new.input_sha256, new.message_id_hash)
            if existing is not None:
                return existing
            matches = matching_campaigns(new.keys, await self._candidates(new.guild_id, new.keys))
            when = new.mail_time.isoformat()
            if matches:
                marks = ",".join("?" * len(matches))
                async with conn.execute(
                    f"SELECT id, first_seen, last_seen FROM campaign WHERE id IN ({marks}) ORDER BY first_seen, id",  # noqa: S608
                    matches,
                ) as cur:
                    spans = list(await cur.fetchall())
                campaign = spans[0][0]  # the oldest keeps its id; the others merge into it
                first = min([when, *(r[1] for r in spans)])
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
            cur = await conn.execute(
                "INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand,"
                " subject_key, envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key,"
                " recipient_masked, findings, campaign_id, raw, raw_expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.public_id, new.guild_id, new.member_id, new.created_at.isoformat(), when, new.verdict,
                    new.score, new.brand, new.keys.subject_key, new.keys.envelope_domain, new.keys.handoff_ip,
                    new.message_id_hash, new.input_sha256, new.recipient_key, new.recipient_masked,
                    json.dumps([list(f) for f in new.findings]), campaign, new.raw,
                    new.raw_expires_at.isoformat() if new.raw_expires_at else None,
                ),
            )
            report_id = cur.lastrowid
            await conn.executemany(
                "INSERT OR IGNORE INTO report_domain (report_id, guild_id, domain, role, bad_candidate, age_days)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(report_id, new.guild_id, d, role, int(bad), age) for d, role, bad, age in new.domains],
            )
        return StoredReport(new.public_id, campaign, duplicate=False)

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
        """One query, one pass over the domain's index entries: counts over its phishing reports,
        the brands and campaigns of all its reports (first seen first), and a moderator's decision."""
        async with self.db.conn.execute(
            "SELECT count(DISTINCT CASE WHEN r.verdict IN " + BAD_VERDICT_SQL + " THEN r.id END),"  # noqa: S608 - constants
            " count(DISTINCT CASE WHEN r.verdict IN " + BAD_VERDICT_SQL + " THEN r.member_id END),"
            " min(CASE WHEN r.verdict IN " + BAD_VERDICT_SQL + " THEN r.created_at END),"
            " max(CASE WHEN r.verdict IN " + BAD_VERDICT_SQL + " THEN r.created_at END),"
            " max(CASE WHEN r.verdict IN " + BAD_VERDICT_SQL + " THEN d.age_days END),"
            " group_concat(DISTINCT r.brand), group_concat(DISTINCT r.campaign_id),"
            " (SELECT status FROM domain_decision WHERE guild_id = ?1 AND domain = ?2)"
            " FROM report_domain d JOIN report r ON r.id = d.report_id"
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
                (guild_id, domain, status, moderator_id, now.isoformat()),
            )

    async def blocklist(self, guild_id: int) -> list[str]:
        """Known-bad domains reported by two members or more, or confirmed; never cleared ones."""
        async with self.db.conn.execute(
            "SELECT d.domain FROM report_domain d JOIN report r ON r.id = d.report_id"  # noqa: S608 - constants
            " LEFT JOIN domain_decision x ON x.guild_id = d.guild_id AND x.domain = d.domain"
            " WHERE d.guild_id = ? AND d.bad_candidate = 1 AND r.verdict IN " + BAD_VERDICT_SQL + " AND x.status IS NULL"
            " GROUP BY d.domain HAVING count(DISTINCT r.member_id) >= 2"
            " UNION SELECT domain FROM domain_decision WHERE guild_id = ? AND status = 'confirmed' ORDER BY 1",
            (guild_id, guild_id),
        ) as cur:
            return [r[0] for r in await cur.fetchall()]

    # --- campaigns -----------------------------------------------------------------------

    async def campaign_counts(self, guild_id: int, campaign_id: str) -> tuple[int, int]:
        """(reports, members) of a campaign, counted by SQLite (a submit needs no more)."""
        async with self.db.conn.execute(
            "SELECT count(*), count(DISTINCT member_id) FROM report WHERE campaign_id = ? AND guild_id = ?",
            (campaign_id, guild_id),
        ) as cur:
            row = await cur.fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    async def campaign(self, guild_id: int, campaign_id: str) -> dict[str, Any] | None:
        conn = self.db.conn
        async with conn.execute(
            "SELECT id, brand, first_seen, last_seen FROM campaign WHERE guild_id = ? AND id = ?", (guild_id, campaign_id)
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        async with conn.execute(
            "SELECT member_id, recipient_key, findings, brand FROM report WHERE campaign_id = ?", (campaign_id,)
        ) as cur:
            reports = list(await cur.fetchall())
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
        return {
            "id": row[0], "brand": row[1], "first_seen": row[2], "last_seen": row[3],
            "reports": len(reports), "members": len({m for m, *_ in reports if m is not None}),
            "reporters": {m for m, *_ in reports if m is not None},
            "recipients": sorted({k for _, k, *_ in reports if k}),
            "brands": sorted({b for *_, b in reports if b}), "domains": domains, "tagged": tagged,
        }

    async def registrations(self, guild_id: int) -> list[tuple[str, str, bool]]:
        async with self.db.conn.execute(
            "SELECT address_key, service, registered FROM registration WHERE guild_id = ?", (guild_id,)
        ) as cur:
            return [(k, s, bool(r)) for k, s, r in await cur.fetchall()]

    async def registration_counts(self, guild_id: int) -> tuple[int, dict[str, int], dict[str, int]]:
        """(addresses with an answer, service -> "registered" answers, service -> "not registered")."""
        conn = self.db.conn
        async with conn.execute("SELECT count(*) FROM registered_address WHERE guild_id = ?", (guild_id,)) as cur:
            addresses = int((await cur.fetchone())[0])  # type: ignore[index]
        yes: dict[str, int] = {}
        no: dict[str, int] = {}
        async with conn.execute(
            "SELECT service, registered, n FROM registration_count WHERE guild_id = ? AND n > 0", (guild_id,),
        ) as cur:
            for service, registered, count in await cur.fetchall():
                (yes if registered else no)[service] = int(count)
        return addresses, yes, no

    async def registrations_of(self, guild_id: int, address_keys: Iterable[str]) -> list[tuple[str, str, bool]]:
        keys = sorted(set(address_keys))[:5000]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        async with self.db.conn.execute(
            f"SELECT address_key, service, registered FROM registration WHERE guild_id = ? AND address_key IN ({marks})",  # noqa: S608
            [guild_id, *keys],
        ) as cur:
            return [(k, s, bool(r)) for k, s, r in await cur.fetchall()]

    async def votes(self, campaign_id: str) -> list[tuple[int, str]]:
        async with self.db.conn.execute("SELECT member_id, service FROM vote WHERE campaign_id = ?", (campaign_id,)) as cur:
            return [(m, s) for m, s in await cur.fetchall()]

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO vote (guild_id, campaign_id, member_id, service, voted_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (campaign_id, member_id) DO UPDATE SET service = excluded.service,"
                " voted_at = excluded.voted_at",
                (guild_id, campaign_id, member_id, service, now.isoformat()),
            )

    # --- members -------------------------------------------------------------------------

    async def register(
        self, guild_id: int, member_id: int, address_key: str, masked: str,
        services: Iterable[tuple[str, str, bool]], now: datetime,
    ) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO registered_address (guild_id, address_key, member_id, masked) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, address_key) DO UPDATE SET member_id = excluded.member_id,"
                " masked = excluded.masked", (guild_id, address_key, member_id, masked),
            )
            await conn.executemany(
                "INSERT INTO registration (guild_id, address_key, service, service_name, registered, member_id, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, address_key, service) DO UPDATE SET"
                " registered = excluded.registered, service_name = excluded.service_name,"
                " member_id = excluded.member_id, updated_at = excluded.updated_at",
                [(guild_id, address_key, slug, name, int(reg), member_id, now.isoformat()) for slug, name, reg in services],
            )
            await _recount(conn, guild_id, {slug for slug, _, _ in services})

    async def member_registrations(self, guild_id: int, member_id: int) -> list[tuple[str, str, str, bool]]:
        async with self.db.conn.execute(
            "SELECT a.masked, r.service, r.service_name, r.registered FROM registration r"
            " JOIN registered_address a ON a.guild_id = r.guild_id AND a.address_key = r.address_key"
            " WHERE r.guild_id = ? AND r.member_id = ? ORDER BY a.masked, r.service", (guild_id, member_id),
        ) as cur:
            return [(m, s, n, bool(r)) for m, s, n, r in await cur.fetchall()]

    async def address_owner(self, guild_id: int, address_key: str) -> int | None:
        async with self.db.conn.execute(
            "SELECT member_id FROM registered_address WHERE guild_id = ? AND address_key = ?", (guild_id, address_key)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else None

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
                "UPDATE report SET member_id = NULL, recipient_key = NULL, recipient_masked = NULL, raw = NULL,"
                " raw_expires_at = NULL WHERE guild_id = ? AND member_id = ?",
                (guild_id, member_id),
            )
            counts["reports_unlinked"] = cur.rowcount
            cur = await conn.execute("DELETE FROM report_text WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))
            counts["report_texts"] = cur.rowcount
            await _recount(conn, guild_id, touched)
        return counts

    # --- exports, stats, retention ---------------------------------------------------------

    async def export_reports(self, guild_id: int) -> list[dict[str, Any]]:
        async with self.db.conn.execute(
            "SELECT r.id, r.public_id, r.created_at, r.verdict, r.score, r.brand, r.campaign_id FROM report r"
            " WHERE r.guild_id = ? ORDER BY r.id", (guild_id,),
        ) as cur:
            rows = await cur.fetchall()
        domains: dict[int, list[str]] = {}
        async with self.db.conn.execute(
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
        conn = self.db.conn
        async with conn.execute("SELECT verdict, count(*) FROM report WHERE guild_id = ? GROUP BY verdict", (guild_id,)) as cur:
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
        async with self.db.conn.execute(
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
                (now.isoformat(),),
            )
            purged = cur.rowcount
            cur = await conn.execute("DELETE FROM report_text WHERE expires_at <= ?", (now.isoformat(),))
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
                (guild_id, public_id, member_id, text, expires_at.isoformat()),
            )

    async def report_text(self, guild_id: int, public_id: str, member_id: int | None, now: datetime) -> str | None:
        """The text ``member_id`` made of this report; ``None`` for the first one kept (moderators)."""
        sql = "SELECT text FROM report_text WHERE guild_id = ? AND public_id = ? AND expires_at > ?"
        params: tuple[Any, ...] = (guild_id, public_id, now.isoformat())
        if member_id is not None:
            sql += " AND member_id = ?"
            params += (member_id,)
        async with self.db.conn.execute(sql + " ORDER BY rowid LIMIT 1", params) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def reported_by(self, guild_id: int, public_id: str, member_id: int) -> bool:
        async with self.db.conn.execute(
            "SELECT 1 FROM report_text WHERE guild_id = ? AND public_id = ? AND member_id = ?"
            " UNION ALL SELECT 1 FROM report WHERE guild_id = ? AND public_id = ? AND member_id = ? LIMIT 1",
            (guild_id, public_id, member_id, guild_id, public_id, member_id),
        ) as cur:
            return await cur.fetchone() is not None

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[tuple[str, str | None]]:
        """(id, brand) of the guild's campaigns, latest first, whose id starts with ``prefix``."""
        pattern = prefix.strip().upper().replace("%", "").replace("_", "") + "%"
        async with self.db.conn.execute(
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
                (guild_id, left_at.isoformat() if left_at else None),
            )

    async def bot_guilds(self) -> list[int]:
        """The guilds the bot has been in (not those only the CLI was given)."""
        async with self.db.conn.execute("SELECT guild_id FROM guild_settings WHERE bot_seen = 1") as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def mark_left_once(self, guild_id: int, left_at: datetime) -> None:
        """Marks a guild as left unless it is already marked (its first departure counts)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, left_at) VALUES (?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET left_at = coalesce(guild_settings.left_at, excluded.left_at)",
                (guild_id, left_at.isoformat()),
            )

    async def guilds_left_before(self, cutoff: datetime) -> list[int]:
        async with self.db.conn.execute(
            "SELECT guild_id FROM guild_settings WHERE left_at IS NOT NULL AND left_at <= ?", (cutoff.isoformat(),)
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def purge_guild(self, guild_id: int) -> int:
        """Everything kept about one guild, in one transaction (the lookup cache is not per guild)."""
        removed = 0
        async with self.db.transaction() as conn:
            for table in ("vote", "registration", "registration_count", "registered_address", "report_domain",
                          "report_text", "domain_decision", "report", "campaign", "guild_settings"):
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))  # noqa: S608 - fixed names
                removed += max(cur.rowcount, 0)
        return removed


async def _recount(conn: Any, guild_id: int, services: set[str]) -> None:
    """Refresh the per-service answer counts of these services (inside the caller's transaction)."""
    for service in sorted(services):
        await conn.execute("DELETE FROM registration_count WHERE guild_id = ? AND service = ?", (guild_id, service))
        await conn.execute(
            "INSERT INTO registration_count (guild_id, service, registered, n) SELECT guild_id, service, registered,"
            " count(*) FROM registration WHERE guild_id = ? AND service = ? GROUP BY guild_id, service, registered",
            (guild_id, service),
        )
