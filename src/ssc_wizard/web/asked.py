"""What a request asks for: its language and its answers, read from the query string.

Every page and the API read requests here, so that each refuses the same
things the same way: a query string too long to be answers, a language the
tool does not speak, a key given twice, an unknown question or choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from starlette.requests import Request

from ssc_wizard.lang import LANGS, Lang, resolve
from ssc_wizard.model import Guide
from ssc_wizard.web.flow import LANG_KEY, parse_answers

#: Longer than any answers to any guide's questions could be: refused unread.
MAX_QUERY = 4096
#: Of an Accept-Language header, only so much is read: a browser's is a few dozen.
MAX_ACCEPT_LANGUAGE = 512


class TooLong(Exception):
    """The query string is longer than ``MAX_QUERY``."""


class NotALanguage(Exception):
    """``?lang=`` names no language the tool speaks."""

    def __init__(self, typed: str) -> None:
        super().__init__(typed)
        self.typed = typed


@dataclass(frozen=True)
class Asked:
    """A request's language and answers: all a page depends on (so a page can be
    kept, and served again, under its ``Asked``)."""

    lang: Lang
    #: Whether ``?lang=`` chose it: then every link keeps it.
    chosen: bool
    #: The answers, in the order given.
    pairs: tuple[tuple[str, str], ...]

    @cached_property
    def answers(self) -> dict[str, str]:
        return dict(self.pairs)

    def link(self, path: str, answers: Mapping[str, str] | None = None) -> str:
        """``path`` with ``answers`` (these answers if None) and the chosen language."""
        pairs = list((self.answers if answers is None else answers).items())
        if self.chosen:
            pairs.append((LANG_KEY, self.lang))
        return f"{path}?{urlencode(pairs)}" if pairs else path

    def in_language(self, path: str, lang: Lang) -> str:
        """This page in ``lang``."""
        return f"{path}?{urlencode([*self.answers.items(), (LANG_KEY, lang)])}"


def read_language(request: Request, default: Lang) -> tuple[Lang, bool]:
    """``?lang=``, else the first language of Accept-Language the tool speaks, else ``default``."""
    typed = request.query_params.getlist(LANG_KEY)
    if typed:
        code = resolve(typed[-1])
        if code is None or (len(typed) > 1 and len({resolve(t) for t in typed}) > 1):
            raise NotALanguage(", ".join(typed))
        return code, True
    return accepted(request.headers.get("accept-language", ""), default), False


def accepted(header: str, default: Lang) -> Lang:
    """The language of an Accept-Language header the tool speaks, by the weights given."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header[:MAX_ACCEPT_LANGUAGE].split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and weight > 0:
            ranked.append((-weight, index, tag))
    for _, _, tag in sorted(ranked):
        code = resolve(tag, LANGS) if tag != "*" else default
        if code is not None:
            return code
    return default


class NotAParameter(Exception):
    """A query string's key that an address does not take."""

    def __init__(self, key: str, known: tuple[str, ...]) -> None:
        super().__init__(key)
        self.key = key
        self.known = known


def language_of(request: Request, default: Lang) -> tuple[Lang, bool]:
    """The language of ``request``, and whether ``?lang=`` chose it; the error
    boundary says what is refused after this in that language."""
    if len(request.scope.get("query_string", b"")) > MAX_QUERY:
        raise TooLong()
    lang, chosen = read_language(request, default)
    request.state.lang = lang
    request.state.chosen = chosen
    return lang, chosen


def read(request: Request, guide: Guide, default: Lang) -> Asked:
    """The language and the answers of ``request``; raises what it refuses."""
    lang, chosen = language_of(request, default)
    answers = parse_answers(guide, request.query_params.multi_items())
    return Asked(lang, chosen, tuple(answers.items()))
