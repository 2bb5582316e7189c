"""ssc-wizard on the web: the same guide as pages, for any ASGI server.

From the optional extra ``web`` (``pip install 'ssc-wizard[web]'``): the
terminal never imports this package. ``create_app`` makes the application for
a guide folder; ``ssc_wizard.web:app`` is the one of ``SSC_WIZARD_DATA`` (or the
built-in guide), made when a server first asks for it, so that a city can run
``uvicorn ssc_wizard.web:app --workers 4`` behind its own proxy.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

#: The guide folder ``app`` serves, as for the command line's --data-dir.
DATA_VARIABLE = "SSC_WIZARD_DATA"
#: The language of a page whose reader's browser names none the tool speaks.
LANG_VARIABLE = "SSC_WIZARD_LANG"


def create_app(
    guide_dir: Path | str | None = None, *, default_lang: str | None = None
) -> Starlette:
    """The web application of the guide in ``guide_dir`` (the built-in guide if None).

    A guide with errors is refused (``errors.DataError``), as every command
    refuses it. ``default_lang``: for readers whose browser names no language
    the tool speaks; English if None.
    """
    from ssc_wizard.loader import default_data_dir, load_guide
    from ssc_wizard.web.app import build

    folder = Path(guide_dir) if guide_dir is not None else default_data_dir()
    return build(load_guide(folder), shown_name(guide_dir), default_lang)


def shown_name(guide_dir: Path | str | None) -> str | None:
    """The guide folder as a page's terminal command names it: its own name only.
    The server's folders mean nothing to a reader, and are not for the public."""
    return Path(guide_dir).name if guide_dir is not None else None


def __getattr__(name: str) -> Any:
    """``app``: made on first use, from the environment, then kept."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = create_app(
        os.environ.get(DATA_VARIABLE) or None, default_lang=os.environ.get(LANG_VARIABLE) or None
    )
    globals()["app"] = made
    return made
