"""The web's one error boundary: what a request gets wrong, said as a page or as JSON.

The terminal's refusals (``errors.Refusal``) are said in the same words as at
the terminal (``messages.describe``), with 400; an address that is no page
gets 404. Never a traceback: anything unforeseen is a plain 500 page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ssc_wizard.errors import Refusal
from ssc_wizard.lang import LANGS, Lang
from ssc_wizard.web import words
from ssc_wizard.web.asked import NotALanguage, NotAParameter, TooLong, accepted, language_of
from ssc_wizard.web.render import Pages

Handler = Callable[[Request, Exception], Awaitable[Response]]


def handlers(pages: Pages, default_lang: Lang) -> dict[type[Exception] | int, Handler]:
    def language(request: Request) -> Lang:
        """The request's language, as far as it can be read (not at all: English)."""
        found: Lang | None = getattr(request.state, "lang", None)
        if found is None:
            try:
                found = language_of(request, default_lang)[0]
            except (NotALanguage, TooLong):
                found = accepted(request.headers.get("accept-language", ""), default_lang)
        return found

    def problem(request: Request, status: int, message: str | None, lang: Lang) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message or words.NOT_FOUND_TITLE(lang)}, status)
        home = f"/?lang={lang}" if getattr(request.state, "chosen", False) else "/"
        html = pages.render(
            "problem.html",
            lang,
            switch=lambda code: f"/?lang={code}",
            status_code=status,
            message=message,
            home_link=home,
            again_link=home,
        )
        return HTMLResponse(html, status)

    async def refused(request: Request, exc: Exception) -> Response:
        from ssc_wizard.messages import describe

        lang = language(request)
        if isinstance(exc, Refusal):
            message = describe(exc, lang)
        elif isinstance(exc, TooLong):
            message = words.TOO_LONG(lang)
        elif isinstance(exc, NotALanguage):
            message = words.NOT_A_LANGUAGE(lang, lang=exc.typed, langs=", ".join(LANGS))
        elif isinstance(exc, NotAParameter):
            message = words.NOT_A_PARAMETER(lang, key=exc.key, known=", ".join(exc.known))
        else:  # pragma: no cover - only the kinds above are registered
            raise exc
        return problem(request, 400, message, lang)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang = language(request)
        status = exc.status_code
        message = words.METHOD_NOT_ALLOWED(lang) if status == 405 else None
        response = problem(request, status, message, lang)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def broken(request: Request, exc: Exception) -> Response:
        lang = language(request)
        return problem(request, 500, words.BROKEN(lang), lang)

    return {
        Refusal: refused,
        TooLong: refused,
        NotALanguage: refused,
        NotAParameter: refused,
        HTTPException: http_error,
        Exception: broken,
    }
