"""What the terminal can do, as far as the environment tells: for prompts and rich output."""

from __future__ import annotations

import os
import shutil


def is_dumb() -> bool:
    """A terminal that cannot move the cursor or show colour, such as Emacs's shell."""
    return os.environ.get("TERM", "").lower() in {"dumb", "unknown"}


def size() -> os.terminal_size:
    """``COLUMNS`` and ``LINES``, else what the terminal reports, else 80 by 24."""
    return shutil.get_terminal_size()


def columns() -> int:
    return size().columns
