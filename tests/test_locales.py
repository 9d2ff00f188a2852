"""Both languages move together: every key, every placeholder, in ja and en."""

from __future__ import annotations

import re
import string

from bot.analysis.scoring import WEIGHTS, advice
from bot.i18n import catalogue, default_lang, t

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_same_keys_and_placeholders_in_both_languages() -> None:
    ja, en = catalogue("ja"), catalogue("en")
    assert ja.keys() == en.keys()
    for section in en:
        assert ja[section].keys() == en[section].keys(), section
        for key in en[section]:
            assert set(PLACEHOLDER.findall(ja[section][key])) == set(PLACEHOLDER.findall(en[section][key])), (section, key)


def test_japanese_catalogue_is_japanese() -> None:
    ja = catalogue("ja")
    for section in ("rule", "advice", "problem", "verdict_line"):
        for key, text in ja[section].items():
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), (section, key)


def test_every_rule_and_advice_has_a_sentence() -> None:
    en = catalogue("en")
    assert set(WEIGHTS) <= set(en["rule"])
    from bot.analysis.models import VERDICTS, Finding

    every_rule = tuple(Finding(rule, "high") for rule in WEIGHTS)
    for verdict in VERDICTS:
        assert verdict in en["verdict"] and verdict in en["verdict_line"] and verdict in en["verdict_count"]
        for key in advice(verdict, ()) + advice(verdict, every_rule):
            assert key in en["advice"], (verdict, key)


def test_formatting_fills_and_tolerates_missing_params() -> None:
    assert "t***@example.jp" in t("en", "rule", "self_sent", address="t***@example.jp")
    assert "{address}" in t("ja", "rule", "self_sent")
    assert t("fr", "verdict", "phishing") == "Phishing"
    assert t("en", "nope", "nothing") == "nope.nothing"
    for text in catalogue("en")["rule"].values():
        list(string.Formatter().parse(text))  # no stray braces


def test_default_language_order() -> None:
    assert default_lang({"PHISHBOT_LANG": "ja", "LANG": "en_US.UTF-8"}) == "ja"
    assert default_lang({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert default_lang({"LANG": "C"}) == "en"
    assert default_lang({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
