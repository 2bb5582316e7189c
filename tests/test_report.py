"""What the maintainers' commands print, for guides too big to read in full."""

from __future__ import annotations

import json
import re
import sys

import pytest

from ssc_wizard.model import Guide
from ssc_wizard.paths import count_paths, iter_paths
from ssc_wizard.report import _number, check_report, paths_json, paths_text

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


def test_a_count_longer_than_python_writes_out_is_rounded_in_text_and_exact_in_json() -> None:
    # Python refuses str() of an int past 4,300 digits; a 100,000-node guide has 10,000.
    count = 10**5000 + 7
    assert paths_text([], count, 1000, None).startswith("about 1.0×10^5000 paths, more than")
    digits = json.loads(paths_json([], count, 1000, None), parse_int=str)["count"]
    assert digits == "1" + "0" * 4999 + "7"
    assert sys.get_int_max_str_digits() == 4300  # Python's default, back as it was


@pytest.mark.parametrize(
    ("n", "shown"),
    [
        pytest.param(10**15 - 1, "999999999999999", id="10^15-1"),
        pytest.param(10**15, "about 1.0×10^15", id="10^15"),
        pytest.param(99 * 10**20, "about 9.9×10^21", id="99x10^20"),
        pytest.param(10**4400, "about 1.0×10^4400", id="10^4400"),
        pytest.param(10**4400 - 1, "about 9.9×10^4399", id="10^4400-1"),
        pytest.param(2**64, "about 1.8×10^19", id="2^64"),
    ],
)
def test_rounded_counts_keep_the_first_two_digits_and_the_exponent(n: int, shown: str) -> None:
    assert _number(n) == shown


def test_the_tree_as_plain_lines_is_the_tree_view_without_its_drawing(mini: Guide) -> None:
    from rich.console import Console

    from ssc_wizard.graph import tree
    from ssc_wizard.report import tree_text, tree_view

    text = tree_text(tree(mini))
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(tree_view(tree(mini)))
    drawn = [re.sub("[\u2500-\u257f]", " ", line).strip() for line in captured.get().splitlines()]
    lines = text.splitlines()
    assert [line.strip().removeprefix("- ") for line in lines] == drawn  # same lines, same order
    assert not re.search("[\u2500-\u257f]", text)
    assert lines[0] == drawn[0] and all(line.startswith(("- ", "  ")) for line in lines[1:])
