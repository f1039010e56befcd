"""Markdown shapes people publish that once gave exit 0 and a wrong deck: Obsidian wiki-links,
task lists, tags and callouts, heading ids, abbreviations, footnote markers, HTML blocks."""

from __future__ import annotations

import csv
import warnings
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
        "[^note]: In 2009.\n"
    )
    with pytest.warns(
        UserWarning, match=r"g\.md:6: this line was not read .*\(footnote\) \(and 1 more\)"
    ):
        assert read_md(tmp_path, text) == [
            ("Inflation", "a general rise in prices."),
            ("Deflation", "a fall in prices."),
        ]


def test_obsidian_shapes_through_the_cli(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "# Bio\n\n## [[Osmosis]] {#osmosis}\n#cells\nWater moving.[^1]\n\n"
        "## Diffusion\n- [[Particle|particles]] spreading\n\n[^1]: A textbook.\n",
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


def test_an_rst_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    source = _write(tmp_path, ".. glossary::\n\n   A\n      first\n   B\n      second\n", "g.rst")
    glossary = load_glossary(source)
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


CALLOUTS = """\
# Cell biology

> [!note] Osmosis
> The movement of water
> across a membrane.
>
> It needs no energy.
> - a bullet of it

> [!tip]- Active *transport*
> Movement against a gradient.

> [!NOTE]
> This page is a draft.

> [!abstract] Organelles
> - **Nucleus**: controls the cell
> - **Ribosome**: makes proteins
"""


def test_obsidian_callouts_are_entries(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match=r"g\.md:13: .*\(callout without a title\) \(and 1 more\)"):
        glossary = load_glossary(_write(tmp_path, CALLOUTS))
    assert pairs(glossary) == [
        (
            "Osmosis",
            "The movement of water across a membrane.\nIt needs no energy.\n- a bullet of it",
        ),
        ("Active transport", "Movement against a gradient."),
        ("Nucleus", "controls the cell"),
        ("Ribosome", "makes proteins"),
    ]
    assert [term.line for term in glossary] == [3, 10, 17, 18]
    assert glossary.title == "Cell biology"


def test_a_plain_quote_is_still_no_entry(tmp_path: Path) -> None:
    text = "**Alpha**: first\n\n> A quote about [!important] things.\n\n**Beta**: second\n"
    with pytest.warns(UserWarning, match=r"g\.md:3: .*\(quote between entries\)"):
        assert read_md(tmp_path, text) == [("Alpha", "first"), ("Beta", "second")]


DETAILS = """\
# Chemistry terms

Terms from the course.

<details>
<summary>Catalyst</summary>

A substance that speeds up a reaction.

- not used up
- lowers the activation energy

</details>

<details><summary><b>Isomer</b></summary>Same formula, different structure.</details>

<details open>
  <summary>Mole &amp; mass</summary>
  6.022e23 particles.
</details>
"""


def test_details_blocks_are_entries(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path, DETAILS))
    assert pairs(glossary) == [
        (
            "Catalyst",
            "A substance that speeds up a reaction.\n- not used up\n- lowers the activation energy",
        ),
        ("Isomer", "Same formula, different structure."),
        ("Mole & mass", "6.022e23 particles."),
    ]
    assert [term.line for term in glossary] == [6, 15, 18]
    assert glossary.title == "Chemistry terms"
    assert glossary.description == "Terms from the course."
    assert not any(reading.finding for reading in glossary.lines)


DEFINITION_LIST = """\
# Networking

<dl>
  <dt>Latency</dt>
  <dd>The delay before data
  starts to arrive.</dd>
  <dt>Ping<dt>RTT
  <dd>The time of a round trip.
  <dd><p>Measured in ms.</p>
</dl>

Between the lists.

<DL><dt>Jitter</dt><dd>Variation in <code>latency</code>.</dd></DL>
"""


def test_html_definition_lists_in_markdown_are_entries(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match=r"g\.md:12: .*\(paragraph between entries\)"):
        glossary = load_glossary(_write(tmp_path, DEFINITION_LIST))
    round_trip = "The time of a round trip.\nMeasured in ms."
    assert pairs(glossary) == [
        ("Latency", "The delay before data starts to arrive."),
        ("Ping", round_trip),
        ("RTT", round_trip),
        ("Jitter", "Variation in latency."),
    ]
    assert [term.line for term in glossary] == [4, 7, 7, 14]
    assert glossary.title == "Networking"
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert [roles[n] for n in range(3, 11)] == [
        "HTML",
        "term",
        "definition",
        "definition",
        "term",
        "definition",
        "definition",
        "HTML",
    ]


def test_text_loose_in_a_definition_list_is_reported(tmp_path: Path) -> None:
    text = "<dl>\n<dt>A</dt><dd>first</dd>\nstray words\n<dt>B</dt><dd>second</dd>\n</dl>\n"
    with pytest.warns(UserWarning, match=r"g\.md:3: .*\(text outside <dt> and <dd>\)"):
        assert read_md(tmp_path, text) == [("A", "first"), ("B", "second")]


def test_html_shapes_through_the_cli(tmp_path: Path) -> None:
    source = _write(tmp_path, DETAILS + "\n" + DEFINITION_LIST.replace("# Networking\n", ""))
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8-sig", newline="") as handle:
        terms = [row[0] for row in list(csv.reader(handle))[1:]]
    assert terms == ["Catalyst", "Isomer", "Mole & mass", "Latency", "Ping", "RTT", "Jitter"]


PAGE = """\
<!DOCTYPE html>
<html><head><title>Biology glossary</title>
<style>dt { font-weight: bold }</style><script>var x = "<dt>no</dt>";</script></head>
<body><nav>Home | About</nav><h1>Glossary</h1>
<dl><dt>Osmosis</dt><dd>movement of water across a membrane</dd><dt>Diffusion</dt>
<dd>spreading of <em>particles</em> &ndash; fast</dd></dl>
<details><summary>Mitosis</summary><p>cell division</p></details>
</body></html>
"""


def test_an_html_page_reads_its_definition_lists(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_bytes(PAGE.replace("\n", "\r\n").encode())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the <nav> line is furniture, read as such: no warning
        glossary = load_glossary(source)
    assert {reading.line: reading.role for reading in glossary.lines}[4] == (
        "page navigation, header or footer"
    )
    assert pairs(glossary) == [
        ("Osmosis", "movement of water across a membrane"),
        ("Diffusion", "spreading of particles – fast"),
        ("Mitosis", "cell division"),
    ]
    assert [term.line for term in glossary] == [5, 5, 7]
    assert glossary.title == "Biology glossary"


def test_an_html_page_without_a_definition_list_is_refused() -> None:
    from glossary_export.errors import SourceError
    from glossary_export.readers import ReadOptions
    from glossary_export.readers.markdown import read_html

    with pytest.raises(SourceError) as raised:
        read_html(
            "<html><body><p>Osmosis: water</p><table><tr><td>Home</td><td>About</td></tr>"
            "</table></body></html>",
            "p.html",
            ReadOptions(),
        )
    assert str(raised.value) == (
        "p.html: this HTML page holds no definition list (<dl> with <dt> and <dd>), <details> "
        "block or table with a header row, the shapes read from HTML; copy the glossary's text "
        "into a .txt file"
    )


def test_a_marker_without_its_footnote_is_text(tmp_path: Path) -> None:
    text = "- Negated class: [^abc] matches any other character\n- Class: [abc]\n"
    assert read_md(tmp_path, text) == [
        ("Negated class", "[^abc] matches any other character"),
        ("Class", "[abc]"),
    ]


HTML_TABLES = """\
# Vocabulary

<table>
  <thead>
    <tr><th>Word</th><th>Meaning</th><th>Notes</th></tr>
  </thead>
  <tr>
    <td><b>der Hund</b></td>
    <td>the dog</td>
    <td>masculine</td>
  </tr>
  <tr><td>die Katze</td><td>the cat<br>a pet</td><td></td></tr>
</table>

<table>
<tr><td>Term</td><td>Definition</td></tr>
<tr><td>Osmosis</td><td>water moving: <dl><dt>in</dt><dd>cells</dd></dl></td></tr>
</table>

<TABLE><tr><td>gato</td><td>cat</td></tr><tr><td>perro</td><td>dog</td></tr></TABLE>
"""


def test_html_tables_in_markdown_are_read_as_tables(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path, HTML_TABLES))
    assert pairs(glossary) == [
        ("der Hund", "the dog"),
        ("die Katze", "the cat\na pet"),
        ("Osmosis", "water moving:\nin\ncells"),
        ("gato", "cat"),
        ("perro", "dog"),
    ]
    assert [term.line for term in glossary] == [8, 12, 17, 20, 20]
    assert [term.extras for term in glossary][:2] == [(("Notes", "masculine"),), ()]
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert [roles[n] for n in (3, 5, 7, 8, 9, 10, 11, 16)] == [
        "HTML",
        "table header",
        "HTML",
        "term",
        "definition",
        "definition",
        "HTML",
        "table header",
    ]
    assert not any(reading.finding for reading in glossary.lines)


def test_a_one_column_html_table_is_reported_not_read(tmp_path: Path) -> None:
    text = "- Alpha: first\n\n<table><tr><td>just a box</td></tr></table>\n"
    with pytest.warns(UserWarning, match=r"g\.md:3: .*\(HTML table without a header row\)"):
        assert read_md(tmp_path, text) == [("Alpha", "first")]


def test_a_definition_without_a_term_is_reported(tmp_path: Path) -> None:
    text = "<dl>\n<dd>orphan</dd>\n<dt>A</dt>\n<dd>first</dd>\n</dl>\n"
    with pytest.warns(UserWarning, match=r"g\.md:2: .*\(text outside <dt> and <dd>\)"):
        assert read_md(tmp_path, text) == [("A", "first")]


def test_an_html_page_reads_tables_with_a_header_and_reports_layout_tables() -> None:
    from glossary_export.readers import ReadOptions
    from glossary_export.readers.markdown import read_html

    page = (
        "<html><head><title>Spanish</title></head><body>\n"
        "<table><tr><td>Home</td><td>Lessons</td></tr></table>\n"
        "<table><tr><th>Spanish</th><th>English</th></tr>\n"
        "<tr><td>el gato</td><td>the cat</td></tr>\n<tr><td>el perro</td><td>the dog</td></tr>\n"
        "</table></body></html>\n"
    )
    with pytest.warns(UserWarning, match=r"v\.html:2: .*\(HTML table without a header row\)"):
        glossary = read_html(page, "v.html", ReadOptions())
    assert pairs(glossary) == [("el gato", "the cat"), ("el perro", "the dog")]
    assert [term.line for term in glossary] == [4, 5]
    assert glossary.title == "Spanish"


def test_inline_html_and_entities_read_as_markdown_shows_them(tmp_path: Path) -> None:
    text = (
        "| Term | Definition |\n|---|---|\n| Osmosis | water<br>moving<BR/>in |\n"
        "| H<sub>2</sub>O | water &amp; ice &#8211; &#x41; |\n| Tag | `<b>` stays in code |\n"
        "| x<y | a <unknown> tag &copy2020 &nosuch; stays |\n"
        "| RFC | see <https://www.rfc-editor.org/> or <editor@example.org> |\n"
    )
    assert read_md(tmp_path, text) == [
        ("Osmosis", "water\nmoving\nin"),
        ("H2O", "water & ice – A"),
        ("Tag", "<b> stays in code"),
        ("x<y", "a <unknown> tag &copy2020 &nosuch; stays"),
        ("RFC", "see https://www.rfc-editor.org/ or editor@example.org"),
    ]


def test_mkdocs_admonitions_are_entries(tmp_path: Path) -> None:
    text = (
        '# Glossary\n\n!!! note "Osmosis"\n    The movement of water\n    across a membrane.\n\n'
        '    It needs no energy.\n\n??? info "Diffusion"\n    The spreading of particles.\n\n'
        '???+ abstract "Organelles"\n    - **Nucleus**: controls the cell\n\n'
        "!!! warning\n    Work in progress.\n"
    )
    with pytest.warns(UserWarning, match=r"g\.md:15: .*\(admonition without a title\)"):
        glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("Osmosis", "The movement of water across a membrane.\nIt needs no energy."),
        ("Diffusion", "The spreading of particles."),
        ("Nucleus", "controls the cell"),
    ]
    assert [term.line for term in glossary] == [3, 9, 13]


def test_a_callout_alone_on_its_line_splits_like_an_entry(tmp_path: Path) -> None:
    text = "> [!note] Osmosis: the movement of water\n\n> [!note] Diffusion\n"
    assert read_md(tmp_path, text) == [("Osmosis", "the movement of water"), ("Diffusion", "")]


def test_pandoc_tilde_definition_lists(tmp_path: Path) -> None:
    text = "Term one\n~ definition one\n\nTerm two\n~   definition two\n"
    assert read_md(tmp_path, text) == [
        ("Term one", "definition one"),
        ("Term two", "definition two"),
    ]


def test_dataview_fields_and_scoped_names(tmp_path: Path) -> None:
    text = (
        "---\ntags: [biology]\n---\n#biology #revision\n\nOsmosis:: the movement of water\n"
        "Diffusion:: spreading: from high to low\n\n"
    )
    assert read_md(tmp_path, text) == [
        ("Osmosis", "the movement of water"),
        ("Diffusion", "spreading: from high to low"),
    ]
    scoped = "- std::vector: a dynamic array\n- a::b - a scoped name\n- Key:: value\n"
    assert read_md(tmp_path, scoped) == [
        ("std::vector", "a dynamic array"),
        ("a::b", "a scoped name"),
        ("Key", "value"),
    ]


def test_html_in_a_term_headings_section_is_part_of_its_definition(tmp_path: Path) -> None:
    text = (
        "# Glossary\n\n## Catalyst\n\nA substance that speeds up a reaction.\n\n"
        "<details><summary>Example</summary>Platinum.</details>\n\n"
        "## Isomer\n\nSame formula, different structure.\n\n"
        "<table><tr><td>Kind</td><td>structural</td></tr></table>\n\n"
        "## Mole\n\n6.022e23 particles.\n"
    )
    glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("Catalyst", "A substance that speeds up a reaction.\nExample\nPlatinum."),
        ("Isomer", "Same formula, different structure.\nKind | structural"),
        ("Mole", "6.022e23 particles."),
    ]
    assert not any(reading.finding for reading in glossary.lines)


def test_a_heading_over_several_details_groups_them(tmp_path: Path) -> None:
    text = (
        "# Chemistry\n\n## Acids\n\nStrong ones.\n\n"
        "<details><summary>HCl</summary>hydrochloric acid</details>\n"
        "<details><summary>H2SO4</summary>sulfuric acid</details>\n\n"
        "## Bases\n\n<dl><dt>NaOH</dt><dd>sodium hydroxide</dd><dt>KOH</dt><dd>potash</dd></dl>\n"
    )
    glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("HCl", "hydrochloric acid"),
        ("H2SO4", "sulfuric acid"),
        ("NaOH", "sodium hydroxide"),
        ("KOH", "potash"),
    ]
    assert [term.subdeck for term in glossary] == ["Acids", "Acids", "Bases", "Bases"]


def test_a_summary_over_several_lines_is_reported_not_made_a_card(tmp_path: Path) -> None:
    text = "- Alpha: first\n\n<details>\n<summary>\nBeta\n</summary>\nsecond\n</details>\n"
    with pytest.warns(UserWarning, match=r"g\.md:4: .*\(<summary> over several lines\)"):
        assert read_md(tmp_path, text) == [("Alpha", "first")]


def test_a_list_inside_details_is_part_of_its_definition(tmp_path: Path) -> None:
    text = (
        "<details>\n<summary>Acid</summary>\n\nA proton donor. Strong ones:\n\n"
        "<dl><dt>HCl</dt><dd>hydrochloric</dd></dl>\n\n</details>\n\n"
        "<details><summary>Base</summary>A proton acceptor.</details>\n"
    )
    assert read_md(tmp_path, text) == [
        ("Acid", "A proton donor. Strong ones:\nHCl\nhydrochloric"),
        ("Base", "A proton acceptor."),
    ]


SITE_PAGE = """\
<html><head><title>Biology glossary</title></head><body>
<header><h1>Biology glossary</h1><dl><dt>Lang</dt><dd>EN</dd></dl></header>
<nav><dl><dt>Home</dt><dd><a href="/">Start page</a></dd>
<dt>About</dt><dd><a href="/about">Who we are</a></dd></dl></nav>
<main><dl><dt>Osmosis</dt><dd>movement of water</dd>
<dt>Diffusion</dt><dd>spread of particles</dd></dl></main>
<aside><dl><dt>Related</dt><dd>Chemistry glossary</dd></dl></aside>
<footer><dl><dt>Contact</dt><dd>mail@example.com</dd></dl></footer>
</body></html>
"""


def test_a_sites_menus_header_footer_and_sidebars_are_no_entries(tmp_path: Path) -> None:
    source = _write(tmp_path, SITE_PAGE, "glossary.html")
    glossary = load_glossary(source)
    assert pairs(glossary) == [
        ("Osmosis", "movement of water"),
        ("Diffusion", "spread of particles"),
    ]
    roles = {reading.line: reading.role for reading in glossary.lines}
    furniture = {roles[line] for line in (2, 3, 4, 7, 8)}
    assert furniture == {"page navigation, header or footer"}
    assert glossary.title == "Biology glossary"


@pytest.mark.parametrize("kind", ["warning", "tip", "IMPORTANT"])
def test_a_lone_advice_callout_beside_entries_is_a_note_not_a_card(
    tmp_path: Path, kind: str
) -> None:
    text = (
        "# Biology\n\n"
        f"> [!{kind}] Exam tip\n> Learn these by Friday.\n\n"
        "**Osmosis**: movement of water\n\n**Diffusion**: spread of particles\n"
    )
    glossary = load_glossary(_write(tmp_path, text))
    assert pairs(glossary) == [
        ("Osmosis", "movement of water"),
        ("Diffusion", "spread of particles"),
    ]
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert roles[3] == roles[4] == "callout (a note, not an entry)"


def test_a_glossary_of_one_callout_keeps_it_as_its_entry(tmp_path: Path) -> None:
    text = "# Biology\n\n> [!tip] Osmosis\n> The movement of water.\n"
    assert pairs(load_glossary(_write(tmp_path, text))) == [("Osmosis", "The movement of water.")]


@pytest.mark.parametrize("summary", ["Show answers", "Vocabulary (click to expand)"])
def test_a_details_block_around_entries_gives_those_entries(tmp_path: Path, summary: str) -> None:
    text = (
        f"# French\n\n<details>\n<summary>{summary}</summary>\n\n"
        "- cat: le chat\n- dog: le chien\n\n</details>\n"
    )
    assert pairs(load_glossary(_write(tmp_path, text))) == [("cat", "le chat"), ("dog", "le chien")]


def test_a_details_term_whose_definition_is_a_list_stays_one_entry(tmp_path: Path) -> None:
    text = (
        "# Biology\n\n<details>\n<summary>Mitosis</summary>\n\n"
        "- prophase: chromosomes condense\n- metaphase: they line up\n\n</details>\n"
    )
    assert pairs(load_glossary(_write(tmp_path, text))) == [
        ("Mitosis", "- prophase: chromosomes condense\n- metaphase: they line up")
    ]


def test_a_lone_hash_line_is_an_empty_heading_not_a_blank_term(tmp_path: Path) -> None:
    text = "# Music\n\n**Sharp**: raises a note a half step\n#\n**C#**: C sharp\n"
    assert pairs(load_glossary(_write(tmp_path, text))) == [
        ("Sharp", "raises a note a half step"),
        ("C#", "C sharp"),
    ]


def test_a_glossary_holding_an_empty_term_is_refused_naming_it(tmp_path: Path) -> None:
    from glossary_export import SourceError, export_deck
    from glossary_export.model import Glossary, Term

    hand_made = Glossary((Term("Sharp", "raises a note"), Term("", "C sharp", file="m.md", line=4)))
    with pytest.raises(SourceError, match=r"^m\.md:4: this entry has no term"):
        export_deck(hand_made, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
