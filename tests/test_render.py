"""The three output formats: what a reader or a script gets."""

from __future__ import annotations

import io
import json
import re
import shlex

from rich.cells import cell_len
from rich.console import Console

from ssc_wizard.engine import Reached
from ssc_wizard.formats.json_format import as_json
from ssc_wizard.formats.labels import shell_lines
from ssc_wizard.formats.rich_format import print_rich
from ssc_wizard.formats.text import offices_text as to_text_offices
from ssc_wizard.formats.text import to_text
from ssc_wizard.lang import Lang
from ssc_wizard.loader import load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import Result, build_result, office_list

from conftest import MINI, TESTS, GuideDir

ANSI = re.compile(r"\x1b\[")


def _result(guide: Guide, district: str = "north", lang: Lang = "en") -> Result:
    return build_result(
        guide,
        Reached("go_small", {"colour": "green", "size": "small", "area": district}),
        lang=lang,
    )


def _rich(result: Result, width: int = 80, *, answers: bool = True) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    print_rich(result, console, answers=answers)
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
        "- Local branch, North: Local things.",
        "- Test Act, Section 1: Everyone may go.",
        "Ask at the front desk.",
        "Source: Made up for the tests.",
        "ssc-wizard --answer colour=green --answer size=small --answer area=north",
    ):
        assert part in text


def test_text_does_not_wrap_long_lines(guide_dir: GuideDir) -> None:
    long_step = "word " * 40
    scenarios = (MINI / "scenarios.yaml").read_text().replace("en: Walk.", f"en: {long_step}")
    text = to_text(_result(load_guide(guide_dir(scenarios=scenarios))))
    assert f"1. {long_step.strip()}\n" in text


def test_office_details_are_shown_with_their_source(guide_dir: GuideDir) -> None:
    offices = (
        (MINI / "offices.yaml")
        .read_text()
        .replace(
            "    per_district: true\n",
            "    per_district: true\n"
            "    hours: {en: Weekdays, zh: 工作日}\n"
            "    source: https://example.org/branch\n",
        )
    )
    guide = load_guide(guide_dir(offices=offices))
    result = _result(guide)
    # In a result, the office's source is said with every other fact's own source.
    assert "- Local branch, North: Local things.\n  Hours: Weekdays\n\nSteps:\n" in to_text(result)
    assert "\nSources:\n- Local branch - https://example.org/branch\n" in to_text(result)
    in_chinese = to_text(_result(guide, lang="zh"))
    assert "- 本地分部（北区）：本地事务。\n  办公时间：工作日\n\n办理流程：\n" in in_chinese
    assert "\n各项信息的来源：\n- 本地分部——https://example.org/branch\n" in in_chinese
    assert "• Local branch - https://example.org/branch" in _rich(result, width=120)
    # The office list has no such part: each office's source is with its details.
    listing = to_text_offices(office_list(guide))
    assert "  Hours: Weekdays\n  Source: https://example.org/branch\n" in listing


def test_unsure_district_says_which_office_generically(mini: Guide) -> None:
    assert "- Local branch, the one for your district: Local things." in to_text(
        _result(mini, "unsure")
    )


def test_json_is_one_object(mini: Guide) -> None:
    data = json.loads(as_json(_result(mini)))
    assert data["outcome"]["id"] == "go_small"
    assert data["lang"] == "en"
    assert "北区" in as_json(_result(mini, lang="zh"))  # readable, not \\u escapes


def test_rich_shows_every_section(mini: Guide) -> None:
    out = _rich(_result(mini))
    for part in (
        "Go small",
        "Your answers",
        "Where to go",
        "Local branch",
        "North",
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
        .replace("en: Walk.", 'en: "Press [bold]Enter[/bold] or [/x]."')
    )
    out = _rich(_result(load_guide(guide_dir(scenarios=scenarios))))
    assert "Press [bold]Enter[/bold] or [/x]." in out


def test_rich_fits_a_narrow_terminal(mini: Guide) -> None:
    lines = _rich(_result(mini), width=40).splitlines()
    assert max(cell_len(line) for line in lines) <= 40
    assert any("Local branch" in line for line in lines)


def test_a_command_too_wide_is_broken_between_arguments_and_pastes_back_whole(
    mini: Guide,
) -> None:
    result = _result(mini)
    out = _rich(result, width=40)
    tail = out[out.index("ssc-wizard") :]
    assert tail.splitlines() == [
        "ssc-wizard --answer colour=green \\",
        "  --answer size=small \\",
        "  --answer area=north",
    ]
    # What a shell makes of the pasted lines: one command, the same one.
    assert shlex.split(tail.replace("\\\n", " ")) == shlex.split(result.command)


def test_a_command_that_fits_stays_on_one_line(mini: Guide) -> None:
    result = _result(mini)
    assert result.command in _rich(result, width=100).splitlines()


def test_shell_lines_keep_quoting_and_an_option_with_its_value() -> None:
    command = "ssc-wizard --data-dir '/tmp/my guide' --answer a=b"
    broken = shell_lines(_words(command), 30)
    assert broken == "ssc-wizard \\\n  --data-dir '/tmp/my guide' \\\n  --answer a=b"
    assert shlex.split(broken.replace("\\\n", " ")) == shlex.split(command)


def test_shell_lines_part_an_option_from_its_value_when_they_do_not_fit_together() -> None:
    command = "ssc-wizard --answer card_state=lost --data-dir '/tmp/my guide'"
    broken = shell_lines(_words(command), 20)
    assert broken.splitlines() == [
        "ssc-wizard \\",
        "  --answer \\",
        "  card_state=lost \\",
        "  --data-dir \\",
        "  '/tmp/my guide'",
    ]
    assert shlex.split(broken.replace("\\\n", " ")) == shlex.split(command)


def test_answers_can_be_left_out_for_the_review_below(mini: Guide) -> None:
    result = _result(mini)
    for out in (to_text(result, answers=False), _rich(result, answers=False)):
        assert "Your answers" not in out
        assert "Which colour?" not in out
        assert "Go, small." in out
    for out in (to_text(result), _rich(result)):
        assert "Your answers" in out
        assert "Which colour?" in out


def test_no_legal_basis_heading_when_no_law_is_cited(mini: Guide) -> None:
    result = build_result(mini, Reached("stop", {"colour": "red"}))
    assert result.legal_basis == ()
    assert "Legal basis" not in to_text(result)
    assert "Legal basis" not in _rich(result)
    assert "Legal basis" in to_text(_result(mini))


def _words(command: str) -> list[str]:
    return [shlex.quote(arg) for arg in shlex.split(command)]


def test_text_for_a_terminal_is_wrapped_under_each_item(mini: Guide) -> None:
    text = to_text(_result(mini), width=24)
    unwrapped = to_text(_result(mini))
    assert " ".join(text.replace(" \\\n", " ").split()) == " ".join(unwrapped.split())
    for line in text.splitlines():
        assert cell_len(line) <= 24
    lines = text.splitlines()
    for i, line in enumerate(lines[1:], 1):
        if lines[i - 1].startswith("- ") and line.startswith(" "):
            assert line.startswith("  ") and not line.startswith("   ")  # under the text


def test_a_title_too_long_for_the_border_goes_above_the_panel_whole(mini: Guide) -> None:
    result = _result(mini)
    narrow = _rich(result, width=len(result.title) + 5)
    first = narrow.splitlines()[0]
    assert first.strip() == result.title
    assert result.title in _rich(result, width=len(result.title) + 6).splitlines()[0]


def test_each_fact_with_its_own_source_is_listed_under_sources() -> None:
    dated = load_guide(TESTS / "guides" / "dated")
    text = to_text(_result(dated))
    assert (
        "- Test Act, Section 1: Everyone may go.\n"
        "\n"
        "Sources:\n"
        "- This procedure - Small ways, https://example.org/small (checked 2025-09-01)\n"
        "- Front desk - https://example.org/desk (checked 2025-02-01)\n"
        "- Step 1 - https://example.org/walking (checked 2024-12-01)\n"
        "- Step 3 - https://example.org/sign-out (checked 2027-01-01)\n"
        "- Test Act, Section 1 - The Test Act as published, https://example.org/test-act "
        "(checked 2026-01-10)\n"
        "\n"
        "Ask at the front desk.\n"
        "Source: Made up for the tests.\n"
    ) in text
    assert "- Front desk: Everything.\n  Hours: Weekdays\n- Local branch" in text
    assert (
        "\n各项信息的来源：\n"
        "- 本办理事项——小号之路，https://example.org/small（核实于 2025-09-01）\n"
        "- 前台——https://example.org/desk（核实于 2025-02-01）\n"
        "- 第 1 步——https://example.org/walking（核实于 2024-12-01）\n"
    ) in to_text(_result(dated, lang="zh"))
    rich = _rich(_result(dated), width=100)
    assert "\nSources\n• This procedure - Small ways, https://example.org/small (checked" in rich
    assert "• Step 3 - https://example.org/sign-out (checked 2027-01-01)" in rich
