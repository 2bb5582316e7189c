"""What diff prints for people: the counts, then the lists in the same order, wrapped."""

from __future__ import annotations

from ssc_wizard.diff_report import diff_text
from ssc_wizard.guide_diff import GuideDiff
from ssc_wizard.linebreak import cells
from ssc_wizard.parsing import parse_guide

from conftest import MINI

SCENARIOS = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
OFFICES = (MINI / "offices.yaml").read_text(encoding="utf-8")
BLUE = "      blue:\n        label: {en: Blue, zh: 蓝色}\n        outcome: stop\n"


def _both_ways() -> GuideDiff:
    """A choice removed (red) and another added (blue): a path disappears, one appears."""
    start = SCENARIOS.index("      red:")
    end = SCENARIOS.index("      green:")
    new = SCENARIOS[:start] + BLUE + SCENARIOS[end:]
    return GuideDiff(parse_guide(SCENARIOS, OFFICES), parse_guide(new, OFFICES))


def test_the_lists_follow_the_order_of_the_counts() -> None:
    for lang, appear, disappear in [("en", "appears", "disappears"), ("zh", "新出现", "消失")]:
        lines = diff_text(_both_ways(), 1000, lang).splitlines()
        headings = [line for line in lines[1:] if line.endswith((":", "："))]
        assert [appear in headings[0], disappear in headings[1]] == [True, True], lines
        assert lines[0].index(appear) < lines[0].index(disappear)


def test_every_line_fits_a_terminal_of_80_columns_in_chinese_too() -> None:
    for lang in ("en", "zh"):
        text = diff_text(_both_ways(), 1000, lang, width=80)
        assert all(cells(line) <= 80 for line in text.splitlines()), text
        assert len(text.splitlines()[0]) < len(diff_text(_both_ways(), 1000, lang).splitlines()[0])


def test_paths_that_differ_alike_are_listed_together_with_the_change_once() -> None:
    # The shared step is go_small's second and go_big's first: two ways to differ.
    new = SCENARIOS.replace("{en: Sign in., zh: 签到。}", "{en: Sign in., zh: 请签到。}")
    diff = GuideDiff(parse_guide(SCENARIOS, OFFICES), parse_guide(new, OFFICES))
    lines = diff_text(diff, 1000, "en").splitlines()
    wheres = [line for line in lines if line.startswith("    ") and line[4] != " "]
    assert [line.strip() for line in wheres] == [
        "steps 2 (zh)",
        "steps 1 (zh)",
    ]
    small, big = lines.index("    steps 2 (zh)"), lines.index("    steps 1 (zh)")
    assert [line.endswith("(go_small)") for line in lines[small - 3 : small]] == [True] * 3
    assert [line.endswith("(go_big)") for line in lines[big - 3 : big]] == [True] * 3
