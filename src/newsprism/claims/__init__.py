"""Claims: the statements of a story's articles, aligned across sources.

Each sentence of a body, each title and each caption is a :class:`Claim`
carrying its attribution, entities, quantities, times and negation. Claims
that state the same thing in different articles are grouped (lexical overlap
weighted by rarity within the story, plus shared entities); a title or a
caption may also join a group holding a sentence of its own article, which
is how a headline or a caption that disagrees with its own text is found.

A group's status counts **independent origins** among the members that state
its line (copies of one report, an outlet's report and the articles crediting
it, members sharing wording outside quotation marks count once, see
:func:`newsprism.copies.line_origins`) and compares the
normalised values its claims carry: numbers with units, dates, places,
designations and negation. Differences are either conflicts or "more
specific" (Tu-95MS is a Tu-95; an airfield lies in its city). The stage
shows evidence; it never decides who is right.

A package: ``extract`` (claims from an article), ``alignment`` (``align``: a story's claims
grouped, their happenings, the checks of titles and captions), ``status`` (a group's origins and
the differences of its values).
"""

from __future__ import annotations

from ..records import Alignment as Alignment  # re-exported: its old home
from ..records import Claim as Claim  # re-exported: its old home
from ..records import ClaimGroup as ClaimGroup  # re-exported: its old home
from ..records import Difference as Difference  # re-exported: its old home
from ..settings import AlignSettings as AlignSettings  # re-exported: its old home
from .alignment import _article_events, _complete_link, _happenings, _similarities  # noqa: F401 (read by benchmarks/ and tests)
from .alignment import align as align
from .extract import extract as extract
from .status import STATUSES as STATUSES
from .status import status_counts as status_counts
