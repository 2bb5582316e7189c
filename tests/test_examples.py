"""The maintainers' commands run by the installed command, on the examples and the shipped guide."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssc_wizard.cli import app

from conftest import console_script, run_installed

EXAMPLES = sorted(p for p in (Path(__file__).parents[1] / "examples").iterdir() if p.is_dir())


def test_there_is_an_example_guide() -> None:
    assert [p.name for p in EXAMPLES] == ["library-card"]


@pytest.mark.slow
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_example_passes_check_without_a_warning(folder: Path, tmp_path: Path) -> None:
    done = run_installed([console_script(), "check", "--data-dir", str(folder)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.endswith("; 0 errors, 0 warnings.\n")
    assert done.stdout.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_every_path_of_the_example_replays_to_its_outcome(folder: Path, tmp_path: Path) -> None:
    done = run_installed(
        [console_script(), "paths", "--format", "json", "--data-dir", str(folder)], tmp_path
    )
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    assert listing["count"] == len(listing["paths"]) > 1
    outcomes = set()
    for path in listing["paths"]:
        argv = shlex.split(path["command"])
        assert argv[:3] == ["ssc-wizard", "--data-dir", str(folder)]
        result = CliRunner().invoke(app, [*argv[1:], "--format", "json"])
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert (data["outcome"]["id"], data["answers"]) == (path["outcome"], path["answers"])
        outcomes.add(path["outcome"])
    assert len(outcomes) >= 3  # a small guide, but a real tree


@pytest.mark.slow
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["tree", "mermaid", "dot"])
def test_example_graph_draws(folder: Path, fmt: str, tmp_path: Path) -> None:
    done = run_installed(
        [console_script(), "graph", "--format", fmt, "--data-dir", str(folder)], tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "need" in done.stdout and "replace_lost" in done.stdout


@pytest.mark.slow
def test_the_three_commands_on_the_shipped_guide(tmp_path: Path) -> None:
    check = run_installed([console_script(), "check"], tmp_path)
    assert check.returncode == 0, check.stdout
    assert check.stdout.endswith("33 paths); 0 errors, 0 warnings.\n")
    paths = run_installed([console_script(), "paths", "--limit", "0"], tmp_path)
    assert (paths.returncode, paths.stdout.split(",")[0]) == (0, "33 paths")
    for fmt in ("tree", "mermaid", "dot"):
        drawn = run_installed([console_script(), "graph", "--format", fmt], tmp_path)
        assert drawn.returncode == 0 and drawn.stderr == ""
        assert "card_state" in drawn.stdout and "first_application" in drawn.stdout
