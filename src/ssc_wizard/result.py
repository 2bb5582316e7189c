"""What a walk ends in: the procedure to print, ready for any output format.

Pure: joins the outcome with its shared steps, offices, laws and the district
answered, and says which command reproduces it.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ssc_wizard.engine import Reached
from ssc_wizard.errors import UsageError
from ssc_wizard.model import District, Guide, Law

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Answer:
    question_id: str
    question: str
    choice_id: str
    choice: str


@dataclass(frozen=True)
class OfficeOption:
    id: str
    name: str
    handles: str
    per_district: bool
    #: Set when the office is one per district and the person named theirs.
    district_id: str | None
    district: District | None
    address: str | None
    hours: str | None
    phone: str | None
    source: str | None


@dataclass(frozen=True)
class Result:
    guide_title: str
    source: str
    more_help: str
    answers: tuple[Answer, ...]
    outcome_id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    note: str | None
    offices: tuple[OfficeOption, ...]
    materials: tuple[str, ...]
    legal_basis: tuple[Law, ...]
    command: str

    def to_json(self) -> dict[str, Any]:
        """The documented JSON contract (README, "JSON output")."""
        return {
            "schema_version": SCHEMA_VERSION,
            "answers": {a.question_id: a.choice_id for a in self.answers},
            "outcome": {
                "id": self.outcome_id,
                "title": self.title,
                "summary": self.summary,
                "steps": list(self.steps),
                "note": self.note,
                "offices": [_office_json(o) for o in self.offices],
                "materials": list(self.materials),
                "legal_basis": [
                    {"law": law.law, "article": law.article, "text": law.text}
                    for law in self.legal_basis
                ],
            },
            "more_help": self.more_help,
            "source": self.source,
            "command": self.command,
        }


@dataclass(frozen=True)
class OfficeList:
    """Every office kind of a guide: what ``ssc-wizard offices`` prints."""

    guide_title: str
    source: str
    more_help: str
    district_id: str | None
    district: District | None
    offices: tuple[OfficeOption, ...]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON contract (README, "Offices")."""
        return {
            "schema_version": SCHEMA_VERSION,
            "district": _district_json(self.district_id, self.district),
            "offices": [_office_json(o) for o in self.offices],
            "more_help": self.more_help,
            "source": self.source,
        }


def _district_json(district_id: str | None, district: District | None) -> dict[str, Any] | None:
    if district_id is None or district is None:
        return None
    return {"id": district_id, "name": district.name, "name_zh": district.name_zh}


def _office_json(office: OfficeOption) -> dict[str, Any]:
    return {
        "id": office.id,
        "name": office.name,
        "handles": office.handles,
        "per_district": office.per_district,
        "district": _district_json(office.district_id, office.district),
        "address": office.address,
        "hours": office.hours,
        "phone": office.phone,
        "source": office.source,
    }


def command_line(answers: dict[str, str], data_dir: str | None = None) -> str:
    """The shell command that gives the same result without a prompt."""
    argv = ["ssc-wizard"]
    if data_dir is not None:
        argv += ["--data-dir", data_dir]
    for question_id, choice_id in answers.items():
        argv += ["--answer", f"{question_id}={choice_id}"]
    return shlex.join(argv)


def office_options(
    guide: Guide, office_ids: Iterable[str], district_id: str | None = None
) -> tuple[OfficeOption, ...]:
    """The offices named, each with the district's own one where it has one per district."""
    offices = guide.offices
    district = offices.districts[district_id] if district_id is not None else None
    options = []
    for office_id in office_ids:
        office = offices.offices[office_id]
        local = office.per_district and district is not None
        options.append(
            OfficeOption(
                id=office_id,
                name=office.name,
                handles=office.handles,
                per_district=office.per_district,
                district_id=district_id if local else None,
                district=district if local else None,
                address=office.address,
                hours=office.hours,
                phone=office.phone,
                source=office.source,
            )
        )
    return tuple(options)


def build_result(guide: Guide, reached: Reached, data_dir: str | None = None) -> Result:
    scenarios, offices = guide.scenarios, guide.offices
    outcome = scenarios.outcomes[reached.outcome_id]
    answers = tuple(
        Answer(qid, scenarios.questions[qid].text, cid, guide.choices(qid)[cid].label)
        for qid, cid in reached.answers.items()
    )
    district_id = next(
        (
            cid
            for qid, cid in reached.answers.items()
            if scenarios.questions[qid].choices_from == "districts" and cid in offices.districts
        ),
        None,
    )
    return Result(
        guide_title=scenarios.guide.title,
        source=scenarios.guide.source,
        more_help=scenarios.guide.more_help,
        answers=answers,
        outcome_id=reached.outcome_id,
        title=outcome.title,
        summary=outcome.summary,
        steps=tuple(guide.expand(outcome.steps)),
        note=outcome.note,
        offices=office_options(guide, outcome.offices, district_id),
        materials=tuple(guide.expand(outcome.materials)),
        legal_basis=tuple(scenarios.laws[law] for law in outcome.legal_basis),
        command=command_line(reached.answers, data_dir),
    )


def office_list(guide: Guide, district_id: str | None = None) -> OfficeList:
    """Every office kind, with the district's own ones named when a district is given."""
    if district_id is not None and district_id not in guide.offices.districts:
        districts = ", ".join(guide.offices.districts)
        raise UsageError(
            f"there is no district {district_id!r}; "
            + (f"the districts are: {districts}" if districts else "this guide has no districts")
        )
    info = guide.scenarios.guide
    return OfficeList(
        guide_title=info.title,
        source=info.source,
        more_help=info.more_help,
        district_id=district_id,
        district=guide.offices.districts[district_id] if district_id is not None else None,
        offices=office_options(guide, guide.offices.offices, district_id),
    )
