"""Which language the environment asks for, and the tool's own words in both."""

from __future__ import annotations

import re
import string

import pytest

from ssc_wizard import words
from ssc_wizard.lang import from_environment

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
        # Not a locale variable: the tool's own SSC_WIZARD_LANG is --lang's.
        ({"LANGUAGE": "zh_CN"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], lang: str) -> None:
    assert from_environment(environ) == lang


ALL = {name: tr for name, tr in vars(words).items() if isinstance(tr, words.Tr)}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("name", sorted(ALL))
def test_both_languages_take_the_same_values(name: str) -> None:
    tr = ALL[name]
    assert _fields(tr.zh) <= _fields(tr.en)
    assert _fields(tr.en) - _fields(tr.zh) <= {"verb"}  # "is" or "are": English grammar
    values = dict.fromkeys(_fields(tr.en), "x")
    assert tr("en", **values) and tr("zh", **values)


@pytest.mark.parametrize("name", sorted(ALL))
def test_english_is_english_and_chinese_is_chinese(name: str) -> None:
    tr = ALL[name]
    assert tr.en.isascii(), "English shows on any terminal, the English fallback included"
    if re.search(r"[A-Za-z]{3,}", re.sub(r"\{.*?\}|--[\w-]+|ssc-wizard|[A-Z_]+=\S*", "", tr.en)):
        assert CJK.search(tr.zh), f"{name} is not translated"
