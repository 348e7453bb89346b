"""../shared/benchmarks/giveme5w1h_news_cluster ingests completely, outlets normalised."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsprism import Prism

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "giveme5w1h_news_cluster"

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.skipif(not (CORPUS / "data").is_dir(), reason=f"benchmark corpus not found at {CORPUS}"),
]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("nc") / "nc.db"
    prism = Prism(db=db)
    result = prism.ingest([str(CORPUS / "data")])
    yield prism, result
    prism.close()


def test_news_cluster_ingests_completely(ingested) -> None:  # type: ignore[no-untyped-def]
    prism, result = ingested
    assert result.problems == ()
    assert len(result.added) == 383
    assert prism.store.integrity() == "ok"


def test_news_cluster_outlets_normalised(ingested) -> None:  # type: ignore[no-untyped-def]
    prism, _ = ingested
    with (CORPUS / "labels.tsv").open(encoding="utf-8") as fh:
        domain = {row["file"]: row["source_domain"] for row in csv.DictReader(fh, delimiter="\t")}
    by_domain: dict[str, set[str]] = {}
    for s in prism.articles():
        by_domain.setdefault(domain[Path(s.source).name], set()).add(s.outlet or "")
    for host in ("edition.cnn.com", "money.cnn.com"):
        assert by_domain[host] == {"CNN"}
    assert by_domain["usa.chinadaily.com.cn"] == by_domain["www.chinadaily.com.cn"] == {"China Daily"}
    outlets = {o for names in by_domain.values() for o in names}
    assert not any(o.startswith("www.") for o in outlets)
    assert len(outlets) < len(by_domain)


def test_news_cluster_video_pages_flagged_empty(ingested) -> None:  # type: ignore[no-untyped-def]
    prism, _ = ingested
    empty = [s for s in prism.articles() if "empty" in s.flags]
    assert any(s.outlet == "CNN" and s.paragraphs == 0 for s in empty)
    assert 1 <= len(empty) <= 10
