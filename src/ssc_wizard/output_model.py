"""The shapes of the JSON outputs: a result, the office list, the path list, a diff.

Typed dicts, so the code that builds each output is type-checked against its
shape, and ``output_schema`` makes the published JSON Schemas from them. The
tool itself never imports this module (only type checkers and the generator
do): a ``--format json`` run builds plain dicts and loads nothing more.

Fields are in the order of the output's keys (but an office's role, which
comes after its name); a field's description is what the schema tells the
people who read the output.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, WithJsonSchema, with_config
from typing_extensions import TypeAliasType, TypedDict

from ssc_wizard import lang, model

#: Every typed dict here: no key but those it names.
_CLOSED = ConfigDict(extra="forbid")

Id = TypeAliasType(
    "Id",
    Annotated[model.Id, Field(description="A stable id: lower-case letters, digits and _.")],
)
Text = model.Text
#: Optional facts are null rather than left out, so every key is always there.
MaybeText = Text | None

#: The languages the tool speaks, whatever ``lang.Lang`` is spelt as.
Lang = Annotated[
    lang.Lang,
    WithJsonSchema({"type": "string", "enum": list(lang.LANGS)}),
    Field(description="The language of every text; ids and the command are the same in all."),
]

Answers = Annotated[
    dict[Id, Id], Field(description="Question id to choice id, in the order asked.")
]


@with_config(_CLOSED)
class District(TypedDict):
    """A district of the guide: its id (a choice of the district question) and its
    name, in the output's language."""

    id: Id
    name: Text


@with_config(_CLOSED)
class Office(TypedDict):
    """What every office in the output says of itself; a result adds its `role`,
    the office list its `roles`."""

    id: Id
    name: Text
    per_district: Annotated[bool, Field(description="There is one in each district.")]
    district: Annotated[
        District | None,
        Field(
            description="The person's own office of this kind: set when there is one in each "
            "district, the district is asked for, and one was named."
        ),
    ]
    address: Annotated[MaybeText, Field(description="null unless the guide cites a source for it.")]
    hours: Annotated[MaybeText, Field(description="null unless the guide cites a source for it.")]
    phone: Annotated[MaybeText, Field(description="null unless the guide cites a source for it.")]
    source: Annotated[
        MaybeText, Field(description="The public page that gives the address, hours or phone.")
    ]


@with_config(_CLOSED)
class ResultOffice(Office):
    """An office of a result: what every office says of itself, and its role in
    the procedure."""

    role: Annotated[Text, Field(description="What this office does in this procedure.")]


@with_config(_CLOSED)
class Law(TypedDict):
    law: Text
    article: Text
    text: Annotated[
        Text, Field(description="The provision's words: as enacted, or a translation of them.")
    ]
    translation: Annotated[
        bool,
        Field(
            description="true when the text is a translation: "
            "the law is enacted in another language."
        ),
    ]
    why: Annotated[MaybeText, Field(description="What it means for the person reading, or null.")]


@with_config(_CLOSED)
class Cited(TypedDict):
    """A fact of the result with a source of its own, where that is not the guide's
    `source` (or was checked on a day of its own)."""

    about: Annotated[
        Literal["outcome", "step", "material", "office", "law"],
        Field(description="What the fact is: the outcome itself, or one of its parts."),
    ]
    ref: Annotated[
        Annotated[int, Field(ge=1)] | Id | None,
        Field(
            description="Which one: a step's or material's number in its list (from 1), an "
            "office's or law's id; null for the outcome."
        ),
    ]
    title: Annotated[MaybeText, Field(description="The source's title, or null.")]
    url: Annotated[
        MaybeText,
        Field(
            pattern="^[Hh][Tt][Tt][Pp][Ss]?://",
            description="The source's web address (http or https), or null.",
        ),
    ]
    checked: Annotated[
        str | None,
        Field(
            pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            description="The day the fact was last checked against its source "
            "(YYYY-MM-DD), or null.",
        ),
    ]


@with_config(_CLOSED)
class Outcome(TypedDict):
    id: Id
    title: Text
    summary: Text
    steps: Annotated[list[Text], Field(min_length=1)]
    note: Annotated[MaybeText, Field(description="A caveat to read before acting, or null.")]
    offices: Annotated[
        list[ResultOffice],
        Field(
            description="Where to go; empty where the guide names no office for this situation "
            "(its note says why)."
        ),
    ]
    materials: Annotated[
        list[Text],
        Field(description="What to bring; empty where the guide names nothing for this situation."),
    ]
    legal_basis: list[Law]
    sources: Annotated[
        list[Cited],
        Field(
            description="The facts with a source of their own, in the order shown: the "
            "outcome, its offices, steps, materials, laws; empty when every fact rests on "
            "the guide's `source`."
        ),
    ]


MoreHelp = Annotated[Text, Field(description="Where to ask about what the guide does not say.")]
Source = Annotated[Text, Field(description="Where the guide's facts come from.")]


@with_config(_CLOSED)
class Result(TypedDict):
    """What `ssc-wizard --format json` prints: the procedure the answers lead to.
    schema_version changes only when the shape changes incompatibly."""

    schema_version: Literal[3]
    lang: Lang
    answers: Answers
    outcome: Outcome
    more_help: MoreHelp
    source: Source
    command: Annotated[
        Text,
        Field(description="The ssc-wizard command that gives this result again without questions."),
    ]


@with_config(_CLOSED)
class Role(TypedDict):
    outcome: Id
    title: Annotated[Text, Field(description="The outcome's title.")]
    role: Annotated[Text, Field(description="What the office does there.")]


@with_config(_CLOSED)
class ListedOffice(Office):
    """An office of the office list: what every office says of itself, and its
    role in each outcome."""

    roles: Annotated[
        list[Role], Field(description="What the office does in each outcome that names it.")
    ]


@with_config(_CLOSED)
class OfficeList(TypedDict):
    """What `ssc-wizard offices --format json` prints: every kind of office in the guide."""

    schema_version: Literal[3]
    lang: Lang
    district: Annotated[
        District | None, Field(description="The district given with --district, or null.")
    ]
    offices: list[ListedOffice]
    more_help: MoreHelp
    source: Source


@with_config(_CLOSED)
class Path(TypedDict):
    outcome: Id
    answers: Annotated[Answers, Field(min_length=1)]
    command: Annotated[
        str,
        Field(
            pattern="^ssc-wizard ",
            description="The command that gives this path's result without a question.",
        ),
    ]


@with_config(_CLOSED)
class PathList(TypedDict):
    """What `ssc-wizard paths --format json` prints: every path from the first
    question to an outcome, or only their number past --limit."""

    schema_version: Literal[1]
    count: Annotated[
        int, Field(ge=1, description="How many paths the guide has (exact, however large).")
    ]
    limit: Annotated[
        int,
        Field(
            ge=0,
            description="The --limit given: the paths are listed only when count is at most this.",
        ),
    ]
    paths: Annotated[
        list[Path] | None,
        Field(
            description="Every path, in the order the choices are offered; "
            "null when count is above limit."
        ),
    ]


# ssc-wizard diff -----------------------------------------------------------------

AnyValue = Annotated[
    object,
    WithJsonSchema({}),
    Field(description="A value of the result's JSON: text, true or false, a record, or null."),
]


@with_config(_CLOSED)
class DiffCounts(TypedDict):
    old_paths: Annotated[int, Field(ge=1, description="How many paths the old guide has.")]
    new_paths: Annotated[int, Field(ge=1, description="How many paths the new guide has.")]
    differing: Annotated[int, Field(ge=0, description="Paths of both guides whose results differ.")]
    appearing: Annotated[int, Field(ge=0, description="Paths of the new guide only.")]
    disappearing: Annotated[int, Field(ge=0, description="Paths of the old guide only.")]


@with_config(_CLOSED)
class Change(TypedDict):
    """One thing that differs in a path's result, as the result's JSON says it."""

    field: Annotated[
        str, Field(description="The key of the result's outcome: title, steps, offices, ...")
    ]
    item: Annotated[
        int | str | None,
        Field(
            description="Which item of a list: a text's position from 1 (in the old list when "
            "it was removed, else in the new one), an office's id, a law's name and article; "
            "null for a field that is no list."
        ),
    ]
    part: Annotated[
        str | None, Field(description="Which part of that item (an office's role), or null.")
    ]
    lang: Annotated[
        Lang | None,
        Field(description="The language it differs in; null when it differs alike in every one."),
    ]
    old: Annotated[AnyValue, Field(description="Before; null where there was nothing.")]
    new: Annotated[AnyValue, Field(description="After; null where there is nothing now.")]


@with_config(_CLOSED)
class DifferingPath(TypedDict):
    answers: Annotated[Answers, Field(min_length=1)]
    old_outcome: Id
    new_outcome: Id
    changes: Annotated[list[Change], Field(min_length=1)]


@with_config(_CLOSED)
class OnePath(TypedDict):
    answers: Annotated[Answers, Field(min_length=1)]
    outcome: Id


@with_config(_CLOSED)
class GuideDiff(TypedDict):
    """What `ssc-wizard diff OLD_DIR NEW_DIR --format json` prints: the paths whose
    results differ, appear or disappear, counted, and listed where each list has no
    more than --limit."""

    schema_version: Literal[1]
    old: Annotated[str, Field(description="The old guide's folder, as given.")]
    new: Annotated[str, Field(description="The new guide's folder, as given.")]
    counts: DiffCounts
    limit: Annotated[
        int,
        Field(ge=0, description="The --limit given: each list is given only up to this many."),
    ]
    differing: Annotated[
        list[DifferingPath] | None,
        Field(description="In the old guide's order; null when more than limit."),
    ]
    appearing: Annotated[
        list[OnePath] | None,
        Field(description="In the new guide's order; null when more than limit."),
    ]
    disappearing: Annotated[
        list[OnePath] | None,
        Field(description="In the old guide's order; null when more than limit."),
    ]
