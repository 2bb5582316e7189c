"""--help in another language: every text translated, lines that fit the terminal."""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path

import pytest
import typer

import ssc_wizard
from ssc_wizard import helptext
from ssc_wizard.cli import app
from ssc_wizard.lang import LANGS
from ssc_wizard.linebreak import cells

from conftest import console_script


def _help_texts(
    command: typer.core.TyperGroup | typer.core.TyperCommand, ctx: typer.Context
) -> list[str]:
    texts = [t for t in (command.help, command.short_help, command.epilog) if t]
    texts += [p.help for p in command.get_params(ctx) if getattr(p, "help", None)]
    for sub in getattr(command, "commands", {}).values():
        texts += _help_texts(sub, typer.Context(sub, parent=ctx))
    return texts


@pytest.mark.parametrize("lang", LANGS[1:])
def test_every_help_text_has_its_translation(lang: str) -> None:
    command = typer.main.get_command(app)
    texts = _help_texts(command, typer.Context(command))  # type: ignore[arg-type]
    assert len(texts) > 30
    texts += [*helptext.LIBRARY_TEXTS, *helptext.HEADINGS, helptext.USAGE, *helptext.EXTRAS]
    # In the catalog, translated: the translation may be the English ("Options" in French).
    catalog = ssc_wizard.lang.catalog(lang)
    assert catalog is not None
    translated = catalog._catalog  # type: ignore[attr-defined]
    missing = [text for text in texts if helptext.msgid(text) not in translated]
    assert missing == []
    for text in texts:
        assert helptext.translate(text, lang).count("ssc-wizard") == text.count("ssc-wizard")


def test_the_catalogs_hold_every_help_text_where_the_commands_declare_it() -> None:
    """What pybabel extract finds in the package: each text the help shows, none more."""
    command = typer.main.get_command(app)
    context = typer.Context(command)  # type: ignore[arg-type]
    shown = {helptext.msgid(text) for text in _help_texts(command, context)}
    declared = {
        helptext.msgid(text)
        for module in Path(ssc_wizard.__file__).parent.glob("*.py")
        for _, text in helptext.help_texts(ast.parse(module.read_text(encoding="utf-8")))
    }
    library = {helptext.msgid(text) for text in helptext.LIBRARY_TEXTS}
    assert declared == shown - library


def _help(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), *args],
        env={**os.environ, "COLUMNS": "80", **env},
        capture_output=True,
        text=True,
        encoding=env.get("PYTHONIOENCODING", "utf-8"),
        timeout=60,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help"], {"LANG": "zh_CN.UTF-8"}),
        (["-h"], {"SSC_WIZARD_LANG": "zh"}),
        (["--lang", "zh", "--help"], {}),
        (["offices", "--lang=zh", "--help"], {}),
        (["paths", "--help"], {"LC_ALL": "zh_CN.UTF-8"}),
    ],
)
def test_a_chinese_reader_gets_the_help_in_chinese(args: list[str], env: dict[str, str]) -> None:
    result = _help(*args, **env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("用法：ssc-wizard")
    assert "选项：" in lines and "显示本帮助并退出。" in result.stdout
    assert max(cells(line) for line in lines) <= 80
    assert "Show this message" not in result.stdout


def test_the_help_fits_a_narrow_terminal_but_for_the_example_commands() -> None:
    for args in (["--help"], ["offices", "--help"], ["graph", "--help"]):
        result = _help(*args, LANG="zh_CN.UTF-8", COLUMNS="52")
        lines = result.stdout.splitlines()
        examples = lines.index("  示例：")
        assert max(cells(line) for line in lines[:examples]) <= 52, args


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help"], {}),
        (["--lang", "en", "--help"], {"LANG": "zh_CN.UTF-8"}),
        (["--help"], {"LANG": "zh_CN.UTF-8", "PYTHONIOENCODING": "ascii"}),
    ],
)
def test_otherwise_the_help_is_english(args: list[str], env: dict[str, str]) -> None:
    result = _help(*args, **env)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: ssc-wizard")
    assert "Show this message and exit." in result.stdout
