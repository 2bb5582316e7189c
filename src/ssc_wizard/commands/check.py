"""``check``: every error and warning of a guide, each at file:line:column."""

from __future__ import annotations

import datetime
from pathlib import Path

from ssc_wizard import screen
from ssc_wizard.controls import visible
from ssc_wizard.errors import DataError
from ssc_wizard.loader import examine_guide
from ssc_wizard.parsing import Examination
from ssc_wizard.paths import count_paths
from ssc_wizard.report import check_report


def run(folder: Path, as_of: datetime.date | None = None) -> int:
    """The report on stdout; the exit status: 0 when the guide is valid, else 1.

    ``as_of``: the day facts' `checked` dates are measured against; by default
    today, on this computer's clock (the one place a clock is read).
    """
    examined = examine_guide(folder, as_of or datetime.date.today())
    screen.write(report(folder, examined), "en")
    return 0 if examined.guide is not None else DataError.exit_code


def report(folder: Path, examined: Examination) -> str:
    """What ``check`` prints of a guide examined (``serve`` says it too, of a broken one)."""
    guide = examined.guide
    paths = count_paths(guide) if guide is not None else 0
    return visible(check_report(str(folder), examined.problems, guide, paths))
