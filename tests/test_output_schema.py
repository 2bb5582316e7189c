"""The published JSON Schemas of the outputs are what their shapes generate."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssc_wizard.output_schema import SCHEMAS, main, schema_text

SCHEMAS_DIR = Path(__file__).parents[1] / "src" / "ssc_wizard" / "schemas"


@pytest.mark.parametrize("name", SCHEMAS)
def test_published_schema_is_what_the_shapes_generate(name: str) -> None:
    published = (SCHEMAS_DIR / name).read_text(encoding="utf-8")
    assert published == schema_text(name), (
        f"src/ssc_wizard/schemas/{name} is out of date: "
        "run `python -m ssc_wizard.output_schema src/ssc_wizard/schemas`"
    )


def test_every_published_schema_is_generated() -> None:
    assert sorted(p.name for p in SCHEMAS_DIR.glob("*.json")) == sorted(SCHEMAS)


def test_the_command_writes_every_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said == [f"wrote {tmp_path / name}" for name in SCHEMAS]
    for name in SCHEMAS:
        assert (tmp_path / name).read_text(encoding="utf-8") == schema_text(name)


def test_the_command_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: python -m ssc_wizard.output_schema FOLDER" in capsys.readouterr().err
