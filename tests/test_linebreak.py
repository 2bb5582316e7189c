"""Line breaking for Chinese and English: where a line may end, in terminal cells."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Text

from ssc_wizard.linebreak import NO_END, NO_START, cells, fold, wrap
from ssc_wizard.rich_text import BreakingText


def test_chinese_breaks_between_characters_by_cells() -> None:
    assert wrap("社会保障卡社会保障卡", 10) == ["社会保障卡", "社会保障卡"]
    assert wrap("社会保障卡社会保障卡", 9) == ["社会保障", "卡社会保", "障卡"]


def test_closing_punctuation_never_starts_a_line() -> None:
    # "号码。" would leave "。" alone at the start of the second line.
    assert wrap("公民身份号码。", 12) == ["公民身份号", "码。"]
    assert wrap("请拨打热线 12333。", 12) == ["请拨打热线", "12333。"]
    assert wrap("社保卡（未丢失）", 10) == ["社保卡（未", "丢失）"]


def test_opening_punctuation_never_ends_a_line() -> None:
    assert wrap("照片（到您所在辖区）", 10) == ["照片（到您", "所在辖区）"]
    assert wrap("照片（到您所在辖区）", 7) == ["照片", "（到您", "所在辖", "区）"]
    assert wrap("文章“济南社保卡”", 10) == ["文章“济南", "社保卡”"]


def test_english_breaks_only_at_spaces_as_before() -> None:
    text = "Which district or county of Jinan do you live in?"
    assert wrap(text, 27) == ["Which district or county of", "Jinan do you live in?"]
    assert wrap("a-very-long-word-indeed", 10) == ["a-very-lon", "g-word-ind", "eed"]


def _rich(text: Text, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(Group(text))
    return out.getvalue().splitlines()


def test_rich_breaks_chinese_as_the_prompts_do() -> None:
    sentence = "未丢失的社保卡需要换卡时，在此提供新的电子照片（到您所在辖区的中心）。"
    assert _rich(BreakingText(sentence), 16) == wrap(sentence, 16)
    # rich alone would begin a line with the full stop or end one with a bracket.
    plain = _rich(Text(sentence), 16)
    assert any(line[0] in NO_START or line[-1] in NO_END for line in plain)


def test_rich_english_is_unchanged() -> None:
    sentence = "Takes a new electronic photo when a card that is not lost must be replaced."
    for width in (12, 30, 80):
        assert _rich(BreakingText(sentence), width) == _rich(Text(sentence), width)


CHARS = st.sampled_from([*"社会保障卡济南办理机构", *"abc xyz 12", *"，。（）“”"])


@given(st.text(CHARS, max_size=80), st.integers(min_value=2, max_value=40))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) == cells(line) for line in lines)


def test_fold_keeps_list_markers_hanging_and_breaks_chinese_between_characters() -> None:
    assert fold("- one two three four five", 14) == "- one two\n  three four\n  five"
    assert fold("12. one two three", 12) == "12. one two\n    three"
    assert fold("  indented words here", 12) == "  indented\n  words here"
    assert fold("第一第二第三第四第五第六", 10) == "第一第二第\n三第四第五\n第六"
    assert fold("no width", None) == "no width"
