"""records: the frozen records every stage, the store and the faces exchange."""

from __future__ import annotations


def test_records_pickle_to_the_same_state_dataclasses_writes_and_read_back_equal() -> None:
    import dataclasses
    import pickle
    from datetime import UTC, datetime

    from newsprism import records
    from newsprism.records import Caption, Problem, Relation, TimeZoneNote

    value = (Problem("a.txt", "bad"), TimeZoneNote("Europe/Oslo", True, "outlet"), Relation("part-of", "e2"),
             Caption("A caption", 3, 12), datetime(2025, 2, 4, tzinfo=UTC))
    for record in value[:4]:
        assert record.__getstate__() == [getattr(record, f.name) for f in dataclasses.fields(record)]
    assert pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value
    frozen = TimeZoneNote.__new__(TimeZoneNote)
    frozen.__setstate__(["UTC", False, "default"])  # sets past the frozen __setattr__
    assert frozen == TimeZoneNote("UTC", False, "default")
    slotted = [c for c in vars(records).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
               and "__slots__" in c.__dict__ and c.__dict__.get("__setstate__") is not None]
    assert slotted and all(c.__setstate__.__name__ == "setstate" for c in slotted)


def test_records_every_record_of_the_layer_is_imported_from_the_package() -> None:
    import dataclasses
    import importlib

    from newsprism import records

    for module in ("inputs", "analysis", "stories", "dossier", "runs"):
        part = importlib.import_module(f"newsprism.records.{module}")
        defined = {name for name, value in vars(part).items()
                   if isinstance(value, type) and value.__module__ == part.__name__
                   and (dataclasses.is_dataclass(value) or issubclass(value, tuple))}
        assert defined and defined <= set(records.__all__), (module, sorted(defined - set(records.__all__)))
        assert all(getattr(records, name) is getattr(part, name) for name in defined)
