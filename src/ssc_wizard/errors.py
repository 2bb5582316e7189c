"""The product's own exceptions.

Each kind carries the exit code documented in the README; the CLI maps them to
that code in one place (``cli.error_boundary``), so no other module exits.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, Literal, dataclass_transform

from ssc_wizard.records import Record, declare_fields

if TYPE_CHECKING:
    from ssc_wizard.model import Localized

#: An error makes a guide unusable; a warning is legal but probably a slip.
Severity = Literal["error", "warning"]


class WizardError(Exception):
    """Something the person can fix; the message says what and how."""

    exit_code = 1


#: What to do about the errors of the file system a person can fix.
_REMEDIES = {
    errno.EACCES: "you may not open it or a folder on the way; choose another place",
    errno.EPERM: "you may not open it or a folder on the way; choose another place",
    errno.ENAMETOOLONG: "a name may be at most 255 bytes; choose a shorter one",
    errno.ELOOP: "it goes round a loop of symbolic links; give the real name",
}


def reason(exc: OSError) -> str:
    """Why the file system refused, in its words, and what to do about it."""
    said = exc.strerror or str(exc)
    remedy = _REMEDIES.get(exc.errno or 0)
    return f"{said}: {remedy}" if remedy else said


class UsageError(WizardError):
    """Bad flags or a bad answer."""

    exit_code = 2


@dataclass_transform()
class Refusal(UsageError):
    """A refused answer, as data: the ids and the valid choices, never a sentence.

    Front ends say it in the reader's language (``messages.describe``); ``str()``
    is the English, for logs and tests. Each kind declares its fields as a
    dataclass does; they are set here, since a dataclass apiece would cost the
    start-up of every run a few milliseconds.
    """

    #: The kind's fields, in order: what it is made from, shown and matched by.
    fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        declare_fields(cls)

    def __init__(self, *values: object) -> None:
        if len(values) != len(self.fields):
            raise TypeError(f"{type(self).__name__} takes {self.fields}, got {values!r}")
        for name, value in zip(self.fields, values, strict=True):
            setattr(self, name, value)
        super().__init__(*values)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__name__}({fields})"

    def __str__(self) -> str:
        from ssc_wizard.messages import describe

        return describe(self, "en")


class UnknownQuestion(Refusal):
    question_id: str
    questions: tuple[str, ...]


class UnknownChoice(Refusal):
    question_id: str
    choice_id: str
    question: Localized
    choices: tuple[str, ...]


class RetiredChoice(Refusal):
    """A choice id the guide once offered; ``why`` is the guide's own text."""

    question_id: str
    choice_id: str
    why: Localized
    choices: tuple[str, ...]


class UnknownDistrict(Refusal):
    """``offices --district`` naming none of the guide's districts (it may have none)."""

    district_id: str
    districts: tuple[str, ...]


class NotAnAnswer(Refusal):
    """``--answer`` without ``QUESTION=CHOICE``; ``example`` is what was probably meant."""

    item: str
    example: tuple[str, str]


class AnsweredTwice(Refusal):
    question_id: str
    first: str
    second: str


class OffPath(Refusal):
    """Answers given ahead that the path of the others never asks."""

    #: Where each came from (``Given.origin``), in the order given.
    given: tuple[str, ...]
    #: The answers on the path, in the order asked.
    path: tuple[tuple[str, str], ...]


class NoAsking(StrEnum):
    """Why a question that needs an answer cannot be asked."""

    no_terminal = "no terminal"
    no_screen = "no screen"
    no_input = "--no-input"
    #: A web request's query string: what it lacks, nobody is there to ask.
    query = "query string"


class MissingAnswer(Refusal):
    question_id: str
    question: Localized
    choices: tuple[str, ...]
    reason: NoAsking


class NotAnswers(Refusal):
    """An answers file that holds no mapping of answers; ``example`` shows one."""

    Found = Literal["empty", "no answers", "not a mapping"]

    found: Found
    example: tuple[str, str]


class NoChoiceGiven(Refusal):
    """``question:`` in an answers file, with nothing after the colon."""

    question_id: str


class NotAChoiceId(Refusal):
    """A list or a mapping where an answers file needs a choice id."""

    Got = Literal["list", "mapping"]

    got: Got


class Problem(Record):
    """One thing wrong in a data file, at a position a text editor can jump to."""

    file: str
    line: int
    column: int
    #: What is wrong: a maintainer's sentence, or a refusal (of an answers file) as data.
    said: str | Refusal
    #: Only ``ssc-wizard check`` shows warnings.
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """What is wrong, in English, as every problem found in a file is said."""
        return str(self.said)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class ProblemsFound(WizardError):
    """A file is invalid; holds every problem found in it, not just the first."""

    #: What the problems are in, as the message's first line names it.
    subject = "the file"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DataError(ProblemsFound):
    """The guide's data files are invalid."""

    subject = "the guide's data"
    exit_code = 1


class AnswersFileError(ProblemsFound):
    """An answers file (``--answers-file``) is invalid: a usage error, like a bad flag."""

    subject = "the answers file"
    exit_code = 2


class Interrupted(WizardError):
    """Ctrl-C or Ctrl-D at a prompt."""

    exit_code = 130


class Stopped(BaseException):
    """SIGTERM or SIGHUP (the terminal closed): unwind as Ctrl-C does, then end by the signal.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception``
    on the way takes it for a bug.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
