"""The result in view: the menu after it keeps its title on the screen, and
"Show the result from the top" pages it as git does.

The pager is chosen as git chooses it; the screens are read through a
terminal emulator, at 80x24 and at 40x20, in English and Chinese.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pexpect
import pytest

from ssc_wizard import pager

from conftest import TESTS, console_script, run_installed
from test_interactive import DOWN, ENTER, UP, Wizard, pointed, unspaced

#: CI installs less (with the shells) and sets this: there the test with the real less runs.
REQUIRED = bool(os.environ.get("SSC_WIZARD_REQUIRE_SHELLS"))

MENU = {"en": "What would you like to do now?", "zh": "接下来您想做什么？"}
SHOW = {"en": "1. Show the result from the top", "zh": "1. 从头再看一遍结果"}
QUIT = {"en": "4. Quit", "zh": "4. 退出"}
YOUR_RESULT = {"en": "Your result: ", "zh": "您的结果："}

#: The longest of the Jinan results: a card from outside Shandong, not kept.
LONGEST = ["-a", "card_state=out_of_province"]
#: After it, the one question left: keep the card? "no" is the second choice.
NOT_KEPT = DOWN + ENTER


def title(lang: str, *answers: str) -> str:
    """A result's title, as the installed command reports it in JSON."""
    done = run_installed([console_script(), "--format", "json", "--lang", lang, *answers], TESTS)
    return str(json.loads(done.stdout)["outcome"]["title"])


def fake_pager(tmp_path: Path) -> Path:
    """A pager that keeps what it was given, and its LESS, and shows nothing."""
    script = tmp_path / "fake-pager"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        f"folder = {str(tmp_path)!r}\n"
        "open(os.path.join(folder, 'paged.txt'), 'wb').write(sys.stdin.buffer.read())\n"
        "open(os.path.join(folder, 'less.txt'), 'w').write(os.environ.get('LESS', '<unset>'))\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def reach_menu(wizard: Wizard, lang: str) -> None:
    wizard.expect("Enter" if lang == "en" else "回车")  # the hint under the question
    wizard.child.send(NOT_KEPT)
    wizard.expect(MENU[lang])
    wizard.expect(QUIT[lang])


def screen_text(wizard: Wizard, lang: str) -> str:
    return wizard.text() if lang == "en" else unspaced(wizard.text())


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(24, 80), (20, 40)], ids=["80x24", "40x20"])
def test_the_menu_after_a_long_result_has_the_title_in_view(
    size: tuple[int, int], lang: str
) -> None:
    rows, cols = size
    wizard = Wizard(*LONGEST, "--lang", lang, rows=rows, cols=cols)
    reach_menu(wizard, lang)
    heading = YOUR_RESULT[lang] + title(lang, *LONGEST, "-a", "keep_card=no")
    expected = " ".join(heading.split()) if lang == "en" else unspaced(heading)
    assert expected in screen_text(wizard, lang)
    assert pointed(wizard) == QUIT[lang]  # Enter still quits, as before
    wizard.child.send(ENTER)
    assert wizard.finish() == 0


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(24, 80), (20, 40)], ids=["80x24", "40x20"])
def test_show_the_result_pages_the_whole_of_it_from_its_first_line(
    tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    rows, cols = size
    paged = tmp_path / "paged.txt"
    wizard = Wizard(*LONGEST, "--lang", lang, rows=rows, cols=cols, PAGER=str(fake_pager(tmp_path)))
    reach_menu(wizard, lang)
    wizard.child.send(UP * 3 + ENTER)  # Show the result from the top
    wizard.expect(MENU[lang])  # back once the pager has ended
    wizard.expect(QUIT[lang])
    assert pointed(wizard) == SHOW[lang]  # where the person left it
    text = paged.read_text(encoding="utf-8")
    full = title(lang, *LONGEST, "-a", "keep_card=no")
    # The title first, whole: in the panel's border, or above it where too long.
    top = re.sub(r"\x1b\[[0-9;]*m|[\u2500-\u257f]", " ", text).splitlines()
    assert top[0].strip()
    start = " ".join(top[:3]) if lang == "en" else unspaced("".join(top[:3]))
    assert (" ".join(full.split()) if lang == "en" else unspaced(full)) in " ".join(start.split())
    last = f"ssc-wizard --lang {lang} --answer card_state=out_of_province --answer keep_card=no"
    assert last in " ".join(text.replace("\\\n", " ").split())  # and to the end
    assert (tmp_path / "less.txt").read_text(encoding="utf-8") == "FRX"  # git's default
    wizard.child.send(DOWN * 3 + ENTER)
    assert wizard.finish() == 0


#: A locale this machine surely lacks, as one often is over ssh.
MISSING_LOCALE = "xx_XX.UTF-8"


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["C.UTF-8", MISSING_LOCALE])
def test_less_shows_the_result_from_the_top_and_q_returns_to_the_menu(locale: str) -> None:
    if shutil.which("less") is None:
        if REQUIRED:
            pytest.fail("less is not installed")
        pytest.skip("needs less")
    env = {"LANG": locale, "LC_ALL": "<unset>", "LESSCHARSET": "<unset>"}
    wizard = Wizard(*LONGEST, rows=24, cols=80, PAGER="<unset>", LESS="<unset>", **env)
    reach_menu(wizard, "en")
    wizard.child.send(UP * 3 + ENTER)
    wizard.child.expect(pexpect.TIMEOUT, timeout=1.5)  # less draws its first page
    top = title("en", *LONGEST, "-a", "keep_card=no")
    assert top in " ".join(wizard.lines()[:2])  # the title first, whole
    assert "<E2>" not in wizard.text()  # less shows the text, not its bytes
    assert "─" in wizard.text()
    wizard.child.send("q")
    wizard.expect(MENU["en"])
    wizard.expect(QUIT["en"])
    wizard.child.send(DOWN * 3 + ENTER)
    assert wizard.finish() == 0
    assert "Traceback" not in wizard.output


@pytest.mark.slow
@pytest.mark.parametrize("missing", ["/no/such/pager", "no-such-pager --flag", "less 'unclosed"])
def test_a_pager_that_cannot_run_falls_back_to_plain_output(missing: str) -> None:
    wizard = Wizard(*LONGEST, rows=24, cols=80, PAGER=missing)
    reach_menu(wizard, "en")
    start = len(wizard.output)
    wizard.child.send(UP * 3 + ENTER)
    wizard.expect(MENU["en"])
    wizard.expect(QUIT["en"])
    again = wizard.output[start:]
    assert title("en", *LONGEST, "-a", "keep_card=no") in again  # printed whole instead
    assert "12333" in again
    assert "not found" not in again
    wizard.child.send(DOWN * 3 + ENTER)
    assert wizard.finish() == 0


@pytest.mark.slow
def test_a_result_that_fits_with_the_menu_is_printed_not_paged(tmp_path: Path) -> None:
    wizard = Wizard(*LONGEST, rows=200, cols=100, PAGER=str(fake_pager(tmp_path)))
    reach_menu(wizard, "en")
    wizard.child.send(UP * 3 + ENTER)
    wizard.expect(MENU["en"])
    wizard.expect(QUIT["en"])
    wizard.child.send(DOWN * 3 + ENTER)
    assert wizard.finish() == 0
    assert not (tmp_path / "paged.txt").exists()
    # The result's panel and the line above the menu, then both again.
    assert wizard.output.count(title("en", *LONGEST, "-a", "keep_card=no")) == 4


@pytest.mark.slow
@pytest.mark.parametrize(
    "how",
    ["stdout is a file", "--output", "--no-input", "--plain"],
)
def test_never_paged_where_it_must_not_be(tmp_path: Path, how: str) -> None:
    pager_script = fake_pager(tmp_path)
    script = console_script()
    everything = "-a card_state=out_of_province -a keep_card=no"
    commands = {
        "stdout is a file": f"{script} -a card_state=out_of_province > {tmp_path}/out.txt",
        "--output": f"{script} -a card_state=out_of_province -o {tmp_path}/out.md",
        "--no-input": f"{script} {everything} --no-input",
        "--plain": f"{script} -a card_state=out_of_province --plain",
    }
    wizard = Wizard(command=commands[how], rows=24, cols=80, PAGER=str(pager_script))
    if how == "--plain":
        wizard.expect("Your choice (1-2): ")
        wizard.child.sendline("2")
        wizard.expect("Your choice (1-4, Enter for 4): ")
        wizard.child.sendline("1")  # Show the result from the top: printed, not paged
        wizard.expect("Your choice (1-4, Enter for 1): ")
        wizard.child.sendline("4")
    elif how != "--no-input":
        wizard.expect("Enter")
        wizard.child.send(NOT_KEPT)
    assert wizard.finish() == 0
    assert MENU["en"] not in wizard.output or how == "--plain"
    assert not (tmp_path / "paged.txt").exists()


# Which pager, as git chooses it ------------------------------------------------


def programs(tmp_path: Path, *names: str) -> str:
    """A PATH holding only these (empty) programs."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in names:
        program = folder / name
        program.write_text("#!/bin/sh\n", encoding="utf-8")
        program.chmod(0o755)
    return str(folder)


@pytest.mark.parametrize(
    ("found", "expected"),
    [(("less", "more"), "less"), (("more",), "more"), ((), None)],
)
def test_without_pager_set_less_then_more_then_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: tuple[str, ...], expected: str | None
) -> None:
    monkeypatch.setenv("PATH", programs(tmp_path, *found))
    chosen = pager.command({})
    assert (Path(chosen[0]).name if chosen else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", None),  # as git: an empty PAGER means no pager
        ("cat", None),
        ("less -R -S", ["less", "-R", "-S"]),
        ("nowhere", None),
        ("less 'unclosed", None),
    ],
)
def test_pager_names_the_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, expected: list[str] | None
) -> None:
    monkeypatch.setenv("PATH", programs(tmp_path, "less", "cat"))
    assert pager.command({"PAGER": value}) == expected


def test_less_and_lv_get_gits_defaults_only_when_unset() -> None:
    assert pager.environment({}, "utf-8")["LESS"] == "FRX"
    assert pager.environment({}, "utf-8")["LV"] == "-c"
    mine = pager.environment({"LESS": "-i", "LV": ""}, "utf-8")
    assert (mine["LESS"], mine["LV"]) == ("-i", "")


def test_less_is_told_the_text_is_utf8_unless_the_person_says_otherwise() -> None:
    """Under a locale the system lacks, less would show each byte past ASCII as <E2>."""
    assert pager.environment({"LANG": "zh_CN.UTF-8"}, "utf-8")["LESSCHARSET"] == "utf-8"
    assert pager.environment({"LESSCHARSET": "latin1"}, "utf-8")["LESSCHARSET"] == "latin1"
    assert "LESSCHARSET" not in pager.environment({}, "gb18030")


@pytest.mark.parametrize(
    ("argv", "less", "colour"),
    [
        (["/usr/bin/less"], None, True),  # git's FRX
        (["less"], "-i", False),  # the person's own LESS, without R
        (["less"], "-iR", True),
        (["less", "-r"], "-i", True),
        (["less"], "--RAW-CONTROL-CHARS --mouse", True),
        (["less"], "--mouse", False),
        (["more"], None, False),
        (["/usr/bin/most"], "FRX", False),
    ],
)
def test_colour_only_for_a_pager_that_shows_it(
    argv: list[str], less: str | None, colour: bool
) -> None:
    assert pager.shows_colour(argv, {} if less is None else {"LESS": less}) is colour


@pytest.mark.slow
def test_a_pager_that_cannot_show_colour_gets_the_result_without_it(tmp_path: Path) -> None:
    """Codes it does not know would show as text, or count as width and split words."""
    wizard = Wizard(*LONGEST, rows=24, cols=80, NO_COLOR="<unset>", PAGER=str(fake_pager(tmp_path)))
    reach_menu(wizard, "en")
    assert "\x1b[36m" in wizard.output  # in colour on the screen
    wizard.child.send(UP * 3 + ENTER)
    wizard.expect(MENU["en"])
    wizard.expect(QUIT["en"])
    wizard.child.send(DOWN * 3 + ENTER)
    assert wizard.finish() == 0
    paged = (tmp_path / "paged.txt").read_text(encoding="utf-8")
    assert "\x1b" not in paged
    assert "Where to go" in paged
