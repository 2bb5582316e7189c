"""typer's private names that ssc_wizard uses are still there.

typer vendors click as ``typer._click``; ssc_wizard imports from it and from
``typer._completion_classes``, which typer may change in any release. That is
why pyproject.toml keeps typer below 0.30. The names are read from the
installed package's own source, so a new private import is checked as soon as
it is written, and an upgrade of typer that moves one fails here, naming it,
rather than in a user's shell.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer

import ssc_wizard


@dataclass(frozen=True)
class Use:
    """One private name, and where ssc_wizard uses it."""

    module: str  # a private module, such as "typer._click.exceptions"
    name: str | None  # a name in it, or None where the module alone is imported
    where: str  # "file.py:LINE"

    def __str__(self) -> str:
        return f"{self.module}.{self.name}" if self.name else self.module


def _private(module: str) -> bool:
    return any(part.startswith("_") for part in module.split(".")[1:])


def private_uses(source: str, file: str) -> list[Use]:
    """The private typer modules and names ``source`` imports, and the names it
    reads from a private module imported whole (``from typer import _click as
    click`` then ``click.Command``).
    """
    tree = ast.parse(source, file)
    uses: list[Use] = []
    aliases: dict[str, str] = {}  # local name -> private module it stands for
    for node in ast.walk(tree):
        where = f"{file}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top != "typer":
                continue
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if _private(node.module):
                    uses.append(Use(node.module, alias.name, where))
                elif alias.name.startswith("_"):
                    uses.append(Use(full, None, where))
                    aliases[alias.asname or alias.name] = full
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "typer" and _private(alias.name):
                    uses.append(Use(alias.name, None, where))
                    if alias.asname:
                        aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            uses.append(Use(aliases[node.value.id], node.attr, f"{file}:{node.lineno}"))
    return uses


def _package_uses() -> list[Use]:
    root = Path(ssc_wizard.__file__).parent
    uses: dict[str, Use] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for use in private_uses(path.read_text(encoding="utf-8"), rel):
            uses.setdefault(str(use), use)  # the first place it is used is enough
    return list(uses.values())


USES = _package_uses()


def test_the_scan_finds_every_kind_of_private_use() -> None:
    """The check below is not vacuous: each way of reaching a private name is seen."""
    source = (
        "import typer\n"
        "from typer import _click as click\n"
        "from typer._click.exceptions import UsageError\n"
        "from typer._completion_classes import BashComplete, ZshComplete\n"
        "import typer._click.globals\n"
        "from typer.core import TyperGroup\n"  # public: not a private use
        "def f(c: click.Command) -> None:\n"
        "    raise click.ClickException('x')\n"
    )
    found = {str(use) for use in private_uses(source, "x.py")}
    assert found == {
        "typer._click",
        "typer._click.Command",
        "typer._click.ClickException",
        "typer._click.exceptions.UsageError",
        "typer._completion_classes.BashComplete",
        "typer._completion_classes.ZshComplete",
        "typer._click.globals",
    }


@pytest.mark.skipif(not USES, reason="ssc_wizard uses no private typer name any more")
@pytest.mark.parametrize("use", USES, ids=str)
def test_a_private_typer_name_used_is_there(use: Use) -> None:
    advice = (
        f"ssc_wizard's {use.where} uses {use}, which typer {typer.__version__} "
        "does not have: typer's private modules changed. Install a typer in the "
        "range pyproject.toml pins, or move that code to typer's public API."
    )
    try:
        module = importlib.import_module(use.module)
    except ImportError:
        pytest.fail(advice)
    if use.name is not None and not hasattr(module, use.name):
        try:
            importlib.import_module(f"{use.module}.{use.name}")
        except ImportError:
            pytest.fail(advice)
