"""The shared log under attack (issue 10, items 6–11 and 14): shared platforms, official domains,
exports, address squatting, identical mails from two members, list footers, time zones."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.community.leaks import rank_leak_sources
from bot.services.addresses import address_key, normalise_address
from bot.services.community import csv_cell
from bot.services.domain_info import BadDomain
from bot.services.errors import CommunityError, ConfirmRefused
from bot.storage.database import Database
from bot.storage.sqlite import sqlite_stores
from tests.cli.test_shared_log_cli import seed_for
from tests.shared_log import LogUnderTest, shared_log_at, stores_at

NOW = datetime(2021, 1, 25, tzinfo=UTC)
KEY = b"k" * 32
GUILD = 1


def phish(address: str, message_id: str, links: list[str], *, extra_headers: str = "", footer: str = "",
          sender: str = "ntc-cs.com", ip: str = "203.0.113.45", subject: str | None = None) -> bytes:
    """The seed phish as ``address`` received it, linking to ``links`` (each host gets a login
    path), sent through ``sender`` (envelope, DKIM) from ``ip``."""
    raw = seed_for(address, message_id).decode("ascii").replace("ntc-cs.com", sender).replace("203.0.113.45", ip)
    anchors = "".join(f'<a href="https://{host}/vpass/login.php">VpassID</a><br>' for host in links)
    old = '<a href="https://smbc.servicecc-jp.cc/vpass/login.php?uid=8f3a91c2">'
    assert old in raw
    raw = raw.replace(old, anchors + "<a>")
    if subject is not None:
        raw = raw.replace("Subject: =?iso-2022-jp?b?GyRCOzAwZj07TSclKyE8JUkhWj1FTVchWxsoQg==?=", f"Subject: {subject}")
    raw = raw.replace("</body>", footer + "</body>")
    if extra_headers:
        raw = raw.replace("Message-ID:", extra_headers + "Message-ID:", 1)
    return raw.encode("ascii")


@pytest.fixture
async def log(store_place: str) -> AsyncIterator[LogUnderTest]:
    async with shared_log_at(store_place, key=KEY) as opened:
        yield opened


# --- 8. shared platforms --------------------------------------------------------------------


async def test_platform_customers_reach_the_blocklist_never_the_platform(log: LogUnderTest) -> None:
    for member, mid in ((11, "p1"), (12, "p2")):
        mail = phish(f"m{member}@example.jp", mid, ["foo.duckdns.org", "bar.jotform.com"], sender=f"s{member}.example")
        done = await log.submit(mail, GUILD, member, NOW)
        assert done.analysis.verdict == "phishing"
    # the customer's unit; jotform's customers are paths: nothing of it
    assert (await log.community.export(GUILD, "blocklist")).split() == ["foo.duckdns.org"]
    assert (await log.community.export(GUILD, "hosts")).splitlines() == ["0.0.0.0 foo.duckdns.org"]
    view = await log.community.domain_view(GUILD, "hxxps://foo[.]duckdns[.]org/x", None, NOW)
    assert (view.domain, view.status, view.members, view.registrable_domain) == (
        "foo.duckdns.org", "known_bad", 2, "duckdns.org")
    platform = await log.community.domain_view(GUILD, "duckdns.org", None, NOW)
    assert platform.status == "platform"
    assert platform.reports == 0
    assert (await log.community.domain_view(GUILD, "jotform.com", None, NOW)).status == "platform"


async def test_customers_of_one_platform_do_not_join_one_campaign(log: LogUnderTest) -> None:
    a = await log.submit(phish("a@example.jp", "c1", ["one.duckdns.org"], sender="s1.example", ip="192.0.2.1"),
                                 GUILD, 11, NOW)
    b = await log.submit(phish("b@example.jp", "c2", ["two.duckdns.org"], sender="s2.example", ip="192.0.2.2",
                                       subject="Your card is locked"),
                                 GUILD, 12, NOW + timedelta(days=30))
    assert a.saved.campaign_id != b.saved.campaign_id
    assert await log.stores.reports.campaign(GUILD, a.saved.campaign_id or "") is not None


# --- 9. official domains ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "code"), [
    ("amazon.co.jp", "confirm_official"), ("https://www.smbc.co.jp/x", "confirm_official"),
    ("gmail.com", "confirm_freemail"), ("bit.ly", "confirm_shortener"), ("github.io", "confirm_platform"),
    ("duckdns.org", "confirm_platform"), ("form.jotform.com", "confirm_platform"),
    ("☃.com", "confirm_not_host"), ("a_b.com", "confirm_not_host"),  # read, but no blocklist may carry them
])
async def test_official_and_shared_domains_cannot_be_confirmed(log: LogUnderTest, name: str, code: str) -> None:
    with pytest.raises(ConfirmRefused) as caught:
        await log.community.decide_domain(GUILD, name, "confirmed", 9, NOW)
    assert caught.value.code == code and caught.value.usage
    assert await log.community.export(GUILD, "hosts") == ""
    await log.community.decide_domain(GUILD, name, "cleared", 9, NOW)  # clearing harms nobody


async def test_a_platform_customer_can_be_confirmed(log: LogUnderTest) -> None:
    assert await log.community.decide_domain(GUILD, "hxxps://evil.github[.]io/login", "confirmed", 9, NOW) == "evil.github.io"
    assert await log.community.export(GUILD, "hosts") == "0.0.0.0 evil.github.io\n"


# --- 6. exports -------------------------------------------------------------------------------


async def test_exports_write_only_host_names_and_neutralise_csv_formulas(log: LogUnderTest) -> None:
    for bad in ("-cmd.example", "xn----.example", "a..example"):  # rows an older version could have stored
        await log.stores.reports.decide(GUILD, bad, "confirmed", 9, NOW)
    await log.stores.reports.decide(GUILD, "good.example", "confirmed", 9, NOW)
    assert await log.community.export(GUILD, "blocklist") == "good.example\n"
    assert await log.community.export(GUILD, "hosts") == "0.0.0.0 good.example\n"
    with pytest.raises(BadDomain):
        await log.community.decide_domain(GUILD, "-cmd.example", "confirmed", 9, NOW)
    for text in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(text) == "'" + text
    assert csv_cell("R-0123") == "R-0123" and csv_cell(None) == ""
    await log.submit(phish("a@example.jp", "e1", ["x-y.example"]), GUILD, 11, NOW)
    rows = list(csv.reader(io.StringIO(await log.community.export(GUILD, "csv"))))
    assert rows[0][0] == "report_id" and all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# --- 7. service names, the database file --------------------------------------------------------


@pytest.mark.parametrize("text", ["taro@example.jp", "amazon, hanako＠example.jp", "taro%40example.jp"])
async def test_an_address_is_never_a_service_name(log: LogUnderTest, text: str) -> None:
    with pytest.raises(CommunityError) as caught:
        await log.community.register(GUILD, 11, "me@example.jp", text, "", NOW)
    assert caught.value.code == "service_is_address"
    with pytest.raises(CommunityError):
        await log.community.register(GUILD, 11, "me@example.jp", "amazon", text, NOW)
    done = await log.submit(phish("me@example.jp", "v1", ["x-y.example"]), GUILD, 11, NOW)
    with pytest.raises(CommunityError) as caught:
        await log.community.vote(GUILD, 11, done.saved.campaign_id or "", text, NOW)
    assert caught.value.code == "service_is_address"
    assert await log.community.my_registrations(GUILD, 11) == []
    await log.community.register(GUILD, 11, "me@example.jp", "@cosme", "", NOW)  # a service whose name starts with @


async def test_the_database_file_is_created_private(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.db"
    old = os.umask(0o022)
    try:
        async with await Database.open(str(path)) as db:
            await sqlite_stores(db).reports.decide(GUILD, "a.example", "confirmed", 1, NOW)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for extra in (tmp_path / "new.db-wal", tmp_path / "new.db-shm"):
        if extra.exists():
            assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0


# --- 10. address squatting ----------------------------------------------------------------------


def test_addresses_are_normalised() -> None:
    assert normalise_address(" <Taro@Example.JP.> ") == "taro@example.jp"
    assert normalise_address("taro@例え.jp") == "taro@xn--r8jz45g.jp"
    assert address_key(KEY, "taro@example.jp.") == address_key(KEY, "TARO@example.jp")


async def test_a_squatter_no_longer_decides_the_ranking(log: LogUnderTest) -> None:
    owners = {21: "owner.a@example.jp", 22: "owner.b@example.jp", 23: "owner.c@example.jp"}
    squatter = 66
    # the squatter registers the owners' addresses first, with invented answers
    for address in owners.values():
        await log.community.register(GUILD, squatter, address.upper() + ".", "smbc-card", "amazon", NOW)
    campaign = ""
    for member, address in owners.items():
        done = await log.submit(phish(address, f"sq{member}", ["smbc.servicecc-jp.cc"]), GUILD, member, NOW)
        campaign = done.saved.campaign_id or campaign
        # the owner is not blocked from registering their own address
        await log.community.register(GUILD, member, address, "amazon", "", NOW)
    view = await log.community.campaign_view(GUILD, campaign)
    assert view is not None
    top = view.leak_ranking[0]
    assert (top.service, top.registered, top.not_registered) == ("amazon", 3, 0)
    # the squatter's claims change nothing about the recipients' answers: the same ranking as
    # without them (they still count among the community's base rates, as any member's would)
    claims = await log.stores.members.claims_of(GUILD, {address_key(KEY, a) for a in owners.values()})
    assert {(c.member, c.evidence) for c in claims} == {(squatter, False), (21, True), (22, True), (23, True)}
    smbc = next(r for r in view.leak_ranking if r.service == "smbc-card")
    assert smbc.registered == 0
    assert smbc.score < 0.05
    assert top.score > 0.5


async def test_claims_without_evidence_are_merged_and_contradictions_are_silent() -> None:
    from bot.community.leaks import Claim, Registration, resolve_claims

    claims = [Claim("a", 1, "amazon", True, False), Claim("a", 2, "amazon", False, False),
              Claim("a", 2, "rakuten", True, False), Claim("b", 3, "jcb", True, True), Claim("b", 4, "epos", True, False)]
    assert resolve_claims(claims) == [Registration("a", "rakuten", True), Registration("b", "jcb", True)]
    assert resolve_claims(reversed(claims)) == resolve_claims(claims)
    assert rank_leak_sources({"b"}, resolve_claims(claims))[0].service == "jcb"


# --- 11. one mail, two members ------------------------------------------------------------------


async def test_an_identical_mail_from_a_second_member_is_a_second_member(log: LogUnderTest) -> None:
    mail = phish("list@example.jp", "same", ["smbc.servicecc-jp.cc"])
    first = await log.submit(mail, GUILD, 11, NOW)
    second = await log.submit(mail, GUILD, 12, NOW)
    again = await log.submit(mail, GUILD, 12, NOW)
    assert (first.saved.duplicate, second.saved.duplicate, again.saved.duplicate) == (False, True, True)
    assert (second.saved.new_reporter, again.saved.new_reporter) == (True, False)
    assert first.saved.public_id == second.saved.public_id  # one report …
    assert (second.campaign_reports, second.campaign_members) == (1, 2)  # … from two members
    assert (again.campaign_reports, again.campaign_members) == (1, 2)
    assert "servicecc-jp.cc" in (await log.community.export(GUILD, "blocklist")).split()  # the two-member rule holds
    view = await log.community.domain_view(GUILD, "servicecc-jp.cc", None, NOW)
    assert (view.reports, view.members) == (1, 2)
    assert len((await log.community.export(GUILD, "json")).splitlines()) == 1
    counts = await log.community.forget(GUILD, 12)
    assert counts.reports_unlinked == 1
    assert (await log.community.domain_view(GUILD, "servicecc-jp.cc", None, NOW)).members == 1


# --- 12. mailing-list footers ---------------------------------------------------------------------


LIST_HEADERS = ("List-Id: Readers <readers.lists.example.org>\n"
                "List-Unsubscribe: <https://lists.example.org/u/readers>, <mailto:leave@lists.example.org>\n")
FOOTER = ('<p>--<br><a href="https://lists.example.org/listinfo/readers">Readers list</a> '
          '<a href="https://mailer-footer.example/unsubscribe?u=1">unsubscribe</a></p>')


async def test_a_list_footer_joins_no_campaign_and_is_never_bad(log: LogUnderTest) -> None:
    # a list re-sends the mails: its own envelope, server and footer on both
    a = await log.submit(phish("a@example.jp", "l1", ["first-phish.example"], extra_headers=LIST_HEADERS,
                                       footer=FOOTER, sender="lists.example.org"), GUILD, 11, NOW)
    b_mail = phish("b@example.jp", "l2", ["second-phish.example"], extra_headers=LIST_HEADERS, footer=FOOTER,
                   sender="lists.example.org", subject="Your card is locked")
    b = await log.submit(b_mail, GUILD, 12, NOW + timedelta(days=20))
    assert a.saved.campaign_id != b.saved.campaign_id
    assert a.analysis.verdict == "phishing"
    for member in (13, 14):  # two more members: the two-member rule would list anything shared
        await log.submit(phish(f"m{member}@example.jp", f"l{member}", ["first-phish.example"],
                                       extra_headers=LIST_HEADERS, footer=FOOTER, sender="lists.example.org"),
                                 GUILD, member, NOW)
    blocklist = (await log.community.export(GUILD, "blocklist")).split()
    assert "first-phish.example" in blocklist
    assert "example.org" not in blocklist and "mailer-footer.example" not in blocklist
    assert (await log.community.domain_view(GUILD, "mailer-footer.example", None, NOW)).reports == 0


async def test_a_phish_cannot_hide_its_only_domain_in_a_list_header(log: LogUnderTest) -> None:
    headers = "List-Unsubscribe: <https://only-phish.example/u>\n"
    for member in (11, 12):
        await log.submit(phish(f"m{member}@example.jp", f"h{member}", ["only-phish.example"],
                                       extra_headers=headers), GUILD, member, NOW)
    assert "only-phish.example" in (await log.community.export(GUILD, "blocklist")).split()


# --- 14. time -------------------------------------------------------------------------------------


async def test_campaign_times_compare_as_times_whatever_the_offset(store_place: str) -> None:
    from dataclasses import replace
    from datetime import timezone

    from tests.storage.test_shared_log import new_report

    jst = timezone(timedelta(hours=9))
    early = datetime(2021, 1, 24, 19, 0, tzinfo=jst)  # 10:00 UTC
    late = datetime(2021, 1, 24, 11, 0, tzinfo=UTC)  # later, though "11:00Z" < "19:00+09:00" as text
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        one = await store.save_report(replace(new_report(1), mail_time=late, keys=replace(new_report(1).keys, mail_time=late)))
        await store.save_report(replace(new_report(2), mail_time=early, keys=replace(new_report(2).keys, mail_time=early)))
        view = await store.campaign(1, one.campaign_id or "")
        assert view is not None
        assert datetime.fromisoformat(view.first_seen) == early
        assert datetime.fromisoformat(view.last_seen) == late
        assert view.first_seen.endswith("+00:00")
