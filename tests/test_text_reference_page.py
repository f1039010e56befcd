"""A reference glossary copied as text (a Wikipedia page): the links listed under its end
sections ("See also" / "List of chemists") make no card, and its citation marks ("[a]",
"[citation needed]") are left out of the definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_readers import pairs, read_text

ENTRIES = [
    ("Acid", "A substance that donates protons."),
    ("Atom", "The smallest unit of an element."),
    ("Base", "A substance that accepts protons."),
]


def page(marks: list[str], tail: str = "") -> str:
    body = "".join(
        f"{term}\n{definition}{mark}\n"
        for (term, definition), mark in zip(ENTRIES, marks, strict=True)
    )
    return f"Glossary of chemistry\n\nContents: A B C\n\nA\n{body}{tail}"


@pytest.mark.parametrize(
    "tail",
    [
        "See also\nList of chemists\n",
        "See also\n\nGlossary of physics\nList of elements\n",
        "See also\nList of chemists\nReferences\nExternal links\n",
    ],
)
def test_the_links_under_the_end_sections_make_no_card(tmp_path: Path, tail: str) -> None:
    glossary = read_text(tmp_path, "wiki.txt", page(["", "", ""], tail))
    assert pairs(glossary) == ENTRIES


@pytest.mark.parametrize(
    "marks",
    [["[citation needed]", "[a]", ""], ["[1]", "[b][2]", "[clarification needed]"]],
)
def test_citation_marks_are_left_out(tmp_path: Path, marks: list[str]) -> None:
    glossary = read_text(tmp_path, "wiki.txt", page(marks))
    assert pairs(glossary) == ENTRIES
    assert glossary.title == "Glossary of chemistry"


def test_a_bracketed_letter_in_code_stays(tmp_path: Path) -> None:
    text = "Index\nA position, as in a[i] or b[0].\nArray\nA list; a[1] is the second item.\n"
    assert pairs(read_text(tmp_path, "code.txt", text)) == [
        ("Index", "A position, as in a[i] or b[0]."),
        ("Array", "A list; a[1] is the second item."),
    ]
