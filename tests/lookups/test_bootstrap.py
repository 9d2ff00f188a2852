"""RFC 9224 bootstrap: bundled map, longest suffix, no-RDAP TLDs, refresh from a (fake) IANA."""

from __future__ import annotations

import json

import aiohttp

from bot.lookups.bootstrap import BUNDLED, load_bootstrap
from bot.lookups.intel import RegistryIntel
from bot.settings import LookupSettings
from tests.lookups.conftest import Served


def test_bundled_copy_knows_the_common_tlds_and_jp_has_none() -> None:
    boot = load_bootstrap(None, None)
    for tld in ("com", "net", "org", "info", "cc", "tv", "top", "xyz", "shop", "online", "site", "icu", "cfd", "sbs", "club"):
        base = boot.base_for(f"example.{tld}")
        assert base is not None and base.startswith("https://") and base.endswith("/"), tld
    assert boot.base_for("example.jp") is None
    assert boot.base_for("example.co.jp") is None
    with open(BUNDLED, encoding="utf-8") as fh:
        assert "jp" in json.load(fh)["no_rdap"]


def test_longest_suffix_wins() -> None:
    boot = load_bootstrap(None, None)
    boot.services["example.com"] = "https://special.example/"
    assert boot.base_for("a.example.com") == "https://special.example/"
    assert boot.base_for("other.com") == "https://rdap.verisign.com/com/v1/"


def test_override_sends_every_rdap_tld_to_the_mirror_but_not_no_rdap_ones() -> None:
    boot = load_bootstrap("http://127.0.0.1:9/rdap", None)
    assert boot.base_for("servicecc-jp.cc") == "http://127.0.0.1:9/rdap/"
    assert boot.base_for("example.jp") is None
    assert not boot.refresh_due  # no refresh with RDAP_BASE_URL


async def test_refresh_from_the_configured_url_is_kept_on_disk(served: Served, tmp_path) -> None:  # type: ignore[no-untyped-def]
    boot = load_bootstrap(None, str(tmp_path))
    assert boot.refresh_due
    settings = LookupSettings(rdap_bootstrap_url=served.rdap_url + "/bootstrap/dns.json")
    async with aiohttp.ClientSession() as session:
        intel = RegistryIntel(settings, boot, None, session)
        assert await intel.refresh_bootstrap()
        assert not await intel.refresh_bootstrap()  # not again within the day
    assert boot.base_for("a.cc") == "http://127.0.0.1:1/rdap/"
    assert (tmp_path / "rdap_bootstrap.json").is_file()
    again = load_bootstrap(None, str(tmp_path))  # the next run starts from the fresher copy
    assert again.publication == "2099-01-01T00:00:00Z"
    assert again.base_for("x.com") == "http://127.0.0.1:1/rdap/"
    assert again.base_for("x.jp") is None  # our no-RDAP list survives a refresh


async def test_a_failed_refresh_keeps_the_bundled_map(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.fakes.registries import closed_port

    boot = load_bootstrap(None, str(tmp_path))
    settings = LookupSettings(rdap_bootstrap_url=f"http://127.0.0.1:{closed_port()}/dns.json", timeout=1.0)
    async with aiohttp.ClientSession() as session:
        assert not await RegistryIntel(settings, boot, None, session).refresh_bootstrap()
    assert boot.base_for("x.com") == "https://rdap.verisign.com/com/v1/"
