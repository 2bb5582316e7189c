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
import datetime
import inspect
import re
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
    PlainValidator,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ssc_wizard.controls import first_unsafe
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

        checked = part_schema(cls, handler)
        if cls._slip is _Part._slip:
            return checked
        from pydantic_core import core_schema as schema

        return schema.no_info_before_validator_function(cls._slip, checked)

    @staticmethod
    def _slip(value: Any) -> Any:
        """A look at the part's mapping before its fields are checked, to say a
        likely slip in one message rather than as several keys out of place."""
        return value


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
        if code == "url":  # a source written where one text is asked for: the guide's
            hint = (
                "`title` and `url` make the `source` of an office, a law, an outcome or a "
                "step; the guide's own `source` is one text, which may name a web address"
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


#: Days after its ``checked`` date that a fact is due to be checked again, where a
#: guide dates its facts and sets no ``recheck_after_days``.
RECHECK_AFTER_DAYS = 365
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EXAMPLE_DAY = "2026-03-01 for 1 March 2026"


def _shown(value: Any) -> str:
    """A value that is not what was expected, as a maintainer reads it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def _checked_day(value: Any) -> datetime.date:
    """A day, written ``2026-03-01``: plain (YAML reads it as a date) or quoted."""
    if isinstance(value, datetime.datetime):  # YAML reads `2026-03-01 10:00` as a moment
        raise ValueError(f"write the day alone, without a time: {value.date().isoformat()}")
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a day as YYYY-MM-DD ({_EXAMPLE_DAY}), got {_shown(value)}")
    day = _ISO_DAY.match(value)
    if day is not None and day.end() < len(value) and value[day.end()] in " T":
        raise ValueError(f"write the day alone, without a time: {day.group()}")
    if day is None or day.end() < len(value):
        raise ValueError(f"write the day as YYYY-MM-DD ({_EXAMPLE_DAY}), not {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"there is no day {value}: write the day as YYYY-MM-DD ({_EXAMPLE_DAY})"
        ) from None


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"expected a whole number of days, 1 or more (365 for a year), got {_shown(value)}"
        )
    return value


class _Day:
    """The validator of a day (``_checked_day``), written back (the cache) as YYYY-MM-DD."""

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema as schema

        return schema.no_info_plain_validator_function(
            _checked_day,
            serialization=schema.plain_serializer_function_ser_schema(
                datetime.date.isoformat, return_schema=schema.str_schema()
            ),
        )


#: The day a fact was last checked against its source.
CheckedDate = Annotated[
    datetime.date,
    _Day(),
    WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]
#: A whole number of days, 1 or more.
Days = Annotated[int, PlainValidator(_days), WithJsonSchema({"type": "integer", "minimum": 1})]

#: What a web address may hold besides letters and digits (RFC 3986); anything
#: else is written as %XX. Letters of other scripts are allowed, as browsers allow them.
_URL_MARKS = frozenset("-._~:/?#[]@!$&'()*+,;=%")


def _web_address(url: str) -> str:
    """An ``http://`` or ``https://`` address: it is shown as a link on the web, where
    ``javascript:``, ``data:`` or ``file:`` would run or open something else."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        raise ValueError(
            f"{url!r} is not a web address starting with https:// or http://, which a "
            "source's `url` must be (it is shown as a link); name a source that is not a "
            "web page by its title instead: `source: {title: {en: ..., zh: ...}}`"
        )
    for char in url:
        allowed = char.isalnum() if char.isascii() else not char.isspace()
        if not (allowed and first_unsafe(char) is None) and char not in _URL_MARKS:
            from urllib.parse import quote

            shown = "a space" if char == " " else f"U+{ord(char):04X} ({char!r})"
            raise ValueError(
                f"a web address cannot hold {shown}: write it as {quote(char, safe='')}"
            )
    site = re.split("[/?#]", rest, maxsplit=1)[0]
    if not site:
        raise ValueError(f"{url!r} names no site after {scheme}://")
    if "@" in site:  # https://hrss.jinan.gov.cn@elsewhere.example/ goes elsewhere
        raise ValueError(
            f"{url!r} holds a user name before its site (`...@`), which can make it look "
            "like another site: give the page's own address, without it"
        )
    return url


#: An http:// or https:// web address.
WebAddress = Annotated[
    str,
    Strict(),
    AfterValidator(_web_address),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}),
]


class Source(_Part):
    """Where a fact comes from: the title of the page or document, its web address
    (`url`), or both. Written as one text, it is the web address alone."""

    title: Annotated[
        Localized | None,
        Field(description="The page's or document's title, as readers will find it."),
    ] = None
    url: Annotated[
        WebAddress | None,
        Field(description="Its web address, starting with https:// or http://."),
    ] = None

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema as schema

        return schema.no_info_before_validator_function(
            _url_alone,
            schema.no_info_after_validator_function(
                _title_or_url, super().__get_pydantic_core_schema__(source, handler)
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        written = {**handler(core_schema), "minProperties": 1}  # a $ref, and a title or url
        url = {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}
        return {"anyOf": [written, {**url, "description": "The web address alone."}]}


def _url_alone(value: Any) -> Any:
    # A plain text is the web address (an office's `source` was only that).
    return {"url": value} if isinstance(value, str) else value


def _title_or_url(source: Source) -> Source:
    if source.title is None and source.url is None:
        raise ValueError(
            "a source needs a `title`, a `url` or both: "
            "`source: {title: {en: ..., zh: ...}, url: https://...}`"
        )
    return source


#: The source of a part of a guide (an office, a law, an outcome, a step, a material).
SOURCE_FIELD = Field(
    description="Where this fact comes from, where that is not the guide's own `source`: "
    "`{title: ..., url: ...}`, or the web address alone."
)
CHECKED_FIELD = Field(
    description="The day this fact was last checked against its source (YYYY-MM-DD); "
    "without it, the guide's `checked` covers it."
)


class GuideInfo(_Part):
    """What the guide is, where its facts come from, and where to turn next."""

    title: Annotated[Localized, Field(description="The guide's name, shown above every result.")]
    source: Annotated[
        Localized, Field(description="Where the facts come from; said with every result.")
    ]
    more_help: Annotated[
        Localized, Field(description="Where to turn for what the guide does not say.")
    ]
    checked: Annotated[
        CheckedDate | None,
        Field(
            description="The day the guide's facts were last checked against its `source` "
            "(YYYY-MM-DD); it covers every fact without a `checked` of its own."
        ),
    ] = None
    recheck_after_days: Annotated[
        Days | None,
        Field(
            description="How many days after its `checked` date a fact is due to be checked "
            f"again; `check` warns past it (default: {RECHECK_AFTER_DAYS})."
        ),
    ] = None


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

    @staticmethod
    def _slip(value: Any) -> Any:
        if isinstance(value, dict) and not {"source", "checked"}.isdisjoint(value):
            raise ValueError(
                "an include stands for a whole shared list, whose items may each have a "
                "source: give `source` and `checked` to the items under "
                f"`shared: {value.get('include')}`"
            )
        return value


class SourcedText(_Part):
    """A step or a material with a source of its own: the `text` in each language,
    with `source` and `checked` beside it."""

    text: Annotated[Localized, Field(description="The step or material, as people read it.")]
    source: Annotated[Source | None, SOURCE_FIELD] = None
    checked: Annotated[CheckedDate | None, CHECKED_FIELD] = None

    @staticmethod
    def _slip(value: Any) -> Any:
        # `- en: ...` with `source:` beside it: the likeliest slip, said in one message
        # rather than as a missing `text` and each language a key out of place.
        if isinstance(value, dict) and "text" not in value and any(k in LANGS for k in value):
            raise ValueError(
                "a step or material with its own source is written "
                "`- text: {en: ..., zh: ...}`, with `source:` and `checked:` beside `text:`: "
                "put the languages under `text:`"
            )
        return value


#: The keys of a step or material with its own source: the form an author means
#: when an item has any of them.
_SOURCED_KEYS = frozenset(SourcedText.fields)


#: The forms of an item, as the discriminator names them: never a key of the
#: data, which an error's location (tags and keys) is followed through.
_TEXT, _SOURCED, _INCLUDE = "<text>", "<sourced text>", "<include>"


def _item_kind(value: Any) -> str:
    if isinstance(value, Include) or (isinstance(value, dict) and "include" in value):
        return _INCLUDE
    return _shared_kind(value)


def _shared_kind(value: Any) -> str:
    is_sourced = isinstance(value, SourcedText) or (
        isinstance(value, dict) and not _SOURCED_KEYS.isdisjoint(value)
    )
    return _SOURCED if is_sourced else _TEXT


#: A step or a material: a text, a text with its source (`text:` beside `source:`),
#: or `include: NAME`. The discriminator keeps errors to the one form the author
#: evidently meant.
Item = Annotated[
    Annotated[Localized, Tag(_TEXT)]
    | Annotated[SourcedText, Tag(_SOURCED)]
    | Annotated[Include, Tag(_INCLUDE)],
    Discriminator(_item_kind),
]
#: An item of a shared list: a text, or a text with its source.
SharedItem = Annotated[
    Annotated[Localized, Tag(_TEXT)] | Annotated[SourcedText, Tag(_SOURCED)],
    Discriminator(_shared_kind),
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
    source: Annotated[Source | None, SOURCE_FIELD] = None
    checked: Annotated[CheckedDate | None, CHECKED_FIELD] = None


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
    source: Annotated[Source | None, SOURCE_FIELD] = None
    checked: Annotated[CheckedDate | None, CHECKED_FIELD] = None


class Scenarios(_Part):
    """scenarios.yaml: the questions, the outcomes, and the text they share."""

    guide: GuideInfo
    start: Annotated[Id, Field(description="The id of the first question.")]
    # Mappings: read from the cache, each is made when first looked up.
    questions: Mapping[Id, Question]
    outcomes: Mapping[Id, Outcome]
    shared: Annotated[
        Mapping[Id, list[SharedItem]],
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
        Source | None,
        Field(
            description="The public page that gives the address, hours or phone: "
            "`{title: ..., url: ...}`, or the web address alone."
        ),
    ] = None
    checked: Annotated[CheckedDate | None, CHECKED_FIELD] = None


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

    def expand(self, items: list[Localized | SourcedText | Include]) -> list[Localized]:
        """A list of steps or materials with each include replaced by its shared list."""
        return [
            item.text if isinstance(item, SourcedText) else item
            for item in self.expand_items(items)
        ]

    def expand_items(
        self, items: list[Localized | SourcedText | Include]
    ) -> list[Localized | SourcedText]:
        """``expand``, each item with its own source where it has one."""
        expanded: list[Localized | SourcedText] = []
        for item in items:
            if isinstance(item, Include):
                expanded.extend(self.scenarios.shared[item.include])
            else:
                expanded.append(item)
        return expanded
