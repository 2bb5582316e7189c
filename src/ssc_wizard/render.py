"""A result or the office list as rich terminal output or plain text.

Rendering returns strings or prints to the console it is handed; text from the
data is always given to rich as ``Text``, never parsed as markup, and breaks
lines as Chinese typesetting allows (``rich_text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssc_wizard import linebreak, words
from ssc_wizard.lang import Lang
from ssc_wizard.result import Answer, Law, OfficeList, OfficeOption, Result

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


def office_place(office: OfficeOption, lang: Lang) -> str | None:
    """Which one of an office kind to go to, where that depends on the district."""
    if office.district is not None:
        return office.district.name
    if office.local:
        return words.YOUR_DISTRICTS_ONE(lang)
    if office.per_district:
        return words.IN_EACH_DISTRICT(lang)
    return None


def office_roles(office: OfficeOption, lang: Lang, *, titled: bool) -> list[str]:
    """What an office does: in a result, its role there; ``titled``, in the office
    list, its role in each outcome, after the outcome's title."""
    if not titled:
        return [role.text for role in office.roles]
    return [words.ROLE_IN(lang, outcome=role.outcome, role=role.text) for role in office.roles]


def office_details(office: OfficeOption, lang: Lang) -> list[str]:
    return [
        words.LABELLED(lang, label=label(lang), value=value)
        for label, value in (
            (words.ADDRESS, office.address),
            (words.HOURS, office.hours),
            (words.PHONE, office.phone),
            (words.SOURCE, office.source),
        )
        if value
    ]


def law_name(law: Law, lang: Lang) -> str:
    """A law cited, by its name and article, and whether its text is a translation."""
    name = words.LAW_ARTICLE(lang, law=law.law, article=law.article)
    return words.TRANSLATED(lang, name=name) if law.translation else name


def heading(text: words.Tr, lang: Lang) -> str:
    """A heading in plain text: "Steps:", "办理流程："."""
    return words.HEADING(lang, title=text(lang))


def answers_text(answers: Sequence[Answer], lang: Lang) -> str:
    lines = [heading(words.YOUR_ANSWERS, lang), *(f"- {a.question} {a.choice}" for a in answers)]
    return "\n".join(lines) + "\n"


def recap_text(result: Result, width: int | None = None) -> str:
    """Under a result, above the menu that follows it: the answers, then the
    result's title, which stays in view however long the result was."""
    lang = result.lang
    text = answers_text(result.answers, lang) + "\n" + words.YOUR_RESULT(lang, title=result.title)
    return linebreak.fold(text, width) + "\n"


def to_text(result: Result, *, answers: bool = True, width: int | None = None) -> str:
    """Plain text: no escape codes, one item a line; word-wrapped to ``width``
    when given (for a terminal), else not wrapped at all.

    ``answers=False`` leaves out "Your answers", for when they are shown
    separately, next to the menu that changes them.
    """
    lang = result.lang
    lines = [result.title, "", result.summary, ""]
    if answers:
        lines += [answers_text(result.answers, lang)]
    lines += [heading(words.WHERE_TO_GO, lang)]
    lines += _office_lines(result.offices, lang, titled=False) or [words.NO_OFFICES(lang)]
    lines += ["", heading(words.STEPS, lang)]
    lines += [f"{i}. {step}" for i, step in enumerate(result.steps, 1)]
    if result.note:
        lines += ["", words.LABELLED(lang, label=words.NOTE(lang), value=result.note)]
    lines += ["", heading(words.BRING, lang)]
    lines += [f"- {item}" for item in result.materials] or [words.NO_MATERIALS(lang)]
    if result.legal_basis:
        lines += ["", heading(words.LEGAL_BASIS, lang)]
        for law in result.legal_basis:
            lines.append("- " + words.LABELLED(lang, label=law_name(law, lang), value=law.text))
            if law.why:
                why = words.LABELLED(lang, label=words.WHY_IT_MATTERS(lang), value=law.why)
                lines.append(f"  {why}")
    lines += [
        "",
        result.more_help,
        words.LABELLED(lang, label=words.SOURCE(lang), value=result.source),
        "",
    ]
    text = linebreak.fold("\n".join(lines), width) + "\n"
    if width is None:
        again = words.LABELLED(lang, label=words.AGAIN(lang), value=" ".join(result.replay))
        return f"{text}{again}\n"
    # Broken between its words with backslashes, it still pastes as one command.
    again = linebreak.fold(heading(words.AGAIN, lang), width)
    return f"{text}{again}\n{shell_lines(result.replay, width)}\n"


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
    """``recap_text``, for a terminal."""
    from ssc_wizard.rich_text import BreakingText as Text

    print_answers(result.answers, result.lang, console)
    console.print()
    _print(console, Text(words.YOUR_RESULT(result.lang, title=result.title), style="bold"))


def print_rich(result: Result, console: Console, *, answers: bool = True) -> None:
    """The result for a terminal; ``answers`` as in ``to_text``."""
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
                Text(result.note), title=words.NOTE(lang), title_align="left", border_style="yellow"
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

    console.print()
    _print(console, Text(result.more_help, style="bold yellow"))
    source = words.LABELLED(lang, label=words.SOURCE(lang), value=result.source)
    _print(console, Text(source, style="dim"))
    console.print(Text(heading(words.AGAIN, lang), style="dim"))
    console.print(Text(shell_lines(result.replay, console.width)), soft_wrap=True)


def offices_text(listing: OfficeList, width: int | None = None) -> str:
    lang = listing.lang
    lines = [words.OFFICES_OF(lang, title=listing.guide_title), ""]
    if listing.district is not None:
        lines += [words.FOR_DISTRICT(lang, district=listing.district.name), ""]
    lines += [*_office_lines(listing.offices, lang, titled=True), "", listing.more_help]
    lines += [words.LABELLED(lang, label=words.SOURCE(lang), value=listing.source)]
    return linebreak.fold("\n".join(lines), width) + "\n"


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


def office_heading(office: OfficeOption, lang: Lang) -> str:
    """An office's name, with which one of its kind to go to."""
    place = office_place(office, lang)
    return words.OFFICE_AT(lang, name=office.name, place=place) if place else office.name


def _office_lines(offices: Sequence[OfficeOption], lang: Lang, *, titled: bool) -> list[str]:
    lines = []
    for office in offices:
        name, roles = office_heading(office, lang), office_roles(office, lang, titled=titled)
        if titled:  # a role in each outcome, a line each
            lines += [f"- {name}", *(f"  {role}" for role in roles)]
        else:
            lines.append("- " + words.LABELLED(lang, label=name, value=" ".join(roles)))
        lines += [f"  {detail}" for detail in office_details(office, lang)]
    return lines


def _offices_table(
    offices: Sequence[OfficeOption], lang: Lang, *, titled: bool, bullet: str = "•"
) -> Table:
    """Each office beside its role; ``titled``: beside its roles, a ``bullet`` each."""
    from rich import box
    from rich.table import Table

    from ssc_wizard.rich_text import BreakingText as Text

    table = Table(box=box.SIMPLE_HEAD, leading=1)
    table.add_column(words.OFFICE(lang), style="bold", overflow="fold", ratio=2)
    table.add_column(words.ROLE(lang), overflow="fold", ratio=3)
    for office in offices:
        name = Text(office.name)
        place = office_place(office, lang)
        if place:
            name.append(f"\n{place}", style="green" if office.district else "dim")
        for detail in office_details(office, lang):
            name.append(f"\n{detail}", style="dim")
        roles = office_roles(office, lang, titled=titled)
        table.add_row(name, _hanging([bullet] * len(roles), roles) if titled else Text(*roles))
    return table


def shell_lines(shown: Sequence[str], width: int) -> str:
    """A command's quoted words, broken between them with a backslash where too wide.

    A terminal would fold it in mid-word; these lines still paste into a shell
    as one command. An option stays on the line of its value, unless the two
    are too wide for a line of their own.
    """
    command = " ".join(shown)
    if len(command) <= width:
        return command
    groups: list[str] = []
    for quoted in shown:
        if groups and groups[-1].startswith("-") and " " not in groups[-1]:
            groups[-1] += " " + quoted
        else:
            groups.append(quoted)
    lines = [groups[0]]
    for group in groups[1:]:
        if len(lines[-1]) + 1 + len(group) + 2 <= width:
            lines[-1] += " " + group
        elif len(group) + 4 > width and group.startswith("-"):
            lines.extend("  " + part for part in group.split(" ", 1))
        else:
            lines.append("  " + group)
    return " \\\n".join(lines)


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
        grid.add_row(marker, Text(item))
    return grid
