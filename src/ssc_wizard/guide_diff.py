"""What changed between two versions of a guide, path by path: data, no sentences.

Pure. A path is its answers (question id to choice id), as ``paths`` and the
replay commands name it: the same answers in both guides are the same path,
whatever order the questions come in. Its result is compared in every
language the tool speaks, over the content of the result (``Result.to_json``'s
``outcome``: title, summary, steps, note, offices and their roles, materials,
legal basis, and whatever a later version adds there), not the replay
command, the answers' wording or the guide's own title and source.

A guide can have more paths than could ever be listed, so they are counted
without listing them: both guides are walked together, over pairs of places
(a question, or an outcome's follow-up questions) that the same answers reach,
each pair counted once however many paths lead to it, and each pair of
results compared once. Where the two ask different questions, one guide
goes on and the answers it gives that the other has not asked yet go with
the pair, so that a question moved up or down still pairs each path with
itself. A pair where either guide asks a question that the other has not
answered and never will leads to no path of both, and is not walked past:
a question inserted, or a choice sent elsewhere, costs no more than the
guides' size. Nothing recurses: a guide thousands of questions deep cannot
overflow the stack.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

from ssc_wizard.engine import Reached
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.model import Guide
from ssc_wizard.paths import question_counts
from ssc_wizard.records import Record
from ssc_wizard.result import build_result

#: A JSON value of a result: text, a number, true or false, null, a list, an object.
Value = Any

#: A place in one guide: ``("q", question)`` on the way to an outcome, or
#: ``("f", outcome, n, answers)`` once the outcome is reached, its first ``n``
#: follow-up questions answered as ``answers`` (which the result depends on).
Place = tuple[Any, ...]
Answers = tuple[tuple[str, str], ...]
#: Two places the same answers reach, and the answers the first side has
#: given that the second has not asked yet.
Pair = tuple[Place, Place, frozenset[tuple[str, str]]]


class Change(Record):
    """One thing that differs in a path's result."""

    #: The result's key: ``title``, ``steps``, ``offices``, ...
    field: str
    #: Which item of a list: a text's position (from 1; in the old list when it
    #: was removed, else in the new one), an office's id, a law's name and
    #: article; None for a field that is no list.
    item: int | str | None
    #: Which part of that item (an office's ``role``), or None for all of it.
    part: str | None
    #: The language it differs in; None when it differs alike in every one.
    lang: Lang | None
    #: None where there was nothing: an item added, a note written.
    old: Value
    #: None where there is nothing now: an item removed.
    new: Value


class DifferingPath(Record):
    answers: dict[str, str]
    old_outcome: str
    new_outcome: str
    changes: tuple[Change, ...]


class OnePath(Record):
    """A path of one guide only."""

    answers: dict[str, str]
    outcome: str


class Tally(Record):
    #: Paths in both guides (the same answers).
    shared: int
    #: Of those, the ones whose results differ.
    differing: int


_NOTHING = Tally(0, 0)


class GuideDiff:
    """Two guides compared: counted at once, listed on demand."""

    def __init__(self, old: Guide, new: Guide, langs: Sequence[Lang] = LANGS) -> None:
        self.langs = tuple(langs)
        self._ends = _Ends(_Side(old), _Side(new), self.langs)
        self._forward = _Walk(self._ends, swapped=False)
        self._backward: _Walk | None = None
        root = self._forward.tally()
        self.old_paths = self._ends.old.count(self._ends.old.start)
        self.new_paths = self._ends.new.count(self._ends.new.start)
        self.differing = root.differing
        #: Paths of the old guide only: their answers lead nowhere in the new one.
        self.disappearing = self.old_paths - root.shared
        #: Paths of the new guide only.
        self.appearing = self.new_paths - root.shared

    @property
    def same(self) -> bool:
        return not (self.differing or self.disappearing or self.appearing)

    def differing_paths(self) -> Iterator[DifferingPath]:
        """Paths of both guides whose results differ, in the old guide's order."""
        return self._forward.differing_paths()

    def disappearing_paths(self) -> Iterator[OnePath]:
        """Paths of the old guide only, in its order."""
        return self._forward.unpaired()

    def appearing_paths(self) -> Iterator[OnePath]:
        """Paths of the new guide only, in its order."""
        if self._backward is None:
            self._backward = _Walk(self._ends, swapped=True)
        return self._backward.unpaired()


class _Side:
    """One guide's places: what each asks, where each choice leads, how many paths follow."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.start: Place = ("q", guide.scenarios.start)
        self._counts = question_counts(guide)
        self._reach: dict[Place, frozenset[str]] = {}
        self._follow_ups: dict[str, list[str]] = {}

    def follow_ups(self, outcome_id: str) -> list[str]:
        found = self._follow_ups.get(outcome_id)
        if found is None:
            found = self._follow_ups[outcome_id] = self.guide.asked_after(outcome_id)
        return found

    def asks(self, place: Place) -> str | None:
        if place[0] == "q":
            return str(place[1])
        follow_ups = self.follow_ups(place[1])
        return follow_ups[place[2]] if place[2] < len(follow_ups) else None

    def choices(self, place: Place) -> list[str]:
        question = self.asks(place)
        return [] if question is None else list(self.guide.choices(question))

    def after(self, place: Place, choice_id: str) -> Place:
        if place[0] == "f":
            question = self.asks(place)
            return ("f", place[1], place[2] + 1, (*place[3], (question, choice_id)))
        choice = self.guide.choices(place[1])[choice_id]
        if choice.next is not None:
            return ("q", choice.next)
        return ("f", choice.outcome, 0, ())

    def count(self, place: Place) -> int:
        """How many paths lead on from ``place``."""
        if place[0] == "q":
            return self._counts[place[1]]
        follow_ups = self.follow_ups(place[1])[place[2] :]
        return math.prod(len(self.guide.choices(q)) for q in follow_ups)

    def may_ask(self, place: Place, question_id: str) -> bool:
        """Whether some way on from ``place`` asks ``question_id``."""
        found = self._reach.get(place)
        if found is None:
            found = self._reach[place] = self._reachable(place)
        return question_id in found

    def _reachable(self, place: Place) -> frozenset[str]:
        if place[0] == "f":
            return frozenset(self.follow_ups(place[1])[place[2] :])
        found: set[str] = set()
        seen: set[str] = set()
        todo = [place[1]]
        while todo:
            question_id = todo.pop()
            if question_id in seen:
                continue
            seen.add(question_id)
            found.add(question_id)
            for choice in self.guide.choices(question_id).values():
                if choice.next is not None:
                    todo.append(choice.next)
                elif choice.outcome is not None:
                    found.update(self.follow_ups(choice.outcome))
        return frozenset(found)

    def walk_from(self, place: Place) -> Iterator[tuple[Answers, Place]]:
        """Every way on from ``place`` to its end: the answers on the way, and the end."""
        taken: list[tuple[str, str]] = []
        frames = [(place, iter(self.choices(place)))]
        if self.asks(place) is None:
            yield (), place
            return
        while frames:
            here, choices = frames[-1]
            choice_id = next(choices, None)
            del taken[len(frames) - 1 :]
            if choice_id is None:
                frames.pop()
                continue
            taken.append((str(self.asks(here)), choice_id))
            there = self.after(here, choice_id)
            if self.asks(there) is None:
                yield tuple(taken), there
            else:
                frames.append((there, iter(self.choices(there))))


class _Ends:
    """The results where paths of both guides end, compared: each result made
    once, each pair of ends compared once, in both directions of the walk."""

    def __init__(self, old: _Side, new: _Side, langs: tuple[Lang, ...]) -> None:
        self.old, self.new = old, new
        self.langs = langs
        self._same_rest = _same_besides_paths(old.guide, new.guide)
        self._same_outcomes: dict[str, bool] = {}
        self._results: dict[tuple[bool, str, Answers, Lang], dict[str, Value]] = {}
        self._differ: dict[tuple[Any, ...], bool] = {}
        self._changes: dict[tuple[Any, ...], tuple[Change, ...]] = {}

    def differ(self, old_end: Place, new_end: Place) -> bool:
        """Whether the results differ: language by language, the first
        difference enough (counting needs no more)."""
        key = (old_end[1], old_end[3], new_end[1], new_end[3])
        found = self._differ.get(key)
        if found is None:
            if self._same_rest and key[0] == key[2] and key[1] == key[3] and self._same(key[0]):
                found = False
            else:
                found = any(
                    self._outcome(False, old_end, lang) != self._outcome(True, new_end, lang)
                    for lang in self.langs
                )
            self._differ[key] = found
        return found

    def changes(self, old_end: Place, new_end: Place) -> tuple[Change, ...]:
        """What differs between the results at two ends."""
        if not self.differ(old_end, new_end):
            return ()
        key = (old_end[1], old_end[3], new_end[1], new_end[3])
        found = self._changes.get(key)
        if found is None:
            found = self._changes[key] = _compare(
                {lang: self._outcome(False, old_end, lang) for lang in self.langs},
                {lang: self._outcome(True, new_end, lang) for lang in self.langs},
            )
        return found

    def _same(self, outcome_id: str) -> bool:
        found = self._same_outcomes.get(outcome_id)
        if found is None:
            found = self._same_outcomes[outcome_id] = self._same_records(outcome_id)
        return found

    def _same_records(self, outcome_id: str) -> bool:
        old, new = self.old.guide.scenarios, self.new.guide.scenarios
        if outcome_id not in old.outcomes or outcome_id not in new.outcomes:
            return False
        follow_ups = self.old.follow_ups(outcome_id)
        return old.outcomes[outcome_id] == new.outcomes[outcome_id] and all(
            old.questions[q] == new.questions.get(q) for q in follow_ups
        )

    def _outcome(self, is_new: bool, end: Place, lang: Lang) -> dict[str, Value]:
        key = (is_new, end[1], end[3], lang)
        found = self._results.get(key)
        if found is None:
            guide = (self.new if is_new else self.old).guide
            result = build_result(guide, Reached(end[1], dict(end[3])), lang=lang)
            found = self._results[key] = dict(result.to_json()["outcome"])
        return found


Mover = Literal["both", "first", "second"]


class _Moves(Record):
    """What happens at a pair: who answers which question, and the pairs each
    of the first side's choices leads to that may still be paired (its other
    choices lead only to paths of its own)."""

    mover: Mover
    question: str
    children: dict[str, Pair]


class _Walk:
    """Both guides walked together, the ``first`` one leading: ``swapped`` puts
    the new guide first, to list the paths only it has."""

    def __init__(self, ends: _Ends, *, swapped: bool) -> None:
        self.ends = ends
        self.first, self.second = (ends.new, ends.old) if swapped else (ends.old, ends.new)
        self.swapped = swapped
        self._memo: dict[Pair, Tally] = {}
        self.root: Pair = (self.first.start, self.second.start, frozenset())

    def moves(self, pair: Pair) -> _Moves | None:
        """None at the end of both sides.

        The first side leads and the second waits at its question until the
        first asks it too; at the first side's end, the second answers its
        questions as the first did. Where either side asks a question that the
        other has not answered and never will, no path on from here is in both.
        """
        here, there, given = pair
        asked, asked_there = self.first.asks(here), self.second.asks(there)
        if asked is not None and asked == asked_there:
            others = self.second.choices(there)
            children = {
                c: (self.first.after(here, c), self.second.after(there, c), given)
                for c in self.first.choices(here)
                if c in others
            }
            return _Moves("both", asked, children)
        if asked is not None:
            if self.second.may_ask(there, asked) and (
                asked_there is None
                or asked_there in dict(given)
                or self.first.may_ask(here, asked_there)
            ):
                children = {
                    c: (self.first.after(here, c), there, given | {(asked, c)})
                    for c in self.first.choices(here)
                }
            else:
                children = {}
            return _Moves("first", asked, children)
        if asked_there is not None:
            pinned = dict(given).get(asked_there)
            children = {}
            if pinned is not None and pinned in self.second.choices(there):
                rest = given - {(asked_there, pinned)}
                children = {pinned: (here, self.second.after(there, pinned), rest)}
            return _Moves("second", asked_there, children)
        return None

    def tally(self, pair: Pair | None = None) -> Tally:
        """Paths on from ``pair`` (the start) in both guides, and how many differ."""
        start = self.root if pair is None else pair
        memo = self._memo
        todo = [start]
        while todo:  # post-order: a pair is tallied once all it leads to are
            pair = todo[-1]
            if pair in memo:
                todo.pop()
                continue
            moves = self.moves(pair)
            if moves is None:
                if pair[2]:  # the first side answered a question the second never asked
                    memo[pair] = _NOTHING
                else:
                    memo[pair] = Tally(1, int(self.differs(pair[0], pair[1])))
                todo.pop()
                continue
            waiting = [child for child in moves.children.values() if child not in memo]
            if waiting:
                todo.extend(waiting)
                continue
            tallies = [memo[child] for child in moves.children.values()]
            memo[pair] = Tally(sum(t.shared for t in tallies), sum(t.differing for t in tallies))
            todo.pop()
        return memo[start]

    def _in_order(self, end: Place, end_there: Place) -> tuple[Place, Place]:
        """The two ends, the old guide's first."""
        return (end_there, end) if self.swapped else (end, end_there)

    def differs(self, end: Place, end_there: Place) -> bool:
        return self.ends.differ(*self._in_order(end, end_there))

    def changes(self, end: Place, end_there: Place) -> tuple[Change, ...]:
        return self.ends.changes(*self._in_order(end, end_there))

    # Listing ---------------------------------------------------------------

    def differing_paths(self) -> Iterator[DifferingPath]:
        """Pairs of paths whose results differ, in the first side's order."""
        for answers, pair in self._ends(self.root, lambda t: t.differing > 0):
            changes = self.changes(pair[0], pair[1])
            if changes:
                yield DifferingPath(dict(answers), pair[0][1], pair[1][1], changes)

    def unpaired(self) -> Iterator[OnePath]:
        """The first side's paths that the second lacks, in its order."""
        first = self.first
        # (answers so far, the first side's place, the pair there or None once
        # nothing on from here can be paired)
        todo: list[tuple[Answers, Place, Pair | None]] = [((), self.root[0], self.root)]
        while todo:
            answers, here, pair = todo.pop()
            shared = 0 if pair is None else self.tally(pair).shared
            if shared == first.count(here):
                continue
            if shared == 0:
                for more, end in first.walk_from(here):
                    yield OnePath(dict((*answers, *more)), end[1])
                continue
            assert pair is not None
            moves = self.moves(pair)
            # At the first side's end there is one path, and it is paired.
            assert moves is not None and moves.mover != "second"
            todo.extend(
                reversed(
                    [
                        (
                            (*answers, (moves.question, choice_id)),
                            first.after(here, choice_id),
                            moves.children.get(choice_id),
                        )
                        for choice_id in first.choices(here)
                    ]
                )
            )

    def _ends(self, start: Pair, wanted: Any) -> Iterator[tuple[Answers, Pair]]:
        """The paired ends under ``start`` with a tally ``wanted``, in order."""
        todo: list[tuple[Answers, Pair]] = [((), start)]
        while todo:
            answers, pair = todo.pop()
            if not wanted(self.tally(pair)):
                continue
            moves = self.moves(pair)
            if moves is None:
                yield answers, pair
                continue
            steps = []
            for choice_id, child in moves.children.items():
                said = (moves.question, choice_id)
                # The second side's answer is the first's too once paired; it is
                # named where the first side gives it.
                steps.append(((*answers, said) if moves.mover != "second" else answers, child))
            todo.extend(reversed(steps))


def _same_besides_paths(old: Guide, new: Guide) -> bool:
    """Whether all a result reads besides its outcome and its follow-up
    questions is the same in both: then the same outcome gives the same results."""
    kept = [name for name in old.scenarios.fields if name not in ("questions", "outcomes")]
    return old.offices == new.offices and all(
        getattr(old.scenarios, name) == getattr(new.scenarios, name) for name in kept
    )


# Comparing two results' content ------------------------------------------------


def _compare(
    old: Mapping[Lang, Mapping[str, Value]], new: Mapping[Lang, Mapping[str, Value]]
) -> tuple[Change, ...]:
    """Every difference, field by field, each once where it is alike in every language."""
    langs = list(old)
    fields = list(dict.fromkeys([*old[langs[0]], *new[langs[0]]]))
    found: list[Change] = []
    for field in fields:
        each = {
            lang: _field_changes(field, old[lang].get(field), new[lang].get(field))
            for lang in langs
        }
        alike = [c for c in each[langs[0]] if all(c in each[lang] for lang in langs[1:])]
        found += [Change(field, item, part, None, was, now) for item, part, was, now in alike]
        for lang in langs:
            found += [
                Change(field, item, part, lang, was, now)
                for item, part, was, now in each[lang]
                if (item, part, was, now) not in alike
            ]
    return tuple(found)


_Found = tuple[int | str | None, str | None, Value, Value]


def _field_changes(field: str, old: Value, new: Value) -> list[_Found]:
    if old == new:
        return []
    if isinstance(old, list) and isinstance(new, list):
        if all(isinstance(x, dict) for x in [*old, *new]):
            return _record_changes(old, new)
        return _list_changes(old, new)
    return [(None, None, old, new)]


def _list_changes(old: list[Value], new: list[Value]) -> list[_Found]:
    """Texts changed, removed or added, by position: what a person counts."""
    found: list[_Found] = []
    matcher = difflib.SequenceMatcher(
        None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            found += [(j1 + k + 1, None, old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
            continue
        found += [(i + 1, None, old[i], None) for i in range(i1, i2)]
        found += [(j + 1, None, None, new[j]) for j in range(j1, j2)]
    return found


def _record_changes(old: list[dict[str, Value]], new: list[dict[str, Value]]) -> list[_Found]:
    """Offices by id, laws by name and article, other records by position."""
    for records in (old, new):
        keys = [_identity(x) for x in records]
        if None in keys or len(set(keys)) < len(keys):  # no names to tell them apart by
            return _list_changes(old, new)
    before = {_identity(x): x for x in old}
    after = {_identity(x): x for x in new}
    found: list[_Found] = []
    for key, was in before.items():
        now = after.get(key)
        if now is None:
            found.append((key, None, was, None))
            continue
        for part in dict.fromkeys([*was, *now]):
            if was.get(part) != now.get(part):
                found.append((key, part, was.get(part), now.get(part)))
    found += [(key, None, None, now) for key, now in after.items() if key not in before]
    kept_before = [key for key in before if key in after]
    kept_after = [key for key in after if key in before]
    if kept_before != kept_after:  # the order is what people are told to follow
        found.append((None, "order", list(kept_before), list(kept_after)))
    return found


def _identity(record: dict[str, Value]) -> str | None:
    if isinstance(record.get("id"), str):
        return str(record["id"])
    if isinstance(record.get("law"), str) and isinstance(record.get("article"), str):
        return f"{record['law']} {record['article']}"
    return None


def _key(value: Value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
