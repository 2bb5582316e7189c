"""Asking a question at the terminal: the only module that imports questionary.

The CLI imports this module only when a question really has to be asked, so a
scripted run never pays for loading prompt_toolkit.
"""

from __future__ import annotations

from typing import TextIO

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.output import create_output

from ssc_wizard.engine import Pending
from ssc_wizard.errors import Interrupted


def ask(pending: Pending, stream: TextIO) -> str:
    """One question as an arrow-key menu; Ctrl-C or Ctrl-D raise Interrupted."""
    question = questionary.select(
        pending.question.text,
        choices=[
            questionary.Choice(title=c.label, value=cid) for cid, c in pending.choices.items()
        ],
        output=create_output(stdout=stream),
    )
    extra = KeyBindings()

    @extra.add("c-d", eager=True)
    def _end_of_input(event):  # type: ignore[no-untyped-def]
        event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])
    try:
        answer = question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("interrupted") from None
    return str(answer)
