"""What a walk ends in: the procedure to print, ready for any output format.

Pure: joins the outcome with its shared steps, offices, laws and the district
answered, in one language, and says which command reproduces it.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from ssc_wizard import ids
from ssc_wizard.controls import shell_quote
from ssc_wizard.engine import Reached
from ssc_wizard.errors import UnknownDistrict
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide, Localized
from ssc_wizard.records import Record

if TYPE_CHECKING:
    from ssc_wizard import output_model  # the shapes only: a JSON run need not load them

#: 2: texts in the language asked for, with "lang"; a district is {id, name}.
#: 3: an office's "role" in the result's procedure (its "roles" in the office
#: list) instead of what it "handles"; a law says whether its text is a
#: "translation", and "why" it matters.
#: (The shapes in ``output_model`` say the same; the type checker holds them together.)
SCHEMA_VERSION: Final = 3


class Answer(Record):
    question_id: str
    question: str
    choice_id: str
    choice: str


class District(Record):
    id: str
    name: str


class Law(Record):
    law: str
    article: str
    text: str
    #: The text is a translation: the law is enacted in another language.
    translation: bool
    why: str | None


class Role(Record):
    """What an office does in one outcome's procedure."""

    outcome_id: str
    outcome: str
    text: str


class OfficeOption(Record):
    id: str
    name: str
    #: In a result, its role there; in the office list, its role in each outcome.
    roles: tuple[Role, ...]
    per_district: bool
    #: The one of the person's district is meant: there is one per district, and
    #: the outcome asks for the district (in the office list: --district is given).
    local: bool
    #: Set when the office is local and the person named their district.
    district: District | None
    address: str | None
    hours: str | None
    phone: str | None
    source: str | None


class Result(Record):
    lang: Lang
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
    #: The command that gives this result again (``replay_argv``), for a shell.
    command: str
    #: The same command's words as people are shown them (``controls.shell_quote``).
    replay: tuple[str, ...]

    def to_json(self) -> output_model.Result:
        """The documented JSON contract (README, "JSON output"; schemas/result.schema.json)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "lang": self.lang,
            "answers": {a.question_id: a.choice_id for a in self.answers},
            "outcome": {
                "id": self.outcome_id,
                "title": self.title,
                "summary": self.summary,
                "steps": list(self.steps),
                "note": self.note,
                "offices": [_result_office(o) for o in self.offices],
                "materials": list(self.materials),
                "legal_basis": [
                    {
                        "law": law.law,
                        "article": law.article,
                        "text": law.text,
                        "translation": law.translation,
                        "why": law.why,
                    }
                    for law in self.legal_basis
                ],
            },
            "more_help": self.more_help,
            "source": self.source,
            "command": self.command,
        }


class OfficeList(Record):
    """Every office kind of a guide: what ``ssc-wizard offices`` prints."""

    lang: Lang
    guide_title: str
    source: str
    more_help: str
    district: District | None
    offices: tuple[OfficeOption, ...]

    def to_json(self) -> output_model.OfficeList:
        """The documented JSON contract (README, "Offices"; schemas/offices.schema.json)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "lang": self.lang,
            "district": _district_json(self.district),
            "offices": [_listed_office(o) for o in self.offices],
            "more_help": self.more_help,
            "source": self.source,
        }


def _district_json(district: District | None) -> output_model.District | None:
    return None if district is None else {"id": district.id, "name": district.name}


# An office's keys: its id and name, its role (in a result) or roles (in the
# office list), then what every office says of itself.


def _result_office(office: OfficeOption) -> output_model.ResultOffice:
    return {
        "id": office.id,
        "name": office.name,
        "role": " ".join(role.text for role in office.roles),
        "per_district": office.per_district,
        "district": _district_json(office.district),
        "address": office.address,
        "hours": office.hours,
        "phone": office.phone,
        "source": office.source,
    }


def _listed_office(office: OfficeOption) -> output_model.ListedOffice:
    return {
        "id": office.id,
        "name": office.name,
        "roles": [
            {"outcome": role.outcome_id, "title": role.outcome, "role": role.text}
            for role in office.roles
        ],
        "per_district": office.per_district,
        "district": _district_json(office.district),
        "address": office.address,
        "hours": office.hours,
        "phone": office.phone,
        "source": office.source,
    }


def replay_argv(
    answers: dict[str, str], data_dir: str | None = None, lang: Lang | None = None
) -> list[str]:
    """The command that gives the same result without a prompt, as its arguments.

    ``lang`` only when the person chose it with ``--lang``; otherwise the
    command speaks the language of whoever runs it, as the wizard did.
    """
    argv = ["ssc-wizard"]
    if data_dir is not None:
        argv += ["--data-dir", data_dir]
    if lang is not None:
        argv += ["--lang", lang]
    for question_id, choice_id in answers.items():
        argv += ["--answer", f"{question_id}={choice_id}"]
    return argv


def _district(guide: Guide, district_id: str | None, lang: Lang) -> District | None:
    if district_id is None:
        return None
    return District(district_id, guide.offices.districts[district_id].name.get(lang))


def _in(text: Localized | None, lang: Lang) -> str | None:
    return None if text is None else text.get(lang)


def office_options(
    guide: Guide,
    roles: Mapping[str, Iterable[tuple[str, Localized]]],
    district_id: str | None,
    lang: Lang,
    *,
    local: bool,
) -> tuple[OfficeOption, ...]:
    """The offices named, with their roles, each with the district's own one where
    it has one per district and ``local`` says the district is asked for."""
    district = _district(guide, district_id, lang)
    outcomes = guide.scenarios.outcomes
    options = []
    for office_id, its_roles in roles.items():
        office = guide.offices.offices[office_id]
        is_local = local and office.per_district
        options.append(
            OfficeOption(
                id=office_id,
                name=office.name.get(lang),
                roles=tuple(
                    Role(oid, outcomes[oid].title.get(lang), role.get(lang))
                    for oid, role in its_roles
                ),
                per_district=office.per_district,
                local=is_local,
                district=district if is_local else None,
                address=_in(office.address, lang),
                hours=_in(office.hours, lang),
                phone=office.phone,
                source=office.source,
            )
        )
    return tuple(options)


def build_result(
    guide: Guide,
    reached: Reached,
    data_dir: str | None = None,
    *,
    lang: Lang = "en",
    chosen_lang: Lang | None = None,
) -> Result:
    """The result in ``lang``; ``chosen_lang`` goes into its command (see ``replay_argv``)."""
    scenarios, offices = guide.scenarios, guide.offices
    outcome = scenarios.outcomes[reached.outcome_id]
    answers = tuple(
        Answer(
            qid,
            scenarios.questions[qid].text.get(lang),
            cid,
            guide.choices(qid)[cid].label.get(lang),
        )
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
    info = scenarios.guide
    laws = (scenarios.laws[law] for law in outcome.legal_basis)
    argv = replay_argv(reached.answers, data_dir, chosen_lang)
    return Result(
        lang=lang,
        guide_title=info.title.get(lang),
        source=info.source.get(lang),
        more_help=info.more_help.get(lang),
        answers=answers,
        outcome_id=reached.outcome_id,
        title=outcome.title.get(lang),
        summary=outcome.summary.get(lang),
        steps=tuple(step.get(lang) for step in guide.expand(outcome.steps)),
        note=_in(outcome.note, lang),
        offices=office_options(
            guide,
            {visit.office: [(reached.outcome_id, visit.role)] for visit in outcome.offices},
            district_id,
            lang,
            local=any(scenarios.questions[qid].choices_from == "districts" for qid in outcome.ask),
        ),
        materials=tuple(item.get(lang) for item in guide.expand(outcome.materials)),
        legal_basis=tuple(
            Law(
                law.law.get(lang),
                law.article.get(lang),
                law.text.get(lang),
                translation=law.enacted_in not in (None, law.text.language(lang)),
                why=_in(law.why, lang),
            )
            for law in laws
        ),
        command=shlex.join(argv),
        replay=tuple(shell_quote(arg) for arg in argv),
    )


def office_list(guide: Guide, district_id: str | None = None, lang: Lang = "en") -> OfficeList:
    """Every office kind, with the district's own ones named when a district is given.

    The district's id may be typed in any case, with ``-`` for ``_`` (see ``ids``).
    """
    districts = guide.offices.districts
    if district_id is not None:
        district_id = ids.resolve(district_id, districts)
    if district_id is not None and district_id not in districts:
        raise UnknownDistrict(district_id, tuple(districts))
    info = guide.scenarios.guide
    return OfficeList(
        lang=lang,
        guide_title=info.title.get(lang),
        source=info.source.get(lang),
        more_help=info.more_help.get(lang),
        district=_district(guide, district_id, lang),
        offices=office_options(
            guide,
            {office_id: guide.roles(office_id) for office_id in guide.offices.offices},
            district_id,
            lang,
            local=district_id is not None,
        ),
    )
