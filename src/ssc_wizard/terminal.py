"""What the terminal can do, as far as the environment tells: for prompts and rich output."""

from __future__ import annotations

import codecs
import errno
import os
import shutil
import sys

#: Encodings that can write any text: no need to try.
_WHOLE_UNICODE = {"utf-8", "utf-16", "utf-32", "gb18030"}


def is_dumb() -> bool:
    """A terminal that cannot move the cursor or show colour, such as Emacs's shell."""
    return os.environ.get("TERM", "").lower() in {"dumb", "unknown"}


#: Narrower than this nothing fits, not even a word; wider, rich would draw
#: lines nobody can read, and take long to (``COLUMNS=100000000``).
MIN_COLUMNS, MAX_COLUMNS = 20, 1000


def fit(columns: int) -> int:
    """A width to draw at: ``columns`` within MIN_COLUMNS and MAX_COLUMNS."""
    return min(max(columns, MIN_COLUMNS), MAX_COLUMNS)


def size() -> os.terminal_size:
    """``COLUMNS`` and ``LINES``, else what the terminal reports, else 80 by 24;
    the width within MIN_COLUMNS and MAX_COLUMNS.

    The terminal is stdout's, else stderr's or stdin's: with stdout
    redirected, the questions still go to a terminal, and are wrapped for it.
    """
    columns, lines = shutil.get_terminal_size((0, 0))  # 0: neither set nor stdout's
    for fd in (2, 0):
        if columns and lines:
            break
        try:
            found = os.get_terminal_size(fd)
        except (OSError, ValueError):
            continue
        columns, lines = columns or found.columns, lines or found.lines
    return os.terminal_size((fit(columns or 80), lines or 24))


def columns() -> int:
    return size().columns


def writes_any_text(stream: object) -> bool:
    """Whether ``stream``'s encoding can write every character (UTF-8, GB18030).

    A stream with no encoding (a test's StringIO) takes any text; so, as far
    as we can tell, does one whose encoding Python does not know.
    """
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name in _WHOLE_UNICODE
    except LookupError:
        return True


def unencodable(text: str, stream: object) -> str | None:
    """The first character ``stream`` cannot write, or None when it can write all of ``text``."""
    if writes_any_text(stream):
        return None
    try:
        text.encode(getattr(stream, "encoding", "utf-8"))
    except UnicodeEncodeError as exc:
        return text[exc.start]
    return None


def hung_up(exc: BaseException) -> bool:
    """Whether ``exc`` is the error a read or write gets once the terminal has
    gone (its window closed, the connection dropped): EIO, from a standard
    stream whose terminal now answers everything with EIO.

    An EIO from a file (a failing disk) is not this: it is reported as what it is.
    """
    if not (isinstance(exc, OSError) and exc.errno == errno.EIO):
        return False
    import termios  # only when something has failed: start-up does not pay for it

    for stream in (sys.stdin, sys.stdout, sys.stderr):
        try:
            termios.tcgetattr(stream.fileno())
        except termios.error as error:
            if error.args[0] == errno.EIO:
                return True
        except (AttributeError, OSError, ValueError):  # no such stream, or no descriptor
            pass
    return False
