"""The parts of a guide, as frozen records, and the shape each YAML file must have.

A guide in use is plain Python objects: making these classes costs a start-up
almost nothing, and a guide read back from the cache (``guide_cache``) is built
without pydantic. The annotations also say how each file is validated: when
the loader reads a guide's YAML, pydantic builds its validators from them
(``validators``), each part checked as a mapping that takes its fields' keys
and no other.

Field names are exactly the YAML keys, so a validation error's location is a
path into the YAML and can be turned into ``file:line:column``. Cross-references
(a choice naming a question, an outcome naming an office) are checked in
``checks``; these classes describe each file's own shape.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal

# Already imported by typer for its own options: naming them here costs nothing.
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ssc_wizard.lang import CODE_PATTERN, LANGS, NAMES, REGISTRY, SOURCE, Lang, resolve
from ssc_wizard.records import Record

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

#: Ids are what scripts type: short, lower case, stable. Strict, as every
#: scalar here: YAML's `no` read as false must not quietly become the text "False".
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", strict=True)]
Text = Annotated[str, StringConstraints(min_length=1, strict=True)]
#: What a part has where its file gives nothing: shared by all, so it cannot change.
EMPTY_MAP: Mapping[Any, Any] = MappingProxyType({})


class _Part(Record):
    """A part of a guide: a frozen record, validated by pydantic (``validators``)
    as a mapping of its fields' keys and no other."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from ssc_wizard.validators import part_schema

        return part_schema(cls, handler)


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
    Strict(),
    AfterValidator(_spoken),
    WithJsonSchema({"type": "string", "pattern": CODE_PATTERN}),
]


class Localized:
    """A text people read, in each language, under its code: ``{en: ..., zh: ...}``.

    Plain text counts as English, so a guide can be written in English first;
    ``check`` warns about every text still missing one of the guide's languages,
    and readers of that language see another one meanwhile.
    """

    __slots__ = ("root",)
    root: dict[Lang, str]

    def __init__(self, root: dict[Lang, str]) -> None:
        object.__setattr__(self, "root", root)

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Localized) and self.root == other.root

    def __hash__(self) -> int:  # frozen, as every part of a guide is
        return hash(tuple(self.root.items()))

    def __repr__(self) -> str:
        return f"Localized({self.root!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema as schema

        by_language = schema.dict_schema(
            schema.no_info_after_validator_function(_text_language, schema.str_schema(strict=True)),
            schema.str_schema(min_length=1, strict=True),
        )
        return schema.no_info_before_validator_function(
            _plain_is_english,
            schema.no_info_after_validator_function(_in_some_language, by_language),
            ref="Localized",  # one definition in the JSON Schema, used everywhere
            # Written back as its mapping (the guide's cache).
            serialization=schema.plain_serializer_function_ser_schema(
                _root, return_schema=schema.dict_schema()
            ),
        )

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


def _plain_is_english(value: Any) -> Any:
    # Anything but a mapping is checked as the English text, so that a bare
    # number or `no` gets the usual "put it in quotes" message; nothing is no text.
    if value is None:
        return {}
    if isinstance(value, Localized):
        return value.root
    return value if isinstance(value, dict) else {SOURCE: value}


def _root(text: Localized) -> dict[Lang, str]:
    return text.root


def _in_some_language(root: dict[Lang, str]) -> Localized:
    if not root:
        each = ", ".join(f"{code}: ..." for code in LANGS)
        raise ValueError(f"give the text in each language: `{{{each}}}`")
    return Localized(root)


class GuideInfo(_Part):
    """What the guide is, where its facts come from, and where to turn next."""

    title: Annotated[Localized, Field(description="The guide's name, shown above every result.")]
    source: Annotated[
        Localized, Field(description="Where the facts come from; said with every result.")
    ]
    more_help: Annotated[
        Localized, Field(description="Where to turn for what the guide does not say.")
    ]


class Choice(_Part):
    """One answer to a question. It leads to a `next` question or to an `outcome`."""

    label: Annotated[Localized, Field(description="The answer as people read it.")]
    next: Annotated[Id | None, Field(description="The id of the question asked next.")] = None
    outcome: Annotated[
        Id | None, Field(description="The id of the outcome this answer ends in.")
    ] = None


class Question(_Part):
    """A question with its choices; its key is the id scripts use in `--answer`."""

    text: Annotated[Localized, Field(description="The question as people read it.")]
    help: Annotated[
        Localized | None,
        Field(description="One plain line under the question: why it is asked."),
    ] = None
    choices_from: Annotated[
        Literal["districts"] | None,
        Field(
            description="`districts`: offer every district of offices.yaml as a choice, "
            "before `choices`. Only for a question listed in an outcome's `ask`."
        ),
    ] = None
    choices: Annotated[
        Mapping[Id, Choice],
        Field(description="The answers, in the order offered; the keys are ids."),
    ] = EMPTY_MAP
    retired: Annotated[
        Mapping[Id, Localized],
        Field(
            description="Choice ids no longer offered, each with what to choose instead: an "
            "old answer that gives one is refused with this text, never taken to mean another "
            "choice."
        ),
    ] = EMPTY_MAP


class Include(_Part):
    """A list item that stands for a whole list from `shared`."""

    include: Annotated[Id, Field(description="The id of a list under `shared`.")]


def _item_kind(value: Any) -> str:
    is_include = isinstance(value, Include) or (isinstance(value, dict) and "include" in value)
    return "include" if is_include else "text"


#: A step or a material: a text, or `include: NAME`. The discriminator keeps
#: errors to the one form the author evidently meant.
Item = Annotated[
    Annotated[Localized, Tag("text")] | Annotated[Include, Tag("include")],
    Discriminator(_item_kind),
]


class Law(_Part):
    """A legal provision an outcome rests on, in its own words."""

    law: Annotated[Localized, Field(description="The law's name.")]
    article: Annotated[Localized, Field(description="The article or section (and paragraph).")]
    text: Annotated[
        Localized,
        Field(
            description="Its words as enacted, in `enacted_in`; in the other language, a "
            "translation of them."
        ),
    ]
    enacted_in: Annotated[
        SpokenLang | None,
        Field(
            description="The language the law is enacted in (`zh`): in any other language its "
            "text is shown as a translation."
        ),
    ] = None
    why: Annotated[
        Localized | None,
        Field(description="One line on what it means for the person reading the result."),
    ] = None


def _role_given(value: Any) -> Any:
    if isinstance(value, str):  # the form before roles: an office's id alone
        raise ValueError(
            f"say what office {value!r} does in this outcome: write `- office: {value}` "
            "and, under it, `role: {en: ..., zh: ...}`"
        )
    return value


class OfficeRole(_Part):
    """An office an outcome sends people to, and what it does in that procedure."""

    office: Annotated[Id, Field(description="The id of an office in offices.yaml.")]
    role: Annotated[
        Localized,
        Field(
            description="What this office does in this procedure, as the source says it, "
            "or that the source names it without saying which step happens there."
        ),
    ]


class Outcome(_Part, kw_only=True):
    """Where a path ends: the procedure people are shown."""

    title: Annotated[Localized, Field(description="A short heading.")]
    summary: Annotated[Localized, Field(description="What to do, in a sentence or two.")]
    ask: Annotated[
        tuple[Id, ...],
        Field(
            description="Questions asked once the outcome is reached, to fill in details "
            "(the district)."
        ),
    ] = ()
    steps: Annotated[
        list[Item],
        Field(description="What to do, in order; `- include: NAME` for a shared list."),
    ]
    note: Annotated[
        Localized | None,
        Field(description="Anything else to know, shown after the steps."),
    ] = None
    offices: Annotated[
        list[Annotated[OfficeRole, BeforeValidator(_role_given)]],
        Field(
            description="The offices to go to, each with what it does here (`office`, `role`); "
            "none where the source names none, with a `note` saying so."
        ),
    ]
    materials: Annotated[
        list[Item], Field(description="What to bring; `- include: NAME` for a shared list.")
    ]
    legal_basis: Annotated[list[Id], Field(description="Ids of the laws under `laws` it rests on.")]


class Scenarios(_Part):
    """scenarios.yaml: the questions, the outcomes, and the text they share."""

    guide: GuideInfo
    start: Annotated[Id, Field(description="The id of the first question.")]
    # Mappings: read from the cache, each is made when first looked up.
    questions: Mapping[Id, Question]
    outcomes: Mapping[Id, Outcome]
    shared: Annotated[
        Mapping[Id, list[Localized]],
        Field(description="Lists of steps or materials written once and included by outcomes."),
    ] = EMPTY_MAP
    laws: Annotated[Mapping[Id, Law], Field(description="Laws the outcomes cite.")] = EMPTY_MAP


def _details_need_a_source(office: Office) -> Office:
    if (office.address or office.hours or office.phone) and not office.source:
        raise ValueError(
            "an office with an address, hours or phone needs a `source`: "
            "the public page that gives them"
        )
    return office


class Office(_Part):
    """A kind of office; its key is the id outcomes use."""

    name: Annotated[Localized, Field(description="The office's name as people read it.")]
    per_district: Annotated[
        bool,
        Strict(),
        Field(description="There is one in each district: the district answer names it."),
    ] = False
    address: Annotated[
        Localized | None, Field(description="Only with a `source` that states it.")
    ] = None
    hours: Annotated[
        Localized | None, Field(description="Only with a `source` that states them.")
    ] = None
    phone: Annotated[Text | None, Field(description="Only with a `source` that states it.")] = None
    source: Annotated[
        Text | None, Field(description="The public page that gives the address, hours or phone.")
    ] = None


class District(_Part):
    """A district (or county); its key is the choice id of the district question."""

    name: Annotated[Localized, Field(description="The district's name.")]


class Offices(_Part):
    """offices.yaml: the kinds of office, and the districts."""

    offices: dict[Id, Annotated[Office, AfterValidator(_details_need_a_source)]]
    districts: Annotated[
        Mapping[Id, District],
        Field(description="Offered by a question with `choices_from: districts`."),
    ] = EMPTY_MAP


def texts(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Localized]]:
    """Every text in a part of a guide, with its path (its YAML keys and list indexes)."""
    if isinstance(value, Localized):
        yield path, value
    elif isinstance(value, Record):
        for name in value.fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


class Guide(Record):
    """Both files of a guide, checked to fit together."""

    scenarios: Scenarios
    offices: Offices

    @cached_property
    def _choices(self) -> dict[str, dict[str, Choice]]:
        # Each question's choices, made once: a web server asks for them many
        # times a request.
        return {}

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
