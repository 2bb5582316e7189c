"""Long text through the person's pager, as git and man do.

Imported only when a result is shown again from the top: a run that never
pages never loads ``subprocess``. The conventions are git's: ``PAGER`` names
the pager (empty or ``cat`` for none), else ``less``, else ``more``; ``LESS``
and ``LV`` get git's defaults only when they are not set, so a person's own
settings win. A pager that cannot be found or started is no error: the caller
writes the text itself.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping

#: ``F``: quit at once if the text fits; ``R``: show colours; ``X``: leave the
#: last page on the screen when quitting, with the menu drawn under it.
_LESS = "FRX"


def command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as its words, or None when there is none to run."""
    chosen = environ.get("PAGER")
    if chosen is None:
        found = shutil.which("less") or shutil.which("more")
        return [found] if found else None
    try:
        words = shlex.split(chosen)
    except ValueError:  # an unclosed quote: not a command we can run
        return None
    if not words or words == ["cat"] or shutil.which(words[0]) is None:
        return None
    return words


def environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The pager's environment: git's defaults for ``less`` and ``lv``, unless set."""
    return {"LESS": _LESS, "LV": "-c", **environ}


def page(text: str, encoding: str) -> bool:
    """Show ``text`` in the pager, on the terminal; False if no pager could show it.

    While the pager runs it owns the keyboard: Ctrl-C there is the pager's
    (``less`` stops a search with it), not a reason to end the program.
    """
    argv = command(os.environ)
    if argv is None:
        return False
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGQUIT)}
    try:
        # Once the person quits, the rest of the text has nowhere to go: that
        # is a pager's normal end, and subprocess ignores the broken pipe.
        done = subprocess.run(
            argv, input=text.encode(encoding, "replace"), env=environment(os.environ), check=False
        )
    except OSError:  # found, but could not be started
        return False
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return done.returncode != 127  # "command not found", from a pager that is a script
