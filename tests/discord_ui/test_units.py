"""The bot's parts on their own, no Discord: what counts as a mail, the rate limit, the lookup
budget, the ready-to-send report text, the command tree and its Japanese names."""

from __future__ import annotations

import re
import time
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

import discord
from discord import app_commands
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.models import DomainFact
from bot.analysis.pipeline import analyse
from bot.discord_ui._parsing import counts_as_mail, is_mail_attachment, paste_input, strip_fences
from bot.discord_ui.client import PhishBot
from bot.discord_ui.cogs import COGS
from bot.discord_ui.translator import PhishTranslator
from bot.presentation.desk_text import Member, desk_text, header_lines
from bot.services.lookup_budget import LookupBudget
from bot.services.rate_limit import RateLimiter
from bot.settings import AppSettings
from tests.discord_ui.conftest import SEED_EML, SEED_PASTE

NOW = datetime(2021, 1, 25, tzinfo=UTC)


# --- what counts as a mail ---------------------------------------------------------------------


def test_headers_links_and_pasted_fields_count_chat_does_not() -> None:
    assert counts_as_mail(SEED_PASTE)
    assert counts_as_mail("From: a@example.com\nSubject: hi")
    assert counts_as_mail("件名: 【重要】お支払い方法の確認")
    assert counts_as_mail("これ怪しい? hxxps://login[.]example[.]com/verify")
    assert counts_as_mail("check example.com/login please")
    assert not counts_as_mail("おはようございます。今日も暑いですね")
    assert not counts_as_mail("from now on I will use example.com")  # a domain without a path is chat
    assert not counts_as_mail("   ")
    assert paste_input("hello there") is None


def test_code_fences_are_unwrapped() -> None:
    assert strip_fences("```\nFrom: a@example.com\n```") == "From: a@example.com"
    assert strip_fences("```eml\nSubject: x\n```") == "Subject: x"
    assert strip_fences("no fence") == "no fence"


def test_mail_attachments() -> None:
    assert is_mail_attachment("message.txt") and is_mail_attachment("Fwd.EML") and is_mail_attachment("a.msg")
    assert not is_mail_attachment("photo.png") and not is_mail_attachment("eml")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="From:件名 \n\t>:/.hxp[]ab1-", max_size=3000))
def test_counting_is_linear_on_hostile_text(text: str) -> None:
    started = time.perf_counter()
    counts_as_mail(text * 10)
    assert time.perf_counter() - started < 1.0  # a guard against catastrophic backtracking, not a benchmark


# --- the rate limit ------------------------------------------------------------------------------


def test_rate_limit_five_a_minute_warns_once() -> None:
    now = [0.0]
    limiter = RateLimiter(5, 60.0, lambda: now[0])
    results = [limiter.hit("taro") for _ in range(20)]
    assert [r.allowed for r in results] == [True] * 5 + [False] * 15
    assert [r.warn for r in results].count(True) == 1 and results[5].warn
    assert 59 <= results[5].retry_after <= 60
    assert limiter.hit("hanako").allowed  # per member
    now[0] = 61.0
    assert limiter.hit("taro").allowed
    now[0] = 200.0
    for _ in range(5):
        limiter.hit("taro")
    assert limiter.hit("taro").warn  # a new window may warn again


def test_rate_limiter_forgets_members_whose_window_passed() -> None:
    now = [0.0]
    limiter = RateLimiter(5, 60.0, lambda: now[0])
    for member in range(10_000):
        limiter.hit(member)
    assert len(limiter) == 10_000
    now[0] = 61.0
    limiter.hit("one more")
    assert len(limiter) == 1


# --- the lookup budget ----------------------------------------------------------------------------


class CountingIntel:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.known = {"cached.example.com"}

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        self.asked += list(domains)
        return {d: DomainFact(domain=d, lookup="rdap", registered="2021-01-20T00:00:00Z") for d in domains}

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return {d: DomainFact(domain=d, lookup="cache") for d in domains if d in self.known}


async def test_budget_per_guild_per_hour_and_cache_hits_are_free() -> None:
    clock = [0.0]
    budget = LookupBudget(3, lambda: clock[0])
    intel = CountingIntel()
    guild = budget.for_guild(intel, 1)
    facts = await guild.lookup(["a.example", "b.example", "cached.example.com", "c.example", "d.example"], NOW)
    assert intel.asked == ["a.example", "b.example", "c.example"]
    assert facts["cached.example.com"].lookup == "cache"
    assert facts["d.example"].lookup == "skipped" and facts["d.example"].reason == "budget"
    other = await budget.for_guild(intel, 2).lookup(["e.example"], NOW)
    assert other["e.example"].lookup == "rdap"  # another guild has its own budget
    clock[0] = 3601.0
    again = await guild.lookup(["d.example"], NOW)
    assert again["d.example"].lookup == "rdap"


async def test_a_quick_answer_keeps_what_the_cache_knows_behind_the_budget() -> None:
    import asyncio

    from bot.services.quick_intel import QuickIntel

    class Slow(CountingIntel):
        async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
            await asyncio.sleep(0.5)
            return await super().lookup(domains, now)

    quick = QuickIntel(LookupBudget(10, lambda: 0.0).for_guild(Slow(), 1), wait=0.05)
    facts = await quick.lookup(["cached.example.com", "slow.example"], NOW)
    assert facts["cached.example.com"].lookup == "cache"  # known already: not "pending"
    assert facts["slow.example"].reason == "pending" and quick.pending == {"slow.example"}
    await asyncio.sleep(0.6)  # the shielded lookup finishes in the background


# --- the ready-to-send report text -----------------------------------------------------------------


def test_report_text_has_the_headers_masked_and_defanged() -> None:
    report = analyse(SEED_EML, now=NOW)
    text = desk_text(report, "ja", "R-0123456789")
    assert "info@antiphishing.jp" in text and "meiwaku@dekyo.or.jp" in text
    assert "Received:" in text and "Authentication-Results:" in text
    assert "taro.yamada@example.jp" not in text and "t***@example.jp" in text
    assert "servicecc-jp.cc" not in text and "servicecc-jp[.]cc" in text
    assert "R-0123456789" in text and "フィッシング" in text
    english = desk_text(report, "en")
    assert "Header of the mail" in english


def test_report_text_of_an_outlook_msg_has_its_transport_headers() -> None:
    from tests.conftest import CORPUS, need_shared

    need_shared()
    data = (CORPUS / "malformed" / "mail-parser__tests__mails__mail_outlook_1.eml").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an OLE file, whatever its name
    text = desk_text(analyse(data, now=NOW), "en")
    headers = text.split("■ Header of the mail", 1)[1]
    assert "Received: from " in headers and "X-Virus-Scanned:" in headers
    assert "\ufffd" not in headers  # read from the .msg's properties, not its raw bytes


def test_report_text_for_a_paste_without_headers() -> None:
    data = "ご確認ください hxxps://login[.]example[.]com/x".encode()
    report = analyse(data, now=NOW)
    assert header_lines(report, Member(report)) == []
    text = desk_text(report, "en")
    assert "pasted without its header" in text and "login[.]example[.]com" in text


# --- the command tree ------------------------------------------------------------------------------

_NAME = re.compile(r"^[-_\w]{1,32}$")


def _names(payload: dict[str, object], path: str = "") -> list[tuple[str, str, str]]:
    """(path, English name, Japanese name) of a command payload and its options, recursively."""
    name = str(payload["name"])
    ja = dict(payload.get("name_localizations") or {}).get("ja", "")  # type: ignore[call-overload]
    assert dict(payload.get("description_localizations") or {}).get("ja"), (path, name)  # type: ignore[call-overload]
    out = [(path, name, ja)]
    for option in payload.get("options") or []:  # type: ignore[attr-defined]
        out += _names(option, f"{path}/{name}")
    return out


async def test_every_cog_loads_and_names_are_unique_and_valid_in_both_languages() -> None:
    bot = PhishBot(AppSettings())  # no use-cases: as `phishbot sync` builds it
    try:
        await bot.setup_hook()
        assert bot.cog_failures == [] and len(bot.cogs) == len(COGS)
        menus = bot.tree.get_commands(type=discord.AppCommandType.message)
        assert [m.name for m in menus] == ["Analyze as phishing mail"]
        translator = PhishTranslator()
        top = bot.tree.get_commands(type=discord.AppCommandType.chat_input)
        assert len({c.name for c in top}) == len(top) == 7
        rows = []
        for command in top:
            rows += _names(await command.get_translated_payload(bot.tree, translator))
        for path, name, ja in rows:
            assert _NAME.match(name) and name == name.lower(), (path, name)
            assert ja and _NAME.match(ja) and ja == ja.lower(), (path, name, ja)
        # unique among their siblings, in both languages
        for column in (1, 2):
            keys = [(row[0], row[column]) for row in rows]
            assert len(keys) == len(set(keys)), column
        menu = await menus[0].get_translated_payload(bot.tree, translator)
        assert menu["name_localizations"]["ja"] == "このメッセージを解析"
        context: app_commands.TranslationContext[Any, None] = app_commands.TranslationContext(
            app_commands.TranslationContextLocation.other, None)
        english = await translator.translate(app_commands.locale_str("x", key="analyze"), discord.Locale.american_english,
                                             context)
        assert english is None  # English is Discord's default: no translation sent
    finally:
        await bot.close()
