"""Choosing the language from the command line and the environment, and what
happens when the output cannot show the language asked for."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ssc_wizard.cli import app

from conftest import MINI, GuideDir, console_script

runner = CliRunner()
REPLACE = ["--answer", "card_state=not_damaged", "--answer", "district=lixia"]
EN_TITLE = "Replace a card that is not damaged"
ZH_TITLE = "社保卡未损坏、需要换卡"


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


@pytest.mark.parametrize(
    ("env", "title"),
    [
        ({}, EN_TITLE),
        ({"LANG": "zh_CN.UTF-8"}, ZH_TITLE),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, ZH_TITLE),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, EN_TITLE),
        ({"LC_MESSAGES": "zh_CN.UTF-8"}, ZH_TITLE),
        ({"SSC_WIZARD_LANG": "zh"}, ZH_TITLE),
        ({"SSC_WIZARD_LANG": "en", "LANG": "zh_CN.UTF-8"}, EN_TITLE),
    ],
)
def test_the_environment_chooses_the_language(env: dict[str, str], title: str) -> None:
    result = run(*REPLACE, "--format", "text", env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(title + "\n")
    assert "--lang" not in result.stdout  # the command speaks the language of whoever runs it


def test_lang_wins_over_the_environment_and_goes_into_the_command() -> None:
    result = run("--lang", "en", *REPLACE, "--format", "text", env={"LANG": "zh_CN.UTF-8"})
    assert result.stdout.startswith(EN_TITLE)
    assert "ssc-wizard --lang en --answer card_state=not_damaged" in result.stdout


def test_json_carries_the_language_and_the_same_ids() -> None:
    en = json.loads(run(*REPLACE, "--format", "json").stdout)
    zh = json.loads(run("--lang", "zh", *REPLACE, "--format", "json").stdout)
    assert (en["lang"], zh["lang"]) == ("en", "zh")
    assert en["answers"] == zh["answers"]
    assert [o["id"] for o in en["outcome"]["offices"]] == [
        o["id"] for o in zh["outcome"]["offices"]
    ]
    assert zh["outcome"]["offices"][0]["district"] == {"id": "lixia", "name": "历下区"}


def test_an_unknown_language_is_a_usage_error() -> None:
    result = run("--lang", "qaa", *REPLACE)  # ISO 639 keeps qaa for local use: no language
    assert result.exit_code == 2
    # The languages listed are en, zh and any other with a catalog, after them.
    assert (
        "Error: Invalid value for '--lang' (env var: 'SSC_WIZARD_LANG'): 'qaa' is not a "
        "language of ssc-wizard; the languages are: en (English), zh (Simplified Chinese)"
    ) in result.stderr


def test_the_wizard_s_errors_speak_chinese_too() -> None:
    missing = run("--answer", "card_state=not_damaged", env={"LANG": "zh_CN.UTF-8"})
    assert missing.exit_code == 2
    assert missing.stderr.startswith("ssc-wizard: 问题 district（您住在济南市哪个区县？）没有答案")
    assert "--answer district=选项" in missing.stderr
    wrong = run("--lang", "zh", "--answer", "card_state=stolen")
    assert wrong.exit_code == 2
    assert "“stolen”不是问题 card_state（您的社会保障卡属于哪种情况？）的选项" in wrong.stderr
    retired = run("--lang", "zh", "--answer", "card_state=damaged")
    assert retired.exit_code == 2
    assert "“damaged”已不再是问题 card_state 的选项：它以前指损坏" in retired.stderr
    district = run("offices", "--lang", "zh", "--district", "nowhere")
    assert district.exit_code == 2 and "没有区县“nowhere”" in district.stderr


def test_offices_graph_and_the_options_before_them_take_the_language() -> None:
    offices = run("--lang", "zh", "offices", "--format", "text")
    assert offices.stdout.startswith("办理机构：济南市社会保障卡办理指南")
    graph = run("graph", "--lang", "zh", "--format", "mermaid")
    assert "您的社会保障卡属于哪种情况？" in graph.stdout
    assert "What is your situation" in run("graph", "--format", "mermaid").stdout


# --- an output that cannot show Chinese -------------------------------------------


def _installed(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command in a Chinese locale; its output read in the encoding it was given."""
    environment = {**os.environ, "LANG": "zh_CN.UTF-8", **env}
    encoding = env.get("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [console_script(), *args],
        env=environment,
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "json"])
def test_an_ascii_output_gets_english_and_says_why(fmt: str) -> None:
    result = _installed(*REPLACE, "--format", fmt, PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "ssc-wizard: the output's encoding (ascii) cannot show Chinese, so English is used. "
        "For Chinese, use a UTF-8 terminal (or set PYTHONIOENCODING=utf-8).\n"
    )
    assert EN_TITLE in result.stdout and result.stdout.isascii()


def test_a_utf8_output_gets_chinese_from_the_locale_alone() -> None:
    result = _installed(*REPLACE, "--format", "text", PYTHONIOENCODING="utf-8")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(ZH_TITLE)


@pytest.mark.slow
def test_a_chinese_code_page_shows_chinese() -> None:
    result = _installed(*REPLACE, "--format", "text", PYTHONIOENCODING="gbk")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(ZH_TITLE)


@pytest.mark.slow
def test_text_the_output_cannot_show_prints_nothing_and_says_what_to_do(
    guide_dir: GuideDir,
) -> None:
    scenarios = (
        (MINI / "scenarios.yaml").read_text().replace("en: Stop here.", "en: Stop at the café.")
    )
    folder = guide_dir(scenarios=scenarios)
    args = ["--data-dir", str(folder), "--answer", "colour=red", "--format", "text"]
    result = _installed(*args, LANG="C.UTF-8", PYTHONIOENCODING="ascii")
    assert result.returncode == 1
    assert result.stdout == ""  # nothing half-printed
    assert result.stderr.startswith(
        "ssc-wizard: the output's encoding (ascii) cannot show the character U+00E9, "
        "so nothing was printed."
    )
    assert "PYTHONIOENCODING=utf-8" in result.stderr and "--output" in result.stderr
    # JSON escapes what the output cannot show, so it loses nothing.
    as_json = _installed(*args[:-1], "json", LANG="C.UTF-8", PYTHONIOENCODING="ascii")
    assert as_json.returncode == 0 and as_json.stdout.isascii()
    assert json.loads(as_json.stdout)["outcome"]["summary"] == "Stop at the café."


@pytest.mark.slow
def test_a_file_gets_chinese_whatever_the_terminal(tmp_path: Path) -> None:
    target = tmp_path / "result.md"
    result = _installed("--lang", "zh", *REPLACE, "-o", str(target), PYTHONIOENCODING="utf-8")
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8").startswith(f"# {ZH_TITLE}")


@pytest.mark.slow
def test_the_tree_view_draws_in_ascii_where_it_must() -> None:
    result = _installed("graph", LANG="C.UTF-8", PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert "+-- lost -> lost_card  A lost card: cancel it, then apply again" in result.stdout
