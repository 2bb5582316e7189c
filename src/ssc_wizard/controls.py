"""Characters that act on a terminal instead of showing, made harmless.

A guide's text, or a value typed on the command line, can hold an escape
sequence that recolours the terminal, moves the cursor, sets the window's
title or hides text (ESC, CSI, OSC), a carriage return that makes a line
overwrite itself, or a bidirectional override that shows a line in another
order than it is read. Before any text reaches a screen or a text file it is
passed through ``visible``, which writes each such character the way Python
writes it in a string (``\\x1b``, ``\\r``, ``\\u202e``): seen, never obeyed.
JSON keeps every text as it is; ``json_escaped`` makes the JSON encoder's
output just as harmless without changing the data it holds.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

#: C0 controls but tab and newline, DEL, C1 controls (U+009B is a CSI on its
#: own), Unicode's line and paragraph separators (line breaks to YAML and
#: JavaScript, nothing to most editors), its Bidi_Control characters, and lone
#: surrogates (the bytes of a file name that is not UTF-8), which no output
#: can encode.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
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
    """A copy of a frozen dataclass (a result) with every text in it made ``visible``."""
    return _visible_in(value)  # type: ignore[no-any-return]


def _visible_in(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, tuple):
        return tuple(_visible_in(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _visible_in(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


def json_escaped(text: str) -> str:
    """JSON text with the characters the encoder leaves alone written as ``\\u`` escapes.

    The encoder escapes only what JSON requires (U+0000 to U+001F); DEL, the C1
    controls and the bidirectional ones can appear only inside a string, where
    ``\\u009b`` means the same character, so the data is unchanged.
    """
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _escape(found: re.Match[str]) -> str:
    return repr(found.group())[1:-1]
