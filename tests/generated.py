"""Guides built from a compact description, for tests of size and shape.

A question is a mapping of choice id to ``("next", question)`` or
``("outcome", outcome)``. Every outcome gets the same plain text; ``asks``
lists the questions asked after it. Paired with the mini guide's offices
(districts north and south), whose ``area`` question can be asked after any outcome.
"""

from __future__ import annotations

import json
from typing import Any

from ssc_wizard.model import Guide
from ssc_wizard.parsing import parse_guide

from conftest import MINI

Questions = dict[str, dict[str, tuple[str, str]]]

OFFICES = (MINI / "offices.yaml").read_text(encoding="utf-8")

#: Asked after an outcome: north, south (the districts), or unsure.
AREA = {"text": "Which area?", "choices_from": "districts", "choices": {"unsure": {"label": "?"}}}


def scenarios_text(
    questions: Questions, start: str, asks: dict[str, list[str]] | None = None
) -> str:
    asks = asks or {}
    outcomes = {
        target for q in questions.values() for kind, target in q.values() if kind == "outcome"
    }
    data: dict[str, Any] = {
        "guide": {"title": "Generated", "source": "Made by the tests.", "more_help": "None."},
        "start": start,
        "questions": {
            qid: {
                "text": f"{qid}?",
                "choices": {
                    cid: {"label": cid.upper(), kind: target} for cid, (kind, target) in q.items()
                },
            }
            for qid, q in questions.items()
        },
        "outcomes": {
            oid: {
                "title": oid.upper(),
                "summary": f"Ends at {oid}.",
                "ask": asks.get(oid, []),
                "steps": ["Go."],
                # An office with one in each district where the district is asked.
                "offices": [{"office": "local" if asks.get(oid) else "desk", "role": "Go here."}],
                "materials": ["An ID."],
                "legal_basis": [],
            }
            for oid in sorted(outcomes)
        },
    }
    if any(asks.values()):
        data["questions"]["area"] = AREA
    return json.dumps(data, indent=1)  # JSON is YAML too


def build(questions: Questions, start: str, asks: dict[str, list[str]] | None = None) -> Guide:
    return parse_guide(scenarios_text(questions, start, asks), OFFICES)


def diamonds(levels: int) -> Questions:
    """A chain of questions whose two choices both lead to the next: 2**levels paths."""
    questions: Questions = {
        f"q{i}": {"left": ("next", f"q{i + 1}"), "right": ("next", f"q{i + 1}")}
        for i in range(levels)
    }
    questions[f"q{levels}"] = {"stop": ("outcome", "end"), "other": ("outcome", "other_end")}
    return questions
