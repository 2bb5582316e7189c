"""Time ssc-wizard as installed, side by side with the floor, in one run.

    python bench/run.py                        # table on screen, JSON in bench/results.json
    python bench/run.py --quick                # 10,000 nodes only, 3 runs; no crafted files
    python bench/run.py --crafted              # only the crafted files, and the floor
    python bench/run.py --against OTHER_VENV   # also time another install, turn by turn
    python bench/run.py --peers VENV           # copier and cookiecutter from VENV
    python bench/run.py --compare OLD.json NEW.json

Run it with the Python of the virtual environment ssc-wizard is installed in
(with the test extras: it needs pexpect). Every case is a whole process, as
people meet the tool. The cases take turns, one run of each per round after a
warm-up round, so that a slow moment of a shared machine falls on all of them
alike; within a round the order is shuffled, so that no case always
follows the same one. Each start-up case runs at least 15 times (--runs, which
refuses fewer, even with --quick): fewer misled, five runs once gave 1.10x the
floor where twenty gave 1.3x. The table gives medians and each case's ratio to the floor: a
hello-world typer app (bench/hello.py) run by the same Python. The ratio is
paired: the median, over the rounds, of the case's time in a round divided by
the floor's in the same round, so that a slow round counts against both. The crafted
files (bench/crafted.py: alias bombs, deep nesting, 50 MB, millions of values)
must each be refused, with exit status 1, in under 2 s and 200 MiB.

Under the table, each target of issue 22 says whether it holds: a scripted run
(--format json or text), --help, --version and check at most 1.00x the floor,
a rich run at most 1.15x; the first prompt at most 20 ms beyond the floor's
output in a terminal and the time importing questionary adds to a bare Python
start (python -c pass), round by round; a JSON run's peak memory at most the
floor's; a guide of 10,000 nodes in under 0.3 s unchanged since the last run,
1 s the first time, and 150 MiB. The time a node of the generated guides adds
(to a first-time run of the shipped guide) grows linearly with their size.

The tool keeps a cache of the guides it loads, in the folder
SSC_WIZARD_CACHE_DIR names (SSC_WIZARD_NO_CACHE turns it off; an install
without a cache ignores both). Every run of the tool is given a cache folder
of the benchmark's own, so that the user's cache is never touched: one per
install, kept from run to run and filled by the warm-up round, so that those
cases measure a guide unchanged since the last run. The generated guides are
also run the first time: each run with a new, empty cache folder, made before
the clock starts.

Peers, for comparison, have rows too but no target: copier copy --defaults on
a template of two questions, and cookiecutter --no-input on one of two
variables (bench/peers/), each answering into a new folder at each run. They
are looked for beside this Python, then on PATH, or in the virtual
environment --peers names; one not found is said so and left out:

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install copier cookiecutter
    python bench/run.py --peers /tmp/peers

The web pages have a benchmark of their own, bench/web.py (with the web
extra): the question page, the result page and the JSON API served by uvicorn
under 50 keep-alive clients, beside a hello-world Starlette page (the floor,
bench/hello_web.py) on the same server, in requests per second and p50/p99
latency, then a 60 s soak of every page that watches the server's memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import large_guide
from crafted import CRAFTED

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
#: A scripted run to an outcome of the shipped guide.
SCRIPTED = ["-a", "card_state=not_damaged", "-a", "district=lixia"]
#: Up to the largest guide that fits in the 10 MiB a file may have.
SIZES = [1_000, 3_000, 10_000]
LARGE = 10_000
#: Fewer runs than this misled: 5 gave 1.10x the floor where 20 paired runs gave 1.3x.
MIN_RUNS = 15
FLOOR = "floor: hello-world typer app"
#: Each peer's row: no target, only its ratio to the floor.
PEERS = {
    "copier": "peer: copier copy --defaults (two questions)",
    "cookiecutter": "peer: cookiecutter --no-input (two variables)",
}
#: What refusing a crafted file may cost.
CRAFTED_SECONDS, CRAFTED_MIB = 2.0, 200
#: Issue 22's targets for start-up, as paired ratios to the floor.
RATIO_TARGETS = {
    "scripted run, --format json": 1.00,
    "scripted run, --format text": 1.00,
    "--help": 1.00,
    "--version": 1.00,
    "check (shipped guide)": 1.00,
    "scripted run, --format rich": 1.15,
}
OFFICES = "offices:\n  desk: {name: Front desk}\n"
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("SSC_WIZARD_", "LC_"))},
    "LANG": "C.UTF-8",
    "TERM": "xterm-256color",
}
#: The folder the tool keeps its cache of loaded guides in, and what turns the cache off.
CACHE_DIR, NO_CACHE = "SSC_WIZARD_CACHE_DIR", "SSC_WIZARD_NO_CACHE"
#: In a case's argv or env, replaced at each run by a new, empty folder of its own,
#: made before the clock starts and removed after it stops.
FRESH = "{fresh}"
#: The guide cache a tool case runs with: kept from run to run, filled by the
#: warm-up round (the guide unchanged since the last run), or new and empty at
#: each run (the first time).
WARM, FIRST_TIME = "unchanged since the last run", "first time"


@dataclass
class Case:
    name: str
    argv: list[str]
    runs: int
    #: In a terminal, timed until this text appears (pexpect); else until the process ends.
    prompt: str | None = None
    nodes: int | None = None
    #: The exit status every run must end with.
    code: int = 0
    #: Set over ENV for this case's runs.
    env: dict[str, str] = field(default_factory=dict)
    #: The tool's guide cache: WARM or FIRST_TIME; None for the floors and the peers.
    cache: str | None = None
    #: A peer's name and version.
    version: str | None = None
    #: One time per round, in the order of the rounds, so that seconds[r] pairs with the floor's.
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def fresh(self) -> bool:
        """Whether each run has a new folder of its own (FRESH)."""
        return any(FRESH in arg for arg in [*self.argv, *self.env.values()])

    def ratio(self, floor: Case) -> float:
        """The median, over the rounds both ran, of this case's time over the floor's."""
        return statistics.median(
            mine / its for mine, its in zip(self.seconds, floor.seconds, strict=False)
        )


#: Runs one command and reports its time and peak memory. A process's peak
#: memory counts what it held before it became the command (a fork of this
#: big process would add its size), so a small Python without site does the forking.
RUNNER = """
import os, sys, time
read, write = os.pipe()
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(write, 1)
    os.dup2(write, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.execv(sys.argv[1], sys.argv[1:])
os.close(write)
tail = b""
while chunk := os.read(read, 1 << 16):  # to the end, as a script reading the output would
    tail = (tail + chunk)[-2000:]
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
sys.stdout.flush()
os.write(2, tail)
"""


def timed_process(
    argv: list[str], expected: int = 0, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Seconds from start to exit, and peak memory (MiB), of one run; ``env`` is set over ENV."""
    done = subprocess.run(
        [PYTHON, "-S", "-c", RUNNER, *argv],
        capture_output=True,
        env={**ENV, **(env or {})},
        check=True,
    )
    seconds, peak_kb, code = done.stdout.split()
    if int(code) != expected:
        sys.exit(f"{' '.join(argv)} exited with {int(code)}:\n{done.stderr.decode()}")
    return float(seconds), int(peak_kb) / 1024


def timed_prompt(argv: list[str], prompt: str, env: dict[str, str] | None = None) -> float:
    """Seconds from start until ``prompt`` is on the terminal's screen; ``env`` is set over ENV."""
    import pexpect  # type: ignore[import-untyped]

    start = time.perf_counter()
    child = pexpect.spawn(
        argv[0],
        argv[1:],
        env={**ENV, **(env or {})},
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    try:
        child.expect_exact(prompt)
        return time.perf_counter() - start
    finally:
        child.terminate(force=True)
        child.close()


def run_once(case: Case, scratch: Path) -> tuple[float, float | None]:
    """One run of a case: seconds, and peak memory (MiB) unless it ran in a terminal."""
    argv, env = case.argv, case.env
    fresh = tempfile.mkdtemp(dir=scratch) if case.fresh else None  # before the clock starts
    if fresh is not None:
        argv = [arg.replace(FRESH, fresh) for arg in argv]
        env = {name: value.replace(FRESH, fresh) for name, value in env.items()}
    try:
        if case.prompt is not None:
            return timed_prompt(argv, case.prompt, env), None
        return timed_process(argv, case.code, env)
    finally:
        if fresh is not None:
            shutil.rmtree(fresh)


def measure(cases: list[Case], warmup: bool, scratch: Path) -> None:
    rounds = max(case.runs for case in cases)
    shuffle = random.Random(7).shuffle  # the same order on every machine, a new one each round
    for round_ in range(-1 if warmup else 0, rounds):
        order = list(cases)
        shuffle(order)
        for case in order:
            if round_ >= case.runs:
                continue
            seconds, peak = run_once(case, scratch)
            if round_ >= 0:  # the warm-up round fills caches and is not counted
                case.seconds.append(seconds)
                if peak is not None:
                    case.peak_mb.append(peak)
        print(f"\r  round {round_ + 1} of {rounds}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def first_question(tool: Path) -> str:
    """The first question of the shipped guide, as the wizard shows it in English."""
    code = (
        "from ssc_wizard.loader import default_data_dir, load_guide\n"
        "s = load_guide(default_data_dir()).scenarios\n"
        "print(s.questions[s.start].text.get('en'))"
    )
    python = tool.parent / "python"
    return subprocess.run(
        [str(python), "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env={**ENV, NO_CACHE: "1"},  # never the user's cache
    ).stdout.strip()


def tool_cases(tool: Path, label: str, runs: int, cache: Path) -> list[Case]:
    """The start-up cases of one install, with its guide cache kept in ``cache``."""
    prefix = f"{label} " if label else ""

    def case(name: str, argv: list[str], prompt: str | None = None, first: bool = False) -> Case:
        env, mode = ({CACHE_DIR: FRESH}, FIRST_TIME) if first else ({CACHE_DIR: str(cache)}, WARM)
        return Case(f"{prefix}{name}", [str(tool), *argv], runs, prompt, env=env, cache=mode)

    return [
        case("scripted run, --format json", [*SCRIPTED, "--format", "json"]),
        case("scripted run, --format text", [*SCRIPTED, "--format", "text"]),
        case("scripted run, --format rich", [*SCRIPTED, "--format", "rich"]),
        # What a node of the generated guides costs is counted from here.
        case(
            f"scripted run, --format json, {FIRST_TIME}",
            [*SCRIPTED, "--format", "json"],
            first=True,
        ),
        case("--help", ["--help"]),
        case("--version", ["--version"]),
        case("check (shipped guide)", ["check"]),
        case("first prompt", [], prompt=first_question(tool)),
    ]


def large_cases(tool: Path, folder: Path, sizes: list[int], runs: int, cache: Path) -> list[Case]:
    """Scripted runs and path counts of generated guides: first with an empty
    cache at each run, then (the largest) with ``cache``, filled by the warm-up round."""
    cases = []
    warm = {CACHE_DIR: str(cache)}
    for nodes in sizes:
        guide = str(large_guide.write(folder / f"guide-{nodes}", nodes))
        answers = ["-a", "q0=stop", "-a", f"district={large_guide.DISTRICTS[0]}"]
        scripted = [str(tool), "--data-dir", guide, *answers, "--format", "json"]
        cases.append(
            Case(
                f"{nodes:,} nodes: scripted run, {FIRST_TIME}",
                scripted,
                runs,
                nodes=nodes,
                env={CACHE_DIR: FRESH},
                cache=FIRST_TIME,
            )
        )
        if nodes == LARGE:
            cases.append(
                Case(
                    f"{nodes:,} nodes: scripted run, {WARM}",
                    scripted,
                    runs,
                    nodes=nodes,
                    env=warm,
                    cache=WARM,
                )
            )
        cases.append(
            Case(
                f"{nodes:,} nodes: paths (the count)",
                [str(tool), "paths", "--data-dir", guide],
                runs,
                nodes=nodes,
                env=warm,
                cache=WARM,
            )
        )
    return cases


def find_peer(name: str, venv: Path | None) -> Path | None:
    """A peer's executable: in ``venv`` if given, else beside this Python, else on PATH."""
    if venv is not None:
        found = venv / "bin" / name
        return found if found.exists() else None
    beside = Path(PYTHON).parent / name
    if beside.exists():
        return beside
    on_path = shutil.which(name)
    return Path(on_path) if on_path else None


def peer_cases(folder: Path, runs: int, venv: Path | None) -> list[Case]:
    """What else a help desk might reach for, each answering a tiny template of
    bench/peers/ with its defaults into a folder of its own at each run."""
    templates = folder / "peers"
    shutil.copytree(BENCH / "peers", templates)  # out of the repository: no git for them to see
    # Cookiecutter's own files (replay_dir) in the benchmark's folder, not the user's home.
    config = folder / "cookiecutter.yaml"
    config.write_text(
        f"replay_dir: {json.dumps(str(folder / 'replay'))}\n"
        f"cookiecutters_dir: {json.dumps(str(folder / 'cookiecutters'))}\n",
        encoding="utf-8",
    )
    found = {name: find_peer(name, venv) for name in PEERS}
    cases = []
    if copier := found["copier"]:
        # The destination must not exist yet (or --overwrite): a folder in the fresh one.
        argv = [str(copier), "copy", "--defaults", str(templates / "copier"), f"{FRESH}/project"]
        cases.append(Case(PEERS["copier"], argv, runs, version=peer_version(copier)))
    if cookiecutter := found["cookiecutter"]:
        argv = [str(cookiecutter), "--no-input", str(templates / "cookiecutter"), "-o", FRESH]
        env = {"COOKIECUTTER_CONFIG": str(config)}
        version = peer_version(cookiecutter)
        cases.append(Case(PEERS["cookiecutter"], argv, runs, env=env, version=version))
    where = f"in {venv / 'bin'}" if venv is not None else f"beside {PYTHON} or on PATH"
    for name, path in found.items():
        if path is None:
            print(
                f"{name}: not found {where}, so its row is left out; to time it, "
                "pip install copier cookiecutter into a virtual environment and pass "
                "--peers VENV",
                file=sys.stderr,
            )
    return cases


def peer_version(executable: Path) -> str:
    """``copier 9.19.1``, ``cookiecutter 2.7.1``: the first two words of --version."""
    out = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, env=ENV, check=False
    ).stdout.split()
    return " ".join(out[:2]).lower()


def crafted_cases(tool: Path, folder: Path, runs: int, cache: Path) -> list[Case]:
    """Each crafted file as a guide's scenarios.yaml, beside a valid offices.yaml."""
    cases = []
    for n, (name, make) in enumerate(CRAFTED.items()):
        guide = folder / f"crafted-{n}"
        guide.mkdir()
        (guide / "scenarios.yaml").write_bytes(make())
        (guide / "offices.yaml").write_text(OFFICES, encoding="utf-8")
        argv = [str(tool), "--data-dir", str(guide), "--format", "json"]
        env = {CACHE_DIR: str(cache)}
        cases.append(Case(f"crafted: {name}", argv, runs, code=1, env=env, cache=WARM))
    return cases


def verdicts(by_name: dict[str, Case], sizes: list[int]) -> list[dict[str, object]]:
    """Each target of issue 22 (and the crafted files' and linear growth, from
    before it), measured: what it allows, what was found, and whether it holds."""
    floor = by_name[FLOOR]
    found: list[dict[str, object]] = []

    def target(what: str, allowed: float, measured: float, unit: str = "s") -> None:
        found.append(
            {
                "target": what,
                "allowed": allowed,
                "measured": measured,
                "unit": unit,
                "holds": measured <= allowed,
            }
        )

    if "first prompt" in by_name:
        for name, most in RATIO_TARGETS.items():
            target(f"{name}: at most {most:.2f}x the floor", most, by_name[name].ratio(floor), "x")
        # Round by round, what the first prompt took beyond the floor's output in a
        # terminal and importing questionary (its import less a Python's start).
        beyond = [
            prompt - in_terminal - (questionary - bare)
            for prompt, in_terminal, questionary, bare in zip(
                by_name["first prompt"].seconds,
                by_name["floor, in a terminal"].seconds,
                by_name["import questionary"].seconds,
                by_name["python -c pass"].seconds,
                strict=True,
            )
        ]
        target(
            "first prompt: beyond the floor in a terminal + importing questionary, at most 20 ms",
            0.020,
            statistics.median(beyond),
        )
        target(
            "scripted run, --format json: peak memory at most the floor's",
            max(floor.peak_mb),
            max(by_name["scripted run, --format json"].peak_mb),
            "MiB",
        )
    if LARGE in sizes:
        first = by_name[f"{LARGE:,} nodes: scripted run, {FIRST_TIME}"]
        unchanged = by_name[f"{LARGE:,} nodes: scripted run, {WARM}"]
        paths = by_name[f"{LARGE:,} nodes: paths (the count)"]
        target(f"{LARGE:,} nodes, {WARM}: under 0.3 s", 0.3, unchanged.median)
        target(f"{LARGE:,} nodes, the {FIRST_TIME}: under 1 s", 1.0, first.median)
        peak = max(first.peak_mb + unchanged.peak_mb + paths.peak_mb)
        target(f"{LARGE:,} nodes: under 150 MiB", 150, peak, "MiB")
    if len(sizes) > 1:
        start = by_name[f"scripted run, --format json, {FIRST_TIME}"].median
        per_node = [
            (by_name[f"{n:,} nodes: scripted run, {FIRST_TIME}"].median - start) / n for n in sizes
        ]
        # Linear: the cost of a node is about the same at every size.
        target(
            "time grows linearly: largest/smallest cost per node",
            1.5,
            max(per_node) / min(per_node),
            "x",
        )
    for name, case in by_name.items():
        if name.startswith("crafted: "):
            target(f"{name}: refused under {CRAFTED_SECONDS:g} s", CRAFTED_SECONDS, case.median)
            target(
                f"{name}: refused under {CRAFTED_MIB} MiB", CRAFTED_MIB, max(case.peak_mb), "MiB"
            )
    return found


def machine() -> dict[str, object]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    import yaml

    return {
        "cpu": model or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libyaml": bool(yaml.__with_libyaml__),
        "packages": {
            name: metadata.version(name)
            for name in ("ssc-wizard", "typer", "pydantic", "rich", "questionary", "PyYAML")
        },
    }


def commit() -> str:
    found = subprocess.run(
        ["git", "-C", str(BENCH), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip()


def table(rows: list[dict[str, object]]) -> str:
    """Medians, minimums, paired ratios to the floor and peak memory, a case a line."""
    width = max(len(str(row["case"])) for row in rows)
    lines = [f"{'case':{width}} {'median':>9} {'min':>9} {'x floor':>8} {'peak MiB':>9}"]
    for row in rows:
        median, low = float(row["median_s"]), float(row["min_s"])  # type: ignore[arg-type]
        ratio = float(row["ratio"])  # type: ignore[arg-type]
        peak = f"{row['peak_mb']:.0f}" if row.get("peak_mb") else ""
        lines.append(
            f"{row['case']!s:{width}} {_ms(median):>9} {_ms(low):>9} {ratio:>7.2f}x {peak:>9}"
        )
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def report(results: dict[str, object]) -> str:
    rows = results["cases"]
    assert isinstance(rows, list)
    out = [table(rows), "", "Targets:"]
    for v in results["targets"]:  # type: ignore[attr-defined]
        measured, allowed, unit = v["measured"], v["allowed"], v["unit"]
        shown = (
            f"{measured:.2f}x (allowed {allowed:.2f}x)"
            if unit == "x"
            else f"{measured:.1f} {unit} (allowed {allowed:.1f})"
            if unit in ("MB", "MiB")
            else f"{_ms(measured)} (allowed {_ms(allowed)})"
        )
        out.append(f"  {'holds' if v['holds'] else 'MISSED':6}  {v['target']}: {shown}")
    info = results["machine"]
    assert isinstance(info, dict)
    peers = ", ".join(str(r["version"]) for r in rows if r.get("version"))
    out.append(
        f"\n{info['cpu']}, {info['cores']} cores, {info['memory']}, {info['system']}, "
        f"Python {info['python']}, libyaml {'yes' if info['libyaml'] else 'no'}; "
        f"{results['runs']} runs of each start-up case, commit {results['commit']}"
        + (f"; peers: {peers}" if peers else "")
    )
    return "\n".join(out)


def compare(old_file: Path, new_file: Path) -> str:
    old, new = (json.loads(f.read_text()) for f in (old_file, new_file))
    before = {r["case"]: r["median_s"] for r in old["cases"]}
    width = max(len(row["case"]) for row in new["cases"])
    lines = [f"{'case':{width}} {old['commit'][:12]:>12} {new['commit'][:12]:>12} {'change':>8}"]
    for row in new["cases"]:
        if row["case"] in before:
            was, now = before[row["case"]], row["median_s"]
            change = (now / was - 1) * 100
            lines.append(f"{row['case']:{width}} {_ms(was):>12} {_ms(now):>12} {change:>+7.0f}%")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=MIN_RUNS,
        help=f"timed runs of each start-up case, at least {MIN_RUNS}",
    )
    parser.add_argument("--large-runs", type=int, default=5, help="timed runs of each large case")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 runs of each large case, only the 10,000-node guide, no crafted files",
    )
    parser.add_argument("--against", type=Path, help="another virtual environment to time too")
    parser.add_argument(
        "--peers",
        type=Path,
        metavar="VENV",
        help="the virtual environment holding copier and cookiecutter "
        "(default: beside this Python, else on PATH)",
    )
    parser.add_argument("--json", type=Path, default=BENCH / "results.json", help="write here")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("--no-large", action="store_true", help="start-up cases only")
    parser.add_argument("--crafted", action="store_true", help="the crafted files only")
    args = parser.parse_args()
    if args.compare:
        print(compare(*args.compare))
        return
    if args.runs < MIN_RUNS:
        parser.error(
            f"--runs {args.runs}: at least {MIN_RUNS}; fewer misled "
            "(5 runs gave 1.10x the floor where 20 paired runs gave 1.3x)"
        )
    if args.large_runs < 1:
        parser.error("--large-runs: at least 1")

    tool = Path(PYTHON).parent / "ssc-wizard"
    if not tool.exists():
        sys.exit(f"no ssc-wizard beside {PYTHON}: run this with the Python it is installed for")
    runs = args.runs
    large_runs = 3 if args.quick else args.large_runs
    sizes = [] if args.no_large or args.crafted else [LARGE] if args.quick else SIZES
    hello = str(BENCH / "hello.py")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The guide caches the tool cases keep from run to run (one per install),
        # so that the user's own cache is never touched.
        cache, against_cache = folder / "cache", folder / "cache-against"
        cache.mkdir()
        against_cache.mkdir()
        cases = [Case(FLOOR, [PYTHON, hello], runs)]
        if not args.crafted:
            cases += [
                Case("python -c pass", [PYTHON, "-c", "pass"], runs),
                Case("floor, in a terminal", [PYTHON, hello], runs, prompt="Hello world"),
                Case("import questionary", [PYTHON, "-c", "import questionary"], runs),
                *tool_cases(tool, "", runs, cache),
            ]
            if args.against:
                against = args.against / "bin" / "ssc-wizard"
                cases += tool_cases(against, "[against]", runs, against_cache)
            cases += peer_cases(folder, runs, args.peers)
        cases += large_cases(tool, folder, sizes, large_runs, cache)
        if args.crafted or not (args.no_large or args.quick):
            cases += crafted_cases(tool, folder, large_runs, cache)
        measure(cases, warmup=True, scratch=folder)

    by_name = {case.name: case for case in cases}
    floor = by_name[FLOOR]
    results: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "commit": commit(),
        "runs": runs,
        "machine": machine(),
        "cases": [
            {
                "case": c.name,
                "median_s": round(c.median, 4),
                "ratio": round(c.ratio(floor), 3),
                "min_s": round(min(c.seconds), 4),
                "runs": len(c.seconds),
                "peak_mb": round(max(c.peak_mb), 1) if c.peak_mb else None,
                "nodes": c.nodes,
                "cache": c.cache,
                "version": c.version,
                # The benchmark's own folder, gone by now, as {tmp}.
                "env": {k: v.replace(tmp, "{tmp}") for k, v in c.env.items()} or None,
            }
            for c in cases
        ],
        "targets": verdicts(by_name, sizes),
    }
    args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
