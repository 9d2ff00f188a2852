"""The bot's analysis workers: a bug is logged with the reference the member sees; a mail that
holds a worker past its time is stopped for good and still answered; one slow mail holds up
nobody else; workers that grew are replaced (issue 10 items 1 and 16)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.analysis.models import Analysis, Limits
from bot.analysis.pipeline import analyse
from bot.services.analyse_mail import AnalysisFailed, analyse_offline, analyse_with_lookups
from bot.services.analysis_pool import RETRY_BYTES, ProcessAnalyser
from tests.conftest import make_mail
from tests.fakes.slow_analysis import BUG, SLOW, install

NOW = datetime(2021, 1, 25, tzinfo=UTC)
PHISH = make_mail(
    from_="Amazon <security@amaz0n-account.example.com>", subject="Amazon account suspended",
    body="Your Amazon account is locked. Verify your password now: https://amazon.co.jp.signin-verify.example.com/ap/\n",
    auth=None, return_path=None,
)
LIMITS = Limits(max_seconds=0.5)  # the time limit's own tests: short, so a slow mail is stopped soon
ROOMY = Limits(max_seconds=10)  # every other test: a loaded machine must not turn a quick mail into a stopped one


def with_header(mail: bytes, header: bytes) -> bytes:
    return header + b"\n" + mail


@pytest.fixture
async def pool() -> AsyncIterator[ProcessAnalyser]:
    analyser = ProcessAnalyser(2, grace=0.5, initializer=install)
    await analyser.start()
    try:
        yield analyser
    finally:
        await analyser.close()


async def test_a_worker_gives_the_same_report_as_this_process(pool: ProcessAnalyser) -> None:
    report = await analyse_with_lookups(PHISH, None, NOW, ROOMY, pool)
    here = analyse(PHISH, now=NOW, limits=ROOMY)
    assert isinstance(report, Analysis)
    assert (report.verdict, report.score, report.findings, report.links) == (here.verdict, here.score, here.findings,
                                                                             here.links)


async def test_a_bug_is_logged_with_the_reference_the_member_sees(pool: ProcessAnalyser,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="bot.services")
    report = await analyse_with_lookups(with_header(PHISH, BUG + b"1"), None, NOW, ROOMY, pool)
    assert not report.readable
    [problem] = report.problems
    params = dict(problem.params)
    assert problem.code == "analysis_error" and params["reason"] == "TypeError"
    [record] = [r for r in caplog.records if params["ref"] in r.getMessage()]
    assert record.levelno == logging.ERROR
    assert "Traceback" in record.getMessage() and "a bug of ours, on purpose" in record.getMessage()
    assert "security@" not in record.getMessage()  # the log names the input by its hash only


def test_in_process_bugs_are_logged_too(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.services.analyse_mail as module

    def broken(*args: object) -> object:
        raise AttributeError("broken on purpose")

    monkeypatch.setattr(module, "judge", broken)
    caplog.set_level(logging.ERROR, logger="bot.services")
    report = analyse_offline(PHISH, ROOMY, NOW)
    ref = dict(report.problems[0].params)["ref"]
    assert report.problems[0].code == "analysis_error"
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.mark.parametrize("step", ["prepare", "judge"])
def test_an_in_process_bug_names_the_input_by_its_hash_at_either_step(
    step: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the tag is computed only for a failure (prepare hashes the input once for the report)
    import bot.services.analyse_mail as module

    def broken(*args: object) -> object:
        raise AttributeError("broken on purpose")

    monkeypatch.setattr(module, step, broken)
    caplog.set_level(logging.ERROR, logger="bot.services")
    report = analyse_offline(PHISH, ROOMY, NOW)
    ref = dict(report.problems[0].params)["ref"]
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    assert "sha256:" + hashlib.sha256(PHISH).hexdigest()[:16] in record.getMessage()


async def test_a_mail_that_holds_a_worker_past_its_time_is_read_again_from_its_start(pool: ProcessAnalyser) -> None:
    # the slow marker sits past the first 64 KiB: read again from the start, the mail is quick
    mail = PHISH + b"x" * (RETRY_BYTES + 100) + b"\n" + SLOW + b"30\n"
    pids = set(pool.pids())
    start = time.monotonic()
    report = await analyse_with_lookups(mail, None, NOW, LIMITS, pool)
    assert time.monotonic() - start < 20  # a hang guard: without the kill this takes 30 s
    assert report.readable and report.verdict == analyse(PHISH, now=NOW).verdict
    assert [p.code for p in report.problems][:2] == ["time_limit", "input_limit"]
    assert report.input_sha256 == hashlib.sha256(mail).hexdigest()  # the whole mail's: dedupe still works
    assert pool.killed == 1
    for _ in range(100):
        if len(pool.pids()) == 2 and set(pool.pids()) != pids:
            break
        await asyncio.sleep(0.05)
    assert len(pool.pids()) == 2 and set(pool.pids()) != pids  # the stuck worker was replaced
    again = await analyse_with_lookups(PHISH, None, NOW, LIMITS, pool)
    assert again.readable


async def test_a_mail_slow_even_from_its_start_is_stopped_and_said(pool: ProcessAnalyser) -> None:
    report = await analyse_with_lookups(with_header(PHISH, SLOW + b"30"), None, NOW, LIMITS, pool)
    assert not report.readable
    assert report.problems[0].code == "analysis_stopped"
    assert pool.killed == 2


async def test_one_slow_mail_holds_up_nobody_else(pool: ProcessAnalyser) -> None:
    slow = asyncio.ensure_future(analyse_with_lookups(with_header(PHISH, SLOW + b"5"), None, NOW, Limits(max_seconds=10),
                                                      pool))
    while pool.busy == 0:  # noqa: ASYNC110 - the pool has a counter, no event to wait on
        await asyncio.sleep(0.01)
    quick = await analyse_with_lookups(PHISH, None, NOW, ROOMY, pool)
    assert quick.readable and not slow.done()  # answered while the slow one still holds its worker
    assert (await slow).readable


async def test_a_worker_that_grew_is_replaced() -> None:
    analyser = ProcessAnalyser(1, max_rss=1)  # every worker is "too large" after its first mail
    await analyser.start()
    try:
        first = analyser.pids()
        await analyse_with_lookups(PHISH, None, NOW, ROOMY, analyser)
        report = await analyse_with_lookups(PHISH, None, NOW, ROOMY, analyser)
        assert report.readable and analyser.pids() != first
    finally:
        await analyser.close()
    assert analyser.pids() == []


async def test_a_closed_pool_refuses_work() -> None:
    analyser = ProcessAnalyser(1)
    await analyser.start()
    await analyser.close()
    with pytest.raises(RuntimeError):
        await analyser.prepare(PHISH, LIMITS)
    assert not isinstance(AnalysisFailed("x", "y", "z"), Analysis)


async def test_a_failed_analysis_reaches_the_member_with_its_reference(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    import bot.services.analyse_mail as module
    from bot.i18n import t
    from bot.services.errors import CommunityError
    from tests.shared_log import shared_log_at

    def broken(*args: object) -> object:
        raise TypeError("broken on purpose")

    monkeypatch.setattr(module, "judge", broken)
    async with shared_log_at(tmp_path / "a.db", limits=ROOMY) as log:
        with pytest.raises(CommunityError) as caught:
            await log.submit(PHISH, 1, 2, NOW)
    assert caught.value.code == "analysis_error"
    ref = caught.value.params["ref"]
    for lang in ("ja", "en"):
        sentence = t(lang, "community", "analysis_error", **caught.value.params)
        assert ref in sentence and "TypeError" in sentence
