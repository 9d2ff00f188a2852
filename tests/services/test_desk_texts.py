"""How one member's kept texts are read back (bot/services/submit.py): each desk's own, and the
details view in the reader's language, including texts kept by older versions."""

from __future__ import annotations

from bot.services.submit import DETAILS, details_key, pack_desk_texts, unpack_desk_text


def test_each_desk_and_each_language_read_back_their_own_text() -> None:
    stored = pack_desk_texts({"antiphishing": "A", "dekyo": "D", details_key("ja"): "詳細", details_key("en"): "Details"})
    assert unpack_desk_text(stored, "antiphishing") == "A"
    assert unpack_desk_text(stored, "dekyo") == "D"
    assert unpack_desk_text(stored, details_key("ja")) == "詳細"
    assert unpack_desk_text(stored, details_key("en")) == "Details"


def test_details_kept_in_one_language_serve_every_reader() -> None:
    stored = pack_desk_texts({"antiphishing": "A", "dekyo": "D", DETAILS: "詳細"})  # kept before 2026-12
    assert unpack_desk_text(stored, details_key("en")) == "詳細"


def test_a_text_kept_before_there_were_desks_has_no_details() -> None:
    assert unpack_desk_text("plain text for every desk", "dekyo") == "plain text for every desk"
    assert unpack_desk_text("plain text for every desk", details_key("en")) is None
    assert unpack_desk_text(pack_desk_texts({"antiphishing": "A"}), details_key("ja")) is None
