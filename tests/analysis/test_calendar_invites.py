"""Round 11: a calendar invitation's title, description, place and link are text of the mail."""

from __future__ import annotations

from bot.analysis.ics import invitation_text
from bot.analysis.pipeline import analyse

UNALIGNED = ("Authentication-Results: mx.example.jp; spf=softfail smtp.mailfrom=events.example.net; dkim=none; "
             "dmarc=fail header.from=events.example.net\n")


def _invite(ics: str, *, body: str = "", auth: str = UNALIGNED, frm: str = "Events <invite@events.example.net>",
            attached: bool = False) -> bytes:
    disposition = 'Content-Disposition: attachment; filename="invite.ics"\n' if attached else ""
    return (f"{auth}From: {frm}\nTo: taro@example.jp\nSubject: Invitation\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="B"\n\n'
            f"--B\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            f"--B\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\n{disposition}\n{ics}\n--B--\n").encode()


LURE_ICS = (
    "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Your Amazon account is suspended\r\n"
    "DESCRIPTION:Dear customer\\, your Amazon account has been locked. Verify your information within 24 hou\r\n"
    " rs: https://amaz0n-verify.example.org/signin\\nAmazon Security\r\n"
    'LOCATION;ALTREP="https://x.example.org/a:b":Online\r\n'
    "ORGANIZER;CN=Amazon:mailto:invite@events.example.net\r\nATTENDEE;CN=Taro:mailto:taro@example.jp\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_the_invitation_is_unfolded_unescaped_and_read() -> None:
    plain, html = invitation_text(LURE_ICS)
    assert "Dear customer, your Amazon account has been locked. Verify your information within 24 hours: " \
           "https://amaz0n-verify.example.org/signin\nAmazon Security" in plain
    assert "Online" in plain and "Your Amazon account is suspended" in plain
    assert "taro@example.jp" not in plain  # attendees are people, not content
    assert html == ""


def test_a_lure_sent_as_an_invitation_alone_is_caught() -> None:
    report = analyse(_invite(LURE_ICS))
    assert "amaz0n-verify.example.org" in {link.host for link in report.links}
    assert report.brand is not None and report.brand.id == "amazon"
    assert report.verdict == "phishing"
    report = analyse(_invite(LURE_ICS, attached=True))
    assert report.verdict == "phishing"
    assert [a.filename for a in report.attachments] == ["invite.ics"]


def test_outlooks_html_description_is_read_as_a_page() -> None:
    ics = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Review\n"
           "X-ALT-DESC;FMTTYPE=text/html:<html><body><a href=\"https://docs-share.example.org/view\">Open the "
           "shared document</a></body></html>\nEND:VEVENT\nEND:VCALENDAR\n")
    report = analyse(_invite(ics))
    assert "docs-share.example.org" in {link.host for link in report.links}


def test_an_ordinary_meeting_invitation_stays_clean() -> None:
    aligned = ("Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example.com; dkim=pass "
               "header.d=example.com; dmarc=pass header.from=example.com\n")
    ics = ("BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nSUMMARY:Weekly sync\n"
           "DESCRIPTION:Agenda: roadmap\\, hiring.\\nJoin: https://meet.example.com/abc-defg-hij\n"
           "LOCATION:Room 3F\nORGANIZER;CN=Hanako:mailto:hanako@example.com\nEND:VEVENT\nEND:VCALENDAR\n")
    report = analyse(_invite(ics, body="Hanako has invited you to Weekly sync.", auth=aligned,
                             frm="Hanako <hanako@example.com>"))
    assert report.verdict == "no_signs"
    assert "meet.example.com" in {link.host for link in report.links}


def test_a_broken_invitation_is_read_as_far_as_it_goes() -> None:
    plain, _ = invitation_text("BEGIN:VCALENDAR\nno colon here\nSUMMARY\nDESCRIPTION:ends with a lone \\")
    assert plain == "ends with a lone \\"
