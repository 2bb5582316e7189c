"""The words every format puts around the data, so that all of them say the same.

An office's place and roles and its labelled details, a law's name, a heading;
and the command that gives the result again, laid out for a width (rich and
text both show it). Strings in, strings out: no format's markup, no escaping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssc_wizard import words
from ssc_wizard.lang import Lang
from ssc_wizard.result import Law, OfficeOption

if TYPE_CHECKING:
    from collections.abc import Sequence


def office_place(office: OfficeOption, lang: Lang) -> str | None:
    """Which one of an office kind to go to, where that depends on the district."""
    if office.district is not None:
        return office.district.name
    if office.local:
        return words.YOUR_DISTRICTS_ONE(lang)
    if office.per_district:
        return words.IN_EACH_DISTRICT(lang)
    return None


def office_heading(office: OfficeOption, lang: Lang) -> str:
    """An office's name, with which one of its kind to go to."""
    place = office_place(office, lang)
    return words.OFFICE_AT(lang, name=office.name, place=place) if place else office.name


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
