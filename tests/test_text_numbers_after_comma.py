"""A number after a comma in a list's term ("Apollo 11, 1969: the first landing") is as often
part of the term (a year, an atomic number, a king's number) as a book index's page number:
it is kept, unless the list is unmistakably an index."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_readers import pairs, read_text

NUMBERED = {
    "years": [
        ("Apollo 11, 1969", "the first landing"),
        ("Apollo 13, 1970", "the failed mission"),
        ("Battle of Hastings, 1066", "Norman conquest begins"),
    ],
    "atomic numbers": [
        ("Carbon, 6", "the basis of life"),
        ("Oxygen, 8", "needed for breathing"),
        ("Iron, 26", "used in steel"),
    ],
    "kings": [
        ("Henry, 8", "the king with six wives"),
        ("Louis, 14", "the Sun King"),
        ("George, 3", "king during the American Revolution"),
    ],
    "decimals": [
        ("Hydrogen, 1.008", "the lightest element"),
        ("Helium, 4.003", "a noble gas"),
        ("Lithium, 6.94", "a soft metal"),
    ],
    "year ranges": [
        ("World War I, 1914–1918", "the Great War"),
        ("World War II, 1939-1945", "the second world war"),
    ],
}


@pytest.mark.parametrize("kind", sorted(NUMBERED))
@pytest.mark.parametrize("delimiter", [": ", " - "])
def test_a_number_after_a_comma_stays_in_the_term(
    tmp_path: Path, kind: str, delimiter: str
) -> None:
    entries = NUMBERED[kind]
    text = "".join(f"{term}{delimiter}{definition}\n" for term, definition in entries)
    glossary = read_text(tmp_path, "list.txt", text)
    assert pairs(glossary) == entries
    assert not any("page numbers" in note for note in glossary.notes)
