"""Untuned probe (issue 11, round 11, branch weak11): ordinary modern mail against ``unverified_sender`` (a weak sign
of bulk mail beside a sender the receiving server could not tie to its From domain), and the lures of the classes
it was written for.

Every mail is a whole .eml with the receiving server's Authentication-Results, in one of four states:
ALIGNED (DKIM and DMARC pass for the From's domain), GMAIL (a consumer mailbox, signed by its provider),
SPF_ONLY (the domain's own server: SPF pass of its own envelope, no signature, no DMARC record) and UNALIGNED
(a script on a web host: SPF pass for the host's envelope, nothing for the From's domain), ESP (a mailing
service signing for a customer's domain that publishes no DMARC record) or NOAUTH (its own
envelope, but the domain publishes no SPF and signs nothing: since 2024 the large providers refuse such mail from
any sender, and a self-hosted box is the one ordinary case of it). ORDINARY mail must
stay ``no_signs``: newsletters with and without list headers, a colleague's mail to undisclosed recipients, a
password reset with a short link, a service greeting its user by address, a small firm's own server, a small
site's script mail, a club's Bcc, a reply, a discussion list. LURES are the weak-sign classes the round was
about; the ones this round does not reach (a greeting by address or a short link alone) are listed as such.
Written before reading any result; everything is made up (reserved names only).

    python bench/probe_weak11.py            # counts, and each false alarm and miss
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse


def auth(state: str, domain: str) -> tuple[str, str]:
    """(Authentication-Results, Return-Path) of a receiving server for a From at ``domain``."""
    if state == "ALIGNED":
        return (f"mx.example.jp; spf=pass smtp.mailfrom=bounce.{domain}; dkim=pass header.d={domain}; "
                f"dmarc=pass header.from={domain}", f"<b-1@bounce.{domain}>")
    if state == "GMAIL":
        return ("mx.example.jp; spf=pass smtp.mailfrom=gmail.com; dkim=pass header.d=gmail.com; "
                "dmarc=pass header.from=gmail.com", "<someone@gmail.com>")
    if state == "SPF_ONLY":
        return (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=none; dmarc=none header.from={domain}",
                f"<info@{domain}>")
    if state == "UNALIGNED":
        return (f"mx.example.jp; spf=pass smtp.mailfrom=host.example.net; dkim=none; dmarc=none "
                f"header.from={domain}", "<www-data@host.example.net>")
    if state == "ESP":
        return (f"mx.example.jp; spf=pass smtp.mailfrom=bounce.esp.example.net; dkim=pass header.d=esp.example.net; "
                f"dmarc=none header.from={domain}", "<bounce-77@bounce.esp.example.net>")
    if state == "NOAUTH":
        return (f"mx.example.jp; spf=none smtp.mailfrom={domain}; dkim=none; dmarc=none header.from={domain}",
                f"<info@{domain}>")
    raise ValueError(state)


def mail(state: str, from_: str, subject: str, body: str, to: str = "taro.yamada@example.jp",
         extra: str = "", html: bool = False) -> bytes:
    domain = from_.rpartition("@")[2].rstrip(">")
    results, return_path = auth(state, domain)
    kind = "html" if html else "plain"
    head = (f"Return-Path: {return_path}\nAuthentication-Results: {results}\nFrom: {from_}\nTo: {to}\n"
            f"Subject: {subject}\nDate: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <weak11@{domain}>\n{extra}"
            f"MIME-Version: 1.0\nContent-Type: text/{kind}; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n")
    return (head + body + "\n").encode()


LIST = ("List-Id: <news.shop.example.com>\nList-Unsubscribe: <https://shop.example.com/unsub?u=1>\n"
        "Precedence: bulk\n")
BCC = "undisclosed-recipients:;"
HIDDEN_MOBILE = ('<div style="display:none">' + "Our winter menu: soups, stews, fresh bread and seasonal salads. " * 10
                 + "</div>")

# (topic, auth state, From, subject, body, To, extra headers, html)
ORDINARY: list[tuple[str, str, str, str, str, str, str, bool]] = [
    ("newsletter, list headers", "ALIGNED", "Example Shop <news@shop.example.com>", "Winter sale: 20% off",
     "Our winter sale is on: 20% off every order. Shop now at https://shop.example.com/sale\n"
     "You are receiving this because you subscribed. Unsubscribe: https://shop.example.com/unsub", "taro.yamada@example.jp",
     LIST, False),
    ("newsletter, no list headers", "ALIGNED", "Example Gym <news@gym.example.com>", "New classes in January",
     "Lose weight and feel great: our new January classes start on the 6th. Members get a discount on the first "
     "month. Book at https://gym.example.com/classes\nTo stop these mails, unsubscribe at https://gym.example.com/u",
     "taro.yamada@example.jp", "", False),
    ("colleague to undisclosed", "ALIGNED", "Hanako Sato <hanako@corp.example.com>", "Office closed on Friday",
     "Hello all,\nthe office is closed on Friday for the electrical inspection. Please take your laptops home.\n"
     "Hanako", BCC, "", False),
    ("colleague Bcc, pharmacy", "ALIGNED", "Building Office <office@corp.example.com>", "Ground floor changes",
     "Dear tenants,\nthe pharmacy on the ground floor closes at noon on Friday. Directions to the temporary one: "
     "https://maps.example.net/place/42\nBuilding office", BCC, "", False),
    ("password reset, short link", "ALIGNED", "Example App <no-reply@app.example.com>", "Reset your password",
     "Someone asked to reset the password of your Example App account. If it was you, open "
     "https://bit.ly/3xAmPle within an hour. If not, ignore this mail.", "taro.yamada@example.jp", "", False),
    ("greeting by address, subject", "ALIGNED", "Example Cloud <hello@cloud.example.com>",
     "Welcome, taro.yamada@example.jp", "Your account is ready. Sign in at https://cloud.example.com/login",
     "taro.yamada@example.jp", "", False),
    ("greeting by address, first line", "ALIGNED", "Example Forum <noreply@forum.example.com>", "Your new account",
     "Hello taro.yamada@example.jp,\nthanks for joining the forum. Your profile: https://forum.example.com/u/taro",
     "taro.yamada@example.jp", "", False),
    ("firebase verification", "ALIGNED", "noreply <noreply@myapp-3f2a1.firebaseapp.com>", "Verify your email",
     "Follow this link to verify your email address: https://myapp-3f2a1.firebaseapp.com/__/auth/action?mode=x\n"
     "If you didn't ask to verify this address, you can ignore this email.", "taro.yamada@example.jp", "", False),
    ("html with hidden mobile block", "ALIGNED", "Example Cafe <news@cafe.example.com>", "Our winter menu",
     "<html><body><p>Our winter menu is here: soups, stews and fresh bread.</p>" + HIDDEN_MOBILE
     + '<p><a href="https://cafe.example.com/menu">See the menu</a></p></body></html>', "taro.yamada@example.jp", "",
     True),
    ("gmail Bcc with short link", "GMAIL", "Ken <ken.example@gmail.com>", "Poll for the reunion date",
     "Hi everyone! Please vote for the reunion date here: https://bit.ly/reunion-poll\nKen", BCC, "", False),
    ("small firm invoice", "SPF_ONLY", "Example Plumbing <office@plumbing.example.com>", "Invoice 2026-118",
     "Dear Mr Yamada,\nplease find your invoice for the repair on 28 November at "
     "https://plumbing.example.com/invoices/2026-118\nKind regards, Example Plumbing", "taro.yamada@example.jp",
     "", False),
    ("small gym newsletter", "SPF_ONLY", "Town Gym <news@gym.example.org>", "January offers",
     "Lose weight in the new year: a discount on our January classes for members. Book at "
     "https://gym.example.org/book\nUnsubscribe: https://gym.example.org/unsub", "taro.yamada@example.jp", "", False),
    ("small firm Bcc", "SPF_ONLY", "Example Plumbing <office@plumbing.example.com>", "We are moving",
     "Dear customers,\nfrom January our office is at 2-3 Example Street. Our number does not change.", BCC, "", False),
    ("small firm greets by address", "SPF_ONLY", "Example Hotel <booking@hotel.example.com>",
     "Booking for taro.yamada@example.jp", "Your room is booked for 12 December: https://hotel.example.com/b/5512",
     "taro.yamada@example.jp", "", False),
    ("small firm short link", "SPF_ONLY", "Example Salon <info@salon.example.com>", "Your appointment",
     "Your appointment is on 10 December at 15:00. Change it at https://tinyurl.com/salon-5512",
     "taro.yamada@example.jp", "", False),
    ("small firm html, hidden block", "SPF_ONLY", "Example Cafe <news@cafe.example.org>", "Our winter menu",
     "<html><body><p>Our winter menu is here: soups, stews and fresh bread.</p>" + HIDDEN_MOBILE
     + '<p><a href="https://cafe.example.org/menu">See the menu</a></p></body></html>', "taro.yamada@example.jp", "",
     True),
    ("site script, contact reply", "UNALIGNED", "Example Studio <info@studio.example.com>",
     "We received your message", "Thank you for your message. We will answer within two days. "
     "https://studio.example.com/contact", "taro.yamada@example.jp", "", False),
    ("site script, address in subject", "UNALIGNED", "Example Shop <shop@smallshop.example.com>",
     "Account created for taro.yamada@example.jp", "Your account is ready: https://smallshop.example.com/account",
     "taro.yamada@example.jp", "", False),
    ("site script, short link", "UNALIGNED", "Example Tours <tours@tours.example.com>", "Your booking",
     "Your tour on 14 December is booked. Details: https://bit.ly/tour-5512", "taro.yamada@example.jp", "", False),
    ("club Bcc", "UNALIGNED", "Example Tennis Club <secretary@tennis.example.org>", "Meeting on Thursday",
     "Dear members,\nthe annual meeting is on Thursday at 19:00 in the club house.", BCC, "", False),
    ("club Bcc, short link", "UNALIGNED", "Example Tennis Club <secretary@tennis.example.org>",
     "Vote for the tournament date", "Dear members,\nplease vote here: https://bit.ly/club-vote", BCC, "", False),
    ("forum with free-hosted page", "UNALIGNED", "Example Makers <forum@makers.example.org>", "New post",
     "A new post in 'Projects': https://someone.github.io/clock/", "taro.yamada@example.jp", "", False),
    ("reply mentioning a pharmacy", "UNALIGNED", "Jiro <jiro@family.example.org>", "Re: Sunday",
     "The pharmacy near the station is open on Sunday, I'll pick it up.",
     "taro.yamada@example.jp", "In-Reply-To: <a1@example.jp>\nReferences: <a1@example.jp>\n", False),
    ("discussion list about spam", "UNALIGNED", "Admin <admin@lists.example.org>", "[ops] keto spam again",
     "We got another wave of 'keto diet pills' and 'online casino' mails; the filter now drops them.",
     "ops@lists.example.org", "List-Id: <ops.lists.example.org>\nList-Post: <mailto:ops@lists.example.org>\n", False),
    ("neighbourhood notice (ja)", "UNALIGNED", "自治会 <jichikai@town.example.jp>", "清掃活動のお知らせ",
     "会員各位\n12月13日（日）午前9時から公園の清掃を行います。軍手をご持参ください。", BCC, "", False),
    ("mailing service, customer domain", "ESP", "Town Gym <news@towngym.example.com>", "January offers",
     "Lose weight in the new year: a discount on our January classes. Book at https://towngym.example.com/book",
     "taro.yamada@example.jp", "List-Unsubscribe: <https://esp.example.net/u/77>\n", False),
    ("self-hosted, short link", "NOAUTH", "Goro <goro@home.example.org>", "Photos from Saturday",
     "Hi Taro, the photos from Saturday are here: https://bit.ly/goro-photos\nGoro", "taro.yamada@example.jp", "",
     False),
    ("self-hosted club Bcc", "NOAUTH", "Example Choir <choir@choir.example.org>", "Rehearsal moved",
     "Dear singers,\nthis week's rehearsal is on Wednesday, not Tuesday.", BCC, "", False),
    ("self-hosted, one spam word", "NOAUTH", "Goro <goro@home.example.org>", "Sunday",
     "The pharmacy near the station is open on Sunday; I'll get the medicine there.", "taro.yamada@example.jp", "",
     False),
    ("shop order (ja), own server", "SPF_ONLY", "サンプル商店 <info@shop.example.jp>", "ご注文ありがとうございます",
     "ご注文番号 1203-88 を承りました。発送は12月5日の予定です。https://shop.example.jp/orders/1203-88",
     "taro.yamada@example.jp", "", False),
]

# (topic, expected: caught or "not reached", auth state, From, subject, body, To, html)
LURES: list[tuple[str, bool, str, str, str, str, str, bool]] = [
    ("malformed From (serial mailbox)", True, "UNALIGNED", "Billing <lina_henry_37463@promo.example.com>",
     "Your statement", "Your statement is ready: https://statement.example.net/v/88", "taro.yamada@example.jp", False),
    ("malformed From (machine-made domain)", True, "UNALIGNED", "Notice <xkqzvbntrw@notice.example.com>",
     "Pending delivery", "A delivery is waiting for you: https://parcel.example.net/d/55", "taro.yamada@example.jp",
     False),
    ("one spam word to undisclosed", True, "UNALIGNED", "Health News <news@health.example.com>",
     "This changes everything", "Doctors hate this keto trick. See it: https://health.example.net/k", BCC, False),
    ("hidden filler", True, "UNALIGNED", "Rewards <info@rewards.example.com>", "You have a message",
     "<html><body><p>Your reward is waiting.</p><div style=\"display:none\">"
     + "lorem ipsum dolor sit amet consectetur " * 30 + '</div><a href="https://rewards.example.net/r">Open</a>'
     "</body></html>", "taro.yamada@example.jp", True),
    ("mixed-script sender name", True, "UNALIGNED", "Мetаmаsk Support <help@wallet.example.com>", "Notice",
     "Please review the notice: https://wallet.example.net/n", "taro.yamada@example.jp", False),
    ("spam wording, no way out", True, "UNALIGNED", "Deals <deals@deals.example.com>", "Lose weight fast",
     "Lose weight with our keto diet pills. Order now: https://deals.example.net/keto", "taro.yamada@example.jp", False),
    ("own server, malformed From", True, "SPF_ONLY", "Support <lina_henry_37463@promo.example.org>",
     "Your statement", "Your statement is ready: https://statement.example.org/v/88", "taro.yamada@example.jp", False),
    ("own server, spam wording", True, "SPF_ONLY", "Deals <deals@deals.example.org>", "Lose weight fast",
     "Lose weight with our keto diet pills. Order now: https://deals.example.org/keto", "taro.yamada@example.jp",
     False),
    ("no SPF, no DKIM: malformed From", True, "NOAUTH", "Billing <lina_henry_37463@promo.example.com>",
     "Your statement", "Your statement is ready: https://statement.example.com/v/88", "taro.yamada@example.jp",
     False),
    ("no SPF, no DKIM: spam word to undisclosed", True, "NOAUTH", "Health News <news@health.example.com>",
     "This changes everything", "Doctors hate this keto trick. See it: https://health.example.com/k", BCC, False),
    ("no SPF, no DKIM: hidden filler", True, "NOAUTH", "Rewards <info@rewards.example.com>", "You have a message",
     "<html><body><p>Your reward is waiting.</p><div style=\"display:none\">"
     + "lorem ipsum dolor sit amet consectetur " * 30 + '</div><a href="https://rewards.example.com/r">Open</a>'
     "</body></html>", "taro.yamada@example.jp", True),
    ("no SPF, no DKIM: spam wording", True, "NOAUTH", "Deals <deals@deals.example.com>", "Lose weight fast",
     "Lose weight with our keto diet pills. Order now: https://deals.example.com/keto", "taro.yamada@example.jp",
     False),
    ("no SPF, no DKIM: styled subject", True, "NOAUTH", "Prize Desk <desk@prize.example.com>",
     "𝐘𝐎𝐔𝐑 𝐑𝐄𝐖𝐀𝐑𝐃 is waiting",
     "Open it here: https://prize.example.com/r", "taro.yamada@example.jp", False),
    ("greeting by address alone", False, "UNALIGNED", "Team <team@notice.example.com>",
     "taro.yamada@example.jp, your file is ready", "Open it here: https://files.example.net/f/1",
     "taro.yamada@example.jp", False),
    ("short link alone", False, "UNALIGNED", "Team <team@notice.example.com>", "Document shared with you",
     "A document was shared with you: https://bit.ly/doc-1", "taro.yamada@example.jp", False),
]


def _rules(analysis: object) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" for f in analysis.findings)  # type: ignore[attr-defined]


def main() -> int:
    flagged = 0
    for topic, state, from_, subject, body, to, extra, html in ORDINARY:
        a = analyse(mail(state, from_, subject, body, to, extra, html))
        if a.verdict != "no_signs":
            flagged += 1
            print(f"alarm {topic:<34} {state:<9} {a.verdict:<10} {a.score:>3} [{_rules(a)}]")
    caught = reached = 0
    for topic, expected, state, from_, subject, body, to, html in LURES:
        a = analyse(mail(state, from_, subject, body, to, html=html))
        hit = a.verdict != "no_signs"
        caught += hit
        reached += expected
        if hit != expected:
            print(f"{'miss ' if expected else 'new  '} {topic:<34} {state:<9} {a.verdict:<10} {a.score:>3} [{_rules(a)}]")
    print(f"\nordinary mail flagged {flagged}/{len(ORDINARY)}")
    print(f"lures caught {caught}/{len(LURES)} ({reached} of the classes this round reaches)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
