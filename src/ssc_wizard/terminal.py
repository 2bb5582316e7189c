"""What the terminal can do, as far as the environment tells: for prompts and rich output."""

from __future__ import annotations

import codecs
import os
import shutil

#: Encodings that can write any text: no need to try.
_WHOLE_UNICODE = {"utf-8", "utf-16", "utf-32", "gb18030"}


def is_dumb() -> bool:
    """A terminal that cannot move the cursor or show colour, such as Emacs's shell."""
    return os.environ.get("TERM", "").lower() in {"dumb", "unknown"}


def size() -> os.terminal_size:
    """``COLUMNS`` and ``LINES``, else what the terminal reports, else 80 by 24."""
    return shutil.get_terminal_size()


def columns() -> int:
    return size().columns


def unencodable(text: str, stream: object) -> str | None:
    """The first character ``stream`` cannot write, or None when it can write all of ``text``.

    A stream with no encoding (a test's StringIO) takes any text.
    """
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return None
    try:
        if codecs.lookup(encoding).name in _WHOLE_UNICODE:
            return None
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        return text[exc.start]
    except LookupError:  # an encoding Python does not know: let the write decide
        return None
    return None
