"""Frozen records: declared as dataclasses are, made at a fraction of the cost.

A dataclass writes and compiles its own methods for each class, about half a
millisecond apiece in Python 3.11, and a scripted run used to make a dozen of
them before its first line of output. A record's methods are written once,
here, and read the class's fields, which are found once, from its annotations.
The type checker treats a record as a frozen dataclass (``dataclass_transform``).

Only for what the code builds itself (results, sessions, walks): a guide's
parts stay dataclasses, which pydantic validates.
"""

from __future__ import annotations

import inspect
from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, Self, dataclass_transform


def declare_fields(cls: Any) -> list[str]:
    """Add the fields a class annotates itself (not its ClassVars) to those of its
    parents, in ``cls.fields``, and return them: a dataclass's fields, found
    without making a dataclass. Records and refusals (``errors``) are declared so."""
    declared = [
        n for n, kind in inspect.get_annotations(cls).items() if "ClassVar" not in str(kind)
    ]
    cls.fields = (*cls.fields, *declared)
    # mypy knows the attribute from dataclass_transform, and will not have it set.
    setattr(cls, "__match_args__", cls.fields)  # noqa: B010
    return declared


@dataclass_transform(frozen_default=True)
class Record:
    """Fields are the class's annotations, in order; a field with a value in the
    class body has it as its default (an immutable one: it is shared). With
    ``kw_only=True`` in the class's bases, fields are given by name only, and
    one without a default may follow one with."""

    __slots__ = ()
    #: The fields, in order, with the parents' first.
    fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    #: Fields given by name only (``class Part(Record, kw_only=True)``).
    _kw_only: ClassVar[bool] = False

    def __init_subclass__(cls, *, kw_only: bool = False) -> None:
        super().__init_subclass__()
        cls._kw_only = kw_only
        declared = declare_fields(cls)
        cls._defaults = {
            **cls._defaults,
            **{name: cls.__dict__[name] for name in declared if name in cls.__dict__},
        }

    def __init__(self, *values: Any, **named: Any) -> None:
        fields = self.fields
        if values and self._kw_only:
            raise TypeError(f"{type(self).__name__} takes its fields by name, got {values!r}")
        if len(values) > len(fields):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} fields, got {values!r}")
        given = dict(zip(fields, values, strict=False))
        for name, value in named.items():
            if name not in fields or name in given:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated field {name!r}")
            given[name] = value
        for name in fields:
            if name in given:
                value = given[name]
            elif name in self._defaults:
                value = self._defaults[name]
            else:
                raise TypeError(f"{type(self).__name__}: missing field {name!r}")
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, as ``dataclasses.replace`` makes."""
        return type(self)(**{**{name: getattr(self, name) for name in self.fields}, **changes})
