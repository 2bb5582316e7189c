"""A new language is a catalog and the guide's texts in it: no code.

The language here is made up (``xx``: the English in capitals). Its catalog is
written from the template and compiled with ``pybabel compile``, as a
translator's is, into a folder named by ``SSC_WIZARD_LOCALE_DIR``; the mini
guide is copied with every text in it too. The installed command then speaks it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ssc_wizard import words
from ssc_wizard.lang import DOMAIN
from ssc_wizard.model import Offices, Scenarios, texts
from ssc_wizard.validators import validator

from conftest import MINI, console_script

TEMPLATE = Path(__file__).parents[1] / "src" / "ssc_wizard" / "locale" / "ssc_wizard.pot"
ANSWERS = ["-a", "colour=green", "-a", "size=small", "-a", "area=north"]


def made_up(text: str) -> str:
    """The made-up language: the English in capitals, but a template's {values} as they are."""
    return "".join(
        part if part.startswith("{") else part.upper() for part in re.split(r"(\{[^}]*\})", text)
    )


def _catalog(folder: Path) -> Path:
    """The made-up language's catalog, compiled: ``<folder>/xx/LC_MESSAGES/ssc_wizard.mo``."""
    with TEMPLATE.open("rb") as pot:
        template = read_po(pot)
    catalog = Catalog(locale="xx", fuzzy=False)
    for message in template:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            said = tuple(made_up(i) for i in ids)
            catalog.add(message.id, said if len(said) > 1 else said[0], context=message.context)
    po = folder / "xx" / "LC_MESSAGES" / f"{DOMAIN}.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as out:
        write_po(out, catalog)
    compiled = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "compile",
            "-d",
            str(folder),
            "-D",
            DOMAIN,
        ],
        cwd=folder,  # away from the repository's pyproject.toml and its settings
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert compiled.returncode == 0, compiled.stderr
    return po.with_suffix(".mo")


def _in_every_text(source: Path, target: Path, *, leave_out: str | None = None) -> None:
    """The guide at ``source``, copied to ``target`` with every text in the made-up language
    too (but the text at the path ``leave_out`` names, as ``check`` shows it)."""
    target.mkdir()
    for name, model in (("scenarios.yaml", Scenarios), ("offices.yaml", Offices)):
        data = yaml.safe_load((source / name).read_text(encoding="utf-8"))
        for path, _ in texts(validator(model).validate_python(data)):
            if ".".join(map(str, path)) == leave_out:
                continue
            parent: Any = data
            for key in path[:-1]:
                parent = parent[key]
            text = parent[path[-1]]
            written = {"en": text} if isinstance(text, str) else text
            parent[path[-1]] = {**written, "xx": made_up(written["en"])}
        (target / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def locale_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("locale")
    assert _catalog(folder).is_file()
    return folder


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("guide") / "mini-xx"
    _in_every_text(MINI, folder)
    return folder


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), *args],
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def test_a_path_is_walked_in_the_made_up_language(locale_dir: Path, guide: Path) -> None:
    ran = run(
        "--data-dir", str(guide), "--lang", "xx", *ANSWERS, "--format", "text",
        SSC_WIZARD_LOCALE_DIR=str(locale_dir),
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    shown = ran.stdout
    # The tool's words, from the catalog: headings, labels and the lists' words.
    for heading in (words.YOUR_ANSWERS, words.WHERE_TO_GO, words.STEPS, words.BRING):
        assert made_up(heading.msgid) + ":" in shown.splitlines()
        assert heading("en") not in shown
    assert made_up(words.LEGAL_BASIS.msgid) in shown
    # The guide's texts, in the made-up language.
    for text in ("GO SMALL", "GO, SMALL.", "WALK.", "SIGN IN.", "AN ID.", "EVERYONE MAY GO."):
        assert text in shown
    assert "- LOCAL BRANCH, NORTH: LOCAL THINGS." in shown
    assert "SOURCE: MADE UP FOR THE TESTS." in shown
    for english in ("Go small", "Walk.", "Sign in.", "An ID.", "North", "Made up"):
        assert english not in shown
    # The command that gives the result again names the language, as it was typed.
    assert "--lang xx" in shown


def test_the_office_list_is_in_the_made_up_language(locale_dir: Path, guide: Path) -> None:
    ran = run(
        "--data-dir", str(guide), "--lang", "xx", "offices", "--format", "text",
        SSC_WIZARD_LOCALE_DIR=str(locale_dir),
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert made_up(words.OFFICES_OF.msgid.format(title="TEST GUIDE")) in ran.stdout
    for text in ("FRONT DESK", "LOCAL BRANCH", "EVERYTHING.", "LOCAL THINGS."):
        assert text in ran.stdout
    assert "Front desk" not in ran.stdout and "Everything." not in ran.stdout


def test_the_locale_can_ask_for_the_made_up_language(locale_dir: Path, guide: Path) -> None:
    ran = run(
        "--data-dir", str(guide), *ANSWERS, "--format", "text",
        SSC_WIZARD_LOCALE_DIR=str(locale_dir), LANG="xx_XX.UTF-8",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert "GO SMALL" in ran.stdout and "--lang" not in ran.stdout


def test_its_refusals_are_in_it_and_list_it(locale_dir: Path, guide: Path) -> None:
    ran = run(
        "--data-dir", str(guide), "--lang", "xx", "-a", "colour=blue",
        SSC_WIZARD_LOCALE_DIR=str(locale_dir),
    )  # fmt: skip
    assert ran.returncode == 2
    assert "'BLUE' IS NOT A CHOICE OF 'COLOUR'" not in ran.stderr  # the ids stay as typed
    assert "'blue' IS NOT A CHOICE OF 'colour' (WHICH COLOUR?)" in ran.stderr
    refused = run("--lang", "qaa", SSC_WIZARD_LOCALE_DIR=str(locale_dir))
    assert refused.returncode == 2
    assert "the languages are: en (English), zh (Simplified Chinese), xx\n" in refused.stderr


def test_without_its_catalog_the_language_is_refused(guide: Path) -> None:
    ran = run("--data-dir", str(guide), "--lang", "xx", *ANSWERS)
    assert ran.returncode == 2
    assert "'xx' is not a language of ssc-wizard" in ran.stderr
    # Nor is a guide with texts in it valid: the tool could not show them.
    checked = run("check", "--data-dir", str(guide))
    assert checked.returncode == 1
    assert "unknown language 'xx': a text is written in `en` (English) and `zh`" in checked.stdout


def test_check_asks_for_every_text_in_every_language_of_the_guide(
    locale_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "guide"
    _in_every_text(MINI, folder, leave_out="questions.colour.text")
    ran = run("check", "--data-dir", str(folder), SSC_WIZARD_LOCALE_DIR=str(locale_dir))
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert (
        "warning: this text has no `xx` (xx) version, so xx readers see the English one; "
        "write it as `{en: ..., zh: ..., xx: ...}`"
    ) in ran.stdout
    assert ran.stdout.count("warning:") == 1


def test_a_catalog_that_cannot_be_read_leaves_the_words_in_english(
    tmp_path: Path, guide: Path
) -> None:
    broken = tmp_path / "xx" / "LC_MESSAGES" / "ssc_wizard.mo"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not a catalog")
    ran = run(
        "--data-dir", str(guide), "--lang", "xx", *ANSWERS, "--format", "text",
        SSC_WIZARD_LOCALE_DIR=str(tmp_path),
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert "is not a catalog that can be read" in ran.stderr and "Traceback" not in ran.stderr
    assert "Where to go:" in ran.stdout and "GO SMALL" in ran.stdout
