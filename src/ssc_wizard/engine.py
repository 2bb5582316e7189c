"""Walking a guide's decision tree. Pure: no I/O, no printing.

The walk is driven by answers: ``walk`` goes as far as the answers allow and
says which question comes next, or which outcome they lead to. Asking for the
missing answers, going back and changing them is ``session``'s business.
"""

from __future__ import annotations

from collections.abc import Mapping

from ssc_wizard import ids
from ssc_wizard.errors import (
    MissingAnswer,
    NoAsking,
    Refusal,
    RetiredChoice,
    UnknownChoice,
    UnknownQuestion,
)
from ssc_wizard.model import Choice, Guide, Question
from ssc_wizard.records import Record


class Pending(Record):
    """The next question to ask, given the answers so far."""

    question_id: str
    question: Question
    choices: dict[str, Choice]
    #: The questions answered on the way here, in path order.
    answered: tuple[str, ...] = ()
    #: The choice to pre-select: the earlier answer when the person came back here.
    default: str | None = None
    #: Whether the person can go back to an earlier question from here.
    can_go_back: bool = False


class Reached(Record):
    """The end of a path: the outcome and the answers on the way, in the order asked."""

    outcome_id: str
    answers: dict[str, str]


def named(guide: Guide, question_id: str, choice_id: str) -> tuple[str, str]:
    """The question and choice ids a typed answer names: ``Card-State=Lost`` is
    ``card_state=lost`` (see ``ids``). What names none is left as typed."""
    questions = guide.scenarios.questions
    question_id = ids.resolve(question_id, questions)
    if question_id in questions:
        known = guide.choices(question_id).keys() | questions[question_id].retired.keys()
        choice_id = ids.resolve(choice_id, known)
    return question_id, choice_id


def answer_problem(guide: Guide, question_id: str, choice_id: str) -> Refusal | None:
    """What is wrong with one answer (an unknown question or choice), or None.

    The ids are as ``named`` gives them.
    """
    questions = guide.scenarios.questions
    if question_id not in questions:
        return UnknownQuestion(question_id, tuple(questions))
    choices = tuple(guide.choices(question_id))
    if choice_id in choices:
        return None
    question = questions[question_id]
    retired = question.retired.get(choice_id)
    if retired is not None:
        return RetiredChoice(question_id, choice_id, retired, choices)
    return UnknownChoice(question_id, choice_id, question.text, choices)


def check_answers(guide: Guide, answers: Mapping[str, str]) -> None:
    """Refuse unknown questions and choices before anything is asked."""
    for question_id, choice_id in answers.items():
        problem = answer_problem(guide, question_id, choice_id)
        if problem is not None:
            raise problem


def walk(guide: Guide, answers: Mapping[str, str]) -> Pending | Reached:
    """Follow the answers from the start: the next unanswered question, or the end."""
    scenarios = guide.scenarios
    taken: dict[str, str] = {}

    def answer(question_id: str) -> Choice | Pending:
        choices = guide.choices(question_id)
        choice_id = answers.get(question_id)
        if choice_id is None:
            question = scenarios.questions[question_id]
            return Pending(question_id, question, choices, answered=tuple(taken))
        taken[question_id] = choice_id
        return choices[choice_id]

    question_id = scenarios.start
    while True:
        choice = answer(question_id)
        if isinstance(choice, Pending):
            return choice
        if choice.outcome is not None:
            outcome_id = choice.outcome
            break
        assert choice.next is not None  # the checks guarantee every choice leads on
        question_id = choice.next
    for follow_up in scenarios.outcomes[outcome_id].ask:
        pending = answer(follow_up)
        if isinstance(pending, Pending):
            return pending
    return Reached(outcome_id, taken)


def open_questions(guide: Guide, answers: Mapping[str, str]) -> list[str]:
    """The unanswered questions that some way on from ``answers`` would still ask.

    For shell completion: after ``card_state=lost`` only the district is left.
    In the order the guide lists its questions.
    """
    scenarios = guide.scenarios
    found: set[str] = set()
    seen: set[str] = set()
    todo = [scenarios.start]
    while todo:
        question_id = todo.pop()
        if question_id in seen:
            continue
        seen.add(question_id)
        choices = guide.choices(question_id)
        if answers.get(question_id) in choices:
            followed = [choices[answers[question_id]]]
        else:
            found.add(question_id)
            followed = list(choices.values())
        for choice in followed:
            if choice.next is not None:
                todo.append(choice.next)
            elif choice.outcome is not None:
                todo.extend(scenarios.outcomes[choice.outcome].ask)
    return [q for q in scenarios.questions if q in found]


def missing_answer(pending: Pending, reason: NoAsking) -> MissingAnswer:
    """The error for a question that must be answered but cannot be asked."""
    return MissingAnswer(pending.question_id, pending.question.text, tuple(pending.choices), reason)
