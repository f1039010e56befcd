"""The study page in a real browser: Debian's Chromium driven by selenium, from file://.

One browser for the whole module (starting Chromium costs most of a second). Every test opens
its page with fresh storage and ends by checking the browser's own logs: no request left the
machine (the performance log's Network events) and no console error was logged.

The tests that reload a page to find its progress kept open it from a server on the loopback
address instead: Chromium 156 now and then gives a file:// page loaded right after another a
localStorage view without the other's last writes (measured with a bare selenium script and no
study-page code: 1 reload in 60 lost a write from file://, 0 in 260 over http://127.0.0.1), so
from file:// those tests would fail by chance, not because the page forgot anything.

Screenshots of each mode, light and night, phone and desktop, go to ``test-screenshots/`` at
the top of the checkout (ignored by git) for a person to look at.
"""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossary_export import export_deck
from glossary_export.model import Glossary, Term
from support_export import export
from support_seed import ROOT, SEED, glossary_of, seed_glossary

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "test-screenshots"
PHONE = (390, 844)
DESKTOP = (1280, 860)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium with its browser and performance logs on."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "the study page tests need chromium and chromium-driver (.ci/run installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        # Without these Chromium phones home at start, and this closed network refuses it.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        # Every file:// page in one renderer process. Chromium 156 now and then gives a page
        # loaded right after another a localStorage view without that page's last writes (or
        # an empty one of its own), so a reload showed none of the progress just saved. One
        # process makes this much rarer (about 1 load in 25 -> 1 in 200 in a bare reproduction
        # with no study page code involved); it does not rule it out.
        "--process-per-site",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def loopback(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A file server on 127.0.0.1 for the pytest temporary folder (where every page the tests
    export lies); its address. Only the reload tests use it (see the module docstring)."""
    root = tmp_path_factory.getbasetemp()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request on stderr would bury pytest's output


@pytest.fixture
def page(browser: Any, loopback: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """The browser as a test uses it; afterwards, no network request and no console error."""
    browser.get_log("browser")
    browser.get_log("performance")
    yield Page(browser, loopback, tmp_path_factory.getbasetemp())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = [
        json.loads(entry["message"])["message"]["params"]
        for entry in browser.get_log("performance")
        if '"Network.requestWillBeSent"' in entry["message"]
    ]
    pages = ("file:", loopback + "/")
    assert any(r["request"]["url"].startswith(pages) for r in requests), "the log is on"
    for request in requests:
        url = request["request"]["url"]
        if url.startswith(loopback + "/"):  # the test's own server, for a reload test's page
            continue
        assert not url.startswith(("http:", "https:", "ws:", "wss:", "ftp:")), url
        if request.get("documentURL", "").startswith("file:"):
            assert url.startswith(("file:", "data:")), url


class Page:
    """A study page open in the browser, with the few actions the tests need."""

    def __init__(self, driver: Any, loopback: str, served: Path) -> None:
        self.driver = driver
        self.loopback = loopback
        self.served = served
        self.over_loopback = False

    def open(self, path: Path, mode: str = "glossary", *, over_loopback: bool = False) -> None:
        """Open ``path`` in ``mode`` (from file://, or from the loopback server to reload it
        later), with no progress stored for any deck."""
        self.over_loopback = over_loopback
        self.get(path)
        self.script("localStorage.clear()")
        self.go(mode)
        self.reload()

    def get(self, path: Path) -> None:
        """Load ``path`` from where :meth:`open` last loaded a page from."""
        if self.over_loopback:
            relative = path.resolve().relative_to(self.served.resolve())
            self.driver.get(f"{self.loopback}/{relative.as_posix()}")
        else:
            self.driver.get(path.resolve().as_uri())

    def reload(self) -> None:
        """Reload, and wait until the new document's script has run (not the old one's)."""
        self.script("window.beforeReload = true")
        self.driver.refresh()
        self.wait_until(
            "return !window.beforeReload && document.body.dataset.ready === 'yes'",
            "the reloaded page is ready",
        )

    def go(self, mode: str) -> None:
        """Choose a mode by clicking its link in the top bar (the page shows it on hashchange)."""
        self.one(f'nav a[data-mode="{mode}"]').click()
        self.wait_until(
            "return location.hash === '#' + arguments[0] && "
            "!document.getElementById(arguments[0]).hidden",
            f"the {mode} mode is shown",
            mode,
        )
        assert self.one(f"#{mode}").is_displayed()

    def wait_until(self, code: str, what: str, *args: Any) -> None:
        """Wait (up to 10 s) until ``code`` returns true in the page."""
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, 10).until(
            lambda driver: driver.execute_script(code, *args), what
        )

    def one(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def text(self, css: str) -> str:
        """The element's text as the DOM holds it (textContent, so hidden text counts too)."""
        return str(self.one(css).get_attribute("textContent"))

    def texts(self, css: str) -> list[str]:
        return [str(e.get_attribute("textContent")) for e in self.all(css)]

    def script(self, code: str, *args: Any) -> Any:
        return self.driver.execute_script(code, *args)

    def wait_script(self, code: str, *args: Any) -> Any:
        """Run ``code`` until it calls its last argument back with the result."""
        return self.driver.execute_async_script(code, *args)

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(*keys).perform()

    def stored(self) -> dict[str, Any]:
        """The page's local storage, each value parsed as JSON."""
        items = self.script("return Object.assign({}, localStorage)")
        return {key: json.loads(value) for key, value in items.items()}

    def screenshot(self, name: str) -> None:
        """Screenshots of what is on screen: light and night, phone and desktop."""
        SCREENSHOTS.mkdir(exist_ok=True)
        for scheme in ("light", "dark"):
            self.driver.execute_cdp_cmd(
                "Emulation.setEmulatedMedia",
                {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
            )
            for device, (width, height) in (("phone", PHONE), ("desktop", DESKTOP)):
                self.driver.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                )
                self.driver.save_screenshot(str(SCREENSHOTS / f"{name}-{scheme}-{device}.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed page exported through the whole pipeline, as a user would."""
    path = tmp_path_factory.mktemp("seed") / "llm.html"
    export_deck(SEED, path, deck="LLM Glossary")
    return path


@pytest.fixture(scope="module")
def seed_terms() -> list[Term]:
    """The seed's 71 entries, parsed by the test's own reading of the file."""
    return list(seed_glossary().terms)


@pytest.fixture(scope="module")
def by_definition(seed_terms: list[Term]) -> dict[str, Term]:
    return {term.definition: term for term in seed_terms}


def test_the_glossary_lists_all_71_terms_and_searches(page: Page, seed_page: Path) -> None:
    page.open(seed_page)
    expected = seed_glossary()
    assert page.texts("#entries .term") == [t.term for t in expected]
    assert page.texts("#entries .definition") == [t.definition for t in expected]
    assert set(page.texts("#entries .mastery")) == {"–"}
    assert page.text("#glossary-count") == "71 terms"
    page.one("#search").send_keys("LORA")
    shown = [e.text for e in page.all("#entries .entry .term") if e.is_displayed()]
    assert shown == [t.term for t in expected if "lora" in (t.term + t.definition).lower()]
    assert page.text("#glossary-count") == f"{len(shown)} of 71 terms"
    page.screenshot("glossary")


def test_a_long_glossary_grows_as_it_is_scrolled_and_searches_all_of_it(
    page: Page, tmp_path: Path
) -> None:
    glossary = glossary_of(*((f"Term {n:04}", f"Definition number {n}.") for n in range(700)))
    path = tmp_path / "long.html"
    _write(glossary, path, deck="Long")
    page.open(path)
    assert len(page.all(".entry")) == 300
    assert page.text("#glossary-more") == "Show 300 more (400 not shown)"
    assert page.wait_script(WHEN_SHOWN, ".entry", 700) == 700, "scrolling to the end shows the rest"
    assert not page.one("#glossary-more").is_displayed()
    page.one("#search").send_keys("number 699")
    assert page.texts(".entry .term") == ["Term 0699"]
    page.one("#search").clear()
    page.one("#search").send_keys(" ")  # an input event with an empty query: the first page
    assert len(page.all(".entry")) == 300
    page.script("window.dispatchEvent(new Event('beforeprint'))")
    assert len(page.all(".entry")) == 700, "printing prints every entry"


# Wait (up to 5 s) until the page has this many elements, and say how many it has.
WHEN_SHOWN = """
const [css, count, done] = arguments;
const start = performance.now();
const look = () => {
  window.scrollTo(0, document.body.scrollHeight);
  const found = document.querySelectorAll(css).length;
  if (found >= count || performance.now() - start > 5000) done(found);
  else requestAnimationFrame(look);
};
look();
"""


def test_the_glossary_prints_as_a_handout_from_any_mode(page: Page, seed_page: Path) -> None:
    page.open(seed_page)
    page.go("cards")
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert page.one("#glossary").is_displayed() and not page.one("#cards").is_displayed()
        assert not page.one("nav").is_displayed() and not page.one("#search").is_displayed()
        assert not page.one("#reset").is_displayed()
        style = page.script(
            "const list = getComputedStyle(document.getElementById('entries'));"
            "const entry = getComputedStyle(document.querySelector('.entry'));"
            "return [list.columnCount, entry.breakInside]"
        )
        assert style == ["2", "avoid"]
        assert len([e for e in page.all(".entry") if e.is_displayed()]) == 71
        SCREENSHOTS.mkdir(exist_ok=True)
        page.driver.save_screenshot(str(SCREENSHOTS / "print-desktop.png"))
    finally:
        page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_cards_flip_move_shuffle_and_start_from_the_definition(
    page: Page, seed_page: Path, seed_terms: list[Term]
) -> None:
    page.open(seed_page, "cards")
    first, second = seed_terms[0], seed_terms[1]
    assert page.text("#card .card-term") == first.term
    page.one("#card").click()
    assert page.text("#card .card-definition") == first.definition
    assert page.texts("#card .details dd") == [first.acronym]
    page.screenshot("cards-back")
    page.one("#cards-next").click()
    assert page.text("#card .card-term") == second.term
    page.keys("\ue012")  # arrow left
    assert page.text("#card .card-term") == first.term
    page.one("#cards-previous").click()
    assert page.text("#card .card-term") == seed_terms[-1].term
    assert page.text("#cards-position") == "71 / 71"
    page.one("#cards-definition-first").click()
    assert page.text("#card .card-definition") == seed_terms[-1].definition
    page.one("#card").send_keys(" ")  # Space flips the focused card
    assert page.text("#card .card-term") == seed_terms[-1].term
    page.one("#cards-definition-first").click()
    page.one("#cards-shuffle").click()
    seen = []
    for _ in range(71):
        seen.append(page.text("#card .card-term"))
        page.keys("\ue014")  # arrow right
    assert sorted(seen) == sorted(t.term for t in seed_terms)
    assert seen != [t.term for t in seed_terms]


def test_learn_brings_a_missed_term_back_and_ends_with_what_to_review(
    page: Page, seed_page: Path, by_definition: dict[str, Term]
) -> None:
    page.open(seed_page, "learn")
    missed = None
    asked = []
    for question in range(30):
        if page.all("#learn-summary"):
            break
        term = by_definition[page.text("#learn-body .prompt")]
        asked.append(term.term)
        choices = page.all("#learn-body .choice")
        assert len(choices) == 4
        names = [c.find_element("css selector", "[dir]").text for c in choices]
        assert names.count(term.term) == 1 and len(set(names)) == 4
        if question == 0:  # the first answer wrong, by mouse
            missed = term
            choices[next(i for i, n in enumerate(names) if n != term.term)].click()
            assert page.text("#learn-body .feedback") == f"Not quite: the answer is {term.term}."
            page.screenshot("learn-wrong")
        else:  # the rest right, by keyboard: digit keys pick, Enter continues
            page.keys(str(names.index(term.term) + 1))
            assert page.text("#learn-body .feedback") == "Correct."
        page.keys("\ue007")  # Enter on the focused Continue button
    assert missed is not None
    assert missed.term in asked[1:4], "a missed term comes back within the next three"
    assert page.text("#learn-summary") == "Round done: 9 of 10 right the first time."
    assert page.texts("#learn-body .review strong") == [missed.term]
    page.screenshot("learn-done")


def test_a_test_mixes_three_kinds_scores_and_lists_wrong_answers(
    page: Page, seed_page: Path, by_definition: dict[str, Term], seed_terms: list[Term]
) -> None:
    page.open(seed_page, "test")
    from selenium.webdriver.support.ui import Select

    Select(page.one("#test-size")).select_by_visible_text("10")
    page.one("#test-setup button").click()
    questions = page.all("#test-form fieldset")
    assert len(questions) == 10
    by_term = {t.term: t for t in seed_terms}
    written = 0
    expected_wrong = []
    kinds = set()
    for number, block in enumerate(questions, start=1):
        label = block.find_element("css selector", ".prompt-label").text
        prompt = block.find_element("css selector", ".prompt").text
        if label == "Which term is this?":
            kinds.add("choice")
            answer = by_definition[prompt].term
            option = [o for o in block.find_elements("css selector", ".option") if o.text == answer]
            option[0].click()
        elif label == "True or false?":
            kinds.add("truefalse")
            term = by_term[block.find_element("css selector", ".prompt-term").text]
            truth = "True" if prompt == term.definition else "False"
            options = block.find_elements("css selector", ".option")
            next(o for o in options if o.text == truth).click()
        else:
            kinds.add("written")
            name = by_definition[prompt].term
            box = block.find_element("css selector", "input")
            written += 1
            if written == 1:  # case, an article and spaces around: still right
                box.send_keys(f"  the {name.upper()}  ")
            elif written == 2:  # one letter dropped: a near miss, counted wrong
                box.send_keys(name[:2] + name[3:])
                expected_wrong.append((number, "near"))
            elif written == 3:
                box.send_keys("no idea")
                expected_wrong.append((number, "wrong"))
            else:
                box.send_keys(name)
    assert kinds == {"choice", "truefalse", "written"} and written >= 3
    page.screenshot("test-questions")
    page.one('#test-form button[type="submit"]').click()
    assert page.text("#test-score") == "Score: 8 of 10 (80%)"
    wrong = page.all("#test-result .review li")
    assert [w.text.split(":")[0] for w in wrong] == [f"Question {n}" for n, _ in expected_wrong]
    assert "near miss" in wrong[0].text and "near miss" not in wrong[1].text
    assert "you answered no idea; the answer is" in wrong[1].text
    page.screenshot("test-score")


def test_matching_pairs_every_tile_and_keeps_the_best_time(
    page: Page, seed_page: Path, by_definition: dict[str, Term]
) -> None:
    page.open(seed_page, "matching", over_loopback=True)
    assert page.text("#matching-best") == ""
    tiles = page.all("#matching-grid .tile")
    assert len(tiles) == 12
    definitions = {t.text: t for t in tiles if "definition" in t.get_attribute("class")}
    terms = {t.text: t for t in tiles if "term" in t.get_attribute("class").split()}
    pairs = {by_definition[text].term: tile for text, tile in definitions.items()}
    # A wrong pair first: both stay.
    first, other = list(terms)[:2]
    terms[first].click()
    pairs[other].click()
    assert page.text("#matching-status") == "Not a pair: try again."
    page.screenshot("matching")
    for name, tile in terms.items():
        tile.click()
        pairs[name].click()
    assert page.text("#matching-status").startswith("All matched in ")
    best = page.text("#matching-best")
    assert best.startswith("Best: ") and best.endswith(" s")
    page.reload()
    assert page.text("#matching-best") == best


def test_spaced_review_moves_cards_between_boxes_and_runs_out_for_the_day(
    page: Page, seed_page: Path, seed_terms: list[Term]
) -> None:
    page.open(seed_page, "spaced", over_loopback=True)
    assert page.text("#spaced-boxes") == (
        "New: 71 · Box 1: 0 · Box 2: 0 · Box 3: 0 · Box 4: 0 · Box 5: 0 · Due now: 10"
    )
    assert page.text("#spaced-body .card-term") == seed_terms[0].term
    page.one("#spaced-body button.primary").click()  # show the definition
    assert page.text("#spaced-body .card-definition") == seed_terms[0].definition
    page.screenshot("spaced")
    buttons = page.all("#spaced-body .controls button")
    assert [b.text for b in buttons] == ["I knew it", "Not yet"]
    buttons[1].click()  # missed: box 1, and again before the day is over
    assert "Box 1: 1" in page.text("#spaced-boxes")
    for _ in range(10):  # the other nine, then the missed one again: all known
        page.keys("\ue007")  # Enter shows the definition
        page.keys("\ue007")  # Enter on "I knew it"
    assert page.text("#spaced-done") == "Nothing more is due today. Come back tomorrow."
    assert page.text("#spaced-boxes").startswith("New: 61 · Box 1: 9 · Box 2: 1 ·")
    page.reload()
    assert page.text("#spaced-done").startswith("Nothing more is due today")
    assert page.text("#spaced-body .muted") == "Next review in 1 day."


def test_progress_is_kept_per_note_guid_and_per_deck(
    page: Page, seed_page: Path, tmp_path: Path, by_definition: dict[str, Term]
) -> None:
    page.open(seed_page, "learn", over_loopback=True)
    for _ in range(3):  # three right answers
        term = by_definition[page.text("#learn-body .prompt")]
        names = [c.find_element("css selector", "[dir]").text for c in page.all(".choice")]
        page.all("#learn-body .choice")[names.index(term.term)].click()
        page.one("#learn-continue").click()
    page.reload()
    page.go("glossary")
    mastery = dict(zip(page.texts(".entry .term"), page.texts(".entry .mastery"), strict=True))
    studied = {name: shown for name, shown in mastery.items() if shown != "–"}
    assert len(studied) == 3 and set(studied.values()) == {"34%"}
    [(key, saved)] = page.stored().items()
    assert key == "glossary-export:llm glossary"

    # The note identities are the Anki export's: the GUIDs Anki reads from the .apkg.
    from support_anki import fresh_collection, import_package, notes

    export_deck(SEED, tmp_path / "llm.apkg", deck="LLM Glossary")
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "llm.apkg")
        guids = {note.fields[0]: note.guid for note in notes(col)}
    assert set(saved["terms"]) == {guids[name] for name in studied}

    # Re-exported with one studied definition changed: that term keeps its progress.
    changed = next(iter(studied))
    glossary = seed_glossary()
    terms = tuple(
        dataclasses.replace(t, definition="A new definition.") if t.term == changed else t
        for t in glossary.terms
    )
    again = tmp_path / "again.html"
    _write(dataclasses.replace(glossary, terms=terms), again, deck="LLM Glossary")
    page.get(again)
    assert page.text(".entry .mastery") == mastery[page.text(".entry .term")]
    assert dict(zip(page.texts(".entry .term"), page.texts(".entry .mastery"), strict=True)) == (
        mastery
    )
    # Another deck's page shares nothing.
    other = tmp_path / "other.html"
    export_deck(SEED, other, deck="Another deck")
    page.get(other)
    assert set(page.texts(".entry .mastery")) == {"–"}
    # Reset, back on the first page.
    page.get(seed_page)
    page.one("#reset").click()
    page.one("#reset-confirm").click()
    assert set(page.texts(".entry .mastery")) == {"–"}
    assert "glossary-export:llm glossary" not in page.stored()


HOSTILE = (
    ("<script>window.pwned = 1</script>", "A term that is a script element."),
    ("Image", '<img src=x onerror="window.pwned = 2">'),
    ("Closer", "</script><script>window.pwned = 3</script><!-- and a comment"),
    ("Right to left", "\u202eevil\u202c mark, <b>not bold</b> & &amp;"),
    ("نموذج لغوي", "شبكة عصبية تولد النصوص"),  # Arabic
    ("מודל שפה", "רשת עצבית שמייצרת טקסט"),  # Hebrew
    ("大型语言模型", "一种在大量文本上训练的神经网络，用于理解和生成人类语言。" * 3),
    ("Long", "word " * 200 + "a" * 300),
)


def test_hostile_text_shows_literally_and_runs_nothing(page: Page, tmp_path: Path) -> None:
    glossary = glossary_of(*HOSTILE)
    terms = list(glossary.terms)
    terms[0] = dataclasses.replace(
        terms[0], extras=(("Part of speech", "noun"), ("Example", "<i>x</i>"))
    )
    path = tmp_path / "hostile.html"
    _write(dataclasses.replace(glossary, terms=tuple(terms)), path, deck="Hostile")
    page.open(path)
    assert page.script("return window.pwned") is None
    assert page.all("img") == [] and len(page.all("script")) == 2
    assert page.all("#entries b, #entries i") == []
    assert page.texts("#entries .term") == [t for t, _ in HOSTILE]
    assert page.texts("#entries .definition") == [d for _, d in HOSTILE]
    assert page.texts("#entries .entry:first-child dd") == ["noun", "<i>x</i>"]
    directions = page.script(
        "return [...document.querySelectorAll('#entries .entry')].map(e => "
        "[e, e.querySelector('.term'), e.querySelector('.definition')]"
        ".map(part => getComputedStyle(part).direction).join())"
    )
    assert directions == ["ltr,ltr,ltr"] * 4 + ["rtl,rtl,rtl"] * 2 + ["ltr,ltr,ltr"] * 2
    width = page.script("return document.documentElement.scrollWidth")
    assert width <= page.script("return window.innerWidth"), "long text wraps"
    page.screenshot("hostile")
    page.go("cards")
    page.one("#card").click()
    assert page.texts("#card dt") == ["Part of speech", "Example"]
    assert page.texts("#card dd") == ["noun", "<i>x</i>"]
    for mode in ("learn", "test", "matching", "spaced"):
        page.go(mode)
    assert page.script("return window.pwned") is None


def test_html_sources_keep_only_formatting_tags(page: Page, tmp_path: Path) -> None:
    glossary = glossary_of(
        ("<b>Bold</b> term", 'Has <i>italics</i><img src=x onerror="window.pwned=1">'),
        ("Link", '<a href="javascript:window.pwned=2" onclick="window.pwned=3">a link</a>'),
        ("Script", "before<script>window.pwned=4</script> after<br>next line"),
    )
    path = tmp_path / "html.html"
    _write(glossary, path, deck="HTML", html=True)
    page.open(path)
    assert page.texts("#entries .term") == ["Bold term", "Link", "Script"]
    assert page.texts("#entries .definition") == ["Has italics", "a link", "before afternext line"]
    assert page.texts("#entries b") == ["Bold"] and page.texts("#entries i") == ["italics"]
    assert page.all("#entries a, #entries img, #entries [onclick], #entries [href]") == []
    assert len(page.all("#entries br")) == 1
    page.all("#entries .definition")[1].click()
    assert page.script("return window.pwned") is None


def test_written_answers_forgive_case_accents_articles_and_spaces(
    page: Page, tmp_path: Path
) -> None:
    path = tmp_path / "one.html"
    _write(glossary_of(("L'École normale", "A school in Paris.")), path, deck="One term")
    for typed, score in (
        ("  ECOLE NORMALE ", "Score: 1 of 1 (100%)"),
        ("l'école normale", "Score: 1 of 1 (100%)"),
        ("ecole normal", "Score: 0 of 1 (0%)"),
    ):
        page.open(path, "test")
        page.one("#test-setup button").click()
        page.one("#test-form input").send_keys(typed)
        page.one("#test-form input").send_keys("\ue007")  # Enter submits the form
        assert page.text("#test-score") == score
    assert page.text("#test-result .review li") == (
        "Question 1: near miss — you answered ecole normal; the answer is L'École normale."
    )


def test_keyboard_focus_is_visible_and_text_has_aa_contrast(page: Page, seed_page: Path) -> None:
    page.open(seed_page, "cards")
    page.one("#cards-shuffle").click()
    page.keys("\ue004")  # Tab to the card
    outline = page.script(
        "const s = getComputedStyle(document.activeElement);"
        "return [document.activeElement.id, s.outlineStyle, s.outlineWidth]"
    )
    assert outline == ["card", "solid", "3px"]
    for scheme in ("light", "dark"):
        page.driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
        )
        ratios = page.script(CONTRAST)
        low = {what: ratio for what, ratio in ratios.items() if ratio < 4.5}
        assert low == {}, scheme
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


# The contrast ratio of WCAG 2 between each kind of text and what is behind it.
CONTRAST = """
const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05); };
const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
  if (!c.startsWith("rgba(0, 0, 0, 0)")) return c; } return "rgb(255, 255, 255)"; };
const out = {};
for (const [what, css] of Object.entries({ text: "#card .card-term", muted: "#cards-hint",
    nav: "nav a:not([aria-current])", current: "nav a[aria-current]", button: "#cards-next",
    footer: "#deck-exported" })) {
  const e = document.querySelector(css);
  out[what] = ratio(getComputedStyle(e).color, bg(e));
}
return out;
"""


def _write(glossary: Glossary, path: Path, **options: Any) -> None:
    export(glossary, path, "html", **options)
