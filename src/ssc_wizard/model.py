"""The shape of a guide's two data files, as frozen pydantic models.

Field names are exactly the YAML keys, so a validation error's location is a
path into the YAML and can be turned into ``file:line:column``. Cross-references
(a choice naming a question, an outcome naming an office) are checked in
``checks``; these models check each file's own shape.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    RootModel,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from ssc_wizard.lang import CODE_PATTERN, LANGS, NAMES, REGISTRY, SOURCE, Lang, resolve

#: Ids are what scripts type: short, lower case, stable.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]


class _Frozen(BaseModel):
    # strict: YAML's `no` read as false must not quietly become the text "False".
    # Empty defaults are written `default={}` rather than `default_factory=dict`:
    # pydantic copies them all the same, and reading a builtin factory's signature
    # costs every start-up a few milliseconds.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _spoken(code: str) -> str:
    """A language the tool speaks (it has a catalog for), refused as a wrong literal."""
    if code not in LANGS:
        quoted = [repr(known) for known in LANGS]
        expected = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": expected}
        )
    return code


def _text_language(code: str) -> str:
    """A text's language: one the tool speaks."""
    if code not in LANGS:
        meant = resolve(code)
        hint = (
            f"did you mean `{meant}`?"
            if meant is not None
            else 'another language needs its catalog first (README, "Translating")'
        )
        raise ValueError(f"unknown language {code!r}: a text is written in {_listed()}; {hint}")
    return code


def _listed() -> str:
    named = [f"`{code}` ({NAMES[code]})" for code in LANGS]
    return " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)


#: A language's code (``en``, ``zh``): one the tool speaks; any code, to an editor.
SpokenLang = Annotated[
    str,
    AfterValidator(_spoken),
    WithJsonSchema({"type": "string", "pattern": CODE_PATTERN}),
]


class Localized(RootModel[dict[Annotated[str, AfterValidator(_text_language)], Text]]):
    """A text people read, in each language, under its code: ``{en: ..., zh: ...}``.

    Plain text counts as English, so a guide can be written in English first;
    ``check`` warns about every text still missing one of the guide's languages,
    and readers of that language see another one meanwhile.
    """

    model_config = ConfigDict(frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _plain_is_english(cls, value: Any) -> Any:
        # Anything but a mapping is checked as the English text, so that a bare
        # number or `no` gets the usual "put it in quotes" message; nothing is no text.
        if value is None:
            return {}
        return value if isinstance(value, dict | Localized) else {SOURCE: value}

    @model_validator(mode="after")
    def _in_some_language(self) -> Localized:
        if not self.root:
            each = ", ".join(f"{code}: ..." for code in LANGS)
            raise ValueError(f"give the text in each language: `{{{each}}}`")
        return self

    def __hash__(self) -> int:  # frozen, as every part of a guide is
        return hash(tuple(self.root.items()))

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text = {"type": "string", "minLength": 1}
        by_language = {
            "type": "object",
            "description": inspect.cleandoc(cls.__doc__ or ""),
            "properties": {
                code: {**text, "description": f"In {language.full_name}."}
                for code, language in REGISTRY.items()
            },
            "patternProperties": {
                CODE_PATTERN: {
                    **text,
                    "description": "In another language the tool has a catalog for.",
                }
            },
            "additionalProperties": False,
            "minProperties": 1,
        }
        plain = {**text, "description": "Plain text counts as English."}
        return {"anyOf": [by_language, plain]}

    def get(self, lang: Lang) -> str:
        """The text in ``lang``; while it lacks that one, in English, else in the
        first of the tool's languages it has."""
        return self.root[self.language(lang)] if self.root else ""

    def language(self, lang: Lang) -> Lang:
        """The language ``get(lang)`` gives the text in."""
        return next((code for code in (lang, *LANGS) if code in self.root), lang)

    def exactly(self, lang: Lang) -> str | None:
        """The text as written in ``lang``, without falling back to another."""
        return self.root.get(lang)

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages the text is written in."""
        return tuple(self.root)

    @property
    def missing(self) -> list[Lang]:
        """The tool's languages the text is not written in."""
        return [lang for lang in LANGS if lang not in self.root]


class GuideInfo(_Frozen):
    """What the guide is, where its facts come from, and where to turn next."""

    title: Localized = Field(description="The guide's name, shown above every result.")
    source: Localized = Field(description="Where the facts come from; said with every result.")
    more_help: Localized = Field(description="Where to turn for what the guide does not say.")


class Choice(_Frozen):
    """One answer to a question. It leads to a `next` question or to an `outcome`."""

    label: Localized = Field(description="The answer as people read it.")
    next: Id | None = Field(None, description="The id of the question asked next.")
    outcome: Id | None = Field(None, description="The id of the outcome this answer ends in.")


class Question(_Frozen):
    """A question with its choices; its key is the id scripts use in `--answer`."""

    text: Localized = Field(description="The question as people read it.")
    help: Localized | None = Field(
        None, description="One plain line under the question: why it is asked."
    )
    choices_from: Literal["districts"] | None = Field(
        None,
        description="`districts`: offer every district of offices.yaml as a choice, "
        "before `choices`. Only for a question listed in an outcome's `ask`.",
    )
    choices: dict[Id, Choice] = Field(
        default={}, description="The answers, in the order offered; the keys are ids."
    )
    retired: dict[Id, Localized] = Field(
        default={},
        description="Choice ids no longer offered, each with what to choose instead: an old "
        "answer that gives one is refused with this text, never taken to mean another choice.",
    )


class Include(_Frozen):
    """A list item that stands for a whole list from `shared`."""

    include: Id = Field(description="The id of a list under `shared`.")


def _item_kind(value: Any) -> str:
    is_include = isinstance(value, Include) or (isinstance(value, dict) and "include" in value)
    return "include" if is_include else "text"


#: A step or a material: a text, or `include: NAME`. The discriminator keeps
#: errors to the one form the author evidently meant.
Item = Annotated[
    Annotated[Localized, Tag("text")] | Annotated[Include, Tag("include")],
    Discriminator(_item_kind),
]


class Law(_Frozen):
    """A legal provision an outcome rests on, in its own words."""

    law: Localized = Field(description="The law's name.")
    article: Localized = Field(description="The article or section (and paragraph).")
    text: Localized = Field(
        description="Its words as enacted, in `enacted_in`; in the other language, a "
        "translation of them."
    )
    enacted_in: SpokenLang | None = Field(
        None,
        description="The language the law is enacted in (`zh`): in any other language its "
        "text is shown as a translation.",
    )
    why: Localized | None = Field(
        None, description="One line on what it means for the person reading the result."
    )


class OfficeRole(_Frozen):
    """An office an outcome sends people to, and what it does in that procedure."""

    office: Id = Field(description="The id of an office in offices.yaml.")
    role: Localized = Field(
        description="What this office does in this procedure, as the source says it, "
        "or that the source names it without saying which step happens there."
    )

    @model_validator(mode="before")
    @classmethod
    def _role_given(cls, value: Any) -> Any:
        if isinstance(value, str):  # the form before roles: an office's id alone
            raise ValueError(
                f"say what office {value!r} does in this outcome: write `- office: {value}` "
                "and, under it, `role: {en: ..., zh: ...}`"
            )
        return value


class Outcome(_Frozen):
    """Where a path ends: the procedure people are shown."""

    title: Localized = Field(description="A short heading.")
    summary: Localized = Field(description="What to do, in a sentence or two.")
    ask: list[Id] = Field(
        default=[],
        description="Questions asked once the outcome is reached, to fill in details "
        "(the district).",
    )
    steps: list[Item] = Field(
        description="What to do, in order; `- include: NAME` for a shared list."
    )
    note: Localized | None = Field(
        None, description="Anything else to know, shown after the steps."
    )
    offices: list[OfficeRole] = Field(
        description="The offices to go to, each with what it does here (`office`, `role`); "
        "none where the source names none, with a `note` saying so."
    )
    materials: list[Item] = Field(description="What to bring; `- include: NAME` for a shared list.")
    legal_basis: list[Id] = Field(description="Ids of the laws under `laws` it rests on.")


class Scenarios(_Frozen):
    """scenarios.yaml: the questions, the outcomes, and the text they share."""

    guide: GuideInfo
    start: Id = Field(description="The id of the first question.")
    questions: dict[Id, Question]
    outcomes: dict[Id, Outcome]
    shared: dict[Id, list[Localized]] = Field(
        default={},
        description="Lists of steps or materials written once and included by outcomes.",
    )
    laws: dict[Id, Law] = Field(default={}, description="Laws the outcomes cite.")


class Office(_Frozen):
    """A kind of office; its key is the id outcomes use."""

    name: Localized = Field(description="The office's name as people read it.")
    per_district: bool = Field(
        False, description="There is one in each district: the district answer names it."
    )
    address: Localized | None = Field(None, description="Only with a `source` that states it.")
    hours: Localized | None = Field(None, description="Only with a `source` that states them.")
    phone: Text | None = Field(None, description="Only with a `source` that states it.")
    source: Text | None = Field(
        None, description="The public page that gives the address, hours or phone."
    )

    @model_validator(mode="after")
    def _details_need_a_source(self) -> Office:
        if (self.address or self.hours or self.phone) and not self.source:
            raise ValueError(
                "an office with an address, hours or phone needs a `source`: "
                "the public page that gives them"
            )
        return self


class District(_Frozen):
    """A district (or county); its key is the choice id of the district question."""

    name: Localized = Field(description="The district's name.")


class Offices(_Frozen):
    """offices.yaml: the kinds of office, and the districts."""

    offices: dict[Id, Office]
    districts: dict[Id, District] = Field(
        default={}, description="Offered by a question with `choices_from: districts`."
    )


def texts(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Localized]]:
    """Every text in a model, with its path (its YAML keys and list indexes)."""
    if isinstance(value, Localized):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


class Guide(_Frozen):
    """Both files of a guide, checked to fit together."""

    scenarios: Scenarios
    offices: Offices
    # Each question's choices, made once: a web server asks for them many times
    # a request, and a district's Choice costs a model to build.
    _choices: dict[str, dict[str, Choice]] = PrivateAttr(default_factory=dict)

    def choices(self, question_id: str) -> dict[str, Choice]:
        """Every choice of a question, in the order offered, districts first.

        The same dict each time: read it, never change it.
        """
        found = self._choices.get(question_id)
        if found is not None:
            return found
        question = self.scenarios.questions[question_id]
        choices: dict[str, Choice] = {}
        if question.choices_from == "districts":
            for district_id, district in self.offices.districts.items():
                choices[district_id] = Choice(label=district.name)
        choices.update(question.choices)
        self._choices[question_id] = choices
        return choices

    def roles(self, office_id: str) -> list[tuple[str, Localized]]:
        """What an office does in each outcome that names it: (outcome id, role)."""
        return [
            (outcome_id, visit.role)
            for outcome_id, outcome in self.scenarios.outcomes.items()
            for visit in outcome.offices
            if visit.office == office_id
        ]

    def asked_after(self, outcome_id: str) -> list[str]:
        """The questions asked once an outcome is reached; one listed twice is asked once."""
        return list(dict.fromkeys(self.scenarios.outcomes[outcome_id].ask))

    def expand(self, items: list[Localized | Include]) -> list[Localized]:
        """A list of steps or materials with each include replaced by its shared list."""
        expanded: list[Localized] = []
        for item in items:
            if isinstance(item, Include):
                expanded.extend(self.scenarios.shared[item.include])
            else:
                expanded.append(item)
        return expanded
