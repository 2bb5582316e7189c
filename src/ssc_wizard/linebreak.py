"""Where a line may break: between words, and between Chinese characters.

Chinese has no spaces, so a line may break between any two of its characters,
except before closing punctuation (，。）) or after opening punctuation (（《“),
as Chinese typesetting requires. English breaks only at spaces, as usual.

Widths are counted in terminal cells as rich counts them, so that a line
folded here fits rich's panels too: a Chinese character takes two, a
combining accent none. A line never breaks inside a grapheme cluster: a
letter with its accents, an emoji with its skin tone or variation selector,
a ZWJ sequence (👨‍👩‍👧), a flag's two regional indicators. The widths are
rich's own table, copied (``cellwidths``): the text format and the prompts
wrap every result without importing rich, and on every Python alike.

Pure: used by the prompts and, through ``formats.rich_format``, by rich.
"""

from __future__ import annotations

import bisect
import itertools
import re

from ssc_wizard.cellwidths import NARROW_TO_WIDE, WIDTHS

#: Never at the start of a line.
NO_START = frozenset("，。、；：？！）》」』】〉”’…%,.;:?!)]}")  # noqa: RUF001 - Chinese punctuation
#: Never at the end of a line.
NO_END = frozenset("（《「『【〈“‘([{")  # noqa: RUF001 - Chinese punctuation

ZWJ, VS16 = "\u200d", "\ufe0f"
_STARTS = [first for first, _, _ in WIDTHS]


def _width(char: str) -> int:
    """The cells one character takes alone, as rich counts them (``rich.cells``)."""
    code = ord(char)
    if code < 32 or 0x7F <= code < 0xA0:
        return 0
    found = bisect.bisect_right(_STARTS, code) - 1
    return WIDTHS[found][2] if found >= 0 and code <= WIDTHS[found][1] else 1


def _is_flag_half(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def clusters(text: str) -> list[tuple[int, int, int]]:
    """The grapheme clusters of ``text``: (start, end, cells) of each.

    As rich splits and measures them (``rich.cells.split_graphemes``), with two
    differences, both where rich's measure falls short of what a terminal
    shows: a flag's two regional indicators stay together (rich parts them),
    and a joiner after nothing shown leaves the next character its cells
    (rich counts none).
    """
    spans: list[tuple[int, int, int]] = []
    measured = ""  # the last character rich counted cells for, which a VS16 may widen
    index = 0
    while index < len(text):
        char = text[index]
        if spans and char == ZWJ:  # joins the next character, whose width rich ignores
            end = min(index + 2, len(text))
            start, _, size = spans[-1]
            if not size:  # nothing shown yet to join it to: it shows, and takes its cells
                size = sum(_width(joined) for joined in text[index + 1 : end])
            spans[-1] = (start, end, size)
            index = end
            continue
        if char == VS16:  # a text-style emoji (❤) shown as an emoji takes two cells
            width = 1 if measured and ord(measured) in NARROW_TO_WIDE else 0
            measured = "" if width else measured
        else:
            width = _width(char)
            measured = char if width else measured
        pair = (
            spans
            and _is_flag_half(char)
            and index - 1 == spans[-1][0]
            and _is_flag_half(text[spans[-1][0]])
        )
        if spans and (char == VS16 or not width or pair):
            start, _, size = spans[-1]
            spans[-1] = (start, index + 1, size + width)
        else:
            spans.append((index, index + 1, width))
        index += 1
    return spans


def cells(text: str) -> int:
    """The cells ``text`` takes on one line, as rich counts them."""
    if text.isascii():  # most of a guide in English, and every id: no wide character
        return len(text)
    return sum(size for _, _, size in clusters(text))


def _spans(text: str) -> list[tuple[int, int, int]]:
    if text.isascii():  # one cell a character: the clusters need no looking for
        return [(index, index + 1, 1) for index in range(len(text))]
    return clusters(text)


def _blank(text: str, span: tuple[int, int, int]) -> bool:
    # A space with a mark on it (" \u0301") shows the mark: it is no space to break at.
    start, end, _ = span
    return text[start].isspace() and (end == start + 1 or text[start:end].isspace())


def _pieces(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The spans of the pieces no line may break inside, each with the spaces after it.

    A piece is a word of other clusters, or one wide cluster (a Chinese
    character, an emoji), joined to the punctuation that may not be parted from it.
    """
    pieces: list[tuple[int, int]] = []
    first = 0
    while first < len(spans):
        last = first + 1
        if spans[first][2] != 2 and not _blank(text, spans[first]):
            while last < len(spans) and spans[last][2] != 2 and not _blank(text, spans[last]):
                last += 1
        while last < len(spans) and _blank(text, spans[last]):
            last += 1
        if pieces and (
            text[spans[first][0]] in NO_START or text[spans[pieces[-1][1] - 1][0]] in NO_END
        ):
            pieces[-1] = (pieces[-1][0], last)
        else:
            pieces.append((first, last))
        first = last
    return pieces


def units(text: str) -> list[str]:
    """The pieces no line may break inside, each with the spaces after it."""
    spans = _spans(text)
    return [text[spans[a][0] : spans[b - 1][1]] for a, b in _pieces(text, spans)]


def break_offsets(text: str, width: int) -> list[int]:
    """Where each line after the first starts, as character offsets into ``text``.

    A piece wider than a whole line is cut where it must be, between clusters.
    """
    spans = _spans(text)
    before = list(itertools.accumulate((size for _, _, size in spans), initial=0))
    offsets: list[int] = []
    used = 0  # cells on the current line
    for first, last in _pieces(text, spans):
        inked = last  # the piece without the spaces after it
        while inked > first and _blank(text, spans[inked - 1]):
            inked -= 1
        if used and used + before[inked] - before[first] > width:
            offsets.append(spans[first][0])
            used = 0
        size = before[last] - before[first]
        if used + size <= width:  # the whole piece fits: no cluster of it breaks
            used += size
            continue
        for span in spans[first:last]:
            start, _, size = span
            if used + size > width and not _blank(text, span) and used:
                offsets.append(start)
                used = 0
            used += size
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
