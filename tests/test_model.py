"""Term and Glossary: Term.create's fast construction gives the same frozen Term."""

from __future__ import annotations

import dataclasses

import pytest

from glossary_export import Glossary, Term


def test_create_trims_and_recognises_the_acronym() -> None:
    term = Term.create(" Low-Rank Adaptation (LoRA) ", " Adapters. ", tags=["a"], file="f", line=3)
    assert term == Term("Low-Rank Adaptation (LoRA)", "Adapters.", "LoRA", ("a",), "f", 3)
    assert hash(term) == hash(
        Term("Low-Rank Adaptation (LoRA)", "Adapters.", "LoRA", ("a",), "f", 3)
    )
    assert term.where == "f:3"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("Tokenizer (audio)", ""), ("Bias", ""), ("Retrieval-Augmented Generation (RAG)", "RAG")],
)
def test_create_finds_acronyms_only_where_they_are(text: str, acronym: str) -> None:
    assert Term.create(text, "d.").acronym == acronym


def test_created_terms_are_frozen_and_replaceable() -> None:
    term = Term.create("Bias", "Error.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.term = "Drift"  # type: ignore[misc]
    assert dataclasses.replace(term, definition="Other.").definition == "Other."
    assert dataclasses.asdict(term)["term"] == "Bias"
    assert repr(term) == repr(Term("Bias", "Error."))


def test_glossary_is_a_sized_iterable_of_terms() -> None:
    glossary = Glossary((Term.create("a", "b"), Term.create("c", "d")))
    assert len(glossary) == 2
    assert [t.term for t in glossary] == ["a", "c"]
