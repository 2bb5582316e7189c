"""The shape of a guide's two data files, as frozen pydantic models.

Field names are exactly the YAML keys, so a validation error's location is a
path into the YAML and can be turned into ``file:line:column``. Cross-references
(a choice naming a question, an outcome naming an office) are checked in
``checks``; these models check each file's own shape.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

#: Ids are what scripts type: short, lower case, stable.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]


class _Frozen(BaseModel):
    # strict: YAML's `no` read as false must not quietly become the text "False".
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class GuideInfo(_Frozen):
    title: Text
    #: Where the facts come from, said with every result.
    source: Text
    #: Where to turn for what the guide does not say.
    more_help: Text


class Choice(_Frozen):
    label: Text
    next: Id | None = None
    outcome: Id | None = None


class Question(_Frozen):
    text: Text
    #: One plain line under the question: why it is asked.
    help: Text | None = None
    #: `districts`: offer every district of offices.yaml as a choice, before `choices`.
    choices_from: Literal["districts"] | None = None
    choices: dict[Id, Choice] = Field(default_factory=dict)


class Include(_Frozen):
    """A list item that stands for a whole list from `shared`."""

    include: Id


def _item_kind(value: Any) -> str:
    return "include" if isinstance(value, dict | Include) else "text"


#: A step or a material: text, or `include: NAME`. The discriminator keeps
#: errors to the one form the author evidently meant.
Item = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Include, Tag("include")],
    Discriminator(_item_kind),
]


class Law(_Frozen):
    law: Text
    article: Text
    text: Text


class Outcome(_Frozen):
    title: Text
    summary: Text
    #: Questions asked once the outcome is reached, to fill in details (the district).
    ask: list[Id] = Field(default_factory=list)
    steps: list[Item]
    note: Text | None = None
    offices: list[Id]
    materials: list[Item]
    legal_basis: list[Id]


class Scenarios(_Frozen):
    """scenarios.yaml"""

    guide: GuideInfo
    start: Id
    questions: dict[Id, Question]
    outcomes: dict[Id, Outcome]
    shared: dict[Id, list[Text]] = Field(default_factory=dict)
    laws: dict[Id, Law] = Field(default_factory=dict)


class Office(_Frozen):
    name: Text
    handles: Text
    #: There is one in each district: the district answer names it.
    per_district: bool = False
    address: Text | None = None
    hours: Text | None = None
    phone: Text | None = None
    #: The public page that gives the address, hours or phone.
    source: Text | None = None

    @model_validator(mode="after")
    def _details_need_a_source(self) -> Office:
        if (self.address or self.hours or self.phone) and not self.source:
            raise ValueError(
                "an office with an address, hours or phone needs a `source`: "
                "the public page that gives them"
            )
        return self


class District(_Frozen):
    name: Text
    name_zh: Text

    @property
    def label(self) -> str:
        return f"{self.name} ({self.name_zh})"


class Offices(_Frozen):
    """offices.yaml"""

    offices: dict[Id, Office]
    districts: dict[Id, District] = Field(default_factory=dict)


class Guide(_Frozen):
    """Both files of a guide, checked to fit together."""

    scenarios: Scenarios
    offices: Offices

    def choices(self, question_id: str) -> dict[str, Choice]:
        """Every choice of a question, in the order offered, districts first."""
        question = self.scenarios.questions[question_id]
        choices: dict[str, Choice] = {}
        if question.choices_from == "districts":
            for district_id, district in self.offices.districts.items():
                choices[district_id] = Choice(label=district.label)
        choices.update(question.choices)
        return choices

    def expand(self, items: list[str | Include]) -> list[str]:
        """A list of steps or materials with each include replaced by its shared list."""
        expanded: list[str] = []
        for item in items:
            if isinstance(item, Include):
                expanded.extend(self.scenarios.shared[item.include])
            else:
                expanded.append(item)
        return expanded
