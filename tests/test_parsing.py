"""A guide's two texts examined layer by layer: YAML, each file's model, the cross-checks.

Each layer runs wherever the data the one before leaves allows, so that one
reading reports every problem, and no problem twice.
"""

from __future__ import annotations

import pytest

from ssc_wizard.errors import DataError
from ssc_wizard.parsing import examine, parse_guide

from conftest import MINI, TESTS, TINY_SCENARIOS

OFFICES = (MINI / "offices.yaml").read_text(encoding="utf-8")
SCENARIOS = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
BROKEN = TESTS / "broken"


def _errors(scenarios: str, offices: str = OFFICES) -> list[str]:
    return [str(p) for p in examine(scenarios, offices).errors]


def test_a_duplicate_key_and_a_broken_reference_are_both_reported_each_at_its_line() -> None:
    text = (BROKEN / "scenarios" / "duplicate_key_and_reference.yaml").read_text(encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_guide(text, OFFICES)
    assert [str(p) for p in caught.value.problems] == [
        "scenarios.yaml:10:7: duplicate key 'a' (first given at line 9); "
        "this one is ignored until it is renamed or removed",
        "scenarios.yaml:11:27: unknown question 'nowhere': no such id in questions; "
        "questions that exist: q",
    ]


def test_the_first_of_two_values_of_a_key_is_the_one_checked() -> None:
    # The later `outcome: nowhere` would be an unknown outcome: it is ignored.
    text = SCENARIOS.replace(
        "        outcome: stop\n", "        outcome: stop\n        outcome: nowhere\n"
    )
    assert _errors(text) == [
        "scenarios.yaml:15:9: duplicate key 'outcome' (first given at line 14); "
        "this one is ignored until it is renamed or removed"
    ]


def test_what_the_model_finds_missing_where_a_value_was_refused_is_not_said_again() -> None:
    text = TINY_SCENARIOS.replace("text: Q?", "text: *question").replace(
        "title: Done", "!!str title: Done"
    )
    assert _errors(text) == [
        "scenarios.yaml:6:11: YAML aliases (*name) are not supported here; "
        "write the value out in full",
        "scenarios.yaml:11:5: unsupported YAML tag 'tag:yaml.org,2002:str'; remove it",
    ]


def test_a_file_that_is_one_refused_value_is_not_also_said_to_be_no_mapping() -> None:
    assert _errors("!!map {}\n") == [
        "scenarios.yaml:1:1: unsupported YAML tag 'tag:yaml.org,2002:map'; remove it"
    ]


def test_a_key_read_as_a_number_is_checked_as_the_text_written() -> None:
    assert _errors("1: one\n" + TINY_SCENARIOS) == [
        "scenarios.yaml:1:1: the key 1 is read by YAML as a number, not as text; put it in "
        'quotes: "1"',
        "scenarios.yaml:1:1: unknown key '1'",
    ]


def test_while_offices_yaml_cannot_be_read_scenarios_yaml_is_checked_but_for_its_offices() -> None:
    scenarios = (BROKEN / "scenarios" / "unknown_references.yaml").read_text(encoding="utf-8")
    for offices in ("offices: {desk: {name: [x]}}\n", "offices: {desk\n"):
        errors = _errors(scenarios, offices)
        assert [e.split(": ", 1)[0] for e in errors[:-1]] == [
            "scenarios.yaml:12:27",  # unknown question
            "scenarios.yaml:19:27",  # unknown shared list; not the unknown office 'dsk'
            "scenarios.yaml:20:19",  # unknown law
        ], errors
        assert errors[-1].startswith("offices.yaml:"), errors


def test_while_scenarios_yaml_cannot_be_read_offices_yaml_has_its_own_problems_reported() -> None:
    offices = OFFICES.replace("per_district: true", "per_district: yes please")
    assert _errors("questions: [\n", offices) == [
        "scenarios.yaml:2:1: YAML syntax: did not find expected node content",
        "offices.yaml:6:19: expected true or false, got the text 'yes please'",
    ]


@pytest.mark.parametrize(
    ("where", "key", "expected"),
    [
        ("question", "hourz", "unknown key 'hourz'"),  # `hours` is an office's key
        ("office", "hourz", "unknown key 'hourz' (did you mean 'hours'?)"),
        ("choice", "nxt", "unknown key 'nxt' (did you mean 'next'?)"),
        ("outcome", "titel", "unknown key 'titel' (did you mean 'title'?)"),
        ("office role", "rol", "unknown key 'rol' (did you mean 'role'?)"),
        ("include", "inclde", "unknown key 'inclde' (did you mean 'include'?)"),
    ],
)
def test_an_unknown_key_is_matched_only_against_the_keys_of_its_place(
    where: str, key: str, expected: str
) -> None:
    scenarios, offices = SCENARIOS, OFFICES
    if where == "question":
        scenarios = scenarios.replace(
            "    help: {en: The colour", f"    {key}: x\n    help: {{en: The colour"
        )
    elif where == "office":
        offices = offices.replace("    per_district: true", f"    per_district: true\n    {key}: x")
    elif where == "choice":
        scenarios = scenarios.replace(
            "        outcome: stop", f"        outcome: stop\n        {key}: x"
        )
    elif where == "outcome":
        scenarios = scenarios.replace(
            "    summary: {en: Stop here.", f"    {key}: x\n    summary: {{en: Stop here."
        )
    elif where == "office role":
        scenarios = scenarios.replace(
            "{office: local, role:", f"{{office: local, {key}: x, role:", 1
        )
    else:
        scenarios = scenarios.replace("- include: papers", f"- {{include: papers, {key}: x}}")
    errors = [str(p).split(": ", 1)[1] for p in examine(scenarios, offices).errors]
    assert errors == [expected]


def test_an_ask_that_is_not_a_list_is_told_to_be_one() -> None:
    # `ask` is the one list pydantic holds as a tuple: its message is said alike.
    assert SCENARIOS.count("ask: [area]") == 2
    lines = SCENARIOS.replace("ask: [area]", "ask: area", 1)
    (error,) = _errors(lines)
    assert error.endswith(": expected a list (lines starting with `- `), got the text 'area'")
