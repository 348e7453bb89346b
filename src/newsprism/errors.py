"""Exceptions. A message says what, where, why, and what to do."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input (file, line, feed entry) that cannot be read as news."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SettingsError(NewsprismError):
    """Settings or options that cannot work together."""


class StoreError(NewsprismError):
    """The store cannot be opened, read or written."""


class NotFoundError(NewsprismError):
    """A record asked for by id is not in the store."""


class ModelError(NewsprismError):
    """A model named in the settings cannot be loaded."""
