"""The leak-source service catalogue (bot/community/service_catalogue.py, data/services.toml)."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.community.service_catalogue import (
    Service,
    known_services,
    parse_service_list,
    resolve_service,
    service_for_slug,
    service_key,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
SPEC_SLUGS = ["amazon", "rakuten", "yahoo-shopping", "aliexpress", "mercari", "paypay", "line", "docomo", "au", "softbank",
              "smbc-card", "jcb", "aeon", "epos", "saison", "uniqlo", "zozotown", "netflix", "apple", "google", "microsoft"]
MORE_SLUGS = ["rakuma", "yodobashi", "biccamera", "nitori", "hotpepper", "jalan", "rakuten-travel", "recruit", "mynavi", "doda",
              "indeed", "facebook", "instagram", "x-twitter", "tiktok", "shein", "temu", "qoo10", "au-pay", "d-card", "view-card",
              "mufg", "mizuho", "japanpost-bank", "nintendo", "playstation", "steam"]


def test_the_catalogue_has_the_spec_slugs_and_more() -> None:
    slugs = [s.slug for s in known_services()]
    assert len(slugs) == len(set(slugs))
    assert set(SPEC_SLUGS + MORE_SLUGS) <= set(slugs)
    assert all(SLUG.match(s) for s in slugs)
    assert all(s.known and s.name_ja and s.name_en for s in known_services())


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("アマゾン", "amazon"), ("Amazon.co.jp", "amazon"), ("amazon.com", "amazon"), ("amazon", "amazon"), ("ＡＭＡＺＯＮ", "amazon"),
        ("amazon co jp", "amazon"), ("Ａｍａｚｏｎ．ｃｏ．ｊｐ", "amazon"), ("  アマゾン\u200b ", "amazon"),
        ("楽天", "rakuten"), ("楽天市場", "rakuten"), ("Rakuten", "rakuten"), ("楽天カード", "rakuten-card"),
        ("Yahoo!ショッピング", "yahoo-shopping"), ("Yahoo！ショッピング", "yahoo-shopping"), ("ヤフーショッピング", "yahoo-shopping"),
        ("ヤフショ", "yahoo-shopping"), ("yahoo shopping", "yahoo-shopping"), ("Yahoo! ショッピング", "yahoo-shopping"),
        ("三井住友カード", "smbc-card"), ("SMBC", "smbc-card"), ("Vpass", "smbc-card"), ("smbc card", "smbc-card"),
        ("ドコモ", "docomo"), ("NTTドコモ", "docomo"), ("ﾄﾞｺﾓ", "docomo"),
        ("アリエクスプレス", "aliexpress"), ("AliExpress", "aliexpress"),
        ("メルカリ", "mercari"), ("ペイペイ", "paypay"), ("ライン", "line"), ("KDDI", "au"), ("ソフトバンク", "softbank"),
        ("ジェーシービー", "jcb"), ("イオンカード", "aeon"), ("エポスカード", "epos"), ("セゾンカード", "saison"), ("ユニクロ", "uniqlo"),
        ("ゾゾタウン", "zozotown"), ("ネトフリ", "netflix"), ("Apple ID", "apple"), ("Gmail", "google"), ("マイクロソフト", "microsoft"),
        ("ラクマ", "rakuma"), ("ヨドバシ.com", "yodobashi"), ("ビックカメラ", "biccamera"), ("楽天トラベル", "rakuten-travel"),
        ("Twitter", "x-twitter"), ("X", "x-twitter"), ("ツイッター", "x-twitter"), ("インスタ", "instagram"), ("au PAY", "au-pay"),
        ("dカード", "d-card"), ("ビューカード", "view-card"), ("三菱UFJ銀行", "mufg"), ("みずほ銀行", "mizuho"),
        ("ゆうちょ銀行", "japanpost-bank"), ("任天堂", "nintendo"), ("プレステ", "playstation"), ("キューテン", "qoo10"),
        ("yahoo-shopping", "yahoo-shopping"), ("x-twitter", "x-twitter"),
    ],
)
def test_aliases_resolve(typed: str, slug: str) -> None:
    service = resolve_service(typed)
    assert service.slug == slug
    assert service.known


def test_a_known_service_keeps_its_catalogue_names() -> None:
    assert resolve_service("アマゾン") == Service("amazon", "Amazon", "Amazon", True)
    assert resolve_service("smbc") == Service("smbc-card", "三井住友カード", "Sumitomo Mitsui Card", True)


def test_an_unknown_name_with_ascii_gets_its_ascii_slug_and_keeps_its_name() -> None:
    service = resolve_service("  My Shop! 2号店 ")
    assert service == Service("my-shop-2", "My Shop! 2号店", "My Shop! 2号店", False)
    assert resolve_service("ｍｙ　ＳＨＯＰ！　２号店").slug == "my-shop-2"  # full width, other case: the same slug


def test_an_unknown_name_without_ascii_gets_a_hash_slug() -> None:
    service = resolve_service("近所の八百屋")
    expected = "svc-" + hashlib.sha256(service_key("近所の八百屋").encode()).hexdigest()[:8]
    assert service.slug == expected
    assert SLUG.match(service.slug)
    assert (service.name_ja, service.name_en, service.known) == ("近所の八百屋", "近所の八百屋", False)
    assert resolve_service("近所の 八百屋").slug == expected  # spaces are ignored
    assert resolve_service("近所の魚屋").slug != expected


def test_an_unknown_name_never_takes_a_known_slug() -> None:
    service = resolve_service("amazonショップ")
    assert not service.known
    assert service.slug.startswith("amazon-")
    assert SLUG.match(service.slug)
    assert service.slug != "amazon"
    assert resolve_service("x!!ショップ").slug.startswith("x-")


def test_long_names_are_cut() -> None:
    service = resolve_service("Very Long Shop Name " * 10)
    assert SLUG.match(service.slug)
    assert len(service.name_ja) == 60
    assert not service.slug.endswith("-")


def test_a_blank_name_is_refused() -> None:
    for text in ("", "   ", "・", "\u200b"):
        with pytest.raises(ValueError, match="empty"):
            resolve_service(text)


def test_service_for_slug() -> None:
    assert service_for_slug("docomo").name_ja == "NTTドコモ"
    assert service_for_slug("my-shop") == Service("my-shop", "my-shop", "my-shop", False)


def test_parse_service_list() -> None:
    got = parse_service_list("アマゾン、楽天市場 / Yahoo!ショッピング\nAmazon.co.jp，三井住友カード,,  ,ドコモ／近所の八百屋\r\n")
    assert [s.slug for s in got] == ["amazon", "rakuten", "yahoo-shopping", "smbc-card", "docomo", resolve_service("近所の八百屋").slug]
    assert parse_service_list("") == []
    assert parse_service_list(" , 、 \n") == []


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_every_name_gets_a_valid_stable_slug(text: str) -> None:
    if not service_key(text):
        with pytest.raises(ValueError, match="empty"):
            resolve_service(text)
        return
    service = resolve_service(text)
    assert SLUG.match(service.slug)
    assert resolve_service(text) == service
    assert resolve_service(service.slug).slug == service.slug  # a stored slug resolves to itself
    assert len(service.name_en) <= 60
    for part in parse_service_list(text):
        assert SLUG.match(part.slug)
