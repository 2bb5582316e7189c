"""Line breaking for Chinese and English: where a line may end, in terminal cells."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ssc_wizard.linebreak import NO_END, NO_START, break_offsets, cells, clusters, fold, wrap
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


ZWJ = "\u200d"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl, joined
#: Clusters of more than one code point, and the pieces they are made of alone.
CLUSTERS = [
    "e\u0301",  # e and a combining acute accent
    FAMILY,
    "\U0001f44d\U0001f3fd",  # thumbs up, medium skin tone
    "\u2764\ufe0f",  # heart, as an emoji (variation selector 16)
    "\u2764\ufe0e",  # heart, as text (variation selector 15)
    "\U0001f1e8\U0001f1f3",  # the flag of China: two regional indicators
    "\u1100\u1161\u11a8",  # 각, written as its three jamo
]
LONE = ["\u0301", "\u200d", "\ufe0f", "\U0001f3fd", "\U0001f1e8"]


def test_a_cluster_is_measured_as_rich_measures_it() -> None:
    for cluster in CLUSTERS:
        assert cells(cluster) == cell_len(cluster), cluster
    assert cells("e\u0301") == 1  # not two: the accent takes no cell
    assert cells(FAMILY) == 2


def test_every_character_alone_is_as_wide_as_rich_says() -> None:
    # Python's own Unicode data is older than rich's table: the characters
    # both know are compared, all of them. Control characters never reach a
    # line: ``controls.visible`` writes them out first.
    differ = [
        hex(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) not in ("Cn", "Co", "Cs", "Cc")
        and cells(chr(code) + "a") - 1 != get_character_cell_size(chr(code))
    ]
    assert differ == []


def test_a_family_emoji_stays_on_one_line_in_a_narrow_panel() -> None:
    text = f"Bring {FAMILY} the whole {FAMILY} family {FAMILY} along"
    lines = wrap(text, 10)  # the panel's width, less its borders and padding
    assert all(FAMILY in line or "\u200d" not in line for line in lines)
    assert sum(line.count(FAMILY) for line in lines) == 3
    out = io.StringIO()
    Console(file=out, width=14, color_system=None).print(Panel(BreakingText(text)))
    inside = [line[2:-2].rstrip() for line in out.getvalue().splitlines()[1:-1]]
    assert inside == lines
    assert sum(line.count(FAMILY) for line in inside) == 3


def test_no_cluster_is_parted_where_a_line_must_be_cut() -> None:
    # Each word is wider than the line: it is cut, but between clusters.
    for cluster in CLUSTERS:
        lines = wrap(cluster * 6, 3)
        assert "".join(lines) == cluster * 6
        assert all(line and line.count(cluster) * len(cluster) == len(line) for line in lines)


def test_flags_and_skin_tones_keep_their_parts_together() -> None:
    assert wrap("\U0001f1e8\U0001f1f3\U0001f1e8\U0001f1f3", 2) == ["\U0001f1e8\U0001f1f3"] * 2
    thumbs = "\U0001f44d\U0001f3fd"
    assert wrap(thumbs * 3, 2) == [thumbs] * 3
    assert [size for _, _, size in clusters(thumbs + "\u2764\ufe0f")] == [2, 2]


@pytest.mark.parametrize("lone", LONE)
def test_a_lone_joiner_or_mark_at_the_start_is_kept_and_takes_what_rich_gives(lone: str) -> None:
    # Nothing to join or mark: rich gives it a cluster of its own (no cell, but a
    # regional indicator's one); it is neither dropped nor allowed to overflow.
    assert cells(lone) == cell_len(lone)
    assert "".join(wrap(lone + "abc def", 3)) == lone + "abcdef"


def test_a_joiner_at_the_start_joins_nothing() -> None:
    # rich's cell_len counts "\u200d社" as no cell (it skips the character after
    # any joiner), and its grapheme split "\u0301\u200d社" likewise; a terminal
    # shows 社 in both, in two cells. A joiner after nothing shown leaves the
    # next character its cells: a line is never wider than it is measured.
    assert cells(ZWJ + "社") == split_graphemes(ZWJ + "社")[1] == 2
    assert cells("\u0301" + ZWJ + "社") == 2
    assert cells(ZWJ + ZWJ + "社") == 2
    assert wrap(ZWJ + "社会", 2) == [ZWJ + "社", "会"]


def test_a_space_with_a_mark_on_it_is_no_place_to_break() -> None:
    # " \u1161" shows the vowel in a cell of its own: dropping it at the end of a
    # line, as a space would be, would leave the line a cell too wide.
    lines = wrap("社 \u1161", 2)
    assert all(cell_len(line) <= 2 for line in lines)
    assert "".join(lines) == "社 \u1161"


def _joins_nothing(line: str) -> bool:
    """Whether the first joiner of ``line`` comes after nothing shown."""
    first = line.find(ZWJ)
    return first >= 0 and cells(line[:first]) == 0


#: Whole clusters, and their parts alone in any order: a text can hold nonsense.
PIECES = st.sampled_from(
    [
        *"社会保障卡济南办理机构",
        *"abc xyz 12",
        *"，。（）“”",
        *CLUSTERS,
        *LONE,
        *"\ufe0e\U0001f1f3\u1100\u1161\u11a8\u2764\U0001f44d\U0001f600",
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@given(TEXTS, st.integers(min_value=2, max_value=40))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # Where a joiner joins nothing, rich's two measures disagree, and both fall
    # short of what a terminal shows (``test_a_joiner_at_the_start_joins_nothing``).
    measured = [line for line in lines if not _joins_nothing(line)]
    assert all(cell_len(line) == split_graphemes(line)[1] == cells(line) for line in measured)
    # Every break is between two of rich's grapheme clusters.
    starts = {start for start, _, _ in split_graphemes(text)[0]}
    assert set(break_offsets(text, width)) <= starts


def test_fold_keeps_list_markers_hanging_and_breaks_chinese_between_characters() -> None:
    assert fold("- one two three four five", 14) == "- one two\n  three four\n  five"
    assert fold("12. one two three", 12) == "12. one two\n    three"
    assert fold("  indented words here", 12) == "  indented\n  words here"
    assert fold("第一第二第三第四第五第六", 10) == "第一第二第\n三第四第五\n第六"
    assert fold("no width", None) == "no width"
