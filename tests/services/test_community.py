"""The shared log's use-cases without the CLI: raw-mail retention, tagged recipients, privacy."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.addresses import address_key
from bot.services.errors import CommunityError
from bot.services.ports.members import RegistrationCounts
from bot.services.ports.reports import EntryDomain
from tests.cli.test_shared_log_cli import seed_for
from tests.shared_log import shared_log_at

NOW = datetime(2021, 1, 25, tzinfo=UTC)
KEY = b"k" * 32


async def test_raw_mail_is_kept_only_when_asked_and_purged_after_retention(store_place: str) -> None:
    async with shared_log_at(store_place, key=KEY) as log:
        await log.submit(seed_for("a@example.jp", "1"), 1, 10, NOW)
        await log.submit(seed_for("b@example.jp", "2"), 1, 11, NOW, keep_raw_days=30)
        assert await log.scalar("SELECT count(*) FROM report WHERE raw IS NOT NULL") == 1
        await log.submit(seed_for("c@example.jp", "3"), 1, 12, NOW + timedelta(days=31))
        assert await log.scalar("SELECT count(*) FROM report WHERE raw IS NOT NULL") == 0


async def test_a_tagged_recipient_points_at_its_service(store_place: str) -> None:
    async with shared_log_at(store_place, key=KEY) as log:
        done = await log.submit(seed_for("taro+rakuten@example.jp", "t1"), 1, 10, NOW)
        await log.submit(seed_for("hanako@example.jp", "t2"), 1, 11, NOW)
        await log.community.register(1, 11, "hanako@example.jp", "amazon", "", NOW)
        await log.community.register(1, 12, "other@example.jp", "amazon", "", NOW)
        assert done.saved.campaign_id
        view = await log.community.campaign_view(1, done.saved.campaign_id)
        assert view is not None
        assert view.leak_ranking[0].service == "rakuten"  # the tag outweighs a popular service


async def test_member_input_errors_are_values_with_codes(store_place: str) -> None:
    async with shared_log_at(store_place, key=KEY) as log:
        for address, yes, no, code in (("nope", "amazon", "", "bad_address"), ("a@example.jp", "", "", "no_services"),
                                        ("a@example.jp", "amazon", "アマゾン", "contradiction")):
            with pytest.raises(CommunityError) as caught:
                await log.community.register(1, 1, address, yes, no, NOW)
            assert caught.value.code == code
        with pytest.raises(CommunityError) as caught:
            await log.submit(b"", 1, 1, NOW)
        assert caught.value.code == "unreadable"


def test_address_keys_are_keyed_and_normalised() -> None:
    assert address_key(KEY, "Taro@Example.JP ") == address_key(KEY, "taro@example.jp")
    assert address_key(KEY, "taro@example.jp") != address_key(b"x" * 32, "taro@example.jp")


FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures"


async def test_forged_from_domains_and_shared_services_never_reach_the_blocklist(store_place: str) -> None:
    async with shared_log_at(store_place, key=KEY) as log:
        for member, name in ((31, "forged_from_link_1.eml"), (32, "forged_from_link_2.eml"),
                             (41, "shared_services_1.eml"), (42, "shared_services_2.eml")):
            await log.submit((FIXTURES / name).read_bytes(), 1, member, NOW)
        blocklist = (await log.community.export(1, "blocklist")).split()
        assert "victim-corp.co.jp" not in blocklist  # a forged From domain, even when also linked
        assert not {"w3.org", "bit.ly", "github.io", "gmail.com", "google.com", "smbc-card.com"} & set(blocklist)
        assert blocklist == ["evilthing1.cc", "evilthing2.cc"]  # the phishers' own, each from two members


async def test_merged_campaigns_keep_the_oldest_id_and_dates(store_place: str) -> None:
    from bot.community.campaigns import CampaignKeys
    from tests.storage.test_shared_log import new_report

    async with shared_log_at(store_place, key=KEY) as log:
        store = log.stores.reports

        def report(n: int, links: set[str], when: datetime):  # type: ignore[no-untyped-def]
            base = new_report(n)
            keys = CampaignKeys(frozenset(links), None, None, None, None, when)
            return replace(base, keys=keys, mail_time=when, domains=tuple(EntryDomain(d, "link", True, 3) for d in links))

        a = await store.save_report(report(1, {"zzz-one.example"}, NOW))
        b = await store.save_report(report(2, {"aaa-two.example"}, NOW + timedelta(days=1)))
        c = await store.save_report(report(3, {"zzz-one.example", "aaa-two.example"}, NOW + timedelta(days=2)))
        assert a.campaign_id != b.campaign_id
        assert c.campaign_id == a.campaign_id  # the oldest campaign keeps its id
        view = await store.campaign(1, a.campaign_id or "")
        assert view is not None
        assert view.reports == 3
        assert datetime.fromisoformat(view.first_seen) == NOW
        assert await store.campaign(1, b.campaign_id or "") is None


def test_a_subject_without_a_brand_joins_nothing() -> None:
    from bot.community.campaigns import CampaignKeys, joins

    a = CampaignKeys(frozenset(), None, None, None, "yourinvoiceforjanuary", NOW)
    b = CampaignKeys(frozenset(), None, None, None, "yourinvoiceforjanuary", NOW)
    assert not joins(a, b)
    assert joins(CampaignKeys(frozenset(), None, None, "amazon", "x" * 8, NOW), CampaignKeys(frozenset(), None, None, "amazon", "x" * 8, NOW))


async def test_one_member_cannot_take_over_anothers_address_and_forget_unlinks_recipients(store_place: str) -> None:
    async with shared_log_at(store_place, key=KEY) as log:
        store = log.stores.reports
        await log.community.register(1, 1, "shared@example.jp", "amazon", "", NOW)
        # a second member's claims about the same address are theirs: neither blocked nor replacing
        await log.community.register(1, 2, "Shared@EXAMPLE.jp.", "rakuten", "amazon", NOW)
        assert [(r.service, r.registered) for r in await log.community.my_registrations(1, 1)] == [("amazon", True)]
        assert [(r.service, r.registered) for r in await log.community.my_registrations(1, 2)] == [
            ("amazon", False), ("rakuten", True)]
        assert await log.stores.members.registration_counts(1) == RegistrationCounts(1, {"amazon": 1, "rakuten": 1}, {})
        done = await log.submit(seed_for("gone@example.jp", "g1"), 1, 7, NOW)
        await log.community.forget(1, 7)
        view = await store.campaign(1, done.saved.campaign_id or "")
        assert view is not None
        assert view.recipients == ()  # the forgotten member's address key is gone too
        with pytest.raises(CommunityError):
            await log.community.vote(1, 2, done.saved.campaign_id or "", "  ", NOW)
