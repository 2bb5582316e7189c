"""What each command does, once ``cli`` has read its options.

One module per command, each loaded only when its command runs. They speak
through ``screen`` and raise the product's errors; ``cli`` turns those into
messages and exit codes.
"""

from __future__ import annotations

from enum import StrEnum


# The --format choices of two commands, here so that ``cli`` can declare the
# options without loading the commands.
class GraphFormat(StrEnum):
    tree = "tree"
    mermaid = "mermaid"
    dot = "dot"


class PathsFormat(StrEnum):
    text = "text"
    json = "json"
