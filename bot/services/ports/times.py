"""Times as the stores write them and the views show them: UTC, in one fixed-width ISO 8601 form,
so that comparing the text compares the times (campaign merges and "latest first" rely on it)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(when: datetime) -> str:
    """Microseconds always written (``2021-01-24T10:01:58.000000+00:00``): the shared log's form
    (reports, campaigns, decisions, votes). A naive time is taken as UTC."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def utc_seconds(when: datetime) -> str:
    """Seconds (``2021-01-24T10:01:58+00:00``): the threat feeds' and the web tokens' form."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")
