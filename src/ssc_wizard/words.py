"""The tool's own words, written here in English and translated in the catalogs.

Everything a person reads that does not come from the guide: headings, menus,
hints and the wizard's error messages. Messages about a guide's data files
(``check`` and the loader) are for the guide's maintainers and stay in
English, like the YAML keys they name.

Each entry is the English of a ``str.format`` template: the msgid of its
entry in each language's catalog (``locale/<code>/LC_MESSAGES/ssc_wizard.po``),
which ``pybabel extract`` finds here, with the ``# TRANSLATORS:`` comment
right above it. A language whose catalog lacks an entry shows its
English. ``tests/test_lang.py`` checks that each translation takes no value
the English lacks, and that the English is plain ASCII, so that it shows on
any terminal.
"""

from __future__ import annotations

from typing import Any

from ssc_wizard.lang import LANGS, Lang, name_in, translate, translate_plural

# Plain classes rather than dataclasses: every start-up builds this module, and
# a dataclass costs a millisecond to make.


class Tr:
    """One thing the tool says: its English, and a context where the same English
    needs another translation ("Back" to the question before, "Back" to the menu)."""

    __slots__ = ("context", "msgid")

    def __init__(self, msgid: str, context: str | None = None) -> None:
        self.msgid = msgid
        self.context = context

    def __repr__(self) -> str:
        return f"Tr({self.msgid!r}, context={self.context!r})"

    def text(self, lang: Lang) -> str:
        """The template in ``lang``."""
        return translate(lang, self.msgid, self.context)

    def __call__(self, lang: Lang, /, **values: object) -> str:
        return _filled(self.text(lang), self.msgid, values)


class Plural:
    """Something said of a number of things, in each of a language's plural forms."""

    __slots__ = ("plural", "singular")

    def __init__(self, singular: str, plural: str) -> None:
        self.singular = singular
        self.plural = plural

    def __repr__(self) -> str:
        return f"Plural({self.singular!r}, {self.plural!r})"

    def text(self, lang: Lang, count: int) -> str:
        """The template in ``lang`` for ``count`` things."""
        return translate_plural(lang, self.singular, self.plural, count)

    def __call__(self, lang: Lang, /, count: int, **values: object) -> str:
        english = self.singular if count == 1 else self.plural
        return _filled(self.text(lang, count), english, {"count": count, **values})


def _filled(template: str, english: str, values: dict[str, Any]) -> str:
    """``template`` with its values; the English where a translation names a value
    the English does not give (a slip in a translator's catalog must not stop the tool)."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english.format(**values)


# Results (render, markdown) ------------------------------------------------

YOUR_ANSWERS = Tr("Your answers")
WHERE_TO_GO = Tr("Where to go")
STEPS = Tr("Steps")
NOTE = Tr("Note")
BRING = Tr("Bring with you")
LEGAL_BASIS = Tr("Legal basis")
# TRANSLATORS: A heading in plain text.
HEADING = Tr("{title}:")
# TRANSLATORS: A label and its value, as a line of text.
LABELLED = Tr("{label}: {value}")
SOURCE = Tr("Source")
ADDRESS = Tr("Address")
HOURS = Tr("Hours")
PHONE = Tr("Phone")
AGAIN = Tr("To get this result again without questions")
YOUR_DISTRICTS_ONE = Tr("the one for your district")
# TRANSLATORS: An office kind with one in each district, where the result does not pick one.
IN_EACH_DISTRICT = Tr("one in each district")
# TRANSLATORS: An office kind in a list, with which one of it to go to.
OFFICE_AT = Tr("{name}, {place}")
# TRANSLATORS: A law and its article, before what it says.
LAW_ARTICLE = Tr("{law}, {article}")
# TRANSLATORS: A law's name, when its text is shown in a language it is not enacted in.
TRANSLATED = Tr("{name} (translation)")
WHY_IT_MATTERS = Tr("What this means for you")
OFFICE = Tr("Office")
ROLE = Tr("What it does")
# TRANSLATORS: An office's role in one outcome, in the list of every office
# (not a colon: titles may hold one).
ROLE_IN = Tr("{outcome} - {role}")
NO_OFFICES = Tr("No office is named for this situation.")
NO_MATERIALS = Tr("Nothing to bring is named for this situation.")
OFFICES_OF = Tr("Offices: {title}")
FOR_DISTRICT = Tr("For {district}.")
# TRANSLATORS: A heading: the facts of a result that have a source of their own.
SOURCES = Tr("Sources")
# TRANSLATORS: Under "Sources": what the outcome's own source is about.
THIS_PROCEDURE = Tr("This procedure")
# TRANSLATORS: Under "Sources": which step of the result a source is about.
STEP_NUMBER = Tr("Step {number}")
# TRANSLATORS: Under "Sources": which thing to bring a source is about.
MATERIAL_ITEM = Tr("To bring: {item}")
# TRANSLATORS: Under "Sources": a fact, then its source (not a colon: names may hold one).
CITED = Tr("{about} - {source}")
# TRANSLATORS: A source's title, then its web address.
TITLE_AND_URL = Tr("{title}, {url}")
# TRANSLATORS: The day a fact was last checked against its source, as YYYY-MM-DD.
CHECKED = Tr("checked {date}")
# TRANSLATORS: A source, then the day a fact was last checked against it ("checked ...").
WITH_CHECKED = Tr("{source} ({checked})")
# TRANSLATORS: The source of a fact checked on a day of its own against the guide's source.
GUIDES_SOURCE = Tr("the guide's source")

# Prompts --------------------------------------------------------------------

# TRANSLATORS: Back to the question before.
BACK = Tr("Back")
# TRANSLATORS: Back from the list of answers to change, to the menu after the result.
BACK_TO_MENU = Tr("Back", context="back to the menu")
ARROW_KEYS = Tr("Use the arrow keys, then Enter.")
# TRANSLATORS: Where the choices are numbered, before each question of the guide.
QUESTION_NUMBER = Tr("Question {number}")
# TRANSLATORS: Just above the menu after a result, which keeps its title in view.
YOUR_RESULT = Tr("Your result: {title}")
WHAT_NOW = Tr("What would you like to do now?")
SHOW_RESULT = Tr("Show the result from the top")
CHANGE = Tr("Change an answer")
START_AGAIN = Tr("Start again")
QUIT = Tr("Quit")
WHICH_ANSWER = Tr("Which answer do you want to change?")
ANSWER_IN_MENU = Tr("{question} - {choice}")
NUMBERED_WHY = Tr("This terminal cannot draw menus (TERM is dumb), so the choices are numbered.")
PLAIN_WHY = Tr("Plain mode: each choice has a number; type the number, then Enter.")
NUMBERED_FLAGS = Tr(
    "To answer without questions, give the answers as flags: --answer QUESTION=CHOICE "
    "(see ssc-wizard --help)."
)
NUMBER_RANGE = Tr("1-{last}")
NUMBER_DEFAULT = Tr("{range}, Enter for {default}")
YOUR_CHOICE = Tr("Your choice ({hint}): ")
NOT_A_NUMBER = Tr("{typed!r} is not one of the numbers.")
TYPE_A_NUMBER = Tr("Type one of the numbers, then Enter.")
# TRANSLATORS: Where Enter took the pre-selected choice, which the screen does not show.
CHOSEN = Tr("Chosen: {choice}")

# The command line --------------------------------------------------------------

INTERRUPTED = Tr("interrupted")
NO_TERMINAL = Tr("stdin is not a terminal, and answers are never read from a pipe")
NO_SCREEN = Tr("neither stdout nor stderr is a terminal to show the question on")
NO_INPUT = Tr("--no-input was given")
# TRANSLATORS: The web API's answer when a question is not answered in its query string.
MISSING_IN_QUERY = Tr(
    "question {question_id!r} ({question}) has no answer. "
    "Add {question_id}=CHOICE to the query string, where CHOICE is one of: {choices}"
)
MISSING_ANSWER = Tr(
    "question {question_id!r} ({question}) has no answer, and {reason}. "
    "Answer it with --answer {question_id}=CHOICE, where CHOICE is one of: {choices}"
)
NO_SUCH_QUESTION = Tr("there is no question {question_id!r}; the questions are: {questions}")
# TRANSLATORS: {near}: the ids closest to what was typed, as "'a' or 'b'".
NO_SUCH_QUESTION_NEAR = Tr(
    "there is no question {question_id!r}; did you mean {near}? The questions are: {questions}"
)
NO_SUCH_CHOICE = Tr(
    "{choice_id!r} is not a choice of {question_id!r} ({question}); choose one of: {choices}"
)
NO_SUCH_CHOICE_NEAR = Tr(
    "{choice_id!r} is not a choice of {question_id!r} ({question}); did you mean {near}? "
    "Choose one of: {choices}"
)
# TRANSLATORS: A choice id the guide once offered; {why} is the guide's own text.
RETIRED_CHOICE = Tr(
    "{choice_id!r} is no longer a choice of {question_id!r}: {why} Choose one of: {choices}"
)
NOT_AN_ANSWER = Tr("--answer {item!r} is not QUESTION=CHOICE; write it like --answer {example}")
ANSWERED_TWICE = Tr(
    "question {question_id!r} is answered twice, with {first!r} and {second!r}; keep one"
)
# TRANSLATORS: {given}: the answers (as typed) to the questions that are not asked.
OFF_PATH = Plural(
    "{given}: this question is not asked on the path of the other answers ({path}); remove it",
    "{given}: these questions are not asked on the path of the other answers ({path}); remove them",
)
NO_SUCH_DISTRICT = Tr("there is no district {district_id!r}; the districts are: {districts}")
NO_SUCH_DISTRICT_NEAR = Tr(
    "there is no district {district_id!r}; did you mean {near}? The districts are: {districts}"
)
NO_DISTRICTS = Tr("there is no district {district_id!r}; this guide has no districts")
SAME_FILE = Tr("--output and {flag} name the same file, {path}; give two names")
GUIDE_FILE = Tr(
    "{flag} names {path}, the guide's own {guide_file}; writing there would replace the "
    "guide: give another name"
)
ANSWERS_SAVED = Tr("answers saved to {path}")
RESULT_WRITTEN = Tr("result written to {path}")
OFFICES_WRITTEN = Tr("office list written to {path}")
#: Said in English, since it means the other language cannot be shown.
CANNOT_SHOW = (
    "the output's encoding ({encoding}) cannot show {language}, so English is used. "
    "For {language}, use a UTF-8 terminal (or set PYTHONIOENCODING=utf-8)."
)
CANNOT_ENCODE = Tr(
    "the output's encoding ({encoding}) cannot show the character {character}, "
    "so nothing was printed. "
    "Use a UTF-8 terminal (or set PYTHONIOENCODING=utf-8), use --format json, "
    "or write the result to a file with --output."
)
INTERNAL_ERROR = Tr(
    "internal error ({error}). This is a bug: please report it with the command you ran. "
    "SSC_WIZARD_DEBUG=1 shows the details."
)
# TRANSLATORS: {options}: the options given before a command's name, as many as the count.
REFUSED_BEFORE = Plural(
    "{options} before {command!r} is for the questions; give {command!r} its options "
    "after its name (see ssc-wizard {command} --help)",
    "{options} before {command!r} are for the questions; give {command!r} its options "
    "after its name (see ssc-wizard {command} --help)",
)

# TRANSLATORS: An id of the guide offered as a near miss ("did you mean 'lixia'?"),
# quoted as the language quotes a word typed; Chinese leaves the quotes out.
QUOTED_ID = Tr("'{id}'")
# TRANSLATORS: Near misses, offered after a refusal: "'a' or 'b'".
EITHER = Tr("{some} or {last}")
LIST_SEPARATOR = Tr(", ")
# TRANSLATORS: A value of --format that is not one (click's words come before it).
NO_SUCH_FORMAT = Tr("{typed!r} is not a format; the formats are: {formats}")
NO_SUCH_FORMAT_NEAR = Tr(
    "{typed!r} is not a format; did you mean {near}? The formats are: {formats}"
)
NO_SUCH_LANGUAGE = Tr("{typed!r} is not a language of ssc-wizard; the languages are: {languages}")
NO_SUCH_LANGUAGE_NEAR = Tr(
    "{typed!r} is not a language of ssc-wizard; did you mean {near}? The languages are: {languages}"
)
# TRANSLATORS: One language in the list of languages: its code and its name.
LANGUAGE_ITEM = Tr("{code} ({name})")
NOT_A_LIMIT = Tr("{typed!r} is not a number of paths: give a whole number, 0 or more")
# TRANSLATORS: check --as-of: the day is to be written as digits, year first.
NOT_A_DAY = Tr("{typed!r} is not a day: write it as YYYY-MM-DD, such as 2026-03-01")
# TRANSLATORS: After click's "No such command 'lost'.", when the word is an answer: a choice
# of the first question, or QUESTION=CHOICE typed without --answer.
ANSWER_INSTEAD = Tr('To answer "{question}" with "{choice}", run: {command}')


def LANGUAGES(lang: Lang, /) -> str:  # named as the entries are, and called as they are
    """The languages the tool speaks, each with its code and its name in ``lang``."""
    listed = []
    for code in LANGS:
        name = name_in(code, lang)
        listed.append(code if name == code else LANGUAGE_ITEM(lang, code=code, name=name))
    return LIST_SEPARATOR(lang).join(listed)


# serve -----------------------------------------------------------------------

# TRANSLATORS: {url}: where the web pages are served; the line stays until the server stops.
SERVING = Tr("Serving {title} at {url} - press Ctrl+C to stop.")
NEEDS_WEB = Tr(
    "serve needs the web extra, which is not installed (missing: {missing}). "
    "Install it with: pip install 'ssc-wizard[web]' (from a checkout: pip install '.[web]')"
)
PORT_IN_USE = Tr("port {port} on {host} is in use; choose another with --port, such as --port 8080")
CANNOT_LISTEN = Tr("cannot listen on {host} port {port}: {error}; choose another --host or --port")
NO_SUCH_HOST = Tr(
    "cannot listen on {host!r}: {error}; give an address of this machine, such as 127.0.0.1"
)


# diff ------------------------------------------------------------------------

# TRANSLATORS: {number}: a number of paths through a guide, or "about 2.4 x 10^24".
PATHS_COUNTED = Plural("{number} path", "{number} paths")
# TRANSLATORS: Paths of two versions of a guide whose results differ.
PATHS_DIFFER = Plural("{number} path differs", "{number} paths differ")
# TRANSLATORS: Paths of the new version of a guide only.
PATHS_APPEAR = Plural("{number} path appears", "{number} paths appear")
# TRANSLATORS: Paths of the old version of a guide only.
PATHS_DISAPPEAR = Plural("{number} path disappears", "{number} paths disappear")
# TRANSLATORS: diff's first line: "2 paths differ, 1 path appears, 0 paths disappear
# (of 33 paths before, 34 paths after)."
DIFF_TOTALS = Tr("{differ}, {appear}, {disappear} (of {before} before, {after} after).")
# TRANSLATORS: {what}: "5000 paths appear" and the like.
NOT_LISTED = Tr("{what}, more than --limit {limit}: not listed.")
NOT_LISTED_YET = Tr(
    "{what}, more than --limit {limit}: not listed. Give --limit {count} to list them."
)
# TRANSLATORS: A number too long to read, as a power of ten: "about 2.4 x 10^24".
ABOUT = Tr("about {mantissa} x 10^{exponent}")


def everything(lang: Lang) -> str:
    """All of the tool's words in ``lang``: to test whether an output can show them."""
    found = [LANGUAGES(lang)]
    for entry in globals().values():
        if isinstance(entry, Tr):
            found.append(entry.text(lang))
        elif isinstance(entry, Plural):
            found += [entry.text(lang, count) for count in (1, 2, 5)]
    return "".join(found)
