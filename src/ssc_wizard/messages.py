"""Refusals in words: the one place where the core's errors, which carry data,
become sentences in the reader's language.

A near miss of a typed id is looked for here too (``suggest`` is loaded only
once something is refused).
"""

from __future__ import annotations

from ssc_wizard import words
from ssc_wizard.errors import (
    AnsweredTwice,
    MissingAnswer,
    NoAsking,
    NoChoiceGiven,
    NotAChoiceId,
    NotAnAnswer,
    NotAnswers,
    OffPath,
    Refusal,
    RetiredChoice,
    UnknownChoice,
    UnknownDistrict,
    UnknownQuestion,
)
from ssc_wizard.lang import Lang

_WHY_NOT_ASKED = {
    NoAsking.no_terminal: words.NO_TERMINAL,
    NoAsking.no_screen: words.NO_SCREEN,
    NoAsking.no_input: words.NO_INPUT,
}


def describe(refusal: Refusal, lang: Lang) -> str:
    """What was refused and what to do, in ``lang``."""
    match refusal:
        case UnknownQuestion(question_id, questions):
            near = _near(question_id, questions, lang)
            said = words.NO_SUCH_QUESTION if near is None else words.NO_SUCH_QUESTION_NEAR
            return said(lang, question_id=question_id, near=near, questions=", ".join(questions))
        case UnknownChoice(question_id, choice_id, question, choices):
            near = _near(choice_id, choices, lang)
            said = words.NO_SUCH_CHOICE if near is None else words.NO_SUCH_CHOICE_NEAR
            return said(
                lang,
                choice_id=choice_id,
                question_id=question_id,
                question=question.get(lang),
                near=near,
                choices=", ".join(choices),
            )
        case RetiredChoice(question_id, choice_id, why, choices):
            return words.RETIRED_CHOICE(
                lang,
                choice_id=choice_id,
                question_id=question_id,
                why=why.get(lang),
                choices=", ".join(choices),
            )
        case MissingAnswer(question_id, question, choices, NoAsking.query):
            return words.MISSING_IN_QUERY(
                lang,
                question_id=question_id,
                question=question.get(lang),
                choices=", ".join(choices),
            )
        case MissingAnswer(question_id, question, choices, reason):
            return words.MISSING_ANSWER(
                lang,
                question_id=question_id,
                question=question.get(lang),
                reason=_WHY_NOT_ASKED[reason](lang),
                choices=", ".join(choices),
            )
        case UnknownDistrict(district_id, districts) if not districts:
            return words.NO_DISTRICTS(lang, district_id=district_id)
        case UnknownDistrict(district_id, districts):
            near = _near(district_id, districts, lang)
            said = words.NO_SUCH_DISTRICT if near is None else words.NO_SUCH_DISTRICT_NEAR
            return said(lang, district_id=district_id, near=near, districts=", ".join(districts))
        case NotAnAnswer(item, example):
            return words.NOT_AN_ANSWER(lang, item=item, example="{}={}".format(*example))
        case AnsweredTwice(question_id, first, second):
            return words.ANSWERED_TWICE(lang, question_id=question_id, first=first, second=second)
        case OffPath(given, path):
            path_taken = ", ".join(f"{q}={c}" for q, c in path)
            return words.OFF_PATH(lang, len(given), given=" ".join(given), path=path_taken)
        # An answers file's own problems, said in English like every problem
        # found in a file (at its file:line:column).
        case NotAnswers(found, example):
            write = "write lines of `QUESTION: CHOICE`, such as `{}: {}`".format(*example)
            what = {
                "empty": "it is empty",
                "no answers": "it holds no answers",
                "not a mapping": "it is not a mapping of questions to choices",
            }[found]
            return f"{what}; {write}"
        case NoChoiceGiven(question_id):
            return f"{question_id!r} has no choice after the colon"
        case NotAChoiceId(got):
            return f"expected a choice id, got a {got}"
    raise TypeError(f"no words for {refusal!r}")  # a new refusal needs its words here


def _near(typed: str, known: tuple[str, ...], lang: Lang) -> str | None:
    from ssc_wizard.suggest import did_you_mean

    return did_you_mean(typed, known, lang)
