"""The real wizard in a pseudo-terminal, driven with arrow keys and Enter."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import JINAN_CHOICES

DOWN, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\r", "\x03", "\x04"

QUESTIONS = {
    "card_state": "What is your situation with the social security card?",
    "keep_card": "Do you want to keep using your card from outside Shandong?",
    "account_normal": "Is the financial (bank) account of that card working normally?",
    "district": "Which district or county of Jinan do you live in?",
}


def spawn(*args: str, command: str | None = None, **env: str) -> pexpect.spawn:
    # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor
    # position request, which would cost a second's wait at every prompt.
    environment = {
        **os.environ,
        "TERM": "xterm",
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        **env,
    }
    environment.pop("SSC_WIZARD_DATA", None)
    if command is None:
        return pexpect.spawn(
            sys.executable,
            ["-m", "ssc_wizard", *args],
            env=environment,
            encoding="utf-8",
            dimensions=(40, 100),
            timeout=15,
        )
    return pexpect.spawn(
        "bash", ["-c", command], env=environment, encoding="utf-8", dimensions=(40, 100), timeout=15
    )


def answer(child: pexpect.spawn, question: str, choice: str) -> None:
    child.expect_exact(QUESTIONS[question])
    child.send(DOWN * JINAN_CHOICES[question].index(choice) + ENTER)


ROUTES = [
    ([("card_state", "damaged"), ("district", "lixia")], "Replace a card that is not lost"),
    ([("card_state", "lost"), ("district", "unsure")], "Report a lost card and apply again"),
    (
        [
            ("card_state", "out_of_province"),
            ("keep_card", "yes"),
            ("account_normal", "yes"),
            ("district", "jiyang"),
        ],
        "Convert your out-of-province card into a Jinan card",
    ),
    (
        [
            ("card_state", "out_of_province"),
            ("keep_card", "yes"),
            ("account_normal", "no"),
            ("district", "shanghe"),
        ],
        "Your card's account is not working normally",
    ),
    (
        [("card_state", "out_of_province"), ("keep_card", "no"), ("district", "laiwu")],
        "Cancel your out-of-province registration and apply in Jinan",
    ),
    (
        [("card_state", "none"), ("district", "pingyin")],
        "Apply for your first social security card",
    ),
]


@pytest.mark.parametrize(("path", "title"), ROUTES, ids=[title for _, title in ROUTES])
def test_every_outcome_is_reachable_with_arrow_keys(
    path: list[tuple[str, str]], title: str
) -> None:
    child = spawn()
    for question, choice in path:
        answer(child, question, choice)
    child.expect_exact(title)
    command = "ssc-wizard " + " ".join(f"--answer {q}={c}" for q, c in path)
    child.expect_exact(command)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_flags_answer_ahead_and_the_rest_is_asked() -> None:
    child = spawn("--answer", "card_state=lost")
    answer(child, "district", "tianqiao")
    child.expect_exact("Report a lost card and apply again")
    child.expect_exact("Tianqiao District (天桥区)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert QUESTIONS["card_state"] not in child.before


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_interrupt_at_a_prompt_exits_130_quietly(key: str) -> None:
    child = spawn()
    answer(child, "card_state", "out_of_province")
    child.expect_exact(QUESTIONS["keep_card"])
    child.send(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "ssc-wizard: interrupted" in child.before
    assert "Traceback" not in child.before
    assert "Cancelled by user" not in child.before


def test_prompts_go_to_the_screen_when_stdout_is_redirected(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    child = spawn(command=f"{sys.executable} -m ssc_wizard --format json > {out}")
    answer(child, "card_state", "none")
    answer(child, "district", "unsure")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["answers"] == {"card_state": "none", "district": "unsure"}
    assert data["outcome"]["id"] == "first_application"
