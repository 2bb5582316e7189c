"""The program's one YAML loader (and the dumper for saved answers).

Safe only (no object tags), libyaml's C parser when PyYAML has it, and every
value's position kept, so that any later error about the data can name
``file:line:column``. Stricter than plain ``yaml.safe_load`` where plain YAML
surprises people who are not programmers: duplicate keys, keys that are not
text, aliases, several documents in one file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ssc_wizard.errors import DataError, Problem, Severity

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
_COLLECTIONS = {_TAG + "map", _TAG + "seq"}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class Document:
    """Plain Python data (dicts, lists, scalars) and where each part came from."""

    file: str
    data: Any
    positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)
    #: Unquoted scalars that YAML read as something other than text, with their source text.
    typed_scalars: dict[DataPath, tuple[str, str]] = field(default_factory=dict)

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """Position of ``path``, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.positions:
                return self.positions[prefix]
        return Position(1, 1)

    def problem(
        self,
        path: DataPath,
        message: str,
        *,
        key: bool = False,
        severity: Severity = "error",
    ) -> Problem:
        pos = self.locate(path, key=key)
        return Problem(self.file, pos.line, pos.column, message, severity)


def load(text: str, file: str) -> Document:
    """Parse one YAML document; raise DataError listing every problem found."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or str(exc)
        if "expected a single document" in f"{exc.context} {exc.problem}":
            message = "the file holds more than one YAML document (a second '---'); keep one"
        raise DataError([Problem(file, line, column, f"YAML syntax: {message}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(file, 1, 1, f"YAML: {exc}")]) from None
    finally:
        loader.dispose()

    doc = Document(file, None)
    builder = _Builder(doc, loader)
    try:
        doc.data = builder.build(node, ()) if node is not None else None
    except RecursionError:
        builder.problems.append(Problem(file, 1, 1, "the data is nested too deeply"))
    if builder.problems:
        raise DataError(builder.problems)
    return doc


def dump(data: dict[str, str]) -> str:
    """Plain YAML that ``load`` reads back to the same data (``"yes"`` stays quoted)."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into plain data, noting positions and problems."""

    def __init__(self, doc: Document, loader: Any) -> None:
        self.doc = doc
        self.loader = loader
        self.problems: list[Problem] = []
        # The composer hands out the same node object for an alias as for its anchor.
        self.seen: set[int] = set()

    def _fail(self, position: Position, message: str) -> None:
        self.problems.append(Problem(self.doc.file, position.line, position.column, message))

    def build(self, node: yaml.Node, path: DataPath) -> Any:
        if id(node) in self.seen:
            self._fail(
                self.doc.locate(path, key=True),
                "YAML aliases (*name) are not supported here; write the value out in full",
            )
            return None
        self.seen.add(id(node))
        self.doc.positions[path] = _position(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_collection_tag(node)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _check_collection_tag(self, node: yaml.Node) -> None:
        if node.tag not in _COLLECTIONS:
            self._fail(_position(node), f"unsupported YAML tag {node.tag!r}; remove it")

    def _mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[str, Any]:
        self._check_collection_tag(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = _position(key_node)
            if key_node.tag == _TAG + "merge":
                self._fail(where, "YAML merge keys (<<) are not supported here; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(where, "a key must be plain text, not a list or mapping")
                continue
            key = key_node.value
            if key_node.tag != _TEXT:
                self._fail(
                    where,
                    f"the key {key} is read by YAML as "
                    f"{_TYPED.get(key_node.tag, 'a non-text value')}, not as text; "
                    f'put it in quotes: "{key}"',
                )
                continue
            if key in result:
                first = self.doc.key_positions[(*path, key)]
                self._fail(where, f"duplicate key {key!r} (first given at line {first.line})")
                continue
            self.doc.key_positions[(*path, key)] = where
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: DataPath) -> Any:
        if node.tag == _TEXT:
            return node.value
        if node.tag == _NULL:
            return None
        if node.tag in _TYPED:
            if not node.style:  # plain: None from PyYAML's parser, "" from libyaml's
                self.doc.typed_scalars[path] = (node.value, _TYPED[node.tag])
            return self.loader.construct_object(node, deep=True)
        self._fail(
            _position(node), f"unsupported YAML tag {node.tag!r}; only plain values are allowed"
        )
        return None
