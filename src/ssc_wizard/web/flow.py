"""Which page a web request asks for, from the answers in its query string.

Pure: no HTTP, no words. The answers live in the query string, keyed by
question id (``?card_state=lost&district=lixia``), as GOV.UK's smart answers
keep them, so that any process can serve any request, a result is a link,
and the browser's Back and Forward work. Each request rebuilds the walk
(``engine.walk``) from them; what is wrong is raised as the terminal's own
refusals (``errors.Refusal``), for the front end to say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ssc_wizard.engine import Pending, Reached, check_answers, named, walk
from ssc_wizard.errors import AnsweredTwice, OffPath, UnknownQuestion
from ssc_wizard.model import Guide

#: Query keys that are not answers: the page's language.
LANG_KEY = "lang"


def parse_answers(guide: Guide, items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The answers of a query string's ``(key, value)`` pairs, ids as ``engine.named``
    reads them; a key given twice, an unknown question or choice is refused."""
    answers: dict[str, str] = {}
    for key, value in items:
        if key == LANG_KEY:
            continue
        question_id, choice_id = named(guide, key, value)
        if question_id in answers:
            raise AnsweredTwice(question_id, answers[question_id], choice_id)
        answers[question_id] = choice_id
    check_answers(guide, answers)
    return answers


def taken(state: Pending | Reached) -> tuple[str, ...]:
    """The questions a walk answered on its way to ``state``, in path order."""
    return tuple(state.answers) if isinstance(state, Reached) else state.answered


def on_path(guide: Guide, answers: Mapping[str, str]) -> Pending | Reached:
    """Where the answers lead; every answer must be one that path asks."""
    state = walk(guide, answers)
    path = taken(state)
    off = [q for q in answers if q not in path]
    if off:
        raise OffPath(tuple(f"{q}={answers[q]}" for q in off), tuple((q, answers[q]) for q in path))
    return state


@dataclass(frozen=True)
class QuestionPage:
    """A question, asked after ``answers``; ``chosen`` is its answer already given."""

    pending: Pending
    #: Every answer on the path, this question's own included when it has one.
    answers: dict[str, str]
    chosen: str | None
    #: The previous question's id, to go back to; None on the first question.
    previous: str | None
    #: Answers after this question are given: it is being changed from "Check your answers".
    changing: bool


def question_page(
    guide: Guide, question_id: str, answers: Mapping[str, str]
) -> QuestionPage | Pending:
    """The page of ``question_id``, which the answers must lead to; or, where they
    stop short of it, the question they lead to first (to ask that one instead)."""
    if question_id not in guide.scenarios.questions:
        raise UnknownQuestion(question_id, tuple(guide.scenarios.questions))
    state = on_path(guide, answers)
    path = [*taken(state), *([state.question_id] if isinstance(state, Pending) else [])]
    if question_id not in path and isinstance(state, Pending):
        return state
    if question_id not in path:
        raise OffPath((question_id,), tuple((q, answers[q]) for q in path if q in answers))
    before = {q: answers[q] for q in path[: path.index(question_id)]}
    pending = walk(guide, before)
    assert isinstance(pending, Pending) and pending.question_id == question_id
    later = [q for q in path[path.index(question_id) + 1 :] if q in answers]
    return QuestionPage(
        pending=pending,
        answers=dict(answers),
        chosen=answers.get(question_id),
        previous=path[path.index(question_id) - 1] if question_id != path[0] else None,
        changing=bool(later),
    )


def after_answer(
    guide: Guide, question_id: str, answers: Mapping[str, str]
) -> tuple[Pending | Reached, dict[str, str]]:
    """Where an answer to ``question_id`` leads, and the answers kept.

    As the terminal's "Change an answer": answers after it that the new path
    still asks are kept, the others dropped.
    """
    if question_id not in guide.scenarios.questions:
        raise UnknownQuestion(question_id, tuple(guide.scenarios.questions))
    others = {q: c for q, c in answers.items() if q != question_id}
    before = walk(guide, others)
    if not isinstance(before, Pending) or before.question_id != question_id:
        raise OffPath((question_id,), tuple((q, others[q]) for q in taken(before)))
    state = walk(guide, answers)
    return state, {q: answers[q] for q in taken(state)}
