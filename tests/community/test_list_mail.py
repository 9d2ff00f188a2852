"""List infrastructure (pure): List-* header hosts and unsubscribe links."""

from __future__ import annotations

from bot.analysis.models import Link
from bot.community.list_mail import (
    is_list_mail,
    is_unsubscribe_link,
    list_header_hosts,
    list_infrastructure,
    without_list_infrastructure,
)


def link(url: str, text: str | None = None) -> Link:
    host = url.split("/")[2]
    return Link(url=url, host=host, registrable_domain=None, source="html", text=text)


def test_list_header_hosts() -> None:
    headers = [
        ("List-Id", "Readers <readers.lists.example.org>"),
        ("List-Unsubscribe", "<https://unsub.mailer.example/u?x=1>, <mailto:leave@bounce.example.net?subject=u>"),
        ("List-Archive", "<https://user.github.io/archive>"),
        ("Subject", "<https://not-a-list.example/>"),
        ("List-Post", "NO"),
    ]
    assert list_header_hosts(headers) == {"example.org", "mailer.example", "example.net", "user.github.io"}
    assert is_list_mail(headers) and not is_list_mail([("Subject", "x")])


def test_unsubscribe_links_by_path_or_text() -> None:
    assert is_unsubscribe_link(link("https://a.example/unsubscribe?id=1"))
    assert is_unsubscribe_link(link("https://a.example/mailman/listinfo/x"))
    assert is_unsubscribe_link(link("https://a.example/p?action=opt-out"))
    assert is_unsubscribe_link(link("https://a.example/x", "配信停止はこちら"))
    assert is_unsubscribe_link(link("https://a.example/%E9%85%8D%E4%BF%A1%E5%81%9C%E6%AD%A2"))
    assert not is_unsubscribe_link(link("https://login-phish.example/vpass/login.php", "VpassID"))


def test_list_infrastructure_and_what_is_left() -> None:
    links = [link("https://phish.example/login"), link("https://footer.example/unsubscribe")]
    infra = list_infrastructure([("List-Id", "<x.lists.example.org>")], links)
    assert infra == {"example.org", "footer.example"}
    both = frozenset({"phish.example", "footer.example"})
    assert without_list_infrastructure(both, infra) == {"phish.example"}
    # a mail whose only domain is in its list headers keeps it: nothing to hide behind
    assert without_list_infrastructure(frozenset({"footer.example"}), infra) == {"footer.example"}


def test_bounded_on_hostile_headers() -> None:
    value = "<" + "a" * 100_000 + ">" + ", <https://x.example/>" * 10_000
    assert list_header_hosts([("List-Unsubscribe", value)]) <= {"x.example"}
