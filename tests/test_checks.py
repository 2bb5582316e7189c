"""The checks that need no file positions: here, which facts are due to be checked
again against their sources on a given day (``checks.stale``). Their positions,
and the rest of the checks, are tested through files (test_loader.py, tests/broken/)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from ssc_wizard.checks import stale
from ssc_wizard.engine import Reached
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import build_result
from ssc_wizard.starter import example_dir

from conftest import MINI, TESTS

DATED = TESTS / "guides" / "dated"
AS_OF = datetime.date(2026, 3, 1)


def _stale(guide: Guide, as_of: datetime.date = AS_OF) -> list[tuple[str, tuple[object, ...]]]:
    return [(f.file, f.path) for f in stale(guide.scenarios, guide.offices, as_of)]


def _edited(tmp_path: Path, old: str, new: str, file: str = "scenarios.yaml") -> Guide:
    folder = tmp_path / "guide"
    shutil.copytree(DATED, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_guide(folder)


def test_each_fact_past_recheck_after_days_or_dated_later_is_found() -> None:
    found = stale(load_guide(DATED).scenarios, load_guide(DATED).offices, AS_OF)
    assert [(f.file, f.path) for f in found] == [
        ("scenarios", ("guide", "checked")),  # 273 days, past the guide's 180
        ("scenarios", ("outcomes", "go_small", "checked")),  # 181 days
        ("scenarios", ("outcomes", "go_small", "steps", 0, "checked")),
        ("scenarios", ("shared", "common", 1, "checked")),  # a day to come
        ("offices", ("offices", "desk", "checked")),
    ]
    # Not the law, checked 50 days before; not the material of go_big, which has
    # no day of its own: the guide's day covers it, and is reported once.
    guide, outcome, step, later, office = (f.message for f in found)
    assert guide == (
        "the guide was last checked on 2025-06-01, 273 days before 2026-03-01, more than the "
        "180 days the guide allows (its `recheck_after_days`): check it against its source, "
        "'Made up for the tests.', then update `checked`"
    )
    assert outcome.startswith("outcome 'go_small' was last checked on 2025-09-01, 181 days ")
    assert outcome.endswith(
        "check it against its source, 'Small ways' (https://example.org/small), "
        "then update `checked`"
    )
    assert step.startswith("step 1 of outcome 'go_small' was last checked on 2024-12-01")
    assert "its source, https://example.org/walking," in step
    assert later == (
        "item 2 of shared list 'common' has `checked: 2027-01-01`, later than 2026-03-01: "
        "most likely a typo; write the day it was last checked against its source, "
        "https://example.org/sign-out"
    )
    assert office.startswith("office 'desk' was last checked on 2025-02-01, 393 days before")


def test_a_step_after_an_include_is_numbered_as_the_result_numbers_it(tmp_path: Path) -> None:
    # The shared list's two steps come first: the walking step is the result's third.
    guide = _edited(
        tmp_path,
        "      - text: {en: Walk., zh: 步行。}\n"
        "        source: https://example.org/walking\n"
        "        checked: 2024-12-01\n"
        "      - include: common\n",
        "      - include: common\n"
        "      - text: {en: Walk., zh: 步行。}\n"
        "        source: https://example.org/walking\n"
        "        checked: 2024-12-01\n",
    )
    (step,) = [f for f in stale(guide.scenarios, guide.offices, AS_OF) if "steps" in f.path]
    assert step.path == ("outcomes", "go_small", "steps", 1, "checked")
    assert step.message.startswith("step 3 of outcome 'go_small' was last checked")
    result = build_result(
        guide, Reached("go_small", {"colour": "green", "size": "small", "area": "north"})
    )
    assert result.steps[2] == "Walk."
    assert [c.ref for c in result.sources if c.about == "step"] == [2, 3]


def test_a_day_exactly_recheck_after_days_before_is_not_yet_due() -> None:
    dated = load_guide(DATED)
    outcome = ("scenarios", ("outcomes", "go_small", "checked"))
    assert outcome not in _stale(dated, datetime.date(2026, 2, 28))  # 180 days
    assert outcome in _stale(dated, datetime.date(2026, 3, 1))  # 181 days
    law = ("scenarios", ("laws", "rule", "checked"))  # 2026-01-10
    assert law not in _stale(dated, datetime.date(2026, 1, 10))  # the same day: not to come
    assert law in _stale(dated, datetime.date(2026, 1, 9))


def test_without_recheck_after_days_a_year_is_allowed(tmp_path: Path) -> None:
    guide = _edited(tmp_path, "  recheck_after_days: 180\n", "")
    assert guide.scenarios.guide.recheck_after_days is None
    found = stale(guide.scenarios, guide.offices, AS_OF)
    assert [(f.file, f.path) for f in found] == [
        ("scenarios", ("outcomes", "go_small", "steps", 0, "checked")),  # 455 days
        ("scenarios", ("shared", "common", 1, "checked")),
        ("offices", ("offices", "desk", "checked")),  # 393 days
    ]
    assert "more than the 365 days the guide allows (`recheck_after_days` under `guide:`, " in (
        found[0].message
    )


def test_a_fact_dated_without_a_source_of_its_own_names_the_guides(tmp_path: Path) -> None:
    guide = _edited(
        tmp_path,
        "    hours: {en: Weekdays, zh: 工作日}\n    source: https://example.org/desk\n",
        "",
        "offices.yaml",
    )
    (office,) = [f for f in stale(guide.scenarios, guide.offices, AS_OF) if f.file == "offices"]
    assert office.message.endswith(
        "check it against the guide's source, 'Made up for the tests.', then update `checked`"
    )


@pytest.mark.parametrize("folder", [default_data_dir(), example_dir(), MINI], ids=str)
def test_a_guide_without_dates_is_never_due(folder: Path) -> None:
    guide = load_guide(folder)
    for day in (datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)):
        assert _stale(guide, day) == []
