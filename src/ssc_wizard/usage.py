"""The command line's own refusals, in our words: a bad ``--format`` or
``--lang``, and an unknown command that is an answer.

typer checks an option's value against its choices with pydantic, whose
message reaches the person as ``Value error, 'yaml' is not one of ...``.
``parse_as`` checks it instead, and refuses it as click refuses any bad value
(``Invalid value for '--format': ...``, exit 2), in the language of the run,
with the near misses. ``Group`` adds to click's ``No such command 'lost'.``
the ``--answer`` that was probably meant. The messages are built in
``suggest``, imported only when something is refused.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

import typer
from typer._click.exceptions import UsageError  # typer vendors click: not public API
from typer.core import TyperGroup

from ssc_wizard import ids, lang_choice
from ssc_wizard.lang import LANGS

E = TypeVar("E", bound=StrEnum)

#: What an option's values are: which words refuse one.
Kind = Literal["format", "language"]


def parse_as(kind: type[E], what: Kind) -> Callable[[Any], E]:
    """A typer ``parser`` for an option whose values are ``kind``'s, in any case."""

    def parse(value: Any) -> E:
        if isinstance(value, kind):
            return value
        typed = str(value)
        try:
            return kind(ids.canonical(typed))
        except ValueError:
            pass
        from ssc_wizard.controls import visible

        message = _not_one_of(typed, [member.value for member in kind], what)
        # A BadParameter passes through pydantic untouched; click names the option.
        raise typer.BadParameter(visible(message)) from None

    return parse


def _not_one_of(typed: str, values: list[str], what: Kind) -> str:
    from typer._click.globals import get_current_context

    from ssc_wizard import suggest, words

    lang = lang_choice.for_refusal(get_current_context(silent=True))
    if what == "language":
        near = suggest.near_language(typed, values)
        plain, with_near = words.NO_SUCH_LANGUAGE, words.NO_SUCH_LANGUAGE_NEAR
        listed = {"languages": words.LANGUAGES(lang)}
    else:
        near = suggest.near_format(typed, values)
        plain, with_near = words.NO_SUCH_FORMAT, words.NO_SUCH_FORMAT_NEAR
        listed = {"formats": ", ".join(values)}
    if not near:
        return plain(lang, typed=typed, **listed)
    return with_near(lang, typed=typed, near=suggest.either(near, lang), **listed)


class Group(TyperGroup):
    """typer's group, whose "No such command" also names the answer meant:
    ``ssc-wizard lost`` is probably ``ssc-wizard --answer card_state=lost``."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            typed = args[0] if args else "-"
            if not typed.startswith("-") and self.get_command(ctx, typed) is None:
                same = ids.canonical(typed).replace("_", "-")  # OFFICES, New_Guide
                if "Did you mean" not in exc.message and self.get_command(ctx, same):
                    exc.message = f"{exc.message} Did you mean {same!r}?"
                hint = _answer_instead(ctx, args)
                if hint is not None:
                    exc.message = f"{exc.message} {hint}"
            raise


def _answer_instead(ctx: Any, args: list[str]) -> str | None:
    """How to give ``args[0]`` as an answer: a choice of the first question
    (``lost``), or a whole answer (``card_state=lost``) typed without ``--answer``.

    ``--data-dir`` and ``--lang`` may follow the word: click has not read them,
    so they are looked for here.
    """
    from ssc_wizard import words
    from ssc_wizard.controls import shown_command, visible
    from ssc_wizard.engine import answer_problem, named
    from ssc_wizard.errors import WizardError
    from ssc_wizard.loader import default_data_dir, load_guide
    from ssc_wizard.result import replay_argv

    after = _after(args[1:], "--data-dir")
    data_dir = Path(after) if after is not None else option_value(ctx, "data_dir")
    try:
        guide = load_guide(data_dir or default_data_dir())
    except WizardError:
        return None  # click's own words say enough
    typed = args[0]
    if "=" in typed:
        question_id, choice_id = named(guide, *typed.split("=", 1))
    else:
        question_id = guide.scenarios.start
        choice_id = ids.resolve(typed, guide.choices(question_id))
    if answer_problem(guide, question_id, choice_id) is not None:
        return None
    lang_after = ids.canonical(_after(args[1:], "--lang") or "")
    typed_after = lang_after in LANGS
    if typed_after:
        lang = lang_choice.choose(lang_after, quiet=True)
    else:
        lang = lang_choice.for_refusal(ctx)
    source = ctx.get_parameter_source(lang_choice.OPTION)
    typed_lang = typed_after or getattr(source, "name", None) == "COMMANDLINE"
    folder = str(data_dir) if data_dir is not None else None
    command = replay_argv({question_id: choice_id}, folder, lang if typed_lang else None)
    return visible(
        words.ANSWER_INSTEAD(
            lang,
            question=guide.scenarios.questions[question_id].text.get(lang),
            choice=guide.choices(question_id)[choice_id].label.get(lang),
            command=shown_command(command),
        )
    )


def _after(args: list[str], option: str) -> str | None:
    """The value of the last ``option VALUE`` or ``option=VALUE`` in ``args``."""
    found = None
    for i, arg in enumerate(args):
        if arg == option and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith(option + "="):
            found = arg.partition("=")[2]
    return found


def parse_limit(value: Any) -> int:
    """``paths --limit``: a whole number, 0 or more, refused in our words."""
    typed = str(value).strip()
    if typed.isdecimal() and typed.isascii():
        return int(typed)
    from typer._click.globals import get_current_context

    from ssc_wizard import words
    from ssc_wizard.controls import visible

    lang = lang_choice.for_refusal(get_current_context(silent=True))
    raise typer.BadParameter(visible(words.NOT_A_LIMIT(lang, typed=typed))) from None


def parse_day(value: Any) -> datetime.date:
    """``check --as-of``: a day written YYYY-MM-DD, refused in our words."""
    if isinstance(value, datetime.date):
        return value
    typed = str(value).strip()
    if re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", typed):
        try:
            return datetime.date.fromisoformat(typed)
        except ValueError:
            pass
    from typer._click.globals import get_current_context

    from ssc_wizard import words
    from ssc_wizard.controls import visible

    lang = lang_choice.for_refusal(get_current_context(silent=True))
    raise typer.BadParameter(visible(words.NOT_A_DAY(lang, typed=typed))) from None


def option_value(ctx: Any, name: str) -> Any:
    """An option given after the command's name or before it, typed before read.

    A command and the program before it both read the option's environment
    variable (``SSC_WIZARD_DATA``, ``SSC_WIZARD_LANG``), so a value the
    command took from there must not hide one typed before the command's name.
    """
    from_environment: Any = None
    context: Any = ctx
    while context is not None:
        value = context.params.get(name)
        if value is not None:
            source = context.get_parameter_source(name)
            if getattr(source, "name", None) != "ENVIRONMENT":
                return value
            from_environment = from_environment or value
        context = context.parent
    return from_environment
