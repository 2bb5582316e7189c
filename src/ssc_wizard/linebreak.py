"""Where a line may break: between words, and between Chinese characters.

Chinese has no spaces, so a line may break between any two of its characters,
except before closing punctuation (，。）) or after opening punctuation (（《“),
as Chinese typesetting requires. English breaks only at spaces, as usual.
Widths are counted in terminal cells: a Chinese character takes two.

Pure: used by the prompts and, through ``formats.rich_format``, by rich.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

#: Never at the start of a line.
NO_START = frozenset("，。、；：？！）》」』】〉”’…%,.;:?!)]}")  # noqa: RUF001 - Chinese punctuation
#: Never at the end of a line.
NO_END = frozenset("（《「『【〈“‘([{")  # noqa: RUF001 - Chinese punctuation


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def cells(text: str) -> int:
    if text.isascii():  # most of a guide in English, and every id: no wide character
        return len(text)
    return sum(2 if is_wide(char) else 1 for char in text)


def _narrow(char: str) -> bool:
    return False


def units(text: str) -> list[str]:
    """The pieces no line may break inside, each with the spaces after it.

    A piece is a word of other characters, or one wide character, joined to
    the punctuation that may not be parted from it.
    """
    wide = _narrow if text.isascii() else is_wide
    pieces: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = start + 1
        if not wide(text[start]) and not text[start].isspace():
            while end < len(text) and not text[end].isspace() and not wide(text[end]):
                end += 1
        while end < len(text) and text[end].isspace():
            end += 1
        if pieces and (text[start] in NO_START or text[pieces[-1][1] - 1] in NO_END):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
        start = end
    return [text[a:b] for a, b in pieces]


def break_offsets(text: str, width: int) -> list[int]:
    """Where each line after the first starts, as character offsets into ``text``.

    A piece wider than a whole line is cut where it must be.
    """
    offsets: list[int] = []
    used = 0  # cells on the current line
    position = 0
    for piece in units(text):
        if used and used + cells(piece.rstrip()) > width:
            offsets.append(position)
            used = 0
        size = cells(piece)
        if used + size <= width:  # the whole piece fits: no character of it breaks
            used += size
            position += len(piece)
            continue
        for char in piece:
            size = cells(char)
            if used + size > width and not char.isspace() and used:
                offsets.append(position)
                used = 0
            used += size
            position += 1
    return offsets


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, without trailing spaces."""
    bounds = [0, *break_offsets(text, width), len(text)]
    return [text[a:b].rstrip() for a, b in itertools.pairwise(bounds)]


#: A list item's marker, or a line's indent: wrapped lines continue after it.
_HANGING = re.compile(r" *(?:- |\d+\. )?")


def fold(text: str, width: int | None) -> str:
    """``text`` with each line word-wrapped to ``width`` cells, continuing under
    its own text after a list marker; as it is when ``width`` is None.

    For a terminal, which would otherwise cut words in two at its edge, and a
    screen reader would read the halves as two words.
    """
    if width is None:
        return text
    lines = []
    for line in text.split("\n"):
        indent = _HANGING.match(line).end()  # type: ignore[union-attr] # matches anything
        room = max(width - indent, 10)
        wrapped = wrap(line[indent:], room) or [""]
        lines.append(line[:indent] + ("\n" + " " * indent).join(wrapped))
    return "\n".join(lines)
