"""The words every format puts around the data, so that all of them say the same.

An office's place and roles and its labelled details, a law's name, a heading;
and the command that gives the result again, laid out for a width (rich and
text both show it). Strings in, strings out: no format's markup, no escaping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssc_wizard import words
from ssc_wizard.lang import Lang
from ssc_wizard.result import Cited, Law, OfficeOption

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


def office_details(office: OfficeOption, lang: Lang, *, source: bool = True) -> list[str]:
    """An office's address, hours and phone, and the page that gives them; ``source=False``
    leaves that out, for a result, whose "Sources" says it (``cited``)."""
    given = [
        (words.ADDRESS, office.address),
        (words.HOURS, office.hours),
        (words.PHONE, office.phone),
    ]
    if source:
        given.append((words.SOURCE, _title_and_url(office.source_title, office.source, lang)))
    return [words.LABELLED(lang, label=label(lang), value=value) for label, value in given if value]


def cited_about(cited: Cited, lang: Lang) -> str:
    """What a fact under "Sources" is: "This procedure", "Step 2", an office's name, a law."""
    if cited.about == "outcome":
        return words.THIS_PROCEDURE(lang)
    if cited.about == "step":
        return words.STEP_NUMBER(lang, number=cited.ref)
    if cited.about == "material":
        return words.MATERIAL_ITEM(lang, item=cited.name)
    if cited.about == "law":
        return words.LAW_ARTICLE(lang, law=cited.name, article=cited.article)
    return cited.name or str(cited.ref)


def cited_source(cited: Cited, lang: Lang) -> str:
    """A fact's source: its title and web address, and the day it was last checked."""
    source = _title_and_url(cited.title, cited.url, lang) or words.GUIDES_SOURCE(lang)
    return with_checked(source, cited, lang)


def with_checked(source: str, cited: Cited, lang: Lang) -> str:
    """``source``, then the day the fact was last checked against it, where it is dated."""
    if cited.checked is None:
        return source
    return words.WITH_CHECKED(lang, source=source, checked=words.CHECKED(lang, date=cited.checked))


def cited(item: Cited, lang: Lang) -> str:
    """A line under "Sources": the fact, then its source."""
    return words.CITED(lang, about=cited_about(item, lang), source=cited_source(item, lang))


def _title_and_url(title: str | None, url: str | None, lang: Lang) -> str | None:
    if title and url:
        return words.TITLE_AND_URL(lang, title=title, url=url)
    return title or url


def web_address(url: str | None) -> str | None:
    """A source's address where it may be a link: http or https only (the guide's
    check refuses any other, and a link is never made of one all the same)."""
    if url is None or url.split("://", 1)[0].lower() not in ("http", "https"):
        return None
    return url


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
