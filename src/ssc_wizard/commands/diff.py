"""``diff``: the paths whose results differ between two versions of a guide."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ssc_wizard import screen, terminal
from ssc_wizard.commands import PathsFormat
from ssc_wizard.controls import json_escaped, visible
from ssc_wizard.lang import Lang
from ssc_wizard.loader import load_guide

#: The exit statuses, as GNU diff's: 2 (trouble) is the error boundary's.
SAME, DIFFERENT = 0, 1


def run(
    old_dir: Path,
    new_dir: Path,
    fmt: PathsFormat,
    limit: int,
    *,
    lang: str | None,
    speak: Callable[[Lang], None],
) -> int:
    """Counted first (quickly, however many paths there are), listed up to ``limit``."""
    from ssc_wizard.diff_report import diff_json, diff_text
    from ssc_wizard.guide_diff import GuideDiff
    from ssc_wizard.lang_choice import choose

    old, new = load_guide(old_dir), load_guide(new_dir)
    chosen = choose(lang)
    speak(chosen)
    diff = GuideDiff(old, new)
    if fmt is PathsFormat.json:
        screen.write(json_escaped(diff_json(diff, limit, str(old_dir), str(new_dir))), chosen)
    else:
        width = terminal.columns() if sys.stdout.isatty() else None
        screen.write(visible(diff_text(diff, limit, chosen, width)), chosen)
    return SAME if diff.same else DIFFERENT
