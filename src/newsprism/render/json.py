"""Dossier -> JSON-ready dict (schema: docs/dossier.md)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from ..records import Dossier
from . import source_names

SCHEMA = "newsprism.dossier/1"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def dossier_dict(d: Dossier) -> dict[str, Any]:
    """The documented JSON shape of a dossier."""
    data = _plain(d)
    _by_article, names = source_names(d)
    data["entities"] = {section: rows for section, rows in data["entities"]}
    data["quotes"] = [{"speaker": speaker, "quotes": rows} for speaker, rows in data["quotes"]]
    data["exclusives"] = [{"origin": origin, "name": names.get(origin), "statements": rows}
                          for origin, rows in data["exclusives"]]
    data["matrix"] = {
        "columns": _columns(d, names),
        "rows": [{"group_id": gid, "marks": list(marks)} for gid, marks in d.matrix],
    }
    data["copy_tree"] = [{"origin": o, "copies": [{"article_id": a, "kind": k} for a, k in rows]}
                         for o, rows in d.copy_tree]
    data["framing"] = [{**f, "shares": [{"group_id": g, "share": x} for g, x in f["shares"]]}
                       for f in data["framing"]]
    data["status_counts"] = dict(d.status_counts)
    return {"schema": SCHEMA, **data}


def _columns(d: Dossier, names: dict[str, str]) -> list[dict[str, Any]]:
    seen: dict[str, list[str]] = {}
    for s in d.sources:
        seen.setdefault(s.origin, []).append(s.outlet or s.article_id)
    return [{"origin": k, "name": names[k], "outlets": v} for k, v in seen.items()]
