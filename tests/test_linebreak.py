"""Line breaking for Chinese and English: where a line may end, in terminal cells."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich._unicode_data import load as load_cell_table
from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ssc_wizard.linebreak import NO_END, NO_START, break_offsets, cells, clusters, fold, wrap
from ssc_wizard.rich_text import BreakingText

#: linebreak's copy of rich's width table.
CELLWIDTHS = Path(__file__).parents[1] / "src" / "ssc_wizard" / "cellwidths.py"


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
    "1\ufe0f\u20e3",  # keycap one: a digit as an emoji, in its keycap
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag: a white flag, VS16, ZWJ, a rainbow
]
LONE = ["\u0301", "\u200d", "\ufe0f", "\U0001f3fd", "\U0001f1e8"]


def test_a_cluster_is_measured_as_rich_measures_it() -> None:
    for cluster in CLUSTERS:
        assert cells(cluster) == cell_len(cluster), cluster
    assert cells("e\u0301") == 1  # not two: the accent takes no cell
    assert cells(FAMILY) == 2


def test_every_character_alone_is_as_wide_as_rich_says() -> None:
    # Every code point, those Python's own Unicode data does not know yet too:
    # linebreak carries rich's table (``cellwidths``), not Python's. ASCII's
    # control characters take the fast path's one cell (rich: none); none
    # reaches a line: ``controls.visible`` writes them out first.
    differ = [
        hex(code)
        for code in (*range(0x20, 0x7F), *range(0x80, 0x110000))
        if cells(chr(code)) != get_character_cell_size(chr(code))
    ]
    assert differ == []


def test_characters_newer_than_pythons_unicode_data_are_measured_as_rich_measures_them() -> None:
    # Unicode 16: an emoji (face with bags under eyes), wide, and an Arabic
    # mark, of no width, which stays with its letter. Python 3.11's own data
    # (Unicode 14) knows neither; a width taken from it overflowed a panel or
    # parted the mark from its letter, depending on the Python.
    assert cells("\U0001fae9") == cell_len("\U0001fae9") == 2
    assert cells("\u0628\u0897") == cell_len("\u0628\u0897") == 1
    assert wrap("\u0628\u0897" * 4, 2) == ["\u0628\u0897" * 2] * 2


def _cellwidths_source() -> str:
    """``ssc_wizard/cellwidths.py`` as it is written from rich's table."""
    table = load_cell_table("latest")
    widths: list[list[int]] = []
    for first, last, size in table.widths:
        if widths and widths[-1][1] + 1 == first and widths[-1][2] == size:
            widths[-1][1] = last
        else:
            widths.append([first, last, size])
    wide: list[list[int]] = []
    for code in sorted(map(ord, table.narrow_to_wide)):
        if wide and wide[-1][1] + 1 == code:
            wide[-1][1] = code
        else:
            wide.append([code, code])
    lines = [
        f'"""Cell widths of Unicode {table.unicode_version}, as rich counts them (generated).',
        "",
        "Copied from rich's own table (``rich._unicode_data``, from the wcwidth",
        "project) so that ``linebreak`` measures as rich does without importing it, and",
        "alike on every Python, whichever Unicode version its ``unicodedata`` knows.",
        "Rewritten by ``python tests/test_linebreak.py``; the tests compare it with rich.",
        '"""',
        "",
        "# fmt: off",
        f'UNICODE_VERSION = "{table.unicode_version}"',
        "#: (first, last, cells) of every code point that does not take one cell.",
        "WIDTHS = (",
        *(f"    (0x{first:04X}, 0x{last:04X}, {size})," for first, last, size in widths),
        ")",
        "#: Characters that a variation selector 16 (U+FE0F) widens from one cell to two.",
        "NARROW_TO_WIDE = frozenset(",
        "    code",
        "    for first, last in (",
        *(f"        (0x{first:04X}, 0x{last:04X})," for first, last in wide),
        "    )",
        "    for code in range(first, last + 1)",
        ")",
        "# fmt: on",
        "",
    ]
    return "\n".join(lines)


def test_the_width_table_is_richs() -> None:
    # A newer rich with a newer table: run `python tests/test_linebreak.py`.
    assert CELLWIDTHS.read_text(encoding="utf-8") == _cellwidths_source()


def test_measuring_and_breaking_never_import_rich() -> None:
    # The text format and the prompts wrap every result: rich is for its own format.
    code = (
        "import sys\n"
        "from ssc_wizard import linebreak\n"
        f"linebreak.wrap({''.join(CLUSTERS + LONE)!r} * 3, 5)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert ran.stdout == "[]\n"


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
        *"\u20e3\U0001f3f3\U0001f308\U0001fae9\u0628\u0897\u0627\u064e",
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


def test_fold_keeps_clusters_whole_under_a_list_marker() -> None:
    # The text format and the messages fold this way: each line fits as rich
    # measures it, and every cluster is on one line, its parts in their order.
    text = "- " + " ".join(CLUSTERS) + " caf\u00e9 cafe\u0301"
    folded = fold(text, 14)
    lines = folded.split("\n")
    assert all(cell_len(line) <= 14 for line in lines)
    assert all(line.startswith("  ") for line in lines[1:])
    assert all(any(cluster in line for line in lines) for cluster in CLUSTERS)
    assert folded.replace("\n  ", " ") == text


if __name__ == "__main__":  # rich's table changed: write linebreak's copy anew
    CELLWIDTHS.write_text(_cellwidths_source(), encoding="utf-8")
