"""Copies: which articles are the same report republished or rewritten.

MinHash signatures over word shingles of the cleaned body give candidate
pairs through LSH banding (datasketch's bands and rows, computed for the whole
batch with numpy), and a sampled-shingle index adds the pairs of a short text
inside a long one, which Jaccard LSH misses; every candidate is then verified
on the exact shingle sets, so the indexes only decide what is compared, never
what is linked. A verified pair is ``identical``, a ``copy`` (the same text with small
edits: a wire story republished) or a ``rewrite`` (much of one text inside the
other, with material added or cut). Linked articles form copy groups; each
group's likely origin is an article crediting a wire agency, else the earliest
published.

:func:`independent_sources` is the one place that counts sources: a copy group
counts once, articles crediting one wire agency count once. :func:`line_origins`
counts them for one line (the members of a claim group): there an article that
credits another outlet for what it reports (:func:`outlet_credits`: "told
Newsweek", "according to CNN") is that outlet's report, and two members sharing a
run of words outside quotation marks are one report (a wire copy not found as a
copy, a close rewrite); the same words inside quotation marks are a statement
given to several outlets and count for each.

Pure functions over records: no I/O, no clock, no module-level state.

A package: ``lsh`` (``find_copies``: shingles, MinHash LSH, verification, groups) and
``credits`` (wire and outlet credits, rewrites, shared writing, independent origins).
"""

from __future__ import annotations

from ..lexicon import WIRES as WIRES  # re-exported: its old home
from ..records import Copies as Copies  # re-exported: its old home
from ..records import CopyGroup as CopyGroup  # re-exported: its old home
from ..records import CopyLink as CopyLink  # re-exported: its old home
from ..records import Origin as Origin  # re-exported: its old home
from ..settings import CopySettings as CopySettings  # re-exported: its old home
from .credits import TOKEN as _TOKEN  # noqa: F401 (read by benchmarks/ under its old name)
from .credits import _content_runs, _credit_patterns, _credited_key, _share, _unquoted_runs  # noqa: F401 (benchmarks, tests)
from .credits import aligned_words as aligned_words
from .credits import as_read as as_read
from .credits import closed_twins as closed_twins
from .credits import headline_pairs as headline_pairs
from .credits import independent_sources as independent_sources
from .credits import line_origins as line_origins
from .credits import noun_credits as noun_credits
from .credits import outlet_credits as outlet_credits
from .credits import quotations as quotations
from .credits import retold_words as retold_words
from .credits import rewrites as rewrites
from .credits import run_holders as run_holders
from .credits import shared_frame as shared_frame
from .credits import shared_writing as shared_writing
from .credits import skeleton as skeleton
from .credits import story_writers as story_writers
from .credits import wire_credit as wire_credit
from .credits import writer_credits as writer_credits
from .credits import writing_words as writing_words
from .lsh import KINDS as KINDS
from .lsh import (  # noqa: F401 (read by benchmarks/ and tests)
    _band_candidates,
    _lsh_bands,
    _minhash,
    _permutations,
    _shingles,
    _verify,
)
from .lsh import find_copies as find_copies
