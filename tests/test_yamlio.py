"""The one YAML loader: safe, strict about surprises, and keeping positions."""

from __future__ import annotations

import pytest

from ssc_wizard.errors import DataError
from ssc_wizard.yamlio import MAX_DEPTH, Position, load


def _problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(text, "f.yaml")
    return [str(p) for p in caught.value.problems]


def test_positions_of_values_and_keys() -> None:
    doc = load("a:\n  b: [x, 'y']\n", "f.yaml")
    assert doc.data == {"a": {"b": ["x", "y"]}}
    assert doc.positions[("a", "b", 1)] == Position(2, 10)
    assert doc.key_positions[("a", "b")] == Position(2, 3)
    assert doc.locate(("a", "b", "missing")) == Position(2, 6)


def test_typed_plain_scalars_are_remembered_but_quoted_ones_are_text() -> None:
    doc = load("a: no\nb: 'no'\nc: 1.5\n", "f.yaml")
    assert doc.data == {"a": False, "b": "no", "c": 1.5}
    assert doc.typed_scalars == {("a",): ("no", "true/false"), ("c",): ("1.5", "a number")}


def test_number_keys_are_refused_with_a_fix() -> None:
    assert _problems("1: a\n") == [
        'f.yaml:1:1: the key 1 is read by YAML as a number, not as text; put it in quotes: "1"'
    ]


def test_self_referencing_alias_is_refused_not_followed_at_the_alias() -> None:
    assert _problems("a: &x [1, *x]\n") == [
        "f.yaml:1:11: YAML aliases (*name) are not supported here; write the value out in full"
    ]


def test_set_tag_is_refused() -> None:
    assert _problems("a: !!set {x, y}\n") == [
        "f.yaml:1:4: unsupported YAML tag 'tag:yaml.org,2002:set'; remove it"
    ]


def test_nesting_at_the_limit_is_read() -> None:
    # The top mapping is one level, each list another.
    doc = load("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", "f.yaml")
    assert doc.data is not None


def test_nesting_past_the_limit_is_one_error_where_it_goes_too_deep() -> None:
    # The 100th list opens at column 3 + 100.
    assert _problems("a: " + "[" * 900 + "]" * 900 + "\n") == [
        f"f.yaml:1:103: the data is nested more than {MAX_DEPTH} levels deep; "
        "a guide needs only a few"
    ]


def test_nesting_past_libyamls_own_limit_is_an_error_not_a_crash() -> None:
    problems = _problems("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert len(problems) == 1
    assert "levels deep" in problems[0] or "exceeded maximum nesting depth" in problems[0]


def test_empty_document_is_none() -> None:
    assert load("# only a comment\n", "f.yaml").data is None


@pytest.mark.parametrize(
    ("text", "read_as"),
    [("!!int x", "a number"), ("!!bool maybe", "true/false"), ("!!timestamp soon", "a date")],
)
def test_a_value_its_explicit_tag_does_not_fit_is_an_error(text: str, read_as: str) -> None:
    value = text.split()[1]
    assert _problems(f"a: {text}\n") == [f"f.yaml:1:4: {value!r} is not {read_as}"]
