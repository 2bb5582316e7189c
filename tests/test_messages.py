"""Refusals said in the reader's language, from the data the core raises."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ssc_wizard
from ssc_wizard.engine import answer_problem
from ssc_wizard.errors import (
    MissingAnswer,
    NoAsking,
    NotAnAnswer,
    OffPath,
    Refusal,
    UnknownDistrict,
)
from ssc_wizard.messages import describe
from ssc_wizard.model import Guide


def refused(guide: Guide, question_id: str, choice_id: str) -> Refusal:
    problem = answer_problem(guide, question_id, choice_id)
    assert problem is not None
    return problem


def test_an_unknown_choice_is_said_in_chinese_with_the_question_in_chinese(mini: Guide) -> None:
    said = describe(refused(mini, "colour", "blue"), "zh")
    assert said == "“blue”不是问题 colour（哪种颜色？）的选项；请从以下选项中选择：red, green"


def test_a_near_miss_is_suggested_in_the_readers_language(mini: Guide) -> None:
    refusal = refused(mini, "colour", "gren")
    assert "did you mean 'green'?" in describe(refusal, "en")
    assert "您是不是想选 green？" in describe(refusal, "zh")


def test_str_of_a_refusal_is_its_english(mini: Guide) -> None:
    refusal = refused(mini, "shape", "round")
    assert str(refusal) == describe(refusal, "en")
    assert str(refusal).startswith("there is no question 'shape'")


@pytest.mark.parametrize(
    ("reason", "english", "chinese"),
    [
        (NoAsking.no_input, "--no-input was given", "指定了 --no-input"),
        (NoAsking.no_terminal, "stdin is not a terminal", "标准输入不是终端"),
        (NoAsking.no_screen, "neither stdout nor stderr", "标准输出和标准错误都不是终端"),
    ],
)
def test_why_a_question_could_not_be_asked(
    mini: Guide, reason: NoAsking, english: str, chinese: str
) -> None:
    question = mini.scenarios.questions["size"]
    refusal = MissingAnswer("size", question.text, ("small", "big"), reason)
    assert english in describe(refusal, "en")
    assert chinese in describe(refusal, "zh")
    assert "--answer size=" in describe(refusal, "zh")


def test_plural_of_answers_off_the_path() -> None:
    one = OffPath(("--answer size=big",), (("colour", "red"),))
    two = OffPath(("--answer size=big", "--answer area=north"), (("colour", "red"),))
    assert "this question is not asked" in describe(one, "en")
    assert "these questions are not asked" in describe(two, "en")
    assert "remove them" in describe(two, "en")


def test_an_unknown_district_suggests_a_near_one_or_says_there_are_none() -> None:
    near = UnknownDistrict("lixai", ("lixia", "laiwu"))
    assert describe(near, "zh").startswith("没有区县“lixai”；您是不是想输入 lixia 或 laiwu？")
    assert describe(UnknownDistrict("lixia", ()), "en") == (
        "there is no district 'lixia'; this guide has no districts"
    )


def test_not_an_answer_shows_the_example() -> None:
    said = describe(NotAnAnswer("colour", ("colour", "red")), "en")
    assert said == "--answer 'colour' is not QUESTION=CHOICE; write it like --answer colour=red"


@pytest.mark.parametrize("module", ["engine", "session", "answers", "result"])
def test_the_core_makes_no_sentences(module: str) -> None:
    """The walk, the session and the answers raise data; words are the front ends'."""
    source = Path(ssc_wizard.__file__).parent / f"{module}.py"
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
    assert not imported & {"ssc_wizard.words", "ssc_wizard.messages"}
