"""Answers from outside the prompts: ``--answer`` flags and answers files.

Precedence: a flag wins over the file, the file over the prompt. An answers
file is YAML or JSON, a mapping of question id to choice id, such as
``--save-answers`` writes; a JSON result of ``--format json`` is read for its
``answers``. Every problem in a file is reported at its ``file:line:column``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ssc_wizard import ids
from ssc_wizard.controls import shown_command
from ssc_wizard.engine import answer_problem, named
from ssc_wizard.errors import (
    AnsweredTwice,
    AnswersFileError,
    DataError,
    NoChoiceGiven,
    NotAChoiceId,
    NotAnAnswer,
    NotAnswers,
    Problem,
    UsageError,
    WizardError,
)
from ssc_wizard.loader import read_text
from ssc_wizard.model import Guide
from ssc_wizard.session import Given

if TYPE_CHECKING:
    from ssc_wizard.yamlio import DataPath


def example(guide: Guide) -> tuple[str, str]:
    """An answer to show in messages: the first choice of the first question."""
    start = guide.scenarios.start
    return start, next(iter(guide.choices(start)))


def meant(guide: Guide, item: str) -> tuple[str, str]:
    """An answer like the one typed without its ``=``: to the question named
    (``district``: ``district=lixia``), or with the choice named when exactly
    one question offers it (``lost``: ``card_state=lost``); else ``example``."""
    typed = item.strip().strip("=")
    question_id = ids.resolve(typed, guide.scenarios.questions)
    if question_id in guide.scenarios.questions:
        return question_id, next(iter(guide.choices(question_id)), "CHOICE")
    offering: list[tuple[str, str]] = []
    for question_id in guide.scenarios.questions:  # only when refused: the time is no matter
        choices = guide.choices(question_id)
        choice_id = ids.resolve(typed, choices)
        if choice_id in choices:
            offering.append((question_id, choice_id))
    return offering[0] if len(offering) == 1 else example(guide)


def parse_flags(items: Iterable[str], guide: Guide) -> Given:
    """``QUESTION=CHOICE`` arguments; the same question twice must agree.

    Ids in another case or with ``-`` for ``_`` are taken as the guide's (``named``).
    """
    answers: dict[str, str] = {}
    for item in items:
        question_id, sep, choice_id = item.partition("=")
        question_id, choice_id = question_id.strip(), choice_id.strip()
        if not sep or not question_id or not choice_id:
            raise NotAnAnswer(item, meant(guide, item))
        question_id, choice_id = named(guide, question_id, choice_id)
        if answers.get(question_id, choice_id) != choice_id:
            raise AnsweredTwice(question_id, answers[question_id], choice_id)
        answers[question_id] = choice_id
    return Given(answers)


def load_answers_file(path: Path, guide: Guide) -> Given:
    """Read and check an answers file against the guide; any problem is a usage error."""
    try:
        text = read_text(path)
    except DataError as exc:  # not UTF-8: the person's file, not the guide
        raise AnswersFileError(exc.problems) from None
    except WizardError as exc:
        raise UsageError(f"--answers-file {exc}") from None
    return parse_answers_file(text, str(path), guide)


def parse_answers_file(text: str, file: str, guide: Guide) -> Given:
    from ssc_wizard import yamlio  # PyYAML: only for a run given a file

    try:
        doc = yamlio.load(text, file)
    except DataError as exc:
        raise AnswersFileError(exc.problems) from None
    data = doc.data
    base: DataPath = ()
    if isinstance(data, dict) and "schema_version" in data and "answers" in data:
        data, base = data["answers"], ("answers",)  # a saved JSON result
    if not isinstance(data, dict) or not data:
        found: NotAnswers.Found = (
            "empty" if data is None else "no answers" if data == {} else "not a mapping"
        )
        raise AnswersFileError([doc.problem(base, NotAnswers(found, example(guide)))])

    answers: dict[str, str] = {}
    origins: dict[str, str] = {}
    problems: list[Problem] = []
    for question_id, value in data.items():
        path = (*base, question_id)
        # Unquoted `yes` or `01` is what the person typed, whatever YAML 1.1 makes of it.
        typed = doc.typed_scalars.get(path)
        choice_id = typed[0] if typed else value
        if choice_id is None:
            problems.append(doc.problem(path, NoChoiceGiven(question_id), key=True))
            continue
        if not isinstance(choice_id, str):
            kind: NotAChoiceId.Got = "list" if isinstance(choice_id, list) else "mapping"
            problems.append(doc.problem(path, NotAChoiceId(kind)))
            continue
        question_id, choice_id = named(guide, question_id, choice_id)
        refused = answer_problem(guide, question_id, choice_id)
        if refused is not None:
            known = question_id in guide.scenarios.questions
            problems.append(doc.problem(path, refused, key=not known))
            continue
        if answers.get(question_id, choice_id) != choice_id:  # card_state, then Card-State
            twice = AnsweredTwice(question_id, answers[question_id], choice_id)
            problems.append(doc.problem(path, twice, key=True))
            continue
        where = doc.locate(path, key=True)
        answers[question_id] = choice_id
        origins[question_id] = f"{file}:{where.line}:{where.column} ({question_id}: {choice_id})"
    if problems:
        raise AnswersFileError(problems)
    return Given(answers, origins)


def combine(flags: Given, from_file: Given) -> Given:
    """Flags over the file. Once a flag changes a file's answer, the file's answers
    that the new path does not ask are dropped instead of refused."""
    changed = any(from_file.answers.get(q, c) != c for q, c in flags.answers.items())
    return Given(
        {**from_file.answers, **flags.answers},
        {q: o for q, o in from_file.origins.items() if q not in flags.answers},
        frozenset(from_file.answers.keys() - flags.answers.keys()) if changed else frozenset(),
    )


def answers_yaml(answers: Mapping[str, str], outcome_id: str, command: Sequence[str]) -> str:
    """What ``--save-answers`` writes: read back by ``--answers-file``, same result."""
    # shown_command writes a line break in a folder's name as an escape: the
    # command stays on its comment line, or the rest would be read as answers.
    header = (
        "# Answers for ssc-wizard. Replay them with --answers-file, or with:\n"
        f"#   {shown_command(command)}\n"
        f"# They lead to the outcome {outcome_id}.\n"
    )
    from ssc_wizard import yamlio  # PyYAML: only for a run that saves its answers

    return header + yamlio.dump(dict(answers))
