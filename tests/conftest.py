"""Shared fixtures: guides built from short YAML snippets, and the shipped guide."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide

TESTS = Path(__file__).parent
MINI = TESTS / "guides" / "mini"

#: The smallest valid scenarios file: one question, one outcome.
TINY_SCENARIOS = """
guide: {title: T, source: S, more_help: M}
start: q
questions:
  q:
    text: Q?
    choices:
      a: {label: A, outcome: done}
outcomes:
  done:
    title: Done
    summary: Done.
    steps: [Go.]
    offices: [{office: desk, role: Go here.}]
    materials: [ID.]
    legal_basis: []
"""

GuideDir = Callable[..., Path]

#: The Jinan guide's stable ids, in the order offered: scripts depend on them.
JINAN_CHOICES = {
    "card_state": [
        "not_damaged",
        "damaged_card",
        "lost",
        "out_of_province",
        "other_shandong_city",
        "none",
    ],
    "keep_card": ["yes", "no"],
    "keep_shandong_card": ["yes", "no"],
    "account_normal": ["yes", "no"],
    "district": [
        "lixia",
        "shizhong",
        "huaiyin",
        "tianqiao",
        "licheng",
        "changqing",
        "zhangqiu",
        "jiyang",
        "laiwu",
        "gangcheng",
        "pingyin",
        "shanghe",
        "unsure",
    ],
}


#: What decides the language, besides --lang (and which languages there are).
LANGUAGE_VARIABLES = ("SSC_WIZARD_LANG", "SSC_WIZARD_LOCALE_DIR", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in an English UTF-8 locale, whatever the machine's is.

    Subprocesses inherit it; a test about another language sets its own.
    """
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session", autouse=True)
def own_guide_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests, and the commands they run, keep guides in a cache of their own,
    never in the user's; the cache stays on, as it is for everyone. Set for the
    whole session, before the session's own guides are loaded."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SSC_WIZARD_NO_CACHE", raising=False)
        patch.setenv("SSC_WIZARD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def guide_dir(tmp_path: Path) -> GuideDir:
    """Write a guide folder from snippets; either file defaults to the mini guide's."""

    def make(scenarios: str | None = None, offices: str | None = None) -> Path:
        folder = tmp_path / "guide"
        folder.mkdir(exist_ok=True)
        for name, text in (("scenarios.yaml", scenarios), ("offices.yaml", offices)):
            content = textwrap.dedent(text) if text is not None else (MINI / name).read_text()
            (folder / name).write_text(content, encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def mini() -> Guide:
    return load_guide(MINI)


@pytest.fixture(scope="session")
def jinan() -> Guide:
    return load_guide(default_data_dir())


def run_installed(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command as a user would: no guide from the environment, no terminal."""
    env = {k: v for k, v in os.environ.items() if k != "SSC_WIZARD_DATA"}
    return subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def console_script() -> str:
    """The installed ssc-wizard command, beside the Python running the tests."""
    script = Path(sys.executable).parent / "ssc-wizard"
    found = str(script) if script.exists() else shutil.which("ssc-wizard")
    if found is None:
        pytest.fail("the ssc-wizard command is not installed next to this Python")
    return found
