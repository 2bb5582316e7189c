"""A slip gets a suggestion, not only a list: ids in any case and with ``-`` for
``_`` are taken as the guide's, and a near miss gets "did you mean ...?".

Each case runs the installed command, as a person or a script meets it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from ssc_wizard.ids import canonical, completed, resolve
from ssc_wizard.suggest import near_language

from conftest import MINI, console_script

QUESTIONS = "card_state, keep_card, keep_shandong_card, account_normal, district"
CARD_STATES = "not_damaged, damaged_card, lost, out_of_province, other_shandong_city, none"
FORMATS = "rich, text, json, markdown"


def wizard(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command, with no guide from the environment unless given."""
    environment = {k: v for k, v in os.environ.items() if k != "SSC_WIZARD_DATA"} | env
    return subprocess.run(
        [console_script(), *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def refused(*args: str, **env: str) -> str:
    """What the command says on stderr when it refuses ``args`` as bad usage."""
    ran = wizard(*args, **env)
    assert (ran.returncode, ran.stdout) == (2, ""), ran.stderr
    assert "Traceback" not in ran.stderr and "Value error" not in ran.stderr
    return ran.stderr


# --- ids in another case, or with - for _ -----------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "answers",
    [
        ["-a", "Card-State=Not-Damaged", "-a", "District=LIXIA"],
        ["-a", "CARD_STATE=not_damaged", "--answer", "district=Lixia"],
    ],
)
def test_ids_in_any_case_are_the_guide_s_in_the_result_the_command_and_saved_answers(
    answers: list[str], tmp_path: Path
) -> None:
    saved = tmp_path / "answers.yaml"
    ran = wizard(*answers, "--format", "text", "--save-answers", str(saved))
    assert ran.returncode == 0, ran.stderr
    command = "ssc-wizard --answer card_state=not_damaged --answer district=lixia"
    assert f"To get this result again without questions: {command}\n" in ran.stdout
    assert saved.read_text(encoding="utf-8").endswith("card_state: not_damaged\ndistrict: lixia\n")
    assert f"#   {command}\n" in saved.read_text(encoding="utf-8")
    data = json.loads(wizard(*answers, "--format", "json").stdout)
    assert data["answers"] == {"card_state": "not_damaged", "district": "lixia"}
    assert data["command"] == command


@pytest.mark.slow
def test_an_answers_file_takes_keys_and_choices_in_any_case(tmp_path: Path) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("Card-State: Lost\n", encoding="utf-8")
    ran = wizard("--answers-file", str(answers), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert (data["answers"], data["outcome"]["id"]) == ({"card_state": "lost"}, "lost_card")


@pytest.mark.slow
def test_two_spellings_of_one_question_in_a_file_must_agree(tmp_path: Path) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("card_state: lost\nCard-State: none\n", encoding="utf-8")
    assert (
        f"{answers}:2:1: question 'card_state' is answered twice, with 'lost' and 'none'; "
        "keep one\n" in refused("--answers-file", str(answers))
    )
    answers.write_text("card_state: lost\nCard-State: Lost\n", encoding="utf-8")
    assert wizard("--answers-file", str(answers)).returncode == 0


@pytest.mark.slow
def test_two_spellings_of_one_question_as_flags_must_agree() -> None:
    said = refused("-a", "card_state=lost", "-a", "Card-State=none")
    assert "question 'card_state' is answered twice, with 'lost' and 'none'" in said
    assert wizard("-a", "card_state=lost", "-a", "CARD-STATE=LOST").returncode == 0


@pytest.mark.slow
def test_offices_takes_a_district_in_any_case() -> None:
    ran = wizard("offices", "--district", "LiXia", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["district"] == {"id": "lixia", "name": "Lixia District"}


@pytest.mark.slow
def test_a_retired_choice_in_another_case_is_refused_with_the_guide_s_words() -> None:
    assert "'damaged' is no longer a choice of 'card_state'" in refused("-a", "card_state=Damaged")


@pytest.mark.slow
def test_what_names_no_id_is_quoted_as_typed() -> None:
    said = refused("-a", "card_state=LOTS")
    assert "'LOTS' is not a choice of 'card_state'" in said
    assert "did you mean 'lost'?" in said


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lost", "card_state=lost"),
        ("Out-Of-Province", "card_state=out_of_province"),
        ("=laiwu", "district=laiwu"),
        ("District", "district=lixia"),
        ("keep_card=", "keep_card=yes"),
        ("yes", "card_state=not_damaged"),  # three questions offer it: just an example
    ],
)
def test_an_answer_without_its_question_or_choice_is_shown_whole(typed: str, meant: str) -> None:
    said = refused("-a", typed)
    assert f"--answer {typed!r} is not QUESTION=CHOICE; write it like --answer {meant}\n" in said
    zh = f"--answer “{typed}”不是“问题=选项”的形式；请写成 --answer {meant} 这样\n"
    assert zh in refused("--lang", "zh", "-a", typed)


# --- did you mean ...? ----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "en", "zh"),
    [
        (
            ["-a", "card_stat=lost"],
            f"there is no question 'card_stat'; did you mean 'card_state'? "
            f"The questions are: {QUESTIONS}\n",
            f"没有问题“card_stat”；您是不是想输入 card_state？现有的问题是：{QUESTIONS}\n",
        ),
        (
            ["-a", "card_state=lots"],
            "'lots' is not a choice of 'card_state' (What is your situation with the social "
            f"security card?); did you mean 'lost'? Choose one of: {CARD_STATES}\n",
            "“lots”不是问题 card_state（您的社会保障卡属于哪种情况？）的选项；"
            f"您是不是想选 lost？请从以下选项中选择：{CARD_STATES}\n",
        ),
        (
            ["offices", "--district", "lixai"],
            "there is no district 'lixai'; did you mean 'lixia' or 'laiwu'? The districts are: "
            "lixia, shizhong,",
            "没有区县“lixai”；您是不是想输入 lixia 或 laiwu？现有的区县是：lixia, shizhong,",
        ),
        (
            ["offices", "--district", "tianq"],
            "there is no district 'tianq'; did you mean 'tianqiao'? The districts are:",
            "没有区县“tianq”；您是不是想输入 tianqiao？现有的区县是：",
        ),
    ],
)
def test_a_near_miss_is_suggested_in_the_language_of_the_run(
    args: list[str], en: str, zh: str
) -> None:
    assert f"ssc-wizard: {en}" in refused(*args)
    assert f"ssc-wizard: {zh}" in refused("--lang", "zh", *args)
    assert f"ssc-wizard: {zh}" in refused(*args, LANG="zh_CN.UTF-8")


def test_nothing_near_is_the_list_alone() -> None:
    said = refused("-a", "card_state=stolen")
    assert "did you mean" not in said
    assert "'stolen' is not a choice of 'card_state' (What is your situation" in said


@pytest.mark.slow
def test_an_answers_file_gets_the_suggestion_at_its_position(tmp_path: Path) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("card_stat: lost\ncard_state: lots\n", encoding="utf-8")
    said = refused("--answers-file", str(answers))
    assert f"{answers}:1:1: there is no question 'card_stat'; did you mean 'card_state'?" in said
    assert f"{answers}:2:13: 'lots' is not a choice of 'card_state'" in said
    assert "did you mean 'lost'? Choose one of:" in said


# --- the one place ids are matched -------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "id_"),
    [("Card-State", "card_state"), ("LIXIA", "lixia"), ("a-b_C", "a_b_c"), ("card_state", None)],
)
def test_canonical(typed: str, id_: str | None) -> None:
    assert canonical(typed) == (id_ or typed)


def test_only_ascii_is_changed() -> None:
    assert canonical("\u212a") == "\u212a"  # the Kelvin sign, which lower-cases to "k"
    assert resolve("\u212aeep_card", ["keep_card"]) == "\u212aeep_card"


def test_resolve_and_completed() -> None:
    assert resolve("Card-State", ["card_state"]) == "card_state"
    assert resolve("Card-Stat", ["card_state"]) == "Card-Stat"
    assert completed("Card-St", "card_state") == "Card-State"
    assert completed("", "card_state") == "card_state"
    assert completed("keep", "card_state") is None


# --- --format and --lang: our words, not pydantic's ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "en", "zh"),
    [
        (
            ["--format", "yaml"],
            f"Error: Invalid value for '--format': 'yaml' is not a format; the formats are: "
            f"{FORMATS}\n",
            f"Error: Invalid value for '--format': 没有“yaml”这种格式；可用的格式是：{FORMATS}\n",
        ),
        (
            ["--format", "jsn"],
            f"'jsn' is not a format; did you mean 'json'? The formats are: {FORMATS}\n",
            f"没有“jsn”这种格式；您是不是想用 json？可用的格式是：{FORMATS}\n",
        ),
        (
            ["offices", "--format", "markdwn"],
            f"'markdwn' is not a format; did you mean 'markdown'? The formats are: {FORMATS}\n",
            "没有“markdwn”这种格式；您是不是想用 markdown？",
        ),
        (
            ["graph", "--format", "svg"],
            "'svg' is not a format; the formats are: tree, mermaid, dot\n",
            "没有“svg”这种格式；可用的格式是：tree, mermaid, dot\n",
        ),
        (
            ["graph", "--format", "mermiad"],
            "'mermiad' is not a format; did you mean 'mermaid'? The formats are: "
            "tree, mermaid, dot\n",
            "没有“mermiad”这种格式；您是不是想用 mermaid？",
        ),
        (
            ["paths", "--format", "yaml"],
            "'yaml' is not a format; the formats are: text, json\n",
            "没有“yaml”这种格式；可用的格式是：text, json\n",
        ),
        (
            ["paths", "--format", "jsno"],
            "'jsno' is not a format; did you mean 'json'? The formats are: text, json\n",
            "没有“jsno”这种格式；您是不是想用 json？",
        ),
    ],
)
def test_a_wrong_format_is_refused_in_our_words(args: list[str], en: str, zh: str) -> None:
    assert en in refused(*args)
    assert zh in refused("--lang", "zh", *args)
    assert zh in refused(*args, SSC_WIZARD_LANG="zh")
    if args[0] in ("--format", "offices", "graph"):  # --lang read after --format, too
        assert zh in refused(*args, "--lang", "zh")


def test_a_format_in_capitals_is_still_the_format() -> None:
    ran = wizard("-a", "card_state=lost", "--format", "JSON")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["outcome"]["id"] == "lost_card"


LANGUAGES = "The languages are: en (English), zh (Simplified Chinese)\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zh-CN", "zh"),
        ("zh_TW", "zh"),
        ("ZH_cn", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("chinese", "zh"),
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("english", "en"),
        ("en-US", "en"),
        ("eng", "en"),
    ],
)
def test_a_language_s_name_or_locale_suggests_its_code(typed: str, meant: str) -> None:
    said = refused("--lang", typed)
    assert (
        f"Error: Invalid value for '--lang' (env var: 'SSC_WIZARD_LANG'): {typed!r} is not a "
        f"language of ssc-wizard; did you mean {meant!r}? {LANGUAGES}" in said
    )


@pytest.mark.slow
def test_an_unknown_language_lists_the_languages_in_the_language_of_the_run() -> None:
    # qaa: ISO 639 keeps it for local use, so no language will ever have it.
    assert (
        "'qaa' is not a language of ssc-wizard; the languages are: en (English), "
        "zh (Simplified Chinese)" in refused("--lang", "qaa")
    )
    assert "ssc-wizard 没有“qaa”这种语言；可用的语言是：en（英语）、zh（简体中文）" in refused(
        "--lang", "qaa", LANG="zh_CN.UTF-8"
    )
    assert "'qaa' is not a language" in refused(SSC_WIZARD_LANG="qaa")


def test_a_language_in_capitals_is_still_the_language() -> None:
    ran = wizard("--lang", "ZH", "-a", "card_state=lost", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["lang"] == "zh"


def test_near_language_knows_nothing_of_other_languages() -> None:
    assert near_language("fr", ["en", "zh"]) == []
    assert near_language("français", ["en", "zh"]) == []


# --- a command that is an answer ----------------------------------------------------

LOST = (
    'To answer "What is your situation with the social security card?" with '
    '"I have lost my card", run: ssc-wizard --answer card_state=lost\n'
)


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["lost", "Lost", "LOST"])
def test_an_answer_typed_as_a_command_says_how_to_give_it(typed: str) -> None:
    assert f"Error: No such command {typed!r}. {LOST}" in refused(typed)


def test_an_answer_typed_as_a_command_in_chinese() -> None:
    zh = "要对“您的社会保障卡属于哪种情况？”回答“社保卡丢失了”，请运行："
    said = refused("lost", LANG="zh_CN.UTF-8")
    assert f"Error: No such command 'lost'. {zh}ssc-wizard --answer card_state=lost\n" in said
    said = refused("--lang", "zh", "lost")
    assert f"{zh}ssc-wizard --lang zh --answer card_state=lost\n" in said


@pytest.mark.slow
def test_an_answer_typed_as_a_command_is_of_the_guide_in_use() -> None:
    said = refused("--data-dir", str(MINI), "red")
    command = f"ssc-wizard --data-dir {MINI} --answer colour=red"
    assert f'To answer "Which colour?" with "Red", run: {command}\n' in said
    said = refused("red", SSC_WIZARD_DATA=str(MINI))
    assert f'To answer "Which colour?" with "Red", run: {command}\n' in said
    assert "To answer" not in refused("lost", SSC_WIZARD_DATA=str(MINI))


@pytest.mark.slow
def test_an_unknown_command_from_an_unreadable_guide_is_click_s_message(tmp_path: Path) -> None:
    said = refused("--data-dir", str(tmp_path), "lost")
    assert said.endswith("Error: No such command 'lost'.\n")


@pytest.mark.slow
def test_other_unknown_commands_keep_click_s_words() -> None:
    assert refused("ofices").endswith("Error: No such command 'ofices'. Did you mean 'offices'?\n")
    assert refused("stolen").endswith("Error: No such command 'stolen'.\n")
    # Only the first question's choices: the district is not the first thing asked.
    assert refused("lixia").endswith("Error: No such command 'lixia'.\n")


@pytest.mark.slow
def test_an_answer_typed_as_a_command_follows_the_flags_typed_after_it() -> None:
    """click has not read them yet; the command suggested must be of that guide."""
    command = f"ssc-wizard --data-dir {MINI} --answer colour=red"
    for args in (["red", "--data-dir", str(MINI)], ["Red", f"--data-dir={MINI}"]):
        assert f'"Red", run: {command}\n' in refused(*args)
    said = refused("red", "--data-dir", str(MINI), SSC_WIZARD_DATA="/nowhere")
    assert f'"Red", run: {command}\n' in said
    zh = refused("lost", "--lang", "zh")
    assert "请运行：ssc-wizard --lang zh --answer card_state=lost\n" in zh


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["card_state=lost", "Card-State=LOST"])
def test_a_whole_answer_typed_without_answer_says_how_to_give_it(typed: str) -> None:
    assert f"Error: No such command {typed!r}. {LOST}" in refused(typed)
    assert "To answer" not in refused("card_state=stolen")


@pytest.mark.slow
def test_a_command_in_capitals_is_suggested() -> None:
    said = refused("OFFICES")
    assert said.endswith("Error: No such command 'OFFICES'. Did you mean 'offices'?\n")
    assert refused("New_Guide", "x").endswith("Did you mean 'new-guide'?\n")


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["-1", "abc", "1e3", "", "٣"])
def test_a_wrong_limit_is_refused_in_our_words(typed: str) -> None:
    said = refused("paths", "--limit", typed)
    assert f"{typed!r} is not a number of paths: give a whole number, 0 or more\n" in said
    assert "Input should be" not in said
    zh = refused("--lang", "zh", "paths", "--limit", typed)
    assert f"“{typed}”不是路径的数目：请给出 0 或更大的整数\n" in zh


@pytest.mark.slow
def test_an_empty_id_is_still_seen_in_chinese() -> None:
    assert "没有区县“”；" in refused("--lang", "zh", "offices", "--district", "")
    assert "--answer “”不是" in refused("--lang", "zh", "-a", "")


@pytest.mark.slow
def test_spaces_around_an_id_in_an_answers_file_are_as_in_a_flag(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text('"card_state ": " lost"\n', encoding="utf-8")
    ran = wizard("--answers-file", str(answers), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert '"card_state": "lost"' in ran.stdout


@pytest.mark.parametrize(("typed", "meant"), [("md", "'markdown'"), (".txt", "'text'")])
def test_a_format_called_by_its_file_suffix_suggests_its_name(typed: str, meant: str) -> None:
    assert f"{typed!r} is not a format; did you mean {meant}?" in refused("--format", typed)
