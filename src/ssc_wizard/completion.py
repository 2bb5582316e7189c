"""Shell completion (typer's ``--install-completion``) from the guide in use.

``--answer <TAB>`` offers the ids of the questions still to be asked after the
answers already typed, ``--answer QUESTION=<TAB>`` that
question's choice ids, ``--district <TAB>`` the district ids; all read from
the guide that ``--data-dir`` or ``SSC_WIZARD_DATA`` names, else the built-in one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer  # at run time: typer reads these functions' annotations

from ssc_wizard.controls import visible
from ssc_wizard.engine import open_questions
from ssc_wizard.errors import WizardError
from ssc_wizard.lang import Lang, from_environment
from ssc_wizard.loader import default_data_dir, load_guide

if TYPE_CHECKING:
    from ssc_wizard.model import Guide

#: Set by the shell when it asks for completions.
COMPLETE_VAR = "_SSC_WIZARD_COMPLETE"

Completions = list[tuple[str, str]]  # (value, what it means)


def answers(ctx: typer.Context, incomplete: str) -> Completions:
    guide = _guide(ctx)
    if guide is None:
        return []
    lang = _lang(ctx)
    questions = guide.scenarios.questions
    given = dict(item.partition("=")[::2] for item in ctx.params.get("answer") or ())
    question_id, sep, partial = incomplete.partition("=")
    if not sep:
        left = open_questions(guide, given)
        matching = [q for q in left if q.startswith(incomplete)]
        if len(matching) != 1:
            return [(f"{q}=", visible(questions[q].text.get(lang))) for q in matching]
        # One question fits: go straight on to its choices, so the shell adds no space after "=".
        question_id, partial = matching[0], ""
    if question_id not in questions:
        return []
    return [
        (f"{question_id}={choice_id}", visible(choice.label.get(lang)))
        for choice_id, choice in guide.choices(question_id).items()
        if choice_id.startswith(partial)
    ]


def districts(ctx: typer.Context, incomplete: str) -> Completions:
    guide = _guide(ctx)
    if guide is None:
        return []
    lang = _lang(ctx)
    return [
        (district_id, visible(district.name.get(lang)))
        for district_id, district in guide.offices.districts.items()
        if district_id.startswith(incomplete)
    ]


def _lang(ctx: typer.Context) -> Lang:
    """The descriptions' language: --lang when typed before the word completed."""
    context: Any = ctx
    while context is not None:
        chosen = context.params.get("lang_option")
        if chosen is not None:
            return cast(Lang, str(chosen))
        context = context.parent
    return from_environment(os.environ)


def _guide(ctx: typer.Context) -> Guide | None:
    """The guide the command line names; None when it cannot be loaded (no completions)."""
    data_dir: Path | None = None
    context: Any = ctx
    while context is not None and data_dir is None:
        data_dir = context.params.get("data_dir")
        context = context.parent
    try:
        return load_guide(data_dir or default_data_dir())
    except WizardError:
        return None


def fix_bash() -> None:
    """Complete ``QUESTION=CHOICE`` in bash too.

    bash splits ``card_state=lo`` into the words ``card_state``, ``=`` and
    ``lo`` and replaces only what follows the ``=``; typer's bash completion
    would see ``lo`` alone. This joins the words back and answers with the
    part after the ``=``. Only loaded while the shell asks for completions.
    """
    if COMPLETE_VAR not in os.environ:
        return
    # typer vendors click; its completion classes are not public API, hence the tests.
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import BashComplete

    class JoinedBashComplete(BashComplete):
        prefix = ""

        def get_completion_args(self) -> tuple[list[str], str]:
            args, incomplete = super().get_completion_args()
            if incomplete == "=" and args:  # the cursor is just after the "="
                args, incomplete = args[:-1], f"{args[-1]}="
            elif len(args) >= 2 and args[-1] == "=":
                args, incomplete = args[:-2], f"{args[-2]}={incomplete}"
            if "=" in incomplete:
                self.prefix = incomplete.partition("=")[0] + "="
            return _join_at_equals(args), incomplete

        def format_completion(self, item: Any) -> str:
            return str(item.value).removeprefix(self.prefix)

    add_completion_class(JoinedBashComplete, "bash")


def _join_at_equals(words: list[str]) -> list[str]:
    """``["card_state", "=", "lost"]`` back to ``["card_state=lost"]``."""
    joined: list[str] = []
    for word in words:
        if joined and (word == "=" or joined[-1].endswith("=")):
            joined[-1] += word
        else:
            joined.append(word)
    return joined
