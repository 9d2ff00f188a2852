"""Round 9 (lead): a wallet's or an exchange's safety notice names the lure's words to warn against them.

The wallet secrets alone ("recovery phrase", "Seed-Phrase", "frase semilla") are a topic, and an ask that a
negation denies just before it ("never enter your recovery phrase") is no ask (``rules._denied``); a lure that
asks for the secret is still a scam, also when it says "do not ignore" or "never lose" elsewhere.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import _denied

NOTICES = [
    "Security reminder\n\nDear customer,\nWe will never ask you for your recovery phrase or private keys. Never share "
    "your seed phrase with anyone, and never enter your recovery phrase on a website. If someone asks for your "
    "wallet's recovery phrase, it is a scam.\nThe Example Wallet team",
    "Sicherheitshinweis\n\nWir werden Sie niemals nach Ihrer Wiederherstellungsphrase fragen. Geben Sie Ihre "
    "Seed-Phrase niemals auf einer Webseite ein.\nIhr Example-Team",
    "Aviso de seguridad\n\nNunca le pediremos su frase de recuperación ni sus claves privadas. No comparta nunca su "
    "frase semilla con nadie.\nEl equipo de Example",
    "Rappel de sécurité\n\nNous ne vous demanderons jamais votre phrase de récupération. Ne la saisissez jamais sur "
    "un site web.\nL'équipe Example",
]

LURES = [
    "Action needed\n\nYour wallet is scheduled for deactivation. Do not ignore this message and verify your wallet "
    "by entering your 12 word recovery phrase at https://example.net/w",
    "Never lose access to your funds: enter your recovery phrase now at https://example.net/w to keep your wallet "
    "active.",
    "We will never ask for your password. To keep your wallet, submit your recovery phrase at https://example.net/w "
    "within 24 hours.",
]


@pytest.mark.parametrize("text", NOTICES)
def test_a_safety_notice_naming_the_secret_is_no_lure(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict == "no_signs", report.findings
    assert all(f.severity == "low" for f in report.findings if f.rule == "scam_lure")


@pytest.mark.parametrize("text", LURES)
def test_a_lure_asking_for_the_secret_is_a_scam(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict == "scam", report.findings
    assert any(f.rule == "scam_lure" and f.severity in ("medium", "high") for f in report.findings)


def test_denied_reads_the_clause_before_each_occurrence() -> None:
    assert _denied("never enter your recovery phrase here", "enter your recovery")
    assert _denied("we will never ask for your seed phrase", "seed phrase")
    # a comma ends the clause: "don't lose your funds, enter your recovery phrase" asks
    assert not _denied("don't lose your funds, enter your recovery phrase", "enter your recovery")
    # one undenied occurrence is enough
    assert not _denied("never share your seed phrase. type your seed phrase below", "seed phrase")
    # more than four words before: not the phrase's negation
    assert not _denied("do not ignore this message and verify your wallet", "verify your wallet")
    assert not _denied("no phrase here", "seed phrase")


# review9: a negation that urges, or a condition before it, does not deny the ask after it; nor does a denial
# repeated past the cap hide the ask that follows
URGED = [
    "Hello. Don't wait to claim your prize at https://example.net/p",
    "Hello. Do not hesitate to claim your prize at https://example.net/p",
    "Hello. It has never been easier to claim your prize at https://example.net/p",
    "Hello. Don't miss claim your prize now at https://example.net/p",
    "Hello. You're not dreaming \u2014 claim your prize at https://example.net/p",
]


@pytest.mark.parametrize("text", URGED)
def test_an_urging_negation_does_not_hide_the_ask(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict != "no_signs", report.findings
    assert any(f.rule == "scam_lure" and f.severity in ("medium", "high") for f in report.findings)


def test_denied_is_not_fooled_by_urging_conditions_or_repetition() -> None:
    assert not _denied("don't wait to claim your prize", "claim your prize")
    assert not _denied("do not hesitate to claim your prize", "claim your prize")
    assert not _denied("if you do not claim your prize", "claim your prize")
    assert not _denied("se voce nao resgatar seu premio", "resgatar seu premio")
    assert _denied("we will not ask you to claim your prize", "claim your prize")
    assert _denied("never share your seed phrase. " * 3, "seed phrase")
    assert not _denied("never share your seed phrase. " * 20 + "type your seed phrase below", "seed phrase")
