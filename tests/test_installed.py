"""The installed command, as a user starts it, away from any checkout."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ssc_wizard

from conftest import console_script, run_installed

ARGS = [
    "--answer",
    "card_state=out_of_province",
    "--answer",
    "keep_card=yes",
    "--answer",
    "account_normal=yes",
    "--answer",
    "district=huaiyin",
    "--format",
    "json",
]


def test_console_script_and_module_give_the_same_result_from_any_folder(tmp_path: Path) -> None:
    by_script = run_installed([console_script(), *ARGS], tmp_path)
    by_module = run_installed([sys.executable, "-m", "ssc_wizard", *ARGS], tmp_path)
    assert by_script.returncode == 0, by_script.stderr
    assert by_script.stdout == by_module.stdout
    assert json.loads(by_script.stdout)["outcome"]["id"] == "convert_card"


@pytest.mark.slow
def test_missing_answer_from_a_closed_stdin_is_exit_2_without_traceback(tmp_path: Path) -> None:
    result = run_installed([console_script()], tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Answer it with --answer card_state=CHOICE" in result.stderr
    assert "Traceback" not in result.stderr


def test_installed_package_carries_its_guide() -> None:
    direct_url = importlib.metadata.distribution("ssc-wizard").read_text("direct_url.json")
    if direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"):
        pytest.skip("an editable install reads the guide from the checkout")
    package = Path(ssc_wizard.__file__).parent
    assert (package / "data" / "scenarios.yaml").is_file()
    assert (package / "data" / "offices.yaml").is_file()
    assert (package / "schemas" / "result.schema.json").is_file()
    assert (package / "schemas" / "offices.schema.json").is_file()
    assert (package / "schemas" / "paths.schema.json").is_file()
    assert (package / "data" / "scenarios.schema.json").is_file()
    assert (package / "examples" / "library-card" / "scenarios.yaml").is_file()


@pytest.mark.slow
def test_reader_leaving_early_is_quiet(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -0`: nobody reads what is printed
    try:
        result = subprocess.run(
            [console_script(), *ARGS],
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""


@pytest.mark.slow
def test_scripted_run_never_loads_the_prompt_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ssc_wizard.cli import main\n"
        f"sys.argv = ['ssc-wizard', *{ARGS!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    loaded = {'questionary', 'prompt_toolkit'} & set(sys.modules)\n"
        "    print('LOADED', sorted(loaded), file=sys.stderr)\n"
    )
    result = run_installed([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr
