"""copies.lsh: find_copies: near-duplicates found, verified and grouped with their origins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.copies import (
    CopySettings,
    find_copies,
    independent_sources,
)
from newsprism.records import Article, WireCredit

from .helpers import OTHER_WIRE, REWRITE, WIRE, art


def test_copies_wire_republished_and_rewritten_is_one_group(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    assert len(found.groups) == 1
    group = found.groups[0]
    assert set(group.article_ids) == {a.article_id for a in syndicated.values()}
    assert group.origin == syndicated["wire"].article_id
    assert group.wire == "NPA"
    assert WireCredit(syndicated["wire"].article_id, "NPA") in found.wires


def test_copies_kinds(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values())
    kind = {frozenset((x.source, x.target)): x.kind for x in found.links}
    ids = {k: a.article_id for k, a in syndicated.items()}
    assert kind[frozenset((ids["wire"], ids["c"]))] == "identical"
    assert kind[frozenset((ids["wire"], ids["a"]))] == "copy"
    assert kind[frozenset((ids["wire"], ids["rewrite"]))] == "rewrite"
    link = next(x for x in found.links if {x.source, x.target} == {ids["wire"], ids["rewrite"]})
    assert link.source == ids["wire"]  # the origin is the link's source
    assert link.containment >= 0.5 and link.jaccard < 0.8


def test_copies_credit_beats_earliest() -> None:
    # The uncredited republication came first; the credited one is the likely origin.
    stripped = [WIRE[0].replace("SKELBY, Nordland (NPA) — ", ""), *WIRE[1:]]
    early = art("early", stripped, outlet="Coast Today", hours=0)
    credited = art("credited", WIRE, outlet="Nordland Daily", hours=5)
    found = find_copies([early, credited])
    assert [g.origin for g in found.groups] == [credited.article_id]
    assert found.groups[0].reason == "credits NPA"


def test_copies_earliest_when_no_credit() -> None:
    body = [WIRE[0].replace("(NPA) ", ""), *WIRE[1:]]
    late, early = art("late", body, outlet="X", hours=9), art("early2", body, outlet="Y", hours=1)
    found = find_copies([late, early])
    assert found.groups[0].origin == early.article_id
    assert found.groups[0].reason == "earliest published"


def test_copies_one_shared_quotation_is_not_a_copy(syndicated: dict[str, Article]) -> None:
    other = art("bws", OTHER_WIRE, outlet="BWS", hours=1)
    found = find_copies([syndicated["wire"], other])
    assert found.links == () and found.groups == ()
    assert len(independent_sources([syndicated["wire"].article_id, other.article_id], found)) == 2


def test_copies_empty_page_joins_nothing(syndicated: dict[str, Article]) -> None:
    empty = art("empty", list(WIRE), outlet="Video Site", hours=1, flags=("empty",))
    found = find_copies([*syndicated.values(), empty])
    assert all(empty.article_id not in (x.source, x.target) for x in found.links)
    assert all(empty.article_id not in g.article_ids for g in found.groups)
    assert len(independent_sources([syndicated["wire"].article_id, empty.article_id], found)) == 2


def test_copies_short_texts_are_never_linked() -> None:
    short = ["The ferry ran aground in fog off Skelby on Tuesday; all passengers were safe."]
    found = find_copies([art("s1", short, outlet="X"), art("s2", short, outlet="Y")])
    assert found.links == ()  # fewer shared shingles than min_shared


def test_copies_deterministic_in_any_order(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    assert find_copies(items) == find_copies(list(reversed(items)))


def test_copies_read_twice_from_a_function_without_holding_the_articles(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    reads: list[int] = []

    def again() -> Iterator[Article]:
        reads.append(1)
        yield from items  # a generator: nothing of it is held between the reads

    assert find_copies(again) == find_copies(items) == find_copies(iter(items))
    assert len(reads) == 2  # signatures, then the candidates' texts


def test_copies_a_second_read_that_differs_is_an_error(syndicated: dict[str, Article]) -> None:
    items = list(syndicated.values())
    reads: list[int] = []

    def again() -> list[Article]:
        reads.append(1)
        return items if len(reads) == 1 else items[:1]

    with pytest.raises(ValueError, match="read the second time differ"):
        find_copies(again)  # ends early
    reads.clear()

    def shuffled() -> list[Article]:
        reads.append(1)
        return items if len(reads) == 1 else items[::-1]

    with pytest.raises(ValueError, match="read the second time differ"):
        find_copies(shuffled)  # another order: the texts would not be the candidates'


def test_copies_settings_stricter_containment(syndicated: dict[str, Article]) -> None:
    found = find_copies(syndicated.values(), CopySettings(min_containment=0.99))
    assert all(x.kind != "rewrite" for x in found.links)


def test_copies_a_short_text_inside_a_long_one_is_found() -> None:
    """High containment, low Jaccard: LSH (built for Jaccard) misses it; the sampled-shingle index does not."""
    brief = art("brief", WIRE[:3], outlet="Skelby Courier", hours=1)
    notes = [f"In archive note {i} the Skelby museum lists item {i * 7} as a wooden model of the {i}th ferry "
             f"built at the Arnhal yard, restored by volunteer crew {i + 3} over {i % 9 + 2} winters."
             for i in range(1, 60)]
    feature = art("feature", [*WIRE, *notes], outlet="Coast Today", hours=5)
    found = find_copies([brief, feature])
    (link,) = found.links
    assert link.kind == "rewrite" and link.containment >= 0.9 and link.jaccard < 0.15
    assert not find_copies([brief, feature], CopySettings(sample_mod=0)).links  # LSH alone misses it


def test_copies_batch_banding_gives_datasketch_lsh_pairs(syndicated: dict[str, Article]) -> None:
    """The numpy banding proposes exactly the pairs datasketch's MinHashLSH (same bands and rows) would."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from newsprism.copies import _band_candidates, _minhash, _permutations, _shingles

    s = CopySettings()
    texts = [a.text for a in syndicated.values()] + [" ".join(OTHER_WIRE), " ".join(REWRITE[::-1])]
    cache: dict[str, int] = {}
    perms = _permutations(s.num_perm, s.seed)
    sigs = [_minhash(_shingles(t, s.shingle, cache), perms) for t in texts]
    lsh = MinHashLSH(threshold=s.lsh_threshold, num_perm=s.num_perm)
    expected = set()
    for k, sig in enumerate(sigs):
        mh = LeanMinHash(seed=s.seed, hashvalues=sig, scheme="legacy")
        expected |= {(k, j) for j in lsh.query(mh)}
        lsh.insert(k, mh)
    got = {divmod(code, len(sigs)) for code in _band_candidates(np.stack(sigs), s).tolist()}  # (later, earlier)
    assert got == expected and len(expected) >= 4


def test_copies_settings_table(tmp_path: Path) -> None:
    from newsprism.errors import SettingsError
    from newsprism.settings import Settings

    f = tmp_path / "s.toml"
    f.write_text("[newsprism]\ndb = 'x.db'\n\n[copies]\nmin_containment = 0.7\nsample_mod = 0\n", encoding="utf-8")
    assert Settings.load(f).copies == CopySettings(min_containment=0.7, sample_mod=0)
    f.write_text("[copies]\nshingle = 2.5\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[copies\]: shingle must be like 5, not 2\.5"):
        Settings.load(f)
    f.write_text("[copies]\nshingles = 4\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[copies\]: unknown setting\(s\): shingles; known: "):
        Settings.load(f)
    assert Settings(copies={"seed": 2}).copies == CopySettings(seed=2)  # a table given in code is checked too
