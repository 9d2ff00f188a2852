"""Counts over time in UTC buckets: the unit fits the span, empty buckets are listed, forged dates
far apart cannot make a list of a million buckets."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.community.timeline import buckets, week_start

JST = timezone(timedelta(hours=9))


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)  # Monday
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


def test_nothing_is_an_empty_day_series() -> None:
    assert buckets([]) == ("day", [])


@pytest.mark.parametrize(("span", "unit", "count"), [
    (timedelta(0), "hour", 1),
    (timedelta(hours=47), "hour", 48),
    (timedelta(hours=48), "day", 3),
    (timedelta(days=61), "day", 62),
    (timedelta(days=70), "week", 11),
    (timedelta(weeks=100), "month", 24),
    (timedelta(days=366 * 8), "year", 9),
])
def test_the_finest_readable_unit(span: timedelta, unit: str, count: int) -> None:
    first = at(2021, 1, 4, 0, 30)
    got_unit, series = buckets([(first, 2), (first + span, 1)])
    assert got_unit == unit
    assert len(series) == count
    assert sum(n for _, n in series) == 3
    assert series[0][1] >= 1 and series[-1][1] >= 1
    starts = [s for s, _ in series]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_buckets_are_utc() -> None:
    unit, series = buckets([(datetime(2021, 1, 25, 8, 0, tzinfo=JST), 1), (at(2021, 1, 26, 12), 1)])
    assert unit == "hour" and series[0] == (at(2021, 1, 24, 23), 1)  # 08:00 in Tokyo is 23:00 UTC the day before
    unit, series = buckets([(datetime(2021, 1, 25, 8, 0, tzinfo=JST), 1), (at(2021, 2, 26), 1)])
    assert unit == "day" and series[0] == (at(2021, 1, 24), 1)


def test_months_and_years_roll_over() -> None:
    unit, series = buckets([(at(2020, 11, 15), 1), (at(2022, 2, 1), 1)])
    assert unit == "month"
    assert [s.strftime("%Y-%m") for s, _ in series][:3] == ["2020-11", "2020-12", "2021-01"]
    unit, series = buckets([(at(9990, 5, 1), 1), (at(9999, 12, 31, 23), 1)])
    assert unit == "year" and series[-1] == (at(9999, 1, 1), 1)  # no year 10000 asked for


def test_forged_dates_far_apart_list_only_the_years_with_reports() -> None:
    unit, series = buckets([(at(1, 1, 1), 1), (at(2021, 1, 24), 5), (at(9999, 1, 1), 1)])
    assert unit == "year"
    assert series == [(at(1, 1, 1), 1), (at(2021, 1, 1), 5), (at(9999, 1, 1), 1)]
