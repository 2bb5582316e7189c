"""The wizard: the answers given ahead, a session asking the rest at the
terminal, the result, and the menu after it to change an answer or start again."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple, NoReturn, TextIO

from ssc_wizard import screen, words
from ssc_wizard.answers import answers_yaml, combine, load_answers_file, parse_flags
from ssc_wizard.commands import open_guide
from ssc_wizard.engine import Pending, Reached, missing_answer
from ssc_wizard.errors import NoAsking, UsageError
from ssc_wizard.formats import Format
from ssc_wizard.lang import Lang
from ssc_wizard.loader import OFFICES_FILE, SCENARIOS_FILE, default_data_dir
from ssc_wizard.model import Guide
from ssc_wizard.output import check_writable, same_file, write_atomically
from ssc_wizard.result import Result, build_result, replay_argv
from ssc_wizard.session import Asker, resolve, review


# NamedTuples rather than dataclasses: as light, and cheaper to define at start-up.
class Request(NamedTuple):
    """What the command line asked for."""

    answers: list[str]
    answers_file: Path | None
    save_answers: Path | None
    no_input: bool
    format: Format | None
    output: Path | None
    data_dir: Path | None
    #: --lang, typed or from SSC_WIZARD_LANG.
    lang: str | None
    #: Whether --lang was typed (the commands printed back to the person repeat it).
    lang_typed: bool
    plain: bool


def run(request: Request, speak: Callable[[Lang], None]) -> None:
    """Ask, show the result, offer the menu after it, save the answers.

    ``speak`` is told the run's language once the guide is read, so that errors
    from then on are said in it.
    """
    guide_dir = request.data_dir or default_data_dir()
    guide, lang = open_guide(guide_dir, request.lang, speak)
    given = parse_flags(request.answers, guide)
    if request.answers_file is not None:
        given = combine(given, load_answers_file(request.answers_file, guide))
    output, save_answers = request.output, request.save_answers
    _refuse_same_file(lang, output, save_answers=save_answers, answers_file=request.answers_file)
    refuse_guide_files(lang, guide_dir, output=output, save_answers=save_answers)
    for path in (output, save_answers):
        if path is not None:
            check_writable(path)  # before anyone spends time answering
    stream = NoAsking.no_input if request.no_input else _prompt_stream()
    ask = _refuse(stream) if isinstance(stream, NoAsking) else _asker(stream, lang, request.plain)
    reached = resolve(guide, given, ask)
    folder = str(request.data_dir) if request.data_dir is not None else None
    fmt = screen.choose_format(request.format, output, request.plain)
    results = Results(guide, lang, folder, lang if request.lang_typed else None, fmt)
    # "Your answers" and the menu to change them: only for a person who was
    # asked something and is reading the result on the screen.
    asked = bool(reached.answers.keys() - given.answers.keys())
    reviewing = asked and output is None and stream is sys.stdout
    if reviewing:
        sys.stdout.write("\n")  # between the last answer and the result
    screen.show(results.of(reached), fmt, output, answers=not reviewing)
    if reviewing:
        reached = _review(results, reached, given.answers, ask, request.plain)
    if save_answers is not None:
        argv = replay_argv(reached.answers, folder, results.typed_lang)
        saved = answers_yaml(reached.answers, reached.outcome_id, argv)
        write_atomically(save_answers, saved)
        screen.done(words.ANSWERS_SAVED(lang, path=save_answers))


class Results(NamedTuple):
    """How this run turns a walk's end into a result: the guide, language and flags."""

    guide: Guide
    lang: Lang
    folder: str | None
    #: The language typed as --lang, for the replay command.
    typed_lang: Lang | None
    fmt: Format

    def of(self, reached: Reached) -> Result:
        return build_result(
            self.guide, reached, self.folder, lang=self.lang, chosen_lang=self.typed_lang
        )


def _prompt_stream() -> TextIO | NoAsking:
    """The terminal to draw prompts on, or why there is none.

    Answers are read from stdin only when it is a terminal, never from a pipe.
    Prompts go to stdout, or to stderr when stdout is redirected (so that
    ``ssc-wizard --format json > result.json`` still asks on the screen).
    """
    if not sys.stdin.isatty():
        return NoAsking.no_terminal
    for stream in (sys.stdout, sys.stderr):
        if stream.isatty():
            return stream
    return NoAsking.no_screen


def _refuse(reason: NoAsking) -> Asker:
    def ask(pending: Pending) -> NoReturn:
        raise missing_answer(pending, reason)

    return ask


def _asker(stream: TextIO, lang: Lang, plain: bool) -> Asker:
    def ask(pending: Pending) -> str:
        from ssc_wizard import prompts  # loads questionary: only when a question is asked

        return prompts.ask(pending, stream, lang, plain=plain)

    return ask


def _review(
    results: Results, reached: Reached, given: Mapping[str, str], ask: Asker, plain: bool
) -> Reached:
    from ssc_wizard import prompts
    from ssc_wizard.controls import visible_in

    lang = results.lang

    def decide(reached: Reached) -> str | None:
        result = results.of(reached)
        shown = visible_in(result)
        action = prompts.QUIT
        while True:
            recap = screen.recap(shown, results.fmt)
            screen.write(recap, lang)
            choice = prompts.review(shown.answers, sys.stdout, lang, default=action, plain=plain)
            if choice != prompts.SHOW_RESULT:
                return choice
            action = choice  # the pointer stays where the person left it
            screen.show_again(result, results.fmt, plain, below=recap.count("\n"))

    def show(reached: Reached) -> None:
        sys.stdout.write("\n")
        screen.show(results.of(reached), results.fmt, None, answers=False)

    return review(results.guide, reached, given, ask, decide, show)


def _refuse_same_file(lang: Lang, output: Path | None, **others: Path | None) -> None:
    """The result written over the answers (or over the file they come from) loses them."""
    if output is None:
        return
    for name, path in others.items():
        if path is not None and same_file(path, output):
            raise UsageError(words.SAME_FILE(lang, flag=_flag(name), path=path))


def refuse_guide_files(lang: Lang, guide_dir: Path, **targets: Path | None) -> None:
    """A result or answers written over the guide in use would replace it."""
    for name, path in targets.items():
        for guide_file in (SCENARIOS_FILE, OFFICES_FILE):
            if path is not None and same_file(path, guide_dir / guide_file):
                raise UsageError(
                    words.GUIDE_FILE(lang, flag=_flag(name), path=path, guide_file=guide_file)
                )


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")
