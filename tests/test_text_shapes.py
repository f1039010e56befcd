"""Plain-text shapes people paste that are neither a known list nor a study page: a separator
no list uses (" / ", dot leaders, columns of spaces, a bold or capitalised term), two
delimiters in one list, ``#`` headings, a table copied one cell a line. Each is read as a
careful person reads it, or refused naming the file and line; never two entries paired into
one card."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from glossary_export.errors import SourceError
from glossary_export.readers import ReadOptions
from support_readers import pairs, read_bytes, read_text

ENTRIES = [
    ("Osmosis", "movement of water across a membrane"),
    ("Diffusion", "spreading of particles"),
    ("Mitosis", "cell division"),
    ("Meiosis", "division making gametes"),
    ("Enzyme", "a biological catalyst"),
    ("Atom", "smallest unit"),
]


def aligned(entries: list[tuple[str, str]], fill: str) -> list[str]:
    """Lines with the definitions in one column, as a PDF table or a book's index prints them."""
    width = max(len(term) for term, _ in entries) + 4
    return [f"{term} {fill * (width - len(term))} {definition}" for term, definition in entries]


SHAPES = {
    "slash": lambda entries: [f"{t} / {d}" for t, d in entries],
    "dot leaders": lambda entries: aligned(entries, "."),
    "ellipsis leaders": lambda entries: [f"{t}... {d}" for t, d in entries],
    "columns of spaces": lambda entries: aligned(entries, " "),
    "bold term": lambda entries: [f"**{t}** {d}" for t, d in entries],
    "double colon": lambda entries: [f"{t} :: {d}" for t, d in entries],
    "obsidian double colon": lambda entries: [f"{t}:: {d}" for t, d in entries],
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("count", [2, 3, 6])
@pytest.mark.parametrize("title", ["", "Biology terms\n"])
def test_lines_with_one_separator_each_are_a_list(
    tmp_path: Path, shape: str, count: int, title: str
) -> None:
    entries = ENTRIES[:count]
    text = title + "\n".join(SHAPES[shape](entries)) + "\n"
    glossary = read_text(tmp_path, "terms.txt", text)
    assert pairs(glossary) == entries
    assert glossary.title == title.strip()


def test_a_term_in_capitals_starts_each_entry(tmp_path: Path) -> None:
    text = (
        "OSMOSIS The movement of water across a membrane.\n"
        "DIFFUSION The spreading of particles.\n"
        "ACTIVE TRANSPORT Movement against a gradient.\n"
    )
    assert pairs(read_text(tmp_path, "dictionary.txt", text)) == [
        ("OSMOSIS", "The movement of water across a membrane."),
        ("DIFFUSION", "The spreading of particles."),
        ("ACTIVE TRANSPORT", "Movement against a gradient."),
    ]


def test_a_definition_in_capitals_terms_may_start_with_the_article_a(tmp_path: Path) -> None:
    text = (
        "ACID A substance that gives protons.\n"
        "VITAMIN A The vitamin of the eyes.\n"
        "AMINO ACID A unit of proteins.\n"
        "BOND A link between atoms.\n"
    )
    assert pairs(read_text(tmp_path, "chemistry.txt", text)) == [
        ("ACID", "A substance that gives protons."),
        ("VITAMIN A", "The vitamin of the eyes."),
        ("AMINO ACID", "A unit of proteins."),
        ("BOND", "A link between atoms."),
    ]


def test_terms_each_over_their_definition_are_no_capitals_list(tmp_path: Path) -> None:
    """Each line under a short line of its own: those are the terms, even where a definition
    starts with capitals ("A GPU ...") that could have been a term in capitals."""
    text = "Model\nA GPU model for training.\n\nToken\nA GPU unit of text.\n"
    assert pairs(read_text(tmp_path, "page.txt", text)) == [
        ("Model", "A GPU model for training."),
        ("Token", "A GPU unit of text."),
    ]


def test_letter_headings_over_one_entry_each_stay_headings(tmp_path: Path) -> None:
    text = "A\nACID A substance that gives protons.\n\nB\nBASE A substance that takes protons.\n"
    assert pairs(read_text(tmp_path, "chemistry.txt", text)) == [
        ("ACID", "A substance that gives protons."),
        ("BASE", "A substance that takes protons."),
    ]


def test_a_name_holding_a_double_colon_is_no_delimiter(tmp_path: Path) -> None:
    text = "std::map: a sorted associative container\nstd::vector: a dynamic array\n"
    assert pairs(read_text(tmp_path, "cpp.txt", text)) == [
        ("std::map", "a sorted associative container"),
        ("std::vector", "a dynamic array"),
    ]


@pytest.mark.parametrize("order", ["dash first", "colon first"])
def test_a_list_typed_with_two_delimiters(tmp_path: Path, order: str) -> None:
    dashed = ["猫 (ねこ) – cat", "犬 (いぬ) – dog"]
    colons = ["学校（がっこう）：school", "先生（せんせい）：teacher"]
    lines = dashed + colons if order == "dash first" else colons + dashed
    glossary = read_text(tmp_path, "ja.txt", "\n".join(lines) + "\n")
    expected = {
        ("猫 (ねこ)", "cat"),
        ("犬 (いぬ)", "dog"),
        ("学校（がっこう）", "school"),
        ("先生（せんせい）", "teacher"),
    }
    assert set(pairs(glossary)) == expected
    assert len(glossary.terms) == 4
    assert glossary.title == ""
    assert any("where the other entries use" in note for note in glossary.notes)


@pytest.mark.parametrize("marker", ["#", "="])
def test_headings_in_a_text_list_are_sections(tmp_path: Path, marker: str) -> None:
    text = (
        f"{marker} Biology\n"
        f"{marker * 2} Cells\n"
        "Nucleus: controls the cell\n"
        "Ribosome: makes proteins\n"
        f"{marker * 2} Plants\n"
        "Chloroplast: site of photosynthesis\n"
    )
    glossary = read_text(tmp_path, "biology.txt", text)
    assert pairs(glossary) == [
        ("Nucleus", "controls the cell"),
        ("Ribosome", "makes proteins"),
        ("Chloroplast", "site of photosynthesis"),
    ]
    assert glossary.title == "Biology"
    readings = {reading.line: reading.role for reading in glossary.lines}
    assert readings[2] == readings[5] == "heading"
    assert any("biology.txt:2: read 2 heading lines" in note for note in glossary.notes)


def test_a_heading_after_a_definition_never_joins_it(tmp_path: Path) -> None:
    text = "Hund: dog\nKatze: cat\n# Birds\nAmsel: blackbird\nMeise: tit\n"
    assert pairs(read_text(tmp_path, "tiere.txt", text, format="list")) == [
        ("Hund", "dog"),
        ("Katze", "cat"),
        ("Amsel", "blackbird"),
        ("Meise", "tit"),
    ]


@pytest.mark.parametrize("header", [("Term", "Definition"), ("Word", "Meaning")])
def test_a_table_copied_one_cell_a_line_drops_its_header(
    tmp_path: Path, header: tuple[str, str]
) -> None:
    cells = [*header]
    for term, definition in ENTRIES[:3]:
        cells += [term, definition]
    glossary = read_text(tmp_path, "table.txt", "\n".join(cells) + "\n")
    assert pairs(glossary) == ENTRIES[:3]


def test_three_tab_columns_are_a_table_not_a_definition_holding_a_tab(tmp_path: Path) -> None:
    rows = [(t, d, "Cells") for t, d in ENTRIES[:3]]
    text = "".join("\t".join(row) + "\n" for row in rows)
    assert pairs(read_text(tmp_path, "studystack.txt", text)) == ENTRIES[:3]


@pytest.mark.parametrize("separator", ["~", "//", ">>", "•"])
def test_an_unknown_separator_on_every_line_is_refused_by_name(
    tmp_path: Path, separator: str
) -> None:
    text = "".join(f"{t} {separator} {d}\n" for t, d in ENTRIES[:4])
    with pytest.raises(SourceError, match=rf"terms.txt:1: .*--input-separator '{separator}'"):
        read_text(tmp_path, "terms.txt", text)
    options = ReadOptions(input_separator=separator)
    glossary = read_bytes(tmp_path, "terms.txt", text.encode(), options=options)
    assert pairs(glossary) == ENTRIES[:4]


def test_lines_alike_without_a_separator_are_refused(tmp_path: Path) -> None:
    # "term definition" with only a space between: no reading can tell where the term ends.
    text = "".join(f"{t.lower()} {d} of the cell\n" for t, d in ENTRIES[:4])
    with pytest.raises(SourceError, match=r"alike.txt:1: .*--input-separator"):
        read_text(tmp_path, "alike.txt", text)


def test_a_vocabulary_page_still_pairs_its_lines(tmp_path: Path) -> None:
    # One word a line, no separator anywhere: terms and meanings alternate, as pasted.
    text = "Hund\ndog\nKatze\ncat\nPferd\nhorse\n"
    assert pairs(read_text(tmp_path, "vokabeln.txt", text)) == [
        ("Hund", "dog"),
        ("Katze", "cat"),
        ("Pferd", "horse"),
    ]


TERM_WORDS = st.sampled_from("Osmosis Enzyme Atom Cell Nucleus Membrane Protein Gene".split())
DEFINITION_WORDS = st.sampled_from("water movement of the a small unit cell energy in".split())
SEPARATORS = [": ", " - ", " = ", " – ", " / ", " ... ", "   ", " :: ", " ~ ", " // ", " > "]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(
        st.tuples(
            st.lists(TERM_WORDS, min_size=1, max_size=3).map(" ".join),
            st.lists(DEFINITION_WORDS, min_size=1, max_size=8).map(" ".join),
        ),
        min_size=2,
        max_size=12,
        unique_by=lambda entry: entry[0],
    ),
    separator=st.sampled_from([*SEPARATORS, "bold", "capitals"]),
    title=st.sampled_from(["", "Biology terms\n", "Biology terms\n\n"]),
)
def test_a_list_with_one_separator_is_read_whole_or_refused(
    tmp_path: Path, entries: list[tuple[str, str]], separator: str, title: str
) -> None:
    # Never half as many cards (two entries paired), never a description swallowing one.
    if separator == "capitals":
        entries = [(term.upper(), definition) for term, definition in entries]
        # One two-word term among one-word ones is read as a term and an acronym starting its
        # definition ("ATP ADP plus a phosphate"), with a note saying so: a trade-off, not this.
        assume(len(entries) < 3 or sum(" " in term for term, _ in entries) != 1)
    lines = [
        f"**{term}** {definition}"
        if separator == "bold"
        else f"{term} {definition}"
        if separator == "capitals"
        else f"{term}{separator}{definition}"
        for term, definition in entries
    ]
    text = title + "".join(f"{line}\n" for line in lines)
    try:
        glossary = read_text(tmp_path, "generated.txt", text)
    except SourceError as error:
        assert "generated.txt:1:" in str(error)
        assert "--input-separator" in str(error) or "--from list" in str(error)
        return
    assert pairs(glossary) == entries


def test_a_copied_wikipedia_glossary_keeps_only_its_entries(tmp_path: Path) -> None:
    text = (
        "Glossary of astronomy\n"
        "Contents: A B C D\n"
        "A\n"
        "Albedo\n"
        "The share of light a surface reflects.[1]\n"
        "Aphelion\n"
        "The point of an orbit farthest from the Sun.[2][3]\n"
        "B\n"
        "Binary star\n"
        "Two stars orbiting their common centre of mass.[1]\n"
        "See also\n"
        "External links\n"
    )
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == [
        ("Albedo", "The share of light a surface reflects."),
        ("Aphelion", "The point of an orbit farthest from the Sun."),
        ("Binary star", "Two stars orbiting their common centre of mass."),
    ]
    assert glossary.title == "Glossary of astronomy"
    assert any("3 citation marks" in note for note in glossary.notes)
    roles = [reading.role for reading in glossary.lines]
    assert roles.count("letter heading") == 2 and roles.count("section heading") == 2


def test_citation_marks_after_list_definitions_are_left_out(tmp_path: Path) -> None:
    text = "Abiotic – non-living parts.[1]\nAllele – a version of a gene.[2][3]\nIndex – a[0]\n"
    glossary = read_text(tmp_path, "wiki.txt", text)
    assert pairs(glossary) == [
        ("Abiotic", "non-living parts."),
        ("Allele", "a version of a gene."),
        ("Index", "a[0]"),
    ]
    assert any("2 citation marks" in note for note in glossary.notes)


def test_an_alphabet_page_keeps_its_letters_as_terms(tmp_path: Path) -> None:
    # Letters that are the terms: no term below starts with the letter, so no heading.
    text = "A\nThe first letter.\nB\nThe second letter.\nC\nThe third letter.\n"
    assert pairs(read_text(tmp_path, "letters.txt", text)) == [
        ("A", "The first letter."),
        ("B", "The second letter."),
        ("C", "The third letter."),
    ]


def test_a_restructuredtext_glossary_drops_its_underline_and_directive(tmp_path: Path) -> None:
    text = (
        "Networking\n==========\n\n.. glossary::\n\n   Latency\n      The delay before data "
        "arrives.\n\n   Jitter\n      Variation in latency.\n"
    )
    glossary = read_text(tmp_path, "glossary.rst", text)
    assert pairs(glossary) == [
        ("Latency", "The delay before data arrives."),
        ("Jitter", "Variation in latency."),
    ]
    assert glossary.title == "Networking"


QUIZ = [
    ("What is osmosis?", "The movement of water across a membrane."),
    ("What is mitosis?", "Division of a cell into two identical cells."),
    ("Who wrote Hamlet?", "Shakespeare"),
]


# On one line, only a capital 'A:' labels the answer: inside a question 'a:' may be a word.
QUIZ_LAYOUTS = [
    (labels, layout)
    for labels in [("Q", "A"), ("Question", "Answer"), ("q", "a")]
    for layout in ["two lines", "two lines, blank between", "one line"]
    if labels[0] != "q" or layout != "one line"
]


@pytest.mark.parametrize(("labels", "layout"), QUIZ_LAYOUTS)
def test_question_and_answer_lines_are_question_cards(
    tmp_path: Path, labels: tuple[str, str], layout: str
) -> None:
    q, a = labels
    if layout == "one line":
        text = "".join(f"{q}: {question} {a}: {answer}\n" for question, answer in QUIZ)
    else:
        gap = "\n" if "blank" in layout else ""
        text = "".join(f"{q}: {question}\n{a}: {answer}\n{gap}" for question, answer in QUIZ)
    glossary = read_text(tmp_path, "quiz.txt", text)
    assert pairs(glossary) == QUIZ
    assert glossary.notes


def test_a_list_with_a_term_called_q_stays_a_list(tmp_path: Path) -> None:
    text = "Q: the letter after P\nR: the letter after Q\nS: the letter after R\n"
    assert pairs(read_text(tmp_path, "letters.txt", text)) == [
        ("Q", "the letter after P"),
        ("R", "the letter after Q"),
        ("S", "the letter after R"),
    ]


@pytest.mark.parametrize("pages", ["118–119", "118-119", "12, 40", "45, 67-69"])
def test_page_numbers_after_index_terms_are_left_out(tmp_path: Path, pages: str) -> None:
    # One entry shows page numbers nothing but an index has; the others a single page.
    text = f"{ENTRIES[0][0]}, {pages}: {ENTRIES[0][1]}\n"
    text += "".join(f"{term}, 45: {definition}\n" for term, definition in ENTRIES[1:3])
    glossary = read_text(tmp_path, "index.txt", text)
    assert pairs(glossary) == ENTRIES[:3]
    assert any("page numbers" in note for note in glossary.notes)


def test_a_term_holding_a_number_keeps_it(tmp_path: Path) -> None:
    text = "Vitamin B12: helps make red blood cells\nOmega 3: a fatty acid\n"
    assert pairs(read_text(tmp_path, "list.txt", text)) == [
        ("Vitamin B12", "helps make red blood cells"),
        ("Omega 3", "a fatty acid"),
    ]


@pytest.mark.parametrize("name", ["glossary.yaml", "_data/glossary.yml"])
def test_yaml_is_refused_by_name(tmp_path: Path, name: str) -> None:
    (tmp_path / "_data").mkdir()
    text = "- term: Latency\n  definition: The delay before data arrives.\n"
    with pytest.raises(SourceError, match=r"glossary.ya?ml:1: YAML is not read; .*CSV or JSON"):
        read_text(tmp_path, name, text)


def test_a_phrase_page_without_sentences_pairs_its_lines(tmp_path: Path) -> None:
    # Nothing ends a sentence: a line in lower case is the next phrase, never a wrap.
    phrases = [
        ("je voudrais un café", "I would like a coffee"),
        ("il fait beau", "the weather is nice"),
        ("est-ce que vous avez une chambre", "do you have a room"),
        ("où est la gare", "where is the station"),
    ]
    text = "".join(f"{phrase}\n{meaning}\n" for phrase, meaning in phrases)
    assert pairs(read_text(tmp_path, "phrases.txt", text)) == phrases


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_list_with_one_separator_under_section_headings(tmp_path: Path, shape: str) -> None:
    first, second = ENTRIES[:3], ENTRIES[3:]
    text = (
        "Biology words\n\nCells\n"
        + "\n".join(SHAPES[shape](first))
        + "\n\nBody\n"
        + "\n".join(SHAPES[shape](second))
        + "\n"
    )
    glossary = read_text(tmp_path, "sections.txt", text)
    assert pairs(glossary) == ENTRIES
    assert [r.role for r in glossary.lines if r.role == "heading"] == ["heading"] * 2


KNOWN_DELIMITERS = [": ", " - ", " = ", " – ", "：", " → "]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(
        st.tuples(
            st.lists(st.sampled_from([*"猫 学校".split(), "Osmosis", "Cell"]), max_size=2)
            .map(" ".join)
            .filter(bool)
            | st.lists(TERM_WORDS, min_size=1, max_size=3).map(" ".join),
            st.lists(DEFINITION_WORDS, min_size=1, max_size=8).map(" ".join),
        ),
        min_size=4,
        max_size=12,
        unique_by=lambda entry: entry[0],
    ),
    delimiters=st.lists(st.sampled_from(KNOWN_DELIMITERS), min_size=2, max_size=2, unique=True),
    data=st.data(),
)
def test_a_list_typed_with_two_delimiters_is_read_whole(
    tmp_path: Path, entries: list[tuple[str, str]], delimiters: list[str], data: st.DataObject
) -> None:
    # Each delimiter on two lines or more, in any order: every line is its own entry.
    count = len(entries)
    which = data.draw(
        st.lists(st.sampled_from([0, 1]), min_size=count, max_size=count).filter(
            lambda chosen: chosen.count(0) >= 2 and chosen.count(1) >= 2
        )
    )
    text = "".join(
        f"{term}{delimiters[index]}{definition}\n"
        for (term, definition), index in zip(entries, which, strict=True)
    )
    assert pairs(read_text(tmp_path, "mixed.txt", text)) == entries
