"""A rich ``Text`` that breaks lines as ``linebreak`` does, for Chinese as for English.

rich breaks lines only at spaces, so a Chinese sentence is one long "word"
that it cuts wherever the width runs out, even before a full stop or after an
opening bracket. This text breaks between Chinese characters, never next to
punctuation that must stay with its neighbour, and at spaces as rich does.
Imported only when rich output is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from ssc_wizard import linebreak

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod


class BreakingText(Text):
    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(
                console,
                width,
                justify=justify,
                overflow=overflow,
                tab_size=tab_size,
                no_wrap=no_wrap,
            )
        # As rich's own wrap, with the break positions from linebreak.
        justify = justify or self.justify or "default"
        overflow = overflow or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            pieces = line.divide(linebreak.break_offsets(line.plain, width))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=justify, overflow=overflow)
            for piece in pieces:
                piece.truncate(width, overflow=overflow)
            lines.extend(pieces)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # The narrowest it can be is its widest unbreakable piece, not its
        # longest run without spaces (a whole Chinese sentence).
        text = self.plain
        widest_line = max((linebreak.cells(line) for line in text.splitlines()), default=0)
        pieces = [linebreak.cells(piece.rstrip()) for piece in linebreak.units(text)]
        return Measurement(max(pieces, default=widest_line), widest_line)
