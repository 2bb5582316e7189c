"""The shipped Jinan guide says what the source says, and invents nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ssc_wizard.engine import Reached, walk
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.loader import default_data_dir, examine_guide, load_guide
from ssc_wizard.model import Guide, Localized, texts
from ssc_wizard.paths import iter_paths
from ssc_wizard.result import build_result

from conftest import TESTS

EXAMPLE = TESTS.parent / "examples" / "library-card"

#: Where the source says a new electronic photo can be provided (its situation 1).
PHOTO_PLACES = [
    "hrss_centre",
    "medical_insurance_office",
    "social_insurance_agency",
    "municipal_card_window",
]
#: Its summary of Jinan's card processing places: the photo places, and the
#: nearest service centre, district agency or municipal agency.
PROCESSING_PLACES = [*PHOTO_PLACES, "district_agency", "municipal_agency"]

#: Article 58 of the Social Insurance Law as enacted, one paragraph each.
ARTICLE_58 = {
    "employer_registration": (
        "第五十八条第一款",
        "用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。"
        "未办理社会保险登记的，由社会保险经办机构核定其应当缴纳的社会保险费。",
    ),
    "voluntary_registration": (
        "第五十八条第二款",
        "自愿参加社会保险的无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员"
        "以及其他灵活就业人员，应当向社会保险经办机构申请办理社会保险登记。",
    ),
    "social_security_number": (
        "第五十八条第三款",
        "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。",
    ),
}


def _all_text() -> str:
    folder = default_data_dir()
    return "\n".join(
        (folder / name).read_text(encoding="utf-8") for name in ("scenarios.yaml", "offices.yaml")
    )


def _offices(jinan: Guide, outcome_id: str) -> list[str]:
    return [visit.office for visit in jinan.scenarios.outcomes[outcome_id].offices]


def test_offices_for_each_route_follow_the_source(jinan: Guide) -> None:
    assert _offices(jinan, "replace_card") == [*PHOTO_PLACES, "issuing_bank"]
    assert _offices(jinan, "lost_card") == [
        "hrss_centre",
        "district_agency",
        "municipal_agency",
        "application_office",
    ]
    assert _offices(jinan, "convert_card") == PROCESSING_PLACES
    for outcome_id in ("cancel_and_reapply", "cancel_shandong_card"):
        assert _offices(jinan, outcome_id) == ["origin_place", "application_office"]
    assert _offices(jinan, "first_application") == ["application_office"]
    # Where the source names no place, no office is named, and the note says why.
    for outcome_id in ("damaged_card", "account_first", "keep_shandong_card"):
        outcome = jinan.scenarios.outcomes[outcome_id]
        assert (outcome.offices, outcome.materials) == ([], [])
        assert outcome.note is not None and "own" in outcome.note.get("en")


def test_the_district_is_asked_only_where_it_names_an_office(jinan: Guide) -> None:
    asking = {oid for oid, o in jinan.scenarios.outcomes.items() if "district" in o.ask}
    assert asking == {"replace_card", "convert_card"}
    # A lost card is cancelled at the nearest place, which the district does not name.
    for visit in jinan.scenarios.outcomes["lost_card"].offices[:3]:
        assert "nearest" in visit.role.get("en") and "最近" in visit.role.get("zh")


def test_the_five_step_flow_is_written_once_and_reused_where_a_card_is_applied_for(
    jinan: Guide,
) -> None:
    flow = jinan.scenarios.shared["application_flow"]
    assert len(flow) == 5
    using = {
        oid
        for oid, o in jinan.scenarios.outcomes.items()
        if any(getattr(step, "include", None) == "application_flow" for step in o.steps)
    }
    assert using == {
        "lost_card",
        "cancel_and_reapply",
        "cancel_shandong_card",
        "first_application",
    }
    for oid in using:
        steps = jinan.expand(jinan.scenarios.outcomes[oid].steps)
        assert steps[-5:] == flow


def _guide_texts(jinan: Guide) -> list[tuple[tuple[str | int, ...], Localized]]:
    return [*texts(jinan.scenarios), *texts(jinan.offices)]


def test_article_58_is_printed_as_enacted_and_the_english_as_a_translation(
    jinan: Guide,
) -> None:
    laws = jinan.scenarios.laws
    assert set(laws) == set(ARTICLE_58)
    for law_id, (article, text) in ARTICLE_58.items():
        law = laws[law_id]
        assert (law.law.exactly("zh"), law.article.exactly("zh"), law.text.exactly("zh")) == (
            "《中华人民共和国社会保险法》",
            article,
            text,
        )
        assert law.enacted_in == "zh"
        assert law.why is not None


def test_each_result_cites_the_paragraphs_that_bear_on_it_once(jinan: Guide) -> None:
    for outcome_id, outcome in jinan.scenarios.outcomes.items():
        cited = outcome.legal_basis
        assert len(set(cited)) == len(cited), outcome_id
        # The number is the ID number, which every procedure asks for; where the
        # source gives no procedure, no law is cited as its basis.
        gives_a_procedure = bool(outcome.offices)
        assert ("social_security_number" in cited) is gives_a_procedure, outcome_id
    assert jinan.scenarios.outcomes["first_application"].legal_basis == list(ARTICLE_58)


def test_readings_beyond_the_source_say_so_and_point_to_12333(jinan: Guide) -> None:
    for outcome_id in ("damaged_card", "account_first", "keep_shandong_card", "first_application"):
        note = jinan.scenarios.outcomes[outcome_id].note
        assert note is not None, outcome_id
        assert "the guide's own" in note.get("en") and "12333" in " ".join(
            step.get("en") for step in jinan.expand(jinan.scenarios.outcomes[outcome_id].steps)
        ) + note.get("en"), outcome_id
        assert "本指南自己的" in note.get("zh"), outcome_id


def test_silence_is_the_source_s_not_the_guide_s() -> None:
    text = _all_text()
    for phrase in ("guide does not say", "the guide gives no", "本指南没有说明", "本指南未涉及"):
        assert phrase not in text, phrase


def test_materials_read_as_what_the_source_names_and_never_a_photo(jinan: Guide) -> None:
    for outcome_id, outcome in jinan.scenarios.outcomes.items():
        for item in jinan.expand(outcome.materials):
            assert "photo" not in item.get("en") and "照片" not in item.get("zh"), outcome_id
    [identification] = jinan.scenarios.shared["identification"]
    assert "the only materials the source names" in identification.get("en")
    assert "原文办理流程中提到的唯一材料" in identification.get("zh")


def test_12333_is_named_as_the_human_resources_and_social_security_hotline(jinan: Guide) -> None:
    more_help = jinan.scenarios.guide.more_help
    assert "human resources and social security service hotline, 12333" in more_help.get("en")
    assert "人力资源社会保障服务热线" in more_help.get("zh")
    assert "全国社会保障服务热线" not in _all_text()
    for what in ("materials", "fees", "opening hours", "online services"):
        assert what in more_help.get("en"), what


def test_every_text_is_written_in_both_languages(jinan: Guide) -> None:
    assert examine_guide(default_data_dir()).problems == []
    found = _guide_texts(jinan)
    assert len(found) > 80
    assert [path for path, text in found if text.missing] == []


def test_english_is_plain_ascii_and_chinese_has_no_english_left(jinan: Guide) -> None:
    # ASCII English still shows on a terminal that cannot show Chinese (the fallback).
    for path, text in _guide_texts(jinan):
        assert text.get("en").isascii(), path
        assert not re.search(r"[A-Za-z]", text.get("zh")), path


def test_both_languages_give_the_same_numbers(jinan: Guide) -> None:
    # Nothing said in one language that the other lacks: a number (the 30 days,
    # the hotline) in one is in the other. The article is 58 in English and
    # 第五十八条 in Chinese, as each language writes it.
    for path, text in _guide_texts(jinan):
        if path[-1] == "article":
            continue
        numbers = [re.findall(r"\d+", text.get(lang)) for lang in ("en", "zh")]
        assert numbers[0] == numbers[1], path


def test_the_chinese_uses_the_official_terms() -> None:
    text = _all_text()
    for term in (
        "社会保障卡",
        "人力资源社会保障服务中心",
        "医疗保险经办机构",
        "社会保险经办机构",
        "市社保局社保卡服务窗口",
        "发卡银行",
        "《中华人民共和国社会保险法》",
        "第五十八条",
    ):
        assert term in text, term


def test_the_five_steps_read_as_a_service_guide_in_chinese(jinan: Guide) -> None:
    flow = [step.exactly("zh") for step in jinan.scenarios.shared["application_flow"]]
    assert flow == [
        "准备个人身份证明材料，如身份证。",
        "前往当地社保局或指定的社会保障卡办理网点。",
        "填写社会保障卡申请表，提交相关材料。",
        "工作人员审核材料、采集照片。",
        "申请办理完成后，等待社会保障卡制作和发放。",
    ]


def test_no_office_claims_an_address_hours_or_phone(jinan: Guide) -> None:
    for office in jinan.offices.offices.values():
        assert (office.address, office.hours, office.phone, office.source) == (
            None,
            None,
            None,
            None,
        )


def test_every_number_in_the_guide_comes_from_the_source() -> None:
    # The source gives 58 (the article, whose three paragraphs are cited one by
    # one) and the guide the hotline 12333; any other number would be an
    # invented fee, time, phone or address.
    text = re.sub(r"#.*", "", _all_text())
    assert set(re.findall(r"\d+", text)) <= {"12333", "58", "1", "2", "3"}


def test_twelve_districts_with_chinese_names(jinan: Guide) -> None:
    districts = jinan.offices.districts
    assert len(districts) == 12
    assert all(
        re.fullmatch(r"[\u4e00-\u9fff]+[区县]", d.name.exactly("zh") or "")
        for d in districts.values()
    )
    assert all(
        re.fullmatch(r"\w+ (District|County)", d.name.exactly("en") or "")
        for d in districts.values()
    )


def test_every_result_points_to_12333(jinan: Guide) -> None:
    more_help = jinan.scenarios.guide.more_help
    assert "12333" in more_help.get("en") and "12333" in more_help.get("zh")


def test_every_question_says_why_it_is_asked(jinan: Guide) -> None:
    for question_id, question in jinan.scenarios.questions.items():
        assert question.help, f"question {question_id!r} has no help line"


def _completions(guide: Guide, answers: dict[str, str]) -> Iterator[Reached]:
    """Every path on from ``answers``: the questions still to ask, answered every way."""
    state = walk(guide, answers)
    if isinstance(state, Reached):
        yield state
        return
    for choice_id in state.choices:
        yield from _completions(guide, {**answers, state.question_id: choice_id})


def _read(guide: Guide, reached: Reached, lang: Lang) -> dict[str, Any]:
    """A result as a person reads it: without the ids, the answers and the command."""
    shown = build_result(guide, reached, lang=lang).to_json()
    for key in ("answers", "command"):
        del shown[key]
    del shown["outcome"]["id"]
    for office in shown["outcome"]["offices"]:
        del office["id"]
    return shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("folder", [default_data_dir(), EXAMPLE], ids=["jinan", "example"])
def test_every_answer_on_a_path_changes_its_result(folder: Path, lang: Lang) -> None:
    """Change any one answer of any path, answer what it then asks any way: the
    result a person reads is never the same; so no question is asked for nothing."""
    guide = load_guide(folder)
    changes = 0
    for reached in iter_paths(guide):
        before = _read(guide, reached, lang)
        for question_id, choice_id in reached.answers.items():
            for other in guide.choices(question_id):
                if other == choice_id:
                    continue
                for after in _completions(guide, {**reached.answers, question_id: other}):
                    assert _read(guide, after, lang) != before, (reached.answers, after.answers)
                    changes += 1
    assert changes > 50
