"""Counting and listing every path, checked against the engine's own walk."""

from __future__ import annotations

import itertools

from ssc_wizard.engine import Reached, walk
from ssc_wizard.model import Guide
from ssc_wizard.paths import count_paths, iter_paths

from generated import build, diamonds
from paths import all_paths


def _listed(guide: Guide) -> list[tuple[dict[str, str], str]]:
    return [(reached.answers, reached.outcome_id) for reached in iter_paths(guide)]


def test_listing_matches_the_engine_on_the_shipped_and_mini_guides(
    jinan: Guide, mini: Guide
) -> None:
    for guide in (jinan, mini):
        engine = list(all_paths(guide))
        assert _listed(guide) == engine  # same paths, same order, answers in the order asked
        assert count_paths(guide) == len(engine)
    # Two outcomes followed by the 13 district choices, seven that ask nothing more.
    assert count_paths(jinan) == 2 * 13 + 7


def test_shared_sub_trees_are_counted_without_listing_them() -> None:
    guide = build(diamonds(80), start="q0")
    assert count_paths(guide) == 2**81
    first = next(iter_paths(guide))
    assert first == Reached("end", {**{f"q{i}": "left" for i in range(80)}, "q80": "stop"})


def test_small_diamonds_list_every_combination() -> None:
    guide = build(diamonds(3), start="q0")
    listed = _listed(guide)
    assert len(listed) == count_paths(guide) == 16
    assert len({tuple(answers.items()) for answers, _ in listed}) == 16
    expected = [
        list(combo)
        for combo in itertools.product(["left", "right"], ["left", "right"], ["left", "right"])
    ]
    assert [[a[f"q{i}"] for i in range(3)] for a, _ in listed][::2] == expected


def test_a_long_chain_neither_overflows_the_stack_nor_miscounts() -> None:
    depth = 2000  # twice Python's default recursion limit
    questions = {
        f"q{i}": {"on": ("next", f"q{i + 1}"), "off": ("outcome", "off")} for i in range(depth)
    }
    questions[f"q{depth}"] = {"end": ("outcome", "end")}
    guide = build(questions, start="q0")
    assert count_paths(guide) == depth + 1
    paths = list(iter_paths(guide))
    assert len(paths) == depth + 1
    # "on" is offered first: the first path goes all the way down.
    assert paths[0].outcome_id == "end" and len(paths[0].answers) == depth + 1
    assert walk(guide, paths[0].answers) == paths[0]
    assert paths[-1] == Reached("off", {"q0": "off"})


def test_a_question_asked_after_several_outcomes_multiplies_each() -> None:
    questions = {
        "q": {"a": ("outcome", "x"), "b": ("outcome", "y"), "c": ("outcome", "z")},
    }
    # north, south and unsure after x; twice listed after y is still asked once.
    guide = build(questions, start="q", asks={"x": ["area"], "y": ["area", "area"]})
    assert count_paths(guide) == 3 + 3 + 1
    assert _listed(guide) == list(all_paths(guide))
