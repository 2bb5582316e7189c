"""The shape of a guide's decision tree, drawn for people: Mermaid, Graphviz DOT, or a tree.

Pure: a guide in, text out (the tree is plain data; ``report.tree_view`` draws it).
Questions and outcomes are drawn differently, each edge carries the id of the
choice that takes it, and questions asked after an outcome hang off it with a
dashed edge. Every question and outcome appears once, so the drawing stays as
small as the guide even when choices share sub-trees.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ssc_wizard import linebreak
from ssc_wizard.controls import visible
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide, Localized

#: Terminal cells (a Chinese character is two) per line of a DOT label, which
#: Graphviz never wraps itself.
_DOT_WIDTH = 32


def _text(text: Localized, lang: Lang) -> str:
    """A text as drawn: in ``lang``, with any control character written out."""
    return visible(text.get(lang))


def _question_id(qid: str) -> str:
    return f"q_{qid}"  # questions and outcomes may share an id: keep them apart


def _outcome_id(oid: str) -> str:
    return f"o_{oid}"


@dataclass(frozen=True)
class _Node:
    id: str
    kind: Literal["question", "outcome"]
    #: The label's lines: the guide's id, the text people read, then any remark.
    name: str
    text: str
    remark: str | None = None

    def lines(self, width: int | None = None) -> list[str]:
        text = linebreak.wrap(self.text, width) if width else [self.text]
        return [self.name, *text, *([self.remark] if self.remark else [])]


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    label: str
    #: A question asked after an outcome, rather than a choice's way on.
    follow_up: bool = False


def _nodes_and_edges(guide: Guide, lang: Lang) -> tuple[list[_Node], list[_Edge]]:
    scenarios = guide.scenarios
    nodes: list[_Node] = []
    edges: list[_Edge] = []
    for qid, question in scenarios.questions.items():
        remark = f"({len(guide.choices(qid))} choices)" if question.choices_from else None
        nodes.append(_Node(_question_id(qid), "question", qid, _text(question.text, lang), remark))
        for cid, choice in question.choices.items():
            if choice.next is not None:
                edges.append(_Edge(_question_id(qid), _question_id(choice.next), cid))
            elif choice.outcome is not None:
                edges.append(_Edge(_question_id(qid), _outcome_id(choice.outcome), cid))
    for oid, outcome in scenarios.outcomes.items():
        nodes.append(_Node(_outcome_id(oid), "outcome", oid, _text(outcome.title, lang)))
        for follow_up in guide.asked_after(oid):
            edges.append(_Edge(_outcome_id(oid), _question_id(follow_up), "then", follow_up=True))
    return nodes, edges


def mermaid(guide: Guide, lang: Lang = "en") -> str:
    """A Mermaid flowchart (GitHub draws one inside a ```mermaid block)."""
    nodes, edges = _nodes_and_edges(guide, lang)
    out = [
        "flowchart TD",
        "    classDef question fill:#e8f0fe,stroke:#4a6fa5,color:#000",
        "    classDef outcome fill:#e6f4ea,stroke:#3c8d5a,color:#000",
    ]
    for node in nodes:
        label = "<br>".join(map(_mermaid_text, node.lines()))  # Mermaid wraps the text itself
        shape = '{{"%s"}}' if node.kind == "question" else '(["%s"])'
        out.append(f"    {node.id}{shape % label}:::{node.kind}")
    for edge in edges:
        arrow = "-.->" if edge.follow_up else "-->"
        out.append(f'    {edge.source} {arrow}|"{_mermaid_text(edge.label)}"| {edge.target}')
    return "\n".join(out) + "\n"


#: Mermaid's own escapes (#name; or #number;) for what would end a quoted label
#: or be read as HTML or markup; ``%`` for the ``%%{init: ...}%%`` directives
#: Mermaid finds anywhere in a diagram, which could restyle it with CSS; ``:``
#: because Mermaid drops the last ``;`` of a line holding ``style...:...#...;``;
#: ``$`` because Mermaid draws a label's ``$$...$$`` as KaTeX math.
_MERMAID_ESCAPES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "%": "#37;",
    ":": "#58;",
    "$": "#36;",
    "\n": "<br>",  # a line of its own would be read as a comment if it began with %%
}


def _mermaid_text(text: str) -> str:
    return "".join(_MERMAID_ESCAPES.get(char, char) for char in text)


def dot(guide: Guide, lang: Lang = "en") -> str:
    """A Graphviz digraph: ``dot -Tsvg guide.dot -o guide.svg`` draws it."""
    nodes, edges = _nodes_and_edges(guide, lang)
    out = [
        "digraph guide {",
        f"    label={_dot_text(_text(guide.scenarios.guide.title, lang))};",
        "    labelloc=t;",
        '    fontname="Helvetica";',
        '    node [fontname="Helvetica", fontsize=11];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    style = {
        "question": 'shape=box, style="rounded,filled", fillcolor="#e8f0fe"',
        "outcome": 'shape=box, style="filled", fillcolor="#e6f4ea", peripheries=2',
    }
    for node in nodes:
        label = _dot_text("\n".join(node.lines(_DOT_WIDTH)))
        out.append(f"    {node.id} [{style[node.kind]}, label={label}];")
    for edge in edges:
        extra = ", style=dashed" if edge.follow_up else ""
        out.append(f"    {edge.source} -> {edge.target} [label={_dot_text(edge.label)}{extra}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_text(text: str) -> str:
    """A quoted DOT string; a backslash would otherwise start one of DOT's escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


#: Levels of questions the tree view shows: deeper than this, a terminal has no
#: room left for the text, and drawing the guides costs more than it shows.
MAX_DEPTH = 30


@dataclass
class TreeItem:
    """One line of the tree view and the lines under it."""

    #: "seen": a question already expanded above; "deeper": one past MAX_DEPTH.
    kind: Literal["question", "outcome", "follow_up", "seen", "deeper"]
    #: The choice id that leads here; None for the start and for follow-ups.
    via: str | None
    id: str
    text: str
    children: list[TreeItem] = field(default_factory=list)


def tree(guide: Guide, lang: Lang = "en") -> TreeItem:
    """The decision tree from the start, each question's branches shown once.

    A question reached a second time (choices sharing a sub-tree) is a "seen"
    leaf pointing back, so the tree is never larger than the guide. Questions
    more than ``MAX_DEPTH`` levels down are "deeper" leaves, left for the
    Mermaid and DOT drawings.
    """
    scenarios = guide.scenarios
    questions = scenarios.questions
    start = scenarios.start
    root = TreeItem("question", None, start, _text(questions[start].text, lang))
    expanded = {start}
    # Depth first in the order shown, so the one expanded is the first one shown.
    stack = [(root, iter(questions[start].choices.items()))]
    while stack:
        item, choices = stack[-1]
        step = next(choices, None)
        if step is None:
            stack.pop()
            continue
        cid, choice = step
        if choice.next is None:
            oid = choice.outcome or ""
            child = TreeItem("outcome", cid, oid, _text(scenarios.outcomes[oid].title, lang))
            child.children = list(_follow_up_items(guide, oid, lang))
        elif choice.next in expanded:
            child = TreeItem("seen", cid, choice.next, _text(questions[choice.next].text, lang))
        elif len(stack) >= MAX_DEPTH:
            child = TreeItem("deeper", cid, choice.next, _text(questions[choice.next].text, lang))
        else:
            child = TreeItem("question", cid, choice.next, _text(questions[choice.next].text, lang))
            expanded.add(choice.next)
            stack.append((child, iter(questions[choice.next].choices.items())))
        item.children.append(child)
    return root


def _follow_up_items(guide: Guide, outcome_id: str, lang: Lang) -> Iterator[TreeItem]:
    for qid in guide.asked_after(outcome_id):
        count = len(guide.choices(qid))
        text = f"{_text(guide.scenarios.questions[qid].text, lang)} ({count} choices)"
        yield TreeItem("follow_up", None, qid, text)
