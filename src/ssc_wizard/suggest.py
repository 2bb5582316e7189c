"""Near misses: "did you mean ...?" for an id, a format or a language that was refused.

Imported only once something has been refused, so that a run that goes well
never pays for it (nor for difflib).
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

from ssc_wizard import words
from ssc_wizard.ids import canonical
from ssc_wizard.lang import Lang, resolve

#: At most this many suggestions: more would be a list, and the message has one.
MOST = 3
#: What a format is often called instead of its name: its file suffix.
FORMAT_NAMES: dict[str, str] = {"md": "markdown", "txt": "text", "plain": "text"}


def near_format(typed: str, formats: Iterable[str]) -> list[str]:
    """The format meant by a file suffix (``md``, ``.txt``), or the near misses of its name."""
    formats = list(formats)
    said = canonical(typed.strip()).removeprefix(".")
    if FORMAT_NAMES.get(said) in formats:
        return [FORMAT_NAMES[said]]
    return near(said, formats)


def near(typed: str, known: Iterable[str]) -> list[str]:
    """The ids of ``known`` closest to ``typed`` (in any case, ``-`` for ``_``), best first."""
    return get_close_matches(canonical(typed), list(known), n=MOST)


def near_language(typed: str, codes: Iterable[str]) -> list[str]:
    """The code meant by a locale (``zh-CN``, ``zh_TW.UTF-8``), a name or an alias
    (``Chinese``, ``中文``: ``lang.REGISTRY``), or a near miss of a code (``eng``);
    [] when none is."""
    codes = list(codes)
    meant = resolve(typed, codes)
    return [meant] if meant is not None else near(typed.strip().casefold(), codes)


def either(ids: list[str], lang: Lang) -> str:
    """``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'``, quoted as ``lang`` quotes an id."""
    shown = [words.QUOTED_ID(lang, id=i) for i in ids]
    if len(shown) == 1:
        return shown[0]
    return words.EITHER(lang, some=words.LIST_SEPARATOR(lang).join(shown[:-1]), last=shown[-1])


def did_you_mean(typed: str, known: Iterable[str], lang: Lang) -> str | None:
    """The near misses of ``typed`` among ``known``, ready for a message; None if none."""
    found = near(typed, known)
    return either(found, lang) if found else None
