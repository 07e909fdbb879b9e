"""The HTML report: a chart and tables per event and outcome, self-contained, escaped,
and readable in a real browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.orm import Session

from support import DATA, fake_extractor, gold_extractor, write
from tollbook import compare
from tollbook.catalog import list_sources
from tollbook.errors import NotFoundError
from tollbook.extract.figure import ExtractedFigure
from tollbook.load import load_paths
from tollbook.report import build_report, write_report

if TYPE_CHECKING:
    from selenium.webdriver.chromium.webdriver import ChromiumDriver

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">\'&'
REQUIRE_BROWSER = "TOLLBOOK_REQUIRE_BROWSER"


class Page(HTMLParser):
    """What a browser would see: tags, attributes, text, and per section its charts and tables."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.sections: dict[str, dict[str, int]] = {}
        self._open: list[str | None] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "section":
            self._open.append(attributes.get("id"))
            if attributes.get("class") != "event":
                self.sections[attributes.get("id") or ""] = {}
        for section in self._open:
            if section in self.sections:
                counts = self.sections[section]
                counts[tag] = counts.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return "".join(self.text)


@pytest.fixture
def loaded(session: Session) -> Session:
    """The seed texts with their hand-annotated figures."""
    extractor = gold_extractor(DATA / "gold" / "seeds.gold.jsonl", DATA / "seeds")
    summary = load_paths(session, [DATA], extractor=extractor)
    assert summary.count("new") == 5
    return session


def hostile_extractor(text: str, event_date: dt.date | None) -> list[ExtractedFigure]:
    """The stand-in extractor, with a claimant and a group text written to attack a page."""
    return [
        dataclasses.replace(f, claimant=HOSTILE, group=HOSTILE)
        for f in fake_extractor(text, event_date)
    ]


@pytest.fixture
def hostile(session: Session, tmp_path: Path) -> Session:
    """One source whose event name, claimant and group text are all hostile."""
    folder = tmp_path / "hostile"
    write(folder / "attack.txt", "12 people were killed, Officials said.\n")
    write(
        folder / "sources.toml",
        f'[[events]]\nkey = "attack"\nname = {json.dumps(HOSTILE)}\n\n'
        f'[[sources]]\nfile = "attack.txt"\nkey = "attack-source"\nevent = "attack"\n'
        f"title = {json.dumps(HOSTILE)}\n",
    )
    summary = load_paths(session, [folder], extractor=hostile_extractor)
    assert summary.count("new") == 1, summary
    return session


def sections_expected(session: Session) -> set[str]:
    return {f"{t.event or '_no-event'}--{t.outcome.value}" for t in compare.tolls(session)}


def test_each_event_and_outcome_gets_a_chart_and_a_table(loaded: Session) -> None:
    page = Page(build_report(loaded))
    expected = sections_expected(loaded)
    assert expected == {"battle-of-khasham--killed", "battle-of-khasham--wounded"}
    assert set(page.sections) == expected
    for anchor, counts in page.sections.items():
        assert counts.get("svg") == 1, anchor
        assert counts.get("table", 0) >= 1, anchor
        assert ("a", {"href": f"#{anchor}"}) in page.tags  # the contents link to it


def test_the_chart_has_a_row_per_claim(loaded: Session) -> None:
    page = Page(build_report(loaded, outcome="wounded"))
    marks = [a for t, a in page.tags if (a.get("class") or "").startswith("claim ")]
    assert len(marks) == len(list(compare.tolls(loaded, outcome="wounded")))


def test_the_header_counts_sources_and_claims(loaded: Session) -> None:
    page = Page(build_report(loaded))
    sources = len(list(list_sources(loaded)))
    claims = len(list(compare.tolls(loaded)))
    assert f"Generated from {sources} sources, {claims} claims." in page.words


def test_disagreements_are_listed_with_their_claimants(loaded: Session) -> None:
    page = Page(build_report(loaded))
    found = compare.disagreements(loaded)
    assert found
    for row in found:
        assert row.claimant in page.words
    for anchor, counts in page.sections.items():
        event, outcome = anchor.split("--")
        has_any = any(r.event == event and r.outcome == outcome for r in found)
        # The claims table, plus one table per disagreement.
        assert (counts["table"] > 1) == has_any, anchor


def test_a_section_without_disagreements_says_so(hostile: Session) -> None:
    page = Page(build_report(hostile))
    assert "None found" in page.words


def test_the_page_is_self_contained(loaded: Session) -> None:
    text = build_report(loaded)
    page = Page(text)
    assert not [t for t, _ in page.tags if t in ("script", "link", "img", "iframe", "object")]
    for tag, attributes in page.tags:
        for name in ("src", "href", "xlink:href", "srcset", "action", "data"):
            value = attributes.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert "@import" not in text
    assert "url(http" not in text and "url(//" not in text


def test_ids_in_the_page_are_unique(loaded: Session) -> None:
    ids = [a["id"] for _, a in Page(build_report(loaded)).tags if a.get("id")]
    assert len(ids) == len(set(ids))


def test_hostile_text_is_escaped(hostile: Session) -> None:
    text = build_report(hostile)
    page = Page(text)
    assert "<script" not in text and "<img" not in text
    assert not [t for t, _ in page.tags if t in ("script", "img")]
    assert not [n for _, a in page.tags for n in a if n.startswith("on")]
    # Readers still see exactly what the document said: in headings, tables and the chart.
    assert page.words.count(HOSTILE) >= 4


def test_sources_without_an_event_get_a_section_of_their_own(
    session: Session, tmp_path: Path
) -> None:
    text = write(tmp_path / "texts" / "note.txt", "40 people were killed, Officials said.\n")
    load_paths(session, [text], extractor=fake_extractor)
    page = Page(build_report(session))
    assert set(page.sections) == {"_no-event--killed"}
    assert "Sources without an event" in page.words


def test_filters_narrow_the_report(loaded: Session) -> None:
    page = Page(build_report(loaded, event="battle-of-khasham", outcome="wounded"))
    assert set(page.sections) == {"battle-of-khasham--wounded"}
    with pytest.raises(NotFoundError):
        build_report(loaded, event="no-such-event")


def test_an_empty_database_gives_a_page_saying_so(session: Session) -> None:
    page = Page(build_report(session))
    assert not page.sections
    assert "No claims match" in page.words


def test_the_same_data_gives_the_same_page(loaded: Session) -> None:
    assert build_report(loaded) == build_report(loaded)


def test_write_report_replaces_the_file_whole(loaded: Session, tmp_path: Path) -> None:
    target = write(tmp_path / "out" / "report.html", "old page")
    assert write_report(loaded, target) == target
    assert target.read_text(encoding="utf-8") == build_report(loaded)
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_a_failed_write_leaves_the_old_page_and_no_debris(
    loaded: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write(tmp_path / "out" / "report.html", "old page")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("tollbook.report.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_report(loaded, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


# --- in a real browser ------------------------------------------------------------


def _executable(*candidates: str) -> str | None:
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[ChromiumDriver]:
    """Headless Chromium driven by ChromeDriver, at a laptop's window size."""
    chromium = _executable("/usr/bin/chromium", "chromium", "chromium-browser")
    driver_path = _executable("/usr/bin/chromedriver", "chromedriver")
    if chromium is None or driver_path is None:
        message = "headless Chromium and ChromeDriver are needed (apt install chromium-driver)"
        if os.environ.get(REQUIRE_BROWSER):
            pytest.fail(f"{REQUIRE_BROWSER} is set but {message}")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
    ):
        options.add_argument(argument)
    profile = tempfile.mkdtemp(prefix="tollbook-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _console(driver: ChromiumDriver) -> list[dict[str, Any]]:
    """The browser console's entries since the last call."""
    return list(driver.get_log("browser"))  # type: ignore[no-untyped-call]


def _errors(driver: ChromiumDriver) -> list[dict[str, Any]]:
    return [e for e in _console(driver) if e["level"] == "SEVERE"]


def _colours(png: Path) -> tuple[int, float]:
    """How many distinct colours a screenshot has, and the share of pixels that are not white."""
    import numpy as np
    from matplotlib.image import imread

    pixels = (imread(png)[:, :, :3] * 255).astype(np.uint8).reshape(-1, 3)
    distinct = len(np.unique(pixels, axis=0))
    return distinct, float((pixels.min(axis=1) < 245).mean())


@pytest.mark.browser
def test_the_report_renders_in_a_browser(
    loaded: Session, browser: ChromiumDriver, tmp_path: Path
) -> None:
    page = write_report(loaded, tmp_path / "report.html")
    driver = browser
    _console(driver)  # drop anything logged before
    driver.get(page.resolve().as_uri())
    run = driver.execute_script
    assert run("return document.readyState") == "complete"
    assert run("return document.querySelectorAll('figure.chart svg').length") == 2
    widths = run(
        "return [...document.querySelectorAll('figure.chart svg')]"
        ".map(s => s.getBoundingClientRect().width)"
    )
    assert all(w > 500 for w in widths), widths
    # Nothing wider than a laptop's screen: tables and charts fit or scroll in their box.
    assert run("return document.documentElement.scrollWidth <= window.innerWidth")
    run("document.querySelector('figure.chart').scrollIntoView()")
    screenshot = tmp_path / "report.png"
    assert driver.save_screenshot(str(screenshot))
    distinct, inked = _colours(screenshot)
    assert distinct > 50, "the screenshot looks blank"
    assert inked > 0.03, "the screenshot looks blank"
    assert _errors(driver) == []


@pytest.mark.browser
def test_hostile_text_does_not_run_in_a_browser(
    hostile: Session, browser: ChromiumDriver, tmp_path: Path
) -> None:
    page = write_report(hostile, tmp_path / "report.html")
    driver = browser
    _console(driver)
    driver.get(page.resolve().as_uri())
    run = driver.execute_script
    assert run("return window.pwned === undefined")
    assert run("return document.querySelectorAll('script, img').length") == 0
    assert HOSTILE in run("return document.body.textContent")
    assert _errors(driver) == []
