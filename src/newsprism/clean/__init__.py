"""RawDocument -> Article: title, dateline, byline, outlet, captions, language;
boilerplate and repeats removed, each removal logged with its reason.

The cleaned body is the kept paragraphs, whitespace collapsed and quotes
straightened (one character for one), joined by blank lines. An
:class:`~newsprism.records.OffsetMap` maps any span of it back to the source
text the reader produced, so nothing is cited that the source did not say.

A package: ``paragraphs`` (blocks with their offset anchors, match keys, the near-repeat index),
``times`` (date lines, bylines, publication times, language), ``residue`` (the boilerplate rules
and the page furniture, captions and inline residue they find) and ``stage`` (``clean``).
"""

from __future__ import annotations

from .paragraphs import MAX_REPEAT_CANDIDATES as MAX_REPEAT_CANDIDATES
from .paragraphs import RepeatIndex as _RepeatIndex  # noqa: F401 (tests and benchmarks/ under its old name)
from .paragraphs import key_shingles as _shingles  # noqa: F401 (tests under its old name)
from .paragraphs import make_block as _make_block  # noqa: F401 (tests under its old name)
from .paragraphs import near_repeat as _near_repeat  # noqa: F401 (tests and benchmarks/ under its old name)
from .stage import article_id as article_id
from .stage import clean as clean
from .times import _WIRE_SUFFIX, _detector, _parse_time  # noqa: F401 (tests and benchmarks/)
from .times import URL_LINE as URL_LINE
from .times import date_only_line as date_only_line
from .times import detect_language as detect_language
from .times import is_date_line as is_date_line
from .times import numeric_date as numeric_date
