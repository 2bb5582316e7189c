"""The JSON Schemas editors use for a guide's YAML: up to date, and as strict as they can be."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from ssc_wizard.guide_schema import SCHEMAS, schema, schema_text
from ssc_wizard.loader import default_data_dir

from conftest import MINI, TESTS

DATA = Path(__file__).parents[1] / "data"
EXAMPLES = sorted(p for p in (Path(__file__).parents[1] / "examples").iterdir() if p.is_dir())
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _validator(data_file: str) -> Draft202012Validator:
    generated = schema(data_file)
    Draft202012Validator.check_schema(generated)
    return Draft202012Validator(generated)


def _errors(data_file: str, path: Path) -> list[str]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    # An editor's YAML 1.2 reads a plain 2026-03-01 as text, not as PyYAML's date.
    data = json.loads(json.dumps(data, default=str))
    return [e.message for e in _validator(data_file).iter_errors(data)]


@pytest.mark.parametrize("data_file", SCHEMAS)
def test_published_schema_is_what_the_models_generate(data_file: str) -> None:
    _, name = SCHEMAS[data_file]
    published = (DATA / name).read_text(encoding="utf-8")
    assert published == schema_text(data_file), (
        f"data/{name} is out of date: run `python -m ssc_wizard.guide_schema data`"
    )


@pytest.mark.parametrize("folder", [DATA, *EXAMPLES], ids=lambda p: p.name)
@pytest.mark.parametrize("data_file", SCHEMAS)
def test_each_guide_file_names_its_schema_for_the_editor(folder: Path, data_file: str) -> None:
    first_line = (folder / data_file).read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first_line)
    assert match, f"{folder / data_file} does not start with a yaml-language-server line"
    target = (folder / match.group(1)).resolve()
    _, name = SCHEMAS[data_file]
    assert target == (DATA / name).resolve()


@pytest.mark.parametrize(
    "folder",
    [default_data_dir(), MINI, TESTS / "guides" / "dated", *EXAMPLES],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("data_file", SCHEMAS)
def test_valid_guides_satisfy_the_schema(folder: Path, data_file: str) -> None:
    assert _errors(data_file, folder / data_file) == []


#: Broken files whose mistake is in one file's own shape, which a schema can see.
#: (Loops, unknown references and unreachable questions need both files: `check`.)
SHAPE_MISTAKES = [
    "scenarios/bad_help.yaml",
    "scenarios/bad_ids.yaml",
    "scenarios/missing_field.yaml",
    "scenarios/unknown_key.yaml",
    "scenarios/yaml11_values.yaml",
    "scenarios/wrong_shapes.yaml",
    "offices/office_mistakes.yaml",
    "scenarios/sources.yaml",
    "offices/sources.yaml",
]


@pytest.mark.parametrize("broken", SHAPE_MISTAKES)
def test_shape_mistakes_are_underlined_by_the_schema(broken: str) -> None:
    data_file = broken.split("/")[0] + ".yaml"
    assert _errors(data_file, TESTS / "broken" / broken) != []


@pytest.mark.parametrize("suspicious", ["scenarios/suspicious.yaml", "offices/suspicious.yaml"])
def test_warnings_are_not_schema_errors(suspicious: str) -> None:
    data_file = suspicious.split("/")[0] + ".yaml"
    assert _errors(data_file, TESTS / "broken" / suspicious) == []


def test_an_id_key_that_is_not_an_id_is_refused() -> None:
    data = json.loads(json.dumps(yaml.safe_load((MINI / "offices.yaml").read_text())))
    data["districts"]["North Side"] = {"name": "North side"}
    assert any("North Side" in e.message for e in _validator("offices.yaml").iter_errors(data))


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("Front desk", True),
        ({"en": "Front desk", "zh": "前台"}, True),
        ({"zh": "前台"}, True),
        # A language the tool may have a catalog for: only the tool itself knows.
        ({"en": "Front desk", "fr": "Accueil", "pt-BR": "Recepção"}, True),
        ({}, False),
        ({"en": ""}, False),
        ({"EN": "Front desk"}, False),
        ({"english": "Front desk"}, False),
        ({"en": ["Front desk"]}, False),
    ],
)
def test_a_text_is_keyed_by_language_codes(name: object, valid: bool) -> None:
    data = json.loads(json.dumps(yaml.safe_load((MINI / "offices.yaml").read_text())))
    data["offices"]["desk"]["name"] = name
    assert (_validator("offices.yaml").is_valid(data)) is valid


def test_the_languages_of_a_text_are_documented() -> None:
    text = schema("offices.yaml")["$defs"]["Localized"]["anyOf"][0]
    assert {code: p["description"] for code, p in text["properties"].items()} == {
        "en": "In English.",
        "zh": "In Simplified Chinese.",
    }
