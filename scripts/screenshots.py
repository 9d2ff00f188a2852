"""The campaign page's pictures in docs/ (docs/CAMPAIGN_PAGE.md): the seed campaign's page in
Debian's Chromium at a phone's size, Japanese and English — what tests/web/test_browser.py checks
and keeps in CI's artifacts, written where the docs show it. Needs chromium and the dev extras.

    python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    from tests.web.browser import seed_pages

    with tempfile.TemporaryDirectory() as tmp:
        campaign, seen = asyncio.run(seed_pages(Path(tmp), ROOT / "docs" / "images"))
    for lang, s in seen.items():
        print(f"campaign {campaign} ({lang}): {len(s.violations)} accessibility violations; "
              f"docs/images/campaign-page-{lang}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
