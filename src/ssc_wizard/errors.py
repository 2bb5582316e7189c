"""The product's own exceptions.

Each kind carries the exit code documented in the README; the CLI maps them to
that code in one place (``cli.error_boundary``), so no other module exits.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, at a position a text editor can jump to."""

    file: str
    line: int
    column: int
    message: str
    #: Only ``ssc-wizard check`` shows warnings.
    severity: Severity = "error"

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
