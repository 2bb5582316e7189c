"""The ``ssc-wizard`` command: the command line, loaded with the garbage collector paused.

Loading it makes some 30,000 objects (modules, functions, classes) that live
as long as the process. The collector would walk them again and again while
they are made, and free none of them: about a twentieth of a scripted run.
"""

from __future__ import annotations

from ssc_wizard.process import collector_paused


def main() -> None:
    """Console-script entry point."""
    with collector_paused():
        from ssc_wizard.cli import main as run
    run()
