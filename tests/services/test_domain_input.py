"""What a member may type as a domain (/domain, `phishbot domain`): hosts, links, defanged
forms; never text that is not a host name (it is shown back, in Discord as Markdown)."""

from __future__ import annotations

import pytest

from bot.services.domain_info import BadDomain, registrable_from_input


@pytest.mark.parametrize(("text", "domain"), [
    ("smbc[.]servicecc-jp[.]cc", "servicecc-jp.cc"),
    ("https://a.example.com/x?y=1", "example.com"),
    ("<https://x.example.com/a>", "example.com"),
    ("`smbc[.]servicecc-jp[.]cc`", "servicecc-jp.cc"),
    ("x.example.com#frag", "example.com"),
    ("a_b.example.com", "example.com"),
    ("Example.COM.", "example.com"),
    ("例え.jp", "xn--r8jz45g.jp"),
])
def test_accepted(text: str, domain: str) -> None:
    assert registrable_from_input(text) == domain


@pytest.mark.parametrize("text", ["x.com)", "||spoiler||.com", "__x__.example", "not a domain!", "1.2.3.4", "-a.com",
                                  "a..com", "[x](y).com", ""])
def test_refused(text: str) -> None:
    with pytest.raises(BadDomain):
        registrable_from_input(text)
