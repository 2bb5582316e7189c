"""``graph``: the decision tree drawn in the terminal, or as Mermaid or Graphviz DOT."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ssc_wizard import graph, screen, terminal
from ssc_wizard.commands import GraphFormat, open_guide
from ssc_wizard.lang import Lang

if TYPE_CHECKING:
    from rich.console import Console


def run(
    guide_dir: Path,
    fmt: GraphFormat,
    *,
    lang: str | None,
    plain: bool,
    speak: Callable[[Lang], None],
) -> None:
    guide, chosen = open_guide(guide_dir, lang, speak)
    if fmt is GraphFormat.mermaid:
        screen.write(graph.mermaid(guide, chosen), chosen)
    elif fmt is GraphFormat.dot:
        screen.write(graph.dot(guide, chosen), chosen)
    elif plain:
        from ssc_wizard.linebreak import fold
        from ssc_wizard.report import tree_text

        ascii_only = terminal.unencodable("→", sys.stdout) is not None
        text = tree_text(graph.tree(guide, chosen), ascii_only=ascii_only)
        screen.write(fold(text, screen.text_width()), chosen)
    else:
        from ssc_wizard.report import tree_view

        def draw(console: Console) -> None:
            tree = graph.tree(guide, chosen)
            console.print(tree_view(tree, ascii_only=console.options.ascii_only))

        screen.write(screen.drawn(draw), chosen)
