"""The command line as typer runs it: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssc_wizard import __version__
from ssc_wizard.cli import app

from conftest import MINI, TESTS

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_scripted_json_result() -> None:
    result = run("-a", "card_state=lost", "--answer", "district=lixia", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["answers"] == {"card_state": "lost", "district": "lixia"}
    assert data["outcome"]["id"] == "lost_card"
    assert data["command"] == "ssc-wizard --answer card_state=lost --answer district=lixia"


def test_text_is_the_default_when_stdout_is_not_a_terminal() -> None:
    result = run("-a", "card_state=damaged", "-a", "district=unsure")
    assert result.exit_code == 0
    assert result.stdout.startswith("Replace a card that is not lost\n")
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("fmt", ["rich", "RICH", "text", "json"])
def test_every_format_prints_the_outcome(fmt: str) -> None:
    result = run("-a", "card_state=none", "-a", "district=jiyang", "--format", fmt)
    assert result.exit_code == 0
    assert "Apply for your first social security card" in result.stdout


def test_missing_answer_without_a_terminal_is_exit_2_and_lists_choices() -> None:
    result = run("-a", "card_state=out_of_province", "-a", "district=lixia")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "ssc-wizard: question 'keep_card' (Do you want to keep using your card from outside "
        "Shandong?) has no answer, and stdin is not a terminal, and answers are never read from "
        "a pipe. Answer it with --answer keep_card=CHOICE, where CHOICE is one of: yes, no\n"
    )


def test_text_on_stdin_is_never_taken_as_an_answer() -> None:
    result = runner.invoke(app, [], input="lost\n\n\n")
    assert result.exit_code == 2
    assert "question 'card_state'" in result.stderr and result.stdout == ""


def test_no_input_flag_names_itself() -> None:
    result = run("--no-input")
    assert result.exit_code == 2
    assert "has no answer, and --no-input was given" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "card_state"], "--answer 'card_state' is not QUESTION=CHOICE"),
        (
            ["-a", "colour=red"],
            "there is no question 'colour'; the questions are: card_state, keep_card",
        ),
        (["-a", "card_state=stolen"], "'stolen' is not a choice of 'card_state'"),
        (["-a", "card_state=lost", "-a", "card_state=none"], "'card_state' is answered twice"),
        (
            ["-a", "card_state=lost", "-a", "keep_card=yes", "-a", "district=lixia"],
            "--answer keep_card=yes: this question is not asked on the path",
        ),
    ],
)
def test_bad_answers_are_exit_2_with_what_to_do(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_flag_is_exit_2() -> None:
    result = run("--colour")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_invalid_data_is_exit_1_with_file_line_column(tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    shutil.copytree(MINI, folder)
    shutil.copy(TESTS / "broken" / "scenarios" / "cycle.yaml", folder / "scenarios.yaml")
    result = run("--data-dir", str(folder), "-a", "colour=red")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "ssc-wizard: the guide's data has 1 problem:",
        f"  {folder / 'scenarios.yaml'}:17:27: this choice makes a loop: q -> r -> s -> q; "
        "a guide must always end",
        "Fix the file and run again.",
    ]


def test_missing_data_folder_is_exit_1() -> None:
    result = run("--data-dir", "/no/such/folder")
    assert result.exit_code == 1
    assert "data folder not found: /no/such/folder" in result.stderr


def test_another_guide_by_flag_or_environment() -> None:
    args = ["-a", "colour=green", "-a", "size=big", "-a", "area=north", "--format", "json"]
    by_flag = run("--data-dir", str(MINI), *args)
    by_env = run(*args, env={"SSC_WIZARD_DATA": str(MINI)})
    for result in (by_flag, by_env):
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["outcome"]["id"] == "go_big"
        assert data["command"].startswith(f"ssc-wizard --data-dir {MINI} --answer colour=green")


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"ssc-wizard {__version__}\n")


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_lists_the_flags(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    for option in (
        "--answer",
        "--no-input",
        "--format",
        "--data-dir",
        "--version",
        "SSC_WIZARD_DATA",
    ):
        assert option in result.stdout


def test_data_dir_that_is_a_file_is_exit_1() -> None:
    result = run("--data-dir", str(MINI / "offices.yaml"))
    assert result.exit_code == 1
    assert f"{MINI / 'offices.yaml'} is not a folder" in result.stderr
