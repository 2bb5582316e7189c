"""Hostile input and harsh terminals, met the way a user meets them.

One table: each case runs the installed command in a subprocess, with what it
is given (flags, files, stdin, environment), the exit code it must end with and
a fragment of what it must say. Every case must also:

- end within ``TIMEOUT`` seconds: a hang fails the case instead of stalling the suite;
- peak under ``MAX_MB`` of memory;
- print no traceback and no internal error;
- send no control character to the terminal: texts from the guide and from
  the command line are shown written out (``\\x1b``); only rich's own colour
  codes may appear, and only where colour was asked for.

The time each crafted file takes to refuse is measured by ``bench/run.py``
(``--crafted`` for those cases alone), not here.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from ssc_wizard import linebreak
from ssc_wizard.controls import first_unsafe
from ssc_wizard.loader import MAX_FILE_BYTES
from ssc_wizard.yamlio import MAX_DEPTH, MAX_EVENTS, MAX_PROBLEMS

from conftest import MINI, TESTS, console_script
from crafted import billion_laughs, fifty_megabytes, many_aliases, nested, tiny_values
from large_guide import write as write_large_guide

# About a hundred hostile inputs, each run through the installed command.
pytestmark = pytest.mark.slow

#: Seconds a case may run before it counts as hung (the bar is 2 s: see bench/).
TIMEOUT = 20
MAX_MB = 200
BROKEN = TESTS / "broken"
#: rich's own colour and style codes: all the escape sequences a result may hold.
SGR = re.compile(r"\x1b\[[0-9;]*m")
#: Those among them that set a colour (foreground or background; 8, 16, 256 colours or RGB).
COLOURS = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]")

Content = bytes | Callable[[], bytes]


@dataclass(frozen=True)
class Case:
    name: str
    #: After ``ssc-wizard``; ``{guide}``, ``{answers}`` and ``{tmp}`` are filled in.
    args: tuple[str, ...]
    code: int
    #: A fragment of stderr (None: stderr must be empty).
    says: str | None = None
    #: A fragment of stdout.
    shows: str | None = None
    #: What stdout must not hold.
    hides: re.Pattern[str] | None = None
    #: The guide at ``{guide}``: these files, the mini guide's for the one not given.
    scenarios: Content | None = None
    offices: Content | None = None
    #: Written to ``{answers}``.
    answers: Content | None = None
    #: What stdin holds; "closed": no stdin at all (``<&-``). Default: /dev/null.
    stdin: bytes | Literal["closed"] | None = None
    env: dict[str, str] = field(default_factory=dict)
    #: "gone": the reader closes the pipe before anything is written;
    #: "one line": it reads one line and closes it (``| head -1``);
    #: "closed": there is no stdout at all (``>&-``).
    reader: Literal["file", "gone", "one line", "closed"] = "file"
    #: Colour was asked for: stdout may hold rich's colour codes.
    colour: bool = False
    #: The widest a line of stdout may be, in terminal cells.
    width: int | None = None
    #: Changes ``{tmp}`` before the run (a folder where a file should be, ...).
    setup: Callable[[Path], None] | None = None
    #: Nothing may be written to ``{tmp}``.
    writes_nothing: bool = False
    #: The files under ``{tmp}`` the run must have written, and nothing else.
    writes: tuple[str, ...] = ()
    #: Without root's power to write anywhere (a read-only folder stays read-only).
    unprivileged: bool = False


def broken(name: str) -> bytes:
    """One of the broken examples kept under tests/broken (each says what it expects)."""
    return (BROKEN / name).read_bytes()


def mini(name: str, old: str, new: str) -> bytes:
    """The mini guide's file with one piece of text changed."""
    text = (MINI / name).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode()


def _read_only(tmp: Path) -> None:
    (tmp / "locked").mkdir()
    (tmp / "locked").chmod(0o555)


def _folder_named_like_the_file(tmp: Path) -> None:
    (tmp / "result.md").mkdir()


def _unsearchable(tmp: Path) -> None:
    """A folder nobody may look into, holding a guide and a folder to write in."""
    shutil.copytree(MINI, tmp / "closed" / "guide")
    (tmp / "closed" / "out").mkdir()
    (tmp / "closed").chmod(0o000)


def _planted_link(tmp: Path) -> None:
    """A shared folder (sticky, anyone may write) where someone else left a link to a file."""
    (tmp / "elsewhere.txt").write_text("precious\n")
    shared = tmp / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    for name in ("result.md", "answers.yaml"):
        (shared / name).symlink_to(tmp / "elsewhere.txt")
        if os.geteuid() == 0:
            os.lchown(shared / name, 65534, 65534)


#: A file or folder name longer than the 255 bytes a file system allows.
LONG = "a" * 300
#: Names a file system allows, but too long to take a temporary file's prefix and suffix.
NEAR_LONG = ("b" * 250, "卡" * 85)


JINAN_ANSWERS = ("-a", "card_state=not_damaged", "-a", "district=lixia")
#: The mini guide, with the ways a YAML text can act on a terminal (see the file).
CONTROLS = broken("scenarios/control_characters.yaml")
CONTROL_GUIDE = ("--data-dir", "{guide}", "-a", "colour=red")
#: How the first question of that guide is shown: its escapes written out.
SHOWN = r"Which \x1b[31mcolour\x1b[0m?"

CASES = [
    # --- --answer ---------------------------------------------------------------------
    Case("answer without =", ("-a", "card_state"), 2, "'card_state' is not QUESTION=CHOICE"),
    Case("answer with an empty key", ("-a", "=lost"), 2, "'=lost' is not QUESTION=CHOICE"),
    Case("answer with an empty choice", ("-a", "card_state="), 2, "is not QUESTION=CHOICE"),
    Case("answer k=a=b", ("-a", "card_state=a=b"), 2, "'a=b' is not a choice of 'card_state'"),
    Case(
        "answer given twice, differently",
        ("-a", "card_state=lost", "-a", "card_state=damaged"),
        2,
        "'card_state' is answered twice, with 'lost' and 'damaged'",
    ),
    Case("answer to an unknown question", ("-a", "colour=red"), 2, "there is no question 'colour'"),
    Case("answer with a newline", ("-a", "card_state=lo\nst"), 2, r"'lo\nst' is not a choice"),
    Case("answer with brackets", ("-a", "card_state=[/x]"), 2, "'[/x]' is not a choice"),
    Case("answer with markup", ("-a", "[bold red]x=y"), 2, "no question '[bold red]x'"),
    Case("answer with a CSI", ("-a", "card_state=\x1b[2J"), 2, r"'\x1b[2J' is not a choice"),
    Case("answer with an OSC", ("-a", "\x1b]0;x\x07"), 2, r"'\x1b]0;x\x07' is not QUESTION"),
    Case("answer with a bidi override", ("-a", "card_state=\u202e"), 2, r"'\u202e' is not a"),
    Case("unknown flag with an escape", ("--\x1b]0;x\x07",), 2, "No such option"),
    Case("--lang with an escape", ("--lang", "\x1b[31m"), 2, "Invalid value for '--lang'"),
    Case("--format with an escape", ("--format", "\x1b[2J"), 2, r"'\x1b[2J' is not a format"),
    Case(
        "--format with an escape, refused in Chinese",
        ("--lang", "zh", "--format", "j\x1b[2Json"),
        2,
        r"没有“j\x1b[2Json”这种格式；您是不是想用 json？",
    ),
    Case(
        "a near miss in brackets",
        ("-a", "card_state=[lost]"),
        2,
        "'[lost]' is not a choice of 'card_state' (What is your situation with the social "
        "security card?); did you mean 'lost'?",
    ),
    Case(
        "a near miss with an escape, in Chinese",
        ("--lang", "zh", "-a", "card_state=lo\x1bst"),
        2,
        r"“lo\x1bst”不是问题 card_state",
    ),
    Case("a command with an escape", ("lo\x1bst",), 2, r"No such command 'lo\x1bst'."),
    Case(
        "a command that is an answer, in a guide with control characters",
        ("--data-dir", "{guide}", "red"),
        2,
        r'To answer "Which \x1b[31mcolour\x1b[0m?" with "Red", run: ssc-wizard --data-dir',
        scenarios=CONTROLS,
    ),
    Case(
        "a command that is an answer, in Chinese, in a guide with control characters",
        ("--data-dir", "{guide}", "--lang", "zh", "Red"),
        2,
        r"要对“哪种\u202e颜色？”回答“红”，请运行：ssc-wizard --data-dir",
        scenarios=CONTROLS,
    ),
    Case(
        "a command that is an answer whose label hides text in tag characters",
        ("--data-dir", "{guide}", "green"),
        2,
        r'with "Green\U000e0068\U000e0069", run: ssc-wizard --data-dir',
        scenarios=CONTROLS,
    ),
    # --- --answers-file ---------------------------------------------------------------
    Case(
        "answers file: an id the guide has retired",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: 'damaged' is no longer a choice of 'card_state': it used to mean",
        answers=b"card_state: damaged\ndistrict: lixia\n",
    ),
    Case(
        "answers file: a bare word",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: it is not a mapping of questions to choices",
        answers=b"card_state\n",
    ),
    Case(
        "answers file: an empty key",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: YAML syntax: did not find expected key",
        answers=b": lost\n",
    ),
    Case(
        "answers file: an empty key in quotes",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: there is no question ''",
        answers=b'"": lost\n',
    ),
    Case(
        "answers file: no choice",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: 'card_state' has no choice after the colon",
        answers=b"card_state:\n",
    ),
    Case(
        "answers file: k: a=b",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: 'a=b' is not a choice of 'card_state'",
        answers=b"card_state: a=b\n",
    ),
    Case(
        "answers file: a key twice, differently",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:2:1: duplicate key 'card_state' (first given at line 1)",
        answers=b"card_state: lost\ncard_state: damaged\n",
    ),
    Case(
        "answers file: an unknown question",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: there is no question 'colour'",
        answers=b"colour: red\n",
    ),
    Case(
        "answers file: a newline",
        ("--answers-file", "{answers}"),
        2,
        r"answers.yaml:1:13: 'lo\nst' is not a choice",
        answers=b'card_state: "lo\\nst"\n',
    ),
    Case(
        "answers file: brackets",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: expected a choice id, got a list",
        answers=b"card_state: [/x]\n",
    ),
    Case(
        "answers file: markup",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: '[bold red]' is not a choice",
        answers=b'card_state: "[bold red]"\n',
    ),
    Case(
        "answers file: an escape written as one",
        ("--answers-file", "{answers}"),
        2,
        r"answers.yaml:1:13: '\x1b]0;x\x07' is not a choice",
        answers=b'card_state: "\\e]0;x\\a"\n',
    ),
    Case(
        "answers file: a raw escape byte",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: the control character U+001B is not allowed in YAML; remove it",
        answers=b"card_state: \x1b[2J\n",
    ),
    Case(
        "answers file: not UTF-8",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:14: not valid UTF-8 text",
        answers=b"card_state: l\xf6st\n",
    ),
    Case(
        "answers file: a folder",
        ("--answers-file", "{tmp}"),
        2,
        "this is a folder, not a file",
    ),
    Case(
        "answers file: missing",
        ("--answers-file", "{tmp}/nowhere.yaml"),
        2,
        "--answers-file {tmp}/nowhere.yaml: file not found",
    ),
    Case(
        "answers file: empty",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:1: it is empty; write lines of `QUESTION: CHOICE`",
        answers=b"",
    ),
    Case(
        "answers file: a named pipe nobody writes to",
        ("--answers-file", "{tmp}/fifo"),
        2,
        "fifo:1:1: it is empty",
        setup=lambda tmp: os.mkfifo(tmp / "fifo"),
    ),
    Case(
        "answers file: /dev/zero, endless",
        ("--answers-file", "/dev/zero"),
        2,
        f"larger than {MAX_FILE_BYTES // 1024 // 1024} MiB",
    ),
    # --- the guide's files ------------------------------------------------------------
    Case("missing data folder", ("--data-dir", "{tmp}/nowhere"), 1, "data folder not found"),
    Case(
        "missing data file",
        ("--data-dir", "{tmp}"),
        1,
        "scenarios.yaml: file not found; a guide folder holds scenarios.yaml and offices.yaml",
        setup=lambda tmp: shutil.copy(MINI / "offices.yaml", tmp),
    ),
    Case(
        "empty data file",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:1:1: the file must be a mapping of keys to values (it is empty)",
        scenarios=b"",
    ),
    Case(
        "a folder where a data file should be",
        ("--data-dir", "{tmp}"),
        1,
        "offices.yaml: this is a folder, not a file",
        setup=lambda tmp: (
            shutil.copy(MINI / "scenarios.yaml", tmp),
            (tmp / "offices.yaml").mkdir(),
        ),
    ),
    Case(
        "data file not UTF-8",
        ("--data-dir", "{guide}"),
        1,
        "offices.yaml:3:23: not valid UTF-8 text; save the file as UTF-8",
        offices=mini("offices.yaml", "Front desk", "Front d\xefsk").replace("ï".encode(), b"\xef"),
    ),
    Case(
        "data file saved as UTF-16",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:1:1: the file is saved as UTF-16; save it as UTF-8",
        scenarios=(MINI / "scenarios.yaml").read_text(encoding="utf-8").encode("utf-16"),
    ),
    Case(
        "data file with a byte-order mark: read as UTF-8",
        ("--data-dir", "{guide}", "-a", "colour=red"),
        0,
        shows="Stop here.",
        scenarios=b"\xef\xbb\xbf" + (MINI / "scenarios.yaml").read_bytes(),
    ),
    Case(
        "data file with Windows line ends: read as usual",
        ("--data-dir", "{guide}", "-a", "colour=red"),
        0,
        shows="Stop here.",
        scenarios=(MINI / "scenarios.yaml").read_bytes().replace(b"\n", b"\r\n"),
    ),
    Case(
        "a syntax error on a last line without a line break",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:1:2: YAML syntax: did not find expected node content",
        scenarios=b"{",
    ),
    Case(
        "a syntax error in a file with old Mac line ends (CR only)",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:8:9: YAML syntax: did not find expected ',' or ']'",
        scenarios=mini("scenarios.yaml", "start: colour", "start: [").replace(b"\n", b"\r"),
    ),
    Case(
        "answers file: a syntax error on a last line without a line break",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:2:6: YAML syntax: could not find expected ':'",
        answers=b"card_state: lost\ndistr",
    ),
    Case(
        "a line break editors do not show, in a comment",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:1:24: U+2028 (LINE SEPARATOR) is a line break to YAML, though editors "
        "show none",
        scenarios=mini("scenarios.yaml", "made-up guide", "made-up guide\u2028: ["),
    ),
    Case(
        "tabs in indentation",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:4:1: YAML syntax: found a tab; indent with spaces, never tabs",
        scenarios=mini("scenarios.yaml", "  source:", "\tsource:"),
    ),
    Case(
        "several YAML documents",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:3:1: the file holds more than one YAML document",
        scenarios=broken("scenarios/two_documents.yaml"),
    ),
    Case(
        "!!python/object/apply",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:6:11: unsupported YAML tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
        scenarios=broken("scenarios/unsafe_tag.yaml"),
    ),
    Case(
        "!!python/name on a mapping",
        ("--data-dir", "{guide}"),
        1,
        "offices.yaml:2:9: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'",
        offices=mini("offices.yaml", "desk:\n", "desk: !!python/object:os.system\n"),
    ),
    Case(
        "a tag of one's own",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:6:8: unsupported YAML tag '!include'",
        scenarios=mini("scenarios.yaml", "start: colour", "start: !include colour.yaml"),
    ),
    Case(
        "!!binary",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:6:8: unsupported YAML tag 'tag:yaml.org,2002:binary'",
        scenarios=mini("scenarios.yaml", "start: colour", "start: !!binary Y29sb3Vy"),
    ),
    Case(
        "duplicate keys",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:9:7: duplicate key 'a' (first given at line 8)",
        scenarios=broken("scenarios/duplicate_key.yaml"),
    ),
    Case(
        "a number as a key",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:7:1: the key 1 is read by YAML as a number, not as text; "
        'put it in quotes: "1"',
        scenarios=mini("scenarios.yaml", "questions:\n", "1: one\nquestions:\n"),
    ),
    Case(
        "a list as a key",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:7:3: a key must be plain text, not a list or mapping",
        scenarios=mini("scenarios.yaml", "questions:\n", "? [a, b]\n: x\nquestions:\n"),
    ),
    Case(
        "YAML 1.1: no, a date, 1:30, 01234",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:11:18: expected text, but YAML reads the unquoted value no as true/false",
        scenarios=broken("scenarios/yaml11_values.yaml"),
    ),
    Case(
        "YAML 1.1: on as a choice id",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:12:7: the key on is read by YAML as true/false, not as text; "
        'put it in quotes: "on"',
        scenarios=mini("scenarios.yaml", "      red:\n", "      on:\n"),
    ),
    Case(
        "an anchor with no alias",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:6:8: YAML anchors (&name) are not supported here; remove it",
        scenarios=mini("scenarios.yaml", "start: colour", "start: &s colour"),
    ),
    Case(
        "a harmless tag: !!str",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:6:8: unsupported YAML tag 'tag:yaml.org,2002:str'; remove it",
        scenarios=mini("scenarios.yaml", "start: colour", "start: !!str colour"),
    ),
    Case(
        "answers file: an anchor",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: YAML anchors (&name) are not supported here; remove it",
        answers=b"card_state: &x lost\n",
    ),
    Case(
        "answers file: a tag",
        ("--answers-file", "{answers}"),
        2,
        "answers.yaml:1:13: unsupported YAML tag '!'; remove it",
        answers=b"card_state: ! lost\n",
    ),
    Case(
        "a billion laughs",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:2:8: YAML aliases (*name) are not supported here",
        scenarios=billion_laughs,
    ),
    Case(
        "a million aliases",
        ("--data-dir", "{guide}"),
        1,
        # The anchor is the first problem, then the aliases, 4 columns apart.
        f"scenarios.yaml:2:{4 * MAX_PROBLEMS - 3}: {MAX_PROBLEMS} problems found; reading stopped",
        scenarios=many_aliases,
    ),
    Case(
        "an alias of itself",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:1:12: YAML aliases (*name) are not supported here",
        scenarios=b"guide: &a [*a]\n",
    ),
    Case(
        "nested 200 levels deep, in blocks",
        ("--data-dir", "{guide}"),
        1,
        f"scenarios.yaml:{MAX_DEPTH + 1}:{2 * MAX_DEPTH + 1}: the data is nested more than "
        f"{MAX_DEPTH} levels deep",
        scenarios=lambda: b"guide:\n" + b"".join(b"  " * n + b"a:\n" for n in range(1, 200)),
    ),
    # Flow brackets: libyaml reads ahead, and stops at its own limit, 1,000 levels.
    Case(
        "nested 1,000 levels deep",
        ("--data-dir", "{guide}"),
        1,
        f"scenarios.yaml:1:1007: the data is nested more than {MAX_DEPTH} levels deep",
        scenarios=lambda: nested(1_000),
    ),
    Case(
        "nested 100,000 levels deep",
        ("--data-dir", "{guide}"),
        1,
        f"scenarios.yaml:1:1007: the data is nested more than {MAX_DEPTH} levels deep",
        scenarios=lambda: nested(100_000),
    ),
    Case(
        "a 50 MB file",
        ("--data-dir", "{guide}"),
        1,
        f"scenarios.yaml: the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB",
        scenarios=fifty_megabytes,
    ),
    Case(
        "millions of tiny values",
        ("--data-dir", "{guide}"),
        1,
        f"scenarios.yaml:1:{2 * MAX_EVENTS - 1}: "
        f"the file holds more than {MAX_EVENTS:,} YAML values",
        scenarios=tiny_values,
    ),
    Case(
        "a question without choices",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:15:3: this question has no choices: add some under `choices`",
        scenarios=broken("scenarios/choices_missing_or_clashing.yaml"),
    ),
    Case(
        "an empty choice list",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:20:5: this question has no choices: add some under `choices`",
        scenarios=mini(
            "scenarios.yaml", "  size:\n", "  none:\n    text: Q?\n    choices: {}\n  size:\n"
        ),
    ),
    Case(
        "a question leading to itself",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:23:15: this choice makes a loop: size -> size; a guide must always end",
        scenarios=mini("scenarios.yaml", "outcome: go_small", "next: size"),
    ),
    Case(
        "a cycle through several questions",
        ("--data-dir", "{guide}"),
        1,
        "scenarios.yaml:17:27: this choice makes a loop: q -> r -> s -> q",
        scenarios=broken("scenarios/cycle.yaml"),
    ),
    # --- the environment against the command line --------------------------------------
    *(
        Case(
            f"SSC_WIZARD_DATA against --data-dir typed before {' '.join(args)}",
            ("--data-dir", "{guide}", *args),
            0,
            shows=shown,
            scenarios=(MINI / "scenarios.yaml").read_bytes(),
            env={"SSC_WIZARD_DATA": "{tmp}/nowhere"},
        )
        for args, shown in [
            (("check",), "{tmp}/guide: the guide is valid"),
            (("offices", "--district", "north"), "Local branch, North"),
            (("graph",), "colour"),
            (("paths",), "--answer colour=red"),
        ]
    ),
    Case(
        "SSC_WIZARD_LANG against --lang typed before offices",
        ("--lang", "zh", "offices"),
        0,
        shows="办理机构",
        env={"SSC_WIZARD_LANG": "en"},
    ),
    # --- texts that would act on a terminal ---------------------------------------------
    *(
        Case(
            f"control characters in the guide: --format {fmt}",
            (*CONTROL_GUIDE, "--format", fmt),
            0,
            shows=shown,
            scenarios=CONTROLS,
        )
        for fmt, shown in [
            ("rich", "Stop \\rGo"),
            ("text", SHOWN),
            ("markdown", r"Which \\x1b\[31mcolour\\x1b\[0m?"),
            ("json", r'"Stop.\u001b]0;new title\u0007"'),
        ]
    ),
    *(
        Case(
            f"tag characters in the guide: --format {fmt}",
            (*CONTROL_GUIDE, "--lang", "zh", "--format", fmt),
            0,
            shows=shown,
            scenarios=CONTROLS,
        )
        for fmt, shown in [
            ("rich", r"无\U000e0068\U000e0069。"),
            ("text", r"无\U000e0068\U000e0069。"),
            ("markdown", r"无\\U000e0068\\U000e0069。"),
            ("json", r"\udb40\udc68\udb40\udc69。"),
        ]
    ),
    Case(
        "control characters in the guide: offices --format json",
        ("offices", "--data-dir", "{guide}", "--format", "json"),
        0,
        shows=r'"name": "Front desk\u001b]0;new title\u0007"',
        scenarios=CONTROLS,
        offices=mini("offices.yaml", "{en: Front desk,", r'{en: "Front desk\e]0;new title\a",'),
    ),
    *(
        Case(
            f"control characters in the guide: graph --format {fmt}",
            ("graph", "--data-dir", "{guide}", "--format", fmt),
            0,
            shows=shown,
            scenarios=CONTROLS,
        )
        for fmt, shown in [
            ("tree", SHOWN),
            ("mermaid", SHOWN),
            ("dot", r"\\x1b[31mcolour\\x1b[0m?"),
        ]
    ),
    Case(
        "control characters in the guide: check",
        ("check", "--data-dir", "{guide}"),
        0,
        shows="control character U+001B, which a terminal would obey rather than show",
        scenarios=CONTROLS,
    ),
    Case(
        "control characters in the guide, in colour",
        (*CONTROL_GUIDE, "--format", "rich"),
        0,
        shows=r"Which \x1b[31mcolour\x1b[0m?",
        scenarios=CONTROLS,
        env={"FORCE_COLOR": "1"},
        colour=True,
    ),
    *(
        Case(
            f"rich markup in the guide: --format {fmt}",
            (*CONTROL_GUIDE, "--format", fmt),
            0,
            shows=shown,
            scenarios=CONTROLS,
        )
        for fmt, shown in [
            ("rich", "Stop here. [/x] [bold red]not bold[/]"),
            ("text", "Stop here. [/x] [bold red]not bold[/]"),
            ("markdown", r"Stop here. \[/x\] \[bold red\]not bold\[/\]"),
        ]
    ),
    Case(
        "addresses and math in the guide: --format markdown",
        (*CONTROL_GUIDE, "--format", "markdown"),
        0,
        shows=r"Stop: see https\://example.com, www\.example.com, me<!-- -->@example.com, \$x\$",
        hides=re.compile(r"https?://|www\.|(?<!\\)\$|[^>]@"),
        scenarios=mini(
            "scenarios.yaml",
            "en: Stop.",
            'en: "Stop: see https://example.com, www.example.com, me@example.com, $x$"',
        ),
    ),
    Case(
        "a Mermaid directive in the guide: graph --format mermaid",
        ("graph", "--data-dir", "{guide}", "--format", "mermaid"),
        0,
        shows="#37;#37;{init#58; {'themeCSS'#58; 'body{}'}}#37;#37;<br>#37;#37; not a comment",
        hides=re.compile("%"),
        scenarios=mini(
            "scenarios.yaml",
            'en: "Which colour?"',
            "en: \"%%{init: {'themeCSS': 'body{}'}}%%\\n%% not a comment\"",
        ),
    ),
    Case(
        "math in the guide: graph --format mermaid",
        ("graph", "--data-dir", "{guide}", "--format", "mermaid"),
        0,
        shows="go_small<br>Go #36;#36;x^2#36;#36;",
        hides=re.compile(r"\$"),
        scenarios=mini("scenarios.yaml", "en: Go small", "en: Go $$x^2$$"),
    ),
    Case(
        "a heading's closing # in the guide: --format markdown",
        (*CONTROL_GUIDE, "--format", "markdown"),
        0,
        shows="# Stop here \\#\n",
        scenarios=mini("scenarios.yaml", "title: {en: Stop,", "title: {en: 'Stop here #',"),
    ),
    Case(
        "control characters in a missing answer's message",
        ("--data-dir", "{guide}"),
        2,
        SHOWN,
        scenarios=CONTROLS,
    ),
    # --- stdin ----------------------------------------------------------------------------
    Case("stdin closed", (), 2, "stdin is not a terminal", stdin="closed"),
    Case("stdin from /dev/null", (), 2, "stdin is not a terminal"),
    Case(
        "stdin a pipe with answers in it",
        (),
        2,
        "answers are never read from a pipe",
        stdin=b"lost\n2\nlixia\n" * 1000,
    ),
    # --- stdout ---------------------------------------------------------------------------
    Case("stdout closed before the output", JINAN_ANSWERS, 1, reader="gone"),
    Case("a path that is not UTF-8", ("--data-dir", "/no\udcffwhere"), 1, r"/no\udcffwhere"),
    Case(
        "a guide folder whose name is not UTF-8",
        ("paths", "--data-dir", "{tmp}/g\udcff"),
        0,
        shows=r"ssc-wizard --data-dir $'{tmp}/g\xff' --answer colour=red",
        setup=lambda tmp: shutil.copytree(MINI, tmp / "g\udcff"),
    ),
    Case(
        "stdout closed after one line (| head -1) of many",
        ("graph", "--data-dir", "{tmp}/large", "--format", "mermaid"),
        1,
        shows="flowchart TD",
        reader="one line",
        setup=lambda tmp: write_large_guide(tmp / "large", 1_000),
    ),
    Case("--version to a pipe closed early", ("--version",), 1, reader="gone"),
    # No stdout at all (>&-) is taken as /dev/null, as Python's own print does.
    Case("stdout closed (>&-)", JINAN_ANSWERS, 0, reader="closed"),
    Case(
        "stdout closed, an error to say", ("-a", "x"), 2, "is not QUESTION=CHOICE", reader="closed"
    ),
    # --- the terminal's environment -------------------------------------------------
    Case(
        "NO_COLOR with FORCE_COLOR: bold, but no colour",
        (*JINAN_ANSWERS, "--format", "rich"),
        0,
        shows="\x1b[1m Replace a card that is not damaged",
        env={"NO_COLOR": "1", "FORCE_COLOR": "1"},
        colour=True,
        hides=COLOURS,
    ),
    Case(
        "FORCE_COLOR into a pipe",
        (*JINAN_ANSWERS, "--format", "rich"),
        0,
        shows="\x1b[1;33m",
        env={"FORCE_COLOR": "1"},
        colour=True,
    ),
    Case(
        "TERM=dumb",
        (*JINAN_ANSWERS, "--format", "rich"),
        0,
        shows="Replace a card that is not damaged",
        env={"TERM": "dumb"},
    ),
    *(
        Case(
            f"COLUMNS={columns}",
            (*JINAN_ANSWERS, "--format", "rich"),
            0,
            shows="Replace",
            env={"COLUMNS": columns},
            width=width,
        )
        for columns, width in [
            ("20", 20),
            ("1", 20),
            ("0", 80),
            ("-5", 80),
            ("wide", 80),
            ("100000000", 1000),
        ]
    ),
    Case(
        "COLUMNS=20: the office list",
        ("offices", "--format", "rich"),
        0,
        shows="Offices: Jinan",
        env={"COLUMNS": "20"},
        width=20,
    ),
    Case(
        "COLUMNS=20: the tree",
        ("graph",),
        0,
        shows="card_state",
        env={"COLUMNS": "20"},
    ),
    # --- --output -------------------------------------------------------------------------
    Case(
        "--output into a missing folder",
        (*JINAN_ANSWERS, "--output", "{tmp}/missing/result.md"),
        1,
        "the folder",
        writes_nothing=True,
    ),
    Case(
        "--output into a read-only folder",
        (*JINAN_ANSWERS, "--output", "{tmp}/locked/result.md"),
        1,
        "no permission to create files in",
        setup=_read_only,
        writes_nothing=True,
        unprivileged=True,
    ),
    Case(
        "--output onto a folder",
        (*JINAN_ANSWERS, "--output", "{tmp}/result.md"),
        1,
        "it is a folder; give a file name",
        setup=_folder_named_like_the_file,
        writes_nothing=True,
    ),
    *(
        Case(
            f"{flag} through a link to a file, planted in a shared folder",
            (*JINAN_ANSWERS, flag, f"{{tmp}}/shared/{name}"),
            1,
            f"cannot write {{tmp}}/shared/{name}: it is a symbolic link (to {{tmp}}/elsewhere.txt),"
            " which ssc-wizard does not write through",
            setup=_planted_link,
            writes_nothing=True,
        )
        for flag, name in [("--output", "result.md"), ("--save-answers", "answers.yaml")]
    ),
    Case(
        "--output to /dev/stdout while stdout is a file",
        (*JINAN_ANSWERS, "--output", "/dev/stdout"),
        0,
        shows="Replace a card that is not damaged",
    ),
    *(
        Case(
            f"{' '.join(args)} naming the guide's own {target}",
            ("--data-dir", "{guide}", *args, f"{{guide}}/{target}"),
            2,
            f"names {{tmp}}/guide/{target}, the guide's own {target}; writing there would "
            "replace the guide",
            scenarios=(MINI / "scenarios.yaml").read_bytes(),
            writes_nothing=True,
        )
        for args, target in [
            (("-a", "colour=red", "--output"), "scenarios.yaml"),
            (("-a", "colour=red", "--save-answers"), "offices.yaml"),
            (("offices", "--output"), "offices.yaml"),
        ]
    ),
    *(
        Case(
            f"{' '.join(args[:-1])} in a folder that may not be searched",
            args,
            1,
            says,
            setup=_unsearchable,
            writes_nothing=True,
            unprivileged=True,
        )
        for args, says in [
            (("--data-dir", "{tmp}/closed/guide"), "cannot open the data folder"),
            (("check", "--data-dir", "{tmp}/closed/guide"), "cannot open the data folder"),
            (("graph", "--data-dir", "{tmp}/closed/guide"), "cannot open the data folder"),
            ((*JINAN_ANSWERS, "-o", "{tmp}/closed/out/r.md"), "Permission denied"),
            ((*JINAN_ANSWERS, "--save-answers", "{tmp}/closed/out/a.yaml"), "Permission denied"),
            (("new-guide", "{tmp}/closed/new"), "cannot use {tmp}/closed/new: Permission denied"),
        ]
    ),
    *(
        Case(
            f"{' '.join(args[:-1])} with a name longer than 255 bytes",
            args,
            1,
            "File name too long",
            writes_nothing=True,
        )
        for args in [
            ("--data-dir", f"{{tmp}}/{LONG}"),
            ("check", "--data-dir", f"{{tmp}}/{LONG}"),
            ("graph", "--data-dir", f"{{tmp}}/{LONG}"),
            (*JINAN_ANSWERS, "-o", f"{{tmp}}/{LONG}"),
            (*JINAN_ANSWERS, "--save-answers", f"{{tmp}}/{LONG}/a.yaml"),
            ("new-guide", f"{{tmp}}/{LONG}"),
        ]
    ),
    *(
        Case(
            f"{flag} with a name of {len(os.fsencode(name))} bytes",
            (*JINAN_ANSWERS, flag, f"{{tmp}}/{name}"),
            0,
            writes=(name,),
        )
        for flag in ("-o", "--save-answers")
        for name in NEAR_LONG
    ),
    *(
        Case(
            f"{flag} where no file can be made, before the first question",
            (flag, path),
            1,
            f"cannot write {path}: ",
            writes_nothing=True,
        )
        for flag, path in [("-o", "/proc/result.md"), ("--save-answers", "/proc/answers.yaml")]
    ),
    Case(
        "--save-answers into a missing folder",
        (*JINAN_ANSWERS, "--save-answers", "{tmp}/missing/answers.yaml"),
        1,
        "does not exist",
        writes_nothing=True,
    ),
]


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str
    peak_mb: float


def run(case: Case, tmp: Path) -> Ran:
    """Run the installed command as the case says; fail on a hang."""
    inputs = {"scenarios": case.scenarios, "offices": case.offices}
    guide = tmp / "guide"
    if any(content is not None for content in inputs.values()):
        guide.mkdir()
        for name, content in inputs.items():
            if content is None:
                shutil.copy(MINI / f"{name}.yaml", guide)
            else:
                (guide / f"{name}.yaml").write_bytes(content() if callable(content) else content)
    answers = tmp / "answers.yaml"
    if case.answers is not None:
        answers.write_bytes(case.answers() if callable(case.answers) else case.answers)
    if case.setup is not None:
        case.setup(tmp)
    before = _contents(tmp)
    argv = [console_script(), *(a.format(guide=guide, answers=answers, tmp=tmp) for a in case.args)]
    if case.unprivileged and os.geteuid() == 0:
        argv = _without_root(argv)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SSC_WIZARD_", "LC_"))},
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        **{name: value.format(tmp=tmp) for name, value in case.env.items()},
    }
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"):
        if name not in case.env:
            env.pop(name, None)
    piped = case.reader in ("gone", "one line")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        with tempfile.NamedTemporaryFile(mode="r") as report:
            process = subprocess.Popen(
                [sys.executable, "-S", "-c", RUNNER, report.name, *argv],
                cwd=tmp,
                env=env,
                stdin=subprocess.PIPE if isinstance(case.stdin, bytes) else subprocess.DEVNULL,
                stdout=subprocess.PIPE if piped else out,
                stderr=err,
                start_new_session=True,  # so that a hang is stopped whole
                preexec_fn=_closing(stdin=case.stdin == "closed", stdout=case.reader == "closed"),
            )
            if isinstance(case.stdin, bytes):
                assert process.stdin is not None
                with contextlib.suppress(BrokenPipeError):
                    process.stdin.write(case.stdin)  # less than a pipe holds: never blocks
                    process.stdin.close()
            first_line = b""
            if process.stdout is not None:
                if case.reader == "one line":
                    first_line = process.stdout.readline()
                process.stdout.close()
            try:
                process.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                pytest.fail(f"still running after {TIMEOUT} s: it hangs")
            code, peak_kb = map(int, report.read().split())
        out.seek(0)
        err.seek(0)
        stdout, stderr = first_line + out.read(), err.read()
    if case.writes_nothing or case.writes:
        after = _contents(tmp)
        added = {str(tmp / name) for name in case.writes}
        assert {name: after[name] for name in after.keys() - added} == before
        assert all(after.get(name) for name in added), "a file to write is missing or empty"
    return Ran(
        code, stdout.decode(errors="replace"), stderr.decode(errors="replace"), peak_kb / 1024
    )


#: Runs the command and writes its exit code and peak memory (kB) to a file.
#: The command is forked from this small Python rather than from pytest: a
#: process's peak memory starts at the size of the one it was forked from.
RUNNER = """
import os, sys
report, argv = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as file:
    file.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def _contents(tmp: Path) -> dict[str, bytes | None]:
    """Every name under ``tmp``, with a regular file's bytes (not following links)."""
    found: dict[str, bytes | None] = {}
    for folder, dirs, files in os.walk(tmp):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            regular = path.is_file() and not path.is_symlink()
            found[str(path)] = path.read_bytes() if regular else None
    return found


def _closing(*, stdin: bool, stdout: bool) -> Callable[[], None] | None:
    """Close the child's stdin or stdout before it starts, as ``<&-`` and ``>&-`` do."""
    if not (stdin or stdout):
        return None

    def close() -> None:
        if stdin:
            os.close(0)
        if stdout:
            os.close(1)

    return close


def _without_root(argv: list[str]) -> list[str]:
    """As root, run in a user namespace of its own, where root's files keep their modes:
    a read-only folder is read-only there too."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-U", "true"], check=False).returncode:
        pytest.skip("root may write in a read-only folder, and unshare -U is not available")
    return [unshare, "-U", *argv]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    ran = run(case, tmp_path)
    assert ran.code == case.code, ran.stderr
    if case.says is None:
        assert ran.stderr == ""
    else:
        assert case.says.replace("{tmp}", str(tmp_path)) in ran.stderr
    if case.shows is not None:
        assert case.shows.replace("{tmp}", str(tmp_path)) in ran.stdout
    if case.hides is not None:
        assert not case.hides.search(ran.stdout)
    for stream in (ran.stdout, ran.stderr):
        assert "Traceback" not in stream
        assert "internal error" not in stream
    assert first_unsafe(ran.stderr) is None
    assert first_unsafe(SGR.sub("", ran.stdout) if case.colour else ran.stdout) is None
    if case.width is not None:
        # Every line fits, but for one that is a single piece no break can split
        # (a long argument of the command that gives the result again).
        wide = [line for line in ran.stdout.splitlines() if linebreak.cells(line) > case.width]
        assert all(len(line.strip(" \\").split()) == 1 for line in wide), wide
    assert ran.peak_mb < MAX_MB


@pytest.mark.parametrize("odd", ["\n", "\r", "\x85", "\u2028", "\nsize: big\n"])
def test_saved_answers_read_back_whatever_the_guide_folder_is_called(
    tmp_path: Path, odd: str
) -> None:
    """The folder's name goes into a comment of the saved file: it must stay a comment."""
    guide = tmp_path / f"g{odd}x"
    shutil.copytree(MINI, guide)
    saved = tmp_path / "answers.yaml"
    command = [console_script(), "--data-dir", str(guide), "--format", "json"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )

    first = run("-a", "colour=red", "--save-answers", str(saved))
    assert first.returncode == 0, first.stderr
    again = run("--answers-file", str(saved))
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    assert first_unsafe(saved.read_text(encoding="utf-8")) is None


#: Folder names whose replay command ``visible`` would otherwise write out, or
#: spread over lines: an escape, a line break (also as YAML and Unicode write
#: one), a byte that is not UTF-8, a quote.
ODD_FOLDERS = ["e\x1b[31mx", "n\nx", "l\u2028x", "c\x85x", "b\udcffx", "q'x"]


@pytest.mark.parametrize("odd", ODD_FOLDERS)
def test_the_command_shown_gives_the_same_result_pasted_into_a_shell(
    tmp_path: Path, odd: str
) -> None:
    guide = tmp_path / f"g{odd}"
    shutil.copytree(MINI, guide)
    saved = tmp_path / "answers.yaml"
    args = ["--data-dir", str(guide), "-a", "colour=red"]
    shown = _run(*args, "--format", "text", "--save-answers", str(saved)).stdout
    expected = _run(*args, "--format", "json").stdout
    label = "To get this result again without questions: "
    [line] = [line for line in shown.splitlines() if line.startswith(label)]
    comment = saved.read_text(encoding="utf-8").splitlines()[1]
    paths = _run("paths", "--data-dir", str(guide)).stdout.splitlines()[0]
    for command in (
        line.removeprefix(label),
        comment.removeprefix("#   "),
        paths.split(maxsplit=1)[1],
    ):
        assert first_unsafe(command) is None and "\n" not in command
        for shell in ("bash", "zsh"):
            if shutil.which(shell) is None:
                continue
            pasted = subprocess.run(
                [shell, "-c", f"{command} --format json"],
                capture_output=True,
                text=True,
                env={**os.environ, "PATH": f"{Path(console_script()).parent}:{os.environ['PATH']}"},
                timeout=TIMEOUT,
                check=False,
            )
            assert pasted.stdout == expected, (shell, command, pasted.stderr)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), *args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT,
        check=True,
    )
