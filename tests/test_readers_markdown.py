"""Markdown glossaries in the shapes people write them, and the real ones others published."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export import export_deck
from glossary_export.readers import read
from support_readers import pairs, read_text
from support_real import expected, real_glossary

MIXED = """\
---
title: Model glossary
tags: [ml, llm]
---

# Model glossary

Terms we use when we talk about models.

## Architecture

**Transformer** — A network built from attention layers,
stacked many times.

**Attention**: lets each token weigh the others; the score is
`softmax(q*k)` over the keys.

**Tokenizer** —
Splits text into tokens. The common kinds:

| Kind | Example |
|------|---------|
| BPE  | GPT-2   |

It runs before the model.

## Training

- Epoch: one pass over the data
  - the data may be shuffled between epochs
- Learning rate: how far each step moves the weights,
  usually decayed over time
- Batch: the examples of one step

Perplexity
: how surprised the model is by a text
: lower is better

```
batch: 32
epochs: 3
```
"""

MIXED_PAIRS = [
    ("Transformer", "A network built from attention layers, stacked many times."),
    ("Attention", "lets each token weigh the others; the score is softmax(q*k) over the keys."),
    (
        "Tokenizer",
        "Splits text into tokens. The common kinds:\n| Kind | Example |\n|------|---------|\n"
        "| BPE  | GPT-2   |\nIt runs before the model.",
    ),
    ("Epoch", "one pass over the data\n- the data may be shuffled between epochs"),
    ("Learning rate", "how far each step moves the weights, usually decayed over time"),
    ("Batch", "the examples of one step"),
    ("Perplexity", "how surprised the model is by a text\nlower is better"),
]


def test_mixed_shapes(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "mixed.md", MIXED)
    assert pairs(glossary) == MIXED_PAIRS
    assert glossary.title == "Model glossary"
    assert glossary.description == "Terms we use when we talk about models."
    assert [term.subdeck for term in glossary] == ["Architecture"] * 3 + ["Training"] * 4
    assert all(not term.extras for term in glossary)  # a section is a deck, not a column


def test_sections_of_several_entries_become_sub_decks_in_anki(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package

    source = tmp_path / "mixed.md"
    source.write_text(MIXED, encoding="utf-8")
    export_deck(source, tmp_path / "deck.apkg", deck="Models")
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, tmp_path / "deck.apkg").new == len(MIXED_PAIRS)
        assert deck_card_counts(col) == {"Models::Architecture": 3, "Models::Training": 4}


def test_mixed_shapes_account_for_every_line(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "mixed.md", MIXED)
    nonblank = [n for n, line in enumerate(MIXED.splitlines(), 1) if line.strip()]
    assert [reading.line for reading in glossary.lines] == nonblank
    roles = {reading.line: reading.role for reading in glossary.lines}
    assert [roles[n] for n in (1, 2, 3, 4, 6, 8, 10)] == [
        "front matter",
        "front matter",
        "front matter",
        "front matter",
        "title",
        "description",
        "heading",
    ]
    assert [roles[n] for n in (39, 40, 41, 42)] == ["code block"] * 4
    assert not any(reading.finding for reading in glossary.lines)


HEADINGS = """\
# Glossary

Words used in this handbook.

## API
Application Programming Interface.
What a program calls.

## Cache

A store of results, kept to answer again
without the work.

- in memory
- on disk

### Cold cache
A cache that holds nothing yet.

## Webhook

See [callbacks](#callback) and `POST /hook`.
"""


def test_a_heading_per_term_at_any_level(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "GLOSSARY.md", HEADINGS)
    assert pairs(glossary) == [
        ("API", "Application Programming Interface. What a program calls."),
        (
            "Cache",
            "A store of results, kept to answer again without the work.\n- in memory\n- on disk",
        ),
        ("Cold cache", "A cache that holds nothing yet."),
        ("Webhook", "See callbacks and POST /hook."),
    ]
    assert glossary.title == "Glossary"
    assert glossary.description == "Words used in this handbook."


def test_headings_that_group_bullets_are_sections_not_terms(tmp_path: Path) -> None:
    text = "# Lists\n\n## Fruit\n\n- Apple: a fruit\n- Pear: another\n\n## Note\n\nSee below.\n"
    glossary = read_text(tmp_path, "g.md", text)
    assert pairs(glossary) == [("Apple", "a fruit"), ("Pear", "another")]


def test_star_inside_code_is_not_emphasis(tmp_path: Path) -> None:
    text = "- **glob**: matches `*.md` and `a*b*c` but *not* dot files\n- **x**: y\n"
    assert pairs(read_text(tmp_path, "g.md", text))[0] == (
        "glob",
        "matches *.md and a*b*c but not dot files",
    )


def test_full_width_colon_bullets(tmp_path: Path) -> None:
    text = "## 颜色\n\n- Black：黑色\n- White：白色\n\t- Snow White：雪白\n- Nitro-Carbon：\n"
    assert pairs(read_text(tmp_path, "zh.md", text)) == [
        ("Black", "黑色"),
        ("White", "白色"),
        ("Snow White", "雪白"),
        ("Nitro-Carbon", ""),
    ]


def test_prose_between_entries_is_reported(tmp_path: Path) -> None:
    text = "**Alpha**: first\n\nAn aside about the alphabet, not an entry.\n\n**Beta**: second\n"
    with pytest.warns(UserWarning, match=r"g\.md:3: this line was not read"):
        glossary = read_text(tmp_path, "g.md", text)
    assert pairs(glossary) == [("Alpha", "first"), ("Beta", "second")]


def test_a_line_of_thousands_of_spaces_reads_quickly(tmp_path: Path) -> None:
    # Once a backtracking pattern: this line took 43 s. No timing asserted: it must finish.
    text = "word" + " " * 8000 + "\t" * 8000 + "x\n- **Term**: definition\n"
    assert pairs(read_text(tmp_path, "g.md", text)) == [("Term", "definition")]


@pytest.mark.parametrize(
    "name",
    [
        "bibliotheca-glossary.md",
        "perfgov-glossary.md",
        "minecraft-zh-glossary.md",
        "es-cookbook-glossary.md",
        "gobyexample-ar-glossary.md",
    ],
)
def test_real_markdown_glossaries(name: str) -> None:
    want = expected(name)
    glossary = read(real_glossary(name))
    read_pairs = pairs(glossary)
    assert len([pair for pair in read_pairs if pair[1]]) == want["count"]
    for term, definition in want["samples"]:
        assert (term, definition) in read_pairs
    text = real_glossary(name).read_text(encoding="utf-8")
    nonblank = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    assert [reading.line for reading in glossary.lines] == nonblank


def test_real_minecraft_empty_definition_is_read() -> None:
    glossary = read(real_glossary("minecraft-zh-glossary.md"))
    assert ("Nitro-Carbon", "") in pairs(glossary)


SAILING = """\
<!-- generated -->
Glossary of Sailing
===================

A few words a crew member should know.

1. __Port__: the left side of the boat when facing forward.
2. __Starboard__ - the right side,
   from "steer board".
3. **Tack**
   : to turn the bow through the wind.

> **Note:** these are British usages.

* **Jib** — a triangular sail in front of the mast
    * also called the headsail
"""


def test_setext_title_comments_numbered_items_and_a_quote(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match=r"sailing\.md:13: .*quote between entries"):
        glossary = read_text(tmp_path, "sailing.md", SAILING)
    assert pairs(glossary) == [
        ("Port", "the left side of the boat when facing forward."),
        ("Starboard", 'the right side, from "steer board".'),
        ("Tack", "to turn the bow through the wind."),
        ("Jib", "a triangular sail in front of the mast\n- also called the headsail"),
    ]
    assert glossary.title == "Glossary of Sailing"


def test_an_open_bold_term_ends_at_an_entry_of_another_shape(tmp_path: Path) -> None:
    text = (
        "**Alpha** —\nThe first letter.\n\n- Beta: the second\n\nGamma\n: the third\n\n"
        "**Delta** —\nThe ones we use:\n- **d** — small\n- **D** — capital\n"
    )
    assert pairs(read_text(tmp_path, "g.md", text)) == [
        ("Alpha", "The first letter."),
        ("Beta", "the second"),
        ("Gamma", "the third"),
        ("Delta", "The ones we use:\n- d — small\n- D — capital"),
    ]


def test_a_table_s_totals_row_is_no_card_and_is_named(tmp_path: Path) -> None:
    text = (
        "# Shopping words\n\n| Word | Price |\n|---|---|\n| bread | 2.50 |\n| milk | 1.25 |\n"
        "| Total | 3.75 |\n\nMore words follow.\n"
    )
    glossary = read_text(tmp_path, "prices.md", text)
    assert pairs(glossary) == [("bread", "2.50"), ("milk", "1.25")]
    assert f"{tmp_path / 'prices.md'}:7: a totals row ('Total', 3.75), not a card" in glossary.notes


@pytest.mark.parametrize(
    "last_row",
    ["| Total | the whole amount |", "| Total | 2 |", "| Sum | 9 |"],
)
def test_a_real_term_in_a_table_is_never_taken_for_a_totals_row(
    tmp_path: Path, last_row: str
) -> None:
    text = f"| Term | Definition |\n|---|---|\n| Difference | 3 |\n| Product | 18 |\n{last_row}\n"
    glossary = read_text(tmp_path, "maths.md", text)
    assert len(glossary) == 3
    assert not [note for note in glossary.notes if "totals row" in note]
