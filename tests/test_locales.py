"""Both languages move together: every key, every placeholder, in ja and en."""

from __future__ import annotations

import re
import string

from bot.analysis.scoring import WEIGHTS, advice
from bot.i18n import catalogue, default_lang, t

PLACEHOLDER = re.compile(r"\{(\w+)(?::\w+)?\}")
SPECIFIED = re.compile(r"\{(\w+)(?::(\w+))?\}")
# the parameters that carry a count: shown only with their noun ({reports:reports} → "1 report"),
# or as ``{count}`` in a ``_one``/``_other`` pair that ``tn`` picks
COUNTS = {"count", "reports", "members", "campaigns", "days", "registered", "not_registered", "votes",
          "votes_from_recipients", "from_recipients", "bad", "items", "listed", "new", "skipped", "entries",
          "registration", "registered_address", "vote", "reports_unlinked", "report_texts", "chars", "unreadable",
          "total", "done", "limit"}
# a number shown as a tally after its label ("votes: 3", "3/10", "… and 2 more", "more than 500 bytes"):
# it reads the same for one and for many
TALLIES = {
    ("cli", "progress"): {"done", "total"}, ("cli", "summary"): {"unreadable"},
    ("community", "rank_row"): {"not_registered", "votes_from_recipients"},
    ("feeds", "imported"): {"new", "skipped"}, ("feeds", "fetched"): {"new", "entries"},
    ("discord", "and_more"): {"count"}, ("desk", "more_links"): {"count"},
    ("discord", "too_big"): {"limit"}, ("discord", "slow_down"): {"limit"},
    ("chart", "evidence"): {"registered", "not_registered"}, ("chart", "votes_value"): {"votes", "from_recipients"},
    ("chart", "count_of"): {"count"}, ("chart", "week_item"): {"total"}, ("chart", "more_services"): {"count"},
    ("chart", "rank_alt_row"): {"registered", "not_registered", "votes", "votes_from_recipients"},
    ("chart", "timeline_alt"): {"items"},  # not a count: the list of the periods' items
    ("evidence", "repeated"): {"count"},  # "×10"
    ("size", "bytes"): {"count"},  # "512 B": a unit, not a noun
}
JA_COUNTERS = re.compile(r"(件|人|日|票|個|文字|バイト|通|回|行|段|秒|つ)")


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


def test_every_count_is_said_with_its_noun_in_both_languages() -> None:
    """Issue 12 §2: no "1 report(s)", "1 campaigns", 「1 アドレス」: a count goes through ``tn``
    (``_one``/``_other``) or carries its noun from the ``count`` section, whose Japanese forms use
    a counter (件, 人, 日, 票 …)."""
    for lang in ("en", "ja"):
        cat = catalogue(lang)
        nouns = {k.rsplit("_", 1)[0] for k in cat["count"]}
        for noun in nouns:
            assert f"{noun}_one" in cat["count"] and f"{noun}_other" in cat["count"], (lang, noun)
            if lang == "ja":
                assert JA_COUNTERS.search(cat["count"][f"{noun}_other"]), noun
            else:
                assert cat["count"][f"{noun}_one"].startswith("1 "), noun
        for section, table in cat.items():
            for key, text in table.items():
                if key.endswith("_one"):
                    assert key[:-4] + "_other" in table, (lang, section, key)
                if key.endswith("_other"):
                    assert key[:-6] + "_one" in table, (lang, section, key)
                for name, noun in SPECIFIED.findall(text):
                    if noun:
                        assert noun in nouns, (lang, section, key, noun)
                        continue
                    if name not in COUNTS or (key.endswith(("_one", "_other")) and name == "count"):
                        continue
                    if section == "verdict_count" or (section == "problem" and name == "limit"):
                        continue  # "3 phishing" / 「フィッシング 3 件」; "more than 500 lines"
                    assert name in TALLIES.get((section, key), set()), (lang, section, key, name, text)


def test_counts_read_right_for_one_and_for_many() -> None:
    assert t("en", "community", "counts", reports=1, members=1) == "1 report from 1 member"
    assert t("en", "community", "counts", reports=2, members=3) == "2 reports from 3 members"
    assert t("ja", "community", "counts", reports=1, members=2) == "報告 1 件(メンバー 2 人)"
    assert t("en", "rule", "new_domain", domain="x[.]example", days="1").endswith("only 1 day before this mail.")
    assert "1 address registered" in t("en", "community", "rank_row", service="Amazon", score="40", registered=1,
                                         not_registered=0, votes=1, votes_from_recipients=0)
    forgotten = t("en", "community", "forgotten", registration=1, registered_address=1, vote=1, reports_unlinked=1)
    assert "1 registration, 1 address and 1 vote" in forgotten and "1 report no longer" in forgotten
    assert "{reports:reports}" in t("en", "community", "counts")  # a missing parameter shows as written


# the only lower-case ASCII words a Japanese sentence may hold: commands and options members type,
# file suffixes, protocol and header tokens, our own addresses and names
JA_ASCII_WORDS = {
    "amazon", "applications.commands", "base64", "boundary", "compauth", "eml", "env", "false", "forget", "gzip",
    "htm", "html", "http", "https", "hxxps", "info", "jpcert", "leak", "login.php", "mail", "mail.", "mbox",
    "meiwaku", "migrate", "msg", "not", "ns.", "openphish", "phishbot", "privacy", "register", "secret.key",
    "services", "shard-count", "status", "top", "true", "txt", "antiphishing.jp", "dekyo.or.jp", "name.", "db",
    "cc", "en", "ja", "rn", "m", "s", "t", "postgresql", "createdb", "pg_dump", "pg_restore", "shards", "restore",  # a URL scheme, commands, an option
    "aeon", "paypay",  # example URL paths (/aeon, /paypay/)
    "uuencode",  # a transfer encoding
    "hkgqs",  # an example of a consonant-only kit name (link_sign.initials_name)
}


def test_no_english_left_in_the_japanese_catalogue() -> None:
    """Issue 12 §2: no English in ja output except names — no English sentence or word slipped in
    (capitalised names, acronyms and header names are names; the lower-case words are listed)."""
    for section, table in catalogue("ja").items():
        for key, text in table.items():
            bare = re.sub(r"\{[^}]*\}", "", text)
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_.\-]*", bare) if w.islower()]
            assert set(words) <= JA_ASCII_WORDS, (section, key, set(words) - JA_ASCII_WORDS)
            assert not re.search(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b", bare) or "phishbot" in bare, (section, key)


def test_every_failure_code_the_code_can_return_has_a_sentence() -> None:
    """A lookup's or a feed's failure code shown to a member or an operator is a sentence, never
    the bare code (``redirect_refused`` had none once)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "bot"
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    lookups = set(re.findall(r'LookupFailed\("([a-z_]+)"', source))
    feeds = set(re.findall(r'FetchFailed\("([a-z_]+)"', source)) - {"http"}
    assert "redirect_refused" in lookups and "redirect_refused" in feeds
    for lang in ("en", "ja"):
        cat = catalogue(lang)
        assert lookups <= set(cat["lookup_reason"]), (lang, lookups - set(cat["lookup_reason"]))
        assert feeds <= set(cat["feed_status"]), (lang, feeds - set(cat["feed_status"]))
