"""A scripted run loads only what it needs: most of its time is start-up.

Each case runs the installed package in a fresh Python, as a person's command
does, and reads the list of modules it imported (``python -X importtime``).
bench/ measures the time itself; this keeps the heavy imports from creeping
back: questionary and prompt_toolkit are for a person at a terminal only.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTED = ["-a", "card_state=not_damaged", "-a", "district=lixia"]
#: Only for a person answering at a terminal.
PROMPTS = {"questionary", "prompt_toolkit", "ssc_wizard.prompts"}
#: The maintainers' tools, which the wizard never needs.
TOOLS = {
    "ssc_wizard.graph",
    "ssc_wizard.paths",
    "ssc_wizard.report",
    "ssc_wizard.starter",
    "ssc_wizard.guide_schema",
    "ssc_wizard.output_model",
    "ssc_wizard.output_schema",
    "ssc_wizard.helptext",
}
#: Only once something is refused: "did you mean ...?".
REFUSALS = {"ssc_wizard.suggest"}
#: Only for `serve`: the terminal never pays for the web extra.
WEB = {"starlette", "jinja2", "uvicorn", "anyio", "ssc_wizard.web", "ssc_wizard.commands.serve"}


def fresh_python(argv: list[str], cache: str) -> str:
    """A fresh Python's stderr, run with no variable of ours but the guide cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SSC_WIZARD_")}
    env["SSC_WIZARD_CACHE_DIR"] = cache
    done = subprocess.run(
        [sys.executable, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def imported(argv: list[str]) -> set[str]:
    # The tests' own guide cache, kept across the session.
    stderr = fresh_python(
        ["-X", "importtime", "-m", "ssc_wizard", *argv], os.environ["SSC_WIZARD_CACHE_DIR"]
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"ssc_wizard.cli", "ssc_wizard.loader"} <= modules  # the list is really read
    return modules


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["rich", "text", "json", "markdown"])
def test_a_scripted_run_never_loads_the_prompts_or_the_tools(fmt: str) -> None:
    modules = imported([*SCRIPTED, "--format", fmt])
    assert not modules & (PROMPTS | TOOLS | REFUSALS | WEB)


@pytest.mark.slow
def test_ids_in_another_case_load_nothing_more() -> None:
    modules = imported(["-a", "Card-State=Not-Damaged", "-a", "district=LIXIA", "--format", "json"])
    assert not modules & (PROMPTS | TOOLS | REFUSALS | WEB)


def test_a_json_run_does_not_load_rich_either() -> None:
    modules = imported([*SCRIPTED, "--format", "json"])
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv", [["--help"], ["check"], ["offices", "--format", "json"], ["paths"]]
)
def test_help_and_the_other_commands_never_load_the_prompts(argv: list[str]) -> None:
    assert not imported(argv) & PROMPTS


#: Each format's own modules: a run loads its own format's and no other's.
FORMATTERS = {
    "rich": {"ssc_wizard.formats.rich_format", "ssc_wizard.rich_text"},
    "text": {"ssc_wizard.formats.text"},
    "json": {"ssc_wizard.formats.json_format"},
    "markdown": {"ssc_wizard.formats.markdown"},
}


@pytest.mark.parametrize("fmt", FORMATTERS)
def test_a_run_loads_only_its_own_format(fmt: str) -> None:
    modules = imported([*SCRIPTED, "--format", fmt])
    others = set().union(*(names for name, names in FORMATTERS.items() if name != fmt))
    assert FORMATTERS[fmt] <= modules
    assert not modules & others


@pytest.mark.parametrize("argv", [["--help"], ["check"], ["offices", "--format", "json"]])
def test_no_command_but_serve_loads_the_web_extra(argv: list[str]) -> None:
    assert not imported(argv) & WEB


#: Run in a fresh Python: the command, with every pydantic schema built recorded.
SPY = """
import atexit, sys
from pydantic._internal import _generate_schema

built = set()
generate = _generate_schema.GenerateSchema.generate_schema

def spy(self, obj, *args, **kwargs):
    built.add(getattr(obj, "__module__", "") + "." + getattr(obj, "__qualname__", repr(obj)))
    return generate(self, obj, *args, **kwargs)

_generate_schema.GenerateSchema.generate_schema = spy
atexit.register(
    lambda: print("BUILT", sorted(built), "MODULES", sorted(sys.modules), file=sys.stderr)
)
sys.argv = ["ssc-wizard", *sys.argv[1:]]
from ssc_wizard.start import main
main()
"""


def built_and_imported(argv: list[str], cache: Path) -> tuple[set[str], set[str]]:
    report = fresh_python(["-c", SPY, *argv], str(cache)).rsplit("BUILT ", 1)[1]
    built, modules = report.split(" MODULES ")
    return set(ast.literal_eval(built)), set(ast.literal_eval(modules))


def test_a_scripted_json_run_on_an_unchanged_guide_reads_no_yaml_and_builds_no_model(
    tmp_path: Path,
) -> None:
    """The guide comes from the cache: no PyYAML, no pydantic validator of a guide's
    part, and neither rich nor questionary. The first run, which fills the cache,
    shows that the spy sees what it looks for."""
    argv = [*SCRIPTED, "--format", "json"]
    first_built, first_modules = built_and_imported(argv, tmp_path)
    assert any(name.startswith("ssc_wizard.model.") for name in first_built)
    assert "yaml" in first_modules

    built, modules = built_and_imported(argv, tmp_path)
    assert not {name for name in built if name.startswith("ssc_wizard.")}
    heavy = {"yaml", "rich", "questionary", "ssc_wizard.parsing", "ssc_wizard.validators"}
    assert not {m for m in modules if m.split(".")[0] in heavy or m in heavy}
