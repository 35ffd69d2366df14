"""Debian's headless Chromium driven by Selenium, and the app served on a free local port.

The browser is the system's (``apt-get install chromium chromium-driver``): both paths are
given to Selenium, so its selenium-manager never looks for, or downloads, a browser or a
driver. ``docs/screenshots.py`` uses the same two helpers.
"""
from __future__ import annotations

import importlib.util
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Headless, in a container as root, offline: no sandbox (needs user namespaces), no GPU,
# and none of the background traffic a fresh profile starts (updates, sync, QUIC probes).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-GB")


def browser_missing() -> str | None:
    """Why a browser test cannot run here, or None when it can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


def start_chromium(width: int = 1280, height: int = 900):
    """A new headless Chromium with a fresh profile, its console log kept for the tests."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='framing-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *_args) -> None:
        """Test runs print no access log."""


def emulate_screen(driver, width: int, height: int) -> None:
    """Lay the page out at this size; headless Chromium's windows are at least 500 px wide,
    wider than a phone, so the size is set through the DevTools protocol instead."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


class LiveServer:
    """A Flask app served by werkzeug in a thread on 127.0.0.1 and a free port."""

    def __init__(self, app):
        self._server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()
