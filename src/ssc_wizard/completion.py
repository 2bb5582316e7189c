"""Shell completion (typer's ``--install-completion``) from the guide in use.

``--answer <TAB>`` offers the ids of the questions still to be asked after the
answers already typed, ``--answer QUESTION=<TAB>`` that
question's choice ids, ``--district <TAB>`` the district ids; all read from
the guide that ``--data-dir`` or ``SSC_WIZARD_DATA`` names, else the built-in one;
``diff``'s guide folders offer folders.
Each shell gets them in a form that it reads as text only (``register_shells``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer  # at run time: typer reads these functions' annotations

from ssc_wizard import ids, lang_choice
from ssc_wizard.controls import visible
from ssc_wizard.engine import named, open_questions
from ssc_wizard.errors import WizardError
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.usage import option_value

if TYPE_CHECKING:
    from ssc_wizard.model import Guide

#: Set by the shell when it asks for completions.
COMPLETE_VAR = "_SSC_WIZARD_COMPLETE"

Completions = list[tuple[str, str]]  # (value, what it means)


def answers(ctx: typer.Context, incomplete: str) -> Completions:
    """Ids typed in another case or with ``-`` for ``_`` count (see ``ids``); a
    completion keeps what was typed, since a shell offers only what starts with it."""
    guide = _guide(ctx)
    if guide is None:
        return []
    lang = lang_choice.for_completion(ctx)
    questions = guide.scenarios.questions
    given = dict(named(guide, *item.partition("=")[::2]) for item in ctx.params.get("answer") or ())
    typed, sep, partial = incomplete.partition("=")
    question_id = ids.resolve(typed, questions)
    if not sep:
        left = open_questions(guide, given)
        matching = [(q, c) for q in left if (c := ids.completed(incomplete, q)) is not None]
        if len(matching) != 1:
            return [(f"{c}=", visible(questions[q].text.get(lang))) for q, c in matching]
        # One question fits: go straight on to its choices, so the shell adds no space after "=".
        (question_id, typed), partial = matching[0], ""
    if question_id not in questions:
        return []
    return [
        (f"{typed}={c}", visible(choice.label.get(lang)))
        for choice_id, choice in guide.choices(question_id).items()
        if (c := ids.completed(partial, choice_id)) is not None
    ]


def folders(incomplete: str) -> Completions:
    """The folders whose path starts with what was typed (``diff``'s guides);
    hidden ones only once a ``.`` is typed."""
    typed_dir, _, start = incomplete.rpartition("/")
    shown = f"{typed_dir}/" if typed_dir or incomplete.startswith("/") else ""
    try:
        entries = list(os.scandir(os.path.expanduser(shown or ".")))
    except OSError:
        return []
    return sorted(
        (f"{shown}{entry.name}/", "")
        for entry in entries
        if entry.name.startswith(start)
        and (start.startswith(".") or not entry.name.startswith("."))
        and entry.is_dir()
    )


def districts(ctx: typer.Context, incomplete: str) -> Completions:
    guide = _guide(ctx)
    if guide is None:
        return []
    lang = lang_choice.for_completion(ctx)
    return [
        (c, visible(district.name.get(lang)))
        for district_id, district in guide.offices.districts.items()
        if (c := ids.completed(incomplete, district_id)) is not None
    ]


def today(ctx: typer.Context, incomplete: str) -> Completions:
    """``check --as-of``: today, the default, shown as a day is written (YYYY-MM-DD)."""
    import datetime

    day = datetime.date.today().isoformat()
    return [(day, "today")] if day.startswith(incomplete) else []


def _guide(ctx: typer.Context) -> Guide | None:
    """The guide the command line names; None when it cannot be loaded (no completions)."""
    data_dir: Path | None = option_value(ctx, "data_dir")
    try:
        return load_guide(data_dir or default_data_dir())
    except WizardError:
        return None


def register_shells() -> None:
    """Put our completion classes in place of typer's, one for each shell.

    Each formats a value and its description for exactly the script that
    ``--install-completion`` gives that shell, so that a guide's text, which
    may come from anyone, shows as written and never runs. typer's own classes
    read every description as rich markup, and its zsh one leaves a backslash
    unescaped, which lets the next description out of its quotes. Bash also
    completes ``QUESTION=CHOICE`` (see ``JoinedBashComplete``). Only loaded while
    the shell asks for completions, so that starting up never pays for it.
    """
    if COMPLETE_VAR not in os.environ:
        return
    # typer vendors click; its completion classes are not public API, hence the tests.
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import (
        BashComplete,
        FishComplete,
        PowerShellComplete,
        ZshComplete,
    )

    class JoinedBashComplete(BashComplete):
        """bash splits ``card_state=lo`` into the words ``card_state``, ``=`` and
        ``lo`` and replaces only what follows the ``=``; typer's bash completion
        would see ``lo`` alone. This joins the words back and answers with the
        part after the ``=``.
        """

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
            return _bash(str(item.value).removeprefix(self.prefix))

    class InertZshComplete(ZshComplete):
        def format_completion(self, item: Any) -> str:
            return _zsh(str(item.value), _one_line(item.help or ""))

    class InertFishComplete(FishComplete):
        def format_completion(self, item: Any) -> str:
            return _fish(str(item.value), _one_line(item.help or ""))

    class InertPowerShellComplete(PowerShellComplete):
        def format_completion(self, item: Any) -> str:
            return _powershell(str(item.value), _one_line(item.help or ""))

    add_completion_class(JoinedBashComplete, "bash")
    add_completion_class(InertZshComplete, "zsh")
    add_completion_class(InertFishComplete, "fish")
    add_completion_class(InertPowerShellComplete, "powershell")
    add_completion_class(InertPowerShellComplete, "pwsh")


#: Line breaks, and the tab that ends a value for fish: every shell shows one
#: line for each value. visible() has written out the other control characters.
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text)


def _plain(char: str) -> bool:
    """An ASCII letter, digit or ``_``: the same to every shell, in quotes or not."""
    return char.isascii() and (char.isalnum() or char == "_")


def _bare(char: str) -> bool:
    """Plain, or a character of an option, a command or an answer: ``-`` ``.`` ``/`` ``=``.

    What bash and PowerShell put on the command line as it is, unquoted.
    """
    return _plain(char) or char in "-./="


def _bash(value: str) -> str:
    """A value as typer's bash script reads it: one line of an unquoted ``$(...)``.

    bash splits the output at newlines, expands wildcards in each line and puts
    it on the command line as it is: a backslash before each ASCII character
    that is not ``_bare`` makes it mean only itself to both.
    """
    return "".join(c if _bare(c) or not c.isascii() else f"\\{c}" for c in _one_line(value))


def _zsh(value: str, description: str) -> str:
    r"""One ``value:description`` of typer's ``eval $(...)`` of ``_arguments '*: :((...))'``.

    zsh reads it four times. From the last reading back to the first:

    - ``_describe`` splits it at the first ``:`` not after a backslash, then
      drops each escaping backslash: ``\`` and ``:`` in the text get one;
    - ``_arguments`` evals the list as the words of an array: ``$'...'`` with
      ``\xHH`` for every ASCII character but letters, digits and ``_`` gives
      back exactly that text, and leaves no white space or quote in it (other
      characters mean nothing to zsh);
    - ``eval`` reads the whole list inside typer's single quotes, so the two
      quotes of ``$'...'`` are written ``'\''``;
    - first of all, the unquoted ``$(...)`` is split at white space, and there
      is none left in the word.
    """
    fields = [value, description] if description else [value]
    text = ":".join(field.replace("\\", "\\\\").replace(":", "\\:") for field in fields)
    ansi_c = "".join(c if _plain(c) or not c.isascii() else f"\\x{ord(c):02x}" for c in text)
    return f"$'{ansi_c}'".replace("'", "'\\''")


def _fish(value: str, description: str) -> str:
    """A line of the output that typer's ``complete --arguments "(...)"`` reads.

    fish takes each line as it is, expanding nothing in it, splits it at its
    first tab into the value and the description, and escapes the value when
    it puts it on the command line: one line, and no tab in the value, is all.
    """
    return f"{_one_line(value)}\t{description}" if description else _one_line(value)


#: Characters with a meaning in a double-quoted PowerShell string (it takes
#: curly quotes for straight ones), and ":", so that a value holds no ":::".
_POWERSHELL_SPECIAL = frozenset('`$"\u201c\u201d\u201e:')


def _powershell(value: str, description: str) -> str:
    """A line as typer's PowerShell script reads it: ``VALUE:::DESCRIPTION``.

    The script splits the line at each ``:::`` and puts the first part on the
    command line as it is: a value that is not all ``_bare`` goes in double
    quotes, with a backtick before each special character. Only
    the description's text up to its first ``:::`` would show, so a zero-width
    space goes before every third colon in a row. PowerShell refuses an empty
    description, hence a space.
    """
    value = _one_line(value)
    if not all(_bare(c) for c in value):
        value = '"{}"'.format("".join(f"`{c}" if c in _POWERSHELL_SPECIAL else c for c in value))
    description = re.sub("(?<=::):", "\u200b:", description)  # a zero-width space
    return f"{value}:::{description or ' '}"


def _join_at_equals(words: list[str]) -> list[str]:
    """``["card_state", "=", "lost"]`` back to ``["card_state=lost"]``."""
    joined: list[str] = []
    for word in words:
        if joined and (word == "=" or joined[-1].endswith("=")):
            joined[-1] += word
        else:
            joined.append(word)
    return joined
