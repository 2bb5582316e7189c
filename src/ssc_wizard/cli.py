"""The command line: the options, the error boundary, and the wiring to ``commands``.

Thin by design: each command reads its options here and hands them to its
module in ``commands``, which does the work; whatever it raises becomes a
message and an exit code in ``error_boundary``, the one place that does so.

Without ``from __future__ import annotations``: typer reads every command's
annotations on each run, and evaluated once here they need no compiling then.
"""

import datetime
import gc
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer import _click as click  # typer vendors click: its exceptions, for _standalone

from ssc_wizard import __version__, completion, lang_choice, process, terminal, usage, words
from ssc_wizard.commands import GraphFormat, PathsFormat
from ssc_wizard.controls import visible
from ssc_wizard.errors import Interrupted, ProblemsFound, Refusal, Stopped, UsageError, WizardError
from ssc_wizard.formats import Format
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.loader import default_data_dir
from ssc_wizard.records import Record
from ssc_wizard.screen import say, say_error

EXIT_BUG = 3
#: The output could not be written whole (its reader went away): as click does.
EXIT_CUT_SHORT = 1

app = typer.Typer(
    name="ssc-wizard",
    cls=usage.Group,  # "No such command 'lost'" says which --answer was meant
    add_completion=True,
    subcommand_metavar="[COMMAND]",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Voice:
    """The language the error boundary speaks: set once the command has chosen one."""

    def __init__(self, lang: Lang = "en") -> None:
        self.lang = lang

    def __call__(self, lang: Lang) -> None:
        self.lang = lang


@contextmanager
def error_boundary(lang: str | None = None, *, trouble: int = 1) -> Iterator[Voice]:
    """The one place where the product's errors become messages and exit codes.

    Refusals carry data and are said here in ``Voice.lang``, the language the
    command has chosen; problems in files are said as their files' are, in English.
    ``trouble``: the status of an error whose code is 1, for a command whose 1
    means something else (``diff``: the guides differ), as GNU diff's 2 does.
    """
    voice = Voice(lang_choice.choose(lang, quiet=True))
    try:
        yield voice
    except ProblemsFound as exc:
        count = len(exc.problems)
        say_error(f"{exc.subject} has {count} problem{'s' if count != 1 else ''}:")
        for problem in exc.problems:
            say(visible(f"  {problem}"))
        say("Fix the file and run again.")
        raise typer.Exit(trouble if exc.exit_code == 1 else exc.exit_code) from None
    except Refusal as exc:
        from ssc_wizard.messages import describe

        say_error(describe(exc, voice.lang))
        raise typer.Exit(trouble if exc.exit_code == 1 else exc.exit_code) from None
    except WizardError as exc:
        say_error(str(exc))
        raise typer.Exit(trouble if exc.exit_code == 1 else exc.exit_code) from None
    except (KeyboardInterrupt, EOFError):
        say_error(words.INTERRUPTED(voice.lang))
        raise typer.Exit(Interrupted.exit_code) from None
    except (typer.Exit, typer.Abort, BrokenPipeError):
        raise  # click's own handling: exit codes, and a quiet exit when the reader left
    except Exception as exc:
        if terminal.hung_up(exc):
            # The window closed: the kernel or the shell sends SIGHUP too, but
            # a read or a write may fail first. Either way, end as SIGHUP does.
            raise Stopped(signal.SIGHUP) from None
        if os.environ.get("SSC_WIZARD_DEBUG"):
            raise
        say_error(words.INTERNAL_ERROR(voice.lang, error=f"{type(exc).__name__}: {exc}"))
        raise typer.Exit(EXIT_BUG) from None


# --lang's values: the languages the tool speaks (lang.LANGS), one with a catalog included.
Language = StrEnum("Language", [(code, code) for code in LANGS])  # type: ignore[misc]


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether an option was typed on the command line (not set by its variable)."""
    return getattr(ctx.get_parameter_source(name), "name", None) == "COMMANDLINE"


def _lang_typed(ctx: typer.Context) -> bool:
    """Whether --lang was typed (not SSC_WIZARD_LANG), for the commands printed back."""
    return _typed(ctx, lang_choice.OPTION)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"ssc-wizard {__version__}")
        raise typer.Exit()


class Common(Record):
    """Options that mean the same to every command, when given before its name."""

    format: Format | None = None
    output: Path | None = None


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
        parser=usage.parse_as(Format, "format"),
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
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="For screen readers: numbered questions, and no menus, boxes, colour "
        "or redrawn lines (also SSC_WIZARD_PLAIN=1).",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        envvar="SSC_WIZARD_LANG",
        case_sensitive=False,
        parser=usage.parse_as(Language, "language"),
        help="Language: en (English), zh (Simplified Chinese), or another the tool has a "
        "catalog for. Default: the one LC_ALL, LC_MESSAGES or LANG names, if the tool "
        "speaks it; else en.",
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
    lang_option: LangOption = None,
    plain: PlainOption = False,
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
    with error_boundary(lang_option) as voice:
        if ctx.invoked_subcommand is not None:
            wizard_only: dict[str, object] = {
                "--answer": answer,
                "--answers-file": answers_file,
                "--save-answers": save_answers,
                "--no-input": no_input,
            }
            if ctx.invoked_subcommand != "offices":  # the others have their own formats
                wizard_only |= {"--format": output_format, "--output": output}
            if ctx.invoked_subcommand == "diff" and _typed(ctx, "data_dir"):
                wizard_only["--data-dir"] = data_dir  # diff is given its two folders
            _refuse_before(
                ctx.invoked_subcommand, [k for k, v in wizard_only.items() if v], voice.lang
            )
            # Given before the subcommand's name, these still apply to it
            # (--data-dir and --lang are read from here by ``option_value``).
            ctx.obj = Common(output_format, output)
            return
        from ssc_wizard.commands import wizard as command

        request = command.Request(
            answers=answer or [],
            answers_file=answers_file,
            save_answers=save_answers,
            no_input=no_input,
            format=output_format,
            output=output,
            data_dir=data_dir,
            lang=lang_option,
            lang_typed=_lang_typed(ctx),
            plain=_plain(ctx),
        )
        command.run(request, voice)


@app.command(
    "offices",
    short_help="List every kind of office, with what it does in each procedure.",
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
    lang_option: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """List every kind of office, with what it does in each procedure."""
    common = _common(ctx)
    lang = lang_choice.given(ctx)
    with error_boundary(lang) as voice:
        from ssc_wizard.commands import offices as command

        command.run(
            _data_dir(ctx),
            district,
            output_format or common.format,
            output or common.output,
            lang=lang,
            plain=_plain(ctx),
            speak=voice,
        )


def _common(ctx: typer.Context) -> Common:
    """The options given before the command's name."""
    return ctx.obj if isinstance(ctx.obj, Common) else Common()


def _data_dir(ctx: typer.Context) -> Path:
    """--data-dir given after the command's name, or before it, or the built-in guide."""
    return usage.option_value(ctx, "data_dir") or default_data_dir()


def _shown_dir(ctx: typer.Context) -> str | None:
    """The data folder as the person typed it, for the commands printed back to them."""
    chosen = usage.option_value(ctx, "data_dir")
    return str(chosen) if chosen is not None else None


def _plain(ctx: typer.Context) -> bool:
    """--plain given after the command's name or before it, or SSC_WIZARD_PLAIN.

    The variable is read here rather than by click, which would stop every
    command over a value it does not take for a boolean.
    """
    if process.switched_on("SSC_WIZARD_PLAIN"):
        return True
    context: Any = ctx
    while context is not None:
        if context.params.get("plain"):
            return True
        context = context.parent
    return False


@app.command(
    "check",
    short_help="Check a guide: every error and warning, at file:line:column.",
    epilog="\b\nExamples:\n  ssc-wizard check\n  ssc-wizard check --data-dir ./my-guide\n"
    "  ssc-wizard check --as-of 2027-01-01",
)
def check(
    ctx: typer.Context,
    data_dir: DataDirOption = None,
    as_of: Annotated[
        datetime.date | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            parser=usage.parse_day,
            help="Warn about facts last checked longer before DATE (YYYY-MM-DD) than the "
            "guide allows, or after it. Default: today.",
            autocompletion=completion.today,
        ),
    ] = None,
) -> None:
    """Check a guide's data: every error and warning, each at file:line:column.

    Exit status 0 when the guide is valid (warnings allowed), 1 when it is not.
    """
    with error_boundary():
        from ssc_wizard.commands import check as command

        status = command.run(_data_dir(ctx), as_of)
    if status:
        raise typer.Exit(status)


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
            parser=usage.parse_as(GraphFormat, "format"),
            help="tree: drawn in the terminal; mermaid: a Mermaid flowchart "
            "(GitHub draws it in a ```mermaid block); dot: Graphviz DOT.",
        ),
    ] = GraphFormat.tree,
    data_dir: DataDirOption = None,
    lang_option: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Draw the decision tree: questions, the choices between them, and outcomes."""
    lang = lang_choice.given(ctx)
    with error_boundary(lang) as voice:
        from ssc_wizard.commands import graph as command

        command.run(_data_dir(ctx), graph_format, lang=lang, plain=_plain(ctx), speak=voice)


def _paths_format_option(help: str) -> Any:
    """``--format text|json``, as paths and diff take it."""
    return typer.Option(
        "--format", case_sensitive=False, parser=usage.parse_as(PathsFormat, "format"), help=help
    )


def _limit_option(help: str) -> Any:
    """``--limit N``: list only up to N paths (of each kind), as paths and diff take it."""
    return typer.Option("--limit", parser=usage.parse_limit, metavar="N", help=help)


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
        PathsFormat, _paths_format_option(help="text: one line a path; json.")
    ] = PathsFormat.text,
    limit: Annotated[
        int,
        _limit_option(
            help="List the paths only if there are at most N; otherwise just count them."
        ),
    ] = 1000,
    data_dir: DataDirOption = None,
) -> None:
    """List every path from the first question to an outcome, as the command that replays it.

    The paths are counted first (quickly, however many there are), and listed
    only when there are no more than --limit.
    """
    with error_boundary():
        from ssc_wizard.commands import paths as command

        command.run(_data_dir(ctx), paths_format, limit, _shown_dir(ctx))


@app.command(
    "diff",
    short_help="Show the paths whose results differ between two versions of a guide.",
    epilog="\b\nExamples:\n  ssc-wizard diff old-guide data\n"
    "  git worktree add ../old HEAD && ssc-wizard diff ../old/data data\n"
    "  ssc-wizard diff old-guide data --format json | jq '.counts'",
)
def diff(
    ctx: typer.Context,
    old_dir: Annotated[
        Path,
        typer.Argument(
            metavar="OLD_DIR",
            help="The guide as it was: a folder holding scenarios.yaml and offices.yaml.",
            autocompletion=completion.folders,
        ),
    ],
    new_dir: Annotated[
        Path,
        typer.Argument(
            metavar="NEW_DIR",
            help="The guide as it is now.",
            autocompletion=completion.folders,
        ),
    ],
    diff_format: Annotated[
        PathsFormat, _paths_format_option(help="text: for people; json.")
    ] = PathsFormat.text,
    limit: Annotated[
        int,
        _limit_option(
            help="List the paths of each kind only if there are at most N; "
            "otherwise just count them."
        ),
    ] = 1000,
    lang_option: LangOption = None,
) -> None:
    """Show every path whose result differs between two versions of a guide, in each
    language, and the paths that appear or disappear.

    Counted first, then listed up to --limit. Exit status 0 when nothing differs,
    1 when something does, 2 when a guide cannot be read or the command is wrong.
    """
    lang = lang_choice.given(ctx)
    with error_boundary(lang, trouble=2) as voice:
        from ssc_wizard.commands import diff as command

        status = command.run(old_dir, new_dir, diff_format, limit, lang=lang, speak=voice)
    if status:
        raise typer.Exit(status)


@app.command(
    "serve",
    short_help="Serve the guide as web pages (needs the web extra).",
    epilog="\b\nExamples:\n  ssc-wizard serve\n"
    "  ssc-wizard serve --host 0.0.0.0 --port 8080 --data-dir ./my-guide",
)
def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help="The address to listen on: 127.0.0.1 for this machine only, "
            "0.0.0.0 for every network it is on.",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port", metavar="PORT", min=0, max=65535, help="The port (0: any free one)."
        ),
    ] = 8000,
    data_dir: DataDirOption = None,
    lang_option: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            envvar="SSC_WIZARD_LANG",
            case_sensitive=False,
            parser=usage.parse_as(Language, "language"),
            help="The pages' language for readers whose browser names none the tool "
            "speaks (default: en), and the language of serve's own messages.",
        ),
    ] = None,
) -> None:
    """Serve the guide as web pages and a JSON API, until Ctrl+C.

    The pages' language is the reader's: ?lang=, else their browser's; --lang
    is for readers whose browser names none the tool speaks. Needs the web
    extra: pip install 'ssc-wizard[web]'.
    """
    lang = lang_choice.given(ctx)
    with error_boundary(lang) as voice:
        from ssc_wizard.commands import serve as command

        status = command.run(_data_dir(ctx), _shown_dir(ctx), host, port, lang=lang, speak=voice)
    if status:
        raise typer.Exit(status)


@app.command(
    "new-guide",
    short_help="Start a guide of your own from an example.",
    epilog="\b\nExample:\n  ssc-wizard new-guide my-city\n  ssc-wizard check --data-dir my-city",
)
def new_guide(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="A new or empty folder.")],
) -> None:
    """Start a guide of your own: a small example guide to edit, and its schemas for editors."""
    with error_boundary():
        from ssc_wizard.commands import new_guide as command

        command.run(folder)


def _refuse_before(subcommand: str, options: list[str], lang: Lang) -> None:
    if options:
        raise UsageError(
            words.REFUSED_BEFORE(
                lang,
                options=", ".join(options),
                command=subcommand,
                count=len(options),
            )
        )


def main() -> None:
    """Console-script entry point."""
    process.open_closed_streams()
    process.stop_on_signals()
    command = typer.main.get_command(app)
    completion.register_shells()  # after typer has registered its own shells
    argv = sys.argv[1:]
    if {"-h", "--help"} & set(argv) and (help_lang := lang_choice.for_help(argv)) != "en":
        from ssc_wizard import helptext

        helptext.in_language(command, help_lang)
    try:
        try:
            _standalone(command)
        finally:
            process.flush_stdout()  # here rather than at exit, where a failure cannot be handled
            # The interpreter's exit would have the garbage collector walk every
            # object made since start-up once more, for nothing: a third of the
            # time of a scripted run. Frozen, they are left alone.
            gc.freeze()
    except Stopped as stopped:
        # Unwound: temporary files removed, the terminal restored. Ending by
        # the signal itself tells the shell (or the service manager) what happened.
        signal.signal(stopped.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stopped.signum)
    except BrokenPipeError:
        # The reader of stdout has gone (``| head -1``). As the Python docs
        # advise: what is left goes to /dev/null, so that the flush at exit does
        # not fail again, and the exit code says the output was cut short.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_CUT_SHORT)


def _standalone(command: click.Command) -> NoReturn:
    """Run ``command`` as click's standalone mode does, but say its refusals
    (a bad option, an unknown command) as ours are said: wrapped between words."""
    try:
        code = command.main(prog_name="ssc-wizard", standalone_mode=False)
    except click.ClickException as exc:
        shown = io.StringIO()
        exc.show(file=shown)
        say(shown.getvalue().rstrip("\n"))
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    # An Exit's code, or None once a command has returned.
    sys.exit(code if isinstance(code, int) else 0)
