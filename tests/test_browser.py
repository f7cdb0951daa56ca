"""The published site in a real browser: ``make serve`` of ``news.db`` on 127.0.0.1, driven by headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them).
Without them the tests are skipped, except under CI, where they must run.
A screenshot of every page visited is saved outside the repository, in
``$QUOTEDB_SCREENSHOTS`` (default: ``quotedb-screenshots`` in the system's
temporary folder).
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

import site_data

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = Path(os.environ.get("QUOTEDB_SCREENSHOTS") or Path(tempfile.gettempdir(), "quotedb-screenshots"))
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
WIDTH, HEIGHT = 1400, 1000
CHROME_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    f"--window-size={WIDTH},{HEIGHT}",
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
    """The base URL of ``make serve DB=news.db``: Datasette calls the database ``news``."""
    db_path = site_data.build_site_db(tmp_path_factory.mktemp("site") / "news.db")
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
    """Save what the browser shows as ``<SCREENSHOTS>/browser-<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"browser-{name}.png"
    assert driver.save_screenshot(str(path)), path
    return path


def find(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def wait_for(driver, css: str, seconds: float = 10):
    """The elements matching ``css`` once there are some."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(lambda d: find(d, css))


def arrived(driver, url, seconds: float = 10) -> bool:
    """Whether the browser gets to ``url`` (or to an address ``url(address)`` accepts) and loads it."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    wanted = url if callable(url) else url.__eq__
    try:
        WebDriverWait(driver, seconds).until(lambda d: wanted(d.current_url))
    except TimeoutException:
        return False
    return driver.execute_script("return document.readyState") == "complete"


def texts(driver, css: str) -> list[str]:
    """The texts of the elements matching ``css``, once the page shows some."""
    return [element.text for element in wait_for(driver, css)]


def fits_the_window(driver) -> bool:
    """Whether the page needs no sideways scrolling."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def search(driver, url: str, words: str, box: str = "q") -> None:
    """Type ``words`` into the search box of the page at ``url`` and send them."""
    driver.get(url)
    field = wait_for(driver, f"form.quotedb-search input[name={box}]")[0]
    field.send_keys(words)
    field.submit()
    assert arrived(driver, lambda address: address != url), driver.current_url  # the results page has loaded


def test_home_page_search_box_offers_speakers_as_you_type(site, driver):
    driver.get(f"{site}/")
    box = wait_for(driver, "form.quotedb-search input[name=q]")[0]
    box.send_keys("smi")
    suggestions = wait_for(driver, "form.quotedb-search .suggestions li a")
    screenshot(driver, "home")
    assert [link.text.split(" ")[:2] for link in suggestions] == [["Jo", "Smith"]]
    assert texts(driver, "ol.top-speakers li a") == ["Jo Smith", "Ann Lee", "council spokesperson"]
    assert texts(driver, ".undated") == ["1 of 5 articles have no date and are left out of every chart."]
    suggestions[0].click()
    assert arrived(driver, f"{site}/news/speakers/2"), driver.current_url


def test_search_page_ranks_marks_and_offers_the_speaker(site, driver):
    search(driver, f"{site}/", "smith")
    assert arrived(driver, f"{site}/news/search?q=smith"), driver.current_url
    screenshot(driver, "search")
    assert texts(driver, ".speaker-matches a") == ["Jo Smith"]
    driver.get(f"{site}/news/search?q=claims")
    assert texts(driver, ".quote-matches blockquote mark") == ["claims", "claims"]


def test_quotes_view_puts_the_quote_first(site, driver):
    driver.get(f"{site}/news/quotes_view?_sort=id")
    cards = wait_for(driver, "article.quote-card")
    screenshot(driver, "quotes-view")
    assert fits_the_window(driver)
    assert cards[0].location["y"] < 300  # the first quote is on the first screen, near its top
    assert cards[0].find_element("css selector", "blockquote").text == "\u201cWe agreed on every point,\u201d"
    cards[0].find_element("css selector", ".who a.speaker").click()
    assert arrived(driver, f"{site}/news/speakers/2"), driver.current_url


def test_quotes_view_search_and_facets(site, driver):
    search(driver, f"{site}/news/quotes_view", "\u201cnot consulted\u201d", box="_search")
    screenshot(driver, "quotes-view-search")
    assert texts(driver, "article.quote-card .who a.speaker") == ["Ann Lee"]
    driver.get(f"{site}/news/quotes_view")
    facet = wait_for(driver, ".facet-info[data-column=outlet]")[0]
    facet.find_element("link text", "Coast Courier").click()
    assert arrived(driver, lambda url: "outlet=Coast+Courier" in url), driver.current_url
    screenshot(driver, "quotes-view-facet")
    assert len(find(driver, "article.quote-card")) == 3


def test_the_csv_link_gives_every_filtered_row(site, driver):
    driver.get(f"{site}/news/quotes_view?outlet=Bay+Herald&_sort=id")
    wait_for(driver, "p.summary")[0].find_element("link text", "Download all as CSV").click()
    assert arrived(driver, lambda url: ".csv" in url), driver.current_url
    screenshot(driver, "csv")
    rows = list(csv.DictReader(io.StringIO(wait_for(driver, "body")[0].text)))
    assert [(row["text"], row["outlet"], row["speaker_id"]) for row in rows] == [
        ("The ferries are back.", "Bay Herald", "2"),
        ("And the town is glad,", "Bay Herald", "2"),
        ("talks had been agreeable", "Bay Herald", "2"),
        ("The claims are empty and groundless,", "Bay Herald", "2"),
    ]


def test_speaker_page(site, driver):
    driver.get(f"{site}/news/speakers/2")
    screenshot(driver, "speaker")
    assert texts(driver, "h1") == ["Jo Smith"]
    bars = find(driver, "figure.timeline a.bar")
    assert len(bars) == 6 and max(bar.size["height"] for bar in bars) > 100
    assert [card.get_attribute("id") for card in find(driver, "article.quote-card")][:2] == ["q8", "q7"]
    wait_for(driver, "article#q8 a.article")[0].click()
    assert arrived(driver, f"{site}/news/articles/4#q8"), driver.current_url


def test_article_page_marks_the_quote_come_from(site, driver):
    driver.get(f"{site}/news/articles/2#q5")
    screenshot(driver, "article")
    assert texts(driver, "h1") == ["Ferries return"]
    assert texts(driver, ".article-text mark") == ["The ferries are back.", "And the town is glad,",
                                                   "talks had been agreeable"]
    assert texts(driver, ".article-text a.who") == ["Jo Smith"] * 3
    target = find(driver, "mark:target")
    assert [mark.get_attribute("id") for mark in target] == ["q5"]
    assert target[0].value_of_css_property("outline-style") == "solid"


def test_statement_page_shows_where_else_and_how_the_wording_changed(site, driver):
    driver.get(f"{site}/news/articles/3")
    wait_for(driver, ".article-text a.elsewhere")[0].click()
    assert arrived(driver, f"{site}/news/statements/1#q7"), driver.current_url
    screenshot(driver, "statement")
    assert texts(driver, "table.versions tbody td:nth-child(2)") == ["Harbour Times", "Bay Herald"]
    assert (texts(driver, "table.versions del"), texts(driver, "table.versions ins")) == (
        ["unfounded,"], ["groundless,"])
    assert fits_the_window(driver)


def test_dashboard_draws_the_chart_and_counts_undated_articles(site, driver):
    driver.get(f"{site}/-/dashboards/news-quotes-over-time")
    charts = wait_for(driver, "#card-per-day svg, #card-per-day canvas", seconds=20)
    undated = wait_for(driver, "#card-undated .dashboard-card-chart *", seconds=20)
    screenshot(driver, "dashboard")
    assert charts
    assert "1 of 5 articles" in " ".join(element.text for element in undated)
