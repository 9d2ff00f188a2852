"""The charts' series from the store: reports per UTC week by verdict, brands impersonated this UTC
month, a campaign's reports over time — bucketed in UTC whatever offset a time was written with."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from bot.community.campaigns import CampaignKeys
from bot.services.community import Bucket, CampaignTimeline, Community, WeekCounts
from bot.services.ports.reports import BrandCount, ReportEntry
from bot.services.ports.stores import Stores
from tests.shared_log import stores_at
from tests.storage.test_shared_log import new_report

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday; its week starts on Monday 2026-11-23
KEY = b"k" * 32


def community(stores: Stores) -> Community:
    return Community(stores.reports, stores.members, KEY)


def made(n: int, created: datetime, verdict: str = "phishing", brand: str | None = "smbc-card", guild: int = 1,
         link: str | None = None, mail_time: datetime | None = None) -> ReportEntry:
    base = new_report(n, link=link or f"d{n}.example", guild=guild)
    keys = CampaignKeys(base.keys.link_domains, f"env{n}.example", None, brand, f"subject {n}", mail_time or created)
    return replace(base, created_at=created, mail_time=mail_time or created, verdict=verdict, brand=brand, keys=keys)


async def test_weeks_are_utc_weeks_from_monday_and_every_week_is_listed(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        rows = [
            made(1, NOW),                                                     # this week
            made(2, datetime(2026, 11, 23, 0, 30, tzinfo=UTC), "suspicious"),  # Monday 00:30 UTC: this week
            made(3, datetime(2026, 11, 23, 8, 0, tzinfo=JST)),                 # Sunday 23:00 UTC: last week
            made(4, datetime(2026, 11, 22, 23, 59, tzinfo=UTC), "no_signs"),   # last week
            made(5, NOW - timedelta(weeks=11)),                               # the oldest week shown
            made(6, NOW - timedelta(weeks=12)),                               # too old
            made(7, NOW, guild=2),                                            # another guild
        ]
        for row in rows:
            await store.save_report(row)
        series = await community(stores).stats_series(1, NOW)
    weeks = series.weeks
    assert len(weeks) == 12
    assert [w.week for w in weeks][-2:] == ["2026-11-16", "2026-11-23"]
    assert weeks[0].week == "2026-09-07"
    assert weeks[-1].verdicts == {"phishing": 1, "suspicious": 1}
    assert weeks[-1].total == 2
    assert weeks[-2].verdicts == {"phishing": 1, "no_signs": 1}
    assert weeks[0].verdicts == {"phishing": 1}
    assert sum(w.total for w in weeks) == 5  # the 12-week-old report and the other guild's are out
    assert all(w.verdicts == {} and w.total == 0 for w in weeks[1:-2])


async def test_top_brands_are_this_utc_months_impersonations(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        rows = [
            made(1, NOW), made(2, NOW - timedelta(days=3)), made(3, NOW, brand="amazon"),
            made(4, datetime(2026, 11, 1, 0, 30, tzinfo=UTC), brand="amazon"),   # the month's first hour
            made(5, datetime(2026, 11, 1, 8, 0, tzinfo=JST), brand="rakuten"),   # 31 October, 23:00 UTC: last month
            made(6, NOW, brand="apple", verdict="no_signs"),                     # mentioned, not impersonated
            made(7, NOW, brand=None),
            made(8, NOW, brand="jcb", guild=2),
        ]
        for row in rows:
            await store.save_report(row)
        series = await community(stores).stats_series(1, NOW)
    assert series.month == "2026-11"
    assert series.top_brands == (BrandCount("amazon", 2), BrandCount("smbc-card", 2))  # most first, then by id


async def test_december_rolls_into_the_next_year(store_place: str) -> None:
    december = datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        await store.save_report(made(1, december))
        await store.save_report(made(2, datetime(2027, 1, 1, 0, 0, tzinfo=UTC), brand="amazon"))
        series = await community(stores).stats_series(1, december)
    assert series.month == "2026-12"
    assert series.top_brands == (BrandCount("smbc-card", 1),)
    assert series.weeks[-1] == WeekCounts("2026-12-28", {"phishing": 2}, 2)  # one week, two years


async def test_a_campaigns_timeline_by_arrival(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        comm = community(stores)
        arrivals = [datetime(2021, 1, 24, 19, 1, tzinfo=JST), datetime(2021, 1, 24, 10, 30, tzinfo=UTC),
                    datetime(2021, 1, 26, 2, 0, tzinfo=UTC)]
        stored = [await store.save_report(made(i, NOW, link="servicecc-jp.cc", mail_time=m)) for i, m in enumerate(arrivals)]
        campaign = stored[0].campaign_id
        assert campaign and {s.campaign_id for s in stored} == {campaign}
        await store.save_report(made(9, NOW, link="other.example", mail_time=arrivals[0]))  # another campaign
        timeline = await comm.campaign_timeline(1, campaign)
        # 24 Jan 10:01 and 10:30 UTC, 26 Jan 02:00: 41 hours apart, so hours
        assert timeline.unit == "hour"
        assert timeline.buckets[0] == Bucket("2021-01-24T10:00:00+00:00", 2)
        assert timeline.buckets[-1] == Bucket("2021-01-26T02:00:00+00:00", 1)
        assert len(timeline.buckets) == 41
        assert sum(b.reports for b in timeline.buckets) == 3
        assert await comm.campaign_timeline(1, "C-0000") == CampaignTimeline("day", ())
        assert (await comm.campaign_timeline(2, campaign)).buckets == ()  # another guild sees nothing
