"""Reading the TOML data files (brands, phrases, lists, locales) — with a JSON copy kept beside
them in ``__pycache__``, as Python keeps ``.pyc`` files.

Why: ``tomllib`` is pure Python; parsing the catalogue cost ~25 ms of every ``phishbot analyze``
start (docs/BENCHMARKS.md), while ``json`` (C) reads the same data in ~1 ms. The copy is named by
the source's size and modification time, so an edited TOML file is read afresh; a copy that
cannot be written (read-only install) is simply not kept. JSON, never pickle: loading it runs no
code.
"""

from __future__ import annotations

import json
import os
import tomllib
from typing import Any


def load_toml(path: str) -> dict[str, Any]:
    stat = os.stat(path)
    folder, name = os.path.split(path)
    cache_dir = os.path.join(folder, "__pycache__")
    cache = os.path.join(cache_dir, f"{name}.{stat.st_size}.{stat.st_mtime_ns}.json")
    try:
        with open(cache, encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    try:
        os.makedirs(cache_dir, exist_ok=True)
        for old in os.listdir(cache_dir):
            if old.startswith(f"{name}.") and old.endswith(".json"):
                os.unlink(os.path.join(cache_dir, old))
        tmp = f"{cache}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, cache)
    except OSError:
        pass
    return data
