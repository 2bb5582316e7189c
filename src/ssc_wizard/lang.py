"""The languages the tool speaks, which one the environment asks for, and their catalogs.

The tool's words are written in English (``SOURCE``: the catalogs' msgids).
It speaks English and every language whose compiled catalog it finds: in
``SSC_WIZARD_LOCALE_DIR`` (a translator's work in progress) or in the
package's ``locale`` folder, each as ``<dir>/<code>/LC_MESSAGES/ssc_wizard.mo``.
So a new language is a catalog (and the guide's texts in it), no code; an
entry in ``REGISTRY`` only gives it names and the aliases people type.

Pure but for reading those folders: the environment is handed in, so
detection is tested without touching the process's own. The stdlib
``gettext`` reads a catalog when a text in its language is first needed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import GNUTranslations

#: A language's code, as a guide's texts and ``--lang`` name it (``en``, ``zh``).
Lang = str

#: The language the tool's words are written in: the catalogs translate from it.
SOURCE = "en"
#: The gettext domain: the name of every catalog file.
DOMAIN = "ssc_wizard"
#: A folder of catalogs that comes before the package's own.
LOCALE_DIR_VARIABLE = "SSC_WIZARD_LOCALE_DIR"
#: What a language code looks like: ISO 639 letters, then any subtags (``pt-BR``).
CODE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"

#: POSIX order: the first of these that is set (and not empty) decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def N_(text: str) -> str:
    """Marks a text for the catalogs (``pybabel extract``) where it is written down."""
    return text


class Language:
    """A language, as each of its readers names it.

    A plain class rather than a dataclass: every start-up builds this module,
    and a dataclass costs a millisecond to make.
    """

    __slots__ = ("aliases", "code", "full_name", "name", "own_name")

    def __init__(
        self, code: Lang, name: str, full_name: str, own_name: str, aliases: tuple[str, ...] = ()
    ) -> None:
        self.code = code
        #: In English, as maintainers' messages say it: "no `zh` (Chinese) version".
        self.name = name
        #: In English, as the tool lists its languages; the catalogs translate it.
        self.full_name = full_name
        #: In itself: how its own readers see it listed.
        self.own_name = own_name
        #: What people type for it besides its code, lower case ("chinese", "中文").
        self.aliases = aliases


#: The languages the tool has names for. One without a catalog is not spoken;
#: one with a catalog but no entry here is spoken, and named by its code.
REGISTRY: dict[Lang, Language] = {
    language.code: language
    for language in (
        Language(
            "en",
            "English",
            # TRANSLATORS: A language's name, in the list of the languages of --lang.
            N_("English"),
            "English",
            ("english", "eng", "英文", "英语", "英語"),
        ),
        Language(
            "zh",
            "Chinese",
            # TRANSLATORS: A language's name, in the list of the languages of --lang.
            N_("Simplified Chinese"),
            "简体中文",
            (
                "chinese",
                "mandarin",
                "putonghua",
                "cn",
                "chs",
                "中文",
                "汉语",
                "漢語",
                "普通话",
                "简体中文",
                "簡體中文",
                "繁體中文",
                "繁体中文",
            ),
        ),
    )
}


def catalog_dirs(environ: Mapping[str, str]) -> list[str]:
    """Where catalogs are looked for, first first: ``SSC_WIZARD_LOCALE_DIR``, then ours."""
    from ssc_wizard import packaged

    ours = str(packaged.folder("locale"))
    extra = environ.get(LOCALE_DIR_VARIABLE, "")
    return [os.path.abspath(extra), ours] if extra else [ours]


def is_code(name: str) -> bool:
    """Whether ``name`` is a language code (``CODE_PATTERN``), tested without compiling
    a regular expression at every start-up."""
    base, *subtags = name.split("-")
    return (
        2 <= len(base) <= 3
        and base.isascii()
        and base.isalpha()
        and base.islower()
        and all(tag.isascii() and tag.isalnum() for tag in subtags)
    )


def catalog_file(folder: str, code: Lang) -> str:
    return os.path.join(folder, code, "LC_MESSAGES", DOMAIN + ".mo")


def spoken(environ: Mapping[str, str]) -> tuple[Lang, ...]:
    """English, then every language with a catalog: the registry's first, in its order."""
    found: set[Lang] = set()
    for folder in catalog_dirs(environ):
        try:
            names = os.listdir(folder)
        except OSError:  # no such folder: it has no catalogs
            continue
        found.update(
            name for name in names if is_code(name) and os.path.isfile(catalog_file(folder, name))
        )
    found.discard(SOURCE)
    known = [code for code in REGISTRY if code in found]
    return (SOURCE, *known, *sorted(found - set(known)))


#: The languages the tool speaks in this process: English first.
LANGS: tuple[Lang, ...] = spoken(os.environ)


def language(code: Lang) -> Language:
    """The registry's entry for ``code``; a language it lacks is named by its code."""
    return REGISTRY.get(code) or Language(code, code, code, code)


#: How a maintainer's message names each language the tool speaks.
NAMES: dict[Lang, str] = {code: language(code).name for code in LANGS}


def name_in(code: Lang, lang: Lang) -> str:
    """What ``lang``'s readers call language ``code``: its own name for its own readers."""
    named = language(code)
    return named.own_name if code == lang else translate(lang, named.full_name)


def resolve(typed: str, codes: Iterable[Lang] = LANGS) -> Lang | None:
    """The code of ``codes`` that ``typed`` means: the code in any case, a locale or a
    tag (``zh_CN.UTF-8``, ``zh-TW``), a name or an alias (``Chinese``, ``中文``); else None."""
    by_key = {_key(code): code for code in codes}
    said = _key(typed)
    for guess in (said, said.partition("-")[0]):
        if guess in by_key:
            return by_key[guess]
    for code in by_key.values():
        named = language(code)
        if said in {_key(alias) for alias in (named.name, named.full_name, *named.aliases)}:
            return code
    return None


def _key(typed: str) -> str:
    """A code or a name as compared: lower case, ``-`` for ``_``, without an encoding."""
    return typed.strip().casefold().partition(".")[0].partition("@")[0].replace("_", "-")


def from_environment(environ: Mapping[str, str]) -> Lang:
    """The language of the first locale variable set (``zh_CN.UTF-8`` gives ``zh``)
    when the tool speaks it; else (``C``, ``POSIX``, another language) English."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return resolve(value) or SOURCE
    return SOURCE


# The catalogs --------------------------------------------------------------------

_catalogs: dict[Lang, GNUTranslations | None] = {}


def catalog(lang: Lang) -> GNUTranslations | None:
    """The compiled catalog of ``lang``; None for English, whose words need none,
    and for a language without a readable one (its readers get the English)."""
    if lang == SOURCE:
        return None
    if lang not in _catalogs:
        _catalogs[lang] = _read(lang)
    return _catalogs[lang]


def _read(lang: Lang) -> GNUTranslations | None:
    import struct
    from gettext import GNUTranslations  # gettext is loaded by click already: this is free

    for folder in catalog_dirs(os.environ):
        path = catalog_file(folder, lang)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, "rb") as mo:
                return GNUTranslations(mo)
        except (OSError, ValueError, LookupError, struct.error) as exc:
            # A translator's broken file must not stop the tool: say it, speak English.
            sys.stderr.write(
                f"ssc-wizard: {path} is not a catalog that can be read ({exc}); "
                "its words are shown in English\n"
            )
            return None
    return None


def translate(lang: Lang, text: str, context: str | None = None) -> str:
    """``text`` (English) in ``lang``; the English itself where the catalog lacks it."""
    found = catalog(lang)
    if found is None:
        return text
    return found.pgettext(context, text) if context is not None else found.gettext(text)


def translate_plural(lang: Lang, singular: str, plural: str, count: int) -> str:
    """The form for ``count`` of a text, in ``lang``; English's where the catalog lacks it."""
    found = catalog(lang)
    if found is None:
        return singular if count == 1 else plural
    return found.ngettext(singular, plural, count)
