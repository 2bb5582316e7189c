"""The output formats: which one a run gets, and the formatter that makes each.

Each format is a module with a ``Formatter`` (``interface``), imported only
when its format is used, so a JSON run never loads rich nor the text
renderer. What they all write around the data is in ``labels``. Two modules
are named ``rich_format`` and ``json_format`` so as not to be taken for the
libraries of those names.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from ssc_wizard.formats.interface import Formatter


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


def formatter(fmt: Format) -> Formatter:
    """The formatter of ``fmt``, its module imported now."""
    return _REGISTRY[fmt]()


def _rich() -> Formatter:
    from ssc_wizard.formats.rich_format import RichFormat

    return RichFormat()


def _text() -> Formatter:
    from ssc_wizard.formats.text import TextFormat

    return TextFormat()


def _json() -> Formatter:
    from ssc_wizard.formats.json_format import JsonFormat

    return JsonFormat()


def _markdown() -> Formatter:
    from ssc_wizard.formats.markdown import MarkdownFormat

    return MarkdownFormat()


_REGISTRY: dict[Format, Callable[[], Formatter]] = {
    Format.rich: _rich,
    Format.text: _text,
    Format.json: _json,
    Format.markdown: _markdown,
}
