"""A real browser on a real server, for tests/test_web_browser.py.

Debian's chromium, driven by its chromedriver through selenium, headless;
the server is ``ssc-wizard serve`` run as a person runs it; axe-core, from
npm, checks each page for accessibility inside the browser itself.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

#: CI installs chromium, chromedriver and axe-core and sets this: there, these tests never skip.
REQUIRED = bool(os.environ.get("SSC_WIZARD_REQUIRE_BROWSER"))
#: axe-core's axe.min.js (``npm install axe-core@4``): where it is.
AXE_VARIABLE = "SSC_WIZARD_AXE"
#: A folder to write a screenshot of each kind of page into; none are taken without it.
SCREENSHOTS_VARIABLE = "SSC_WIZARD_SCREENSHOTS"

#: The axe rules run: WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: The window: as wide as the screenshots are.
WIDTH = 1000
HEIGHT = 900
#: How long a page, or the server, gets to answer.
WAIT = 15.0


def _found(variable: str, default: str) -> str | None:
    """The program named by ``variable``, else ``default`` if it exists, else on PATH."""
    named = os.environ.get(variable)
    if named:
        return named if Path(named).exists() else None
    if Path(default).exists():
        return default
    return shutil.which(Path(default).name)


def chromium() -> str | None:
    return _found("SSC_WIZARD_CHROMIUM", "/usr/bin/chromium")


def chromedriver() -> str | None:
    return _found("SSC_WIZARD_CHROMEDRIVER", "/usr/bin/chromedriver")


def axe_script() -> Path | None:
    named = os.environ.get(AXE_VARIABLE)
    return Path(named) if named and Path(named).is_file() else None


def missing() -> list[str]:
    """What these tests need and this machine lacks, each said with how to install it."""
    lacking = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        lacking.append("selenium (pip install '.[test]')")
    if chromium() is None:
        lacking.append("chromium (apt-get install chromium)")
    if chromedriver() is None:
        lacking.append("chromedriver (apt-get install chromium-driver)")
    if axe_script() is None:
        lacking.append(
            f"axe-core (npm install axe-core@4, then set {AXE_VARIABLE} to its axe.min.js)"
        )
    return lacking


def need_browser() -> None:
    """Skip, or where the browser is required, fail, when anything is missing."""
    lacking = missing()
    if not lacking:
        return
    reason = "a real browser test needs " + ", ".join(lacking)
    if REQUIRED:
        pytest.fail(reason + " (SSC_WIZARD_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


def _server_command(data_dir: Path | None = None) -> list[str]:
    """``ssc-wizard serve`` on a port the system chooses, on the loopback only."""
    script = Path(sys.executable).parent / "ssc-wizard"
    found = str(script) if script.exists() else shutil.which("ssc-wizard")
    if found is None:
        pytest.fail("the ssc-wizard command is not installed next to this Python")
    guide = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return [found, "serve", "--host", "127.0.0.1", "--port", "0", *guide]


@contextmanager
def server(data_dir: Path | None = None) -> Iterator[str]:
    """A running server of the guide in ``data_dir`` (the built-in one: None), as its
    address (``http://127.0.0.1:PORT``); stopped after."""
    env = {k: v for k, v in os.environ.items() if k not in ("SSC_WIZARD_DATA", "SSC_WIZARD_LANG")}
    env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        _server_command(data_dir),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:  # the whole output, so that the server never blocks on a full pipe
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    said: list[str] = []
    try:
        deadline = time.monotonic() + WAIT
        address = None
        while address is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                pytest.fail("the server did not say where it listens:\n" + "".join(said))
            said.append(line)
            for word in line.split():
                if word.startswith("http://127.0.0.1:"):
                    address = word.rstrip("/.,")
        yield address
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def browser() -> Any:
    """Headless chromium, a window ``WIDTH`` wide."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium() or ""
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},{HEIGHT}",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(chromedriver() or ""))
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(60)
    return driver


def axe_violations(driver: Any) -> list[str]:
    """axe-core's violations on the page shown, each as one line a person can act on."""
    path = axe_script()
    assert path is not None
    driver.execute_script(path.read_text(encoding="utf-8"))
    results = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const only = {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]};
        axe.run(document, only)
          .then(r => done(r.violations))
          .catch(e => done([{id: "axe-error", impact: "", help: String(e), nodes: []}]));
        """,
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(", ".join(map(str, n["target"])) for n in v["nodes"])
        for v in results
    ]


def screenshot(driver: Any, name: str) -> Path | None:
    """The whole page as ``name``.png in the screenshots folder, when one is named."""
    folder = os.environ.get(SCREENSHOTS_VARIABLE)
    if not folder:
        return None
    import base64

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": size["height"],
                "scale": 1,
            },
        },
    )
    path = target / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
