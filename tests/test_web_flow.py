"""Which page the answers in a query string ask for: pure, no HTTP."""

from __future__ import annotations

import pytest

from ssc_wizard.engine import Pending, Reached
from ssc_wizard.errors import AnsweredTwice, OffPath, UnknownChoice, UnknownQuestion
from ssc_wizard.model import Guide
from ssc_wizard.web.flow import (
    QuestionPage,
    after_answer,
    on_path,
    parse_answers,
    question_page,
)


def test_answers_are_read_as_the_terminal_reads_ids(jinan: Guide) -> None:
    pairs = [("Card-State", "Not-Damaged"), ("lang", "zh"), ("DISTRICT", "lixia")]
    assert parse_answers(jinan, pairs) == {"card_state": "not_damaged", "district": "lixia"}


@pytest.mark.parametrize(
    ("pairs", "refused"),
    [
        ([("card_state", "lost"), ("card_state", "none")], AnsweredTwice),
        ([("card_state", "lost"), ("Card_State", "lost")], AnsweredTwice),
        ([("cardstate", "lost")], UnknownQuestion),
        ([("card_state", "")], UnknownChoice),
    ],
)
def test_bad_answers_are_refused_as_data(
    jinan: Guide, pairs: list[tuple[str, str]], refused: type[Exception]
) -> None:
    with pytest.raises(refused):
        parse_answers(jinan, pairs)


def test_on_path_refuses_an_answer_the_path_never_asks(jinan: Guide) -> None:
    assert isinstance(on_path(jinan, {"card_state": "not_damaged"}), Pending)
    assert isinstance(on_path(jinan, {"card_state": "lost"}), Reached)
    with pytest.raises(OffPath) as refused:
        on_path(jinan, {"card_state": "lost", "district": "lixia"})
    assert refused.value.given == ("district=lixia",)


def test_a_question_page_knows_the_question_before_and_its_answer(jinan: Guide) -> None:
    page = question_page(jinan, "district", {"card_state": "not_damaged", "district": "lixia"})
    assert isinstance(page, QuestionPage)
    assert (page.previous, page.chosen, page.changing) == ("card_state", "lixia", False)
    first = question_page(jinan, "card_state", {"card_state": "not_damaged", "district": "lixia"})
    assert isinstance(first, QuestionPage)
    assert (first.previous, first.chosen, first.changing) == (None, "not_damaged", True)
    with pytest.raises(OffPath):  # not asked after a card that is not damaged
        question_page(jinan, "keep_card", {"card_state": "not_damaged", "district": "lixia"})
    first = question_page(jinan, "keep_card", {})  # further on: the first question first
    assert isinstance(first, Pending) and first.question_id == "card_state"


def test_after_an_answer_the_answers_off_the_new_path_are_dropped(jinan: Guide) -> None:
    state, kept = after_answer(jinan, "card_state", {"card_state": "lost", "district": "lixia"})
    assert isinstance(state, Reached) and kept == {"card_state": "lost"}
    state, kept = after_answer(
        jinan, "district", {"card_state": "not_damaged", "district": "jiyang"}
    )
    assert isinstance(state, Reached) and kept == {
        "card_state": "not_damaged",
        "district": "jiyang",
    }
    with pytest.raises(OffPath):  # the district is not asked after a lost card
        after_answer(jinan, "district", {"card_state": "lost", "district": "lixia"})
