"""Plain term lists as a new user types them (trial 5): colons inside times and verse numbers,
list markers from Word and lettered lists, labelled records, furniture lines around a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from support_cli import cards, exported
from support_readers import pairs, read_text


def test_a_colon_between_digits_is_never_the_separator(tmp_path: Path) -> None:
    text = "Meeting - at 9:00 sharp\nLunch - at 12:30\nTalk - at 14:00\n"
    assert pairs(read_text(tmp_path, "times.txt", text)) == [
        ("Meeting", "at 9:00 sharp"),
        ("Lunch", "at 12:30"),
        ("Talk", "at 14:00"),
    ]


def test_times_and_ratios_as_terms(tmp_path: Path) -> None:
    text = "8:15 - Doors open\n8:45 - Welcome\n10:00 - Break\n"
    assert pairs(read_text(tmp_path, "agenda.txt", text)) == [
        ("8:15", "Doors open"),
        ("8:45", "Welcome"),
        ("10:00", "Break"),
    ]
    text = "3:2 - classic film ratio\n5:4 - old monitor ratio\n2:1 - univisium\n"
    assert [term for term, _ in pairs(read_text(tmp_path, "ratios.txt", text))] == [
        "3:2",
        "5:4",
        "2:1",
    ]


def test_verse_references_keep_their_colon(tmp_path: Path) -> None:
    text = "Mark 1:15: The time is fulfilled\nLuke 2:10: Fear not\nActs 2:38: Repent\n"
    assert pairs(read_text(tmp_path, "verses.txt", text)) == [
        ("Mark 1:15", "The time is fulfilled"),
        ("Luke 2:10", "Fear not"),
        ("Acts 2:38", "Repent"),
    ]


def test_every_line_holding_both_splits_at_the_one_that_comes_first(tmp_path: Path) -> None:
    # As many lines split at ':' as at ' - ': the tie went to ':', the term "Anode - positive".
    text = "Anode - positive electrode: where oxidation happens\nCathode - negative: reduction\n"
    assert pairs(read_text(tmp_path, "tie.txt", text)) == [
        ("Anode", "positive electrode: where oxidation happens"),
        ("Cathode", "negative: reduction"),
    ]
    text = "run: to move fast - quickly\nwalk: to move slowly - on foot\n"
    assert [term for term, _ in pairs(read_text(tmp_path, "colon.txt", text))] == ["run", "walk"]


def test_a_list_typed_with_two_delimiters_splits_each_line_at_the_earlier(
    tmp_path: Path,
) -> None:
    text = (
        "Anode: the positive electrode\n"
        "Cathode: the negative electrode\n"
        "Electrolyte - a liquid that conducts: salt water, acid\n"
        "Ion - a charged atom\n"
        "Cell - two electrodes in an electrolyte\n"
    )
    assert pairs(read_text(tmp_path, "mixed.txt", text)) == [
        ("Anode", "the positive electrode"),
        ("Cathode", "the negative electrode"),
        ("Electrolyte", "a liquid that conducts: salt water, acid"),
        ("Ion", "a charged atom"),
        ("Cell", "two electrodes in an electrolyte"),
    ]


EXPECTED = [
    ("Osmosis", "movement of water"),
    ("Diffusion", "spread of particles"),
    ("Mitosis", "cell division"),
]


@pytest.mark.parametrize("bullet", ["\uf0b7\t", "\uf0a7\t", "\uf0d8 ", "▪ ", "◦\t", "➢ ", "✓ "])
def test_word_and_other_bullets_are_no_part_of_the_term(tmp_path: Path, bullet: str) -> None:
    # Word pastes its Symbol-font bullet as U+F0B7 and a Tab: every term was "\uf0b7".
    text = "".join(f"{bullet}{term}: {definition}\n" for term, definition in EXPECTED)
    assert pairs(read_text(tmp_path, "bullets.txt", text)) == EXPECTED


def test_word_bullets_export_every_card(tmp_path: Path) -> None:
    # Read as Quizlet's Tab-separated export, 2 of the 3 cards were dropped as conflicts.
    source = tmp_path / "cells.txt"
    source.write_text("".join(f"\uf0b7\t{t}: {d}\n" for t, d in EXPECTED), encoding="utf-8")
    _, rows = exported(source)
    assert cards(rows) == EXPECTED


@pytest.mark.parametrize(
    "marks",
    [
        ["a) ", "b) ", "c) "],
        ["a. ", "b. ", "c. "],
        ["A. ", "B. ", "C. "],
        ["(a) ", "(b) ", "(c) "],
        ["i) ", "ii) ", "iii) "],
        ["I. ", "II. ", "III. "],
    ],
)
def test_lettered_and_roman_markers_are_no_part_of_the_term(
    tmp_path: Path, marks: list[str]
) -> None:
    text = "".join(f"{mark}{t}: {d}\n" for mark, (t, d) in zip(marks, EXPECTED, strict=True))
    glossary = read_text(tmp_path, "lettered.txt", text)
    assert pairs(glossary) == EXPECTED
    assert any("list markers" in note for note in glossary.notes)


def test_lettered_markers_start_over_in_each_section(tmp_path: Path) -> None:
    text = (
        "Cells\n(a) Nucleus - holds the DNA\n(b) Ribosome - makes proteins\n\n"
        "Energy\n(a) ATP - stores energy\n(b) ADP - ATP after use\n"
    )
    assert [term for term, _ in pairs(read_text(tmp_path, "sections.txt", text))] == [
        "Nucleus",
        "Ribosome",
        "ATP",
        "ADP",
    ]


@pytest.mark.parametrize(
    ("term", "definition"),
    [("Term", "Definition"), ("Word", "Meaning"), ("Begriff", "Definition"), ("Mot", "Définition")],
)
def test_labelled_records_are_one_card_each(tmp_path: Path, term: str, definition: str) -> None:
    # Read as a list, the labels were the terms: 'Term' and 'Definition', 4 of 6 lines dropped.
    text = "".join(f"{term}: {t}\n{definition}: {d}\n\n" for t, d in EXPECTED)
    glossary = read_text(tmp_path, "records.txt", text)
    assert pairs(glossary) == EXPECTED
    assert any("labelled record" in note for note in glossary.notes)


def test_labelled_records_under_a_title_with_a_field_more(tmp_path: Path) -> None:
    text = (
        "Cell biology\n\n"
        "Term: Osmosis\nDefinition: movement of water\nExample: roots taking up water\n\n"
        "Term: Diffusion\nDefinition: spread of particles\nExample: ink in water\n"
    )
    glossary = read_text(tmp_path, "records.txt", text)
    assert glossary.title == "Cell biology"
    assert pairs(glossary) == [
        ("Osmosis", "movement of water Example: roots taking up water"),
        ("Diffusion", "spread of particles Example: ink in water"),
    ]
    # One "Term:" line is a glossary's entry, not a record's label.
    text = "Term: a word or phrase\nDefinition: what a term means\nGlossary: a list of terms\n"
    assert [term for term, _ in pairs(read_text(tmp_path, "words.txt", text))] == [
        "Term",
        "Definition",
        "Glossary",
    ]


def test_records_with_a_line_out_of_place_are_refused(tmp_path: Path) -> None:
    text = (
        "Term: Osmosis\nSource: BBC\nDefinition: movement of water\n\n"
        "Term: Diffusion\nDefinition: spread of particles\n"
    )
    with pytest.raises(SourceError, match=r"records labelled 'Term:' and 'Definition:'") as error:
        read_text(tmp_path, "records.txt", text)
    assert error.value.line == 2


def test_a_source_and_date_below_the_list_are_no_cards(tmp_path: Path) -> None:
    text = (
        "Anode: the positive electrode\nCathode: the negative electrode\n\n"
        "Source: Oxford Revise Chemistry\nLast updated: 12 May 2025\n"
    )
    glossary = read_text(tmp_path, "footer.txt", text)
    assert pairs(glossary) == [
        ("Anode", "the positive electrode"),
        ("Cathode", "the negative electrode"),
    ]
    assert any("Source: Oxford Revise Chemistry" in note for note in glossary.notes)


def test_a_note_about_the_list_above_it_is_its_description(tmp_path: Path) -> None:
    text = (
        "Note: learn these words for the quiz.\nAnode: the positive electrode\nIon: a charged atom"
    )
    glossary = read_text(tmp_path, "noted.txt", text)
    assert pairs(glossary) == [("Anode", "the positive electrode"), ("Ion", "a charged atom")]
    assert "learn these words" in glossary.description
    # A note on music is a term: its definition says nothing about the list.
    text = "Note: a musical sound\nChord: notes played together\nScale: notes in order\n"
    assert pairs(read_text(tmp_path, "music.txt", text))[0] == ("Note", "a musical sound")


def test_a_chapter_line_over_the_entries_is_the_title(tmp_path: Path) -> None:
    text = "Unit 4: Electricity\nAnode: the positive electrode\nIon: a charged atom\n"
    glossary = read_text(tmp_path, "unit.txt", text)
    assert glossary.title == "Unit 4: Electricity"
    assert pairs(glossary) == [("Anode", "the positive electrode"), ("Ion", "a charged atom")]
    # Lines that are all shaped so are the entries.
    text = "Week 1: Introduction\nWeek 2: Cells\nWeek 3: Energy\n"
    assert len(pairs(read_text(tmp_path, "weeks.txt", text))) == 3


def test_a_tab_at_the_end_of_a_line_follows_no_marker(tmp_path: Path) -> None:
    # Only a Tab right after a list marker is the marker's: "pear<Tab>" is a Tab line whose
    # definition is missing, not a line carrying on the definition above.
    text = "apple\ta round fruit\npear\t\nplum\ta small fruit\n"
    assert pairs(read_text(tmp_path, "fruit.txt", text)) == [
        ("apple", "a round fruit"),
        ("pear", ""),
        ("plum", "a small fruit"),
    ]


def test_numbered_labels_are_labels(tmp_path: Path) -> None:
    # "Q1:" / "A1:" made four cards named Q1, A1, Q2, A2.
    text = "Q1: What is osmosis?\nA1: water moving\nQ2: What is diffusion?\nA2: spreading\n"
    assert pairs(read_text(tmp_path, "quiz.txt", text)) == [
        ("What is osmosis?", "water moving"),
        ("What is diffusion?", "spreading"),
    ]
    text = (
        "Term 1: Osmosis\nDefinition 1: water moving\nTerm 2: Diffusion\nDefinition 2: spreading\n"
    )
    assert pairs(read_text(tmp_path, "records.txt", text)) == [
        ("Osmosis", "water moving"),
        ("Diffusion", "spreading"),
    ]
    # Paper sizes are terms, not answers.
    text = "A1: a paper size\nA4: a smaller paper size\nA5: smaller still\n"
    assert [term for term, _ in pairs(read_text(tmp_path, "paper.txt", text))] == ["A1", "A4", "A5"]


def test_terms_with_initials_are_no_sentences(tmp_path: Path) -> None:
    # "E. coli" read as two sentences: the list was read as a page, 1 card of 3 lines.
    text = "E. coli: a gut bacterium\nS. aureus: a skin bacterium\nB. subtilis: a soil bacterium\n"
    assert pairs(read_text(tmp_path, "bacteria.txt", text)) == [
        ("E. coli", "a gut bacterium"),
        ("S. aureus", "a skin bacterium"),
        ("B. subtilis", "a soil bacterium"),
    ]
