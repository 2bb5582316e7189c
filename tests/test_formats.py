"""Which format a run gets when --format is not given, and what every format makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from ssc_wizard.engine import Reached
from ssc_wizard.formats import Format, choose, formatter
from ssc_wizard.formats.interface import Formatter
from ssc_wizard.model import Guide
from ssc_wizard.result import build_result, office_list


@pytest.mark.parametrize(
    ("output", "terminal", "expected"),
    [
        (None, True, Format.rich),
        (None, False, Format.text),
        ("a.json", True, Format.json),
        ("CHECKLIST.MD", False, Format.markdown),
        ("a.markdown", False, Format.markdown),
        ("a.txt", True, Format.text),
        ("no-suffix", True, Format.text),
    ],
)
def test_default_format(output: str | None, terminal: bool, expected: Format) -> None:
    path = Path(output) if output else None
    assert choose(None, path, terminal=terminal) is expected


def test_a_chosen_format_wins_over_the_file_name() -> None:
    assert choose(Format.text, Path("a.json"), terminal=True) is Format.text


def test_rich_as_text_fits_a_page_without_colour(jinan: Guide) -> None:
    text = formatter(Format.rich).render(office_list(jinan))
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Municipal agency" in text


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_makes_a_result_an_office_list_and_a_recap(jinan: Guide, fmt: Format) -> None:
    result = build_result(jinan, Reached("replace_card", {"card_state": "not_damaged"}))
    shown = formatter(fmt)
    assert isinstance(shown, Formatter)
    assert shown.render(result) == shown.result(result)
    assert shown.render(office_list(jinan)) == shown.offices(office_list(jinan))
    assert "Your result: " + result.title in " ".join(shown.recap(result).split())


@pytest.mark.parametrize("fmt", [Format.markdown, Format.json])
def test_a_document_format_is_recapped_in_plain_text_above_the_menu(
    jinan: Guide, fmt: Format
) -> None:
    """The recap stands on the screen, not in the Markdown or the JSON."""
    result = build_result(jinan, Reached("replace_card", {"card_state": "not_damaged"}))
    for width in (None, 30):
        recap = formatter(fmt).recap(result, width=width)
        assert recap == formatter(Format.text).recap(result, width=width)


def test_rich_as_text_is_laid_out_at_the_width_asked_for(jinan: Guide) -> None:
    result = build_result(jinan, Reached("replace_card", {"card_state": "not_damaged"}), lang="zh")
    for width in (40, 120):
        text = formatter(Format.rich).result(result, width=width)
        assert "\x1b" not in text
        assert max(cell_len(line) for line in text.splitlines()) == width  # the panel's border
