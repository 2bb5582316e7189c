"""The pages and the JSON API of one guide, as a Starlette application.

Every request is answered from its own address: the answers in its query
string (``flow``), its language (``asked``). Nothing is kept between
requests, so any number of processes can serve a guide side by side. What a
request gets wrong is raised, and said in one place (``boundary``).
"""

from __future__ import annotations

import shlex
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ssc_wizard.engine import Pending, Reached, missing_answer
from ssc_wizard.errors import AnsweredTwice, NoAsking
from ssc_wizard.lang import SOURCE, Lang, resolve
from ssc_wizard.loader import default_data_dir, load_guide
from ssc_wizard.model import Guide
from ssc_wizard.result import build_result, office_list, replay_argv
from ssc_wizard.web import boundary
from ssc_wizard.web.asked import Asked, NotAParameter, language_of, read
from ssc_wizard.web.flow import after_answer, on_path, question_page
from ssc_wizard.web.render import Pages
from ssc_wizard.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"
#: What ``/api/offices`` takes in its query string.
OFFICES_PARAMETERS = ("district", "lang")


class Site:
    """One guide's pages."""

    def __init__(self, guide: Guide, shown_dir: str | None, default_lang: Lang) -> None:
        self.guide = guide
        #: The guide folder as given to ``serve``, for the terminal command on a result.
        self.shown_dir = shown_dir
        self.default_lang = default_lang
        self.pages = Pages(guide.scenarios.guide.title)

    def asked(self, request: Request) -> Asked:
        return read(request, self.guide, self.default_lang)

    def _page(self, template: str, asked: Asked, path: str, **context: object) -> Response:
        return self.pages.render(
            template,
            asked.lang,
            switch=lambda code: asked.in_language(path, code),
            home_link=asked.link("/", {}),
            asked=asked,
            **context,
        )

    async def start(self, request: Request) -> Response:
        asked = self.asked(request)
        first = self.guide.scenarios.start
        info = self.guide.scenarios.guide
        command = replay_argv({}, self.shown_dir, asked.lang if asked.chosen else None)
        return self._page(
            "start.html",
            asked,
            "/",
            start_link=asked.link(f"/question/{first}", {}),
            more_help=info.more_help.get(asked.lang),
            source=info.source.get(asked.lang),
            terminal_command=shlex.join(command),
        )

    async def question(self, request: Request) -> Response:
        asked = self.asked(request)
        question_id = request.path_params["question_id"]
        page = question_page(self.guide, question_id, asked.answers)
        return self._question(asked, page, error=False)

    def _question(self, asked: Asked, page: object, *, error: bool) -> Response:
        from ssc_wizard.web.flow import QuestionPage

        assert isinstance(page, QuestionPage)
        question_id = page.pending.question_id
        if page.changing:
            back = asked.link("/check", page.answers)
        elif page.previous is not None:
            kept = list(page.pending.answered)
            upto = kept[: kept.index(page.previous) + 1]
            back = asked.link(f"/question/{page.previous}", {q: page.answers[q] for q in upto})
        else:
            back = asked.link("/", {})
        hidden = [(q, c) for q, c in page.answers.items() if q != question_id]
        return self._page(
            "question.html",
            asked,
            f"/question/{question_id}",
            page=page,
            question=page.pending.question,
            choices=page.pending.choices,
            back=back,
            hidden=hidden,
            action=f"/question/{question_id}/answer",
            error=error,
            status=200,
        )

    async def answer(self, request: Request) -> Response:
        asked = self.asked(request)
        question_id = request.path_params["question_id"]
        if question_id not in asked.answers:
            others = {q: c for q, c in asked.answers.items() if q != question_id}
            return self._question(asked, question_page(self.guide, question_id, others), error=True)
        state, kept = after_answer(self.guide, question_id, asked.answers)
        return RedirectResponse(self._next(asked, state, kept), status_code=303)

    def _next(self, asked: Asked, state: Pending | Reached, answers: dict[str, str]) -> str:
        if isinstance(state, Pending):
            return asked.link(f"/question/{state.question_id}", answers)
        return asked.link("/check", answers)

    def _reached(self, asked: Asked) -> Reached | Response:
        state = on_path(self.guide, asked.answers)
        if isinstance(state, Pending):  # a link with answers still to give: ask them
            return RedirectResponse(self._next(asked, state, asked.answers), status_code=303)
        return state

    async def check(self, request: Request) -> Response:
        asked = self.asked(request)
        reached = self._reached(asked)
        if isinstance(reached, Response):
            return reached
        result = build_result(self.guide, reached, self.shown_dir, lang=asked.lang)
        last = list(reached.answers)[-1]
        return self._page(
            "check.html",
            asked,
            "/check",
            result=result,
            back=asked.link(f"/question/{last}"),
            change=lambda q: asked.link(f"/question/{q}"),
            result_link=asked.link("/result"),
        )

    async def result(self, request: Request) -> Response:
        asked = self.asked(request)
        reached = self._reached(asked)
        if isinstance(reached, Response):
            return reached
        lang = asked.lang
        result = build_result(self.guide, reached, self.shown_dir, lang=lang, chosen_lang=lang)
        return self._page(
            "result.html",
            asked,
            "/result",
            result=result,
            check_link=asked.link("/check"),
            again_link=asked.link("/", {}),
        )

    async def api_result(self, request: Request) -> Response:
        from ssc_wizard.formats.json_format import as_json

        asked = self.asked(request)
        state = on_path(self.guide, asked.answers)
        if isinstance(state, Pending):
            raise missing_answer(state, NoAsking.query)
        typed = asked.lang if asked.chosen else None
        result = build_result(self.guide, state, self.shown_dir, lang=asked.lang, chosen_lang=typed)
        return Response(as_json(result), media_type="application/json")

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


def build(guide_dir: Path | None, default_lang: str | None) -> Starlette:
    """The application of the guide in ``guide_dir``; see ``web.create_app``."""
    guide = load_guide(guide_dir or default_data_dir())
    lang = resolve(default_lang) if default_lang else SOURCE
    if lang is None:
        raise ValueError(f"{default_lang!r} is not a language of ssc-wizard")
    site = Site(guide, str(guide_dir) if guide_dir is not None else None, lang)
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
    app.add_middleware(SecurityHeaders)
    return app
