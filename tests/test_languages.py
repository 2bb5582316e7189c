"""Every path of the shipped guide in both languages, in every format.

Chinese output holds no English but ids and the command line; English output
holds no Chinese; no text is missing in either. Chinese lines up in rich's
panels and tables at 40 and 80 columns.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from rich.cells import cell_len, set_cell_size
from rich.console import Console

from ssc_wizard import formats, words
from ssc_wizard.engine import Reached
from ssc_wizard.formats import Format, rich_format
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.linebreak import NO_END, NO_START
from ssc_wizard.model import Guide
from ssc_wizard.result import Result, build_result, office_list

from paths import all_paths

LATIN = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: The JSON keys whose values are ids, the language code or the command: the same in both.
SAME_IN_BOTH = {"id", "lang", "command", "answers", "per_district", "schema_version"}


def _results(guide: Guide, lang: Lang) -> list[Result]:
    return [
        build_result(guide, Reached(outcome_id, answers), lang=lang)
        for answers, outcome_id in all_paths(guide)
    ]


def _without_command(text: str) -> str:
    """The output less the replay command, which is ids and flags in every language."""
    text = re.sub(r"^```sh\n.*?^```$", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"ssc-wizard(?:[^\n]*\\\n)*[^\n]*", "", text)


def _texts(data: Any, key: str = "") -> list[str]:
    """Every text in a JSON output that is read by people, not machines."""
    if key in SAME_IN_BOTH:
        return []
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in _texts(v, k)]
    if isinstance(data, list):
        return [t for item in data for t in _texts(item, key)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("fmt", [Format.text, Format.rich, Format.markdown])
def test_chinese_output_has_no_english_but_ids_and_the_command(jinan: Guide, fmt: Format) -> None:
    results = _results(jinan, "zh")
    assert len(results) > 30
    for result in results:
        shown = _without_command(formats.formatter(fmt).render(result))
        assert not LATIN.search(shown), (result.command, LATIN.findall(shown)[:10])


@pytest.mark.parametrize("fmt", [Format.text, Format.rich, Format.markdown])
def test_english_output_has_no_chinese(jinan: Guide, fmt: Format) -> None:
    for result in _results(jinan, "en"):
        shown = formats.formatter(fmt).render(result)
        assert not CJK.search(shown), result.command
        assert shown.isascii() or fmt is Format.rich  # rich draws its boxes in Unicode


@pytest.mark.parametrize("lang", LANGS)
def test_json_texts_are_all_in_the_language_asked_for(jinan: Guide, lang: Lang) -> None:
    for result in _results(jinan, lang):
        data = json.loads(formats.formatter(Format.json).render(result))
        assert data["lang"] == lang
        texts = _texts(data)
        assert texts and all(texts)
        for text in texts:
            if lang == "zh":
                assert CJK.search(text) and not LATIN.search(text), text
            else:
                assert not CJK.search(text), text


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_is_missing_from_any_path(jinan: Guide, lang: Lang) -> None:
    """What the guide says for the outcome is what is shown, in full, in that language."""
    for result in _results(jinan, lang):
        outcome = jinan.scenarios.outcomes[result.outcome_id]
        shown = formats.formatter(Format.text).render(result)
        expected = [
            outcome.title.get(lang),
            outcome.summary.get(lang),
            *(step.get(lang) for step in jinan.expand(outcome.steps)),
            *(item.get(lang) for item in jinan.expand(outcome.materials)),
            *(jinan.scenarios.laws[law].text.get(lang) for law in outcome.legal_basis),
            *(jinan.offices.offices[visit.office].name.get(lang) for visit in outcome.offices),
            *(visit.role.get(lang) for visit in outcome.offices),
            *(
                law.why.get(lang)
                for law in map(jinan.scenarios.laws.get, outcome.legal_basis)
                if law and law.why
            ),
            *([outcome.note.get(lang)] if outcome.note else []),
            jinan.scenarios.guide.more_help.get(lang),
        ]
        for text in expected:
            assert text and text in shown, (result.command, text)
        for heading in (words.WHERE_TO_GO, words.STEPS, words.BRING):
            assert words.HEADING(lang, title=heading(lang)) in shown
        cites = bool(outcome.legal_basis)
        assert (words.HEADING(lang, title=words.LEGAL_BASIS(lang)) in shown) is cites


@pytest.mark.parametrize("lang", LANGS)
def test_the_office_list_in_every_format(jinan: Guide, lang: Lang) -> None:
    listing = office_list(jinan, "lixia", lang)
    for fmt in (Format.text, Format.markdown):  # rich wraps the names in a table column
        shown = formats.formatter(fmt).render(listing)
        for office in jinan.offices.offices.values():
            assert office.name.get(lang) in shown
    if lang == "zh":
        for fmt in (Format.text, Format.rich, Format.markdown):
            assert not LATIN.search(formats.formatter(fmt).render(listing)), fmt


def _rich(result: Result, width: int) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    rich_format.draw(result, console)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [40, 80])
def test_chinese_lines_up_at_40_and_80_columns(jinan: Guide, width: int) -> None:
    for result in _results(jinan, "zh"):
        lines = _rich(result, width)
        assert max(cell_len(line) for line in lines) <= width, result.command
        # Panels: every line between the corners is exactly as wide as the box.
        for line in lines:
            if line.startswith(("╭", "│", "╰")):
                assert cell_len(line) == width, line
                assert line.endswith(("╮", "│", "╯")), line
        # Chinese lines break as Chinese is typeset: in each column of each
        # line, no closing punctuation first and no opening punctuation last.
        for line in lines:
            for part in re.split(r"\s{2,}|[│╭╮╰╯─]", line):
                part = part.strip()
                if part and CJK.search(part):
                    assert part[0] not in NO_START and part[-1] not in NO_END, line
        # The offices table: no office name runs into the column beside it.
        header = next((i for i, line in enumerate(lines) if words.ROLE("zh") in line), None)
        if header is None:  # no office is named for this situation
            assert words.NO_OFFICES("zh") in "".join(lines)
            continue
        second = cell_len(lines[header].split(words.ROLE("zh"))[0])
        for line in lines[header + 2 :]:
            if not line.strip() or line.startswith(words.STEPS("zh")):
                break
            assert set_cell_size(line, second).endswith(" "), line


def test_chinese_wraps_between_characters_not_past_the_edge(jinan: Guide) -> None:
    result = build_result(
        jinan,
        Reached(
            "convert_card",
            {
                "card_state": "out_of_province",
                "keep_card": "yes",
                "account_normal": "yes",
                "district": "lixia",
            },
        ),
        lang="zh",
    )
    lines = _rich(result, 40)
    steps = lines.index(words.STEPS("zh"))
    # A step wraps onto lines indented under its text, not under its number.
    assert lines[steps + 1].startswith("1. ")
    assert lines[steps + 2].startswith("   ") and CJK.search(lines[steps + 2])
