"""What the public campaign page never shows, asked over HTTP from the real server: a recipient's
company named by a mail that spoofs it (in From, Return-Path, links and text), a member's identity,
an address in any form (masked ones reveal the domain of a small company), the mail's text, a
private (unshared) analysis, a guild's name."""

from __future__ import annotations

from bot.services.ports.guilds import SettingsChange
from tests.web.conftest import GUILD, NOW, Served

MEMBERS = (987654321012345601, 987654321012345602)
PRIVATE_MEMBER = 987654321012345603
SPOOF = ("Return-Path: <info@victim-corp.example.jp>\nFrom: IT Desk <it-desk@victim-corp.example.jp>\n"
         "To: hanako.yamada@victim-corp.example.jp\nSubject: パスワードの有効期限 hanako.yamada\n\n"
         "hanako.yamada@victim-corp.example.jp 様、パスワードの有効期限が切れます。\n"
         "https://victim-corp.example.jp.login-verify.example/reset?u=hanako.yamada%40victim-corp.example.jp\n"
         "https://webmail.victim-corp.example.jp/ https://smbc.servicecc-jp.cc/vpass/\n")


async def test_the_page_names_no_recipient_member_or_private_report(served: Served) -> None:
    await served.features(share_pages="all")
    for member in MEMBERS:
        submitted = await served.log.submissions.submit(SPOOF.encode(), GUILD, member, NOW)
        assert submitted.saved.campaign_id == served.campaign  # it joins the seed campaign (its link)
    private = SPOOF.replace("servicecc-jp.cc/vpass/", "servicecc-jp.cc/vpass/ https://only-private-phish.example/x")
    kept = await served.log.submissions.submit(private.encode(), GUILD, PRIVATE_MEMBER, NOW, record=False)
    assert not kept.recorded
    await served.log.guilds.change(GUILD, SettingsChange(keep_raw=True, raw_retention_days=30))
    status, page, _ = await served.text(await served.page_url(), headers={"Accept-Language": "en"})
    assert status == 200 and "servicecc-jp[.]cc" in page
    for leak in ("victim-corp", "victim", "hanako", "yamada", "h***", "i***", "***@", "%40",
                 "パスワード", "有効期限", "IT Desk", "only-private-phish", *(str(m) for m in (*MEMBERS, PRIVATE_MEMBER))):
        assert leak not in page, leak
    assert page.count("@") == page.count("info@antiphishing.jp")  # the desk the footer names, no other address
    assert "example[.]jp" not in page and "example.jp" not in page  # not even the masked domain
