"""Dossier -> JSON-ready dict (schema: docs/dossier.md)."""

from __future__ import annotations

import dataclasses
import functools
import json
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from ..records import Dossier
from . import source_names

SCHEMA = "newsprism.dossier/1"


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def dossier_dict(d: Dossier) -> dict[str, Any]:
    """The documented JSON shape of a dossier."""
    data = _plain(d)
    _by_article, names = source_names(d)
    # the documented shape: sections as a mapping, a relation as [kind, name], statuses as a mapping,
    # each exclusive named as the renderers name it; the other records as objects of their fields
    data["entities"] = {
        s["section"]: [{**e, "relations": [[r["kind"], r["name"]] for r in e["relations"]]} for e in s["entries"]]
        for s in data["entities"]}
    data["exclusives"] = [{"origin": x.origin, "name": names.get(x.origin), "statements": _plain(x.statements)}
                          for x in d.exclusives]
    data["matrix"] = {"columns": _columns(d, names), "rows": data["matrix"]}
    data["status_counts"] = {c.status: c.count for c in d.status_counts}
    return {"schema": SCHEMA, **data}


def _columns(d: Dossier, names: dict[str, str]) -> list[dict[str, Any]]:
    seen: dict[str, list[str]] = {}
    for s in d.sources:
        seen.setdefault(s.origin, []).append(s.outlet or s.article_id)
    return [{"origin": k, "name": names[k], "outlets": v} for k, v in seen.items()]


class _Unusual(Exception):
    """A value :func:`text` leaves to the json module (a key that is not a string, another type)."""


def text(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=1)``, the same characters, written without the
    json module's generator chain (it runs in Python whenever there is an indent): the dossiers'
    JSON. Anything but dicts with string keys, lists, tuples, strings, numbers, booleans and None
    goes to ``json.dumps`` whole (the same text, or its error)."""
    out: list[str] = []
    try:
        _emit(data, out, "\n")
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=1)
    return "".join(out)


def _float(x: float) -> str:
    if x != x:
        return "NaN"
    if x == _INF:
        return "Infinity"
    if x == -_INF:
        return "-Infinity"
    return float.__repr__(x)


_INF = float("inf")
#: How the plain types are written (subclasses go through :func:`_emit`'s tests, as json's).
_SCALARS: dict[type, Any] = {str: encode_basestring, int: int.__repr__, float: _float,
                             bool: lambda b: "true" if b else "false", type(None): lambda _n: "null"}


def _emit(value: Any, out: list[str], nl: str) -> None:
    """Append ``value`` at the indent of ``nl`` (a newline and the spaces of its level), as
    ``json``'s encoder orders its tests: strings, None, booleans, ints, floats, lists, dicts."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = nl + " "
        sep = "[" + inner
        for v in value:
            plain = _SCALARS.get(type(v))
            if plain is not None:
                out.append(sep + plain(v))
            else:
                out.append(sep)
                _emit(v, out, inner)
            sep = "," + inner
        out.append(nl + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = nl + " "
        sep = "{" + inner
        for k, v in value.items():
            if type(k) is not str:
                if not isinstance(k, str):
                    raise _Unusual
                k = str.__str__(k)
            plain = _SCALARS.get(type(v))
            if plain is not None:
                out.append(sep + encode_basestring(k) + ": " + plain(v))
            else:
                out.append(sep + encode_basestring(k) + ": ")
                _emit(v, out, inner)
            sep = "," + inner
        out.append(nl + "}")
    else:
        raise _Unusual
