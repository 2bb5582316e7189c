"""Headers on every response: no script at all, nothing from elsewhere, no sniffing,
and the language asked for.

The pages need no JavaScript, so the Content-Security-Policy allows none,
inline or not; styles and images come from the app itself. Answers are in
the address, so no page tells another site where it came from.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        b"base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    # Without ?lang=, a page (and the JSON) is in the language of Accept-Language:
    # a cache in front must keep one copy per language.
    (b"vary", b"Accept-Language"),
]


class SecurityHeaders:
    """ASGI middleware: adds ``HEADERS`` to each response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
