"""A person's way through a guide: answers given, going back, changing one, starting again.

Pure: no I/O, no words. ``Session`` is what every front end drives, one step at
a time: what to ask next, an answer, Back, changing one answer after a result,
starting again. A terminal asks in a loop (``interview``); a web page rebuilds
the session from the answers in each request. Refusals are raised as data
(``errors.Refusal``) for the front end to say.

The rules, after GOV.UK's smart answers:

- Back returns to the previous question the person answered, with that answer
  pre-selected; the answer itself is dropped, so nothing from the path that was
  left can reach the result. Answers given ahead (``--answer``) are not
  revisited by Back: they were given on purpose.
- Changing one answer after a result asks that question again, then only the
  questions the new answer leads to; answers still on the new path are kept,
  the rest are dropped.
- Starting again drops every answer, those given ahead included.
- Answers given ahead must all lie on the path to the first result: one the
  path never asks is refused (unless it is ``optional``), not silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property

from ssc_wizard.engine import Pending, Reached, answer_problem, check_answers, walk
from ssc_wizard.errors import OffPath
from ssc_wizard.model import EMPTY_MAP, Guide
from ssc_wizard.records import Record

#: What an asker returns to go back instead of answering. Never a valid choice id.
BACK = "<back>"
#: What a reviewer returns to start again from the first question.
START_AGAIN = "<start again>"

#: Asks one question; returns a choice id of ``pending.choices``, or BACK.
Asker = Callable[[Pending], str]
#: After a result: a question id to change, START_AGAIN, or None to stop.
Reviewer = Callable[[Reached], str | None]


class History(Record):
    """The answers so far, and what the next question should offer."""

    #: Question id to choice id, in the order given.
    answers: Mapping[str, str] = EMPTY_MAP
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
        return state.replace(
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


class Given(Record):
    """Answers given before anything is asked: by ``--answer`` or from an answers file."""

    answers: Mapping[str, str] = EMPTY_MAP
    #: Where each answer came from, for messages; ``--answer Q=C`` when not set.
    origins: Mapping[str, str] = EMPTY_MAP
    #: Answers dropped, not refused, when the path does not ask them: those from
    #: a file after an ``--answer`` flag has taken the path elsewhere.
    optional: frozenset[str] = frozenset()

    def origin(self, question_id: str) -> str:
        default = f"--answer {question_id}={self.answers[question_id]}"
        return self.origins.get(question_id, default)


class Session(Record):
    """Where a person is in a guide; each step returns the next session.

    Immutable, so a front end may keep any session it has seen (a web page's
    Back link) and rebuild one from its answers.
    """

    guide: Guide
    history: History = History()
    #: Answers given ahead, checked against the path once it reaches a result;
    #: None once a result has been shown (changing an answer drops the check).
    given: Given | None = None

    @classmethod
    def start(cls, guide: Guide, given: Given | None = None) -> Session:
        """A session from the answers given ahead; unknown ids are refused at once."""
        given = given or Given()
        check_answers(guide, given.answers)
        return cls(guide, History.given(given.answers), given)

    @cached_property
    def state(self) -> Pending | Reached:
        """The question to ask now (with Back and a pre-selection), or the result."""
        state = self.history.next(self.guide)
        if isinstance(state, Reached) and self.given is not None:
            _refuse_off_path(self.given, state)
        return state

    @property
    def pending(self) -> Pending | None:
        state = self.state
        return state if isinstance(state, Pending) else None

    @property
    def reached(self) -> Reached | None:
        state = self.state
        return state if isinstance(state, Reached) else None

    def answer(self, choice_id: str) -> Session:
        """Answer the pending question; a choice it does not offer is refused."""
        pending = self._pending("answer")
        if choice_id not in pending.choices:
            problem = answer_problem(self.guide, pending.question_id, choice_id)
            assert problem is not None
            raise problem
        return self.replace(history=self.history.answer(pending.question_id, choice_id))

    def back(self) -> Session:
        """Back to the question answered before the pending one, if there is one."""
        pending = self._pending("go back")
        if not pending.can_go_back:
            raise ValueError(f"there is no question before {pending.question_id!r} to go back to")
        return self.replace(history=self.history.back(pending))

    def change(self, question_id: str) -> Session:
        """After a result: ask ``question_id`` again, keeping the answers still on the way."""
        reached = self.reached
        if reached is None or question_id not in reached.answers:
            raise ValueError(f"{question_id!r} is not an answer of a result to change")
        return self.replace(
            history=History.changing(reached, question_id, self.history.fixed), given=None
        )

    def start_again(self) -> Session:
        """From the first question, with no answers at all."""
        return Session(self.guide)

    def _pending(self, doing: str) -> Pending:
        pending = self.pending
        if pending is None:
            raise ValueError(f"cannot {doing}: the session has reached a result")
        return pending


def _refuse_off_path(given: Given, reached: Reached) -> None:
    off_path = [q for q in given.answers if q not in reached.answers and q not in given.optional]
    if off_path:
        raise OffPath(tuple(given.origin(q) for q in off_path), tuple(reached.answers.items()))


def interview(guide: Guide, history: History, ask: Asker) -> Reached:
    """Ask until an outcome and its follow-up questions are answered."""
    return _result(drive(Session(guide, history), ask))


def drive(session: Session, ask: Asker) -> Session:
    """Ask ``ask`` each pending question until the session reaches a result."""
    while (pending := session.pending) is not None:
        reply = ask(pending)
        if reply == BACK and pending.can_go_back:
            session = session.back()
        elif reply in pending.choices:
            session = session.answer(reply)
        else:
            raise ValueError(f"{reply!r} is not a choice of {pending.question_id!r}")
    return session


def resolve(guide: Guide, given: Given, ask: Asker) -> Reached:
    """Walk to an outcome from the answers given, asking ``ask`` for the rest."""
    return _result(drive(Session.start(guide, given), ask))


def review(
    guide: Guide,
    reached: Reached,
    given: Mapping[str, str],
    ask: Asker,
    decide: Reviewer,
    show: Callable[[Reached], None],
) -> Reached:
    """After a result: change an answer or start again, as often as the person likes."""
    session = Session(guide, History(reached.answers, fixed=frozenset(given)))
    while (decision := decide(reached)) is not None:
        session = session.start_again() if decision == START_AGAIN else session.change(decision)
        session = drive(session, ask)
        reached = _result(session)
        show(reached)
    return reached


def _result(session: Session) -> Reached:
    reached = session.reached
    assert reached is not None, "driven sessions end at a result"
    return reached
