"""The study-page reader: furniture recognised by shape, terms and definitions alternating."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import NoTermsError, SourceError
from glossary_export.keys import term_key
from glossary_export.readers import read
from support_readers import pairs, read_bytes, read_text

SEED_FURNITURE = 5  # counter, description, table header, table rule, empty state


def seed_body(seed_path: Path) -> list[tuple[str, str]]:
    """The seed's entries by plain slicing: everything after its five furniture lines."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()[SEED_FURNITURE:]
    return list(zip(lines[0::2], lines[1::2], strict=True))


def test_seed_reads_every_row_with_its_line(seed_path: Path) -> None:
    glossary = read(seed_path)
    assert len(glossary) == 100
    assert pairs(glossary) == seed_body(seed_path)
    assert [term.line for term in glossary] == list(range(6, 206, 2))
    assert {term.file for term in glossary} == {str(seed_path)}
    assert glossary.sources == (str(seed_path),)


def test_seed_keeps_the_description_and_drops_the_furniture(seed_path: Path) -> None:
    glossary = read(seed_path)
    assert glossary.description.startswith("Key terms, acronyms and concepts you must know")
    texts = {text for term in glossary for text in (term.term, term.definition)}
    assert not any("|" in text or text == "1/147" or "No study sessions" in text for text in texts)


def test_seed_has_71_unique_terms_in_first_seen_order(seed_path: Path) -> None:
    unique: dict[str, str] = {}
    for term in read(seed_path):
        unique.setdefault(term_key(term.term), term.term)
    assert len(unique) == 71
    assert list(unique.values())[:3] == [
        "Large Language Model (LLM)",
        "Fine-Tuning",
        "Parameter-Efficient Fine-Tuning (PEFT)",
    ]


def test_windows_line_endings_and_bom_change_nothing(seed_path: Path, tmp_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    glossary = read_bytes(tmp_path, "page.txt", data)
    original = read(seed_path)
    assert pairs(glossary) == pairs(original)
    assert [t.line for t in glossary] == [t.line for t in original]
    assert glossary.description == original.description


BODY = """\
Tokenizer
Splits text into the units a model reads.
Embedding
A vector that represents a token's meaning.
Attention
Lets each token weigh every other token when it is encoded.
"""
BODY_PAIRS = [
    ("Tokenizer", "Splits text into the units a model reads."),
    ("Embedding", "A vector that represents a token's meaning."),
    ("Attention", "Lets each token weigh every other token when it is encoded."),
]


@pytest.mark.parametrize(
    ("furniture", "description"),
    [
        # Other words, same shapes: any N/M counter, any description, any study-mode table,
        # any empty-state sentence.
        (
            "12 / 30\nWords to learn before the exam.\nTerm | Score | Quiz |\n|---|---|\n"
            "Nothing studied so far.\n",
            "Words to learn before the exam.",
        ),
        ("3 of 9\nA glossary of transformer internals!\n", "A glossary of transformer internals!"),
        ("| Name | Mastery |\n| --- | :---: |\nYou have not practised yet.\n", ""),
        ("Week 3 vocabulary\n", "Week 3 vocabulary"),
        ("", ""),
    ],
)
def test_furniture_is_recognised_by_shape(tmp_path: Path, furniture: str, description: str) -> None:
    glossary = read_text(tmp_path, "page.txt", furniture + BODY)
    assert pairs(glossary) == BODY_PAIRS
    assert glossary.description == description
    assert glossary.terms[0].line == furniture.count("\n") + 1


def test_plain_lines_without_sentences_are_all_terms(tmp_path: Path) -> None:
    # A vocabulary list: nothing is a sentence, so nothing may be taken for furniture.
    glossary = read_text(tmp_path, "words.txt", "Handschuh\nglove\nKatze\ncat\nHund\ndog\n")
    assert pairs(glossary) == [("Handschuh", "glove"), ("Katze", "cat"), ("Hund", "dog")]
    assert glossary.description == ""


def test_questions_as_terms_after_furniture(tmp_path: Path) -> None:
    text = (
        "1/3\nQuiz yourself on the basics.\nName | Mastery |\n|---|\nNo study sessions yet.\n"
        "What is a token?\nA unit of text, often a piece of a word.\n"
        "What is a prompt?\nThe text a model is asked to continue.\n"
        "Why fine-tune?\nTo specialise a general model for a task.\n"
    )
    glossary = read_text(tmp_path, "quiz.txt", text)
    assert [t.term for t in glossary] == ["What is a token?", "What is a prompt?", "Why fine-tune?"]
    assert glossary.description == "Quiz yourself on the basics."


def test_blank_lines_are_ignored_and_lines_counted(tmp_path: Path) -> None:
    glossary = read_text(
        tmp_path, "page.txt", "\nTokenizer\n\nSplits text.\n\n\nEmbedding\nA vector.\n"
    )
    assert pairs(glossary) == [("Tokenizer", "Splits text."), ("Embedding", "A vector.")]
    assert [t.line for t in glossary] == [2, 7]


def test_a_page_pasted_twice_keeps_every_row(seed_path: Path, tmp_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    glossary = read_text(tmp_path, "twice.txt", text + "\n" + text)
    assert len(glossary) == 200
    assert pairs(glossary) == seed_body(seed_path) * 2


def test_dangling_term_at_the_end_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_text(tmp_path, "page.txt", BODY + "Perplexity\n")
    assert caught.value.line == 7
    assert caught.value.file == str(tmp_path / "page.txt")
    assert "'Perplexity' has no definition" in str(caught.value)


def test_dangling_term_in_the_middle_names_its_line(tmp_path: Path) -> None:
    text = "Tokenizer\nSplits text into units.\nPerplexity\n" + BODY
    with pytest.raises(SourceError) as caught:
        read_text(tmp_path, "page.txt", text)
    assert caught.value.line == 3
    assert "Perplexity" in caught.value.message


def test_term_followed_by_furniture_is_dangling(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_text(tmp_path, "page.txt", BODY + "Perplexity\n2/147\n" + BODY)
    assert caught.value.line == 7


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n\t\n\r\n",
        "1/147\nKey terms you must know.\nName | Mastery | Learn |\n|---|\nNo sessions yet.\n",
    ],
)
def test_no_terms_is_an_error_naming_the_file(tmp_path: Path, text: str) -> None:
    with pytest.raises(NoTermsError, match=r"no terms found in .*page\.txt"):
        read_text(tmp_path, "page.txt", text, format="page")


def test_lines_of_zero_width_characters_are_blank(tmp_path: Path) -> None:
    text = "Tokenizer\n\u200b\nSplits text into tokens.\n\ufeff \u200d\nEmbedding\nA vector.\n"
    glossary = read_text(tmp_path, "page.txt", text)
    assert pairs(glossary) == [
        ("Tokenizer", "Splits text into tokens."),
        ("Embedding", "A vector."),
    ]


@pytest.mark.parametrize("name", ["empty.json", "empty.xlsx", "empty.apkg", "empty.csv", "empty"])
def test_empty_file_of_any_format_has_no_terms(tmp_path: Path, name: str) -> None:
    with pytest.raises(NoTermsError, match="no terms found in"):
        read_bytes(tmp_path, name, b"\n")


# --- Read by structure: wrapped definitions, furniture anywhere --------------------------------


def wrapped_seed(seed_path: Path, wrap_at: set[int]) -> str:
    """The seed page with the definitions of the entries numbered in ``wrap_at`` wrapped over
    two lines, at the first space after 40 characters (as a narrow window would)."""
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    out = lines[:SEED_FURNITURE]
    for number, (term, definition) in enumerate(seed_body(seed_path)):
        out.append(term)
        cut = definition.find(" ", 40)
        if number in wrap_at and cut > 0:
            out += [definition[:cut], definition[cut + 1 :]]
        else:
            out.append(definition)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("wrap_at", [{0}, {1}, {50}, {99}, {0, 1, 2, 50, 98, 99}, set(range(100))])
def test_wrapped_definitions_are_joined(seed_path: Path, tmp_path: Path, wrap_at: set[int]) -> None:
    # The reported bug: one wrap near the top paired "No study sessions yet." with the first
    # term and shifted every card after it, still counting 71.
    glossary = read_text(tmp_path, "page.txt", wrapped_seed(seed_path, wrap_at))
    assert pairs(glossary) == seed_body(seed_path)
    assert glossary.description.startswith("Key terms, acronyms and concepts")


def test_the_reported_wrap(tmp_path: Path) -> None:
    text = (
        "1/147\nKey terms you must know.\nName | Mastery | Learn |\n|---|\nNo study sessions yet.\n"
        "Large Language Model (LLM)\nA neural network trained on vast text corpora.\n"
        "Fine-Tuning\nFurther training a pre-trained model on a smaller,\n"
        "domain-specific dataset to specialize it for a new task.\n"
        "QLoRA\nA memory-efficient variant of LoRA.\n"
    )
    assert pairs(read_text(tmp_path, "page.txt", text)) == [
        ("Large Language Model (LLM)", "A neural network trained on vast text corpora."),
        (
            "Fine-Tuning",
            "Further training a pre-trained model on a smaller, domain-specific dataset to "
            "specialize it for a new task.",
        ),
        ("QLoRA", "A memory-efficient variant of LoRA."),
    ]


def test_pasted_twice_with_wraps_and_crlf(seed_path: Path, tmp_path: Path) -> None:
    text = wrapped_seed(seed_path, {0, 99}) + wrapped_seed(seed_path, {3, 40})
    glossary = read_bytes(tmp_path, "twice.txt", text.replace("\n", "\r\n").encode())
    assert pairs(glossary) == seed_body(seed_path) * 2


def test_other_counters_in_the_middle(tmp_path: Path) -> None:
    text = "3/12\n" + BODY + "4 of 12\n" + BODY + "12 / 12\n"
    assert pairs(read_text(tmp_path, "page.txt", text)) == BODY_PAIRS * 2


def test_a_wrapped_page_still_names_a_term_without_definition(
    seed_path: Path, tmp_path: Path
) -> None:
    text = wrapped_seed(seed_path, {0, 1, 2}).splitlines()
    text.insert(20, "Perplexity")  # between an entry's definition and the next term
    with pytest.raises(SourceError, match="'Perplexity' has no definition") as caught:
        read_text(tmp_path, "page.txt", "\n".join(text) + "\n")
    assert caught.value.line == 21


def test_every_line_of_the_page_is_accounted_for(seed_path: Path) -> None:
    glossary = read(seed_path)
    roles = [reading.role for reading in glossary.lines]
    assert roles[:5] == ["counter", "description", "table header", "table header", "status line"]
    assert roles[5:] == ["term", "definition"] * 100
    assert [r.line for r in glossary.lines] == list(range(1, 206))
    assert not any(r.finding for r in glossary.lines)
