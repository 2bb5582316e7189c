"""Control characters in texts: shown written out in every format, kept (escaped) in JSON."""

from __future__ import annotations

import json
import subprocess

import pytest

from ssc_wizard.controls import first_unsafe, json_escaped, shell_quote, visible, visible_in
from ssc_wizard.engine import Reached
from ssc_wizard.formats import Format, formatter
from ssc_wizard.model import Guide
from ssc_wizard.parsing import parse_guide
from ssc_wizard.result import Answer, build_result, office_list

from conftest import MINI

#: Each kind of character that acts on a terminal, and how it is shown.
ACTING = [
    ("\x1b[31m", "\\x1b[31m"),  # CSI: colour
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # OSC: window title, ended by BEL
    ("\x9b2J", "\\x9b2J"),  # an 8-bit CSI: clear the screen
    ("a\rb", "a\\rb"),  # the line overwrites itself
    ("\x00\x08\x7f", "\\x00\\x08\\x7f"),
    ("\u202eabc", "\\u202eabc"),  # right-to-left override
    ("\u2066x\u2069", "\\u2066x\\u2069"),  # isolates
    ("a\u2028b\u2029", "a\\u2028b\\u2029"),  # line breaks to YAML, invisible to editors
    ("/tmp/\udcff", "/tmp/\\udcff"),  # a byte of a file name that is not UTF-8
    # Tag characters: invisible copies of ASCII, here a hidden "hi".
    ("ok\U000e0068\U000e0069", "ok\\U000e0068\\U000e0069"),
    ("\U000e0000\U000e007f", "\\U000e0000\\U000e007f"),  # the first and the last
    # Scotland's flag is a black flag and tags: shown with them written out.
    (
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "\U0001f3f4\\U000e0067\\U000e0062\\U000e0073\\U000e0063\\U000e0074\\U000e007f",
    ),
]


@pytest.mark.parametrize(("text", "shown"), ACTING)
def test_visible_writes_each_control_character_out(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert first_unsafe(text) == text[[c.isprintable() for c in text].index(False)]


def test_plain_text_tabs_newlines_and_chinese_are_left_alone() -> None:
    text = "Bring\tyour ID.\n带上身份证。 [bold]x[/] é \u2018quoted\u2019 \u200d"
    assert visible(text) == text
    assert first_unsafe(text) is None


def test_visible_in_copies_a_frozen_result_with_every_text_shown() -> None:
    answer = Answer("q", "Which \x1b[2Jone?", "a", "A\r")
    assert visible_in((answer, None)) == (Answer("q", "Which \\x1b[2Jone?", "a", "A\\r"), None)


@pytest.mark.parametrize("text", [t for t, _ in ACTING])
def test_json_escaped_keeps_the_data(text: str) -> None:
    encoded = json_escaped(json.dumps({"t": text}, ensure_ascii=False))
    assert first_unsafe(encoded) is None
    assert json.loads(encoded) == {"t": text}


def test_a_command_with_tag_characters_is_quoted_so_the_shell_gives_them_back() -> None:
    hidden = "guide\U000e0068\U000e0069"
    quoted = shell_quote(hidden)
    assert quoted == "$'guide\\U000e0068\\U000e0069'"
    assert first_unsafe(quoted) is None
    echoed = subprocess.run(
        ["bash", "-c", f"printf %s {quoted}"], capture_output=True, text=True, check=True
    )
    assert echoed.stdout == hidden


def _guide_with(text: str) -> Guide:
    """The mini guide with ``text`` (YAML escapes allowed) as a summary and an office's role."""
    scenarios = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
    offices = (MINI / "offices.yaml").read_text(encoding="utf-8")
    scenarios = scenarios.replace("summary: {en: Stop here.,", f'summary: {{en: "{text}",', 1)
    return parse_guide(
        scenarios.replace("role: {en: Everything.,", f'role: {{en: "{text}",', 1), offices
    )


#: A text written with YAML's escapes: CSI, OSC, CR, C1 CSI, RLO, a tag character.
ESCAPED = r"Stop\e[31m red\e]0;x\a\rover\x9b2J\u202eback\U000E0068"
ACTED = "Stop\x1b[31m red\x1b]0;x\x07\rover\x9b2J\u202eback\U000e0068"


@pytest.mark.parametrize("fmt", [Format.rich, Format.text, Format.markdown])
@pytest.mark.parametrize("what", ["result", "offices"])
def test_every_format_shows_the_characters_written_out(fmt: Format, what: str) -> None:
    guide = _guide_with(ESCAPED)
    item = (
        build_result(guide, Reached("stop", {"colour": "red"}))
        if what == "result"
        else office_list(guide)
    )
    text = formatter(fmt).render(item)
    assert first_unsafe(text) is None, text
    # Markdown escapes the backslash and bracket, so that the page shows them as they are.
    shown = (
        [r"\\x1b\[31m", r"\\u202eback\\U000e0068"]
        if fmt is Format.markdown
        else [r"\x1b[31m", r"\u202eback\U000e0068"]
    )
    assert all(piece in text for piece in shown)


@pytest.mark.parametrize("what", ["result", "offices"])
def test_json_keeps_the_text_escaped(what: str) -> None:
    guide = _guide_with(ESCAPED)
    reached = Reached("stop", {"colour": "red"})
    item = build_result(guide, reached) if what == "result" else office_list(guide)
    text = formatter(Format.json).render(item)
    assert first_unsafe(text) is None
    data = json.loads(text)
    found = (
        data["outcome"]["summary"] if what == "result" else data["offices"][0]["roles"][0]["role"]
    )
    assert found == ACTED
