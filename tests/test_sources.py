"""In-memory sources: pairs, records and DataFrames become the same Glossary a file would."""

from __future__ import annotations

import pandas as pd
import pytest

from glossary_export import NoTermsError, SourceError, load_glossary

PAIRS = [("Bias", "Systematic error."), ("Low-Rank Adaptation (LoRA)", "Small adapters.")]


def as_pairs(glossary: object) -> list[tuple[str, str]]:
    return [(t.term, t.definition) for t in glossary.terms]  # type: ignore[attr-defined]


def test_pairs_keep_order_and_recognise_acronyms() -> None:
    glossary = load_glossary(PAIRS)
    assert as_pairs(glossary) == PAIRS
    assert [t.acronym for t in glossary.terms] == ["", "LoRA"]
    assert glossary.terms[1].where == "<list>:2"


def test_records_accept_column_synonyms_and_tags() -> None:
    records = [{"Front": "Bias", "Back": "Systematic error.", "Tags": "ml ethics"}]
    [term] = load_glossary(records).terms
    assert (term.term, term.definition, term.tags) == (
        "Bias",
        "Systematic error.",
        ("ml", "ethics"),
    )


def test_dataframe_with_term_and_definition_columns() -> None:
    frame = pd.DataFrame(PAIRS, columns=["term", "definition"])
    assert as_pairs(load_glossary(frame)) == PAIRS


def test_dataframe_empty_cell_is_an_empty_definition() -> None:
    frame = pd.DataFrame({"Term": ["Bias"], "Definition": [None]})
    assert as_pairs(load_glossary(frame)) == [("Bias", "")]


def test_records_without_term_columns_name_the_row_and_columns() -> None:
    with pytest.raises(SourceError, match=r"<records>: row 1 .* \(found: name, text\)"):
        load_glossary([{"name": "Bias", "text": "Error."}])


def test_a_pair_of_the_wrong_shape_names_the_item() -> None:
    with pytest.raises(SourceError, match=r"<list>: item 2 is not a \(term, definition\) pair"):
        load_glossary([("a", "b"), ("c",)])


def test_empty_list_has_no_terms() -> None:
    with pytest.raises(NoTermsError, match="no terms found"):
        load_glossary([])


def test_unsupported_object_says_what_is_accepted() -> None:
    with pytest.raises(SourceError, match="pass a path, a list of"):
        load_glossary(42)


def test_records_read_their_columns_like_a_csv_header() -> None:
    records = [{"Question": "LoRA", "Answer": "Adapters.", "Tag": "ml,peft", "Acronym": "LR"}]
    [term] = load_glossary(records).terms
    assert (term.term, term.definition, term.tags, term.acronym) == (
        "LoRA",
        "Adapters.",
        ("ml", "peft"),
        "LR",
    )
