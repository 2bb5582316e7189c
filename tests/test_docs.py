"""The docs say what is true today: docs/authoring.md's samples are what the tool
prints, and README's code layout names the modules there are."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import ssc_wizard
from ssc_wizard.cli import app

ROOT = Path(__file__).parents[1]
AUTHORING = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "examples" / "library-card"


def _block_after(marker: str) -> str:
    """The fenced block that follows a line starting with ``marker``."""
    match = re.search(
        rf"^{re.escape(marker)}.*?\n```\w*\n(.*?)^```$", AUTHORING, re.MULTILINE | re.DOTALL
    )
    assert match, f"no block after {marker!r} in docs/authoring.md"
    return match.group(1)


def _console(command: str) -> list[str]:
    """The lines a console sample shows for ``command`` (after its `$` line)."""
    match = re.search(rf"^\$ {re.escape(command)}\n(.*?)^```$", AUTHORING, re.MULTILINE | re.DOTALL)
    assert match, f"no sample of {command!r} in docs/authoring.md"
    return match.group(1).splitlines()


def _run(*args: str) -> list[str]:
    result = CliRunner().invoke(app, list(args))
    return [line.rstrip() for line in result.stdout.splitlines()]


@pytest.fixture
def my_city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """./my-city, as `ssc-wizard new-guide my-city` leaves it: where a reader follows along."""
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["new-guide", "my-city"]).exit_code == 0
    return tmp_path / "my-city"


def test_the_drawing_is_the_examples_graph() -> None:
    drawn = "\n".join(_run("graph", "--format", "mermaid", "--data-dir", str(EXAMPLE)))
    assert _block_after("<!-- graph of examples/library-card") == drawn + "\n"


def test_the_tree_sample_is_the_examples_tree() -> None:
    sample = _console("ssc-wizard graph --data-dir examples/library-card")
    assert sample == _run("graph", "--data-dir", str(EXAMPLE))


def test_the_check_and_paths_samples_are_what_they_print(my_city: Path) -> None:
    assert (
        _console("ssc-wizard check --data-dir my-city")[0]
        == _run("check", "--data-dir", "my-city")[0]
    )
    sample = _console("ssc-wizard paths --data-dir my-city")
    listed = _run("paths", "--data-dir", "my-city")
    assert sample[:2] == listed[:2]
    assert sample[-1] == listed[-1]


def test_the_mistakes_sample_is_what_check_prints(my_city: Path) -> None:
    scenarios = my_city / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    assert text.count("        next: who\n") == 1
    scenarios.write_text(text.replace("        next: who\n", "        next: whoo\n"))
    offices = my_city / "offices.yaml"
    text = offices.read_text(encoding="utf-8")
    assert text.count("      zh: 老城\n") == 1
    offices.write_text(text.replace("      en: Old Town\n      zh: 老城\n", "      en: Old Town\n"))

    block = _block_after("<!-- check of examples/library-card").splitlines()
    assert block[0] == "$ ssc-wizard check --data-dir my-city"
    assert block[1:] == _run("check", "--data-dir", "my-city")


def test_the_sources_samples_are_what_the_tool_prints(my_city: Path) -> None:
    shown = _block_after("A result lists the facts").splitlines()
    result = _run(
        "--data-dir", "my-city", "-a", "need=lost", "-a", "branch=north", "--format", "text"
    )
    at = result.index(shown[0])
    assert result[at : at + len(shown)] == shown

    offices = my_city / "offices.yaml"
    text = offices.read_text(encoding="utf-8")
    url = "      url: https://example.org/riverbend/central-library\n"
    assert text.count(url) == 1
    offices.write_text(text.replace(url, url + "    checked: 2025-01-10\n"), encoding="utf-8")
    block = _block_after("<!-- check --as-of of examples/library-card").splitlines()
    assert block[0] == "$ ssc-wizard check --data-dir my-city --as-of 2026-03-01"
    assert block[1:] == _run("check", "--data-dir", "my-city", "--as-of", "2026-03-01")


def test_every_yaml_sample_is_valid_yaml() -> None:
    samples = re.findall(r"^```yaml\n(.*?)^```$", AUTHORING, re.MULTILINE | re.DOTALL)
    assert len(samples) >= 8
    for sample in samples:
        yaml.safe_load(sample)


def test_the_readmes_code_layout_names_every_module_and_no_other() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Code layout") :]
    table = table[: table.index("\n\n", table.index("| module |"))]
    named = set(re.findall(r"^\| `([^`]+)`", table, re.MULTILINE))
    package = Path(ssc_wizard.__file__).parent
    modules = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    unnamed = modules - named
    assert not unnamed, f"README's code layout does not name {sorted(unnamed)}"
    gone = {n for n in named if not (package / n).exists()}
    assert not gone, f"README's code layout names {sorted(gone)}, which are gone"


def test_the_diff_sample_is_what_it_prints(my_city: Path) -> None:
    shutil.copytree(my_city, my_city.parent / "old-city")
    scenarios = my_city / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    assert text.count("        zh: 交回旧证。\n") == 1
    scenarios.write_text(text.replace("        zh: 交回旧证。\n", "        zh: 把旧证交回。\n"))
    sample = _console("ssc-wizard diff old-city my-city")
    printed = _run("diff", "old-city", "my-city")
    assert sample == printed
