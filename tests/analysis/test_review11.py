"""Review 11: ordinary mail the round-11 rules flagged, and the lures beside them that must stay caught.

Every text was written for this review (reserved names only)."""

from __future__ import annotations

from bot.analysis.pipeline import analyse

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=host.example.net; dkim=none; dmarc=none header.from={d}"


def _aligned(domain: str) -> str:
    return (f"mx.example.jp; spf=pass smtp.mailfrom=bounce.{domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")


def _mail(from_: str, subject: str, body: str, auth: str) -> bytes:
    head = (f"Authentication-Results: {auth}\nFrom: {from_}\nTo: taro.yamada@example.jp\nSubject: {subject}\n"
            "Date: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <review11@example.com>\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + body + "\n").encode()


def _rules(analysis: object) -> list[str]:
    return [f"{f.rule}:{f.severity}" for f in analysis.findings]  # type: ignore[attr-defined]


RECEIPT = ("Thank you for your order. Total paid: $42.00 by card ending 1234.\n"
           "Download invoice: https://{host}/account/invoices/10482/invoice.zip\nExample Shop")


def test_a_shops_authenticated_receipt_linking_its_own_invoice_archive_is_no_malware() -> None:
    body = RECEIPT.format(host="shop.example.com")
    analysis = analyse(_mail("Example Shop <billing@shop.example.com>", "Your receipt #10482", body,
                             _aligned("shop.example.com")))
    assert analysis.verdict == "no_signs", _rules(analysis)


def test_an_invoice_archive_elsewhere_or_unauthenticated_is_still_named() -> None:
    # the archive on a host the sender does not answer for
    foreign = analyse(_mail("Example Shop <billing@shop.example.com>", "Your receipt #10482",
                            RECEIPT.format(host="files.example.net"), _aligned("shop.example.com")))
    assert "malware_link" in {f.rule for f in foreign.findings}, _rules(foreign)
    # the sender's own domain named, but nothing authenticates it
    unauthenticated = analyse(_mail("Example Shop <billing@shop.example.com>", "Your receipt #10482",
                                    RECEIPT.format(host="shop.example.com"),
                                    UNALIGNED.format(d="shop.example.com")))
    assert "malware_link" in {f.rule for f in unauthenticated.findings}, _rules(unauthenticated)


def test_a_newsletters_draw_winners_named_in_round_11s_languages_ask_nothing() -> None:
    body = ("Edisi ini: cara mulai berinvestasi, risiko aset kripto, dan pemenang undian pembaca kami. "
            "Baca: https://keuangan.example.com/214\nBerhenti berlangganan: https://keuangan.example.com/u")
    analysis = analyse(_mail("Info Keuangan <news@keuangan.example.com>", "Investasi dan kripto minggu ini", body,
                             _aligned("keuangan.example.com")))
    assert analysis.verdict == "no_signs", _rules(analysis)
    # the same words beside a fee asked are the prize lure
    lure = ("Selamat! Anda adalah pemenang undian kami dan memenangkan hadiah Rp 50.000.000. Untuk mencairkan "
            "hadiah, transfer biaya administrasi Rp 500.000 ke rekening kami.")
    assert analyse(lure.encode()).verdict != "no_signs"
