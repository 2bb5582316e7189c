"""The shipped Jinan guide says what the source says, and invents nothing."""

from __future__ import annotations

import re

from ssc_wizard.loader import default_data_dir, examine_guide
from ssc_wizard.model import Guide, Localized, texts

PHOTO_PLACES = [
    "hrss_centre",
    "medical_insurance_office",
    "social_insurance_agency",
    "municipal_card_window",
]


def _all_text() -> str:
    folder = default_data_dir()
    return "\n".join(
        (folder / name).read_text(encoding="utf-8") for name in ("scenarios.yaml", "offices.yaml")
    )


def test_offices_for_each_route_follow_the_source(jinan: Guide) -> None:
    outcomes = jinan.scenarios.outcomes
    assert outcomes["replace_card"].offices == [*PHOTO_PLACES, "issuing_bank"]
    assert outcomes["lost_card"].offices == [
        "hrss_centre",
        "social_insurance_agency",
        "municipal_agency",
    ]
    assert outcomes["cancel_and_reapply"].offices[0] == "origin_place"
    assert outcomes["convert_card"].offices == PHOTO_PLACES
    assert outcomes["first_application"].offices == PHOTO_PLACES


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
    assert using == {"lost_card", "cancel_and_reapply", "first_application"}
    for oid in using:
        steps = jinan.expand(jinan.scenarios.outcomes[oid].steps)
        assert steps[-5:] == flow


def _guide_texts(jinan: Guide) -> list[tuple[tuple[str | int, ...], Localized]]:
    return [*texts(jinan.scenarios), *texts(jinan.offices)]


def test_legal_basis(jinan: Guide) -> None:
    for oid, outcome in jinan.scenarios.outcomes.items():
        laws = [jinan.scenarios.laws[law] for law in outcome.legal_basis]
        assert any(
            law.article.en == "Article 58"
            and law.article.zh == "第五十八条"
            and law.law.zh == "《中华人民共和国社会保险法》"
            and "citizen identity number" in (law.text.en or "")
            and "公民身份号码" in (law.text.zh or "")
            for law in laws
        ), oid
    first = [
        jinan.scenarios.laws[law].text
        for law in jinan.scenarios.outcomes["first_application"].legal_basis
    ]
    assert any("within 30 days" in (t.en or "") and "30 日内" in (t.zh or "") for t in first)


def test_account_first_says_plainly_it_is_an_implication_and_points_to_12333(jinan: Guide) -> None:
    note = jinan.scenarios.outcomes["account_first"].note
    assert note is not None
    assert "implies" in note.get("en") and "12333" in note.get("en")
    assert "推断" in note.get("zh") and "12333" in note.get("zh")


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
    flow = [step.zh for step in jinan.scenarios.shared["application_flow"]]
    assert flow == [
        "准备个人身份证明材料，如居民身份证。",
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
    # The source gives 30 (days), 58 (the article) and the hotline 12333; any
    # other number would be an invented fee, time, phone or address.
    text = re.sub(r"#.*", "", _all_text())
    assert set(re.findall(r"\d+", text)) <= {"12333", "30", "58"}


def test_twelve_districts_with_chinese_names(jinan: Guide) -> None:
    districts = jinan.offices.districts
    assert len(districts) == 12
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+[区县]", d.name.zh or "") for d in districts.values())
    assert all(re.fullmatch(r"\w+ (District|County)", d.name.en or "") for d in districts.values())


def test_every_result_points_to_12333(jinan: Guide) -> None:
    more_help = jinan.scenarios.guide.more_help
    assert "12333" in more_help.get("en") and "12333" in more_help.get("zh")


def test_every_question_says_why_it_is_asked(jinan: Guide) -> None:
    for question_id, question in jinan.scenarios.questions.items():
        assert question.help, f"question {question_id!r} has no help line"
