"""The words of the web pages, written in English and translated in the catalogs.

The same catalogs as the terminal's (``ssc_wizard.words`` says how): a page
speaks every language the terminal speaks. The results' own headings ("Where
to go", "Steps") are the terminal's, from ``ssc_wizard.words``.
"""

from __future__ import annotations

from ssc_wizard.words import Tr

# Every page ------------------------------------------------------------------

SKIP_TO_MAIN = Tr("Skip to main content")
# TRANSLATORS: The label of the links to the same page in each language.
LANGUAGE = Tr("Language")
# TRANSLATORS: Before a page's title, in the browser's title bar, when the page shows an error.
ERROR_PREFIX = Tr("Error: {title}")
# TRANSLATORS: A page's title in the browser's title bar: the page, then the guide.
PAGE_TITLE = Tr("{page} - {guide}")
BACK = Tr("Back", context="web")
START_AGAIN = Tr("Start again")
CONTINUE = Tr("Continue")

# The start page ----------------------------------------------------------------

START_LEAD = Tr(
    "Answer a few questions about your card to find out where to go, what to do and what to bring."
)
START_NOW = Tr("Start now")
START_TERMINAL = Tr("The same guide in a terminal")

# A question ----------------------------------------------------------------------

THERE_IS_A_PROBLEM = Tr("There is a problem")
CHOOSE_AN_ANSWER = Tr("Select an answer")

# Check your answers -----------------------------------------------------------------

CHECK_ANSWERS = Tr("Check your answers")
CHECK_LEAD = Tr("Check your answers before you see what to do.")
CHANGE = Tr("Change")
# TRANSLATORS: After "Change", for screen readers: which answer the link changes.
CHANGE_WHICH = Tr("your answer to: {question}")
SEE_RESULT = Tr("See what to do")

# The result --------------------------------------------------------------------------

YOUR_RESULT = Tr("Your result")
CHANGE_ANSWERS = Tr("Change your answers")
TERMINAL_COMMAND = Tr("The same result in a terminal")
# TRANSLATORS: Above the checklist of what to bring.
CHECKLIST = Tr("Tick each item as you put it in your bag.")

# Problems ------------------------------------------------------------------------------

PROBLEM_TITLE = Tr("There is a problem with this address")
PROBLEM_LEAD = Tr("The answers in this page's address cannot be used:")
PROBLEM_NEXT = Tr("Start again, or go back and choose from the answers offered.")
NOT_FOUND_TITLE = Tr("Page not found")
NOT_FOUND_LEAD = Tr("If you typed the web address, check it is correct.")
TOO_LONG = Tr("The address is too long: it holds more than any answers could. Start again.")
NOT_A_LANGUAGE = Tr("{lang!r} is not a language of this guide; the languages are: {langs}")
NOT_A_PARAMETER = Tr("{key!r} is not a parameter of this address; it takes: {known}")
BROKEN = Tr("Sorry, something went wrong on our side. Try again later.")
METHOD_NOT_ALLOWED = Tr("This page can only be read, not sent to.")
