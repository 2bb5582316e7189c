"""ssc-wizard new-guide: a folder to start a guide of one's own from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ssc_wizard.guide_schema import schema_text
from ssc_wizard.starter import example_dir

from conftest import console_script, run_installed


@pytest.mark.slow
def test_new_guide_is_valid_and_its_files_name_their_schemas(tmp_path: Path) -> None:
    done = run_installed([console_script(), "new-guide", "my city"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ssc-wizard check --data-dir 'my city'" in done.stdout
    folder = tmp_path / "my city"
    assert sorted(p.name for p in folder.iterdir()) == [
        "offices.schema.json",
        "offices.yaml",
        "scenarios.schema.json",
        "scenarios.yaml",
    ]
    for data_file in ("scenarios.yaml", "offices.yaml"):
        text = (folder / data_file).read_text(encoding="utf-8")
        schema = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        assert schema is not None
        assert (folder / schema.group(1)).read_text(encoding="utf-8") == schema_text(data_file)
        assert "check --data-dir 'my city'" in text
        # The example's body, without its own header.
        example = (example_dir() / data_file).read_text(encoding="utf-8")
        assert text.split("\n\n", 1)[1] == example.split("\n\n", 1)[1]

    check = run_installed([console_script(), "check", "--data-dir", "my city"], tmp_path)
    assert check.returncode == 0 and check.stdout.endswith("0 errors, 0 warnings.\n")
    answers = ["-a", "need=worn", "-a", "branch=unsure"]
    argv = [console_script(), "--data-dir", "my city", *answers, "--format", "json"]
    result = run_installed(argv, tmp_path)
    assert json.loads(result.stdout)["outcome"]["id"] == "replace_worn"


def test_an_empty_folder_may_be_used(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run_installed([console_script(), "new-guide", "empty"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "empty" / "scenarios.yaml").is_file()


@pytest.mark.slow
def test_nothing_is_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "scenarios.yaml").write_text("mine\n")
    done = run_installed([console_script(), "new-guide", "mine"], tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "ssc-wizard: mine is a folder that is not empty; "
        "give a new folder's name, so that nothing is overwritten\n"
    )
    assert [p.name for p in folder.iterdir()] == ["scenarios.yaml"]
    assert (folder / "scenarios.yaml").read_text() == "mine\n"
    a_file = run_installed([console_script(), "new-guide", "mine/scenarios.yaml"], tmp_path)
    assert a_file.returncode == 1 and "is not a folder" in a_file.stderr
