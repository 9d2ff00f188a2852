"""Which RDAP server answers for a TLD (RFC 9224 bootstrap, IANA's dns.json).

A trimmed copy ships with the package (``data/rdap_bootstrap.json``, with our own ``no_rdap`` list
of TLDs known to have none — ``jp`` first); a fresher copy is fetched from IANA at run time when
reachable and kept on disk beside the database. With ``RDAP_BASE_URL`` set, no refresh happens.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Any

BUNDLED = os.path.join(os.path.dirname(__file__), "data", "rdap_bootstrap.json")
REFRESH_AFTER_S = 7 * 86400
RETRY_AFTER_S = 86400
MAX_BOOTSTRAP_BYTES = 4 * 1024 * 1024


@dataclass
class Bootstrap:
    services: dict[str, str]  # TLD (or suffix) -> RDAP base URL ending in /
    no_rdap: frozenset[str]
    publication: str = ""
    override: str | None = None  # RDAP_BASE_URL
    cache_path: str | None = None
    _extra: dict[str, Any] = field(default_factory=dict)
    _origins: tuple[dict[str, str], frozenset[tuple[str, str, int]]] | None = field(default=None, repr=False)

    def base_for(self, domain: str) -> str | None:
        """The RDAP base for a registrable domain: longest matching suffix; None means WHOIS."""
        labels = domain.lower().strip(".").split(".")
        if labels[-1] in self.no_rdap or ".".join(labels[-2:]) in self.no_rdap:
            return None
        if self.override:
            return self.override.rstrip("/") + "/"
        for i in range(len(labels)):
            base = self.services.get(".".join(labels[i:]))
            if base:
                return base
        return None

    @property
    def refresh_due(self) -> bool:
        if self.override or not self.cache_path:
            return False
        try:
            age = time.time() - os.stat(self.cache_path).st_mtime
        except OSError:
            return _attempt_due(self.cache_path)
        return age > REFRESH_AFTER_S and _attempt_due(self.cache_path)

    def is_registry(self, url: str) -> bool:
        """Whether ``url`` is on an RDAP server this bootstrap names (or ``RDAP_BASE_URL``): the only
        places an RDAP redirect may lead."""
        from bot.lookups.rdap import origin

        target = origin(url)
        if target is None:
            return False
        if self._origins is None or self._origins[0] is not self.services:
            self._origins = (self.services, frozenset(o for u in self.services.values() if (o := origin(u))))
        return target in self._origins[1] or (self.override is not None and target == origin(self.override))

    def adopt(self, document: dict[str, Any]) -> bool:
        """Take a freshly fetched dns.json (keeping our no_rdap list); False if it is not one."""
        services = parse_services(document)
        if not services:
            return False
        self.services = services
        self.publication = str(document.get("publication", ""))
        return True


def parse_services(document: dict[str, Any]) -> dict[str, str]:
    services: dict[str, str] = {}
    entries = document.get("services")
    if not isinstance(entries, list):
        return services
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) >= 2 and isinstance(entry[0], list) and isinstance(entry[1], list)):
            continue
        urls = [u for u in entry[1] if isinstance(u, str) and u.startswith(("https://", "http://"))]
        if not urls:
            continue
        url = next((u for u in urls if u.startswith("https://")), urls[0])
        for tld in entry[0]:
            if isinstance(tld, str) and tld:
                services[tld.lower()] = url if url.endswith("/") else url + "/"
    return services


def _attempt_due(cache_path: str) -> bool:
    marker = cache_path + ".attempt"
    try:
        return time.time() - os.stat(marker).st_mtime > RETRY_AFTER_S
    except OSError:
        return True


def note_attempt(cache_path: str) -> None:
    try:
        with open(cache_path + ".attempt", "w", encoding="utf-8") as fh:
            fh.write(str(int(time.time())))
    except OSError:
        pass


def load_bootstrap(override: str | None, cache_dir: str | None) -> Bootstrap:
    with open(BUNDLED, encoding="utf-8") as fh:
        bundled = json.load(fh)
    boot = Bootstrap(
        services=parse_services(bundled),
        no_rdap=frozenset(str(t).lower() for t in bundled.get("no_rdap", [])),
        publication=str(bundled.get("publication", "")),
        override=override,
        cache_path=os.path.join(cache_dir, "rdap_bootstrap.json") if cache_dir else None,
    )
    if override is None and boot.cache_path and os.path.exists(boot.cache_path):
        try:
            with open(boot.cache_path, encoding="utf-8") as fh:
                cached = json.load(fh)
            if str(cached.get("publication", "")) >= boot.publication:
                boot.adopt(cached)
        except (OSError, ValueError, AttributeError):
            pass  # a broken cached copy: the bundled one serves
    return boot


def save_bootstrap(boot: Bootstrap, document: dict[str, Any]) -> None:
    if not boot.cache_path:
        return
    tmp = boot.cache_path + ".tmp"
    try:
        os.makedirs(os.path.dirname(boot.cache_path) or ".", exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(document, fh)
        os.replace(tmp, boot.cache_path)
    except OSError:
        pass
