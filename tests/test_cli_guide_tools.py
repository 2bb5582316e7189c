"""The maintainers' commands as typer runs them: check, graph and paths."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssc_wizard.cli import app
from ssc_wizard.loader import default_data_dir

from conftest import MINI, TESTS, console_script, run_installed

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def _folder(tmp_path: Path, scenarios: Path | None = None, offices: Path | None = None) -> Path:
    folder = tmp_path / "guide"
    shutil.copytree(MINI, folder)
    for source, name in ((scenarios, "scenarios.yaml"), (offices, "offices.yaml")):
        if source is not None:
            shutil.copy(source, folder / name)
    return folder


def test_check_on_the_shipped_guide_says_it_is_valid_and_how_big() -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{default_data_dir()}: the guide is valid (5 questions, 9 outcomes, 9 offices, "
        "12 districts, 33 paths); 0 errors, 0 warnings.\n"
    )


def test_check_lists_every_error_and_warning_in_file_order_and_exits_1(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        scenarios=TESTS / "broken" / "scenarios" / "unreachable.yaml",
        offices=TESTS / "broken" / "offices" / "suspicious.yaml",
    )
    result = run("check", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert result.stderr == ""
    s, o = folder / "scenarios.yaml", folder / "offices.yaml"
    assert result.stdout.splitlines() == [
        f"{s}:6:3: warning: question 'q' has only one choice, so it decides nothing: "
        "add a choice or leave the question out",
        f"{s}:10:3: error: question 'orphan' can never be asked: no choice on the way "
        "from 'q' leads to it",
        f"{s}:10:3: warning: question 'orphan' has only one choice, so it decides nothing: "
        "add a choice or leave the question out",
        f"{s}:22:3: error: outcome 'lonely' can never be reached: no choice leads to it",
        f"{o}:8:3: warning: office 'local' is never used: no outcome refers to it",
        f"{o}:11:3: warning: office 'annex' is never used: no outcome refers to it",
        f"{o}:16:11: warning: this text has no `zh` (Chinese) version, so Chinese readers "
        "see the English one; write it as `{en: ..., zh: ...}`",
        f"{o}:19:7: warning: this text has no `en` (English) version, so English readers "
        "see the Chinese one; write it as `{en: ..., zh: ...}`",
        f"{folder}: 2 errors, 6 warnings; the guide cannot be used until the errors are fixed.",
    ]


def test_check_reports_problems_in_both_files_even_when_one_cannot_be_parsed(
    tmp_path: Path,
) -> None:
    folder = _folder(
        tmp_path,
        scenarios=TESTS / "broken" / "scenarios" / "syntax_error.yaml",
        offices=TESTS / "broken" / "offices" / "office_mistakes.yaml",
    )
    result = run("check", "--data-dir", str(folder))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines[:-1]] == [str(folder / "scenarios.yaml")] + [
        str(folder / "offices.yaml")
    ] * 5
    assert lines[-1].startswith(f"{folder}: 6 errors, 0 warnings;")


def test_a_duplicate_key_and_a_broken_reference_are_reported_in_one_run(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, scenarios=TESTS / "broken" / "scenarios" / "duplicate_key_and_reference.yaml"
    )
    s = folder / "scenarios.yaml"
    expected = [
        f"{s}:10:7: duplicate key 'a' (first given at line 9); this one is ignored until it is "
        "renamed or removed",
        f"{s}:11:27: unknown question 'nowhere': no such id in questions; questions that exist: q",
    ]
    check = run("check", "--data-dir", str(folder))
    assert check.exit_code == 1
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert errors == [line.replace(": ", ": error: ", 1) for line in expected]
    assert check.stdout.splitlines()[-1].startswith(f"{folder}: 2 errors, ")

    wizard = run("--data-dir", str(folder), "--no-input")
    assert wizard.exit_code == 1
    assert wizard.stdout == ""
    assert [line.strip() for line in wizard.stderr.splitlines()[1:-1]] == expected


def test_check_reports_scenarios_references_while_offices_yaml_has_errors(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        scenarios=TESTS / "broken" / "scenarios" / "unknown_references.yaml",
        offices=TESTS / "broken" / "offices" / "office_mistakes.yaml",
    )
    result = run("check", "--data-dir", str(folder))
    assert result.exit_code == 1
    s, o = folder / "scenarios.yaml", folder / "offices.yaml"
    # The unknown office 'dsk' (18:72) waits until offices.yaml can be read.
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()[:-1]] == [
        f"{s}:12:27",
        f"{s}:19:27",
        f"{s}:20:19",
        f"{o}:8:5",
        f"{o}:12:19",
        f"{o}:15:5",
        f"{o}:15:5",
        f"{o}:16:5",
    ]


def test_check_passes_a_guide_with_only_warnings(tmp_path: Path) -> None:
    folder = _folder(tmp_path, scenarios=TESTS / "broken" / "scenarios" / "suspicious.yaml")
    result = run("check", "--data-dir", str(folder))
    assert result.exit_code == 0
    assert result.stdout.count(": warning: ") == 6
    assert result.stdout.splitlines()[-1] == (
        f"{folder}: the guide is valid (2 questions, 2 outcomes, 2 offices, 2 districts, "
        "2 paths); 0 errors, 6 warnings."
    )


def test_check_of_a_missing_folder_is_exit_1_with_what_to_give(tmp_path: Path) -> None:
    result = run("check", "--data-dir", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "data folder not found" in result.stderr and "--data-dir" in result.stderr


def test_the_data_folder_may_come_before_the_command_or_from_the_environment() -> None:
    before = run("--data-dir", str(MINI), "check")
    from_env = run("check", env={"SSC_WIZARD_DATA": str(MINI)})
    for result in (before, from_env):
        assert result.exit_code == 0
        assert result.stdout.startswith(f"{MINI}: the guide is valid (3 questions, 3 outcomes")


def test_check_warns_at_each_fact_due_to_be_checked_again(tmp_path: Path) -> None:
    """As a maintainer runs it: the installed command, on a guide with dated sources."""
    folder = tmp_path / "dated"
    shutil.copytree(TESTS / "guides" / "dated", folder)
    done = run_installed(
        [console_script(), "check", "--data-dir", "dated", "--as-of", "2026-03-01"], folder.parent
    )
    assert (done.returncode, done.stderr) == (0, "")
    allowed = "more than the 180 days the guide allows (its `recheck_after_days`)"
    assert done.stdout.splitlines() == [
        "dated/scenarios.yaml:7:12: warning: the guide was last checked on 2025-06-01, 273 days "
        f"before 2026-03-01, {allowed}: check it against its source, 'Made up for the tests.', "
        "then update `checked`",
        "dated/scenarios.yaml:50:18: warning: step 1 of outcome 'go_small' was last checked on "
        f"2024-12-01, 455 days before 2026-03-01, {allowed}: check it against its source, "
        "https://example.org/walking, then update `checked`",
        "dated/scenarios.yaml:59:14: warning: outcome 'go_small' was last checked on 2025-09-01, "
        f"181 days before 2026-03-01, {allowed}: check it against its source, 'Small ways' "
        "(https://example.org/small), then update `checked`",
        "dated/scenarios.yaml:76:16: warning: item 2 of shared list 'common' has `checked: "
        "2027-01-01`, later than 2026-03-01: most likely a typo; write the day it was last "
        "checked against its source, https://example.org/sign-out",
        "dated/offices.yaml:7:14: warning: office 'desk' was last checked on 2025-02-01, 393 days "
        f"before 2026-03-01, {allowed}: check it against its source, https://example.org/desk, "
        "then update `checked`",
        "dated: the guide is valid (3 questions, 3 outcomes, 2 offices, 2 districts, 7 paths); "
        "0 errors, 5 warnings.",
    ]


def test_check_measures_checked_days_against_today_by_default(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    offices = folder / "offices.yaml"
    offices.write_text(
        offices.read_text(encoding="utf-8").replace(
            "    name: {en: Front desk, zh: 前台}\n",
            "    name: {en: Front desk, zh: 前台}\n    checked: 1999-12-31\n",
        ),
        encoding="utf-8",
    )
    scenarios = folder / "scenarios.yaml"
    scenarios.write_text(
        scenarios.read_text(encoding="utf-8").replace(
            "  more_help:", "  checked: 2999-01-01\n  more_help:"
        ),
        encoding="utf-8",
    )
    result = run("check", "--data-dir", str(folder))
    assert result.exit_code == 0, result.output
    due, later = result.stdout.splitlines()[:2]
    assert due.startswith(f"{folder / 'scenarios.yaml'}:5:12: warning: the guide has ")
    assert "`checked: 2999-01-01`, later than " in due
    assert later.startswith(f"{folder / 'offices.yaml'}:4:14: warning: office 'desk' was ")


@pytest.mark.parametrize("typed", ["2026-02-30", "1/3/2026", "today", "2026-03-01T10:00"])
def test_an_as_of_that_is_not_a_day_is_a_usage_error(typed: str) -> None:
    result = run("check", "--as-of", typed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        f"Invalid value for '--as-of': {typed!r} is not a day: write it as YYYY-MM-DD, "
        "such as 2026-03-01"
    ) in " ".join(result.stderr.split())


def test_a_guide_without_dates_prints_what_it_always_printed() -> None:
    plain = run("check").stdout
    for day in ("1900-01-01", "2999-12-31"):
        assert run("check", "--as-of", day).stdout == plain


def test_paths_lists_every_path_as_a_command_that_replays_it() -> None:
    result = run("paths", "--data-dir", str(MINI))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"stop      ssc-wizard --data-dir {MINI} --answer colour=red"
    assert lines[-1] == "7 paths."
    for line in lines[:-1]:
        outcome, command = line.split(maxsplit=1)
        argv = shlex.split(command)
        assert argv[0] == "ssc-wizard"
        replayed = run(*argv[1:], "--format", "json")
        assert replayed.exit_code == 0, line
        assert json.loads(replayed.stdout)["outcome"]["id"] == outcome


def test_paths_json_lists_answers_outcome_and_command(jinan_paths: int = 33) -> None:
    result = run("paths", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["schema_version"], data["count"], data["limit"]) == (1, jinan_paths, 1000)
    assert len(data["paths"]) == jinan_paths
    assert data["paths"][0] == {
        "outcome": "replace_card",
        "answers": {"card_state": "not_damaged", "district": "lixia"},
        "command": "ssc-wizard --answer card_state=not_damaged --answer district=lixia",
    }


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_paths_past_the_limit_are_counted_not_listed(fmt: str) -> None:
    result = run("paths", "--limit", "32", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout) == {
            "schema_version": 1,
            "count": 33,
            "limit": 32,
            "paths": None,
        }
    else:
        assert result.stdout == (
            "33 paths, more than --limit 32: not listed. "
            "Give --limit 33 to list them, or draw the tree with ssc-wizard graph.\n"
        )
    assert len(run("paths", "--limit", "33").stdout.splitlines()) == 34


def test_a_negative_limit_is_a_usage_error() -> None:
    result = run("paths", "--limit", "-1")
    assert result.exit_code == 2
    assert "--limit" in result.stderr


def test_graph_formats() -> None:
    tree = run("graph")
    assert tree.exit_code == 0
    assert tree.stdout.startswith("card_state  What is your situation")
    assert "├── not_damaged → replace_card  Replace a card that is not damaged" in tree.stdout
    assert "then asks district" in tree.stdout
    assert "\x1b[" not in tree.stdout  # not a terminal: no colour codes
    mermaid = run("graph", "--format", "mermaid")
    assert mermaid.stdout.startswith("flowchart TD\n")
    dot = run("graph", "--format", "DOT")
    assert dot.stdout.startswith("digraph guide {\n") and dot.stdout.endswith("}\n")


def test_graph_of_a_broken_guide_is_exit_1_with_its_problems(tmp_path: Path) -> None:
    folder = _folder(tmp_path, scenarios=TESTS / "broken" / "scenarios" / "cycle.yaml")
    result = run("graph", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "makes a loop" in result.stderr


@pytest.mark.parametrize("command", ["check", "graph", "paths", "new-guide"])
@pytest.mark.parametrize("option", [["--format", "json"], ["-o", "x.txt"], ["-a", "colour=red"]])
def test_wizard_options_before_a_maintainer_command_are_refused(
    command: str, option: list[str], tmp_path: Path
) -> None:
    result = run(*option, command, *([str(tmp_path / "new")] if command == "new-guide" else []))
    assert result.exit_code == 2
    flag = {"-o": "--output", "-a": "--answer"}.get(option[0], option[0])
    assert result.stderr == (
        f"ssc-wizard: {flag} before {command!r} is for the questions; give {command!r} its "
        f"options after its name (see ssc-wizard {command} --help)\n"
    )
    assert not (tmp_path / "new").exists()
