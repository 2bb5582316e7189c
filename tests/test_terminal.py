"""What the terminal can do, and whether it is still there."""

from __future__ import annotations

import errno
import os
import pty
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from ssc_wizard import terminal

EIO = OSError(errno.EIO, "Input/output error")


@contextmanager
def stdout_on_a_terminal(monkeypatch: pytest.MonkeyPatch, *, closed: bool) -> Iterator[None]:
    """stdout on a pseudo-terminal; ``closed``: its other end has gone, as when
    its window is closed. (Patched in the test itself: pytest sets sys.stdout
    again between a fixture and the test.)"""
    master, slave = pty.openpty()
    if closed:
        os.close(master)
    try:
        with open(slave, "w", closefd=False) as stream, monkeypatch.context() as patch:
            patch.setattr(sys, "stdout", stream)
            yield
    finally:
        os.close(slave)
        if not closed:
            os.close(master)


def test_an_input_output_error_of_a_closed_terminal_is_a_hang_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with stdout_on_a_terminal(monkeypatch, closed=True):
        assert terminal.hung_up(EIO)
        assert not terminal.hung_up(OSError(errno.ENOSPC, "No space left on device"))
        assert not terminal.hung_up(ValueError("I/O operation on closed file"))


def test_an_input_output_error_with_the_terminal_there_is_reported_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failing disk is not a closed window."""
    with stdout_on_a_terminal(monkeypatch, closed=False):
        assert not terminal.hung_up(EIO)
