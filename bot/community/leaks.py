"""Which service leaked the address list a campaign was sent to? (SPEC §6 "Leak sources";
the model is explained, with a worked example, in docs/LEAKS.md.)

Single-source model with a noise term. Hypothesis S: the campaign's list came from service S.

* an address registered with S is on the list (and reaches a member who reports it) with
  probability r; any other address only through noise, with probability ε = λ·r;
* r and λ are unknown: the likelihood is averaged over a grid (log-uniform priors,
  ``LeakParams.rates`` × ``LeakParams.noise_ratios``) — one campaign reaches 3 of 5 addresses, the
  next 5 of 10,000, and the model must not be told which;
* what we know of an address and S is its member's answer: "registered" (registered, surely),
  "not registered" (registered only with probability ``denial_error``), or nothing. Nothing means
  "registered with the probability π_S": from the service's base rate (its share among the
  addresses with answers, smoothed towards ``prior_share``), corrected for members listing only
  part of their services (``completeness``). A hit address without any answer at all is
  registered with S at the base rate itself;
* a hit recipient tagged for service t (``taro+t@…``) was given to t alone: under S = t it is an
  ordinary registered hit (r); under any other S it got there by noise *and* t's leaking it too
  (ε·``tag_noise``): near-certain evidence;
* every address counts: hit ones with P(hit | answer), the others with P(not hit | answer). A
  service many non-hit members are registered with pays log(1 − r) for each — "a little" each,
  and that is the base rate: a popular service must explain why so few of its users got the mail.

The posterior over the candidates (every service some address is registered with, or a hit
address is tagged with) uses a uniform prior, plus one more hypothesis, "none of these": the list
came from a service no one here named (every address is silent about it; its base rate is the
smoothed share of a service with no registrations). Its mass (prior weight ``other_prior``) is
*not* returned: the returned scores sum to 1 − P(none of these) ≤ 1.

The hit addresses' answers are read exactly (a pair given twice counts once; a pair answered
both ways counts as registered); the community-wide numbers are counts of answers
(``CommunityCounts``: a store holds one answer per address and service). Nothing depends on the
order of the registrations. One pass over them, then a few hundred logarithms per candidate.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Registration:
    address: str        # opaque address key (an HMAC in production)
    service: str        # slug
    registered: bool    # True: "I gave this address to it"; False: "not registered with it"


@dataclass(frozen=True, slots=True)
class Claim:
    """One member's answer about one address and service, as stored: members' claims about one
    address are kept apart (anyone can type anyone's address)."""

    address: str
    member: int
    service: str
    registered: bool
    evidence: bool  # the member reported a mail received at this address


def resolve_claims(claims: Iterable[Claim]) -> list[Registration]:
    """The answers the ranking reads for each address, from its members' claims.

    Whose word counts for an address: the members who showed they receive mail there (they
    reported a mail received at it) when there are any — then a claim without that evidence
    counts for nothing (someone else typed the address first); otherwise every claimant. Their
    answers are merged per service: answers that agree stand, a service one says is registered
    and another says is not becomes "don't know" (silent). Order-independent."""
    by_address: dict[str, list[Claim]] = {}
    for c in claims:
        by_address.setdefault(c.address, []).append(c)
    out: list[Registration] = []
    for address in sorted(by_address):
        group = by_address[address]
        backed = [c for c in group if c.evidence]
        voices = backed or group
        answers: dict[str, set[bool]] = {}
        for c in voices:
            answers.setdefault(c.service, set()).add(c.registered)
        out.extend(Registration(address, service, next(iter(flags)))
                   for service, flags in sorted(answers.items()) if len(flags) == 1)
    return out


@dataclass(frozen=True)
class ServiceRank:
    service: str
    score: float          # posterior probability that the list came from this service (see module doc)
    registered: int       # hit addresses registered with it (a hit address tagged for it counts too)
    not_registered: int   # hit addresses that said "not registered with it"


def _geometric(low: float, high: float, n: int) -> tuple[float, ...]:
    return tuple(low * (high / low) ** (i / (n - 1)) for i in range(n))


@dataclass(frozen=True)
class LeakParams:
    """The model's constants (docs/LEAKS.md, "Parameters")."""

    # r: probability that an address registered with the source reaches a reporting member
    rates: tuple[float, ...] = _geometric(1e-4, 0.9, 12)
    # λ = ε / r: how much likelier an address registered with the source is to be hit than any other
    noise_ratios: tuple[float, ...] = (0.003, 0.02, 0.1)
    # share of the services they use that members register (the rest are silent, not "no"):
    # unknown, so the likelihood is averaged over these values too (each community has its habit)
    completeness: tuple[float, ...] = (0.3, 0.5, 0.7, 0.9)
    # how often members say "not registered" about a service they do not use: estimated per
    # service from the community's own answers, smoothed towards the community-wide rate with
    # this many addresses' weight (``deny_rates``)
    deny_strength: float = 20.0
    estimate_deny: bool = True  # False: silence is read as if nobody ever said "no" (the model before issue 10)
    # P(registered | said "not registered"): people forget old accounts
    denial_error: float = 0.02
    # a tagged address on another service's list: ε times this
    tag_noise: float = 0.01
    # base rate: (registered + prior_strength·prior_share) / (addresses with answers + prior_strength)
    prior_share: float = 0.1
    prior_strength: float = 4.0
    max_share: float = 0.95
    # prior weight of "none of these" against 1 for each candidate
    other_prior: float = 1.0

    def __post_init__(self) -> None:
        if not self.rates or not all(0.0 < r < 1.0 for r in self.rates):
            raise ValueError("rates: at least one, each in (0, 1)")
        if not self.noise_ratios or not all(lam > 0.0 for lam in self.noise_ratios):
            raise ValueError("noise_ratios: at least one, each > 0")
        if (not self.completeness or not all(0.0 < c <= 1.0 for c in self.completeness)
                or not 0.0 < self.max_share < 1.0 or self.deny_strength <= 0.0):
            raise ValueError("completeness values in (0, 1], max_share in (0, 1), deny_strength > 0")
        if not (0.0 <= self.denial_error < 1.0 and self.tag_noise > 0.0 and 0.0 < self.prior_share < 1.0
                and self.prior_strength > 0.0 and self.other_prior >= 0.0):
            raise ValueError("denial_error in [0, 1), tag_noise > 0, prior_share in (0, 1), prior_strength > 0, other_prior ≥ 0")


_DEFAULT = LeakParams()
_SERVICE = attrgetter("service")
_FLAG = attrgetter("registered")
_ADDRESS = attrgetter("address")


@dataclass(frozen=True)
class CommunityCounts:
    """The community-wide numbers the ranking needs, apart from the hit addresses' own answers.

    A store can compute them with two aggregate queries instead of reading every registration
    (``count_registrations`` is the reference); ``rank_leak_sources(..., counts=...)`` then needs
    only the hit addresses' registrations.
    """

    addresses: int                    # distinct address keys with at least one answer
    registered: Mapping[str, int]     # service -> "registered" answers
    not_registered: Mapping[str, int]  # service -> "not registered" answers


def count_registrations(registrations: Iterable[Registration]) -> CommunityCounts:
    """The reference computation of ``CommunityCounts`` (each answer counted as given: a store
    holds one answer per address and service)."""
    regs = registrations if isinstance(registrations, list | tuple) else list(registrations)
    answers = Counter(map(_SERVICE, regs))
    denied = Counter([g.service for g in regs if not g.registered])
    registered = {s: n - denied[s] for s, n in answers.items() if n > denied[s]}
    return CommunityCounts(len(set(map(_ADDRESS, regs))), registered, dict(denied))


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


def _log(x: float) -> float:
    return math.log(x) if x > 0.0 else -math.inf


@dataclass(frozen=True, slots=True)
class _Profile:
    """What one hypothesis S sees: hit addresses registered / denied / silent / without any answer /
    tagged for S / tagged for another service; non-hit addresses registered / denied / silent; and
    the estimated share of all addresses registered with S."""

    n_hr: int
    n_hn: int
    n_hs: int
    n_bare: int
    n_tag: int
    n_tag_other: int
    n_mr: int
    n_mn: int
    n_ms: int
    observed: float  # smoothed share of the addresses with answers that said "registered"
    deny: float      # P(says "not registered" | not registered with it)


def _grid(p: LeakParams) -> list[tuple[float, float, float, float, float, float, float]]:
    grid = [(r, lam * r) for r in p.rates for lam in p.noise_ratios if 0.0 < r < 1.0 and 0.0 < lam * r < 1.0]
    d = p.denial_error
    out = []
    for r, eps in grid:
        t_not = d * r + (1.0 - d) * eps
        out.append((r, eps, math.log(r), math.log1p(-r), _log(t_not), math.log1p(-t_not), _log(eps * p.tag_noise)))
    return out


def _evidence(f: _Profile, grid: list[tuple[float, float, float, float, float, float, float]], p: LeakParams) -> float:
    """log P(hits | answers, S), averaged over the (completeness, r, λ) grid (equal weights)."""
    log1p, log = math.log1p, math.log
    n_pos = f.n_hr + f.n_tag
    terms = []
    for c in p.completeness:
        share = min(p.max_share, f.observed / c)  # of all addresses, how many really use S
        # P(registered | silent): a user who did not list it (1 − c), against a non-user who did
        # not say "no" either (1 − deny)
        quiet_users = share * (1.0 - c)
        silent = quiet_users / (quiet_users + (1.0 - share) * (1.0 - f.deny))
        bare = share
        for r, eps, log_r, log_1r, log_tn, log_1tn, log_tag in grid:
            t_sil = silent * r + (1.0 - silent) * eps
            ll = f.n_ms * log1p(-t_sil) + f.n_mr * log_1r + f.n_mn * log_1tn + n_pos * log_r
            if f.n_hs:
                ll += f.n_hs * log(t_sil)
            if f.n_bare:
                ll += f.n_bare * log(bare * r + (1.0 - bare) * eps)
            if f.n_hn:
                ll += f.n_hn * log_tn
            if f.n_tag_other:
                ll += f.n_tag_other * log_tag
            terms.append(ll)
    return _logsumexp(terms) - math.log(len(terms))


def deny_rates(counts: CommunityCounts, p: LeakParams | None = None) -> tuple[dict[str, float], float]:
    """How often members say "not registered" about a service they do not use, estimated from the
    community's own answers: per service, its "no" answers over the addresses with answers that
    do not say "registered" (a floor for its non-users), smoothed towards the community-wide rate
    (``deny_strength`` addresses' weight). Returns (per service, community-wide); 0 when nobody
    ever says "no" — silence then means nothing either way, as in a community that never answers so."""
    p = p or _DEFAULT
    services = set(counts.registered) | set(counts.not_registered)
    total_no = sum(counts.not_registered.values())
    room = sum(max(0, counts.addresses - counts.registered.get(s, 0)) for s in services)
    pooled = min(0.95, total_no / room) if room and p.estimate_deny else 0.0
    if not p.estimate_deny:
        return dict.fromkeys(services, 0.0), 0.0
    rates = {}
    for s in services:
        non_users = max(0, counts.addresses - counts.registered.get(s, 0))
        rates[s] = min(0.95, (counts.not_registered.get(s, 0) + p.deny_strength * pooled) / (non_users + p.deny_strength))
    return rates, pooled


def rank_leak_sources(
    hit: Collection[str],
    registrations: Iterable[Registration],
    tagged: Mapping[str, str] | None = None,
    params: LeakParams | None = None,
    *,
    counts: CommunityCounts | None = None,
) -> list[ServiceRank]:
    """The candidate services, most probable source first (ties by slug); [] when there is none.

    ``counts``: the community-wide numbers when the caller has them (``CommunityCounts``); then
    ``registrations`` need only hold the hit addresses' answers (others are ignored).
    """
    p = params or _DEFAULT
    hits = set(hit)
    if not hits:
        return []
    regs = registrations if isinstance(registrations, list | tuple) else list(registrations)
    if counts is None:
        counts = count_registrations(regs)
    # the hit addresses' own answers, exactly: a pair given twice counts once, "registered" wins
    hit_regs = [g for g in regs if g.address in hits]
    yes = {(g.address, g.service) for g in hit_regs if g.registered}
    no = {(g.address, g.service) for g in hit_regs if not g.registered} - yes
    tags = {a: s for a, s in (tagged or {}).items() if a in hits and s}
    candidates = sorted({s for s, n in counts.registered.items() if n > 0} | {s for _, s in yes} | set(tags.values()))
    if not candidates:
        return []

    answered = {a for a, _ in yes} | {a for a, _ in no}
    universe = max(counts.addresses, len(answered)) + len(hits - answered)
    nonhit_total = universe - len(hits)
    all_hit_yes = Counter(s for _, s in yes)
    all_hit_not = Counter(s for _, s in no)
    # the hit addresses' answers as counted in ``counts`` (repeats included), to leave the non-hit ones
    raw_hit_yes = Counter(g.service for g in hit_regs if g.registered)
    raw_hit_not = Counter(g.service for g in hit_regs if not g.registered)
    hit_reg = Counter(s for a, s in yes if a not in tags)
    hit_not = Counter(s for a, s in no if a not in tags)
    plain_hits = hits - tags.keys()
    bare_hits = len(plain_hits - answered)
    answered_hits = len(plain_hits) - bare_hits
    tag_count = Counter(tags.values())
    n_tagged = len(tags)
    denominator = max(counts.addresses, len(answered)) + p.prior_strength
    # the deny rates from the answers as they stand once the hit addresses' are read exactly
    services = set(counts.registered) | set(counts.not_registered) | set(all_hit_yes) | set(all_hit_not)
    exact = CommunityCounts(
        max(counts.addresses, len(answered)),
        {s: max(0, counts.registered.get(s, 0) - raw_hit_yes[s]) + all_hit_yes[s] for s in services},
        {s: max(0, counts.not_registered.get(s, 0) - raw_hit_not[s]) + all_hit_not[s] for s in services},
    )
    denies, pooled_deny = deny_rates(exact, p)

    def observed(registered: int) -> float:
        return (registered + p.prior_strength * p.prior_share) / denominator

    grid = _grid(p)
    logs = []
    for s in candidates:
        n_mr = min(max(0, counts.registered.get(s, 0) - raw_hit_yes[s]), nonhit_total)
        n_mn = min(max(0, counts.not_registered.get(s, 0) - raw_hit_not[s]), nonhit_total - n_mr)
        n_reg = n_mr + all_hit_yes[s]
        n_hr, n_hn = hit_reg[s], hit_not[s]
        profile = _Profile(n_hr, n_hn, answered_hits - n_hr - n_hn, bare_hits, tag_count[s], n_tagged - tag_count[s],
                           n_mr, n_mn, max(0, nonhit_total - n_mr - n_mn), observed(n_reg), denies.get(s, pooled_deny))
        logs.append(_evidence(profile, grid, p))
    none = _Profile(0, 0, answered_hits, bare_hits, 0, n_tagged, 0, 0, nonhit_total, observed(0), pooled_deny)
    log_none = math.log(p.other_prior) + _evidence(none, grid, p) if p.other_prior > 0 else -math.inf
    total = _logsumexp([*logs, log_none])
    if total == -math.inf:  # cannot happen with valid parameters; never divide by nothing
        total = 0.0

    ranks = []
    for s, ll in zip(candidates, logs, strict=True):
        tagged_here = sum(1 for a, t in tags.items() if t == s and (a, s) not in yes)
        ranks.append(ServiceRank(s, math.exp(ll - total), all_hit_yes[s] + tagged_here, all_hit_not[s]))
    ranks.sort(key=lambda x: (-x.score, x.service))
    return ranks
