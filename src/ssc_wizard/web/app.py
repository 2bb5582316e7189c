"""The pages and the JSON API of one guide, as a Starlette application.

Every request is answered from its own address: the answers in its query
string (``flow``), its language (``asked``). Nothing is kept between
requests, so any number of processes can serve a guide side by side. What a
request gets wrong is raised, and said in one place (``boundary``).
"""

from __future__ import annotations

import shlex
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ssc_wizard.engine import Pending, Reached, missing_answer
from ssc_wizard.errors import AnsweredTwice, NoAsking
from ssc_wizard.lang import SOURCE, Lang, resolve
from ssc_wizard.model import Guide
from ssc_wizard.result import build_result, office_list, replay_argv
from ssc_wizard.web import boundary
from ssc_wizard.web.asked import Asked, NotAParameter, language_of, read
from ssc_wizard.web.flow import QuestionPage, after_answer, on_path, question_page
from ssc_wizard.web.render import Pages
from ssc_wizard.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"
#: What ``/api/offices`` takes in its query string.
OFFICES_PARAMETERS = ("district", "lang")
#: How many pages (and JSON results) a process keeps: every address of the
#: built-in guide in both languages, a few megabytes.
PAGES_KEPT = 4096


class Page(NamedTuple):
    """What an address shows: a page, or where to go instead."""

    html: str = ""
    #: Set for a redirect: a link with answers still to give asks them.
    location: str | None = None

    def response(self) -> Response:
        if self.location is not None:
            return RedirectResponse(self.location, status_code=303)
        return HTMLResponse(self.html)


class Site:
    """One guide's pages."""

    def __init__(self, guide: Guide, shown_dir: str | None, default_lang: Lang) -> None:
        self.guide = guide
        #: The guide folder as given to ``serve``, for the terminal command on a result.
        self.shown_dir = shown_dir
        self.default_lang = default_lang
        self.pages = Pages(guide.scenarios.guide.title)
        # A page depends on its address alone (and the guide, which a process
        # never reloads), so pages are kept and served again: rendering is most
        # of a request's cost. Only checked answers make a key; what a request
        # gets wrong raises, and is never kept.
        self.page = lru_cache(maxsize=PAGES_KEPT)(self._page)
        self.json = lru_cache(maxsize=PAGES_KEPT)(self._json)

    def asked(self, request: Request) -> Asked:
        return read(request, self.guide, self.default_lang)

    # The endpoints ------------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        return self.page("start", "", self.asked(request)).response()

    async def question(self, request: Request) -> Response:
        question_id = self._question_id(request)
        return self.page("question", question_id, self.asked(request)).response()

    async def answer(self, request: Request) -> Response:
        """A question's form, sent: on to the next question, or the question again
        with an error when no answer was chosen."""
        question_id = self._question_id(request)
        asked = self.asked(request)
        if question_id not in asked.answers:
            return self.page("unanswered", question_id, asked).response()
        state, kept = after_answer(self.guide, question_id, asked.answers)
        return RedirectResponse(self._next(asked, state, kept), status_code=303)

    async def check(self, request: Request) -> Response:
        return self.page("check", "", self.asked(request)).response()

    async def result(self, request: Request) -> Response:
        return self.page("result", "", self.asked(request)).response()

    async def api_result(self, request: Request) -> Response:
        return Response(self.json(self.asked(request)), media_type="application/json")

    async def api_offices(self, request: Request) -> Response:
        from ssc_wizard.formats.json_format import as_json

        lang, _ = language_of(request, self.default_lang)
        for key in request.query_params:
            if key not in OFFICES_PARAMETERS:
                raise NotAParameter(key, OFFICES_PARAMETERS)
        district = request.query_params.getlist("district")
        if len(district) > 1:
            raise AnsweredTwice("district", district[0], district[1])
        listing = office_list(self.guide, district[0] if district else None, lang)
        return Response(as_json(listing), media_type="application/json")

    def _question_id(self, request: Request) -> str:
        """The question a page's path names; a path naming none is no page."""
        question_id: str = request.path_params["question_id"]
        if question_id not in self.guide.scenarios.questions:
            raise HTTPException(404)
        return question_id

    # The pages ------------------------------------------------------------------------

    def _page(self, view: str, question_id: str, asked: Asked) -> Page:
        if view == "start":
            return self._start(asked)
        if view in ("question", "unanswered"):
            answers = asked.answers
            if view == "unanswered":  # the form's own answer is missing: the others stay
                answers = {q: c for q, c in answers.items() if q != question_id}
            page = question_page(self.guide, question_id, answers)
            if isinstance(page, Pending):  # a question further on: the one before it first
                return Page(location=self._next(asked, page, answers))
            return self._question(asked, page, error=view == "unanswered")
        state = on_path(self.guide, asked.answers)
        if isinstance(state, Pending):  # a link with answers still to give: ask them
            return Page(location=self._next(asked, state, asked.answers))
        if view == "check":
            return self._check(asked, state)
        return self._result(asked, state)

    def _render(self, template: str, asked: Asked, path: str, **context: object) -> str:
        return self.pages.render(
            template,
            asked.lang,
            switch=lambda code: asked.in_language(path, code),
            home_link=asked.link("/", {}),
            asked=asked,
            **context,
        )

    def _start(self, asked: Asked) -> Page:
        info = self.guide.scenarios.guide
        command = replay_argv({}, self.shown_dir, asked.lang if asked.chosen else None)
        html = self._render(
            "start.html",
            asked,
            "/",
            start_link=asked.link(f"/question/{self.guide.scenarios.start}", {}),
            more_help=info.more_help.get(asked.lang),
            source=info.source.get(asked.lang),
            terminal_command=shlex.join(command),
        )
        return Page(html=html)

    def _question(self, asked: Asked, page: QuestionPage, *, error: bool) -> Page:
        question_id = page.pending.question_id
        if page.changing:  # from "Check your answers": back there
            back = asked.link("/check", page.answers)
        elif page.previous is not None:  # the question before (the last answered), chosen
            before = {q: page.answers[q] for q in page.pending.answered}
            back = asked.link(f"/question/{page.previous}", before)
        else:
            back = asked.link("/", {})
        html = self._render(
            "question.html",
            asked,
            f"/question/{question_id}",
            page=page,
            question=page.pending.question,
            choices=page.pending.choices,
            back=back,
            hidden=[(q, c) for q, c in page.answers.items() if q != question_id],
            action=f"/question/{question_id}/answer",
            error=error,
        )
        return Page(html=html)

    def _check(self, asked: Asked, reached: Reached) -> Page:
        result = build_result(self.guide, reached, self.shown_dir, lang=asked.lang)
        last = list(reached.answers)[-1]
        html = self._render(
            "check.html",
            asked,
            "/check",
            result=result,
            back=asked.link(f"/question/{last}"),
            change=lambda question_id: asked.link(f"/question/{question_id}"),
            result_link=asked.link("/result"),
        )
        return Page(html=html)

    def _result(self, asked: Asked, reached: Reached) -> Page:
        lang = asked.lang
        # The terminal command says --lang: it gives what this page shows, whoever runs it.
        result = build_result(self.guide, reached, self.shown_dir, lang=lang, chosen_lang=lang)
        html = self._render(
            "result.html",
            asked,
            "/result",
            result=result,
            check_link=asked.link("/check"),
            again_link=asked.link("/", {}),
        )
        return Page(html=html)

    def _next(self, asked: Asked, state: Pending | Reached, answers: dict[str, str]) -> str:
        if isinstance(state, Pending):
            return asked.link(f"/question/{state.question_id}", answers)
        return asked.link("/check", answers)

    def _json(self, asked: Asked) -> str:
        """``--format json``'s output for the same answers (and ``--lang`` if ``?lang=``)."""
        from ssc_wizard.formats.json_format import as_json

        state = on_path(self.guide, asked.answers)
        if isinstance(state, Pending):
            raise missing_answer(state, NoAsking.query)
        typed = asked.lang if asked.chosen else None
        return as_json(
            build_result(self.guide, state, self.shown_dir, lang=asked.lang, chosen_lang=typed)
        )


def build(guide: Guide, shown_dir: str | None, default_lang: str | None) -> Starlette:
    """The application of ``guide``; see ``web.create_app``. ``shown_dir``: the
    guide's folder as its results' terminal command names it (None: the built-in guide)."""
    lang = resolve(default_lang) if default_lang else SOURCE
    if lang is None:
        raise ValueError(f"{default_lang!r} is not a language of ssc-wizard")
    site = Site(guide, shown_dir, lang)
    routes = [
        Route("/", site.start),
        Route("/question/{question_id}", site.question),
        Route("/question/{question_id}/answer", site.answer),
        Route("/check", site.check),
        Route("/result", site.result),
        Route("/api/result", site.api_result),
        Route("/api/offices", site.api_offices),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers=boundary.handlers(site.pages, lang))
    # Starlette would redirect /check/ to /check, building the address from the
    # request's Host header: another site's, if it lies. A path that is no page is a 404.
    app.router.redirect_slashes = False
    app.add_middleware(SecurityHeaders)
    return app
