"""Bad requests get a clear page (or JSON) with 400 or 404, in the reader's
language and in the terminal's words; never a 500, never a traceback. A
guide's text is shown as written, never run or read as markup."""

from __future__ import annotations

import textwrap

import pytest

from ssc_wizard.loader import load_guide
from ssc_wizard.messages import describe
from ssc_wizard.model import Guide
from ssc_wizard.web.asked import MAX_QUERY

from conftest import GuideDir
from web_pages import client, read


def problem(web, url: str, status: int = 400, **headers: str):  # type: ignore[no-untyped-def]
    response = web.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text
    return read(response.text)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("/question/card_state?cardstate=lost", "there is no question 'cardstate'"),
        ("/check?card_state=lots", "'lots' is not a choice of 'card_state'"),
        ("/result?card_state=lost&district=lixia", "district=lixia: this question is not asked"),
        ("/result?card_state=lost&card_state=none", "'card_state' is answered twice"),
        ("/question/district?card_state=lost", "district: this question is not asked"),
        ("/question/district/answer?card_state=lost&district=lixia", "district: this question"),
        ("/result?lang=fr", "'fr' is not a language of this guide"),
        ("/result?card_state=%FF%FE", "is not a choice of 'card_state'"),
        ("/question/card_state/answer?card_state=%00", "is not a choice of 'card_state'"),
        ("/?" + "card_state=lost&" * 400, "The address is too long"),
    ],
)
def test_a_bad_address_is_a_400_page_saying_what_is_wrong(
    jinan: Guide, url: str, said: str
) -> None:
    page = problem(client(jinan), url)
    assert "There is a problem with this address" in page.headings
    assert said in page.text
    assert page.link("Start again") == "/"


def test_a_question_further_on_asks_the_one_before_it_first(jinan: Guide) -> None:
    response = client(jinan).get("/question/keep_card?lang=zh")
    assert response.status_code == 303
    assert response.headers["location"] == "/question/card_state?lang=zh"


def test_a_path_with_a_trailing_slash_is_no_page_whatever_the_host(jinan: Guide) -> None:
    response = client(jinan).get("/check/?card_state=lost", headers={"Host": "evil.example"})
    assert response.status_code == 404
    assert "evil.example" not in response.text


def test_a_refusal_is_said_in_the_pages_language_as_the_terminal_says_it(jinan: Guide) -> None:
    from ssc_wizard.errors import UnknownChoice

    page = problem(client(jinan), "/check?card_state=lots&lang=zh")
    refusal = UnknownChoice(
        "card_state",
        "lots",
        jinan.scenarios.questions["card_state"].text,
        tuple(jinan.choices("card_state")),
    )
    assert describe(refusal, "zh") in page.text
    assert page.lang == "zh"
    assert page.link("重新开始") == "/?lang=zh"


@pytest.mark.parametrize(
    "url", ["/nope", "/question/nope", "/question/nope/answer", "/static/nope.css", "/api/nope"]
)
def test_an_address_that_is_no_page_is_a_404(jinan: Guide, url: str) -> None:
    web = client(jinan)
    response = web.get(url)
    assert response.status_code == 404
    if url.startswith("/api/"):
        assert response.json() == {"error": "Page not found"}
    else:
        assert "Page not found" in read(response.text).headings


def test_a_404_speaks_the_readers_language(jinan: Guide) -> None:
    page = problem(client(jinan), "/nope?lang=zh", 404)
    assert page.lang == "zh" and "找不到该页面" in page.headings
    page = problem(client(jinan), "/nope", 404, **{"Accept-Language": "zh-CN"})
    assert page.lang == "zh"


def test_sending_to_a_page_is_refused_with_405(jinan: Guide) -> None:
    response = client(jinan).post("/question/card_state/answer", data={"card_state": "lost"})
    assert response.status_code == 405
    assert "This page can only be read, not sent to." in read(response.text).text


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("/api/result?card_state=lost&district=lixia", "this question is not asked"),
        ("/api/result?card_state=nope", "'nope' is not a choice of 'card_state'"),
        ("/api/result?card_state=not_damaged", "question 'district' (Which district"),
        ("/api/result?card_state=not_damaged", "Add district=CHOICE to the query string"),
        ("/api/offices?district=nowhere", "there is no district 'nowhere'"),
        ("/api/offices?distrct=lixia", "'distrct' is not a parameter of this address"),
        ("/api/offices?district=lixia&district=jiyang", "'district' is answered twice"),
        ("/api/result?lang=xx", "'xx' is not a language"),
    ],
)
def test_the_api_refuses_with_400_and_the_message_as_json(
    jinan: Guide, url: str, said: str
) -> None:
    response = client(jinan).get(url)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert said in response.json()["error"]


def test_the_apis_refusal_in_chinese(jinan: Guide) -> None:
    response = client(jinan).get("/api/result?card_state=not_damaged&lang=zh")
    assert "没有回答" in response.json()["error"]


@pytest.mark.parametrize(
    "url", ["/", "/question/card_state", "/nope", "/check?x=1", "/api/result", "/api/offices"]
)
def test_every_response_forbids_script_and_sniffing(jinan: Guide, url: str) -> None:
    headers = client(jinan).get(url).headers
    assert headers["vary"] == "Accept-Language"  # the JSON too speaks the browser's language
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy  # so none at all, inline or not
    assert "'unsafe-inline'" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_odd_headers_are_read_as_data(jinan: Guide) -> None:
    web = client(jinan)
    for header in ("zh;q=NaN", "zh;q=1e999", ";;;,,,", "x" * 10_000, "zh-" + "a" * 5000):
        response = web.get("/", headers={"Accept-Language": header})
        assert response.status_code == 200


def test_a_query_just_within_the_limit_is_read(jinan: Guide) -> None:
    padding = "card_state=lost"
    url = "/check?" + padding
    assert len(padding) < MAX_QUERY
    assert client(jinan).get(url).status_code == 200


HOSTILE = """
guide:
  title: "<script>alert('title')</script>"
  source: "javascript:alert('source')"
  more_help: "<img src=x onerror=alert(1)> & 12333"
start: q
questions:
  q:
    text: "Is <b>this</b> bold?"
    help: "</fieldset><script>alert('help')</script>"
    choices:
      "yes": {label: "<a href='javascript:alert(1)'>Yes</a>", outcome: done}
outcomes:
  done:
    title: "{{ 7*7 }} <script>x</script>"
    summary: "{% raw %}{{ config }}"
    steps:
      - "<iframe src=//evil>"
      - text: Read it.
        source:
          title: "</dd><script>alert('step')</script>"
          url: "https://example.org/'onmouseover='alert(1)"
    note: "\\" onmouseover=\\"alert(1)"
    offices: [{office: desk, role: "<style>body{display:none}</style>"}]
    materials: ["<input type=checkbox checked>"]
    legal_basis: []
"""
HOSTILE_OFFICES = """
offices:
  desk:
    name: "<marquee>Desk</marquee>"
    per_district: false
    source:
      title: "javascript:alert('office')"
      url: "https://example.org/a_b*c*)[x](javascript:alert(2))"
"""


def test_a_guides_text_is_shown_as_written_on_every_page(guide_dir: GuideDir) -> None:
    guide = load_guide(guide_dir(textwrap.dedent(HOSTILE), textwrap.dedent(HOSTILE_OFFICES)))
    web = client(guide)
    for url in ("/", "/question/q", "/question/q/answer", "/check?q=yes", "/result?q=yes"):
        response = web.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        html = response.text
        for tag in ("<script", "<img", "<iframe", "<style>body", "<marquee", "<b>", "<a href='"):
            assert tag not in html, (url, tag)
        assert "javascript:" not in html.replace("javascript:alert", "")  # only as shown text
        assert 'href="javascript' not in html and "href='javascript" not in html
        assert "49" not in read(html).text  # {{ 7*7 }} is text, not a template
    html = web.get("/result?q=yes").text
    page = read(html)
    assert "{{ 7*7 }} <script>x</script>" in page.text
    # A source's title is text and its address an attribute value, each escaped.
    assert "</dd><script>alert('step')</script>" in page.text
    assert (
        "https://example.org/'onmouseover='alert(1)",
        "</dd><script>alert('step')</script>",
    ) in (page.links)
    assert 'href="https://example.org/&#39;onmouseover=&#39;alert(1)"' in html
    assert (
        "https://example.org/a_b*c*)[x](javascript:alert(2))",
        "javascript:alert('office')",
    ) in (page.links)
    assert "javascript:alert('source')" in page.text
    assert "<input type=checkbox checked>" in page.text
    checked = [i for i in page.inputs if "checked" in i]
    assert checked == []
