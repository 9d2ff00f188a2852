"""The shared log's use-cases over one store, as the composition root (``bot/wiring.py``) builds
them for an entry point: the CLI for one command, the bot and the web server for a process's life.
Adapters receive this (or the few members they need) and never a store."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.campaign_page import CampaignPages
from bot.services.community import Community
from bot.services.feeds_in import ThreatFeeds
from bot.services.guild_lookups import GuildLookups
from bot.services.guilds import Guilds
from bot.services.other_sources import ElsewhereLookup
from bot.services.ports.admin import StoreAdmin
from bot.services.submit import Submissions
from bot.services.web_tokens import WebTokens


@dataclass(frozen=True)
class SharedLog:
    community: Community  # domains, campaigns, leak sources, votes, forgetting, exports, counts
    submissions: Submissions  # filing a mail, sharing a private analysis, desk texts
    guilds: Guilds  # settings, /setup, the guild lifecycle
    tokens: WebTokens  # the secret links of blocklist feeds and campaign pages
    pages: CampaignPages  # who may see a campaign's page, and the page
    elsewhere: ElsewhereLookup  # what threat feeds and other servers say about a name
    feeds: ThreatFeeds  # threat feeds imported, their state
    admin: StoreAdmin  # the store for its operators (status, health)
    lookups: GuildLookups | None  # None: no registry is asked
