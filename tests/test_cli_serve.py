"""``ssc-wizard serve`` as installed: a real server on 127.0.0.1, started and
stopped as a person (or a service manager) does."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import MINI, TESTS, console_script, run_installed

pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install '.[web]'")

pytestmark = pytest.mark.slow


@contextmanager
def serving(*argv: str, cwd: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``ssc-wizard serve --port 0 ARGV``, and the address it says it serves at."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SSC_WIZARD_")}
    server = subprocess.Popen(
        [console_script(), "serve", "--port", "0", *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert " at http://127.0.0.1:" in line, (line, server.stderr and server.stderr.read())
        url = line.split(" at ", 1)[1].split()[0]
        yield server, url
    finally:
        if server.poll() is None:
            server.kill()
        server.communicate(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_serve_says_where_it_serves_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    with serving(cwd=tmp_path) as (server, url):
        status, html = get(url)
        assert status == 200
        assert "Jinan social security card guide" in html
        assert get(url + "question/card_state?lang=zh")[0] == 200
        assert get(url + "api/result?card_state=lost")[0] == 200
        assert get(url + "nope")[0] == 404
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=10)
        assert server.returncode == 0
        assert "Traceback" not in stderr
        assert "interrupted" not in stderr
        assert stdout == ""  # the request log is on stderr: stdout has the address only
        assert '"GET /api/result?card_state=lost HTTP/1.1" 200' in stderr
    assert list(tmp_path.iterdir()) == []  # nothing written to disk


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGQUIT])
def test_the_terminal_closing_or_ctrl_backslash_stop_it_as_ctrl_c_does(
    tmp_path: Path, signum: int
) -> None:
    with serving(cwd=tmp_path) as (server, _):
        server.send_signal(signum)
        _, stderr = server.communicate(timeout=10)
        assert server.returncode == 0
        assert "Traceback" not in stderr
        assert "Finished server process" in stderr


def test_serve_ends_on_sigterm_as_a_service_manager_expects(tmp_path: Path) -> None:
    with serving(cwd=tmp_path) as (server, _):
        server.send_signal(signal.SIGTERM)
        _, stderr = server.communicate(timeout=10)
        assert server.returncode in (0, -signal.SIGTERM)
        assert "Traceback" not in stderr


def test_serve_serves_another_guide_and_its_result_names_the_folder(tmp_path: Path) -> None:
    with serving("--data-dir", str(MINI), cwd=tmp_path) as (_, url):
        status, html = get(url)
        assert status == 200
        assert "ssc-wizard --data-dir mini" in html  # the folder's name: not the server's paths
        assert str(MINI.parent) not in html


def test_a_port_in_use_is_refused_with_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_installed([console_script(), "serve", "--port", str(port)], tmp_path)
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use; choose another with --port" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_host_that_is_not_an_address_is_refused(tmp_path: Path) -> None:
    done = run_installed([console_script(), "serve", "--host", "no.such.host.invalid"], tmp_path)
    assert done.returncode == 2
    assert "cannot listen on 'no.such.host.invalid'" in done.stderr


def test_a_guide_with_errors_is_refused_with_checks_report(tmp_path: Path) -> None:
    broken = tmp_path / "guide"
    broken.mkdir()
    (broken / "offices.yaml").write_text((MINI / "offices.yaml").read_text())
    (broken / "scenarios.yaml").write_text((TESTS / "broken/scenarios/bad_ids.yaml").read_text())
    done = run_installed([console_script(), "serve", "--data-dir", str(broken)], tmp_path)
    check = run_installed([console_script(), "check", "--data-dir", str(broken)], tmp_path)
    assert done.returncode == 1 == check.returncode
    assert done.stdout == ""
    assert done.stderr == check.stdout  # the same report, on stderr
    assert ": error: " in done.stderr


def test_serve_without_the_web_extra_says_how_to_install_it(tmp_path: Path) -> None:
    # The extra's modules made unimportable, as in an install without it.
    code = (
        "import sys; sys.modules.update(starlette=None, uvicorn=None);"
        "from ssc_wizard.cli import main; sys.argv = ['ssc-wizard', 'serve']; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "serve needs the web extra, which is not installed (missing: starlette, uvicorn)" in (
        done.stderr
    )
    assert "pip install 'ssc-wizard[web]'" in done.stderr


def test_serve_help_in_chinese(tmp_path: Path) -> None:
    done = run_installed([console_script(), "serve", "--help", "--lang", "zh"], tmp_path)
    assert done.returncode == 0
    assert "以网页和 JSON API 的形式提供本指南" in done.stdout
    assert "--port" in done.stdout
