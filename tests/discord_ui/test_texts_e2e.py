"""What members read (issue 12 §3), end to end against the fake Discord: services by their names,
sentences instead of bare words and guesses, no button that cannot act, and errors that stay
private."""

from __future__ import annotations

from typing import Any

from bot.discord_ui.cogs.community import services_hint
from bot.services.ports.guilds import SettingsChange
from tests.discord_ui.conftest import SEED_PASTE, Running, custom_ids, embed_text
from tests.discord_ui.test_commands_e2e import callbacks_of, campaign_of, reply_to, seed_thread_message
from tests.fakes.discord.state import GUILD_ID

BENIGN = "From: Hanako <hanako@example.com>\nTo: taro@example.jp\nSubject: 明日の会議\n\n明日の会議は 10 時からです。よろしくお願いします。\n"


async def register(running: Running, fields: dict[str, Any], locale: str = "ja") -> dict[str, Any]:
    await running.fake.slash("leak", subcommand="register", locale=locale)
    await running.fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
    return await reply_to(running, await running.fake.submit_modal("leak:register", fields, locale=locale))


async def test_services_are_named_as_typed_or_as_the_catalogue_says(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    saved = await register(running, {"leak:register:address": "taro.yamada@example.jp",
                                     "leak:register:common": ["smbc-card"], "leak:register:yes": "近所の八百屋, Foo Shop"})
    assert "三井住友カード" in saved["content"] and "近所の八百屋" in saved["content"] and "Foo Shop" in saved["content"]
    assert "smbc-card" not in saved["content"] and "svc-" not in saved["content"] and "foo-shop" not in saved["content"]
    mine = await reply_to(running, await fake.slash("leak", subcommand="mine"))
    assert "近所の八百屋" in mine["content"] and "svc-" not in mine["content"] and "smbc-card" not in mine["content"]
    shown = await reply_to(running, await fake.slash("campaign", options=[{"type": 3, "name": "campaign",
                                                                             "value": campaign}]))
    text = embed_text(shown)
    assert "近所の八百屋" in text and "三井住友カード" in text and "svc-" not in text and "smbc-card" not in text
    labels = [c["label"] for row in shown["components"] for c in row["components"]]
    assert not any("svc-" in label or "smbc-card" in label for label in labels)
    vote_id = next(i for i in custom_ids(shown) if i == f"leak:vote:{campaign}")
    menu = await reply_to(running, await fake.click(shown, vote_id))
    options = [o for row in menu["components"] for c in row["components"] for o in c.get("options", [])]
    assert "近所の八百屋" in [o["label"] for o in options] and not any(o["label"].startswith("svc-") for o in options)
    # voting from the menu (its value is the slug): the confirmation names the service as typed
    slug = next(o["value"] for o in options if o["label"] == "近所の八百屋")
    picked = await reply_to(running, await fake.click(menu, f"leak:pick:{campaign}", values=[slug], component_type=3))
    assert "近所の八百屋" in picked["content"] and "svc-" not in picked["content"]


async def test_leak_mine_with_nothing_saved_is_a_sentence(running: Running) -> None:
    mine = await reply_to(running, await running.fake.slash("leak", subcommand="mine", locale="en-US"))
    assert mine["ephemeral"] and "You have not saved any service yet" in mine["content"]
    assert mine["content"].strip().lower() != "none"


async def test_campaign_without_evidence_says_so_instead_of_ranking(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    # another address, not this campaign's, registered with services: the model has candidates,
    # but no answer about the addresses that got this mail supports any of them
    await register(running, {"leak:register:address": "jiro@example.com", "leak:register:yes": "Amazon, 楽天, メルカリ"})
    assert running.bot is not None
    view = await running.bot.deps.community.campaign_view(GUILD_ID, campaign)
    assert view is not None and view.leak_ranking  # a ranking of guesses exists …
    shown = await reply_to(running, await fake.slash("campaign", options=[{"type": 3, "name": "campaign",
                                                                             "value": campaign}], locale="en-US"))
    text = embed_text(shown)
    assert "No evidence yet" in text  # … and is not shown
    assert "addresses that got the mail" not in text and "%" not in text
    votes = [i for i in custom_ids(shown) if i.startswith("leak:vote:")]
    assert votes == [f"leak:vote:{campaign}"]  # only "vote", no ranked service without support


async def test_a_no_signs_reply_opens_no_campaign_and_offers_no_vote(running: Running) -> None:
    fake = running.fake
    await fake.post_message(BENIGN)
    answer = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    assert "兆候なし" in embed_text(answer)
    assert not any(i.startswith("leak:vote:") for i in custom_ids(answer))
    assert "キャンペーン" not in embed_text(answer)
    assert running.bot is not None
    assert (await running.bot.deps.community.stats(GUILD_ID)).campaigns == 0


async def test_with_auto_delete_on_there_is_no_delete_button(running: Running) -> None:
    fake = running.fake
    assert running.bot is not None
    await running.bot.deps.guilds.change(GUILD_ID, SettingsChange(auto_delete=True))
    await fake.post_message(SEED_PASTE)
    answer = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    assert not any(i.startswith("paste:delete:") for i in custom_ids(answer))
    assert any(i.startswith("report:text:") for i in custom_ids(answer))


async def test_domain_refuses_privately_before_any_public_thinking(running: Running) -> None:
    fake = running.fake
    asked = await fake.slash("domain", options=[{"type": 3, "name": "name", "value": "not a domain!"}])
    refused = await reply_to(running, asked)
    assert refused["ephemeral"]
    types = [c["type"] for c in callbacks_of(running, asked)]
    assert 5 not in types  # no public "thinking…" that the error would then replace for everyone


def test_the_register_placeholder_holds_whole_names() -> None:
    for lang in ("ja", "en"):
        hint = services_hint(lang)
        assert len(hint) <= 100
        names = hint.rstrip("…").split("、" if lang == "ja" else ", ")
        from bot.community.service_catalogue import known_services

        whole = {s.name_in(lang) for s in known_services()}
        assert all(name in whole for name in names), names


async def test_details_button_shows_the_evidence_in_pages(running: Running) -> None:
    from tests.discord_ui.conftest import SEED_EML

    fake = running.fake
    await fake.post_message("", attachments=[fake.add_attachment("seed.eml", SEED_EML, "message/rfc822")])
    message = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
    button = next(i for i in custom_ids(message) if i.startswith("report:details:"))
    await running.restart()  # a dynamic item: it still answers after a restart
    answer = await reply_to(running, await fake.click(message, button))
    assert answer["ephemeral"]
    text = embed_text(answer)
    assert "メールの経路" in text and "203.0.113.45" in text and "mail[.]ntc-cs[.]com" in text
    assert "Authentication-Results" in text and "dmarc_fail" in text  # the rule ids live here
    assert "taro.yamada" not in text
    total = sum(len(e.get("title", "")) + len(e.get("description", "")) for e in answer["embeds"])
    assert total <= 6000 and all(len(e["description"]) <= 4096 for e in answer["embeds"])
    # the same evidence in the reader's language (a moderator may read another member's)
    english = embed_text(await reply_to(running, await fake.click(message, button, locale="en-US")))
    assert "Route of the mail" in english and "メールの経路" not in english and "203.0.113.45" in english
    from tests.fakes.discord.state import OTHER_ID

    refused = await reply_to(running, await fake.click(message, button, author_id=OTHER_ID))
    assert not refused.get("embeds") and refused["ephemeral"]
