"""A result or the office list as rich terminal output, plain text or JSON.

Rendering returns strings or prints to the console it is handed; text from the
data is always given to rich as ``Text``, never parsed as markup.
"""

from __future__ import annotations

import json
import shlex
from typing import TYPE_CHECKING

from ssc_wizard.result import Answer, OfficeList, OfficeOption, Result

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


def office_place(office: OfficeOption) -> str | None:
    """Which one of an office kind to go to, where that depends on the district."""
    if office.district is not None:
        return office.district.label
    if office.per_district:
        return "the one for your district"
    return None


def office_details(office: OfficeOption) -> list[str]:
    return [
        f"{label}: {value}"
        for label, value in (
            ("Address", office.address),
            ("Hours", office.hours),
            ("Phone", office.phone),
            ("Source", office.source),
        )
        if value
    ]


def to_json(item: Result | OfficeList) -> str:
    return json.dumps(item.to_json(), ensure_ascii=False, indent=2)


def answers_text(answers: Sequence[Answer]) -> str:
    return "Your answers:\n" + "".join(f"- {a.question} {a.choice}\n" for a in answers)


def to_text(result: Result, *, answers: bool = True) -> str:
    """Plain text: no escape codes, no hard wrapping, one item a line.

    ``answers=False`` leaves out "Your answers", for when they are shown
    separately, next to the menu that changes them.
    """
    lines = [result.title, "", result.summary, ""]
    if answers:
        lines += [answers_text(result.answers)]
    lines += ["Where to go:", *_office_lines(result.offices), "", "Steps:"]
    lines += [f"{i}. {step}" for i, step in enumerate(result.steps, 1)]
    if result.note:
        lines += ["", f"Note: {result.note}"]
    lines += ["", "Bring with you:"]
    lines += [f"- {item}" for item in result.materials]
    lines += ["", "Legal basis:"]
    lines += [f"- {law.law}, {law.article}: {law.text}" for law in result.legal_basis]
    lines += [
        "",
        result.more_help,
        f"Source: {result.source}",
        "",
        f"To get this result again without questions: {result.command}",
    ]
    return "\n".join(lines) + "\n"


def print_answers(answers: Sequence[Answer], console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
    table.add_column(style="dim", overflow="fold")
    table.add_column(overflow="fold")
    for answer in answers:
        table.add_row(Text(answer.question), Text(answer.choice))
    console.print(_heading("Your answers"))
    console.print(table)


def print_rich(result: Result, console: Console, *, answers: bool = True) -> None:
    """The result for a terminal; ``answers`` as in ``to_text``."""
    from rich.panel import Panel
    from rich.text import Text

    console.print(
        Panel(
            Text(result.summary),
            title=Text(result.title, style="bold"),
            title_align="left",
            border_style="cyan",
        )
    )

    if answers:
        print_answers(result.answers, console)

    console.print(_heading("Where to go"))
    console.print(_offices_table(result.offices))

    console.print(_heading("Steps"))
    console.print(_hanging([f"{i}." for i in range(1, len(result.steps) + 1)], result.steps))
    if result.note:
        console.print()
        console.print(
            Panel(Text(result.note), title="Note", title_align="left", border_style="yellow")
        )

    console.print(_heading("Bring with you"))
    console.print(_hanging(["•"] * len(result.materials), result.materials))

    console.print(_heading("Legal basis"))
    for law in result.legal_basis:
        line = Text(f"{law.law}, {law.article}: ", style="italic")
        line.append(law.text, style="")
        console.print(line)

    console.print()
    console.print(Text(result.more_help, style="bold yellow"))
    console.print(Text(f"Source: {result.source}", style="dim"))
    console.print(Text("To get this result again without questions:", style="dim"))
    console.print(Text(shell_lines(result.command, console.width)), soft_wrap=True)


def offices_text(listing: OfficeList) -> str:
    lines = [f"Offices: {listing.guide_title}", ""]
    if listing.district is not None:
        lines += [f"For {listing.district.label}.", ""]
    lines += [*_office_lines(listing.offices), "", listing.more_help, f"Source: {listing.source}"]
    return "\n".join(lines) + "\n"


def print_offices_rich(listing: OfficeList, console: Console) -> None:
    from rich.text import Text

    title = Text(f"Offices: {listing.guide_title}", style="bold")
    if listing.district is not None:
        title.append(f"\nFor {listing.district.label}", style="green")
    console.print(title)
    console.print(_offices_table(listing.offices))
    console.print(Text(listing.more_help, style="bold yellow"))
    console.print(Text(f"Source: {listing.source}", style="dim"))


def _office_lines(offices: Sequence[OfficeOption]) -> list[str]:
    lines = []
    for office in offices:
        place = office_place(office)
        lines.append(f"- {office.name}" + (f", {place}" if place else "") + f": {office.handles}")
        lines += [f"  {detail}" for detail in office_details(office)]
    return lines


def _offices_table(offices: Sequence[OfficeOption]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, leading=1)
    table.add_column("Office", style="bold", overflow="fold", ratio=2)
    table.add_column("What it handles", overflow="fold", ratio=3)
    for office in offices:
        name = Text(office.name)
        place = office_place(office)
        if place:
            name.append(f"\n{place}", style="green" if office.district else "dim")
        for detail in office_details(office):
            name.append(f"\n{detail}", style="dim")
        table.add_row(name, Text(office.handles))
    return table


def shell_lines(command: str, width: int) -> str:
    """The command, broken between arguments with a backslash where it is too wide.

    A terminal would fold it in mid-word; these lines still paste into a shell
    as one command. An option stays on the line of its value.
    """
    if len(command) <= width:
        return command
    args = shlex.split(command)
    groups: list[str] = []
    for arg in args:
        quoted = shlex.quote(arg)
        if groups and groups[-1].startswith("-") and " " not in groups[-1]:
            groups[-1] += " " + quoted
        else:
            groups.append(quoted)
    lines = [groups[0]]
    for group in groups[1:]:
        if len(lines[-1]) + 1 + len(group) + 2 <= width:
            lines[-1] += " " + group
        else:
            lines.append("  " + group)
    return " \\\n".join(lines)


def _heading(text: str) -> Text:
    from rich.text import Text

    return Text(f"\n{text}", style="bold")


def _hanging(markers: Sequence[str], items: Sequence[str]) -> Table:
    """A list whose wrapped lines stay indented under the text, not the marker."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for marker, item in zip(markers, items, strict=True):
        grid.add_row(marker, Text(item))
    return grid
