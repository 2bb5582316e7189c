"""The command line: flags in, a result out, errors turned into exit codes.

Thin by design: it loads the guide, hands the walk to the session (with a
prompt or a refusal as the way to ask), and passes the result to a renderer.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from typer import _click as click  # typer vendors click: its exceptions, for _standalone

from ssc_wizard import __version__, completion, formats, terminal, usage, words
from ssc_wizard.answers import answers_yaml, combine, load_answers_file, parse_flags
from ssc_wizard.controls import json_escaped, shell_quote, visible, visible_in
from ssc_wizard.engine import Pending, Reached, missing_answer
from ssc_wizard.errors import (
    DataError,
    Interrupted,
    ProblemsFound,
    Stopped,
    UsageError,
    WizardError,
)
from ssc_wizard.formats import Format
from ssc_wizard.lang import LANGS, NAMES, Lang, from_environment
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE, default_data_dir, load_guide
from ssc_wizard.model import Guide, texts
from ssc_wizard.output import check_writable, new_folder, same_file, write_atomically
from ssc_wizard.result import OfficeList, Result, build_result, office_list, replay_argv
from ssc_wizard.session import Asker, Given, resolve, review

if TYPE_CHECKING:
    from rich.console import Console

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


def _say_error(message: str) -> None:
    # Messages quote what was typed and what the guide says: shown, never obeyed.
    _say(visible(f"ssc-wizard: {message}"))


def _say(line: str) -> None:
    """A line on stderr; wrapped between words on a terminal, which would cut them."""
    if sys.stderr.isatty():
        from ssc_wizard.linebreak import fold

        line = fold(line, terminal.columns())
    typer.echo(line, err=True)


@dataclass
class Voice:
    """The language the error boundary speaks: set once the command has chosen one."""

    lang: Lang = "en"


@contextmanager
def error_boundary(lang: Language | None = None) -> Iterator[Voice]:
    """The one place where the product's errors become messages and exit codes.

    Messages raised by the core are already in the language asked for; the
    boundary's own words follow ``Voice.lang``.
    """
    voice = Voice(_language(lang, None, quiet=True))
    try:
        yield voice
    except ProblemsFound as exc:
        count = len(exc.problems)
        _say_error(f"{exc.subject} has {count} problem{'s' if count != 1 else ''}:")
        for problem in exc.problems:
            _say(visible(f"  {problem}"))
        _say("Fix the file and run again.")
        raise typer.Exit(exc.exit_code) from None
    except WizardError as exc:
        _say_error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except (KeyboardInterrupt, EOFError):
        _say_error(words.INTERRUPTED(voice.lang))
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
        _say_error(words.INTERNAL_ERROR(voice.lang, error=f"{type(exc).__name__}: {exc}"))
        raise typer.Exit(EXIT_BUG) from None


# --lang's values: the languages the tool speaks (lang.LANGS), one with a catalog included.
Language = StrEnum("Language", [(code, code) for code in LANGS])  # type: ignore[misc]


def _language(chosen: Language | None, guide: Guide | None, *, quiet: bool = False) -> Lang:
    """--lang, else the environment's; English where the output cannot show the other.

    Checked before anything is printed, so that nothing comes out half in
    question marks: stdout and stderr must both be able to show every text of
    the tool and the guide in that language.
    """
    lang: Lang = from_environment(os.environ)
    if chosen is not None:
        lang = chosen.value
    if lang == "en":
        return lang
    limited = [s for s in (sys.stdout, sys.stderr) if not terminal.writes_any_text(s)]
    if not limited:  # the usual UTF-8 terminal: nothing to try
        return lang
    sample = words.everything(lang)
    if guide is not None:
        everywhere = texts(guide.scenarios), texts(guide.offices)
        sample += "".join(text.get(lang) for found in everywhere for _, text in found)
    for stream in limited:
        if terminal.unencodable(sample, stream) is not None:
            if not quiet:
                encoding = getattr(stream, "encoding", "?")
                _say_error(words.CANNOT_SHOW.format(encoding=encoding, language=NAMES[lang]))
            return "en"
    return lang


def _chosen_lang(ctx: typer.Context, lang: Lang) -> Lang | None:
    """The language when typed as --lang, for the commands printed back to the person."""
    source = ctx.get_parameter_source("lang_option")  # not SSC_WIZARD_LANG
    return lang if getattr(source, "name", None) == "COMMANDLINE" else None


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"ssc-wizard {__version__}")
        raise typer.Exit()


def _refuse(reason: words.Tr, lang: Lang) -> Asker:
    def ask(pending: Pending) -> NoReturn:
        raise missing_answer(pending, reason(lang), lang)

    return ask


def _prompt_stream() -> TextIO | words.Tr:
    """The terminal to draw prompts on, or why there is none.

    Answers are read from stdin only when it is a terminal, never from a pipe.
    Prompts go to stdout, or to stderr when stdout is redirected (so that
    ``ssc-wizard --format json > result.json`` still asks on the screen).
    """
    if not sys.stdin.isatty():
        return words.NO_TERMINAL
    for stream in (sys.stdout, sys.stderr):
        if stream.isatty():
            return stream
    return words.NO_SCREEN


def _asker(stream: TextIO, lang: Lang, plain: bool) -> Asker:
    def ask(pending: Pending) -> str:
        from ssc_wizard import prompts  # loads questionary: only when a question is asked

        return prompts.ask(pending, stream, lang, plain=plain)

    return ask


@dataclass(frozen=True)
class Common:
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
        help="Language: en (English) or zh (Simplified Chinese). "
        "Default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en.",
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
            _refuse_before(
                ctx.invoked_subcommand, [k for k, v in wizard_only.items() if v], voice.lang
            )
            # Given before the subcommand's name, these still apply to it
            # (--data-dir and --lang are read from here by ``option_value``).
            ctx.obj = Common(output_format, output)
            return
        guide_dir = data_dir or default_data_dir()
        guide = load_guide(guide_dir)
        lang = voice.lang = _language(lang_option, guide)
        given = parse_flags(answer or [], guide, lang)
        if answers_file is not None:
            given = combine(given, load_answers_file(answers_file, guide))
        _refuse_same_file(lang, output=output, save_answers=save_answers, answers_file=answers_file)
        _refuse_guide_files(lang, guide_dir, output=output, save_answers=save_answers)
        for path in (output, save_answers):
            if path is not None:
                check_writable(path)  # before anyone spends time answering
        plain = _plain(ctx)
        stream = words.NO_INPUT if no_input else _prompt_stream()
        ask = _refuse(stream, lang) if isinstance(stream, words.Tr) else _asker(stream, lang, plain)
        reached = resolve(guide, given, ask, lang)
        fmt = _format(output_format, output, plain)
        folder = str(data_dir) if data_dir is not None else None
        results = Results(guide, lang, folder, _chosen_lang(ctx, lang), fmt)
        # "Your answers" and the menu to change them: only for a person who was
        # asked something and is reading the result on the screen.
        asked = bool(reached.answers.keys() - given.answers.keys())
        reviewing = asked and output is None and stream is sys.stdout
        if reviewing:
            sys.stdout.write("\n")  # between the last answer and the result
        _show(results.of(reached), fmt, output, answers=not reviewing)
        if reviewing:
            reached = _review(results, reached, given, ask, plain)
        if save_answers is not None:
            argv = replay_argv(reached.answers, folder, results.chosen_lang)
            saved = answers_yaml(reached.answers, reached.outcome_id, argv)
            write_atomically(save_answers, saved)
            _done(words.ANSWERS_SAVED(lang, path=save_answers))


@dataclass(frozen=True)
class Results:
    """How this run turns a walk's end into a result: the guide, language and flags."""

    guide: Guide
    lang: Lang
    folder: str | None
    #: The language typed as --lang, for the replay command.
    chosen_lang: Lang | None
    fmt: Format

    def of(self, reached: Reached) -> Result:
        return build_result(
            self.guide, reached, self.folder, lang=self.lang, chosen_lang=self.chosen_lang
        )


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
    lang_option = _lang_option(ctx)
    with error_boundary(lang_option) as voice:
        output = output or common.output
        guide_dir = _data_dir(ctx)
        guide = load_guide(guide_dir)
        lang = voice.lang = _language(lang_option, guide)
        _refuse_guide_files(lang, guide_dir, output=output)
        listing = office_list(guide, district, lang)
        fmt = _format(output_format or common.format, output, _plain(ctx))
        _show(listing, fmt, output)


def _common(ctx: typer.Context) -> Common:
    """The options given before the command's name."""
    return ctx.obj if isinstance(ctx.obj, Common) else Common()


def _data_dir(ctx: typer.Context) -> Path:
    """--data-dir given after the command's name, or before it, or the built-in guide."""
    return completion.option_value(ctx, "data_dir") or default_data_dir()


def _shown_dir(ctx: typer.Context) -> str | None:
    """The data folder as the person typed it, for the commands printed back to them."""
    chosen = completion.option_value(ctx, "data_dir")
    return str(chosen) if chosen is not None else None


#: What turns SSC_WIZARD_PLAIN off; anything else turns it on, as NO_COLOR does.
_OFF = {"", "0", "false", "no", "off"}


def _plain(ctx: typer.Context) -> bool:
    """--plain given after the command's name or before it, or SSC_WIZARD_PLAIN.

    The variable is read here rather than by click, which would stop every
    command over a value it does not take for a boolean.
    """
    if os.environ.get("SSC_WIZARD_PLAIN", "").strip().lower() not in _OFF:
        return True
    context: Any = ctx
    while context is not None:
        if context.params.get("plain"):
            return True
        context = context.parent
    return False


def _lang_option(ctx: typer.Context) -> Language | None:
    """--lang given after the command's name, or before it."""
    chosen: Language | None = completion.option_value(ctx, "lang_option")
    return chosen


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
        folder = _data_dir(ctx)
        examined = examine_guide(folder)
        guide = examined.guide
        paths = count_paths(guide) if guide is not None else 0
        _write(visible(check_report(str(folder), examined.problems, guide, paths)), "en")
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
    from ssc_wizard import graph

    lang_option = _lang_option(ctx)
    with error_boundary(lang_option) as voice:
        guide = load_guide(_data_dir(ctx))
        lang = voice.lang = _language(lang_option, guide)
        if graph_format is GraphFormat.mermaid:
            _write(graph.mermaid(guide, lang), lang)
        elif graph_format is GraphFormat.dot:
            _write(graph.dot(guide, lang), lang)
        elif _plain(ctx):
            from ssc_wizard.linebreak import fold
            from ssc_wizard.report import tree_text

            ascii_only = terminal.unencodable("→", sys.stdout) is not None
            text = tree_text(graph.tree(guide, lang), ascii_only=ascii_only)
            _write(fold(text, _text_width()), lang)
        else:
            from ssc_wizard.report import tree_view

            def draw(console: Console) -> None:
                tree = graph.tree(guide, lang)
                console.print(tree_view(tree, ascii_only=console.options.ascii_only))

            _write(_drawn(draw), lang)


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
        typer.Option(
            "--format",
            case_sensitive=False,
            parser=usage.parse_as(PathsFormat, "format"),
            help="text: one line a path; json.",
        ),
    ] = PathsFormat.text,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            parser=usage.parse_limit,
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
        guide = load_guide(_data_dir(ctx))
        count = count_paths(guide)
        shown_dir = _shown_dir(ctx)
        if paths_format is PathsFormat.json:
            _write(json_escaped(paths_json(iter_paths(guide), count, limit, shown_dir)), "en")
        else:
            _write(visible(paths_text(iter_paths(guide), count, limit, shown_dir)), "en")


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


def _refuse_same_file(lang: Lang, output: Path | None, **others: Path | None) -> None:
    """The result written over the answers (or over the file they come from) loses them."""
    if output is None:
        return
    for name, path in others.items():
        if path is not None and same_file(path, output):
            raise UsageError(words.SAME_FILE(lang, flag=_flag(name), path=path))


def _refuse_guide_files(lang: Lang, guide_dir: Path, **targets: Path | None) -> None:
    """A result or answers written over the guide in use would replace it."""
    for name, path in targets.items():
        for guide_file in (SCENARIOS_FILE, OFFICES_FILE):
            if path is not None and same_file(path, guide_dir / guide_file):
                raise UsageError(
                    words.GUIDE_FILE(lang, flag=_flag(name), path=path, guide_file=guide_file)
                )


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _format(chosen: Format | None, output: Path | None, plain: bool) -> Format:
    """--format, else by the output file's name, else rich on a terminal (but not in
    plain mode, whose reader hears every box drawn)."""
    return formats.choose(chosen, output, terminal=sys.stdout.isatty() and not plain)


def _done(message: str) -> None:
    """Say where a file went, to a person watching; scripts need no chatter."""
    if sys.stderr.isatty():
        _say(visible(f"ssc-wizard: {message}"))


def _review(results: Results, reached: Reached, given: Given, ask: Asker, plain: bool) -> Reached:
    from ssc_wizard import prompts

    lang = results.lang

    def decide(reached: Reached) -> str | None:
        result = results.of(reached)
        shown = visible_in(result)
        action = prompts.QUIT
        while True:
            recap = _recap(shown, results.fmt)
            _write(recap, lang)
            choice = prompts.review(shown.answers, sys.stdout, lang, default=action, plain=plain)
            if choice != prompts.SHOW_RESULT:
                return choice
            action = choice  # the pointer stays where the person left it
            _show_again(result, results.fmt, plain, below=recap.count("\n"))

    def show(reached: Reached) -> None:
        sys.stdout.write("\n")
        _show(results.of(reached), results.fmt, None, answers=False)

    return review(results.guide, reached, given.answers, ask, decide, show)


def _recap(result: Result, fmt: Format) -> str:
    """What the menu after a result stands under: the answers and the result's title."""
    from ssc_wizard import render

    if fmt is Format.rich:
        return _drawn(lambda console: render.print_recap(result, console))  # a heading first
    return "\n" + render.recap_text(result, terminal.columns())


#: The menu after a result, on the screen: its question, the hint, four choices.
_MENU_LINES = 6


def _show_again(result: Result, fmt: Format, plain: bool, *, below: int) -> None:
    """The whole result, from its first line: paged when it and the ``below``
    lines and the menu under it would not fit on the screen together."""
    text = "\n" + _rendered(result, fmt, answers=False)
    fits = text.count("\n") + below + _MENU_LINES <= terminal.size().lines
    if not (plain or fits):
        from ssc_wizard import pager

        if pager.page(text.lstrip("\n"), sys.stdout.encoding):
            return
    _write(text, result.lang)


def _console() -> Console:
    from rich.console import Console

    if terminal.is_dumb():  # rich would take it to be 80 columns wide: ask the terminal
        size = terminal.size()
        return Console(width=size.columns, height=size.lines)
    console = Console()
    # rich's own reading (COLUMNS, else whichever standard stream is a terminal),
    # but never 0 (COLUMNS=0, which rich takes at its word) nor absurdly wide.
    console.width = terminal.fit(console.width or terminal.columns())
    return console


def _drawn(draw: Callable[[Console], None]) -> str:
    """What rich draws for this terminal, as text to check before any of it is written."""
    console = _console()
    with console.capture() as captured:
        draw(console)
    return captured.get()


def _write(text: str, lang: Lang) -> None:
    """All of ``text`` on stdout, or none of it when stdout cannot encode some of it."""
    bad = terminal.unencodable(text, sys.stdout)
    if bad is not None:
        encoding = getattr(sys.stdout, "encoding", "?")
        # Named by its code point: the character itself cannot be shown either.
        character = f"U+{ord(bad):04X}"
        raise WizardError(words.CANNOT_ENCODE(lang, encoding=encoding, character=character))
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a test's StringIO
        sys.stdout.write(text)
        return
    # Python's buffered writer can stop short at a pipe whose reader has gone
    # (``| head -1``) without a word; writing the rest raises BrokenPipeError.
    sys.stdout.flush()
    rest = memoryview(text.encode(sys.stdout.encoding))
    while rest:
        rest = rest[binary.write(rest) :]
    binary.flush()


def _show(
    item: Result | OfficeList, fmt: Format, output: Path | None, *, answers: bool = True
) -> None:
    """A result or the office list: on stdout, or written whole to ``output``."""
    lang = item.lang
    if output is not None:
        write_atomically(output, formats.as_text(item, fmt, answers=answers))
        done = words.RESULT_WRITTEN if isinstance(item, Result) else words.OFFICES_WRITTEN
        _done(done(lang, path=output))
    else:
        _write(_rendered(item, fmt, answers=answers), lang)


def _text_width() -> int | None:
    """The width to wrap plain text at on stdout: the terminal's; none for a pipe or a file."""
    return terminal.columns() if sys.stdout.isatty() else None


def _rendered(item: Result | OfficeList, fmt: Format, *, answers: bool) -> str:
    """A result or the office list as stdout shows it."""
    if fmt is Format.rich:
        return _drawn(lambda console: formats.print_rich(item, console, answers=answers))
    text = formats.as_text(item, fmt, answers=answers, width=_text_width())
    if fmt is Format.json and terminal.unencodable(text, sys.stdout) is not None:
        text = formats.as_json(item, ascii_only=True)  # lossless in any encoding
    return text


def _help_language(argv: list[str]) -> Lang:
    """The language of --help, which click writes before --lang is read."""
    typed = next((arg.partition("=")[2] for arg in argv if arg.startswith("--lang=")), None)
    if typed is None and "--lang" in argv[:-1]:
        typed = argv[argv.index("--lang") + 1]
    typed = (typed or os.environ.get("SSC_WIZARD_LANG", "")).lower()
    return _language(Language(typed) if typed in Language.__members__ else None, None, quiet=True)


def main() -> None:
    """Console-script entry point."""
    _open_closed_streams()
    _stop_on_signals()
    command = typer.main.get_command(app)
    completion.register_shells()  # after typer has registered its own shells
    argv = sys.argv[1:]
    if {"-h", "--help"} & set(argv) and _help_language(argv) == "zh":
        from ssc_wizard import helptext

        helptext.in_chinese(command)
    try:
        try:
            _standalone(command)
        finally:
            _flush_stdout()  # here rather than at exit, where a failure cannot be handled
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
        _say(shown.getvalue().rstrip("\n"))
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    # An Exit's code, or None once a command has returned.
    sys.exit(code if isinstance(code, int) else 0)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        if terminal.hung_up(exc):
            raise Stopped(signal.SIGHUP) from None
        raise


def _stop_on_signals() -> None:
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


def _open_closed_streams() -> None:
    """A standard stream the caller closed (``<&-``, ``>&-``) is /dev/null instead.

    Python leaves it as None, which nothing expects. Reopened in order, each gets
    its own descriptor back: stdin is not a terminal, so nothing is asked, and
    what is written to a closed stdout is dropped, as Python's print would do.
    """
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 - open to the end
