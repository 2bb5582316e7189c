"""A result or the office list as Markdown: a checklist to print or take along.

Every text from the data is escaped, so a ``*`` or ``[`` in a step shows as
written instead of turning into formatting, on GitHub or in any CommonMark
viewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ssc_wizard.render import office_details, office_place
from ssc_wizard.result import OfficeList, OfficeOption, Result

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:([#+=-])|(\d+)([.)]))")


def escape(text: str) -> str:
    """Text shown as written: no emphasis, links, HTML or list started by it."""
    text = " ".join(text.split())  # a line break would end the list item it is in
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def result_markdown(result: Result, *, answers: bool = True) -> str:
    """``answers=False`` leaves out "Your answers", as ``render.to_text`` does."""
    lines = [f"# {escape(result.title)}", "", f"*{escape(result.guide_title)}*", ""]
    lines += [escape(result.summary), ""]
    if answers and result.answers:
        lines += ["## Your answers", ""]
        lines += [f"- {escape(a.question)} **{escape(a.choice)}**" for a in result.answers]
        lines += [""]
    lines += ["## Where to go", "", *_offices(result.offices), ""]
    lines += ["## Steps", ""]
    lines += [f"{i}. {escape(step)}" for i, step in enumerate(result.steps, 1)]
    lines += [""]
    if result.note:
        lines += [f"> **Note:** {escape(result.note)}", ""]
    lines += ["## Bring with you", ""]
    lines += [f"- [ ] {escape(item)}" for item in result.materials]
    if result.legal_basis:
        lines += ["", "## Legal basis", ""]
        lines += [
            f"- *{escape(law.law)}, {escape(law.article)}:* {escape(law.text)}"
            for law in result.legal_basis
        ]
    lines += ["", *_footer(result.more_help, result.source)]
    lines += ["", "To get this result again without questions:", "", *_code(result.command)]
    return "\n".join(lines) + "\n"


def offices_markdown(listing: OfficeList) -> str:
    lines = [f"# Offices: {escape(listing.guide_title)}", ""]
    if listing.district is not None:
        lines += [f"For {escape(listing.district.label)}.", ""]
    lines += [*_offices(listing.offices), "", *_footer(listing.more_help, listing.source)]
    return "\n".join(lines) + "\n"


def _offices(offices: Sequence[OfficeOption]) -> list[str]:
    lines = []
    for office in offices:
        place = office_place(office)
        where = f", {escape(place)}" if place else ""
        lines.append(f"- **{escape(office.name)}**{where}: {escape(office.handles)}")
        lines += [f"  - {escape(detail)}" for detail in office_details(office)]
    return lines


def _footer(more_help: str, source: str) -> list[str]:
    return ["---", "", f"**{escape(more_help)}**", "", f"Source: {escape(source)}"]


def _code(command: str) -> list[str]:
    # A fence longer than any run of backticks in the command, so none can close it.
    longest = max((len(run) for run in re.findall(r"`+", command)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}sh", command, fence]
