"""What the maintainers' commands print, for guides too big to read in full."""

from __future__ import annotations

from ssc_wizard.paths import count_paths, iter_paths
from ssc_wizard.report import check_report, paths_text

from generated import build, diamonds


def test_huge_path_counts_are_rounded_and_no_limit_is_suggested() -> None:
    guide = build(diamonds(200), start="q0")
    count = count_paths(guide)
    assert count == 2**201  # 61 digits: 3.2 x 10^60
    listing = paths_text(iter_paths(guide), count, 1000, None)
    assert listing == (
        "about 3.2×10^60 paths, more than --limit 1000: not listed. "
        "Draw the tree with ssc-wizard graph.\n"
    )
    summary = check_report("big", [], guide, count)
    assert "2 districts, about 3.2×10^60 paths); 0 errors, 0 warnings." in summary


def test_counts_a_person_can_read_stay_exact() -> None:
    guide = build(diamonds(40), start="q0")
    count = count_paths(guide)
    assert paths_text(iter_paths(guide), count, 10, None) == (
        f"{2**41} paths, more than --limit 10: not listed. Draw the tree with ssc-wizard graph.\n"
    )
    small = build(diamonds(3), start="q0")
    assert paths_text(iter_paths(small), 16, 10, None).startswith(
        "16 paths, more than --limit 10: not listed. Give --limit 16 to list them, or draw"
    )
