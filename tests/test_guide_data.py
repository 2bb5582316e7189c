"""The shipped Jinan guide says what the source says, and invents nothing."""

from __future__ import annotations

import re

from ssc_wizard.loader import default_data_dir
from ssc_wizard.model import Guide

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


def test_legal_basis(jinan: Guide) -> None:
    for oid, outcome in jinan.scenarios.outcomes.items():
        laws = [jinan.scenarios.laws[law] for law in outcome.legal_basis]
        assert any(
            law.article == "Article 58" and "citizen identity number" in law.text for law in laws
        ), oid
    first = [
        jinan.scenarios.laws[law].text
        for law in jinan.scenarios.outcomes["first_application"].legal_basis
    ]
    assert any("within 30 days" in text for text in first)


def test_account_first_says_plainly_it_is_an_implication_and_points_to_12333(jinan: Guide) -> None:
    outcome = jinan.scenarios.outcomes["account_first"]
    assert outcome.note is not None and "implies" in outcome.note and "12333" in outcome.note


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
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+[区县]", d.name_zh) for d in districts.values())


def test_every_result_points_to_12333(jinan: Guide) -> None:
    assert "12333" in jinan.scenarios.guide.more_help


def test_every_question_says_why_it_is_asked(jinan: Guide) -> None:
    for question_id, question in jinan.scenarios.questions.items():
        assert question.help, f"question {question_id!r} has no help line"
