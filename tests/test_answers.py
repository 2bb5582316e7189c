"""Answers given ahead: --answer flags, answers files, and what --save-answers writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ssc_wizard.answers import answers_yaml, combine, load_answers_file, parse_flags
from ssc_wizard.errors import AnswersFileError, UsageError
from ssc_wizard.model import Guide
from ssc_wizard.session import Given

from conftest import TESTS
from paths import all_paths

BROKEN = sorted((TESTS / "broken" / "answers").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$", re.MULTILINE)


class TestFlags:
    def test_pairs_in_order(self, mini: Guide) -> None:
        assert parse_flags(["a=x", " b = y "], mini).answers == {"a": "x", "b": "y"}

    @pytest.mark.parametrize("bad", ["colour", "=red", "colour=", "="])
    def test_not_key_value_shows_an_answer_of_this_guide(self, bad: str, mini: Guide) -> None:
        with pytest.raises(
            UsageError, match="is not QUESTION=CHOICE; write it like --answer colour=red"
        ):
            parse_flags([bad], mini)

    def test_same_answer_twice_is_fine(self, mini: Guide) -> None:
        assert parse_flags(["a=x", "a=x"], mini).answers == {"a": "x"}

    def test_two_different_answers_to_one_question(self, mini: Guide) -> None:
        with pytest.raises(UsageError, match="'a' is answered twice, with 'x' and 'y'"):
            parse_flags(["a=x", "a=y"], mini)


def _file(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestAnswersFile:
    def test_yaml_mapping_in_the_order_written(self, tmp_path: Path, mini: Guide) -> None:
        given = load_answers_file(_file(tmp_path, "size: big\ncolour: green\n"), mini)
        assert given.answers == {"size": "big", "colour": "green"}
        assert given.origin("colour") == f"{tmp_path / 'answers.yaml'}:2:1 (colour: green)"

    def test_json_mapping(self, tmp_path: Path, mini: Guide) -> None:
        path = _file(tmp_path, '{"colour": "green", "size": "big"}', "answers.json")
        assert load_answers_file(path, mini).answers == {"colour": "green", "size": "big"}

    def test_a_saved_json_result_gives_its_answers(self, tmp_path: Path, mini: Guide) -> None:
        result = {"schema_version": 1, "answers": {"colour": "red"}, "outcome": {"id": "stop"}}
        path = _file(tmp_path, json.dumps(result), "result.json")
        assert load_answers_file(path, mini).answers == {"colour": "red"}

    def test_unquoted_yes_and_numbers_are_the_choice_ids_typed(
        self, tmp_path: Path, jinan: Guide
    ) -> None:
        path = _file(tmp_path, "card_state: out_of_province\nkeep_card: yes\naccount_normal: no\n")
        assert load_answers_file(path, jinan).answers == {
            "card_state": "out_of_province",
            "keep_card": "yes",
            "account_normal": "no",
        }

    @pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.stem)
    def test_broken_file_reports_every_problem_at_its_position(
        self, broken: Path, mini: Guide
    ) -> None:
        expected = EXPECT.findall(broken.read_text(encoding="utf-8"))
        assert expected, f"{broken} says nothing about what to expect"
        with pytest.raises(AnswersFileError) as caught:
            load_answers_file(broken, mini)
        assert caught.value.exit_code == 2
        reported = [str(p) for p in caught.value.problems]
        assert len(reported) == len(expected), "\n".join(reported)
        for (line, column, fragment), report in zip(expected, reported, strict=True):
            assert report.startswith(f"{broken}:{line}:{column}: "), report
            assert fragment in report

    def test_bad_choice_in_a_json_result_is_located(self, tmp_path: Path, mini: Guide) -> None:
        path = _file(tmp_path, '{"schema_version": 1,\n "answers": {"size": "huge"}}', "r.json")
        with pytest.raises(AnswersFileError) as caught:
            load_answers_file(path, mini)
        assert [str(p) for p in caught.value.problems] == [
            f"{path}:2:22: 'huge' is not a choice of 'size' (Which size?); "
            "choose one of: small, big"
        ]

    def test_missing_file_is_a_usage_error(self, tmp_path: Path, mini: Guide) -> None:
        with pytest.raises(UsageError, match=r"^--answers-file .*nope\.yaml: file not found$"):
            load_answers_file(tmp_path / "nope.yaml", mini)

    def test_a_folder_is_a_usage_error(self, tmp_path: Path, mini: Guide) -> None:
        with pytest.raises(UsageError, match="this is a folder, not a file"):
            load_answers_file(tmp_path, mini)

    def test_invalid_utf8_is_located(self, tmp_path: Path, mini: Guide) -> None:
        path = tmp_path / "a.yaml"
        path.write_bytes(b"colour: gr\xe9en\n")
        with pytest.raises(AnswersFileError, match=r"a\.yaml:1:11: not valid UTF-8"):
            load_answers_file(path, mini)


class TestCombine:
    def test_flags_win_and_the_file_answers_the_rest(self) -> None:
        flags = Given({"size": "big"})
        from_file = Given({"colour": "green", "size": "small"}, {"colour": "f:1:1 (colour: green)"})
        combined = combine(flags, from_file)
        assert combined.answers == {"colour": "green", "size": "big"}
        assert combined.origin("size") == "--answer size=big"
        assert combined.origin("colour") == "f:1:1 (colour: green)"

    def test_once_a_flag_changes_the_path_stale_file_answers_may_go(self) -> None:
        from_file = Given({"colour": "green", "size": "small"})
        assert combine(Given({"colour": "red"}), from_file).optional == {"size"}

    def test_a_flag_that_agrees_keeps_the_file_strict(self) -> None:
        from_file = Given({"colour": "green", "size": "small"})
        assert combine(Given({"colour": "green"}), from_file).optional == frozenset()


def test_saved_answers_read_back_to_the_same_answers_on_every_path(
    tmp_path: Path, jinan: Guide
) -> None:
    for answers, outcome_id in all_paths(jinan):
        text = answers_yaml(answers, outcome_id, ["ssc-wizard", "..."])
        assert f"outcome {outcome_id}" in text
        given = load_answers_file(_file(tmp_path, text), jinan)
        assert list(given.answers.items()) == list(answers.items())
