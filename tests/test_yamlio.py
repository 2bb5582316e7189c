"""The one YAML loader: safe, strict about surprises, and keeping positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssc_wizard import yamlio
from ssc_wizard.errors import DataError
from ssc_wizard.yamlio import MAX_DEPTH, Position, load

from conftest import TESTS


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
        "f.yaml:1:4: YAML anchors (&name) are not supported here; remove it",
        "f.yaml:1:11: YAML aliases (*name) are not supported here; write the value out in full",
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


def test_nesting_past_libyamls_own_limit_is_the_same_error_not_a_crash() -> None:
    # libyaml reads brackets ahead, so its own limit (1,000 levels) is met first.
    assert _problems("a: " + "[" * 100_000 + "]" * 100_000 + "\n") == [
        f"f.yaml:1:1003: the data is nested more than {MAX_DEPTH} levels deep; "
        "a guide needs only a few"
    ]


def test_a_file_of_too_many_values_is_refused_where_it_passes_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlio, "MAX_EVENTS", 10)
    # Stream, document, mapping, key, list: the 6th to 10th events are 1 to 5; 6 is the 11th.
    assert _problems("a: [1, 2, 3, 4, 5, 6, 7]\n") == [
        "f.yaml:1:20: the file holds more than 10 YAML values (a list or mapping counts "
        "twice), far more than a guide needs; reading stopped here"
    ]


def test_reading_stops_after_so_many_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_PROBLEMS", 3)
    problems = _problems("a: &a x\nb: [*a, *a, *a, *a, *a]\n")
    assert problems == [
        "f.yaml:1:4: YAML anchors (&name) are not supported here; remove it",
        "f.yaml:2:5: YAML aliases (*name) are not supported here; write the value out in full",
        "f.yaml:2:9: YAML aliases (*name) are not supported here; write the value out in full",
        "f.yaml:2:9: 3 problems found; reading stopped here",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 历下\x1b[31m\n", "f.yaml:1:6: the control character U+001B is not allowed in YAML"),
        ("a: b\nc: \x00\n", "f.yaml:2:4: the control character U+0000 is not allowed in YAML"),
        ("a: \x9b2J\n", "f.yaml:1:4: the control character U+009B is not allowed in YAML"),
    ],
)
def test_a_raw_control_character_is_named_at_its_position(text: str, expected: str) -> None:
    assert _problems(text) == [f"{expected}; remove it"]


def test_a_tab_in_the_indentation_says_so() -> None:
    assert _problems("a:\n  b: 1\n\tc: 2\n") == [
        "f.yaml:3:1: YAML syntax: found a tab; indent with spaces, never tabs"
    ]


def test_empty_document_is_none() -> None:
    assert load("# only a comment\n", "f.yaml").data is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!str x\n", "1:4: unsupported YAML tag 'tag:yaml.org,2002:str'; remove it"),
        ("a: ! x\n", "1:4: unsupported YAML tag '!'; remove it"),
        ("a: !!int x\n", "1:4: unsupported YAML tag 'tag:yaml.org,2002:int'; remove it"),
        ("a: !!map {}\n", "1:4: unsupported YAML tag 'tag:yaml.org,2002:map'; remove it"),
        ("!!str a: x\n", "1:1: unsupported YAML tag 'tag:yaml.org,2002:str'; remove it"),
        ("a: &x y\n", "1:4: YAML anchors (&name) are not supported here; remove it"),
        ("a: &x [y]\n", "1:4: YAML anchors (&name) are not supported here; remove it"),
        ("&x a: y\n", "1:1: YAML anchors (&name) are not supported here; remove it"),
    ],
)
def test_every_tag_and_anchor_is_refused_even_a_harmless_one(text: str, expected: str) -> None:
    assert _problems(text) == [f"f.yaml:{expected}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 2024-02-30\n", "'2024-02-30' is not a date"),
        ("a: =\n", "YAML reads = as 'tag:yaml.org,2002:value'; put it in quotes"),
    ],
)
def test_a_plain_value_yaml_cannot_read_is_an_error(text: str, expected: str) -> None:
    assert _problems(text) == [f"f.yaml:1:4: {expected}"]


@pytest.mark.parametrize(
    ("text", "index", "where"),
    [
        ("ab", 1, Position(1, 2)),
        ("a\nb", 2, Position(2, 1)),
        ("a\r\nb", 3, Position(2, 1)),
        ("a\rb\rc", 4, Position(3, 1)),
        ("济南\nb", 4, Position(2, 2)),
        ("{", 1, Position(1, 2)),  # past the end of a last line without a line break
        ("a\n", 9, Position(2, 1)),
    ],
)
def test_positions_count_lines_as_editors_do(text: str, index: int, where: Position) -> None:
    assert yamlio.position_at(text, index) == where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "f.yaml:1:2: YAML syntax: did not find expected node content"),
        ("card_state: lost\ndistr", "f.yaml:2:6: YAML syntax: could not find expected ':'"),
        ("a: 1\rb: [\r", "f.yaml:3:1: YAML syntax: did not find expected node content"),
        ("a: 1\r\tb: 2\r", "f.yaml:2:1: YAML syntax: found a tab; indent with spaces, never tabs"),
    ],
)
def test_a_syntax_error_at_the_very_end_or_after_lone_carriage_returns(
    text: str, expected: str
) -> None:
    assert _problems(text) == [expected]


@pytest.mark.parametrize(("char", "name"), [("\u2028", "LINE SEPARATOR"), ("\x85", "NEXT LINE")])
def test_a_line_break_that_editors_do_not_show_is_named_where_it_is(char: str, name: str) -> None:
    text = f"a: 1\nb: 2  # a note{char}c: [\n"
    assert _problems(text) == [
        f"f.yaml:2:15: U+{ord(char):04X} ({name}) is a line break to YAML, though editors show "
        "none, so what follows it on this line is read as a new line; remove it"
    ]


@pytest.mark.parametrize(("text", "end"), [("---", Position(1, 4)), ("--- ", Position(1, 5))])
def test_an_empty_document_without_a_final_line_break_is_placed_on_its_line(
    text: str, end: Position
) -> None:
    """libyaml puts it on a line after the last; an editor could not jump there."""
    assert load(text, "f.yaml").locate(()) == end


def test_paths_of_typed_scalars_and_positions_hold_after_lists_and_mappings_close() -> None:
    doc = load("a:\n  - {b: [x, {c: y}], d: 1}\n  - [z, 2.5]\ne: [[w], no]\n", "f.yaml")
    assert doc.typed_scalars == {
        ("a", 0, "d"): ("1", "a number"),
        ("a", 1, 1): ("2.5", "a number"),
        ("e", 1): ("no", "true/false"),
    }
    assert doc.positions[("a", 0, "d")] == Position(2, 25)
    assert doc.positions[("e", 1)] == Position(4, 10)


def test_a_refused_key_drops_its_whole_value_and_reading_goes_on() -> None:
    assert _problems("a:\n  ? [x, {y: z}]\n  : {v: [1, 2]}\n  1: {w: [3]}\n  b: c\n  b: [d]\n") == [
        "f.yaml:2:5: a key must be plain text, not a list or mapping",
        'f.yaml:4:3: the key 1 is read by YAML as a number, not as text; put it in quotes: "1"',
        "f.yaml:6:3: duplicate key 'b' (first given at line 5)",
    ]


def test_reading_stops_at_the_limit_inside_a_refused_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_EVENTS", 7)
    # Stream, document, mapping, a, 1, the key's list and b are 7; its end is the 8th.
    assert _problems("a: 1\n[b]: [c, d]\n") == [
        "f.yaml:2:1: a key must be plain text, not a list or mapping",
        "f.yaml:2:3: the file holds more than 7 YAML values (a list or mapping counts "
        "twice), far more than a guide needs; reading stopped here",
    ]


def _read(text: str) -> tuple[object, list[str]]:
    doc = yamlio.read(text, "f.yaml")
    return doc.data, [str(p) for p in doc.problems]


def test_read_keeps_a_duplicate_keys_first_value_and_says_the_later_one_is_ignored() -> None:
    doc = yamlio.read("a: 1st\nb:\n  c: x\n  c: [y]\na: 2nd\n", "f.yaml")
    assert doc.data == {"a": "1st", "b": {"c": "x"}}
    assert [str(p) for p in doc.problems] == [
        "f.yaml:4:3: duplicate key 'c' (first given at line 3); "
        "this one is ignored until it is renamed or removed",
        "f.yaml:5:1: duplicate key 'a' (first given at line 1); "
        "this one is ignored until it is renamed or removed",
    ]
    assert (doc.dropped, doc.partial) == (frozenset(), False)
    assert doc.positions[("b", "c")] == Position(3, 6)  # the first one's


def test_load_refuses_a_duplicate_key_without_saying_the_later_one_is_ignored() -> None:
    """An answers file with a problem is refused whole: nothing in it is read."""
    assert _problems("a: 1st\na: 2nd\n") == [
        "f.yaml:2:1: duplicate key 'a' (first given at line 1)"
    ]


def test_a_section_given_twice_at_the_top_leaves_the_data_partial() -> None:
    assert yamlio.read("a: {b: c}\na: {d: e}\n", "f.yaml").partial
    assert yamlio.read("a: [b]\na:\n  - c\n", "f.yaml").partial
    assert not yamlio.read("a: b\na: c\n", "f.yaml").partial
    assert not yamlio.read("a: {b: c, b: {d: e}}\n", "f.yaml").partial


def test_read_leaves_out_a_refused_value_and_says_where() -> None:
    doc = yamlio.read(
        "a: *x\nb: !!str y\nc: !!map {d: *e}\nf: [g, !h i]\nj: 2024-02-30\n", "f.yaml"
    )
    assert doc.data == {"a": None, "b": None, "c": None, "f": ["g", None], "j": None}
    assert doc.dropped == {("a",), ("b",), ("c",), ("f", 1), ("j",)}
    assert doc.partial
    assert [str(p) for p in doc.problems] == [
        "f.yaml:1:4: YAML aliases (*name) are not supported here; write the value out in full",
        "f.yaml:2:4: unsupported YAML tag 'tag:yaml.org,2002:str'; remove it",
        "f.yaml:3:4: unsupported YAML tag 'tag:yaml.org,2002:map'; remove it",
        "f.yaml:4:8: unsupported YAML tag '!h'; remove it",
        "f.yaml:5:4: '2024-02-30' is not a date",
    ]


def test_read_leaves_out_a_key_that_is_no_text_and_says_which_mapping_lost_it() -> None:
    doc = yamlio.read("a:\n  ? [b]\n  : c\n  d: e\n  *f : g\n  <<: {h: i}\n", "f.yaml")
    assert doc.data == {"a": {"d": "e"}}
    assert doc.dropped == {("a",)}


def test_an_anchor_is_refused_but_the_value_it_marks_is_kept() -> None:
    data, problems = _read("a: &x text\nb: &y {c: d}\n")
    assert data == {"a": "text", "b": {"c": "d"}}
    assert problems == [
        "f.yaml:1:4: YAML anchors (&name) are not supported here; remove it",
        "f.yaml:2:4: YAML anchors (&name) are not supported here; remove it",
    ]
    assert not yamlio.read("a: &x text\n", "f.yaml").partial


def test_a_key_yaml_reads_as_no_text_is_read_on_as_the_text_written() -> None:
    doc = yamlio.read("no: a\n1: b\n!!str c: d\n", "f.yaml")
    assert doc.data == {"no": "a", "1": "b", "c": "d"}
    assert len(doc.problems) == 3
    assert not doc.partial
    assert doc.key_positions[("1",)] == Position(2, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [b\nc: d\n", "f.yaml:2:2: YAML syntax: did not find expected ',' or ']'"),
        ("a: b\n---\nc: d\n", "f.yaml:2:1: the file holds more than one YAML document"),
        ("a: b\u2028c: d\n", "f.yaml:1:5: U+2028 (LINE SEPARATOR) is a line break to YAML"),
        ("a: \x1b\n", "f.yaml:1:4: the control character U+001B is not allowed in YAML"),
    ],
)
def test_read_refuses_a_file_with_nothing_to_go_on_with(text: str, expected: str) -> None:
    with pytest.raises(DataError) as caught:
        yamlio.read(text, "f.yaml")
    assert [str(p)[: len(expected)] for p in caught.value.problems] == [expected]


def test_reading_that_stops_at_the_problem_limit_has_nothing_to_go_on_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlio, "MAX_PROBLEMS", 2)
    with pytest.raises(DataError):
        yamlio.read("a: *x\nb: *x\nc: d\n", "f.yaml")


def test_only_a_plain_scalars_first_character_can_make_it_typed() -> None:
    """The loader tries no resolver on a plain scalar whose first character starts no typed one."""
    assert None not in yamlio._Loader.yaml_implicit_resolvers


def _readings(text: str) -> tuple[yamlio._Builder, yamlio._Builder]:
    first = yamlio._Builder(text, "f.yaml", record=False)
    second = yamlio._Builder(text, "f.yaml", record=True)
    first.run()
    second.run()
    return first, second


@pytest.mark.parametrize(
    "path",
    sorted(
        path
        for folder in (TESTS, TESTS.parent / "data", TESTS.parent / "examples")
        for path in folder.rglob("*.yaml")
    ),
    ids=lambda path: str(path.relative_to(TESTS.parent)),
)
def test_the_first_reading_and_the_one_noting_positions_agree(path: Path) -> None:
    """They take different ways through the loop: the first takes most events itself."""
    first, second = _readings(path.read_text(encoding="utf-8", errors="replace"))
    assert repr(first.data) == repr(second.data)
    assert first.typed_scalars == second.typed_scalars
    assert (first.dropped, first.section_ignored) == (second.dropped, second.section_ignored)
    assert [(p.line, p.column) for p in first.problems] == [
        (p.line, p.column) for p in second.problems
    ]
