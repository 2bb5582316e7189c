"""``offices``: every kind of office, with what it does in each procedure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ssc_wizard import screen
from ssc_wizard.commands import open_guide
from ssc_wizard.commands.wizard import refuse_guide_files
from ssc_wizard.formats import Format
from ssc_wizard.lang import Lang
from ssc_wizard.result import office_list


def run(
    guide_dir: Path,
    district: str | None,
    fmt: Format | None,
    output: Path | None,
    *,
    lang: str | None,
    plain: bool,
    speak: Callable[[Lang], None],
) -> None:
    guide, chosen = open_guide(guide_dir, lang, speak)
    refuse_guide_files(chosen, guide_dir, output=output)
    listing = office_list(guide, district, chosen)
    screen.show(listing, screen.choose_format(fmt, output, plain), output)
