"""Plain mode, for screen readers: numbered questions announced by number, and
nothing drawn, coloured or redrawn, through a whole session in a real terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TESTS, console_script, run_installed
from test_interactive import Wizard

# Every test drives the installed wizard in a pseudo-terminal.
pytestmark = pytest.mark.slow

#: Box drawing (U+2500 to U+257F), which a screen reader reads out one by one.
BOX = re.compile("[\u2500-\u257f]")

SAID = {
    "en": {
        "mode": "Plain mode: each choice has a number",
        "q1": "Question 1\r\nWhat is your situation with the social security card?",
        "q2": "Question 2\r\nDo you want to keep using your card from outside Shandong?",
        "q3": "Question 3\r\nIs the financial (bank) account of that card working normally?",
        "menu": "What would you like to do now?",
        "which": "Which answer do you want to change?",
        "result": "Your result: A card from outside Shandong you will not keep",
        "heading": "\r\nWhere to go:\r\n",
        "choice": "Your choice",
    },
    "zh": {
        "mode": "纯文本模式：每个选项都有序号",
        "q1": "第 1 题\r\n您的社会保障卡属于哪种情况？",
        "q2": "第 2 题\r\n您是否想继续使用这张山东省外的社保卡？",
        "q3": "第 3 题\r\n这张社保卡的金融账户（银行账户）是否正常？",
        "menu": "接下来您想做什么？",
        "which": "您想修改哪一个回答？",
        "result": "您的结果：不再使用山东省外的社保卡",
        "heading": "\r\n办理地点：\r\n",
        "choice": "请输入序号",
    },
}


def plain_session(wizard: Wizard, lang: str) -> None:
    """Answer, go back, answer again, change an answer, show the result, quit."""
    said = SAID[lang]
    wizard.expect(said["mode"])
    wizard.expect(said["q1"])
    wizard.expect(said["choice"])
    wizard.child.sendline("4")  # a card from outside Shandong
    wizard.expect(said["q2"])
    wizard.child.sendline("1")  # keep it
    wizard.expect(said["q3"])
    wizard.child.sendline("3")  # Back
    wizard.expect(said["q2"])
    wizard.child.sendline("2")  # not kept after all
    wizard.expect(said["heading"])  # the result, its headings on lines of their own
    wizard.expect(said["result"])
    wizard.expect(said["menu"])
    wizard.child.sendline("2")  # Change an answer
    wizard.expect(said["which"])
    wizard.child.sendline("3")  # Back to the menu
    wizard.expect(said["menu"])
    wizard.child.sendline("2")
    wizard.expect(said["which"])
    wizard.child.sendline("2")  # the answer to question 2
    wizard.expect(said["q2"])
    wizard.child.sendline("")  # the earlier answer, pre-selected
    wizard.expect(said["result"])
    wizard.expect(said["menu"])
    wizard.child.sendline("1")  # Show the result from the top
    wizard.expect(said["heading"])
    wizard.expect(said["menu"])
    wizard.child.sendline("4")  # Quit


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("how", ["--plain", "SSC_WIZARD_PLAIN=1"])
def test_a_whole_plain_session_draws_and_redraws_nothing(lang: str, how: str) -> None:
    args, env = (["--plain"], {}) if how == "--plain" else ([], {"SSC_WIZARD_PLAIN": "1"})
    # In colour, were it not for plain mode: NO_COLOR is not what keeps it plain.
    wizard = Wizard(*args, "--lang", lang, rows=24, cols=80, NO_COLOR="<unset>", **env)
    plain_session(wizard, lang)
    assert wizard.finish() == 0
    output = wizard.output
    assert BOX.search(output) is None
    assert "\x1b" not in output  # no colour, no cursor movement, no redrawing
    assert "--answer card_state=out_of_province --answer keep_card=no" in output


def test_plain_text_on_a_narrow_terminal_is_wrapped_between_words() -> None:
    """A word cut in two at the terminal's edge would be read as two."""
    answers = ["-a", "card_state=out_of_province", "-a", "keep_card=no"]
    whole = run_installed([console_script(), *answers, "--format", "text"], TESTS).stdout
    vocabulary = set(whole.split())
    wizard = Wizard(*answers, "--plain", rows=200, cols=40)
    assert wizard.finish() == 0
    lines = [line for line in wizard.lines() if line]
    shown = " ".join(lines).replace(" \\ ", " ")  # the command, broken between its words
    assert set(shown.split()) <= vocabulary | {"\\"}
    assert len(lines) > len(whole.splitlines())  # and wrapped: more lines than items


@pytest.mark.parametrize("command", [["graph"], ["offices"], ["offices", "--district", "lixia"]])
def test_the_other_commands_draw_nothing_in_plain_mode(command: list[str]) -> None:
    wizard = Wizard(*command, "--lang", "zh", rows=200, cols=60, SSC_WIZARD_PLAIN="1")
    assert wizard.finish() == 0
    assert BOX.search(wizard.output) is None
    assert "\x1b" not in wizard.output


@pytest.mark.parametrize(
    ("value", "plain"), [("1", True), ("anything", True), ("0", False), ("", False)]
)
def test_the_variable_turns_plain_mode_on_unless_it_says_off(value: str, plain: bool) -> None:
    wizard = Wizard(rows=24, cols=80, SSC_WIZARD_PLAIN=value)
    wizard.expect("What is your situation with the social security card?")
    wizard.child.sendcontrol("c")
    assert wizard.finish() == 130
    assert ("Question 1" in wizard.output) is plain
    assert "Traceback" not in wizard.output


def test_enter_without_a_choice_asks_for_a_number_and_a_default_taken_is_said() -> None:
    wizard = Wizard("-a", "card_state=not_damaged", "--plain", "--lang", "zh", rows=24, cols=80)
    wizard.expect("请输入序号（1-13）：")
    wizard.child.sendline("1")
    wizard.expect("请输入序号（1-4，直接回车选 4）：")
    wizard.child.sendline("")  # Quit, the pre-selected choice
    assert wizard.finish() == 0
    assert "已选择：退出" in wizard.output
    wizard = Wizard("--plain", rows=24, cols=80)
    wizard.expect("Your choice (1-6): ")
    wizard.child.sendline("")  # no pre-selected choice here
    wizard.expect("Type one of the numbers, then Enter.")
    wizard.expect("Your choice (1-6): ")
    wizard.child.sendcontrol("d")
    assert wizard.finish() == 130
    # The message goes on a line of its own, not after the prompt.
    assert "ssc-wizard: interrupted" in wizard.lines()
    assert "Chosen" not in wizard.output


def vocabulary(*texts: str) -> set[str]:
    return {word for text in texts for word in text.split()}


def test_questions_are_wrapped_for_the_terminal_when_stdout_is_redirected(tmp_path: Path) -> None:
    """The questions then go to stderr: wrapped for its terminal, not for 80 columns."""
    wizard = Wizard(command=f"{console_script()} --plain > {tmp_path}/out.txt", rows=24, cols=40)
    wizard.expect("Your choice (1-6): ")
    wizard.child.sendline("3")
    assert wizard.finish() == 0
    said = vocabulary(
        "Plain mode: each choice has a number; type the number, then Enter.",
        "To answer without questions, give the answers as flags: --answer QUESTION=CHOICE "
        "(see ssc-wizard --help).",
        "Question 1 What is your situation with the social security card?",
        "Each situation has its own procedure, offices and materials, so this answer "
        "decides what follows.",
        "1. My card is not damaged, but it must be replaced (for a new photo, say) 2. My card is "
        "damaged 3. I have lost my card 4. I have a card issued outside Shandong Province 5. I "
        "have a card issued in another city of Shandong Province 6. I have never had a social "
        "security card Your choice (1-6): 3",  # the 3 typed
    )
    shown = set(" ".join(wizard.lines()).split())
    assert shown <= said, shown - said  # no word cut in two at the 40th column
    assert "A lost card" in (tmp_path / "out.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [["--no-input", "-a", "card_state=lots"], ["--format", "jsn"], ["lost"], ["paths", "-x"]],
    ids=["ours", "a bad option value", "an unknown command", "an unknown option"],
)
def test_messages_on_stderr_are_wrapped_between_words(args: list[str]) -> None:
    wizard = Wizard(*args, rows=24, cols=40)
    assert wizard.finish() == 2
    # The same message, unwrapped, where stderr is not a terminal.
    message = run_installed([console_script(), *args], TESTS).stderr
    shown = [line for line in wizard.lines() if line]
    assert len(shown) > 1
    assert set(" ".join(shown).split()) <= set(message.split())
