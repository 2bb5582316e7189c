"""Pages from templates: every text escaped, every word in the page's language.

Jinja2 autoescapes everything a template shows, so a guide's text holding
``<script>`` shows as written. Templates say the tool's words as
``t(w.CONTINUE)``: the entries of ``web.words`` (and ``ssc_wizard.words``),
translated from the same catalogs as the terminal's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ssc_wizard import words as tool_words
from ssc_wizard.formats import labels
from ssc_wizard.lang import LANGS, Lang, language
from ssc_wizard.web import words

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        auto_reload=False,  # installed templates do not change under a running server
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(w=words, tw=tool_words, labels=labels)
    return env


class Pages:
    """Renders the templates for one guide."""

    def __init__(self, guide_title: Any) -> None:
        self.env = environment()
        self.guide_title = guide_title

    def render(
        self,
        template: str,
        lang: Lang,
        *,
        switch: Any,
        **context: Any,
    ) -> str:
        """``template`` in ``lang``; ``switch(code)`` is this page's link in language ``code``."""

        def t(entry: Any, /, **values: Any) -> str:
            return str(entry(lang, **values))

        languages = [(code, language(code).own_name, switch(code)) for code in LANGS]
        return self.env.get_template(template).render(
            lang=lang,
            t=t,
            languages=languages,
            guide_title=self.guide_title.get(lang),
            **context,
        )
