"""Ids as people type them: the one place where a typed id is matched to the guide's.

A guide's ids are lower case, digits and ``_`` (``model.Id``), so an id typed
in another case, or with ``-`` for ``_`` (``Card-State``, ``LIXIA``), names
exactly one of them: it is taken as that id. Anything else is left as typed,
so that a message about it quotes what the person wrote.
"""

from __future__ import annotations

from collections.abc import Collection


def canonical(typed: str) -> str:
    """The id ``typed`` would be: lower case, ``_`` for ``-``. Only ASCII is changed,
    since ids are ASCII: a letter that only lower-cases to one (the Kelvin sign
    to ``k``) names no id."""
    return typed.lower().replace("-", "_") if typed.isascii() else typed


def resolve(typed: str, known: Collection[str]) -> str:
    """The id of ``known`` that ``typed`` names, or ``typed`` as it is when none does."""
    if typed in known:
        return typed
    found = canonical(typed.strip())  # no id holds a space: " lost " is typed by mistake
    return found if found in known else typed


def completed(typed: str, id_: str) -> str | None:
    """``typed`` with the rest of ``id_`` after it, when ``typed`` starts it; else None.

    What was typed stays as typed (``Card-St`` gives ``Card-State``): every
    shell offers only completions that start with the word as typed.
    """
    if id_.startswith(canonical(typed)):  # of the same length: only ASCII is changed
        return typed + id_[len(typed) :]
    return None
