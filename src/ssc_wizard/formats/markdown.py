"""A result or the office list as Markdown: a checklist to print or take along.

Every text from the data is escaped, so a ``*`` or ``[`` in a step shows as
written instead of turning into formatting, on GitHub or in any CommonMark
viewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ssc_wizard import words
from ssc_wizard.controls import visible_in
from ssc_wizard.formats.interface import Formatter
from ssc_wizard.formats.labels import (
    cited_about,
    heading,
    law_name,
    office_details,
    office_place,
    office_roles,
    web_address,
    with_checked,
)
from ssc_wizard.lang import Lang
from ssc_wizard.result import Cited, OfficeList, OfficeOption, Result

#: CommonMark's own, ``$``, which starts GitHub's math, and ``#``, which
#: starts a heading and, at the end of one, closes it.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:([+=-])|(\d+)([.)]))")
#: GitHub links a bare ``https://`` and ``www.`` where they are written plainly.
_URL = re.compile(r"(:(?=//)|(?<=www)\.)", re.IGNORECASE)
#: GitHub links an email address after the text is read, escapes and all, so
#: only something that is not text between address and ``@`` keeps it plain:
#: an empty HTML comment, which every viewer that reads HTML hides.
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@")


class MarkdownFormat(Formatter):
    """Never wrapped: a Markdown viewer wraps it for its own width."""

    def result(self, result: Result, *, answers: bool = True, width: int | None = None) -> str:
        return result_markdown(visible_in(result), answers=answers)

    def offices(self, listing: OfficeList, *, width: int | None = None) -> str:
        return offices_markdown(visible_in(listing))

    def recap(self, result: Result, *, width: int | None = None) -> str:
        """Plain text: it stands on the screen, above the menu, not in the document."""
        from ssc_wizard.formats.text import TextFormat

        return TextFormat().recap(result, width=width)


def escape(text: str) -> str:
    """Text shown as written: no emphasis, links, HTML, math or list started by it."""
    text = " ".join(text.split())  # a line break would end the list item it is in
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _URL.sub(r"\\\1", text)
    text = _EMAIL_AT.sub("<!-- -->@", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def result_markdown(result: Result, *, answers: bool = True) -> str:
    """``answers=False`` leaves out "Your answers", as ``text.to_text`` does."""
    lang = result.lang
    lines = [f"# {escape(result.title)}", "", f"*{escape(result.guide_title)}*", ""]
    lines += [escape(result.summary), ""]
    if answers and result.answers:
        lines += [f"## {words.YOUR_ANSWERS(lang)}", ""]
        lines += [f"- {escape(a.question)} **{escape(a.choice)}**" for a in result.answers]
        lines += [""]
    where = _offices(result.offices, lang, titled=False) or [words.NO_OFFICES(lang)]
    lines += [f"## {words.WHERE_TO_GO(lang)}", "", *where, ""]
    lines += [f"## {words.STEPS(lang)}", ""]
    lines += [f"{i}. {escape(step)}" for i, step in enumerate(result.steps, 1)]
    lines += [""]
    if result.note:
        note = heading(words.NOTE, lang)
        lines += [f"> **{note}** {escape(result.note)}", ""]
    lines += [f"## {words.BRING(lang)}", ""]
    lines += [f"- [ ] {escape(item)}" for item in result.materials] or [words.NO_MATERIALS(lang)]
    if result.legal_basis:
        lines += ["", f"## {words.LEGAL_BASIS(lang)}", ""]
        for law in result.legal_basis:
            name = words.HEADING(lang, title=escape(law_name(law, lang)))
            lines.append(f"- *{name}* {escape(law.text)}")
            if law.why:
                why = heading(words.WHY_IT_MATTERS, lang)
                lines.append(f"  - *{why}* {escape(law.why)}")
    if result.sources:
        lines += ["", f"## {words.SOURCES(lang)}", ""]
        lines += [f"- {_cited(item, lang)}" for item in result.sources]
    lines += ["", *_footer(result.more_help, result.source, lang)]
    lines += ["", heading(words.AGAIN, lang), "", *_code(" ".join(result.replay))]
    return "\n".join(lines) + "\n"


def offices_markdown(listing: OfficeList) -> str:
    lang = listing.lang
    lines = [f"# {words.OFFICES_OF(lang, title=escape(listing.guide_title))}", ""]
    if listing.district is not None:
        lines += [words.FOR_DISTRICT(lang, district=escape(listing.district.name)), ""]
    lines += [*_offices(listing.offices, lang, titled=True), ""]
    lines += _footer(listing.more_help, listing.source, lang)
    return "\n".join(lines) + "\n"


def _offices(offices: Sequence[OfficeOption], lang: Lang, *, titled: bool) -> list[str]:
    lines = []
    for office in offices:
        place = office_place(office, lang)
        name = f"**{escape(office.name)}**"
        if place:
            name = words.OFFICE_AT(lang, name=name, place=escape(place))
        roles = [escape(role) for role in office_roles(office, lang, titled=titled)]
        if titled:  # a role in each outcome, a line each
            lines += [f"- {name}", *(f"  - {role}" for role in roles)]
        else:
            lines.append("- " + words.LABELLED(lang, label=name, value=" ".join(roles)))
        # A result's "Sources" names the office's own; the office list has none.
        details = office_details(office, lang, source=titled)
        lines += [f"  - {escape(detail)}" for detail in details]
    return lines


def _cited(item: Cited, lang: Lang) -> str:
    """A line under "Sources": the fact, then its title, escaped, and its web address as
    an autolink (``<https://...>``, shown as written, printed too), which nothing but a
    ``>``, a space or a control character could end."""
    url = web_address(item.url)
    link = f"<{_destination(url)}>" if url is not None else None
    title = escape(item.title) if item.title else None
    if title and link:
        shown = words.TITLE_AND_URL(lang, title=title, url=link)
    else:
        shown = title or link or escape(words.GUIDES_SOURCE(lang))
    source = with_checked(shown, item, lang)
    return words.CITED(lang, about=escape(cited_about(item, lang)), source=source)


def _destination(url: str) -> str:
    # The guide's check lets none of these through; written as %XX all the same.
    return re.sub(r"[\x00-\x20\x7f<>]", lambda found: f"%{ord(found.group()):02X}", url)


def _footer(more_help: str, source: str, lang: Lang) -> list[str]:
    source_line = words.LABELLED(lang, label=words.SOURCE(lang), value=escape(source))
    return ["---", "", f"**{escape(more_help)}**", "", source_line]


def _code(command: str) -> list[str]:
    # A fence longer than any run of backticks in the command, so none can close it.
    longest = max((len(run) for run in re.findall(r"`+", command)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}sh", command, fence]
