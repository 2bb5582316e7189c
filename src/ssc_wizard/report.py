"""What the maintainers' commands print: ``check``'s report, ``paths``' list, ``graph``'s tree.

Strings in, strings out, except the tree, which is drawn on the rich console
it is handed (text from the data is given to rich as ``Text``, never markup).
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from ssc_wizard.controls import shown_command
from ssc_wizard.engine import Reached
from ssc_wizard.errors import Problem
from ssc_wizard.graph import TreeItem
from ssc_wizard.model import Guide
from ssc_wizard.result import replay_argv

if TYPE_CHECKING:
    from rich.tree import Tree

    from ssc_wizard import output_model


#: The paths list's own version: it changes only when that list's shape does
#: (``output_model.PathList`` says the same; the type checker holds them together).
PATHS_SCHEMA_VERSION: Final = 1


def _count(n: int, noun: str) -> str:
    return f"{_number(n)} {noun}{'' if n == 1 else 's'}"


def _number(n: int) -> str:
    """Exact while a person can read it; shared sub-trees can give counts of 10,000 digits."""
    with long_ints():
        digits = str(n)
    if len(digits) <= 15:
        return digits
    return f"about {digits[0]}.{digits[1]}×10^{len(digits) - 1}"


@contextmanager
def long_ints() -> Iterator[None]:
    """Let Python write out ints of any length: it refuses past 4,300 digits
    unless told to, and a guide of 20,000 nodes can have more paths than that."""
    limit_before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(limit_before)


#: Past this many paths, suggesting a --limit to list them all would be a joke.
_LISTABLE = 10**7


def check_report(folder: str, problems: list[Problem], guide: Guide | None, paths: int) -> str:
    """Every problem as ``file:line:column: error|warning: message``, then one summary line."""
    lines = [f"{p.file}:{p.line}:{p.column}: {p.severity}: {p.message}" for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    tally = f"{_count(errors, 'error')}, {_count(len(problems) - errors, 'warning')}"
    if guide is None:
        lines.append(f"{folder}: {tally}; the guide cannot be used until the errors are fixed.")
    else:
        size = ", ".join(
            [
                _count(len(guide.scenarios.questions), "question"),
                _count(len(guide.scenarios.outcomes), "outcome"),
                _count(len(guide.offices.offices), "office"),
                _count(len(guide.offices.districts), "district"),
                _count(paths, "path"),
            ]
        )
        lines.append(f"{folder}: the guide is valid ({size}); {tally}.")
    return "\n".join(lines) + "\n"


def paths_text(paths: Iterable[Reached], count: int, limit: int, data_dir: str | None) -> str:
    """One line a path: the outcome id, then the command that reproduces it."""
    if count > limit:
        how = f"Give --limit {count} to list them, or draw" if count <= _LISTABLE else "Draw"
        return (
            f"{_count(count, 'path')}, more than --limit {limit}: not listed. "
            f"{how} the tree with ssc-wizard graph.\n"
        )
    rows = [
        (reached.outcome_id, shown_command(replay_argv(reached.answers, data_dir)))
        for reached in paths
    ]
    width = max((len(outcome) for outcome, _ in rows), default=0)
    lines = [f"{outcome.ljust(width)}  {command}" for outcome, command in rows]
    return "\n".join([*lines, f"{_count(count, 'path')}."]) + "\n"


def paths_json(paths: Iterable[Reached], count: int, limit: int, data_dir: str | None) -> str:
    """The JSON contract (README, "For maintainers"; schemas/paths.schema.json)."""
    listed = count <= limit
    data: output_model.PathList = {
        "schema_version": PATHS_SCHEMA_VERSION,
        "count": count,
        "limit": limit,
        "paths": [
            {
                "outcome": reached.outcome_id,
                "answers": reached.answers,
                "command": shlex.join(replay_argv(reached.answers, data_dir)),
            }
            for reached in paths
        ]
        if listed
        else None,
    }
    with long_ints():  # the count stays exact however long
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_TREE_STYLE = {
    "question": "bold blue",
    "seen": "blue",
    "deeper": "blue",
    "outcome": "bold green",
    "follow_up": "cyan",
}


def _tree_label(item: TreeItem, arrow: str) -> list[tuple[str, str]]:
    """A line of the tree view as (text, style) pieces: `choice → id  text`."""
    pieces = []
    if item.via is not None:
        pieces.append((f"{item.via} {arrow} ", "dim"))
    elif item.kind == "follow_up":
        pieces.append(("then asks ", "dim"))
    pieces += [(item.id, _TREE_STYLE[item.kind]), (f"  {item.text}", "")]
    if item.kind == "seen":
        pieces.append(("  (its branches are shown above)", "dim"))
    elif item.kind == "deeper":
        pieces.append(("  (too deep to show here: see --format mermaid or dot)", "dim"))
    return pieces


def tree_view(root: TreeItem, *, ascii_only: bool = False) -> Tree:
    """The tree view for rich, a question's branches once.

    ``ascii_only``: for an output that cannot show →.
    """
    from rich.tree import Tree

    from ssc_wizard.rich_text import BreakingText as Text

    arrow = "->" if ascii_only else "→"

    def label(item: TreeItem) -> Text:
        text = Text()
        for piece, style in _tree_label(item, arrow):
            text.append(piece, style=style)
        return text

    top = Tree(label(root))
    stack = [(root, top)]
    while stack:  # not recursive: a guide may be thousands of questions deep
        item, branch = stack.pop()
        for child in item.children:
            stack.append((child, branch.add(label(child))))
    return top


def tree_text(root: TreeItem, *, ascii_only: bool = False) -> str:
    """The tree view as plain lines, each level two spaces further in: no
    lines drawn between them, which a screen reader would read out."""
    arrow = "->" if ascii_only else "→"
    lines = []
    stack = [(root, 0)]
    while stack:
        item, depth = stack.pop()
        marker = "  " * (depth - 1) + "- " if depth else ""
        lines.append(marker + "".join(piece for piece, _ in _tree_label(item, arrow)))
        stack += [(child, depth + 1) for child in reversed(item.children)]
    return "\n".join(lines) + "\n"
