"""A new guide folder to start from: the example guide, with its schemas beside it.

``starter_files`` is pure (names and texts); the CLI writes them. The example
is a made-up library, so that nothing in a new guide can be mistaken for a fact.
"""

from __future__ import annotations

from pathlib import Path

from ssc_wizard import packaged
from ssc_wizard.controls import shell_quote
from ssc_wizard.guide_schema import SCHEMAS, schema_text
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE

EXAMPLE = "library-card"

_HEADER = """\
# yaml-language-server: $schema={schema}
# A new guide, started from the example of a made-up town library: replace
# {what} with your own. docs/authoring.md in the ssc-wizard
# repository explains every part. After each change, run
#   ssc-wizard check --data-dir {folder}
"""


def example_dir() -> Path:
    return packaged.folder("examples") / EXAMPLE


def starter_files(folder: str) -> dict[str, str]:
    """File name -> text for a new guide folder (named as the person typed it)."""
    files: dict[str, str] = {}
    for data_file in (SCENARIOS_FILE, OFFICES_FILE):
        _, schema_name = SCHEMAS[data_file]
        body = (example_dir() / data_file).read_text(encoding="utf-8")
        what = "the questions and outcomes" if data_file == SCENARIOS_FILE else "the offices"
        header = _HEADER.format(schema=schema_name, what=what, folder=shell_quote(folder))
        files[data_file] = header + "\n" + _without_leading_comments(body)
        files[schema_name] = schema_text(data_file)
    return files


def _without_leading_comments(text: str) -> str:
    """The example's own header (its schema's path, how to try it) does not fit a copy."""
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    return "".join(lines[first:])
