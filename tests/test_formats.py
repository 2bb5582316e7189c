"""Which format a run gets when --format is not given."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssc_wizard.formats import Format, choose, formatter
from ssc_wizard.model import Guide
from ssc_wizard.result import office_list


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
