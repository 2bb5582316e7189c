"""Every path from the start to an outcome: counted, and listed when there are few enough.

Pure. Questions may share sub-trees (two choices leading to the same
question), so the number of paths can grow exponentially with the size of the
guide: ``count_paths`` counts them in time linear in the guide's size, without
listing any, so that ``ssc-wizard paths`` can refuse to list billions.
Neither function recurses, so a long chain of questions cannot overflow the
stack.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from ssc_wizard.engine import Reached
from ssc_wizard.model import Guide


def count_paths(guide: Guide) -> int:
    """How many different sets of answers lead from the start to an outcome."""
    return question_counts(guide)[guide.scenarios.start]


def question_counts(guide: Guide) -> dict[str, int]:
    """How many paths lead on from each question reached from the start."""
    scenarios = guide.scenarios
    endings = {oid: _follow_up_count(guide, oid) for oid in scenarios.outcomes}
    counts: dict[str, int] = {}
    todo = [scenarios.start]
    while todo:  # post-order: a question is counted once all it leads to are
        qid = todo[-1]
        if qid in counts:
            todo.pop()
            continue
        choices = scenarios.questions[qid].choices.values()
        waiting = [c.next for c in choices if c.next is not None and c.next not in counts]
        if waiting:
            todo.extend(waiting)
            continue
        counts[qid] = sum(
            counts[c.next] if c.next is not None else endings[c.outcome or ""] for c in choices
        )
        todo.pop()
    return counts


def _follow_up_count(guide: Guide, outcome_id: str) -> int:
    return math.prod(len(guide.choices(qid)) for qid in guide.asked_after(outcome_id))


def iter_paths(guide: Guide) -> Iterator[Reached]:
    """Every path, in the order the choices are offered, as the engine would walk it."""
    scenarios = guide.scenarios
    taken: list[tuple[str, str]] = []
    frames = [(scenarios.start, iter(scenarios.questions[scenarios.start].choices.items()))]
    while frames:
        qid, choices = frames[-1]
        step = next(choices, None)
        del taken[len(frames) - 1 :]  # forget the choice this question had before
        if step is None:
            frames.pop()
            continue
        choice_id, choice = step
        taken.append((qid, choice_id))
        if choice.next is not None:
            frames.append((choice.next, iter(scenarios.questions[choice.next].choices.items())))
            continue
        assert choice.outcome is not None  # the checks guarantee every choice leads on
        follow_ups = guide.asked_after(choice.outcome)
        for picked in itertools.product(*(guide.choices(q) for q in follow_ups)):
            yield Reached(choice.outcome, dict([*taken, *zip(follow_ups, picked, strict=True)]))
