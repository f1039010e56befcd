"""A text list's first line naming its columns ("Term: Definition", "Word     Meaning") is a
header, not a card: skipped, and named in the summary. A first entry that only starts with such
a name ("Word: a unit of language") stays a card."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_readers import pairs, read_text

ENTRIES = [("Osmosis", "movement of water"), ("Diffusion", "spread of particles")]


@pytest.mark.parametrize(
    ("header", "shape"),
    [
        ("Term: Definition", "{}: {}"),
        ("term: definition", "{}: {}"),
        ("Word - Meaning", "{} - {}"),
        ("Front: Back", "{}: {}"),
        ("Term          Definition", "{:14}{}"),  # columns of spaces under the header
        ("word  meaning", "{}  {}"),
    ],
)
@pytest.mark.parametrize("title", ["", "Biology vocabulary\n"])
def test_a_header_line_is_no_card(tmp_path: Path, header: str, shape: str, title: str) -> None:
    lines = [shape.format(term, definition) for term, definition in ENTRIES]
    text = title + header + "\n" + "\n".join(lines) + "\n"
    glossary = read_text(tmp_path, "list.txt", text)
    assert pairs(glossary) == ENTRIES
    assert any("header" in note and "list.txt:" in note for note in glossary.notes)


def test_a_first_entry_named_like_a_column_stays_a_card(tmp_path: Path) -> None:
    entries = [("Word", "a unit of language"), ("Term", "a word with a set meaning")]
    text = "".join(f"{term}: {definition}\n" for term, definition in entries)
    assert pairs(read_text(tmp_path, "list.txt", text)) == entries
