"""Asking at the terminal: the only module that imports questionary.

The CLI imports this module only when a question really has to be asked, and
questionary itself is loaded only when an arrow-key menu is drawn, so a scripted
run never pays for prompt_toolkit.

Two ways to ask, with the same answers:
- an arrow-key menu (questionary), with every line word-wrapped to the
  terminal's width so that nothing is cut off or split mid-word;
- numbered lines, for plain mode (screen readers) and for terminals that
  cannot move the cursor (``TERM=dumb``, such as Emacs's shell): plain text
  out, each line written once, a typed number in.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TextIO

from ssc_wizard import linebreak, terminal, words
from ssc_wizard.controls import visible
from ssc_wizard.engine import Pending
from ssc_wizard.errors import Interrupted, Stopped
from ssc_wizard.lang import Lang
from ssc_wizard.session import BACK, START_AGAIN

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.output import Output

    from ssc_wizard.result import Answer

#: The pointer (" » ") is three columns wide; wrapped choice lines align after it.
_POINTER = "»"
#: For a terminal whose encoding has no »: a question mark would take its place.
_ASCII_POINTER = ">"
_CHOICE_INDENT = 3
#: "? " before the question.
_QUESTION_INDENT = 2

Option = tuple[str, str]  # (value, label)


@dataclass(frozen=True)
class Menu:
    """One choice put to the person, whichever way the terminal lets us ask."""

    message: str
    options: Sequence[Option]
    lang: Lang
    help: str | None = None
    default: str | None = None
    #: What Back says, when it is offered: one of ``words``.
    back: words.Tr | None = None
    #: What Esc means here: one of the values, or None to stop as Ctrl-C does.
    escape: str | None = None
    #: Said before the message where choices are numbered: "Question 2".
    number: int | None = None

    @property
    def entries(self) -> list[Option]:
        """The options, then Back when it is offered."""
        return [*self.options, *([(BACK, self.back(self.lang))] if self.back else [])]


def ask(pending: Pending, stream: TextIO, lang: Lang = "en", *, plain: bool = False) -> str:
    """One question of the guide, in ``lang``: a choice id, or BACK."""
    question = pending.question
    return select(
        question.text.get(lang),
        [(cid, choice.label.get(lang)) for cid, choice in pending.choices.items()],
        stream,
        lang,
        help=question.help.get(lang) if question.help else None,
        default=pending.default,
        back=words.BACK if pending.can_go_back else None,
        number=len(pending.answered) + 1,
        plain=plain,
    )


#: The menu after a result: its values besides START_AGAIN.
SHOW_RESULT, CHANGE, QUIT = "<show result>", "<change>", "<quit>"


def review(
    answers: Sequence[Answer],
    stream: TextIO,
    lang: Lang = "en",
    *,
    default: str = QUIT,
    plain: bool = False,
) -> str | None:
    """After a result: SHOW_RESULT, a question id to change, START_AGAIN, or None to quit.

    The pointer starts on ``default``, and on "Change an answer" after the
    person has backed out of the list of answers.
    """
    action = default
    while True:
        action = select(
            words.WHAT_NOW(lang),
            [
                (SHOW_RESULT, words.SHOW_RESULT(lang)),
                (CHANGE, words.CHANGE(lang)),
                (START_AGAIN, words.START_AGAIN(lang)),
                (QUIT, words.QUIT(lang)),
            ],
            stream,
            lang,
            default=action,
            escape=QUIT,
            plain=plain,
        )
        if action != CHANGE:
            return None if action == QUIT else action
        question_id = select(
            words.WHICH_ANSWER(lang),
            [
                (a.question_id, words.ANSWER_IN_MENU(lang, question=a.question, choice=a.choice))
                for a in answers
            ],
            stream,
            lang,
            back=words.BACK_TO_MENU,
            escape=BACK,
            plain=plain,
        )
        if question_id != BACK:
            return question_id


def select(
    message: str,
    options: Sequence[Option],
    stream: TextIO,
    lang: Lang = "en",
    *,
    help: str | None = None,
    default: str | None = None,
    back: words.Tr | None = None,
    escape: str | None = None,
    number: int | None = None,
    plain: bool = False,
) -> str:
    """Pick one option's value; Back (when offered) is always the last option.

    ``plain`` (for screen readers), or a terminal that cannot move the cursor,
    asks with numbered lines instead of a menu that is redrawn at each key.
    Texts come from the guide: any control character in them is shown, not obeyed.
    """
    shown = [(value, visible(label)) for value, label in options]
    help = help and visible(help)
    menu = Menu(visible(message), shown, lang, help, default, back, escape, number)
    try:
        if plain or terminal.is_dumb():
            return _numbered(menu, stream, plain=plain)
        return _arrow_keys(menu, stream)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(words.INTERRUPTED(lang)) from None


def _wrap(text: str, width: int, indent: int) -> str:
    """Word-wrap for a line that starts ``indent`` columns in, continuing at that column.

    Lines break between words and between Chinese characters (``linebreak``),
    counted in terminal cells, so Chinese fits too.
    """
    room = max(width - indent - 1, 10)
    return ("\n" + " " * indent).join(linebreak.wrap(" ".join(text.split()), room))


def _arrow_keys(menu: Menu, stream: TextIO) -> str:
    import questionary
    from prompt_toolkit.output import create_output

    output = create_output(stdout=stream)
    width = output.get_size().columns
    entries = menu.entries
    # Numbered as in the numbered prompts, so that a choice wrapped onto a
    # second line, which continues under its own text, is not taken for two.
    digits = len(str(len(entries)))
    choices: list[questionary.Choice | questionary.Separator] = []
    for number, (value, label) in enumerate(entries, 1):
        marker = f"{number:>{digits}}. "
        title = marker + _wrap(label, width, _CHOICE_INDENT + len(marker))
        if value == BACK:
            choices.append(questionary.Separator())
        choices.append(questionary.Choice(title=title, value=value))
    pointer = _ASCII_POINTER if terminal.unencodable(_POINTER, stream) else _POINTER
    question = questionary.select(
        _wrap(menu.message, width, _QUESTION_INDENT),
        choices=choices,
        pointer=pointer,
        default=menu.default,
        instruction=" ",  # our own hint goes on its own line, below the help
        output=output,
        # questionary would leave "? question answer" with the answer wrapped as
        # it was in the menu; the record is written below, wrapped for its place.
        erase_when_done=True,
    )
    _below_question(question.application, menu, width)
    _own_keys(question.application, menu.escape)
    # An error in the menu (the terminal gone) is raised to us, and the CLI
    # says it once; asyncio would also log it to stderr, with its traceback.
    logging.getLogger("asyncio").disabled = True
    try:
        value = str(question.unsafe_ask())
    except Stopped:
        # A signal can land while the menu is being drawn, with the cursor
        # hidden for the drawing: show it, as the menu would have once drawn.
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
            output.show_cursor()
            output.flush()
        raise
    _record(output, menu.message, dict(menu.entries)[value], pointer, width)
    return value


def _record(output: Output, message: str, answer: str, pointer: str, width: int) -> None:
    """What stays on the screen once a question is answered: it and the answer."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from questionary.constants import DEFAULT_STYLE

    text = FormattedText(
        [
            ("class:qmark", "?"),
            ("class:question", " " + _wrap(message, width, _QUESTION_INDENT)),
            ("", "\n  "),
            ("class:answer", f"{pointer} " + _wrap(answer, width, _QUESTION_INDENT + 2)),
        ]
    )
    print_formatted_text(text, style=DEFAULT_STYLE, output=output)


def _below_question(app: Application[object], menu: Menu, width: int) -> None:
    """Show the help line and how to answer between the question and its choices.

    questionary has no place for this, so a line is added to its layout: the
    question on top, then its choices. It is hidden once answered, which leaves
    "? question  answer" on the screen as a record.
    """
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window

    text: StyleAndTextTuples = []
    if menu.help is not None:
        text.append(("italic", f"  {_wrap(menu.help, width, _QUESTION_INDENT)}\n"))
    hint = _wrap(words.ARROW_KEYS(menu.lang), width, _QUESTION_INDENT)
    text.append(("class:instruction", f"  {hint}"))
    root = app.layout.container
    if not isinstance(root, HSplit):  # pragma: no cover - questionary's layout changed
        return
    below = Window(FormattedTextControl(text), dont_extend_height=True)
    root.children.insert(1, ConditionalContainer(below, filter=~is_done))


def _own_keys(app: Application[object], escape: str | None) -> None:
    """Give every key a meaning the README states, over prompt_toolkit's line editor.

    questionary binds Enter, the arrows, Ctrl-C and Ctrl-Q. Beneath them
    prompt_toolkit's default bindings edit a hidden line that the menu never
    shows: Esc then Enter (Alt+Enter) and Ctrl-O accept that empty line as the
    answer, Esc, Ctrl-X and Ctrl-] wait for a second key and swallow it, and
    pasted text is put in that line, shown after the question.
    Here Esc leaves the menu, Ctrl-D and an outside SIGINT stop like Ctrl-C,
    and the rest of those keys do nothing.
    """
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
    from prompt_toolkit.keys import Keys

    extra = KeyBindings()

    @extra.add("c-d", eager=True)
    def _end_of_input(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @extra.add(Keys.SIGINT, eager=True)  # kill -INT: prompt_toolkit turns it into a key
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    # Eager: Esc acts at once instead of waiting for a key to pair with.
    @extra.add("escape", eager=True)
    def _leave(event: KeyPressEvent) -> None:
        # An Alt chord comes as Esc and its key together: the key goes with the
        # Esc, rather than on to the next prompt, where Enter would choose.
        event.app.key_processor.input_queue.clear()
        if escape is None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")
        else:
            event.app.exit(result=escape)

    @extra.add("c-o", eager=True)
    @extra.add("c-x", eager=True)
    @extra.add("c-]", eager=True)
    @extra.add(Keys.BracketedPaste, eager=True)  # would show beside the question
    def _nothing(event: KeyPressEvent) -> None:
        pass

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])


def _numbered(menu: Menu, stream: TextIO, *, plain: bool = False) -> str:
    """Ask with numbered lines, for a screen reader or a terminal that cannot draw a menu.

    Nothing is redrawn: each line is written once, and a screen reader reads
    it once.
    """
    _explain_numbered(stream, menu.lang, plain)
    width = terminal.columns()
    values = [value for value, _ in menu.entries]
    lines = [""]
    if menu.number is not None:
        lines.append(words.QUESTION_NUMBER(menu.lang, number=menu.number))
    lines.append(_wrap(menu.message, width, 0))
    if menu.help:
        lines.append("  " + _wrap(menu.help, width, 2))
    for number, (_, label) in enumerate(menu.entries, 1):
        marker = f"  {number}. "
        lines.append(marker + _wrap(label, width, len(marker)))
    stream.write("\n".join(lines) + "\n")
    lang = menu.lang
    hint = words.NUMBER_RANGE(lang, last=len(values))
    default = menu.default
    if default is not None:
        hint = words.NUMBER_DEFAULT(lang, range=hint, default=values.index(default) + 1)
    while True:
        stream.write(words.YOUR_CHOICE(lang, hint=hint))
        stream.flush()
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            stream.write("\n")  # the message that follows goes on a line of its own
            raise
        if not line:
            stream.write("\n")
            raise EOFError
        # Esc alone leaves, as in a menu; an arrow key (Esc [ A) gets the message below.
        if line.strip() == "\x1b":
            if menu.escape is None:
                raise KeyboardInterrupt
            return menu.escape
        # NFKC: what an input method types for a digit (full-width, circled) is the digit.
        typed = unicodedata.normalize("NFKC", line).strip()
        if not typed and default is not None:
            # Nothing on the screen says what Enter chose: this line does.
            chosen = words.CHOSEN(lang, choice=dict(menu.entries)[default])
            stream.write(_wrap(chosen, width, 0) + "\n")
            return default
        if typed.isdecimal() and 1 <= int(typed) <= len(values):
            return values[int(typed) - 1]
        problem = (
            words.NOT_A_NUMBER(lang, typed=line.strip()) if typed else words.TYPE_A_NUMBER(lang)
        )
        stream.write(visible(problem) + "\n")


@cache
def _explain_numbered(stream: TextIO, lang: Lang, plain: bool) -> None:
    """Said once: why there is no menu, and how to answer without questions."""
    width = terminal.columns()
    why = words.PLAIN_WHY if plain else words.NUMBERED_WHY
    for sentence in (why(lang), words.NUMBERED_FLAGS(lang)):
        stream.write(_wrap(sentence, width, 0) + "\n")
