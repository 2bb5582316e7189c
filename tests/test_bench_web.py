"""The web benchmark (bench/web.py) runs end to end: a short run reports every case.

It starts two real servers and loads them for a few seconds, so it is slow;
the numbers of so short a run mean nothing, only that each case is measured
and every answer is the one expected.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

BENCH = Path(__file__).resolve().parent.parent / "bench"
CASES = ["floor: hello-world Starlette page", "question page", "result page", "JSON API"]


@pytest.mark.slow
def test_a_short_run_reports_each_case(tmp_path: Path) -> None:
    out = tmp_path / "web.json"
    argv = ["--duration", "1", "--soak", "2", "--clients", "4", "--rounds", "1"]
    done = subprocess.run(
        [sys.executable, str(BENCH / "web.py"), *argv, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for case in CASES:
        assert case in done.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [row["case"] for row in results["cases"]] == CASES
    for row in results["cases"]:
        assert row["requests"] > 0
        assert row["errors"] == 0 and set(row["statuses"]) == {"200"}
    soak = results["soak"]
    assert soak["requests"] > 0 and soak["not_2xx_3xx"] == 0 and soak["errors"] == 0
