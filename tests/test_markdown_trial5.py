"""Markdown shapes from the fifth new-user trial: navigation links under definitions, terms
that link to a web address, a blockquote under each term's heading, and a README whose
glossary is one of its sections."""

from __future__ import annotations

from pathlib import Path

from support_cli import cards, exported
from support_readers import pairs, read_text


def test_back_to_top_links_are_no_part_of_a_definition(tmp_path: Path) -> None:
    text = (
        "# Glossary\n\n## A\n\n### API\nApplication programming interface.\n\n"
        "### Artifact\nA file produced by a build.\n\n[Back to top](#glossary)\n\n"
        "## B\n\n### Branch\nA line of development.\n\n[⬆ **Back to top**](#top)\n\n"
        "### Build\nTurning source into a program.\n\n↑ Top\n\n"
        "### Bug\nA fault.\n\n[Home](/) | [Index](index.md)\n\n"
        '### Byte\nEight bits.\n\n<a href="#top">(Back to top)</a>\n'
    )
    glossary = read_text(tmp_path, "g.md", text)
    assert pairs(glossary) == [
        ("API", "Application programming interface."),
        ("Artifact", "A file produced by a build."),
        ("Branch", "A line of development."),
        ("Build", "Turning source into a program."),
        ("Bug", "A fault."),
        ("Byte", "Eight bits."),
    ]
    # "## A" and "## B" only sort the terms: no sub-deck named after a letter.
    assert [term.subdeck for term in glossary] == [""] * 6
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert roles[11] == "page navigation"
    # A link alone that says more than where to go is part of the definition.
    text = (
        "- **Osmosis**: water moving\n\n  [the cell membrane](cells.md)\n"
        "- **Diffusion**: spreading\n"
    )
    assert pairs(read_text(tmp_path, "g.md", text)) == [
        ("Osmosis", "water moving\nthe cell membrane"),
        ("Diffusion", "spreading"),
    ]


def test_a_term_linking_to_a_web_address_splits_after_the_link(tmp_path: Path) -> None:
    text = (
        "# Web terms\n\n"
        "- [HTTP](https://developer.mozilla.org/en-US/docs/Web/HTTP): the protocol of the web\n"
        "- [DNS](https://example.org/dns): turns names into addresses, see "
        "[RFC 1035](https://example.org/rfc1035)\n"
        "- **[CORS](http://example.org/cors)**: rules for cross-origin requests\n"
    )
    glossary = read_text(tmp_path, "g.md", text)
    assert glossary.title == "Web terms"
    assert pairs(glossary) == [
        ("HTTP", "the protocol of the web"),
        ("DNS", "turns names into addresses, see RFC 1035"),
        ("CORS", "rules for cross-origin requests"),
    ]


def test_a_blockquote_under_each_term_heading_is_its_definition(tmp_path: Path) -> None:
    text = (
        "# Philosophy\n\n## Epistemology\n\n> The study of knowledge\n> and justified belief.\n"
        ">\n> It asks what we can know.\n\n## Ethics\n\n> The study of right and wrong.\n\n"
        "## Metaphysics\n\n> The study of reality.\n"
    )
    glossary = read_text(tmp_path, "g.md", text)
    assert glossary.title == "Philosophy"
    assert pairs(glossary) == [
        ("Epistemology", "The study of knowledge and justified belief.\nIt asks what we can know."),
        ("Ethics", "The study of right and wrong."),
        ("Metaphysics", "The study of reality."),
    ]


README = (
    "# mytool\n\nA small tool for parsing logs.\n\n"
    "## Installation\n\n1. Run `pip install mytool`\n\n"
    "## Usage\n\n- `mytool parse FILE`: parse a file\n- `mytool watch DIR`: watch a directory\n\n"
    "## Glossary\n\n- **Log line**: one line of a log file\n- **Sink**: where records go\n\n"
    "### More\n\n- **Parser**: reads log lines\n\n## License\n\nMIT\n"
)


def test_a_readme_glossary_section_is_the_glossary_and_the_rest_is_named(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    result, rows = exported(path)
    assert "2 entries outside the 'Glossary' section left out (lines 11, 12)" in result.output
    assert cards(rows) == [
        ("Log line", "one line of a log file"),
        ("Sink", "where records go"),
        ("Parser", "reads log lines"),
    ]

    # "Vocabulary" beside "Phrases": study notes whose every section the learner wants.
    notes = (
        "# Spanish 3\n\n## Vocabulary\n\n- gato: cat\n- perro: dog\n\n"
        "## Phrases\n\n- buenos días: good morning\n"
    )
    assert pairs(read_text(tmp_path, "g.md", notes)) == [
        ("gato", "cat"),
        ("perro", "dog"),
        ("buenos días", "good morning"),
    ]
