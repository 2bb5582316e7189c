"""The loader under fuzzing: mutations of the shipped guide and of answers files.

Whatever the bytes, reading a guide or an answers file either succeeds or
reports problems the product knows how to say; it never raises anything else
(which the command would show as an internal error, exit 3). Every problem
points at a place inside the file as an editor shows it, so a maintainer can
jump there.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssc_wizard.answers import load_answers_file, parse_answers_file
from ssc_wizard.errors import AnswersFileError, DataError, Problem, WizardError
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE, default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.parsing import examine

# hypothesis mutates guides by the hundred.
pytestmark = pytest.mark.slow

SHIPPED = default_data_dir()
SCENARIOS = (SHIPPED / SCENARIOS_FILE).read_text(encoding="utf-8")
OFFICES = (SHIPPED / OFFICES_FILE).read_text(encoding="utf-8")
ANSWERS = "card_state: out_of_province\nkeep_card: yes\naccount_normal: yes\ndistrict: laiwu\n"

#: Pieces that mean something to YAML, to a terminal or to the loader's limits.
TOKENS = [
    *"{}[]:,-?&*!|>'\"%@`#\\ \t\n\r",
    "\r\n",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\x00",
    "\x1b",
    "济南",
    "no",
    "01",
    "<<",
    "---",
    "...",
    "!!python/object:os.system",
    "&a ",
    "*a",
    "  ",
    "\t- ",
]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with one to four cuts, insertions, replacements and line-ending swaps."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "insert", "replace", "truncate", "line ends"]))
        token = draw(st.sampled_from(TOKENS) | st.text(max_size=3))
        if kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            text = text[:at] + token + text[at:]
        elif kind == "replace":
            text = text[:at] + token + text[at + len(token) :]
        elif kind == "truncate":  # a last line with no line break after it
            text = text[:at]
        else:
            text = text.replace("\n", draw(st.sampled_from(["\r", "\r\n", "\n\r"])))
    return text


def _assert_inside(problem: Problem, texts: dict[str, str]) -> None:
    """The problem's line and column exist in its file, counting lines as an editor does."""
    text = texts[problem.file]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert 1 <= problem.line <= len(lines), problem
    assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem


@settings(max_examples=400, deadline=None)
@given(scenarios=mutated(SCENARIOS), offices=st.one_of(st.just(OFFICES), mutated(OFFICES)))
def test_a_mutated_guide_is_read_or_its_problems_are_placed_in_it(
    scenarios: str, offices: str
) -> None:
    examined = examine(scenarios, offices)
    texts = {SCENARIOS_FILE: scenarios, OFFICES_FILE: offices}
    for problem in examined.problems:
        _assert_inside(problem, texts)
    assert (examined.guide is None) == bool(examined.errors)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(ANSWERS))
def test_a_mutated_answers_file_is_read_or_refused_with_positions(jinan: Guide, text: str) -> None:
    try:
        parse_answers_file(text, "answers.yaml", jinan)
    except AnswersFileError as exc:
        for problem in exc.problems:
            _assert_inside(problem, {"answers.yaml": text})


def _assert_at_bytes(problems: list[Problem], path: Path) -> None:
    """Each problem lies inside the file; one about invalid UTF-8 is at its first bad byte."""
    # Each byte that is not UTF-8 becomes one character, as an editor shows one mark for it.
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    for problem in problems:
        _assert_inside(problem, {str(path): text})
        if "not valid UTF-8" in problem.message:
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            assert "\udc80" <= lines[problem.line - 1][problem.column - 1] <= "\udcff", problem


@pytest.fixture(scope="module")
def guide_folder() -> Path:
    folder = Path(tempfile.mkdtemp())
    (folder / OFFICES_FILE).write_text(OFFICES, encoding="utf-8")
    return folder


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(0, len(SCENARIOS.encode())),
    junk=st.binary(max_size=4) | st.sampled_from([b"\xff", b"\xe6\xb5", b"\xc2\x85", b"\r"]),
)
def test_bytes_that_are_not_text_are_refused_at_their_place(
    guide_folder: Path, jinan: Guide, cut: int, junk: bytes
) -> None:
    """The files as read from disk, cut anywhere (even inside a character) and spliced."""
    raw = SCENARIOS.encode()
    (guide_folder / SCENARIOS_FILE).write_bytes(raw[:cut] + junk + raw[cut:])
    try:
        load_guide(guide_folder)
    except DataError as exc:
        _assert_at_bytes(exc.problems, guide_folder / SCENARIOS_FILE)
    answers = guide_folder / "answers.yaml"
    answers.write_bytes(ANSWERS.encode()[: cut % 90] + junk)
    try:
        load_answers_file(answers, jinan)
    except AnswersFileError as exc:
        _assert_at_bytes(exc.problems, answers)
    except WizardError:  # a usage error with no position, such as a file too large
        pass
    finally:
        os.unlink(answers)
