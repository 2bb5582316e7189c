"""The ``ssc-wizard`` command: the command line, loaded with the garbage collector paused.

Loading it makes some 30,000 objects (modules, functions, classes) that live
as long as the process. The collector would walk them again and again while
they are made, and free none of them: about a twentieth of a scripted run.
"""

from __future__ import annotations

import os

from ssc_wizard.process import collector_paused


def main() -> None:
    """Console-script entry point."""
    # typer validates options with pydantic, whose first validator looks
    # through every installed package for pydantic plugins (4 ms in a virtual
    # environment of 50 packages). This command uses none; one asked for by
    # name in the variable is still loaded.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    with collector_paused():
        from ssc_wizard.cli import main as run
    run()
