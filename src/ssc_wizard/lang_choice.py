"""Which language a run speaks: the one place that decides it, for every command,
for ``--help`` (written before ``--lang`` is read), for completion and for refusals.

``--lang``, else ``SSC_WIZARD_LANG`` (click reads it into ``--lang``), else the
locale; and English where the output cannot show the language asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ssc_wizard import terminal, words
from ssc_wizard.lang import LANGS, NAMES, Lang, from_environment

if TYPE_CHECKING:
    from ssc_wizard.model import Guide

#: The option's name in click's context.
OPTION = "lang_option"


def choose(chosen: str | None, guide: Guide | None = None, *, quiet: bool = False) -> Lang:
    """``chosen`` (``--lang``), else the environment's; English where the output cannot show it.

    Checked before anything is printed, so that nothing comes out half in
    question marks: stdout and stderr must both be able to show every text of
    the tool and the guide in that language. ``quiet``: say nothing about it.
    """
    lang = str(chosen) if chosen is not None else from_environment(os.environ)
    if lang == "en":
        return lang
    limited = [s for s in (sys.stdout, sys.stderr) if not terminal.writes_any_text(s)]
    if not limited:  # the usual UTF-8 terminal: nothing to try
        return lang
    sample = words.everything(lang)
    if guide is not None:
        from ssc_wizard.model import texts

        everywhere = texts(guide.scenarios), texts(guide.offices)
        sample += "".join(text.get(lang) for found in everywhere for _, text in found)
    for stream in limited:
        if terminal.unencodable(sample, stream) is not None:
            if not quiet:
                from ssc_wizard.screen import say_error

                encoding = getattr(stream, "encoding", "?")
                say_error(words.CANNOT_SHOW.format(encoding=encoding, language=NAMES[lang]))
            return "en"
    return lang


def typed(argv: Sequence[str]) -> Lang | None:
    """``--lang`` as typed anywhere on a command line click has not read yet, if a language."""
    found = next((arg.partition("=")[2] for arg in argv if arg.startswith("--lang=")), None)
    if found is None and "--lang" in argv[:-1]:
        found = argv[list(argv).index("--lang") + 1]
    found = (found or os.environ.get("SSC_WIZARD_LANG", "")).strip().lower()
    return found if found in LANGS else None


def for_help(argv: Sequence[str]) -> Lang:
    """The language of --help, which click writes before --lang is read."""
    return choose(typed(argv), quiet=True)


def given(ctx: Any) -> str | None:
    """--lang given after the command's name, or before it (click's context)."""
    from ssc_wizard.usage import option_value

    chosen = option_value(ctx, OPTION) if ctx is not None else None
    return str(chosen) if chosen is not None else None


def for_refusal(ctx: Any) -> Lang:
    """The language of a refusal: ``--lang`` when click has read it, else as for ``--help``
    (``--lang`` anywhere on the command line, ``SSC_WIZARD_LANG``, the locale)."""
    chosen = given(ctx)
    if chosen is not None:
        return choose(chosen, quiet=True)
    return for_help(sys.argv[1:])


def for_completion(ctx: Any) -> Lang:
    """The descriptions' language: --lang when typed before the word completed."""
    chosen = given(ctx)
    return chosen if chosen is not None else from_environment(os.environ)
