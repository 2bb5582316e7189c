"""Every path through a guide, found by driving the engine itself."""

from __future__ import annotations

from collections.abc import Iterator

from ssc_wizard.engine import Pending, walk
from ssc_wizard.model import Guide


def all_paths(
    guide: Guide, answers: dict[str, str] | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """(answers in the order asked, outcome id) for every path from the start."""
    answers = answers or {}
    state = walk(guide, answers)
    if isinstance(state, Pending):
        for choice_id in state.choices:
            yield from all_paths(guide, {**answers, state.question_id: choice_id})
    else:
        assert list(state.answers) == list(answers), "the walk used answers out of order"
        yield state.answers, state.outcome_id
