"""The study page as a file: one self-contained page, inert data, reproducible bytes, its size.

What the page does in a browser is tested in test_study_page.py; here, what its bytes promise.
"""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glossary_export import export_deck
from support_export import export
from support_seed import SEED, glossary_of, seed_glossary


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parsed(path: Path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_the_page_holds_the_seeds_71_terms_as_json(tmp_path: Path) -> None:
    path = tmp_path / "llm.html"
    export_deck(SEED, path)
    data = json.loads(_parsed(path).scripts[0])
    expected = seed_glossary()
    assert [(t[1], t[2], t[3]) for t in data["terms"]] == [
        (t.term, t.definition, t.acronym) for t in expected
    ]
    assert data["description"] == expected.description


def test_nothing_is_loaded_from_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "llm.html"
    export_deck(SEED, path)
    parsed = _parsed(path)
    loading = [  # any address but a link to a place on the page itself
        (tag, name, value)
        for tag, attributes in parsed.tags
        for name, value in attributes.items()
        if name in ("src", "href", "srcset", "action", "data", "poster")
        and not (value or "").startswith("#")
    ]
    assert loading == []
    assert [tag for tag, _ in parsed.tags if tag in ("link", "iframe", "img", "object")] == []
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"https?:|@import|url\(", text)
    assert "default-src 'none'" in text  # and the browser is told to refuse any load


def test_no_term_can_close_the_data_or_open_a_comment(tmp_path: Path) -> None:
    hostile = "</script><script>alert(1)</script><!-- <script> </SCRIPT >"
    path = tmp_path / "hostile.html"
    export_deck(_source(tmp_path, [(hostile, hostile)]), path)
    parsed = _parsed(path)
    assert [tag for tag, _ in parsed.tags].count("script") == 2
    [data, _script] = parsed.scripts
    assert "<" not in data
    assert json.loads(data)["terms"][0][1:3] == [hostile, hostile]


def test_rebuilds_are_byte_identical_under_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    source = tmp_path / "page.txt"
    source.write_bytes(SEED.read_bytes())
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    export_deck(source, first)
    os.utime(source, (0, 0))  # the source's time would be the date without the variable
    export_deck(source, second)
    assert first.read_bytes() == second.read_bytes()
    assert 'exported":"2026-01-01"' in first.read_text(encoding="utf-8")


def test_the_page_is_under_200_kb_plus_the_glossarys_text(tmp_path: Path) -> None:
    path = tmp_path / "llm.html"
    export_deck(SEED, path)
    text = sum(len(f"{t.term}{t.definition}{t.acronym}".encode()) for t in seed_glossary())
    assert path.stat().st_size - text < 200_000


def test_out_dir_writes_the_study_page_and_formats_lists_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from glossary_export.cli import cli

    report = export_deck(SEED, out_dir=tmp_path / "out")
    assert [(f.path.name, f.format) for f in report.files][-1] == (f"{SEED.stem}.html", "html")
    listing = CliRunner().invoke(cli, ["formats"]).output
    assert re.search(r"^  html +\.html \.htm +Study page", listing, re.MULTILINE)


def _source(folder: Path, pairs: list[tuple[str, str]]) -> Path:
    """A CSV source of (term, definition) rows, quoted by the csv module."""
    import csv

    path = folder / "source.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Term", "Definition"])
        writer.writerows(pairs)
    return path


def test_an_empty_extra_list_and_extras_both_reach_the_page(tmp_path: Path) -> None:
    import dataclasses

    glossary = glossary_of(("noun", "a word for a thing"), ("verb", "a word for doing"))
    first = dataclasses.replace(glossary.terms[0], extras=(("Example", "table"),))
    glossary = dataclasses.replace(glossary, terms=(first, glossary.terms[1]))
    path = tmp_path / "extras.html"
    export(glossary, path, "html", deck="Words")
    terms = json.loads(_parsed(path).scripts[0])["terms"]
    assert [t[4] for t in terms] == [[["Example", "table"]], []]


def test_a_deck_name_cannot_close_the_title(tmp_path: Path) -> None:
    name = "</title><script>alert(1)</script> & co"
    path = tmp_path / "deck.html"
    export(glossary_of(("a", "b")), path, "html", deck=name)
    parsed = _parsed(path)
    assert [tag for tag, _ in parsed.tags].count("script") == 2
    title = re.search(r"<title>(.*)</title>", path.read_text(encoding="utf-8"))
    assert title is not None and html.unescape(title[1]) == name
