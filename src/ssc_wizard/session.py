"""A person's way through a guide: answers given, going back, changing one, starting again.

Pure: no I/O, no printing. Whoever asks (a prompt, or a function that refuses)
and whoever shows results are handed in as functions, so the whole flow can be
driven from tests with no terminal.

The rules, after GOV.UK's smart answers:

- Back returns to the previous question the person answered, with that answer
  pre-selected; the answer itself is dropped, so nothing from the path that was
  left can reach the result. Answers given with ``--answer`` are not revisited
  by Back: they were given on purpose.
- Changing one answer after a result asks that question again, then only the
  questions the new answer leads to; answers still on the new path are kept,
  the rest are dropped.
- Starting again drops every answer, ``--answer`` ones included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from ssc_wizard import words
from ssc_wizard.engine import Pending, Reached, check_answers, walk
from ssc_wizard.errors import UsageError
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide

#: What an asker returns to go back instead of answering. Never a valid choice id.
BACK = "<back>"
#: What a reviewer returns to start again from the first question.
START_AGAIN = "<start again>"

#: Asks one question; returns a choice id of ``pending.choices``, or BACK.
Asker = Callable[[Pending], str]
#: After a result: a question id to change, START_AGAIN, or None to stop.
Reviewer = Callable[[Reached], str | None]


@dataclass(frozen=True)
class History:
    """The answers so far, and what the next question should offer."""

    #: Question id to choice id, in the order given.
    answers: Mapping[str, str] = field(default_factory=dict)
    #: Questions answered with ``--answer``: Back passes over them.
    fixed: frozenset[str] = frozenset()
    #: The question the person came back to, and the answer it had.
    returned_to: tuple[str, str] | None = None

    @classmethod
    def given(cls, answers: Mapping[str, str]) -> History:
        """Answers from the command line, before anything is asked."""
        return cls(dict(answers), fixed=frozenset(answers))

    @classmethod
    def changing(cls, reached: Reached, question_id: str, fixed: frozenset[str]) -> History:
        """Ask ``question_id`` again, keeping the other answers that led to ``reached``."""
        answers = dict(reached.answers)
        earlier = answers.pop(question_id)
        return cls(answers, fixed=fixed & answers.keys(), returned_to=(question_id, earlier))

    def next(self, guide: Guide) -> Pending | Reached:
        """The next question, ready to ask (with Back and a pre-selection), or the end."""
        state = walk(guide, self.answers)
        if isinstance(state, Reached):
            return state
        earlier = self.returned_to
        return replace(
            state,
            default=earlier[1] if earlier and earlier[0] == state.question_id else None,
            can_go_back=self._previous(state) is not None,
        )

    def answer(self, question_id: str, choice_id: str) -> History:
        return History({**self.answers, question_id: choice_id}, self.fixed)

    def back(self, pending: Pending) -> History:
        """Return to the question before ``pending``, dropping its answer."""
        question_id = self._previous(pending)
        if question_id is None:
            raise ValueError(f"there is no question before {pending.question_id!r} to go back to")
        answers = dict(self.answers)
        earlier = answers.pop(question_id)
        return History(answers, self.fixed, returned_to=(question_id, earlier))

    def _previous(self, pending: Pending) -> str | None:
        return next((q for q in reversed(pending.answered) if q not in self.fixed), None)


def interview(guide: Guide, history: History, ask: Asker) -> Reached:
    """Ask until an outcome and its follow-up questions are answered."""
    while True:
        state = history.next(guide)
        if isinstance(state, Reached):
            return state
        reply = ask(state)
        if reply == BACK and state.can_go_back:
            history = history.back(state)
        elif reply in state.choices:
            history = history.answer(state.question_id, reply)
        else:
            raise ValueError(f"{reply!r} is not a choice of {state.question_id!r}")


@dataclass(frozen=True)
class Given:
    """Answers given before anything is asked: by ``--answer`` or from an answers file."""

    answers: Mapping[str, str] = field(default_factory=dict)
    #: Where each answer came from, for messages; ``--answer Q=C`` when not set.
    origins: Mapping[str, str] = field(default_factory=dict)
    #: Answers dropped, not refused, when the path does not ask them: those from
    #: a file after an ``--answer`` flag has taken the path elsewhere.
    optional: frozenset[str] = frozenset()

    def origin(self, question_id: str) -> str:
        default = f"--answer {question_id}={self.answers[question_id]}"
        return self.origins.get(question_id, default)


def resolve(guide: Guide, given: Given, ask: Asker, lang: Lang = "en") -> Reached:
    """Walk to an outcome from the answers given, asking ``ask`` for the rest."""
    check_answers(guide, given.answers, lang)
    reached = interview(guide, History.given(given.answers), ask)
    off_path = [q for q in given.answers if q not in reached.answers and q not in given.optional]
    if off_path:
        message = words.OFF_PATH_ONE if len(off_path) == 1 else words.OFF_PATH_MANY
        raise UsageError(
            message(
                lang,
                given=" ".join(given.origin(q) for q in off_path),
                path=", ".join(f"{q}={c}" for q, c in reached.answers.items()),
            )
        )
    return reached


def review(
    guide: Guide,
    reached: Reached,
    given: Mapping[str, str],
    ask: Asker,
    decide: Reviewer,
    show: Callable[[Reached], None],
) -> Reached:
    """After a result: change an answer or start again, as often as the person likes."""
    fixed = frozenset(given)
    while (decision := decide(reached)) is not None:
        if decision == START_AGAIN:
            history = History()
        else:
            history = History.changing(reached, decision, fixed)
        fixed = history.fixed
        reached = interview(guide, history, ask)
        show(reached)
    return reached
