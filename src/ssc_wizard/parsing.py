"""A guide's two texts, read and checked: the guide, or every problem at ``file:line:column``.

Pure (text in, Guide or problems out). The YAML reader, pydantic's validators
and the cross-checks are loaded with this module, which only a guide read from
its files needs: ``loader`` imports it when the cache has no guide to give.
"""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, NamedTuple, Union

from pydantic import Tag, ValidationError

from ssc_wizard.checks import Finding, check_guide, check_scenarios, stale, suspicious
from ssc_wizard.errors import DataError, Problem, Severity
from ssc_wizard.lang import LANGS
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE
from ssc_wizard.model import (
    Choice,
    District,
    Guide,
    GuideInfo,
    Include,
    Law,
    Localized,
    Office,
    OfficeRole,
    Offices,
    Outcome,
    Question,
    Scenarios,
    Source,
    SourcedText,
)
from ssc_wizard.process import collector_paused
from ssc_wizard.records import Record
from ssc_wizard.validators import validator
from ssc_wizard.yamlio import DataPath, Document
from ssc_wizard.yamlio import read as read_yaml

#: Every model, named as an author thinks of it: to say where a misplaced key goes.
_PLACES: dict[type, str] = {
    Scenarios: "the top of scenarios.yaml",
    GuideInfo: "the guide section",
    Question: "a question",
    Choice: "a choice",
    Outcome: "an outcome",
    Include: "an include item",
    SourcedText: "a step or material with its own source (`- text: ...`)",
    Source: "a `source` (`{title: ..., url: ...}`)",
    Localized: "a text, under its key (`name:`, `text:`, ...)",
    Law: "a law",
    OfficeRole: "an office an outcome names (`- office: ID` with its `role`)",
    Offices: "the top of offices.yaml",
    Office: "an office",
    District: "a district",
}


def _keys_of(model: type) -> Iterable[str]:
    """The keys a part takes: a text's are the codes of its languages."""
    return model.fields if issubclass(model, Record) else LANGS


#: Keys that earlier versions of the format had, and where what they said goes now.
_MOVED = {
    "handles": "what an office does depends on the procedure, so it is said in each "
    "outcome that names the office: `- office: ID` with `role: {en: ..., zh: ...}` "
    '(docs/authoring.md, "Offices and their roles")',
}
#: What a missing key is for, where its name alone does not say.
_MISSING = {
    "role": "say what this office does in this outcome: `role: {en: ..., zh: ...}`",
}


@dataclass(frozen=True)
class Examination:
    """What examining a guide found: the guide itself only when it has no errors."""

    guide: Guide | None
    #: Errors and warnings together, in file order.
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def checked(self) -> Guide:
        """The guide, or a DataError with every error found."""
        if self.guide is None:
            raise DataError(self.errors)
        return self.guide


def parse_guide(
    scenarios_text: str,
    offices_text: str,
    *,
    scenarios_file: str = SCENARIOS_FILE,
    offices_file: str = OFFICES_FILE,
) -> Guide:
    """The guide in two texts, or a DataError listing every error in them."""
    return examine(
        scenarios_text,
        offices_text,
        scenarios_file=scenarios_file,
        offices_file=offices_file,
        warnings=False,
    ).checked()


def examine(
    scenarios_text: str,
    offices_text: str,
    *,
    scenarios_file: str = SCENARIOS_FILE,
    offices_file: str = OFFICES_FILE,
    warnings: bool = True,
    as_of: datetime.date | None = None,
) -> Examination:
    """Every problem in a guide's two texts, each at its file:line:column, in file order.

    ``as_of``: the day against which facts' ``checked`` dates are found due
    (``checks.stale``); None: not looked at.
    """
    with collector_paused():
        return _examine(scenarios_text, offices_text, scenarios_file, offices_file, warnings, as_of)


def _examine(
    scenarios_text: str,
    offices_text: str,
    scenarios_file: str,
    offices_file: str,
    warnings: bool,
    as_of: datetime.date | None = None,
) -> Examination:
    # Every layer that the data allows: a file's YAML problems, then its model's
    # (but for what the YAML left out), then the cross-checks of what both
    # files hold whole (``Document.partial``), so that one run says it all.
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    models: dict[str, Any] = {}
    files = [scenarios_file, offices_file]
    for key, text, file, model in (
        ("scenarios", scenarios_text, scenarios_file, Scenarios),
        ("offices", offices_text, offices_file, Offices),
    ):
        try:
            doc = docs[key] = read_yaml(text, file)
        except DataError as exc:  # nothing to go on with in this file
            problems += exc.problems
            continue
        problems += doc.problems
        if not isinstance(doc.data, dict):
            if () not in doc.dropped:  # else said already: the whole file was refused
                problems.append(
                    doc.problem(
                        (),
                        "the file must be a mapping of keys to values"
                        + (" (it is empty)" if doc.data is None else ""),
                    )
                )
            continue
        try:
            made = validator(model).validate_python(doc.data)
        except ValidationError as exc:
            problems += _explain(exc, doc, model)
            continue
        if not doc.partial:
            models[key] = made

    scenarios, offices = models.get("scenarios"), models.get("offices")
    assert scenarios is None or isinstance(scenarios, Scenarios)
    assert offices is None or isinstance(offices, Offices)

    def located(findings: list[Finding], severity: Severity) -> list[Problem]:
        return [
            docs[f.file].problem(f.path, f.message, key=f.at_key, severity=severity)
            for f in findings
        ]

    found: list[Problem] = []
    if scenarios is not None and offices is not None:
        problems += located(check_guide(scenarios, offices), "error")
        if warnings:
            found = located(suspicious(scenarios, offices), "warning")
            if as_of is not None:
                found += located(stale(scenarios, offices, as_of), "warning")
    elif scenarios is not None:  # what it says of offices.yaml waits until that file is read
        problems += located(check_scenarios(scenarios), "error")
    # offices.yaml alone has nothing to check against: every reference is in scenarios.yaml.
    guide = None
    if not problems:
        assert scenarios is not None and offices is not None
        guide = Guide(scenarios=scenarios, offices=offices)
    return Examination(guide, _in_order(problems + found, files))


def _in_order(problems: list[Problem], files: list[str]) -> list[Problem]:
    """Scenarios first, then offices; top to bottom within each, as an editor shows them."""
    return sorted(problems, key=lambda p: (files.index(p.file), p.line, p.column))


def _explain(exc: ValidationError, doc: Document, model: type) -> Iterator[Problem]:
    """pydantic's errors, located in the YAML and said in a maintainer's words.

    None where the YAML left something out (``Document.dropped``): a value or a
    key missing there is the YAML problem already reported, said again.
    """
    seen: set[tuple[DataPath, str]] = set()
    for error in exc.errors(include_url=False):
        found = _resolve(error["loc"], doc.data, model)
        if found.path in doc.dropped:
            continue
        message = _message(error, found, doc)
        if (found.path, message) in seen:
            continue
        seen.add((found.path, message))
        is_key = found.is_key or error["type"] == "extra_forbidden"
        yield doc.problem(found.path, message, key=is_key)


class _Found(NamedTuple):
    """Where an error of pydantic's is in the data."""

    #: The path that exists in the data.
    path: DataPath
    #: The last name, that does not (a missing or unknown key).
    name: str | None
    #: The error is about a key itself.
    is_key: bool
    #: The keys the mapping that holds the last part of the path takes.
    keys: list[str]


def _resolve(loc: tuple[int | str, ...], data: Any, model: type) -> _Found:
    """Follow pydantic's loc through the data, and through ``model``'s annotations,
    which tell a union's tags (``text``, ``include``) from keys."""
    path: list[str | int] = []
    node = data
    kinds: list[Any] = [model]  # what the annotations say node is
    holder = kinds  # the same, for the mapping or list around node
    for i, part in enumerate(loc):
        if part == "[key]":
            return _Found(tuple(path), None, True, _keys(holder))
        tagged = [member for kind in kinds for member in _tagged(kind, part)]
        if tagged:  # not in the data: the member of a union pydantic checked
            kinds = tagged
            continue
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
            holder, kinds = kinds, [inner for kind in kinds for inner in _inside(kind, part)]
        elif i == len(loc) - 1 and isinstance(part, str) and isinstance(node, dict):
            return _Found(tuple(path), part, False, _keys(kinds))
    return _Found(tuple(path), None, False, _keys(holder))


def _keys(kinds: list[Any]) -> list[str]:
    """The keys of the parts the annotations ``kinds`` can be."""
    return sorted(
        {
            key
            for kind in kinds
            for part in _options(kind)
            if part in _PLACES
            for key in _keys_of(part)
        }
    )


def _inside(kind: Any, step: str | int) -> Iterator[Any]:
    """The annotations of what ``step`` (a key or an index) leads to inside a ``kind``."""
    for option in _options(kind):
        origin = typing.get_origin(option)
        if isinstance(option, type) and issubclass(option, Record):
            if step in option.fields:
                yield _hints(option)[str(step)]
        elif origin is dict or origin is Mapping:
            yield typing.get_args(option)[1]
        elif origin is list or origin is tuple:
            yield typing.get_args(option)[0]


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(part: type) -> dict[str, Any]:
    """A part's annotations, read once."""
    if part not in _HINTS:
        _HINTS[part] = typing.get_type_hints(part, include_extras=True)
    return _HINTS[part]


def _options(kind: Any) -> Iterator[Any]:
    """What an annotation can be: its type, without ``Annotated``; each member of a union."""
    if typing.get_origin(kind) is Annotated:
        yield from _options(typing.get_args(kind)[0])
    elif typing.get_origin(kind) in (Union, types.UnionType):
        for member in typing.get_args(kind):
            yield from _options(member)
    else:
        yield kind


def _tagged(kind: Any, tag: str | int) -> Iterator[Any]:
    """The member of a union tagged ``tag`` (``model.Item``), which pydantic names in a loc."""
    while typing.get_origin(kind) is Annotated:
        kind = typing.get_args(kind)[0]
    if typing.get_origin(kind) not in (Union, types.UnionType):
        return
    for member in typing.get_args(kind):
        if typing.get_origin(member) is Annotated and any(
            isinstance(note, Tag) and note.tag == tag for note in member.__metadata__
        ):
            yield typing.get_args(member)[0]


def _message(error: Any, found: _Found, doc: Document) -> str:
    path, name = found.path, found.name
    kind = error["type"]
    if kind == "missing":
        hint = f": {_MISSING[name]}" if name in _MISSING else ""
        return f"missing required key {name!r}{hint}"
    if kind == "extra_forbidden":
        unknown = str(path[-1] if path else name)
        if unknown == "handles" and "outcomes" in path:  # in an outcome's office: renamed
            return "key 'handles' is called `role` in an outcome's offices: rename it"
        if unknown in _MOVED:
            return f"key {unknown!r} is no longer used here: {_MOVED[unknown]}"
        places = [place for part, place in _PLACES.items() if unknown in _keys_of(part)]
        if places:
            return f"key {unknown!r} does not belong here; it goes in {' or '.join(places)}"
        # Only the keys of this place: `hourz` in a question is no near miss of
        # an office's `hours`.
        close = difflib.get_close_matches(unknown, found.keys, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {unknown!r}{hint}"
    if kind == "string_type" and path in doc.typed_scalars:
        text, read_as = doc.typed_scalars[path]
        return (
            f"expected text, but YAML reads the unquoted value {text} as {read_as}; "
            f'put it in quotes: "{text}"'
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{error['input']!r} is not a valid id: use lower-case letters, digits and _, "
            "starting with a letter"
        )
    if kind == "string_too_short":
        return "this text must not be empty"
    if kind == "literal_error":
        return f"expected {error['ctx']['expected']}, got {_describe(error['input'])}"
    friendly = {
        "string_type": "expected text",
        "dict_type": "expected a mapping (lines of `key: value`)",
        "list_type": "expected a list (lines starting with `- `)",
        "tuple_type": "expected a list (lines starting with `- `)",
        "bool_type": "expected true or false",
    }
    if kind in friendly:
        return f"{friendly[kind]}, got {_describe(error['input'])}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime.date):
        return f"a date ({value})"
    return f"the text {value!r}" if isinstance(value, str) else type(value).__name__
