"""What each command does, once ``cli`` has read its options.

One module per command, each loaded only when its command runs. They speak
through ``screen`` and raise the product's errors; ``cli`` turns those into
messages and exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssc_wizard.lang import Lang
    from ssc_wizard.model import Guide


def open_guide(
    guide_dir: Path, lang: str | None, speak: Callable[[Lang], None]
) -> tuple[Guide, Lang]:
    """The guide, and the language the run speaks now that its texts are known
    (``lang_choice.choose``); ``speak`` is told it, so that what is refused from
    here on is said in it."""
    from ssc_wizard.lang_choice import choose
    from ssc_wizard.loader import load_guide

    guide = load_guide(guide_dir)
    chosen = choose(lang, guide)
    speak(chosen)
    return guide, chosen


# The --format choices of two commands, here so that ``cli`` can declare the
# options without loading the commands.
class GraphFormat(StrEnum):
    tree = "tree"
    mermaid = "mermaid"
    dot = "dot"


class PathsFormat(StrEnum):
    text = "text"
    json = "json"
