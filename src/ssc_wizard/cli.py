"""The command line: flags in, a result out, errors turned into exit codes.

Thin by design: it loads the guide, hands the walk to the session (with a
prompt or a refusal as the way to ask), and passes the result to a renderer.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from ssc_wizard import __version__, completion, formats, terminal
from ssc_wizard.answers import answers_yaml, combine, load_answers_file, parse_flags
from ssc_wizard.engine import Pending, Reached, missing_answer
from ssc_wizard.errors import DataError, Interrupted, ProblemsFound, UsageError, WizardError
from ssc_wizard.formats import Format
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE, default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.output import check_writable, write_atomically
from ssc_wizard.result import OfficeList, Result, build_result, command_line, office_list
from ssc_wizard.session import Asker, Given, resolve, review

if TYPE_CHECKING:
    from rich.console import Console

EXIT_BUG = 3

app = typer.Typer(
    name="ssc-wizard",
    add_completion=True,
    subcommand_metavar="[COMMAND]",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _say_error(message: str) -> None:
    typer.echo(f"ssc-wizard: {message}", err=True)


@contextmanager
def error_boundary() -> Iterator[None]:
    """The one place where the product's errors become messages and exit codes."""
    try:
        yield
    except ProblemsFound as exc:
        count = len(exc.problems)
        _say_error(f"{exc.subject} has {count} problem{'s' if count != 1 else ''}:")
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


@dataclass(frozen=True)
class Common:
    """Options that mean the same to every command, when given before its name."""

    format: Format | None = None
    output: Path | None = None
    data_dir: Path | None = None


EXAMPLES = """\b
Examples:
  ssc-wizard                               ask the questions
  ssc-wizard -a card_state=lost            ask only the rest
  ssc-wizard -a card_state=lost -a district=lixia -o checklist.md
  ssc-wizard -a card_state=none -a district=unsure --format json \\
      | jq -r '.outcome.materials[]'
  ssc-wizard --answers-file answers.yaml --save-answers answers.yaml
  ssc-wizard offices --district lixia
"""

AnswerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--answer",
        "-a",
        metavar="QUESTION=CHOICE",
        help="Answer a question ahead; repeat for several. Answered questions are not asked.",
        autocompletion=completion.answers,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        case_sensitive=False,
        help="Output format. Default: rich on a terminal, text otherwise; "
        "with --output, json for *.json, markdown for *.md, text otherwise.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE instead of stdout; all of it or nothing.",
    ),
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="SSC_WIZARD_DATA",
        metavar="DIR",
        help="Folder holding scenarios.yaml and offices.yaml (default: the built-in guide).",
    ),
]


@app.callback(invoke_without_command=True, epilog=EXAMPLES)
def wizard(
    ctx: typer.Context,
    answer: AnswerOption = None,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers-file",
            metavar="FILE",
            help="Read answers from a YAML or JSON file of QUESTION: CHOICE lines "
            "(--answer wins over it).",
        ),
    ] = None,
    save_answers: Annotated[
        Path | None,
        typer.Option(
            "--save-answers",
            metavar="FILE",
            help="After the result, write the answers that led to it to FILE, for --answers-file.",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never prompt: a missing answer is an error (exit 2).",
        ),
    ] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    data_dir: DataDirOption = None,
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

    Asks a few questions about your situation (or takes them from --answer and
    --answers-file) and prints the procedure: offices, steps, materials and
    legal basis.
    """
    with error_boundary():
        if ctx.invoked_subcommand is not None:
            wizard_only: dict[str, object] = {
                "--answer": answer,
                "--answers-file": answers_file,
                "--save-answers": save_answers,
                "--no-input": no_input,
            }
            if ctx.invoked_subcommand != "offices":  # the others have their own formats
                wizard_only |= {"--format": output_format, "--output": output}
            _refuse_before(ctx.invoked_subcommand, [k for k, v in wizard_only.items() if v])
            # Given before the subcommand's name, these still apply to it.
            ctx.obj = Common(output_format, output, data_dir)
            return
        guide = load_guide(data_dir or default_data_dir())
        given = parse_flags(answer or [], guide)
        if answers_file is not None:
            given = combine(given, load_answers_file(answers_file, guide))
        _refuse_same_file(output=output, save_answers=save_answers, answers_file=answers_file)
        for path in (output, save_answers):
            if path is not None:
                check_writable(path)  # before anyone spends time answering
        stream = "--no-input was given" if no_input else _prompt_stream()
        ask = _refuse(stream) if isinstance(stream, str) else _asker(stream)
        reached = resolve(guide, given, ask)
        fmt = _format(output_format, output)
        folder = str(data_dir) if data_dir is not None else None
        # "Your answers" and the menu to change them: only for a person who was
        # asked something and is reading the result on the screen.
        asked = bool(reached.answers.keys() - given.answers.keys())
        reviewing = asked and output is None and stream is sys.stdout
        if reviewing:
            sys.stdout.write("\n")  # between the last answer and the result
        _show(build_result(guide, reached, folder), fmt, output, answers=not reviewing)
        if reviewing:
            reached = _review(guide, reached, given, ask, fmt, folder)
        if save_answers is not None:
            command = command_line(reached.answers, folder)
            saved = answers_yaml(reached.answers, reached.outcome_id, command)
            write_atomically(save_answers, saved)
            _done(f"answers saved to {save_answers}")


@app.command(
    "offices",
    epilog="\b\nExamples:\n  ssc-wizard offices --district lixia\n"
    "  ssc-wizard offices --format json | jq -r '.offices[].name'",
)
def offices(
    ctx: typer.Context,
    district: Annotated[
        str | None,
        typer.Option(
            "--district",
            metavar="ID",
            help="Name this district's own offices; a wrong id lists the right ones.",
            autocompletion=completion.districts,
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """List every kind of office, with what each one handles."""
    with error_boundary():
        common = _common(ctx)
        output = output or common.output
        guide = load_guide(_data_dir(ctx, data_dir))
        listing = office_list(guide, district)
        _show(listing, _format(output_format or common.format, output), output)


def _common(ctx: typer.Context) -> Common:
    """The options given before the command's name."""
    return ctx.obj if isinstance(ctx.obj, Common) else Common()


def _data_dir(ctx: typer.Context, data_dir: Path | None) -> Path:
    """--data-dir given after the command's name, or before it, or the built-in guide."""
    return data_dir or _common(ctx).data_dir or default_data_dir()


def _shown_dir(ctx: typer.Context, data_dir: Path | None) -> str | None:
    """The data folder as the person typed it, for the commands printed back to them."""
    chosen = data_dir or _common(ctx).data_dir
    return str(chosen) if chosen is not None else None


@app.command(
    "check",
    short_help="Check a guide: every error and warning, at file:line:column.",
    epilog="\b\nExamples:\n  ssc-wizard check\n  ssc-wizard check --data-dir ./my-guide",
)
def check(ctx: typer.Context, data_dir: DataDirOption = None) -> None:
    """Check a guide's data: every error and warning, each at file:line:column.

    Exit status 0 when the guide is valid (warnings allowed), 1 when it is not.
    """
    from ssc_wizard.loader import examine_guide
    from ssc_wizard.paths import count_paths
    from ssc_wizard.report import check_report

    with error_boundary():
        folder = _data_dir(ctx, data_dir)
        examined = examine_guide(folder)
        guide = examined.guide
        paths = count_paths(guide) if guide is not None else 0
        sys.stdout.write(check_report(str(folder), examined.problems, guide, paths))
        if guide is None:
            raise typer.Exit(DataError.exit_code)


class GraphFormat(StrEnum):
    tree = "tree"
    mermaid = "mermaid"
    dot = "dot"


@app.command(
    "graph",
    short_help="Draw the decision tree (tree, Mermaid or Graphviz DOT).",
    epilog="\b\nExamples:\n  ssc-wizard graph\n"
    "  ssc-wizard graph --format dot | dot -Tsvg -o guide.svg\n"
    "  ssc-wizard graph --format mermaid > guide.mmd",
)
def graph(
    ctx: typer.Context,
    graph_format: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="tree: drawn in the terminal; mermaid: a Mermaid flowchart "
            "(GitHub draws it in a ```mermaid block); dot: Graphviz DOT.",
        ),
    ] = GraphFormat.tree,
    data_dir: DataDirOption = None,
) -> None:
    """Draw the decision tree: questions, the choices between them, and outcomes."""
    from ssc_wizard import graph

    with error_boundary():
        guide = load_guide(_data_dir(ctx, data_dir))
        if graph_format is GraphFormat.mermaid:
            sys.stdout.write(graph.mermaid(guide))
        elif graph_format is GraphFormat.dot:
            sys.stdout.write(graph.dot(guide))
        else:
            from ssc_wizard.report import tree_view

            _console().print(tree_view(graph.tree(guide)))


class PathsFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(
    "paths",
    short_help="List every path through the guide, as replay commands.",
    epilog="\b\nExamples:\n  ssc-wizard paths\n"
    "  ssc-wizard paths --format json | jq -r '.paths[].command'\n"
    "  ssc-wizard paths --limit 0        only count them",
)
def paths(
    ctx: typer.Context,
    paths_format: Annotated[
        PathsFormat,
        typer.Option("--format", case_sensitive=False, help="text: one line a path; json."),
    ] = PathsFormat.text,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=0,
            metavar="N",
            help="List the paths only if there are at most N; otherwise just count them.",
        ),
    ] = 1000,
    data_dir: DataDirOption = None,
) -> None:
    """List every path from the first question to an outcome, as the command that replays it.

    The paths are counted first (quickly, however many there are), and listed
    only when there are no more than --limit.
    """
    from ssc_wizard.paths import count_paths, iter_paths
    from ssc_wizard.report import paths_json, paths_text

    with error_boundary():
        guide = load_guide(_data_dir(ctx, data_dir))
        count = count_paths(guide)
        render = paths_json if paths_format is PathsFormat.json else paths_text
        sys.stdout.write(render(iter_paths(guide), count, limit, _shown_dir(ctx, data_dir)))


@app.command(
    "new-guide",
    short_help="Start a guide of your own from an example.",
    epilog="\b\nExample:\n  ssc-wizard new-guide my-city\n  ssc-wizard check --data-dir my-city",
)
def new_guide(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="A new or empty folder.")],
) -> None:
    """Start a guide of your own: a small example guide to edit, and its schemas for editors."""
    from ssc_wizard.starter import starter_files

    with error_boundary():
        if folder.exists() and not (folder.is_dir() and not any(folder.iterdir())):
            what = "a folder that is not empty" if folder.is_dir() else "not a folder"
            raise WizardError(
                f"{folder} is {what}; give a new folder's name, so that nothing is overwritten"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WizardError(f"cannot create {folder}: {exc.strerror or exc}") from None
        for name, text in starter_files(str(folder)).items():
            write_atomically(folder / name, text)
        shown = shlex.quote(str(folder))
        typer.echo(
            f"A new guide is in {folder}. Next:\n"
            f"  edit {shlex.quote(str(folder / SCENARIOS_FILE))} and "
            f"{shlex.quote(str(folder / OFFICES_FILE))}\n"
            f"  check them:   ssc-wizard check --data-dir {shown}\n"
            f"  see the tree: ssc-wizard graph --data-dir {shown}\n"
            f"  try it:       ssc-wizard --data-dir {shown}"
        )


def _refuse_before(subcommand: str, options: list[str]) -> None:
    if options:
        raise UsageError(
            f"{', '.join(options)} before {subcommand!r} {'is' if len(options) == 1 else 'are'} "
            f"for the questions; give {subcommand!r} its options after its name "
            f"(see ssc-wizard {subcommand} --help)"
        )


def _refuse_same_file(output: Path | None, **others: Path | None) -> None:
    """The result written over the answers (or over the file they come from) loses them."""
    if output is None:
        return
    for name, path in others.items():
        if path is not None and path.resolve() == output.resolve():
            flag = "--" + name.replace("_", "-")
            raise UsageError(f"--output and {flag} name the same file, {path}; give two names")


def _format(chosen: Format | None, output: Path | None) -> Format:
    return formats.choose(chosen, output, terminal=sys.stdout.isatty())


def _done(message: str) -> None:
    """Say where a file went, to a person watching; scripts need no chatter."""
    if sys.stderr.isatty():
        typer.echo(f"ssc-wizard: {message}", err=True)


def _review(
    guide: Guide,
    reached: Reached,
    given: Given,
    ask: Asker,
    fmt: Format,
    folder: str | None,
) -> Reached:
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
        _show(build_result(guide, reached, folder), fmt, None, answers=False)

    return review(guide, reached, given.answers, ask, decide, show)


def _console() -> Console:
    from rich.console import Console

    if terminal.is_dumb():  # rich would take it to be 80 columns wide: ask the terminal
        size = terminal.size()
        return Console(width=size.columns, height=size.lines)
    return Console()


def _show(
    item: Result | OfficeList, fmt: Format, output: Path | None, *, answers: bool = True
) -> None:
    """A result or the office list: on stdout, or written whole to ``output``."""
    if output is None and fmt is Format.rich:
        formats.print_rich(item, _console(), answers=answers)
        return
    text = formats.as_text(item, fmt, answers=answers)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)
        _done(f"{'result' if isinstance(item, Result) else 'office list'} written to {output}")


def main() -> None:
    """Console-script entry point."""
    command = typer.main.get_command(app)
    completion.fix_bash()  # after typer has registered its own shells
    command(prog_name="ssc-wizard")
