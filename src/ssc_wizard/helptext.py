"""``--help`` in the language of the run, when that is not English.

click (inside typer) writes help in English and wraps it by counting
characters, so Chinese, two terminal cells a character, would run past the
edge of the screen. In another language the help goes through
``TranslatedHelp``: it translates each text with the language's catalog and
wraps by terminal cells. The help texts are msgids as ``cli`` declares them;
``extract`` is how ``pybabel extract`` finds them there, since no gettext
call marks them. ``tests/test_helptext.py`` checks that every text of the
help has its translation.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import IO, Any

import typer
from typer._click.formatting import HelpFormatter  # the class typer's contexts use

from ssc_wizard import linebreak, words
from ssc_wizard.lang import N_, Lang
from ssc_wizard.lang import translate as translate_text

#: Help written as it is to be shown, line by line (click's mark).
KEPT = "\b\n"

#: click's and typer's own words in the help.
LIBRARY_TEXTS = (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
#: The headings of the help's sections, as click writes them.
HEADINGS = (
    # TRANSLATORS: A heading of --help, before the list of options.
    N_("Options"),
    # TRANSLATORS: A heading of --help, before the list of commands.
    N_("Commands"),
    # TRANSLATORS: A heading of --help, before the list of arguments.
    N_("Arguments"),
)
# TRANSLATORS: What --help writes before the command line, space included.
USAGE = N_("Usage: ")
#: What click adds to an option's help, in brackets (``[env var: X; default: Y]``).
EXTRAS = (
    # TRANSLATORS: In --help, before an environment variable's name, space included.
    N_("env var: "),
    # TRANSLATORS: In --help, before an option's default value, space included.
    N_("default: "),
    # TRANSLATORS: In --help, after an option that must be given.
    N_("required"),
)
_EXTRA = re.compile(r"\s*(\[(?:env var: |default: |required).*\])$")


def msgid(text: str) -> str:
    """A help text as its catalog entry has it: as click shows it (``inspect.cleandoc``),
    without the mark that keeps its lines."""
    return inspect.cleandoc(text).removeprefix(KEPT)


def translate(text: str, lang: Lang) -> str:
    """One of the help's texts in ``lang``; the text itself when the catalog lacks it."""
    key = msgid(text)
    found = translate_text(lang, key)
    if found == key:
        return text
    return KEPT + found if text.startswith(KEPT) else found


def _option_help(text: str, lang: Lang) -> str:
    """An option's help, with click's bracketed extras after it translated too."""
    match = _EXTRA.search(text)
    if match is None:
        return translate(text, lang)
    extra = match.group(1)
    for english in EXTRAS:
        extra = extra.replace(english, translate_text(lang, english))
    return translate(text[: match.start()], lang) + "  " + extra


class TranslatedHelp(HelpFormatter):
    """click's help formatter, translating each text and wrapping by terminal cells."""

    lang: Lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        said = translate_text(self.lang, USAGE) if prefix is None else prefix
        super().write_usage(prog, args, prefix=said)

    def write_heading(self, heading: str) -> None:
        title = translate_text(self.lang, heading)
        self.write(f"{'':>{self.current_indent}}{words.HEADING(self.lang, title=title)}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        lines = _paragraphs(translate(text, self.lang), self.width - self.current_indent)
        self.write("\n".join(indent + line if line else "" for line in lines) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max(linebreak.cells(first) for first, _ in rows), col_max) + col_spacing
        room = max(self.width - first_col - 2, 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if linebreak.cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - linebreak.cells(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _paragraphs(_option_help(second, self.lang), room)
            hanging = "\n" + " " * (first_col + self.current_indent)
            self.write(hanging.join(lines) + "\n")


def _paragraphs(text: str, width: int) -> list[str]:
    """Paragraphs wrapped to ``width`` cells; one starting with ``\\b`` is kept as written."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        if paragraph.startswith(KEPT):
            lines += paragraph[2:].rstrip("\n").split("\n")
        else:
            lines += linebreak.wrap(" ".join(paragraph.split()), max(width, 10))
    return lines


def in_language(command: object, lang: Lang) -> None:
    """Make ``command`` and every command under it write their help in ``lang``."""
    formatter = type("Help", (TranslatedHelp,), {"lang": lang})
    context = type("Context", (typer.Context,), {"formatter_class": formatter})
    _use(command, context)


def _use(command: object, context: type[typer.Context]) -> None:
    command.context_class = context  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        _use(sub, context)


# Finding the help texts, for the catalogs -------------------------------------------

#: The keywords of typer's declarations whose value is shown as help.
HELP_KEYWORDS = ("help", "short_help", "epilog")
#: The decorators of a command, whose docstring is its help unless it is given one.
COMMAND_DECORATORS = ("command", "callback")


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[Any, ...]]:
    """A Babel extraction method: Babel's own for Python, and the help texts
    typer reads from declarations, which no gettext call marks. Each is
    ``(line, function or None, message(s), comments)``."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    fileobj.seek(0)
    for lineno, text in help_texts(ast.parse(fileobj.read())):
        kept = ["Kept line by line as written (not rewrapped)."] if text.startswith(KEPT) else []
        yield lineno, None, msgid(text), kept


def help_texts(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Each help text a module declares, with its line: a ``help=``, ``short_help=`` or
    ``epilog=`` given as text (or as a module's name for one), and the docstring of a
    command declared without ``help=``."""
    named = {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                text = _text(keyword.value, named)
                if keyword.arg in HELP_KEYWORDS and text:
                    yield keyword.value.lineno, text
        elif isinstance(node, ast.FunctionDef) and any(
            _declares_command(decorator) for decorator in node.decorator_list
        ):
            docstring = ast.get_docstring(node)
            if docstring:
                yield node.body[0].lineno, docstring


def _text(value: ast.expr, named: Mapping[str, str]) -> str | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    if isinstance(value, ast.Name):
        return named.get(value.id)
    return None


def _declares_command(decorator: ast.expr) -> bool:
    """``@app.command(...)`` or ``@app.callback(...)`` without a ``help=`` of its own."""
    return (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Attribute)
        and decorator.func.attr in COMMAND_DECORATORS
        and all(keyword.arg != "help" for keyword in decorator.keywords)
    )
