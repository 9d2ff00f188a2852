"""The expected failures of the use-cases and of their ports, each with a stable code that the
locale catalogues turn into a sentence (``presentation.sentences.failure_sentence``)."""

from __future__ import annotations


class StoreError(Exception):
    """An expected failure of the store (a database newer than the program, a damaged one, none at
    all, a backup target that exists), with a stable code (locales: ``store.<code>``) and the
    parameters of its sentence."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}


class ShardTaken(Exception):
    """Another live process runs one of this process's shards (overlapping ``--shards`` ranges):
    this one refuses to start (locales: ``discord_cli.shard_taken``)."""

    def __init__(self, shard: int, count: int, holder: str) -> None:
        super().__init__(f"shard {shard}/{count} held by {holder}")
        self.shard = shard
        self.count = count
        self.holder = holder


class ShardCountMismatch(Exception):
    """Another live process runs shards of a different ``--shard-count``: the two would split the
    guilds differently, answering some twice and others never (locales: ``discord_cli.shard_count_mismatch``)."""

    def __init__(self, count: int, other: int, holder: str) -> None:
        super().__init__(f"{count} shards here, {other} in {holder}")
        self.count = count
        self.other = other
        self.holder = holder


class CommunityError(ValueError):
    """Bad input from a member, with a stable code (locales: ``community.<code>``)."""

    usage = False  # True: the request itself is refused (the CLI exits 2, as for a usage error)

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}

    def params_in(self, lang: str) -> dict[str, str]:
        """The sentence's values in a language: a ``name_ja`` / ``name_en`` pair becomes ``name``."""
        out = {k: v for k, v in self.params.items() if not k.endswith(("_ja", "_en"))}
        for key, value in self.params.items():
            if key.endswith(f"_{lang}"):
                out[key[: -len(lang) - 1]] = value
        return out


class ConfirmRefused(CommunityError):
    """A moderator asked to confirm as bad what is never known-bad (an official domain, …)."""

    usage = True


class SharingError(CommunityError):
    """Bad input from an admin about what the guild shares, with a stable code (locales:
    ``community.<code>``): said like a member's bad input, by the CLI and the bot alike."""
