"""errors: one base class the faces catch, and an input error that names its path and reason."""

from __future__ import annotations

import pytest

from newsprism import errors
from newsprism.errors import InputError, NewsprismError


def test_errors_an_input_error_names_its_path_then_its_reason() -> None:
    exc = InputError("feeds/a.xml#3", "no title, text or description")
    assert str(exc) == "feeds/a.xml#3: no title, text or description"
    assert (exc.path, exc.reason) == ("feeds/a.xml#3", "no title, text or description")


@pytest.mark.parametrize("name", ["InputError", "SettingsError", "StoreError", "NotFoundError", "ModelError"])
def test_errors_every_error_is_a_newsprism_error(name: str) -> None:
    cls = getattr(errors, name)
    assert issubclass(cls, NewsprismError) and cls is not NewsprismError
