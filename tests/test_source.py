"""The shipped guide says everything its source says, where a reader looks for it.

The source is the public article the guide retells (README, "Where the facts
come from"): four situations, a five-step processing flow, a summary of the
places, and Article 58 of the Social Insurance Law. Each statement of it is a
row below: the answers that lead to the result that must say it, the part of
that result it belongs in, and words of it in English and in Chinese. The
installed command gives each result, as JSON, so a row fails when the
statement goes missing from what people are shown.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import pytest

from conftest import console_script

Part = Literal["title", "summary", "steps", "note", "offices", "office ids", "legal basis"]


@dataclass(frozen=True)
class Statement:
    says: str
    #: The answers that lead to the result; None for the list of every office.
    answers: tuple[tuple[str, str], ...] | None
    part: Part
    en: tuple[str, ...]
    zh: tuple[str, ...]


REPLACE = (("card_state", "not_damaged"), ("district", "lixia"))
LOST = (("card_state", "lost"),)
CONVERT = (
    ("card_state", "out_of_province"),
    ("keep_card", "yes"),
    ("account_normal", "yes"),
    ("district", "lixia"),
)
GIVE_UP_OTHER_PROVINCE = (("card_state", "out_of_province"), ("keep_card", "no"))
GIVE_UP_SHANDONG_CITY = (("card_state", "other_shandong_city"), ("keep_shandong_card", "no"))
FIRST = (("card_state", "none"),)
PHOTO_PLACES = (
    "hrss_centre",
    "medical_insurance_office",
    "social_insurance_agency",
    "municipal_card_window",
)
#: The five steps of the source's processing flow, in English and in Chinese.
FLOW = [
    (
        "Prepare personal identification materials, such as your ID card",
        "准备个人身份证明材料，如身份证",
    ),
    (
        "the local social security bureau or a designated social security card processing centre",
        "前往当地社保局或指定的社会保障卡办理网点",
    ),
    ("Fill in the social security card application form", "填写社会保障卡申请表"),
    ("Staff review your documents and take your photo", "工作人员审核材料、采集照片"),
    ("wait for your card to be made and issued", "等待社会保障卡制作和发放"),
]
#: Article 58 of the Social Insurance Law as enacted, a paragraph each.
ARTICLE_58 = [
    "用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。"
    "未办理社会保险登记的，由社会保险经办机构核定其应当缴纳的社会保险费。",
    "自愿参加社会保险的无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员"
    "以及其他灵活就业人员，应当向社会保险经办机构申请办理社会保险登记。",
    "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。",
]

STATEMENTS = [
    # Situation 1: a card that is not damaged but must be replaced.
    Statement(
        "1: a card that is not damaged and must be replaced",
        REPLACE,
        "title",
        ("not damaged",),
        ("未损坏",),
    ),
    Statement(
        "1: a new electronic photo at one of four kinds of place",
        REPLACE,
        "steps",
        (
            "new electronic photo",
            "human resources and social security service centre for your area",
            "district medical insurance office",
            "district social insurance agency",
            "social security card service window of the Municipal Social Security Bureau",
        ),
        (
            "新的电子照片",
            "辖区的人力资源社会保障服务中心",
            "各区医疗保险经办机构",
            "各区社会保险经办机构",
            "市社保局社保卡服务窗口",
        ),
    ),
    Statement("1: the four places", REPLACE, "office ids", PHOTO_PLACES, PHOTO_PLACES),
    Statement(
        "1: then a new card is reissued at the issuing bank",
        REPLACE,
        "steps",
        ("new card reissued at the bank that issued your card",),
        ("到发卡银行补发新卡",),
    ),
    Statement(
        "1: the issuing bank reissues it",
        REPLACE,
        "offices",
        ("The bank that issued your card: Reissues a new card",),
        ("发卡银行：提供新的电子照片后，在此补发新卡",),
    ),
    # Situation 2: a card from outside Shandong, its account normal.
    Statement(
        "2: insured people from outside Shandong with a normal account convert directly",
        CONVERT,
        "summary",
        (
            "card issued outside Shandong Province",
            "financial account works normally",
            "convert it directly into a Jinan social security card",
        ),
        ("山东省外社保卡", "金融账户正常", "直接将其转换为济南社会保障卡"),
    ),
    # Situation 3: a lost card.
    Statement(
        "3: cancel at the nearest service centre, district agency or municipal agency",
        LOST,
        "steps",
        (
            "Cancel the lost card first",
            "nearest human resources and social security service centre, district agency or "
            "municipal agency",
        ),
        ("先注销丢失的卡", "就近的人力资源社会保障服务中心、区经办机构或市经办机构"),
    ),
    Statement(
        "3: the three places",
        LOST,
        "office ids",
        ("hrss_centre", "district_agency", "municipal_agency"),
        ("hrss_centre", "district_agency", "municipal_agency"),
    ),
    Statement(
        "3: then apply again for a Jinan card",
        LOST,
        "summary",
        ("then apply again for a Jinan social security card",),
        ("再重新申领济南社会保障卡",),
    ),
    # Situation 4: a card from elsewhere, not wanted any more.
    *(
        Statement(
            f"4: cancel at the original place of residence, then apply in Jinan ({where})",
            answers,
            "summary",
            (
                "Contact your original place of residence",
                "social security information cancelled",
                "then apply for a new social security card in Jinan",
            ),
            ("联系原居住地注销社保信息", "再在济南申领新的社会保障卡"),
        )
        for where, answers in [
            ("another province", GIVE_UP_OTHER_PROVINCE),
            ("another Shandong city", GIVE_UP_SHANDONG_CITY),
        ]
    ),
    # The processing flow, wherever a card is applied for.
    *(
        Statement(f"flow step {n}", answers, "steps", (en,), (zh,))
        for n, (en, zh) in enumerate(FLOW, 1)
        for answers in (LOST, GIVE_UP_OTHER_PROVINCE, GIVE_UP_SHANDONG_CITY, FIRST)
    ),
    # The summary: the places, and the procedures they handle.
    Statement(
        "summary: the places that handle Jinan cards",
        None,
        "offices",
        (
            "Human resources and social security service centre",
            "District medical insurance office",
            "District social insurance agency",
            "Social security card service window, Jinan Municipal Social Security Bureau",
            "District agency",
            "Municipal agency",
        ),
        (
            "人力资源社会保障服务中心",
            "区医疗保险经办机构",
            "区社会保险经办机构",
            "市社保局社保卡服务窗口",
            "区经办机构",
            "市经办机构",
        ),
    ),
    Statement(
        "summary: card transfers are among what those places handle",
        CONVERT,
        "note",
        (
            "where Jinan social security cards are handled, and says the procedures include "
            "transferring cards",
        ),
        ("办理济南社保卡的地方，并说办理流程包括转卡",),
    ),
    Statement(
        "summary: the places, for a card converted",
        CONVERT,
        "office ids",
        (*PHOTO_PLACES, "district_agency", "municipal_agency"),
        (*PHOTO_PLACES, "district_agency", "municipal_agency"),
    ),
    # Article 58, paragraph by paragraph: its words in Chinese, a translation in English.
    *(
        Statement(
            f"Article 58, paragraph {n}",
            FIRST,
            "legal basis",
            (f"Article 58, paragraph {n} (translation)", english),
            (f"第五十八条第{'一二三'[n - 1]}款（原文）", chinese),
        )
        for n, (english, chinese) in enumerate(
            zip(
                [
                    "within thirty days from the day it begins to employ a worker",
                    "other flexibly employed people shall apply to the social insurance agency "
                    "for social insurance registration",
                    "The personal social security number is the citizen identity number",
                ],
                ARTICLE_58,
                strict=True,
            ),
            1,
        )
    ),
    *(
        Statement(
            f"Article 58, paragraph 3, after {' '.join(f'{q}={c}' for q, c in answers)}",
            answers,
            "legal basis",
            ("citizen identity number",),
            (f"第五十八条第三款（原文）：{ARTICLE_58[2]}",),
        )
        for answers in (
            REPLACE,
            LOST,
            CONVERT,
            GIVE_UP_OTHER_PROVINCE,
            GIVE_UP_SHANDONG_CITY,
            FIRST,
        )
    ),
]


@cache
def _shown(answers: tuple[tuple[str, str], ...] | None, lang: str) -> dict[str, Any]:
    """What the installed command gives for these answers, as JSON."""
    args = ["offices"] if answers is None else [f"--answer={q}={c}" for q, c in answers]
    done = subprocess.run(
        [console_script(), *args, "--lang", lang, "--format", "json"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=True,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _part(data: dict[str, Any], part: Part) -> str:
    """One part of a result (or of the office list) as the text a reader sees."""
    if "outcome" not in data:  # the list of every office
        return "\n".join(office["name"] for office in data["offices"])
    outcome = data["outcome"]
    if part == "steps":
        return "\n".join(outcome["steps"])
    if part == "offices":
        separator = "：" if data["lang"] == "zh" else ": "
        return "\n".join(f"{o['name']}{separator}{o['role']}" for o in outcome["offices"])
    if part == "office ids":
        return "\n".join(o["id"] for o in outcome["offices"])
    if part == "legal basis":
        return "\n".join(
            f"{law['article']}{' (translation)' if law['translation'] else '（原文）'}"
            f"{'：' if data['lang'] == 'zh' else ': '}{law['text']}"
            for law in outcome["legal_basis"]
        )
    text: str = outcome[part] or ""
    return text


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.says)
def test_the_guide_says_what_the_source_says(statement: Statement, lang: str) -> None:
    shown = _part(_shown(statement.answers, lang), statement.part)
    for words in statement.en if lang == "en" else statement.zh:
        assert words in shown, f"{statement.says}: {words!r} is missing from:\n{shown}"
