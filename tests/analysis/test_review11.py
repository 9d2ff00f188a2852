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


WARNINGS = [
    ("en", "Beware of scam calls and texts",
     "Dear customer,\nfraudsters are sending texts saying \"your account has been suspended, verify your identity "
     "now\" or \"you have won a prize, pay a small fee to claim it\". We will never ask for your password, PIN or "
     "one-time code by phone, text or e-mail. If you receive such a message, do not click the link; report it at "
     "https://bank.example.com/security\nExample Bank"),
    ("pt", "Cuidado com golpes",
     "Prezado cliente,\ngolpistas enviam mensagens como \"sua conta foi bloqueada, atualize seus dados\" ou \"você "
     "ganhou um prêmio\". Nunca pedimos senha ou código por telefone. Não clique nesses links. Saiba mais: "
     "https://bank.example.com/seguranca"),
    ("id", "Waspada penipuan",
     "Nasabah yang terhormat,\npenipu mengirim pesan \"rekening Anda diblokir, segera verifikasi data Anda\" atau "
     "\"selamat, Anda memenangkan hadiah\". Bank tidak pernah meminta PIN, password atau kode OTP melalui telepon "
     "atau pesan. Jangan klik tautan mencurigakan. Info: https://bank.example.com/keamanan"),
    ("es", "Cuidado con las estafas",
     "Estimado cliente:\nlos estafadores envían mensajes como «su cuenta ha sido bloqueada, verifique sus datos» o "
     "«ha ganado un premio». Nunca le pediremos su clave ni códigos por teléfono. No haga clic en esos enlaces. Más "
     "información: https://bank.example.com/seguridad"),
]


def test_a_banks_signed_warning_quoting_the_lures_words_is_no_lure() -> None:
    for lang, subject, body in WARNINGS:
        analysis = analyse(_mail("Example Bank <info@bank.example.com>", subject, body, _aligned("bank.example.com")))
        assert analysis.verdict == "no_signs", (lang, _rules(analysis))


def test_the_same_words_unquoted_or_linking_elsewhere_are_still_the_lure() -> None:
    # the lure's words said, not quoted, beside the same warning words
    lure = ("Beware of fraud! Your account has been suspended: verify your identity now at "
            "https://bank.example.com/verify within 24 hours.")
    analysis = analyse(_mail("Example Bank <info@bank.example.com>", "Account suspended", lure,
                             _aligned("bank.example.com")))
    assert analysis.verdict != "no_signs", _rules(analysis)
    # the quoted warning, from a sender nobody authenticates and linking to another site: no warning of the bank's
    _, subject, body = WARNINGS[0]
    other = analyse(_mail("Example Bank <info@bank.example.com>", subject,
                          body.replace("https://bank.example.com/security", "https://secure-check.example.net/login"),
                          UNALIGNED.format(d="bank.example.com")))
    assert other.verdict != "no_signs", _rules(other)


def test_a_funds_disclaimer_is_no_promise_of_principal() -> None:
    body = ("いつもご愛顧いただきありがとうございます。今月の運用レポートを公開しました。基準価額は前月比2.1%上昇しました。"
            "詳細はこちら:https://toushin.example.jp/report\n投資信託は元本保証ではありません。")
    analysis = analyse(_mail("サンプル投信 <news@toushin.example.jp>", "今月の運用レポート", body,
                             _aligned("toushin.example.jp")))
    assert analysis.verdict == "no_signs", _rules(analysis)
    # the promise made is the lure's
    lure = "元本保証で月利10%!今だけの特別な投資案件です。LINEで詳細をお送りします。https://example.net/x"
    assert analyse(lure.encode()).verdict != "no_signs"
