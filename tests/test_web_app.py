"""The web pages and the JSON API, through the app's test client: every path of
the Jinan guide and of the example guide, in both languages, as a person
clicks through them, and the facts of each result page against the terminal's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssc_wizard.formats.json_format import as_json
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import Result, build_result

from conftest import MINI
from paths import all_paths
from web_pages import client, query, read

EXAMPLE = Path(__file__).parent.parent / "examples" / "library-card"
GUIDES = {"jinan": default_data_dir(), "example": EXAMPLE}


def walk_pages(web, answers: dict[str, str], lang: str):  # type: ignore[no-untyped-def]
    """Click through the pages: Start now, each question's radio and Continue,
    then "See what to do". Returns the result page and its address."""
    start = read(web.get(f"/?lang={lang}").text)
    url = start.link("开始" if lang == "zh" else "Start now")
    while url.startswith("/question/"):
        page = read(web.get(url).text)
        form = page.forms[0]
        radios = [i for i in page.inputs if i.get("type") == "radio"]
        question_id = radios[0]["name"]
        sent = [(i["name"], i["value"]) for i in page.inputs if i.get("type") == "hidden"]
        sent.append((question_id, answers[question_id]))
        response = web.get(form["action"], params=sent)
        assert response.status_code == 303, response.text
        url = response.headers["location"]
    assert url.startswith("/check?"), url
    check = read(web.get(url).text)
    assert dict(query(url)) == {**answers, "lang": lang}
    result_url = check.link("查看办理方法" if lang == "zh" else "See what to do")
    response = web.get(result_url)
    assert response.status_code == 200
    return read(response.text), result_url


def facts(result: Result) -> list[str]:
    """Every fact a result gives, as the terminal prints it."""
    found = [result.title, result.summary, *result.steps, *result.materials]
    found += [text for answer in result.answers for text in (answer.question, answer.choice)]
    found += [result.more_help, result.source, result.command]
    found += [result.note] if result.note else []
    for office in result.offices:
        found += [office.name, *(role.text for role in office.roles)]
        found += [v for v in (office.address, office.hours, office.phone) if v]
    for law in result.legal_basis:
        found += [law.law, law.article, law.text, *([law.why] if law.why else [])]
    for cited in result.sources:  # an office's source is with these, a link
        found += [v for v in (cited.title or cited.url, cited.checked) if v]
    return found


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(GUIDES))
def test_every_path_clicked_through_gives_the_terminals_result(name: str, lang: str) -> None:
    guide = load_guide(GUIDES[name])
    web = client(guide)
    paths = list(all_paths(guide))
    assert len(paths) > 5
    for answers, outcome_id in paths:
        page, _ = walk_pages(web, answers, lang)
        expected = build_result(guide, _reached(guide, answers), lang=lang, chosen_lang=lang)
        assert expected.outcome_id == outcome_id
        assert page.lang == lang
        assert squeeze(expected.title) in page.headings
        for fact in facts(expected):
            assert squeeze(fact) in page.text, f"{fact!r} missing from the result page"


def _reached(guide: Guide, answers: dict[str, str]):  # type: ignore[no-untyped-def]
    from ssc_wizard.engine import Reached, walk

    state = walk(guide, answers)
    assert isinstance(state, Reached)
    return state


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(GUIDES))
def test_the_api_gives_the_json_format_for_every_path(name: str, lang: str) -> None:
    from jsonschema import Draft202012Validator

    from ssc_wizard import packaged

    schema = json.loads((packaged.folder("schemas") / "result.schema.json").read_text())
    validator = Draft202012Validator(schema)
    guide = load_guide(GUIDES[name])
    web = client(guide)
    for answers, _ in all_paths(guide):
        response = web.get("/api/result", params={**answers, "lang": lang})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        expected = build_result(guide, _reached(guide, answers), lang=lang, chosen_lang=lang)
        assert response.text == as_json(expected)
        validator.validate(response.json())


def test_the_api_without_lang_speaks_the_browsers_language_and_says_no_lang(jinan: Guide) -> None:
    web = client(jinan)
    answers = {"card_state": "lost"}
    got = web.get("/api/result", params=answers, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert got.json()["lang"] == "zh"
    assert "--lang" not in got.json()["command"]


def test_the_office_list_api_is_the_offices_commands_json(jinan: Guide) -> None:
    from ssc_wizard.result import office_list

    web = client(jinan)
    got = web.get("/api/offices?district=lixia&lang=zh")
    assert got.status_code == 200
    assert got.text == as_json(office_list(jinan, "lixia", "zh"))
    assert web.get("/api/offices").json()["district"] is None


def test_a_question_page_is_a_fieldset_with_its_question_as_legend_and_hint(jinan: Guide) -> None:
    web = client(jinan)
    response = web.get("/question/card_state")
    html = response.text
    page = read(html)
    question = jinan.scenarios.questions["card_state"]
    assert page.headings[0] == squeeze(question.text.get("en"))
    assert "<legend" in html and "<fieldset" in html
    radios = [i for i in page.inputs if i.get("type") == "radio"]
    assert [r["value"] for r in radios] == list(jinan.choices("card_state"))
    for choice in jinan.choices("card_state").values():
        assert squeeze(choice.label.get("en")) in page.text
    if question.help is not None:
        assert squeeze(question.help.get("en")) in page.text
        assert 'aria-describedby="card_state-hint"' in html
    assert "Continue" in page.text
    assert page.title.startswith(squeeze(question.text.get("en")))


def test_back_goes_to_the_question_before_with_its_answer_chosen(jinan: Guide) -> None:
    web = client(jinan)
    response = web.get("/question/card_state/answer?card_state=not_damaged")
    next_page = response.headers["location"]
    page = read(web.get(next_page).text)
    back = page.link("Back")
    assert back.startswith("/question/card_state?")
    earlier = read(web.get(back).text)
    checked = [i["value"] for i in earlier.inputs if i.get("type") == "radio" and "checked" in i]
    assert checked == ["not_damaged"]
    # The first question's Back is the start page.
    assert read(web.get("/question/card_state").text).link("Back") == "/"


def test_continue_without_an_answer_shows_the_error_summary_and_the_field_error(
    jinan: Guide,
) -> None:
    web = client(jinan)
    for lang, problem, select in (
        ("en", "There is a problem", "Select an answer"),
        ("zh", "出现问题", "请选择一个答案"),
    ):
        response = web.get(f"/question/card_state/answer?lang={lang}")
        assert response.status_code == 200
        page = read(response.text)
        assert page.title.startswith("Error: " if lang == "en" else "错误：")
        assert problem in page.text
        assert page.text.count(select) == 2  # in the summary, and at the field
        target = page.link(select)
        assert target == "#card_state-not_damaged"
        assert 'id="card_state-not_damaged"' in response.text
        assert 'id="card_state-error"' in response.text


def test_an_unanswered_later_question_keeps_the_answers_before_it(jinan: Guide) -> None:
    web = client(jinan)
    response = web.get("/question/district/answer?card_state=not_damaged")
    page = read(response.text)
    hidden = [(i["name"], i["value"]) for i in page.inputs if i.get("type") == "hidden"]
    assert hidden == [("card_state", "not_damaged")]


def test_check_your_answers_has_a_change_link_per_answer_naming_its_question(
    jinan: Guide,
) -> None:
    web = client(jinan)
    answers = {"card_state": "not_damaged", "district": "lixia"}
    response = web.get("/check", params=answers)
    assert response.status_code == 200, response.text
    page = read(response.text)
    for question_id in answers:
        question = squeeze(jinan.scenarios.questions[question_id].text.get("en"))
        assert f"Change your answer to: {question}" in [text for _, text in page.links]
    assert 'class="visually-hidden"' in response.text


def test_changing_an_answer_keeps_the_answers_still_on_the_path(jinan: Guide) -> None:
    web = client(jinan)
    answers = {"card_state": "not_damaged", "district": "lixia"}
    page = read(web.get("/check", params=answers).text)
    change = [
        href for href, text in page.links if text.startswith("Change") and "situation" in text
    ]
    question = read(web.get(change[0]).text)
    # The page is the first question, its answer chosen, Back to the check page.
    checked = [i["value"] for i in question.inputs if i.get("type") == "radio" and "checked" in i]
    assert checked == ["not_damaged"]
    assert question.link("Back").startswith("/check?")
    hidden = [(i["name"], i["value"]) for i in question.inputs if i.get("type") == "hidden"]
    assert hidden == [("district", "lixia")]
    # Another answer to a later question keeps the ones before it: straight back to the check.
    sent = [("card_state", "not_damaged"), ("district", "jiyang")]
    went = web.get("/question/district/answer", params=sent).headers["location"]
    assert went == "/check?card_state=not_damaged&district=jiyang"
    # A situation whose path never asks the district drops it.
    sent = [*hidden, ("card_state", "lost")]
    went = web.get("/question/card_state/answer", params=sent).headers["location"]
    assert "district" not in dict(query(went))


def test_a_result_link_with_answers_missing_asks_them(jinan: Guide) -> None:
    web = client(jinan)
    response = web.get("/result?card_state=not_damaged")
    assert response.status_code == 303
    assert response.headers["location"] == "/question/district?card_state=not_damaged"


def test_the_result_page_lists_what_to_bring_as_a_checklist_and_the_command(
    jinan: Guide,
) -> None:
    web = client(jinan)
    answers = {"card_state": "not_damaged", "district": "lixia"}
    response = web.get("/result", params={**answers, "lang": "zh"})
    page = read(response.text)
    expected = build_result(jinan, _reached(jinan, answers), lang="zh", chosen_lang="zh")
    boxes = [i for i in page.inputs if i.get("type") == "checkbox"]
    assert len(boxes) == len(expected.materials)
    assert expected.command == (
        "ssc-wizard --lang zh --answer card_state=not_damaged --answer district=lixia"
    )
    assert page.link("重新开始") == "/?lang=zh"
    assert page.link("修改您的回答").startswith("/check?")


def test_the_result_page_lists_each_facts_own_source_with_its_link() -> None:
    dated = load_guide(Path(__file__).parent / "guides" / "dated")
    web = client(dated)
    answers = {"colour": "green", "size": "small", "area": "north"}
    html = web.get("/result", params=answers).text
    page = read(html)
    assert page.headings[-3:] == ["Sources", "Your answers", "The same result in a terminal"]
    sources = page.text[page.text.index("Sources") : page.text.index("Ask at the front desk")]
    assert sources == (
        "Sources This procedure Small ways checked 2025-09-01 "
        "Front desk https://example.org/desk checked 2025-02-01 "
        "Step 1 https://example.org/walking checked 2024-12-01 "
        "Step 3 https://example.org/sign-out checked 2027-01-01 "
        "Test Act, Section 1 The Test Act as published checked 2026-01-10 "
    )
    assert [link for link in page.links if link[0].startswith("https://")] == [
        ("https://example.org/small", "Small ways"),
        ("https://example.org/desk", "https://example.org/desk"),
        ("https://example.org/walking", "https://example.org/walking"),
        ("https://example.org/sign-out", "https://example.org/sign-out"),
        ("https://example.org/test-act", "The Test Act as published"),
    ]
    # The office's source is with the others, not beside its opening hours.
    assert "Weekdays" in page.text and "Source: https://example.org/desk" not in page.text
    chinese = read(web.get("/result", params={**answers, "lang": "zh"}).text)
    assert "各项信息的来源 本办理事项 小号之路 核实于 2025-09-01 前台" in chinese.text
    # A source without a web address is shown, not linked.
    big = read(web.get("/result", params={**answers, "size": "big"}).text)
    assert "To bring: A bag. Bag rules " in big.text
    assert not any(text == "Bag rules" for _, text in big.links)


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR, zh;q=0.5", "zh"),
        ("fr, de", "en"),
        ("zh;q=0, en", "en"),
        ("", "en"),
        ("*", "en"),
        ("zh-Hant-TW", "zh"),
        ("en;q=abc, zh;q=0.4", "zh"),
    ],
)
def test_accept_language_chooses_the_page_language(jinan: Guide, header: str, lang: str) -> None:
    page = read(client(jinan).get("/", headers={"Accept-Language": header}).text)
    assert page.lang == lang


def test_the_lang_query_wins_over_the_browser_and_is_kept_in_every_link(jinan: Guide) -> None:
    web = client(jinan)
    response = web.get("/question/card_state?lang=en", headers={"Accept-Language": "zh"})
    page = read(response.text)
    assert page.lang == "en"
    hidden = {i["name"]: i["value"] for i in page.inputs if i.get("type") == "hidden"}
    assert hidden == {"lang": "en"}


def test_the_language_link_keeps_the_answers(jinan: Guide) -> None:
    web = client(jinan)
    page = read(web.get("/result?card_state=not_damaged&district=lixia").text)
    other = page.link("简体中文")
    assert dict(query(other)) == {"card_state": "not_damaged", "district": "lixia", "lang": "zh"}
    chinese = read(web.get(other).text)
    assert chinese.lang == "zh"
    assert "办理流程" in chinese.text or "您的结果" in chinese.text


def test_a_server_language_is_for_browsers_that_name_none(jinan: Guide) -> None:
    web = client(jinan, lang="zh")
    assert read(web.get("/").text).lang == "zh"
    assert read(web.get("/", headers={"Accept-Language": "en"}).text).lang == "en"


def test_pages_say_they_vary_by_accept_language(jinan: Guide) -> None:
    assert client(jinan).get("/").headers["vary"] == "Accept-Language"


def test_the_stylesheet_is_served_by_the_app(jinan: Guide) -> None:
    web = client(jinan)
    page = web.get("/")
    assert '<link rel="stylesheet" href="/static/style.css">' in page.text
    css = web.get("/static/style.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text


def test_the_mini_guide_has_its_own_pages(mini: Guide) -> None:
    page = read(client(mini, shown_dir=str(MINI)).get("/").text)
    assert squeeze(mini.scenarios.guide.title.get("en")) in page.text
    assert f"ssc-wizard --data-dir {MINI}" in page.text
