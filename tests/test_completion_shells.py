"""Completion in real shells, from a guide whose labels are written to break out.

A guide folder may come from anyone, and its labels become the descriptions a
shell lists when a person presses Tab. Each test loads the script that
``ssc-wizard --show-completion`` prints in that shell, as its README says, and
presses Tab after ``--answer colour=``: nothing in a label may run (no file
appears in the folder the shell works in), and each label is listed as written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pexpect
import pyte
import pytest

from conftest import MINI, console_script, run_installed

# Every test types into a real bash, zsh or fish.
pytestmark = pytest.mark.slow

#: CI installs zsh and fish and sets this, so that there these tests run, never skip.
REQUIRED = bool(os.environ.get("SSC_WIZARD_REQUIRE_SHELLS"))

#: Choice id: label, each trying another way out of a shell's quoting. The
#: order matters: a label ending in a backslash could escape the quote after
#: it, leaving the next label unquoted, and a second one would close it again
#: so that the rest still parses and the first one runs.
QUOTING = {
    "backslash": "ends in a backslash \\",
    "procsub": "<(touch PWNED)",
    "again": "and again \\",
    "dollar": "$(touch PWNED) $HOME ${HOME}",
    "ticks": "`touch PWNED`",
    "apostrophes": "'; touch PWNED; '",
    "quotes": '"; touch PWNED; "',
    "operators": "a; b | c & d > PWNED",
    "stars": "* ? ~ ! !! % %F{red}x%f #",
    "colons": "a:b::c:::d",
    "escape": "\x1b[31mred",
    "tags": "plain\U000e0068\U000e0069",  # invisible tag characters: a hidden "hi"
    "hanzi": "it's 中文（红色）",
    "lines": "line one\nline two",
}
#: Labels that rich would read as markup: the first would lose its tags, the
#: second is an error (so that nothing at all is listed).
MARKUP = {"markup": "[bold]x[/bold]", "unopened": "[/x]"}
EVERY = QUOTING | MARKUP

TYPED = "ssc-wizard --data-dir {guide} --answer colour="


_WRITTEN_OUT = str.maketrans(
    {"\x1b": "\\x1b", "\n": " ", "\U000e0068": "\\U000e0068", "\U000e0069": "\\U000e0069"}
)


def _shown(labels: dict[str, str]) -> dict[str, str]:
    """What a person must see of each choice: escape and tag characters written out, one line."""
    shown = {"red": "Red", "green": "Green"}
    return shown | {cid: text.translate(_WRITTEN_OUT) for cid, text in labels.items()}


def _guide(folder: Path, labels: dict[str, str]) -> Path:
    """The mini guide with a choice for each label: valid, with warnings only."""
    text = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
    # Written as they are: JSON's escape of a character beyond U+FFFF (a
    # surrogate pair) is no escape to YAML.
    quoted = {cid: json.dumps(label, ensure_ascii=False) for cid, label in labels.items()}
    choices = "".join(
        f"      {cid}:\n        label: {{en: {label}}}\n        outcome: stop\n"
        for cid, label in quoted.items()
    )
    green = "        next: size\n"
    folder.mkdir()
    (folder / "scenarios.yaml").write_text(text.replace(green, green + choices, 1), "utf-8")
    shutil.copy(MINI / "offices.yaml", folder)
    checked = run_installed([console_script(), "check", "--data-dir", str(folder)], folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return folder


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return _guide(tmp_path / "guide", EVERY)


@pytest.fixture
def watched(tmp_path: Path) -> Path:
    """The empty folder a shell works in: a label that ran would leave a file here."""
    folder = tmp_path / "here"
    folder.mkdir()
    return folder


class Shell:
    """A shell in a pseudo-terminal, and the screen a person would see (pyte)."""

    def __init__(self, program: str, args: list[str], cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "SSC_WIZARD_DATA"}
        env |= {
            "PATH": f"{Path(console_script()).parent}:{env['PATH']}",
            "HOME": str(cwd.parent),  # no one's own settings
            "XDG_CONFIG_HOME": str(cwd.parent / "config"),
            "TERM": "xterm",
            "PS1": "$ ",
        }
        self.screen = pyte.Screen(200, 60)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            program, args, cwd=cwd, env=env, encoding="utf-8", dimensions=(60, 200), timeout=30
        )
        self.child.logfile_read = self

    def write(self, data: str) -> None:  # pexpect's log: what the shell writes
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def run(self, command: str) -> None:
        """Type a command and wait until it has run."""
        self.child.sendline(f'{command}; echo "has"" run"')  # as typed, it reads otherwise
        self.child.expect_exact("has run")

    def tab(self, typed: str) -> str:
        """Type ``typed``, press Tab; the screen's lines once the shell has answered."""
        self.child.send(typed)
        self.child.expect_exact(typed[-10:])  # the shell's echo
        self.child.send("\t")
        quiet = 30.0  # the first answer may take a while: it runs ssc-wizard
        while True:
            try:
                self.child.read_nonblocking(65536, timeout=quiet)
            except pexpect.TIMEOUT:
                return "\n".join(line.rstrip() for line in self.screen.display)
            quiet = 1.5

    def close(self) -> None:
        self.child.sendcontrol("c")
        self.child.close(force=True)


def _listed(screen: str, pattern: str) -> dict[str, str]:
    """Choice id: description, for each match of ``pattern`` (groups: id, description)."""
    return {cid: text for cid, text in re.findall(pattern, screen, re.MULTILINE)}


@pytest.mark.skipif(not REQUIRED and not shutil.which("zsh"), reason="needs zsh")
@pytest.mark.parametrize("labels", [QUOTING, MARKUP], ids=["quoting", "markup"])
def test_zsh_lists_hostile_labels_as_written_and_runs_none(
    labels: dict[str, str], tmp_path: Path, watched: Path
) -> None:
    guide = _guide(tmp_path / "guide", labels)
    shell = Shell("zsh", ["-f"], watched)
    try:
        shell.child.expect_exact("$ ")
        shell.run("autoload -Uz compinit && compinit -u -D")
        shell.run('eval "$(ssc-wizard --show-completion)"')  # zsh's script: typer finds the shell
        screen = shell.tab(TYPED.format(guide=guide))
        last = list(labels)[-1]
        completed = shell.tab(last[:-1])  # and Tab completes one
    finally:
        shell.close()
    assert list(watched.iterdir()) == []
    # zsh lists one "value  -- description" a line.
    assert _listed(screen, r"^colour=(\w+) +-- (.*)$") == _shown(labels), screen
    assert f"$ {TYPED.format(guide=guide)}{last}\n" in completed


@pytest.mark.skipif(not REQUIRED and not shutil.which("fish"), reason="needs fish")
def test_fish_lists_hostile_labels_as_written_and_runs_none(hostile: Path, watched: Path) -> None:
    shell = Shell("fish", ["--no-config"], watched)
    try:
        shell.run("function fish_prompt; echo '$ '; end")
        shell.run("ssc-wizard --show-completion | source")  # fish's script: typer finds the shell
        screen = shell.tab(TYPED.format(guide=hostile))
        completed = shell.tab("unopene")  # and Tab completes one
    finally:
        shell.close()
    assert list(watched.iterdir()) == []
    # fish lists "value  (description)", several to a line.
    listed = _listed(screen, r"colour=(\w+) +\((.*?)\)(?=  |$)")
    assert listed == _shown(EVERY), screen
    assert f"$ {TYPED.format(guide=hostile)}unopened\n" in completed


@pytest.mark.skipif(not REQUIRED and not shutil.which("bash"), reason="needs bash")
def test_bash_lists_the_choice_ids_only_and_runs_nothing(hostile: Path, watched: Path) -> None:
    """bash's completion has no descriptions: the labels never reach it."""
    shell = Shell("bash", ["--norc", "--noprofile"], watched)
    try:
        shell.run('eval "$(ssc-wizard --show-completion)"')
        shell.run("bind 'set show-all-if-ambiguous on'")  # one Tab lists them, not two
        screen = shell.tab(TYPED.format(guide=hostile))
    finally:
        shell.close()
    assert list(watched.iterdir()) == []
    # bash lists the values, in columns, between the line typed and the same line again.
    lines = screen.splitlines()
    typed = lines.index("$ " + TYPED.format(guide=hostile))
    assert sorted(" ".join(lines[typed + 1 :]).split("$ ")[0].split()) == sorted(_shown(EVERY))


def test_powershell_reads_each_hostile_label_as_written(hostile: Path) -> None:
    """PowerShell cannot be installed here, so this reads the command's answer
    the way typer's PowerShell script does: each line split at every ``:::``,
    the first part the value put on the command line, the second the
    description shown. The shell asks with the variables that script sets.

    A zero-width space keeps a label's ``:::`` from being taken for the
    separator; it shows as nothing, so it is taken out here.
    """
    line = TYPED.format(guide=hostile)
    env = {k: v for k, v in os.environ.items() if k != "SSC_WIZARD_DATA"}
    env |= {
        "_SSC_WIZARD_COMPLETE": "complete_powershell",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_WORD_TO_COMPLETE": line.rsplit(" ", 1)[-1],
    }
    out = pexpect.run(console_script(), env=env, encoding="utf-8", timeout=30)
    assert isinstance(out, str)
    listed = {}
    for answer in out.splitlines():  # PowerShell reads a command's output line by line
        value, description = [*re.split(":::", answer), None][:2]  # [1] is $null without :::
        assert value.startswith("colour=")
        listed[value.removeprefix("colour=")] = str(description).replace("\u200b", "")
    assert listed == _shown(EVERY)


#: How each shell loads the script ``--show-completion`` prints, as the README says.
LOAD = {
    "bash": ("bash", ["--norc", "--noprofile"], ['eval "$(ssc-wizard --show-completion)"']),
    "zsh": (
        "zsh",
        ["-f"],
        ["autoload -Uz compinit && compinit -u -D", 'eval "$(ssc-wizard --show-completion)"'],
    ),
    "fish": (
        "fish",
        ["--no-config"],
        ["function fish_prompt; echo '$ '; end", "ssc-wizard --show-completion | source"],
    ),
}


@pytest.mark.parametrize("name", sorted(LOAD))
def test_an_id_typed_in_another_case_completes_and_gives_the_guide_s_id(
    name: str, tmp_path: Path
) -> None:
    """``Card-State=lo`` and Tab: the choice is completed after the question as typed,
    and the result (its JSON ``answers``) names the question and choice by their ids."""
    program, args, setup = LOAD[name]
    if not REQUIRED and not shutil.which(program):
        pytest.skip(f"needs {program}")
    here = tmp_path / "here"
    here.mkdir()
    shell = Shell(program, args, here)
    try:
        if name != "fish":
            shell.child.expect_exact("$ ")
        for command in setup:
            shell.run(command)
        screen = shell.tab("ssc-wizard --answer Card-State=lo")
        shell.run(" --format json > result.json")
    finally:
        shell.close()
    assert "$ ssc-wizard --answer Card-State=lost" in screen, screen
    result = json.loads((here / "result.json").read_text(encoding="utf-8"))
    assert result["answers"] == {"card_state": "lost"}
    assert result["command"] == "ssc-wizard --answer card_state=lost"
