"""The web pages in a real browser, on a real server, as a person uses them.

Headless chromium (Debian's, through chromedriver) against ``ssc-wizard
serve``: clicking through a whole path, the browser's Back, changing an
answer, switching language, an answer forgotten, the keyboard alone, and
axe-core's WCAG 2.2 AA checks on every kind of page in each language. One
browser and one server for the whole module: two cores go a long way.

Needs chromium, chromedriver and axe-core (``SSC_WIZARD_AXE``); without them
these tests skip, unless ``SSC_WIZARD_REQUIRE_BROWSER`` is set, as CI sets it.
With ``SSC_WIZARD_SCREENSHOTS=<dir>`` each kind of page is also saved as a PNG
there (docs/screenshots/ holds the ones shown in the docs).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from ssc_wizard.engine import Reached, walk
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import build_result

from web_browser import HEIGHT, WIDTH, axe_violations, browser, need_browser, screenshot, server

pytestmark = pytest.mark.slow

#: A path that asks every kind of question: three that lead on, then the district.
CONVERT = {
    "card_state": "out_of_province",
    "keep_card": "yes",
    "account_normal": "yes",
    "district": "lixia",
}
#: Focus is GOV.UK's yellow.
FOCUS_YELLOW = "rgb(255, 221, 0)"
ERROR_RED = "rgba(212, 53, 28, 1)"


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(default_data_dir())


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    need_browser()
    with server() as address:
        yield address


@pytest.fixture(scope="module")
def driver(site: str) -> Iterator[Any]:
    made = browser()
    try:
        yield made
    finally:
        made.quit()


@pytest.fixture
def page(driver: Any, site: str) -> Callable[[str], None]:
    """Open an address of the site, in a window of the usual size."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if driver.get_window_size()["width"] != WIDTH:
        driver.set_window_size(WIDTH, HEIGHT)

    def open_(path: str) -> None:
        driver.get(site + path)

    return open_


# What a person sees ----------------------------------------------------------------


def by_css(driver: Any, selector: str) -> Any:
    return driver.find_element("css selector", selector)


def all_css(driver: Any, selector: str) -> list[Any]:
    return list(driver.find_elements("css selector", selector))


def heading(driver: Any) -> str:
    return str(by_css(driver, "h1").text)


def answers_in_address(driver: Any) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(driver.current_url).query))


#: A new mark for each page left.
_MARKS = itertools.count()


def leads_to_new_page(driver: Any, act: Callable[[], None]) -> None:
    """Do ``act`` and wait for the page it opens, loaded.

    The old page is marked, and the new one is a page without that mark (one
    from the browser's back-forward cache keeps an older one). A look at the
    page can fail while the browser is between the two: it is tried again.
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    mark = next(_MARKS)
    driver.execute_script("window.sscPageMark = arguments[0];", mark)
    act()
    WebDriverWait(driver, 15, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script(
            "return window.sscPageMark !== arguments[0] && document.readyState === 'complete';",
            mark,
        )
    )


def click(driver: Any, element: Any) -> None:
    leads_to_new_page(driver, element.click)


def choose(driver: Any, question_id: str, choice_id: str) -> None:
    """Click an answer's label, as a person clicks the words (the real radio is invisible)."""
    by_css(driver, f"label[for='{question_id}-{choice_id}']").click()
    assert by_css(driver, f"#{question_id}-{choice_id}").is_selected()


def press_continue(driver: Any) -> None:
    click(driver, by_css(driver, "form button[type=submit]"))


def answer(driver: Any, question_id: str, choice_id: str) -> None:
    choose(driver, question_id, choice_id)
    press_continue(driver)


def question_text(guide: Guide, question_id: str, lang: str = "en") -> str:
    return str(guide.scenarios.questions[question_id].text.get(lang))


def choice_label(guide: Guide, question_id: str, choice_id: str, lang: str = "en") -> str:
    return str(guide.choices(question_id)[choice_id].label.get(lang))


def on_question(driver: Any, guide: Guide, question_id: str, lang: str = "en") -> None:
    assert heading(driver) == question_text(guide, question_id, lang)
    assert all_css(driver, f"input[type=radio][name='{question_id}']")


def summary(driver: Any) -> dict[str, str]:
    """Check your answers, as its rows read: question, then answer."""
    rows = all_css(driver, ".summary-list-row")
    return {
        by_css(row, ".summary-list-key").text: by_css(row, ".summary-list-value").text
        for row in rows
    }


def change_link(driver: Any, guide: Guide, question_id: str) -> Any:
    """The Change link of the row of ``question_id``."""
    for row in all_css(driver, ".summary-list-row"):
        if by_css(row, ".summary-list-key").text == question_text(guide, question_id):
            return by_css(row, ".summary-list-actions a")
    raise AssertionError(f"no row for {question_id}")


def expected_summary(guide: Guide, answers: dict[str, str]) -> dict[str, str]:
    return {
        question_text(guide, q): choice_label(guide, q, c).replace("\n", " ")
        for q, c in answers.items()
    }


def active(driver: Any) -> Any:
    return driver.switch_to.active_element


def press(driver: Any, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def tab_to(driver: Any, wanted: Callable[[Any], bool], limit: int = 25) -> Any:
    """Press Tab until the focus is on what ``wanted`` recognises."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        press(driver, Keys.TAB)
        element = active(driver)
        if wanted(element):
            return element
    raise AssertionError("Tab never reached it")


def focus_ring(driver: Any, element: Any, pseudo: str | None = None) -> str:
    """The focused element's outline and shadows, where GOV.UK's focus shows."""
    return str(
        driver.execute_script(
            "const s = getComputedStyle(arguments[0], arguments[1]);"
            "return [s.outlineColor, s.outlineStyle, s.boxShadow, s.backgroundColor].join(' ');",
            element,
            pseudo,
        )
    )


# A whole path -----------------------------------------------------------------------


def test_clicking_through_a_whole_path_shows_the_outcome_and_what_to_bring(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/")
    assert heading(driver) == guide.scenarios.guide.title.get("en")
    click(driver, driver.find_element("link text", "Start now"))
    for question_id, choice_id in CONVERT.items():
        on_question(driver, guide, question_id)
        answer(driver, question_id, choice_id)

    assert heading(driver) == "Check your answers"
    assert summary(driver) == expected_summary(guide, CONVERT)
    click(driver, driver.find_element("link text", "See what to do"))

    reached = walk(guide, CONVERT)
    assert isinstance(reached, Reached)
    result = build_result(guide, reached, lang="en")
    assert heading(driver) == result.title
    assert by_css(driver, ".panel").is_displayed()
    shown = [label.text for label in all_css(driver, ".checklist-label")]
    assert shown == list(result.materials)
    # The checklist is for ticking: a click on the words ticks the box.
    by_css(driver, ".checklist-label").click()
    assert by_css(driver, ".checklist-input").is_selected()
    assert answers_in_address(driver) == CONVERT


# Back ------------------------------------------------------------------------------------


def test_browser_back_returns_to_the_previous_question_and_it_can_be_answered_again(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/question/card_state")
    answer(driver, "card_state", "out_of_province")
    on_question(driver, guide, "keep_card")

    leads_to_new_page(driver, driver.back)
    on_question(driver, guide, "card_state")
    choose(driver, "card_state", "out_of_province")  # the earlier answer, still there to choose
    choose(driver, "card_state", "not_damaged")  # or another
    press_continue(driver)
    on_question(driver, guide, "district")
    assert answers_in_address(driver) == {"card_state": "not_damaged"}


def test_the_back_link_returns_with_the_earlier_answer_chosen(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/question/card_state")
    answer(driver, "card_state", "out_of_province")
    answer(driver, "keep_card", "yes")
    on_question(driver, guide, "account_normal")

    click(driver, by_css(driver, ".back-link"))
    on_question(driver, guide, "keep_card")
    assert by_css(driver, "#keep_card-yes").is_selected()
    click(driver, by_css(driver, ".back-link"))
    on_question(driver, guide, "card_state")
    assert by_css(driver, "#card_state-out_of_province").is_selected()


# Change an answer ---------------------------------------------------------------------------


def test_a_change_link_changes_one_answer_and_keeps_the_others(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/check?" + "&".join(f"{q}={c}" for q, c in CONVERT.items()))
    assert summary(driver) == expected_summary(guide, CONVERT)

    # The district: back on the question, the answer given chosen; then back to check.
    click(driver, change_link(driver, guide, "district"))
    on_question(driver, guide, "district")
    assert by_css(driver, "#district-lixia").is_selected()
    answer(driver, "district", "shizhong")
    assert heading(driver) == "Check your answers"
    assert summary(driver) == expected_summary(guide, {**CONVERT, "district": "shizhong"})

    # An answer that ends the path sooner: the answers it no longer asks go.
    click(driver, change_link(driver, guide, "account_normal"))
    answer(driver, "account_normal", "no")
    assert heading(driver) == "Check your answers"
    kept = {"card_state": "out_of_province", "keep_card": "yes", "account_normal": "no"}
    assert summary(driver) == expected_summary(guide, kept)

    # An answer that leads elsewhere: the next question it needs is asked.
    click(driver, change_link(driver, guide, "card_state"))
    answer(driver, "card_state", "not_damaged")
    on_question(driver, guide, "district")
    answer(driver, "district", "licheng")
    assert summary(driver) == expected_summary(
        guide, {"card_state": "not_damaged", "district": "licheng"}
    )


# Language ------------------------------------------------------------------------------------


def test_the_language_link_switches_to_chinese_and_keeps_the_answers(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/question/card_state")
    assert by_css(driver, "html").get_attribute("lang") == "en"
    answer(driver, "card_state", "out_of_province")

    click(driver, by_css(driver, ".language-switch a[hreflang='zh']"))
    assert by_css(driver, "html").get_attribute("lang") == "zh"
    on_question(driver, guide, "keep_card", "zh")
    assert by_css(driver, "label[for='keep_card-yes']").text == choice_label(
        guide, "keep_card", "yes", "zh"
    )
    answer(driver, "keep_card", "yes")
    on_question(driver, guide, "account_normal", "zh")
    assert answers_in_address(driver) == {
        "card_state": "out_of_province",
        "keep_card": "yes",
        "lang": "zh",
    }
    # And back to English, answers kept.
    click(driver, by_css(driver, ".language-switch a[hreflang='en']"))
    assert by_css(driver, "html").get_attribute("lang") == "en"
    on_question(driver, guide, "account_normal")
    answer(driver, "account_normal", "yes")
    on_question(driver, guide, "district")


# An answer forgotten ---------------------------------------------------------------------------


def test_continue_without_an_answer_says_so_and_the_summary_leads_to_the_answers(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    page("/question/card_state")
    press_continue(driver)

    assert driver.title.startswith("Error: ")
    error_summary = by_css(driver, ".error-summary")
    assert error_summary.is_displayed()
    assert "There is a problem" in error_summary.text
    assert active(driver) == error_summary, "the error summary is where the reader lands"
    assert by_css(driver, ".error-summary").value_of_css_property("border-top-color") == ERROR_RED

    message = by_css(driver, "#card_state-error")
    assert message.is_displayed()
    assert message.text.endswith("Select an answer")
    group = by_css(driver, ".form-group-error")
    assert group.value_of_css_property("border-left-color") == ERROR_RED
    described = by_css(driver, "fieldset").get_attribute("aria-describedby").split()
    assert "card_state-error" in described

    by_css(driver, ".error-summary-list a").click()
    first = all_css(driver, "input[type=radio][name='card_state']")[0]
    assert active(driver) == first
    assert FOCUS_YELLOW in focus_ring(
        driver, by_css(driver, f"label[for='{first.get_attribute('id')}']"), "::before"
    )
    # And then answered, the error is gone.
    answer(driver, "card_state", "lost")
    assert heading(driver) == "Check your answers"
    assert not all_css(driver, ".error-summary")


# The keyboard alone ----------------------------------------------------------------------------


def test_the_keyboard_alone_reaches_a_result(
    driver: Any, page: Callable[[str], None], guide: Guide
) -> None:
    from selenium.webdriver.common.keys import Keys

    page("/")
    first = tab_to(driver, lambda e: True, limit=1)
    assert "skip-link" in first.get_attribute("class"), "the skip link comes first"
    assert first.is_displayed() and first.size["width"] > 50, "and shows when it has the focus"
    assert FOCUS_YELLOW in focus_ring(driver, first)

    start = tab_to(driver, lambda e: e.text.startswith("Start now"))
    assert FOCUS_YELLOW in focus_ring(driver, start)
    leads_to_new_page(driver, lambda: press(driver, Keys.ENTER))
    on_question(driver, guide, "card_state")

    # Arrow keys move through the answers and choose: the fourth is out_of_province.
    radio = tab_to(driver, lambda e: e.get_attribute("name") == "card_state")
    assert radio.get_attribute("id") == "card_state-not_damaged"
    label = by_css(driver, "label[for='card_state-not_damaged']")
    assert FOCUS_YELLOW in focus_ring(driver, label, "::before"), "the focused answer shows it"
    press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert by_css(driver, "#card_state-out_of_province").is_selected()
    button = tab_to(driver, lambda e: e.tag_name == "button")
    assert FOCUS_YELLOW in focus_ring(driver, button)
    leads_to_new_page(driver, lambda: press(driver, Keys.ENTER))

    # Space chooses; Enter in the answers sends the form; Space on the button too.
    on_question(driver, guide, "keep_card")
    tab_to(driver, lambda e: e.get_attribute("name") == "keep_card")
    press(driver, Keys.SPACE)
    assert by_css(driver, "#keep_card-yes").is_selected()
    leads_to_new_page(driver, lambda: press(driver, Keys.ENTER))

    on_question(driver, guide, "account_normal")
    tab_to(driver, lambda e: e.get_attribute("name") == "account_normal")
    press(driver, Keys.SPACE)
    tab_to(driver, lambda e: e.tag_name == "button")
    leads_to_new_page(driver, lambda: press(driver, Keys.SPACE))

    on_question(driver, guide, "district")
    tab_to(driver, lambda e: e.get_attribute("name") == "district")
    press(driver, Keys.SPACE)
    leads_to_new_page(driver, lambda: press(driver, Keys.ENTER))

    assert heading(driver) == "Check your answers"
    tab_to(driver, lambda e: e.text == "See what to do")
    leads_to_new_page(driver, lambda: press(driver, Keys.ENTER))
    assert by_css(driver, ".panel h1").text
    assert answers_in_address(driver) == CONVERT

    # On the result, the checklist is ticked with Space.
    box = tab_to(driver, lambda e: e.get_attribute("type") == "checkbox")
    press(driver, Keys.SPACE)
    assert box.is_selected()


# Every kind of page, checked by axe, in each language ------------------------------------------

ON_PATH = "&".join(f"{q}={c}" for q, c in CONVERT.items())
#: Each kind of page, by the name of its screenshot: its address, and its status's title.
KINDS = {
    "start": "/?",
    "question": "/question/keep_card?card_state=out_of_province&",
    "question-error": "/question/keep_card/answer?card_state=out_of_province&",
    "check": f"/check?{ON_PATH}&",
    "result": f"/result?{ON_PATH}&",
    "not-found": "/no/such/page?",
    "problem": "/check?card_state=lost&district=lixia&",
}
#: What marks each kind of page, whatever its language.
MARKS = {
    "start": ".button-start",
    "question": "form .radios",
    "question-error": ".error-summary",
    "check": ".summary-list",
    "result": ".panel",
    "not-found": "h1",
    "problem": ".problem-message",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_page_has_no_accessibility_violations(
    driver: Any, page: Callable[[str], None], kind: str, lang: str
) -> None:
    page(f"{KINDS[kind]}lang={lang}")
    assert by_css(driver, MARKS[kind]).is_displayed()
    assert by_css(driver, "link[rel=stylesheet]")
    assert by_css(driver, "body").value_of_css_property("margin") == "0px", "the stylesheet loads"

    violations = axe_violations(driver)
    assert not violations, "\n".join(violations)
    shown_lang = by_css(driver, "html").get_attribute("lang")
    assert shown_lang == lang
    screenshot(driver, f"{kind}-{lang}")

    # Readable on a small phone, and at 400% zoom: nothing runs off to the side.
    driver.set_window_size(320, HEIGHT)
    assert driver.execute_script("return window.innerWidth") == 320
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width}px wide in a 320px window"
    if kind in ("question", "result"):
        screenshot(driver, f"{kind}-{lang}-320")


def test_the_pages_run_no_script_while_the_browser_can_check_them(
    driver: Any, page: Callable[[str], None]
) -> None:
    """The Content-Security-Policy holds in the browser; WebDriver's own script,
    which brings axe-core in, is not the page's and is not stopped by it."""
    page("/question/card_state")
    ran = driver.execute_script(
        "const s = document.createElement('script');"
        "s.textContent = 'window.pageScriptRan = true';"
        "document.head.append(s);"
        "return window.pageScriptRan === true;"
    )
    assert ran is False
    assert axe_violations(driver) == []


# Print ------------------------------------------------------------------------------------------


def test_a_printed_result_has_no_controls_and_spells_out_links(
    driver: Any, page: Callable[[str], None]
) -> None:
    page(f"/result?{ON_PATH}")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})

    def shown(selector: str) -> bool:
        return bool(
            driver.execute_script(
                "return [...document.querySelectorAll(arguments[0])]"
                ".some(e => getComputedStyle(e).display !== 'none');",
                selector,
            )
        )

    for selector in (".skip-link", ".language-switch", ".back-link", ".actions"):
        assert all_css(driver, selector), selector
        assert not shown(selector), f"{selector} is printed"
    assert shown(".panel") and shown(".checklist") and shown("pre.command")
    assert by_css(driver, ".panel").value_of_css_property("color") == "rgba(0, 0, 0, 1)"

    box = by_css(driver, ".checklist-label")
    by_css(driver, ".checklist-input").click()  # even a ticked box prints empty, for a pen
    before, after = driver.execute_script(
        "return [getComputedStyle(arguments[0], '::before').borderTopWidth,"
        " getComputedStyle(arguments[0], '::after').display];",
        box,
    )
    assert before != "0px" and after == "none"

    spelt = driver.execute_script(
        "const a = document.createElement('a');"
        "a.href = 'https://example.org/12333'; a.textContent = 'hotline';"
        "document.querySelector('main').append(a);"
        "return getComputedStyle(a, '::after').content;"
    )
    assert spelt == '" (https://example.org/12333)"'

    page("/question/card_state")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not shown("form") and not shown("button")


# A guide whose facts have sources of their own ------------------------------------------------


@pytest.fixture(scope="module")
def dated_site() -> Iterator[str]:
    need_browser()
    with server(Path(__file__).parent / "guides" / "dated") as address:
        yield address


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_sources_of_a_result_are_accessible_links_written_out_on_paper(
    driver: Any, page: Callable[[str], None], dated_site: str, lang: str
) -> None:
    driver.get(f"{dated_site}/result?colour=green&size=small&area=north&lang={lang}")
    links = all_css(driver, ".sources a")
    assert [a.get_attribute("href") for a in links] == [
        "https://example.org/small",
        "https://example.org/desk",
        "https://example.org/walking",
        "https://example.org/sign-out",
        "https://example.org/test-act",
    ]
    violations = axe_violations(driver)
    assert not violations, "\n".join(violations)
    driver.set_window_size(320, HEIGHT)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width}px wide in a 320px window"

    # On paper, a titled link is followed by its address; one shown as its address, not again.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    after = [
        driver.execute_script("return getComputedStyle(arguments[0], '::after').content;", a)
        for a in links
    ]
    assert after == [
        '" (https://example.org/small)"',
        "none",
        "none",
        "none",
        '" (https://example.org/test-act)"',
    ]
