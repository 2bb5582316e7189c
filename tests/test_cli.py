"""The command line as typer runs it: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssc_wizard import __version__, words
from ssc_wizard.cli import app
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide

from conftest import MINI, TESTS
from paths import all_paths

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_scripted_json_result() -> None:
    result = run("-a", "card_state=not_damaged", "--answer", "district=lixia", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["answers"] == {"card_state": "not_damaged", "district": "lixia"}
    assert data["outcome"]["id"] == "replace_card"
    assert data["command"] == "ssc-wizard --answer card_state=not_damaged --answer district=lixia"


def test_text_is_the_default_when_stdout_is_not_a_terminal() -> None:
    result = run("-a", "card_state=not_damaged", "-a", "district=unsure")
    assert result.exit_code == 0
    assert result.stdout.startswith("Replace a card that is not damaged\n")
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("fmt", ["rich", "RICH", "text", "json"])
def test_every_format_prints_the_outcome(fmt: str) -> None:
    result = run("-a", "card_state=none", "--format", fmt)
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
        (
            ["-a", "card_state=damaged"],
            "'damaged' is no longer a choice of 'card_state': it used to mean a card that is "
            "damaged or must be replaced for another reason",
        ),
        (["-a", "card_state=lost", "-a", "card_state=none"], "'card_state' is answered twice"),
        (
            ["-a", "card_state=not_damaged", "-a", "keep_card=yes", "-a", "district=lixia"],
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


# --- files: --output, --answers-file, --save-answers -------------------------


def _args(answers: dict[str, str]) -> list[str]:
    return [arg for q, c in answers.items() for arg in ("--answer", f"{q}={c}")]


REPLACE = ["-a", "card_state=not_damaged", "-a", "district=lixia"]


@pytest.mark.parametrize(
    ("name", "starts"),
    [("result.json", "{"), ("checklist.md", "# Replace a card"), ("result.txt", "Replace a")],
)
def test_output_format_follows_the_file_name(tmp_path: Path, name: str, starts: str) -> None:
    target = tmp_path / name
    result = run(*REPLACE, "--output", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_output_in_a_chosen_format_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "result.txt"
    target.write_text("old")
    result = run(*REPLACE, "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["outcome"]["id"] == "replace_card"
    assert [p.name for p in tmp_path.iterdir()] == ["result.txt"]


def test_rich_output_to_a_file_has_no_colour_codes(tmp_path: Path) -> None:
    target = tmp_path / "result.txt"
    assert run(*REPLACE, "--format", "rich", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Replace a card that is not damaged" in text
    assert "\x1b" not in text


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/out.md", "does not exist; create it first"), (".", "it is a folder")],
)
def test_unwritable_output_is_exit_1_before_any_question(
    tmp_path: Path, where: str, message: str
) -> None:
    # No answers and no terminal: the path is refused before the missing answer is.
    result = run("--output", str(tmp_path / where))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("ssc-wizard: cannot write ") and message in result.stderr
    assert not (tmp_path / "missing").exists()


@pytest.mark.slow
def test_saved_answers_replay_to_the_same_result_on_every_path(
    tmp_path: Path, jinan: Guide
) -> None:
    saved = tmp_path / "answers.yaml"
    for answers, _ in all_paths(jinan):
        first = run(*_args(answers), "--save-answers", str(saved), "--format", "json")
        assert first.exit_code == 0, first.stderr
        again = run("--answers-file", str(saved), "--format", "json")
        assert again.exit_code == 0, again.stderr
        assert again.stdout == first.stdout


def test_answers_file_is_overridden_by_flags(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    saved.write_text(
        "card_state: out_of_province\nkeep_card: yes\naccount_normal: yes\ndistrict: laiwu\n"
    )
    result = run("--answers-file", str(saved), "-a", "card_state=not_damaged", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == {
        "card_state": "not_damaged",
        "district": "laiwu",
    }


def test_answers_file_answer_off_the_path_is_named_by_position(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    saved.write_text("card_state: not_damaged\nkeep_card: yes\ndistrict: laiwu\n")
    result = run("--answers-file", str(saved))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"ssc-wizard: {saved}:2:1 (keep_card: yes): this question is not asked on the path"
    )


def test_bad_answers_file_is_exit_2_with_every_problem(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    saved.write_text("card_state: stolen\ncolour: red\n")
    result = run("--answers-file", str(saved))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "ssc-wizard: the answers file has 2 problems:"
    assert lines[1].startswith(f"  {saved}:1:13: 'stolen' is not a choice of 'card_state'")
    assert lines[2].startswith(f"  {saved}:2:1: there is no question 'colour'")
    assert lines[3] == "Fix the file and run again."


@pytest.mark.parametrize("other", ["--save-answers", "--answers-file"])
def test_output_over_the_answers_file_is_refused(tmp_path: Path, other: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("card_state: lost\ndistrict: lixia\n")
    result = run(*REPLACE, other, str(answers), "-o", str(answers))
    assert result.exit_code == 2
    assert result.stderr == (
        f"ssc-wizard: --output and {other} name the same file, {answers}; give two names\n"
    )
    assert answers.read_text() == "card_state: lost\ndistrict: lixia\n"


def test_missing_answers_file_is_exit_2(tmp_path: Path) -> None:
    result = run("--answers-file", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"ssc-wizard: --answers-file {tmp_path / 'nope.yaml'}: file not found\n"


def test_save_answers_to_an_unwritable_path_writes_nothing(tmp_path: Path) -> None:
    result = run(*REPLACE, "--save-answers", str(tmp_path / "no" / "a.yaml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "the folder" in result.stderr and "does not exist" in result.stderr


# --- offices -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_offices_lists_every_kind_with_what_it_does_in_each_outcome(
    jinan: Guide, lang: Lang
) -> None:
    result = run("offices", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    for office_id, office in jinan.offices.offices.items():
        assert f"- {office.name.get(lang)}" in result.stdout
        roles = jinan.roles(office_id)
        assert roles, office_id
        for outcome_id, role in roles:
            title = jinan.scenarios.outcomes[outcome_id].title.get(lang)
            assert words.ROLE_IN(lang, outcome=title, role=role.get(lang)) in result.stdout
    assert "12333" in result.stdout


def test_offices_for_a_district_names_its_own(jinan: Guide) -> None:
    data = json.loads(run("offices", "--district", "pingyin", "--format", "json").stdout)
    assert data["district"] == {"id": "pingyin", "name": "Pingyin County"}
    local = [o["district"] for o in data["offices"] if o["per_district"]]
    assert local and all(d == data["district"] for d in local)
    assert all(o["district"] is None for o in data["offices"] if not o["per_district"])


def test_offices_unknown_district_is_exit_2_listing_the_ids() -> None:
    result = run("offices", "--district", "atlantis")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "ssc-wizard: there is no district 'atlantis'; the districts are: lixia, shizhong, "
        "huaiyin, tianqiao, licheng, changqing, zhangqiu, jiyang, laiwu, gangcheng, pingyin, "
        "shanghe\n"
    )


def test_options_before_offices_apply_to_it(tmp_path: Path) -> None:
    target = tmp_path / "offices.md"
    result = run("--data-dir", str(MINI), "-o", str(target), "offices", "--district", "north")
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith("# Offices: Test guide\n\nFor North.")


def test_question_options_before_offices_are_exit_2() -> None:
    result = run("-a", "card_state=lost", "--no-input", "offices")
    assert result.exit_code == 2
    assert result.stderr == (
        "ssc-wizard: --answer, --no-input before 'offices' are for the questions; "
        "give 'offices' its options after its name (see ssc-wizard offices --help)\n"
    )


def test_help_shows_examples_with_jq() -> None:
    result = run("--help")
    assert "Examples:" in result.stdout
    assert "--format json" in result.stdout and "| jq " in result.stdout
    assert "offices" in result.stdout
