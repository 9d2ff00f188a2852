"""Slash commands, the context menu, modals and buttons end to end against the fake Discord."""

from __future__ import annotations

from typing import Any

from bot.services.ports.reports import ReportCounts
from tests.discord_ui.conftest import SEED_EML, SEED_PASTE, Running, custom_ids, embed_text
from tests.fakes.discord.state import ADMIN_ID, GUILD_ID, MEMBER_ID, OTHER_ID, REPORTS_ID

NO_PINGS: dict[str, list[str]] = {"parse": []}


def callbacks_of(running: Running, interaction: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in running.fake.callbacks if str(c["interaction_id"]) == str(interaction["id"])]


async def reply_to(running: Running, interaction: dict[str, Any], timeout: float = 10) -> dict[str, Any]:
    """The message answering an interaction: its callback message, or its (first) follow-up."""
    fake = running.fake
    message: dict[str, Any] = await fake.wait_for(
        lambda m: str(m.get("interaction_id")) == str(interaction["id"]) and (m.get("content") or m.get("embeds")),
        timeout=timeout,
    )
    return message


async def seed_thread_message(running: Running, author_id: int = MEMBER_ID, text: str = SEED_PASTE) -> dict[str, Any]:
    fake = running.fake
    before = len([m for m in fake.sent_messages if m.get("embeds")])
    await fake.post_message(text, author_id=author_id)
    await fake.wait_for(lambda _: len([m for m in fake.sent_messages if m.get("embeds")]) > before, timeout=10)
    return [m for m in fake.sent_messages if m.get("embeds")][-1]


def campaign_of(message: dict[str, Any]) -> str:
    ids = [i for i in custom_ids(message) if i.startswith("leak:vote:")]
    return ids[0].split(":")[2]


async def test_analyze_modal_answers_ephemerally_with_a_share_button(running: Running) -> None:
    fake = running.fake
    interaction = await fake.slash("analyze")
    modal = await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    assert modal["data"]["custom_id"] == "analyze:paste"
    submit = await fake.submit_modal("analyze:paste", {"analyze:paste:text": SEED_PASTE})
    answer = await reply_to(running, submit)
    assert answer["ephemeral"]
    text = embed_text(answer)
    assert "servicecc-jp[.]cc" in text and "t***@example.jp" in text and "taro.yamada" not in text
    assert answer["allowed_mentions"] == NO_PINGS
    share_id = next(i for i in custom_ids(answer) if i.startswith("share:copy"))
    # sharing posts the redacted embed publicly, without the buttons that act on the paste
    share = await fake.click(answer, share_id)
    shared = await reply_to(running, share)
    assert not shared["ephemeral"] and shared["allowed_mentions"] == NO_PINGS
    assert f"<@{MEMBER_ID}>" in shared["content"]  # the name as Discord renders a mention, never raw text
    assert "servicecc-jp[.]cc" in embed_text(shared) and "taro.yamada" not in embed_text(shared)
    assert not shared.get("components")
    assert interaction


async def test_analyze_with_a_file(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("seed.eml", SEED_EML, "message/rfc822")
    interaction = await fake.slash("analyze", options=[{"type": 11, "name": "file", "value": attachment["id"]}],
                                   locale="en-US")
    answer = await reply_to(running, interaction)
    assert answer["ephemeral"]
    assert "Phishing" in embed_text(answer)  # the member's locale, not the guild's
    assert "ntc-cs[.]com" in embed_text(answer)


async def test_analyze_refuses_a_non_mail_file(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("photo.png", b"\x89PNG....", "image/png")
    interaction = await fake.slash("analyze", options=[{"type": 11, "name": "file", "value": attachment["id"]}])
    answer = await reply_to(running, interaction)
    assert answer["ephemeral"] and "photo.png" in answer["content"] and ".eml" in answer["content"]


async def test_context_menu_analyses_any_message(running: Running) -> None:
    fake = running.fake
    posted = await fake.post_message(SEED_PASTE, channel_id=fake_general())
    interaction = await fake.context_menu("Analyze as phishing mail", posted)
    answer = await reply_to(running, interaction)
    assert answer["ephemeral"]
    assert "servicecc-jp[.]cc" in embed_text(answer)
    assert not fake.threads  # #general is not a report channel: nothing public happened


def fake_general() -> int:
    from tests.fakes.discord.state import GENERAL_ID

    return GENERAL_ID


async def test_vote_button_works_after_a_restart(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    await running.restart()
    click = await fake.click(message, f"leak:vote:{campaign}")
    menu = await reply_to(running, click)
    assert menu["ephemeral"] and f"leak:pick:{campaign}" in custom_ids(menu)
    await running.restart()
    pick = await fake.click(menu, f"leak:pick:{campaign}", values=["amazon"], component_type=3)
    done = await reply_to(running, pick)
    assert campaign in done["content"] and "Amazon" in done["content"]
    assert running.bot is not None
    view = await running.bot.deps.community.campaign_view(GUILD_ID, campaign)
    assert view is not None
    assert view.leak_ranking[0].votes == 1


async def test_leak_register_then_campaign_shows_the_ranking(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    await fake.slash("leak", subcommand="register")
    modal = await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    assert modal["data"]["custom_id"] == "leak:register"
    submit = await fake.submit_modal("leak:register", {
        "leak:register:address": "Taro.Yamada@example.jp", "leak:register:common": ["amazon"],
        "leak:register:yes": "楽天", "leak:register:no": "メルカリ",
    })
    saved = await reply_to(running, submit)
    assert saved["ephemeral"] and "t***@example.jp" in saved["content"] and "taro.yamada" not in saved["content"]
    shown = await fake.slash("campaign", options=[{"type": 3, "name": "campaign", "value": campaign}])
    answer = await reply_to(running, shown)
    text = embed_text(answer)
    assert campaign in text and "楽天市場" in text and "Amazon" in text and "rakuten" not in text
    assert any(i.startswith(f"leak:vote:{campaign}:") for i in custom_ids(answer))
    mine = await fake.slash("leak", subcommand="mine")
    listed = await reply_to(running, mine)
    assert listed["ephemeral"] and "楽天市場" in listed["content"] and "t***@example.jp" in listed["content"]


async def test_register_with_a_bad_address_is_refused_clearly(running: Running) -> None:
    fake = running.fake
    await fake.slash("leak", subcommand="register", locale="en-GB")
    await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    submit = await fake.submit_modal("leak:register", {"leak:register:address": "not an address",
                                                       "leak:register:yes": "Amazon"}, locale="en-GB")
    answer = await reply_to(running, submit)
    assert answer["ephemeral"] and "not an e-mail address" in answer["content"]


async def test_privacy_forget_asks_first(running: Running) -> None:
    fake = running.fake
    await seed_thread_message(running)
    await fake.slash("leak", subcommand="register")
    await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    await reply_to(running, await fake.submit_modal("leak:register", {"leak:register:address": "taro@example.jp",
                                                                       "leak:register:yes": "Amazon"}))
    ask = await fake.slash("privacy", subcommand="forget")
    question = await reply_to(running, ask)
    yes = f"privacy:forget:{MEMBER_ID}:yes"
    assert question["ephemeral"] and yes in custom_ids(question)
    await running.restart()  # the confirmation still answers after a restart
    # another member cannot press it for them
    other = await fake.click(question, yes, author_id=OTHER_ID)
    await reply_to(running, other)
    assert running.bot is not None
    assert await running.bot.deps.community.my_registrations(GUILD_ID, MEMBER_ID)
    confirm = await fake.click(question, yes)
    edited = await fake.wait_for(lambda c: str(c["interaction_id"]) == str(confirm["id"]) and c["type"] == 7,
                                 source="callbacks")
    assert "登録 1 件" in str(edited["data"]["content"]) and "報告 1 件" in str(edited["data"]["content"])
    assert await running.bot.deps.community.my_registrations(GUILD_ID, MEMBER_ID) == []


async def desk_file(running: Running, message: dict[str, Any], button: str, desk: str = "dekyo",
                    author_id: int = MEMBER_ID) -> dict[str, Any]:
    """The report-text button, then the desk's button in the ephemeral choice: the answer with the file."""
    choice = await reply_to(running, await running.fake.click(message, button, author_id=author_id))
    assert choice["ephemeral"]
    pick = next(i for i in custom_ids(choice) if i.endswith(f":{desk}"))
    return await reply_to(running, await running.fake.click(choice, pick, author_id=author_id))


async def test_report_text_button_gives_the_reporter_a_masked_text(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("seed.eml", SEED_EML, "message/rfc822")
    await fake.post_message("", attachments=[attachment])
    message = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    button = next(i for i in custom_ids(message) if i.startswith("report:text:"))
    await running.restart()
    other = await fake.click(message, button, author_id=OTHER_ID)
    refused = await reply_to(running, other)
    assert not refused.get("files") and not refused.get("components")
    assert "/プライバシー 削除" in refused["content"]  # says why a reporter may have none left
    choice = await reply_to(running, await fake.click(message, button))
    assert choice["ephemeral"] and not choice.get("files")
    assert {i.rsplit(":", 1)[1] for i in custom_ids(choice)} == {"antiphishing", "dekyo"}
    await running.restart()  # the choice's buttons still answer after a restart
    answer = await desk_file(running, message, button, "dekyo")
    assert answer["ephemeral"] and "meiwaku@dekyo.or.jp" in answer["content"]
    [(name, data)] = answer["files"]
    text = data.decode("utf-8")
    assert name.endswith("-dekyo.txt")
    assert "迷惑メール相談センター 御中" in text and "info@antiphishing.jp" not in text
    assert "Received: from mail.ntc-cs.com" in text and "Return-Path: <bounce-8812@ntc-cs.com>" in text
    assert "t***@example.jp" in text and "taro.yamada" not in text and "servicecc-jp.cc" not in text
    assert "hxxps://smbc[.]servicecc-jp[.]cc/vpass/login[.]php?uid=8f3a91c2" in text
    other_desk = await desk_file(running, message, button, "antiphishing")
    [(name, data)] = other_desk["files"]
    assert name.endswith("-antiphishing.txt") and "フィッシング対策協議会 御中" in data.decode("utf-8")


async def test_after_privacy_forget_the_report_text_button_says_why(running: Running) -> None:
    fake = running.fake
    await fake.post_message("", attachments=[fake.add_attachment("seed.eml", SEED_EML, "message/rfc822")])
    message = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    button = next(i for i in custom_ids(message) if i.startswith("report:text:"))
    assert running.bot is not None
    await running.bot.deps.community.forget(GUILD_ID, MEMBER_ID)
    refused = await reply_to(running, await fake.click(message, button))
    assert refused["ephemeral"] and not refused.get("files")
    assert "/プライバシー 削除" in refused["content"]  # the command as a Japanese client names it


async def test_delete_my_paste_only_for_the_member(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    button = next(i for i in custom_ids(message) if i.startswith("paste:delete:"))
    await fake.click(message, button, author_id=OTHER_ID)
    refused = await fake.wait_for(lambda m: m.get("ephemeral") and "削除できる" in (m.get("content") or ""))
    assert refused and not fake.deleted_messages
    await fake.click(message, button)
    await fake.wait_for(lambda d: d[0] == REPORTS_ID, source="deleted_messages")


async def test_setup_is_for_admins_and_reports_permissions(running: Running) -> None:
    fake = running.fake
    denied = await fake.slash("setup", options=[{"type": 5, "name": "auto_delete", "value": True}])
    answer = await reply_to(running, denied)
    assert answer["ephemeral"] and "サーバー管理" in answer["content"]
    assert running.bot is not None
    assert not (await running.bot.deps.guilds.settings(GUILD_ID)).auto_delete
    done = await fake.slash("setup", author_id=ADMIN_ID, locale="en-US", options=[
        {"type": 7, "name": "channel", "value": str(REPORTS_ID)},
        {"type": 3, "name": "language", "value": "en"},
        {"type": 5, "name": "auto_delete", "value": True},
    ])
    answer = await reply_to(running, done)
    text = embed_text(answer)
    assert f"<#{REPORTS_ID}>" in text and "Permissions: all I need" in text
    settings = await running.bot.deps.guilds.settings(GUILD_ID)
    assert settings.report_channels == (REPORTS_ID,)
    assert settings.language == "en"
    assert settings.auto_delete
    # the guild's language now applies to auto-intake
    message = await seed_thread_message(running)
    assert "Phishing" in embed_text(message)


async def test_domain_and_stats(running: Running) -> None:
    fake = running.fake
    await seed_thread_message(running)
    asked = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "smbc[.]servicecc-jp[.]cc"}])
    answer = await reply_to(running, asked)
    text = embed_text(answer)
    assert "servicecc-jp[.]cc" in text and "報告 1 件(メンバー 1 人)" in text and answer["allowed_mentions"] == NO_PINGS
    for text in ("not a domain!", "x.com)", "||spoiler||.com", "__x__.example"):
        bad = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": text}])
        refused = await reply_to(running, bad)
        assert refused["ephemeral"] and "ドメイン" in (refused.get("content") or "")
    stats = await fake.slash("stats")
    shown = await reply_to(running, stats)
    assert "報告 1 件(フィッシング 1 件、詐欺 0 件、マルウェア 0 件、迷惑メール 0 件、不審 0 件、兆候なし 0 件)" in embed_text(shown)


async def test_unknown_campaign_is_a_sentence_not_a_crash(running: Running) -> None:
    fake = running.fake
    asked = await fake.slash("campaign", options=[{"type": 3, "name": "campaign", "value": "C-0000"}])
    answer = await reply_to(running, asked)
    assert answer["ephemeral"] and "C-0000" in answer["content"]


async def test_an_unexpected_failure_is_one_localised_sentence(running: Running, caplog: Any) -> None:
    fake = running.fake
    assert running.bot is not None

    async def broken(guild_id: int) -> ReportCounts:
        raise RuntimeError("boom")

    running.bot.deps.community.stats = broken  # type: ignore[method-assign]
    for locale, words in (("ja", "問題が起きました"), ("en-US", "Something went wrong")):
        asked = await fake.slash("stats", locale=locale)
        answer = await reply_to(running, asked)
        assert answer["ephemeral"] and words in answer["content"] and "boom" not in answer["content"]
        assert "RuntimeError" not in answer["content"]
    assert any("interaction failed" in r.getMessage() for r in caplog.records)


async def test_campaign_ids_are_offered_as_the_member_types(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    data = {"id": "1", "name": "campaign", "type": 1,
            "options": [{"type": 3, "name": "campaign", "value": campaign[:3].lower(), "focused": True}]}
    await fake._interaction(4, data, author_id=MEMBER_ID, channel_id=REPORTS_ID, locale="ja")  # APPLICATION_COMMAND_AUTOCOMPLETE
    answer = await fake.wait_for(lambda c: c["type"] == 8, source="callbacks")
    [choice] = answer["data"]["choices"]
    assert choice["value"] == campaign and "三井住友カード" in choice["name"]


async def test_two_members_copies_of_one_mail_keep_their_own_report_texts(running: Running) -> None:
    fake = running.fake
    theirs = SEED_EML.replace(b"Received: from", b"X-Other-Copy: jiro\nReceived: from", 1)
    await fake.post_message("", attachments=[fake.add_attachment("a.eml", SEED_EML, "message/rfc822")])
    first = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    await fake.post_message("", author_id=OTHER_ID, attachments=[fake.add_attachment("b.eml", theirs, "message/rfc822")])
    await fake.wait_for(lambda _: len([m for m in fake.sent_messages if m.get("embeds")]) >= 2, timeout=10)
    second = [m for m in fake.sent_messages if m.get("embeds")][1]
    button = next(i for i in custom_ids(first) if i.startswith("report:text:"))
    assert button in custom_ids(second)  # the same report (same Message-ID)
    mine = await desk_file(running, first, button)
    assert b"X-Other-Copy" not in mine["files"][0][1]
    other = await desk_file(running, second, button, author_id=OTHER_ID)
    assert b"X-Other-Copy" in other["files"][0][1]
    assert b"X-Other-Copy" not in (await desk_file(running, first, button))["files"][0][1]


async def test_a_huge_subject_still_fits_in_one_embed(running: Running) -> None:
    fake = running.fake
    subject = "_*" * 2000
    mail = f"From: Shop <info@shop.example.com>\nTo: taro@example.jp\nSubject: {subject}\n\n" + "\n".join(
        f"https://login{i}.example.com/{'x' * 150}" for i in range(60))
    await fake.post_message("", attachments=[fake.add_attachment("big.eml", mail.encode(), "message/rfc822")])
    answer = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    embed = answer["embeds"][0]
    total = len(embed["title"]) + len(embed["description"]) + len(embed.get("footer", {}).get("text", "")) + sum(
        len(f["name"]) + len(f["value"]) for f in embed["fields"])
    assert total <= 6000


async def test_a_vote_button_for_a_long_free_text_service(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    await fake.slash("leak", subcommand="register")
    await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    name = "My Very Long Local Shop Name For Testing Purposes Online Store"
    await reply_to(running, await fake.submit_modal("leak:register", {"leak:register:address": "taro.yamada@example.jp",
                                                                       "leak:register:yes": name}))
    shown = await reply_to(running, await fake.slash("campaign", options=[{"type": 3, "name": "campaign",
                                                                             "value": campaign}]))
    button = next(i for i in custom_ids(shown) if i.startswith(f"leak:vote:{campaign}:"))
    assert len(button) <= 100
    voted = await reply_to(running, await fake.click(shown, button))
    assert campaign in voted["content"]


async def test_a_private_analysis_stays_out_of_the_shared_log_until_shared(running: Running) -> None:
    fake = running.fake
    await fake.slash("analyze")
    await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    submit = await fake.submit_modal("analyze:paste", {"analyze:paste:text": SEED_PASTE})
    answer = await reply_to(running, submit)
    assert answer["ephemeral"] and "共有ログには記録されていません" in answer["content"]
    assert not any(i.startswith("leak:vote:") for i in custom_ids(answer))  # no campaign: nothing recorded
    assert running.bot is not None
    community = running.bot.deps.community
    before = await community.domain_view(GUILD_ID, "servicecc-jp.cc", None, running.bot.deps.clock())
    assert (before.reports, before.members, before.status) == (0, 0, "unknown")
    assert (await community.stats(GUILD_ID)).reports == 0
    # everyone asking /domain sees nothing of it
    asked = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "servicecc-jp.cc"}],
                             author_id=OTHER_ID)
    assert "報告 0 件(メンバー 0 人)" in embed_text(await reply_to(running, asked))
    # Share posts it and records it: now it counts
    await running.restart()  # the button works after a restart: its state is its id and SQLite
    share_id = next(i for i in custom_ids(answer) if i.startswith("share:copy:R-"))
    share = await fake.click(answer, share_id)
    shared = await reply_to(running, share)
    assert not shared["ephemeral"] and f"<@{MEMBER_ID}>" in shared["content"] and "C-" in shared["content"]
    assert running.bot is not None
    after = await running.bot.deps.community.domain_view(GUILD_ID, "servicecc-jp.cc", None, running.bot.deps.clock())
    assert (after.reports, after.members, after.status) == (1, 1, "known_bad")
    again = await fake.click(answer, share_id)  # a second press posts again but records nothing more
    await reply_to(running, again)
    assert (await running.bot.deps.community.stats(GUILD_ID)).reports == 1


async def test_moderators_confirm_domains_but_never_an_official_one(running: Running) -> None:
    fake = running.fake
    confirm = {"type": 3, "name": "decision", "value": "confirmed"}
    asked = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "amazon.co.jp"}, confirm],
                             author_id=ADMIN_ID, locale="en-US")
    refused = await reply_to(running, asked)
    assert refused["ephemeral"] and "official domain of Amazon" in refused["content"]
    member = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "evil.example"}, confirm])
    assert (await reply_to(running, member))["ephemeral"]  # not a moderator
    asked = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "evil.github.io"}, confirm],
                             author_id=ADMIN_ID, locale="en-US")
    assert "Known bad" in embed_text(await reply_to(running, asked))
    assert running.bot is not None
    assert await running.bot.deps.community.export(GUILD_ID, "blocklist") == "evil.github.io\n"
