"""Characters that act on a terminal instead of showing, made harmless.

A guide's text, or a value typed on the command line, can hold an escape
sequence that recolours the terminal, moves the cursor, sets the window's
title or hides text (ESC, CSI, OSC), a carriage return that makes a line
overwrite itself, a bidirectional override that shows a line in another
order than it is read, or Unicode's tag characters, which show nothing and
can carry a hidden sentence. Before any text reaches a screen or a text file
it is passed through ``visible``, which writes each such character the way
Python writes it in a string (``\\x1b``, ``\\r``, ``\\u202e``,
``\\U000e0068``): seen, never obeyed.
JSON keeps every text as it is; ``json_escaped`` makes the JSON encoder's
output just as harmless without changing the data it holds.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from typing import Any, TypeVar

from ssc_wizard.records import Record

#: C0 controls but tab and newline, DEL, C1 controls (U+009B is a CSI on its
#: own), Unicode's line and paragraph separators (line breaks to YAML and
#: JavaScript, nothing to most editors), its Bidi_Control characters, lone
#: surrogates (the bytes of a file name that is not UTF-8), which no output
#: can encode, and the tag characters (U+E0000 to U+E007F), invisible copies of
#: ASCII that can hide a whole sentence in a line. A subdivision's flag (🏴 and
#: tags: Scotland's) is shown with its tags written out: a guide has no need of
#: one, and hidden text must never pass for it.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
    "\U000e0000-\U000e007f]"
)

T = TypeVar("T")


def visible(text: str) -> str:
    """``text`` with each control character written out as an escape: ``\\x1b``."""
    return _UNSAFE.sub(_escape, text)


def first_unsafe(text: str) -> str | None:
    """The first character ``visible`` would write out, or None."""
    found = _UNSAFE.search(text)
    return found.group() if found else None


def visible_in(value: T) -> T:
    """A copy of a record (a result) with every text in it made ``visible``."""
    return _visible_in(value)  # type: ignore[no-any-return]


def _visible_in(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, tuple):
        return tuple(_visible_in(item) for item in value)
    if isinstance(value, Record):
        return value.replace(**{name: _visible_in(getattr(value, name)) for name in value.fields})
    return value


def shell_quote(arg: str) -> str:
    """An argument as a shell reads it, written so that ``visible`` leaves it alone.

    ``shlex.quote`` would keep an escape character raw, which ``visible``
    then writes out, so that the command shown names another folder, and a
    line break, which ends the line the command is on (a comment, say). Such
    an argument is written as bash's and zsh's ``$'...'`` instead, whose
    escapes give back each character (and each byte of a name that is not UTF-8).
    """
    if "\n" not in arg and first_unsafe(arg) is None:
        return shlex.quote(arg)
    return "$'" + "".join(_ansi_c(char) for char in arg) + "'"


def shown_command(argv: Iterable[str]) -> str:
    """A command on one line, its arguments quoted with ``shell_quote``."""
    return " ".join(shell_quote(arg) for arg in argv)


def _ansi_c(char: str) -> str:
    code = ord(char)
    if char in "\\'":
        return "\\" + char
    if char != "\n" and not _UNSAFE.match(char):
        return char
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def json_escaped(text: str) -> str:
    """JSON text with the characters the encoder leaves alone written as ``\\u`` escapes.

    The encoder escapes only what JSON requires (U+0000 to U+001F); DEL, the C1
    controls and the bidirectional ones can appear only inside a string, where
    ``\\u009b`` means the same character, so the data is unchanged.
    """
    return _UNSAFE.sub(_json_escape, text)


def _json_escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code > 0xFFFF:  # JSON's \u takes four digits: a tag character is a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _escape(found: re.Match[str]) -> str:
    return repr(found.group())[1:-1]
