"""Every port of the store together, as the composition root opens them (over one database: one
connection pool, one transaction discipline). A second store provides the same bundle."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.ports.admin import StoreAdmin
from bot.services.ports.feeds import FeedStore
from bot.services.ports.guilds import GuildStore
from bot.services.ports.leases import BudgetStore, LeaseStore
from bot.services.ports.lookups import RegistrationCache
from bot.services.ports.members import MemberStore
from bot.services.ports.reports import ReportStore
from bot.services.ports.sharing import SharingStore


@dataclass(frozen=True)
class Stores:
    reports: ReportStore
    members: MemberStore
    guilds: GuildStore
    feeds: FeedStore
    sharing: SharingStore
    cache: RegistrationCache
    admin: StoreAdmin
    leases: LeaseStore  # who does the once-for-all work (issue 15: several processes, one store)
    budgets: BudgetStore  # the per-guild lookup budget, shared by the processes
