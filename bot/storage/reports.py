"""The shared log's reports and campaigns in SQLite (the ``ReportStore`` port: its contract is in
``bot/services/ports/reports.py``): every query parameterised, every write one transaction, every
read one snapshot of committed data (``Database.read``), every time UTC (``utc_text``)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Generator, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.community.campaigns import CampaignKeys, KnownReport, campaign_id_candidates, matching_campaigns
from bot.services.ports.reports import (
    BAD_VERDICTS,
    BrandCount,
    CampaignChoice,
    CampaignCounts,
    CampaignRecord,
    DomainSummary,
    EntryFinding,
    ExportedReport,
    HourCount,
    Judgement,
    ReportCounts,
    ReportEntry,
    SavedReport,
    WeekVerdicts,
)
from bot.services.ports.times import utc_text
from bot.storage.database import Database

if not all(re.fullmatch(r"[a-z_]+", v) for v in BAD_VERDICTS):
    raise RuntimeError("verdict names are plain words")
# the bad verdicts as an SQL list, built from the constant (never from input)
BAD = "(" + ", ".join(f"'{v}'" for v in BAD_VERDICTS) + ")"


# the report a mail already is in a guild: by its input hash, else by its Message-ID hash
FIND_REPORT = ("SELECT id, public_id, campaign_id FROM report WHERE guild_id = ? AND input_sha256 = ?"
               " UNION ALL SELECT id, public_id, campaign_id FROM report WHERE guild_id = ? AND message_id_hash = ? LIMIT 1")


def _run_sync(conn: sqlite3.Connection, steps: Generator[tuple[str, str, Any], Any, SavedReport]) -> SavedReport:
    """Drive ``_save_steps`` over the sqlite3 connection itself (in its own thread)."""
    answer: Any = None
    try:
        while True:
            op, sql, params = steps.send(answer)
            if op == "many":
                conn.executemany(sql, params)
                answer = None
                continue
            cur = conn.execute(sql, params)
            try:
                answer = (cur.fetchone() if op == "one" else cur.fetchall() if op == "all"
                          else (cur.rowcount, cur.lastrowid))
            finally:
                cur.close()  # a statement left open would refuse the COMMIT
    except StopIteration as done:
        saved: SavedReport = done.value
        return saved


def findings_json(findings: Iterable[EntryFinding]) -> str:
    """Findings as the ``findings`` column holds them: ``[rule, severity]``, or ``[rule, severity,
    service]`` for a leak tag."""
    return json.dumps([[f.rule, f.severity, *([f.leak_service] if f.leak_service is not None else [])]
                       for f in findings])


class ReportStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reports -------------------------------------------------------------------------

    def _candidate_sql(self, guild_id: int, keys: CampaignKeys) -> tuple[str, list[Any]] | None:
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
        return (" UNION ALL ".join(parts), params) if parts else None

    @staticmethod
    def _known(rows: Iterable[Any]) -> list[KnownReport]:
        return [
            KnownReport(campaign, CampaignKeys(
                frozenset({link}) if link else frozenset(), envelope, handoff, brand, subject,
                datetime.fromisoformat(mail_time),
            ))
            for campaign, envelope, handoff, brand, subject, mail_time, link in rows
        ]

    async def save_report(self, entry: ReportEntry) -> SavedReport:
        """Deduplicate, place in a campaign (joining or merging), and store — one transaction
        (the contract: ``services.ports.reports.ReportStore.save_report``), run whole in the
        writer's thread: one hop from the event loop per report instead of one per statement."""
        return await self.db.write(lambda conn: _run_sync(conn, self._save_steps(entry)))

    async def save_reports(self, entries: Sequence[ReportEntry]) -> list[SavedReport]:
        """Many reports in one transaction and one hop: each sees the ones before it."""
        batch = list(entries)
        if not batch:
            return []
        return await self.db.write(lambda conn: [_run_sync(conn, self._save_steps(e)) for e in batch])

    async def _save_async(self, entry: ReportEntry, conn: Any) -> SavedReport:
        """The same steps over an async connection (``conn.execute``), inside the caller's transaction."""
        steps = self._save_steps(entry)
        answer: Any = None
        try:
            while True:
                op, sql, params = steps.send(answer)
                if op == "many":
                    await conn.executemany(sql, params)
                    answer = None
                    continue
                cur = await conn.execute(sql, params)
                answer = ((await cur.fetchone()) if op == "one" else list(await cur.fetchall()) if op == "all"
                          else (cur.rowcount, cur.lastrowid))
        except StopIteration as done:
            saved: SavedReport = done.value
            return saved

    def _save_steps(self, new: ReportEntry) -> Generator[tuple[str, str, Any], Any, SavedReport]:
        """The write as steps: each yields (``one`` | ``all`` | ``exec`` | ``many``, statement,
        parameters) and is sent the answer (a row, the rows, (rowcount, lastrowid), None)."""
        existing = yield ("one", FIND_REPORT, (new.guild_id, new.input_sha256, new.guild_id, new.message_id_hash))
        if existing is not None:
            existing_id, public_id, campaign_id = existing
            added, _ = yield (
                "exec",
                "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
                " recipient_masked) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, member_id) DO NOTHING",
                (existing_id, new.guild_id, new.member_id, utc_text(new.created_at), new.recipient_key,
                 new.recipient_masked),
            )
            return SavedReport(str(public_id), campaign_id, duplicate=True, new_reporter=added > 0)
        query = self._candidate_sql(new.guild_id, new.keys) if new.in_campaign else None
        rows = (yield ("all", query[0], query[1])) if query else []
        matches = matching_campaigns(new.keys, self._known(rows)) if new.in_campaign else []
        when = utc_text(new.mail_time)
        campaign: str | None = None
        if not new.in_campaign:
            pass  # a mail with no signs joins no campaign and opens none
        elif matches:
            marks = ",".join("?" * len(matches))
            spans = yield (
                "all", f"SELECT id, first_seen, last_seen FROM campaign WHERE id IN ({marks}) ORDER BY first_seen, id",  # noqa: S608
                matches,
            )
            campaign = str(spans[0][0])  # the oldest keeps its id; the others merge into it
            first = min([when, *(r[1] for r in spans)])  # one UTC form: text order is time order
            last = max([when, *(r[2] for r in spans)])
            for other in [r[0] for r in spans[1:]]:
                yield ("exec", "UPDATE report SET campaign_id = ? WHERE campaign_id = ?", (campaign, other))
                yield ("exec", "INSERT INTO vote (guild_id, campaign_id, member_id, service, voted_at)"
                       " SELECT guild_id, ?, member_id, service, voted_at FROM vote WHERE campaign_id = ?"
                       " ON CONFLICT (campaign_id, member_id) DO NOTHING", (campaign, other))
                yield ("exec", "DELETE FROM vote WHERE campaign_id = ?", (other,))
                yield ("exec", "DELETE FROM campaign WHERE id = ?", (other,))
            yield ("exec", "UPDATE campaign SET first_seen = ?, last_seen = ?, brand = coalesce(brand, ?) WHERE id = ?",
                   (first, last, new.brand, campaign))
        else:
            campaign = ""
            for candidate in campaign_id_candidates(f"{new.guild_id}:{new.input_sha256}"):
                if (yield ("one", "SELECT 1 FROM campaign WHERE id = ?", (candidate,))) is None:
                    campaign = candidate
                    break
            yield ("exec", "INSERT INTO campaign (id, guild_id, brand, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                   (campaign, new.guild_id, new.brand, when, when))
        created = utc_text(new.created_at)
        _, report_id = yield (
            "exec",
            "INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand,"
            " subject_key, envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key,"
            " recipient_masked, findings, campaign_id, raw, raw_expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.public_id, new.guild_id, new.member_id, created, when, new.verdict,
                new.score, new.brand, new.keys.subject_key, new.keys.envelope_domain, new.keys.handoff_ip,
                new.message_id_hash, new.input_sha256, new.recipient_key, new.recipient_masked,
                findings_json(new.findings), campaign, new.raw,
                utc_text(new.raw_expires_at) if new.raw_expires_at else None,
            ),
        )
        yield ("exec", "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
               " recipient_masked) VALUES (?, ?, ?, ?, ?, ?)",
               (report_id, new.guild_id, new.member_id, created, new.recipient_key, new.recipient_masked))
        yield ("many", "INSERT OR IGNORE INTO report_domain (report_id, guild_id, domain, role, bad_candidate, age_days)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               [(report_id, new.guild_id, d.domain, d.role, int(d.bad_candidate), d.age_days) for d in new.domains])
        return SavedReport(new.public_id, campaign, duplicate=False, new_reporter=True)

    async def update_judgement(self, guild_id: int, public_id: str, judgement: Judgement) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE report SET verdict = ?, score = ?, findings = ? WHERE guild_id = ? AND public_id = ?",
                (judgement.verdict, judgement.score, findings_json(judgement.findings), guild_id, public_id),
            )
            await conn.executemany(
                "UPDATE report_domain SET age_days = ? WHERE domain = ? AND report_id ="
                " (SELECT id FROM report WHERE guild_id = ? AND public_id = ?)",
                [(age, domain, guild_id, public_id) for domain, age in judgement.ages.items()],
            )

    async def purge_expired(self, now: datetime) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE report SET raw = NULL, raw_expires_at = NULL WHERE raw IS NOT NULL AND raw_expires_at <= ?",
                (utc_text(now),),
            )
            purged = cur.rowcount
            cur = await conn.execute("DELETE FROM report_text WHERE expires_at <= ?", (utc_text(now),))
            purged += cur.rowcount
            cur = await conn.execute("DELETE FROM pending_report WHERE expires_at <= ?", (utc_text(now),))
            return purged + cur.rowcount

    # --- domains -------------------------------------------------------------------------

    async def domain_summary(self, guild_id: int, domain: str) -> DomainSummary:
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
        return DomainSummary(
            reports=int(reports or 0), members=int(members or 0), first_seen=first, last_seen=last,
            age_days=None if age is None else int(age), brands=tuple(sorted(set(brands.split(",")) if brands else set())),
            campaigns=tuple(dict.fromkeys(campaigns.split(",")))[:200] if campaigns else (), decision=decision,
        )

    async def decide(self, guild_id: int, domain: str, status: str, moderator_id: int | None, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO domain_decision (guild_id, domain, status, moderator_id, decided_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, domain) DO UPDATE SET status = excluded.status,"
                " moderator_id = excluded.moderator_id, decided_at = excluded.decided_at",
                (guild_id, domain, status, moderator_id, utc_text(now)),
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

    async def campaign_counts(self, guild_id: int, campaign_id: str) -> CampaignCounts:
        """(reports, members) of a campaign, counted by SQLite (a submit needs no more)."""
        async with self.db.read() as conn, conn.execute(
            "SELECT count(DISTINCT r.id), count(DISTINCT p.member_id) FROM report r"
            " LEFT JOIN report_reporter p ON p.report_id = r.id WHERE r.campaign_id = ? AND r.guild_id = ?",
            (campaign_id, guild_id),
        ) as cur:
            row = await cur.fetchone()
        return CampaignCounts(int(row[0]), int(row[1])) if row else CampaignCounts(0, 0)

    async def campaign(self, guild_id: int, campaign_id: str) -> CampaignRecord | None:
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
        return CampaignRecord(
            id=str(row[0]), brand=row[1], first_seen=str(row[2]), last_seen=str(row[3]), reports=len(reports),
            members=len(members), reporters=frozenset(members), recipients=tuple(sorted({k for _, k in reporters if k})),
            brands=tuple(sorted({b for *_, b in reports if b})), domains=tuple(domains), tagged=tagged,
        )

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[CampaignChoice]:
        """(id, brand) of the guild's campaigns, latest first, whose id starts with ``prefix``."""
        pattern = prefix.strip().upper().replace("%", "").replace("_", "") + "%"
        async with self.db.read() as conn, conn.execute(
            "SELECT id, brand FROM campaign WHERE guild_id = ? AND upper(id) LIKE ? ORDER BY last_seen DESC LIMIT ?",
            (guild_id, pattern, limit),
        ) as cur:
            return [CampaignChoice(str(i), b) for i, b in await cur.fetchall()]

    # --- exports, counts, series ---------------------------------------------------------

    async def export_reports(self, guild_id: int) -> list[ExportedReport]:
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
            ExportedReport(report_id=str(pid), created_at=str(created), verdict=str(verdict), score=int(score), brand=brand,
                           campaign=campaign, domains=tuple(domains.get(rid, [])))
            for rid, pid, created, verdict, score, brand, campaign in rows
        ]

    async def report_counts(self, guild_id: int) -> ReportCounts:
        async with self.db.read() as conn:
            async with conn.execute(
                "SELECT verdict, count(*) FROM report WHERE guild_id = ? GROUP BY verdict", (guild_id,),
            ) as cur:
                verdicts: dict[str, int] = {str(v): int(n) for v, n in await cur.fetchall()}
            async with conn.execute(
                "SELECT brand, count(*) FROM report WHERE guild_id = ? AND brand IS NOT NULL GROUP BY brand"
                " ORDER BY 2 DESC, 1 LIMIT 10", (guild_id,),
            ) as cur:
                brands = tuple(BrandCount(str(b), int(n)) for b, n in await cur.fetchall())
            async with conn.execute(
                "SELECT count(*) FROM campaign WHERE guild_id = ?", (guild_id,)
            ) as cur:
                campaigns = (await cur.fetchone())[0]  # type: ignore[index]
        return ReportCounts(reports=sum(verdicts.values()), verdicts=verdicts, top_brands=brands, campaigns=int(campaigns),
                            known_bad_domains=len(await self.blocklist(guild_id)))

    # --- series for the charts (/stats, /campaign, --chart, the campaign page) ---------------------
    # Times are ISO strings; SQLite's date functions read any offset and answer in UTC, so weeks,
    # months and hours are UTC buckets whatever offset a row was written with. The string filter
    # (a day wider than asked) only narrows the rows; julianday() decides.

    async def weekly_verdicts(self, guild_id: int, since: datetime) -> list[WeekVerdicts]:
        """(Monday of the UTC week "YYYY-MM-DD", verdict, reports) for reports made since ``since``."""
        async with self.db.read() as conn, conn.execute(
            "SELECT date(created_at, '-6 days', 'weekday 1') AS week, verdict, count(*) FROM report"
            " WHERE guild_id = ? AND created_at >= ? AND julianday(created_at) >= julianday(?)"
            " GROUP BY week, verdict ORDER BY week, verdict",
            (guild_id, (since - timedelta(days=1)).isoformat(), since.isoformat()),
        ) as cur:
            return [WeekVerdicts(str(w), str(v), int(n)) for w, v, n in await cur.fetchall() if w is not None]

    async def brand_counts(
        self, guild_id: int, since: datetime, until: datetime, limit: int = 10,
    ) -> list[BrandCount]:
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
            return [BrandCount(str(b), int(n)) for b, n in await cur.fetchall()]

    async def campaign_hours(self, guild_id: int, campaign_id: str, limit: int = 20000) -> list[HourCount]:
        """(UTC hour "YYYY-MM-DDTHH:00:00+00:00", reports) of a campaign's reports by the mail's
        arrival (``mail_time``), oldest first."""
        async with self.db.read() as conn, conn.execute(
            "SELECT strftime('%Y-%m-%dT%H:00:00+00:00', mail_time) AS hour, count(*) FROM report"
            " WHERE campaign_id = ? AND +guild_id = ? GROUP BY hour ORDER BY hour LIMIT ?",  # the campaign's index
            (campaign_id, guild_id, limit),
        ) as cur:
            return [HourCount(str(h), int(n)) for h, n in await cur.fetchall() if h is not None]



    # --- private analyses waiting to be shared ----------------------------------------------

    async def save_pending(
        self, guild_id: int, public_id: str, member_id: int, payload: str, expires_at: datetime,
    ) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO pending_report (guild_id, public_id, member_id, payload, expires_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, public_id, member_id) DO UPDATE SET payload = excluded.payload,"
                " expires_at = excluded.expires_at",
                (guild_id, public_id, member_id, payload, utc_text(expires_at)),
            )

    async def take_pending(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> str | None:
        """The member's private analysis of this mail, removed as it is taken (None: expired or gone)."""
        async with self.db.transaction() as conn, conn.execute(
            "DELETE FROM pending_report WHERE guild_id = ? AND public_id = ? AND member_id = ? AND expires_at > ?"
            " RETURNING payload", (guild_id, public_id, member_id, utc_text(now)),
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    # --- desk texts ------------------------------------------------------------------------

    async def save_desk_text(
        self, guild_id: int, public_id: str, member_id: int, text: str, expires_at: datetime,
    ) -> None:
        """The member's own text for a report (a member who pastes the same mail again gets it anew)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO report_text (guild_id, public_id, member_id, text, expires_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, public_id, member_id) DO UPDATE SET text = excluded.text,"
                " expires_at = excluded.expires_at",
                (guild_id, public_id, member_id, text, utc_text(expires_at)),
            )

    async def desk_text(self, guild_id: int, public_id: str, member_id: int | None, now: datetime) -> str | None:
        """The text ``member_id`` made of this report; ``None`` for the first one kept (moderators).
        (Kept in the table ``report_text``: its name predates the desk text's.)"""
        sql = "SELECT text FROM report_text WHERE guild_id = ? AND public_id = ? AND expires_at > ?"
        params: tuple[Any, ...] = (guild_id, public_id, utc_text(now))
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
