"""The program's one YAML loader (and the dumper for saved answers).

Safe only (no object tags), libyaml's C parser when PyYAML has it, and every
value's position at hand, so that any error about the data can name
``file:line:column``. Stricter than plain ``yaml.safe_load`` where plain YAML
surprises people who are not programmers: duplicate keys, keys that are not
text, aliases, several documents in one file.

``load`` refuses a file with any such problem; ``read`` gives a guide's file
back with its problems wherever the data still makes sense (a duplicate key's
first value is kept, a refused value is left out), so that the model's checks
and the cross-references can run on it in the same reading.

The data is built straight from the parser's events, once, without recursion:
composing YAML nodes first and walking them after took eight times as long on
a large guide. Positions cost as much memory as the data, and are needed only
to report a problem, so a document reads its text a second time to find them,
and only when first asked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor

from ssc_wizard.errors import DataError, Problem, Refusal, Severity

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Where a value sits in the loaded data: mapping keys and list indexes.
DataPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_TEXT, _NULL = _TAG + "str", _TAG + "null"
#: Plain scalars YAML 1.1 turns into something other than text.
_TYPED = {
    _TAG + "bool": "true/false",
    _TAG + "int": "a number",
    _TAG + "float": "a number",
    _TAG + "timestamp": "a date",
}
#: What YAML does not allow in a file: all but printable characters, tab and
#: line breaks. Compiled only when needed: it takes 5 ms.
_NOT_YAML = "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: Line breaks to YAML, but not to editors, which show one line where YAML reads two.
_HIDDEN_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


class Position(NamedTuple):
    line: int
    column: int


#: Deeper than any guide goes; libyaml itself stops at 1,000 levels.
MAX_DEPTH = 100
#: Parser events in one file: one for each text, two for each list or mapping.
#: A guide of 10,000 questions and outcomes (8 MB) makes 600,000; a file of
#: nothing but tiny values, within the size limit, would make five million and
#: take seconds to read.
MAX_EVENTS = 1_000_000
#: Problems reported from one file before reading stops: enough to fix, and a
#: file of a million mistakes (aliases, say) still ends fast.
MAX_PROBLEMS = 100


@dataclass
class Document:
    """Plain Python data (dicts, lists, scalars) and where each part came from."""

    file: str
    text: str
    data: Any
    #: Unquoted scalars that YAML read as something other than text, with their source text.
    typed_scalars: dict[DataPath, tuple[str, str]] = field(default_factory=dict)
    #: The problems found reading it (``read`` only; ``load`` raises them).
    problems: list[Problem] = field(default_factory=list)
    #: Where a refused value was left out (it is None), or a mapping a refused
    #: key was left out of: what the model finds missing there is that problem again.
    dropped: frozenset[DataPath] = frozenset()
    #: Something the file says is not in the data: a value or key left out, or a
    #: section given twice at the top (the later one ignored). References into
    #: the file, and whether every part can be reached, cannot be checked.
    partial: bool = False
    _found: _Builder | None = field(default=None, repr=False, compare=False)

    @property
    def positions(self) -> dict[DataPath, Position]:
        return self._positions().positions

    @property
    def key_positions(self) -> dict[DataPath, Position]:
        return self._positions().key_positions

    def _positions(self) -> _Builder:
        if self._found is None:
            self._found = _Builder(self.text, self.file, record=True)
            self._found.run()
        return self._found

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """Position of ``path``, or of its nearest ancestor that has one."""
        positions = self.positions
        table = self.key_positions if key else positions
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in positions:
                return positions[prefix]
        return Position(1, 1)

    def problem(
        self,
        path: DataPath,
        message: str | Refusal,
        *,
        key: bool = False,
        severity: Severity = "error",
    ) -> Problem:
        pos = self.locate(path, key=key)
        return Problem(self.file, pos.line, pos.column, message, severity)


def load(text: str, file: str) -> Document:
    """Parse one YAML document; raise DataError listing every problem found."""
    doc, _ = _read(text, file, going_on=False)
    if doc.problems:
        raise DataError(doc.problems)
    return doc


def read(text: str, file: str) -> Document:
    """Parse one YAML document, with the problems that leave data to go on with.

    Raises DataError only where nothing sensible is left: a syntax error, a
    second document, a line break editors do not show, or a file too large or
    too wrong to read to its end. Otherwise the problems come with the data
    (``Document.problems``): a duplicate key's first value is kept and the later
    one ignored, a key YAML reads as a number or true/false is kept as the text
    written, and a refused value (an alias, a tag) is left out
    (``Document.dropped``).
    """
    doc, whole = _read(text, file, going_on=True)
    if not whole:
        raise DataError(doc.problems)
    return doc


def _read(text: str, file: str, *, going_on: bool) -> tuple[Document, bool]:
    """The document with its problems, and whether its data is worth going on with."""
    hidden = _hidden_breaks(text, file)
    if hidden:  # every line after one would be reported a line off from what an editor shows
        return Document(file, text, None, problems=hidden), False
    builder = _Builder(text, file, record=False, going_on=going_on)
    builder.run()
    if not builder.problems:
        return Document(file, text, builder.data, builder.typed_scalars), True
    if not builder.stopped:  # else too large or too wrong to be worth a second reading
        # Read again, noting positions: a duplicate key's message names the first one's line.
        builder = _Builder(text, file, record=True, going_on=going_on)
        builder.run()
    doc = Document(
        file,
        text,
        builder.data,
        builder.typed_scalars,
        problems=builder.problems,
        dropped=frozenset(builder.dropped),
        partial=bool(builder.dropped) or builder.section_ignored,
        _found=builder if builder.record else None,
    )
    return doc, not builder.broken


def position_at(text: str, index: int) -> Position:
    """Where ``text[index]`` is as an editor shows it: lines end at \\n, \\r\\n or \\r.

    An index at or past the end is the end of the last line, where libyaml
    reports an error in a file that does not end with a line break.
    """
    before = text[: max(index, 0)]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return Position(line, len(before) - start + 1)


def _hidden_breaks(text: str, file: str) -> list[Problem]:
    if not any(char in text for char in _HIDDEN_BREAKS):  # the usual file: three quick scans
        return []
    found = re.finditer(f"[{''.join(_HIDDEN_BREAKS)}]", text)
    problems = []
    for match in itertools.islice(found, MAX_PROBLEMS):
        char = match.group()
        where = position_at(text, match.start())
        message = (
            f"U+{ord(char):04X} ({_HIDDEN_BREAKS[char]}) is a line break to YAML, though "
            "editors show none, so what follows it on this line is read as a new line; "
            "remove it"
        )
        problems.append(Problem(file, where.line, where.column, message))
    return problems


def dump(data: dict[str, str]) -> str:
    """Plain YAML that ``load`` reads back to the same data (``"yes"`` stays quoted)."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


#: Plain scalars' implicit resolvers by first character, as PyYAML's resolver has
#: them. The safe loader has none to try on every plain scalar (under ``None``; a
#: test says so), so one whose first character is not here is text.
_RESOLVERS: dict[str, list[tuple[str, Any]]] = dict(_Loader.yaml_implicit_resolvers)

_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING, _LIST = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _LIST_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_NO_ALIASES = "YAML aliases (*name) are not supported here; write the value out in full"
_NO_ANCHORS = "YAML anchors (&name) are not supported here; remove it"
_WANT_KEY = object()  # a mapping waiting for its next key
_DROP = object()  # a mapping whose next value is dropped: its key was refused or given twice


class _Stop(Exception):
    """Reading a file goes no further: the last problem says why."""


class _Tags(dict[str, str]):
    """The tags of plain scalars' texts, each resolved once: a guide repeats its keys."""

    def __missing__(self, value: str) -> str:
        tag = self[value] = _resolve(value)
        return tag


class _Builder:
    """Reads the parser's events into plain data, noting problems (and positions if asked)."""

    def __init__(self, text: str, file: str, *, record: bool, going_on: bool = False) -> None:
        self.text = text
        self.file = file
        self.record = record
        #: The data will be checked further, problems and all (``read``): say what is kept.
        self.going_on = going_on
        self.data: Any = None
        self.problems: list[Problem] = []
        #: Reading ended before the end of the file: too many values or problems.
        self.stopped = False
        #: The data is not worth going on with: the file was not read to its end,
        #: or has a second document.
        self.broken = False
        #: Where a refused value was left out, or a mapping a refused key was left out of.
        self.dropped: set[DataPath] = set()
        #: A section given twice at the top: the later one is ignored.
        self.section_ignored = False
        self.typed_scalars: dict[DataPath, tuple[str, str]] = {}
        self.positions: dict[DataPath, Position] = {}
        self.key_positions: dict[DataPath, Position] = {}
        self._loader: Any = None

    def run(self) -> None:
        loader = self._loader = _Loader(self.text)
        try:
            self._read(loader)
        except _Stop:
            pass
        except yaml.YAMLError as exc:
            self.broken = True
            self._parse_error(exc)
        finally:
            loader.dispose()

    def _parse_error(self, exc: yaml.YAMLError) -> None:
        if isinstance(exc, yaml.MarkedYAMLError):
            mark = exc.problem_mark or exc.context_mark
            # From the mark's index: its line can lie past the end of a file
            # that does not end with a line break.
            at = mark.index if mark else 0
            where = position_at(self.text, at)
            message = self._syntax(str(exc.problem or exc), at)
            self.problems.append(Problem(self.file, where.line, where.column, message))
        elif isinstance(exc, yaml.reader.ReaderError):
            # A character YAML does not allow anywhere, such as a raw ESC or NUL.
            found = re.search(_NOT_YAML, self.text)
            where = position_at(self.text, found.start() if found else 0)
            code = f"U+{ord(found.group()):04X}" if found else "?"
            self.problems.append(
                Problem(
                    self.file,
                    where.line,
                    where.column,
                    f"the control character {code} is not allowed in YAML; remove it",
                )
            )
        else:
            self.problems.append(Problem(self.file, 1, 1, f"YAML: {exc}"))

    def _syntax(self, problem: str, at: int) -> str:
        """libyaml's words for an error at ``text[at]``, with a hint where they are cryptic."""
        if problem == "exceeded maximum nesting depth":
            return _too_deep()
        if self.text[at : at + 1] == "\t":
            return "YAML syntax: found a tab; indent with spaces, never tabs"
        return f"YAML syntax: {problem}"

    def _position(self, mark: Any) -> Position:
        if mark.index >= len(self.text):
            # libyaml puts the end of a file without a final line break (``---``)
            # on a line after the last: the end of the last line, as an editor has it.
            return position_at(self.text, mark.index)
        return Position(mark.line + 1, mark.column + 1)

    def _fail(self, mark: Any, message: str) -> None:
        line, column = self._position(mark)
        self.problems.append(Problem(self.file, line, column, message))
        if len(self.problems) >= MAX_PROBLEMS:
            self._stop(mark, f"{MAX_PROBLEMS} problems found; reading stopped here")

    def _stop(self, mark: Any, message: str) -> None:
        line, column = self._position(mark)
        self.problems.append(Problem(self.file, line, column, message))
        self.stopped = self.broken = True
        raise _Stop

    def _read(self, loader: Any) -> None:
        # The parser making its events takes over half the time of a large
        # guide, and each step per event here a few percent more: so the loop
        # takes most of a guide itself (text, new keys, plain mappings and lists,
        # with no position to note) and leaves the rest to the methods below.
        record = self.record
        tags = _Tags()
        # Counted in C: the loop ends before the stream's end only past MAX_EVENTS.
        events = itertools.islice(iter(loader.get_event, None), MAX_EVENTS)
        root: list[Any] = []  # holds the document's value
        container: Any = root  # the innermost mapping or list being read
        stack: list[Any] = []  # those around it, the outermost (root) first
        path: DataPath | None = ()  # container's path; None until needed
        paths: list[DataPath | None] = []  # those of the ones in stack
        key: Any = None  # a mapping's next key, or _WANT_KEY or _DROP; None in a list
        documents = 0
        try:
            for event in events:
                kind = type(event)
                if kind is _SCALAR:
                    value = event.value
                    if (
                        not record
                        and event.anchor is None
                        and event.tag is None
                        # Quoted, or plain with no chance of being read as anything but text.
                        and (
                            not event.implicit[0]
                            or value[:1] not in _RESOLVERS
                            or tags[value] == _TEXT
                        )
                    ):
                        if key is _WANT_KEY:
                            if value not in container:
                                key = value
                                continue
                        elif key is None:
                            container.append(value)
                            continue
                        elif key is not _DROP:
                            container[key] = value
                            key = _WANT_KEY
                            continue
                elif kind is _MAPPING_END or kind is _LIST_END:
                    container, path = stack.pop(), paths.pop()
                    key = _WANT_KEY if type(container) is dict else None
                    continue
                elif kind is _MAPPING or kind is _LIST:
                    if (
                        not record
                        and event.anchor is None
                        and event.tag is None
                        and key is not _WANT_KEY
                        and key is not _DROP
                        and len(stack) < MAX_DEPTH
                    ):
                        opened: Any = {} if kind is _MAPPING else []
                        if key is None:
                            container.append(opened)
                        else:
                            container[key] = opened
                        stack.append(container)
                        paths.append(path)
                        container, path = opened, None
                        key = _WANT_KEY if kind is _MAPPING else None
                        continue
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.broken = True
                        self._fail(
                            event.start_mark,
                            "the file holds more than one YAML document (a second '---'); keep one",
                        )
                        return
                    continue
                elif kind is yaml.StreamEndEvent:
                    return
                elif kind is not _ALIAS:
                    continue  # the stream's start, a document's end
                # The rest: a key to check, a value to drop, or one to place with care.
                if path is None:
                    path = _path_of(stack)
                opened = None
                if key is _WANT_KEY:
                    key = self._key(container, path, event)
                elif key is _DROP:  # the value of a refused key
                    key = _WANT_KEY
                else:
                    where = (*path, len(container) if key is None else key) if stack else ()
                    opened = value = self._value(event, where, len(stack))
                    if key is None:
                        container.append(value)
                    else:
                        container[key] = value
                        key = _WANT_KEY
                if kind is _MAPPING or kind is _LIST:
                    if opened is None:  # a key, the value of a refused one, or refused itself
                        _skip(events)
                    else:
                        stack.append(container)
                        paths.append(path)
                        container, path = opened, where
                        key = _WANT_KEY if kind is _MAPPING else None
        finally:
            self.data = root[0] if root else None
        self._stop(
            loader.get_event().start_mark,
            f"the file holds more than {MAX_EVENTS:,} YAML values (a list or "
            "mapping counts twice), far more than a guide needs; reading stopped here",
        )

    def _value(self, event: Any, path: DataPath, depth: int) -> Any:
        """The value of an event the loop leaves, at ``path``, ``depth`` lists and mappings deep.

        A list or mapping is returned new and empty, or None if it is refused
        (tagged, or too deep): then it is left out, and the loop reads past it.
        """
        mark = event.start_mark
        if self.record:
            self.positions[path] = self._position(mark)
        kind = type(event)
        if kind is _SCALAR:
            return self._scalar(event, path)
        if kind is _ALIAS:
            self._fail(mark, _NO_ALIASES)
        elif depth >= MAX_DEPTH:
            self._fail(mark, _too_deep())
        elif self._untagged(event):
            return {} if kind is _MAPPING else []
        self.dropped.add(path)
        return None

    def _key(self, mapping: dict[str, Any], path: DataPath, event: Any) -> Any:
        """What ``event`` makes of the next key of the mapping at ``path``: it, or _DROP.

        A refused key that is written as text is kept as that text, for the
        checks that follow (``read``): a key is always text, and its value is
        checked as the author meant it.
        """
        mark = event.start_mark
        if type(event) is not _SCALAR:
            if type(event) is _ALIAS:
                self._fail(mark, _NO_ALIASES)
            else:
                self._fail(mark, "a key must be plain text, not a list or mapping")
            self.dropped.add(path)
            return _DROP
        self._untagged(event)
        key, tag = event.value, _tag(event)
        if tag == _TAG + "merge":
            self._fail(mark, "YAML merge keys (<<) are not supported here; write the keys out")
            self.dropped.add(path)
            return _DROP
        if tag != _TEXT:
            self._fail(
                mark,
                f"the key {key} is read by YAML as {_TYPED.get(tag, 'a non-text value')}, "
                f'not as text; put it in quotes: "{key}"',
            )
        if key in mapping:
            first = self.key_positions.get((*path, key))
            where = f" (first given at line {first.line})" if first else ""
            kept = "; this one is ignored until it is renamed or removed" if self.going_on else ""
            self._fail(mark, f"duplicate key {key!r}{where}{kept}")
            if not path and type(self._loader.peek_event()) in (_MAPPING, _LIST):
                self.section_ignored = True
            return _DROP
        if self.record:
            self.key_positions[(*path, key)] = self._position(mark)
        return key

    def _untagged(self, event: Any) -> bool:
        """Whether a value has no tag. Anchors are refused too, but an anchor
        changes nothing in its value, and a tag may: only a tagged one is left out."""
        if event.anchor is not None:
            self._fail(event.start_mark, _NO_ANCHORS)
        if event.tag is not None:
            self._fail(event.start_mark, f"unsupported YAML tag {event.tag!r}; remove it")
            return False
        return True

    def _scalar(self, event: Any, path: DataPath) -> Any:
        """A scalar's value, or None if it is refused (and left out)."""
        if self._untagged(event):
            tag = _tag(event)
            if tag == _TEXT:
                return event.value
            if tag == _NULL:
                return None
            if tag in _TYPED:
                if not event.style:  # plain: None from PyYAML's parser, "" from libyaml's
                    self.typed_scalars[path] = (event.value, _TYPED[tag])
                node = yaml.ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, event.style
                )
                try:
                    return SafeConstructor().construct_object(node, deep=True)
                except Exception:  # `2024-02-30` looks like a date, and fails as one
                    self._fail(event.start_mark, _not_typed(event.value, tag))
            else:
                # `<<` or `=` alone, which YAML 1.1 reads as a merge key or a "value".
                self._fail(
                    event.start_mark, f"YAML reads {event.value} as {tag!r}; put it in quotes"
                )
        self.dropped.add(path)
        return None


def _path_of(stack: list[Any]) -> DataPath:
    """The path of the innermost list or mapping being read, from those around it.

    Each is the newest entry of the one around it until it ends: the last
    index of a list, or the last key of a mapping (a duplicate key is refused,
    never put in).
    """
    return tuple(
        len(parent) - 1 if type(parent) is list else next(reversed(parent))
        for parent in stack[1:]  # the root holds the document's value at no path
    )


def _skip(events: Iterator[Any]) -> None:
    """Read past the rest of a list or mapping whose start was just read."""
    depth = 1
    for event in events:
        kind = type(event)
        if kind is _MAPPING or kind is _LIST:
            depth += 1
        elif kind is _MAPPING_END or kind is _LIST_END:
            depth -= 1
            if not depth:
                return


def _not_typed(value: str, tag: str) -> str:
    """What is wrong with a plain scalar that looks like a number or a date and is none."""
    if tag == _TAG + "timestamp":
        return (
            f"{value!r} is not a date: there is no such day (or time); write a day as "
            'YYYY-MM-DD, such as 2026-03-01, or a text in quotes: "..."'
        )
    return f"{value!r} is not {_TYPED[tag]}"


def _too_deep() -> str:
    return f"the data is nested more than {MAX_DEPTH} levels deep; a guide needs only a few"


def _tag(event: Any) -> str:
    """The tag YAML 1.1 gives a scalar (a tag written is refused)."""
    return _resolve(event.value) if event.implicit[0] else _TEXT


def _resolve(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar's text."""
    for resolved, pattern in _RESOLVERS.get(value[:1], ()):
        if pattern.match(value):
            return resolved
    return _TEXT
