"""Long text through the person's pager, as git and man do.

Imported only when a result is shown again from the top: a run that never
pages never loads ``subprocess``. The conventions are git's: ``PAGER`` names
the pager (empty or ``cat`` for none), else ``less``, else ``more``; ``LESS``
and ``LV`` get git's defaults only when they are not set, so a person's own
settings win. A pager that cannot be found or started is no error: the caller
writes the text itself.

Colour goes only to a pager known to show it (``less`` with ``-R`` or ``-r``,
as git's default gives it); any other (``more``, or ``less`` under a ``LESS``
of the person's own without ``R``) would show the codes as text, or count
them as width and break lines in mid-word.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping

#: ``F``: quit at once if the text fits; ``R``: show colours; ``X``: leave the
#: last page on the screen when quitting, with the menu drawn under it.
_LESS = "FRX"
#: Colours and styles: the only escape sequences in what rich draws.
_SGR = re.compile("\x1b\\[[0-9;]*m")


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


def environment(environ: Mapping[str, str], encoding: str) -> dict[str, str]:
    """The pager's environment: git's defaults for ``less`` and ``lv``, unless set.

    ``less`` takes its character set from the locale, and where the locale is
    one the system lacks (often so over ssh) it shows every byte past ASCII as
    ``<E2><95><AD>``: it is told the encoding the text is in.
    """
    charset = {"LESSCHARSET": "utf-8"} if encoding.lower().replace("_", "-") == "utf-8" else {}
    return {"LESS": _LESS, "LV": "-c", **charset, **environ}


def shows_colour(argv: list[str], environ: Mapping[str, str]) -> bool:
    """Whether the pager shows colour codes as colour: ``less`` with ``-R`` or ``-r``."""
    if os.path.basename(argv[0]) != "less":
        return False
    options = [environ.get("LESS", _LESS), *argv[1:]]
    # Short options may be bundled (-FRX, FRX in LESS); long ones are spelt out.
    return any(
        option in ("--RAW-CONTROL-CHARS", "--raw-control-chars")
        or (not option.startswith("--") and ("R" in option or "r" in option))
        for option in " ".join(options).split()
    )


def page(text: str, encoding: str) -> bool:
    """Show ``text`` in the pager, on the terminal; False if no pager could show it.

    While the pager runs it owns the keyboard: Ctrl-C there is the pager's
    (``less`` stops a search with it), not a reason to end the program.
    """
    argv = command(os.environ)
    if argv is None:
        return False
    if not shows_colour(argv, os.environ):
        text = _SGR.sub("", text)
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGQUIT)}
    try:
        # Once the person quits, the rest of the text has nowhere to go: that
        # is a pager's normal end, and subprocess ignores the broken pipe.
        done = subprocess.run(
            argv,
            input=text.encode(encoding, "replace"),
            env=environment(os.environ, encoding),
            check=False,
        )
    except OSError:  # found, but could not be started
        return False
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return done.returncode != 127  # "command not found", from a pager that is a script
