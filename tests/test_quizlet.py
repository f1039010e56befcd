"""Quizlet paste text, read back with Quizlet's splitting rules (support_tables.split_quizlet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import OptionError
from glossary_export.model import Glossary, Term
from support_export import export
from support_tables import glossary_of, seed_glossary, split_quizlet


def write_and_split(
    glossary: Glossary, tmp_path: Path, **options: str
) -> tuple[list[tuple[str, str]], dict[str, int], list[str]]:
    path = tmp_path / "deck.txt"
    result = export(glossary, path, "quizlet", **options)
    text = path.read_text(encoding="utf-8")
    cards = split_quizlet(
        text, options.get("term_separator", "\t"), options.get("card_separator", "\n")
    )
    assert result.terms_written == len(cards)
    return cards, result.adjustments, result.notes


def test_seed_page_gives_71_cards_in_first_seen_order(seed_path: Path, tmp_path: Path) -> None:
    glossary = seed_glossary(seed_path)
    cards, adjustments, notes = write_and_split(glossary, tmp_path)
    assert len(cards) == 71
    assert cards == [(t.term, t.definition) for t in glossary]
    assert cards[0] == (
        "Large Language Model (LLM)",
        "A neural network with billions of parameters trained on vast text corpora to "
        "understand and generate human-like language.",
    )
    assert adjustments == {}
    assert notes == [
        "In Quizlet's Import dialog choose "
        '"Between term and definition: Tab" and "Between cards: New line".'
    ]


@pytest.mark.parametrize(
    ("term", "definition", "expected", "folded"),
    [
        ("Plain", "one line", ("Plain", "one line"), 0),
        ("Lines", "first\nsecond", ("Lines", "first second"), 1),
        ("Windows", "first\r\nsecond", ("Windows", "first second"), 1),
        ("Old Mac", "first\rsecond", ("Old Mac", "first second"), 1),
        ("Paragraphs", "first \n\n  second", ("Paragraphs", "first second"), 1),
        ("Unicode break", "first\u2028second", ("Unicode break", "first second"), 1),
        ("Tabbed", "col\tcol", ("Tabbed", "col col"), 1),
        ("Tab\tin term", "and\nin definition", ("Tab in term", "and in definition"), 2),
        ("Emoji 🚀", "Launch 🎉 party", ("Emoji 🚀", "Launch 🎉 party"), 0),
        ("نموذج لغوي", "شبكة عصبية كبيرة", ("نموذج لغوي", "شبكة عصبية كبيرة"), 0),
        ("=1+1", "-starts with a dash", ("=1+1", "-starts with a dash"), 0),
    ],
)
def test_default_separators_fold_tabs_and_line_breaks(
    tmp_path: Path, term: str, definition: str, expected: tuple[str, str], folded: int
) -> None:
    glossary = glossary_of(("Before", "first card"), (term, definition), ("After", "last card"))
    cards, adjustments, notes = write_and_split(glossary, tmp_path)
    assert cards == [("Before", "first card"), expected, ("After", "last card")]
    assert adjustments == ({"fields folded": folded} if folded else {})
    if folded:
        fields = "1 field" if folded == 1 else f"{folded} fields"
        assert f"{fields} held tabs and line breaks" in notes[0]
        assert "custom card separator" in notes[0]


def test_folding_is_counted_across_chunks(tmp_path: Path) -> None:
    pairs = [(f"Term {n}", f"Definition {n}") for n in range(10_000)]
    pairs[5_000] = ("Term 5000", "broken\nline")
    pairs[9_999] = ("Term\t9999", "Definition 9999")
    cards, adjustments, _ = write_and_split(glossary_of(*pairs), tmp_path)
    assert len(cards) == 10_000
    assert cards[5_000] == ("Term 5000", "broken line")
    assert cards[9_999] == ("Term 9999", "Definition 9999")
    assert adjustments == {"fields folded": 2}


@pytest.mark.parametrize(
    ("term_separator", "card_separator", "dialog"),
    [
        (
            "\t",
            "|||",
            '"Between term and definition: Tab" and "Between cards: Custom", typing "|||"',
        ),
        (",", ";", '"Between term and definition: Comma" and "Between cards: Semicolon"'),
        (
            " :: ",
            "\n",
            '"Between term and definition: Custom", typing " :: " and "Between cards: New line"',
        ),
        (
            "=>",
            "##",
            '"Between term and definition: Custom", typing "=>" and '
            '"Between cards: Custom", typing "##"',
        ),
    ],
)
def test_custom_separators_round_trip_and_name_the_dialog_choices(
    tmp_path: Path, term_separator: str, card_separator: str, dialog: str
) -> None:
    # A line break survives only when the cards are not separated by New line.
    attention = "Weights tokens." + ("" if card_separator == "\n" else "\nThen mixes them.")
    glossary = glossary_of(
        ("Attention", attention), ("Emoji 🚀", "שלום עולם"), ("LoRA", "Low-rank adapters")
    )
    cards, adjustments, notes = write_and_split(
        glossary, tmp_path, term_separator=term_separator, card_separator=card_separator
    )
    assert cards == [(t.term, t.definition) for t in glossary]
    assert adjustments == {}
    assert notes == [f"In Quizlet's Import dialog choose {dialog}."]


def test_custom_card_separator_keeps_line_breaks_but_still_folds_tabs(tmp_path: Path) -> None:
    glossary = glossary_of(("Steps", "1. read\n2. dedupe\n3. write"), ("Cols", "a\tb"))
    cards, adjustments, _ = write_and_split(glossary, tmp_path, card_separator="|||")
    assert cards == [("Steps", "1. read\n2. dedupe\n3. write"), ("Cols", "a b")]
    assert adjustments == {"fields folded": 1}


@pytest.mark.parametrize(
    ("term_separator", "card_separator", "term", "definition", "which"),
    [
        (";", "\n", "Semi", "a; b", "term separator"),
        (";", "\n", "Semi;colon", "b", "term separator"),
        ("\t", ";", "Semi", "a; b", "card separator"),
        ("\t", "|||", "Pipes", "a ||| b", "card separator"),
        # "x|" + "||" would split after "x": the definition's end merges with the separator.
        ("\t", "||", "Pipe end", "ends with |", "card separator"),
        ("::", "\n", "Colon end:", "b", "term separator"),
    ],
)
def test_separator_inside_content_is_an_error_naming_the_term(
    tmp_path: Path,
    term_separator: str,
    card_separator: str,
    term: str,
    definition: str,
    which: str,
) -> None:
    glossary = glossary_of(("Fine", "no problem"), (term, definition), (term, definition))
    path = tmp_path / "deck.txt"
    with pytest.raises(OptionError) as raised:
        export(
            glossary, path, "quizlet", term_separator=term_separator, card_separator=card_separator
        )
    message = str(raised.value)
    assert message.startswith("test.txt:2: ")  # the first offending term, not the second
    assert repr(term) in message
    assert which in message


@pytest.mark.parametrize(
    ("term_separator", "card_separator"), [("", "\n"), ("\t", ""), (";", ";"), (";", ";;")]
)
def test_unusable_separator_pairs_are_rejected(
    tmp_path: Path, term_separator: str, card_separator: str
) -> None:
    with pytest.raises(OptionError):
        export(
            glossary_of(("a", "b")),
            tmp_path / "deck.txt",
            "quizlet",
            term_separator=term_separator,
            card_separator=card_separator,
        )


def test_long_fields_are_written_whole(tmp_path: Path) -> None:
    definition = "word " * 20_000 + "end"
    cards, _, _ = write_and_split(glossary_of(("Long", definition.strip())), tmp_path)
    assert cards == [("Long", definition.strip())]


def test_rebuild_is_byte_identical(seed_path: Path, tmp_path: Path) -> None:
    glossary = Glossary(terms=(*seed_glossary(seed_path).terms, Term("Tab\tterm", "Line\nbreak")))
    export(glossary, tmp_path / "a.txt", "quizlet")
    export(glossary, tmp_path / "b.txt", "quizlet")
    assert (tmp_path / "a.txt").read_bytes() == (tmp_path / "b.txt").read_bytes()
