"""newsprism: event dossiers from many news sources."""

from .api import Prism
from .errors import (
    InputError,
    ModelError,
    NewsprismError,
    NotFoundError,
    SettingsError,
    StoreError,
)
from .records import Article, Caption, IngestResult, Problem, RawDocument, Removal
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Caption",
    "IngestResult",
    "InputError",
    "ModelError",
    "NewsprismError",
    "NotFoundError",
    "Prism",
    "Problem",
    "RawDocument",
    "Removal",
    "Settings",
    "SettingsError",
    "StoreError",
    "__version__",
]
