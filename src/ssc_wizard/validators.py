"""pydantic's validators of a guide's parts, each built the first time it is needed.

Building one costs tens of milliseconds (pydantic reads every annotation of
``model``), so nothing does it at import: a guide read back from the cache
never pays for it, and a guide read from YAML pays once per process.
"""

from __future__ import annotations

import functools
import os
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter
from pydantic_core import core_schema

# pydantic's own dependency: the TypedDict pydantic takes on Python 3.11.
from typing_extensions import TypedDict

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler

    from ssc_wizard.records import Record


@functools.cache
def validator(part: type) -> TypeAdapter[Any]:
    """The validator of a part of a guide (``Scenarios``, ``Offices``, ``Localized``, ...)."""
    # Without plugins, as typer builds its own: pydantic would look through
    # every installed package for one (4 ms among 50 packages), and a plugin
    # has no business watching a guide being read.
    previous = os.environ.get(_PLUGINS)
    os.environ[_PLUGINS] = "__all__"
    try:
        return TypeAdapter(part)
    finally:
        if previous is None:
            del os.environ[_PLUGINS]
        else:
            os.environ[_PLUGINS] = previous


_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def part_schema(part: type[Record], handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    """A record checked as the mapping of its fields (``_shape``), then made from it;
    written back (the cache) as that mapping."""
    shape = handler.generate_schema(_shape(part))
    return core_schema.no_info_after_validator_function(
        lambda fields: part(**fields),
        shape,
        serialization=core_schema.plain_serializer_function_ser_schema(
            lambda value: {name: _plain(getattr(value, name)) for name in part.fields},
            return_schema=shape,
        ),
    )


def _plain(value: Any) -> Any:
    # An empty mapping left as its default is a shared read-only one
    # (model.EMPTY_MAP), which pydantic writes only as a dict.
    return dict(value) if isinstance(value, Mapping) else value


#: Each part's shape, made once: one definition for each, however often it is used.
_SHAPES: dict[type[Record], type] = {}


def _shape(part: type[Record]) -> type:
    """The mapping a part is read from: a TypedDict of its fields (one with a
    default may be left out), closed to any other key, described by its docstring."""
    if part not in _SHAPES:
        hints = typing.get_type_hints(part, include_extras=True)
        fields = {name: hints[name] for name in part.fields}
        for name, default in part._defaults.items():
            # Left out, it takes its default; an editor shows which (the JSON Schema).
            shown = Field(json_schema_extra={"default": _plain(default)})
            fields[name] = NotRequired[Annotated[fields[name], shown]]
        shape = TypedDict(part.__name__, fields)  # type: ignore[misc]
        shape.__doc__ = part.__doc__
        shape.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]
        _SHAPES[part] = shape
    return _SHAPES[part]
