"""What ``ssc-wizard diff`` prints: its counts, then each path with what differs.

Strings in, strings out. The tool's own words are said in the run's language;
the guides' texts, ids and the result's keys are shown as they are, the
texts escaped by the caller (``controls.visible``, ``controls.json_escaped``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from ssc_wizard import words
from ssc_wizard.guide_diff import Change, DifferingPath, GuideDiff, OnePath
from ssc_wizard.lang import Lang
from ssc_wizard.report import long_ints

if TYPE_CHECKING:
    from ssc_wizard import output_model

#: The diff's own version: it changes only when its shape does
#: (``output_model.GuideDiff`` says the same; the type checker holds them together).
DIFF_SCHEMA_VERSION: Final = 1

#: Past this many paths, suggesting a --limit to list them all would be a joke.
_LISTABLE = 10**7


def number(n: int, lang: Lang) -> str:
    """Exact while a person can read it; shared sub-trees can give counts of 10,000 digits."""
    with long_ints():
        digits = str(n)
    if len(digits) <= 15:
        return digits
    return words.ABOUT(lang, mantissa=f"{digits[0]}.{digits[1]}", exponent=len(digits) - 1)


def diff_text(diff: GuideDiff, limit: int, lang: Lang, width: int | None = None) -> str:
    """The counts, then each list that has no more than ``limit`` paths.

    ``width``: wrap the guides' texts to this many terminal cells.
    """

    def counted(kind: words.Plural, count: int) -> str:
        return kind(lang, count, number=number(count, lang))

    lines = [
        words.DIFF_TOTALS(
            lang,
            differ=counted(words.PATHS_DIFFER, diff.differing),
            appear=counted(words.PATHS_APPEAR, diff.appearing),
            disappear=counted(words.PATHS_DISAPPEAR, diff.disappearing),
            before=counted(words.PATHS_COUNTED, diff.old_paths),
            after=counted(words.PATHS_COUNTED, diff.new_paths),
        )
    ]
    if width is not None:
        from ssc_wizard.linebreak import wrap

        lines = wrap(lines[0], width)
    sections = [  # in the order the counts are given
        (words.PATHS_DIFFER, diff.differing),
        (words.PATHS_APPEAR, diff.appearing),
        (words.PATHS_DISAPPEAR, diff.disappearing),
    ]
    for kind, count in sections:
        if not count:
            continue
        what = counted(kind, count)
        lines.append("")
        if count > limit:
            said = words.NOT_LISTED_YET if count <= _LISTABLE else words.NOT_LISTED
            lines.append(said(lang, what=what, limit=limit, count=count))
            continue
        lines.append(words.HEADING(lang, title=what))
        if kind is words.PATHS_DIFFER:
            for alike in _alike(diff.differing_paths()):
                lines += _differing(alike, width)
        else:
            listed = (
                diff.disappearing_paths()
                if kind is words.PATHS_DISAPPEAR
                else diff.appearing_paths()
            )
            lines += [_path_line(path.answers, path.outcome) for path in listed]
    return "\n".join(lines) + "\n"


def _path_line(answers: dict[str, str], outcome: str) -> str:
    shown = " ".join(f"{question}={choice}" for question, choice in answers.items())
    return f"- {shown}  ({outcome})"


def _alike(paths: Iterable[DifferingPath]) -> Iterator[list[DifferingPath]]:
    """Paths in a row whose results differ alike (one per district, say), together."""
    group: list[DifferingPath] = []
    for path in paths:
        if group and _how(path) != _how(group[0]):
            yield group
            group = []
        group.append(path)
    if group:
        yield group


def _how(path: DifferingPath) -> tuple[object, ...]:
    return path.old_outcome, path.new_outcome, path.changes


def _differing(paths: list[DifferingPath], width: int | None) -> list[str]:
    """Paths whose results differ alike, then what differs, once."""
    first = paths[0]
    outcome = first.old_outcome
    if first.new_outcome != outcome:
        outcome = f"{outcome} -> {first.new_outcome}"
    lines = [_path_line(path.answers, outcome) for path in paths]
    for change in first.changes:
        lines.append("    " + _where(change))
        for sign, value in (("-", change.old), ("+", change.new)):
            if value is not None:
                lines += _wrapped(f"      {sign} ", _shown(value, change.item), width)
    return lines


def _where(change: Change) -> str:
    parts = [change.field]
    if change.item is not None:
        parts.append(str(change.item))
    if change.part is not None:
        parts.append(change.part)
    if change.lang is not None:
        parts.append(f"({change.lang})")
    return " ".join(parts)


def _shown(value: Any, item: int | str | None = None) -> str:
    """A value of the result's JSON as a line: a text as it is, a record as its
    keys and values (those that are null, and an id the line above names, left
    out), anything else as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "; ".join(
            f"{key}: {_shown(part)}"
            for key, part in value.items()
            if part is not None and not (key == "id" and part == item)
        )
    return json.dumps(value, ensure_ascii=False)


def _wrapped(lead: str, text: str, width: int | None) -> list[str]:
    """``text`` after ``lead``, its lines wrapped to ``width`` cells under its first."""
    if width is None:
        return [lead + line for line in text.split("\n")]
    from ssc_wizard.linebreak import wrap

    room = max(width - len(lead), 20)
    lines = [line for paragraph in text.split("\n") for line in (wrap(paragraph, room) or [""])]
    return [(lead if i == 0 else " " * len(lead)) + line for i, line in enumerate(lines)]


def diff_json(diff: GuideDiff, limit: int, old: str, new: str) -> str:
    """The JSON contract (README, "For maintainers"; schemas/diff.schema.json)."""
    data: output_model.GuideDiff = {
        "schema_version": DIFF_SCHEMA_VERSION,
        "old": old,
        "new": new,
        "counts": {
            "old_paths": diff.old_paths,
            "new_paths": diff.new_paths,
            "differing": diff.differing,
            "appearing": diff.appearing,
            "disappearing": diff.disappearing,
        },
        "limit": limit,
        "differing": [
            {
                "answers": path.answers,
                "old_outcome": path.old_outcome,
                "new_outcome": path.new_outcome,
                "changes": [
                    {
                        "field": c.field,
                        "item": c.item,
                        "part": c.part,
                        "lang": c.lang,
                        "old": c.old,
                        "new": c.new,
                    }
                    for c in path.changes
                ],
            }
            for path in diff.differing_paths()
        ]
        if diff.differing <= limit
        else None,
        "appearing": _listed(diff.appearing_paths, diff.appearing, limit),
        "disappearing": _listed(diff.disappearing_paths, diff.disappearing, limit),
    }
    with long_ints():  # the counts stay exact however long
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _listed(
    paths: Callable[[], Iterable[OnePath]], count: int, limit: int
) -> list[output_model.OnePath] | None:
    """The paths, walked for only when there are no more than ``limit``."""
    if count > limit:
        return None
    return [{"answers": path.answers, "outcome": path.outcome} for path in paths()]
