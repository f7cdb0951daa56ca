"""The published site in a real browser: Datasette on 127.0.0.1 driven by headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them).
Without them the tests are skipped, except under CI, where they must run.
Screenshots of every page visited go to ``screenshots/``.
"""
import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROME_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000",
)


def find_browser() -> tuple[str, str] | None:
    """The paths of Chromium and its driver, or None when either is missing."""
    browser = next((path for path in map(shutil.which, BROWSERS) if path), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def require_browser() -> tuple[str, str]:
    """Chromium and its driver; skip without them, unless under CI."""
    found = find_browser()
    if found:
        return found
    reason = "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


def build_quotes_db(path: Path) -> Path:
    """The sample database of ``conftest``, built from records (no spaCy)."""
    import conftest
    from db import schema, store
    from extract.records import CanonicalSpeaker

    speakers = [
        CanonicalSpeaker("Ann Lee", "Union leader", "person", (conftest.ANN_LEE,)),
        CanonicalSpeaker("Jo Smith", "Mayor", "person", (conftest.JO_SMITH, conftest.SMITH)),
        CanonicalSpeaker("council spokesperson", None, "unnamed", (conftest.COUNCIL,)),
    ]
    with store.atomic(path) as db:
        schema.ensure_db_shape(db)
        for extracted in (conftest.harbour(), conftest.ferry()):
            store.store_article(db, extracted)
        store.write_speakers(db, speakers)
    return path


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    """Return once ``url`` answers; fail if the server exits or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"datasette exited with {server.returncode}: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"datasette did not answer {url} within {seconds}s")


@pytest.fixture(scope="module")
def browser_paths():
    return require_browser()


@pytest.fixture(scope="module")
def site(browser_paths, tmp_path_factory):
    """The base URL of Datasette serving a fresh ``quotes.db`` as ``make serve`` does."""
    db_path = build_quotes_db(tmp_path_factory.mktemp("site") / "quotes.db")
    port = free_port()
    server = subprocess.Popen(  # make and the Datasette it starts: one process group
        ["make", "-s", "serve", f"DB={db_path}", "HOST=127.0.0.1", f"PORT={port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/-/versions.json", server)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def driver(browser_paths):
    """Headless Chromium through chromedriver, offline, with a throwaway profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, chromedriver = browser_paths
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        chrome = webdriver.Chrome(options=options, service=Service(chromedriver))
        chrome.set_page_load_timeout(30)
        try:
            yield chrome
        finally:
            chrome.quit()


def screenshot(driver, name: str) -> Path:
    """Save what the browser shows as ``screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"browser-{name}.png"
    assert driver.save_screenshot(str(path)), path
    return path


def column_texts(driver, column: str) -> list[str]:
    """The cells of one column of the table on the page."""
    from selenium.webdriver.common.by import By

    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, f"table.rows-and-columns td.col-{column}")]


def test_search_box_finds_a_quote_by_its_stem(site, driver):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/quotes/quotes_view")
    box = driver.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("agree")
    box.submit()
    assert "_search=agree" in driver.current_url
    screenshot(driver, "search")
    assert column_texts(driver, "text") == ["We agreed on every point,"]


def test_curly_quoted_phrase_search(site, driver):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/quotes/quotes_view")
    box = driver.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("\u201cnot consulted\u201d")
    box.submit()
    screenshot(driver, "search-phrase")
    assert column_texts(driver, "speaker") == ["Ann Lee"]


def test_facet_link_filters_the_quotes(site, driver):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/quotes/quotes_view")
    facet = driver.find_element(By.CSS_SELECTOR, ".facet-info[data-column=outlet]")
    facet.find_element(By.LINK_TEXT, "Coast Courier").click()
    assert "outlet=Coast+Courier" in driver.current_url
    screenshot(driver, "facet")
    assert column_texts(driver, "outlet") == ["Coast Courier"] * 3


def test_csv_link_gives_the_filtered_rows(site, driver):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/quotes/quotes_view?outlet=Bay+Herald&_sort=id")
    driver.find_element(By.LINK_TEXT, "CSV").click()
    assert ".csv" in driver.current_url
    screenshot(driver, "csv")
    rows = list(csv.DictReader(io.StringIO(driver.find_element(By.TAG_NAME, "body").text)))
    assert [(row["text"], row["outlet"], row["published_month"]) for row in rows] == [
        ("The ferries are back.", "Bay Herald", "2024-05"),
        ("And the town is glad,", "Bay Herald", "2024-05"),
        ("talks had been agreeable", "Bay Herald", "2024-05"),
    ]


def test_speaker_link_opens_the_speaker_page(site, driver):
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/quotes/quotes_view?speaker=Ann+Lee")
    driver.find_element(By.CSS_SELECTOR, "td.col-speaker_id a").click()
    assert "/quotes/speaker_quotes?speaker_id=" in driver.current_url
    screenshot(driver, "speaker")
    assert column_texts(driver, "aliases") == ["Ann Lee"]


def test_dashboard_draws_the_chart(site, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{site}/-/dashboards/quotes-over-time")
    charts = WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#card-per-day svg, #card-per-day canvas"))
    screenshot(driver, "chart")
    assert charts
