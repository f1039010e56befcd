"""Text sources a new user pasted and got a wrong deck from, with exit 0: each now reads as a
careful person reads it, or fails naming the line and what to pass."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from support_cli import run


def exported_pairs(tmp_path: Path, name: str, text: str, *flags: str) -> list[tuple[str, str]]:
    """Export ``text`` (saved as ``name``) to CSV and read the pairs back with the csv module."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run("export", *flags, source, "-o", out)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return [(row["Term"], row["Definition"]) for row in csv.DictReader(handle)]


# -- 1. Quizlet text with custom separators --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sol|||the sun;;;luna|||the moon;;;estrella|||a star",
            [("sol", "the sun"), ("luna", "the moon"), ("estrella", "a star")],
        ),
        (
            "le livre - the book;la table - the table;le stylo - the pen;",
            [("le livre", "the book"), ("la table", "the table"), ("le stylo", "the pen")],
        ),
        (
            "uno|one||dos|two||tres|three\n",
            [("uno", "one"), ("dos", "two"), ("tres", "three")],
        ),
        (
            "rot = red; blau = blue;\ngrün = green; gelb = yellow;\n",
            [("rot", "red"), ("blau", "blue"), ("grün", "green"), ("gelb", "yellow")],
        ),
        (
            "Baum\ttree;Blume\tflower;Gras\tgrass",
            [("Baum", "tree"), ("Blume", "flower"), ("Gras", "grass")],
        ),
    ],
)
def test_joined_quizlet_cards_are_read_with_their_separators(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert exported_pairs(tmp_path, "cards.txt", text) == expected


def test_detected_quizlet_separators_are_named_with_the_flags(tmp_path: Path) -> None:
    source = tmp_path / "cards.txt"
    source.write_text("hot|||chaud;;;cold|||froid", encoding="utf-8")
    result = run("check", source)
    assert result.exit_code == 0
    assert "--input-separator '|||', --input-card-separator ';;;'" in result.output


def test_joined_card_without_the_term_separator_names_the_flags(tmp_path: Path) -> None:
    source = tmp_path / "cards.txt"
    source.write_text("one - uno;two - dos;three tres;four - cuatro", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code != 0
    assert f"{source}:1:" in result.output
    assert "--input-separator ' - ', --input-card-separator ';'" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_explain_lists_each_joined_card_once(tmp_path: Path) -> None:
    source = tmp_path / "cards.txt"
    source.write_text("red|||rouge;;;green|||vert;;;blue|||bleu", encoding="utf-8")
    result = run(
        "check", "--explain", "--input-separator", "|||", "--input-card-separator", ";;;", source
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        f"{source}:1: row: red",
        f"{source}:1: row: green",
        f"{source}:1: row: blue",
    ]


def test_a_list_with_semicolons_in_definitions_stays_a_list(tmp_path: Path) -> None:
    text = "Osmosis: water moves; no energy used\nDiffusion: solutes spread; passive\n"
    assert exported_pairs(tmp_path, "notes.txt", text) == [
        ("Osmosis", "water moves; no energy used"),
        ("Diffusion", "solutes spread; passive"),
    ]


def test_a_one_line_table_row_stays_a_table(tmp_path: Path) -> None:
    assert exported_pairs(tmp_path, "row.txt", "apple;a round fruit\npear;a sweet fruit\n") == [
        ("apple", "a round fruit"),
        ("pear", "a sweet fruit"),
    ]


# -- 2. Lines without the list's delimiter -----------------------------------------------------


def test_an_entry_typed_with_another_delimiter_is_its_own_entry(tmp_path: Path) -> None:
    source = tmp_path / "bio.txt"
    source.write_text(
        "Mitosis: one cell divides into two identical cells\n"
        "Meiosis = division that makes four sex cells\n"
        "Gamete: a sex cell\n"
        "Zygote: a fertilised egg cell\n",
        encoding="utf-8",
    )
    result = run("check", source)
    assert result.exit_code == 0
    assert f"{source}:2: read 'Meiosis' at ' = '" in result.output
    assert exported_pairs(tmp_path, "bio.txt", source.read_text(encoding="utf-8")) == [
        ("Mitosis", "one cell divides into two identical cells"),
        ("Meiosis", "division that makes four sex cells"),
        ("Gamete", "a sex cell"),
        ("Zygote", "a fertilised egg cell"),
    ]


def test_a_bare_term_line_is_named_not_glued(tmp_path: Path) -> None:
    source = tmp_path / "cells.txt"
    source.write_text(
        "Nucleus - holds the genetic material\n"
        "Cell Membrane\n"
        "Cytoplasm - the jelly that fills the cell\n"
        "Vacuole - stores water and nutrients\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("export", source, "-o", out)
    assert result.exit_code == 0
    assert f"{source}:2 'Cell Membrane'" in result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(row["Term"], row["Definition"]) for row in csv.DictReader(handle)]
    assert rows == [
        ("Nucleus", "holds the genetic material"),
        ("Cytoplasm", "the jelly that fills the cell"),
        ("Vacuole", "stores water and nutrients"),
    ]


@pytest.mark.parametrize(
    "wrap",
    [
        "ribosomes and other organelles.",  # lower case: a wrap
        "Golgi - like bodies in the cell.",  # after an open end ("the")
    ],
)
def test_wrapped_definitions_stay_joined(tmp_path: Path, wrap: str) -> None:
    text = (
        "Cytoplasm: the jelly that holds the\n"
        f"{wrap}\n"
        "Vacuole: stores water\n"
        "Nucleus: holds the genes\n"
    )
    assert exported_pairs(tmp_path, "cells.txt", text)[0] == (
        "Cytoplasm",
        f"the jelly that holds the {wrap}",
    )


def test_a_wrap_after_a_preposition_is_not_a_bare_term(tmp_path: Path) -> None:
    text = "Evolution: a theory named after\nCharles Darwin\nGene: a unit of heredity\n"
    assert exported_pairs(tmp_path, "bio.txt", text) == [
        ("Evolution", "a theory named after Charles Darwin"),
        ("Gene", "a unit of heredity"),
    ]


# -- 3. Study page title, description and counters ---------------------------------------------

PAGE_PAIRS = [
    ("Acid", "A substance with a pH below seven."),
    ("Alkali", "A base that dissolves in water."),
    ("Salt", "A compound formed when an acid reacts with a base."),
]
PAGE_BODY = "".join(f"{term}\n{definition}\n" for term, definition in PAGE_PAIRS)


@pytest.mark.parametrize(
    "top",
    [
        "Chemistry Words\nTerms for the second test.\n1 / 12\n",
        "Term 1 of 40\nTerms for the second test.\n",
        "Card 3 of 12\n",
        "Chemistry Words\n1/3\nTerms for the second test.\n",
    ],
)
def test_page_furniture_makes_no_card(tmp_path: Path, top: str) -> None:
    assert exported_pairs(tmp_path, "page.txt", top + PAGE_BODY) == PAGE_PAIRS


def test_an_entry_above_a_later_counter_stays_an_entry(tmp_path: Path) -> None:
    # Above "2/3" the page is already under way: its first lines are an entry, not a title.
    text = "Base\nA substance with a pH above seven.\n2/3\n" + PAGE_BODY
    assert exported_pairs(tmp_path, "page.txt", text) == [
        ("Base", "A substance with a pH above seven."),
        *PAGE_PAIRS,
    ]


def test_page_title_is_named_and_names_the_deck(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package

    source = tmp_path / "page.txt"
    source.write_text("Chemistry Words\n4/4\nTerms for the second test.\n" + PAGE_BODY, "utf-8")
    explained = run("check", "--explain", source).stdout.splitlines()
    assert explained[:3] == [
        f"{source}:1: title: Chemistry Words",
        f"{source}:2: counter: 4/4",
        f"{source}:3: description: Terms for the second test.",
    ]
    package = tmp_path / "deck.apkg"
    assert run("export", "--no-memory", source, "-o", package).exit_code == 0
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, package)
        assert deck_card_counts(col) == {"Chemistry Words": 3}


# -- 4. Markdown: empty sections, front matter title, table columns ----------------------------


def test_an_empty_heading_section_is_a_term_without_definition(tmp_path: Path) -> None:
    source = tmp_path / "rocks.md"
    source.write_text(
        "# Rocks\n\n## Basalt\n\nA dark volcanic rock.\n\n## Granite\n\n## Marble\n\n"
        "A metamorphic rock from limestone.\n\n## Slate\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("export", source, "-o", out)
    assert result.exit_code == 0
    assert f"{source}:7 'Granite'" in result.output
    assert f"{source}:13 'Slate'" in result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert [row["Term"] for row in csv.DictReader(handle)] == ["Basalt", "Marble"]


def test_a_grouping_heading_is_still_no_term(tmp_path: Path) -> None:
    text = (
        "# Rocks\n\n## Igneous\n\n### Basalt\n\nA dark volcanic rock.\n\n"
        "### Pumice\n\nA light rock full of holes.\n\n"
        "## Sedimentary\n\n### Chalk\n\nSoft white rock.\n"
    )
    assert [term for term, _ in exported_pairs(tmp_path, "rocks.md", text)] == [
        "Basalt",
        "Pumice",
        "Chalk",
    ]


@pytest.mark.parametrize("title", ["Astronomy Words", '"Astronomy Words"'])
def test_front_matter_title_names_the_deck(tmp_path: Path, title: str) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package

    source = tmp_path / "space.md"
    source.write_text(
        f"---\nlayout: page\ntitle: {title}\n---\n\n**Comet**: an icy body orbiting the sun\n\n"
        "**Meteor**: a streak of light from a burning rock\n",
        encoding="utf-8",
    )
    package = tmp_path / "deck.apkg"
    assert run("export", "--no-memory", source, "-o", package).exit_code == 0
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, package)
        assert deck_card_counts(col) == {"Astronomy Words": 2}


MD_TABLE = (
    "| No | Word | Meaning | Part of speech |\n"
    "|----|------|---------|----------------|\n"
    "| 1 | swift | very fast | adj. |\n"
    "| 2 | ponder | to think about | v. |\n"
)


def test_markdown_table_keeps_its_other_columns(tmp_path: Path) -> None:
    source = tmp_path / "words.md"
    source.write_text(MD_TABLE, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run("export", source, "-o", out).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Term"], r["Definition"], r["Part of speech"]) for r in rows] == [
        ("swift", "very fast", "adj."),
        ("ponder", "to think about", "v."),
    ]


def test_columns_option_applies_to_a_markdown_table(tmp_path: Path) -> None:
    pairs = exported_pairs(tmp_path, "words.md", MD_TABLE, "--columns", "Word,Part of speech")
    assert pairs == [("swift", "adj."), ("ponder", "v.")]


# -- 5. "ACR (Full Name)" acronyms --------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "acronym"),
    [
        ("ROM (Read Only Memory)", "ROM"),
        ("NASA (National Aeronautics and Space Administration)", "NASA"),  # "and" skipped
        ("WWF (World Wide Fund for Nature)", ""),  # initials WWFFN: no match, kept whole
        ("UEFA (Union of European Football Associations)", "UEFA"),
        ("HTML (markup)", ""),
        ("ATP (2021)", ""),
        ("Ram (male sheep)", ""),  # not an all-capitals word
    ],
)
def test_acronym_before_its_expansion(term: str, acronym: str) -> None:
    from glossary_export import Term

    assert Term.create(term, "d").acronym == acronym


def test_acronym_before_its_expansion_merges_and_gets_its_card(tmp_path: Path) -> None:
    from support_anki import fresh_collection, import_package, note_by_term

    source = tmp_path / "computing.txt"
    source.write_text(
        "ROM (Read Only Memory): memory that keeps its data without power\n"
        "Cache: a small fast memory near the processor\n"
        "ROM: memory that keeps its data without power\n",
        encoding="utf-8",
    )
    package = tmp_path / "deck.apkg"
    result = run("export", "--no-memory", "--acronym-cards", source, "-o", package)
    assert result.exit_code == 0, result.output
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, package).new == 2
        rom = note_by_term(col, "ROM (Read Only Memory)")
        assert [card.template()["name"] for card in rom.cards()] == [
            "Term → Definition",
            "Acronym → Full name",
        ]


# -- 6. Anki plain text without headers, holding HTML ----------------------------------------


def test_headerless_anki_text_with_html_is_read_as_html(tmp_path: Path) -> None:
    source = tmp_path / "export.txt"
    source.write_text(
        "Baum\ttree<br>a tall plant\nFluss\triver &amp; stream\nBerg\t<b>mountain</b>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("export", source, "-o", out)
    assert result.exit_code == 0
    assert "the fields hold HTML (no '#html:' header)" in result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(row["Term"], row["Definition"]) for row in csv.DictReader(handle)]
    assert rows == [
        ("Baum", "tree\na tall plant"),
        ("Fluss", "river & stream"),
        ("Berg", "mountain"),
    ]


def test_tab_text_without_markup_stays_literal(tmp_path: Path) -> None:
    text = "a < b\tless than\nR&D\tresearch & development\n"
    assert exported_pairs(tmp_path, "export.txt", text) == [
        ("a < b", "less than"),
        ("R&D", "research & development"),
    ]


def test_from_quizlet_keeps_markup_literal(tmp_path: Path) -> None:
    text = "Baum\ttree<br>a plant\nFluss\triver\n"
    assert exported_pairs(tmp_path, "export.txt", text, "--from", "quizlet")[0] == (
        "Baum",
        "tree<br>a plant",
    )


@pytest.mark.parametrize("arrow", ["→", "->", "=>", "--"])
def test_arrow_and_double_dash_lists_are_lists(tmp_path: Path, arrow: str) -> None:
    # Once read as a study page: lines paired two by two, the first one taken for a description.
    lines = ["Hund", "dog"], ["Katze", "cat"], ["Pferd", "horse"], ["pre-training", "a - b"]
    text = "".join(f"{term} {arrow} {definition}\n" for term, definition in lines)
    assert exported_pairs(tmp_path, "vocab.txt", text) == [tuple(pair) for pair in lines]


def test_an_ascii_arrow_inside_a_word_is_no_delimiter(tmp_path: Path) -> None:
    text = "a->b: the field b of a\nx=>y: a mapping\nup--down: a range\n"
    assert exported_pairs(tmp_path, "code.txt", text) == [
        ("a->b", "the field b of a"),
        ("x=>y", "a mapping"),
        ("up--down", "a range"),
    ]
