"""The cached parses the analysis tests run on (``tests/_parses.py``): the one test that loads the model
checks them against a live parse; the others check how the cache serves them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from _parses import REGENERATE, CachedPipeline, cached, meta_of, mode
from _support import needs_model
from newsprism import Settings
from newsprism.analyse import load_model
from newsprism.resolve import load_packs

#: Token attributes the analysis reads: the model's annotations, those newsprism's components set, the
#: lexical ones.
TOKEN = ("text", "whitespace_", "tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_iob_", "ent_type_",
         "ent_id_", "ent_kb_id_", "is_sent_start", "norm_", "lower_", "shape_", "is_alpha", "is_digit",
         "is_punct", "is_space", "is_stop", "like_num", "is_currency", "is_quote", "is_title", "is_upper")
ANNOTATIONS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START")
#: A test of how the cache serves its parses: not while record mode writes it afresh.
serving = pytest.mark.skipif(mode() == "record", reason="NEWSPRISM_PARSES=record: the cache is being written")


def differences(cached_doc: Doc, live: Doc) -> list[str]:
    """Where a cached Doc differs from a live one (empty when they are the same)."""
    def row(t: Any) -> tuple[Any, ...]:
        return tuple(str(v) if name == "morph" else v.i if name == "head" else v
                     for name in TOKEN for v in [getattr(t, name)])

    out = [f"token {t.i} {t.text!r}: " + ", ".join(f"{name} {a!r} != {b!r}" for name, a, b in
                                                   zip(TOKEN, row(t), row(u), strict=True) if a != b)
           for t, u in zip(cached_doc, live, strict=False) if row(t) != row(u)]
    if len(cached_doc) != len(live):
        out.append(f"{len(cached_doc)} tokens != {len(live)}")
    ents = [[(e.start, e.end, e.label_, e.id_, e.kb_id_) for e in d.ents] for d in (cached_doc, live)]
    sents = [[(s.start, s.end) for s in d.sents] for d in (cached_doc, live)]
    annotated = [[d.has_annotation(a) for a in ANNOTATIONS] for d in (cached_doc, live)]
    extra = [(dict(d.user_data), {k: list(v) for k, v in d.spans.items()}, d.cats) for d in (cached_doc, live)]
    for name, pair in (("entities", ents), ("sentences", sents), ("annotations", annotated), ("user data", extra)):
        if pair[0] != pair[1]:
            out.append(f"{name}: {pair[0]} != {pair[1]}")
    return out


@needs_model
def test_cached_parses_equal_a_live_parse(tmp_path: Path) -> None:
    """Every cached Doc, as the cache serves it, is the live pipeline's Doc of its text, parsed alone
    and in a batch: a new model, a changed component or alias pack fails here (regenerate the cache)."""
    cache = cached()
    assert cache.pipelines, f"the cache is empty: {REGENERATE}"
    for key, texts in cache.docs.items():
        spec = cache.spec(key)
        assert spec.key == key, f"pipeline {key}: its entity ruler's patterns changed: {REGENERATE}"
        settings = Settings(spacy_model=spec.model, alias_packs=spec.pack_files(tmp_path), builtin_aliases=spec.builtin)
        nlp = load_model(settings)
        assert meta_of(nlp) == cache.pipelines[key]["meta"], f"another model than the cache's: {REGENERATE}"
        served = CachedPipeline(key, cache.pipelines[key]["meta"], texts, cache.vocab)
        order = sorted(texts)
        batch = nlp.pipe(order, batch_size=Settings().analyse_batch_size)
        for text, in_batch in zip(order, batch, strict=True):
            assert not differences(served(text), nlp(text)), (text, differences(served(text), nlp(text)))
            assert not differences(served(text), in_batch), (text, differences(served(text), in_batch))
        # the tokenizer the description matcher uses is the model's
        descriptions = [d for e in load_packs(settings).entries for d in e.descriptions]
        for text in order + descriptions:
            assert [t.text for t in served.make_doc(text)] == [t.text for t in nlp.make_doc(text)]


@serving
def test_cached_parses_hold_full_parses_and_serve_copies() -> None:
    cache = cached()
    key = max(cache.docs, key=lambda k: len(cache.docs[k]))  # the built-in packs' pipeline
    texts = cache.docs[key]
    served = CachedPipeline(key, {}, texts, cache.vocab)
    text = next(t for t, d in texts.items() if d.ents)
    doc = served(text)
    assert doc.text == text and all(doc.has_annotation(a) for a in ANNOTATIONS)
    doc.ents = []
    assert [e.text for e in served(text).ents] == [e.text for e in texts[text].ents] != []  # the cache's is kept
    assert not differences(served(text), served(text))


@serving
def test_cached_parses_an_unknown_text_fails_naming_it_and_the_command() -> None:
    cache = cached()
    key = max(cache.docs, key=lambda k: len(cache.docs[k]))  # the built-in packs' pipeline
    texts = cache.docs[key]
    served = CachedPipeline(key, {}, texts, cache.vocab)
    with pytest.raises(pytest.fail.Exception, match=r"no parse of 'A text no test parses\.'") as failed:
        served("A text no test parses.")
    assert REGENERATE in str(failed.value)
    with pytest.raises(pytest.fail.Exception):
        list(served.pipe([("A text no test parses.", "a1")], as_tuples=True))


def test_cached_parses_stand_in_for_the_model() -> None:
    """In a test of this folder, ``load_model`` is the cache (the ``parses`` fixture)."""
    if mode() != "cache":
        pytest.skip(f"NEWSPRISM_PARSES={mode()}: the real model stands for itself")
    nlp = load_model()
    assert isinstance(nlp, CachedPipeline)
    assert nlp.meta["name"] and nlp.meta["version"]
