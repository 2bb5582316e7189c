"""Plain text: no escape codes, one item a line, for a pipe, a file or plain mode.

Not wrapped at all, unless for a terminal, where each item's wrapped lines
stay indented under its text (``linebreak``). Also the recap above the menu
after a result in every format but rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssc_wizard import linebreak, words
from ssc_wizard.controls import visible_in
from ssc_wizard.formats.interface import Formatter
from ssc_wizard.formats.labels import (
    cited,
    heading,
    law_name,
    office_details,
    office_heading,
    office_roles,
    shell_lines,
)
from ssc_wizard.lang import Lang
from ssc_wizard.result import Answer, OfficeList, OfficeOption, Result

if TYPE_CHECKING:
    from collections.abc import Sequence


class TextFormat(Formatter):
    def result(self, result: Result, *, answers: bool = True, width: int | None = None) -> str:
        return to_text(visible_in(result), answers=answers, width=width)

    def offices(self, listing: OfficeList, *, width: int | None = None) -> str:
        return offices_text(visible_in(listing), width)

    def recap(self, result: Result, *, width: int | None = None) -> str:
        return recap_text(visible_in(result), width)


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
    if result.sources:
        lines += ["", heading(words.SOURCES, lang)]
        lines += [f"- {cited(item, lang)}" for item in result.sources]
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


def offices_text(listing: OfficeList, width: int | None = None) -> str:
    lang = listing.lang
    lines = [words.OFFICES_OF(lang, title=listing.guide_title), ""]
    if listing.district is not None:
        lines += [words.FOR_DISTRICT(lang, district=listing.district.name), ""]
    lines += [*_office_lines(listing.offices, lang, titled=True), "", listing.more_help]
    lines += [words.LABELLED(lang, label=words.SOURCE(lang), value=listing.source)]
    return linebreak.fold("\n".join(lines), width) + "\n"


def _office_lines(offices: Sequence[OfficeOption], lang: Lang, *, titled: bool) -> list[str]:
    lines = []
    for office in offices:
        name, roles = office_heading(office, lang), office_roles(office, lang, titled=titled)
        if titled:  # a role in each outcome, a line each
            lines += [f"- {name}", *(f"  {role}" for role in roles)]
        else:
            lines.append("- " + words.LABELLED(lang, label=name, value=" ".join(roles)))
        # A result's "Sources" names the office's own; the office list has none.
        lines += [f"  {detail}" for detail in office_details(office, lang, source=titled)]
    return lines
