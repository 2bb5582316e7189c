"""Which language the environment asks for, and the tool's own words in its catalogs."""

from __future__ import annotations

import gettext
import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pydantic import ValidationError

from ssc_wizard import lang, words
from ssc_wizard.lang import LANGS, from_environment, resolve
from ssc_wizard.model import Localized
from ssc_wizard.validators import validator

REPO = Path(__file__).parents[1]
LOCALE = REPO / "src" / "ssc_wizard" / "locale"
TEMPLATE = LOCALE / "ssc_wizard.pot"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "ZH_cn.utf8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        # POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "zh_CN.GB18030@stroke"}, "zh"),
        # Not a locale variable: the tool's own SSC_WIZARD_LANG is --lang's.
        ({"LANGUAGE": "zh_CN"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], lang: str) -> None:
    assert from_environment(environ) == lang


def test_the_tool_speaks_english_and_each_language_it_has_a_catalog_for(tmp_path: Path) -> None:
    shipped = {po.parents[1].name for po in LOCALE.glob("*/LC_MESSAGES/ssc_wizard.po")}
    assert LANGS[0] == "en"
    assert set(LANGS) == {"en", *shipped}
    assert LANGS[:2] == ("en", "zh")  # the registry's languages first, in its order
    for code in ("xx", "pt-BR", "not a code", "en"):
        folder = tmp_path / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "ssc_wizard.mo").write_bytes(b"")
    (tmp_path / "yy").mkdir()  # no catalog in it
    assert lang.spoken({"SSC_WIZARD_LOCALE_DIR": str(tmp_path)}) == ("en", "zh", "pt-BR", "xx")
    assert lang.spoken({"SSC_WIZARD_LOCALE_DIR": str(tmp_path / "nowhere")}) == ("en", "zh")


@pytest.mark.parametrize(
    "name",
    [
        "en",
        "zh",
        "yue",
        "pt-BR",
        "zh-Hant",
        "sr-Latn-RS",
        "",
        "e",
        "engl",
        "EN",
        "zh_CN",
        "zh-",
        "-zh",
        "zh-H@nt",
        "\uff3a\uff28",
        "é",
        "en\n",
        "ç-a",
    ],
)
def test_a_code_is_what_the_schema_says_one_is(name: str) -> None:
    assert lang.is_code(name) is bool(re.fullmatch(lang.CODE_PATTERN, name))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zh", "zh"),
        ("ZH", "zh"),
        ("zh-Hans", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("Chinese", "zh"),
        ("Simplified Chinese", "zh"),
        ("简体中文", "zh"),
        ("普通话", "zh"),
        ("English", "en"),
        ("en-GB", "en"),
        ("qaa", None),
        ("français", None),
        ("", None),
    ],
)
def test_what_people_type_for_a_language_resolves_to_its_code(
    typed: str, meant: str | None
) -> None:
    assert resolve(typed) == meant


def test_a_language_is_named_in_each_language() -> None:
    assert (lang.NAMES["en"], lang.NAMES["zh"]) == ("English", "Chinese")
    assert [lang.name_in(code, "en") for code in ("en", "zh")] == ["English", "Simplified Chinese"]
    assert [lang.name_in(code, "zh") for code in ("en", "zh")] == ["英语", "简体中文"]
    assert lang.name_in("xx", "en") == "xx"  # a language the registry lacks: its code
    assert words.LANGUAGES("en").startswith("en (English), zh (Simplified Chinese)")
    assert words.LANGUAGES("zh") == "en（英语）、zh（简体中文）"


# --- a guide's texts, by language ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "asked", "shown", "language"),
    [
        ("Red", "en", "Red", "en"),
        ("Red", "zh", "Red", "en"),  # plain text is English
        ({"en": "Red", "zh": "红色"}, "zh", "红色", "zh"),
        ({"en": "Red", "zh": "红色"}, "en", "Red", "en"),
        ({"zh": "红色"}, "en", "红色", "zh"),
        ({"zh": "红色", "en": "Red"}, "xx", "Red", "en"),  # English first, as written or not
    ],
)
def test_a_text_is_shown_in_the_language_asked_for_else_in_another(
    written: object, asked: str, shown: str, language: str
) -> None:
    text = validator(Localized).validate_python(written)
    assert (text.get(asked), text.language(asked)) == (shown, language)


def test_a_text_says_which_languages_it_has() -> None:
    text = validator(Localized).validate_python({"zh": "红色"})
    assert (text.languages, text.missing) == (("zh",), ["en"])
    assert (text.exactly("zh"), text.exactly("en")) == ("红色", None)
    assert text == validator(Localized).validate_python({"zh": "红色"})
    assert (
        len({text, validator(Localized).validate_python({"zh": "红色"})}) == 1
    )  # frozen: hashable


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ({"qaa": "Rouge"}, "unknown language 'qaa': a text is written in `en` (English) and `zh`"),
        ({}, "give the text in each language: `{en: ..., zh: ...}`"),
        (None, "give the text in each language"),
        ({"en": ""}, "at least 1 character"),
    ],
)
def test_a_text_in_no_language_the_tool_speaks_is_refused(written: object, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        validator(Localized).validate_python(written)


# --- the words and their catalogs ------------------------------------------------------

ENTRIES = {
    name: entry for name, entry in vars(words).items() if isinstance(entry, words.Tr | words.Plural)
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(name: str, code: str) -> list[tuple[str, str]]:
    """Each form of an entry in ``code``, beside its English."""
    entry = ENTRIES[name]
    if isinstance(entry, words.Tr):
        return [(entry.msgid, entry.text(code))]
    return [
        (entry.singular if count == 1 else entry.plural, entry.text(code, count))
        for count in (1, 2, 5)
    ]


@pytest.mark.parametrize("code", LANGS[1:])
@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_each_translation_takes_the_values_its_english_takes(name: str, code: str) -> None:
    for english, translated in _forms(name, code):
        assert _fields(translated) == _fields(english)
        values = dict.fromkeys(_fields(english), "x")
        assert translated.format(**values)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_english_is_english_and_chinese_is_chinese(name: str) -> None:
    for english, chinese in _forms(name, "zh"):
        assert english.isascii(), "English shows on any terminal, the English fallback included"
        if re.search(
            r"[A-Za-z]{3,}", re.sub(r"\{.*?\}|--[\w-]+|ssc-wizard|[A-Z_]+=\S*", "", english)
        ):
            assert CJK.search(chinese), f"{name} is not translated"


def test_the_same_english_can_be_said_two_ways() -> None:
    assert (words.BACK("en"), words.BACK_TO_MENU("en")) == ("Back", "Back")
    assert (words.BACK("zh"), words.BACK_TO_MENU("zh")) == ("返回上一题", "返回")


def test_a_count_picks_the_form() -> None:
    values = {"given": "-a q=c", "path": "a=b"}
    assert "this question is not asked" in words.OFF_PATH("en", 1, **values)
    assert "these questions are not asked" in words.OFF_PATH("en", 2, **values)
    assert "这个问题" in words.OFF_PATH("zh", 1, **values)
    assert "这些问题" in words.OFF_PATH("zh", 3, **values)
    assert " is for the questions" in words.REFUSED_BEFORE("en", 1, options="-o", command="c")
    assert " are for the questions" in words.REFUSED_BEFORE(
        "en", count=2, options="-o, -a", command="c"
    )


def test_everything_holds_every_word_of_a_language() -> None:
    chinese = words.everything("zh")
    assert all(form in chinese for name in ENTRIES for _, form in _forms(name, "zh"))
    assert "英语" in chinese  # the names of the languages, too
    assert words.everything("en").isascii()


def test_a_translation_that_takes_a_value_the_english_lacks_falls_back_to_the_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Slipped(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "{missing} " + message

    monkeypatch.setitem(lang._catalogs, "xx", Slipped())
    assert words.FOR_DISTRICT("xx", district="Lixia") == "For Lixia."


# --- the catalogs as maintained ---------------------------------------------------------


def _catalog(path: Path) -> Catalog:
    # Strictly: Babel otherwise reads an unterminated string as a cut-off word.
    with path.open("rb") as po:
        return read_po(po, abort_invalid=True)


def _keys(catalog: Catalog) -> set[tuple[str | None, object]]:
    return {(message.context, message.id) for message in catalog if message.id}


def test_the_template_holds_what_the_code_says(tmp_path: Path) -> None:
    """``pybabel extract`` (configured in pyproject.toml) gives the template as it is."""
    fresh = tmp_path / "fresh.pot"
    done = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-o", str(fresh)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    kept, extracted = _catalog(TEMPLATE), _catalog(fresh)
    assert _keys(kept) == _keys(extracted), "run `pybabel extract`, then `pybabel update`"
    for message in extracted:
        if message.id:
            assert kept.get(message.id, message.context).auto_comments == message.auto_comments


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/ssc_wizard.po")), ids=str)
def test_each_catalog_translates_the_whole_template(po: Path) -> None:
    catalog = _catalog(po)
    assert _keys(catalog) == _keys(_catalog(TEMPLATE)), "run `pybabel update`"
    assert not catalog.fuzzy and not catalog.obsolete
    for message in catalog:
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(forms) and not message.fuzzy, message.id


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/ssc_wizard.po")), ids=str)
def test_the_compiled_catalogs_are_their_sources(po: Path) -> None:
    """The .mo the tool reads holds what its .po says (the build or `pybabel compile`)."""
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(po))
    compiled.seek(0)
    code = po.parents[1].name
    installed = lang.catalog(code)
    assert installed is not None, f"no compiled catalog for {code}: run `pybabel compile`"
    fresh = gettext.GNUTranslations(compiled)
    assert installed._catalog == fresh._catalog, (  # type: ignore[attr-defined]
        f"the compiled catalog of {code} is older than its .po: run `pybabel compile`"
    )
