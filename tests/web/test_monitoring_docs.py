"""The example Grafana dashboard and Prometheus alerts in docs/monitoring ask only for series the
bot really exports (a renamed metric would leave an empty panel)."""

from __future__ import annotations

import json
import re

from bot.metrics import Metrics
from tests.conftest import ROOT

SERIES = re.compile(r"\b((?:phishbot|process)_[a-z_]+)")


def exported() -> set[str]:
    m = Metrics()
    for counter, labels in ((m.analyses, ("phishing", "paste")), (m.analysis_seconds, ("paste",)),
                            (m.lookups, ("rdap",)), (m.rate_limited, ("analysis",)), (m.link_watch, ("clean",)),
                            (m.web_requests, ("feed", "200")), (m.feed_fetches, ("x", "ok"))):
        counter.labels(*labels)
    return {line.split("{")[0].split(" ")[0] for line in m.exposition().decode().splitlines() if line and line[0] != "#"}


def test_the_dashboard_and_the_alerts_name_real_series() -> None:
    names = exported()
    dashboard = json.loads((ROOT / "docs" / "monitoring" / "grafana-dashboard.json").read_text(encoding="utf-8"))
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    alerts = (ROOT / "docs" / "monitoring" / "prometheus.yml").read_text(encoding="utf-8")
    wanted = {s for e in [*exprs, alerts] for s in SERIES.findall(e)}
    assert wanted and wanted <= names, sorted(wanted - names)
    assert len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])
