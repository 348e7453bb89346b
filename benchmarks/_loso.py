"""Leave-one-story-out choice of a setting, shared by the audits' cross-validation scripts.

Each item is a dict with ``story``, ``label`` (bool) and ``pred`` (a bool per setting). A fold holds
one story out, picks the setting with the best F0.5 on the others (ties broken by ``tiebreak(train,
setting)``, larger first) and applies it to the held-out story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

Item = dict[str, Any]


def f_half(items: Sequence[Item], setting: Hashable) -> tuple[float, float, float, float]:
    """F0.5, precision, recall and accuracy of ``pred[setting]`` against ``label``."""
    tp = sum(it["pred"][setting] and it["label"] for it in items)
    fp = sum(it["pred"][setting] and not it["label"] for it in items)
    fn = sum(not it["pred"][setting] and it["label"] for it in items)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return f, p, r, sum(it["pred"][setting] == it["label"] for it in items) / max(1, len(items))


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


def leave_one_story_out(items: Sequence[Item], settings: Sequence[Hashable],
                        tiebreak: Callable[[Sequence[Item], Any], tuple[Any, ...]]) -> Folds:
    folds = Folds(Counter(), [], [])
    for sid in sorted({it["story"] for it in items}):
        train = [it for it in items if it["story"] != sid]
        test = [it for it in items if it["story"] == sid]
        best = max(settings, key=lambda st: (round(f_half(train, st)[0], 9), *tiebreak(train, st)))
        folds.chosen[best] += 1
        folds.held += [(it["pred"][best], it["label"]) for it in test]
        folds.accuracies.append(sum(it["pred"][best] == it["label"] for it in test) / len(test))
    return folds
