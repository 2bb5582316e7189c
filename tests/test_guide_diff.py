"""Comparing two guides path by path: what differs, in which language, and
which paths appear or disappear, counted without listing them."""

from __future__ import annotations

import time

from ssc_wizard.guide_diff import Change, GuideDiff, OnePath
from ssc_wizard.model import Guide
from ssc_wizard.parsing import parse_guide

from conftest import MINI
from generated import build, diamonds

SCENARIOS = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
OFFICES = (MINI / "offices.yaml").read_text(encoding="utf-8")
AREAS = ["north", "south", "unsure"]


def _mini(*edits: tuple[str, str]) -> Guide:
    """The mini guide with each (old, new) text replaced once."""
    text = SCENARIOS
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return parse_guide(text, OFFICES)


def _counts(diff: GuideDiff) -> tuple[int, int, int, int, int]:
    return diff.old_paths, diff.new_paths, diff.differing, diff.disappearing, diff.appearing


def test_a_guide_against_itself_differs_in_nothing(mini: Guide, jinan: Guide) -> None:
    for guide in (mini, jinan):
        diff = GuideDiff(guide, guide)
        assert diff.same
        assert diff.differing == diff.appearing == diff.disappearing == 0
        assert list(diff.differing_paths()) == list(diff.appearing_paths()) == []
    assert _counts(GuideDiff(mini, _mini())) == (7, 7, 0, 0, 0)


def test_a_step_reworded_in_chinese_only_differs_in_chinese_only(mini: Guide) -> None:
    new = _mini(("{en: Sign in., zh: 签到。}", "{en: Sign in., zh: 请签到。}"))
    diff = GuideDiff(mini, new)
    assert _counts(diff) == (7, 7, 6, 0, 0)
    listed = list(diff.differing_paths())
    # The shared list is the second step of go_small, the first of go_big.
    assert [(p.answers, p.old_outcome) for p in listed] == [
        *(({"colour": "green", "size": "small", "area": a}, "go_small") for a in AREAS),
        *(({"colour": "green", "size": "big", "area": a}, "go_big") for a in AREAS),
    ]
    assert listed[0].changes == (Change("steps", 2, None, "zh", "签到。", "请签到。"),)
    assert listed[3].changes == (Change("steps", 1, None, "zh", "签到。", "请签到。"),)


def test_an_office_removed_from_one_outcome_is_named_by_its_id(mini: Guide) -> None:
    new = _mini(
        (
            "offices: [{office: local, role: {en: Local things., zh: 本地事务。}}]",
            "offices: []",
        )
    )
    diff = GuideDiff(mini, new)
    assert _counts(diff) == (7, 7, 3, 0, 0)
    north = next(diff.differing_paths())
    assert north.answers == {"colour": "green", "size": "big", "area": "north"}
    assert [(c.field, c.item, c.part, c.lang, c.new) for c in north.changes] == [
        ("offices", "local", None, "en", None),
        ("offices", "local", None, "zh", None),
    ]
    # The office of the district answered, as the result named it.
    assert north.changes[0].old["role"] == "Local things."
    assert north.changes[1].old["district"] == {"id": "north", "name": "北区"}


def test_a_role_changed_alike_everywhere_and_a_note_added() -> None:
    old = _mini()
    new = _mini(
        (
            "summary: {en: Stop here., zh: 到此为止。}",
            "summary: {en: Stop here., zh: 到此为止。}\n    note: {en: Hm., zh: 嗯。}",
        ),
        (
            "offices: [{office: desk, role: {en: Everything., zh: 一切事务。}}]\n"
            "    materials: [{en: Nothing.",
            "offices: [{office: desk, role: X}]\n    materials: [{en: Nothing.",
        ),
    )
    (stop,) = [p for p in GuideDiff(old, new).differing_paths() if p.old_outcome == "stop"]
    assert stop.changes == (
        Change("note", None, None, "en", None, "Hm."),
        Change("note", None, None, "zh", None, "嗯。"),
        Change("offices", "desk", "role", "en", "Everything.", "X"),
        # Plain text counts as English: Chinese readers see it too.
        Change("offices", "desk", "role", "zh", "一切事务。", "X"),
    )


def test_a_new_choice_appears_and_a_removed_one_disappears(mini: Guide) -> None:
    blue = "      blue:\n        label: {en: Blue, zh: 蓝色}\n        outcome: stop\n"
    new = _mini(("      green:\n", blue + "      green:\n"))
    diff = GuideDiff(mini, new)
    assert _counts(diff) == (7, 8, 0, 0, 1)
    assert list(diff.appearing_paths()) == [OnePath({"colour": "blue"}, "stop")]
    back = GuideDiff(new, mini)
    assert _counts(back) == (8, 7, 0, 1, 0)
    assert list(back.disappearing_paths()) == [OnePath({"colour": "blue"}, "stop")]
    assert list(back.appearing_paths()) == []


def test_a_choice_sent_elsewhere_asks_more_and_ends_elsewhere(mini: Guide) -> None:
    blue = "      blue:\n        label: Blue\n        outcome: stop\n"
    new = _mini(("        outcome: stop\n", "        outcome: go_big\n" + blue))
    diff = GuideDiff(mini, new)
    # colour=red asked nothing more; now it asks the area, so its paths are others.
    assert _counts(diff) == (7, 10, 0, 1, 4)
    assert list(diff.disappearing_paths()) == [OnePath({"colour": "red"}, "stop")]
    assert list(diff.appearing_paths()) == [
        *(OnePath({"colour": "red", "area": a}, "go_big") for a in AREAS),
        OnePath({"colour": "blue"}, "stop"),
    ]


def test_the_same_answers_asked_in_another_order_are_the_same_paths() -> None:
    old = build(
        {
            "a": {"x": ("next", "b"), "y": ("next", "b")},
            "b": {"u": ("outcome", "end"), "v": ("outcome", "end")},
        },
        start="a",
    )
    new = build(
        {
            "b": {"u": ("next", "a"), "v": ("next", "a")},
            "a": {"x": ("outcome", "end"), "y": ("outcome", "end")},
        },
        start="b",
    )
    diff = GuideDiff(old, new)
    assert _counts(diff) == (4, 4, 0, 0, 0)
    assert diff.same


def test_an_outcome_renamed_differs_by_its_id_in_every_language() -> None:
    old = build({"q": {"a": ("outcome", "one"), "b": ("outcome", "two")}}, start="q")
    new = build({"q": {"a": ("outcome", "uno"), "b": ("outcome", "two")}}, start="q")
    (path,) = GuideDiff(old, new).differing_paths()
    assert (path.answers, path.old_outcome, path.new_outcome) == ({"q": "a"}, "one", "uno")
    assert [(c.field, c.lang, c.old, c.new) for c in path.changes] == [
        ("id", None, "one", "uno"),
        ("title", None, "ONE", "UNO"),
        ("summary", None, "Ends at one.", "Ends at uno."),
    ]


def test_billions_of_paths_are_counted_without_listing_them() -> None:
    old = build(diamonds(80), start="q0")
    changed = diamonds(80)
    changed["q80"] = {"stop": ("outcome", "end"), "other": ("outcome", "end")}  # other_end gone
    new = build(changed, start="q0")
    started = time.perf_counter()
    diff = GuideDiff(old, new)
    assert _counts(diff) == (2**81, 2**81, 2**80, 0, 0)
    assert time.perf_counter() - started < 1
    first = next(diff.differing_paths())
    assert first.answers == {**{f"q{i}": "left" for i in range(80)}, "q80": "other"}
    assert (first.old_outcome, first.new_outcome) == ("other_end", "end")


def test_a_long_chain_neither_overflows_the_stack_nor_miscounts() -> None:
    depth = 2000  # twice Python's default recursion limit
    chain = {
        f"q{i}": {"on": ("next", f"q{i + 1}"), "off": ("outcome", "off")} for i in range(depth)
    }
    chain[f"q{depth}"] = {"end": ("outcome", "end")}
    longer = {**chain, f"q{depth}": {"end": ("outcome", "end"), "more": ("outcome", "off")}}
    diff = GuideDiff(build(chain, start="q0"), build(longer, start="q0"))
    assert _counts(diff) == (depth + 1, depth + 2, 0, 0, 1)
    (appeared,) = diff.appearing_paths()
    assert appeared.outcome == "off" and len(appeared.answers) == depth + 1


def test_offices_in_another_order_differ_in_their_order(mini: Guide) -> None:
    # An outcome lists its offices in the order people should go to them.
    both = "[{office: desk, role: {en: Everything., zh: 一切事务。}}, {office: local, role: {en: Local things., zh: 本地事务。}}]"  # noqa: E501
    swapped = "[{office: local, role: {en: Local things., zh: 本地事务。}}, {office: desk, role: {en: Everything., zh: 一切事务。}}]"  # noqa: E501
    diff = GuideDiff(mini, _mini((f"offices: {both}", f"offices: {swapped}")))
    assert _counts(diff) == (7, 7, 3, 0, 0)
    assert next(diff.differing_paths()).changes == (
        Change("offices", None, "order", None, ["desk", "local"], ["local", "desk"]),
    )
