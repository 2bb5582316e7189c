"""How the process begins and ends: streams the caller closed, signals that
unwind as Ctrl-C does, switches in the environment, the garbage collector's
pauses, and the last flush of stdout, where a hang-up shows."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import NoReturn

from ssc_wizard import terminal
from ssc_wizard.errors import Stopped

#: What turns a switch in the environment off; anything else turns it on, as NO_COLOR does.
_OFF = {"", "0", "false", "no", "off"}


def switched_on(name: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the environment variable ``name`` is set to turn its switch on."""
    return environ.get(name, "").strip().lower() not in _OFF


@contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector paused while many lasting objects are made.

    Loading modules or a guide makes a great many objects and no garbage
    cycles, yet the collector would run over all of them again and again: a
    twentieth of a start-up, a third of the time of reading a large guide.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        if terminal.hung_up(exc):
            raise Stopped(signal.SIGHUP) from None
        raise


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP (the terminal closed) unwind the program as Ctrl-C does.

    Python's default for them is to die on the spot, leaving a temporary file
    beside an output and the terminal with its cursor hidden. SIGQUIT, which
    Ctrl-\\ sends where the terminal reads whole lines (``TERM=dumb``), *is*
    Ctrl-C here: its default would dump core and end with 131.
    """

    def stop(signum: int, frame: object) -> NoReturn:
        raise Stopped(signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    signal.signal(signal.SIGQUIT, signal.default_int_handler)


def open_closed_streams() -> None:
    """A standard stream the caller closed (``<&-``, ``>&-``) is /dev/null instead.

    Python leaves it as None, which nothing expects. Reopened in order, each gets
    its own descriptor back: stdin is not a terminal, so nothing is asked, and
    what is written to a closed stdout is dropped, as Python's print would do.
    """
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 - open to the end
