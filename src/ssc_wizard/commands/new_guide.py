"""``new-guide``: a small example guide to edit, and its schemas for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from ssc_wizard.controls import shell_quote, visible
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE
from ssc_wizard.output import new_folder, write_atomically
from ssc_wizard.starter import starter_files


def run(folder: Path) -> None:
    """Write the files into a new or empty ``folder``, then say what to do next."""
    new_folder(folder)
    for name, text in starter_files(str(folder)).items():
        write_atomically(folder / name, text)
    shown = shell_quote(str(folder))
    typer.echo(
        visible(
            f"A new guide is in {folder}. Next:\n"
            f"  edit {shell_quote(str(folder / SCENARIOS_FILE))} and "
            f"{shell_quote(str(folder / OFFICES_FILE))}\n"
            f"  check them:   ssc-wizard check --data-dir {shown}\n"
            f"  see the tree: ssc-wizard graph --data-dir {shown}\n"
            f"  try it:       ssc-wizard --data-dir {shown}"
        )
    )
