"""JSON: the data itself, for a script.

Texts are kept as they are, not made ``visible``: ``json_escaped`` makes the
encoder's output as harmless without changing the data (see ``controls``).
"""

from __future__ import annotations

from ssc_wizard.controls import json_escaped
from ssc_wizard.formats.interface import Formatter
from ssc_wizard.result import OfficeList, Result


class JsonFormat(Formatter):
    """One object, never wrapped; ``ascii_only`` escapes every other character,
    for an output that cannot show it."""

    def __init__(self, *, ascii_only: bool = False) -> None:
        self.ascii_only = ascii_only

    def result(self, result: Result, *, answers: bool = True, width: int | None = None) -> str:
        """With the answers always: they are part of the data."""
        return as_json(result, ascii_only=self.ascii_only)

    def offices(self, listing: OfficeList, *, width: int | None = None) -> str:
        return as_json(listing, ascii_only=self.ascii_only)

    def recap(self, result: Result, *, width: int | None = None) -> str:
        """Plain text: it stands on the screen, above the menu, not in the data."""
        from ssc_wizard.formats.text import TextFormat

        return TextFormat().recap(result, width=width)


def as_json(item: Result | OfficeList, *, ascii_only: bool = False) -> str:
    """JSON; ``ascii_only`` as for ``JsonFormat``."""
    import json

    return json_escaped(json.dumps(item.to_json(), ensure_ascii=ascii_only, indent=2)) + "\n"
