"""Comparing two guides path by path: what differs, in which language, and
which paths appear or disappear, counted without listing them."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from ssc_wizard.engine import Reached
from ssc_wizard.guide_diff import Change, GuideDiff, OnePath
from ssc_wizard.lang import LANGS
from ssc_wizard.model import Guide
from ssc_wizard.parsing import examine, parse_guide
from ssc_wizard.result import build_result

from conftest import MINI
from generated import OFFICES as GENERATED_OFFICES
from generated import Questions, build, diamonds, scenarios_text
from paths import all_paths

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


def _fibonacci(levels: int) -> Questions:
    """Question i offers more (to i + 1), skip (to i + 2) and stop: every
    question a sub-tree shared by two others, as in the benchmark's guide."""
    questions: Questions = {}
    for i in range(levels):
        choices = {"stop": ("outcome", f"o{i}")}
        choices |= {
            c: ("next", f"q{j}") for c, j in (("more", i + 1), ("skip", i + 2)) if j < levels
        }
        questions[f"q{i}"] = choices
    return questions


def test_a_choice_sent_further_on_costs_no_more_than_the_guides_size() -> None:
    levels = 32
    sent = _fibonacci(levels)
    sent["q5"] = {**sent["q5"], "more": ("next", "q8")}  # it skipped q6 and q7 now
    old, new = build(_fibonacci(levels), start="q0"), build(sent, start="q0")
    reach = [1, 1]  # the ways to arrive at each question
    onward = [0] * (levels + 2)  # the paths on from each one
    for i in range(2, levels):
        reach.append(reach[i - 1] + reach[i - 2])
    for i in reversed(range(levels)):
        onward[i] = 1 + onward[i + 1] + onward[i + 2]
    via_q6, via_q8 = reach[5] * onward[6], reach[5] * onward[8]  # the paths with q5=more
    for first, second, gone, came in ((old, new, via_q6, via_q8), (new, old, via_q8, via_q6)):
        started = time.perf_counter()
        diff = GuideDiff(first, second)
        assert time.perf_counter() - started < 1
        assert (diff.differing, diff.disappearing, diff.appearing) == (0, gone, came)
        assert diff.old_paths - gone == diff.new_paths - came == onward[0] - via_q6


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


def test_a_law_cited_twice_differs_by_its_second_place(mini: Guide) -> None:
    twice = _mini(("    legal_basis: [rule]\nshared:", "    legal_basis: [rule, rule]\nshared:"))
    diff = GuideDiff(mini, twice)
    listed = list(diff.differing_paths())
    assert diff.differing == len(listed) == 3
    assert [(c.field, c.item, c.lang, c.old) for c in listed[0].changes] == [
        ("legal_basis", 2, "en", None),
        ("legal_basis", 2, "zh", None),
    ]


# Against every path listed one by one --------------------------------------------


@st.composite
def _questions(draw: st.DrawFn, order: list[str]) -> tuple[Questions, dict[str, list[str]]]:
    """A valid tree asking its questions in ``order``: each leads only to later
    ones; choice and outcome ids from a few, so that two trees share paths."""
    outcomes = [f"o{k}" for k in range(draw(st.integers(1, 3)))]
    links: list[list[tuple[str, str]]] = [[] for _ in order]
    for i in range(1, len(order)):
        links[draw(st.integers(0, i - 1))].append(("next", order[i]))
    for outcome in outcomes:
        links[draw(st.integers(0, len(order) - 1))].append(("outcome", outcome))
    questions: Questions = {}
    for i, targets in enumerate(links):
        later = [("next", q) for q in order[i + 1 :]] + [("outcome", o) for o in outcomes]
        targets += draw(st.lists(st.sampled_from(later), min_size=max(0, 2 - len(targets))))
        ids = draw(st.permutations(["a", "b", "c", "d"]))
        questions[order[i]] = dict(zip(ids, targets[:4], strict=False))
    asks = {o: ["area"] for o in outcomes if draw(st.booleans())}
    return questions, asks


@st.composite
def _versions(draw: st.DrawFn) -> tuple[Guide, Guide]:
    """Two versions of a guide: the second one a few edits of the first (a
    choice added or sent elsewhere, the area asked or not), or another tree of
    the same questions, asked in another order."""
    names = [f"q{i}" for i in range(draw(st.integers(1, 5)))]
    old, old_asks = draw(_questions(names))
    if draw(st.booleans()):
        new, new_asks = draw(_questions(draw(st.permutations(names))))
    else:
        new = {q: dict(choices) for q, choices in old.items()}
        new_asks = dict(old_asks)
        for _ in range(draw(st.integers(1, 3))):
            question = draw(st.sampled_from(sorted(new)))
            later = [("next", q) for q in names if q > question]
            target = draw(st.sampled_from([*later, ("outcome", "o0"), ("outcome", "o9")]))
            new[question][draw(st.sampled_from(["a", "b", "c", "e"]))] = target
            outcome = draw(st.sampled_from(["o0", "o1", "o9"]))
            new_asks[outcome] = [] if new_asks.get(outcome) else ["area"]
    guides = []
    for questions, asks in ((old, old_asks), (new, new_asks)):
        led_to = {target for choices in questions.values() for _, target in choices.values()}
        start = next(q for q in names if q not in led_to)
        examined = examine(
            scenarios_text(questions, start, asks), GENERATED_OFFICES, warnings=False
        )
        assume(examined.guide is not None)  # an edit left a question unreachable
        assert examined.guide is not None
        guides.append(examined.guide)
    return guides[0], guides[1]


def _outcomes(guide: Guide, answers: dict[str, str], outcome: str) -> list[dict[str, object]]:
    reached = Reached(outcome, answers)
    return [dict(build_result(guide, reached, lang=lang).to_json()["outcome"]) for lang in LANGS]


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_versions())
def test_what_is_counted_and_listed_is_what_listing_every_path_finds(
    versions: tuple[Guide, Guide],
) -> None:
    old, new = versions
    before = {frozenset(a.items()): (a, o) for a, o in all_paths(old)}
    after = {frozenset(a.items()): (a, o) for a, o in all_paths(new)}
    differing = [
        (before[key][0], before[key][1], after[key][1])
        for key in before
        if key in after and _outcomes(old, *before[key]) != _outcomes(new, *after[key])
    ]
    gone = [OnePath(*before[key]) for key in before if key not in after]
    came = [OnePath(*after[key]) for key in after if key not in before]
    shared = len(before.keys() & after.keys())
    event(f"shared: {'none' if not shared else 'all' if shared == len(before) else 'some'}")
    event(f"differing: {'some' if differing else 'none'}")
    diff = GuideDiff(old, new)
    assert _counts(diff) == (len(before), len(after), len(differing), len(gone), len(came))
    listed = list(diff.differing_paths())
    assert [(p.answers, p.old_outcome, p.new_outcome) for p in listed] == differing
    assert all(p.changes for p in listed)
    assert list(diff.disappearing_paths()) == gone
    assert list(diff.appearing_paths()) == came
