"""docker-compose.yml (no Docker engine runs here): it parses, its bot services' commands are
phishbot's own (the CLI's parser and shard checks take them), their shards cover the count once
each, their health checks ask about the same shards, and the images are pinned."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml  # type: ignore[import-untyped]

from bot.cli import parser
from bot.cli.processes import with_shards
from bot.settings import SettingsError, check_shared_key, read_settings
from bot.storage.pg import is_postgres_url
from tests.conftest import ROOT


def _interpolated(value: str) -> str:
    """Compose's ``${NAME:?message}``, as the operator's .env would fill it."""
    filled = {"POSTGRES_PASSWORD": "pw-example", "ADDRESS_HASH_KEY": "k" * 32}
    return re.sub(r"\$\{(\w+):\?[^}]*\}", lambda m: filled[m.group(1)], value)


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return data


def test_postgres_and_two_bot_processes_one_shard_each() -> None:
    services = _compose()["services"]
    bots = {name: s for name, s in services.items() if s.get("command", [""])[0] == "phishbot"}
    assert set(services) == {"postgres", *bots} and len(bots) == 2
    seen: list[int] = []
    counts = set()
    for service in bots.values():
        command = service["command"]
        args = parser().parse_args(command[1:])  # flags the CLI does not know would exit here
        assert args.command == "run"
        settings = with_shards(read_settings({}, env_file=None), args).discord
        assert settings.shard_ids is not None
        seen += settings.shard_ids
        counts.add(settings.shard_count)
        health = service["healthcheck"]["test"]
        assert health[:3] == ["CMD", "phishbot", "health"]
        checked = parser().parse_args(health[2:])
        assert (checked.shards, checked.shard_count) == (args.shards, args.shard_count)  # its own heartbeat
        assert service["env_file"] == ".env" and "DISCORD_TOKEN" not in str(service.get("environment"))
        assert service["environment"]["PHISHBOT_DB"].startswith("postgresql://")
        # the key every process must share: compose refuses to start without it (``:?``), and so does phishbot
        assert re.fullmatch(r"\$\{ADDRESS_HASH_KEY:\?[^}]+\}", service["environment"]["ADDRESS_HASH_KEY"])
        env = {k: _interpolated(str(v)) for k, v in service["environment"].items()}
        chosen = with_shards(read_settings(env, env_file=None), args)
        check_shared_key(chosen)  # refuses nothing
        # the store the settings reader makes of the compose file's PHISHBOT_DB, as open_store picks it
        assert is_postgres_url(chosen.store_location)
        where = urlsplit(chosen.store_location)
        assert (where.hostname, where.port, where.path, where.username) == ("postgres", 5432, "/phishbot", "phishbot")
        # the password through libpq's PGPASSWORD (POSTGRES_PASSWORD, the postgres service's own), never in
        # the address, which messages show and logs carry
        assert where.password is None and "@" not in (where.query or "")
        assert env["PGPASSWORD"] == "pw-example"
        with pytest.raises(SettingsError):
            check_shared_key(with_shards(read_settings({**env, "ADDRESS_HASH_KEY": ""}, env_file=None), args))
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    count = counts.pop()
    assert not counts and count is not None and sorted(seen) == list(range(count))  # every shard, once


def test_images_are_pinned() -> None:
    postgres = _compose()["services"]["postgres"]
    assert "@sha256:" in postgres["image"] and len(postgres["image"].split("@sha256:")[1]) == 64
    assert postgres["healthcheck"]["test"][1] == "pg_isready"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert all("@sha256:" in line for line in dockerfile.splitlines() if line.startswith("FROM "))
