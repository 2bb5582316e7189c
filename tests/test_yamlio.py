"""The one YAML loader: safe, strict about surprises, and keeping positions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from ssc_wizard import yamlio
from ssc_wizard.errors import DataError
from ssc_wizard.yamlio import MAX_DEPTH, DataPath, Position, load

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
        (
            "a: 2024-02-30\n",
            "'2024-02-30' is not a date: there is no such day (or time); write a day as "
            'YYYY-MM-DD, such as 2026-03-01, or a text in quotes: "..."',
        ),
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
        "f.yaml:5:4: '2024-02-30' is not a date: there is no such day (or time); write a day "
        'as YYYY-MM-DD, such as 2026-03-01, or a text in quotes: "..."',
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


# --- the same data as PyYAML's own safe loader ----------------------------------
#
# yamlio builds data from libyaml's events itself, where PyYAML composes nodes
# and constructs them: generated documents within what a guide may hold must
# read the same both ways, and any that holds what yamlio refuses must be
# refused, never read as other data.

#: Texts YAML 1.1 reads as something else unquoted, or that mean something to it.
TRICKY = [
    *"yes no on off y n true false null ~ 1 01 0x1f 0o7 1_000".split(),  # noqa: SIM905
    *"1:30 1.5 .5 1e3 .inf -.nan 2024-01-31 2024-1-1 2024-01-31T10:00:00Z".split(),  # noqa: SIM905
    *"<< = - -- --- ... ? : # & * ! | > % @ `".split(),  # noqa: SIM905
    "",
    " ",
    "a: b",
    "a #b",
    "- a",
    "[a]",
    "{a: b}",
    "'",
    '"',
    "\\",
    "济南",
    "社会保障卡：补办",
    "line\nbreak",
    "trailing\n",
    " lead",
    "trail ",
]
#: Characters YAML allows only escaped or that look like something else.
ODD = "\t\r\n\x00\x1b\x7f\x85\xa0\u2028\u2029\u200b\u200d\u3000\ufeff\ue000\ufffe\U0001f600"
#: Written raw, these are line breaks to YAML that editors do not show: refused.
HIDDEN = "\x85\u2028\u2029"

TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        st.one_of(
            st.characters(codec="utf-8"),
            st.sampled_from(ODD),
            st.sampled_from(":#-?&*!|>'\" ,[]{}中文济南"),
        ),
        max_size=12,
    ),
)
#: The values YAML 1.1 types, which yamlio reads as PyYAML does (the model
#: refuses them where text belongs).
TYPED = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
)


def _trees(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
        max_leaves=12,
    )


@st.composite
def dumped(draw: st.DrawFn) -> tuple[Any, str]:
    """Data and the text PyYAML's dumpers make of it, in one of their styles."""
    text_only = draw(st.booleans())
    data = draw(_trees(TEXT if text_only else st.one_of(TEXT, TYPED)))
    options: dict[str, Any] = {
        "Dumper": draw(st.sampled_from([yaml.CSafeDumper, yaml.SafeDumper])),
        "default_flow_style": draw(st.sampled_from([False, True, None])),
        "allow_unicode": draw(st.booleans()),
        "width": draw(st.sampled_from([8, 80, 10**6])),
        "indent": draw(st.sampled_from([2, 4, 7])),
        "explicit_start": draw(st.booleans()),
        "explicit_end": draw(st.booleans()),
        "line_break": draw(st.sampled_from(["\n", "\r\n", "\r"])),
        "sort_keys": False,
    }
    if text_only:  # a style for every scalar: on a typed one, it would need a tag
        options["default_style"] = draw(st.sampled_from([None, "'", '"', "|", ">"]))
    return data, yaml.dump(data, **options)


def _written(value: Any, draw: st.DrawFn, *, flow: bool = False) -> str:
    """A scalar as a person might write it: plain where that reads back the same, or quoted.

    ``flow``: inside ``[...]`` or ``{...}``, where a plain text ends at a comma.
    """
    if isinstance(value, _Raw):
        return value
    if not isinstance(value, str):
        return str(yaml.dump(value, Dumper=yaml.CSafeDumper)).split("\n", 1)[0]
    allowed = r"[\w .()/\u4e00-\u9fff-]*" if flow else r"[\w .,()/\u4e00-\u9fff-]*"
    plain = re.fullmatch(r"[A-Za-z\u4e00-\u9fff]" + allowed, value)
    if (
        plain
        and not value.endswith(" ")
        and yamlio._resolve(value) == yamlio._TEXT
        and draw(st.booleans())
    ):
        return value
    if value.isprintable() and draw(st.booleans()):
        return "'" + value.replace("'", "''") + "'"
    return '"' + "".join(map(_escaped, value)) + '"'


def _escaped(char: str) -> str:
    """A character in a double-quoted YAML text: as it is where YAML allows it raw."""
    if char in '"\\':
        return "\\" + char
    if char.isprintable() and char not in HIDDEN and char not in "\ufeff\ufffe\uffff":
        return char
    code = ord(char)
    return (
        f"\\x{code:02X}"
        if code < 0x100
        else f"\\u{code:04X}"
        if code < 0x10000
        else f"\\U{code:08X}"
    )


class _Pairs(list[tuple[Any, Any]]):
    """A mapping written pair by pair: a key may come twice."""


class _Marked(NamedTuple):
    """A value written after an anchor or a tag (``&a``, ``!!str``)."""

    mark: str
    value: Any


class _Raw(str):
    """Written as it is: an alias (``*a``), or a key YAML reads as no text."""

    __slots__ = ()


def _block(value: Any, depth: int, step: int, draw: st.DrawFn) -> list[str]:
    """Block YAML as people write it: comments, blank lines, empty values,
    explicit keys, lists at their key's indentation or further in."""

    def comment() -> str:
        return draw(st.sampled_from(["", "  # note", " #注释", "   # - a: [b"]))

    pad = " " * (step * depth)
    lines: list[str] = []
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, _Pairs):
        items = value
    else:
        items = ((None, item) for item in value)
    for key, item in items:
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "#", f"{pad}# a comment: - [x]", "  #"])))
        if key is None:
            lead = f"{pad}-"
        elif draw(st.integers(0, 7)) == 0:  # an explicit key
            lines.append(f"{pad}? {_written(key, draw)}")
            lead = f"{pad}:"
        else:
            lead = f"{pad}{_written(key, draw)}:"
        mark = ""
        if isinstance(item, _Marked):
            mark, item = f" {item.mark}", item.value
        if isinstance(item, dict | list) and item and draw(st.integers(0, 3)) == 0:
            lines.append(f"{lead}{mark} {_flow(item, draw, pad + ' ' * step)}{comment()}")
        elif isinstance(item, dict | list) and item:
            lines.append(lead + mark + comment())
            # A list under a key may stand at the key's own indentation.
            flush = isinstance(item, list) and key is not None and not mark and draw(st.booleans())
            lines += _block(item, depth + (0 if flush else 1), step, draw)
        elif item is None and draw(st.booleans()):
            lines.append(lead + mark + comment())  # nothing after the colon (or dash)
        else:
            shown = "{}" if item == {} else "[]" if item == [] else _written(item, draw)
            lines.append(f"{lead}{mark} {shown}{comment()}")
    return lines


def _flow(value: Any, draw: st.DrawFn, pad: str) -> str:
    """A list or mapping in flow style: ``[a, {b: c}]``, its entries perhaps on
    lines of their own, a key without a value (``{a, b: c}``), a mapping of one
    key alone in a list (``[a: b]``)."""
    if isinstance(value, _Marked):
        return f"{value.mark} {_flow(value.value, draw, pad)}"
    if not isinstance(value, dict | list):
        return _written(value, draw, flow=True)
    parts = []
    pairs = value.items() if isinstance(value, dict) else value if isinstance(value, _Pairs) else ()
    for key, item in pairs:
        if item is None and draw(st.booleans()):
            parts.append(_written(key, draw, flow=True))
        else:
            parts.append(f"{_written(key, draw, flow=True)}: {_flow(item, draw, pad)}")
    for item in value if not isinstance(value, dict | _Pairs) else ():
        if isinstance(item, dict) and len(item) == 1 and draw(st.booleans()):
            ((key, inner),) = item.items()
            parts.append(f"{_written(key, draw, flow=True)}: {_flow(inner, draw, pad)}")
        else:
            parts.append(_flow(item, draw, pad))
    comma = draw(st.sampled_from([", ", ",", f",\n{pad}", f", # note\n{pad}"]))
    opened, closed = ("{", "}") if isinstance(value, dict | _Pairs) else ("[", "]")
    return opened + comma.join(parts) + closed


def _document(data: Any, draw: st.DrawFn) -> str:
    if not data:
        return "{}\n" if isinstance(data, dict) else "[]\n"
    lines = _block(data, 0, draw(st.integers(1, 4)), draw)
    if draw(st.booleans()):
        lines.insert(0, draw(st.sampled_from(["---", "--- # the guide", "# top"])))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(lines) + end


@st.composite
def handwritten(draw: st.DrawFn) -> tuple[Any, str]:
    """Data and block YAML written as people write it."""
    leaves = st.one_of(TEXT, TYPED)
    data = draw(
        st.one_of(
            st.lists(_trees(leaves), max_size=4), st.dictionaries(TEXT, _trees(leaves), max_size=4)
        )
    )
    return data, _document(data, draw)


def _paths(data: Any, path: DataPath = ()) -> Iterator[DataPath]:
    """Every value's path, in the order written."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def _changed(data: Any, path: DataPath, change: Callable[[Any], Any]) -> Any:
    """``data`` with the value at ``path`` changed (and the mappings on the way copied)."""
    if not path:
        return change(data)
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {key: _changed(v, rest, change) if key == head else v for key, v in data.items()}
    return [_changed(v, rest, change) if i == head else v for i, v in enumerate(data)]


@st.composite
def refused(draw: st.DrawFn) -> tuple[str, str]:
    """A document as people write it, with one thing ssc-wizard refuses."""
    data = draw(st.dictionaries(TEXT, _trees(st.one_of(TEXT, TYPED)), min_size=1, max_size=4))
    kind = draw(st.sampled_from(["duplicate key", "anchor", "alias", "tag", "key not text"]))
    paths = list(_paths(data))
    mappings = [p for p in paths if isinstance(_at(data, p), dict) and _at(data, p)]
    if kind == "duplicate key":
        where = draw(st.sampled_from(mappings))

        def twice(mapping: dict[str, Any]) -> _Pairs:
            pairs = _Pairs(mapping.items())
            first = draw(st.integers(0, len(pairs) - 1))
            again = (pairs[first][0], draw(st.one_of(TEXT, TYPED)))
            pairs.insert(draw(st.integers(first + 1, len(pairs))), again)
            return pairs

        data = _changed(data, where, twice)
    elif kind == "key not text":
        key = _Raw(
            draw(st.sampled_from(["1", "no", "~", "2024-01-31", "1.5", "[a]", "{a: b}", "<<"]))
        )
        where = draw(st.sampled_from(mappings))
        data = _changed(data, where, lambda mapping: _Pairs([*mapping.items(), (key, "x")]))
    else:
        inner = draw(st.sampled_from(paths[1:]))
        if kind == "alias":  # the alias first: any path written after the anchor's
            later = [p for p in paths[1:] if p > inner and p[: len(inner)] != inner]
            if later:
                data = _changed(data, draw(st.sampled_from(later)), lambda _: _Raw("*a"))
        tags = ["!!str", "!x", "!", "!!python/object/apply:os.system", "!<tag:yaml.org,2002:str>"]
        mark = draw(st.sampled_from(tags)) if kind == "tag" else "&a"
        data = _changed(data, inner, lambda value: _Marked(mark, value))
    return kind, _document(data, draw)


def _at(data: Any, path: DataPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _same(ours: Any, theirs: Any) -> bool:
    """Equal, and of the same types throughout (True == 1, and 1 == 1.0, to Python)."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, dict):
        return len(ours) == len(theirs) and all(
            a == b and _same(ours[a], theirs[b]) for a, b in zip(ours, theirs, strict=True)
        )
    if isinstance(ours, list):
        return len(ours) == len(theirs) and all(map(_same, ours, theirs))
    return bool(ours == theirs)


def _assert_read_as_pyyaml_reads(text: str) -> None:
    theirs = yaml.load(text, Loader=yaml.CSafeLoader)
    events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    if any(getattr(e, "tag", None) or getattr(e, "anchor", None) for e in events):
        # The dumper tags a value it cannot write otherwise (`! '2000-01-01 00:00:00'`
        # folded): refused, never read as other data.
        event("tagged by the dumper: refused")
        with pytest.raises(DataError):
            load(text, "f.yaml")
        return
    if any(char in text for char in HIDDEN):
        event("a raw line break editors do not show: refused")
        # A raw U+2028 and the like: PyYAML reads it, yamlio refuses it at its place.
        with pytest.raises(DataError, match="is a line break to YAML"):
            yamlio.read(text, "f.yaml")
        return
    doc = yamlio.read(text, "f.yaml")
    assert doc.problems == []
    assert _same(doc.data, theirs), (doc.data, theirs)
    assert _same(load(text, "f.yaml").data, theirs)
    located = yamlio._Builder(text, "f.yaml", record=True)
    located.run()  # the reading that notes positions, as a problem needs it
    assert located.problems == [] and _same(located.data, theirs)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(dumped())
def test_what_pyyamls_dumper_writes_is_read_as_pyyaml_reads_it(case: tuple[Any, str]) -> None:
    _assert_read_as_pyyaml_reads(case[1])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(handwritten())
def test_yaml_written_by_hand_is_read_as_pyyaml_reads_it(case: tuple[Any, str]) -> None:
    data, text = case
    assert _same(yaml.load(text, Loader=yaml.CSafeLoader), data), text  # the test's own check
    _assert_read_as_pyyaml_reads(text)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(refused())
def test_what_yamlio_refuses_is_refused_never_read_as_other_data(case: tuple[str, str]) -> None:
    kind, text = case
    event(kind)
    list(yaml.parse(text, Loader=yaml.CSafeLoader))  # the test's own check: it is YAML
    with pytest.raises(DataError):
        load(text, "f.yaml")
    doc = yamlio.read(text, "f.yaml")  # for a guide: with its problems, to go on with
    assert doc.problems != []
