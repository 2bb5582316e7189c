"""Shell completion, as the shell asks the installed command for it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import JINAN_CHOICES, MINI

SCRIPT = str(Path(sys.executable).parent / "ssc-wizard")


def _complete(shell: str, line: str, **env: str) -> list[str]:
    """What ssc-wizard answers when ``shell`` asks to complete ``line`` (cursor at its end)."""
    environment = {k: v for k, v in os.environ.items() if k != "SSC_WIZARD_DATA"}
    environment |= {"_SSC_WIZARD_COMPLETE": f"complete_{shell}", **env}
    if shell == "bash":  # bash splits words at "=" as well as at spaces
        words = line.replace("=", " = ").split()
        if line.endswith(" "):
            words.append("")
        environment |= {"COMP_WORDS": " ".join(words), "COMP_CWORD": str(len(words) - 1)}
    else:
        environment["_TYPER_COMPLETE_ARGS"] = line
    if shell == "fish":
        environment["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    child = pexpect.run(SCRIPT, env=environment, encoding="utf-8", timeout=30)
    assert isinstance(child, str)
    return [line for line in child.splitlines() if line]  # one a line (zsh: in its command)


def test_bash_completes_question_ids_leaving_out_the_answered_ones() -> None:
    assert _complete("bash", "ssc-wizard -a keep_card=yes --answer ") == [
        "card_state=",
        "keep_shandong_card=",
        "account_normal=",
        "district=",
    ]


@pytest.mark.slow
def test_only_questions_still_on_the_path_are_offered() -> None:
    line = "ssc-wizard -a card_state=out_of_province -a keep_card=yes --answer "
    assert _complete("bash", line) == ["account_normal=", "district="]
    line = "ssc-wizard -a card_state=out_of_province -a keep_card=yes -a account_normal=yes -a "
    assert _complete("bash", line)[:2] == ["district=lixia", "district=shizhong"]
    assert _complete("bash", "ssc-wizard -a card_state=lost --answer ") == []


@pytest.mark.slow
def test_bash_goes_from_one_matching_question_straight_to_its_choices() -> None:
    assert _complete("bash", "ssc-wizard --answer card") == [
        "card_state=not_damaged",
        "card_state=damaged_card",
        "card_state=lost",
        "card_state=out_of_province",
        "card_state=other_shandong_city",
        "card_state=none",
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("typed", "offered"), [("", ["yes", "no"]), ("n", ["no"])])
def test_bash_completes_the_choice_after_the_equals_sign(typed: str, offered: list[str]) -> None:
    assert _complete("bash", f"ssc-wizard --answer keep_card={typed}") == offered


def test_fish_completes_whole_answers_with_their_labels() -> None:
    assert _complete("fish", "ssc-wizard --answer district=li") == [
        "district=lixia\tLixia District",
        "district=licheng\tLicheng District",
    ]


def test_zsh_gets_each_answer_and_label_as_one_inert_word() -> None:
    # See completion._zsh, and test_completion_shells.py for a real zsh reading it.
    assert _complete("zsh", "ssc-wizard --answer district=lix") == [
        r"_arguments '*: :(($'\''district\x3dlixia\x3aLixia\x20District'\''))'"
    ]


@pytest.mark.slow
def test_completions_come_from_the_guide_named_by_data_dir() -> None:
    line = f"ssc-wizard --data-dir {MINI} --answer "
    assert _complete("bash", line) == ["colour=", "size=", "area="]
    assert _complete("bash", "ssc-wizard --answer col", SSC_WIZARD_DATA=str(MINI)) == [
        "colour=red",
        "colour=green",
    ]


@pytest.mark.slow
def test_district_ids_for_offices() -> None:
    assert _complete("bash", "ssc-wizard offices --district l") == ["lixia", "licheng", "laiwu"]


@pytest.mark.slow
def test_data_dir_typed_before_the_command_beats_the_environment() -> None:
    # offices reads SSC_WIZARD_DATA too: the folder typed before its name must still win.
    line = f"ssc-wizard --data-dir {MINI} offices --district "
    assert _complete("bash", line, SSC_WIZARD_DATA="/nonexistent") == ["north", "south"]


@pytest.mark.slow
def test_an_unreadable_guide_gives_no_completions_and_no_error(tmp_path: Path) -> None:
    assert _complete("bash", f"ssc-wizard --data-dir {tmp_path} --answer ") == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_real_bash_completes_an_answer_with_tab() -> None:
    env = {**os.environ, "PATH": f"{Path(SCRIPT).parent}:{os.environ['PATH']}", "PS1": "$ "}
    env.pop("SSC_WIZARD_DATA", None)
    shell = pexpect.spawn("bash", ["--norc", "--noprofile"], env=env, encoding="utf-8", timeout=30)
    shell.expect_exact("$ ")
    shell.sendline('eval "$(ssc-wizard --show-completion bash)"')
    shell.expect_exact("$ ")
    # Readline echoes only what a Tab adds, so the answers are read from the result.
    shell.send("ssc-wizard --answer card_state=not\t-a dist\tgan\t")
    shell.send("--format json | grep -A2 '\"answers\"'\r")
    shell.expect_exact('"card_state": "not_damaged",')
    shell.expect_exact('"district": "gangcheng"')
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "env"),
    [
        ("ssc-wizard --lang zh --answer district=li", {}),
        ("ssc-wizard --answer district=li", {"LANG": "zh_CN.UTF-8"}),
    ],
)
def test_the_labels_are_in_the_language_asked_for(line: str, env: dict[str, str]) -> None:
    assert _complete("fish", line, **env) == ["district=lixia\t历下区", "district=licheng\t历城区"]


# --- ids typed in another case, or with - for _ ----------------------------------------


@pytest.mark.slow
def test_a_question_in_another_case_completes_to_its_choices() -> None:
    # bash replaces only what follows the "=": the choice ids alone.
    assert _complete("bash", "ssc-wizard --answer Card-State=")[:3] == [
        "not_damaged",
        "damaged_card",
        "lost",
    ]
    assert _complete("fish", "ssc-wizard -a CARD_STATE=l") == [
        "CARD_STATE=lost\tI have lost my card"
    ]


@pytest.mark.slow
def test_what_is_typed_stays_as_typed_and_the_rest_of_the_id_follows() -> None:
    # Every shell offers only what starts with the word as typed.
    assert _complete("bash", "ssc-wizard --answer card-st")[:2] == [
        "card-state=not_damaged",
        "card-state=damaged_card",
    ]
    assert _complete("bash", "ssc-wizard --answer Card-State=Lo") == ["Lost"]
    assert _complete("bash", "ssc-wizard --answer card") == [
        f"card_state={choice}" for choice in JINAN_CHOICES["card_state"]
    ]
    assert _complete("bash", "ssc-wizard --answer Keep") == ["Keep_card=", "Keep_shandong_card="]


@pytest.mark.slow
def test_answers_already_typed_in_another_case_count() -> None:
    line = "ssc-wizard -a Card-State=Not-Damaged --answer "
    assert _complete("bash", line)[:2] == ["district=lixia", "district=shizhong"]
    assert _complete("bash", "ssc-wizard -a CARD_STATE=LOST --answer ") == []


@pytest.mark.slow
def test_diff_completes_its_guides_as_folders(tmp_path: Path) -> None:
    for name in ("old-guide", "other", ".hidden"):
        (tmp_path / name).mkdir()
    (tmp_path / "old-notes.txt").write_text("not a folder", encoding="utf-8")
    assert _complete("bash", f"ssc-wizard diff {tmp_path}/o") == [
        f"{tmp_path}/old-guide/",
        f"{tmp_path}/other/",
    ]
    assert _complete("bash", f"ssc-wizard diff {tmp_path}/old-guide {tmp_path}/.") == [
        f"{tmp_path}/.hidden/"
    ]


@pytest.mark.slow
def test_district_ids_in_another_case_for_offices() -> None:
    assert _complete("bash", "ssc-wizard offices --district Li") == ["Lixia", "Licheng"]
    assert _complete("fish", "ssc-wizard offices --district TIAN") == [
        "TIANqiao\tTianqiao District"
    ]


def test_as_of_completes_to_todays_date_as_it_is_written() -> None:
    import datetime

    def today() -> str:
        return datetime.date.today().isoformat()

    before = today()
    offered = _complete("bash", "ssc-wizard check --as-of ")
    assert offered in ([before], [today()])  # the same day, unless midnight passed meanwhile
    described = _complete("fish", f"ssc-wizard check --as-of {offered[0][:4]}")
    assert described == [f"{offered[0]}\ttoday"]
    assert _complete("bash", "ssc-wizard check --as-of 1999") == []
