"""The walk through the tree, with no terminal: answers in, outcome out."""

from __future__ import annotations

import pytest

from ssc_wizard.engine import Pending, missing_answer, open_questions, walk
from ssc_wizard.errors import NoAsking
from ssc_wizard.model import Guide

from conftest import JINAN_CHOICES
from paths import all_paths


def test_walk_asks_the_start_question_first(mini: Guide) -> None:
    state = walk(mini, {})
    assert isinstance(state, Pending)
    assert state.question_id == "colour"
    assert list(state.choices) == ["red", "green"]


def test_follow_up_question_offers_districts_then_own_choices(mini: Guide) -> None:
    state = walk(mini, {"colour": "green", "size": "big"})
    assert isinstance(state, Pending)
    assert state.question_id == "area"
    assert list(state.choices) == ["north", "south", "unsure"]
    assert state.choices["north"].label.get("en") == "North"
    assert state.choices["north"].label.get("zh") == "北区"


def test_every_path_of_the_mini_guide(mini: Guide) -> None:
    paths = {tuple(a.items()): o for a, o in all_paths(mini)}
    assert paths == {
        (("colour", "red"),): "stop",
        **{
            (("colour", "green"), ("size", "small"), ("area", d)): "go_small"
            for d in ("north", "south", "unsure")
        },
        **{
            (("colour", "green"), ("size", "big"), ("area", d)): "go_big"
            for d in ("north", "south", "unsure")
        },
    }


def test_missing_answer_names_the_question_and_its_choices(mini: Guide) -> None:
    state = walk(mini, {"colour": "green"})
    assert isinstance(state, Pending)
    message = str(missing_answer(state, NoAsking.no_input))
    assert message == (
        "question 'size' (Which size?) has no answer, and --no-input was given. "
        "Answer it with --answer size=CHOICE, where CHOICE is one of: small, big"
    )


# The Jinan guide: the stable ids, question order and outcomes. Only the
# routes whose offices have one in each district go on to ask the district.
JINAN_ROUTES = {
    ("not_damaged", "district"): "replace_card",
    ("damaged_card",): "damaged_card",
    ("lost",): "lost_card",
    ("none",): "first_application",
    ("out_of_province", "no"): "cancel_and_reapply",
    ("out_of_province", "yes", "yes", "district"): "convert_card",
    ("out_of_province", "yes", "no"): "account_first",
    ("other_shandong_city", "yes"): "keep_shandong_card",
    ("other_shandong_city", "no"): "cancel_shandong_card",
}


def test_jinan_every_path(jinan: Guide) -> None:
    seen: dict[tuple[str, ...], set[str]] = {}
    for answers, outcome in all_paths(jinan):
        route = tuple("district" if q == "district" else c for q, c in answers.items())
        assert JINAN_ROUTES[route] == outcome
        assert next(iter(answers)) == "card_state"
        seen.setdefault(route, set()).add(answers.get("district", ""))
    assert {route: sorted(d) for route, d in seen.items()} == {
        route: sorted(JINAN_CHOICES["district"]) if "district" in route else [""]
        for route in JINAN_ROUTES
    }
    assert set(JINAN_ROUTES.values()) == set(jinan.scenarios.outcomes)


def test_jinan_choice_ids_and_order(jinan: Guide) -> None:
    assert {q: list(jinan.choices(q)) for q in jinan.scenarios.questions} == JINAN_CHOICES


@pytest.mark.parametrize(
    ("answers", "left"),
    [
        ({}, ["card_state", "keep_card", "keep_shandong_card", "account_normal", "district"]),
        ({"card_state": "not_damaged"}, ["district"]),
        ({"card_state": "lost"}, []),
        ({"card_state": "out_of_province"}, ["keep_card", "account_normal", "district"]),
        ({"card_state": "out_of_province", "keep_card": "no"}, []),
        (
            {"district": "lixia"},
            ["card_state", "keep_card", "keep_shandong_card", "account_normal"],
        ),
        ({"card_state": "not_damaged", "district": "lixia"}, []),
        (
            {"card_state": "stolen"},
            ["card_state", "keep_card", "keep_shandong_card", "account_normal", "district"],
        ),
    ],
)
def test_open_questions_are_those_some_path_still_asks(
    jinan: Guide, answers: dict[str, str], left: list[str]
) -> None:
    assert open_questions(jinan, answers) == left
