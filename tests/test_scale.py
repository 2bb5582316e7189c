"""A guide of 1,000 questions and outcomes, through the installed command.

The benchmark's generator (bench/large_guide.py) makes it: every question is a
sub-tree shared by two others, so it has about 3.5 x 10^105 paths. The
benchmark times guides ten and a hundred times as large; this checks, fast,
that such a guide is read whole, counted exactly, walked to its far end and
reported on at the right line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import large_guide
from conftest import console_script, run_installed

# A generated guide of 1,000 nodes, run through the installed command.
pytestmark = pytest.mark.slow

NODES = 1_000
QUESTIONS = large_guide.questions_in(NODES)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return large_guide.write(tmp_path_factory.mktemp("large"), NODES)


def test_check_reads_it_whole_and_finds_nothing_wrong(big: Path) -> None:
    done = run_installed([console_script(), "check", "--data-dir", str(big)], big)
    assert done.returncode == 0, done.stderr
    # The district question is one more than the generated ones.
    assert f"({QUESTIONS + 1} questions, {QUESTIONS} outcomes, 4 offices, 12 districts" in (
        done.stdout
    )
    assert done.stdout.rstrip().endswith("0 errors, 0 warnings.")


def test_paths_counts_every_path_exactly_without_listing_them(big: Path) -> None:
    done = run_installed(
        [console_script(), "paths", "--data-dir", str(big), "--format", "json"], big
    )
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert listed["count"] == large_guide.path_count(NODES) > 10**100
    assert listed["paths"] is None


def test_the_longest_path_replays_from_an_answers_file(big: Path, tmp_path: Path) -> None:
    last = QUESTIONS - 1
    answers = {f"q{i}": "more" for i in range(last)} | {f"q{last}": "stop"}
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(answers), encoding="utf-8")
    done = run_installed(
        [
            console_script(),
            "--data-dir",
            str(big),
            "--answers-file",
            str(answers_file),
            "--format",
            "json",
        ],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outcome"]["id"] == f"o{last}"
    assert result["answers"] == answers


def test_a_mistake_deep_inside_is_reported_at_its_line(big: Path, tmp_path: Path) -> None:
    broken = shutil.copytree(big, tmp_path / "broken")
    scenarios = broken / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    at = text.index("next: q400\n")
    scenarios.write_text(text[:at] + "next: q9999\n" + text[at + 11 :], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at) + len("next: ")

    done = run_installed([console_script(), "check", "--data-dir", str(broken)], tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith(
        f"{scenarios}:{line}:{column}: error: unknown question 'q9999'"
    ), done.stdout[:300]


def test_diff_compares_it_with_itself_and_with_an_edit_without_listing(
    big: Path, tmp_path: Path
) -> None:
    same = run_installed([console_script(), "diff", str(big), str(big), "--format", "json"], big)
    assert same.returncode == 0, same.stderr
    assert json.loads(same.stdout)["counts"]["differing"] == 0
    edited = shutil.copytree(big, tmp_path / "edited")
    scenarios = edited / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    title = "    title: {en: Procedure 400, zh: 第400项办理流程}\n"
    assert text.count(title) == 1
    scenarios.write_text(
        text.replace(title, title.replace("第400项", "第四百项")), encoding="utf-8"
    )
    done = run_installed([console_script(), "diff", str(big), str(edited), "--format", "json"], big)
    assert done.returncode == 1, done.stderr
    diff = json.loads(done.stdout)
    counts = diff["counts"]
    assert counts["old_paths"] == counts["new_paths"] == large_guide.path_count(NODES)
    assert (counts["appearing"], counts["disappearing"]) == (0, 0)
    # Every path that stops at question 400 (its outcome asks nothing more).
    assert counts["differing"] == large_guide.ways_to(400) > 10**50
    assert diff["differing"] is None


def test_diff_of_a_choice_sent_further_on_either_way_round(big: Path, tmp_path: Path) -> None:
    sent = shutil.copytree(big, tmp_path / "sent")
    scenarios = sent / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    start, end = text.index("  q5:\n"), text.index("  q6:\n")
    assert text[start:end].count("next: q6\n") == 1
    q5 = text[start:end].replace("next: q6\n", "next: q8\n")  # `more` skips q6 and q7
    scenarios.write_text(text[:start] + q5 + text[end:], encoding="utf-8")
    onward = large_guide.paths_from(NODES)
    via_q6 = large_guide.ways_to(5) * onward["q6"]
    via_q8 = large_guide.ways_to(5) * onward["q8"]
    for old, new, gone, came in ((big, sent, via_q6, via_q8), (sent, big, via_q8, via_q6)):
        done = run_installed(
            [console_script(), "diff", str(old), str(new), "--format", "json", "--limit", "0"],
            big,
        )
        assert done.returncode == 1, done.stderr
        counts = json.loads(done.stdout)["counts"]
        assert (counts["differing"], counts["disappearing"], counts["appearing"]) == (
            0,
            gone,
            came,
        )
