"""records.dossier: claims, their groups and the dossier's parts."""

from __future__ import annotations

from newsprism.records import Alignment, Claim, ClaimGroup


def _claim(claim_id: str) -> Claim:
    return Claim(claim_id, "a1", "body", 0, 10, "The pier opened.", None, None, None, (), (), (), (), (), False)


def test_dossier_alignment_finds_a_claim_by_id_and_a_group_counts_its_origins() -> None:
    group = ClaimGroup("g1", ("c1", "c2"), ("a1", "a2"), ("a1", "wire:AP"), "corroborated", (), False)
    alignment = Alignment((_claim("c1"), _claim("c2")), (group,))
    assert alignment.claim("c2").claim_id == "c2"
    assert group.sources == 2
