"""The Markdown checklist, read back by a CommonMark parser as a viewer would."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

from ssc_wizard.engine import Reached
from ssc_wizard.formats.markdown import escape, offices_markdown, result_markdown
from ssc_wizard.model import Guide
from ssc_wizard.result import Cited, build_result, office_list

from paths import all_paths

VOID = {"hr", "br", "img", "input"}


class Page(HTMLParser):
    """The rendered HTML as (tag, parent tag, text) for every element, in closing order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list[str]] = []
        self.elements: list[tuple[str, str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in VOID:
            self.elements.append((tag, self.open[-1][0] if self.open else "", ""))
        else:
            self.open.append([tag, ""])

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.elements.append((tag, self.open[-1][0] if self.open else "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        name, text = self.open.pop()
        self.elements.append((name, self.open[-1][0] if self.open else "", text))
        if self.open:
            self.open[-1][1] += text

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][1] += data

    def texts(self, tag: str, parent: str | None = None) -> list[str]:
        return [t for name, p, t in self.elements if name == tag and parent in (None, p)]


def _page(markdown: str) -> Page:
    return Page(MarkdownIt("commonmark").render(markdown))


def _github_page(markdown: str) -> Page:
    """As GitHub reads it (cmark-gfm, its own parser), raw HTML let through to be seen."""
    return Page(cmarkgfm.github_flavored_markdown_to_html(markdown, Options.CMARK_OPT_UNSAFE))


VIEWERS = pytest.mark.parametrize("read", [_page, _github_page], ids=["commonmark", "github"])


def test_every_path_renders_as_a_checklist(jinan: Guide) -> None:
    for answers, outcome_id in all_paths(jinan):
        result = build_result(jinan, Reached(outcome_id, answers))
        page = _page(result_markdown(result))
        assert page.texts("h1") == [result.title]
        assert page.texts("h2")[:2] == ["Your answers", "Where to go"]
        assert page.texts("li", "ol") == list(result.steps)
        checklist = [t for t in page.texts("li", "ul") if t.startswith("[ ] ")]
        assert checklist == [f"[ ] {m}" for m in result.materials]
        assert page.texts("code")[-1] == result.command + "\n"
        assert "12333" in page.texts("strong")[-1]
        assert any(t.startswith("Source: ") for t in page.texts("p"))
        if result.note:
            assert result.note in page.texts("blockquote")[0]


def test_district_answered_names_the_local_office(jinan: Guide) -> None:
    answers = {"card_state": "not_damaged", "district": "lixia"}
    result = build_result(jinan, Reached("replace_card", answers))
    offices = _page(result_markdown(result)).texts("li", "ul")
    assert offices[2].startswith(
        "Human resources and social security service centre, Lixia District: "
    )


def test_the_nearest_office_is_not_named_after_a_district(jinan: Guide) -> None:
    result = build_result(jinan, Reached("lost_card", {"card_state": "lost"}))
    offices = _page(result_markdown(result)).texts("li", "ul")
    assert offices[1] == (
        "Human resources and social security service centre, one in each district: "
        "Cancels the lost card, where it is the nearest of the places that do."
    )


def test_a_result_with_no_office_or_material_says_so(jinan: Guide) -> None:
    result = build_result(jinan, Reached("damaged_card", {"card_state": "damaged_card"}))
    page = _page(result_markdown(result))
    assert "No office is named for this situation." in page.texts("p")
    assert "Nothing to bring is named for this situation." in page.texts("p")


HOSTILE = "*stars* _under_ [link](http://x) <b>tag</b> `code` ~~gone~~ | pipe &amp; \\ end"
#: Bare addresses GitHub would turn into links.
ADDRESSES = [
    "see https://example.com/a?b=c, HTTP://example.com or ftp://example.com.",
    "www.example.com (www.example.com) WWW.example.com",
    "mail a.b+c_d@example.com, mailto:me@example.com or xmpp:me@example.com/home",
    "办事请访问https://example.cn或发邮件至me@example.cn",
]


@VIEWERS
@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        *ADDRESSES,
        "# not a heading",
        "1. not a list",
        "- not a list",
        "+ no",
        "> no quote",
        "3) no",
        "[^1] no footnote",
    ],
)
def test_text_from_the_data_is_shown_as_written(read: Callable[[str], Page], text: str) -> None:
    page = read(f"- {escape(text)}\n")
    assert page.texts("li") == [text]
    assert not {"em", "a", "b", "code", "del", "h1", "ol", "blockquote", "sup"} & {
        name for name, _, _ in page.elements
    }


@VIEWERS
@pytest.mark.parametrize("text", ["$x$ costs $$5$$", "$$\nx^2\n$$", "a $ sign and \\$ too"])
def test_dollars_never_start_math(read: Callable[[str], Page], text: str) -> None:
    escaped = escape(text)
    # GitHub reads math between dollars that are not escaped.
    assert re.search(r"(?<!\\)\$", escaped) is None, escaped
    assert read(f"- {escaped}\n").texts("li") == [" ".join(text.split())]


@VIEWERS
@pytest.mark.parametrize("text", ["Closed #", "Closed ###", "C# and #1", "# Open"])
def test_a_heading_shows_its_text_as_written(read: Callable[[str], Page], text: str) -> None:
    # A heading's closing sequence (a space and #s at its end) is not shown.
    assert read(f"# {escape(text)}\n").texts("h1") == [text]


def test_line_breaks_in_a_text_stay_inside_its_item() -> None:
    page = _page("- " + escape("one\n\n- two") + "\n")
    assert page.texts("li") == ["one - two"]


def test_a_command_with_backticks_cannot_close_its_fence(mini: Guide) -> None:
    result = build_result(mini, Reached("stop", {"colour": "red"}), data_dir="/tmp/```x")
    page = _page(result_markdown(result))
    assert page.texts("code")[-1] == result.command + "\n"


def test_answers_can_be_left_out(mini: Guide) -> None:
    result = build_result(mini, Reached("stop", {"colour": "red"}))
    assert "Your answers" not in result_markdown(result, answers=False)
    assert "Legal basis" not in result_markdown(result)  # the outcome cites none


def test_office_list_for_a_district(jinan: Guide) -> None:
    page = _page(offices_markdown(office_list(jinan, "zhangqiu")))
    assert page.texts("h1") == ["Offices: Jinan social security card guide"]
    assert "For Zhangqiu District." in page.texts("p")
    items = page.texts("li")  # each office, then its role in each outcome, a list of its own
    assert any(
        item.startswith("Human resources and social security service centre, Zhangqiu")
        for item in items
    )
    for office_id, office in jinan.offices.offices.items():
        assert any(item.startswith(office.name.get("en")) for item in items), office_id
        for outcome_id, role in jinan.roles(office_id):
            title = jinan.scenarios.outcomes[outcome_id].title.get("en")
            assert f"{title} - {role.get('en')}" in items, (office_id, outcome_id)


class Links(HTMLParser):
    """Every link of rendered HTML: (href, text)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[list[str]] = []
        self._in = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.found.append([dict(attrs).get("href") or "", ""])
            self._in = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in = False

    def handle_data(self, data: str) -> None:
        if self._in:
            self.found[-1][1] += data


#: Every character a Markdown viewer might act on, in a title and in a web
#: address that the guide's check lets through (all of them allowed in one).
HOSTILE_TITLE = "*stars* _under_ [link](javascript:alert(1)) <b>tag</b> `code` https://evil.example"
HOSTILE_URL = "https://example.org/x_y*z*?q=[c](javascript:alert(1))&r=`t`#<!--"


@pytest.mark.parametrize(
    "render",
    [
        lambda text: MarkdownIt("commonmark").render(text),
        lambda text: cmarkgfm.github_flavored_markdown_to_html(text, Options.CMARK_OPT_UNSAFE),
    ],
    ids=["commonmark", "github"],
)
def test_a_sources_title_is_shown_as_written_and_its_address_is_one_link(
    render: Callable[[str], str], mini: Guide
) -> None:
    from urllib.parse import unquote

    cited = Cited("step", 1, None, None, HOSTILE_TITLE, HOSTILE_URL, "2026-03-01")
    result = build_result(mini, Reached("stop", {"colour": "red"})).replace(sources=(cited,))
    markdown = result_markdown(result)
    line = next(line for line in markdown.splitlines() if line.startswith("- Step 1 - "))
    html = render(line + "\n")
    page = Page(html)
    (item,) = page.texts("li")
    assert not {"em", "b", "code", "strong", "img"} & {name for name, _, _ in page.elements}
    ((href, text),) = Links(html).found
    assert unquote(href) == HOSTILE_URL
    # A `<` would end the link: the guide's check refuses one, and it is written %3C,
    # which markdown-it shows decoded.
    assert text in (HOSTILE_URL, HOSTILE_URL.replace("<", "%3C"))
    assert item == f"Step 1 - {HOSTILE_TITLE}, {text} (checked 2026-03-01)"
