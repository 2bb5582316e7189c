"""Records behave as the frozen dataclasses they stand in for."""

from __future__ import annotations

import dataclasses

import pytest

from ssc_wizard.records import Record


class Point(Record):
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


class Labelled(Point, kw_only=True):
    label: str


def test_fields_in_order_with_defaults_positional_or_named() -> None:
    assert Point.fields == ("x", "y", "tags")
    assert (Point(1).x, Point(1).y) == (1, 0)
    assert Point(1, 2) == Point(x=1, y=2) == Point(y=2, x=1)
    assert Point(1).tags is Point(2).tags  # a default is shared: it must be immutable


def test_equal_by_value_and_type_hashable_and_shown() -> None:
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != Labelled(x=1, label="a")
    assert len({Point(1, 2), Point(1, 2)}) == 1
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"


def test_frozen() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x  # type: ignore[misc]


def test_replace_makes_a_changed_copy() -> None:
    point = Point(1, 2)
    assert point.replace(y=5) == Point(1, 5)
    assert point == Point(1, 2)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Point(), "missing field 'x'"),
        (lambda: Point(1, 2, (), 4), "takes 3 fields"),
        (lambda: Point(1, x=2), "unexpected or repeated field 'x'"),
        (lambda: Point(1, z=2), "unexpected or repeated field 'z'"),
        (lambda: Labelled(1, label="a"), "takes its fields by name"),
    ],
)
def test_wrong_arguments_are_refused_as_a_dataclass_would(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_a_subclass_adds_its_fields_after_its_parents() -> None:
    labelled = Labelled(x=1, label="a")
    assert Labelled.fields == ("x", "y", "tags", "label")
    assert (labelled.y, labelled.label) == (0, "a")
    match labelled:
        case Labelled(x, y):
            assert (x, y) == (1, 0)
