"""Who says a quote: reporting verbs, their subjects, and the names that pronouns, roles and
statements stand for (the speaker half of ``quotes``).

:mod:`.finder` holds :class:`Speakers` (the doc's state and the attribution of a quote), which
inherits from :mod:`.referents` what a token may stand for (the article's persons and their sexes,
roles, organisations, a pronoun's referent); :mod:`.clues` holds the token helpers both use
(reporting verbs, honorifics and sexed pronouns, whole names).
"""

from __future__ import annotations

from .finder import DirectQuote, Speakers, last_speaker, sentence_end

__all__ = ["DirectQuote", "Speakers", "last_speaker", "sentence_end"]
