"""The languages the tool speaks, and which one the environment asks for.

Pure: the environment is handed in, so detection is tested without touching
the process's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = get_args(Lang)

#: How a maintainer's message names each language.
NAMES: dict[Lang, str] = {"en": "English", "zh": "Chinese"}

#: POSIX order: the first of these that is set (and not empty) decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def from_environment(environ: Mapping[str, str]) -> Lang:
    """``zh`` for any ``zh*`` locale (``zh_CN.UTF-8``, ``zh_TW``, ``zh``), else ``en``."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.strip().lower().startswith("zh") else "en"
    return "en"
