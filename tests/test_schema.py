"""The JSON contract: every output validates against the JSON Schema shipped in the package."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ssc_wizard.engine import Reached
from ssc_wizard.formats.json_format import as_json
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.loader import load_guide
from ssc_wizard.model import Guide
from ssc_wizard.paths import count_paths, iter_paths
from ssc_wizard.report import paths_json
from ssc_wizard.result import build_result, office_list

from conftest import TESTS
from paths import all_paths


def _schema(name: str) -> dict[str, Any]:
    text = (files("ssc_wizard") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


RESULT = Draft202012Validator(_schema("result"))
OFFICES = Draft202012Validator(_schema("offices"))
PATHS = Draft202012Validator(_schema("paths"))


def _errors(validator: Draft202012Validator, data: object) -> list[str]:
    """Every complaint, including those inside anyOf's alternatives."""
    found, todo = [], list(validator.iter_errors(data))
    while todo:
        error = todo.pop()
        found.append(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
        todo.extend(error.context or [])
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_of_the_jinan_guide_validates(jinan: Guide, lang: Lang) -> None:
    paths = list(all_paths(jinan))
    assert len(paths) > 30
    for answers, outcome_id in paths:
        result = build_result(jinan, Reached(outcome_id, answers), lang=lang)
        data = json.loads(as_json(result))
        assert _errors(RESULT, data) == [], answers
        assert data["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_of_the_mini_guide_validates(mini: Guide, lang: Lang) -> None:
    for answers, outcome_id in all_paths(mini):
        result = build_result(mini, Reached(outcome_id, answers), "/a b", lang=lang)
        assert _errors(RESULT, json.loads(as_json(result))) == [], answers


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_of_a_guide_with_sources_validates(lang: Lang) -> None:
    dated = load_guide(TESTS / "guides" / "dated")
    cited = 0
    for answers, outcome_id in all_paths(dated):
        data = json.loads(as_json(build_result(dated, Reached(outcome_id, answers), lang=lang)))
        assert _errors(RESULT, data) == [], answers
        cited += len(data["outcome"]["sources"])
    assert cited > 10


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda s: s.update(about="guide"), "is not one of"),
        (lambda s: s.update(url="javascript:alert(1)"), "does not match"),
        (lambda s: s.update(checked="1 March 2026"), "does not match"),
        (lambda s: s.update(ref=0), "is not valid under any of the given schemas"),
        (lambda s: s.pop("checked"), "'checked' is a required property"),
    ],
)
def test_the_schema_refuses_a_changed_source(change: Any, complaint: str) -> None:
    dated = load_guide(TESTS / "guides" / "dated")
    answers = {"colour": "green", "size": "small", "area": "north"}
    data = copy.deepcopy(build_result(dated, Reached("go_small", answers)).to_json())
    change(data["outcome"]["sources"][0])
    errors = _errors(RESULT, data)
    assert any(complaint in e for e in errors), errors


@pytest.mark.parametrize("lang", LANGS)
def test_office_lists_validate(jinan: Guide, lang: Lang) -> None:
    for district in [None, *jinan.offices.districts]:
        listing = office_list(jinan, district, lang)
        assert _errors(OFFICES, json.loads(as_json(listing))) == []


def test_path_lists_validate(jinan: Guide, mini: Guide) -> None:
    for guide, folder in ((jinan, None), (mini, "/a b")):
        count = count_paths(guide)
        for limit in (count, count - 1):
            data = json.loads(paths_json(iter_paths(guide), count, limit, folder))
            assert _errors(PATHS, data) == [], limit
            assert (data["paths"] is None) == (limit < count)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d.update(count=0), "less than the minimum"),
        (lambda d: d["paths"][0].pop("outcome"), "'outcome' is a required property"),
        (lambda d: d["paths"][0]["answers"].update(q="Not An Id"), "does not match"),
        (lambda d: d.update(paths={}), "is not valid"),
    ],
)
def test_the_paths_schema_refuses_a_changed_shape(mini: Guide, change: Any, complaint: str) -> None:
    data = json.loads(paths_json(iter_paths(mini), count_paths(mini), 1000, None))
    change(data)
    errors = _errors(PATHS, data)
    assert any(complaint in e for e in errors), errors


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d.pop("command"), "'command' is a required property"),
        (lambda d: d.update(schema_version=2), "3 was expected"),
        (lambda d: d.update(lang="qaa"), f"is not one of {list(LANGS)}"),
        (lambda d: d["outcome"].update(steps="Go."), "'Go.' is not of type 'array'"),
        (lambda d: d["outcome"]["offices"][0].update(district="lixia"), "is not valid"),
        (lambda d: d["answers"].update({"Card State": "x"}), "does not match"),
        (lambda d: d.update(extra=1), "Additional properties are not allowed"),
        (lambda d: d["outcome"]["offices"][0].update(handles="x"), "'handles' was unexpected"),
        (lambda d: d["outcome"]["offices"][0].pop("role"), "'role' is a required property"),
        (lambda d: d["outcome"]["legal_basis"][0].pop("why"), "'why' is a required property"),
    ],
)
def test_the_schema_refuses_a_changed_shape(jinan: Guide, change: Any, complaint: str) -> None:
    answers = {"card_state": "not_damaged", "district": "lixia"}
    good = build_result(jinan, Reached("replace_card", answers))
    data = copy.deepcopy(good.to_json())
    change(data)
    errors = _errors(RESULT, data)
    assert any(complaint in e for e in errors), errors


def test_both_schemas_describe_offices_alike() -> None:
    for name in ("id", "district"):
        assert RESULT.schema["$defs"][name] == OFFICES.schema["$defs"][name], name
    in_result = dict(RESULT.schema["$defs"]["result_office"]["properties"])
    in_list = dict(OFFICES.schema["$defs"]["listed_office"]["properties"])
    assert in_result.pop("role") and in_list.pop("roles")
    assert in_result == in_list
    assert PATHS.schema["$defs"]["id"] == RESULT.schema["$defs"]["id"]


@pytest.mark.parametrize("validator", [RESULT, OFFICES], ids=["result", "offices"])
def test_the_language_is_one_the_tool_speaks(validator: Draft202012Validator) -> None:
    assert validator.schema["properties"]["lang"]["enum"] == list(LANGS)
