"""The command line: flags in, a result out, errors turned into exit codes.

Thin by design: it loads the guide, hands the walk to the session (with a
prompt or a refusal as the way to ask), and passes the result to a renderer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from ssc_wizard import __version__, terminal
from ssc_wizard.engine import Pending, Reached, missing_answer, parse_answers
from ssc_wizard.errors import DataError, Interrupted, WizardError
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import Result, build_result
from ssc_wizard.session import Asker, resolve, review

if TYPE_CHECKING:
    from rich.console import Console

EXIT_BUG = 3

app = typer.Typer(
    name="ssc-wizard",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"


def _say_error(message: str) -> None:
    typer.echo(f"ssc-wizard: {message}", err=True)


@contextmanager
def error_boundary() -> Iterator[None]:
    """The one place where the product's errors become messages and exit codes."""
    try:
        yield
    except DataError as exc:
        count = len(exc.problems)
        _say_error(f"the guide's data has {count} problem{'s' if count != 1 else ''}:")
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        typer.echo("Fix the file and run again.", err=True)
        raise typer.Exit(exc.exit_code) from None
    except WizardError as exc:
        _say_error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except (KeyboardInterrupt, EOFError):
        _say_error("interrupted")
        raise typer.Exit(Interrupted.exit_code) from None
    except (typer.Exit, typer.Abort, BrokenPipeError):
        raise  # click's own handling: exit codes, and a quiet exit when the reader left
    except Exception as exc:
        if os.environ.get("SSC_WIZARD_DEBUG"):
            raise
        _say_error(
            f"internal error ({type(exc).__name__}: {exc}). This is a bug: please report it "
            "with the command you ran. SSC_WIZARD_DEBUG=1 shows the details."
        )
        raise typer.Exit(EXIT_BUG) from None


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"ssc-wizard {__version__}")
        raise typer.Exit()


def _refuse(reason: str) -> Asker:
    def ask(pending: Pending) -> NoReturn:
        raise missing_answer(pending, reason)

    return ask


def _prompt_stream() -> TextIO | str:
    """The terminal to draw prompts on, or why there is none.

    Answers are read from stdin only when it is a terminal, never from a pipe.
    Prompts go to stdout, or to stderr when stdout is redirected (so that
    ``ssc-wizard --format json > result.json`` still asks on the screen).
    """
    if not sys.stdin.isatty():
        return "stdin is not a terminal, and answers are never read from a pipe"
    for stream in (sys.stdout, sys.stderr):
        if stream.isatty():
            return stream
    return "neither stdout nor stderr is a terminal to show the question on"


def _asker(stream: TextIO) -> Asker:
    def ask(pending: Pending) -> str:
        from ssc_wizard import prompts  # loads questionary: only when a question is asked

        return prompts.ask(pending, stream)

    return ask


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  ssc-wizard\n"
        "  ssc-wizard --answer card_state=lost --answer district=lixia\n"
        "  ssc-wizard -a card_state=none -a district=unsure --format json"
    )
)
def wizard(
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            "-a",
            metavar="QUESTION=CHOICE",
            help="Answer a question ahead; repeat for several. Answered questions are not asked.",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never prompt: a missing answer is an error (exit 2).",
        ),
    ] = False,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="Output format. Default: rich on a terminal, text otherwise.",
        ),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="SSC_WIZARD_DATA",
            metavar="DIR",
            help="Folder holding scenarios.yaml and offices.yaml (default: the built-in guide).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Find out where to apply for or replace a social security card, and what to bring.

    Asks a few questions about your situation (or takes them from --answer)
    and prints the procedure: offices, steps, materials and legal basis.
    """
    with error_boundary():
        given = parse_answers(answer or [])
        guide = load_guide(data_dir if data_dir is not None else default_data_dir())
        stream = "--no-input was given" if no_input else _prompt_stream()
        ask = _refuse(stream) if isinstance(stream, str) else _asker(stream)
        reached = resolve(guide, given, ask)
        fmt = output_format or (Format.rich if sys.stdout.isatty() else Format.text)
        folder = str(data_dir) if data_dir is not None else None
        # "Your answers" and the menu to change them: only for a person who was
        # asked something and is reading the result on the screen.
        reviewing = stream is sys.stdout and reached.answers.keys() != given.keys()
        if reviewing:
            sys.stdout.write("\n")  # between the last answer and the result
        _print(build_result(guide, reached, folder), fmt, answers=not reviewing)
        if reviewing:
            _review(guide, reached, given, ask, fmt, folder)


def _review(
    guide: Guide,
    reached: Reached,
    given: dict[str, str],
    ask: Asker,
    fmt: Format,
    folder: str | None,
) -> None:
    from ssc_wizard import prompts, render

    def decide(reached: Reached) -> str | None:
        result = build_result(guide, reached, folder)
        if fmt is Format.rich:
            render.print_answers(result.answers, _console())
            sys.stdout.write("\n")
        else:
            sys.stdout.write("\n" + render.answers_text(result.answers) + "\n")
        sys.stdout.flush()
        return prompts.review(result.answers, sys.stdout)

    def show(reached: Reached) -> None:
        sys.stdout.write("\n")
        _print(build_result(guide, reached, folder), fmt, answers=False)

    review(guide, reached, given, ask, decide, show)


def _console() -> Console:
    from rich.console import Console

    if terminal.is_dumb():  # rich would take it to be 80 columns wide: ask the terminal
        size = terminal.size()
        return Console(width=size.columns, height=size.lines)
    return Console()


def _print(result: Result, fmt: Format, *, answers: bool = True) -> None:
    from ssc_wizard import render

    if fmt is Format.json:
        sys.stdout.write(render.to_json(result) + "\n")
    elif fmt is Format.text:
        sys.stdout.write(render.to_text(result, answers=answers))
    else:
        render.print_rich(result, _console(), answers=answers)


def main() -> None:
    """Console-script entry point."""
    app()
