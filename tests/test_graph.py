"""The decision tree drawn: Mermaid and DOT read back by their own tools, and the tree view."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from ssc_wizard import graph
from ssc_wizard.model import Guide
from ssc_wizard.parsing import parse_guide

from conftest import MINI
from generated import OFFICES, build, diamonds

#: CI installs Graphviz and Mermaid and sets this, so that there the tests run, never skip.
REQUIRED = bool(os.environ.get("SSC_WIZARD_REQUIRE_RENDERERS"))
MERMAID_DIR = os.environ.get("SSC_WIZARD_MERMAID_DIR", "")

#: Text that would break a label if it were not escaped.
HOSTILE = 'Say "hi" & <b>bye</b> #quot; `code` | ] } \\N back\\slash'


def _hostile() -> Guide:
    text = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
    text = text.replace('en: "Which colour?"', f"en: {json.dumps(HOSTILE)}")
    text = text.replace("en: Go big", f"en: {json.dumps(HOSTILE)}")
    text = text.replace("en: Test guide", f"en: {json.dumps(HOSTILE)}")
    return parse_guide(text, OFFICES)


def _guides(jinan: Guide, mini: Guide) -> Iterator[tuple[str, Guide]]:
    yield "jinan", jinan
    yield "mini", mini
    yield "hostile", _hostile()
    yield "diamonds", build(diamonds(3), start="q0", asks={"end": ["area"]})


def _edges(guide: Guide) -> set[tuple[str, str, str]]:
    """(from, to, label): each choice that leads on, each question asked after an outcome."""
    edges = set()
    for qid, question in guide.scenarios.questions.items():
        for cid, choice in question.choices.items():
            if choice.next is not None:
                edges.add((f"q_{qid}", f"q_{choice.next}", cid))
            elif choice.outcome is not None:
                edges.add((f"q_{qid}", f"o_{choice.outcome}", cid))
    for oid, outcome in guide.scenarios.outcomes.items():
        edges |= {(f"o_{oid}", f"q_{qid}", "then") for qid in outcome.ask}
    return edges


def _nodes(guide: Guide) -> set[str]:
    scenarios = guide.scenarios
    return {f"q_{q}" for q in scenarios.questions} | {f"o_{o}" for o in scenarios.outcomes}


MERMAID_NODE = re.compile(
    r'^    (\w+)(?:\{\{"([^"]*)"\}\}:::question|\(\["([^"]*)"\]\):::outcome)$'
)
MERMAID_EDGE = re.compile(r'^    (\w+) (?:-->|-\.->)\|"([^"]*)"\| (\w+)$')


def test_mermaid_declares_every_node_once_and_every_edge(jinan: Guide, mini: Guide) -> None:
    for name, guide in _guides(jinan, mini):
        lines = graph.mermaid(guide).splitlines()
        assert lines[0] == "flowchart TD"
        nodes = [m.group(1) for m in map(MERMAID_NODE.match, lines) if m]
        edges = {(m[1], m[3], m[2]) for m in map(MERMAID_EDGE.match, lines) if m}
        assert sorted(nodes) == sorted(_nodes(guide)), name
        assert edges == _edges(guide), name
        assert len(lines) == 3 + len(nodes) + len(edges), "a line that is neither node nor edge"


def test_mermaid_escapes_what_would_end_a_label() -> None:
    text = graph.mermaid(_hostile())
    assert '"hi"' not in text and "<b>" not in text and "`" not in text
    assert "#quot;hi#quot; #amp; #lt;b#gt;bye#lt;/b#gt; #35;quot;" in text


def _mermaid_parse(texts: list[str]) -> list[dict[str, Any]]:
    """What Mermaid makes of each text: its diagram type, its configuration and
    the labels it would draw (``{"error": ...}`` where it fails to parse)."""
    script = """
        import { JSDOM } from 'jsdom';
        const dom = new JSDOM('<!DOCTYPE html><body></body>');
        globalThis.window = dom.window; globalThis.document = dom.window.document;
        const { default: mermaid } = await import('mermaid');
        let input = '';
        for await (const chunk of process.stdin) input += chunk;
        const verdicts = [];
        for (const text of JSON.parse(input)) {
            try {
                const { diagramType, config } = await mermaid.parse(text);
                const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
                const labels = [...diagram.db.getVertices().values()].map((v) => v.text)
                    .concat(diagram.db.getEdges().map((e) => e.text));
                verdicts.push({ diagramType, config, labels });
            }
            catch (error) { verdicts.push({ error: error.message }); }
        }
        console.log(JSON.stringify(verdicts));
    """
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(texts),
        cwd=MERMAID_DIR,  # where `import 'mermaid'` is resolved
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    verdicts: list[dict[str, Any]] = json.loads(done.stdout)
    return verdicts


def _drawn(label: str) -> str:
    """A label as the page shows it: Mermaid's placeholders for its ``#...;``
    escapes turned into HTML entities (as Mermaid does), then those read as a browser does."""
    entities = label.replace("\ufb02\xb0\xb0", "&#").replace("\ufb02\xb0", "&")
    return html.unescape(entities.replace("\xb6\xdf", ";"))


needs_mermaid = pytest.mark.skipif(
    not REQUIRED and not (MERMAID_DIR and shutil.which("node")),
    reason="needs node and SSC_WIZARD_MERMAID_DIR (a folder with mermaid and jsdom installed)",
)


@pytest.mark.slow
@needs_mermaid
def test_mermaid_parses_with_mermaid_itself(jinan: Guide, mini: Guide) -> None:
    named = dict(_guides(jinan, mini))
    broken = 'flowchart TD\n    a{{"x"}} --> b((\n'  # so that the check is seen to fail
    verdicts = _mermaid_parse([graph.mermaid(guide) for guide in named.values()] + [broken])
    types = {
        name: v.get("diagramType", v.get("error"))
        for name, v in zip(named, verdicts[:-1], strict=True)
    }
    assert types == dict.fromkeys(named, "flowchart-v2")
    assert verdicts[-1]["error"].startswith("Parse error")


#: Texts Mermaid would otherwise read as its own: a directive that restyles the
#: diagram, a line it takes for a comment, and a line it cuts a character from.
DIRECTIVES = [
    "%%{init: {'themeCSS': 'body{background:url(https://example.com/beacon)}'}}%%",
    "first line\n%% not a comment",
    "lifestyle:#1; and more:<b>;",
    "a price of $$x^2$$",
]


@pytest.mark.slow
@needs_mermaid
def test_mermaid_draws_directives_in_a_guide_as_text(mini: Guide) -> None:
    text = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
    for old, new in zip(
        ['en: "Which colour?"', "en: Go big", 'en: "Which size?"', "en: Go small"],
        DIRECTIVES,
        strict=True,
    ):
        text = text.replace(old, f"en: {json.dumps(new)}")
    [verdict] = _mermaid_parse([graph.mermaid(parse_guide(text, OFFICES))])
    assert verdict.get("config") == {}, verdict
    labels = [_drawn(label) for label in verdict["labels"]]
    # Each node's label is its id, then its text.
    assert "colour<br>" + DIRECTIVES[0] in labels
    assert "go_big<br>" + DIRECTIVES[1].replace("\n", "<br>") in labels
    assert "size<br>" + DIRECTIVES[2] in labels
    # Mermaid draws $$...$$ as math only where it finds it in the label it holds.
    assert "go_small<br>" + DIRECTIVES[3] in labels
    assert not any("$$" in label for label in verdict["labels"])


@pytest.mark.skipif(not REQUIRED and not shutil.which("dot"), reason="needs Graphviz's dot")
def test_dot_renders_without_warnings_and_draws_every_node_and_edge(
    jinan: Guide, mini: Guide
) -> None:
    for name, guide in _guides(jinan, mini):
        done = subprocess.run(
            ["dot", "-Tjson"], input=graph.dot(guide), capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stderr) == (0, ""), name
        drawn = json.loads(done.stdout)
        names = {o["name"]: o for o in drawn["objects"]}
        assert set(names) == _nodes(guide), name
        by_index = [o["name"] for o in drawn["objects"]]
        edges = {(by_index[e["tail"]], by_index[e["head"]], e["label"]) for e in drawn["edges"]}
        assert edges == _edges(guide), name
        shapes = {o["name"][0]: (o["shape"], o.get("peripheries")) for o in drawn["objects"]}
        assert shapes["q"] != shapes["o"], "questions and outcomes must look different"


@pytest.mark.skipif(not REQUIRED and not shutil.which("dot"), reason="needs Graphviz's dot")
def test_dot_shows_hostile_text_as_written() -> None:
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=graph.dot(_hostile()), capture_output=True, text=True, check=True
    ).stdout
    # Wrapped over lines, each line a <text>; put back together, nothing is lost or read as code.
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    for word in ("Say", "&quot;hi&quot;", "&amp;", "&lt;b&gt;bye&lt;/b&gt;", "\\N", "back\\slash"):
        assert word in texts


def _shown(item: graph.TreeItem) -> Iterator[graph.TreeItem]:
    """The tree's items top to bottom, as the tree view prints them."""
    yield item
    for child in item.children:
        yield from _shown(child)


def test_tree_expands_each_question_once_and_points_back_after() -> None:
    guide = build(diamonds(3), start="q0")
    items = list(_shown(graph.tree(guide)))
    assert [i.id for i in items if i.kind == "question"] == ["q0", "q1", "q2", "q3"]
    # Each later visit comes after (below) the one expanded.
    assert [(i.via, i.id) for i in items if i.kind == "seen"] == [
        ("right", "q3"),
        ("right", "q2"),
        ("right", "q1"),
    ]
    assert len(items) == 4 + 3 + 2  # each question, each later visit, each outcome


def test_tree_of_the_shipped_guide_shows_every_outcome_and_the_district(jinan: Guide) -> None:
    root = graph.tree(jinan)
    assert [(c.via, c.id) for c in root.children] == [
        ("not_damaged", "replace_card"),
        ("damaged_card", "damaged_card"),
        ("lost", "lost_card"),
        ("out_of_province", "keep_card"),
        ("other_shandong_city", "keep_shandong_card"),
        ("none", "first_application"),
    ]
    follow_up = root.children[0].children[0]
    assert (follow_up.kind, follow_up.id) == ("follow_up", "district")
    assert follow_up.text.endswith("(13 choices)")


def test_tree_stops_expanding_past_its_depth() -> None:
    guide = build(diamonds(graph.MAX_DEPTH + 10), start="q0")
    items = list(_shown(graph.tree(guide)))
    expanded = [i.id for i in items if i.kind == "question"]
    assert expanded == [f"q{i}" for i in range(graph.MAX_DEPTH)]
    assert [(i.via, i.id) for i in items if i.kind == "deeper"] == [
        ("left", f"q{graph.MAX_DEPTH}"),
        ("right", f"q{graph.MAX_DEPTH}"),
    ]
