"""Serve ssc-wizard's web app under load, side by side with the floor, in one run.

    python bench/web.py                        # table on screen, JSON in bench/web-results.json
    python bench/web.py --duration 2 --rounds 1 --soak 10   # a quick look
    python bench/web.py --clients 10           # fewer readers at once

Run it with the Python of the virtual environment ssc-wizard is installed in,
with the web extra. Each server is the real one, as a city would run it:
uvicorn, one worker, no access log, its default event loop and HTTP parser,
in a process of its own on 127.0.0.1 and a free port. The load comes from this
process, and only to 127.0.0.1: --clients keep-alive HTTP/1.1 connections
(asyncio streams, no other dependency), each sending its next request as soon
as the answer to the last is read, for --duration seconds and at most
--max-requests requests. The floor is a hello-world Starlette page
(bench/hello_web.py) on the same server: no page on Starlette and uvicorn is
served faster. After a warm-up, each case and the floor take turns, round by
round, which goes first alternating, so that a slow moment of a shared machine
falls on both alike; a case's ratio is the median of its rounds' ratios to the
floor it was paired with. Latencies are from sending a request to reading the
last byte of its answer, over all rounds.

With two cores or more, the client and the servers are pinned apart (this
process on the first, the servers on the second), so that they do not take
turns on one core: each server has one core, as under ``--workers 1``. The
client's and the server's CPU are in the table: a floor whose server is not
busy near 100% measures the client, not the server.

Then the soak: the app under the same load for --soak seconds, walking every
path of the guide (each question page, each answer's redirect, each check and
result page and JSON result, in English and in Chinese), its memory (VmRSS)
read every second. Every answer must be 2xx or 3xx: no request of the load is
one the app must refuse.

The targets: at least half the floor's requests per second, p99 under 50 ms,
and memory flat over the soak (the median of its last 10 s within 10%, or
5 MB, of the first 10 s). The clients are a closed loop, so the mean latency
is clients / (requests per second) (Little's law): at 50 clients, a p99 under
50 ms needs well over 1,000 requests per second.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import importlib.util
import json
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, urlencode, urlsplit

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
#: The only address this benchmark talks to.
HOST = "127.0.0.1"
#: A complete set of answers of the shipped guide, as bench/run.py scripts it.
ANSWERS = [("card_state", "not_damaged"), ("district", "lixia")]
#: The second question (its page replays the answer before it) and the result, three ways.
CASES = {
    "question page": "/question/district?" + urlencode(ANSWERS[:1]),
    "result page": "/result?" + urlencode(ANSWERS),
    "JSON API": "/api/result?" + urlencode(ANSWERS),
}
FLOOR_PATH = "/"
#: The targets: requests per second against the floor's, p99 in ms, memory growth.
RPS_RATIO, P99_MS, RSS_GROWTH, RSS_MB = 0.5, 50.0, 0.10, 5.0
#: The soak compares the medians of its first and last so many seconds.
RSS_WINDOW = 10
#: A request still unanswered this long after the spell's end is counted as an error.
REQUEST_TIMEOUT = 10.0
START_TIMEOUT = 30.0
#: At most this many requests in walking the guide to find its pages.
MAX_WALK = 2_000
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("SSC_WIZARD_", "LC_"))},
    "LANG": "C.UTF-8",
}
#: What breaks a connection, or an answer that cannot be read.
BROKEN = (OSError, EOFError, asyncio.LimitOverrunError, ValueError)


@dataclass
class Server:
    name: str
    proc: subprocess.Popen[bytes]
    port: int


@dataclass
class Spell:
    """What one spell of load measured."""

    seconds: float = 0.0
    latencies_ns: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    #: Connections refused or broken, answers unreadable or still awaited at the end.
    errors: int = 0
    #: This process's CPU, and the server's, as shares of one core.
    client_cpu: float = 0.0
    server_cpu: float = 0.0

    @property
    def rps(self) -> float:
        return len(self.latencies_ns) / self.seconds if self.seconds else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(proc: subprocess.Popen[bytes], port: int) -> bool:
    """Whether the server accepts connections before it exits or START_TIMEOUT passes."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def serve(name: str, spec: str, app_dir: Path | None, cpu: int | None) -> Iterator[Server]:
    """uvicorn serving ``spec`` on 127.0.0.1, pinned to ``cpu``; stopped however this ends.

    A free port is taken by binding port 0 and letting it go; should another
    process take it first, the server is started again on another (3 tries).
    """
    log: IO[bytes]
    for _ in range(3):
        port = free_port()
        argv = [PYTHON, "-m", "uvicorn", spec, "--host", HOST, "--port", str(port)]
        argv += ["--workers", "1", "--no-access-log", "--log-level", "warning"]
        if app_dir is not None:
            argv += ["--app-dir", str(app_dir)]
        with tempfile.TemporaryFile() as log:
            proc = subprocess.Popen(
                argv, env=ENV, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
            try:
                if cpu is not None:
                    os.sched_setaffinity(proc.pid, {cpu})
                if wait_ready(proc, port):
                    yield Server(name, proc, port)
                    return
            finally:
                stop(proc)
            log.seek(0)
            said = log.read().decode(errors="replace")
        if "address already in use" not in said.lower():
            break
    sys.exit(f"the {name} server did not start:\n{' '.join(argv)}\n{said}")


def request_bytes(port: int, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: text/html,*/*\r\n"
        "Accept-Language: en\r\nUser-Agent: ssc-wizard-bench\r\n\r\n"
    ).encode("ascii")


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, dict[bytes, bytes], bytes]:
    """One request on a kept-alive connection: its status, headers and body.

    The body is read by its Content-Length, which every answer of Starlette has.
    """
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    if b"content-length" not in headers:
        raise ValueError(f"an answer without Content-Length: {lines[0]!r}")
    body = await reader.readexactly(int(headers[b"content-length"]))
    return status, headers, body


def server_cpu_seconds(pid: int) -> float:
    """User and system CPU time of ``pid`` so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` (VmRSS of /proc/PID/status), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise ValueError(f"no VmRSS for process {pid}")


async def load(
    server: Server, paths: list[str], clients: int, seconds: float, max_requests: int
) -> Spell:
    """``clients`` connections asking for ``paths`` in turn, for ``seconds`` and at most
    ``max_requests`` requests in all; each connection starts at another path."""
    requests = [request_bytes(server.port, path) for path in paths]
    spell = Spell()
    sent = 0
    deadline = time.monotonic() + seconds

    async def connection(turn: int) -> None:
        nonlocal sent
        while time.monotonic() < deadline and sent < max_requests:
            writer = None
            try:
                reader, writer = await asyncio.open_connection(HOST, server.port)
                while time.monotonic() < deadline and sent < max_requests:
                    request = requests[turn % len(requests)]
                    turn += 1
                    sent += 1
                    start = time.perf_counter_ns()
                    status, headers, _ = await exchange(reader, writer, request)
                    spell.latencies_ns.append(time.perf_counter_ns() - start)
                    spell.statuses[status] += 1
                    if headers.get(b"connection", b"").lower() == b"close":
                        break
            except BROKEN:
                spell.errors += 1
                await asyncio.sleep(0.01)  # a refused connection is not retried in a busy loop
            finally:
                if writer is not None:
                    writer.close()

    cpu, server_cpu = time.process_time(), server_cpu_seconds(server.proc.pid)
    start = time.perf_counter()
    tasks = [asyncio.create_task(connection(n * len(requests) // clients)) for n in range(clients)]
    _, waiting = await asyncio.wait(tasks, timeout=seconds + REQUEST_TIMEOUT)
    for task in waiting:  # a request the server never answered
        task.cancel()
        spell.errors += 1
    await asyncio.gather(*waiting, return_exceptions=True)
    spell.seconds = time.perf_counter() - start
    spell.client_cpu = (time.process_time() - cpu) / spell.seconds
    spell.server_cpu = (server_cpu_seconds(server.proc.pid) - server_cpu) / spell.seconds
    return spell


@dataclass
class Walked:
    """The guide's pages, found as a reader finds them: each choice of each question."""

    #: Every address of the walk: question pages, answers (303), check, result and JSON.
    paths: list[str]
    #: The query string of every complete set of answers.
    complete: list[str]
    #: Whether MAX_WALK stopped the walk before its end.
    cut: bool


async def walk_guide(server: Server) -> Walked:
    """From the start page's first question, every choice of every question the
    answers lead to, by following the app's redirects, at most MAX_WALK requests."""
    reader, writer = await asyncio.open_connection(HOST, server.port)
    asked = 0

    async def get(path: str, expected: int) -> tuple[dict[bytes, bytes], str]:
        nonlocal asked
        asked += 1
        status, headers, body = await asyncio.wait_for(
            exchange(reader, writer, request_bytes(server.port, path)), REQUEST_TIMEOUT
        )
        if status != expected:
            sys.exit(f"{path} answered {status}, not {expected}:\n{body[:2000].decode()}")
        return headers, body.decode()

    try:
        _, start_page = await get("/", 200)
        first = re.search(r'href="/question/([^"?/]+)"', start_page)
        if first is None:
            sys.exit("the start page links to no question")
        to_ask: list[tuple[str, list[tuple[str, str]]]] = [(first[1], [])]
        paths, complete = ["/", "/api/offices"], []
        while to_ask and asked < MAX_WALK:
            question, before = to_ask.pop(0)
            page = f"/question/{question}" + (f"?{urlencode(before)}" if before else "")
            _, text = await get(page, 200)
            paths.append(page)
            radio = rf'name="{re.escape(question)}" type="radio" value="([^"]*)"'
            choices = [html.unescape(c) for c in re.findall(radio, text)]
            if not choices:
                sys.exit(f"{page} offers no choice to walk on")
            for choice in choices:
                if asked >= MAX_WALK:
                    break
                answer = f"/question/{question}/answer?" + urlencode([*before, (question, choice)])
                headers, _ = await get(answer, 303)
                paths.append(answer)
                went = urlsplit(headers[b"location"].decode())
                if went.path == "/check":
                    complete.append(went.query)
                    paths += [f"/check?{went.query}", f"/result?{went.query}"]
                    paths.append(f"/api/result?{went.query}")
                else:
                    to_ask.append((went.path.rsplit("/", 1)[1], parse_qsl(went.query)))
        return Walked(paths, complete, cut=bool(to_ask))
    finally:
        writer.close()


def in_chinese(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang=zh"


def percentile(sorted_ns: list[int], share: float) -> float:
    """The nearest-rank percentile, in ms."""
    if not sorted_ns:
        return math.nan
    return sorted_ns[min(len(sorted_ns) - 1, math.ceil(share * len(sorted_ns)) - 1)] / 1e6


def summary(spells: list[Spell]) -> dict[str, object]:
    """Spells of one server and path: their median rate, the percentiles of all their latencies."""
    latencies = sorted(ns for s in spells for ns in s.latencies_ns)
    statuses: Counter[int] = Counter()
    for s in spells:
        statuses.update(s.statuses)
    return {
        "rps": round(statistics.median(s.rps for s in spells), 1),
        "rps_rounds": [round(s.rps, 1) for s in spells],
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "requests": len(latencies),
        "statuses": {str(code): n for code, n in sorted(statuses.items())},
        "errors": sum(s.errors for s in spells),
        "server_cpu": round(statistics.median(s.server_cpu for s in spells), 2),
        "client_cpu": round(statistics.median(s.client_cpu for s in spells), 2),
    }


def progress(text: str) -> None:
    print(f"\r  {text:70}", end="", file=sys.stderr, flush=True)


async def measure(args: argparse.Namespace, floor: Server, app: Server) -> dict[str, object]:
    walked = await walk_guide(app)
    answers = urlencode(ANSWERS)
    if answers not in walked.complete:
        sys.exit(f"{answers} is not a complete set of answers of the guide any more")
    spell_args = (args.clients, args.duration, args.max_requests)

    warm = min(2.0, args.duration)
    progress("warm-up")
    await load(floor, [FLOOR_PATH], args.clients, warm, args.max_requests)
    await load(app, walked.paths, args.clients, warm, args.max_requests)
    for path in CASES.values():
        await load(app, [path], args.clients, warm, args.max_requests)

    floors: dict[str, list[Spell]] = {name: [] for name in CASES}
    cases: dict[str, list[Spell]] = {name: [] for name in CASES}
    for round_ in range(args.rounds):
        for n, (name, path) in enumerate(CASES.items()):
            progress(f"round {round_ + 1} of {args.rounds}: {name}")
            turns = [(floors[name], floor, FLOOR_PATH), (cases[name], app, path)]
            if (round_ + n) % 2:
                turns.reverse()
            for spells, server, asked in turns:
                spells.append(await load(server, [asked], *spell_args))

    rows: list[dict[str, object]] = [
        {
            "case": "floor: hello-world Starlette page",
            "path": FLOOR_PATH,
            **summary([s for spells in floors.values() for s in spells]),
            "ratio": 1.0,
        }
    ]
    for name, path in CASES.items():
        ratios = [a.rps / f.rps for a, f in zip(cases[name], floors[name], strict=True) if f.rps]
        rows.append(
            {
                "case": name,
                "path": path,
                **summary(cases[name]),
                "ratio": round(statistics.median(ratios), 3) if ratios else 0.0,
                "ratio_rounds": [round(r, 3) for r in ratios],
                "floor": summary(floors[name]),
            }
        )

    soak_paths = [*walked.paths, *map(in_chinese, walked.paths)]
    soak = await soak_app(app, soak_paths, args)
    soak["walk"] = {
        "paths": len(soak_paths),
        "complete_answer_sets": len(walked.complete),
        "cut_short": walked.cut,
    }
    return {"cases": rows, "soak": soak}


async def soak_app(app: Server, paths: list[str], args: argparse.Namespace) -> dict[str, object]:
    """The app under load for ``args.soak`` seconds, its memory read every second."""
    samples: list[tuple[float, float]] = []
    pid = app.proc.pid

    async def sample() -> None:
        start = time.monotonic()
        for n in range(math.ceil(args.soak) + 1):
            samples.append((round(time.monotonic() - start, 2), round(rss_mb(pid), 2)))
            progress(f"soak: {n} of {math.ceil(args.soak)} s, {samples[-1][1]:.1f} MB")
            if n == math.ceil(args.soak):
                break
            await asyncio.sleep(max(0.0, start + n + 1 - time.monotonic()))

    spell, _ = await asyncio.gather(
        load(app, paths, args.clients, args.soak, args.max_requests), sample()
    )
    print(file=sys.stderr)
    rss = [mb for _, mb in samples]
    first = statistics.median(rss[:RSS_WINDOW])
    last = statistics.median(rss[-RSS_WINDOW:])
    refused = sum(n for code, n in spell.statuses.items() if not 200 <= code < 400)
    return {
        "seconds": round(spell.seconds, 1),
        "requests": len(spell.latencies_ns),
        "rps": round(spell.rps, 1),
        "p50_ms": round(percentile(sorted(spell.latencies_ns), 0.50), 2),
        "p99_ms": round(percentile(sorted(spell.latencies_ns), 0.99), 2),
        "statuses": {str(code): n for code, n in sorted(spell.statuses.items())},
        "not_2xx_3xx": refused,
        "errors": spell.errors,
        "rss_first_mb": round(first, 2),
        "rss_last_mb": round(last, 2),
        "rss_peak_mb": max(rss),
        "rss_samples": samples,
    }


def verdicts(results: dict[str, object]) -> list[dict[str, object]]:
    """Each target of the issue, measured: what it allows, what was found, and whether it holds."""
    found: list[dict[str, object]] = []

    def target(what: str, allowed: float, measured: float, unit: str, holds: bool) -> None:
        found.append(
            {"target": what, "allowed": allowed, "measured": measured, "unit": unit, "holds": holds}
        )

    rows = results["cases"]
    assert isinstance(rows, list)
    for row in rows:
        name, ratio, p99 = row["case"], row["ratio"], row["p99_ms"]
        wrong = sum(n for code, n in row["statuses"].items() if code != "200") + row["errors"]
        if not name.startswith("floor"):
            target(
                f"{name}: req/s at least {RPS_RATIO}x the floor's",
                RPS_RATIO,
                ratio,
                "x",
                ratio >= RPS_RATIO,
            )
            target(f"{name}: p99 under {P99_MS:g} ms", P99_MS, p99, "ms", p99 < P99_MS)
        target(f"{name}: every answer 200", 0, wrong, "answers", wrong == 0)
    soak = results["soak"]
    assert isinstance(soak, dict)
    first, last = soak["rss_first_mb"], soak["rss_last_mb"]
    growth = last - first
    target(
        f"soak: memory flat over {soak['seconds']:.0f} s (last {RSS_WINDOW} s against the first:"
        f" within {RSS_GROWTH:.0%} or {RSS_MB:g} MB)",
        RSS_GROWTH,
        round(growth / first, 4),
        "growth",
        growth < RSS_MB or growth / first < RSS_GROWTH,
    )
    wrong = soak["not_2xx_3xx"] + soak["errors"]
    target("soak: every answer 2xx or 3xx", 0, wrong, "answers", wrong == 0)
    return found


def machine() -> dict[str, object]:
    from run import machine as run_machine

    info = run_machine()
    packages = ("ssc-wizard", "starlette", "uvicorn", "jinja2", "h11", "httptools", "uvloop")
    installed = {}
    for name in packages:
        with suppress(metadata.PackageNotFoundError):
            installed[name] = metadata.version(name)
    info["packages"] = installed
    return info


def report(results: dict[str, object]) -> str:
    rows = results["cases"]
    soak = results["soak"]
    settings = results["settings"]
    assert isinstance(rows, list) and isinstance(soak, dict) and isinstance(settings, dict)
    out = [
        f"{'case':34} {'req/s':>7} {'p50':>9} {'p99':>9} {'x floor':>8} {'server':>7} "
        f"{'client':>7}   path",
    ]
    for r in rows:
        out.append(
            f"{r['case']:34} {r['rps']:>7,.0f} {r['p50_ms']:>6.1f} ms {r['p99_ms']:>6.1f} ms "
            f"{r['ratio']:>7.2f}x {r['server_cpu']:>7.0%} {r['client_cpu']:>7.0%}   {r['path']}"
        )
    out.append(
        f"{'soak: every page of the guide':34} {soak['rps']:>7,.0f} {soak['p50_ms']:>6.1f} ms "
        f"{soak['p99_ms']:>6.1f} ms {'':8} {'':7} {'':7}   "
        f"{soak['walk']['paths']} addresses, {soak['requests']:,} requests"
    )
    out.append(
        f"soak memory (VmRSS): {soak['rss_first_mb']:.1f} MB (median of the first {RSS_WINDOW} s),"
        f" {soak['rss_last_mb']:.1f} MB (the last {RSS_WINDOW} s), peak {soak['rss_peak_mb']:.1f}"
    )
    out += ["", "Targets:"]
    for v in results["targets"]:  # type: ignore[attr-defined]
        measured, allowed, unit = v["measured"], v["allowed"], v["unit"]
        shown = (
            f"{measured:.2f}x (at least {allowed:.2f}x)"
            if unit == "x"
            else f"{measured:.1f} ms"
            if unit == "ms"
            else f"{measured:+.1%}"
            if unit == "growth"
            else f"{measured} other answers"
        )
        out.append(f"  {'holds' if v['holds'] else 'MISSED':6}  {v['target']}: {shown}")
    info = results["machine"]
    assert isinstance(info, dict)
    packages = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    out += [
        "",
        f"server and client CPU: each one's share of one core. {settings['pinning']}",
        f"{settings['clients']} keep-alive clients in a closed loop, so mean latency ="
        f" clients / req/s; {settings['rounds']} rounds of {settings['duration']:g} s"
        f" a case and its floor, after a warm-up.",
        f"{info['cpu']}, {info['cores']} cores, {info['memory']}, {info['system']}, "
        f"Python {info['python']}; {packages}; commit {results['commit']}",
    ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds of each spell")
    parser.add_argument("--clients", type=int, default=50, help="connections at once")
    parser.add_argument("--rounds", type=int, default=3, help="paired rounds of each case")
    parser.add_argument("--soak", type=float, default=60.0, help="seconds of the soak")
    parser.add_argument(
        "--max-requests", type=int, default=1_000_000, help="at most this many in each spell"
    )
    parser.add_argument(
        "--json", type=Path, default=BENCH / "web-results.json", help="write the results here"
    )
    args = parser.parse_args()
    if args.clients < 1 or args.rounds < 1 or args.duration <= 0 or args.soak <= 0:
        parser.error("--clients and --rounds must be at least 1, the times above 0")
    missing = [m for m in ("starlette", "uvicorn", "jinja2") if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"no {', '.join(missing)}: install ssc-wizard with its web extra ('.[web]')")

    cpus = sorted(os.sched_getaffinity(0))
    server_cpu: int | None = None
    if len(cpus) >= 2:
        os.sched_setaffinity(0, {cpus[0]})
        server_cpu = cpus[1]
        pinning = f"Pinned apart: the client on CPU {cpus[0]}, each server on CPU {cpus[1]}."
    else:
        pinning = "NOT pinned: one core, which the client and the server share."
    print(pinning, file=sys.stderr)
    with ExitStack() as servers:
        floor = servers.enter_context(serve("floor", "hello_web:app", BENCH, server_cpu))
        app = servers.enter_context(serve("ssc-wizard", "ssc_wizard.web:app", None, server_cpu))
        measured = asyncio.run(measure(args, floor, app))

    from run import commit

    results: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "commit": commit(),
        "settings": {
            "clients": args.clients,
            "duration": args.duration,
            "rounds": args.rounds,
            "soak": args.soak,
            "max_requests": args.max_requests,
            "pinning": pinning,
            "server": "uvicorn, 1 worker, --no-access-log, default loop and http",
        },
        "machine": machine(),
        **measured,
    }
    results["targets"] = verdicts(results)
    args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
