"""Counts over time in UTC buckets (pure): the week of a date, and a campaign's reports re-bucketed
into the finest unit that keeps the picture readable (hours for a campaign of a day or two, then
days, weeks, months, years), with the empty buckets between the first and the last filled in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

# (unit, most buckets): the finest unit whose buckets from the first report to the last fit
UNITS = (("hour", 48), ("day", 62), ("week", 60), ("month", 60))
MAX_FILLED = 400  # beyond this many years (forged dates), only the years with reports are listed


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())


def floor(moment: datetime, unit: str) -> datetime:
    moment = moment.astimezone(UTC)
    if unit == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def following(start: datetime, unit: str) -> datetime:
    """The start of the next bucket."""
    if unit == "hour":
        return start + timedelta(hours=1)
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(weeks=1)
    if unit == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.replace(year=start.year + 1)


def bucket_count(first: datetime, last: datetime, unit: str) -> int:
    """How many buckets of ``unit`` from the one holding ``first`` to the one holding ``last``."""
    a, b = floor(first, unit), floor(last, unit)
    if unit == "hour":
        return int((b - a) // timedelta(hours=1)) + 1
    if unit == "day":
        return (b - a).days + 1
    if unit == "week":
        return (b - a).days // 7 + 1
    if unit == "month":
        return (b.year * 12 + b.month) - (a.year * 12 + a.month) + 1
    return b.year - a.year + 1


def buckets(counts: list[tuple[datetime, int]]) -> tuple[str, list[tuple[datetime, int]]]:
    """(unit, [(bucket start, count), …] oldest first) for counts at moments (aware datetimes)."""
    if not counts:
        return "day", []
    first = min(moment for moment, _ in counts)
    last = max(moment for moment, _ in counts)
    unit = next((u for u, most in UNITS if bucket_count(first, last, u) <= most), "year")
    totals: dict[datetime, int] = {}
    for moment, n in counts:
        key = floor(moment, unit)
        totals[key] = totals.get(key, 0) + n
    if bucket_count(first, last, unit) > MAX_FILLED:
        return unit, sorted(totals.items())
    out = []
    current, end = floor(first, unit), floor(last, unit)
    while True:
        out.append((current, totals.get(current, 0)))
        if current >= end:
            return unit, out
        current = following(current, unit)
