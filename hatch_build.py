"""Build hook: compiles the catalogs of the tool's words into the .mo files it reads.

The sources are ``src/ssc_wizard/locale/<code>/LC_MESSAGES/ssc_wizard.po``;
the compiled files are built, never kept in git. A wheel gets them at
``ssc_wizard/locale/...``; an editable install, which imports the package
from ``src``, gets them beside their sources. Babel is a build requirement
only: at run time the standard library's ``gettext`` reads the .mo files.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCES = "src"
CATALOGS = "ssc_wizard/locale/*/LC_MESSAGES/*.po"


class CatalogError(Exception):
    """A catalog that cannot be compiled: the build stops and says where."""


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._made: str | None = None
        sources = Path(self.root) / SOURCES
        if version == "editable":
            for po in sources.glob(CATALOGS):
                compile_catalog(po, po.with_suffix(".mo"))
            return
        self._made = tempfile.mkdtemp(prefix="ssc-wizard-catalogs-")
        for po in sources.glob(CATALOGS):
            inside = po.relative_to(sources).with_suffix(".mo")
            target = Path(self._made) / inside
            compile_catalog(po, target)
            build_data["force_include"][str(target)] = inside.as_posix()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._made is not None:
            shutil.rmtree(self._made, ignore_errors=True)


def compile_catalog(po: Path, mo: Path) -> None:
    """``po`` compiled into ``mo``, as ``pybabel compile`` does; a broken one stops the build."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with po.open("rb") as source:
            catalog = read_po(source, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(f"{po}: {exc}") from None
    problems = [
        f"{po}:{message.lineno}: {problem}"
        for message, found in catalog.check()
        for problem in found
    ]
    if problems:
        raise CatalogError("\n".join(problems))
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as compiled:
        write_mo(compiled, catalog)
