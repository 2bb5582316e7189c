"""Writing for a person: stdout whole or not at all, rich drawn for this
terminal, long results paged, and messages on stderr wrapped between words.

Every command writes through here, so that no output comes out half in
question marks or cut at a word.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ssc_wizard import formats, terminal, words
from ssc_wizard.controls import visible
from ssc_wizard.errors import WizardError
from ssc_wizard.formats import Format
from ssc_wizard.lang import Lang
from ssc_wizard.output import write_atomically
from ssc_wizard.result import OfficeList, Result

if TYPE_CHECKING:
    from rich.console import Console

#: The menu after a result, on the screen: its question, the hint, four choices.
MENU_LINES = 6


def say(line: str) -> None:
    """A line on stderr; wrapped between words on a terminal, which would cut them."""
    if sys.stderr.isatty():
        from ssc_wizard.linebreak import fold

        line = fold(line, terminal.columns())
    typer.echo(line, err=True)


def say_error(message: str) -> None:
    # Messages quote what was typed and what the guide says: shown, never obeyed.
    say(visible(f"ssc-wizard: {message}"))


def done(message: str) -> None:
    """Say where a file went, to a person watching; scripts need no chatter."""
    if sys.stderr.isatty():
        say(visible(f"ssc-wizard: {message}"))


def console() -> Console:
    from rich.console import Console

    if terminal.is_dumb():  # rich would take it to be 80 columns wide: ask the terminal
        size = terminal.size()
        return Console(width=size.columns, height=size.lines)
    drawing = Console()
    # rich's own reading (COLUMNS, else whichever standard stream is a terminal),
    # but never 0 (COLUMNS=0, which rich takes at its word) nor absurdly wide.
    drawing.width = terminal.fit(drawing.width or terminal.columns())
    return drawing


def drawn(draw: Callable[[Console], None]) -> str:
    """What rich draws for this terminal, as text to check before any of it is written."""
    drawing = console()
    with drawing.capture() as captured:
        draw(drawing)
    return captured.get()


def write(text: str, lang: Lang) -> None:
    """All of ``text`` on stdout, or none of it when stdout cannot encode some of it."""
    bad = terminal.unencodable(text, sys.stdout)
    if bad is not None:
        encoding = getattr(sys.stdout, "encoding", "?")
        # Named by its code point: the character itself cannot be shown either.
        character = f"U+{ord(bad):04X}"
        raise WizardError(words.CANNOT_ENCODE(lang, encoding=encoding, character=character))
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a test's StringIO
        sys.stdout.write(text)
        return
    # Python's buffered writer can stop short at a pipe whose reader has gone
    # (``| head -1``) without a word; writing the rest raises BrokenPipeError.
    sys.stdout.flush()
    rest = memoryview(text.encode(sys.stdout.encoding))
    while rest:
        rest = rest[binary.write(rest) :]
    binary.flush()


def show(
    item: Result | OfficeList, fmt: Format, output: Path | None, *, answers: bool = True
) -> None:
    """A result or the office list: on stdout, or written whole to ``output``."""
    lang = item.lang
    if output is not None:
        write_atomically(output, formats.formatter(fmt).render(item, answers=answers))
        written = words.RESULT_WRITTEN if isinstance(item, Result) else words.OFFICES_WRITTEN
        done(written(lang, path=output))
    else:
        write(rendered(item, fmt, answers=answers), lang)


def show_again(result: Result, fmt: Format, plain: bool, *, below: int) -> None:
    """The whole result, from its first line: paged when it and the ``below``
    lines and the menu under it would not fit on the screen together."""
    text = "\n" + rendered(result, fmt, answers=False)
    fits = text.count("\n") + below + MENU_LINES <= terminal.size().lines
    if not (plain or fits):
        from ssc_wizard import pager

        if pager.page(text.lstrip("\n"), sys.stdout.encoding):
            return
    write(text, result.lang)


def text_width() -> int | None:
    """The width to wrap plain text at on stdout: the terminal's; none for a pipe or a file."""
    return terminal.columns() if sys.stdout.isatty() else None


def rendered(item: Result | OfficeList, fmt: Format, *, answers: bool) -> str:
    """A result or the office list as stdout shows it."""
    if fmt is Format.rich:
        from ssc_wizard.formats import rich_format

        return drawn(lambda drawing: rich_format.draw(item, drawing, answers=answers))
    text = formats.formatter(fmt).render(item, answers=answers, width=text_width())
    if fmt is Format.json and terminal.unencodable(text, sys.stdout) is not None:
        from ssc_wizard.formats.json_format import JsonFormat

        text = JsonFormat(ascii_only=True).render(item)  # lossless in any encoding
    return text


def recap(result: Result, fmt: Format) -> str:
    """What the menu after a result stands under: the answers and the result's title."""
    if fmt is Format.rich:
        from ssc_wizard.formats import rich_format

        return drawn(lambda drawing: rich_format.draw_recap(result, drawing))  # a heading first
    return "\n" + formats.formatter(fmt).recap(result, width=terminal.columns())


def choose_format(chosen: Format | None, output: Path | None, plain: bool) -> Format:
    """--format, else by the output file's name, else rich on a terminal (but not in
    plain mode, whose reader hears every box drawn)."""
    return formats.choose(chosen, output, terminal=sys.stdout.isatty() and not plain)
