"""Answering, going back, changing an answer and starting again, with no terminal."""

from __future__ import annotations

import pytest

from ssc_wizard.engine import Pending, Reached
from ssc_wizard.errors import OffPath, UnknownChoice, UnknownQuestion, UsageError
from ssc_wizard.model import Guide
from ssc_wizard.session import (
    BACK,
    START_AGAIN,
    Given,
    History,
    Session,
    interview,
    resolve,
    review,
)


class Script:
    """An asker that gives the replies it was handed, in order, and notes each question."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.asked: list[Pending] = []

    def __call__(self, pending: Pending) -> str:
        self.asked.append(pending)
        assert self.replies, f"asked {pending.question_id} after the last scripted reply"
        return self.replies.pop(0)

    @property
    def questions(self) -> list[str]:
        return [p.question_id for p in self.asked]

    def offers(self) -> list[tuple[str, str | None, bool]]:
        """What each question offered: (question, pre-selected choice, Back)."""
        return [(p.question_id, p.default, p.can_go_back) for p in self.asked]


def run(guide: Guide, history: History, script: Script) -> Reached:
    reached = interview(guide, history, script)
    assert script.replies == [], "not every scripted reply was used"
    return reached


class TestAsking:
    def test_back_is_offered_from_the_second_question_on(self, mini: Guide) -> None:
        script = Script("green", "small", "north")
        run(mini, History(), script)
        assert script.offers() == [
            ("colour", None, False),
            ("size", None, True),
            ("area", None, True),
        ]

    def test_the_asker_is_handed_the_questions_answered_on_the_way(self, mini: Guide) -> None:
        script = Script("green", "small", "north")
        run(mini, History(), script)
        assert [p.answered for p in script.asked] == [(), ("colour",), ("colour", "size")]

    def test_a_reply_that_is_not_a_choice_is_a_bug_in_the_asker(self, mini: Guide) -> None:
        with pytest.raises(ValueError, match="'blue' is not a choice of 'colour'"):
            interview(mini, History(), Script("blue"))

    def test_back_on_the_first_question_is_a_bug_in_the_asker(self, mini: Guide) -> None:
        with pytest.raises(ValueError, match="is not a choice of 'colour'"):
            interview(mini, History(), Script(BACK))


class TestBack:
    def test_back_returns_to_the_previous_question_with_its_answer_selected(
        self, mini: Guide
    ) -> None:
        script = Script("green", BACK, "green", "big", "south")
        reached = run(mini, History(), script)
        assert script.offers() == [
            ("colour", None, False),
            ("size", None, True),
            ("colour", "green", False),
            ("size", None, True),
            ("area", None, True),
        ]
        assert reached == Reached("go_big", {"colour": "green", "size": "big", "area": "south"})

    def test_back_twice(self, mini: Guide) -> None:
        script = Script("green", "small", BACK, BACK, "green", "small", "north")
        reached = run(mini, History(), script)
        assert script.offers()[2:5] == [
            ("area", None, True),
            ("size", "small", True),
            ("colour", "green", False),
        ]
        assert reached.answers == {"colour": "green", "size": "small", "area": "north"}

    def test_answers_of_the_path_left_never_reach_the_result(self, mini: Guide) -> None:
        script = Script("green", "small", BACK, BACK, "red")
        reached = run(mini, History(), script)
        assert reached == Reached("stop", {"colour": "red"})

    def test_only_the_question_returned_to_is_pre_selected(self, mini: Guide) -> None:
        # Back to colour drops the size answer too: it is not offered again.
        script = Script("green", "small", BACK, BACK, "green", "big", "north")
        run(mini, History(), script)
        assert script.offers()[5] == ("size", None, True)

    def test_back_passes_over_answers_given_as_flags(self, mini: Guide) -> None:
        script = Script("small", BACK, "big", "north")
        reached = run(mini, History.given({"colour": "green"}), script)
        assert script.offers() == [
            ("size", None, False),
            ("area", None, True),
            ("size", "small", False),
            ("area", None, True),
        ]
        assert reached.answers == {"colour": "green", "size": "big", "area": "north"}

    def test_back_with_nowhere_to_go(self, mini: Guide) -> None:
        history = History.given({"colour": "green"})
        state = history.next(mini)
        assert isinstance(state, Pending)
        with pytest.raises(ValueError, match="no question before 'size'"):
            history.back(state)


GREEN_SMALL_NORTH = Reached("go_small", {"colour": "green", "size": "small", "area": "north"})


class TestChanging:
    def test_a_change_that_leaves_the_path_drops_the_answers_after_it(self, mini: Guide) -> None:
        script = Script("red")
        reached = run(mini, History.changing(GREEN_SMALL_NORTH, "colour", frozenset()), script)
        assert script.offers() == [("colour", "green", False)]
        assert reached == Reached("stop", {"colour": "red"})

    def test_answers_still_on_the_path_are_kept_not_asked_again(self, mini: Guide) -> None:
        script = Script("big")
        reached = run(mini, History.changing(GREEN_SMALL_NORTH, "size", frozenset()), script)
        assert script.offers() == [("size", "small", True)]
        assert reached == Reached("go_big", {"colour": "green", "size": "big", "area": "north"})

    def test_questions_the_new_answer_leads_to_are_asked(self, mini: Guide) -> None:
        stop = Reached("stop", {"colour": "red"})
        script = Script("green", "big", "north")
        reached = run(mini, History.changing(stop, "colour", frozenset()), script)
        assert script.questions == ["colour", "size", "area"]
        assert reached.outcome_id == "go_big"

    def test_back_from_the_changed_question(self, mini: Guide) -> None:
        script = Script(BACK, "red")
        reached = run(mini, History.changing(GREEN_SMALL_NORTH, "size", frozenset()), script)
        assert script.offers() == [("size", "small", True), ("colour", "green", False)]
        assert reached == Reached("stop", {"colour": "red"})

    def test_a_flag_answer_not_changed_stays_out_of_reach_of_back(self, mini: Guide) -> None:
        script = Script("big")
        run(mini, History.changing(GREEN_SMALL_NORTH, "size", frozenset({"colour"})), script)
        assert script.offers() == [("size", "small", False)]

    def test_a_changed_flag_answer_is_then_the_person_s_own(self, mini: Guide) -> None:
        stop = Reached("stop", {"colour": "red"})
        history = History.changing(stop, "colour", frozenset({"colour"}))
        script = Script("green", BACK, "green", "small", "north")
        run(mini, history, script)
        assert script.offers()[:3] == [
            ("colour", "red", False),
            ("size", None, True),
            ("colour", "green", False),
        ]

    def test_jinan_out_of_province_changed_to_not_damaged(self, jinan: Guide) -> None:
        before = Reached(
            "convert_card",
            {
                "card_state": "out_of_province",
                "keep_card": "yes",
                "account_normal": "yes",
                "district": "lixia",
            },
        )
        script = Script("not_damaged")
        reached = run(jinan, History.changing(before, "card_state", frozenset()), script)
        # The district is still on the new path: kept, not asked again.
        assert reached == Reached(
            "replace_card", {"card_state": "not_damaged", "district": "lixia"}
        )


class TestReview:
    def test_change_start_again_then_quit(self, mini: Guide) -> None:
        decisions: list[str | None] = ["colour", START_AGAIN, None]
        seen: list[Reached] = []
        shown: list[Reached] = []

        def decide(reached: Reached) -> str | None:
            seen.append(reached)
            return decisions.pop(0)

        script = Script("red", "green", "big", "south")
        last = review(mini, GREEN_SMALL_NORTH, {}, script, decide, shown.append)
        assert script.offers() == [
            ("colour", "green", False),
            ("colour", None, False),
            ("size", None, True),
            ("area", None, True),
        ]
        after_start_again = Reached("go_big", {"colour": "green", "size": "big", "area": "south"})
        assert shown == [Reached("stop", {"colour": "red"}), after_start_again]
        assert seen == [GREEN_SMALL_NORTH, *shown]
        assert last == after_start_again

    def test_start_again_asks_even_the_flag_answers(self, mini: Guide) -> None:
        script = Script("red")
        decisions: list[str | None] = [START_AGAIN, None]
        review(
            mini,
            Reached("stop", {"colour": "red"}),
            {"colour": "red"},
            script,
            lambda _: decisions.pop(0),
            lambda _: None,
        )
        assert script.questions == ["colour"]

    def test_quit_at_once_asks_nothing(self, mini: Guide) -> None:
        shown: list[Reached] = []
        last = review(mini, GREEN_SMALL_NORTH, {}, Script(), lambda _: None, shown.append)
        assert last == GREEN_SMALL_NORTH
        assert shown == []


def _never(pending: Pending) -> str:
    raise AssertionError(f"asked {pending.question_id} though every answer was given")


class TestResolve:
    def test_resolve_asks_only_what_is_missing_in_order(self, mini: Guide) -> None:
        asked: list[str] = []

        def ask(pending: Pending) -> str:
            asked.append(pending.question_id)
            return {"size": "small", "area": "south"}[pending.question_id]

        reached = resolve(mini, Given({"colour": "green"}), ask)
        assert asked == ["size", "area"]
        assert reached == Reached("go_small", {"colour": "green", "size": "small", "area": "south"})

    def test_answers_given_in_any_order_are_recorded_in_the_order_asked(self, mini: Guide) -> None:
        reached = resolve(mini, Given({"area": "north", "size": "big", "colour": "green"}), _never)
        assert list(reached.answers) == ["colour", "size", "area"]

    def test_answer_off_the_path_is_refused(self, mini: Guide) -> None:
        with pytest.raises(UsageError) as caught:
            resolve(mini, Given({"colour": "red", "size": "big"}), _never)
        assert str(caught.value) == (
            "--answer size=big: this question is not asked on the path of the other answers "
            "(colour=red); remove it"
        )

    def test_answer_off_the_path_names_where_it_came_from(self, mini: Guide) -> None:
        given = Given({"colour": "red", "size": "big"}, origins={"size": "a.yaml:2:7 (size: big)"})
        with pytest.raises(UsageError, match=r"^a\.yaml:2:7 \(size: big\): this question is not"):
            resolve(mini, given, _never)

    def test_optional_answer_off_the_path_is_dropped(self, mini: Guide) -> None:
        given = Given({"colour": "red", "size": "big"}, optional=frozenset({"size"}))
        assert resolve(mini, given, _never) == Reached("stop", {"colour": "red"})

    def test_unknown_question_lists_the_questions(self, mini: Guide) -> None:
        with pytest.raises(
            UsageError, match="there is no question 'shape'; the questions are: colour, size, area"
        ):
            resolve(mini, Given({"shape": "round"}), _never)

    def test_unknown_choice_lists_the_choices(self, mini: Guide) -> None:
        with pytest.raises(
            UsageError,
            match=r"'west' is not a choice of 'area' \(Which area\?\); "
            "choose one of: north, south, unsure",
        ):
            resolve(mini, Given({"area": "west"}), _never)


class TestSessionSteps:
    """The step-by-step API a front end drives: one request, one step."""

    def test_a_whole_path_step_by_step(self, mini: Guide) -> None:
        session = Session.start(mini)
        assert session.pending is not None and session.pending.question_id == "colour"
        session = session.answer("green").answer("small")
        assert session.pending is not None and session.pending.question_id == "area"
        reached = session.answer("north").state
        assert reached == Reached("go_small", {"colour": "green", "size": "small", "area": "north"})

    def test_each_step_leaves_the_session_it_came_from_as_it_was(self, mini: Guide) -> None:
        first = Session.start(mini)
        later = first.answer("green")
        assert first.pending is not None and first.pending.question_id == "colour"
        assert later.pending is not None and later.pending.question_id == "size"

    def test_back_offers_the_earlier_answer_again(self, mini: Guide) -> None:
        session = Session.start(mini).answer("green").back()
        assert session.pending is not None
        assert (session.pending.question_id, session.pending.default) == ("colour", "green")
        assert session.history.answers == {}

    def test_back_from_the_first_question_is_refused(self, mini: Guide) -> None:
        with pytest.raises(ValueError, match="no question before 'colour'"):
            Session.start(mini).back()

    def test_an_answer_the_question_does_not_offer_is_refused_as_data(self, mini: Guide) -> None:
        with pytest.raises(UnknownChoice) as caught:
            Session.start(mini).answer("blue")
        refused = caught.value
        assert (refused.question_id, refused.choice_id) == ("colour", "blue")
        assert refused.choices == ("red", "green")
        assert refused.question.get("zh") == "哪种颜色？"

    def test_unknown_ids_given_ahead_are_refused_before_any_step(self, mini: Guide) -> None:
        with pytest.raises(UnknownQuestion) as caught:
            Session.start(mini, Given({"shape": "round"}))
        assert caught.value.questions == ("colour", "size", "area")

    def test_an_answer_given_ahead_off_the_path_is_refused_at_the_result(self, mini: Guide) -> None:
        session = Session.start(mini, Given({"size": "big"}))
        assert session.pending is not None  # nothing is refused while questions remain
        with pytest.raises(OffPath) as caught:
            _ = session.answer("red").state
        assert caught.value.given == ("--answer size=big",)
        assert caught.value.path == (("colour", "red"),)

    def test_change_asks_again_and_keeps_what_is_still_on_the_way(self, mini: Guide) -> None:
        done = Session.start(mini).answer("green").answer("small").answer("north")
        changed = done.change("size")
        assert changed.pending is not None
        assert (changed.pending.question_id, changed.pending.default) == ("size", "small")
        assert changed.answer("big").state == Reached(
            "go_big", {"colour": "green", "area": "north", "size": "big"}
        )

    def test_change_before_a_result_is_refused(self, mini: Guide) -> None:
        with pytest.raises(ValueError, match="not an answer of a result"):
            Session.start(mini).change("colour")

    def test_start_again_forgets_every_answer_even_those_given_ahead(self, mini: Guide) -> None:
        done = Session.start(mini, Given({"colour": "red"}))
        assert done.reached is not None
        again = done.start_again()
        assert again.pending is not None and again.pending.question_id == "colour"
        assert again.history.answers == {} and not again.pending.can_go_back
