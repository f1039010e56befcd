"""Quizlet's Copy text, Markdown and JSON glossaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_export.errors import OptionError, SourceError
from glossary_export.readers import ReadOptions, detect_format, read
from support_readers import pairs, read_bytes, read_text

PAIRS = [
    ("Tokenizer", "Splits text into tokens."),
    ("Low-Rank Adaptation (LoRA)", "Trains small matrices, freezing the rest."),
    ("Embedding", "A vector - dense, learned."),
]


# --- Quizlet -------------------------------------------------------------------------------


def quizlet_text(term_separator: str = "\t", card_separator: str = "\n") -> str:
    """What Quizlet's Export > Copy text gives for PAIRS with these separators."""
    return card_separator.join(f"{t}{term_separator}{d}" for t, d in PAIRS)


def test_quizlet_default_separators(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "set.txt", quizlet_text() + "\n")
    assert pairs(glossary) == PAIRS
    assert [t.line for t in glossary] == [1, 2, 3]
    assert detect_format("set.txt", quizlet_text().encode()) == "quizlet"


def test_quizlet_crlf(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "set.txt", quizlet_text(card_separator="\r\n"), "quizlet")
    assert pairs(glossary) == PAIRS


def test_quizlet_custom_separators(tmp_path: Path) -> None:
    options = ReadOptions(input_separator=" :: ", input_card_separator="\n;;\n")
    data = quizlet_text(" :: ", "\n;;\n").encode()
    glossary = read_bytes(tmp_path, "set.txt", data, options=options)  # detected by the options
    assert pairs(glossary) == PAIRS
    assert [t.line for t in glossary] == [1, 3, 5]


def test_quizlet_card_without_separator_names_its_line(tmp_path: Path) -> None:
    text = quizlet_text() + "\nPerplexity with no definition\n"
    with pytest.raises(SourceError, match="no term separator \\(Tab\\)") as caught:
        read_text(tmp_path, "set.txt", text, "quizlet")
    assert caught.value.line == 4


def test_quizlet_equal_separators_are_refused(tmp_path: Path) -> None:
    options = ReadOptions(input_separator=";", input_card_separator=";")
    with pytest.raises(OptionError):
        read_bytes(tmp_path, "set.txt", b"a;b", "quizlet", options)


# --- Markdown ------------------------------------------------------------------------------

MARKDOWN_TABLE = """\
# LLM Glossary

Some prose about the glossary: it is not a term, because this line is a long sentence.

| Term | Definition | Tags |
|------|------------|------|
| Tokenizer | Splits text into tokens. | nlp |
| **Low-Rank Adaptation (LoRA)** | Trains small matrices, freezing the rest. | |
| Embedding | A vector - dense, learned. | |
"""


def test_markdown_table(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "g.md", MARKDOWN_TABLE)
    assert pairs(glossary) == PAIRS
    assert glossary.title == "LLM Glossary"
    assert [t.line for t in glossary] == [7, 8, 9]
    assert glossary.terms[0].tags == ("nlp",)


@pytest.mark.parametrize(
    "text",
    [
        "- **Tokenizer**: Splits text into tokens.\n"
        "- **Low-Rank Adaptation (LoRA)**: Trains small matrices, freezing the rest.\n"
        "- **Embedding**: A vector - dense, learned.\n",
        "**Tokenizer** - Splits text into tokens.\n\n"
        "**Low-Rank Adaptation (LoRA)** — Trains small matrices, freezing the rest.\n\n"
        "**Embedding**: A vector - dense, learned.\n",
        "Tokenizer: Splits text into tokens.\n"
        "Low-Rank Adaptation (LoRA): Trains small matrices, freezing the rest.\n"
        "Embedding - A vector - dense, learned.\n",
        "Tokenizer\n: Splits text into tokens.\n\n"
        "Low-Rank Adaptation (LoRA)\n: Trains small matrices, freezing the rest.\n\n"
        "Embedding\n:   A vector - dense, learned.\n",
    ],
    ids=["bold-bullets", "bold-dashes", "plain", "definition-list"],
)
def test_markdown_entry_lines(tmp_path: Path, text: str) -> None:
    assert pairs(read_text(tmp_path, "g.md", "## Week 1\n\n" + text)) == PAIRS


def test_markdown_inline_markup_becomes_text(tmp_path: Path) -> None:
    text = "- **`top_p`**: Keeps the *smallest* set of [tokens](https://x.test) above p.\n"
    assert pairs(read_text(tmp_path, "g.md", text)) == [
        ("top_p", "Keeps the smallest set of tokens above p.")
    ]


def test_markdown_code_blocks_are_not_terms(tmp_path: Path) -> None:
    text = "```\nkey: value\n```\nTokenizer: Splits text into tokens.\n"
    assert pairs(read_text(tmp_path, "g.md", text)) == [PAIRS[0]]


def test_markdown_detected_without_suffix() -> None:
    assert detect_format("glossary", MARKDOWN_TABLE.encode()) == "markdown"
    bold = "- **Tokenizer**: Splits text.\n- **Embedding**: A vector.\n"
    assert detect_format("glossary", bold.encode()) == "markdown"


# --- JSON ----------------------------------------------------------------------------------


def test_json_list_of_objects(tmp_path: Path) -> None:
    items = [{"Term": t, "definition": d, "tags": ["x", "y z"]} for t, d in PAIRS]
    glossary = read_text(tmp_path, "g.json", json.dumps(items, indent=2))
    assert pairs(glossary) == PAIRS
    assert [t.line for t in glossary] == [2, 10, 18]
    assert glossary.terms[0].tags == ("x", "y", "z")


def test_json_synonym_keys_and_pairs(tmp_path: Path) -> None:
    items = [
        {"front": PAIRS[0][0], "back": PAIRS[0][1]},
        list(PAIRS[1]),
        {"question": PAIRS[2][0], "answer": PAIRS[2][1]},
    ]
    assert pairs(read_text(tmp_path, "g.json", json.dumps(items))) == PAIRS


def test_json_object_mapping_keeps_repeated_terms(tmp_path: Path) -> None:
    text = '{\n  "Tokenizer": "First.",\n  "Embedding": "A vector.",\n  "Tokenizer": "Again."\n}'
    glossary = read_text(tmp_path, "g.json", text)
    assert pairs(glossary) == [
        ("Tokenizer", "First."),
        ("Embedding", "A vector."),
        ("Tokenizer", "Again."),
    ]
    assert [t.line for t in glossary] == [2, 3, 4]


def test_json_wrapper_with_title(tmp_path: Path) -> None:
    document = {
        "title": "LLM Glossary",
        "description": "Key terms.",
        "terms": [{"term": t, "definition": d} for t, d in PAIRS],
    }
    glossary = read_text(tmp_path, "g.json", json.dumps(document))
    assert pairs(glossary) == PAIRS
    assert (glossary.title, glossary.description) == ("LLM Glossary", "Key terms.")


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ('[{"term": "a", "definition": "b"},\n {"term": "c", ', "invalid JSON", 2),
        ('"just a string"', "no list of terms", 1),
        ('[\n {"term": "a", "definition": "b"},\n {"word": [3]}\n]', "no text term", 3),
        ('[\n {"term": "a", "definition": "b"},\n {"word": true}\n]', "no text term", 3),
        ('{"a": "b",\n "c": ["not", "text"]}', "not a text definition", 2),
        ("[\n 1\n]", "not an object", 2),
    ],
)
def test_json_of_the_wrong_shape(tmp_path: Path, text: str, fragment: str, line: int) -> None:
    with pytest.raises(SourceError, match=fragment) as caught:
        read_text(tmp_path, "g.json", text)
    assert caught.value.line == line


def test_json_detected_without_suffix() -> None:
    assert detect_format("glossary", b'\xef\xbb\xbf  [{"term": "a"}]') == "json"


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({"data": {"items": "LIST"}}, "data.items"),
        ({"status": "ok", "version": 2, "response": {"result": {"cards": "LIST"}}}, None),
        ({"meta": {"page": 1}, "data": {"words": "LIST", "count": 3}}, "data.words"),
    ],
)
def test_json_list_found_down_a_single_path(
    tmp_path: Path, document: dict[str, object], path: str | None
) -> None:
    items = [{"term": t, "definition": d} for t, d in PAIRS]
    text = json.dumps(document, indent=2).replace('"LIST"', json.dumps(items, indent=2))
    glossary = read_text(tmp_path, "g.json", text)
    assert pairs(glossary) == PAIRS
    # Each term carries the line its object starts on.
    lines = text.splitlines()
    assert [lines[term.line - 1].strip() for term in glossary] == ["{"] * len(PAIRS)
    assert [lines[term.line].strip() for term in glossary] == [
        f'"term": {json.dumps(t)},' for t, _ in PAIRS
    ]
    expected = path or "response.result.cards"
    first = glossary.terms[0].line
    assert f"{tmp_path / 'g.json'}:{first}: read the list at {expected}" in glossary.notes


def test_json_two_lists_down_two_paths_are_not_guessed(tmp_path: Path) -> None:
    items = [{"term": "a", "definition": "b"}]
    document = {"old": {"items": items}, "new": {"items": items}}
    with pytest.raises(SourceError):
        read_text(tmp_path, "g.json", json.dumps(document))


def test_json_arrays_keep_their_later_items_as_numbered_columns(tmp_path: Path) -> None:
    rows = [["apple", "a round fruit", "I ate an apple", 3], ["pear", "a sweet fruit", None]]
    glossary = read_text(tmp_path, "g.json", json.dumps(rows))
    assert pairs(glossary) == [("apple", "a round fruit"), ("pear", "a sweet fruit")]
    assert [term.extras for term in glossary] == [
        (("column 3", "I ate an apple"), ("column 4", "3")),
        (),
    ]
    assert (
        f"{tmp_path / 'g.json'}:1: each array is read as term, definition, then 'column 3', "
        "'column 4', kept with the term (--columns picks other positions)" in glossary.notes
    )


def test_json_arrays_with_columns_chosen_by_position(tmp_path: Path) -> None:
    rows = [["1", "apple", "a round fruit"], ["2", "pear", "a sweet fruit"]]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    glossary = read(path, options=ReadOptions(columns="2,3"))
    assert pairs(glossary) == [("apple", "a round fruit"), ("pear", "a sweet fruit")]


def test_json_array_holding_an_array_is_an_error_naming_its_line(tmp_path: Path) -> None:
    text = '[\n ["apple", "a fruit"],\n ["pear", "a fruit", ["nested"]]\n]'
    with pytest.raises(SourceError, match="item 3 of this array is not text") as caught:
        read_text(tmp_path, "g.json", text)
    assert caught.value.line == 3
