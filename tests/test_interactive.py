"""The real wizard in a pseudo-terminal, driven with the keys a person presses.

pexpect drives it; pyte, a terminal emulator, keeps the screen that a person
would see, so tests can check what is on it and not only what was written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from conftest import JINAN_CHOICES, TESTS, GuideDir, console_script

# Every test drives the installed wizard in a pseudo-terminal.
pytestmark = pytest.mark.slow

UP, DOWN, ENTER, CTRL_C, CTRL_D = "\x1b[A", "\x1b[B", "\r", "\x03", "\x04"

QUESTIONS = {
    "card_state": "What is your situation with the social security card?",
    "keep_card": "Do you want to keep using your card from outside Shandong?",
    "keep_shandong_card": "Do you want to keep using your card from another Shandong city?",
    "account_normal": "Is the financial (bank) account of that card working normally?",
    "district": "Which district or county of Jinan do you live in?",
}
HELP_CARD_STATE = "Each situation has its own procedure, offices and materials"
MENU = "What would you like to do now?"
WHICH = "Which answer do you want to change?"
REPLACE = "Replace a card that is not damaged"
LOST = "A lost card: cancel it, then apply again"
CONVERT = "Convert your card from outside Shandong into a Jinan card"
ACCOUNT = "Your card's account is not working normally: the source does not cover it"
CANCEL = "A card from outside Shandong you will not keep: cancel, then apply in Jinan"
FIRST = "Apply for your first social security card"


class Wizard:
    """ssc-wizard in a pseudo-terminal, and the screen it draws."""

    def __init__(
        self, *args: str, command: str | None = None, rows: int = 300, cols: int = 100, **env: str
    ) -> None:
        # pexpect never answers prompt_toolkit's cursor position request, which
        # would cost a second's wait at every prompt; real terminals answer it.
        environment = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
        for name in ("SSC_WIZARD_DATA", "COLUMNS", "LINES"):
            environment.pop(name, None)
        environment.update(env)
        environment = {k: v for k, v in environment.items() if v != "<unset>"}
        program, argv = (
            ("bash", ["-c", command]) if command else (sys.executable, ["-m", "ssc_wizard", *args])
        )
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.raw: list[str] = []
        self.child = pexpect.spawn(
            program,
            argv,
            env=environment,
            encoding="utf-8",
            dimensions=(rows, cols),
            timeout=15,
        )
        self.child.logfile_read = self

    # pexpect's log file: everything the program writes goes to the emulator too.
    def write(self, data: str) -> None:
        self.raw.append(data)
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def answer(self, question: str, choice: str) -> None:
        self.expect(QUESTIONS[question])
        self.child.send(DOWN * JINAN_CHOICES[question].index(choice) + ENTER)

    def walk(self, path: list[tuple[str, str]]) -> None:
        for question, choice in path:
            self.answer(question, choice)

    def back(self, question: str) -> None:
        """Choose Back, the last choice: one step up from the first."""
        self.expect(QUESTIONS[question])
        self.child.send(UP + ENTER)

    def menu(self, keys: str) -> None:
        self.expect(MENU)
        self.child.send(keys)

    def change(self, answer: int) -> None:
        """From the menu, change the ``answer``-th answer (from 0)."""
        self.menu(UP * 2 + ENTER)  # Change an answer, two up from Quit
        self.expect(WHICH)
        self.child.send(DOWN * answer + ENTER)

    def quit(self) -> None:
        """Quit is the menu's pre-selected choice."""
        self.menu(ENTER)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus is not None
        return self.child.exitstatus

    @property
    def output(self) -> str:
        return "".join(self.raw)

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def settle(self, quiet: float = 0.2) -> None:
        """Read what the program has drawn until it draws nothing for ``quiet`` seconds:
        the screen is fed only as output is read, and a menu is drawn in several writes."""
        with contextlib.suppress(pexpect.TIMEOUT):
            while True:
                self.child.read_nonblocking(65536, timeout=quiet)

    def command(self) -> str:
        """The last command on the screen, its backslash-broken lines joined."""
        lines = self.lines()
        start = max(i for i, line in enumerate(lines) if line.startswith("ssc-wizard "))
        words: list[str] = []
        for line in lines[start:]:
            words.append(line.removesuffix("\\").strip())
            if not line.endswith("\\"):
                return " ".join(words)
        raise AssertionError("the command's last line ends in a backslash")

    def text(self) -> str:
        """The screen as one line of words: wrapped text reads as it was written."""
        return " ".join(" ".join(self.lines()).split())


def pointed(wizard: Wizard) -> str:
    """The menu choice the pointer is on, as the screen shows it."""
    wizard.settle()
    (line,) = [line for line in wizard.lines() if line.startswith(" » ")]
    return line.removeprefix(" » ")


def words(text: str) -> str:
    return " ".join(text.split())


def after(output: str, marker: str) -> str:
    return output[output.rindex(marker) :]


ROUTES = [
    ([("card_state", "not_damaged"), ("district", "lixia")], REPLACE),
    ([("card_state", "damaged_card")], "A damaged card: the source does not cover it"),
    ([("card_state", "lost")], LOST),
    (
        [
            ("card_state", "out_of_province"),
            ("keep_card", "yes"),
            ("account_normal", "yes"),
            ("district", "jiyang"),
        ],
        CONVERT,
    ),
    (
        [("card_state", "out_of_province"), ("keep_card", "yes"), ("account_normal", "no")],
        ACCOUNT,
    ),
    ([("card_state", "out_of_province"), ("keep_card", "no")], CANCEL),
    (
        [("card_state", "other_shandong_city"), ("keep_shandong_card", "yes")],
        "Keeping a card from another Shandong city: the source does not cover it",
    ),
    (
        [("card_state", "other_shandong_city"), ("keep_shandong_card", "no")],
        "A card from another Shandong city you will not keep: cancel, then apply in Jinan",
    ),
    ([("card_state", "none")], FIRST),
]


@pytest.mark.parametrize(("path", "title"), ROUTES, ids=[title for _, title in ROUTES])
def test_every_outcome_is_reachable_with_arrow_keys(
    path: list[tuple[str, str]], title: str
) -> None:
    wizard = Wizard()
    wizard.walk(path)
    wizard.expect(title)
    wizard.expect("Your answers")
    wizard.expect(MENU)
    assert wizard.command() == "ssc-wizard " + " ".join(f"--answer {q}={c}" for q, c in path)
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


def test_each_question_has_its_help_line_under_it() -> None:
    wizard = Wizard()
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect(HELP_CARD_STATE)
    lines = wizard.lines()
    question = next(i for i, line in enumerate(lines) if QUESTIONS["card_state"] in line)
    assert HELP_CARD_STATE in lines[question + 1]
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130


def test_back_from_the_second_question_returns_with_the_answer_selected() -> None:
    wizard = Wizard()
    wizard.answer("card_state", "out_of_province")
    wizard.back("keep_card")
    wizard.expect(QUESTIONS["card_state"])
    wizard.child.send(ENTER)  # the earlier answer is pre-selected
    wizard.answer("keep_card", "no")
    wizard.expect(CANCEL)
    wizard.expect("ssc-wizard --answer card_state=out_of_province --answer keep_card=no")
    wizard.quit()
    assert wizard.finish() == 0


def test_back_is_the_last_choice_and_absent_from_the_first_question() -> None:
    wizard = Wizard()
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect("I have never had a social security card")
    assert "Back" not in wizard.text()
    wizard.child.send(DOWN * 3 + ENTER)
    wizard.expect(QUESTIONS["keep_card"])
    wizard.expect("Back")
    choices = [line.strip(" »") for line in wizard.lines() if line.startswith("   ")]
    assert choices[-1] == "3. Back"
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130


def test_back_twice_then_another_path_leaves_nothing_of_the_first() -> None:
    wizard = Wizard()
    wizard.answer("card_state", "out_of_province")
    wizard.answer("keep_card", "yes")
    wizard.back("account_normal")
    wizard.back("keep_card")
    wizard.expect(QUESTIONS["card_state"])
    wizard.child.send(UP + ENTER)  # from the pre-selected out_of_province up to lost
    wizard.expect(LOST)
    wizard.expect("Your answers")
    wizard.expect(MENU)
    result = after(wizard.output, LOST)
    assert wizard.command() == "ssc-wizard --answer card_state=lost"
    assert "keep_card" not in result
    assert QUESTIONS["keep_card"] not in result
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


CONVERT_IN_LIXIA = [
    ("card_state", "out_of_province"),
    ("keep_card", "yes"),
    ("account_normal", "yes"),
    ("district", "lixia"),
]


def test_change_an_answer_so_that_the_path_changes() -> None:
    wizard = Wizard()
    wizard.walk(CONVERT_IN_LIXIA)
    wizard.expect(CONVERT)
    wizard.change(0)  # the card's situation
    wizard.expect(QUESTIONS["card_state"])
    wizard.child.send(UP * 3 + ENTER)  # out_of_province is pre-selected; three up is not_damaged
    # The district is still on the new path: kept, not asked again.
    wizard.expect(REPLACE)
    wizard.expect(MENU)
    output = wizard.output
    answered = output.rindex("» My card is not damaged")
    changed = output[answered : output.index(REPLACE, answered)]
    assert QUESTIONS["district"] not in changed
    result = output[output.index(REPLACE, answered) :]
    assert "ssc-wizard --answer card_state=not_damaged --answer district=lixia" in result
    assert "Lixia District" in result
    for stale in ("keep_card", "account_normal", QUESTIONS["keep_card"]):
        assert stale not in result
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


def test_change_keeps_the_answers_still_on_the_path() -> None:
    wizard = Wizard()
    wizard.walk(CONVERT_IN_LIXIA)
    wizard.change(2)  # the account
    wizard.expect(QUESTIONS["account_normal"])
    wizard.child.send(DOWN + ENTER)  # "yes" is pre-selected; "no" is next
    wizard.expect(ACCOUNT)
    wizard.expect(MENU)
    # The district is not on the new path: dropped.
    assert wizard.command() == (
        "ssc-wizard --answer card_state=out_of_province --answer keep_card=yes "
        "--answer account_normal=no"
    )
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


@pytest.mark.parametrize("size", [(24, 80), (20, 40)], ids=["80x24", "40x20"])
def test_back_from_the_list_of_answers_returns_to_the_menu_at_change(
    size: tuple[int, int],
) -> None:
    rows, cols = size
    wizard = Wizard(rows=rows, cols=cols)
    wizard.expect("security card")  # the last choice, wrapped or not
    wizard.child.send(DOWN * 2 + ENTER)  # a lost card
    wizard.menu(UP * 2 + ENTER)  # Change an answer
    wizard.expect(WHICH)
    wizard.child.send(UP + ENTER)  # Back
    wizard.expect(MENU)
    wizard.expect("4. Quit")
    assert pointed(wizard) == "2. Change an answer"
    wizard.child.send(DOWN * 2 + ENTER)
    assert wizard.finish() == 0


def test_start_again_asks_everything_again_even_flag_answers() -> None:
    wizard = Wizard("--answer", "district=lixia")
    wizard.answer("card_state", "not_damaged")
    wizard.expect(REPLACE)
    wizard.menu(UP + ENTER)  # Start again
    wizard.answer("card_state", "not_damaged")
    wizard.answer("district", "pingyin")  # asked, though the flag had answered it
    wizard.expect(REPLACE)
    wizard.expect(MENU)
    assert wizard.command() == (
        "ssc-wizard --answer card_state=not_damaged --answer district=pingyin"
    )
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


def test_flags_answer_ahead_and_the_rest_is_asked() -> None:
    wizard = Wizard("--answer", "card_state=not_damaged")
    wizard.answer("district", "tianqiao")
    wizard.expect(REPLACE)
    wizard.expect("Tianqiao District")
    wizard.quit()
    assert wizard.finish() == 0
    assert HELP_CARD_STATE not in wizard.output  # shown only when the question is asked


def test_with_every_answer_given_there_is_no_menu() -> None:
    wizard = Wizard("-a", "card_state=not_damaged", "-a", "district=lixia")
    assert wizard.finish() == 0
    assert REPLACE in wizard.output
    assert "Your answers" in wizard.output
    assert MENU not in wizard.output


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("where", ["question", "menu"])
def test_interrupt_at_a_prompt_exits_130_quietly(key: str, where: str) -> None:
    wizard = Wizard()
    wizard.answer("card_state", "out_of_province")
    if where == "question":
        wizard.expect(QUESTIONS["keep_card"])
    else:
        wizard.answer("keep_card", "no")
        wizard.expect(MENU)
    wizard.child.send(key)
    assert wizard.finish() == 130
    tail = wizard.output.split(QUESTIONS["keep_card"] if where == "question" else MENU)[-1]
    assert "ssc-wizard: interrupted" in tail
    assert "Traceback" not in wizard.output
    assert "Cancelled by user" not in wizard.output


#: Keys that must do nothing at a menu: prompt_toolkit's line editor had meanings
#: for many of them (Ctrl-O accepted an empty answer; Ctrl-X and Ctrl-] swallowed
#: the next key).
IDLE_KEYS = {
    **{
        f"ctrl-{chr(c)}": chr(c - 96)
        for c in range(ord("a"), ord("z") + 1)
        if chr(c) not in "cdjmnpq"
    },
    "ctrl-@": "\x00",
    "ctrl-\\": "\x1c",
    "ctrl-]": "\x1d",
    "ctrl-^": "\x1e",
    "ctrl-_": "\x1f",
    "backspace": "\x7f",
    "f1": "\x1bOP",
    "f5": "\x1b[15~",
    "home": "\x1b[H",
    "page up": "\x1b[5~",
    "insert": "\x1b[2~",
    "delete": "\x1b[3~",
    "shift-tab": "\x1b[Z",
    "a paste": "\x1b[200~lost\r\x1b[201~",
    "a mouse click": "\x1b[<0;5;5M\x1b[<0;5;5m",
    "ctrl-x ctrl-e": "\x18\x05",
    "ctrl-] then a letter": "\x1dx",
    "letters": "xyz",
}
#: Keys that stop the wizard at a question, as Ctrl-C does.
STOP_KEYS = {
    "esc": "\x1b",
    "esc then enter (alt+enter)": "\x1b\r",
    "esc then ctrl-o": "\x1b\x0f",
    "alt+x": "\x1bx",
    "ctrl-q": "\x11",
}


def test_keys_without_a_meaning_do_nothing_at_a_question() -> None:
    wizard = Wizard()
    wizard.expect(QUESTIONS["card_state"])
    for name, key in IDLE_KEYS.items():
        wizard.child.send(key)
        time.sleep(0.05)
        assert wizard.child.isalive(), name
    wizard.child.send(ENTER)  # still on the first choice, and nothing was answered
    wizard.expect(QUESTIONS["district"])
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130
    assert "» My card is not damaged" in wizard.text()


def test_text_pasted_at_a_question_is_neither_shown_nor_taken() -> None:
    wizard = Wizard()
    wizard.expect(QUESTIONS["card_state"])
    wizard.child.send("\x1b[200~pasted words\r\x1b[201~" + DOWN)
    wizard.child.expect(pexpect.TIMEOUT, timeout=1)  # what it draws reaches the screen
    assert "pasted" not in wizard.text()
    assert "» 2. My card is damaged" in wizard.text()  # the pointer moved: the menu still works
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130


@pytest.mark.parametrize("key", STOP_KEYS.values(), ids=STOP_KEYS.keys())
def test_esc_and_alt_keys_stop_at_a_question_as_ctrl_c_does(key: str) -> None:
    wizard = Wizard()
    wizard.answer("card_state", "not_damaged")
    wizard.expect(QUESTIONS["district"])
    wizard.child.send(key)
    assert wizard.finish() == 130
    assert "ssc-wizard: interrupted" in after(wizard.output, QUESTIONS["district"])
    assert "internal error" not in wizard.output


@pytest.mark.parametrize("key", ["\x0a", "\x0d"], ids=["ctrl-j", "ctrl-m"])
def test_ctrl_j_and_ctrl_m_are_enter(key: str) -> None:
    wizard = Wizard("-a", "card_state=not_damaged")
    wizard.expect(QUESTIONS["district"])
    wizard.child.send(key)
    wizard.expect(MENU)
    wizard.child.send(ENTER)
    assert wizard.finish() == 0
    assert "--answer district=lixia" in wizard.output


@pytest.mark.parametrize("key", ["\x1b", "\x1b\r"], ids=["esc", "esc then enter"])
def test_esc_at_the_menu_after_the_result_quits_and_saves_the_answers(
    tmp_path: Path, key: str
) -> None:
    saved = tmp_path / "answers.yaml"
    wizard = Wizard("--save-answers", str(saved))
    wizard.walk([("card_state", "not_damaged"), ("district", "laiwu")])
    wizard.menu("\x0f" + UP)  # Ctrl-O does nothing; the pointer is on Start again
    wizard.child.send(key)
    assert wizard.finish() == 0
    assert "card_state: not_damaged\ndistrict: laiwu\n" in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize("key", ["\x1b", "\x1b\r", "\x1bk"], ids=["esc", "alt+enter", "alt+k"])
def test_esc_at_which_answer_goes_back_to_the_menu(key: str) -> None:
    wizard = Wizard("-a", "card_state=not_damaged")
    wizard.answer("district", "laiwu")
    wizard.menu(UP * 2 + ENTER)
    wizard.expect(WHICH)
    wizard.child.send(key)
    wizard.expect(MENU)
    # The key sent with Esc (an Alt chord) went with it: the menu waits, untouched.
    time.sleep(0.3)
    assert wizard.child.isalive()
    assert pointed(wizard) == "2. Change an answer"
    wizard.child.send(DOWN * 2 + ENTER)
    assert wizard.finish() == 0
    assert f"? {WHICH} » Back ? {MENU} » Quit" in wizard.text()


def test_sigint_from_outside_stops_at_a_question_as_ctrl_c_does() -> None:
    wizard = Wizard()
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect("then Enter.")
    wizard.child.kill(signal.SIGINT)
    assert wizard.finish() == 130
    assert "ssc-wizard: interrupted" in wizard.output


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_sigterm_or_sighup_at_a_question_restores_the_terminal(signum: int) -> None:
    """As when the terminal window is closed (SIGHUP) or the system shuts down (SIGTERM)."""
    wizard = Wizard(command=f"{sys.executable} -m ssc_wizard; echo status=$?; stty -a")
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect("then Enter.")
    shell = wizard.child.pid
    (program,) = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    os.kill(int(program), signum)
    wizard.expect(f"status={128 + signum}")  # ended by the signal, as the shell sees it
    assert wizard.finish() == 0
    assert not wizard.screen.cursor.hidden
    settings = wizard.output.split(f"status={128 + signum}")[1].split()
    assert "icanon" in settings and "echo" in settings  # line editing is back on
    assert "Traceback" not in wizard.output


#: A shell that ignores SIGHUP and outlives the terminal: the program gets no
#: signal at all, only the error of every read and write.
OUTLIVES = "trap '' HUP; {program} 2>{err}; echo $? >{status}"


@pytest.mark.parametrize(
    ("shell", "term", "ready"),
    [
        # The program is the terminal's own process: the kernel sends it SIGHUP,
        # and a read or a write of the dead terminal may fail before it arrives.
        ("exec {program} 2>{err}", "xterm", "then Enter."),
        (OUTLIVES, "xterm", "then Enter."),
        (OUTLIVES, "dumb", "Your choice"),
    ],
    ids=["terminal-process", "no-signal", "no-signal-numbered"],
)
def test_closing_the_terminal_at_a_question_ends_as_sighup_says_nothing(
    tmp_path: Path, shell: str, term: str, ready: str
) -> None:
    err, status = tmp_path / "stderr", tmp_path / "status"
    command = shell.format(program=console_script(), err=err, status=status)
    wizard = Wizard(command=command, TERM=term)
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect(ready)
    wizard.child.ptyproc.fileobj.close()  # the window closes
    wizard.child.wait()
    if shell == OUTLIVES:
        assert status.read_text().strip() == str(128 + signal.SIGHUP)
    else:
        assert wizard.child.signalstatus == signal.SIGHUP
    assert err.read_text() == ""  # no traceback, no "internal error", in a log either


def test_prompts_go_to_the_screen_when_stdout_is_redirected(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    wizard = Wizard(command=f"{sys.executable} -m ssc_wizard --format json > {out}")
    wizard.answer("card_state", "not_damaged")
    wizard.answer("district", "unsure")
    # The result went to the file, so there is nothing to review on the screen.
    assert wizard.finish() == 0
    assert MENU not in wizard.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["answers"] == {"card_state": "not_damaged", "district": "unsure"}
    assert data["outcome"]["id"] == "replace_card"


def test_saved_answers_are_the_final_ones_after_a_change(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    wizard = Wizard("--save-answers", str(saved))
    wizard.walk(
        [
            ("card_state", "out_of_province"),
            ("keep_card", "yes"),
            ("account_normal", "yes"),
            ("district", "laiwu"),
        ]
    )
    wizard.change(0)
    wizard.expect(QUESTIONS["card_state"])
    wizard.child.send(UP * 3 + ENTER)  # out_of_province is pre-selected; three up is not_damaged
    wizard.expect(REPLACE)
    assert not saved.exists()  # written once, when the person is done
    wizard.quit()
    assert wizard.finish() == 0
    assert "card_state: not_damaged\ndistrict: laiwu\n" in saved.read_text(encoding="utf-8")
    assert f"ssc-wizard: answers saved to {saved}" in words(wizard.output)  # wrapped, maybe

    replay = Wizard("--answers-file", str(saved))
    assert replay.finish() == 0
    assert REPLACE in replay.output and "Laiwu District" in replay.output
    assert MENU not in replay.output  # nothing was asked


def test_answers_file_answers_ahead_and_back_passes_over_them(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("card_state: out_of_province\n", encoding="utf-8")
    wizard = Wizard("--answers-file", str(answers))
    wizard.answer("keep_card", "yes")
    wizard.back("account_normal")
    wizard.expect(QUESTIONS["keep_card"])
    wizard.child.send(DOWN + ENTER)  # no
    wizard.expect(CANCEL)
    wizard.quit()
    assert wizard.finish() == 0
    assert QUESTIONS["card_state"] not in wizard.output


def test_output_to_a_file_says_where_and_shows_no_menu(tmp_path: Path) -> None:
    target = tmp_path / "checklist.md"
    wizard = Wizard("-o", str(target))
    wizard.walk([("card_state", "not_damaged"), ("district", "lixia")])
    assert wizard.finish() == 0
    assert target.read_text(encoding="utf-8").startswith(f"# {REPLACE}\n")
    assert f"ssc-wizard: result written to {target}" in words(wizard.output)
    assert MENU not in wizard.output


def test_interrupted_run_writes_no_file(tmp_path: Path) -> None:
    target, saved = tmp_path / "result.md", tmp_path / "answers.yaml"
    wizard = Wizard("-o", str(target), "--save-answers", str(saved))
    wizard.answer("card_state", "not_damaged")
    wizard.expect(QUESTIONS["district"])
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130
    assert list(tmp_path.iterdir()) == []


SGR = re.compile(r"\x1b\[([0-9;]*)m")
COLOURS = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def colours_used(output: str) -> set[int]:
    return {int(p) for params in SGR.findall(output) for p in params.split(";") if p} & COLOURS


@pytest.mark.parametrize("no_color", ["1", "<unset>"])
def test_no_color_means_no_colour(no_color: str) -> None:
    wizard = Wizard(NO_COLOR=no_color)
    wizard.answer("card_state", "not_damaged")
    wizard.answer("district", "lixia")
    wizard.expect(REPLACE)
    wizard.quit()
    assert wizard.finish() == 0
    # Without NO_COLOR, the same run is in colour: the check can tell the difference.
    assert bool(colours_used(wizard.output)) is (no_color == "<unset>")


def test_esc_in_a_dumb_terminal_leaves_as_in_a_menu() -> None:
    wizard = Wizard("-a", "card_state=not_damaged", TERM="dumb")
    wizard.expect("Your choice (1-13): ")
    wizard.child.sendline("\x1b[A")  # an arrow key is not a number
    wizard.expect("'\\x1b[A' is not one of the numbers.")
    wizard.child.sendline("\x1b")  # Esc, then Enter
    assert wizard.finish() == 130
    assert "ssc-wizard: interrupted" in wizard.output
    wizard = Wizard("-a", "card_state=not_damaged", TERM="dumb")
    wizard.expect("Your choice (1-13): ")
    wizard.child.sendline("1")
    wizard.expect(MENU)
    wizard.expect("Your choice (1-4, Enter for 4): ")
    wizard.child.sendline("\x1b")  # Quit
    assert wizard.finish() == 0


def test_ctrl_backslash_in_a_dumb_terminal_stops_as_ctrl_c_does() -> None:
    # The terminal reads whole lines there, so Ctrl-\\ sends SIGQUIT.
    wizard = Wizard("-a", "card_state=not_damaged", TERM="dumb")
    wizard.expect("Your choice (1-13): ")
    wizard.child.send("\x1c")
    assert wizard.finish() == 130
    assert "ssc-wizard: interrupted" in wizard.output


def test_a_dumb_terminal_gets_numbered_questions_and_no_escape_codes() -> None:
    wizard = Wizard(TERM="dumb")
    wizard.expect("cannot draw menus")
    wizard.expect("--answer QUESTION=CHOICE")
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect(HELP_CARD_STATE)
    wizard.expect("4. I have a card issued outside Shandong Province")
    wizard.expect("Your choice (1-6): ")
    wizard.child.sendline("4")
    wizard.expect("3. Back")
    wizard.expect("Your choice (1-3): ")
    wizard.child.sendline("7")
    wizard.expect("'7' is not one of the numbers.")
    wizard.child.sendline("3")  # Back
    wizard.expect("Your choice (1-6, Enter for 4): ")
    wizard.child.sendline("")  # the earlier answer
    wizard.expect(QUESTIONS["keep_card"])
    wizard.child.sendline("1")
    wizard.expect(QUESTIONS["account_normal"])
    wizard.child.sendline("1")
    wizard.expect(QUESTIONS["district"])
    wizard.child.sendline("1")
    wizard.expect(CONVERT)
    wizard.expect(MENU)
    wizard.expect("Your choice (1-4, Enter for 4): ")
    wizard.child.sendline("")
    assert wizard.finish() == 0
    assert "\x1b" not in wizard.output
    assert wizard.command() == (
        "ssc-wizard --answer card_state=out_of_province --answer keep_card=yes "
        "--answer account_normal=yes --answer district=lixia"
    )


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_a_dumb_terminal_can_be_interrupted(key: str) -> None:
    wizard = Wizard(TERM="dumb")
    wizard.expect("Your choice (1-6): ")
    wizard.child.send(key)
    assert wizard.finish() == 130
    assert "ssc-wizard: interrupted" in wizard.output
    assert "Traceback" not in wizard.output


def test_a_dumb_terminal_takes_the_digits_an_input_method_types() -> None:
    """A Chinese input method may type a circled or a full-width digit."""
    wizard = Wizard(TERM="dumb", LANG="zh_CN.UTF-8")
    wizard.expect("：")  # the prompt for a number
    wizard.child.sendline("⑦")
    wizard.expect("“⑦”不是列出的序号。")
    wizard.child.sendline("x\x1b[2J")
    wizard.expect("“x\\x1b[2J”不是列出的序号。")  # written out, not obeyed
    wizard.child.sendline("¹")
    wizard.expect("区县")  # the district question, after a card to replace
    wizard.child.sendline("\uff11")  # a full-width 1
    wizard.expect("历下区")
    wizard.child.sendline("³")  # Start again
    wizard.expect(ZH_QUESTIONS["card_state"])
    wizard.child.sendline("③")  # a lost card
    wizard.expect("社保卡丢失")
    wizard.child.sendline("")  # Quit
    assert wizard.finish() == 0
    assert "--answer card_state=not_damaged --answer district=lixia" in wizard.output
    assert "--answer card_state=lost" in wizard.output


def test_forty_columns_nothing_cut_off_or_split() -> None:
    wizard = Wizard(cols=40)
    wizard.expect("What is your situation")
    wizard.expect("then Enter.")
    wizard.expect("card")  # the last choice's last word
    screen = wizard.text()
    for text in (QUESTIONS["card_state"], HELP_CARD_STATE, "(for a new photo, say)"):
        assert words(text) in screen
    wizard.child.send(DOWN * 3 + ENTER)
    wizard.expect("Do you want to keep")
    wizard.child.send(ENTER)
    wizard.expect("Is the financial")
    wizard.child.send(ENTER)
    wizard.expect("Which district")
    wizard.child.send(ENTER)
    wizard.expect(MENU)
    wizard.expect("Quit")
    screen = wizard.text()
    # Each answer is recorded under its question, wrapped between words.
    for question in ("card_state", "keep_card", "account_normal", "district"):
        assert words(QUESTIONS[question]) in screen
    for label in ("I have a card issued outside Shandong Province", "Lixia District"):
        assert f"» {label}" in screen
    assert "Ask at one of the Jinan social security card processing places listed above" in screen
    # The command is broken between arguments, and pastes back as one.
    assert wizard.command() == (
        "ssc-wizard --answer card_state=out_of_province --answer keep_card=yes "
        "--answer account_normal=yes --answer district=lixia"
    )
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


ZH_QUESTIONS = {
    "card_state": "您的社会保障卡属于哪种情况？",
    "keep_card": "您是否想继续使用这张山东省外的社保卡？",
    "account_normal": "这张社保卡的金融账户（银行账户）是否正常？",
    "district": "您住在济南市哪个区县？",
}


def unspaced(text: str) -> str:
    """Screen text with the spaces taken out: Chinese wrapped onto two lines reads whole."""
    return "".join(text.split())


@pytest.mark.parametrize("cols", [40, 80])
def test_a_terminal_set_to_chinese_gets_the_whole_wizard_in_chinese(cols: int) -> None:
    wizard = Wizard(cols=cols, LANG="zh_CN.UTF-8")  # no --lang: the locale decides
    wizard.expect("我从未办理过社会保障卡")  # the last choice
    first = unspaced(wizard.text())
    for text in (
        ZH_QUESTIONS["card_state"],
        "这个回答决定接下来的内容",
        "用方向键选择，按回车键确认。",
    ):
        assert text in first
    wizard.child.send(DOWN * 3 + ENTER)  # a card from outside Shandong
    wizard.expect("否，我不想继续使用它")
    wizard.child.send(UP + ENTER)  # Back, the last choice
    wizard.expect("我从未办理过社会保障卡")
    assert "返回上一题" in unspaced(wizard.text())
    wizard.child.send(ENTER)  # the earlier answer is pre-selected
    wizard.expect("否，我不想继续使用它")
    wizard.child.send(ENTER)
    wizard.expect("否，账户不正常")
    wizard.child.send(ENTER)
    wizard.expect("不确定")
    wizard.child.send(ENTER)  # the first district
    wizard.expect("接下来您想做什么？")
    wizard.expect("退出")
    screen = unspaced(wizard.text())
    for text in (
        *ZH_QUESTIONS.values(),
        "省外社保卡直接转换为济南社保卡",
        "办理地点",
        "历下区",
        "办理流程",
        "所需材料",
        "法律依据",
        "《中华人民共和国社会保险法》第五十八条",
        "12333",
        "您的回答",
        "修改一个回答",
        "重新开始",
    ):
        assert text in screen, text
    if cols == 80:  # at 40 a table column is narrower than the office's name
        assert "人力资源社会保障服务中心" in screen
    assert unspaced(wizard.command()) == unspaced(
        "ssc-wizard --answer card_state=out_of_province --answer keep_card=yes "
        "--answer account_normal=yes --answer district=lixia"
    )
    # No English left on the screen but the command to repeat it.
    lines = wizard.lines()
    start = max(i for i, line in enumerate(lines) if line.startswith("ssc-wizard "))
    end = next(i for i in range(start, len(lines)) if not lines[i].endswith("\\"))
    shown = "\n".join(lines[:start] + lines[end + 1 :])
    assert not re.search(r"[A-Za-z]", shown), re.findall(r"[^\n]*[A-Za-z][^\n]*", shown)
    wizard.child.send(ENTER)  # 退出 (Quit) is pre-selected
    assert wizard.finish() == 0


def test_a_terminal_that_cannot_show_chinese_gets_english_and_is_told_why() -> None:
    wizard = Wizard(LANG="zh_CN.UTF-8", PYTHONIOENCODING="ascii")
    wizard.expect("cannot show Chinese, so English is used")
    wizard.expect(QUESTIONS["card_state"])
    wizard.expect("I have never had a social security card")
    assert "> 1. My card is not damaged" in wizard.text()  # an ASCII pointer, not a question mark
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130


@pytest.mark.parametrize("term", ["xterm", "dumb"])
@pytest.mark.parametrize(
    ("lang", "shown", "obeyed"),
    [
        ("en", r"Which \x1b[31mcolour\x1b[0m?", "\x1b[31mcolour"),
        ("zh", r"哪种\u202e颜色？", "\u202e"),
    ],
)
def test_control_characters_in_a_question_are_shown_not_obeyed(
    guide_dir: GuideDir, term: str, lang: str, shown: str, obeyed: str
) -> None:
    scenarios = (TESTS / "broken" / "scenarios" / "control_characters.yaml").read_text()
    wizard = Wizard("--data-dir", str(guide_dir(scenarios)), "--lang", lang, TERM=term)
    wizard.expect(shown)
    wizard.child.send("\r" if term == "xterm" else "1\r")  # the first choice
    wizard.expect(MENU if lang == "en" else "接下来您想做什么？")
    wizard.child.send("\r")  # Quit
    assert wizard.finish() == 0
    assert shown in wizard.text()
    assert obeyed not in wizard.output
    if lang == "en":  # the step's window-title sequence (OSC), in the result
        assert r"Stop.\x1b]0;new title\x07" in wizard.text()
        assert "\x1b]0;" not in wizard.output
        # A choice's label hiding "hi" in tag characters, in the menu.
        assert r"Green\U000e0068\U000e0069" in wizard.output
        assert "\U000e0068" not in wizard.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrapped_choices_continue_under_their_own_text_and_can_be_counted(lang: str) -> None:
    wizard = Wizard("--lang", lang, rows=20, cols=40)
    wizard.expect("then Enter." if lang == "en" else "按回车键确认。")
    wizard.child.expect(pexpect.TIMEOUT, timeout=0.5)  # the whole menu is drawn
    lines = wizard.lines()
    first = next(i for i, line in enumerate(lines) if re.match(r" [ »] 1\. ", line))
    choices = [line for line in lines[first:] if line.strip()]
    numbered = [line for line in choices if re.match(r" [ »] \d\. ", line)]
    assert [line[3] for line in numbered] == list("123456")  # six choices, counted
    wrapped = [line for line in choices if line not in numbered]
    assert wrapped  # some choice is too long for 40 columns
    for line in wrapped:  # under the text after "1. ", not under the numbers
        assert line.startswith(" " * 6) and line[6] != " "
    wizard.child.send(CTRL_C)
    assert wizard.finish() == 130
