"""The floor of the web case: a hello-world Starlette app, served as ssc-wizard's is.

One route, a short HTML page, no middleware, no templates: no page on
Starlette and uvicorn is served faster than this, so the web pages of
ssc-wizard are measured against it (bench/web.py).
"""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

PAGE = (
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Hello</title></head>\n'
    "<body><p>Hello world</p></body>\n</html>\n"
)


async def hello(request: Request) -> HTMLResponse:
    return HTMLResponse(PAGE)


app = Starlette(routes=[Route("/", hello)])
