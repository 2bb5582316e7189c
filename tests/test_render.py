"""The three output formats: what a reader or a script gets."""

from __future__ import annotations

import io
import json
import re

from rich.cells import cell_len
from rich.console import Console

from ssc_wizard.engine import Reached
from ssc_wizard.loader import load_guide
from ssc_wizard.model import Guide
from ssc_wizard.render import print_rich, to_json, to_text
from ssc_wizard.result import Result, build_result

from conftest import MINI, GuideDir

ANSI = re.compile(r"\x1b\[")


def _result(guide: Guide, district: str = "north") -> Result:
    return build_result(
        guide, Reached("go_small", {"colour": "green", "size": "small", "area": district})
    )


def _rich(result: Result, width: int = 80) -> str:
    out = io.StringIO()
    print_rich(result, Console(file=out, width=width, force_terminal=False, color_system=None))
    return out.getvalue()


def test_text_is_plain_and_complete(mini: Guide) -> None:
    text = to_text(_result(mini))
    assert not ANSI.search(text)
    for part in (
        "Go small",
        "Which colour? Green",
        "1. Walk.",
        "3. Sign out.",
        "- An ID.",
        "- Local branch, North (北区): Local things.",
        "Test Act, Section 1: Everyone may go.",
        "Ask at the front desk.",
        "Source: Made up for the tests.",
        "ssc-wizard --answer colour=green --answer size=small --answer area=north",
    ):
        assert part in text


def test_text_does_not_wrap_long_lines(guide_dir: GuideDir) -> None:
    long_step = "word " * 40
    scenarios = (MINI / "scenarios.yaml").read_text().replace("- Walk.", f"- {long_step.strip()}")
    text = to_text(_result(load_guide(guide_dir(scenarios=scenarios))))
    assert f"1. {long_step.strip()}\n" in text


def test_office_details_are_shown_with_their_source(guide_dir: GuideDir) -> None:
    offices = (
        (MINI / "offices.yaml")
        .read_text()
        .replace(
            "    handles: Local things.\n",
            "    handles: Local things.\n    hours: Weekdays\n    source: https://example.org/branch\n",
        )
    )
    result = _result(load_guide(guide_dir(offices=offices)))
    assert (
        "- Local branch, North (北区): Local things.\n  Hours: Weekdays\n  Source: https://example.org/branch\n"
        in to_text(result)
    )
    assert "Source: https://example.org/branch" in _rich(result, width=120)


def test_unsure_district_says_which_office_generically(mini: Guide) -> None:
    assert "- Local branch, the one for your district: Local things." in to_text(
        _result(mini, "unsure")
    )


def test_json_is_one_object(mini: Guide) -> None:
    data = json.loads(to_json(_result(mini)))
    assert data["outcome"]["id"] == "go_small"
    assert "北区" in to_json(_result(mini))  # readable, not \\u escapes


def test_rich_shows_every_section(mini: Guide) -> None:
    out = _rich(_result(mini))
    for part in (
        "Go small",
        "Your answers",
        "Where to go",
        "Local branch",
        "North (北区)",
        "Steps",
        "1. Walk.",
        "Bring with you",
        "• An ID.",
        "Legal basis",
        "Test Act",
        "Ask at the front desk.",
    ):
        assert part in out


def test_rich_prints_markup_in_the_data_literally(guide_dir: GuideDir) -> None:
    scenarios = (
        (MINI / "scenarios.yaml")
        .read_text()
        .replace("- Walk.", "- Press [bold]Enter[/bold] or [/x].")
    )
    out = _rich(_result(load_guide(guide_dir(scenarios=scenarios))))
    assert "Press [bold]Enter[/bold] or [/x]." in out


def test_rich_fits_a_narrow_terminal_but_keeps_the_command_whole(mini: Guide) -> None:
    result = _result(mini)
    lines = _rich(result, width=40).splitlines()
    # The command stays one line, for copying; the terminal folds it for the eye.
    assert result.command in lines
    assert max(cell_len(line) for line in lines if line != result.command) <= 40
    assert any("Local branch" in line for line in lines)
