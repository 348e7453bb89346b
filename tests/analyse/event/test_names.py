"""analyse.event.names: every rule name has its rule, and every rule its place in the priority table."""

from __future__ import annotations

from newsprism.analyse.event import PRIORITY
from newsprism.analyse.event import what as _what
from newsprism.analyse.event import where as _where
from newsprism.analyse.event import who as _who
from newsprism.analyse.event.names import What, Where, Who


def test_names_each_question_names_its_rules_once_and_ranks_them_all() -> None:
    # where's "place inside the country" is no candidate: it narrows what the NARROWED candidates found
    candidates = {"who": set(Who), "what": set(What), "where": set(Where) - {Where.INSIDE_COUNTRY}}
    for question, rules in (("who", _who.RULES), ("what", _what.RULES), ("where", _where.RULES)):
        assert set(rules) == candidates[question], question  # a name without a rule, or a rule without a name
        assert sorted(PRIORITY[question]) == sorted(candidates[question]), question  # each ranked, once
    assert set(_where.RULES) >= _where.NARROWED
    values = [m.value for names in (Who, What, Where) for m in names]
    assert len(values) == len(set(values))  # a stored rule name tells its rule
