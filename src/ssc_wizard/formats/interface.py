"""What every output format makes for the front ends: whole strings.

A front end asks ``formats.formatter`` for a format's ``Formatter`` and shows,
or writes, what it returns; it never needs to know which module made it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from ssc_wizard.result import OfficeList, Result


class Formatter(ABC):
    """One output format. Every format but JSON shows the data's texts ``visible``
    (see ``controls``); JSON keeps them as they are, escaped."""

    @abstractmethod
    def result(self, result: Result, *, answers: bool = True, width: int | None = None) -> str:
        """The whole result.

        ``answers=False`` leaves its answers out, for when they are shown
        separately, next to the menu that changes them. ``width``: laid out
        for a terminal that wide; None: for a file or a pipe (plain text not
        wrapped at all, rich on a page of ``rich_format.FILE_WIDTH``).
        """

    @abstractmethod
    def offices(self, listing: OfficeList, *, width: int | None = None) -> str:
        """The office list; ``width`` as for ``result``."""

    @abstractmethod
    def recap(self, result: Result, *, width: int | None = None) -> str:
        """What stands under a result, above the menu after it: the answers, then
        "Your result: <title>", which stays in view however long the result was."""

    def render(
        self, item: Result | OfficeList, *, answers: bool = True, width: int | None = None
    ) -> str:
        """A result or the office list, by its kind, for a front end that shows both."""
        if isinstance(item, Result):
            return self.result(item, answers=answers, width=width)
        return self.offices(item, width=width)
