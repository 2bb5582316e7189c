"""From a reached outcome to the full procedure, and the JSON contract."""

from __future__ import annotations

import shlex

from ssc_wizard.answers import parse_flags
from ssc_wizard.engine import Reached
from ssc_wizard.formats.text import to_text
from ssc_wizard.loader import load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import Cited, build_result

from conftest import MINI, TESTS, GuideDir
from paths import all_paths

DATED = TESTS / "guides" / "dated"


def test_steps_and_materials_expand_shared_lists(mini: Guide) -> None:
    result = build_result(
        mini, Reached("go_small", {"colour": "green", "size": "small", "area": "north"})
    )
    assert result.steps == ("Walk.", "Sign in.", "Sign out.")
    assert result.materials == ("An ID.",)
    assert [(law.law, law.article) for law in result.legal_basis] == [("Test Act", "Section 1")]


def test_district_answer_names_the_local_offices_only(mini: Guide) -> None:
    result = build_result(
        mini, Reached("go_small", {"colour": "green", "size": "small", "area": "north"})
    )
    desk, local = result.offices
    assert (desk.id, desk.district) == ("desk", None)
    assert local.id == "local" and local.district is not None
    assert (local.district.id, local.district.name) == ("north", "North")


def test_unsure_district_leaves_the_local_office_generic(mini: Guide) -> None:
    result = build_result(
        mini, Reached("go_big", {"colour": "green", "size": "big", "area": "unsure"})
    )
    (local,) = result.offices
    assert local.per_district and local.district is None


def test_answers_carry_question_and_choice_wording(mini: Guide) -> None:
    result = build_result(mini, Reached("stop", {"colour": "red"}))
    assert [(a.question, a.choice) for a in result.answers] == [("Which colour?", "Red")]


def test_every_text_comes_in_the_language_asked_for(mini: Guide) -> None:
    reached = Reached("go_small", {"colour": "green", "size": "small", "area": "north"})
    result = build_result(mini, reached, lang="zh")
    assert result.lang == "zh"
    assert (result.guide_title, result.title) == ("测试指南", "走小号")
    assert result.summary == "走，小号。"
    assert [(a.question, a.choice) for a in result.answers] == [
        ("哪种颜色？", "绿色"),
        ("哪种尺寸？", "小号"),
        ("哪个区？", "北区"),
    ]
    assert result.steps == ("步行。", "签到。", "签退。")
    assert result.materials == ("一份证件。",)
    assert [(o.name, *(r.text for r in o.roles)) for o in result.offices] == [
        ("前台", "一切事务。"),
        ("本地分部", "本地事务。"),
    ]
    assert result.offices[1].district is not None and result.offices[1].district.name == "北区"
    assert [(law.law, law.article, law.text) for law in result.legal_basis] == [
        ("《测试法》", "第一节", "人人都可以走。")
    ]
    assert (result.more_help, result.source) == ("请到前台询问。", "为测试编写。")
    # Ids stay the same in every language, so the command is the same too.
    assert result.command == build_result(mini, reached).command
    assert result.to_json()["lang"] == "zh"


def test_the_command_names_the_language_only_when_it_was_chosen(mini: Guide) -> None:
    reached = Reached("stop", {"colour": "red"})
    assert "--lang" not in build_result(mini, reached, lang="zh").command
    chosen = build_result(mini, reached, lang="zh", chosen_lang="zh").command
    assert chosen == "ssc-wizard --lang zh --answer colour=red"


def test_json_contract(mini: Guide) -> None:
    reached = Reached("go_big", {"colour": "green", "size": "big", "area": "south"})
    data = build_result(mini, reached).to_json()
    assert data["schema_version"] == 3
    assert data["lang"] == "en"
    assert list(data["answers"].items()) == [
        ("colour", "green"),
        ("size", "big"),
        ("area", "south"),
    ]
    outcome = data["outcome"]
    assert outcome["id"] == "go_big"
    assert outcome["steps"] == ["Sign in.", "Sign out."]
    assert outcome["offices"] == [
        {
            "id": "local",
            "name": "Local branch",
            "role": "Local things.",
            "per_district": True,
            "district": {"id": "south", "name": "South"},
            "address": None,
            "hours": None,
            "phone": None,
            "source": None,
        }
    ]
    assert outcome["legal_basis"] == [
        {
            "law": "Test Act",
            "article": "Section 1",
            "text": "Everyone may go.",
            "translation": False,
            "why": None,
        }
    ]
    assert (
        data["command"] == "ssc-wizard --answer colour=green --answer size=big --answer area=south"
    )


def test_the_command_quotes_and_parses_back(mini: Guide) -> None:
    answers = {"colour": "green", "size": "big"}
    command = build_result(mini, Reached("go_big", answers), "/tmp/my guide").command
    argv = shlex.split(command)
    assert argv[:3] == ["ssc-wizard", "--data-dir", "/tmp/my guide"]
    assert parse_flags(argv[4::2], mini).answers == answers


def test_a_law_enacted_in_chinese_is_shown_as_a_translation_in_english_only(jinan: Guide) -> None:
    reached = Reached("lost_card", {"card_state": "lost"})
    en, zh = (build_result(jinan, reached, lang=lang).legal_basis[0] for lang in ("en", "zh"))
    assert (en.translation, zh.translation) == (True, False)
    assert zh.text == "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。"
    assert en.why and zh.why
    assert "Article 58, paragraph 3 (translation): The State establishes" in to_text(
        build_result(jinan, reached)
    )
    assert "《中华人民共和国社会保险法》第五十八条第三款：国家建立" in to_text(
        build_result(jinan, reached, lang="zh")
    )


def test_an_office_is_named_after_the_district_only_where_the_district_is_asked(
    jinan: Guide,
) -> None:
    lost = build_result(jinan, Reached("lost_card", {"card_state": "lost"}))
    centre = lost.offices[0]
    assert (centre.id, centre.per_district, centre.local, centre.district) == (
        "hrss_centre",
        True,
        False,
        None,
    )
    assert "the one for your district" not in to_text(lost)
    unsure = build_result(
        jinan, Reached("replace_card", {"card_state": "not_damaged", "district": "unsure"})
    )
    assert unsure.offices[0].local and unsure.offices[0].district is None
    assert "- Human resources and social security service centre, the one for your district:" in (
        to_text(unsure)
    )


def test_the_facts_with_a_source_of_their_own_are_listed_in_the_results_order() -> None:
    dated = load_guide(DATED)
    reached = Reached("go_small", {"colour": "green", "size": "small", "area": "north"})
    assert build_result(dated, reached).sources == (
        Cited("outcome", None, None, None, "Small ways", "https://example.org/small", "2025-09-01"),
        Cited("office", "desk", "Front desk", None, None, "https://example.org/desk", "2025-02-01"),
        Cited("step", 1, None, None, None, "https://example.org/walking", "2024-12-01"),
        # Step 3 of the result: the second of the shared list its step 2 includes.
        Cited("step", 3, None, None, None, "https://example.org/sign-out", "2027-01-01"),
        Cited(
            "law",
            "rule",
            "Test Act",
            "Section 1",
            "The Test Act as published",
            "https://example.org/test-act",
            "2026-01-10",
        ),
    )
    # Not the local office, nor the material, nor step 2: they rest on the guide's source.
    in_chinese = build_result(dated, reached, lang="zh").sources
    assert [(c.name, c.title) for c in in_chinese] == [
        (None, "小号之路"),
        ("前台", None),
        (None, None),
        (None, None),
        ("《测试法》", "《测试法》公布文本"),
    ]


def test_a_material_with_its_own_source_is_named_by_its_text() -> None:
    dated = load_guide(DATED)
    reached = Reached("go_big", {"colour": "green", "size": "big", "area": "north"})
    sources = build_result(dated, reached).sources
    assert sources[1] == Cited("material", 1, "A bag.", None, "Bag rules", None, None)
    assert build_result(dated, reached).to_json()["outcome"]["sources"] == [
        {
            "about": "step",
            "ref": 2,
            "title": None,
            "url": "https://example.org/sign-out",
            "checked": "2027-01-01",
        },
        {"about": "material", "ref": 1, "title": "Bag rules", "url": None, "checked": None},
        {
            "about": "law",
            "ref": "rule",
            "title": "The Test Act as published",
            "url": "https://example.org/test-act",
            "checked": "2026-01-10",
        },
    ]


def test_a_source_that_says_no_more_than_the_guides_is_left_out(guide_dir: GuideDir) -> None:
    scenarios = (MINI / "scenarios.yaml").read_text(encoding="utf-8")
    scenarios = scenarios.replace(
        "    steps: [{en: Stop., zh: 停下。}]\n",
        "    steps:\n"
        "      - text: {en: Stop., zh: 停下。}\n"
        "        source: {title: {en: Made up for the tests., zh: 为测试编写。}}\n"
        "      - text: {en: Look., zh: 看。}\n"
        "        checked: 2026-03-01\n",
    )
    guide = load_guide(guide_dir(scenarios=scenarios))
    result = build_result(guide, Reached("stop", {"colour": "red"}))
    assert result.steps == ("Stop.", "Look.")
    # The first says what the guide's own source says; the second was checked on a
    # day of its own, against the guide's source.
    assert result.sources == (Cited("step", 2, None, None, None, None, "2026-03-01"),)
    assert "- Step 2 - the guide's source (checked 2026-03-01)\n" in to_text(result)


def test_a_guide_without_sources_lists_none(mini: Guide, jinan: Guide) -> None:
    for guide in (mini, jinan):
        for answers, outcome_id in all_paths(guide):
            result = build_result(guide, Reached(outcome_id, answers))
            assert result.sources == ()
            assert result.to_json()["outcome"]["sources"] == []
            assert "Sources" not in to_text(result)
