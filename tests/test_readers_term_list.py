"""Plain term lists (``Term: definition`` a line) in .txt, .md, unknown suffixes and stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from glossary_export.readers import ReadOptions, read
from support_readers import pairs, read_bytes, read_text

PAIRS = [
    ("Alpha", "first letter"),
    ("Beta", "second letter"),
    ("Gamma", "third letter, after beta"),
]


@pytest.mark.parametrize("delimiter", [": ", "：", " - ", " – ", " — ", " = ", "\t", ":"])
@pytest.mark.parametrize("name", ["list.txt", "list", "list.text"])
def test_each_delimiter_reads_as_a_list(tmp_path: Path, delimiter: str, name: str) -> None:
    text = "".join(f"{term}{delimiter}{definition}\n" for term, definition in PAIRS)
    assert pairs(read_text(tmp_path, name, text)) == PAIRS


@pytest.mark.parametrize("lines", [2, 3, 5])
def test_a_colon_list_is_never_read_as_a_page(tmp_path: Path, lines: int) -> None:
    # The reported bug: read as a study page, two lines became one card "Alpha: first" ->
    # "Beta: second", and an odd count blamed the last line.
    text = "".join(f"Term {n}: definition {n}\n" for n in range(lines))
    expected = [(f"Term {n}", f"definition {n}") for n in range(lines)]
    assert pairs(read_text(tmp_path, "list.txt", text)) == expected


def test_dash_list_with_dashes_inside_definitions(tmp_path: Path) -> None:
    text = "Ich - I\nDu - you - informal\nSie - you - formal, or they\n"
    assert pairs(read_text(tmp_path, "de.txt", text)) == [
        ("Ich", "I"),
        ("Du", "you - informal"),
        ("Sie", "you - formal, or they"),
    ]


def test_wrapped_definitions_join_the_entry_above(tmp_path: Path) -> None:
    text = (
        "Tokenizer: splits text into the units\n"
        "    a model reads.\n"
        "Embedding: a vector that represents\n"
        "the meaning of a token\n"
        "Attention: weighs tokens\n"
    )
    glossary = read_text(tmp_path, "wrapped.txt", text)
    assert pairs(glossary) == [
        ("Tokenizer", "splits text into the units a model reads."),
        ("Embedding", "a vector that represents the meaning of a token"),
        ("Attention", "weighs tokens"),
    ]
    assert [t.line for t in glossary] == [1, 3, 5]


def test_a_term_holding_the_delimiter_splits_at_the_first_one(tmp_path: Path) -> None:
    text = "Ratio: 3:2 or 16:9\nTime: 10:30 in the morning\nNote: see also: other\n"
    assert pairs(read_text(tmp_path, "list.txt", text)) == [
        ("Ratio", "3:2 or 16:9"),
        ("Time", "10:30 in the morning"),
        ("Note", "see also: other"),
    ]


def test_title_description_and_headings_are_structure(tmp_path: Path) -> None:
    text = (
        "German vocabulary\n"
        "Words from the first two lessons.\n"
        "\n"
        "Animals\n"
        "Hund: dog\n"
        "Katze: cat\n"
        "\n"
        "Food\n"
        "Brot: bread\n"
    )
    glossary = read_text(tmp_path, "de.txt", text)
    assert pairs(glossary) == [("Hund", "dog"), ("Katze", "cat"), ("Brot", "bread")]
    assert glossary.title == "German vocabulary"
    assert glossary.description == "Words from the first two lessons."
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert roles == {
        1: "title",
        2: "description",
        4: "heading",
        5: "term",
        6: "term",
        8: "heading",
        9: "term",
    }


def test_a_paragraph_between_entries_is_a_finding_not_a_definition(tmp_path: Path) -> None:
    text = "Hund: dog\nKatze: cat\n\nThese two are the pets we met in lesson one.\nBrot: bread\n"
    with pytest.warns(UserWarning, match=r"de\.txt:4: this line was not read"):
        glossary = read_text(tmp_path, "de.txt", text)
    assert pairs(glossary) == [("Hund", "dog"), ("Katze", "cat"), ("Brot", "bread")]
    assert [(r.line, r.finding) for r in glossary.lines if r.finding] == [(4, True)]


def test_empty_definition_after_a_colon_is_kept_for_dedupe_to_count(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "zh.txt", "Smelt：冶炼\nNitro-Carbon：\nArmor：护甲值\n")
    assert pairs(glossary) == [("Smelt", "冶炼"), ("Nitro-Carbon", ""), ("Armor", "护甲值")]


def test_bulleted_list_in_a_text_file(tmp_path: Path) -> None:
    text = "- Alpha: first letter\n- Beta: second letter\n* Gamma: third letter, after beta\n"
    assert pairs(read_text(tmp_path, "list.txt", text)) == PAIRS


def test_crlf_list(tmp_path: Path) -> None:
    text = "".join(f"{t} = {d}\r\n" for t, d in PAIRS)
    glossary = read_bytes(tmp_path, "list.txt", text.encode())
    assert pairs(glossary) == PAIRS
    assert [t.line for t in glossary] == [1, 2, 3]


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "".join(f"{t} - {d}\n" for t, d in PAIRS).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert pairs(read("-")) == PAIRS


def test_input_separator_names_the_delimiter(tmp_path: Path) -> None:
    # Both ":" and " - " split every line; the option says which one separates.
    text = "a - b: c\nd - e: f\n"
    path = tmp_path / "list.txt"
    path.write_text(text, encoding="utf-8")
    assert pairs(read(path, options=ReadOptions(input_separator=" - "))) == [
        ("a", "b: c"),
        ("d", "e: f"),
    ]
    assert pairs(read(path, options=ReadOptions(input_separator=":"))) == [
        ("a - b", "c"),
        ("d - e", "f"),
    ]


def test_csv_with_colons_stays_csv(tmp_path: Path) -> None:
    text = "term,definition\nRatio,a quotient: 3:2\nTime,a duration: 10:30\n"
    glossary = read_text(tmp_path, "data.txt", text)
    assert pairs(glossary) == [("Ratio", "a quotient: 3:2"), ("Time", "a duration: 10:30")]


def test_a_list_read_as_a_page_is_refused(tmp_path: Path) -> None:
    # Read as a study page, two entries would pair into one card: every line is an entry,
    # so the page reader refuses, naming the reader that fits.
    text = "Alpha: first\nBeta: second\n" * 2
    with pytest.raises(SourceError, match=r"odd.txt:1: .*--from list"):
        read_text(tmp_path, "odd.txt", text, format="page")


def test_a_page_pairing_list_entries_says_so(tmp_path: Path) -> None:
    # Half the lines split: the page reader reads it, and must not pass the pairing of two
    # entries silently.
    text = "Alpha: first\nBeta: second\nGamma\nthe third letter\n" * 2
    with pytest.warns(UserWarning, match="look like 'Term: definition' entries"):
        read_text(tmp_path, "odd.txt", text, format="page")


def test_lines_of_thousands_of_spaces_read_quickly(tmp_path: Path) -> None:
    # No timing asserted: a backtracking pattern made such lines take tens of seconds.
    spaces = " " * 8000
    text = f"word{spaces}x\nTree{spaces}-{spaces}definition\nOther - one{spaces}\n"
    glossary = read_text(tmp_path, "list.txt", text, format="list")
    assert pairs(glossary) == [("Tree", "definition"), ("Other", "one")]


# Semicolon lists: "Hund; dog" a line under a title, as vocabulary lists are typed.
@pytest.mark.parametrize("separator", ["; ", ";", " ; "])
@pytest.mark.parametrize("title", ["Vocabulary – Unit 2", "German: animals", "Wörter"])
def test_a_semicolon_list_under_a_title(tmp_path: Path, separator: str, title: str) -> None:
    rows = [("Hund", "dog"), ("Katze", "cat, kitten"), ("Pferd", "horse")]
    text = title + "\n" + "".join(f"{term}{separator}{meaning}\n" for term, meaning in rows)
    glossary = read_text(tmp_path, "unit2.txt", text)
    assert pairs(glossary) == rows
    assert glossary.title == title


def test_a_semicolon_list_with_headings_and_a_second_semicolon(tmp_path: Path) -> None:
    text = "Animals\n\nDogs\nHund; dog; hound\nWelpe; puppy\n\nCats\nKatze; cat\n"
    assert pairs(read_text(tmp_path, "animals.txt", text)) == [
        ("Hund", "dog; hound"),
        ("Welpe", "puppy"),
        ("Katze", "cat"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Verbs\nrun: to move fast; to operate\nset: a group; to put\ngo: to leave\n",
        "Verbs\nrun - to move fast; to operate\nset - a group; to put\n",
        "Verbs\nrun\tto move fast; to operate\nset\ta group; to put\n",
        # Every definition holds a semicolon: the colon still wins the tie.
        "run: to move fast; to operate\nset: a group; to put\n",
    ],
)
def test_semicolons_inside_definitions_do_not_split_them(tmp_path: Path, text: str) -> None:
    assert pairs(read_text(tmp_path, "verbs.txt", text)) == [
        ("run", "to move fast; to operate"),
        ("set", "a group; to put"),
        *([("go", "to leave")] if "go" in text else []),
    ]


def test_a_wrapped_definition_line_with_a_semicolon_carries_on(tmp_path: Path) -> None:
    text = (
        "Osmosis: water moving across a membrane\nIn plants; roots take it up\nMitosis: division\n"
    )
    assert pairs(read_text(tmp_path, "bio.txt", text)) == [
        ("Osmosis", "water moving across a membrane In plants; roots take it up"),
        ("Mitosis", "division"),
    ]


def test_a_page_with_semicolons_in_its_definitions_stays_a_page(tmp_path: Path) -> None:
    text = (
        "Photosynthesis\nHow plants make food from light; it needs chlorophyll.\n"
        "Osmosis\nWater moving across a membrane; from dilute to concentrated.\n"
        "Mitosis\nA cell dividing in two.\n"
    )
    assert [term for term, _ in pairs(read_text(tmp_path, "bio.txt", text))] == [
        "Photosynthesis",
        "Osmosis",
        "Mitosis",
    ]


def test_a_semicolon_table_is_not_a_list(tmp_path: Path) -> None:
    # Every line a row of three cells: a ';' CSV, so "noun" is no part of the definition.
    glossary = read_text(tmp_path, "words.txt", "Hund;dog;noun\nKatze;cat;noun\n")
    assert [(term.term, term.definition) for term in glossary] == [
        ("Hund", "dog"),
        ("Katze", "cat"),
    ]
    assert all("noun" not in term.definition for term in glossary)


@pytest.mark.parametrize("separator", ["; ", ";"])
@pytest.mark.parametrize(
    "entries",
    [
        [
            ("apple", "a fruit; red or green"),
            ("banana", "a yellow fruit"),
            ("cherry", "a small fruit; red"),
        ],
        [("run", "to move fast"), ("walk", "to move slowly; to stroll"), ("jump", "to leap")],
    ],
)
def test_semicolon_lines_of_uneven_cells_are_a_list(
    tmp_path: Path, separator: str, entries: list[tuple[str, str]]
) -> None:
    # A spreadsheet's ';' CSV has the same number of cells on every row; here only some
    # definitions hold a ';', and no part of them may be lost as an unread column.
    text = "".join(
        f"{term}{separator}{definition.replace('; ', separator)}\n" for term, definition in entries
    )
    assert pairs(read_text(tmp_path, "fruit.txt", text)) == [
        (term, definition.replace("; ", separator)) for term, definition in entries
    ]
