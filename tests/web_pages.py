"""Reading the web pages as a person (and a screen reader) does: their text, links,
form fields and headers, with the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install '.[web]'")

from starlette.testclient import TestClient  # noqa: E402

from ssc_wizard.model import Guide  # noqa: E402
from ssc_wizard.web.app import build  # noqa: E402

#: Elements whose text a person never reads on the page.
UNREAD = {"script", "style", "title", "head"}


@dataclass
class Page(HTMLParser):
    """What a page shows: its visible text, links, inputs, headings and <html lang>."""

    texts: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    inputs: list[dict[str, str]] = field(default_factory=list)
    forms: list[dict[str, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    lang: str | None = None
    title: str = ""
    _stack: list[str] = field(default_factory=list)
    _link: list[str] | None = None
    _heading: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "a":
            self._link = [values.get("href", "")]
        if tag in ("h1", "h2", "h3"):
            self._heading = []
        if tag == "input":
            self.inputs.append(values)
        if tag == "form":
            self.forms.append(values)
        if tag not in ("input", "meta", "link", "br"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._link[1:]).split())))
            self._link = None
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "title" in self._stack:
            self.title += data
        if any(tag in UNREAD for tag in self._stack):
            return
        self.texts.append(data)
        if self._link is not None:
            self._link.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def text(self) -> str:
        """The page's words, each run of white space one space."""
        return " ".join(" ".join(self.texts).split())

    def link(self, text: str) -> str:
        """The address of the link whose text starts with ``text``."""
        found = [href for href, shown in self.links if shown.startswith(text)]
        assert found, f"no link {text!r} among {[shown for _, shown in self.links]}"
        return found[0]


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def query(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def client(guide: Guide, shown_dir: str | None = None, lang: str | None = None) -> TestClient:
    return TestClient(build(guide, shown_dir, lang), follow_redirects=False)
