"""``serve``: the guide as web pages, on a real server, until stopped.

Needs the extra ``web``; without it, says how to install it. A guide with
errors is refused with ``check``'s report before anything listens. The
socket is bound here rather than by uvicorn, so that a port in use is said as
every other refusal is (uvicorn would log it and exit).
"""

from __future__ import annotations

import contextlib
import copy
import errno
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ssc_wizard import screen, words
from ssc_wizard.controls import visible
from ssc_wizard.errors import DataError, UsageError
from ssc_wizard.lang import Lang
from ssc_wizard.model import Guide

#: What ``serve`` needs from the extra ``web``, by the name of the module imported.
NEEDED = ("starlette", "jinja2", "uvicorn")


def run(
    guide_dir: Path,
    shown_dir: str | None,
    host: str,
    port: int,
    *,
    lang: str | None,
    speak: Callable[[Lang], None],
) -> int:
    """Serve until stopped; the exit status: 0 when stopped, 1 for a guide with errors."""
    from ssc_wizard.lang_choice import choose

    chosen = choose(lang, quiet=True)
    speak(chosen)
    _need_web(chosen)
    from ssc_wizard.web import shown_name
    from ssc_wizard.web.app import build

    guide = _checked(guide_dir)
    if guide is None:
        return DataError.exit_code
    app = build(guide, shown_name(shown_dir), lang)
    listening = _listen(host, port, chosen)
    bound_host, bound_port = listening.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    url = f"http://{shown_host}:{bound_port}/"
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_config=_log_config(), server_header=False))
    # uvicorn shuts down cleanly on SIGINT and SIGTERM; the terminal closing
    # (SIGHUP) and Ctrl-\ (SIGQUIT) stop it the same way.
    for signum in (signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, server.handle_exit)
    title = guide.scenarios.guide.title.get(chosen)
    # Then it raises Ctrl+C again: it is how a server is stopped, not an interruption.
    with contextlib.suppress(KeyboardInterrupt):
        # On stdout, at once, and only once every signal is handled: a script
        # that starts the server reads the address there, then may stop it.
        screen.write(visible(words.SERVING(chosen, title=title, url=url)) + "\n", chosen)
        sys.stdout.flush()
        server.run(sockets=[listening])
    return 0


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, its request log on stderr too: stdout has the address only."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def _need_web(lang: Lang) -> None:
    import importlib.util

    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(words.NEEDS_WEB(lang, missing=", ".join(missing)))


def _checked(guide_dir: Path) -> Guide | None:
    """The guide, or None once ``check``'s report on its errors is on stderr."""
    from ssc_wizard.commands import check
    from ssc_wizard.loader import examine_guide

    examined = examine_guide(guide_dir)
    if examined.guide is None:
        sys.stderr.write(check.report(guide_dir, examined))
    return examined.guide


def _listen(host: str, port: int, lang: Lang) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listening = socket.socket(family, kind, proto)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(2048)
    except socket.gaierror as exc:
        raise UsageError(words.NO_SUCH_HOST(lang, host=host, error=exc.strerror)) from None
    except OSError as exc:
        said = words.PORT_IN_USE if exc.errno == errno.EADDRINUSE else words.CANNOT_LISTEN
        raise UsageError(said(lang, host=host, port=port, error=exc.strerror)) from None
    return listening
