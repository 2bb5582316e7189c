"""The output formats, and which renderer makes each one.

The one place that maps ``--format`` to ``render`` and ``markdown``, for a
result and for the office list alike. Renderers are imported when used, so a
JSON run never loads rich. Every format but JSON is made of ``visible`` texts;
the JSON keeps them as they are, escaped (see ``controls``).
"""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ssc_wizard.controls import json_escaped, visible_in
from ssc_wizard.result import OfficeList, Result

if TYPE_CHECKING:
    from rich.console import Console

#: rich output written to a file: a common page width, since there is no terminal.
FILE_WIDTH = 80


class Format(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"
    markdown = "markdown"


_BY_SUFFIX = {".json": Format.json, ".md": Format.markdown, ".markdown": Format.markdown}


def choose(chosen: Format | None, output: Path | None, *, terminal: bool) -> Format:
    """``--format`` if given; else after the output file's name; else by where stdout goes."""
    if chosen is not None:
        return chosen
    if output is not None:
        return _BY_SUFFIX.get(output.suffix.lower(), Format.text)
    return Format.rich if terminal else Format.text


def as_text(
    item: Result | OfficeList, fmt: Format, *, answers: bool = True, width: int | None = None
) -> str:
    """The whole output as one string (rich: laid out for a file, without colour).

    ``answers=False`` leaves a result's answers out, for when they are shown
    separately next to the menu that changes them. ``width``: plain text
    word-wrapped for a terminal that wide.
    """
    if fmt is Format.json:
        return as_json(item)
    if fmt is Format.rich:
        from rich.console import Console

        buffer = io.StringIO()
        console = Console(file=buffer, width=FILE_WIDTH, color_system=None)
        print_rich(item, console, answers=answers)
        return buffer.getvalue()
    item = visible_in(item)
    if fmt is Format.markdown:
        from ssc_wizard import markdown

        if isinstance(item, Result):
            return markdown.result_markdown(item, answers=answers)
        return markdown.offices_markdown(item)
    from ssc_wizard import render

    if isinstance(item, Result):
        return render.to_text(item, answers=answers, width=width)
    return render.offices_text(item, width)


def as_json(item: Result | OfficeList, *, ascii_only: bool = False) -> str:
    """JSON; ``ascii_only`` escapes every other character, for an output that cannot show it."""
    import json

    return json_escaped(json.dumps(item.to_json(), ensure_ascii=ascii_only, indent=2)) + "\n"


def print_rich(item: Result | OfficeList, console: Console, *, answers: bool = True) -> None:
    from ssc_wizard import render

    item = visible_in(item)
    if isinstance(item, Result):
        render.print_rich(item, console, answers=answers)
    else:
        render.print_offices_rich(item, console)
