"""The study page at scale: time to interactive of a 10,000-term page against a plain HTML table.

Both files hold the same terms; both are opened from file:// in the same headless Chromium, in
turns, several times. "Interactive" is the first moment after the load event when a frame has
been drawn and the main thread is free again (a requestAnimationFrame, then a task): what a user
waits for before the page answers a click. Then every mode of the study page is opened and used
once, timed the same way, to show that none freezes the page.

    python benchmarks/study_page_scale.py [--terms 10000] [--runs 5]

Needs Debian's chromium and chromium-driver, and selenium (the test extra).
"""

from __future__ import annotations

import argparse
import html
import random
import statistics
import tempfile
from pathlib import Path
from typing import Any

from glossary_export import export_deck

WORDS = (
    "model token layer weight gradient loss batch epoch adapter prompt context window "
    "attention embedding vector decoder encoder quantised sparse dense expert router "
    "benchmark dataset label bias safety alignment reward policy sample latency memory"
).split()

# Time from navigation start to the first drawn frame after load, main thread free.
INTERACTIVE = """
const done = arguments[arguments.length - 1];
const settle = () => requestAnimationFrame(() => setTimeout(() => done(performance.now())));
if (document.readyState === "complete") settle(); else addEventListener("load", settle);
"""

# Run an action, then wait for the frame after it: how long the page was busy.
TIMED = """
const done = arguments[arguments.length - 1];
const start = performance.now();
(new Function(arguments[0]))();
requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
"""

ACTIONS = {
    "glossary: search": "const s = document.getElementById('search'); s.value = 'gradient';"
    "s.dispatchEvent(new Event('input'))",
    "glossary: clear search": "const s = document.getElementById('search'); s.value = '';"
    "s.dispatchEvent(new Event('input'))",
    "cards: open": "location.hash = 'cards'",
    "cards: flip": "document.getElementById('card').click()",
    "cards: shuffle": "document.getElementById('cards-shuffle').click()",
    "learn: open": "location.hash = 'learn'",
    "learn: answer": "document.querySelector('#learn-body .choice').click()",
    "learn: next question": "document.getElementById('learn-continue').click()",
    "test: open": "location.hash = 'test'",
    "test: start 100 questions": "const s = document.getElementById('test-size');"
    "s.value = s.options[s.options.length - 1].value;"
    "document.querySelector('#test-setup button').click()",
    "test: finish": "document.querySelector('#test-form button[type=submit]').click()",
    "matching: open": "location.hash = 'matching'",
    "matching: new game": "document.getElementById('matching-start').click()",
    "spaced: open": "location.hash = 'spaced'",
    "spaced: show definition": "document.querySelector('#spaced-body button.primary').click()",
    "spaced: knew it": "document.querySelector('#spaced-body .controls button').click()",
    "glossary: back, mastery refreshed": "location.hash = 'glossary'",
}


def terms(count: int) -> list[tuple[str, str]]:
    rng = random.Random(16)
    rows = []
    for n in range(count):
        name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {n}"
        definition = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + "."
        rows.append((name, definition.capitalize()))
    return rows


def plain_table(rows: list[tuple[str, str]], path: Path) -> None:
    body = "".join(
        f"<tr><td>{html.escape(t)}</td><td>{html.escape(d)}</td></tr>\n" for t, d in rows
    )
    path.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Table</title></head>'
        f"<body><table><tr><th>Term</th><th>Definition</th></tr>\n{body}</table></body></html>",
        encoding="utf-8",
    )


def browser(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,860",
    ):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = terms(args.terms)
        page, table = Path(folder) / "study.html", Path(folder) / "table.html"
        export_deck(rows, page, deck="Scale")
        plain_table(rows, table)
        driver = browser(str(Path(folder) / "profile"))
        driver.set_script_timeout(120)
        try:
            times: dict[Path, list[float]] = {page: [], table: []}
            for _ in range(args.runs):
                for path in (table, page):
                    driver.get(path.as_uri())
                    times[path].append(driver.execute_async_script(INTERACTIVE))
            study, plain = statistics.median(times[page]), statistics.median(times[table])
            print(f"{args.terms} terms, median of {args.runs} loads, same browser, same run:")
            print(f"  plain HTML table   {plain:8.0f} ms  ({table.stat().st_size:,} bytes)")
            print(f"  study page         {study:8.0f} ms  ({page.stat().st_size:,} bytes)")
            print(f"  ratio              {study / plain:8.2f}x")
            print("Each mode used once (ms until the next frame):")
            driver.get(page.as_uri())
            driver.execute_script("localStorage.clear()")
            driver.refresh()
            driver.execute_async_script(INTERACTIVE)
            for name, action in ACTIONS.items():
                print(f"  {name:<34} {driver.execute_async_script(TIMED, action):8.0f}")
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            print(f"console errors: {len(errors)}", *errors, sep="\n  ")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
