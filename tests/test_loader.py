"""Loading a guide folder: every mistake reported at its file:line:column."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ssc_wizard import loader
from ssc_wizard.errors import DataError, WizardError
from ssc_wizard.loader import default_data_dir, examine_guide, load_guide

from conftest import MINI, TESTS, TINY_SCENARIOS, GuideDir

BROKEN = sorted(
    path for kind in ("scenarios", "offices") for path in (TESTS / "broken" / kind).glob("*.yaml")
)
EXPECT = re.compile(r"^# (expect|warn): (\d+):(\d+): (.+)$", re.MULTILINE)
SEVERITY = {"expect": "error", "warn": "warning"}


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_broken_file_reports_exact_positions(broken: Path, tmp_path: Path) -> None:
    name = f"{broken.parent.name}.yaml"  # scenarios.yaml or offices.yaml
    folder = tmp_path / "guide"
    shutil.copytree(MINI, folder)
    shutil.copy(broken, folder / name)
    expected = [
        (SEVERITY[kind], int(line), int(column), fragment)
        for kind, line, column, fragment in EXPECT.findall(broken.read_text(encoding="utf-8"))
    ]
    assert expected, f"{broken} says nothing about what to expect"

    problems = examine_guide(folder).problems
    if all(severity == "error" for severity, *_ in expected):
        # A file about errors may be too small to be sensible: its warnings are beside the point.
        problems = [p for p in problems if p.severity == "error"]
    reported = [f"{p.severity} {p}" for p in problems]
    prefix = str(folder / name)
    for severity, line, column, fragment in expected:
        assert any(
            r.startswith(f"{severity} {prefix}:{line}:{column}: ") and fragment in r
            for r in reported
        ), f"expected {severity} {line}:{column}: {fragment!r} in:\n" + "\n".join(reported)
    assert len(reported) == len(expected), "\n".join(reported)
    assert [(p.line, p.column) for p in problems] == sorted((p.line, p.column) for p in problems)

    # The wizard refuses the errors (and only those); warnings alone do not stop it.
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        with pytest.raises(DataError) as caught:
            load_guide(folder)
        assert caught.value.problems == errors
    else:
        load_guide(folder)


def test_shipped_guide_and_mini_guide_load() -> None:
    assert "card_state" in load_guide(default_data_dir()).scenarios.questions
    assert load_guide(MINI).scenarios.start == "colour"


def test_missing_folder_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(WizardError, match=r"data folder not found: .*--data-dir"):
        load_guide(tmp_path / "nope")


def test_missing_file_is_named(guide_dir: GuideDir) -> None:
    folder = guide_dir()
    (folder / "offices.yaml").unlink()
    with pytest.raises(WizardError, match=r"offices\.yaml: file not found"):
        load_guide(folder)


def test_invalid_utf8_gives_its_position(guide_dir: GuideDir) -> None:
    folder = guide_dir()
    (folder / "scenarios.yaml").write_bytes(b"guide:\n  title: caf\xe9\n")
    with pytest.raises(DataError) as caught:
        load_guide(folder)
    assert (
        str(caught.value)
        == f"{folder / 'scenarios.yaml'}:2:13: not valid UTF-8 text; save the file as UTF-8"
    )


def test_byte_order_mark_is_accepted(guide_dir: GuideDir) -> None:
    folder = guide_dir()
    text = (folder / "scenarios.yaml").read_text(encoding="utf-8")
    (folder / "scenarios.yaml").write_text("\ufeff" + text, encoding="utf-8")
    assert load_guide(folder).scenarios.start == "colour"


def test_a_file_saved_as_utf16_is_named_as_such(guide_dir: GuideDir) -> None:
    folder = guide_dir()
    text = (folder / "offices.yaml").read_text(encoding="utf-8")
    (folder / "offices.yaml").write_text(text, encoding="utf-16")
    with pytest.raises(DataError) as caught:
        load_guide(folder)
    assert str(caught.value) == (
        f"{folder / 'offices.yaml'}:1:1: the file is saved as UTF-16; save it as UTF-8"
    )


@pytest.mark.parametrize("endless", [False, True])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    guide_dir: GuideDir, monkeypatch: pytest.MonkeyPatch, endless: bool
) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024 * 1024)
    path = Path("/dev/zero") if endless else guide_dir() / "scenarios.yaml"
    if not endless:
        path.write_text("# " + "x" * 1024 * 1024 + "\n", encoding="utf-8")
    with pytest.raises(WizardError) as caught:
        loader.read_text(path)
    assert str(caught.value) == (
        f"{path}: the file is larger than 1 MiB, the most ssc-wizard reads "
        "(README: What ssc-wizard refuses); is it the right file?"
    )


def test_problems_in_both_files_are_all_reported(guide_dir: GuideDir) -> None:
    folder = guide_dir(
        scenarios=TINY_SCENARIOS.replace("title: Done", "title: ''"),
        offices="offices: {}\ndistricts: []\n",
    )
    with pytest.raises(DataError) as caught:
        load_guide(folder)
    messages = [f"{p.file.rsplit('/', 1)[-1]}:{p.line}: {p.message}" for p in caught.value.problems]
    assert messages == [
        "scenarios.yaml:11: this text must not be empty",
        "offices.yaml:2: expected a mapping (lines of `key: value`), got a list",
    ]
