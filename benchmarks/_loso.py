"""Leave-one-story-out choice of a setting, shared by the audits' cross-validation scripts.

Each item is a dict with ``story``, ``label`` (bool) and ``pred`` (a bool per setting). A fold holds
one story out, picks a setting on the others and applies it to the held-out story: by default the best
F0.5 (ties broken by ``tiebreak(train, setting)``, larger first); with ``precision`` set, the loosest
setting (the most items predicted true) whose precision on the others reaches it (a precision goal; the
most precise setting when none does).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

Item = dict[str, Any]


def label(it: Item, setting: Hashable) -> bool:
    """An item's label: one bool, or one per setting (a group is right or not depending on which of its
    citations a setting keeps)."""
    lab = it["label"]
    return bool(lab[setting]) if isinstance(lab, dict) else bool(lab)


def f_half(items: Sequence[Item], setting: Hashable) -> tuple[float, float, float, float]:
    """F0.5, precision, recall and accuracy of ``pred[setting]`` against ``label``."""
    tp = sum(it["pred"][setting] and label(it, setting) for it in items)
    fp = sum(it["pred"][setting] and not label(it, setting) for it in items)
    fn = sum(not it["pred"][setting] and label(it, setting) for it in items)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return f, p, r, sum(it["pred"][setting] == label(it, setting) for it in items) / max(1, len(items))


@dataclass
class Folds:
    chosen: Counter[Any]  # setting -> folds that chose it
    held: list[tuple[bool, bool]]  # (prediction at the fold's choice, label), every held-out item
    accuracies: list[float]  # per held-out story

    def counts(self) -> tuple[int, int, int, float]:
        """True and false positives, false negatives and the accuracy over the held-out items."""
        tp = sum(k and lab for k, lab in self.held)
        fp = sum(k and not lab for k, lab in self.held)
        fn = sum(lab and not k for k, lab in self.held)
        return tp, fp, fn, sum(k == lab for k, lab in self.held) / max(1, len(self.held))


def loosest_precise(items: Sequence[Item], settings: Sequence[Hashable], precision: float,
                    tiebreak: Callable[[Sequence[Item], Any], tuple[Any, ...]]) -> Any:
    """The setting predicting the most items true among those whose precision reaches ``precision``
    (ties: the better F0.5, then ``tiebreak``); the most precise setting when none reaches it."""
    scored = {st: f_half(items, st) for st in settings}
    kept = {st: sum(bool(it["pred"][st]) for it in items) for st in settings}
    ok = [st for st in settings if scored[st][1] >= precision]
    if not ok:
        return max(settings, key=lambda st: (round(scored[st][1], 9), kept[st], *tiebreak(items, st)))
    return max(ok, key=lambda st: (kept[st], round(scored[st][0], 9), *tiebreak(items, st)))


def leave_one_story_out(items: Sequence[Item], settings: Sequence[Hashable],
                        tiebreak: Callable[[Sequence[Item], Any], tuple[Any, ...]],
                        precision: float | None = None) -> Folds:
    folds = Folds(Counter(), [], [])
    for sid in sorted({it["story"] for it in items}):
        train = [it for it in items if it["story"] != sid]
        test = [it for it in items if it["story"] == sid]
        if precision is not None:
            best = loosest_precise(train, settings, precision, tiebreak)
        else:
            best = max(settings, key=lambda st: (round(f_half(train, st)[0], 9), *tiebreak(train, st)))
        folds.chosen[best] += 1
        folds.held += [(it["pred"][best], label(it, best)) for it in test]
        folds.accuracies.append(sum(it["pred"][best] == label(it, best) for it in test) / len(test))
    return folds
