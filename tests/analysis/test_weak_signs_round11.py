"""Issue 11, round 11 (branch weak11): unwanted mail below the threshold on one weak sign. ``unverified_sender``
is the second, independent sign such mail carries — a sender the receiving server could not tie to its From
domain — and it counts only beside a sign of bulk mail; the ordinary side (aligned mail, a small firm's own
server, a site's script, a reply, a list, a platform's own sign-in mail) is tested beside each case."""

from __future__ import annotations

from bench.probe_weak11 import BCC, LURES, ORDINARY, mail
from bot.analysis.pipeline import analyse


def found(data: bytes) -> dict[str, str]:
    return {f.rule: f.severity for f in analyse(data).findings}


SERIAL_FROM = "Billing <lina_henry_37463@promo.example.com>"
STATEMENT = "Your statement is ready: https://statement.example.com/v/88"
KETO = "Doctors hate this keto trick. See it: https://health.example.com/k"
PILLS = "Lose weight with our keto diet pills. Order now: https://deals.example.com/keto"


# --- the unwanted side ---------------------------------------------------------------------------


def test_a_malformed_sender_nobody_answers_for_reaches_the_threshold() -> None:
    for state in ("NOAUTH", "UNALIGNED", "SPF_ONLY"):
        a = analyse(mail(state, SERIAL_FROM, "Your statement", STATEMENT))
        rules = {f.rule: f.severity for f in a.findings}
        assert rules.get("sender_format") == "medium", state
        assert rules.get("unverified_sender") == "low", state
        assert a.verdict != "no_signs", state


def test_one_spam_word_to_undisclosed_recipients_without_any_authentication() -> None:
    a = analyse(mail("NOAUTH", "Health News <news@health.example.com>", "This changes everything", KETO, BCC))
    assert {f.rule for f in a.findings} >= {"spam_content", "undisclosed_recipients", "unverified_sender"}
    assert a.verdict == "spam"


def test_the_same_mail_signed_by_its_own_domain_stays_below() -> None:
    a = analyse(mail("ALIGNED", "Health News <news@health.example.com>", "This changes everything", KETO, BCC))
    assert "unverified_sender" not in {f.rule for f in a.findings}
    assert a.verdict == "no_signs"


def test_a_consumer_mailbox_signed_by_its_provider_is_verified() -> None:
    assert "unverified_sender" not in found(mail("GMAIL", "Ken <ken.example@gmail.com>", "Deal", PILLS))


def test_spam_wording_from_an_unsigned_domain_without_a_dmarc_record() -> None:
    # its own server (SPF aligned) but none of what bulk senders must publish, and no way out of the mailing
    assert found(mail("SPF_ONLY", "Deals <deals@deals.example.com>", "Lose weight fast", PILLS)).get(
        "unverified_sender") == "low"


# --- the ordinary side ---------------------------------------------------------------------------


def test_no_companion_no_finding() -> None:
    # a short link, a greeting by address or a Bcc alone: every small site's script mail has them
    for body, subject, to in (("Details: https://bit.ly/tour-5512", "Your booking", "taro.yamada@example.jp"),
                              ("Your account: https://shop.example.com/a", "Account for taro.yamada@example.jp",
                               "taro.yamada@example.jp"),
                              ("The meeting is on Thursday.", "Meeting", BCC)):
        assert "unverified_sender" not in found(mail("NOAUTH", "Club <club@club.example.org>", subject, body, to))


def test_a_mailing_service_signing_for_its_customer_answers_for_the_mailing() -> None:
    listed = "List-Unsubscribe: <https://esp.example.net/u/77>\n"
    a = analyse(mail("ESP", "Deals <deals@deals.example.com>", "Lose weight fast", PILLS, extra=listed))
    assert "unverified_sender" not in {f.rule for f in a.findings}
    # the same signature without a way out of the mailing is a signed throwaway, not a service's mailing
    assert "unverified_sender" in found(mail("ESP", "Deals <deals@deals.example.com>", "Lose weight fast", PILLS))


def test_own_server_without_dmarc_needs_a_bulk_only_sign() -> None:
    # one spam word beside a Bcc from a small firm's own server is a notice, not a mailing nobody answers for
    a = analyse(mail("SPF_ONLY", "Office <office@corp.example.com>", "Ground floor",
                     "The pharmacy on the ground floor closes at noon. https://maps.example.net/p/1", BCC))
    assert "unverified_sender" not in {f.rule for f in a.findings}
    assert a.verdict == "no_signs"


def test_own_server_newsletter_with_a_way_out_is_left_alone() -> None:
    body = PILLS + "\nUnsubscribe: https://deals.example.com/unsub"
    assert "unverified_sender" not in found(mail("SPF_ONLY", "Deals <deals@deals.example.com>", "News", body))


def test_own_server_hidden_mobile_block_is_left_alone() -> None:
    html = ("<html><body><p>Our winter menu.</p><div style=\"display:none\">" + "soups and bread " * 60
            + '</div><a href="https://cafe.example.org/menu">Menu</a></body></html>')
    a = analyse(mail("SPF_ONLY", "Cafe <news@cafe.example.org>", "Winter menu", html, html=True))
    assert "hidden_text" in {f.rule for f in a.findings}
    assert "unverified_sender" not in {f.rule for f in a.findings}


def test_a_reply_or_a_list_is_left_alone() -> None:
    reply = "In-Reply-To: <a1@example.jp>\nReferences: <a1@example.jp>\n"
    listed = "List-Id: <ops.lists.example.org>\nList-Post: <mailto:ops@lists.example.org>\n"
    for extra in (reply, listed):
        data = mail("NOAUTH", SERIAL_FROM, "Your statement", STATEMENT, extra=extra)
        assert "unverified_sender" not in found(data)


def test_a_list_unsubscribe_line_exempts_only_the_domains_own_server() -> None:
    # anyone can write the header: a mail that fails alignment altogether gains nothing by it (spammers add a
    # bare token there); from the domain's own server it is the small shop's newsletter's way out
    listed = "List-Unsubscribe: <https://deals.example.com/u>\n"
    assert "unverified_sender" in found(mail("NOAUTH", SERIAL_FROM, "Your statement", STATEMENT, extra=listed))
    assert "unverified_sender" not in found(mail("SPF_ONLY", SERIAL_FROM, "Your statement", STATEMENT, extra=listed))


def test_counted_once_beside_the_receivers_own_dmarc_verdict() -> None:
    data = mail("NOAUTH", SERIAL_FROM, "Your statement", STATEMENT).replace(b"dmarc=none", b"dmarc=fail")
    rules = found(data)
    assert "dmarc_fail" in rules
    assert "unverified_sender" not in rules


def test_pasted_text_has_no_headers_to_read() -> None:
    assert "unverified_sender" not in found(f"Lose weight fast\n\n{PILLS}".encode())


def test_a_platforms_own_sign_in_mail_is_not_also_a_free_hosting_link() -> None:
    body = ("Follow this link to verify your email address: https://myapp-3f2a1.firebaseapp.com/__/auth/action?m=1\n"
            "If you didn't ask to verify this address, you can ignore this email.")
    data = mail("ALIGNED", "noreply <noreply@myapp-3f2a1.firebaseapp.com>", "Verify your email", body)
    a = analyse(data)
    assert "free_hosting_link" not in {f.rule for f in a.findings}
    assert a.verdict == "no_signs"
    # the same platform address sending readers to another customer's page keeps the sign
    other = data.replace(b"https://myapp-3f2a1.firebaseapp.com/", b"https://promo-77x1.web.app/")
    assert "free_hosting_link" in found(other)


def test_the_sentence_reads_in_both_languages() -> None:
    from bot.presentation.sentences import finding_detail

    a = analyse(mail("NOAUTH", SERIAL_FROM, "Your statement", STATEMENT))
    finding = next(f for f in a.findings if f.rule == "unverified_sender")
    en, ja = finding_detail(finding, "en"), finding_detail(finding, "ja")
    assert "could not confirm" in en and "example[.]com" in en and "{" not in en
    assert "確認できませんでした" in ja and "example[.]com" in ja and "{" not in ja
    assert "the other signs" not in finding_detail(finding, "en", section="desk_rule")


def test_probe_ordinary_mail_is_never_flagged_by_it_and_the_reached_lures_are_caught() -> None:
    # (the probe's other ordinary alarms are main's own: a site script's envelope at its host beside a short link)
    for topic, state, from_, subject, body, to, extra, html in ORDINARY:
        a = analyse(mail(state, from_, subject, body, to, extra, html))
        assert "unverified_sender" not in {f.rule for f in a.findings} or a.verdict == "no_signs", topic
    for topic, expected, state, from_, subject, body, to, html in LURES:
        if expected:
            assert analyse(mail(state, from_, subject, body, to, html=html)).verdict != "no_signs", topic


def test_the_sentence_names_the_from_domain_as_written() -> None:
    # review 11: a tenant's x.onmicrosoft.com was named "onmicrosoft.com"; the From's own domain is shown
    a = analyse(mail("NOAUTH", "Billing <billing@k7q2x9.onmicrosoft.com>", "Your statement", STATEMENT))
    finding = next(f for f in a.findings if f.rule == "unverified_sender")
    assert dict(finding.params)["domain"] == "k7q2x9[.]onmicrosoft[.]com"
