"""Cached parses of the invented test texts: the analysis unit tests without the spaCy model.

``tests/data/parses.spacy`` (a ``DocBin``) holds what the real pipeline made of every invented text the
analysis unit tests parse, and ``tests/data/parses.json`` lists those texts in the same order with the
pipeline that parsed them (model name and version, alias packs). The ``parses`` fixture puts a
:class:`CachedPipeline` in the place of the loaded model (``newsprism.analyse._load``, which
``load_model``, ``analyse`` and ``main_event_of`` all go through): it hands out a copy of the cached Doc
of a known text, runs newsprism's own trailing components (``newsprism_hyphen_names``,
``newsprism_times_of_day``) on it live, and fails, naming the text and the command below, for a text it
does not hold. Tests marked ``model`` get the real model instead. The ``web_db`` fixture (the demo corpus
and the invented hostile articles, run end to end) is built within :func:`cached_model` too.

``NEWSPRISM_PARSES`` picks the mode (the real model is needed in all but the first):

- unset or ``cache``: the cached parses;
- ``record``: the real model, and every text parsed is added to the cache (entries of a pipeline whose
  entity-ruler patterns changed are dropped; a paragraph found in ``../shared`` is refused):
  :data:`REGENERATE`, review the diff of parses.json;
- ``live``: the real model, the cache unused;
- ``compare``: the real model, and every analysis (``_analyse_doc``) is made a second time from the
  cached Docs and must equal the live one.

``tests/analyse/test_cached_parses.py`` (marked ``model``) checks that every cached parse, with the
trailing components run, equals a live parse token by token.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, DocBin

DATA = Path(__file__).resolve().parent / "data"
DOCS = DATA / "parses.spacy"
INDEX = DATA / "parses.json"
MODES = ("cache", "record", "live", "compare")
#: The command that adds the texts the tests parse to the cache (needs the model).
REGENERATE = "NEWSPRISM_PARSES=record python -m pytest -q -m 'not model'"
#: Where the corpora lie: record mode refuses a text that quotes them.
SHARED = Path(__file__).resolve().parents[2] / "shared"


def mode() -> str:
    """The mode ``NEWSPRISM_PARSES`` names (``cache`` when unset)."""
    got = os.environ.get("NEWSPRISM_PARSES", "cache") or "cache"
    if got not in MODES:
        raise pytest.UsageError(f"NEWSPRISM_PARSES={got!r}: expected one of {', '.join(MODES)}")
    return got


# ---------------------------------------------------------------- which pipeline parsed a text


@dataclass(frozen=True)
class Spec:
    """What a pipeline is made of, as ``newsprism.analyse._load`` is called: the model's name, the
    texts of the user's alias packs and whether the built-in ones are read."""

    model: str
    packs: tuple[str, ...]
    builtin: bool

    @classmethod
    def of(cls, model: str, packs: tuple[str, ...], builtin: bool) -> Spec:
        return cls(model, tuple(Path(p).read_text(encoding="utf-8") for p in packs), builtin)

    def pack_files(self, folder: Path) -> tuple[str, ...]:
        """The packs written to ``folder``, as paths for ``Settings.alias_packs``."""
        paths = []
        for i, text in enumerate(self.packs):
            path = folder / f"pack{i}.toml"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        return tuple(paths)

    @property
    def key(self) -> str:
        return _key(self)


@cache
def _key(spec: Spec) -> str:
    """The model's name and a hash of the entity ruler's patterns (which sit before the NER, so they
    change its output): a pack or designation rule changed is a pipeline whose parses are not cached."""
    import tempfile

    from newsprism.analyse import add_ruler
    from newsprism.resolve import load_packs
    from newsprism.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        packs = load_packs(Settings(alias_packs=spec.pack_files(Path(folder)), builtin_aliases=spec.builtin))
    ruler = add_ruler(spacy.blank("en"), packs)
    digest = hashlib.sha256(json.dumps(ruler.patterns, sort_keys=True).encode()).hexdigest()[:16]
    return f"{spec.model}:{digest}"


# ---------------------------------------------------------------- the cache


def trailing() -> Any:
    """A blank pipeline of newsprism's components that run after the model's (on a Doc, they set
    entities from the tokens and entities the model gave): they run live on every cached Doc."""
    from newsprism.analyse import HYPHENS, TIMES_OF_DAY, add_ruler

    add_ruler(spacy.blank("en"), _no_packs())  # registers the components
    nlp = spacy.blank("en")
    for name in (HYPHENS, TIMES_OF_DAY):
        nlp.add_pipe(name)
    return nlp


def _no_packs() -> Any:
    from newsprism.resolve import AliasPacks

    return AliasPacks((), {}, {})


@dataclass
class Cache:
    """The cached parses: per pipeline key its spec and model meta, and its Docs by text."""

    vocab: Any
    pipelines: dict[str, dict[str, Any]] = field(default_factory=dict)
    docs: dict[str, dict[str, Doc]] = field(default_factory=dict)

    @classmethod
    def read(cls) -> Cache:
        out = cls(spacy.blank("en").vocab)
        if not INDEX.exists():
            return out
        index = json.loads(INDEX.read_text(encoding="utf-8"))
        out.pipelines = index["pipelines"]
        docs = list(DocBin().from_bytes(DOCS.read_bytes()).get_docs(out.vocab))
        if len(docs) != len(index["parses"]):
            raise AssertionError(f"{DOCS} holds {len(docs)} Docs, {INDEX} lists {len(index['parses'])}: "
                                 f"regenerate both with {REGENERATE}")
        for (key, text), doc in zip(index["parses"], docs, strict=True):
            if doc.text != text:
                raise AssertionError(f"{DOCS} and {INDEX} disagree at {text[:60]!r}: regenerate with {REGENERATE}")
            out.docs.setdefault(key, {})[text] = doc
        return out

    def spec(self, key: str) -> Spec:
        p = self.pipelines[key]
        return Spec(p["model"], tuple(p["packs"]), p["builtin"])

    def write(self) -> None:
        """Write the cache, texts sorted per pipeline, pipelines whose patterns changed left out."""
        keep = sorted(k for k in self.docs if self.spec(k).key == k)
        bin_ = DocBin(store_user_data=True)
        parses = []
        for key in keep:
            for text in sorted(self.docs[key]):
                bin_.add(self.docs[key][text])
                parses.append([key, text])
        DATA.mkdir(exist_ok=True)
        DOCS.write_bytes(bin_.to_bytes())
        index = {"about": "Parses of the invented test texts by the real pipeline: see tests/_parses.py",
                 "pipelines": {k: self.pipelines[k] for k in keep}, "parses": parses}
        INDEX.write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@cache
def cached() -> Cache:
    """The cache as the files hold it, read once per process."""
    return Cache.read()


class CachedPipeline:
    """Stands in for a loaded spaCy pipeline: the cached parses of one pipeline, by text."""

    def __init__(self, key: str, meta: dict[str, Any], docs: dict[str, Doc], vocab: Any) -> None:
        self.key, self.meta, self.docs, self.vocab = key, meta, docs, vocab
        self.tail = trailing()
        self.tokenizer = spacy.blank("en", vocab=vocab).tokenizer

    def make_doc(self, text: str) -> Doc:
        return self.tokenizer(text)

    def __call__(self, text: str) -> Doc:
        doc = self.docs.get(text)
        if doc is None:
            pytest.fail(f"tests/data/parses.spacy holds no parse of {text[:100]!r} by pipeline {self.key}: "
                        f"add it with `{REGENERATE}` (needs the model) and review the diff of "
                        "tests/data/parses.json", pytrace=False)
        doc = doc.copy()
        for _, proc in self.tail.pipeline:
            doc = proc(doc)
        return doc

    def pipe(self, texts: Iterable[Any], as_tuples: bool = False, **_: Any) -> Iterator[Any]:
        for item in texts:
            yield (self(item[0]), item[1]) if as_tuples else self(item)


class Recorder:
    """The real pipeline, noting the Doc of every text it parses (before the trailing components,
    which the cache runs live) to add to the cache when the tests end."""

    def __init__(self, nlp: Any, spec: Spec, cache: Cache) -> None:
        self.nlp, self.spec, self.cache = nlp, spec, cache
        self.tail = [name for name, _ in trailing().pipeline]
        cache.pipelines[spec.key] = {"model": spec.model, "packs": list(spec.packs), "builtin": spec.builtin,
                                     "meta": meta_of(nlp)}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def _note(self, text: str) -> None:
        quoted = next((p for p in text.split("\n\n") if len(p) >= 40 and p in _shared_text()), None)
        if quoted is not None:
            pytest.fail(f"{quoted[:80]!r} is text of {SHARED}: the cache holds invented text only", pytrace=False)
        with self.nlp.select_pipes(disable=self.tail):
            doc = self.nlp(text)
        self.cache.docs.setdefault(self.spec.key, {})[text] = doc

    def __call__(self, text: str) -> Doc:
        self._note(text)
        return self.nlp(text)

    def pipe(self, texts: Iterable[Any], as_tuples: bool = False, **kwargs: Any) -> Iterator[Any]:
        items = list(texts)
        for item in items:
            self._note(item[0] if as_tuples else item)
        yield from self.nlp.pipe(items, as_tuples=as_tuples, **kwargs)


@cache
def _shared_text() -> str:
    """Every text file of the corpora and benchmarks in ``../shared``, as one string ("" when absent)."""
    parts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(SHARED.rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".html", ".htm", ".json", ".jsonl", ".xml", ".md")]
    return "\n".join(parts)


def meta_of(nlp: Any) -> dict[str, Any]:
    """The part of a pipeline's meta that ``analyse`` reads (the Analysis's model name)."""
    return {k: nlp.meta.get(k) for k in ("lang", "name", "version")}


@cache
def _recording() -> Cache:
    """The cache that record mode adds to, written when the process ends."""
    out = Cache.read()
    atexit.register(out.write)
    return out


def stand_in(real_load: Callable[..., Any], model: str, packs: tuple[str, ...], builtin: bool) -> Any:
    """What ``newsprism.analyse._load`` returns in this mode."""
    if model.startswith("blank:"):
        return real_load(model, packs, builtin)  # no model to stand in for
    spec = Spec.of(model, packs, builtin)
    if mode() == "record":
        return Recorder(real_load(model, packs, builtin), spec, _recording())
    return _pipeline(spec.key)


@cache
def _pipeline(key: str) -> CachedPipeline:
    c = cached()
    return CachedPipeline(key, c.pipelines.get(key, {}).get("meta") or {}, c.docs.get(key, {}), c.vocab)


@contextmanager
def cached_model() -> Iterator[None]:
    """Within: the loaded model is the cached parses (or, by ``NEWSPRISM_PARSES``, the real model)."""
    import newsprism.analyse as an

    with pytest.MonkeyPatch.context() as patch:
        if mode() == "compare":
            _compare(patch, an)
        elif mode() != "live":
            real_load = an._load
            patch.setattr(an, "_load", lambda model, packs, builtin: stand_in(real_load, model, packs, builtin))
        yield


@pytest.fixture
def parses(request: pytest.FixtureRequest) -> Iterator[None]:
    """The ``cached_model`` of a test; a test marked ``model`` gets the real model."""
    if request.node.get_closest_marker("model") is not None:
        yield
        return
    with cached_model():
        yield


def _compare(monkeypatch: pytest.MonkeyPatch, an: Any) -> None:
    """Every live analysis is made again from the cached Docs and must be equal."""
    real = an._analyse_doc

    def both(doc: Any, article: Any, model: str, packs: Any, describe: Any, base: Any, title_doc: Any = None,
             *rest: Any) -> Any:
        live = real(doc, article, model, packs, describe, base, title_doc, *rest)
        if not doc.has_annotation("DEP"):
            return live  # a test's own blank pipeline, not the model
        c = cached()
        key = next((k for k, d in c.docs.items() if doc.text in d), None)
        if key is None:
            pytest.fail(f"no cached parse of {doc.text[:100]!r}: {REGENERATE}", pytrace=False)
        pipeline = CachedPipeline(key, {}, c.docs[key], c.vocab)
        again = real(pipeline(doc.text), article, model, packs, an._description_matcher(pipeline, packs), base,
                     pipeline(title_doc.text) if title_doc is not None else None, *rest)
        assert again == live, f"the analysis of {article.article_id} from the cached parse differs from the live one"
        return live

    monkeypatch.setattr(an, "_analyse_doc", both)
