"""rich output: colour, panels and tables for a terminal, or a page for a file.

Text from the data is always given to rich as ``Text``, never parsed as
markup, and breaks lines as Chinese typesetting allows (``rich_text``). rich
itself is imported only once something is drawn.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ssc_wizard import linebreak, words
from ssc_wizard.controls import visible_in
from ssc_wizard.formats.interface import Formatter
from ssc_wizard.formats.labels import (
    cited,
    heading,
    law_name,
    office_details,
    office_place,
    office_roles,
    shell_lines,
)
from ssc_wizard.lang import Lang
from ssc_wizard.result import Answer, OfficeList, OfficeOption, Result

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

#: rich output written to a file: a common page width, since there is no terminal.
FILE_WIDTH = 80


class RichFormat(Formatter):
    """As strings: drawn without colour, on a page or at ``width``. ``draw`` and
    ``draw_recap`` draw on a terminal's own console instead, in its colours."""

    def result(self, result: Result, *, answers: bool = True, width: int | None = None) -> str:
        return _on_page(lambda console: draw(result, console, answers=answers), width)

    def offices(self, listing: OfficeList, *, width: int | None = None) -> str:
        return _on_page(lambda console: draw(listing, console), width)

    def recap(self, result: Result, *, width: int | None = None) -> str:
        return _on_page(lambda console: draw_recap(result, console), width)


def draw(item: Result | OfficeList, console: Console, *, answers: bool = True) -> None:
    """A result or the office list on ``console``; ``answers`` as in ``Formatter.result``."""
    item = visible_in(item)
    if isinstance(item, Result):
        print_rich(item, console, answers=answers)
    else:
        print_offices_rich(item, console)


def draw_recap(result: Result, console: Console) -> None:
    """``Formatter.recap`` on ``console``."""
    print_recap(visible_in(result), console)


def _on_page(drawing: Callable[[Console], None], width: int | None) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    drawing(Console(file=buffer, width=width or FILE_WIDTH, color_system=None))
    return buffer.getvalue()


def print_answers(answers: Sequence[Answer], lang: Lang, console: Console) -> None:
    from rich.table import Table

    from ssc_wizard.rich_text import BreakingText as Text

    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
    table.add_column(style="dim", overflow="fold")
    table.add_column(overflow="fold")
    for answer in answers:
        table.add_row(Text(answer.question), Text(answer.choice))
    console.print(_heading(words.YOUR_ANSWERS(lang)))
    console.print(table)


def print_recap(result: Result, console: Console) -> None:
    """``Formatter.recap``, its texts already ``visible``."""
    from ssc_wizard.rich_text import BreakingText as Text

    print_answers(result.answers, result.lang, console)
    console.print()
    _print(console, Text(words.YOUR_RESULT(result.lang, title=result.title), style="bold"))


def print_rich(result: Result, console: Console, *, answers: bool = True) -> None:
    """The result, its texts already ``visible``; ``answers`` as in ``Formatter.result``."""
    from rich.panel import Panel

    from ssc_wizard.rich_text import BreakingText as Text

    lang = result.lang
    title = Text(result.title, style="bold")
    # A panel's title is never wrapped, only cut short: where it would not fit
    # in the border, it goes above the panel, whole.
    fits = linebreak.cells(result.title) + 6 <= console.width
    if not fits:
        _print(console, title)
    console.print(
        Panel(
            Text(result.summary),
            title=title if fits else None,
            title_align="left",
            border_style="cyan",
        )
    )

    if answers:
        print_answers(result.answers, lang, console)

    console.print(_heading(words.WHERE_TO_GO(lang)))
    if result.offices:
        console.print(_offices_table(result.offices, lang, titled=False))
    else:
        _print(console, Text(words.NO_OFFICES(lang)))

    console.print(_heading(words.STEPS(lang)))
    console.print(_hanging([f"{i}." for i in range(1, len(result.steps) + 1)], result.steps))
    if result.note:
        console.print()
        console.print(
            Panel(
                Text(result.note),
                title=Text(words.NOTE(lang)),
                title_align="left",
                border_style="yellow",
            )
        )

    console.print(_heading(words.BRING(lang)))
    if result.materials:
        console.print(_hanging([_bullet(console)] * len(result.materials), result.materials))
    else:
        _print(console, Text(words.NO_MATERIALS(lang)))

    if result.legal_basis:
        console.print(_heading(words.LEGAL_BASIS(lang)))
        for law in result.legal_basis:
            name = words.LABELLED(lang, label=law_name(law, lang), value="")
            line = Text(name, style="italic")
            line.append(law.text, style="")
            _print(console, line)
            if law.why:
                why = words.LABELLED(lang, label=words.WHY_IT_MATTERS(lang), value=law.why)
                console.print(_hanging([" "], [why]), style="dim")

    if result.sources:
        console.print(_heading(words.SOURCES(lang)))
        lines = [cited(item, lang) for item in result.sources]
        console.print(_hanging([_bullet(console)] * len(lines), lines))

    console.print()
    _print(console, Text(result.more_help, style="bold yellow"))
    source = words.LABELLED(lang, label=words.SOURCE(lang), value=result.source)
    _print(console, Text(source, style="dim"))
    console.print(Text(heading(words.AGAIN, lang), style="dim"))
    console.print(Text(shell_lines(result.replay, console.width)), soft_wrap=True)


def print_offices_rich(listing: OfficeList, console: Console) -> None:
    from ssc_wizard.rich_text import BreakingText as Text

    lang = listing.lang
    title = Text(words.OFFICES_OF(lang, title=listing.guide_title), style="bold")
    if listing.district is not None:
        title.append("\n" + words.FOR_DISTRICT(lang, district=listing.district.name), style="green")
    _print(console, title)
    console.print(_offices_table(listing.offices, lang, titled=True, bullet=_bullet(console)))
    _print(console, Text(listing.more_help, style="bold yellow"))
    source = words.LABELLED(lang, label=words.SOURCE(lang), value=listing.source)
    _print(console, Text(source, style="dim"))


def _print(console: Console, text: Text) -> None:
    """Print a text on its own line, breaking its lines as ``BreakingText`` does.

    ``console.print`` would first merge it into a plain rich ``Text``.
    """
    from rich.console import Group

    console.print(Group(text))


def _offices_table(
    offices: Sequence[OfficeOption], lang: Lang, *, titled: bool, bullet: str = "•"
) -> Table:
    """Each office beside its role; ``titled``: beside its roles, a ``bullet`` each."""
    from rich import box
    from rich.table import Table

    from ssc_wizard.rich_text import BreakingText as Text

    table = Table(box=box.SIMPLE_HEAD, leading=1)
    # Every cell is a Text: a plain string would be read as markup, and its
    # :codes: as emoji (a table of thousands, loaded for the purpose).
    table.add_column(Text(words.OFFICE(lang)), style="bold", overflow="fold", ratio=2)
    table.add_column(Text(words.ROLE(lang)), overflow="fold", ratio=3)
    for office in offices:
        name = Text(office.name)
        place = office_place(office, lang)
        if place:
            name.append(f"\n{place}", style="green" if office.district else "dim")
        # A result's "Sources" names the office's own; the office list has none.
        for detail in office_details(office, lang, source=titled):
            name.append(f"\n{detail}", style="dim")
        roles = office_roles(office, lang, titled=titled)
        table.add_row(name, _hanging([bullet] * len(roles), roles) if titled else Text(*roles))
    return table


def _bullet(console: Console) -> str:
    return "-" if console.options.ascii_only else "•"


def _heading(text: str) -> Text:
    from ssc_wizard.rich_text import BreakingText as Text

    return Text(f"\n{text}", style="bold")


def _hanging(markers: Sequence[str], items: Sequence[str]) -> Table:
    """A list whose wrapped lines stay indented under the text, not the marker."""
    from rich.table import Table

    from ssc_wizard.rich_text import BreakingText as Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for marker, item in zip(markers, items, strict=True):
        grid.add_row(Text(marker), Text(item))
    return grid
