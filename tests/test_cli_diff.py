"""``ssc-wizard diff`` as a maintainer runs it: the installed command on two
copies of the Jinan guide, one edited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ssc_wizard.loader import default_data_dir

from conftest import console_script, run_installed

SCHEMA = Path(__file__).parents[1] / "src" / "ssc_wizard" / "schemas" / "diff.schema.json"

#: The edits: a step reworded in Chinese only, an office taken out of one
#: outcome, and a new choice (made up, for the test only).
EDITS = [
    (
        "        zh: 先注销丢失的卡：到就近的人力资源社会保障服务中心、",
        "        zh: 首先注销丢失的卡：到就近的人力资源社会保障服务中心、",
    ),
    (
        "      - office: municipal_agency\n"
        "        role:\n"
        "          en: Cancels the lost card, where it is the nearest of the places that do.\n"
        "          zh: 注销丢失的卡（在可办理的几处中，到离您最近的一处）。\n",
        "",
    ),
    (
        "        outcome: cancel_shandong_card\n",
        "        outcome: cancel_shandong_card\n"
        "      unsure:\n"
        "        label: {en: Not sure, zh: 不确定}\n"
        "        outcome: damaged_card\n",
    ),
]

STEP_BEFORE = "先注销丢失的卡：到就近的人力资源社会保障服务中心、区经办机构或市经办机构办理。"
ROLE_EN = "Cancels the lost card, where it is the nearest of the places that do."
ROLE_ZH = "注销丢失的卡（在可办理的几处中，到离您最近的一处）。"


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``old`` (the shipped guide), ``new`` (edited) and ``broken``."""
    top = tmp_path_factory.mktemp("versions")
    for name in ("old", "new", "broken"):
        shutil.copytree(default_data_dir(), top / name)
    scenarios = top / "new" / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    for before, after in EDITS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    scenarios.write_text(text, encoding="utf-8")
    with (top / "broken" / "offices.yaml").open("a", encoding="utf-8") as broken:
        broken.write("districts: [\n")
    return top


def _diff(guides: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_installed([console_script(), "diff", *args], guides)


def test_the_edits_show_exactly(guides: Path) -> None:
    done = _diff(guides, "old", "new")
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "1 path differs, 1 path appears, 0 paths disappear (of 33 paths before, 34 paths after).",
        "",
        "1 path differs:",
        "- card_state=lost  (lost_card)",
        "    steps 1 (zh)",
        f"      - {STEP_BEFORE}",
        f"      + 首{STEP_BEFORE}",
        "    offices municipal_agency (en)",
        f"      - name: Municipal agency; role: {ROLE_EN}; per_district: false",
        "    offices municipal_agency (zh)",
        f"      - name: 市经办机构; role: {ROLE_ZH}; per_district: false",
        "",
        "1 path appears:",
        "- card_state=other_shandong_city keep_shandong_card=unsure  (damaged_card)",
    ]


def test_json_says_the_same_and_fits_its_schema(guides: Path) -> None:
    done = _diff(guides, "old", "new", "--format", "json")
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)
    assert (data["old"], data["new"], data["limit"]) == ("old", "new", 1000)
    assert data["counts"] == {
        "old_paths": 33,
        "new_paths": 34,
        "differing": 1,
        "appearing": 1,
        "disappearing": 0,
    }
    (path,) = data["differing"]
    assert (path["answers"], path["old_outcome"], path["new_outcome"]) == (
        {"card_state": "lost"},
        "lost_card",
        "lost_card",
    )
    step, *offices = path["changes"]
    assert step == {
        "field": "steps",
        "item": 1,
        "part": None,
        "lang": "zh",
        "old": STEP_BEFORE,
        "new": "首" + STEP_BEFORE,
    }
    assert [(c["item"], c["lang"], c["old"]["role"], c["new"]) for c in offices] == [
        ("municipal_agency", "en", ROLE_EN, None),
        ("municipal_agency", "zh", ROLE_ZH, None),
    ]
    assert data["appearing"] == [
        {
            "answers": {"card_state": "other_shandong_city", "keep_shandong_card": "unsure"},
            "outcome": "damaged_card",
        }
    ]
    assert data["disappearing"] == []


def test_a_guide_against_itself_exits_0(guides: Path) -> None:
    done = _diff(guides, "old", str(default_data_dir()))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "0 paths differ, 0 paths appear, 0 paths disappear (of 33 paths before, 33 paths after).\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_past_the_limit_only_the_counts(guides: Path, fmt: str) -> None:
    done = _diff(guides, "old", "new", "--limit", "0", "--format", fmt)
    assert done.returncode == 1
    if fmt == "json":
        data = json.loads(done.stdout)
        assert (data["limit"], data["differing"], data["appearing"]) == (0, None, None)
        assert data["disappearing"] == []  # none to list is no list past the limit
    else:
        assert done.stdout.splitlines()[2:] == [
            "1 path differs, more than --limit 0: not listed. Give --limit 1 to list them.",
            "",
            "1 path appears, more than --limit 0: not listed. Give --limit 1 to list them.",
        ]


def test_the_commands_own_words_in_chinese(guides: Path) -> None:
    done = run_installed([console_script(), "--lang", "zh", "diff", "old", "new"], guides)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "1 条路径结果不同，1 条路径新出现，0 条路径消失"
        "（改动前共 33 条路径，改动后共 34 条路径）。",
        "",
        "1 条路径结果不同：",
        "- card_state=lost  (lost_card)",
    ]
    # The differences are the guide's, in each of its languages, whatever --lang says.
    assert lines[4:7] == ["    steps 1 (zh)", f"      - {STEP_BEFORE}", f"      + 首{STEP_BEFORE}"]


@pytest.mark.parametrize(
    "args",
    [
        ["old"],
        ["old", "new", "--limit", "-1"],
        ["old", "new", "--limit", "x"],
        ["old", "new", "--bad"],
    ],
)
def test_bad_usage_exits_2(guides: Path, args: list[str]) -> None:
    done = _diff(guides, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Usage: ssc-wizard diff" in done.stderr


def test_a_data_dir_before_diff_is_refused_not_ignored(guides: Path) -> None:
    # diff compares the two folders it is given: a third would be silently unused.
    done = run_installed([console_script(), "--data-dir", "old", "diff", "old", "new"], guides)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "--data-dir before 'diff' is for the questions" in done.stderr


def test_a_guide_that_cannot_be_read_exits_2_never_1(guides: Path) -> None:
    broken = _diff(guides, "old", "broken")
    assert broken.returncode == 2
    assert broken.stdout == ""
    assert broken.stderr.splitlines() == [
        "ssc-wizard: the guide's data has 2 problems:",
        "  broken/offices.yaml:107:1: duplicate key 'districts' (first given at line 58); "
        "this one is ignored until it is renamed or removed",
        "  broken/offices.yaml:108:1: YAML syntax: did not find expected node content",
        "Fix the file and run again.",
    ]
    missing = _diff(guides, "nowhere", "new")
    assert missing.returncode == 2
    assert "data folder not found: nowhere" in missing.stderr
