"""JSON Schemas of the JSON outputs, generated from their shapes in ``output_model``.

They ship in the package (``ssc_wizard/schemas/``) for whoever reads the
output. Regenerate them after changing ``output_model`` (a test fails until
they match)::

    python -m ssc_wizard.output_schema src/ssc_wizard/schemas
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ssc_wizard import output_model

#: Each schema's file name, the shape it describes and its title.
SCHEMAS: dict[str, tuple[Any, str]] = {
    "result.schema.json": (output_model.Result, "ssc-wizard result"),
    "offices.schema.json": (output_model.OfficeList, "ssc-wizard office list"),
    "paths.schema.json": (output_model.PathList, "ssc-wizard path list"),
    "diff.schema.json": (output_model.GuideDiff, "ssc-wizard diff"),
}


class _Plain(GenerateJsonSchema):
    """pydantic's schema without the titles it makes up from names ("Per District"),
    with a docstring's lines joined into one description, and definitions named
    in snake_case like the output's keys (``result_office``, not ``ResultOffice``)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def typed_dict_schema(self, schema: core_schema.TypedDictSchema) -> JsonSchemaValue:
        generated = super().typed_dict_schema(schema)
        generated.pop("title", None)
        if "description" in generated:
            generated["description"] = " ".join(generated["description"].split())
        return generated

    def normalize_name(self, name: str) -> str:
        return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", super().normalize_name(name)).lower()


def schema(name: str) -> dict[str, Any]:
    shape, title = SCHEMAS[name]
    generated: dict[str, Any] = TypeAdapter(shape).json_schema(schema_generator=_Plain)
    defs = generated.pop("$defs")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": generated.pop("description"),
        **generated,
        "$defs": defs,
    }


def schema_text(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ssc_wizard.output_schema FOLDER", file=sys.stderr)
        return 2
    for name in SCHEMAS:
        path = Path(argv[0]) / name
        path.write_text(schema_text(name), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
