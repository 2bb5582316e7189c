"""Checks that a guide's parts fit together: references, reachability, cycles.

Pure: takes the validated models, returns every problem found as a path into
the YAML, which the loader turns into ``file:line:column``. ``check_guide``
finds errors (the guide cannot be used); ``suspicious`` finds what is legal but
probably a slip (``ssc-wizard check`` shows these as warnings). Each check
visits every question, choice and outcome a bounded number of times, so large
guides stay fast.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from ssc_wizard.controls import first_unsafe, visible
from ssc_wizard.lang import LANGS, NAMES, SOURCE, Lang
from ssc_wizard.model import (
    RECHECK_AFTER_DAYS,
    Include,
    Localized,
    Offices,
    Outcome,
    Scenarios,
    Source,
    SourcedText,
    texts,
)
from ssc_wizard.yamlio import DataPath

FileKey = Literal["scenarios", "offices"]


@dataclass(frozen=True)
class Finding:
    file: FileKey
    path: DataPath
    message: str
    #: Point at the key rather than its value (the thing named is the key itself).
    at_key: bool = False


def check_guide(scenarios: Scenarios, offices: Offices) -> list[Finding]:
    return [
        *_references(scenarios, offices),
        *_choice_targets(scenarios, offices),
        *_cycles(scenarios),
        *_unreachable(scenarios),
    ]


def check_scenarios(scenarios: Scenarios) -> list[Finding]:
    """The errors scenarios.yaml can be checked for while offices.yaml cannot be read:
    all but those about the offices and districts it names."""
    return [
        *_references(scenarios, None),
        *_choice_targets(scenarios, None),
        *_cycles(scenarios),
        *_unreachable(scenarios),
    ]


def _known(kind: str, known: Mapping[str, object]) -> str:
    if not known:
        return f"no {kind} are defined"
    names = ", ".join(itertools.islice(known, 20))
    more = f" and {len(known) - 20} more" if len(known) > 20 else ""
    return f"{kind} that exist: {names}{more}"


def _references(scenarios: Scenarios, offices: Offices | None) -> list[Finding]:
    found: list[Finding] = []
    questions, outcomes = scenarios.questions, scenarios.outcomes

    def ref(path: DataPath, target: str, table: Mapping[str, object], kind: str, file: str) -> None:
        if target not in table:
            close = difflib.get_close_matches(target, table, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = (
                f"unknown {kind} {target!r}{hint}: no such id in {file}; "
                f"{_known(kind + 's', table)}"
            )
            found.append(Finding("scenarios", path, message))

    ref(("start",), scenarios.start, questions, "question", "questions")
    for qid, question in questions.items():
        for cid, choice in question.choices.items():
            where: DataPath = ("questions", qid, "choices", cid)
            if choice.next is not None:
                ref((*where, "next"), choice.next, questions, "question", "questions")
            if choice.outcome is not None:
                ref((*where, "outcome"), choice.outcome, outcomes, "outcome", "outcomes")
    for oid, outcome in outcomes.items():
        base: DataPath = ("outcomes", oid)
        for i, qid in enumerate(outcome.ask):
            ref((*base, "ask", i), qid, questions, "question", "questions")
        named: set[str] = set()
        for i, visit in enumerate(outcome.offices):
            where = (*base, "offices", i, "office")
            if offices is not None:
                ref(where, visit.office, offices.offices, "office", "offices.yaml")
            if visit.office in named:
                message = (
                    f"office {visit.office!r} is named twice in this outcome; "
                    "say all it does here in one `role`"
                )
                found.append(Finding("scenarios", where, message))
            named.add(visit.office)
        for i, law in enumerate(outcome.legal_basis):
            ref((*base, "legal_basis", i), law, scenarios.laws, "law", "laws")
        for field in ("steps", "materials"):
            for i, item in enumerate(getattr(outcome, field)):
                if isinstance(item, Include):
                    ref(
                        (*base, field, i, "include"),
                        item.include,
                        scenarios.shared,
                        "shared list",
                        "shared",
                    )
    return found


def _follow_ups(scenarios: Scenarios) -> set[str]:
    """Questions asked after an outcome (listed in an outcome's `ask`)."""
    return {qid for outcome in scenarios.outcomes.values() for qid in outcome.ask}


def _choice_targets(scenarios: Scenarios, offices: Offices | None) -> list[Finding]:
    """A question in the tree leads on from every choice; one asked after an outcome never does.

    Without ``offices``, what depends on its districts is left for when it can be read.
    """
    found: list[Finding] = []

    def add(path: DataPath, message: str, *, at_key: bool = False) -> None:
        found.append(Finding("scenarios", path, message, at_key))

    follow_ups = _follow_ups(scenarios)
    districts = offices.districts if offices is not None else None
    for qid, question in scenarios.questions.items():
        base: DataPath = ("questions", qid)
        if question.choices_from == "districts" and districts is not None:
            for cid in (c for c in question.choices if c in districts):
                add(
                    (*base, "choices", cid),
                    f"choice {cid!r} is also a district id in offices.yaml; rename it",
                    at_key=True,
                )
        offered = question.choices.keys() | (
            districts.keys() if question.choices_from == "districts" and districts else set()
        )
        for cid in question.retired.keys() & offered:
            add(
                (*base, "retired", cid),
                f"{cid!r} is both offered and retired; an id once retired is never offered "
                "again: give the choice another id",
                at_key=True,
            )
        if not question.choices and (
            question.choices_from is None or (districts is not None and not districts)
        ):
            add(
                (*base, "choices"),
                "this question has no choices: add some under `choices`",
                at_key=True,
            )

        if qid in follow_ups:
            if qid == scenarios.start:
                add(("start",), f"{qid!r} is asked after an outcome, so it cannot be the start")
            for cid, choice in question.choices.items():
                if choice.next is not None or choice.outcome is not None:
                    add(
                        (*base, "choices", cid),
                        f"choice {cid!r} leads on, but {qid!r} is asked after an outcome "
                        "(in an outcome's `ask`), where the path has already ended; "
                        "remove its `next`/`outcome`",
                        at_key=True,
                    )
            continue

        if question.choices_from is not None:
            add(
                (*base, "choices_from"),
                "choices from the districts lead nowhere, so this question can only be asked "
                "after an outcome: list it in an outcome's `ask`",
                at_key=True,
            )
        for cid, choice in question.choices.items():
            where: DataPath = (*base, "choices", cid)
            if choice.next is not None and choice.outcome is not None:
                add(where, f"choice {cid!r} has both `next` and `outcome`; keep one", at_key=True)
            elif choice.next is None and choice.outcome is None:
                add(
                    where,
                    f"choice {cid!r} leads nowhere: give it `next: QUESTION` or `outcome: OUTCOME`",
                    at_key=True,
                )
            elif choice.next in follow_ups:
                add(
                    (*where, "next"),
                    f"{choice.next!r} is asked after an outcome (in an outcome's `ask`); "
                    "a choice cannot lead to it",
                )
    return found


def _cycles(scenarios: Scenarios) -> list[Finding]:
    """Report each `next` that leads back to a question already on the way (iterative DFS)."""
    questions = scenarios.questions
    found: list[Finding] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root in questions:
        if root in state:
            continue
        stack: list[tuple[str, list[tuple[str, str]]]] = [(root, _edges(scenarios, root))]
        state[root] = 1
        while stack:
            qid, edges = stack[-1]
            if not edges:
                state[qid] = 2
                stack.pop()
                continue
            cid, target = edges.pop()
            if state.get(target) == 1:
                cycle = [q for q, _ in stack][[q for q, _ in stack].index(target) :]
                loop = " -> ".join([*cycle, target])
                found.append(
                    Finding(
                        "scenarios",
                        ("questions", qid, "choices", cid, "next"),
                        f"this choice makes a loop: {loop}; a guide must always end",
                    )
                )
            elif target not in state:
                state[target] = 1
                stack.append((target, _edges(scenarios, target)))
    return found


def _edges(scenarios: Scenarios, qid: str) -> list[tuple[str, str]]:
    choices = scenarios.questions[qid].choices
    edges = [
        (cid, c.next)
        for cid, c in choices.items()
        if c.next is not None and c.next in scenarios.questions
    ]
    edges.reverse()  # popped from the end: visit in file order
    return edges


def _unreachable(scenarios: Scenarios) -> list[Finding]:
    questions, outcomes = scenarios.questions, scenarios.outcomes
    if scenarios.start not in questions:
        return []  # reported as a bad reference already
    seen_q: set[str] = {scenarios.start}
    seen_o: set[str] = set()
    todo = [scenarios.start]
    while todo:
        question = questions[todo.pop()]
        for choice in question.choices.values():
            if choice.next is not None and choice.next in questions and choice.next not in seen_q:
                seen_q.add(choice.next)
                todo.append(choice.next)
            if (
                choice.outcome is not None
                and choice.outcome in outcomes
                and choice.outcome not in seen_o
            ):
                seen_o.add(choice.outcome)
                for follow_up in outcomes[choice.outcome].ask:
                    if follow_up in questions and follow_up not in seen_q:
                        seen_q.add(follow_up)
                        todo.append(follow_up)
    found = [
        Finding(
            "scenarios",
            ("questions", qid),
            f"question {qid!r} can never be asked: no choice on the way from "
            f"{scenarios.start!r} leads to it",
            at_key=True,
        )
        for qid in questions
        if qid not in seen_q
    ]
    found += [
        Finding(
            "scenarios",
            ("outcomes", oid),
            f"outcome {oid!r} can never be reached: no choice leads to it",
            at_key=True,
        )
        for oid in outcomes
        if oid not in seen_o
    ]
    return found


def suspicious(scenarios: Scenarios, offices: Offices) -> list[Finding]:
    """What a guide may hold but people would be poorly served by.

    Safe on a guide with errors: a reference that does not resolve is skipped here.
    """
    found: list[Finding] = []
    for qid, question in scenarios.questions.items():
        count = len(question.choices)
        if question.choices_from == "districts":
            count += len(offices.districts.keys() - question.choices.keys())
        if count == 1:
            found.append(
                Finding(
                    "scenarios",
                    ("questions", qid),
                    f"question {qid!r} has only one choice, so it decides nothing: "
                    "add a choice or leave the question out",
                    at_key=True,
                )
            )
    for oid, outcome in scenarios.outcomes.items():
        where: DataPath = ("outcomes", oid)
        if not outcome.offices and outcome.note is None:
            found.append(
                Finding(
                    "scenarios",
                    (*where, "offices"),
                    f"outcome {oid!r} names no office, so people are not told where to go: "
                    "name one, or say why none can be named in its `note`",
                    at_key=True,
                )
            )
        found += _unused_questions(oid, outcome, scenarios, offices)
        if not _has_text(outcome.steps, scenarios):
            found.append(
                Finding(
                    "scenarios",
                    (*where, "steps"),
                    f"outcome {oid!r} has no steps, so people are not told what to do",
                    at_key=True,
                )
            )
    named = {visit.office for outcome in scenarios.outcomes.values() for visit in outcome.offices}
    included = {
        item.include
        for outcome in scenarios.outcomes.values()
        for item in (*outcome.steps, *outcome.materials)
        if isinstance(item, Include)
    }
    cited = {law for outcome in scenarios.outcomes.values() for law in outcome.legal_basis}
    listed: list[tuple[FileKey, str, Mapping[str, object], set[str], str]] = [
        ("offices", "offices", offices.offices, named, "office"),
        ("scenarios", "shared", scenarios.shared, included, "shared list"),
        ("scenarios", "laws", scenarios.laws, cited, "law"),
    ]
    for file, section, table, used, kind in listed:
        found += [
            Finding(
                file,
                (section, unused),
                f"{kind} {unused!r} is never used: no outcome refers to it",
                at_key=True,
            )
            for unused in table
            if unused not in used
        ]
    languages = _languages(scenarios, offices)
    found += _in_texts("scenarios", scenarios, languages)
    found += _in_texts("offices", offices, languages)
    return found


def _languages(scenarios: Scenarios, offices: Offices) -> list[Lang]:
    """The languages a guide is written in: every language any of its texts has,
    in the tool's order (English first)."""
    used = {
        lang
        for model in (scenarios, offices)
        for _, text in texts(model)
        for lang in text.languages
    }
    return [lang for lang in LANGS if lang in used]


def _unused_questions(
    oid: str, outcome: Outcome, scenarios: Scenarios, offices: Offices
) -> list[Finding]:
    """Questions an outcome asks whose answer its result does not use.

    Only a district's answer changes a result (it names the district's own
    offices), and only where the outcome sends people to an office that has
    one in each district; any other question asked after an outcome changes
    nothing but the list of answers.
    """
    local = any(
        offices.offices[visit.office].per_district
        for visit in outcome.offices
        if visit.office in offices.offices
    )
    found = []
    for i, qid in enumerate(outcome.ask):
        question = scenarios.questions.get(qid)
        if question is None or (question.choices_from == "districts" and local):
            continue
        why = (
            "none of its offices has one in each district (`per_district: true`)"
            if question.choices_from == "districts"
            else "only a district question (`choices_from: districts`) changes a result"
        )
        found.append(
            Finding(
                "scenarios",
                ("outcomes", oid, "ask", i),
                f"outcome {oid!r} asks {qid!r}, but its result does not depend on the "
                f"answer: {why}; remove it from `ask`",
            )
        )
    return found


def _in_texts(file: FileKey, model: Scenarios | Offices, used: list[Lang]) -> list[Finding]:
    """Every text that lacks one of the guide's languages (its readers get another
    meanwhile), or that holds a control character (shown written out, see ``controls``)."""
    found = []
    written: list[tuple[DataPath, str | None]] = []
    each = ", ".join(f"{lang}: ..." for lang in used)
    for path, text in texts(model):
        for lang in used:
            if text.exactly(lang) is not None:
                continue
            shown = NAMES[text.language(lang)]
            found.append(
                Finding(
                    file,
                    path,
                    f"this text has no `{lang}` ({NAMES[lang]}) version, so {NAMES[lang]} "
                    f"readers see the {shown} one; write it as `{{{each}}}`",
                )
            )
        written += [((*path, lang), text.exactly(lang)) for lang in text.languages]
    if isinstance(model, Offices):  # the texts that are the same in every language
        for office_id, office in model.offices.items():
            where = ("offices", office_id)
            written.append(((*where, "phone"), office.phone))  # a source's url holds none
    for path, value in written:
        character = first_unsafe(value or "")
        if character is not None:
            what = (
                "the invisible tag character {code}, which can hide words from the reader"
                if "\U000e0000" <= character <= "\U000e007f"
                else "the control character {code}, which a terminal would obey rather than show"
            ).format(code=f"U+{ord(character):04X}")
            found.append(
                Finding(
                    file,
                    path,
                    f"this text holds {what}; it is printed as {visible(character)}: remove it",
                )
            )
    return found


def _has_text(items: list[Localized | SourcedText | Include], scenarios: Scenarios) -> bool:
    """Whether steps or materials say anything (an unknown include is an error elsewhere)."""
    return any(not isinstance(i, Include) or scenarios.shared.get(i.include) != [] for i in items)


def stale(scenarios: Scenarios, offices: Offices, as_of: datetime.date) -> list[Finding]:
    """Facts due to be checked again against their sources on ``as_of``.

    A fact is due when its `checked` day is more than the guide's
    `recheck_after_days` before ``as_of``; a day after ``as_of`` is reported
    too, as a typo most likely. A fact without a `checked` of its own is covered
    by the guide's, which is reported once, at its own place. The day is given:
    nothing here reads a clock.
    """
    given = scenarios.guide.recheck_after_days
    allowed = given or RECHECK_AFTER_DAYS
    setting = (
        "its `recheck_after_days`"
        if given
        else f"`recheck_after_days` under `guide:`, {RECHECK_AFTER_DAYS} when not given"
    )
    guide_source = scenarios.guide.source.get(SOURCE)
    found = []
    for file, path, fact, source, checked in _dated(scenarios, offices):
        where = _named_source(source, guide_source, its_own=path == ("guide",))
        if checked > as_of:
            message = (
                f"{fact} has `checked: {checked}`, later than {as_of}: most likely a typo; "
                f"write the day it was last checked against {where}"
            )
        elif (as_of - checked).days > allowed:
            message = (
                f"{fact} was last checked on {checked}, {(as_of - checked).days} days before "
                f"{as_of}, more than the {allowed} days the guide allows ({setting}): "
                f"check it against {where}, then update `checked`"
            )
        else:
            continue
        found.append(Finding(file, (*path, "checked"), message))
    return found


_Dated = tuple[FileKey, DataPath, str, Source | None, datetime.date]


def _dated(scenarios: Scenarios, offices: Offices) -> Iterator[_Dated]:
    """Every part of a guide that has a `checked` day: where it is, what it is, its source."""
    if scenarios.guide.checked is not None:
        yield "scenarios", ("guide",), "the guide", None, scenarios.guide.checked
    for oid, outcome in scenarios.outcomes.items():
        base: DataPath = ("outcomes", oid)
        if outcome.checked is not None:
            yield "scenarios", base, f"outcome {oid!r}", outcome.source, outcome.checked
        for field, kind in (("steps", "step"), ("materials", "material")):
            shown = 0  # numbered as the result numbers them, each include's list in its place
            for i, item in enumerate(getattr(outcome, field)):
                if isinstance(item, Include):
                    shown += len(scenarios.shared.get(item.include, ()))
                    continue
                shown += 1
                if isinstance(item, SourcedText) and item.checked is not None:
                    fact = f"{kind} {shown} of outcome {oid!r}"
                    yield "scenarios", (*base, field, i), fact, item.source, item.checked
    for name, items in scenarios.shared.items():
        for i, item in enumerate(items):
            if isinstance(item, SourcedText) and item.checked is not None:
                fact = f"item {i + 1} of shared list {name!r}"
                yield "scenarios", ("shared", name, i), fact, item.source, item.checked
    for law_id, law in scenarios.laws.items():
        if law.checked is not None:
            yield "scenarios", ("laws", law_id), f"law {law_id!r}", law.source, law.checked
    for office_id, office in offices.offices.items():
        if office.checked is not None:
            where: DataPath = ("offices", office_id)
            yield "offices", where, f"office {office_id!r}", office.source, office.checked


def _named_source(source: Source | None, guide_source: str, *, its_own: bool) -> str:
    """A fact's source as a maintainer recognises it: "its source", with its title and
    web address; or the guide's, the beginning of its text (``its_own``: the guide's own)."""
    if source is None:
        text = " ".join(guide_source.split())
        shown = text if len(text) <= 60 else text[:57].rstrip() + "..."
        whose = "its" if its_own else "the guide's"
        return f"{whose} source, {shown!r}"
    title = source.title.get(SOURCE) if source.title is not None else None
    if title is None:
        return f"its source, {source.url}"
    return f"its source, {title!r}" + (f" ({source.url})" if source.url else "")
