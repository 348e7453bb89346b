"""``newsprism_attributes``: the pipeline's own ``attribute_ruler``, its one-token patterns looked up.

spaCy's AttributeRuler runs a Matcher of all its patterns over every token: in the English
pipelines, some 180 patterns, most of them one token and exact values ("TAG" is "NNS",
"LOWER" is "n't"), the tag map and its exceptions. This component finds the matches of
those one-token patterns by looking the token's tag, lower-case form or space flag up in a
table (each distinct row of those once), leaves the others (several tokens, a regular expression) to a Matcher of their own,
and sets the attributes with the ruler's own ``set_annotations``, in its order: the same
annotations in less time (measured in ``docs/dossier.md``). Of those others, the patterns whose
first token the Matcher tests in Python on every token (a regular expression, a set), with a test of
the lower-case form, run only on a doc holding a word that passes it ("ain't", "y'all", "nothin'").
The stock ruler stays in the pipeline, disabled, holding the patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

ATTRIBUTES = "newsprism_attributes"
#: Token attributes a one-token pattern may test here, as the Matcher names them.
_LOOKED_UP = ("TAG", "LOWER", "IS_SPACE", "DEP")
#: Distinct token rows whose matches :class:`Attributes` keeps; past it the memo starts again.
ROWS_KEPT = 200_000


def _value_test(vocab: Any, value: Any) -> tuple[str, frozenset[int]] | None:
    """("in" or "not_in", the hashes) of one attribute's test, or None for a test the table cannot do."""
    def ids(values: Any) -> frozenset[int] | None:
        if not isinstance(values, list | tuple):
            return None
        out = set()
        for v in values:
            if isinstance(v, bool):
                out.add(int(v))
            elif isinstance(v, str):
                out.add(vocab.strings.add(v))
            else:
                return None
        return frozenset(out)

    if isinstance(value, bool | str):
        found = ids([value])
        return ("in", found) if found is not None else None
    if isinstance(value, dict) and len(value) == 1:
        (op, values), = value.items()
        found = ids(values)
        if found is not None and op in ("IN", "NOT_IN"):
            return ("in" if op == "IN" else "not_in", found)
    return None


class Attributes:
    """The matches of ``ruler``'s patterns, set by ``ruler`` (as it would set them)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        vocab = ruler.vocab
        self.others = Matcher(vocab)
        #: the other patterns but those whose first token is tested by a Python predicate (a regular
        #: expression, a set of values) and has a test of its lower-case form (``_first_tests``): the
        #: Matcher calls those predicates on every token, and a doc none of whose words passes a first
        #: test needs this Matcher alone (the same matches)
        self.plain_others = Matcher(vocab)
        self._first_tests: list[Callable[[str], bool]] = []
        self._gate_memo: dict[int, bool] = {}
        # one-token patterns: (attr id, tests) filed under the value of their first exact test
        self.filed: dict[tuple[int, int], list[tuple[int, tuple[tuple[int, str, frozenset[int]], ...]]]] = (
            defaultdict(list))
        self.unfiled: list[tuple[int, tuple[tuple[int, str, frozenset[int]], ...]]] = []
        self.match_ids: list[int] = []
        #: the patterns each (tag, lower-case form, space flag, dependency) matched: a token's matches
        #: depend on nothing else, and most tokens repeat a row seen before
        self._memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        for attr_id, entry in enumerate(ruler.patterns):
            self.match_ids.append(vocab.strings.add(str(attr_id)))
            singles = [self._single(vocab, token[0]) if len(token) == 1 else None for token in entry["patterns"]]
            if ruler.indices[attr_id] not in (0, -1) or any(s is None for s in singles):
                self.others.add(self.match_ids[-1], entry["patterns"])
                firsts = [_first_lower_test(pattern) for pattern in entry["patterns"]]
                if any(_predicate_first(pattern) for pattern in entry["patterns"]) and all(
                        t is not None for t in firsts):
                    self._first_tests.extend(t for t in firsts if t is not None)
                else:
                    self.plain_others.add(self.match_ids[-1], entry["patterns"])
                continue
            for tests in singles:
                assert tests is not None
                key = next(((col, next(iter(ids))) for col, op, ids in tests if op == "in" and len(ids) == 1), None)
                spread = next(((col, ids) for col, op, ids in tests if op == "in"), None)
                if key is not None:
                    self.filed[key].append((attr_id, tests))
                elif spread is not None:
                    for v in spread[1]:
                        self.filed[(spread[0], v)].append((attr_id, tests))
                else:
                    self.unfiled.append((attr_id, tests))

    def _may_start(self, lowers: set[int]) -> bool:
        """Some lower-case form of ``lowers`` (hashes) passes a first test of ``_first_tests``
        (each form tested once, then remembered)."""
        if not self._first_tests:
            return False
        memo, strings = self._gate_memo, self.ruler.vocab.strings
        if len(memo) > ROWS_KEPT:
            memo.clear()
        for lower in lowers:
            hit = memo.get(lower)
            if hit is None:
                try:
                    text = strings[lower]
                except KeyError:  # not a form this vocabulary knows: the whole Matcher decides
                    hit = True
                else:
                    hit = any(test(text) for test in self._first_tests)
                memo[lower] = hit
            if hit:
                return True
        return False

    def _found(self, row: list[int]) -> tuple[int, ...]:
        """The one-token patterns a token of these (tag, lower-case form, space flag, dependency) matches."""
        seen: set[int] = set()
        for col in range(4):
            for attr_id, tests in self.filed.get((col, row[col]), ()):
                if attr_id not in seen and all((row[c] in ids) == (op == "in") for c, op, ids in tests):
                    seen.add(attr_id)
        for attr_id, tests in self.unfiled:
            if attr_id not in seen and all((row[c] in ids) == (op == "in") for c, op, ids in tests):
                seen.add(attr_id)
        return tuple(sorted(seen))

    @staticmethod
    def _single(vocab: Any, spec: Any) -> tuple[tuple[int, str, frozenset[int]], ...] | None:
        """The tests of a one-token pattern as (column, op, hashes), or None if any is not a plain one."""
        if not isinstance(spec, dict) or not spec:
            return None
        tests = []
        for name, value in spec.items():
            if name not in _LOOKED_UP:
                return None
            test = _value_test(vocab, value)
            if test is None:
                return None
            tests.append((_LOOKED_UP.index(name), *test))
        return tuple(tests)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([TAG, LOWER, IS_SPACE, DEP]).tolist() if len(doc) else []
        others = self.others if self._may_start({row[1] for row in rows}) else self.plain_others
        matches = [(int(self.ruler.vocab.strings[m_id]), m_id, s, e)
                   for m_id, s, e in others(doc, allow_missing=True, as_spans=False)]
        if len(doc):
            match_ids, memo, found = self.match_ids, self._memo, self._found
            if len(memo) > ROWS_KEPT:
                memo.clear()
            for i, row in enumerate(rows):
                key = tuple(row)
                seen = memo.get(key)
                if seen is None:
                    seen = memo[key] = found(row)
                matches.extend((attr_id, match_ids[attr_id], i, i + 1) for attr_id in seen)
        matches.sort()  # by attribute id, as the ruler sorts them: later rules have precedence
        self.ruler.set_annotations(doc, matches)
        return doc


def _predicate_first(pattern: Any) -> bool:
    """The pattern's first token has a test the Matcher runs in Python (a dict: a set, a regular
    expression, a comparison)."""
    return bool(pattern) and isinstance(pattern[0], dict) and any(isinstance(v, dict) for v in pattern[0].values())


def _first_lower_test(pattern: Any) -> Callable[[str], bool] | None:
    """A test that the lower-case form of every token the pattern's first token matches passes (it
    may pass others), or None where there is none: the first token optional, or no plain test of
    ``LOWER`` (a string, a set of strings, a regular expression searched, as the Matcher does)."""
    if not pattern or not isinstance(pattern[0], dict) or "OP" in pattern[0] or "LOWER" not in pattern[0]:
        return None
    value = pattern[0]["LOWER"]
    if isinstance(value, str):
        return frozenset({value, value.lower()}).__contains__
    if isinstance(value, dict) and len(value) == 1:
        (op, values), = value.items()
        if op == "IN" and isinstance(values, list | tuple) and all(isinstance(v, str) for v in values):
            return frozenset({*values, *(v.lower() for v in values)}).__contains__
        if op == "REGEX" and isinstance(values, str):
            rx = re.compile(values)
            return lambda text: rx.search(text) is not None
    return None


def _make(nlp: Any, name: str) -> Attributes:
    return Attributes(nlp.get_pipe("attribute_ruler"))


def use_attributes(nlp: Any) -> bool:
    """Put ``newsprism_attributes`` in the place of the pipeline's ``attribute_ruler`` (left in,
    disabled) when that is spaCy's own; True when it did (or had)."""
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if ATTRIBUTES in nlp.component_names:
        return True
    if "attribute_ruler" not in nlp.pipe_names or type(nlp.get_pipe("attribute_ruler")) is not AttributeRuler:
        return False
    if ATTRIBUTES not in Language.factories:
        Language.factory(ATTRIBUTES, func=_make)
    nlp.add_pipe(ATTRIBUTES, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True
