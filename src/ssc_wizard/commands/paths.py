"""``paths``: every path from the first question to an outcome, as a replay command."""

from __future__ import annotations

from pathlib import Path

from ssc_wizard import screen
from ssc_wizard.commands import PathsFormat
from ssc_wizard.controls import json_escaped, visible
from ssc_wizard.loader import load_guide
from ssc_wizard.paths import count_paths, iter_paths
from ssc_wizard.report import paths_json, paths_text


def run(guide_dir: Path, fmt: PathsFormat, limit: int, shown_dir: str | None) -> None:
    """Counted first (quickly, however many there are), listed only up to ``limit``."""
    guide = load_guide(guide_dir)
    count = count_paths(guide)
    if fmt is PathsFormat.json:
        screen.write(json_escaped(paths_json(iter_paths(guide), count, limit, shown_dir)), "en")
    else:
        screen.write(visible(paths_text(iter_paths(guide), count, limit, shown_dir)), "en")
