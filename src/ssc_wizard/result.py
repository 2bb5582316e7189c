"""What a walk ends in: the procedure to print, ready for any output format.

Pure: joins the outcome with its shared steps, offices, laws and the district
answered, in one language, and says which command reproduces it.
"""

from __future__ import annotations

import datetime
import shlex
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final, Literal

from ssc_wizard import ids
from ssc_wizard.controls import shell_quote
from ssc_wizard.engine import Reached
from ssc_wizard.errors import UnknownDistrict
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide, Localized, Source, SourcedText
from ssc_wizard.records import Record

if TYPE_CHECKING:
    from ssc_wizard import output_model  # the shapes only: a JSON run need not load them

#: 2: texts in the language asked for, with "lang"; a district is {id, name}.
#: 3: an office's "role" in the result's procedure (its "roles" in the office
#: list) instead of what it "handles"; a law says whether its text is a
#: "translation", and "why" it matters.
#: 0.7.0, still 3 (a key added, none changed): an outcome's "sources",
#: the facts of the result that have a source of their own.
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


#: What a fact with a source of its own is, in a result.
About = Literal["outcome", "step", "material", "office", "law"]


class Cited(Record):
    """A fact of a result with a source of its own: what it is, and its source."""

    about: About
    #: The step's or material's number (from 1), the office's or law's id; None
    #: for the outcome itself.
    ref: int | str | None
    #: The fact as people know it, for the words around it: the office's name,
    #: the material, the law's name; None for the outcome and a step.
    name: str | None
    #: The law's article; None for anything else.
    article: str | None
    title: str | None
    url: str | None
    #: The day it was last checked against its source, YYYY-MM-DD.
    checked: str | None


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
    #: The web address of the page that gives its address, hours or phone.
    source: str | None
    #: That page's title, where the guide gives one.
    source_title: str | None


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
    #: The facts with a source of their own (where it is not the guide's), in the
    #: order the result shows them: the outcome, its offices, steps, materials, laws.
    sources: tuple[Cited, ...]
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
                "sources": [
                    {
                        "about": cited.about,
                        "ref": cited.ref,
                        "title": cited.title,
                        "url": cited.url,
                        "checked": cited.checked,
                    }
                    for cited in self.sources
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
                source=office.source.url if office.source is not None else None,
                source_title=_in(office.source.title if office.source else None, lang),
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
    laws = [scenarios.laws[law] for law in outcome.legal_basis]
    steps = guide.expand_items(outcome.steps)
    materials = guide.expand_items(outcome.materials)
    argv = replay_argv(reached.answers, data_dir, chosen_lang)
    options = office_options(
        guide,
        {visit.office: [(reached.outcome_id, visit.role)] for visit in outcome.offices},
        district_id,
        lang,
        local=any(scenarios.questions[qid].choices_from == "districts" for qid in outcome.ask),
    )
    return Result(
        lang=lang,
        guide_title=info.title.get(lang),
        source=info.source.get(lang),
        more_help=info.more_help.get(lang),
        answers=answers,
        outcome_id=reached.outcome_id,
        title=outcome.title.get(lang),
        summary=outcome.summary.get(lang),
        steps=tuple(_text_of(step).get(lang) for step in steps),
        note=_in(outcome.note, lang),
        offices=options,
        materials=tuple(_text_of(item).get(lang) for item in materials),
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
        sources=tuple(_sources(guide, reached.outcome_id, steps, materials, lang)),
        command=shlex.join(argv),
        replay=tuple(shell_quote(arg) for arg in argv),
    )


def _text_of(item: Localized | SourcedText) -> Localized:
    return item.text if isinstance(item, SourcedText) else item


def _sources(
    guide: Guide,
    outcome_id: str,
    steps: list[Localized | SourcedText],
    materials: list[Localized | SourcedText],
    lang: Lang,
) -> list[Cited]:
    """The facts of a result with a source of their own, where it is not the guide's:
    the outcome, its offices, steps, materials and laws, in that order."""
    scenarios = guide.scenarios
    outcome = scenarios.outcomes[outcome_id]
    guide_source = scenarios.guide.source.get(lang)
    cited: list[Cited] = []

    def cite(
        about: About,
        ref: int | str | None,
        source: Source | None,
        checked: datetime.date | None,
        name: str | None = None,
        article: str | None = None,
    ) -> None:
        title = _in(source.title, lang) if source is not None else None
        url = source.url if source is not None else None
        if url is None and checked is None and title in (None, guide_source):
            return  # nothing the guide's own source, under every result, does not say
        day = checked.isoformat() if checked is not None else None
        cited.append(Cited(about, ref, name, article, title, url, day))

    cite("outcome", None, outcome.source, outcome.checked)
    for visit in outcome.offices:
        office = guide.offices.offices[visit.office]
        cite("office", visit.office, office.source, office.checked, office.name.get(lang))
    listed: tuple[tuple[About, list[Localized | SourcedText]], ...] = (
        ("step", steps),
        ("material", materials),
    )
    for about, items in listed:
        for number, item in enumerate(items, 1):
            if isinstance(item, SourcedText):
                name = item.text.get(lang) if about == "material" else None
                cite(about, number, item.source, item.checked, name)
    for law_id in outcome.legal_basis:
        law = scenarios.laws[law_id]
        cite("law", law_id, law.source, law.checked, law.law.get(lang), law.article.get(lang))
    return cited


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
