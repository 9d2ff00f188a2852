"""Text pasted without its header: the body is all that can present a brand.

With a header, a brand is presented by the sender's name, the subject, the sender's domain or a
link's host, and a body naming it once or a hundred times counts once (a reply or an article
names brands). Pasted alone, a body that names the brand again in another place presents it —
unless its links go to a digest's many sites."""

from __future__ import annotations

from bot.analysis.pipeline import analyse


def lure(links: str) -> bytes:
    return (
        "Seus pontos expiram hoje.\n\n"
        "Prezado cliente do Bradesco Prime, você acumulou pontos que podem ser convertidos em saldo na conta.\n"
        "Acesse aqui para converter os pontos disponíveis.\n\n"
        "Atenciosamente, Equipe Bradesco\n\n" + links
    ).encode()


def test_a_pasted_body_naming_its_brand_twice_presents_it() -> None:
    report = analyse(lure("https://pontos-resgate.web.app/converter\n"))
    assert report.brand is not None and report.brand.id == "bradesco"
    assert report.verdict != "no_signs"
    assert "brand_link_mismatch" in {f.rule for f in report.findings}


def test_a_body_naming_its_brand_once_presents_nothing() -> None:
    once = (b"Seus pontos expiram hoje.\n\nPrezado cliente do Bradesco Prime, acesse aqui para converter os pontos.\n\n"
            b"https://pontos-resgate.web.app/converter\n")
    assert "brand_link_mismatch" not in {f.rule for f in analyse(once).findings}


def test_a_mail_with_its_header_still_counts_a_body_name_once() -> None:
    mail = (b"From: Pontos <pontos@sender.example.com>\nTo: t@example.jp\nSubject: Pontos\n\n" + lure(
        "https://pontos-resgate.web.app/converter\n"))
    report = analyse(mail)
    # the header names no brand: two body mentions alone do not make it the brand's mail
    assert "brand_link_mismatch" not in {f.rule for f in report.findings}


def test_a_genuine_notice_pasted_alone_stays_clean() -> None:
    notice = (
        "Amazon.co.jpをご利用いただき、ありがとうございます。\n"
        "ご注文の商品を発送しました。お届け予定日は12月5日です。\n"
        "配送状況はAmazon.co.jpの注文履歴からご確認いただけます。\n\n"
        "https://www.amazon.co.jp/gp/css/order-history\n"
    ).encode()
    report = analyse(notice)
    assert report.verdict == "no_signs"


def test_a_pasted_digest_names_brands_without_presenting_one() -> None:
    items = "\n".join(f"Microsoft news {i}: https://news{i}.example-site{i}.com/article" for i in range(12))
    digest = f"Weekly digest\n\nMicrosoft ships an update. Microsoft also said more.\n{items}\n".encode()
    report = analyse(digest)
    assert report.brand is None
    assert "brand_link_mismatch" not in {f.rule for f in report.findings}
