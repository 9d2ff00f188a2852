"""Reading the TOML data files (brands, phrases, lists, services, locales) fast, writing nothing.

The TOML files are what people edit. Beside each ships a generated JSON copy (``brands.toml`` →
``brands.json``) holding the parsed data and the SHA-256 of the TOML it came from. Why: ``tomllib``
is pure Python, and importing and parsing the catalogue cost ~12 ms of every ``phishbot analyze``
start (docs/BENCHMARKS.md), while ``json`` (C) reads the same data in well under a millisecond.

At run time the copy is used only when its hash matches the TOML beside it; otherwise (a TOML file
edited and the copy not regenerated yet) the TOML is parsed in memory. Nothing is ever written at run
time: the package may be read-only (a container, a system install), and a file written into
site-packages outlives ``pip uninstall``. The copies are made by ``scripts/generate.py``;
``tests/test_generated.py`` fails while one is stale. JSON, never pickle: loading it runs no code.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any


def json_path(toml_path: str) -> str:
    return toml_path[: -len(".toml")] + ".json" if toml_path.endswith(".toml") else toml_path + ".json"


def load_toml(path: str) -> dict[str, Any]:
    with open(path, "rb") as fh:
        raw = fh.read()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        with open(json_path(path), encoding="utf-8") as fh:
            copy = json.load(fh)
        if isinstance(copy, dict) and copy.get("source_sha256") == digest and isinstance(copy.get("data"), dict):
            return copy["data"]  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    import tomllib

    return tomllib.loads(raw.decode("utf-8"))


def json_copy(path: str) -> str:
    """The text of the JSON copy of the TOML file at ``path`` (what ``scripts/generate.py`` writes)."""
    import tomllib

    with open(path, "rb") as fh:
        raw = fh.read()
    data = tomllib.loads(raw.decode("utf-8"))
    blob = {"generated_from": os.path.basename(path), "source_sha256": hashlib.sha256(raw).hexdigest(), "data": data}
    return json.dumps(blob, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
