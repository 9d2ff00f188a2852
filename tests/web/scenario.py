"""The seed campaign as a community lives it, for the campaign page: three members report
三井住友カード【重要】 as each received it (registration ages from the fake RDAP registry on
loopback), five record where they gave their addresses, three vote, JPCERT/CC lists the link's
domain, and the server shares its campaign pages. Reserved names only."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.ports.guilds import FeatureChanges
from bot.settings import AppSettings
from bot.wiring import cli_shared_log, open_stores
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
    async with cli_shared_log(settings, lookups=True) as log:
        first = await log.submissions.submit(SEED_EML, GUILD, 201, NOW)
        for member in (202, 203):
            await log.submissions.submit(pasted_by(member), GUILD, member, NOW)
        campaign = first.saved.campaign_id
        assert campaign is not None
        for member, (address, yes, no) in SERVICES.items():
            await log.community.register(GUILD, member, address, yes, no, NOW)
        for member, service in VOTES.items():
            await log.community.vote(GUILD, member, campaign, service, NOW)
        await log.feeds.import_file("jpcert", "jpcert",
                                    "date,URL,description\n2021/01/22 09:30:00,https://smbc.servicecc-jp.cc/vpass/,"
                                    "三井住友カード\n".encode(), NOW)
        token = await log.tokens.ensure(GUILD, "pages", NOW)
    async with open_stores(settings) as stores:
        await stores.guilds.change_guild_features(GUILD, FeatureChanges(share_pages="all"), NOW)
    return campaign, token
