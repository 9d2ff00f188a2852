"""The seed campaign as a community lives it, for the campaign page: three members report
三井住友カード【重要】 as each received it (registration ages from the fake RDAP registry on
loopback), five record where they gave their addresses, three vote, JPCERT/CC lists the link's
domain, and the server shares its campaign pages. Reserved names only."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.feeds_in import import_feed
from bot.services.protocols import FeatureChanges
from bot.services.web_tokens import WebTokens
from bot.settings import AppSettings
from bot.storage.feed_store import FeedStoreSQLite
from bot.storage.sharing_store import SharingStoreSQLite
from bot.wiring import community, registry_intel
from tests.web.conftest import GUILD, SEED_EML, SEED_PASTE

NOW = datetime(2021, 1, 25, 3, 0, tzinfo=UTC)
RECIPIENTS = {201: "taro.yamada@example.jp", 202: "hanako.sato@example.jp", 203: "jiro@example.com"}
SERVICES = {  # member -> (address, registered with, not registered with)
    201: ("taro.yamada@example.jp", "amazon, 楽天, yahoo-shopping", "三井住友カード"),
    202: ("hanako.sato@example.jp", "amazon, mercari", "rakuten"),
    203: ("jiro@example.com", "アマゾン, aliexpress", ""),
    204: ("shiro@example.net", "rakuten, mercari", "amazon"),
    205: ("goro@example.org", "yahoo-shopping", ""),
}
VOTES = {201: "amazon", 202: "amazon", 204: "rakuten"}


def pasted_by(member: int) -> bytes:
    address = RECIPIENTS[member]
    return (SEED_PASTE.replace("taro.yamada@example.jp", address)
            .replace("uid=8f3a91c2", f"uid={member:08x}")).encode("utf-8")


async def build(settings: AppSettings) -> tuple[str, str]:
    """(campaign id, pages token) in the database ``settings`` names."""
    async with community(settings) as (comm, store):
        async with registry_intel(settings, store.db) as intel:
            first = await comm.submit_report(SEED_EML, GUILD, 201, NOW, intel)
            for member in (202, 203):
                await comm.submit_report(pasted_by(member), GUILD, member, NOW, intel)
        campaign = first.stored.campaign_id
        assert campaign is not None
        for member, (address, yes, no) in SERVICES.items():
            await comm.register(GUILD, member, address, yes, no, NOW)
        for member, service in VOTES.items():
            await comm.vote(GUILD, member, campaign, service, NOW)
        await import_feed(FeedStoreSQLite(store.db), "jpcert", "jpcert",
                          "date,URL,description\n2021/01/22 09:30:00,https://smbc.servicecc-jp.cc/vpass/,三井住友カード\n"
                          .encode(), NOW)
        sharing = SharingStoreSQLite(store.db)
        await sharing.change_guild_features(GUILD, FeatureChanges(share_pages="all"), NOW)
        token = await WebTokens(sharing, comm.key).ensure(GUILD, "pages", NOW)
    return campaign, token
