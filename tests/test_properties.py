"""Properties that hold for any valid guide, checked on guides hypothesis generates."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ssc_wizard.cli import app
from ssc_wizard.engine import Reached, walk
from ssc_wizard.model import Guide
from ssc_wizard.parsing import examine
from ssc_wizard.paths import count_paths, iter_paths

from generated import OFFICES, Questions, build, scenarios_text
from paths import all_paths

# hypothesis generates guides and answers by the hundred.
pytestmark = pytest.mark.slow

CHOICE_ID = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True)


@st.composite
def trees(draw: st.DrawFn) -> tuple[Questions, dict[str, list[str]]]:
    """A valid tree: every question and outcome reachable, no loops, choices sharing sub-trees.

    Question i only leads to later questions, so there is no loop; each one after
    the first is reached from an earlier one, and each outcome from some question.
    """
    n_questions = draw(st.integers(1, 7))
    n_outcomes = draw(st.integers(1, 5))
    links: list[list[tuple[str, str]]] = [[] for _ in range(n_questions)]
    for i in range(1, n_questions):
        links[draw(st.integers(0, i - 1))].append(("next", f"q{i}"))
    for k in range(n_outcomes):
        links[draw(st.integers(0, n_questions - 1))].append(("outcome", f"o{k}"))
    for i in range(n_questions):
        extra = draw(st.integers(0 if links[i] else 1, 3))
        for _ in range(extra):
            later = [("next", f"q{j}") for j in range(i + 1, n_questions)]
            ends = [("outcome", f"o{k}") for k in range(n_outcomes)]
            links[i].append(draw(st.sampled_from(later + ends)))
    questions: Questions = {}
    for i, targets in enumerate(links):
        ids = draw(st.lists(CHOICE_ID, min_size=len(targets), max_size=len(targets), unique=True))
        questions[f"q{i}"] = dict(zip(ids, targets, strict=True))
    asks = {f"o{k}": ["area"] for k in range(n_outcomes) if draw(st.booleans())}
    return questions, asks


@settings(max_examples=150, deadline=None)
@given(trees())
def test_every_path_ends_at_an_outcome_and_the_count_is_the_listing(
    tree: tuple[Questions, dict[str, list[str]]],
) -> None:
    questions, asks = tree
    examined = examine(scenarios_text(questions, "q0", asks), OFFICES)
    assert examined.errors == [], "\n".join(map(str, examined.errors))
    assert examined.guide is not None
    guide = examined.guide
    listed = list(iter_paths(guide))
    assert count_paths(guide) == len(listed) == len(list(all_paths(guide)))
    assert len({tuple(r.answers.items()) for r in listed}) == len(listed)  # no path twice
    for reached in listed:
        assert reached.outcome_id in guide.scenarios.outcomes
        assert walk(guide, reached.answers) == reached


@st.composite
def answer_flags(draw: st.DrawFn, guide: Guide) -> list[str]:
    """--answer values: a real path whole, or part of it in any order, or with more added.

    What is added is a real choice of some question, a wrong one, or any text.
    """
    scenarios = guide.scenarios
    path = draw(
        st.sampled_from(
            [
                [f"{q}={c}" for q, c in r.answers.items()]
                for r in itertools.islice(iter_paths(guide), 50)
            ]
        )
    )
    how = draw(st.sampled_from(["whole path", "part of it", "with more"]))
    if how == "whole path":
        return path
    part = draw(st.lists(st.sampled_from(path), unique=True))
    if how == "part of it":
        return part
    real = st.sampled_from(list(scenarios.questions)).flatmap(
        lambda q: st.sampled_from(list(guide.choices(q))).map(lambda c: f"{q}={c}")
    )
    wrong = st.tuples(
        st.sampled_from([*scenarios.questions, "nope", "Q0", ""]),
        st.sampled_from(["north", "zzz", "", "=", "a b"]),
    ).map("=".join)
    return part + draw(st.lists(st.one_of(real, wrong, st.text(max_size=8)), max_size=3))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_answers_give_a_result_or_a_usage_error_never_a_crash(data: st.DataObject) -> None:
    questions, asks = data.draw(trees())
    guide = build(questions, "q0", asks)
    answers = data.draw(answer_flags(guide))
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "scenarios.yaml").write_text(scenarios_text(questions, "q0", asks))
        Path(folder, "offices.yaml").write_text(OFFICES)
        argv = ["--data-dir", folder, "--no-input", "--format", "json"]
        for answer in answers:
            argv += ["--answer", answer]
        result = CliRunner().invoke(app, argv)
    assert result.exit_code in (0, 2), result.output
    event(f"exit {result.exit_code}")
    if result.exit_code == 0:
        data_out = json.loads(result.stdout)
        reached = Reached(data_out["outcome"]["id"], data_out["answers"])
        assert walk(guide, reached.answers) == reached
    else:
        assert result.stdout == ""
        assert result.stderr.startswith("ssc-wizard: ")
        assert "Traceback" not in result.stderr
