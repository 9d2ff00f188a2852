"""The leak-source ranking (bot/community/leaks.py; model in docs/LEAKS.md)."""

from __future__ import annotations

import ast
import math
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.community.leaks import (
    CommunityCounts,
    LeakParams,
    Registration,
    ServiceRank,
    count_registrations,
    rank_leak_sources,
)
from tests.conftest import ROOT

NON_HIT_READINGS: list[dict[str, tuple[str, ...]]] = [
    # "two members not hit register others (rakuten, smbc-card, yahoo-shopping)": both readings
    {"D": ("rakuten", "smbc-card"), "E": ("smbc-card", "yahoo-shopping")},
    {"D": ("rakuten", "smbc-card", "yahoo-shopping"), "E": ("rakuten", "smbc-card", "yahoo-shopping")},
]


def regs(member: str, *services: str, no: tuple[str, ...] = ()) -> list[Registration]:
    return [Registration(member, s, True) for s in services] + [Registration(member, s, False) for s in no]


def scenario(non_hit: dict[str, tuple[str, ...]], *, with_c: bool = True, c_denies_amazon: bool = False) -> list[Registration]:
    out = regs("A", "amazon", "rakuten") + regs("B", "amazon", "yahoo-shopping")
    if with_c:
        c_yes = ("aliexpress",) if c_denies_amazon else ("amazon", "aliexpress")
        c_no = ("smbc-card", "amazon") if c_denies_amazon else ("smbc-card",)
        out += regs("C", *c_yes, no=c_no)
    for member, services in non_hit.items():
        out += regs(member, *services)
    return out


def by_service(ranking: list[ServiceRank]) -> dict[str, ServiceRank]:
    return {r.service: r for r in ranking}


@pytest.mark.parametrize("non_hit", NON_HIT_READINGS)
def test_the_issue_scenario_ranks_amazon_first_and_smbc_last(non_hit: dict[str, tuple[str, ...]]) -> None:
    ranking = rank_leak_sources({"A", "B", "C"}, scenario(non_hit))
    services = [r.service for r in ranking]
    assert services[0] == "amazon"
    assert ranking[0].score > 0.5
    assert "smbc-card" not in services[:2]
    assert services[-1] == "smbc-card"
    got = by_service(ranking)
    assert (got["amazon"].registered, got["amazon"].not_registered) == (3, 0)
    assert (got["smbc-card"].registered, got["smbc-card"].not_registered) == (0, 1)
    assert (got["rakuten"].registered, got["aliexpress"].registered, got["yahoo-shopping"].registered) == (1, 1, 1)
    assert set(services) == {"amazon", "rakuten", "yahoo-shopping", "aliexpress", "smbc-card"}
    assert 0.9 < sum(r.score for r in ranking) <= 1.0 + 1e-9  # the rest is "none of these"


@pytest.mark.parametrize("non_hit", NON_HIT_READINGS)
def test_without_cs_registrations_amazon_still_leads_on_less_evidence(non_hit: dict[str, tuple[str, ...]]) -> None:
    # C (forgotten) stays a recipient of the campaign but answers nothing any more
    full = by_service(rank_leak_sources({"A", "B", "C"}, scenario(non_hit)))
    ranking = rank_leak_sources({"A", "B", "C"}, scenario(non_hit, with_c=False))
    assert ranking[0].service == "amazon"
    assert ranking[0].score > 0.5
    assert ranking[0].registered == 2
    assert "aliexpress" not in by_service(ranking)  # only C had named it
    # C no longer rules smbc-card out: it gains, though it stays last
    assert by_service(ranking)["smbc-card"].score > full["smbc-card"].score
    assert ranking[-1].service == "smbc-card"


@pytest.mark.parametrize("non_hit", NON_HIT_READINGS)
def test_a_hit_member_saying_not_registered_counts_strongly_against(non_hit: dict[str, tuple[str, ...]]) -> None:
    full = by_service(rank_leak_sources({"A", "B", "C"}, scenario(non_hit)))
    denied = by_service(rank_leak_sources({"A", "B", "C"}, scenario(non_hit, c_denies_amazon=True)))
    assert denied["amazon"].score < full["amazon"].score / 2
    assert (denied["amazon"].registered, denied["amazon"].not_registered) == (2, 1)


def test_a_tagged_address_beats_a_popular_service() -> None:
    community = [g for i in range(30) for g in regs(f"m{i}", "amazon")] + [g for i in range(10) for g in regs(f"r{i}", "rakuten")]
    hits = {"m0", "m1", "m2", "T"}  # three amazon users, and taro+rakuten@…
    plain = rank_leak_sources(hits, community)
    assert plain[0].service == "amazon"
    ranking = rank_leak_sources(hits, community, {"T": "rakuten"})
    assert ranking[0].service == "rakuten"
    assert ranking[0].score > 0.9
    assert by_service(ranking)["rakuten"].registered == 1  # the tagged address was given to rakuten
    assert by_service(ranking)["amazon"].registered == 3


def test_a_tag_for_a_service_nobody_registered_makes_it_a_candidate() -> None:
    ranking = rank_leak_sources({"T", "A"}, regs("A", "amazon") + regs("B", "amazon"), {"T": "qoo10", "not-hit": "mercari"})
    assert ranking[0].service == "qoo10"
    assert "mercari" not in by_service(ranking)  # tags count only for recipients of the campaign


def test_users_who_were_not_hit_count_against_a_service() -> None:
    # one hit address registered with both; "big" has 60 users who did not get the mail, "small" 2
    community = regs("A", "big", "small") + [g for i in range(60) for g in regs(f"b{i}", "big")]
    community += regs("s0", "small") + regs("s1", "small")
    ranking = rank_leak_sources({"A"}, community)
    assert [r.service for r in ranking] == ["small", "big"]
    # ... but many hits among its users make a popular service the source again
    hits = {"A"} | {f"b{i}" for i in range(12)}
    assert rank_leak_sources(hits, community)[0].service == "big"


def test_hit_addresses_without_any_answer_lean_to_popular_services() -> None:
    community = [g for i in range(50) for g in regs(f"m{i}", "amazon")] + regs("x", "rare")
    ranking = rank_leak_sources({"u1", "u2", "u3"}, community)  # reporters who registered nothing
    assert ranking[0].service == "amazon"
    assert ranking[0].registered == 0
    assert sum(r.score for r in ranking) < 1.0


@pytest.mark.parametrize(
    ("hit", "registrations", "tagged"),
    [
        ([], [], None),
        ([], regs("A", "amazon"), None),
        (["A"], [], None),
        (["A"], [], {}),
        (["A"], regs("A", no=("amazon",)), None),  # "not registered" only: no candidate
        ((), (), {"A": "rakuten"}),  # a tag, but no recipient
    ],
)
def test_empty_inputs_give_an_empty_ranking(hit: list[str], registrations: list[Registration], tagged: dict[str, str] | None) -> None:
    assert rank_leak_sources(hit, registrations, tagged) == []


def test_a_tag_alone_is_enough() -> None:
    ranking = rank_leak_sources(["T"], [], {"T": "rakuten"})
    assert [r.service for r in ranking] == ["rakuten"]
    assert ranking[0].registered == 1


def test_repeated_and_contradictory_answers_of_a_hit_address() -> None:
    base = scenario(NON_HIT_READINGS[0])
    repeated = base + regs("A", "amazon") + regs("C", no=("amazon",))  # C also said "not amazon": registered wins
    got = rank_leak_sources({"A", "B", "C"}, repeated)
    assert (by_service(got)["amazon"].registered, by_service(got)["amazon"].not_registered) == (3, 0)
    assert got == rank_leak_sources({"A", "B", "C"}, base)  # a hit address's repeats change nothing


def test_counts_path_gives_the_same_ranking() -> None:
    community = scenario(NON_HIT_READINGS[1]) + [g for i in range(20) for g in regs(f"n{i}", "mercari", no=("amazon",))]
    hits = {"A", "B", "C", "stranger"}
    counts = count_registrations(community)
    assert counts == CommunityCounts(25, {"amazon": 3, "rakuten": 3, "yahoo-shopping": 3, "aliexpress": 1, "smbc-card": 2,
                                          "mercari": 20}, {"smbc-card": 1, "amazon": 20})
    only_hits = [g for g in community if g.address in hits]
    assert rank_leak_sources(hits, only_hits, counts=counts) == rank_leak_sources(hits, community)


def test_registrations_may_be_a_generator() -> None:
    community = scenario(NON_HIT_READINGS[0])
    assert rank_leak_sources(("A", "B", "C"), iter(community)) == rank_leak_sources(["A", "B", "C"], community)


def test_parameters_are_checked() -> None:
    with pytest.raises(ValueError, match="rates"):
        LeakParams(rates=())
    with pytest.raises(ValueError, match="completeness"):
        LeakParams(completeness=0.0)  # type: ignore[arg-type]  # a float where a tuple belongs: refused too


def test_no_none_of_these_mass_when_its_prior_is_zero() -> None:
    ranking = rank_leak_sources({"A", "B", "C"}, scenario(NON_HIT_READINGS[0]), params=LeakParams(other_prior=0.0))
    assert math.isclose(sum(r.score for r in ranking), 1.0)


def test_the_model_is_pure() -> None:
    forbidden = ("discord", "aiohttp", "aiosqlite", "asyncio", "sqlite3", "socket", "time", "bot.storage", "bot.services",
                 "bot.lookups", "bot.cli")
    for name in ("leaks.py", "service_catalogue.py"):
        tree = ast.parse((ROOT / "bot" / "community" / name).read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {m for m in imported for f in forbidden if m == f or m.startswith(f + ".")}, name


# --- properties -----------------------------------------------------------------------------------

ADDRESSES = [f"a{i}" for i in range(8)]
SERVICES = ["amazon", "rakuten", "mercari", "smbc-card", "line"]
registration = st.builds(Registration, st.sampled_from(ADDRESSES), st.sampled_from(SERVICES), st.booleans())


@settings(max_examples=150, deadline=None)
@given(
    hit=st.sets(st.sampled_from([*ADDRESSES, "x1", "x2"]), max_size=6),
    registrations=st.lists(registration, max_size=30),
    tagged=st.dictionaries(st.sampled_from([*ADDRESSES, "x1"]), st.sampled_from([*SERVICES, "qoo10"]), max_size=2),
    seed=st.randoms(use_true_random=False),
)
def test_scores_are_probabilities_and_order_does_not_matter(hit: set[str], registrations: list[Registration],
                                                            tagged: dict[str, str], seed: random.Random) -> None:
    ranking = rank_leak_sources(hit, registrations, tagged)
    assert all(0.0 <= r.score <= 1.0 for r in ranking)
    assert sum(r.score for r in ranking) <= 1.0 + 1e-9
    assert [(-r.score, r.service) for r in ranking] == sorted((-r.score, r.service) for r in ranking)
    assert all(0 <= r.registered <= len(hit) and 0 <= r.not_registered <= len(hit) for r in ranking)
    shuffled = list(registrations)
    seed.shuffle(shuffled)
    assert rank_leak_sources(sorted(hit, reverse=True), shuffled, dict(reversed(tagged.items()))) == ranking


def test_the_worked_example_in_docs_is_what_the_code_gives() -> None:
    text = (ROOT / "docs" / "LEAKS.md").read_text(encoding="utf-8")
    section = text.split("Averaged over the whole grid", 1)[1].split("\n\n", 2)[1]
    rows = re.findall(r"^\| ([a-z-]+) \| ([0-9.]+) \| (\d+) \| (\d+) \|$", section, re.MULTILINE)
    ranking = rank_leak_sources({"A", "B", "C"}, scenario(NON_HIT_READINGS[0]))
    assert rows == [(r.service, f"{r.score:.3f}", str(r.registered), str(r.not_registered)) for r in ranking]
