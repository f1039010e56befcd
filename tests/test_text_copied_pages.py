"""Pages copied as text, read as a careful person reads them: a Wikipedia glossary (lower-case
terms under letter headings, its contents, "[edit]" links, references and end sections), and
a book's glossary copied from a PDF (page numbers, running heads, bold lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from support_readers import pairs, read_text

GEOLOGY = [
    ("aquifer", "A body of rock that holds groundwater."),
    ("basalt", "A dark volcanic rock."),
    ("bedrock", "The solid rock under the soil."),
]


def entries(items: list[tuple[str, str]] = GEOLOGY) -> str:
    lines = []
    for term, definition in items:
        letter = term[0].upper()
        if f"{letter}\n" not in lines:
            lines.append(f"{letter}\n")
        lines.append(f"{term}\n{definition}\n")
    return "".join(lines)


def roles(glossary: object) -> dict[int, str]:
    return {reading.line: reading.role for reading in glossary.lines}  # type: ignore[attr-defined]


def test_lower_case_terms_under_letter_headings(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "wiki.txt", "Glossary of geology\n" + entries())
    assert pairs(glossary) == GEOLOGY
    assert glossary.title == "Glossary of geology"
    assert roles(glossary)[2] == "letter heading" and roles(glossary)[5] == "letter heading"
    text = (
        "Glossary of music\n0–9\n12-bar blues\nA chord progression.\nA\na cappella\nSung alone.\n"
    )
    assert pairs(read_text(tmp_path, "music.txt", text)) == [
        ("12-bar blues", "A chord progression."),
        ("a cappella", "Sung alone."),
    ]


@pytest.mark.parametrize(
    "contents",
    [
        "Contents: Top 0–9 A B",
        "Contents: A B",
        "Contents: Top 0-9 A B See also References",
        "Contents\nA B",
        # Wikipedia's contents since 2022, copied one item a line.
        "Contents\nhide\n(Top)\nA\nB\nSee also\nToggle the table of contents",
    ],
)
def test_the_letter_index_on_one_line(tmp_path: Path, contents: str) -> None:
    text = f"Glossary of geology\n{contents}\n{entries()}See also\nGlossary of physics\n"
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == GEOLOGY
    assert glossary.title == "Glossary of geology"
    read = roles(glossary)
    assert [read[line] for line in range(2, 2 + len(contents.splitlines()))] == ["contents"] * len(
        contents.splitlines()
    )


def test_a_whole_copied_wikipedia_page(tmp_path: Path) -> None:
    # The site line, the old numbered contents, "[edit]" after each heading, the references.
    text = (
        "Glossary of geology\n"
        "From Wikipedia, the free encyclopedia\n"
        "This glossary is a list of terms used in geology.\n"
        "Contents\n1 A\n2 B\n3 See also\n4 References\n"
        + entries().replace("A\n", "A[edit]\n", 1).replace("B\n", "B [edit]\n", 1)
        + "See also[edit]\nGlossary of physics\n"
        "References[edit]\n"
        "^ Smith, J. (2001). Rocks. p. 12.\n"
        "Jones, A. Minerals of the world. Oxford.\n"
    )
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == GEOLOGY
    assert glossary.title == "Glossary of geology"
    read = roles(glossary)
    assert read[2] == "site line"
    assert [read[line] for line in range(4, 9)] == ["contents"] * 5
    assert read[9] == "letter heading"
    assert [read[line] for line in range(17, 22)] == [
        "section heading",
        "end section link",
        "section heading",
        "reference",
        "end section link",
    ]


def test_a_reference_line_ends_the_page(tmp_path: Path) -> None:
    text = "Glossary of geology\n" + entries() + "References\n^ Smith, J. (2001). Rocks.\n"
    assert pairs(read_text(tmp_path, "wiki.txt", text)) == GEOLOGY
    # A term named like an end section, with its definition, stays.
    text = "Music words\nTempo\nThe speed of a piece.\nNotes\nThe sounds of a melody.\n"
    assert pairs(read_text(tmp_path, "music.txt", text)) == [
        ("Tempo", "The speed of a piece."),
        ("Notes", "The sounds of a melody."),
    ]


def test_a_running_foot_between_pages(tmp_path: Path) -> None:
    text = (
        "Key Terms\n\nosmosis\nThe movement of water across a membrane.\n"
        "\nChapter 4 | Plant Biology 87\n\n"
        "xylem\nTissue that carries water.\n\n112\n\nphloem\nTissue that carries sugar.\n"
    )
    glossary = read_text(tmp_path, "book.txt", text)
    assert pairs(glossary) == [
        ("osmosis", "The movement of water across a membrane."),
        ("xylem", "Tissue that carries water."),
        ("phloem", "Tissue that carries sugar."),
    ]
    assert roles(glossary)[6] == "running head" and roles(glossary)[11] == "page number"
    assert any("book.txt:6: left out 2 lines of a book" in note for note in glossary.notes)


def test_a_running_foot_set_off_by_a_bar_between_entries(tmp_path: Path) -> None:
    text = (
        "Key Terms\nosmosis\nThe movement of water.\n87 | Chapter 4 | Plant Biology\n"
        "xylem\nTissue that carries water.\n"
    )
    assert pairs(read_text(tmp_path, "book.txt", text)) == [
        ("osmosis", "The movement of water."),
        ("xylem", "Tissue that carries water."),
    ]
    # On the first line it may be the title.
    glossary = read_text(tmp_path, "unit.txt", "Biology | Unit 2\n" + text.split("\n", 1)[1])
    assert glossary.title == "Biology | Unit 2"


def test_a_page_number_inside_a_definition_broken_at_the_page_end(tmp_path: Path) -> None:
    text = (
        "Osmosis\nThe movement of water from a dilute\n412\nto a concentrated solution.\n"
        "Diffusion\nThe spread of particles.\n"
    )
    assert pairs(read_text(tmp_path, "book.txt", text)) == [
        ("Osmosis", "The movement of water from a dilute to a concentrated solution."),
        ("Diffusion", "The spread of particles."),
    ]
    # A vocabulary page of numbers: no number is alone between blank lines, or in a sentence.
    text = "Unit 3\n\n1\nuno\n\n2\ndos\n\n3\ntres\n"
    glossary = read_text(tmp_path, "numbers.txt", text)
    assert pairs(glossary) == [("1", "uno"), ("2", "dos"), ("3", "tres")]


def test_a_pdf_glossary_that_lost_its_bold_is_refused(tmp_path: Path) -> None:
    text = (
        "Glossary\nAbiotic Nonliving parts of an ecosystem.\n"
        "Biome A large region with its own climate.\nCarnivore An animal that eats animals.\n"
    )
    with pytest.raises(SourceError) as raised:
        read_text(tmp_path, "book.txt", text)
    assert "book.txt:2:" in str(raised.value) and "put ':' after each term" in str(raised.value)


def test_a_wikipedia_list_with_dashes(tmp_path: Path) -> None:
    text = (
        "Glossary of sailing\nA\nabaft – toward the stern.[1]\nabeam – at right angles.\n"
        "B[edit]\nbow – the front of a vessel.\nSee also\nList of sailing terms\n"
        "Outline of sailing\n"
    )
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == [
        ("abaft", "toward the stern."),
        ("abeam", "at right angles."),
        ("bow", "the front of a vessel."),
    ]
    assert glossary.title == "Glossary of sailing"
    read = roles(glossary)
    assert read[2] == "letter heading" and read[5] == "letter heading"
    assert [read[line] for line in (7, 8, 9)] == ["section heading"] + ["end section link"] * 2


def test_a_list_copied_from_a_pdf_leaves_out_its_page_furniture(tmp_path: Path) -> None:
    text = (
        "GLOSSARY G-1\n\nosmosis: the movement of water across a semipermeable\nmembrane\n"
        "diffusion: the spread of particles from an area of high\n412\n"
        "concentration to an area of low concentration\n\nG-2 GLOSSARY\n\n"
        "mitosis: division of a nucleus\n"
    )
    glossary = read_text(tmp_path, "book.txt", text)
    assert pairs(glossary) == [
        ("osmosis", "the movement of water across a semipermeable membrane"),
        (
            "diffusion",
            "the spread of particles from an area of high concentration to an area of low "
            "concentration",
        ),
        ("mitosis", "division of a nucleus"),
    ]
    assert glossary.title == ""  # the running head names no deck
    read = roles(glossary)
    assert (read[1], read[6], read[9]) == ("running head", "page number", "running head")
    assert any("book.txt:1: left out 3 lines of a book" in note for note in glossary.notes)


def test_hatnotes_and_the_site_footer_make_no_card(tmp_path: Path) -> None:
    text = (
        "Glossary of geology\naquifer\nMain article: Groundwater\n"
        "A body of rock that holds groundwater.\nbasalt\nA dark volcanic rock.\n"
        "See also: Igneous rock\nbedrock\nThe solid rock under the soil.\n"
        "References\n^ Smith, J. (2001). Rocks.\n"
        'Retrieved from "https://en.wikipedia.org/w/index.php?title=Glossary_of_geology"\n'
        "Categories: Glossaries of science\n"
        "This page was last edited on 5 May 2024, at 10:00 (UTC).\n"
    )
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == GEOLOGY
    read = roles(glossary)
    assert read[3] == "hatnote" and read[7] == "hatnote"
    assert [read[line] for line in (12, 13, 14)] == ["site footer"] * 3
    # In a list, where the hatnote splits at its colon too; "See also" defined is an entry.
    text = (
        "osmosis: the movement of water\nMain article: Osmosis\ndiffusion: the spread\n"
        "See also: a cross-reference in an index\n"
    )
    assert pairs(read_text(tmp_path, "list.txt", text)) == [
        ("osmosis", "the movement of water"),
        ("diffusion", "the spread"),
        ("See also", "a cross-reference in an index"),
    ]


def test_sentences_under_a_title_are_refused_not_paired(tmp_path: Path) -> None:
    text = (
        "Glossary\nAbiotic nonliving parts of an ecosystem.\nBiome a large region with a climate.\n"
        "Carnivore an animal that eats animals.\nDecomposer an organism eating dead matter.\n"
    )
    with pytest.raises(SourceError) as raised:
        read_text(tmp_path, "book.txt", text)
    assert "book.txt:4:" in str(raised.value) and "Carnivore an animal" in str(raised.value)
    # One entry whose definition is sentences starting "The Sun", "The Earth" is read.
    text = "Solar system\nThe Sun and the bodies orbiting it.\nThe Earth is one of them.\n"
    assert pairs(read_text(tmp_path, "sun.txt", text)) == [
        ("Solar system", "The Sun and the bodies orbiting it. The Earth is one of them.")
    ]


@pytest.mark.parametrize(
    ("mark", "language"),
    [
        ("[modifier]", "fr"),
        ("[modifier | modifier le code]", "fr"),
        ("[Bearbeiten | Quelltext bearbeiten]", "de"),
        ("[editar]", "es"),
        ("[edit | edit source]", "en"),
    ],
)
def test_a_copied_page_s_edit_links_in_other_languages_are_headings(
    tmp_path: Path, mark: str, language: str
) -> None:
    text = (
        f"Glossary ({language})\n\nA{mark}\naquifer\nA layer of rock that holds water.\n"
        f"argil\nA fine-grained sedimentary rock.\n\nB{mark}\nbasalt\nA dark volcanic rock.\n"
    )
    glossary = read_text(tmp_path, "glossary.txt", text)
    assert pairs(glossary) == [
        ("aquifer", "A layer of rock that holds water."),
        ("argil", "A fine-grained sedimentary rock."),
        ("basalt", "A dark volcanic rock."),
    ]
