"""The charts: the /stats and /campaign pictures of the seed campaign after the README's community
scenario, in Japanese and English, drawn through ``phishbot stats|campaign --chart`` — no glyph
missing, the expected size, every series there (its colour in the PNG, its ids in the SVG), the
numbers also as text — and the analysis path never importing matplotlib."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.cli import main
from bot.presentation import palette
from bot.services.community import CampaignTimeline, CampaignView, RankedService, StatsSeries, WeekCounts
from bot.services.ports.reports import BrandCount
from tests.charts.scenario import community_scenario
from tests.cli.test_analyze_cli import SEED_EML
from tests.cli.test_shared_log_cli import GUILD
from tests.conftest import ROOT

DOCS_IMG = ROOT / "docs" / "img"


def campaign_view(campaign_id: str, ranking: tuple[RankedService, ...]) -> CampaignView:
    return CampaignView(campaign_id, 0, 0, (), (), "2026-11-23T00:00:00.000000+00:00", "2026-11-23T00:00:00.000000+00:00",
                        ranking)


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([*args, "--db", str(db)])
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("scenario")
    db = folder / "log.db"

    def pb(*args: str) -> Any:
        status, out, err = cli(db, *args)
        assert status == 0, err
        return json.loads(out.splitlines()[0])

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOOKUPS_ENABLED", "false")
        campaign = community_scenario(pb, folder)
    return db, campaign


@contextlib.contextmanager
def no_missing_glyphs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails on matplotlib's "Glyph … missing from font(s)" warning and on a font it could not find."""
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        yield
    problems = [str(w.message) for w in caught if "glyph" in str(w.message).lower() or "font" in str(w.message).lower()]
    problems += [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")]
    assert not problems, problems


def pixels_of(png: Path, colour: str) -> int:
    """How many pixels are exactly this series' colour."""
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    image = Image.open(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None
    return sum(int(n) for n, c in colours if c == rgb)


def check_png(path: Path, height: int) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert 10_000 < path.stat().st_size < 400_000  # a picture, small enough to send in a moment
    with Image.open(path) as image:
        assert image.size == (1000, height)


def check_svg(path: Path, series: list[str], words: list[str]) -> str:
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title") is not None
    desc = root.find(f"{ns}desc")
    assert desc is not None
    assert all(w in (desc.text or "") for w in words), desc.text
    for name in series:
        assert f'id="{name}-0"' in text, name
    assert not re.search(r'id="[A-Za-z]+-0"', text), "a glyph drawn as the font's empty box (.notdef)"
    assert "<script" not in text
    return text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_stats_chart_of_the_seed_campaign(scenario: tuple[Path, str], tmp_path: Path, lang: str,
                                          caplog: pytest.LogCaptureFixture) -> None:
    db, _ = scenario
    png, svg = tmp_path / f"stats-{lang}.png", tmp_path / f"stats-{lang}.svg"
    with no_missing_glyphs(caplog):
        status, out, err = cli(db, "stats", "--guild", GUILD, "--lang", lang, "--chart", str(png))
        assert status == 0, err
        assert cli(db, "stats", "--guild", GUILD, "--lang", lang, "--chart", str(svg))[0] == 0
    check_png(png, 740)
    assert pixels_of(png, palette.verdict_colour("phishing")) > 2_000  # this week's bar: three phishing reports
    assert pixels_of(png, palette.BRANDS) > 2_000  # the brand bar
    for verdict in ("suspicious", "no_signs"):
        assert pixels_of(png, palette.verdict_colour(verdict)) == 0  # no such report: not in the stack
    brand = "三井住友カード" if lang == "ja" else "Sumitomo Mitsui Card"
    # the picture's numbers are also text: this week's three phishing reports and the brand
    numbers = "フィッシング 3" if lang == "ja" else "Phishing 3"
    assert numbers in out and f"{brand} 3" in out
    check_svg(svg, ["series-phishing", "series-brands"], [numbers, f"{brand} 3"])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_campaign_chart_of_the_seed_campaign(scenario: tuple[Path, str], tmp_path: Path, lang: str,
                                             caplog: pytest.LogCaptureFixture) -> None:
    db, campaign = scenario
    png, svg = tmp_path / f"campaign-{lang}.png", tmp_path / f"campaign-{lang}.svg"
    with no_missing_glyphs(caplog):
        status, out, err = cli(db, "campaign", campaign, "--guild", GUILD, "--lang", lang, "--chart", str(png))
        assert status == 0, err
        status, obj, _ = cli(db, "campaign", campaign, "--guild", GUILD, "--lang", lang, "--chart", str(svg), "--json")
        assert status == 0
    check_png(png, 800)
    assert pixels_of(png, palette.PROBABILITY) > 2_000
    assert pixels_of(png, palette.VOTES) > 300  # the recipients' votes (solid); all votes are hatched
    assert pixels_of(png, palette.TIMELINE) > 2_000
    view = json.loads(obj)
    amazon = view["leak_ranking"][0]
    assert amazon["service"] == "amazon" and (amazon["votes"], amazon["votes_from_recipients"]) == (2, 2)
    assert view["chart"]["timeline"]["buckets"] == [["2021-01-24T10:00:00+00:00", 3]]  # arrival, in UTC
    rakuten = next(r for r in view["leak_ranking"] if r["service"] == "rakuten")
    assert (rakuten["votes"], rakuten["votes_from_recipients"]) == (1, 0)
    if lang == "ja":
        words = ["Amazon", "投票 2 票・うち受信者 2 票", "楽天市場", "投票 1 票・うち受信者 0 票", "2021-01-24 10:00 3"]
    else:
        words = ["Amazon", "votes: 2, from recipients: 2", "Rakuten", "votes: 1, from recipients: 0", "2021-01-24 10:00 3"]
    assert all(w in out for w in words), out
    text = check_svg(svg, ["series-probability", "series-votes", "series-votes-recipients", "series-timeline"], words)
    # votes are their own series: never drawn on the probability's bars
    assert text.count('id="series-votes-') == text.count('id="series-probability-') * 2


def test_the_docs_pictures_are_committed_and_linked() -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for name, height in (("stats", 740), ("campaign", 800)):
        for lang in ("ja", "en"):
            path = DOCS_IMG / f"{name}-{lang}.png"
            check_png(path, height)
            assert f"img/{name}-{lang}.png" in docs
    assert pixels_of(DOCS_IMG / "campaign-en.png", palette.VOTES) > 300


def test_every_verdict_has_its_own_colour_and_hatch(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    from bot.charts.data import stats_chart
    from bot.charts.draw import render

    assert len(set(palette.VERDICT_COLOURS.values())) == len(palette.VERDICT_ORDER) == 6
    assert len(set(palette.VERDICT_HATCHES.values())) == 6
    weeks = []
    for i in range(8):
        counts = {v: 1 + (i + j) % 3 for j, v in enumerate(palette.VERDICT_ORDER)}
        weeks.append(WeekCounts(f"2026-09-{7 + 7 * i:02d}" if i < 4 else f"2026-10-{5 + 7 * (i - 4):02d}", counts,
                                sum(counts.values())))
    series = StatsSeries(tuple(weeks), "2026-10", (BrandCount("smbc-card", 4), BrandCount("amazon", 2)))
    for lang in ("ja", "en"):
        with no_missing_glyphs(caplog):
            png = render(stats_chart(series, lang), "png")
        path = tmp_path / f"{lang}.png"
        path.write_bytes(png)
        for verdict in palette.VERDICT_ORDER:
            assert pixels_of(path, palette.verdict_colour(verdict)) > 500, verdict


def test_a_label_is_text_never_markup(caplog: pytest.LogCaptureFixture) -> None:
    """A ``$`` is not TeX, control characters do not reach the picture, and an unknown verdict is drawn."""
    from bot.charts.data import campaign_chart, clean_label, stats_chart
    from bot.charts.draw import render

    assert clean_label("a\x00b\u202ec\nd") == "a b c d"
    assert len(clean_label("x" * 500)) == 28
    series = StatsSeries((WeekCounts("2026-11-23", {"phishing": 1, "brand_new_verdict": 2}, 3),), "2026-11",
                         (BrandCount("$x^{2}$ \\frac", 1),))
    with no_missing_glyphs(caplog):
        svg = render(stats_chart(series, "en"), "svg").decode()
    assert 'id="series-brand_new_verdict-0"' in svg and "$x^{2}$" in svg  # in <desc>, as text
    view = campaign_view("C-1<script>", (RankedService("my-shop", 1.5, 1, 0, 0, 0),))
    with no_missing_glyphs(caplog):
        svg = render(campaign_chart(view, CampaignTimeline("day", ()), "ja"), "svg").decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "my-shop 100%" in svg  # a probability over 1 is drawn as 100 %


def test_empty_guild_and_campaign_still_draw(caplog: pytest.LogCaptureFixture) -> None:
    from bot.charts.data import campaign_chart, stats_chart
    from bot.charts.draw import render

    series = StatsSeries((WeekCounts("2026-11-23", {}, 0),), "2026-11", ())
    view = campaign_view("C-0001", ())
    with no_missing_glyphs(caplog):
        for lang in ("ja", "en"):
            assert render(stats_chart(series, lang))[:4] == b"\x89PNG"
            assert render(campaign_chart(view, CampaignTimeline("day", ()), lang))[:4] == b"\x89PNG"


def test_a_chart_file_that_cannot_be_written_is_one_line(scenario: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = scenario
    status, out, err = cli(db, "stats", "--guild", GUILD, "--lang", "en", "--chart", str(tmp_path / "no" / "such" / "x.png"))
    assert status == 1 and "could not be written" in err and "Traceback" not in err
    assert "Reports per week" in out  # the numbers are printed all the same
    assert not list(tmp_path.rglob("*.tmp"))
    with pytest.raises(SystemExit) as usage:
        cli(db, "stats", "--guild", GUILD, "--chart", str(tmp_path / "x.jpg"))
    assert usage.value.code == 2


def imported_by(*argv: str, home: Path) -> set[str]:
    code = (
        "import sys, io, contextlib\n"
        "from bot.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main({list(argv)!r})\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120, check=True,
                          env={"PATH": "/usr/bin:/bin", "LOOKUPS_ENABLED": "false", "HOME": str(home)})
    return set(proc.stdout.decode().strip().split(","))


def test_the_analysis_path_never_imports_matplotlib(tmp_path: Path) -> None:
    home = tmp_path / "home"  # matplotlib keeps its font cache under HOME: never in the checkout
    home.mkdir()
    assert "matplotlib" not in imported_by("analyze", "--json", "--no-lookups", str(SEED_EML), home=home)
    db = str(tmp_path / "r.db")
    assert "matplotlib" not in imported_by("report", str(SEED_EML), "--guild", "1", "--member", "2", "--no-lookups",
                                           "--json", "--db", db, home=home)
    assert "matplotlib" not in imported_by("stats", "--guild", "1", "--json", "--db", db, home=home)
    drew = imported_by("stats", "--guild", "1", "--json", "--db", db, "--chart", str(tmp_path / "s.png"), home=home)
    assert {"matplotlib", "numpy"} <= drew  # the test would see it
    code = "import sys, bot.charts, bot.charts.data, bot.presentation.palette; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=True,
                          timeout=60).stdout.strip() == b"False"


def test_a_chart_that_cannot_be_drawn_is_one_line(scenario: tuple[Path, str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.charts.draw

    def broken(chart: Any, fmt: str = "png") -> bytes:
        raise RuntimeError("no fonts today")

    monkeypatch.setattr(bot.charts.draw, "render", broken)
    db, campaign = scenario
    status, out, err = cli(db, "campaign", campaign, "--guild", GUILD, "--lang", "ja", "--chart", str(tmp_path / "c.png"))
    assert status == 1 and "グラフを作成できませんでした" in err and "Traceback" not in err and "no fonts" not in err
    assert "Amazon" in out and not (tmp_path / "c.png").exists()


def test_the_campaign_page_gets_its_svg_in_one_call(scenario: tuple[Path, str]) -> None:
    """What the web page (issue 14) calls: the use-cases' views in, SVG text out, in the reader's language."""
    import asyncio
    from datetime import UTC, datetime

    from bot.charts import campaign_svg, stats_svg
    from bot.settings import AppSettings
    from bot.wiring import cli_shared_log

    db, campaign = scenario

    async def views() -> tuple[Any, Any, Any]:
        async with cli_shared_log(AppSettings(db=str(db))) as log:
            comm = log.community
            return (await comm.campaign_view(int(GUILD), campaign), await comm.campaign_timeline(int(GUILD), campaign),
                    await comm.stats_series(int(GUILD), datetime.now(UTC)))

    view, timeline, series = asyncio.run(views())
    for lang, words in (("ja", "推定漏えい元"), ("en", "probable leak source")):
        svg = campaign_svg(view, timeline, lang)
        assert svg.lstrip().startswith("<?xml") and '<svg role="img"' in svg and words in svg
        assert 'id="series-votes-recipients-0"' in svg
        assert '<svg role="img"' in stats_svg(series, lang)


def test_only_the_drawing_module_imports_matplotlib() -> None:
    import ast

    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if any(n == "matplotlib" or n.startswith("matplotlib.") for n in names):
            assert path == ROOT / "bot" / "charts" / "draw.py", path
