"""JSON Schemas of a guide's two YAML files, generated from the models that validate them.

Editors that speak the YAML language server read them (the
``# yaml-language-server: $schema=...`` line at the top of each file) and
underline a mistake while it is typed. They describe each file's shape only;
``ssc-wizard check`` also checks that the files fit together.

Regenerate the published copies after changing ``model``::

    python -m ssc_wizard.guide_schema data
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ssc_wizard.model import Offices, Scenarios
from ssc_wizard.validators import validator

#: Each data file, the model it is checked against, and its schema's file name.
SCHEMAS: dict[str, tuple[type, str]] = {
    "scenarios.yaml": (Scenarios, "scenarios.schema.json"),
    "offices.yaml": (Offices, "offices.schema.json"),
}


def schema(data_file: str) -> dict[str, Any]:
    model, _ = SCHEMAS[data_file]
    generated = validator(model).json_schema()
    _close_id_maps(generated)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{data_file} of an ssc-wizard guide",
        **{key: value for key, value in generated.items() if key != "title"},
    }


def _close_id_maps(node: Any) -> None:
    """Maps keyed by id (questions, choices, ...) accept no key that is not an id.

    pydantic describes them with ``patternProperties`` alone, which lets any other
    key through; the loader refuses such a key, so the editor should underline it.
    """
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_id_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_id_maps(value)


def schema_text(data_file: str) -> str:
    return json.dumps(schema(data_file), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ssc_wizard.guide_schema FOLDER", file=sys.stderr)
        return 2
    for data_file, (_, name) in SCHEMAS.items():
        path = Path(argv[0]) / name
        path.write_text(schema_text(data_file), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
