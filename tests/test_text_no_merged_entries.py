"""Lines a text list holds as entries are never merged into one card: columns of spaces whose
definitions hold " - " stay split at the spaces, and a bold-term list with one plain line is
refused naming that line. In a list of one-word terms in capitals, an acronym starting one
definition ("ATP ADP plus...") is no part of the term."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from support_readers import pairs, read_text

COLUMNS = [
    ("Osmosis", "movement of water - passive"),
    ("Diffusion", "spread of particles"),
    ("Mitosis", "cell division - in two"),
    ("Active transport", "movement against a gradient"),
]


@pytest.mark.parametrize("gap", ["  ", "      "])
@pytest.mark.parametrize("count", [3, 4])
def test_columns_of_spaces_with_dashes_in_definitions(tmp_path: Path, gap: str, count: int) -> None:
    entries = COLUMNS[:count]
    text = "".join(f"{term}{gap}{definition}\n" for term, definition in entries)
    assert pairs(read_text(tmp_path, "cols.txt", text)) == entries


def test_a_dash_list_with_spaced_definitions_stays_a_dash_list(tmp_path: Path) -> None:
    # Every line splits at " - " before its double space: the dash is the delimiter.
    entries = [("Osmosis", "movement  of water"), ("Diffusion", "spread  of particles")]
    text = "".join(f"{term} - {definition}\n" for term, definition in entries)
    assert pairs(read_text(tmp_path, "dash.txt", text)) == entries


@pytest.mark.parametrize("plain", [1, 2])
def test_a_bold_list_with_a_plain_term_is_refused_naming_it(tmp_path: Path, plain: int) -> None:
    entries = [
        ("Osmosis", "the movement of water"),
        ("Diffusion", "the spread of particles"),
        ("Mitosis", "the division of a cell"),
        ("Meiosis", "the division making gametes"),
    ]
    text = "".join(
        f"{term} {definition}\n" if index == plain else f"**{term}** {definition}\n"
        for index, (term, definition) in enumerate(entries)
    )
    with pytest.raises(SourceError) as caught:
        read_text(tmp_path, "bold.txt", text)
    assert caught.value.line == plain + 1
    assert entries[plain][0] in str(caught.value)


@pytest.mark.parametrize("line", [0, 2])
def test_an_acronym_starting_a_definition_after_one_word_capital_terms(
    tmp_path: Path, line: int
) -> None:
    entries = [
        ("ATP", "the energy currency"),
        ("DNA", "the genetic code"),
        ("RNA", "a copy of DNA"),
    ]
    entries[line] = (entries[line][0], "ADP plus a phosphate group")
    text = "".join(f"{term} {definition}\n" for term, definition in entries)
    glossary = read_text(tmp_path, "caps.txt", text)
    assert pairs(glossary) == entries
    assert any(f"caps.txt:{line + 1}:" in note for note in glossary.notes)


@pytest.mark.parametrize(
    "entries",
    [
        # The definitions start with a capital: "NASA AGENCY" is the term.
        [
            ("OSMOSIS", "Movement of water"),
            ("NASA AGENCY", "The US space agency"),
            ("CELL", "Life"),
        ],
        # Terms of several words are this list's way.
        [("NEW YORK CITY", "the largest city"), ("LOS ANGELES", "a city"), ("UN", "a body")],
    ],
)
def test_capital_terms_of_several_words_stay_whole(
    tmp_path: Path, entries: list[tuple[str, str]]
) -> None:
    text = "".join(f"{term} {definition}\n" for term, definition in entries)
    assert pairs(read_text(tmp_path, "caps.txt", text)) == entries
