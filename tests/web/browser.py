"""The campaign page in a real browser: Debian's Chromium, driven by Playwright (its own browser is
never downloaded: ``executable_path`` points at the system's), with scripts off, at a phone's size;
axe-core's accessibility rules run inside the page. Used by tests/web/test_browser.py and by
scripts/screenshots.py (the pictures in docs/)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import ViewportSize

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE: ViewportSize = {"width": 390, "height": 844}


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Seen:
    dom: dict[str, Any]
    violations: list[dict[str, Any]]
    html: str


async def look(url: str, lang_header: str, screenshot: Path | None) -> Seen:
    """Loads ``url`` with scripts off at a phone's size; returns what the DOM holds, axe's
    violations and the HTML as served; saves a full-page screenshot when asked."""
    from axe_playwright_python.async_playwright import Axe
    from playwright.async_api import async_playwright

    executable = chromium()
    assert executable is not None
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                                java_script_enabled=False,
                                                extra_http_headers={"Accept-Language": lang_header})
            page = await context.new_page()
            response = await page.goto(url)
            assert response is not None
            html = await response.text()
            dom = {
                "status": response.status,
                "lang": await page.get_attribute("html", "lang"),
                "h1": await page.inner_text("h1"),
                "robots": await page.get_attribute('meta[name="robots"]', "content"),
                "scripts": await page.locator("script").count(),
                "domain_rows": await page.locator("section[aria-labelledby=domains] tbody tr").all_inner_texts(),
                "ranking_rows": await page.locator("section[aria-labelledby=leak] tbody tr").all_inner_texts(),
                "switch": await page.get_attribute("nav a", "href"),
                "text": await page.inner_text("body"),
            }
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                await page.screenshot(path=str(screenshot), full_page=True)
            await context.close()
            # axe runs as a script in the page: a second context with scripts on, same page
            context = await browser.new_context(viewport=PHONE, extra_http_headers={"Accept-Language": lang_header})
            page = await context.new_page()
            await page.goto(url)
            # nothing wider than the phone but the tables' own scrolling regions
            dom["overflow"] = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            result = await Axe().run(page)
            violations = list(result.response.get("violations", []))
            await context.close()
        finally:
            await browser.close()
    return Seen(dom, violations, html)


def artifacts() -> Path:
    """Where CI keeps what a run made (screenshots): $PHISHBOT_ARTIFACTS, else ./artifacts."""
    return Path(os.environ.get("PHISHBOT_ARTIFACTS") or Path(__file__).resolve().parents[2] / "artifacts")


async def seed_pages(folder: Path, shots: Path) -> tuple[str, dict[str, Seen]]:
    """Builds the seed campaign's scenario in ``folder`` (registration ages from the fake registries
    on loopback), serves it, and looks at its page in both languages; screenshots go to ``shots``.
    Returns (campaign id, what was seen per language)."""
    from dataclasses import replace

    from bot.settings import LookupSettings, parse_host_port
    from tests.fakes.registries import registries_in_thread
    from tests.web.conftest import serve, web_settings
    from tests.web.scenario import build

    with registries_in_thread() as registries:
        settings = replace(web_settings(folder), lookups=LookupSettings(
            rdap_base_url=registries.rdap_url, whois_server=parse_host_port(registries.whois)))
        campaign, token = await build(settings)
    seen: dict[str, Seen] = {}
    async with serve(settings, seed=False) as served:
        url = f"{served.base}/c/{token}/{campaign}"
        for lang, header in (("ja", "ja-JP,ja;q=0.9,en;q=0.5"), ("en", "en-US,en;q=0.9")):
            seen[lang] = await look(url, header, shots / f"campaign-page-{lang}.png")
    return campaign, seen
