"""Prompt helpers that need no terminal: wrapping, and the numbered questions of a dumb one."""

from __future__ import annotations

import io

import pytest

from ssc_wizard import prompts, words
from ssc_wizard.errors import Interrupted
from ssc_wizard.prompts import _wrap
from ssc_wizard.result import Answer
from ssc_wizard.session import BACK, START_AGAIN

OPTIONS = [("red", "Red"), ("green", "Green")]


def test_wrap_breaks_between_words_and_indents_what_follows() -> None:
    text = "Which district or county of Jinan do you live in?"
    assert _wrap(text, 30, 2) == "Which district or county of\n  Jinan do you live in?"


def test_wrap_counts_chinese_as_two_cells() -> None:
    wrapped = _wrap("Lixia District (历下区) is here", 20, 0)
    assert wrapped == "Lixia District (历\n下区) is here"


def test_wrap_breaks_a_word_wider_than_the_line() -> None:
    assert _wrap("社会保障卡社会保障卡", 12, 0).split("\n") == ["社会保障卡", "社会保障卡"]


@pytest.fixture
def dumb(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "60")
    prompts._explain_numbered.cache_clear()
    return io.StringIO()


def _typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_numbered_question_takes_a_number(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, "0\nblue\n\n2\n")
    assert prompts.select("Which colour?", OPTIONS, dumb, help="It matters.") == "green"
    out = dumb.getvalue()
    assert "cannot draw menus" in out
    assert "Which colour?\n  It matters.\n  1. Red\n  2. Green\n" in out
    assert "'0' is not one of the numbers." in out
    assert "'blue' is not one of the numbers." in out
    assert out.count("Your choice (1-2): ") == 4


def test_numbered_back_is_last_and_enter_takes_the_pre_selected(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, "3\n")
    assert prompts.select("Q?", OPTIONS, dumb, back=words.BACK) == BACK
    assert "  3. Back\n" in dumb.getvalue()
    _typed(monkeypatch, "\n")
    assert prompts.select("Q?", OPTIONS, dumb, default="green") == "green"
    assert "Your choice (1-2, Enter for 2): " in dumb.getvalue()


def test_the_explanation_is_given_once(dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> None:
    _typed(monkeypatch, "1\n1\n")
    prompts.select("Q?", OPTIONS, dumb)
    prompts.select("Q?", OPTIONS, dumb)
    assert dumb.getvalue().count("cannot draw menus") == 1


def test_end_of_input_is_an_interrupt(dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> None:
    _typed(monkeypatch, "")
    with pytest.raises(Interrupted):
        prompts.select("Q?", OPTIONS, dumb)


def test_review_change_then_back_then_quit(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [Answer("colour", "Which colour?", "green", "Green")]
    _typed(monkeypatch, "2\n2\n\n2\n4\n")  # change, Back, Enter (Change), Back, Quit
    assert prompts.review(answers, dumb) is None
    out = dumb.getvalue()
    assert "  1. Which colour? - Green\n  2. Back\n" in out
    # Back from the list of answers leaves the pointer on "Change an answer".
    assert out.count("Your choice (1-4, Enter for 4): ") == 1
    assert out.count("Your choice (1-4, Enter for 2): ") == 2
    _typed(monkeypatch, "2\n1\n")
    assert prompts.review(answers, dumb) == "colour"


def test_review_can_show_the_result_again_and_starts_where_it_was_left(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [Answer("colour", "Which colour?", "green", "Green")]
    _typed(monkeypatch, "1\n")
    assert prompts.review(answers, dumb) == prompts.SHOW_RESULT
    assert "  1. Show the result from the top\n" in dumb.getvalue()
    _typed(monkeypatch, "\n")
    assert prompts.review(answers, dumb, default=prompts.SHOW_RESULT) == prompts.SHOW_RESULT
    _typed(monkeypatch, "3\n")
    assert prompts.review(answers, dumb) == START_AGAIN


def test_numbered_questions_and_the_menu_in_chinese(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, "9\n\n")
    options = [("red", "红色"), ("green", "绿色")]
    chosen = prompts.select("哪种颜色？", options, dumb, "zh", default="red", back=words.BACK)
    assert chosen == "red"
    out = dumb.getvalue()
    assert "这个终端无法显示菜单（TERM 为 dumb），所以选项用序号列出。" in out
    assert "哪种颜色？\n  1. 红色\n  2. 绿色\n  3. 返回上一题\n" in out
    assert "“9”不是列出的序号。" in out
    assert out.count("请输入序号（1-3，直接回车选 1）：") == 2
    _typed(monkeypatch, "2\n1\n")
    answers = [Answer("colour", "哪种颜色？", "green", "绿色")]
    assert prompts.review(answers, dumb, "zh") == "colour"
    out = dumb.getvalue()
    menu = (
        "接下来您想做什么？\n  1. 从头再看一遍结果\n  2. 修改一个回答\n  3. 重新开始\n  4. 退出\n"
    )
    assert menu in out
    # Back from the list of answers goes back to the menu, not to a question.
    assert "  1. 哪种颜色？——绿色\n  2. 返回\n" in out


def test_ctrl_c_is_said_in_the_language_of_the_questions(
    dumb: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, "")
    with pytest.raises(Interrupted, match=r"^已中断$"):
        prompts.select("哪种颜色？", [("red", "红色")], dumb, "zh")
