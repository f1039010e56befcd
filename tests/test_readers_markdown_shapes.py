"""Markdown shapes people publish that once gave exit 0 and a wrong deck: Obsidian wiki-links,
task lists, tags and callouts, heading ids, abbreviations, footnote markers, HTML blocks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary_export.cli import cli
from glossary_export.export import load_glossary
from support_readers import pairs


def read_md(tmp_path: Path, text: str, name: str = "g.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return pairs(load_glossary(path))


def test_wiki_links_are_their_shown_text_in_terms_and_definitions(tmp_path: Path) -> None:
    text = (
        "# Glossary\n\n"
        "- [[Osmosis]]: water moving; compare [[Diffusion]] and [[Cell membrane|membranes]]\n"
        "- [[Cell membrane|Membrane]]: the barrier around a cell\n"
        "- **[[Enzyme]]**: a catalyst, see `[[not a link]]`\n"
    )
    assert read_md(tmp_path, text) == [
        ("Osmosis", "water moving; compare Diffusion and membranes"),
        ("Membrane", "the barrier around a cell"),
        ("Enzyme", "a catalyst, see [[not a link]]"),
    ]


def test_task_list_boxes_are_not_part_of_the_term(tmp_path: Path) -> None:
    text = (
        "# To learn\n\n- [x] Osmosis: movement of water\n- [ ] Diffusion: spreading\n"
        "* [X] **Mitosis**: cell division\n1. [ ] Meiosis: makes gametes\n"
    )
    assert read_md(tmp_path, text) == [
        ("Osmosis", "movement of water"),
        ("Diffusion", "spreading"),
        ("Mitosis", "cell division"),
        ("Meiosis", "makes gametes"),
    ]


def test_a_box_that_is_the_term_itself_stays(tmp_path: Path) -> None:
    # Only a box right after a bullet is a task: "[x]" in the middle of a term is text.
    assert read_md(tmp_path, "- Flag [x]: a marked box\n- Other: y\n") == [
        ("Flag [x]", "a marked box"),
        ("Other", "y"),
    ]


def test_heading_ids_and_attributes_are_not_the_term(tmp_path: Path) -> None:
    text = (
        "# API glossary {#top}\n\n## Endpoint {#endpoint}\n\nA URL.\n\n"
        "## Payload {#payload .term}\n\nThe data sent.\n\n"
        "Token {: #token}\n-----\n\nA secret.\n\n## Set {a, b}\n\nBraces of the term.\n"
    )
    glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("Endpoint", "A URL."),
        ("Payload", "The data sent."),
        ("Token", "A secret."),
        ("Set {a, b}", "Braces of the term."),
    ]
    assert glossary.title == "API glossary"


def test_mkdocs_abbreviations_are_entries(tmp_path: Path) -> None:
    text = (
        "*[HTML]: Hyper Text Markup Language\n*[W3C]: World Wide Web Consortium\n"
        "*[CSS]:Cascading Style Sheets\n"
    )
    assert read_md(tmp_path, text) == [
        ("HTML", "Hyper Text Markup Language"),
        ("W3C", "World Wide Web Consortium"),
        ("CSS", "Cascading Style Sheets"),
    ]


def test_abbreviations_below_a_glossary_are_entries_too(tmp_path: Path) -> None:
    text = "# Web\n\n**Browser**: shows pages\n\n*[HTML]: Hyper Text Markup Language\n"
    assert read_md(tmp_path, text) == [
        ("Browser", "shows pages"),
        ("HTML", "Hyper Text Markup Language"),
    ]


def test_a_single_bullet_under_a_term_is_its_definition(tmp_path: Path) -> None:
    text = (
        "# Statistics\n\n**Mean**\n- the sum divided by the count\n\n**Median**\n"
        "- the middle value\n  of the sorted data\n\n**Range**\n- largest minus smallest\n"
        "- always positive\n"
    )
    assert read_md(tmp_path, text) == [
        ("Mean", "the sum divided by the count"),
        ("Median", "the middle value of the sorted data"),
        ("Range", "- largest minus smallest\n- always positive"),
    ]
    headings = "# Stats\n\n## Mode\n\n* the most common value\n\n## Mean\n\n- the average\n"
    assert read_md(tmp_path, headings) == [
        ("Mode", "the most common value"),
        ("Mean", "the average"),
    ]


def test_obsidian_tag_lines_are_the_terms_tags(tmp_path: Path) -> None:
    text = (
        "#physics #revision\n\n# Physics\n\n## Velocity\n#kinematics\nSpeed in a direction.\n\n"
        "## Force\n#dynamics #exam/y11\nA push or a pull.\n\n## Number\n#1 on the list.\n"
    )
    glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("Velocity", "Speed in a direction."),
        ("Force", "A push or a pull."),
        ("Number", "#1 on the list."),
    ]
    assert [term.tags for term in glossary] == [("kinematics",), ("dynamics", "exam/y11"), ()]
    assert glossary.title == "Physics"


def test_footnote_markers_are_dropped_and_footnotes_reported(tmp_path: Path) -> None:
    text = (
        "# Economics\n\n**Inflation**: a general rise in prices.[^1]\n"
        "**Deflation**: a fall [^note] in prices.\n\n[^1]: Source: Bank of England.\n"
    )
    with pytest.warns(UserWarning, match=r"g\.md:6: this line was not read .*\(footnote\)"):
        assert read_md(tmp_path, text) == [
            ("Inflation", "a general rise in prices."),
            ("Deflation", "a fall in prices."),
        ]


def test_obsidian_shapes_through_the_cli(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "# Bio\n\n## [[Osmosis]] {#osmosis}\n#cells\nWater moving.[^1]\n\n"
        "## Diffusion\n- [[Particle|particles]] spreading\n",
    )
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[:2] for row in rows[1:]] == [
        ["Osmosis", "Water moving."],
        ["Diffusion", "particles spreading"],
    ]


def _write(tmp_path: Path, text: str, name: str = "g.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


SPHINX = """\
.. _glossary:

========
Glossary
========

Words used in these docs,
in one place.

More about them below.

.. glossary::
   :sorted:

   API
   Application interface : abbreviation
      A way for programs to talk to each other; see :term:`Endpoint`
      and ``GET /``.

      Usually over HTTP (`RFC 9110 <https://www.rfc-editor.org/rfc/rfc9110>`_).

   Endpoint
      A URL where a **service** can be reached.

Last updated in 2026.
"""


def test_a_sphinx_glossary_reads_exactly(tmp_path: Path) -> None:
    source = _write(tmp_path, SPHINX, "glossary.rst")
    with pytest.warns(UserWarning, match=r"glossary\.rst:25: this line was not read"):
        glossary = load_glossary(source, "markdown")
    both = (
        "A way for programs to talk to each other; see Endpoint and GET /.\n"
        "Usually over HTTP (RFC 9110)."
    )
    assert pairs(glossary) == [
        ("API", both),
        ("Application interface", both),
        ("Endpoint", "A URL where a service can be reached."),
    ]
    assert [term.line for term in glossary] == [15, 16, 22]
    assert glossary.title == "Glossary"
    assert glossary.description == "Words used in these docs, in one place."
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert [roles[n] for n in (1, 3, 4, 5, 10, 12, 13)] == [
        "reStructuredText markup",
        "title underline",
        "title",
        "title underline",
        "description",
        "glossary directive",
        "glossary option",
    ]


def test_a_glossary_directive_in_a_txt_file_read_as_markdown(tmp_path: Path) -> None:
    text = "Terms\n-----\n\n.. glossary::\n\n  Osmosis\n    movement of water\n"
    glossary = load_glossary(_write(tmp_path, text, "notes.txt"), "markdown")
    assert pairs(glossary) == [("Osmosis", "movement of water")]
    assert glossary.title == "Terms"


def test_the_rst_reader_function(tmp_path: Path) -> None:
    # The function the "rst" entry of READERS names, for .rst files by their suffix.
    from glossary_export.readers import ReadOptions
    from glossary_export.readers.markdown import read_rst

    glossary = read_rst(
        ".. glossary::\n\n   A\n      first\n   B\n      second\n", "g.rst", ReadOptions()
    )
    assert pairs(glossary) == [("A", "first"), ("B", "second")]


def test_rst_without_a_glossary_directive_is_refused(tmp_path: Path) -> None:
    source = _write(tmp_path, "Title\n=====\n\nterm\n   a definition list\n", "notes.rst")
    result = CliRunner().invoke(cli, ["export", str(source), "--from", "markdown", "-o", "x.csv"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {source}: this is reStructuredText, not Markdown, and it holds no Sphinx "
        "'.. glossary::' directive (the one shape read from it); convert it to Markdown "
        "(pandoc -f rst -t gfm) or to CSV\n"
    )
    assert not (tmp_path / "x.csv").exists()
